#!/usr/bin/env python3
"""Score a temporal tagger against the MEANTIME corpus (NAF/CAT XML), TempEval-3 style.

usage: meantime_timex.py --system 'COMMAND {dct}' [FILE_OR_DIR...] [--json] [--show-errors N]
                         [--no-dct-timex] [--all-sentences] [--jobs N]

Without FILE_OR_DIR, reads
/work/shared/corpora/meantime-en/intra-doc_annotation/corpus_*/*.xml.

Each CAT document lists its tokens (<token t_id sentence>) and markables; a TIMEX3
markable names its tokens with <token_anchor t_id>. The document text is rebuilt
from the tokens in document order: tokens of one sentence joined by single spaces,
sentences separated by a newline. Gold TIMEX3 spans become character offsets into
that text (first anchored token's start to last anchored token's end). TIMEX3
markables without token anchors (empty elements) are skipped.

MEANTIME annotates only the title, the date line and the first four body
sentences (sentence numbers 0-5 in the CAT files). The whole text is given to the
system (later sentences are context), but system expressions starting after the
last annotated sentence (the 6th, or a later one holding a markable) are not
scored; --all-sentences scores everything.

The document creation time is the TIMEX3 with functionInDocument="CREATION_TIME"
(YYYY-MM-DD); when that is missing or not ISO (three documents), the date line
under the title ("September 01 , 2007") is read instead. In MEANTIME that expression is itself part of the text (the line
under the title) and is scored like any other expression; --no-dct-timex leaves
it out of the gold and drops system expressions that overlap it.

COMMAND gets the text on standard input, with {dct} replaced by the DCT, and
prints one JSON object per line for each expression it finds:
  {"start": 12, "end": 21, "type": "DATE", "value": "2008-03-01"}
start/end are character (code point) offsets, end exclusive.

Reported, micro-averaged over all documents (same matching as timex_score.py):
  relaxed  extent overlaps a gold expression (P/R/F1)
  strict   extent equals a gold expression (P/R/F1)
  value    relaxed match and identical TIMEX3 value (P/R/F1)
  type     type accuracy over relaxed matches
Standard library only.
"""
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

DEFAULT_GLOB = "/work/shared/corpora/meantime-en/intra-doc_annotation/corpus_*/*.xml"


def load_cat(path):
    """(dct, text, gold) for one MEANTIME CAT document."""
    root = ET.parse(path).getroot()
    tokens = []  # (t_id, sentence, text) in document order
    for tok in root.iter("token"):
        tokens.append((tok.get("t_id"), tok.get("sentence"), tok.text or ""))
    # Document order: the "number" attribute when present, else file order.
    parts = []
    pos = 0
    span_of = {}
    prev_sent = None
    for t_id, sent, word in tokens:
        if prev_sent is not None:
            sep = "\n" if sent != prev_sent else " "
            parts.append(sep)
            pos += len(sep)
        span_of[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent = sent
    text = "".join(parts)
    dct = ""
    gold = []
    markables = root.find("Markables")
    timexes = markables.iter("TIMEX3") if markables is not None else root.iter("TIMEX3")
    for tx in timexes:
        anchors = [a.get("t_id") for a in tx.findall("token_anchor")]
        anchors = [a for a in anchors if a in span_of]
        is_dct = tx.get("functionInDocument") == "CREATION_TIME"
        if is_dct and not dct:
            dct = (tx.get("value") or "")[:10]
        if not anchors:
            continue
        spans = [span_of[a] for a in anchors]
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        gold.append(dict(start=start, end=end, type=tx.get("type"), value=tx.get("value"), dct=is_dct))
    gold.sort(key=lambda g: (g["start"], g["end"]))
    # MEANTIME annotates only the title, the date line and the first sentences
    # (sentence numbers 0-5): system output after that region is not scored.
    sent_of = {t_id: int(sent) for t_id, sent, _ in tokens if sent and sent.isdigit()}
    anchored = [sent_of[a.get("t_id")] for a in (markables if markables is not None else root).iter("token_anchor")
                if a.get("t_id") in sent_of]
    last = max([ANNOTATED_SENTENCES - 1] + anchored)
    region_end = max([e for t_id, (s, e) in span_of.items() if sent_of.get(t_id, 0) <= last], default=len(text))
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", dct):
        dct = date_line(tokens) or dct
    return dct, text, gold, region_end


ANNOTATED_SENTENCES = 6

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}


def date_line(tokens):
    """The publication date under a Wikinews title ("September 01 , 2007"), as
    YYYY-MM-DD: used when a document has no usable CREATION_TIME markable."""
    for sent in ("1", "0", "2"):
        words = [w for _, s, w in tokens if s == sent]
        for k in range(len(words) - 2):
            m = MONTHS.get(words[k].lower())
            if m and words[k + 1].isdigit() and int(words[k + 1]) <= 31:
                y = words[k + 3] if words[k + 2] == "," and k + 3 < len(words) else words[k + 2]
                if re.fullmatch(r"\d{4}", y):
                    return f"{y}-{m:02d}-{int(words[k + 1]):02d}"
    return ""


def run_system(cmd, dct, text):
    p = subprocess.run(cmd.replace("{dct}", dct), shell=True, input=text.encode(),
                       capture_output=True, timeout=120)
    if p.returncode != 0:
        raise SystemExit(f"system failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]


def files(args):
    if not args:
        yield from sorted(glob.glob(DEFAULT_GLOB))
        return
    for a in args:
        if os.path.isdir(a):
            for root, _, names in sorted(os.walk(a)):
                for f in sorted(names):
                    if f.endswith(".xml"):
                        yield os.path.join(root, f)
        else:
            yield a


def main():
    argv = sys.argv[1:]
    if "--system" not in argv:
        sys.exit(__doc__)
    i = argv.index("--system")
    cmd = argv[i + 1]
    del argv[i:i + 2]
    show = 0
    if "--show-errors" in argv:
        i = argv.index("--show-errors")
        show = int(argv[i + 1])
        del argv[i:i + 2]
    jobs = 2
    if "--jobs" in argv:
        i = argv.index("--jobs")
        jobs = max(1, int(argv[i + 1]))
        del argv[i:i + 2]
    as_json = "--json" in argv
    no_dct = "--no-dct-timex" in argv
    paths = [a for a in argv if not a.startswith("--")]
    all_sentences = "--all-sentences" in argv
    docs = []
    for p in files(paths):
        dct, text, gold, region_end = load_cat(p)
        docs.append((p, dct, text, gold, len(text) if all_sentences else region_end))
    if not docs:
        sys.exit("no MEANTIME documents found")

    def work(doc):
        _, dct, text, _, _ = doc
        return run_system(cmd, dct, text)

    with ThreadPoolExecutor(jobs) as ex:
        outputs = list(ex.map(work, docs))

    n_gold = n_sys = relaxed = strict = value = typ = 0
    errors = []
    for (path, dct, text, gold, region_end), sys_ in zip(docs, outputs):
        name = os.path.basename(path)
        sys_ = [s for s in sys_ if s["start"] < region_end]
        if no_dct:
            dct_spans = [(g["start"], g["end"]) for g in gold if g["dct"]]
            gold = [g for g in gold if not g["dct"]]
            sys_ = [s for s in sys_
                    if not any(s["start"] < e and s["end"] > b for b, e in dct_spans)]
        n_gold += len(gold)
        n_sys += len(sys_)
        used = set()
        for g in gold:
            best = None
            for k, s in enumerate(sys_):
                if k in used or s["end"] <= g["start"] or s["start"] >= g["end"]:
                    continue
                best = k
                if s["start"] == g["start"] and s["end"] == g["end"]:
                    break
            if best is None:
                errors.append(f"{name}: missed {text[g['start']:g['end']]!r} = {g['value']}")
                continue
            used.add(best)
            s = sys_[best]
            relaxed += 1
            exact = s["start"] == g["start"] and s["end"] == g["end"]
            strict += exact
            value += s.get("value") == g["value"]
            typ += s.get("type") == g["type"]
            if not exact:
                errors.append(f"{name}: extent {text[g['start']:g['end']]!r} got "
                              f"{text[s['start']:s['end']]!r}")
            if s.get("value") != g["value"]:
                errors.append(f"{name}: {text[g['start']:g['end']]!r} (dct {dct}) gold {g['value']} "
                              f"got {s.get('value')}")
        for k, s in enumerate(sys_):
            if k not in used:
                errors.append(f"{name}: spurious {text[s['start']:s['end']]!r} = {s.get('value')}")

    def prf(tp):
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return dict(p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0)

    out = dict(documents=len(docs), gold=n_gold, system=n_sys, relaxed=prf(relaxed),
               strict=prf(strict), value=prf(value),
               type_accuracy=typ / relaxed if relaxed else 0.0)
    if as_json:
        print(json.dumps(out, indent=1))
    else:
        for e in errors[:show]:
            print(e)
        for k in ("relaxed", "strict", "value"):
            m = out[k]
            print(f"{k:8} P {100*m['p']:.2f}  R {100*m['r']:.2f}  F1 {100*m['f1']:.2f}")
        print(f"type accuracy {100*out['type_accuracy']:.2f}  "
              f"(documents {len(docs)}, gold {n_gold}, system {n_sys})")


if __name__ == "__main__":
    main()
