#!/usr/bin/env python3
"""Load `annals export` dumps with rdflib (an independent parser) and count.

usage: check_dumps.py DIR QUADS TRIPLES

DIR holds dump.nq, dump.trig, dump.jsonld (every quad of the store, graph
names kept) and dump.ttl (graphs merged). QUADS is the store's quad count,
TRIPLES its number of distinct triples. Exit status: 0 passed, 1 failed,
77 rdflib missing.
"""

import os
import sys

try:
    import rdflib
except ImportError as e:
    print(f"SKIP: rdflib missing ({e}); run scripts/setup (pip install rdflib)")
    sys.exit(77)

folder, quads, triples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
failed = False
for name, fmt in (("dump.nq", "nquads"), ("dump.trig", "trig"), ("dump.jsonld", "json-ld")):
    ds = rdflib.Dataset()
    ds.parse(os.path.join(folder, name), format=fmt)
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    graphs = {str(c.identifier) for c in ds.contexts() if len(c) > 0}
    ok = n == quads and "https://annals.example.org/graph/linked" in graphs
    failed |= not ok
    print(f"{'ok' if ok else 'FAIL'}: {name} ({fmt}): {n} quads in {len(graphs)} graphs, store has {quads}")
g = rdflib.Graph()
g.parse(os.path.join(folder, "dump.ttl"), format="turtle")
ok = len(g) == triples
failed |= not ok
print(f"{'ok' if ok else 'FAIL'}: dump.ttl (turtle): {len(g)} triples, store has {triples} distinct")
sys.exit(1 if failed else 0)
