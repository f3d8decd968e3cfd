"""How the labelled pronouns were chosen: he/she reporting frames next to a quotation mark, in AllSides articles that
no quotation fold uses, walked in the order of the SHA-256 of their ids (at most four per article). Prints the
candidates as JSON lines (offsets only, no text); ``labels.jsonl`` holds the first 150 of them, labelled.

    python data/gold/pronouns/selection.py [--shared ../shared] > candidates.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from framing.evaluate.allsides import ALLSIDES, allsides_articles, labelled_ids

ROOT = Path(__file__).resolve().parents[3]
VERBS = (r"(?:said|says|added|told|wrote|asked|argued|continued|explained|noted|insisted|warned|replied|claimed|"
         r"recalled|stressed|declared|tweeted)")
WORD = r"[A-Za-z][\w'\u2019-]*"
# the pronoun, then a reporting verb as the first or second word after it; or the verb, then the pronoun
FRAME = re.compile(r"\b(?P<p1>[Hh]e|[Ss]he)\b(?:[ \t]+" + WORD + r")?[ \t]+" + VERBS + r"\b"
                   r"|\b" + VERBS + r"(?:[ \t]+" + WORD + r")?[ \t]+(?P<p2>[Hh]e|[Ss]he)\b")
QUOTE_MARKS = set("\"\u201c\u201d\u2018\u2019'")
SENTENCE_END = re.compile(r"[.!?][\u201d\"\u2019']?\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def excluded(shared: Path) -> set[str]:
    """The ids of the quotation folds' articles."""
    return labelled_ids((shared / "data/quotes/quotes_dev.jsonl", shared / "data/quotes/quotes_dev2.jsonl",
                         ROOT / "data/gold/quotes_allsides60.jsonl"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    skip = excluded(args.shared)
    texts = {aid: t for aid, _, t in allsides_articles(args.shared / "data" / ALLSIDES)
             if aid not in skip and len(t) >= 1500}
    for rank, aid in enumerate(sorted(texts, key=lambda a: hashlib.sha256(a.encode()).hexdigest())):
        t, spans, n = texts[aid], sentences(texts[aid]), 0
        for m in FRAME.finditer(t):
            g = "p1" if m.group("p1") else "p2"
            start = m.start(g)
            si = next(i for i, (a, b) in enumerate(spans) if a <= start < b)
            lo = spans[si - 1][0] if si > 0 else spans[si][0]
            if not set(t[lo:spans[si][1]]) & QUOTE_MARKS:
                continue
            print(json.dumps({"rank": rank, "id": aid, "pronoun_start": start, "pronoun": m.group(g).lower()}))
            n += 1
            if n >= 4:
                break


if __name__ == "__main__":
    main()
