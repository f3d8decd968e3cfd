"""Speed of the comparison functions on a 50,000-article corpus (the dashboard's budget: < 2 s per re-render).

The articles table is the demo corpus' (165 analysed articles) repeated with new ids until it has N rows, with
the sources spread over K outlets; texts are repeated the same way for the word-choice timings. Run:

    python benchmarks/compare_speed.py                 # 50,000 articles, 10 and 491 sources
    python benchmarks/compare_speed.py --n 20000 --repeat 5

Figures are the median of ``--repeat`` runs, printed as a Markdown table (docs/compare.md quotes them).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from _common import timed  # benchmarks/_common.py: a script's own folder is on sys.path

from framing.compare import stats, wordchoice
from framing.compare.corpus import load_corpus
from framing.compare.metrics import HEADLINE
from framing.compare.terms import count_terms

ROOT = Path(__file__).resolve().parents[1]


def scale(articles: pd.DataFrame, texts: dict[str, str], n: int, n_sources: int, seed: int = 0
          ) -> tuple[pd.DataFrame, dict[str, str]]:
    reps = -(-n // len(articles))
    big = pd.concat([articles] * reps, ignore_index=True).iloc[:n].copy()
    orig = big["article_id"].to_numpy()
    big["article_id"] = [f"{a}#{i}" for i, a in enumerate(orig)]
    rng = np.random.default_rng(seed)
    if n_sources != articles["source"].nunique():
        big["source"] = [f"Outlet {k:03d}" for k in rng.integers(0, n_sources, n)]
    big_texts = {new: texts[old] for new, old in zip(big["article_id"], orig, strict=True)}
    return big, big_texts




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--text-n", type=int, default=50_000, help="articles for the word-choice timings")
    args = ap.parse_args()
    corpus = load_corpus(ROOT / "data" / "demo" / "articles.jsonl")
    rows = []
    for k in (10, 491):
        a, texts = scale(corpus.articles, dict(corpus.texts), args.n, k)
        f = pd.concat([corpus.findings] * 1, ignore_index=True)  # findings only for speakers (demo size)
        del f
        for label, fn in [
            ("rates: 1 metric", lambda a=a: stats.rates(a, metrics=["loaded_author_rate"])),
            ("rates: 9 headline metrics", lambda a=a: stats.rates(a, metrics=HEADLINE)),
            (f"rates: all {len(stats.select())} metrics", lambda a=a: stats.rates(a)),
            ("rates by source x month: 1 metric",
             lambda a=a: stats.rates(a, by=["source", "date:month"], metrics=["loaded_author_rate"])),
            ("rates by leaning: all metrics", lambda a=a: stats.rates(a, by="leaning")),
            ("pairwise differences: 1 metric, 10 groups",
             lambda a=a: stats.pairwise_differences(a, metrics=["loaded_author_rate"],
                                                    groups=sorted(a["source"].unique())[:10])),
        ]:
            t, _ = timed(fn, args.repeat)
            rows.append((f"{args.n:,}", k, label, t))
        print(f"done {k} sources", flush=True)
    # word choice: counting once (cacheable), scoring per filter change
    a, texts = scale(corpus.articles, dict(corpus.texts), args.text_n, 10)
    t_count, counts = timed(lambda: count_terms(texts, sorted(texts), ngrams=2, min_count=5), 1)
    rows.append((f"{args.text_n:,}", 10, "count terms (unigrams + bigrams), once", t_count))
    t_terms, _ = timed(lambda: wordchoice.distinctive_terms(a, texts, counts=counts, examples=False), args.repeat)
    rows.append((f"{args.text_n:,}", 10, "distinctive terms from cached counts", t_terms))
    small_ids = sorted(texts)[:5000]
    t_m, mentions = timed(lambda: wordchoice.label_mentions(texts, article_ids=small_ids), 1)
    rows.append(("5,000", 10, "label mentions (engine tokenisation), once", t_m))
    t_l, _ = timed(lambda: wordchoice.actor_labels(mentions, a, texts), args.repeat)
    rows.append(("5,000", 10, "actor-label table from cached mentions", t_l))
    print("\n| articles | sources | operation | seconds (median) |\n| ---: | ---: | --- | ---: |")
    for n, k, label, t in rows:
        print(f"| {n} | {k} | {label} | {t:.2f} |")


if __name__ == "__main__":
    main()
