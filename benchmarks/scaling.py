"""Running time against text size for every family of adversarial text, and for real articles joined into one.

    python benchmarks/scaling.py [--size CHARS] [--families NAME ...]

For each family of ``framing.adversarial`` it analyses texts of SIZE and 4 x SIZE characters (best of three, in CPU seconds of the process) and
prints both times and their ratio; a linear engine gives about 4. With ``../shared`` present it also joins real
AllSides articles into one text of ~1.2 MB and one of ~5 MB (the issue's real-text case) and prints that ratio.
The test suite checks the same families at smaller sizes (``tests/test_scaling.py``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import framing  # noqa: E402
from benchmarks._common import SUBSET  # noqa: E402
from framing.adversarial import FAMILIES, analyse_seconds  # noqa: E402


def joined_articles(chars: int) -> str:
    parts: list[str] = []
    total = 0
    with gzip.open(SUBSET, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("content_original") or ""
            parts.append(t)
            total += len(t) + 2
            if total >= chars:
                break
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=100_000, help="the smaller text, in characters (default 100,000)")
    ap.add_argument("--families", nargs="*", default=sorted(FAMILIES))
    args = ap.parse_args()
    framing.analyse('Warm up the engine. "Yes," the minister said on Tuesday.')  # the language model loads too
    print(f"{'family':40} {'size':>9} {'time':>8} {'4x size':>9} {'time':>8} {'ratio':>6}")
    worst = 0.0
    for name in args.families:
        make = FAMILIES[name]
        a, b = analyse_seconds(make(args.size)), analyse_seconds(make(4 * args.size))
        worst = max(worst, b / a)
        print(f"{name:40} {args.size:>9,} {a:>7.3f}s {4 * args.size:>9,} {b:>7.3f}s {b / a:>6.2f}", flush=True)
    print(f"worst ratio over {len(args.families)} families: {worst:.2f} (linear: about 4)")
    if SUBSET.exists():
        small, large = joined_articles(1_220_000), joined_articles(5_160_000)
        a, b = analyse_seconds(small, 1), analyse_seconds(large, 1)
        print(f"real AllSides articles joined: {len(small):,} chars {a:.1f}s, {len(large):,} chars {b:.1f}s, "
              f"ratio {b / a:.2f} for {len(large) / len(small):.2f}x the text")
    else:
        print(f"real-text case skipped: {SUBSET} not found")


if __name__ == "__main__":
    main()
