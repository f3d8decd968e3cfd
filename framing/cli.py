"""The command line: a thin shell that parses arguments, calls the public API and writes the results.

Run ``framing --help`` or ``python -m framing --help``; every command has its own ``--help`` with an example.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence

from framing._native import status as engine_status
from framing._version import __version__
from framing.config import RECORD_SECONDS
from framing.errors import FramingError, Terminated

EPILOG_ANALYSE = """examples:
  framing analyse data/demo/article.txt --format text
  framing analyse articles.jsonl -o findings.jsonl
  cat articles.jsonl | framing analyse - -o -

Each output line is one article: id, source, n_words, findings, metrics, versions, warnings.
A record that cannot be analysed is listed on stderr with its file and line; the exit status is then 3."""

EPILOG_LEXICON = """examples:
  framing lexicon validate                 # the bundled lexicons
  framing lexicon validate my_terms.csv    # your own file (same columns)
  framing lexicon list
  framing lexicon show loaded_terms --category partisan"""

EPILOG_EVALUATE = """examples:
  framing evaluate all          # every gold set found in ../shared/data
  framing evaluate quotes --data ../shared/data
  framing evaluate roles --errors 5   # speaker roles per fold, with fold A's wrong roles

Scores the engine on the development halves of the gold data (BABE, PolNeAR, the quotation set, the seed
article) with the same definitions as ../shared/tools/reference_score.py."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description="Media bias and source framing analyser.",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"framing {__version__} (engine: {engine_status()})")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyse", aliases=["analyze"], help="analyse articles and write findings as JSON lines",
                       epilog=EPILOG_ANALYSE, formatter_class=argparse.RawDescriptionHelpFormatter)
    from framing.corpus.commands import add_analysis_arguments, add_mapping_arguments, seconds_or_none

    a.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html, .jsonl, .csv, .tsv, .parquet (each may be .gz), a folder, or - (JSONL on stdin)")
    a.add_argument("-o", "--output", default="-", help="output JSONL file, or - for stdout (default)")
    a.add_argument("--format", choices=["jsonl", "text"], default="jsonl",
                   help="jsonl: one JSON object per article (default, the output contract); text: a readable list")
    a.add_argument("--include-text", action="store_true", help="copy each article's text into its output line")
    a.add_argument("--no-sentence-sentiment", action="store_true",
                   help="omit the per-sentence sentiment findings (the article's figures remain)")
    a.add_argument("--errors", metavar="JSONL", help="also write every record that could not be analysed here")
    a.add_argument("--record-seconds", type=seconds_or_none, default=RECORD_SECONDS, metavar="S",
                   help=f"time budget of one record's analysis: a record over it is an error and the others go on "
                        f"(default {RECORD_SECONDS:g}; 0: none)")
    add_analysis_arguments(a)  # --lexicon, --any-language: the same as framing run's
    add_mapping_arguments(a)
    a.set_defaults(func=cmd_analyse)

    lx = sub.add_parser("lexicon", help="validate, list or show lexicons", epilog=EPILOG_LEXICON,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    lsub = lx.add_subparsers(dest="lexicon_command", metavar="ACTION")
    v = lsub.add_parser("validate", help="check lexicon files and print every error with its line")
    v.add_argument("paths", nargs="*", metavar="CSV")
    v.set_defaults(func=cmd_lexicon_validate)
    li = lsub.add_parser("list", help="the bundled lexicons with version, hash and size")
    li.set_defaults(func=cmd_lexicon_list)
    sh = lsub.add_parser("show", help="print a lexicon's entries as CSV")
    sh.add_argument("name")
    sh.add_argument("--category")
    sh.set_defaults(func=cmd_lexicon_show)
    lx.set_defaults(func=lambda args: _help(lx))

    ev = sub.add_parser("evaluate", help="score the engine on the gold data in ../shared/data",
                        epilog=EPILOG_EVALUATE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("what", choices=["babe", "polnear", "quotes", "polnear-quotes", "seed", "basil-sentences",
                                     "basil-coverage", "roles", "pronouns", "all"])
    ev.add_argument("--data", default=None, help="the shared data folder (default ../shared/data)")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="print N examples of each error class")
    ev.set_defaults(func=cmd_evaluate)
    from framing.corpus.commands import register as register_corpus  # run, runs, export

    register_corpus(sub)
    from framing.compare.commands import register as register_compare  # report, chart

    register_compare(sub)
    from framing.dashboard_cli import register as register_dashboard  # dashboard

    register_dashboard(sub)
    return p


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def cmd_analyse(args: argparse.Namespace) -> int:
    import hashlib
    from dataclasses import replace

    from framing.config import DEFAULT
    from framing.corpus.commands import lexicons_from, mapping_from
    from framing.corpus.ingest import MetadataUse, metadata_warning
    from framing.inputs import dumps, open_output, read
    from framing.lexicons import default_lexicons
    from framing.records import ReasonCounts, Record, RecordError, input_warnings, reason_lines
    from framing.render import render_text
    from framing.report import analyse, failure_reason

    lex = lexicons_from(args) or default_lexicons()
    cfg = replace(DEFAULT, sentence_sentiment=not args.no_sentence_sentiment, english_only=not args.any_language)
    n_ok = n_bad = 0
    seen_ids: set[int] = set()
    n_dup = 0
    reasons = ReasonCounts()  # why records were skipped, by kind, and how often
    t0 = time.perf_counter()
    missing = [p for p in args.inputs if p != "-" and not os.path.exists(p)]
    if missing:  # a usage error, as in `framing run`, before any output is written
        print(f"framing: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    err_fh = open(args.errors, "w", encoding="utf-8") if args.errors else None
    try:
        out = open_output(args.output)
    except OSError as exc:
        print(f"framing: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    with out:
        mapping = mapping_from(args)
        metadata_use = MetadataUse() if mapping.metadata else None
        for path in args.inputs:
            for rec in read(path, mapping, metadata_use=metadata_use):
                if isinstance(rec, Record):
                    try:
                        rep = analyse(rec.text, id=rec.id, source=rec.source, lexicons=lex, config=cfg,
                                      meta=rec.meta, time_budget=args.record_seconds or None)
                    except Exception as exc:  # over its budget, or an engine bug: the other records go on
                        rec = RecordError(rec.origin, failure_reason(exc), rec.id)
                if not isinstance(rec, Record):
                    n_bad += 1
                    reasons.add(rec.reason, rec.origin, order=n_bad)
                    if n_bad <= _SHOWN_ERRORS:
                        print(f"framing: skipped {rec.message()}", file=sys.stderr)
                    if err_fh:
                        err_fh.write(dumps({"origin": rec.origin, "id": rec.id, "reason": rec.reason}) + "\n")
                    continue
                d = rep.to_dict(include_text=args.include_text)
                # (a set of 8-byte digests, not of the ids: little memory however many records there are)
                key = int.from_bytes(hashlib.blake2b(str(rec.id).encode("utf-8", "surrogatepass"),
                                                     digest_size=8).digest(), "big")
                if key in seen_ids:
                    d["warnings"] = [f"{rec.origin}: an earlier record has the same id {rec.id!r}; both are "
                                     "analysed here (framing run makes the second an error unless its text is "
                                     "the same; the dashboard's uploads rename it)"] + d["warnings"]
                    n_dup += 1
                seen_ids.add(key)
                d["warnings"] = input_warnings(rec.warnings, d["warnings"])
                out.write(render_text(d) if args.format == "text" else dumps(d) + "\n")
                n_ok += 1
    if err_fh:
        err_fh.close()
    dt = time.perf_counter() - t0
    if args.output != "-" or n_bad:
        print(f"framing: analysed {n_ok} article(s), {n_bad} could not be analysed, in {dt:.1f} s",
              file=sys.stderr)
    if n_dup:
        print(f"framing: {n_dup} record(s) have the id of an earlier record (each says so in its warnings)",
              file=sys.stderr)
    if metadata_use is not None and (warn := metadata_warning(metadata_use.to_dict())):
        print(f"framing: warning: {warn}", file=sys.stderr)
    if n_bad > _SHOWN_ERRORS:
        # the first ones were printed; the rest are counted by reason (all of them are in --errors FILE)
        print(f"framing: {n_bad - _SHOWN_ERRORS} more skipped record(s) not listed"
              + ("" if args.errors else " (write them all with --errors FILE)")
              + f"; the most common reasons, of all {n_bad}:",
              file=sys.stderr)
        for line in reason_lines(reasons.most_common()):
            print(f"framing:   {line}", file=sys.stderr)
    return 3 if n_bad else 0


# How many skipped records `framing analyse` lists one by one before it only counts them.
_SHOWN_ERRORS = 10


def cmd_lexicon_validate(args: argparse.Namespace) -> int:
    from framing.lexicons import validate

    errors = validate(args.paths)
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print(f"valid: {', '.join(args.paths)}" if args.paths else "all bundled lexicons valid")
    return 0


def cmd_lexicon_list(args: argparse.Namespace) -> int:
    from framing.lexicons import load_lexicon, read_index

    for name, spec in read_index().items():
        lx = load_lexicon(name)
        print(f"{name}\t{spec.version}\tsha256:{lx.sha256[:12]}\t{len(lx.entries)} entries\t{spec.file}")
    return 0


def cmd_lexicon_show(args: argparse.Namespace) -> int:
    from framing.lexicons import load_lexicon, to_csv

    lx = load_lexicon(args.name)
    entries = [e for e in lx.entries if not args.category or e.category == args.category]
    sys.stdout.write(to_csv(entries))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from framing.evaluate import run

    return run(args.what, data=args.data, show_errors=args.errors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    main_thread = threading.current_thread() is threading.main_thread()  # only there can signals be handled
    _stops.clear()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    # Ctrl-C keeps its meaning, and is noted; a SIGINT the shell set to be ignored (a background job) stays ignored
    previous_int = signal.getsignal(signal.SIGINT) if main_thread else None
    if previous_int is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)
    try:
        status = int(args.func(args) or 0)
        if _stops:
            # a Ctrl-C or SIGTERM whose exception was lost (Python code called back from C, as a C extension's
            # attribute lookup, can swallow it) while the command ran on to its end: the signal still decides the
            # exit status, and the message says that the work was finished
            print("framing: the command finished before it could stop; its output is complete", file=sys.stderr)
            return _stopped(None, terminated="SIGTERM" in _stops)
        return status
    except FramingError as exc:
        if _stops:
            return _stopped(None, terminated="SIGTERM" in _stops)
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, KeyboardInterrupt) else exc
        return _stopped(exc, terminated=isinstance(cause, Terminated))
    except BrokenPipeError:
        return 0
    except Exception:
        # A signal that arrives while a C extension is at work (matplotlib drawing a chart) can come out of it as
        # that extension's own error ("Invalid bounding box"): the command was stopped, it did not fail.
        if _stops:
            return _stopped(None, terminated="SIGTERM" in _stops)
        raise
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
            if previous_int is signal.default_int_handler:
                signal.signal(signal.SIGINT, previous_int)


def _stopped(exc: BaseException | None, *, terminated: bool) -> int:
    """Say that the command was stopped (and what a corpus run kept); the exit status of a signal's stop."""
    how = "stopped (SIGTERM)" if terminated else "interrupted"
    summary = getattr(exc, "summary", None)
    if summary is not None:  # a corpus run: what was committed stays, the same command resumes
        print(f"framing: {how}; {summary.line()}", file=sys.stderr)
        print("framing: the batches in flight were abandoned, the ones committed are kept; run the same command "
              "again to resume", file=sys.stderr)
    else:
        print(f"framing: {how}", file=sys.stderr)
    return 143 if terminated else 130


# The signals that asked the running command to stop (SIGTERM, SIGINT), in order.
_stops: list[str] = []


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM stops the command like Ctrl-C, through the same cleanup (a second one during the cleanup abandons it).
    _stops.append("SIGTERM")
    raise Terminated()


def _interrupt(signum: int, frame: object) -> None:
    _stops.append("SIGINT")
    raise KeyboardInterrupt()


if __name__ == "__main__":
    sys.exit(main())
