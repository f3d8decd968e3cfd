"""Corpus runs: read the inputs, set aside duplicates and articles already up to date, analyse the rest in
batches (in this process, a local process pool or a Dask cluster) and commit each batch to the store.

The loop keeps at most a few batches in flight (``4 x workers + COMMIT_GROUP``), so memory is bounded whatever
the corpus size, and commits batches in input order, up to ``COMMIT_GROUP`` per transaction, so the run's
progress is always a prefix of its input: ``committed`` items.

Identity and staleness. An article is identified by its id; its text by a content hash (see
:func:`framing.corpus.ingest.content_hash`); the engine by a *versions key*, the hash of the package version,
the lexicons' versions and hashes and the config. For each input item:

- a record whose text is already stored under another id is a ``duplicate`` of that article;
- a record whose id was already seen in this run is a ``duplicate`` (same text) or an ``error`` (other text);
- a stored article with the same id, text and versions key is ``up_to_date`` and not analysed again;
- anything else is ``analysed``: new, or replacing a stored article whose text changed or which was analysed
  with other versions (*stale*).

Resume. A run is identified by a *run key*: the hashes of its inputs, the field mapping and the versions key. A
run that did not complete (killed, interrupted, failed) is resumed by the next run with the same key: the items it
committed are skipped and the rest are processed as they would have been, so the store ends up as after an
uninterrupted run. Only the manifest's ``timings`` (one entry per session) tell them apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from framing._version import __version__
from framing.config import CORPUS_CONFIG, RECORD_SECONDS, Config
from framing.corpus import schema
from framing.corpus.executors import ENGINES, Engine, Executor, Handle, make_executor
from framing.corpus.ingest import (
    FIELDS,
    MAX_YEAR,
    MIN_YEAR,
    SHORT_YEAR,
    InputInfo,
    Mapping,
    MetadataUse,
    content_hash,
    describe_inputs,
    metadata_warning,
    read_inputs,
)
from framing.corpus.staleness import is_bundled
from framing.corpus.store import Store, StoreError
from framing.corpus.worker import BatchResult, Task
from framing.errors import ConfigError, FramingError, RunError, Terminated, value_invalid_msg
from framing.lexicons import Lexicons, default_lexicons
from framing.provenance import engine_versions, versions_key
from framing.records import Record, RecordError
from framing.text.html import SHORT_PAGE
from framing.text.language import ENGLISH, UNDETERMINED

# Items per batch: the unit of work sent to a worker. 250 articles are ~1-2 s of analysis, so a killed run loses
# little, and the per-batch costs (store lookups, building the ledger) are well under 1% of the work.
DEFAULT_BATCH = 250
# Consecutive analysed batches committed in one transaction. DuckDB writes a transaction's rows to the WAL, and only
# once it holds a whole row group of a table (see store._ROW_GROUP_SIZE) compresses that group straight into the
# file instead, so larger groups cost less CPU per article (figures: docs/design-measurements.md). Four, so that a
# killed run loses at most four batches beyond those in flight, and the pool keeps enough batches queued while it
# commits.
COMMIT_GROUP = 4
# DuckDB's buffer in the run: batch inserts and lookups need a few MB, and more only caches written blocks (a larger
# buffer made the run process larger at the same speed); the memory is the workers'.
_STORE_MEMORY = "128MB"
# How much WAL DuckDB writes before it checkpoints (compresses into the file). Each checkpoint also rewrites the
# tables' last, partly filled row groups, so its cost grows with the store: fewer, larger checkpoints cost less CPU
# per article (figures: docs/design-measurements.md). The price is up to 256 MB of WAL on disk beside the store
# during a run (and a few seconds to replay it when a killed run is resumed).
_STORE_CHECKPOINT = "256MB"


class RunInterrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C or SIGTERM (the original exception is the ``__cause__``), after abandoning the
    batches in flight and marking itself ``interrupted``; ``summary`` says what had been committed. The same call
    resumes it."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"run {summary.run_id} interrupted")
        self.summary = summary


@dataclass(frozen=True)
class RunSummary:
    """What a run did: its counts (``input`` = ``analysed`` + ``up_to_date`` + ``duplicate`` + ``error``) over
    all its sessions, and the timing of this session."""

    run_id: int
    status: str
    counts: dict[str, int]
    seconds: float
    analysed_now: int
    resumed_at: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # language code -> articles the run covers
    # (kind of reason, count, first origin) of the errors, most first (Store.error_reasons)
    error_reasons: list[tuple[str, int, str]] = field(default_factory=list)
    short_pages: int = 0  # HTML pages analysed whose text is short (their body may have been lost)
    mapped: dict[str, dict[str, int]] = field(default_factory=dict)  # field -> input column -> records (this session)
    missing: dict[str, int] = field(default_factory=dict)  # analysed articles without source / date / readable date
    # how the rows of the --metadata file met the records (MetadataUse.to_dict), once the run read every input
    metadata: dict[str, Any] = field(default_factory=dict)
    short_year_hint: str | None = None  # the first warning of a date with a two-digit year (it names --date-format)
    # duplicates that came with another source than the stored copy of their text (over all the run's sessions)
    duplicates_other_source: int = 0

    def fields_line(self) -> str:
        """Where each article field came from and what is missing: ``text <- content (5,000); source <- outlet
        (4,990); ... missing: source 10, date 10 (3 unreadable, kept as date_raw)``."""
        parts = []
        for f, cols in self.mapped.items():
            parts.append(f"{f} <- " + ", ".join(f"{c} ({n:,})" for c, n in cols.items()))
        m = self.missing
        miss = [f"{k} {m[k]:,}" for k in ("source", "date") if m.get(k)]
        if m.get("date_unreadable"):
            why = [f"{m[k]:,} {what}" for k, what in (("date_implausible", f"with a year before {MIN_YEAR} or after "
                                                                           f"{MAX_YEAR}"),
                                                       ("date_short_year", "with a two-digit year")) if m.get(k)]
            miss.append(f"{m['date_unreadable']:,} dates unreadable (kept as date_raw"
                        f"{'; ' + ', '.join(why) if why else ''})")
        return "fields: " + ("; ".join(parts) or "none read") + ("; missing: " + ", ".join(miss) if miss else "")

    def date_lines(self) -> list[str]:
        """A warning when dates were left unread for a reason an option or a look at the input fixes: a two-digit
        year (with the --date-format that reads the first one), an implausible year."""
        m, out = self.missing, []
        if m.get("date_short_year"):
            hint = self.short_year_hint or ""
            hint = hint[hint.find("date '"):] if "date '" in hint else hint  # (without the article's origin)
            hint = hint.split("; the date was left empty")[0]
            out.append(f"warning: {m['date_short_year']:,} date(s) with a {SHORT_YEAR} were not read (kept as "
                       f"date_raw){f': the first, {hint}' if hint else ''}")
        if m.get("date_implausible"):
            out.append(f"warning: {m['date_implausible']:,} date(s) with a year before {MIN_YEAR} or after "
                       f"{MAX_YEAR} were taken for errors and left empty (kept as date_raw; each article's "
                       "warnings say which)")
        return out

    def metadata_lines(self) -> list[str]:
        """With a metadata file: how many of its rows were joined to an article, and a warning when some matched
        none (``[]`` without one, or before the run has read every input)."""
        m = self.metadata
        if not m:
            return []
        lines = [f"metadata: {m['joined']:,} of the {m['rows']:,} row(s) of {m['file']} joined to articles"]
        warn = metadata_warning(m)
        return [*lines, f"warning: {warn}"] if warn else lines

    @property
    def rate(self) -> float:
        return self.analysed_now / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        c = self.counts
        resumed = f" (resumed after {self.resumed_at:,} items)" if self.resumed_at else ""
        other = {k: n for k, n in self.languages.items() if k not in (ENGLISH, UNDETERMINED)}
        langs = ""
        if other:
            shown = ", ".join(f"{k} {n:,}" for k, n in list(other.items())[:5])
            langs = f"; {sum(other.values()):,} not in English ({shown}{', ...' if len(other) > 5 else ''})"
        if self.short_pages:
            langs += f"; {self.short_pages:,} HTML pages with short text (body not found?)"
        dups = f"{c['duplicate']:,} duplicates"
        if self.duplicates_other_source:
            # a text stored once counts for its first source only: say so when others published it too
            dups += (f" ({self.duplicates_other_source:,} from another source than the stored copy, which counts "
                     "for its first source only)")
        return (f"run {self.run_id} {self.status}{resumed}: {c['input']:,} input items: {c['analysed']:,} analysed, "
                f"{c['up_to_date']:,} up to date, {dups}, {c['error']:,} errors{langs}; "
                f"{self.seconds:.1f} s, {self.rate:.1f} articles/s")


@dataclass
class _Plan:
    """One batch between classification and commit."""

    first: int
    last: int
    ledger: list[list[Any]] = field(default_factory=list)  # seq, origin, article_id, content_hash, status, detail
    tasks: list[Task] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)
    handle: Handle | None = None
    other_source: int = 0  # duplicates that came with another source than the copy kept (_other_source)


def run_corpus(inputs: Sequence[str], db: str | Path, *, mapping: Mapping | None = None, workers: int = 1,
               engine: Engine = "local", scheduler: str | None = None, staging: str | Path | None = None,
               batch_size: int = DEFAULT_BATCH, lexicons: Lexicons | None = None, config: Config | None = None,
               progress: bool | None = None, log: Callable[[str], None] | None = None,
               record_seconds: float | None = RECORD_SECONDS) -> RunSummary:
    """Analyse a corpus into the store at ``db`` (created if needed), resuming an unfinished identical run.

    ``workers`` processes analyse on this machine (1: in this process); ``engine="dask"`` sends the batches to
    the Dask scheduler at ``scheduler`` (or to a local cluster of ``workers`` processes), whose workers write
    Parquet partitions to ``staging`` (a folder they share with this machine; by default beside the store).
    ``progress``: a progress bar on stderr (None: only when stderr is a terminal). ``log`` receives one line per
    committed batch. ``record_seconds``: the time budget of one record's analysis (None: none); a record over it is
    an error of the run, with the reason, and the run goes on. Raises :class:`RunError` (or :class:`~framing.corpus.store.StoreError`) when the run
    cannot go on; what was committed is kept and the same call resumes.
    """
    _check_options(engine, workers, batch_size, record_seconds, scheduler, staging)
    mp = mapping or Mapping()
    cfg = config or CORPUS_CONFIG
    lex = lexicons or default_lexicons()
    vers = engine_versions(lex, cfg)
    vkey = versions_key(vers)
    infos = describe_inputs(inputs, mp)
    run_key = _run_key(infos, mp, vkey)

    # With a local pool the workers keep every core busy: DuckDB's own threads would only compete with them
    # (one thread costs less CPU per commit than two: docs/design-measurements.md).
    threads = 1 if engine == "local" and workers > 1 else None
    store = Store(db, memory_limit=_STORE_MEMORY, checkpoint_threshold=_STORE_CHECKPOINT, threads=threads)
    executor: Executor | None = None
    try:
        started, t0 = _now(), time.perf_counter()
        # the executor before the run: a Dask scheduler that cannot be reached (or workers that cannot start) is an
        # error that leaves no failed run behind
        executor = make_executor(engine, workers, scheduler, staging, db, lexicons, cfg, COMMIT_GROUP)
        run_id, committed, manifest = _open_run(store, run_key, vers, vkey, cfg, mp, infos, lex)
        store.active_run = run_id
        session: dict[str, Any] = {"started": started, "engine": engine, "workers": workers,
                                   "batch_size": batch_size, "record_seconds": record_seconds,
                                   "resumed_at": committed}
        manifest["timings"]["sessions"].append(session)
        estimate = sum(i.records or 0 for i in infos if i.format != "metadata") \
            if all(i.records is not None for i in infos if i.format != "metadata") else None
        mapped: Counter[tuple[str, str]] = Counter()
        read: list[int] = []  # items read per input (read_inputs), exact once every input is read
        metadata_use = MetadataUse() if mp.metadata else None
        status = "failed"
        interrupted: KeyboardInterrupt | None = None
        try:
            store.update_run(run_id, manifest, "running")
            with _StopRequests() as stop:
                items = read_inputs(inputs, mp, mapped=mapped, metadata_use=metadata_use, read=read)
                _loop(store, executor, run_id, vkey, items, committed, batch_size, estimate, progress, log, session,
                      stop, record_seconds)
            if metadata_use is not None:  # every input read (a resumed run reads the committed items again too)
                manifest["metadata_join"] = metadata_use.to_dict()
            executor.close()  # the workers' memory freed before the compaction takes its own
            executor = None
            store.compact_cells()  # one row per cell again (each commit added its own)
            store.compact_terms()  # (the term counts still staged summed first)
            try:  # the dashboard's first views, on a large store: the run is complete without them
                store.keep_answers()
            except StoreError as exc:
                print(f"framing: the dashboard's first views were not kept ({exc}); it computes them when asked "
                      "(slower on a large store)", file=sys.stderr, flush=True)
            status = "complete"
        except KeyboardInterrupt as exc:
            status = "interrupted"  # raised again below, once the batches in flight are abandoned and recorded
            interrupted = exc
        except BrokenProcessPool as exc:
            raise RunError("a worker process died (out of memory, or killed); the batches committed so far are "
                           "kept: run the same command again to resume") from exc
        finally:
            if executor is not None:
                executor.close()
                executor = None
            session["finished"] = _now()
            session["seconds"] = round(time.perf_counter() - t0, 3)
            session["status"] = status
            if status == "complete":
                manifest["counts"] = store.counts(run_id)
                _count_inputs(manifest, inputs, read)
            try:
                store.update_run(run_id, manifest, status)
            except FramingError:
                pass  # the store itself failed (disk full...): the run stays marked as not complete
            store.active_run = None
        missing = store.missing(run_id)
        summary = RunSummary(run_id, status, store.counts(run_id), session["seconds"],
                             session.get("analysed", 0), committed, store.languages(run_id),
                             store.error_reasons(run_id), store.warned(run_id, SHORT_PAGE), _by_field(mapped),
                             missing, manifest.get("metadata_join") or {},
                             store.first_warning(run_id, SHORT_YEAR) if missing.get("date_short_year") else None,
                             sum(int(x.get(schema.OTHER_SOURCE) or 0) for x in manifest["timings"]["sessions"]))
        if interrupted is not None:
            raise RunInterrupted(summary) from interrupted
        return summary
    finally:
        if executor is not None:  # (the run never started: the store could not be written)
            executor.close()
        store.close()


def _count_inputs(manifest: dict[str, Any], inputs: Sequence[str], read: list[int]) -> None:
    """Put the items read from each input (every input read to its end: a complete run, a resumed one included, reads
    them all) in the manifest's ``inputs`` in place of the progress bar's estimate."""
    if len(read) != len(inputs):
        return
    counted = iter(read)
    for info in manifest.get("inputs", []):
        if info.get("format") != "metadata":
            info["records"], info["records_counted"] = next(counted, None), True


def _by_field(mapped: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """``(field, column) -> n`` as ``field -> {column: n}``, fields in their usual order, columns most used first."""
    out: dict[str, dict[str, int]] = {}
    for f in FIELDS:
        cols = sorted(((c, n) for (g, c), n in mapped.items() if g == f), key=lambda cn: (-cn[1], cn[0]))
        if cols:
            out[f] = dict(cols)
    return out


def _check_options(engine: str, workers: int, batch_size: int, record_seconds: float | None,
                   scheduler: str | None = None, staging: str | Path | None = None) -> None:
    """Raise :class:`ConfigError` for an option the run could not go far with, before the store is opened."""
    if engine not in ENGINES:
        raise ConfigError(value_invalid_msg("engine", engine, list(ENGINES)))
    if engine == "dask":
        from framing.corpus.dask_engine import check_options

        check_options(scheduler, staging)
    elif scheduler is not None or staging is not None:
        given = [f"--{n} ({n}=)" for n, v in (("scheduler", scheduler), ("staging", staging)) if v is not None]
        raise ConfigError(f"{' and '.join(given)} {'apply' if len(given) > 1 else 'applies'} only to the Dask "
                          "engine: give --engine dask (engine='dask'), or leave "
                          f"{'them' if len(given) > 1 else 'it'} out to analyse on this machine")
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise ConfigError(f"batch_size must be at least 1, not {batch_size}")
    if record_seconds is not None and not record_seconds > 0:
        raise ConfigError(f"record_seconds must be more than 0, not {record_seconds}")


def _run_key(infos: list[InputInfo], mp: Mapping, vkey: str) -> str:
    """What makes two runs the same run (so that the second resumes the first): the inputs' formats and hashes,
    the mapping, and the engine's versions key."""
    mapping_key = {k: v for k, v in mp.to_dict().items() if k != "metadata"}  # the file's hash is in the inputs
    return hashlib.sha256(json.dumps({"inputs": [(i.format, i.sha256) for i in infos], "mapping": mapping_key,
                                      "versions_key": vkey}, sort_keys=True).encode()).hexdigest()


def _open_run(store: Store, run_key: str, vers: dict[str, Any], vkey: str, cfg: Config, mp: Mapping,
              infos: list[InputInfo], lex: Lexicons) -> tuple[int, int, dict[str, Any]]:
    """The unfinished run with this key (its id, the items it committed, its manifest), or a new one."""
    resumable = store.resumable_run(run_key)
    if resumable:
        run_id, committed = resumable
        return run_id, committed, store.raw_manifest(run_id)
    manifest: dict[str, Any] = {
        "framing": __version__, "versions": vers, "versions_key": vkey, "config": cfg.to_dict(),
        "mapping": mp.to_dict(), "inputs": [i.to_dict() for i in infos], "run_key": run_key,
        "timings": {"sessions": []},
    }
    # the files of lexicons other than the bundled ones (--lexicon CSV), as given: their versions and SHA-256 are in
    # "versions" (the path is for people; the hash is what decides whether articles are current)
    files = {lx.name: lx.path for lx in (lex.loaded_terms, lex.reporting_verbs, lex.source_terms, lex.roles)
             if lx.path and not is_bundled(lx.name, {"version": lx.version, "sha256": lx.sha256})}
    if files:
        manifest["lexicon_files"] = files
    run_id = store.start_run(run_key, manifest, vers, vkey)
    manifest["run_id"] = run_id
    return run_id, 0, manifest


class _StopRequests:
    """While a run's loop runs (in the main thread), Ctrl-C and SIGTERM only ask it to stop: the loop stops at its
    next safe point, between two store transactions, so that a signal never lands inside one. A second signal
    stops at once."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _StopRequests:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._request)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _request(self, signum: int, frame: object) -> None:
        if self.signal is not None:
            self.check(signum)
        self.signal = signum

    def check(self, signum: int | None = None) -> None:
        """Raise the stop requested, if any: :class:`Terminated` for SIGTERM, ``KeyboardInterrupt`` for Ctrl-C."""
        sig = signum if signum is not None else self.signal
        if sig == signal.SIGTERM:
            raise Terminated()
        if sig is not None:
            raise KeyboardInterrupt()


def _loop(store: Store, ex: Executor, run_id: int, vkey: str, items: Iterator[Record | RecordError],
          committed: int, batch_size: int, estimate: int | None, progress: bool | None,
          log: Callable[[str], None] | None, session: dict[str, Any], stop: _StopRequests | None = None,
          record_seconds: float | None = None) -> int:
    """Classify, analyse and commit every batch after the first ``committed`` items; the number analysed.
    ``stop`` is checked before every store transaction.

    ``session["engine_cpu_seconds"]`` adds up the CPU time the analysis itself took in the workers (the rest of
    the run's time is reading, deduplicating, building rows and writing), committed batches only."""
    from tqdm import tqdm

    bar = tqdm(total=estimate, initial=committed, unit=" items", file=sys.stderr, dynamic_ncols=True,
               disable=(None if progress is None else not progress), mininterval=0.5, smoothing=0.05,
               desc=f"run {run_id}")
    # id -> (content hash, origin, source), for batches not yet committed
    inflight_ids: dict[str, tuple[str, str, str | None]] = {}
    inflight_hashes: dict[str, str] = {}  # content hash -> id
    totals = {s: 0 for s in (*schema.STATUSES, schema.OTHER_SOURCE)}
    pending: deque[_Plan] = deque()
    seq = committed
    engine = 0.0
    skip = islice(items, committed, None)  # resume: the committed items are read again but not processed
    check = stop.check if stop is not None else (lambda: None)
    try:
        while True:
            check()
            batch = list(islice(skip, batch_size))
            if not batch:
                break
            plan = _classify(store, run_id, vkey, batch, seq + 1, inflight_ids, inflight_hashes, record_seconds)
            seq = plan.last
            if plan.tasks:
                plan.handle = ex.submit(plan.tasks, run_id, vkey, f"run{run_id}-{plan.first:010d}")
            pending.append(plan)
            # Commit once more than the window (and at least a group) is pending; batches with nothing to analyse
            # are committed at once so that they do not wait behind others.
            while len(pending) > max(ex.window, COMMIT_GROUP) or (pending and pending[0].handle is None):
                check()
                engine += _commit(store, run_id, _group(pending), inflight_ids, inflight_hashes, totals, bar, log)
        if len(pending) > 1:
            # The input is read; the last batches are still being analysed. Checkpoint now, while they are, rather
            # than on close, when nothing else would run beside it.
            store.checkpoint()
        while pending:
            check()
            engine += _commit(store, run_id, _group(pending), inflight_ids, inflight_hashes, totals, bar, log)
        bar.total = bar.n  # the total was an estimate
        bar.refresh()
    finally:
        bar.close()
        session["engine_cpu_seconds"] = round(engine, 3)
        session["analysed"] = totals["analysed"]  # committed in this session, also when it was interrupted
        session[schema.OTHER_SOURCE] = totals[schema.OTHER_SOURCE]  # (of committed batches, as the ledger's counts)
    return totals["analysed"]


def _classify(store: Store, run_id: int, vkey: str, batch: list[Record | RecordError], first: int,
              inflight_ids: dict[str, tuple[str, str, str | None]], inflight_hashes: dict[str, str],
              record_seconds: float | None = None) -> _Plan:
    plan = _Plan(first, first + len(batch) - 1)
    hashes = {i: content_hash(item.text) for i, item in enumerate(batch) if isinstance(item, Record)}
    ids = [item.id for item in batch if isinstance(item, Record)]
    existing, owners, seen = store.lookup(run_id, ids, list(hashes.values()))
    stored_owners: list[tuple[str, str]] = []  # (source, id of the stored copy) of duplicates of stored articles
    for i, item in enumerate(batch):
        seq = first + i
        if isinstance(item, RecordError):
            plan.ledger.append([seq, item.origin, item.id, None, "error", item.reason])
            continue
        h = hashes[i]
        rid = item.id
        prior = inflight_ids.get(rid) or seen.get(rid)
        if prior is not None:
            if prior[0] == h:
                plan.ledger.append([seq, item.origin, rid, h, "duplicate", rid])
            else:
                plan.ledger.append([seq, item.origin, rid, h, "error",
                                    f"the id {rid!r} is already used by a different text at {prior[1]}; give each "
                                    "article its own id (or none: the id then comes from the text)"])
            continue
        owner = inflight_hashes.get(h) or owners.get(h)
        if owner is not None and owner != rid:
            plan.ledger.append([seq, item.origin, rid, h, "duplicate", owner])
            if item.source:
                held = inflight_ids.get(owner)
                if held is not None:
                    plan.other_source += _other_source(item.source, held[2])
                else:
                    stored_owners.append((item.source, owner))
            continue
        inflight_ids[rid] = (h, item.origin, item.source)
        inflight_hashes.setdefault(h, rid)
        ex = existing.get(rid)
        if ex is not None and ex == (h, vkey):
            plan.ledger.append([seq, item.origin, rid, h, "up_to_date", None])
            continue
        if ex is None:
            detail = "new"
        else:
            detail = "text changed" if ex[0] != h else "stale: analysed with other versions"
            plan.replace.append(rid)
        plan.ledger.append([seq, item.origin, rid, h, "analysed", detail])
        plan.tasks.append(Task(rid, item.text, item.source, item.meta, item.warnings, h, item.origin,
                               record_seconds))
    if stored_owners:
        sources = store.sources_of(sorted({owner for _, owner in stored_owners}))
        plan.other_source += sum(_other_source(src, sources.get(owner)) for src, owner in stored_owners)
    return plan


def _other_source(source: str, owners_source: str | None) -> int:
    """1 when a duplicate came with another source than the stored copy of its text (a syndicated or republished
    article: the store keeps the text once, under its first source), else 0."""
    return int(bool(owners_source) and source.strip() != (owners_source or "").strip())


def _group(pending: deque[_Plan]) -> list[_Plan]:
    """The next batches to commit together: up to COMMIT_GROUP from the front, a batch with nothing to analyse
    alone (it is ready now; the ones behind it may not be)."""
    if pending[0].handle is None:
        return [pending.popleft()]
    out: list[_Plan] = []
    while pending and len(out) < COMMIT_GROUP and pending[0].handle is not None:
        out.append(pending.popleft())
    return out


def _commit(store: Store, run_id: int, plans: list[_Plan], inflight_ids: dict[str, tuple[str, str, str | None]],
            inflight_hashes: dict[str, str], totals: dict[str, int], bar: Any,
            log: Callable[[str], None] | None) -> float:
    """Commit consecutive batches in one transaction; the CPU seconds their analysis took."""
    results = [plan.handle.result() if plan.handle is not None else BatchResult() for plan in plans]
    rows: list[list[Any]] = []
    replace_ids: list[str] = []
    for plan, res in zip(plans, results):
        if res.failed:
            for row in plan.ledger:
                if row[4] == "analysed" and row[2] in res.failed:
                    row[4], row[5] = "error", res.failed[row[2]]
        replace_ids += [rid for rid in plan.replace if rid not in res.failed]
        rows += plan.ledger
    ledger = schema.arrow_table(
        {"run_id": [run_id] * len(rows), **{c: [r[i] for r in rows] for i, c in
                                            enumerate(("seq", "origin", "article_id", "content_hash",
                                                       "status", "detail"))}},
        dict(schema.RECORD_COLUMNS))
    store.commit_batch(run_id, plans[-1].last, ledger, [r.articles for r in results if r.articles is not None],
                       [r.findings for r in results if r.findings is not None], replace_ids,
                       terms=_all_counted(results), labels=_all_counted(results, "labels"))
    for res in results:
        _cleanup(res)
    for row in rows:  # the store now knows these batches: forget what they added to the in-flight maps
        rid, h = row[2], row[3]
        if rid in inflight_ids and inflight_ids[rid][1] == row[1]:
            del inflight_ids[rid]
        if h is not None and inflight_hashes.get(h) == rid:
            del inflight_hashes[h]
    for plan in plans:
        n = {s: 0 for s in schema.STATUSES}
        for row in plan.ledger:
            n[row[4]] += 1
            totals[row[4]] += 1
        totals[schema.OTHER_SOURCE] += plan.other_source
        bar.update(plan.last - plan.first + 1)
        if log:
            log(f"run {run_id}: committed items {plan.first:,}-{plan.last:,}: {n['analysed']} analysed, "
                f"{n['up_to_date']} up to date, {n['duplicate']} duplicates, {n['error']} errors")
    bar.set_postfix(analysed=totals["analysed"], duplicates=totals["duplicate"], errors=totals["error"],
                    refresh=False)
    return sum(res.engine_seconds for res in results)


def _all_counted(results: list[BatchResult], what: str = "terms") -> list[Any] | None:
    """The workers' term counts (or actor labels: ``what``) of the batches whose articles are committed, in the same
    order, if every such batch has them (else the store counts them itself)."""
    with_articles = [r for r in results if r.articles is not None]
    if not with_articles or any(getattr(r, what) is None for r in with_articles):
        return None
    return [getattr(r, what) for r in with_articles]


def _cleanup(res: BatchResult) -> None:
    """Remove the files of a committed batch (local pool: Arrow IPC; Dask engine: Parquet partitions)."""
    for part in (res.articles, res.findings, res.terms, res.labels):
        if isinstance(part, str):
            Path(part).unlink(missing_ok=True)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
