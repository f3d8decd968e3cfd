"""How the articles of this folder were chosen: AllSides articles that no other labelled set uses, 1,500 to 7,000
characters long, with 4 to 25 quotation pairs (the project's mark pairer), at most one per outlet, walked in the
order of the SHA-256 of "20261205" + id: a check fold drawn like allsides30 and check60 (no rule is written from
it; its errors are read only as counts). Prints the chosen ids with their quotation pairs as JSON lines (offsets only, no
text); the labelled set holds the first 40, in five blocks of eight (README.md says who labelled which).

    python data/gold/quotes_check40/selection.py [--shared ../shared] [--n 40] > candidates.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from framing.evaluate.allsides import ALLSIDES, allsides_articles
from framing.text.quotemarks import pair_quotes

ROOT = Path(__file__).resolve().parents[3]


def excluded(shared: Path) -> set[str]:
    """The ids of every article already labelled: the quotation folds and the pronoun and role labels."""
    ids: set[str] = set()
    for p in (shared / "data/quotes/quotes_dev.jsonl", shared / "data/quotes/quotes_dev2.jsonl",
              ROOT / "data/gold/quotes_allsides60.jsonl", ROOT / "data/gold/quotes_allsides30/merged.jsonl",
              ROOT / "data/gold/quotes_check60/merged.jsonl", ROOT / "data/gold/quotes_short35/merged.jsonl",
              ROOT / "data/gold/pronouns/labels.jsonl",
              ROOT / "data/gold/roles/labels.jsonl", ROOT / "data/gold/roles/labels_second.jsonl"):
        ids |= {json.loads(line)["id"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--n", type=int, default=40)
    args = ap.parse_args()
    skip = excluded(args.shared)
    records = {aid: (source, t) for aid, source, t in allsides_articles(args.shared / "data" / ALLSIDES)
               if aid not in skip and 1500 <= len(t) <= 7000}
    outlets: set[str] = set()
    chosen = 0
    for aid in sorted(records, key=lambda a: hashlib.sha256(("20261205" + a).encode()).hexdigest()):
        source, text = records[aid]
        if source in outlets:
            continue
        spans, _ = pair_quotes(text)
        if not 4 <= len(spans) <= 25:
            continue
        outlets.add(source)
        print(json.dumps({"id": aid, "source": source,
                          "pairs": [[s.start, s.end] for s in spans]}, sort_keys=True))
        chosen += 1
        if chosen == args.n:
            break


if __name__ == "__main__":
    main()
