#!/usr/bin/env python3
"""Turn MEANTIME CAT documents into annals' JSON-lines article format.

usage: meantime_jsonl.py DIR_OR_FILE... > meantime.jsonl

Each document's text is rebuilt from its tokens (one sentence per line) and
its document creation time becomes "published", so that `annals build`
can run on MEANTIME (see docs/events.md). Standard library only; reuses
the reader of scripts/meantime_timex.py.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from meantime_timex import load_cat, files  # noqa: E402


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    for path in files(args):
        dct, text, _gold, _end = load_cat(path)
        name = os.path.splitext(os.path.basename(path))[0]
        print(json.dumps({"id": name, "published": dct or None, "source": "MEANTIME (Wikinews)", "text": text}))


if __name__ == "__main__":
    main()
