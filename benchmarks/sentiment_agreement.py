"""How close the engine's article sentiment is to ``TextBlob(article).sentiment`` on real articles.

    python benchmarks/sentiment_agreement.py [--n 2000]

The engine scores each sentence exactly as TextBlob does and pools the sentences' assessments for the article;
TextBlob scores the article as one token stream, so a negation or intensifier at the end of one sentence can
reach into the next. This prints how often the two article figures are identical and how far apart they are
otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402

CORPUS = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    from textblob import TextBlob

    texts: list[str] = []
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for line in fh:
                t = json.loads(line).get("content_original") or ""
                if t.strip():
                    texts.append(t)
                if len(texts) >= args.n:
                    break
        name = "AllSides subset"
    else:
        texts = [json.loads(x)["text"] for x in (ROOT / "data/demo/articles.jsonl").read_text().splitlines()]
        name = "bundled demo corpus (AllSides not found)"
    dp, ds = [], []
    for t in texts:
        ours = framing.analyse(t).metrics["sentiment"]
        ref = TextBlob(t).sentiment
        dp.append(abs(ours["polarity"] - ref.polarity))
        ds.append(abs(ours["subjectivity"] - ref.subjectivity))
    same = sum(1 for a, b in zip(dp, ds) if a < 1e-6 and b < 1e-6)
    print(f"{len(texts)} articles ({name})")
    print(f"  identical to TextBlob(article) (within 1e-6): {same} ({same / len(texts):.1%})")
    print(f"  polarity |difference|: mean {statistics.mean(dp):.5f}, max {max(dp):.4f}")
    print(f"  subjectivity |difference|: mean {statistics.mean(ds):.5f}, max {max(ds):.4f}")


if __name__ == "__main__":
    main()
