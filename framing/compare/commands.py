"""``framing report`` and ``framing chart``: a thin shell over :mod:`framing.compare` and :mod:`framing.plots`."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any

from framing import charts
from framing.compare.settings import CORRECTIONS, DEFAULT, CompareConfig
from framing.corpus.commands import add_mapping_arguments, at_least, is_mapping_option, mapping_from, mapping_words

EPILOG_REPORT = """examples:
  framing report data/demo/articles.jsonl -o report-demo
  framing report corpus.duckdb -o report --by leaning
  framing report corpus.jsonl -o report --by source --seed 7 --n-boot 2000 --correction bh
  framing report ../shared/data/allsides_articles/subset_articles.jsonl.gz -o report-allsides \\
      --text-field content_original --leaning-field bias_text --by leaning

INPUT is articles in any form `framing run` reads (.jsonl, .csv, .tsv, .parquet, .txt, .html, each may be .gz, or
a folder of them; analysed now, --workers N in parallel, with the same field-mapping options), a .jsonl of reports
from `framing analyse --include-text`, or a .duckdb store from `framing run` (analysed once, for a large corpus).
The folder gets report.md, manifest.json, tables/ (CSV and Parquet) and charts/ (PNG and SVG). The same command on
the same input writes identical files (only manifest.json's "created" differs)."""

EPILOG_CHART = """examples:
  framing chart rates data/demo/articles.jsonl -o loaded.png
  framing chart rates corpus.duckdb --metric quotes_scare_rate --by leaning -o scare.svg
  framing chart heatmap corpus.jsonl --voice quoted -o categories.png
  framing chart event data/demo/articles.jsonl --event E04 -o e04.png
  framing chart time corpus.jsonl --freq week -o weekly.png
  framing chart rates news.csv --text-field body --source-field outlet -o rates.png

kinds:
{kinds}

The file type follows the suffix of -o (.png, .svg, .pdf)."""


def register(subparsers: Any) -> None:
    """Add ``report`` and ``chart`` to the main parser's subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter
    r = subparsers.add_parser("report", help="compare the sources of a corpus: tables, charts, manifest, report.md",
                              epilog=EPILOG_REPORT, formatter_class=fmt)
    r.add_argument("input", metavar="CORPUS_OR_DB", help="articles as `framing run` reads them (a file or a "
                   "folder), a .jsonl of reports, or a .duckdb store")
    r.add_argument("-o", "--output", required=True, metavar="DIR", help="the report folder (created or replaced)")
    _common(r)
    r.add_argument("--event-column", default="event", metavar="NAME",
                   help="the column holding event ids (default event; without it stories are grouped by text)")
    r.add_argument("--freq", default="month", choices=["day", "week", "month", "quarter", "year"],
                   help="the date bucket of the over-time chart (default month)")
    r.add_argument("--max-events", type=at_least(0), default=5, metavar="N",
                   help="events shown side by side (those covered by most sources; default 5)")
    r.add_argument("--no-charts", action="store_true", help="tables, manifest and report.md only")
    r.add_argument("--formats", default="png,svg", metavar="LIST", help="chart formats (default png,svg)")
    r.add_argument("--no-findings", action="store_true", help="leave the (large) findings table out")
    r.set_defaults(func=cmd_report)

    kinds = charts.kinds()
    epilog = EPILOG_CHART.format(kinds="\n".join(f"  {k.name:13} {k.help}" for k in kinds.values()))
    c = subparsers.add_parser("chart", help="draw one comparison chart", epilog=epilog, formatter_class=fmt)
    c.add_argument("kind", choices=list(kinds), metavar="KIND", help=" | ".join(kinds))
    c.add_argument("input", metavar="CORPUS_OR_DB", help="articles as `framing run` reads them (a file or a "
                   "folder), a .jsonl of reports, or a .duckdb store")
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="the chart file (.png, .svg or .pdf)")
    _common(c)
    c.add_argument("--metric", default="loaded_author_rate", metavar="NAME",
                   help="rates, differences, time: the metric (default loaded_author_rate)")
    c.add_argument("--voice", default="author", choices=["author", "quoted", "all"], help="heatmap: the voice")
    c.add_argument("--event", metavar="ID", help="event: the event id (default: the one most sources cover)")
    c.add_argument("--event-column", default="event", metavar="NAME", help="event: the event column")
    c.add_argument("--concept", metavar="NAME", help="labels: one concept group (default: all)")
    c.add_argument("--freq", default="month", choices=["day", "week", "month", "quarter", "year"],
                   help="time: the date bucket")
    c.add_argument("--dpi", type=at_least(1), default=150, help="PNG resolution (default 150)")
    c.set_defaults(func=cmd_chart)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", default="source", metavar="COLS",
                   help="group by these columns, comma-separated; a date bucket is COL:FREQ, e.g. date:month "
                        "(default source)")
    p.add_argument("--seed", type=int, default=DEFAULT.seed, help=f"bootstrap seed (default {DEFAULT.seed})")
    p.add_argument("--n-boot", type=at_least(0), default=DEFAULT.n_boot, metavar="N",
                   help=f"bootstrap resamples (default {DEFAULT.n_boot}; 0: no intervals and no tests of "
                        "differences)")
    p.add_argument("--level", type=float, default=DEFAULT.level, help="interval level (default 0.95)")
    p.add_argument("--correction", choices=CORRECTIONS, default=DEFAULT.correction,
                   help="multiple-comparison correction of pairwise tests (default holm)")
    p.add_argument("--max-groups", type=at_least(1), default=DEFAULT.max_chart_groups, metavar="N",
                   help=f"groups shown in charts (default {DEFAULT.max_chart_groups})")
    p.add_argument("--name", metavar="TEXT", help="the corpus name in titles (default: from the file name)")
    p.add_argument("--workers", type=at_least(1), default=1, metavar="N", help="articles: analyse in N processes")
    p.add_argument("--limit", type=at_least(1), metavar="N", help="use the first N articles only")
    p.add_argument("--language", metavar="CODES",
                   help="only articles in these languages, comma-separated ISO 639-1 codes (und: undetermined, "
                        "analysed as English), e.g. en,und")
    add_mapping_arguments(p)  # articles analysed now are read as `framing run` reads them


def _config(args: argparse.Namespace) -> CompareConfig:
    from dataclasses import replace

    return replace(DEFAULT, seed=args.seed, n_boot=args.n_boot, level=args.level, correction=args.correction,
                   max_chart_groups=args.max_groups)


def _by(args: argparse.Namespace) -> list[str]:
    """The grouping columns of ``--by``; an empty name (``leaning,,source``, a trailing comma) is an error."""
    from framing.compare.groups import DATE_FREQS, key_problem
    from framing.errors import ConfigError

    keys = [b.strip() for b in args.by.split(",")]
    for key in keys:
        if problem := key_problem(key):
            raise ConfigError(f"invalid value for --by: {args.by!r} has {problem}; give column names separated by "
                              f"commas (a date bucket as COLUMN:FREQ, FREQ one of {', '.join(DATE_FREQS)}), e.g. "
                              "--by leaning,source")
    return keys


def _load(args: argparse.Namespace) -> Any:
    """The corpus of INPUT (articles read with the field-mapping options), in the ``--language`` codes."""
    from framing.compare.corpus import load_corpus

    corpus = load_corpus(args.input, name=args.name, workers=args.workers, limit=args.limit,
                         mapping=mapping_from(args))
    return _languages(corpus, args)


def _languages(corpus: Any, args: argparse.Namespace) -> Any:
    """The corpus restricted to the articles in the ``--language`` codes (all of it without the option)."""
    if not args.language:
        return corpus
    codes = {c.strip() for c in args.language.split(",") if c.strip()}
    a = corpus.articles
    if "language" not in a.columns:
        from framing.errors import ConfigError

        raise ConfigError("--language: the articles have no language (analysed by a version before 0.3.0: run "
                          "them again)")
    return corpus.subset(a.loc[a["language"].isin(codes), "article_id"].astype(str))


def _command_line(name: str, args: argparse.Namespace) -> list[str]:
    """The command as parsed (every option, defaults included), for the manifest: the same whether framing was
    run as ``framing``, ``python -m framing`` or ``framing.cli.main([...])``."""
    opts = {k: v for k, v in sorted(vars(args).items())
            if k not in ("func", "command", "input", "output") and not is_mapping_option(k)}
    out = ["framing", name, str(args.input), "-o", str(args.output), *mapping_words(args)]
    for k, v in opts.items():
        flag = "--" + k.replace("_", "-")
        if isinstance(v, bool):
            if v:
                out.append(flag)
        elif v is not None:
            out += [flag, str(v)]
    return out


# Processes drawing a report's charts (fewer on fewer cores): two keep both cores of the development machine busy
# (figures in docs/design-measurements.md); more were not measured, and each takes about a second to start.
CHART_PROCESSES = 2


def _chart_processes() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(CHART_PROCESSES, cores))


# The chart file types `framing chart` and `framing report` write.
CHART_TYPES = ("png", "svg", "pdf")


def cmd_report(args: argparse.Namespace) -> int:
    from framing.compare.reportgen import write_report
    from framing.errors import ConfigError

    cfg = _config(args)
    formats = [f.strip().lstrip(".").lower() for f in args.formats.split(",") if f.strip()]
    # checked before anything is written: a bad one used to fail in matplotlib halfway through the report
    bad = [f for f in formats if f not in CHART_TYPES]
    if bad or not formats:
        raise ConfigError(f"invalid value for --formats: {args.formats!r}; give one or more of {', '.join(CHART_TYPES)}, "
                          "separated by commas (or --no-charts for none)")
    by = _by(args)  # checked before the corpus is read and analysed, as --formats
    # the chart processes start first: they load matplotlib while this one analyses the corpus
    with charts.ChartProcesses(1 if args.no_charts else _chart_processes()) as drawing:
        corpus = _load(args)
        # the corpus and the engine live until the command ends: the garbage collector's full passes, frequent while
        # the tables are computed and the figures built, need not walk them again
        gc.freeze()
        path = write_report(corpus, args.output, by=by, config=cfg, event_column=args.event_column,
                            time_freq=args.freq, max_events=args.max_events, charts=not args.no_charts,
                            formats=formats, command=_command_line("report", args),
                            include_findings=not args.no_findings, drawing=drawing)
    for w in corpus.warnings:
        print(f"framing: {w}", file=sys.stderr)
    print(f"framing: wrote {path} ({corpus.n_articles:,} articles)", file=sys.stderr)
    # as `framing analyse` and `framing run`: exit status 3 when some input records could not be analysed
    if corpus.n_skipped:
        print(f"framing: {corpus.n_skipped:,} input record(s) could not be analysed and are not in the report "
              "(listed above)", file=sys.stderr)
        return 3
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from framing import plots
    from framing.charts import ChartParams, CorpusTables, draw
    from framing.compare.events import busiest_event
    from framing.errors import ConfigError

    out = Path(args.output)
    fmt = out.suffix.lstrip(".").lower() or "png"
    if fmt not in CHART_TYPES:
        raise ConfigError(f"invalid chart file type {out.suffix!r}; valid types are "
                          f"{tuple('.' + t for t in CHART_TYPES)}")
    cfg = _config(args)
    by = _by(args)
    corpus = _load(args)
    event = args.event
    if args.kind == "event" and event is None:
        event = busiest_event(corpus.articles, event_column=args.event_column)
    # the over-time and differences charts keep their own limits (lines and pairs, not groups)
    groups = None if args.kind in ("time", "differences") else cfg.max_chart_groups
    params = ChartParams(metric=args.metric, voice=args.voice, freq=args.freq, concept=args.concept, event=event,
                         corpus=corpus.describe(), max_groups=groups)
    chart = draw(args.kind, CorpusTables(corpus, by, cfg, event_column=args.event_column), params)
    out.parent.mkdir(parents=True, exist_ok=True)
    plots.save_figure(chart.figure, out.with_suffix(""), [fmt], dpi=args.dpi)
    print(f"framing: wrote {out}", file=sys.stderr)
    return 0
