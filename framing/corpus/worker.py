"""What runs in a worker: analyse a batch of records and return the store's rows as Arrow tables.

The same function serves the single process, the local process pool and the Dask workers, so every engine
produces identical rows. A worker keeps the lexicons and config of its run in a module-level slot, set once by
:func:`init_worker` (the pool's initializer) or on first use, and never reloads them per batch.
"""

from __future__ import annotations

import datetime as dt
import json
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.config import Config
from framing.corpus import schema
from framing.report import Lexicons, analyse, default_lexicons
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


@dataclass(slots=True)
class BatchResult:
    """The rows of one analysed batch: Arrow tables (or Parquet paths, from Dask) and the records that failed."""

    articles: Any = None
    findings: Any = None
    failed: dict[str, str] = field(default_factory=dict)  # article_id -> why the engine failed on it
    n: int = 0


_STATE: dict[str, Any] = {}


def init_worker(lexicons: Lexicons | None, config: Config | None) -> None:
    """Set this process's lexicons and config (the pool's initializer; loads the bundled lexicons once)."""
    _STATE["lexicons"] = lexicons or default_lexicons()
    _STATE["config"] = config


def analyse_batch(tasks: list[Task], run_id: int, versions_key: str, lexicons: Lexicons | None = None,
                  config: Config | None = None) -> BatchResult:
    """Analyse the tasks in order. A record the engine fails on is reported in ``failed``, not raised."""
    lex = lexicons or _STATE.get("lexicons")
    if lex is None:
        init_worker(None, config)
        lex = _STATE["lexicons"]
    cfg = config or _STATE.get("config")
    arts: list[dict[str, Any]] = []
    finds: list[dict[str, Any]] = []  # the finding dicts of the reports, in order (sentence sentiment left out)
    find_ids: list[str] = []
    find_seqs: list[int] = []
    failed: dict[str, str] = {}
    for t in tasks:
        try:
            report = analyse(t.text, id=t.article_id, source=t.source, meta=t.meta, lexicons=lex, config=cfg)
            d = report.to_dict()
        except Exception as exc:  # the engine's bug must not stop a corpus run: the record goes to the errors
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failed[t.article_id] = (f"the analysis failed: {type(exc).__name__}: {exc} "
                                    f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
            continue
        if t.warnings:
            d["warnings"] = list(t.warnings) + d["warnings"]
        arts.append(_article(t, d, run_id, versions_key))
        seq = 0
        for f in d["findings"]:
            if f["type"] != "sentiment":  # as in framing.tables.finding_rows
                finds.append(f)
                find_ids.append(t.article_id)
                find_seqs.append(seq)
                seq += 1
    return BatchResult(_table(arts, schema.article_columns()), _findings_table(finds, find_ids, find_seqs), failed,
                       len(tasks))


def analyse_to_files(tasks: list[Task], run_id: int, versions_key: str, folder: str, part: str, *,
                     fmt: str = "arrow", lexicons: Lexicons | None = None, config: Config | None = None) -> BatchResult:
    """:func:`analyse_batch`, with the two tables written to ``folder/part-{articles,findings}.{fmt}`` and their
    paths returned: Arrow IPC for a local pool worker (the run's private temporary folder), Parquet for a Dask
    worker (the shared staging folder). Each file is written under a temporary name and renamed, so a killed or
    retried task never leaves half a file under the final name.

    Why files for a local pool: a batch's tables are ~5 MB. Sent back through the pool's pipe they would travel in
    64 KB pieces, each waiting for the busy run process to be scheduled, and be pickled and unpickled on the way; a
    file is written at once and read in place (memory-mapped). Measured with 2 workers on 30,000 articles: the
    workers spent 2.7% of their time between batches with the pipe, 0.7% with files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    res = analyse_batch(tasks, run_id, versions_key, lexicons, config)
    Path(folder).mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in (("articles", res.articles), ("findings", res.findings)):
        path = Path(folder) / f"{part}-{name}.{fmt}"
        tmp = path.with_suffix(".tmp")
        if fmt == "parquet":
            pq.write_table(table, tmp)
        else:
            with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        tmp.replace(path)
        paths.append(str(path))
    return BatchResult(paths[0], paths[1], res.failed, res.n)


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


def _findings_table(finds: list[dict[str, Any]], ids: list[str], seqs: list[int]) -> Any:
    """The findings as an Arrow table with the schema's columns: the rows of :func:`framing.tables.finding_rows`
    plus ``seq``, converted by Arrow from the finding dicts in one call (a key a finding does not have becomes a
    null). Measured: three times faster than building a dict per row in Python."""
    import pyarrow as pa

    columns = schema.finding_columns()
    struct = pa.struct([(c, schema.arrow_type(t)) for c, t in columns if c not in ("article_id", "seq")])
    table = pa.Table.from_struct_array(pa.array(finds, type=struct))
    table = table.add_column(0, "article_id", pa.array(ids, type=pa.string()))
    return table.add_column(1, "seq", pa.array(seqs, type=pa.int32()))


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
