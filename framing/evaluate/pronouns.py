"""Pronoun speakers against our labels (``data/gold/pronouns/labels.jsonl``): who "he" or "she" is.

Each labelled pronoun is matched to the attribution whose source is that pronoun. Figures:

* **found**: the share of labelled pronouns an attribution takes as its source;
* **accuracy**: among those, the share whose speaker is the labelled referent (the quotation scorer's rule: one name
  contains the other, or the referent's last word is in the speaker), overall and by how far back the referent was
  last named.

Write data (see ``data/gold/pronouns/README.md``): the figure is optimistic.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.evaluate.quotations import speaker_match
from framing.evaluate.roles import load_texts, read_labels
from framing.report import analyse

LABELS = Path(__file__).resolve().parents[2] / "data" / "gold" / "pronouns" / "labels.jsonl"
DISTANCES = ("same sentence", "previous sentence", "2-3 sentences", "further")


@dataclass
class PronounFigures:
    labelled: int = 0
    found: int = 0
    correct: int = 0
    by_distance: Counter[tuple[str, bool]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def coverage(self) -> float:
        return self.found / self.labelled if self.labelled else 0.0

    def line(self) -> str:
        parts = []
        for d in DISTANCES:
            ok, bad = self.by_distance[(d, True)], self.by_distance[(d, False)]
            if ok + bad:
                parts.append(f"{d} {ok}/{ok + bad}")
        return (f"pronoun speakers (our labels, write data): {self.labelled} pronouns, found as a source "
                f"{self.coverage:.3f}, speaker right {self.accuracy:.3f} ({self.correct}/{self.found}); by where the "
                f"person was last named: " + ", ".join(parts))


def score(data: Path, *, labels_path: Path = LABELS) -> PronounFigures | None:
    labels = [r for r in read_labels(labels_path) if r["referent"] != "unclear"]
    if not all((data / r["file"]).exists() for r in labels):
        return None
    texts = load_texts(data, labels)
    if not texts:
        return None
    fig = PronounFigures()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in labels:
        by_article.setdefault(r["id"], []).append(r)
    for aid in sorted(by_article):
        art = texts.get(aid)
        if art is None:
            continue
        text = art["text"]
        rep = analyse(text, id=aid).to_dict()
        sources = {f["source_start"]: f for f in rep["findings"]
                   if f["type"] == "attribution" and f.get("source_type") == "pronoun"}
        for g in by_article[aid]:
            fig.labelled += 1
            hit = sources.get(g["pronoun_start"])
            if hit is None:
                continue
            fig.found += 1
            ok = speaker_match(g["referent"], hit.get("speaker"))
            fig.correct += ok
            fig.by_distance[(g["distance"], ok)] += 1
            if not ok:
                s = g["pronoun_start"]
                ctx = " ".join(text[max(0, s - 200):s + 40].split())
                fig.errors.append(f"{aid}: referent {g['referent']!r} ({g['distance']}), given "
                                  f"{hit.get('speaker')!r}: ...{ctx}...")
    return fig
