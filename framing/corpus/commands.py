"""The corpus subcommands of the command line: ``framing run``, ``framing runs`` and ``framing export``.

A thin shell, like :mod:`framing.cli`: parse, call :mod:`framing.corpus`, print. :func:`register` adds the
subcommands to the main parser.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from framing.config import RECORD_SECONDS

if TYPE_CHECKING:
    from framing.lexicons import Lexicons

EPILOG_RUN = """examples:
  framing run data/demo/articles.jsonl --db demo.duckdb
  framing run corpus/ --db news.duckdb --workers 2
  framing run corpus/ --db mine.duckdb --lexicon my_terms.csv    # your loaded-terms lexicon, not the bundled one
  framing run ../shared/data/allsides_articles/subset_articles.jsonl.gz --db allsides.duckdb \\
      --text-field content_original --leaning-field bias_text
  framing run ../shared/data/polnear/dev/text --db polnear.duckdb --metadata ../shared/data/polnear/metadata.tsv \\
      --metadata-key filename --source-field publisher --date-field publication_date
  framing run big.jsonl.gz --db big.duckdb --engine dask --scheduler tcp://10.0.0.5:8786 --staging /shared/parts

Inputs: .jsonl, .csv, .tsv, .parquet, .txt, .html (each may be .gz) or folders of them. Running the same
command again analyses nothing twice; after an interruption (even kill -9) it resumes where it stopped. An article
analysed with other lexicons or settings (another --lexicon or none, --any-language or not) is analysed again.
Exit status 0, or 3 when some input items could not be analysed (list them with `framing runs --errors`)."""

EPILOG_RUNS = """examples:
  framing runs --db demo.duckdb                 # every run: status, counts, time, rate
  framing runs --db demo.duckdb --errors 2      # the items run 2 could not analyse, with the reasons
  framing runs --db demo.duckdb --duplicates    # every duplicate and the article it repeats
  framing runs --db demo.duckdb --manifest 2    # the manifest of run 2 as JSON
  framing runs --db mine.duckdb --lexicon my_terms.csv   # stale against your lexicon, not the bundled one

For every run, input = analysed + up to date + duplicates + errors. The last lines count the articles that are
stale (analysed with other versions than `framing run` would use now, with the same --lexicon and --any-language)
and say what each stale set was analysed with."""

EPILOG_EXPORT = """examples:
  framing export --db demo.duckdb --format parquet -o out/demo
  framing export --db demo.duckdb --format csv -o out/demo-csv --tables articles findings

Writes articles, findings, texts, runs, records and errors (one file each) and manifest.json."""


EPILOG_SHOW = """examples:
  framing show --db news.duckdb 3f2a9c0d1e4b5a67
  framing show --db news.duckdb a1 a2 --format jsonl > two.jsonl

Prints what the store keeps of each article: its fields, figures, findings (not the per-sentence sentiment) and
warnings. An id the store does not have is an error (exit 1), the others are printed."""


def register(subparsers: Any) -> None:
    """Add ``run``, ``runs``, ``show`` and ``export`` to the main parser's subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter
    r = subparsers.add_parser("run", help="analyse a corpus into a DuckDB store (resumable, parallel)",
                              epilog=EPILOG_RUN, formatter_class=fmt)
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="input files or folders")
    r.add_argument("--db", default="framing.duckdb", help="the store (default framing.duckdb)")
    r.add_argument("--workers", type=at_least(1), default=1, metavar="N", help="worker processes (default 1)")
    r.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or a Dask cluster")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    r.add_argument("--staging", metavar="DIR", help="Dask: folder shared by the workers for Parquet partitions "
                                                    "(default: DB.parts beside the store)")
    r.add_argument("--batch-size", type=at_least(1), default=None, metavar="N",
                   help="input items per batch and transaction (default 250)")
    r.add_argument("--record-seconds", type=seconds_or_none, default=RECORD_SECONDS, metavar="S",
                   help=f"time budget of one record's analysis: a record over it is an error and the run goes on "
                        f"(default {RECORD_SECONDS:g}; 0: none)")
    add_analysis_arguments(r)
    add_mapping_arguments(r)
    p = r.add_mutually_exclusive_group()
    p.add_argument("--progress", action="store_true", default=None, help="always show the progress bar")
    p.add_argument("--no-progress", action="store_false", dest="progress",
                   help="never show it (default: only on a terminal)")
    r.add_argument("-v", "--verbose", action="store_true", help="print a line for every committed batch")
    r.set_defaults(func=cmd_run)

    s = subparsers.add_parser("runs", help="list the runs of a store, their counts and errors",
                              epilog=EPILOG_RUNS, formatter_class=fmt)
    s.add_argument("--db", default="framing.duckdb", help="the store (default framing.duckdb)")
    s.add_argument("--errors", nargs="?", const=0, type=int, metavar="RUN",
                   help="list the input items that could not be analysed: of one run, or (without RUN) those that "
                        "still stand in the store, each input as the last run that read it saw it")
    s.add_argument("--duplicates", nargs="?", const=0, type=int, metavar="RUN",
                   help="list the duplicates (of one run, or of all)")
    s.add_argument("--manifest", type=int, metavar="RUN", help="print a run's manifest as JSON")
    add_analysis_arguments(s, stale=True)
    s.set_defaults(func=cmd_runs)

    w = subparsers.add_parser("show", help="print one stored article with its findings",
                              epilog=EPILOG_SHOW, formatter_class=fmt)
    w.add_argument("ids", nargs="+", metavar="ID", help="article ids (as `framing runs` and exports list them)")
    w.add_argument("--db", default="framing.duckdb", help="the store (default framing.duckdb)")
    w.add_argument("--format", choices=["text", "jsonl"], default="text",
                   help="text: a readable list, as `framing analyse --format text` (default); jsonl: the report "
                        "with its text")
    w.set_defaults(func=cmd_show)

    e = subparsers.add_parser("export", help="export a store's tables to Parquet or CSV",
                              epilog=EPILOG_EXPORT, formatter_class=fmt)
    e.add_argument("--db", default="framing.duckdb", help="the store (default framing.duckdb)")
    e.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    e.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write (created if needed)")
    e.add_argument("--tables", nargs="+", metavar="TABLE", help="only these tables")
    e.set_defaults(func=cmd_export)


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum`` (``--max-events -1`` is an error that names the
    option, not a value used as it comes)."""

    def whole_number(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {n}")
        return n

    return whole_number


def seconds_or_none(text: str) -> float:
    """An argparse ``type`` for a time budget: seconds, a finite number of 0 or more (0: no budget), so that
    ``--record-seconds -1`` is an error that names the option rather than a budget every record fails."""
    import math

    try:
        s = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(s) or s < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no budget) or a positive number of seconds, not {text}")
    return s


def add_analysis_arguments(parser: argparse.ArgumentParser, *, stale: bool = False) -> None:
    """``--lexicon CSV`` and ``--any-language``, the same for ``analyse`` and ``run`` (:func:`lexicons_from` loads the
    lexicon); ``stale``: for ``runs``, which compares the stored articles with an analysis made with them."""
    parser.add_argument("--lexicon", metavar="CSV", help=(
        "count articles as stale against this loaded-terms CSV, not the bundled lexicon (give the --lexicon of their "
        "run)" if stale else "use this loaded-terms CSV instead of the bundled one (the columns of `framing lexicon "
        "show loaded_terms`; check it with `framing lexicon validate CSV`)"))
    parser.add_argument("--any-language", action="store_true", help=(
        "count articles as stale against a run with --any-language" if stale else
        "run the English detectors on articles identified as another language too (default: they get a warning and "
        "no findings)"))


def lexicons_from(args: argparse.Namespace) -> Lexicons | None:
    """The lexicons ``--lexicon CSV`` asks for: the bundled ones with that file as the loaded terms (version
    ``custom``, its SHA-256 in every report and manifest), or None for the bundled ones. A file that cannot be read
    or has bad lines raises :class:`~framing.errors.LexiconError` naming the file and each bad line."""
    if not getattr(args, "lexicon", None):
        return None
    from dataclasses import replace

    from framing.corpus.staleness import CUSTOM
    from framing.lexicons import default_lexicons, load_file

    custom = load_file(args.lexicon, name="loaded_terms", kind="loaded_terms", version=CUSTOM)
    return replace(default_lexicons(), loaded_terms=custom)


def add_mapping_arguments(parser: argparse.ArgumentParser) -> None:
    """The field-mapping options, the same for every command that reads inputs (``run``, ``analyse``, ``report``,
    ``chart``)."""
    m = parser.add_argument_group("field mapping", "which input column holds each article field (default: the "
                                                   "usual names, e.g. text/content/body, source/outlet/publisher)")
    for name in ("text", "id", "source", "date", "title", "url", "event", "topic", "leaning"):
        m.add_argument(f"--{name}-field", metavar="NAME", dest=f"map_{name}")
    m.add_argument("--delimiter", metavar="CHAR", help="CSV delimiter (default: from the header line)")
    m.add_argument("--date-format", metavar="FMT", help="strptime format for ambiguous dates, e.g. %%d/%%m/%%Y")
    m.add_argument("--group-by", metavar="NAME", help="join consecutive rows with the same value into one "
                                                      "article (sentence tables such as BASIL)")
    m.add_argument("--paragraph-field", metavar="NAME", help="with --group-by: the paragraph number column")
    m.add_argument("--order-by", metavar="NAME", help="with --group-by: the sentence number column")
    m.add_argument("--metadata", metavar="FILE", help="a CSV/TSV/JSONL/Parquet file of fields to join to the "
                                                      "records by id (e.g. PolNeAR's metadata.tsv)")
    m.add_argument("--metadata-key", metavar="NAME", help="the metadata column that holds the article id")


# The options of :func:`add_mapping_arguments` other than the fields' (``--NAME-field``, dest ``map_NAME``).
_MAPPING_OPTIONS = ("delimiter", "date_format", "group_by", "paragraph_field", "order_by", "metadata", "metadata_key")


def is_mapping_option(dest: str) -> bool:
    """Whether ``dest`` is the destination of one of :func:`add_mapping_arguments`' options."""
    return dest.startswith("map_") or dest in _MAPPING_OPTIONS


def mapping_words(args: argparse.Namespace) -> list[str]:
    """The field-mapping options given, as command-line words (for a manifest's command line)."""
    out: list[str] = []
    for dest, value in sorted(vars(args).items()):
        if value is not None and is_mapping_option(dest):
            flag = f"--{dest[4:]}-field" if dest.startswith("map_") else "--" + dest.replace("_", "-")
            out += [flag, str(value)]
    return out


def mapping_from(args: argparse.Namespace) -> Any:
    """The :class:`~framing.corpus.ingest.Mapping` the options of :func:`add_mapping_arguments` give."""
    from framing.corpus.ingest import Mapping

    return Mapping(**{k[4:]: v for k, v in vars(args).items() if k.startswith("map_") and v},
                   **{k: getattr(args, k) for k in _MAPPING_OPTIONS})


def cmd_run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from framing.config import CORPUS_CONFIG
    from framing.corpus.runner import DEFAULT_BATCH, run_corpus
    from framing.records import reason_lines

    mapping = mapping_from(args)
    lexicons = lexicons_from(args)  # a bad file is an error before the store is opened: no failed run left behind

    def log(line: str) -> None:
        print(f"framing: {line}", file=sys.stderr, flush=True)

    summary = run_corpus(args.inputs, args.db, mapping=mapping, workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler, staging=args.staging, batch_size=args.batch_size or DEFAULT_BATCH,
                         progress=args.progress, log=log if args.verbose else None,
                         record_seconds=args.record_seconds or None, lexicons=lexicons,
                         config=replace(CORPUS_CONFIG, english_only=False) if args.any_language else None)
    print(f"framing: {summary.line()}", file=sys.stderr)
    if lexicons is not None:
        print(f"framing: loaded terms: {_lexicon_label(lexicons)}", file=sys.stderr)
    print(f"framing: {summary.fields_line()}", file=sys.stderr)
    for line in [*summary.date_lines(), *summary.metadata_lines()]:
        print(f"framing: {line}", file=sys.stderr)
    n_err = summary.counts["error"]
    if n_err:
        print(f"framing: {n_err:,} input item(s) could not be analysed; list them with "
              f"`framing runs --db {args.db} --errors {summary.run_id}`. The most common reasons:", file=sys.stderr)
        for line in reason_lines(summary.error_reasons):
            print(f"framing:   {line}", file=sys.stderr)
        return 3
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from framing.corpus.store import StoreError, open_store
    from framing.inputs import dumps
    from framing.render import render_text

    status = 0
    with open_store(args.db, read_only=True) as st:
        for article_id in args.ids:
            try:
                rep = st.report(article_id)
            except StoreError as exc:
                print(f"framing: {exc}", file=sys.stderr)
                status = 1
                continue
            sys.stdout.write(render_text(rep) if args.format == "text" else dumps(rep) + "\n")
    return status


def cmd_runs(args: argparse.Namespace) -> int:
    from dataclasses import replace

    import pandas as pd

    from framing.config import CORPUS_CONFIG
    from framing.corpus.staleness import stale_report
    from framing.corpus.store import open_store
    from framing.lexicons import default_lexicons
    from framing.provenance import engine_versions, versions_key

    lexicons = lexicons_from(args)  # (a bad file is an error before the store is opened, as for `framing run`)
    with open_store(args.db, read_only=True) as st:
        if args.manifest is not None:
            print(json.dumps(st.manifest(args.manifest), indent=2, ensure_ascii=False))
            return 0
        if args.errors is not None or args.duplicates is not None:
            what = "errors" if args.errors is not None else "duplicates"
            df = st.errors(args.errors or None) if what == "errors" else st.duplicates(args.duplicates or None)
            # an item without an id (a line that is not JSON) and a copy of unknown origin: said, not NaN
            df = df.astype(object).where(df.notna(), "(none)")
            with pd.option_context("display.max_colwidth", 200, "display.width", 250):
                print(df.to_string(index=False) if len(df) else f"no {what}")
            return 0
        runs = st.runs()
        with pd.option_context("display.max_colwidth", 60, "display.width", 250):
            print(runs.to_string(index=False) if len(runs) else "no runs yet")
        analyses = st.article_versions()
    # stale against what `framing run` with the same --lexicon and --any-language would analyse with now
    current = engine_versions(lexicons or default_lexicons(),
                              replace(CORPUS_CONFIG, english_only=False) if args.any_language else CORPUS_CONFIG)
    against = (_lexicon_label(lexicons) if lexicons is not None else "the bundled lexicons") \
        + (" and --any-language" if args.any_language else "")
    print()
    for line in stale_report(analyses, current, versions_key(current), against=against):
        print(line)
    bad = runs[runs["status"] != "complete"]
    for r in bad.itertuples():
        print(f"run {r.run_id} is {r.status}: run the same command again to resume it")
    return 0


def _lexicon_label(lexicons: Lexicons) -> str:
    """``the custom loaded_terms lexicon FILE (N entries, sha256 ...)``, of ``--lexicon FILE``."""
    lx = lexicons.loaded_terms
    n = len(lx.entries)
    return f"the custom loaded_terms lexicon {lx.path} ({n:,} entr{'y' if n == 1 else 'ies'}, sha256 {lx.sha256[:12]})"


def cmd_export(args: argparse.Namespace) -> int:
    from framing.corpus.store import EXPORT_TABLES, open_store

    with open_store(args.db, read_only=True) as st:
        written = st.export(args.output, format=args.format, tables=args.tables or EXPORT_TABLES)
    for p in written:
        print(p)
    return 0
