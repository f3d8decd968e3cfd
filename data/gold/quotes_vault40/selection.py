"""How the articles of this folder were chosen: AllSides articles that no other labelled set uses, 1,500 to 7,000
characters long, with 4 to 25 quotation pairs (the project's mark pairer), at most one per outlet, walked in the
order of the SHA-256 of "20261207-vault" + id. Drawn like the check folds (check40, blind40, fresh40, unseen40,
holdout40, sealed40), not enriched: a check fold labelled at the end of the twenty-sixth session, blind to the engine,
and measured once then, after all its rules (no rule is written from it). Prints the chosen ids with their quotation
pairs as JSON lines (offsets only, no text); the labelled set holds the first 40, in five blocks of eight (README.md
says who labelled which).

    python data/gold/quotes_vault40/selection.py [--shared ../shared] [--n 40] > candidates.jsonl
"""

from __future__ import annotations

from pathlib import Path

from framing.evaluate.allsides import selection_main

ROOT = Path(__file__).resolve().parents[3]
# Every article already labelled when this set was chosen (besides the shared quotation files): never chosen again.
LABELLED = ("quotes_allsides60.jsonl", "quotes_allsides30/merged.jsonl", "quotes_check60/merged.jsonl",
            "quotes_short35/merged.jsonl", "quotes_check40/merged.jsonl", "quotes_blind40/merged.jsonl",
            "quotes_short40/merged.jsonl", "quotes_fresh40/merged.jsonl", "quotes_write40/merged.jsonl",
            "quotes_random40/merged.jsonl", "quotes_words40/merged.jsonl", "quotes_fragments40/merged.jsonl",
            "quotes_unseen40/merged.jsonl", "quotes_holdout40/merged.jsonl", "quotes_sealed40/merged.jsonl",
            "pronouns/labels.jsonl", "roles/labels.jsonl", "roles/labels_second.jsonl")


def main() -> None:
    selection_main(ROOT, "20261207-vault", LABELLED, 40)


if __name__ == "__main__":
    main()
