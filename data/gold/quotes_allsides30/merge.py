"""Two labellers per article: their agreement, and the merged labels the evaluation reads.

The 30 articles chosen by ``select.py`` were cut into five blocks of six; labeller ``i`` (``labels_i.jsonl``)
labelled blocks ``i-1`` and ``i`` (labeller 1: blocks 5 and 1), so every article has two labellers, each blind to
the engine and to the other. ``merged.jsonl`` keeps a span both labelled; its kind and speaker are sure only when
the two agree (the speaker by the reference scorer's name rule), otherwise the span is marked unsure, as a span
either labeller marked unsure is. A span only one labeller listed is kept as unsure.

    python data/gold/quotes_allsides30/merge.py          # prints the agreement, writes merged.jsonl
    python data/gold/quotes_allsides30/merge.py --check  # prints the agreement, fails if merged.jsonl differs
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from framing.evaluate.quotations import speaker_match

HERE = Path(__file__).resolve().parent
KINDS = ("direct", "partial", "scare", "title", "name", "mention", "other")
SPEAKING = ("direct", "partial")


def read(i: int) -> dict[str, dict]:
    lines = (HERE / f"labels_{i}.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellers' kinds on the same spans."""
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in KINDS) / (n * n)
    return (po - pe) / (1 - pe)


def main() -> None:
    labels = {i: read(i) for i in range(1, 6)}
    articles: dict[str, list[int]] = {}
    for i in range(1, 6):
        for aid in labels[i]:
            articles.setdefault(aid, []).append(i)
    bad = {a: who for a, who in articles.items() if len(who) != 2}
    if bad:
        raise SystemExit(f"merge.py: articles without exactly two labellers: {bad}")
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
    target = HERE / "merged.jsonl"
    if "--check" in sys.argv:
        if target.read_text(encoding="utf-8") != out_text:
            raise SystemExit("merge.py: merged.jsonl differs from what the labellers' files give; rerun merge.py")
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
