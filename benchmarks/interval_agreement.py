"""How closely the delta-method normal interval agrees with the article bootstrap, by group size.

For every group and metric, both intervals are computed on the same articles (``rates`` with
``normal_min_articles`` set so that every group gets one method, then the other), and their disagreement is
measured as ``max(|lo_b - lo_n|, |hi_b - hi_n|) / (hi_b - lo_b)``: the larger gap between the two intervals' bounds,
as a share of the bootstrap interval's width. Rows whose interval is the zero-count bound (the same for both), or
whose bootstrap interval has no width, are left out.

Two data sets, kept apart: the threshold (``CompareConfig.normal_min_articles``) is *chosen* on the AllSides subset
grouped by source (the smallest size from which the 90th percentile of the disagreement stays under the tolerance
in every larger size bin), then *checked* on groupings it was not chosen on: AllSides by source and month, by
topic, by leaning, and the demo corpus by source and by event.

    python benchmarks/interval_agreement.py                # needs the analysed AllSides subset (dashboard_speed.py)
    python benchmarks/interval_agreement.py --demo-only

Not a test: it prints what it measured and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / ".cache" / "framing" / "bench" / "allsides_x5063.duckdb"
# The tolerance: a bound may differ from the bootstrap's by at most this share of the bootstrap interval's width.
# With 1,000 replicates the bootstrap's own 2.5 % and 97.5 % percentiles move by about 2 % of the width between
# seeds; 10 % is a difference no reader of a dot-and-whisker chart can see.
TOLERANCE = 0.10
BINS = [2, 10, 20, 50, 100, 200, 500, 1000, 10**9]
METRICS = ["loaded", "quotes", "attributions", "source_type", "tone"]


def disagreement(articles: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    from framing.compare import rates
    from framing.compare.settings import DEFAULT

    boot = rates(articles, by=by, metrics=METRICS, config=replace(DEFAULT, normal_min_articles=10**9))
    norm = rates(articles, by=by, metrics=METRICS, config=replace(DEFAULT, normal_min_articles=2))
    keep = (boot["interval"] == "bootstrap") & (norm["interval"] != "zero-count bound")
    b, n = boot[keep], norm[keep]
    width = b["hi"] - b["lo"]
    gap = np.maximum((b["lo"] - n["lo"]).abs(), (b["hi"] - n["hi"]).abs())
    ok = width > 0
    return pd.DataFrame({"n_articles": b["n_articles"][ok], "metric": b["metric"][ok],
                         "d": (gap / width)[ok]})


def summary(d: pd.DataFrame) -> pd.DataFrame:
    d = d.assign(size=pd.cut(d["n_articles"], BINS, right=False))
    g = d.groupby("size", observed=True)["d"]
    return pd.DataFrame({"rows": g.size(), "median": g.median(),
                         "p90": g.quantile(0.9), "over tolerance": g.apply(lambda s: (s > TOLERANCE).mean())})


def choose(d: pd.DataFrame) -> int:
    """The smallest bin start from which every bin's 90th percentile is within the tolerance."""
    s = summary(d)
    starts = [int(iv.left) for iv in s.index]
    p90 = s["p90"].to_numpy()
    for i, start in enumerate(starts):
        if (p90[i:] <= TOLERANCE).all():
            return start
    return BINS[-2]


def show(name: str, d: pd.DataFrame) -> None:
    s = summary(d)
    print(f"\n{name} (load average {os.getloadavg()[0]:.1f})\n")
    print("| articles in the group | rows (group x metric) | median | 90th percentile | share over "
          f"{TOLERANCE:.0%} |")
    print("|---|---:|---:|---:|---:|")
    for iv, r in s.iterrows():
        hi = "" if iv.right >= 10**9 else f"-{int(iv.right) - 1}"
        print(f"| {int(iv.left)}{hi if hi else '+'} | {int(r['rows'])} | {r['median']:.3f} | {r['p90']:.3f} | "
              f"{r['over tolerance']:.1%} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--demo-only", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    from framing.compare import load_corpus

    if not args.demo_only:
        if not BASE.exists():
            print(f"needs {BASE}: python benchmarks/dashboard_speed.py --articles 5063 --build-only", file=sys.stderr)
            return 2
        from framing.corpus import open_store

        with open_store(BASE, read_only=True) as st:
            a = st.articles_frame()
        d = disagreement(a, "source")
        show("CHOOSE: AllSides subset (5,063 articles) by source", d)
        print(f"\nchosen: groups of at least {choose(d)} articles (every larger bin's 90th percentile within "
              f"{TOLERANCE:.0%})")
        for name, by in (("CHECK: AllSides by source and month", ["source", "date:month"]),
                         ("CHECK: AllSides by topic", "topic"), ("CHECK: AllSides by leaning", "leaning")):
            show(name, disagreement(a, by))
    demo = load_corpus(ROOT / "data" / "demo" / "articles.jsonl")
    show("CHECK: demo corpus (165 articles) by source", disagreement(demo.articles, "source"))
    show("CHECK: demo corpus by event", disagreement(demo.articles, "event"))
    print(f"\n[{time.perf_counter() - t0:.0f} s, load average {os.getloadavg()[0]:.1f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
