"""Two labellers per article: their agreement, and the merged labels the evaluation reads.

A folder (``quotes_allsides30``, ``quotes_check60``) holds ``labels_1.jsonl`` ... ``labels_5.jsonl``, one file per
labeller; the articles were cut into five blocks and each labeller labelled two neighbouring blocks (README.md says
which), so every article has two labellers, each blind to the engine and to the other. ``merged.jsonl`` keeps every
span; its kind and speaker are sure only when both labellers listed it, gave the same kind (and, for direct and
partial, the same speaker by the reference scorer's name rule) and neither marked it unsure.

    python data/gold/merge_labels.py data/gold/quotes_check60          # prints the agreement, writes merged.jsonl
    python data/gold/merge_labels.py data/gold/quotes_check60 --check  # fails if merged.jsonl differs
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from framing.evaluate.quotations import speaker_match

KINDS = ("direct", "partial", "scare", "title", "name", "mention", "other")
SPEAKING = ("direct", "partial")


def read(here: Path, i: int) -> dict[str, dict]:
    lines = (here / f"labels_{i}.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellers' kinds on the same spans."""
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in KINDS) / (n * n)
    return (po - pe) / (1 - pe)


def main() -> None:
    here = Path(sys.argv[1])
    labels = {i: read(here, i) for i in range(1, 6)}
    articles: dict[str, list[int]] = {}
    for i in range(1, 6):
        for aid in labels[i]:
            articles.setdefault(aid, []).append(i)
    bad = {a: who for a, who in articles.items() if len(who) != 2}
    if bad:
        raise SystemExit(f"merge_labels.py: articles without exactly two labellers: {bad}")
    both = only_one = 0
    kinds: list[tuple[str, str]] = []
    speakers = Counter()
    merged = []
    for aid in sorted(articles):
        i, j = articles[aid]
        qa = {(q["start"], q["end"]): q for q in labels[i][aid]["quotes"]}
        qb = {(q["start"], q["end"]): q for q in labels[j][aid]["quotes"]}
        out = []
        for span in sorted(set(qa) | set(qb)):
            a, b = qa.get(span), qb.get(span)
            if a is None or b is None:
                only_one += 1
                q = dict(a or b)  # type: ignore[arg-type]
                q["unsure"] = True
                out.append(q)
                continue
            both += 1
            kinds.append((a["kind"], b["kind"]))
            q = dict(a)
            sure = a["kind"] == b["kind"] and not a.get("unsure") and not b.get("unsure")
            if a["kind"] in SPEAKING and b["kind"] in SPEAKING:
                same = speaker_match(a["speaker"], b["speaker"]) or speaker_match(b["speaker"], a["speaker"])
                speakers["same" if same else "different"] += 1
                sure = sure and same
            q["unsure"] = not sure
            out.append(q)
        merged.append({"id": aid, "source": labels[i][aid].get("source"), "labellers": [i, j], "quotes": out})
    out_text = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in merged)
    target = here / "merged.jsonl"
    if "--check" in sys.argv:
        if target.read_text(encoding="utf-8") != out_text:
            raise SystemExit(f"merge_labels.py: {target} differs from what the labellers' files give; rerun it without --check")
    else:
        target.write_text(out_text, encoding="utf-8")
    agree = sum(a == b for a, b in kinds)
    print(f"articles {len(merged)}; spans both labellers listed {both}, only one {only_one}")
    print(f"kind agreement on shared spans {agree}/{len(kinds)} = {agree / len(kinds):.3f}; "
          f"Cohen's kappa {kappa(kinds):.3f}")
    sa = [(a == "scare", b == "scare") for a, b in kinds]
    tp = sum(x and y for x, y in sa)
    either = sum(x or y for x, y in sa)
    print(f"scare: called scare by both {tp}, by one only {either - tp}; agreement F1 "
          f"{2 * tp / (2 * tp + either - tp):.3f}")
    print(f"speaker (both labellers direct or partial): same {speakers['same']}, different "
          f"{speakers['different']}; agreement {speakers['same'] / max(1, sum(speakers.values())):.3f}")
    confusion = Counter(tuple(sorted(p)) for p in kinds if p[0] != p[1])
    print("kind disagreements:", ", ".join(f"{a}/{b} {n}" for (a, b), n in confusion.most_common()))
    sure = sum(not q["unsure"] for r in merged for q in r["quotes"])
    total = sum(len(r["quotes"]) for r in merged)
    per_kind = Counter(q["kind"] for r in merged for q in r["quotes"] if not q["unsure"])
    print(f"merged: {total} spans, {sure} sure: " + ", ".join(f"{k} {per_kind[k]}" for k in KINDS))


if __name__ == "__main__":
    main()
