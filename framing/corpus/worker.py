"""What runs in a worker: analyse a batch of records and return the store's rows as Arrow tables.

The same function serves the single process, the local process pool and the Dask workers, so every engine
produces identical rows. A worker keeps the lexicons and config of its run in a module-level slot, set once by
:func:`init_worker` (the pool's initializer) or on first use, and never reloads them per batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import importlib.abc
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from framing import detectors
from framing.compare.labelcount import count_labels, labels_arrow
from framing.config import Config
from framing.corpus import schema
from framing.findings import Finding, Quote
from framing.lexicons import Lexicons, default_lexicons, load_lexicon
from framing.records import input_warnings
from framing.report import analyse_document, failure_reason
from framing.tables import article_row


@dataclass(frozen=True, slots=True)
class Task:
    """One record to analyse, with what the store keeps about it."""

    article_id: str
    text: str
    source: str | None
    meta: dict[str, Any]
    warnings: tuple[str, ...]
    content_hash: str
    origin: str
    seconds: float | None = None  # the record's time budget (framing.analyse's time_budget)


@dataclass(slots=True)
class BatchResult:
    """The rows of one analysed batch: Arrow tables (or Parquet paths, from Dask) and the records that failed."""

    articles: Any = None
    findings: Any = None
    failed: dict[str, str] = field(default_factory=dict)  # article_id -> why the engine failed on it
    n: int = 0
    engine_seconds: float = 0.0  # CPU time of the analysis itself (framing.analyse), this thread only
    # the analysed articles' term counts (framing.compare.terms.article_terms as an Arrow table, or its file), as
    # the rows of the store's term_stage (framing.corpus.termstage.stage_rows: with their cell's keys and part,
    # sorted by part): counted and keyed here, where the texts are, so that the run process only appends them
    terms: Any = None
    # the analysed articles' actor labels (framing.compare.labelcount, one row per article and label), counted
    # from the document the analysis prepared
    labels: Any = None


_STATE: dict[str, Any] = {}


def init_worker(lexicons: Lexicons | None, config: Config | None) -> None:
    """Set this process's lexicons and config (the pool's initializer; loads the bundled lexicons once)."""
    _STATE["lexicons"] = lexicons or default_lexicons()
    _STATE["config"] = config
    _STATE["actor_labels"] = load_lexicon("actor_labels")


class _NoPandas(importlib.abc.MetaPathFinder):
    """Refuses to import pandas. A worker builds its tables with pyarrow alone, but pyarrow imports pandas on its
    first conversion of a Python list, only to ask whether the values are pandas objects: ~50 MB of memory in every
    worker, for nothing. Refused, pyarrow takes pandas for absent and converts the same lists the same way."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        if fullname == "pandas" or fullname.startswith("pandas."):
            raise ModuleNotFoundError("framing's corpus workers do not load pandas (framing.corpus.worker)",
                                      name=fullname)
        return None


def init_pool_worker(lexicons: Lexicons | None, config: Config | None) -> None:
    """:func:`init_worker` for a process of our own pool (:func:`framing.processes.process_pool`), then move
    everything loaded so far (modules, lexicons, models: ~170,000 objects) out of the garbage collector's scans. Its
    full collections scanned them all for nothing (they live as long as the process). Only in processes the pool
    starts: a library call must not freeze its caller's heap, nor refuse it pandas (:class:`_NoPandas`), nor change
    its Arrow memory pool.

    The batches' Arrow tables are allocated from the C library's allocator rather than pyarrow's default (mimalloc),
    which kept the memory of a batch's tables resident after they were written and freed (figures:
    docs/corpus.md, twenty-third session); the same tables, at the same speed."""
    import pyarrow as pa

    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas())
    pa.set_memory_pool(pa.system_memory_pool())
    init_worker(lexicons, config)
    gc.collect()
    gc.freeze()


def analyse_batch(tasks: list[Task], run_id: int, versions_key: str, lexicons: Lexicons | None = None,
                  config: Config | None = None) -> BatchResult:
    """Analyse the tasks in order. A record the engine fails on is reported in ``failed``, not raised."""
    lex = lexicons or _STATE.get("lexicons")
    if lex is None:
        init_worker(None, config)
        lex = _STATE["lexicons"]
    cfg = config or _STATE.get("config")
    arts: list[dict[str, Any]] = []
    # The reports' findings (sentence sentiment left out) by class, each with its article and position.
    groups: dict[type, tuple[list[Finding], list[str], list[int]]] = {}
    failed: dict[str, str] = {}
    labels: list[tuple[Any, ...]] = []
    actor_labels = _STATE.get("actor_labels") or load_lexicon("actor_labels")
    engine = 0.0
    stored = detectors.stored_types()
    for t in tasks:
        try:
            c0 = time.thread_time()
            report, doc = analyse_document(t.text, id=t.article_id, source=t.source, meta=t.meta, lexicons=lex,
                                           config=cfg, time_budget=t.seconds)
            engine += time.thread_time() - c0
            d = report.to_dict(findings=False)
            labels += count_labels(t.article_id, doc, actor_labels,
                                   [(f.start, f.end, f.kind) for f in report.findings if isinstance(f, Quote)])
        except Exception as exc:  # over its budget, or an engine bug: the record goes to the errors, the run goes on
            failed[t.article_id] = failure_reason(exc)
            continue
        d["warnings"] = input_warnings(t.warnings, d["warnings"])
        arts.append(_article(t, d, run_id, versions_key))
        seq = 0
        for f in report.findings:
            if f.type in stored:  # as in framing.tables.finding_rows
                g = groups.get(type(f))
                if g is None:
                    g = groups[type(f)] = ([], [], [])
                g[0].append(f)
                g[1].append(t.article_id)
                g[2].append(seq)
                seq += 1
    articles = _table(arts, schema.article_columns())
    return BatchResult(articles, _findings_table(groups), failed, len(tasks), engine, _terms_table(arts, articles),
                       labels_arrow(labels))


def analyse_to_files(tasks: list[Task], run_id: int, versions_key: str, folder: str, part: str, *,
                     fmt: str = "arrow", lexicons: Lexicons | None = None, config: Config | None = None) -> BatchResult:
    """:func:`analyse_batch`, with its tables written to ``folder/part-{articles,findings,terms,labels}.{fmt}`` and
    their paths returned: Arrow IPC for a local pool worker (the run's private temporary folder), Parquet for a Dask
    worker (the shared staging folder). Each file is written under a temporary name and renamed, so a killed or
    retried task never leaves half a file under the final name.

    Why files for a local pool: a batch's tables are ~5 MB. Sent back through the pool's pipe they would travel in
    64 KB pieces, each waiting for the busy run process to be scheduled, and be pickled and unpickled on the way; a
    file is written at once and read in place (memory-mapped); the workers then wait far less between batches
    (figures: docs/design-measurements.md)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    res = analyse_batch(tasks, run_id, versions_key, lexicons, config)
    Path(folder).mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in (("articles", res.articles), ("findings", res.findings), ("terms", res.terms),
                        ("labels", res.labels)):
        path = Path(folder) / f"{part}-{name}.{fmt}"
        tmp = path.with_suffix(".tmp")
        if fmt == "parquet":
            pq.write_table(table, tmp)
        else:
            with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        tmp.replace(path)
        paths.append(str(path))
    return BatchResult(paths[0], paths[1], res.failed, res.n, res.engine_seconds, paths[2], paths[3])


def _terms_table(arts: list[dict[str, Any]], articles: Any) -> Any:
    """The term counts of the analysed articles (``articles``: their table), as
    :meth:`framing.corpus.store.Store.add_terms` would count and stage them."""
    from framing.compare.terms import terms_arrow
    from framing.corpus.termstage import stage_rows

    return stage_rows(terms_arrow([(a["article_id"], a["text"]) for a in arts]), articles)


def _article(t: Task, d: dict[str, Any], run_id: int, versions_key: str) -> dict[str, Any]:
    row = article_row(d)
    meta = t.meta
    out: dict[str, Any] = {"article_id": t.article_id, "source": t.source}
    for c in schema.META_COLUMNS:
        v = meta.get(c)
        out[c] = dt.date.fromisoformat(v) if c == "date" and v else v
    extras = {k: v for k, v in meta.items() if k not in schema.META_COLUMNS}
    out["meta"] = json.dumps(extras, ensure_ascii=False, sort_keys=True) if extras else None
    for k, v in row.items():
        if k not in out and k not in meta:
            out[k] = v
    out["warnings"] = json.dumps(d["warnings"], ensure_ascii=False) if d["warnings"] else None
    out["metrics"] = json.dumps(d["metrics"], ensure_ascii=False, sort_keys=True)
    out["text"] = t.text
    out["content_hash"] = t.content_hash
    out["versions_key"] = versions_key
    out["run_id"] = run_id
    out["origin"] = t.origin
    return out


def _findings_table(groups: dict[type, tuple[list[Finding], list[str], list[int]]]) -> Any:
    """The findings as an Arrow table with the schema's columns: the rows of :func:`framing.tables.finding_rows`
    plus ``seq`` (a field a finding does not have is null), one finding class after the other (the store returns
    findings ordered by article and ``seq``, whatever the order they were written in). Built from the findings'
    fields: a getter per class reads a finding's stored fields at once and Arrow converts each column, about half
    the cost of ``to_dict()`` on every finding (figures: docs/design-measurements.md)."""
    import pyarrow as pa

    columns = schema.finding_columns()
    names = [c for c, _ in columns]
    types = [schema.arrow_type(t) for _, t in columns]
    parts = []
    for cls, (finds, ids, seqs) in groups.items():
        fields, getter = _stored_fields(cls)
        values: dict[str, Sequence[Any]] = dict(zip(fields, zip(*map(getter, finds))))
        values["article_id"] = ids
        values["seq"] = seqs
        arrays = [pa.array(values[c], type=t) if c in values else pa.nulls(len(finds), type=t)
                  for c, t in zip(names, types)]
        parts.append(pa.Table.from_arrays(arrays, names=names))
    if not parts:
        return pa.Table.from_arrays([pa.array([], type=t) for t in types], names=names)
    return pa.concat_tables(parts) if len(parts) > 1 else parts[0]


@cache
def _stored_fields(cls: type) -> tuple[list[str], Any]:
    """The fields of a finding class that the findings table stores, and a getter of their values."""
    stored = {c for c, _ in schema.finding_columns()}
    fields = [f.name for f in dataclasses.fields(cls) if f.name in stored]
    return fields, attrgetter(*fields)


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> Any:
    """Rows as an Arrow table with the schema's columns first, then any column the engine added."""
    known = dict(columns)
    names = [c for c, _ in columns]
    seen = set(names)
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                names.append(k)
    return schema.arrow_table({n: [r.get(n) for r in rows] for n in names}, known)
