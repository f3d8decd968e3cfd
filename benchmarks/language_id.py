"""Language identification (framing.text.language) measured: how often English news is taken for another language
(an English article would then lose its findings), how short texts fare, and whether texts in other languages are
recognised.

    python benchmarks/language_id.py                      # English: AllSides articles and sentences (../shared)
    python benchmarks/language_id.py --texts DIR          # also every DIR/<code>-*.txt (a text in that language)

English figures need ``../shared/data/allsides_articles``. For other languages give a folder of real texts named
``<ISO 639-1 code>-<anything>.txt``; the figures in docs/design-measurements.md used the non-English article
texts of newspaper's and newspaper4k's public test data (see that page). Prints what it measured.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from framing.config import DEFAULT
from framing.text.language import identify

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides_articles" / "subset_articles.jsonl.gz"


def english(n_articles: int) -> None:
    if not ALLSIDES.exists():
        print(f"(no {ALLSIDES}: English figures skipped)")
        return
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["content_original"] for _, line in zip(range(n_articles), fh, strict=False)]
    identify("Warm up the model: it loads on the first text of twenty letters or more.", DEFAULT)
    t0 = time.perf_counter()
    got = Counter(identify(t, DEFAULT).code for t in texts)
    ms = (time.perf_counter() - t0) * 1000 / len(texts)
    print(f"English articles (AllSides, first {len(texts):,}): {dict(got.most_common())}; "
          f"{ms:.2f} ms per article (first {DEFAULT.language_sample_chars:,} characters)")
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if 20 <= len(s) < 200]
    for lo, hi in ((20, 50), (50, 100), (100, 200)):
        bin_ = [s for s in sentences if lo <= len(s) < hi][:2000]
        c = Counter(identify(s, DEFAULT).code for s in bin_)
        other = sum(n for k, n in c.items() if k not in ("en", "und"))
        print(f"  English sentences of {lo}-{hi} characters: {len(bin_):,}; en {c['en'] / len(bin_):.3f}, "
              f"und {c['und'] / len(bin_):.3f}, another language {other} ({other / len(bin_):.4f})")


def others(folder: Path) -> None:
    files = sorted(f for f in folder.glob("*.txt") if re.match(r"[a-z]{2,3}-", f.name))
    rows = []
    for f in files:
        want = f.name.split("-", 1)[0]
        text = f.read_text(encoding="utf-8")
        full = identify(text, DEFAULT)
        short = identify(text[:200], DEFAULT)
        rows.append((f.name, want, len(text), full.code, full.probability, short.code))
    ok = sum(r[3] == r[1] for r in rows)
    ok_short = sum(r[5] == r[1] for r in rows)
    eng = sum(r[3] in ("en", "und") for r in rows)
    print(f"Texts in other languages ({folder}): {len(rows)} texts; right language {ok}/{len(rows)}; "
          f"first 200 characters right {ok_short}/{len(rows)}; analysed as English (en or und) {eng}")
    for name, want, n, code, p, short in rows:
        print(f"  {name:34} {want:3} {n:6,} chars -> {code:3} p={p:.3f}; first 200 chars -> {short}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000, help="English articles read (default 3000)")
    ap.add_argument("--texts", type=Path, help="a folder of <code>-*.txt texts in other languages")
    args = ap.parse_args(argv)
    print(f"framing.text.language, {time.strftime('%Y-%m-%d')}: sample {DEFAULT.language_sample_chars} characters, "
          f"min confidence {DEFAULT.min_language_confidence}, min letters {DEFAULT.min_language_letters}")
    english(args.articles)
    if args.texts:
        others(args.texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
