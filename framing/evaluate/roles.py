"""Speaker roles against our labels (``data/gold/roles/labels.jsonl``), per fold and pooled.

Each labelled speaker mention is matched to the attribution whose source span overlaps it (the first by position).
Figures:

* **coverage**: the share of labelled mentions some attribution's source covers (the attribution detector's recall
  of speakers, not the role module's doing);
* **role accuracy**: among covered mentions, the share given the labelled role; also without the mentions the
  labeller marked ``UNSURE``;
* **end to end**: labelled mentions given the right role, over all of them (a missed mention counts as wrong);
* **party**: among covered politicians with a labelled party, the share given that party; and the parties given where
  the label has none;
* the **confusion** of roles (labelled -> given), which is what a wrong role looks like.

Fold A is the data the rules were written from; fold B was not looked at while writing them (see
``data/gold/roles/README.md``): its figure is the one to expect on new text.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.evaluate.allsides import allsides_articles
from framing.report import analyse

LABELS = Path(__file__).resolve().parents[2] / "data" / "gold" / "roles" / "labels.jsonl"
# The same mentions labelled again by a second labeller who saw neither the first labels nor the module's output.
SECOND = LABELS.with_name("labels_second.jsonl")


@dataclass
class RoleFigures:
    mentions: int = 0
    covered: int = 0
    correct: int = 0
    sure: int = 0
    sure_correct: int = 0
    party_gold: int = 0
    party_correct: int = 0
    party_extra: int = 0  # a party given where the label has none
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.mentions if self.mentions else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.covered if self.covered else 0.0

    @property
    def sure_accuracy(self) -> float:
        return self.sure_correct / self.sure if self.sure else 0.0

    @property
    def end_to_end(self) -> float:
        return self.correct / self.mentions if self.mentions else 0.0

    def line(self, name: str) -> str:
        party = (f"; party {self.party_correct}/{self.party_gold}, {self.party_extra} given without a label"
                 if self.mentions else "")
        return (f"{name}: {self.mentions} mentions, coverage {self.coverage:.3f}, role accuracy {self.accuracy:.3f} "
                f"({self.correct}/{self.covered}; sure {self.sure_accuracy:.3f} of {self.sure}), end to end "
                f"{self.end_to_end:.3f}{party}")


def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_texts(data: Path, labels: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The labelled articles' texts, from the corpus files the labels name."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for r in labels:
        wanted[r["file"]].add(r["id"])
    out: dict[str, dict[str, Any]] = {}
    for rel, ids in wanted.items():
        for aid, source, text in allsides_articles(data / rel, ids):
            out[aid] = {"id": aid, "text": text, "source": source or None}
    return out


def score(data: Path, *, labels_path: Path = LABELS) -> dict[str, RoleFigures]:
    """Figures for fold A, fold B and pooled."""
    labels = read_labels(labels_path)
    texts = load_texts(data, labels)
    figs = {"A": RoleFigures(), "B": RoleFigures(), "pooled": RoleFigures()}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in labels:
        by_article[r["id"]].append(r)
    for aid in sorted(by_article):
        art = texts.get(aid)
        if art is None:
            continue
        rep = analyse(art["text"], id=aid, source=art.get("source")).to_dict()
        attrs = sorted((f for f in rep["findings"] if f["type"] == "attribution" and f.get("source_start") is not None),
                       key=lambda f: (f["source_start"], f["start"]))
        for g in by_article[aid]:
            hit = next((f for f in attrs if f["source_start"] < g["end"] and g["start"] < f["source_end"]), None)
            for key in (g["fold"], "pooled"):
                _count(figs[key], g, hit, art["text"])
    return figs


def _count(fig: RoleFigures, g: dict[str, Any], hit: dict[str, Any] | None, text: str) -> None:
    fig.mentions += 1
    sure = not (g.get("note") or "").startswith("UNSURE")
    if hit is None:
        fig.confusion[(g["role"], "(not found)")] += 1
        return
    fig.covered += 1
    pred = hit.get("role") or "unknown"
    fig.confusion[(g["role"], pred)] += 1
    ok = pred == g["role"]
    fig.correct += ok
    if sure:
        fig.sure += 1
        fig.sure_correct += ok
    if g.get("party"):
        fig.party_gold += 1
        fig.party_correct += hit.get("party") == g["party"]
    elif hit.get("party"):
        fig.party_extra += 1
    if not ok:
        ctx = " ".join(text[max(0, g["start"] - 60):g["end"] + 40].split())
        fig.errors.append(f"{g['role']} -> {pred}: {text[g['start']:g['end']]!r} | {hit.get('role_reason')} | "
                          f"...{ctx}...")


@dataclass(frozen=True)
class Agreement:
    """How often two labellers gave the same role (and, where both call the speaker a politician, the same party)."""

    mentions: int
    observed: float  # the share of mentions given the same role
    kappa: float  # Cohen's kappa: the agreement beyond what the two labellers' role frequencies give by chance
    party_both: int
    party_same: int
    disagreements: Counter[tuple[str, str]]

    @property
    def line(self) -> str:
        top = "; ".join(f"{a} / {b}: {n}" for (a, b), n in sorted(self.disagreements.items(),
                                                                    key=lambda kv: (-kv[1], kv[0]))[:6])
        return (f"two labellers, {self.mentions} mentions: same role {self.observed:.3f}, Cohen's kappa "
                f"{self.kappa:.3f}; same party {self.party_same}/{self.party_both} where both give a politician's "
                f"party; different roles (first / second): {top or 'none'}")


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> Agreement:
    """Agreement of two label files over the same mentions (matched by article id and offsets)."""
    other = {(r["id"], r["start"], r["end"]): r for r in second}
    pairs = [(r, other[(r["id"], r["start"], r["end"])]) for r in first if (r["id"], r["start"], r["end"]) in other]
    n = len(pairs)
    if not n:
        return Agreement(0, 0.0, 0.0, 0, 0, Counter())
    same = sum(a["role"] == b["role"] for a, b in pairs) / n
    fa, fb = Counter(a["role"] for a, _ in pairs), Counter(b["role"] for _, b in pairs)
    chance = sum(fa[k] * fb[k] for k in fa) / (n * n)
    kappa = (same - chance) / (1 - chance) if chance < 1 else 1.0
    both = [(a, b) for a, b in pairs if a.get("party") and b.get("party")]
    return Agreement(n, same, kappa, len(both), sum(a["party"] == b["party"] for a, b in both),
                     Counter((a["role"], b["role"]) for a, b in pairs if a["role"] != b["role"]))


def confusion_lines(fig: RoleFigures, top: int = 12) -> list[str]:
    """The commonest wrong roles, labelled -> given."""
    wrong = [(k, v) for k, v in fig.confusion.items() if k[0] != k[1] and k[1] != "(not found)"]
    wrong.sort(key=lambda kv: (-kv[1], kv[0]))
    return [f"{g} -> {p}: {n}" for (g, p), n in wrong[:top]]
