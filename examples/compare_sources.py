"""A complete source comparison through the Python API: the reference for analysis scripts.

On the real AllSides articles in ../shared/data/allsides_articles when they are there (5,063 articles from 491
outlets, rated left / center / right by AllSides), else on the bundled demo corpus (165 invented articles from
10 invented outlets). Run from the project's root:

    python examples/compare_sources.py                    # AllSides if present, else the demo
    python examples/compare_sources.py --demo             # the demo corpus
    python examples/compare_sources.py --limit 1000 --workers 2 -o out/allsides

Every step is one call of the public API (framing.compare and framing.plots); the script writes a few charts
and a full report folder (tables, charts, manifest.json, report.md) under --output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import pandas as pd

from framing import plots
from framing.compare import (
    CompareConfig,
    actor_labels,
    distinctive_terms,
    event_view,
    events_table,
    group_events,
    label_mentions,
    load_corpus,
    pairwise_differences,
    rates,
    speakers,
    write_report,
)

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides_articles" / "subset_articles.jsonl.gz"
DEMO = ROOT / "data" / "demo" / "articles.jsonl"


def allsides_jsonl(dest: Path, limit: int | None) -> Path:
    """AllSides records in our input format: id, source, leaning (AllSides' rating), topic, date, title, url,
    text (``content_original``)."""
    n = 0
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(dest, "w", encoding="utf-8") as out:
        for line in src:
            r = json.loads(line)
            if not (r.get("content_original") or "").strip():
                continue
            out.write(json.dumps({"id": r["ID"], "source": r["source"], "leaning": r["bias_text"],
                                  "topic": r["topic"], "date": r["date"], "title": r["title"], "url": r["url"],
                                  "text": r["content_original"]}, ensure_ascii=False) + "\n")
            n += 1
            if limit and n >= limit:
                break
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", default="out/compare-example", help="output folder")
    ap.add_argument("--demo", action="store_true", help="use the demo corpus even when AllSides is present")
    ap.add_argument("--limit", type=int, help="analyse only the first N AllSides articles")
    ap.add_argument("--workers", type=int, default=2, help="processes for the analysis (default 2)")
    ap.add_argument("--seed", type=int, default=12345)
    args = ap.parse_args(argv)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    cfg = CompareConfig(seed=args.seed)

    # 1. Load: a .jsonl corpus is analysed in memory (a .duckdb store from `framing run` loads the same way).
    if ALLSIDES.exists() and not args.demo:
        path, name, by = allsides_jsonl(out / "allsides.jsonl", args.limit), "AllSides subset", "leaning"
    else:
        path, name, by = DEMO, "demo corpus", "source"
    corpus = load_corpus(path, name=name, workers=args.workers)
    print(f"loaded {corpus.describe()}", file=sys.stderr)
    a = corpus.articles

    # 2. Rates per group with 95% bootstrap intervals (seeded), here by leaning (AllSides) or outlet (demo).
    r = rates(a, by=by, config=cfg)
    head = r[r["metric"] == "loaded_author_rate"][["group", "n_articles", "value", "lo", "hi", "low_n"]]
    print("\nLoaded terms in the writer's own voice, per 1,000 words:\n" + head.to_string(index=False))

    # 3. The largest outlets side by side (the many outlets with a handful of articles would only add noise).
    sizes = a["source"].value_counts()
    top = sorted(sizes[sizes >= 20].index[:25]) or sorted(sizes.index[:25])
    top_ids = a.loc[a["source"].isin(top), "article_id"]
    by_outlet = rates(a[a["article_id"].isin(top_ids)], by="source", config=cfg)
    shown = f"{corpus.name}, the {len(top)} largest outlets ({len(top_ids):,} articles)"
    plots.save_figure(plots.plot_rates(by_outlet, "loaded_author_rate", corpus=shown),
                      out / "outlets_loaded_author_rate")
    plots.save_figure(plots.plot_heatmap(by_outlet, corpus=shown), out / "outlets_categories")

    # 4. Pairwise differences with a Benjamini-Hochberg correction.
    pw = pairwise_differences(a, by=by, metrics=["loaded_author_rate", "source_anonymous_share", "polarity_mean"],
                              correction="bh", config=cfg)
    print("\nPairwise differences (BH-corrected):\n" + pw[["metric", "group_a", "group_b", "diff", "lo", "hi",
                                                           "p_adjusted"]].to_string(index=False))

    # 5. Word choice: distinctive terms, actor labels, whom each group quotes.
    terms = distinctive_terms(a, corpus.texts, by=by, config=cfg)
    print("\nDistinctive terms:\n" + terms.groupby("group").head(8)[["group", "term", "count", "z"]]
          .to_string(index=False))
    mentions = label_mentions(corpus.texts, corpus.findings)
    labels = actor_labels(mentions, a, corpus.texts, by=by)
    loaded = labels[labels["weight"] >= 0.6].sort_values("count", ascending=False)
    print("\nMost used loaded labels:\n" + loaded.head(15)[["group", "concept", "label", "count", "share"]]
          .to_string(index=False))
    plots.save_figure(plots.plot_labels(labels, corpus=corpus.describe()), out / "actor_labels")
    quoted = speakers(corpus.findings, a, by=by, top=5)
    print("\nMost quoted:\n" + quoted[["group", "speaker", "source_type", "n_attributions", "verbs"]]
          .to_string(index=False))

    # 6. Same event: event ids when the corpus has them, else stories grouped by TF-IDF similarity.
    if "event" in a.columns and a["event"].notna().any():
        ev_col, arts = "event", a
    else:
        stories = group_events(a, corpus.texts, config=cfg)
        arts = a.assign(story=a["article_id"].map(stories))
        ev_col = "story"
    et = events_table(arts, event_column=ev_col).sort_values(["n_sources", "n_articles"], ascending=False)
    if len(et) and et.iloc[0]["n_sources"] >= 2:
        e = et.iloc[0]["event"]
        view = event_view(arts, corpus.findings, e, mentions=mentions, event_column=ev_col)
        plots.save_figure(plots.plot_event(view, event=e, corpus=corpus.describe()), out / "event_side_by_side")
        print(f"\nEvent {e}, {et.iloc[0]['n_sources']} sources:\n" + view[["group", "loaded_author_rate",
              "loaded_terms", "labels", "speakers"]].to_string(index=False))

    # 7. The complete, reproducible report folder.
    report = write_report(corpus, out / "report", by=by, config=cfg,
                          command=["python", "examples/compare_sources.py", *(argv or sys.argv[1:])])
    print(f"\nwrote {report} and charts in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    pd.set_option("display.width", 160)
    sys.exit(main())
