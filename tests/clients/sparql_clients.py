#!/usr/bin/env python3
"""Talk to a running `annals serve` with the usual Python clients.

usage: sparql_clients.py ENDPOINT EXPECTED_DIR

ENDPOINT is http://127.0.0.1:PORT/sparql. EXPECTED_DIR holds, for every
bundled query NAME, NAME.rq (its text) and NAME.json (what
`annals query NAME --format json` printed). Every query is sent with
SPARQLWrapper in several ways and must give the same bindings; then rdflib's
SPARQLStore, CONSTRUCT results parsed by rdflib, and the refusals (update,
bad syntax) are checked.

Exit status: 0 all passed, 1 a check failed, 77 a client library is missing
(the message says which and how to install it).
"""

import json
import os
import sys
import urllib.error

try:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
except ImportError as e:
    print(f"SKIP: Python SPARQL clients missing ({e}); run scripts/setup (pip install rdflib SPARQLWrapper)")
    sys.exit(77)

endpoint, expected_dir = sys.argv[1], sys.argv[2]
checks = 0


def check(condition, message):
    global checks
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)
    checks += 1


def canonical(bindings):
    """Bindings as a sorted list of tuples, so that row order does not matter for GROUP_CONCAT ties."""
    rows = []
    for b in bindings:
        rows.append(tuple(sorted((k, v["type"].replace("typed-literal", "literal"), v["value"], v.get("datatype", "")) for k, v in b.items())))
    return sorted(rows)


def client(query, return_format=JSON, method=None):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(return_format)
    if method:
        sparql.setMethod(POST)
        sparql.setRequestMethod(method)
    return sparql.query()


names = sorted(f[:-3] for f in os.listdir(expected_dir) if f.endswith(".rq"))
check(len(names) >= 12, f"only {len(names)} bundled queries")
for name in names:
    text = open(os.path.join(expected_dir, name + ".rq"), encoding="utf-8").read()
    expected = json.load(open(os.path.join(expected_dir, name + ".json"), encoding="utf-8"))
    want = canonical(expected["results"]["bindings"])
    # GET with Accept: application/sparql-results+json (and format=json).
    got = client(text).convert()
    check(got["head"]["vars"] == expected["head"]["vars"], f"{name}: vars {got['head']['vars']}")
    check(canonical(got["results"]["bindings"]) == want, f"{name}: JSON bindings differ from `annals query`")
    # POST, form-encoded and as an application/sparql-query body.
    for method in ("urlencoded", POSTDIRECTLY):
        got = client(text, JSON, method).convert()
        check(canonical(got["results"]["bindings"]) == want, f"{name}: POST {method} differs")
    # SPARQL XML: the same number of rows.
    xml = client(text, XML).convert()
    check(len(xml.getElementsByTagName("result")) == len(want), f"{name}: XML row count")
    # CSV and TSV: a header line and one line per row (values have no newlines in these queries? count records).
    csv_text = client(text, CSV).convert().decode("utf-8")
    import csv as csvlib
    import io

    records = list(csvlib.reader(io.StringIO(csv_text)))
    check(records[0] == expected["head"]["vars"], f"{name}: CSV header {records[0]}")
    check(len(records) - 1 == len(want), f"{name}: CSV has {len(records) - 1} rows, want {len(want)}")
    tsv_text = client(text, TSV).convert().decode("utf-8")
    check(tsv_text.split("\n", 1)[0] == "\t".join("?" + v for v in expected["head"]["vars"]), f"{name}: TSV header")
    print(f"ok: {name}: {len(want)} rows in JSON, XML, CSV, TSV, GET and POST")

# ASK
ask = client("ASK { GRAPH ?g { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } }").convert()
check(ask["boolean"] is True, f"ASK gave {ask}")

# CONSTRUCT as Turtle and JSON-LD, parsed by rdflib.
construct = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
CONSTRUCT { ?e sem:hasActor ?a } WHERE { GRAPH <https://annals.example.org/graph/linked> { ?e sem:hasActor ?a } }"""
count = client(
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://annals.example.org/graph/linked> "
    "{ ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> ?a } }"
).convert()
n = int(count["results"]["bindings"][0]["n"]["value"])
check(n > 0, "no sem:hasActor triples")
turtle = client(construct, TURTLE).convert()
g = rdflib.Graph().parse(data=turtle, format="turtle")
check(len(g) == n, f"CONSTRUCT Turtle: {len(g)} triples, want {n}")
jsonld = client(construct, JSONLD)
check(jsonld.response.info()["Content-Type"] == "application/ld+json", "CONSTRUCT JSON-LD content type")
g = rdflib.Graph().parse(data=jsonld.response.read().decode("utf-8"), format="json-ld")
check(len(g) == n, f"CONSTRUCT JSON-LD: {len(g)} triples, want {n}")
print(f"ok: ASK, CONSTRUCT as Turtle and JSON-LD ({n} triples)")

# rdflib's own SPARQL store client.
store = SPARQLStore(endpoint, returnFormat="json")
rows = list(
    store.query(
        "SELECT ?id WHERE { GRAPH <https://annals.example.org/graph/linked> "
        "{ ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; <http://purl.org/dc/terms/identifier> ?id } }"
    )
)
events = json.load(open(os.path.join(expected_dir, "events.json"), encoding="utf-8"))
check(len(rows) == len(events["results"]["bindings"]), f"SPARQLStore: {len(rows)} events")
print(f"ok: rdflib SPARQLStore ({len(rows)} events)")

# Refusals: an update and a syntax error.
try:
    sparql = SPARQLWrapper(endpoint)
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    sparql.query()
    check(False, "an update was accepted")
except urllib.error.HTTPError as e:
    # SPARQLWrapper has no exception class for 403; urllib's comes through.
    body = e.read().decode("utf-8")
    check(e.code == 403 and "read-only" in body, f"update refusal: {e.code} {body}")
try:
    client("SELECT ?x WHERE { ?x ")
    check(False, "a syntax error was accepted")
except QueryBadFormed as e:
    check("1:" in str(e), f"syntax error message has no position: {e}")
print("ok: update refused, syntax error reported with its position")
print(f"all {checks} checks passed")
