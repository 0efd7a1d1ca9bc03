#!/usr/bin/env python3
"""Score annals' actor and place mentions against MEANTIME (English).

usage: scripts/meantime_actors.py [--corpus DIR] [--system CMD] [--show-errors N] [--json]

Reads the CAT XML of MEANTIME, rebuilds each document's text from its tokens
(title and dateline as their own lines), runs the system (default: the
`actors_eval` example, release build) on all documents as JSON lines, and
scores:

1. Mention detection, per type (PERSON, ORGANIZATION, LOCATION), against the
   ENTITY_MENTION markables of intra-doc_annotation/. MEANTIME annotates
   every entity mention only in the title and the first sentences of the
   body (token sentence numbers 0-5; sentence 1 is the dateline), so only
   mentions there are scored, on both sides. annals finds names, not common
   nouns or pronouns, so the gold set is the *named* mentions (syntactic type
   NAM or PRE.NAM, or an untyped mention containing a capitalized word that
   is not a pronoun); recall over all mentions is printed too. A system
   mention matches a gold mention of the same type whose extent overlaps it
   (MEANTIME extents are whole noun phrases: "President Vladimir Putin",
   "the government of Canada"); each gold mention matches at most once.
   Exact-extent scores are printed beside.
2. Cross-document entity coreference on intra_cross-doc_annotation/: gold
   mentions carry the CROMER instance id of their entity. Over the gold
   mentions the system found (same matching), every pair of mentions in
   different documents is a link; gold says linked when the instance ids
   agree, the system when its cross-document keys agree. Pairwise precision
   and recall, and B-cubed over the same mentions.

System mention classes map to MEANTIME types: person -> PER; organization ->
ORG; country, location, nationality -> LOC (MEANTIME types demonyms such as
"British" as LOC pre-modifiers). Standard library only.
"""
import argparse, glob, json, os, subprocess, sys, xml.etree.ElementTree as ET
from collections import defaultdict, Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "meantime-en")
TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
CLASS_TO_TYPE = {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC", "nationality": "LOC"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "us", "them", "him",
            "who", "which", "that", "the", "a", "an", "this", "these", "those", "both"}
SCORED_SENTENCES = 5  # title (0), dateline (1), body sentences 2..5

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "'s", "'", "%", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$"}


def load_doc(path):
    root = ET.parse(path).getroot()
    toks = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    text, offs, prev_sent, prev_tok = [], {}, None, None
    pos = 0
    for tid, sent, word in toks:
        if prev_sent is not None and sent != prev_sent:
            sep = "\n\n" if prev_sent <= 1 else " "
        elif prev_tok is None or word in NO_SPACE_BEFORE or prev_tok in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        if prev_tok is None:
            sep = ""
        text.append(sep)
        pos += len(sep)
        offs[tid] = (pos, pos + len(word), sent)
        text.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    marks = root.find("Markables")
    ents = {e.get("m_id"): e for e in marks if e.tag == "ENTITY"}
    refers = {}
    for rel in root.find("Relations"):
        if rel.tag == "REFERS_TO":
            tgt = rel.find("target").get("m_id")
            for s in rel.findall("source"):
                refers[s.get("m_id")] = tgt
    mentions = []
    for m in marks:
        if m.tag != "ENTITY_MENTION":
            continue
        ids = [a.get("t_id") for a in m.findall("token_anchor")]
        if not ids:
            continue
        e = ents.get(refers.get(m.get("m_id")))
        typ = e.get("ent_type") if e is not None else None
        words = [t for t in toks if t[0] in ids]
        start, end = offs[ids[0]][0], offs[ids[-1]][1]
        syn = m.get("syntactic_type") or ""
        named = syn in ("NAM", "PRE.NAM") or (
            syn == "" and any(w[2][:1].isupper() and w[2].lower() not in PRONOUNS for w in words))
        mentions.append(dict(start=start, end=end, sent=offs[ids[0]][2], type=typ, named=named,
                             instance=e.get("instance_id") if e is not None else None,
                             text="".join(text)[start:end]))
    return dict(id=root.get("doc_id"), name=root.get("doc_name"), text="".join(text), mentions=mentions,
                sent_start={s: min(o[0] for o in offs.values() if o[2] == s) for s in {o[2] for o in offs.values()}})


def run_system(cmd, docs):
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    out = subprocess.run(cmd, input=inp, capture_output=True, text=True, shell=True, check=True).stdout
    preds = defaultdict(list)
    for line in out.splitlines():
        if line.strip():
            p = json.loads(line)
            preds[str(p["doc"])].append(p)
    return preds


def match(golds, preds, exact=False):
    """One-to-one matching of same-type mentions by overlap (or exact extent).
    Returns a list of (gold index, pred index)."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if CLASS_TO_TYPE.get(p["class"]) != g["type"]:
                continue
            if exact:
                ok = p["start"] == g["start"] and p["end"] == g["end"]
            else:
                ok = p["start"] < g["end"] and g["start"] < p["end"]
            if ok:
                overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
                pairs.append((-overlap, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def detection(docs, preds, show):
    res = {}
    errors = []
    counts = {t: Counter() for t in TYPES}
    for d in docs:
        limit = d["sent_start"].get(SCORED_SENTENCES + 1, len(d["text"]) + 1)
        gold = [m for m in d["mentions"] if m["sent"] <= SCORED_SENTENCES and m["type"] in TYPES]
        named = [m for m in gold if m["named"]]
        # every annotated extent in the scored sentences, of any type: a system
        # mention that overlaps one of another type is a typing error
        pred = [p for p in preds.get(d["id"], []) if p["start"] < limit and p["class"] in CLASS_TO_TYPE]
        for exact in (False, True):
            m = match(named, pred, exact)
            m_all = match(gold, pred, exact)
            tag = "exact" if exact else "overlap"
            for t in TYPES:
                c = counts[t]
                c[tag + "_tp"] += sum(1 for gi, _ in m if named[gi]["type"] == t)
                c[tag + "_tp_all"] += sum(1 for gi, _ in m_all if gold[gi]["type"] == t)
            if not exact:
                hit_g = {gi for gi, _ in m}
                hit_p = {pi for _, pi in m}
                for gi, g in enumerate(named):
                    if gi not in hit_g:
                        errors.append(("miss", g["type"], d["id"], g["text"]))
                for pi, p in enumerate(pred):
                    if pi not in hit_p:
                        # overlapping an unnamed gold mention of the right type is not an error
                        if any(CLASS_TO_TYPE[p["class"]] == g["type"] and p["start"] < g["end"] and g["start"] < p["end"]
                               for g in gold if not g["named"]):
                            continue
                        errors.append(("spurious", CLASS_TO_TYPE[p["class"]], d["id"], p["text"]))
        for t in TYPES:
            c = counts[t]
            c["gold"] += sum(1 for g in named if g["type"] == t)
            c["gold_all"] += sum(1 for g in gold if g["type"] == t)
            c["pred"] += sum(1 for p in pred if CLASS_TO_TYPE[p["class"]] == t)
    tot = Counter()
    for t, c in counts.items():
        tot.update(c)
    for t, c in list(counts.items()) + [("ALL", tot)]:
        # a system mention that overlaps an unnamed (nominal) gold mention of its type is
        # neither right nor wrong for name detection: leave it out of precision
        p, r, f = prf(c["overlap_tp"], c["pred"] - (c["overlap_tp_all"] - c["overlap_tp"]), c["gold"])
        pe, re_, fe = prf(c["exact_tp"], c["pred"] - (c["exact_tp_all"] - c["exact_tp"]), c["gold"])
        res[TYPES.get(t, t)] = dict(gold_named=c["gold"], gold_all=c["gold_all"], pred=c["pred"],
                                    P=p, R=r, F1=f, exact_P=pe, exact_R=re_, exact_F1=fe,
                                    R_all=c["overlap_tp_all"] / c["gold_all"] if c["gold_all"] else 0.0)
    return res, errors


def cross_doc(docs, preds):
    found = []  # (doc, instance, system key)
    for d in docs:
        gold = [m for m in d["mentions"] if m["type"] in TYPES and m["instance"]]
        pred = [p for p in preds.get(d["id"], []) if p["class"] in CLASS_TO_TYPE]
        for gi, pi in match(gold, pred):
            found.append((d["id"], gold[gi]["instance"], CLASS_TO_TYPE[pred[pi]["class"]] + ":" + pred[pi]["key"]))
    gold_total = sum(1 for d in docs for m in d["mentions"] if m["type"] in TYPES and m["instance"])
    tp = fp = fn = 0
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            a, b = found[i], found[j]
            if a[0] == b[0]:
                continue
            g, s = a[1] == b[1], a[2] == b[2]
            tp += g and s
            fp += s and not g
            fn += g and not s
    # B-cubed over the found mentions
    by_g, by_s = defaultdict(set), defaultdict(set)
    for i, (_, g, s) in enumerate(found):
        by_g[g].add(i)
        by_s[s].add(i)
    bp = br = 0.0
    for i, (_, g, s) in enumerate(found):
        inter = len(by_g[g] & by_s[s])
        bp += inter / len(by_s[s])
        br += inter / len(by_g[g])
    n = len(found) or 1
    p, r, f = prf(tp, tp + fp, tp + fn)
    bp, br = bp / n, br / n
    return dict(mentions_found=len(found), gold_mentions=gold_total, entities=len(by_g),
                pair_P=p, pair_R=r, pair_F1=f, pairs_gold=tp + fn, pairs_system=tp + fp,
                b3_P=bp, b3_R=br, b3_F1=2 * bp * br / (bp + br) if bp + br else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--system", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "examples", "actors_eval"))
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    intra = [load_doc(p) for p in sorted(glob.glob(os.path.join(a.corpus, "intra-doc_annotation", "*", "*.xml")))]
    cross = [load_doc(p) for p in sorted(glob.glob(os.path.join(a.corpus, "intra_cross-doc_annotation", "*", "*.xml")))]
    if not intra:
        sys.exit(f"no MEANTIME documents under {a.corpus}")
    preds = run_system(a.system, intra)
    det, errors = detection(intra, preds, a.show_errors)
    xpreds = run_system(a.system, cross) if cross else {}
    xd = cross_doc(cross, xpreds) if cross else {}
    if a.json:
        print(json.dumps(dict(detection=det, cross_doc=xd), indent=1))
        return
    print(f"MEANTIME English: {len(intra)} documents; mention detection in sentences 0-{SCORED_SENTENCES}, "
          "named gold mentions, overlap match (exact extent in brackets)")
    for t, r in det.items():
        print(f"  {t:<13} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}   "
              f"[exact P {r['exact_P']:.3f} R {r['exact_R']:.3f} F1 {r['exact_F1']:.3f}]   "
              f"gold {r['gold_named']} named / {r['gold_all']} all (R over all {r['R_all']:.3f}), system {r['pred']}")
    if xd:
        print(f"cross-document entity coreference ({len(cross)} documents, {xd['entities']} entities, "
              f"{xd['mentions_found']} of {xd['gold_mentions']} gold mentions found):")
        print(f"  pairwise      P {xd['pair_P']:.3f}  R {xd['pair_R']:.3f}  F1 {xd['pair_F1']:.3f}   "
              f"(gold links {xd['pairs_gold']}, system links {xd['pairs_system']})")
        print(f"  B-cubed       P {xd['b3_P']:.3f}  R {xd['b3_R']:.3f}  F1 {xd['b3_F1']:.3f}")
    if a.show_errors:
        by_kind = defaultdict(Counter)
        for kind, t, _, txt in errors:
            by_kind[(kind, t)][txt] += 1
        for (kind, t), c in sorted(by_kind.items()):
            print(f"-- {kind} {t}: {sum(c.values())}")
            for txt, n in c.most_common(a.show_errors):
                print(f"   {n:3d}  {txt}")


if __name__ == "__main__":
    main()
