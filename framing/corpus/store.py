"""The store: one DuckDB file holding a corpus's articles, findings, per-article metrics, runs and errors.

Tables (see :mod:`framing.corpus.schema` for the columns):

``articles``   one row per analysed article: the tidy articles table of :mod:`framing.tables`, the article's text,
               the other input fields as JSON (``meta``), its full metrics and warnings as JSON, and its
               provenance (``content_hash``, ``versions_key``, ``run_id``, ``origin``).
``findings``   one row per finding (not the per-sentence sentiment), in report order (``seq``).
``runs``       one row per run: status, how many input items are committed, and the manifest (package, lexicon
               and config versions and hashes, input hashes, mapping, counts, timings).
``records``    the ledger: one row per input item per run with what became of it -- ``analysed``,
               ``up_to_date`` (analysed before with the same versions), ``duplicate`` (``detail`` names the
               article it repeats) or ``error`` (``detail`` is the reason). A view ``errors`` lists the errors.
``versions``   each ``versions_key`` with the versions it stands for.
``cells``      the comparison metrics' sums (:mod:`framing.moments`) per cell of :data:`CELL_KEYS` (source, leaning,
               topic, event, language, day), and ``cells_month`` per (source, leaning, topic, language, month):
               what the Compare page adds up instead of reading every article. Kept in the same transaction as the
               articles (a replaced article's sums are subtracted, as rows of negative sums; compacted when a run
               ends); built once from the articles when a store without them (or with the sums of other metrics)
               is opened for writing.
``terms``      the word-choice term counts (:func:`framing.compare.terms.article_terms`: unigrams and bigrams) per
               cell of :data:`TERM_TABLES`' keys and term: how often the term occurs (``n``), in how many articles
               (``n_articles``) and the first of these by id (``first_id``, with the offsets of the term's first
               occurrence in its text, ``first_start``/``first_end``: the page's example in context);
               ``terms`` per (source, leaning, topic, language), ``terms_month`` per month as well; a term is
               its id (``term_id``: the first 64 bits of its MD5, :data:`TERM_ID`), spelt in ``term_vocab``
               (``term_id``, ``term``), so that the sums group on integers. A batch's articles' counts (made
               by the workers, with their cell's keys: :mod:`framing.corpus.termstage`) are staged in its
               transaction, one row per article and term (``term_stage``), and summed into the tables every
               :data:`_FOLD_ROWS` rows and when a run ends (then compacted); a replaced article's are subtracted. A reader finding counts still staged (a run killed before its
               end) counts the texts instead, and the next store opened for writing sums them. Counted once from
               the texts when a store without the tables (or with counts of other terms) is opened for writing.
``article_labels`` one row per article and actor label (:mod:`framing.compare.labelcount`, counted by the
               workers, inserted and replaced with the articles): what the Word choice page's labels sum. Counted
               again from the texts and quotations when a store opened for writing has none, labels of another
               lexicon, or articles committed since by a framing that does not count them (``labels_stamp``).
``answers``    the kept results of the Word choice page's first views (:meth:`Store.keep_answers`, tables
               ``answer_...``), with the actor labels summed per cell and month (``label_cells``) and each term's
               total (``term_totals``): kept when a run completes on a large store, dropped by the next commit, and
               not read when any framing committed since (``answers_stamp``).

Writes happen a few consecutive batches per transaction (:meth:`Store.commit_batch`): their articles, findings,
ledger rows and the run's progress are committed together or not at all, so a killed run loses at most the
batches in flight. Texts are read by id from ``text_blobs`` (``article_id``, ``text_z``: the text compressed on its
own with zlib, stored uncompressed by DuckDB, indexed by id), kept with the articles and built when a store without
it is opened for writing: DuckDB compresses the articles' text column in blocks of thousands of texts (ZSTD), so
fetching one text there decompresses a block (about 9 ms a text) and reading a few thousand means scanning the whole
column; from ``text_blobs`` a text is a fetch and a decompression (about 0.2 ms). The articles table also has an index
on ``article_id`` (:data:`_ARTICLE_INDEX`) for reading one article's row. A store opened for writing uses row groups of 16,384 rows (:data:`_ROW_GROUP_SIZE`), so that
a checkpoint's cost does not grow with the store; a run closes and opens it again after each commit that summed the
staged term counts (:meth:`Store._reopen`: DuckDB keeps the metadata of every row group written while it is open). DuckDB allows one writing process and no readers while it
writes: open the store read-only for the dashboard once the run is over. Rows are returned in a deterministic order (articles by id, findings by article
and position), whatever the order in which they were written.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import duckdb

from framing import detectors, moments
from framing.corpus import schema
from framing.corpus.keyfilter import KeySet
from framing.corpus.termstage import TERM_TABLES
from framing.errors import ConfigError, FramingError
from framing.tables import finding_column_names

if TYPE_CHECKING:
    # (imported where a frame is made: writing the store needs none of it; pyarrow still imports it in a run's
    # process, on its first conversion of a Python list, see docs/corpus.md, twenty-third session)
    import pandas as pd

SCHEMA_VERSION = "2"  # 2: findings.explanation computed on read; quotes have a reason
# The cells tables and their keys: what the Compare page filters and groups by. ``cells`` is by day (a date range is a
# filter on cells) and event (which adds no cell where stories are a day's: AllSides has 4,653 cells of 5,063
# articles with or without it); ``cells_month`` is by month without the event, for the views that need no more
# (no event, whole months): many fewer rows on a large store (figures: docs/dashboard.md).
CELL_KEYS = ("source", "leaning", "topic", "event", "language", "date")
CELL_TABLES: dict[str, tuple[str, ...]] = {"cells_month": ("source", "leaning", "topic", "language", "date"),
                                           "cells": CELL_KEYS}


# A store of this many articles or more keeps the answers of the Word choice page's first views when a run completes
# (Store.keep_answers): on a million articles they take 1-2 s each, on 50,000 a few tenths.
ANSWERS_MIN_ARTICLES = 50_000

# Kept with the answers, named as answers so that a commit drops them with them: the actor labels summed per cell of
# the term tables' keys and month (Store.label_groups reads them for a filter and grouping they hold, rather than
# joining every selected article's labels), and each term's total in the store (Store.term_groups' vocabulary).
_LABEL_CELLS_KEY, _TERM_TOTALS_KEY = "label_cells", "term_totals"
_LABEL_CELLS, _TERM_TOTALS = ("answer_" + hashlib.sha256(k.encode()).hexdigest()[:24]
                              for k in (_LABEL_CELLS_KEY, _TERM_TOTALS_KEY))


# A term's id in the term tables: the first 64 bits of the MD5 of its text (stable across DuckDB versions, unlike
# ``hash``; computed in SQL where the counts are summed). Two terms with the same id would add up silently, so every
# new term is checked against the vocabulary (:meth:`Store.add_vocabulary`).
TERM_ID = "md5_number_upper"


def term_table(where: dict[str, Any] | None, by: Sequence[str]) -> str | None:
    """The term table that holds the counts of this filter's groups (None: only the texts do)."""
    names = set(by) | set(where or {})
    if not names <= set(TERM_TABLES["terms_month"]):
        return None
    if "date" not in names:
        return "terms"
    return "terms_month" if "date" not in by and _whole_months((where or {})["date"]) else None


def cell_table(where: dict[str, Any] | None, by: Sequence[str]) -> str | None:
    """The coarsest cells table that holds the sums of this filter's groups (None: only the articles do)."""
    names = {k.partition(":")[0] for k in by} | set(where or {})
    if not names <= set(CELL_KEYS):
        return None
    month = names <= set(CELL_TABLES["cells_month"]) and \
        all(k.partition(":")[2] in ("month", "quarter", "year") for k in by if k.partition(":")[0] == "date")
    if month and "date" in (where or {}):
        month = _whole_months((where or {})["date"])
    return "cells_month" if month else "cells"


def _label_sums(first: str, n_articles: str, *, stored: bool = False) -> str:
    """The sums of actor-label rows ``l`` (as ``article_labels`` or the label cells hold them) per group: the
    lexicon weight, the mentions, ``n_articles`` (an SQL expression), quoted and scare-quoted mentions, and the
    first article by ``first`` (its id column) with that article's offsets. Named as the label cells hold them when
    ``stored``, else as :meth:`Store.label_groups` returns them."""
    n, ex_id, ex_start, ex_end = ("n", "first_id", "first_start", "first_end") if stored else \
        ("count", "example_article_id", "example_start", "example_end")
    return (f"min(l.weight) AS weight, sum(l.n) AS {n}, {n_articles} AS n_articles, sum(l.quoted) AS quoted, "
            f"sum(l.scare) AS scare, min({first}) AS {ex_id}, arg_min(l.first_start, {first}) AS {ex_start}, "
            f"arg_min(l.first_end, {first}) AS {ex_end}, arg_min(l.sentence_start, {first}) AS sentence_start, "
            f"arg_min(l.sentence_end, {first}) AS sentence_end")


def _whole_months(value: Any) -> bool:
    """A date filter that selects whole months: a range from a month's first day to a month's last (or open)."""
    import datetime as dt

    if not isinstance(value, tuple) or len(value) != 2:
        return False
    lo, hi = value
    try:
        if lo is not None and dt.date.fromisoformat(str(lo)).day != 1:
            return False
        if hi is not None:
            d = dt.date.fromisoformat(str(hi))
            return (d + dt.timedelta(days=1)).day == 1
    except ValueError:
        return False
    return True
EXPORT_TABLES = ("articles", "findings", "texts", "runs", "records", "errors")


class StoreError(FramingError):
    """The store cannot be opened, read or written. The message says why and what to do."""


def _plain(v: Any) -> Any:
    """A value of a DataFrame cell as the plain Python value a report holds, which ``json.dumps`` writes: numpy
    integers, floats and booleans become Python's; pandas' missing values (NaN, NA, NaT) become None."""
    import pandas as pd

    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "item"):  # a numpy scalar (np.int64 from an integer column, np.bool_, np.float64)
        v = v.item()
        return None if isinstance(v, float) and v != v else v
    return v


# The columns of :meth:`Store.inputs` taken from the runs' manifests (framing.corpus.ingest.InputInfo's fields).
_INPUT_COLUMNS = ("path", "format", "bytes", "records", "records_counted", "sha256")


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (and, unless ``read_only``, create) the store at ``path``.

    >>> with open_store("framing.duckdb", read_only=True) as st:   # doctest: +SKIP
    ...     st.articles_frame(where={"source": "Politico"})
    """
    return Store(path, read_only=read_only)


class Store:
    """A corpus store. Use :func:`open_store`; close it (or use ``with``) to release the file."""

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str | None = None,
                 checkpoint_threshold: str | None = None, threads: int | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.active_run: int | None = None
        self._columns: dict[str, list[str]] = {}
        self._keys: tuple[KeySet, KeySet] | None = None  # stored ids and content hashes, filled on first lookup
        self._blobs: bool | None = None  # whether text_blobs holds every text (checked on first read)
        self._keeping = False  # while keep_answers runs: the answers computed are kept
        # queries computed while the store kept answers for its present state, but not theirs: a first view of the
        # Word choice page counted here was kept by a framing whose queries differ (compare.stored.STALE_FIRST_VIEW)
        self.answers_missed = 0
        self._reopen_due = False  # a fold wrote many row groups: reopen after the commit (see _reopen)
        self._next_no: int | None = None  # the next article number (read from the store when first needed)
        self._batch_numbers: list[tuple[Any, Any]] = []  # the ids and numbers of the articles of this commit
        self._is_numbered: bool | None = None
        if read_only and not Path(path).exists():
            raise StoreError(f"{path}: no such store (run `framing run ... --db {path}` first)")
        parent = Path(path).resolve().parent
        if not read_only and not parent.is_dir():
            raise StoreError(f"{path}: cannot create the store there: {parent} is not an existing folder; create it "
                             "or give another --db path")
        config: dict[str, Any] = {}
        if memory_limit:
            config["memory_limit"] = memory_limit
        if checkpoint_threshold:
            config["checkpoint_threshold"] = checkpoint_threshold
        if threads:
            config["threads"] = threads
        self._config = config
        try:
            self.con = _quiet(duckdb.connect(self.path, read_only=True, config=config)) if read_only else \
                _connect_writer(self.path, config)
        except duckdb.Error as exc:
            raise StoreError(_open_error(self.path, exc)) from exc
        try:
            if not read_only:
                self._create()
            self._check_version()
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"{path}: cannot use the store: {_short(exc)}") from exc
        except BaseException:  # (a StoreError of its own: a term id clash while summing staged counts)
            self.con.close()
            raise

    # -- life cycle -------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def _reopen(self) -> None:
        """Close the store and open it again, between transactions. DuckDB keeps in memory the metadata of every row
        group written while a database is open, whether its rows are kept or deleted since, so a run's memory grew
        with the articles it wrote, most of it for the staged term counts (figures: docs/corpus.md, twenty-third
        session); closing releases it (and checkpoints, as DuckDB does on close). Another process may take the file
        in the moment it is closed (a reader such as the dashboard, for a second): the store is opened again as soon
        as that process lets it go, waiting at most :data:`_REOPEN_WAIT` seconds before it gives up with an error."""
        import time

        self.con.close()
        deadline = time.monotonic() + _REOPEN_WAIT
        while True:
            try:
                self.con = _connect_writer(self.path, self._config)
                return
            except duckdb.Error as exc:
                if not _lock_error(exc) or time.monotonic() >= deadline:
                    raise StoreError(_open_error(self.path, exc) + " (the run closes and opens the store again "
                                     "every few tens of thousands of articles; the batches committed so far are "
                                     "kept: run the same command again to resume)") from exc
                time.sleep(0.1)

    def checkpoint(self) -> None:
        """Write what the WAL holds into the file now (DuckDB also does it when the WAL reaches the checkpoint
        threshold, and on close)."""
        self._write("CHECKPOINT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def _create(self) -> None:
        def cols(spec: Iterable[tuple[str, str]]) -> str:
            return ", ".join(f"{_q(c)} {t}" for c, t in spec)

        self.con.execute("BEGIN")
        self.con.execute("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR, value VARCHAR)")
        if not self._one("SELECT 1 FROM store_info WHERE key = 'schema_version'"):
            self.con.execute("INSERT INTO store_info VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        self.con.execute(f"CREATE TABLE IF NOT EXISTS articles ({cols([*schema.article_columns(), schema.ARTICLE_NO])})")
        self.con.execute("CREATE TABLE IF NOT EXISTS findings "
                         f"({cols([*schema.finding_columns(computed=True), schema.ARTICLE_NO])})")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS records ({cols(schema.RECORD_COLUMNS)})")
        self.con.execute("CREATE TABLE IF NOT EXISTS runs (run_id INTEGER, run_key VARCHAR, status VARCHAR, "
                         "committed BIGINT, manifest JSON)")
        self.con.execute("CREATE TABLE IF NOT EXISTS versions (versions_key VARCHAR, versions JSON)")
        self.con.execute("CREATE VIEW IF NOT EXISTS errors AS SELECT run_id, seq, origin, article_id, "
                         "detail AS reason FROM records WHERE status = 'error'")
        # Count columns of a newer engine: added here, so that old rows read as NULL (and are stale anyway).
        have = {r[0] for r in self.con.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = "
                                               "current_database() AND table_name = 'articles'").fetchall()}
        for c, t in [*schema.article_columns(), schema.ARTICLE_NO]:
            if c not in have:
                self.con.execute(f"ALTER TABLE articles ADD COLUMN {_q(c)} {t}")
        # Finding columns of a newer engine (and the article numbers of a store written before them): added, so
        # that old rows read as NULL (and are stale anyway)
        have = set(self.columns("findings"))
        for c, t in [*schema.finding_columns(computed=True), schema.ARTICLE_NO]:
            if c not in have:
                self.con.execute(f"ALTER TABLE findings ADD COLUMN {_q(c)} {t}")
        self._columns.clear()
        if self._cells_version() != _cells_signature():
            self._build_cells()
        if not self._one("SELECT 1 FROM duckdb_indexes() WHERE database_name = current_database() AND index_name = ?",
                         [_ARTICLE_INDEX]):
            row = self._one("SELECT count(*) FROM articles")
            if row and row[0]:
                print(f"framing: {self.path}: indexing the {int(row[0]):,} article ids (so that texts are read by id), "
                      "once", file=sys.stderr, flush=True)
            self.con.execute(f"CREATE INDEX {_ARTICLE_INDEX} ON articles (article_id)")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {_STAGE_SQL}")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {_labels_table_sql()}")
        self.con.execute("COMMIT")
        if self._info("labels_version") != _labels_signature() or self._info("labels_stamp") != self._stamp():
            self._build_labels()  # (another lexicon, or articles written by a framing that does not count labels)
        if self._info("terms_version") != _terms_signature():
            self._build_terms()
        elif self._one("SELECT 1 FROM term_stage LIMIT 1"):  # left by a run that was stopped: summed now
            self._fold_alone()
        if not self.has_text_blobs():
            self.build_text_blobs()
        if self._info("article_numbers") != _ARTICLE_NUMBERS:
            self._number_articles()

    def _check_version(self) -> None:
        try:
            row = self._one("SELECT value FROM store_info WHERE key = 'schema_version'")
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: this DuckDB file is not a framing store (no store_info table)") from exc
        if not row or row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {row[0] if row else None!r}, this framing reads "
                             f"version {SCHEMA_VERSION!r}; export it with the framing that wrote it, or start a new "
                             "store")

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[0] for r in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? "
                "ORDER BY column_index",
                [table]).fetchall()]
        return self._columns[table]

    # -- cells: the comparison metrics' sums per cell ---------------------------------------------------------

    def _cells_version(self) -> str | None:
        row = self._one("SELECT value FROM store_info WHERE key = 'cells_version'")
        return row[0] if row else None

    def _article_columns(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = "
                                               "current_database() AND table_name = 'articles'").fetchall()}

    def cell_select(self, table: str, have: set[str], *, sign: str = "") -> str:
        """The keys of a cells table (:data:`CELL_TABLES`), the article count and every sum of
        :mod:`framing.moments`, over articles rows (columns ``have``), as a SELECT list to GROUP BY ALL; ``sign``
        ``-`` to subtract them."""
        keys = []
        for k in CELL_TABLES[table]:
            typ = "DATE" if k == "date" else "VARCHAR"
            if k not in have:
                keys.append(f"CAST(NULL AS {typ}) AS {_q(k)}")
            elif k == "date" and table == "cells_month":
                keys.append("CAST(date_trunc('month', CAST(date AS DATE)) AS DATE) AS date")
            else:
                keys.append(f"CAST({_q(k)} AS {typ}) AS {_q(k)}")
        sums = [f"{sign}{moments.sum_sql(mo, have)} AS {_q(mo.name)}" for mo in moments.moments()]
        return ", ".join([*keys, f"{sign}count(*) AS n_articles", *sums])

    def _build_cells(self) -> None:
        """(Re)build the cells tables from the articles (inside the caller's transaction)."""
        row = self._one("SELECT count(*) FROM articles")
        n = int(row[0]) if row else 0
        if n:
            print(f"framing: {self.path}: adding the comparison sums per cell (tables {', '.join(CELL_TABLES)}) for "
                  f"{n:,} articles, once (the Compare page reads them instead of every article)", file=sys.stderr,
                  flush=True)
        have = self._article_columns()
        for table in CELL_TABLES:
            self.con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT {self.cell_select(table, have)} "
                             "FROM articles GROUP BY ALL")
            self._columns.pop(table, None)
        self._set_info("cells_version", _cells_signature())

    def add_cells(self, source: str, have: set[str], *, sign: str = "", where: str = "") -> None:
        """Add the sums of the articles rows of ``source`` (a table or view with the columns ``have``, filtered by
        the SQL ``where``) to every cells table; ``sign`` ``-`` subtracts them. Inside the caller's transaction."""
        for table in CELL_TABLES:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT {self.cell_select(table, have, sign=sign)} "
                             f"FROM {source}{where} GROUP BY ALL")

    def compact_cells(self) -> None:
        """One row per cell again (each commit adds a row per cell it touches; replacements add negative rows).

        A part of the cells at a time, by a hash of the cell's keys, each part of at most about
        :data:`_COMPACT_SUMS` sums (cells x summed columns), under :data:`_COMPACT_MEMORY` on one DuckDB thread (the
        run's workers are done by then): a store's cells grow with its days, sources and events (a million articles
        over a year: ~400,000 day cells of 261 sums each), and summed in parts by the source, in one transaction
        under the run's 128 MB, they ran out of memory.

        Each part in its own transaction: a cell's rows are all in one part, so every cell's sums are the same before
        and after each part, and a reader (or a killed run) never sees a sum change; one transaction for all the
        parts would hold every rewritten row in memory until its commit."""
        with self._setting("memory_limit", _COMPACT_MEMORY), self._setting("threads", _FOLD_THREADS):
            for table, keys in CELL_TABLES.items():
                cols = [c for c in self.columns(table) if c not in keys]
                sums = f"{', '.join(_q(k) for k in keys)}, {', '.join(f'sum({_q(c)}) AS {_q(c)}' for c in cols)}"
                by = ", ".join(_q(k) for k in keys)
                for part in self._hash_parts(table, by, by, max(1, _COMPACT_SUMS // max(1, len(cols)))):
                    self._write("BEGIN")
                    try:
                        self._rewrite_part(table, sums, part)
                        self._write("COMMIT")
                    except BaseException:
                        self._rollback()
                        raise

    def has_cells(self) -> bool:
        """Whether the cells tables hold the sums of this framing's metrics for every article of the store."""
        if not set(CELL_TABLES) <= self._tables() or self._cells_version() != _cells_signature():
            return False
        counts = ", ".join(f"(SELECT coalesce(sum(n_articles), 0) FROM {t})" for t in CELL_TABLES)
        row = self._one(f"SELECT (SELECT count(*) FROM articles), {counts}")
        return row is not None and len({int(v) for v in row}) == 1

    # -- text_blobs: each text compressed on its own, to read a few by id -------------------------------------

    def has_text_blobs(self) -> bool:
        """Whether ``text_blobs`` holds the text of every article (:meth:`texts` reads them from it then)."""
        if self._blobs is None:
            ok = "text_blobs" in self._tables() and self._info("text_blobs_version") == _TEXT_BLOBS_VERSION
            row = self._one("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM text_blobs)") if ok else None
            self._blobs = bool(row and row[0] == row[1])
        return self._blobs

    def build_text_blobs(self) -> None:
        """(Re)write ``text_blobs`` from every stored text, in one transaction of its own."""
        n = self._say_once("SELECT count(*) FROM articles",
                           "compressing the {n} texts one by one (table text_blobs, so that texts are read by id)")
        self._write("BEGIN")
        try:
            self.con.execute("CREATE OR REPLACE TABLE text_blobs (article_id VARCHAR, text_z BLOB USING COMPRESSION "
                             "uncompressed)")
            if n:
                row = self._one("SELECT current_database()")
                reader = self.con.cursor()
                try:
                    reader.execute(f"USE {_q(str(row[0]) if row else 'store')}")
                    for chunk in reader.sql("SELECT article_id, text FROM articles").to_arrow_reader(_TERM_CHUNK):
                        self.add_text_blobs(chunk.column(0).to_pylist(), chunk.column(1).to_pylist())
                finally:
                    reader.close()
            self.con.execute(f"CREATE INDEX {_BLOB_INDEX} ON text_blobs (article_id)")
            self._set_info("text_blobs_version", _TEXT_BLOBS_VERSION)
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._blobs = None

    def add_text_blobs(self, ids: Sequence[str], texts: Sequence[str | None]) -> None:
        """Add these articles' texts to ``text_blobs`` (inside the caller's transaction)."""
        import pyarrow as pa

        self.con.register("_blobs", pa.table({
            "article_id": pa.array(list(ids), pa.string()),
            "text_z": pa.array([None if t is None else zlib.compress(t.encode("utf-8"), _BLOB_LEVEL) for t in texts],
                               pa.binary())}))
        try:
            self.con.execute("INSERT INTO text_blobs SELECT article_id, text_z FROM _blobs")
        finally:
            self.con.unregister("_blobs")

    # -- article numbers: an article's findings read by an integer, not by a scan of every finding's id ---------

    def _number_articles(self) -> None:
        """Number the articles written before the store numbered them (in the order of their rows, that is, the
        order they were written) and give their findings the same numbers, in one transaction of its own."""
        n = self._say_once("SELECT count(*) FROM articles WHERE article_no IS NULL",
                           "numbering the {n} articles and their findings (so that an article's findings are read by "
                           "number)")
        self._write("BEGIN")
        try:
            if n:
                self.con.execute("UPDATE articles SET article_no = n.no FROM (SELECT rowid AS r, (SELECT coalesce("
                                 "max(article_no), 0) FROM articles) + row_number() OVER (ORDER BY rowid) AS no FROM "
                                 "articles WHERE article_no IS NULL) n WHERE articles.rowid = n.r")
                self.con.execute("UPDATE findings SET article_no = a.article_no FROM articles a WHERE "
                                 "findings.article_no IS NULL AND findings.article_id = a.article_id")
            self._set_info("article_numbers", _ARTICLE_NUMBERS)
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._next_no = None

    def _numbered(self) -> bool:
        """Whether every article and finding of the store has its number (stores written before the numbers, opened
        read-only, have none)."""
        if self._is_numbered is None:
            self._is_numbered = schema.ARTICLE_NO[0] in self.columns("findings") and \
                self._info("article_numbers") == _ARTICLE_NUMBERS
        return self._is_numbered

    def _numbers_of(self, article_ids: Sequence[str]) -> list[int] | None:
        """The numbers of these stored articles (ascending; ids the store lacks have none), or None when the store
        is not numbered."""
        if not self._numbered():
            return None
        rows = self.con.execute("SELECT article_no FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(article_ids)]).fetchall()
        if any(r[0] is None for r in rows):  # (rows written by a framing that did not number them)
            return None
        return sorted(int(r[0]) for r in rows)

    def _number(self, articles: Any) -> Any:
        """``articles`` (an Arrow table about to be inserted) with the next article numbers, and those numbers kept
        by id for their findings (:meth:`_number_findings`)."""
        import pyarrow as pa

        if self._next_no is None:
            row = self._one("SELECT coalesce(max(article_no), 0) FROM articles")
            self._next_no = int(row[0]) + 1 if row else 1
        nos = pa.array(range(self._next_no, self._next_no + articles.num_rows), pa.int64())
        self._next_no += articles.num_rows
        if schema.ARTICLE_NO[0] in articles.column_names:
            articles = articles.drop_columns([schema.ARTICLE_NO[0]])
        self._batch_numbers.append((articles.column("article_id"), nos))
        return articles.append_column(schema.ARTICLE_NO[0], nos)

    def _number_findings(self, findings: Any) -> Any:
        """``findings`` (an Arrow table about to be inserted) with their articles' numbers: those given in this
        commit, else (findings of an article stored before) the store's."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if schema.ARTICLE_NO[0] in findings.column_names:
            findings = findings.drop_columns([schema.ARTICLE_NO[0]])
        ids = findings.column("article_id")
        if self._batch_numbers:
            given = pa.chunked_array([i for i, _ in self._batch_numbers]).combine_chunks()
            nos = pc.take(pa.concat_arrays([n for _, n in self._batch_numbers]), pc.index_in(ids, value_set=given))
        else:
            nos = pa.nulls(len(ids), pa.int64())
        if nos.null_count:
            missing = sorted(set(pc.filter(ids, pc.is_null(nos)).to_pylist()))
            known = dict(self.con.execute("SELECT article_id, article_no FROM articles WHERE article_id IN "
                                          "(SELECT unnest(?::VARCHAR[]))", [missing]).fetchall())
            nos = pa.array([n if n is not None else known.get(i) for i, n in zip(ids.to_pylist(), nos.to_pylist())],
                           pa.int64())
        return findings.append_column(schema.ARTICLE_NO[0], nos)

    # -- terms: the word-choice term counts per cell ------------------------------------------------------------

    def _say_once(self, sql: str, what: str) -> int:
        """How many rows ``sql`` counts; when there are any, say on stderr the work done once for them (``what``,
        with ``{n}`` for the count): a store written by an older framing gains a table or a column."""
        row = self._one(sql)
        n = int(row[0]) if row else 0
        if n:
            print(f"framing: {self.path}: {what.replace('{n}', f'{n:,}')}, once", file=sys.stderr, flush=True)
        return n

    def _info(self, key: str) -> str | None:
        row = self._one("SELECT value FROM store_info WHERE key = ?", [key])
        return row[0] if row else None

    def _set_info(self, key: str, value: str) -> None:
        """Set one ``store_info`` value (inside the caller's transaction)."""
        self.con.execute("DELETE FROM store_info WHERE key = ?", [key])
        self.con.execute("INSERT INTO store_info VALUES (?, ?)", [key, value])

    def _build_terms(self) -> None:
        """(Re)count the terms of every stored text into the term tables, in one transaction of its own."""
        import pyarrow as pa

        why = " again (their terms were counted by an older framing)" if self._info("terms_version") else ""
        n = self._say_once("SELECT count(*) FROM articles", "counting the words of {n} articles for the Word choice "
                           f"page (tables {', '.join(TERM_TABLES)}){why}")
        self._write("BEGIN")
        try:
            self._drop_answers()
            self.con.execute("CREATE OR REPLACE TABLE term_vocab (term_id UBIGINT, term VARCHAR)")
            self.con.execute(f"CREATE OR REPLACE TABLE {_STAGE_SQL}")
            for table, keys in TERM_TABLES.items():
                self.con.execute(f"CREATE OR REPLACE TABLE {_term_table_sql(table, keys)}")
                self._columns.pop(table, None)
            if n:
                # the texts read through a second connection, a chunk at a time, while this one writes the counts
                row = self._one("SELECT current_database()")
                reader = self.con.cursor()
                try:
                    reader.execute(f"USE {_q(str(row[0]) if row else 'store')}")
                    have = self._article_columns()
                    cols = "".join(f", {_q(k)}" for k in TERM_TABLES["terms_month"] if k in have)  # (their keys)
                    chunks = reader.sql(f"SELECT article_id, text{cols} FROM articles").to_arrow_reader(_TERM_CHUNK)
                    for chunk in chunks:
                        self.add_terms(pa.Table.from_batches([chunk]))
                finally:
                    reader.close()
            self._set_info("terms_version", _terms_signature())
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise
        if n:
            self.compact_terms()

    def _build_labels(self) -> None:
        """(Re)count the actor labels of every stored article into ``article_labels``, in one transaction."""
        from framing.compare.labelcount import count_texts, group_quotes
        from framing.lexicons import load_lexicon

        why = " again (they were counted with another lexicon, by an older framing, or articles were added " \
            "without them)" if self._info("labels_version") else ""
        n = self._say_once("SELECT count(*) FROM articles", "counting the actor labels of {n} articles for the Word "
                           f"choice page (table article_labels){why}")
        lexicon = load_lexicon("actor_labels")
        self._write("BEGIN")
        try:
            self._drop_answers()
            self.con.execute(f"CREATE OR REPLACE TABLE {_labels_table_sql()}")
            if n:
                # in parts by a hash of the id, each one scan of the quotations (held in memory for the part) and
                # one of the texts (read a chunk at a time), through a second connection while this one writes
                parts = min(_LABEL_PARTS, max(1, n // _LABEL_PART_ARTICLES))
                row = self._one("SELECT current_database()")
                reader = self.con.cursor()
                try:
                    reader.execute(f"USE {_q(str(row[0]) if row else 'store')}")
                    for part in range(parts):
                        cond = f" AND hash(article_id) % {parts} = {part}" if parts > 1 else ""
                        quotes = group_quotes(reader.execute(
                            f"SELECT article_id, type, start, \"end\", kind FROM findings WHERE type = 'quote'{cond}"
                        ).fetchall())
                        chunks = reader.sql(f"SELECT article_id, text FROM articles WHERE true{cond}"
                                            ).to_arrow_reader(_LABEL_CHUNK)
                        for chunk in chunks:
                            self._insert_labels(count_texts(chunk.column(0).to_pylist(), chunk.column(1).to_pylist(),
                                                            quotes, lexicon))
                finally:
                    reader.close()
            self._set_info("labels_version", _labels_signature())
            self._set_info("labels_stamp", self._stamp())
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _count_labels(self, articles: Any, findings: Any) -> None:
        """Count the actor labels of a commit's articles (Arrow tables, or their files) from their texts and the
        quotations among the commit's ``findings`` into ``article_labels``: for articles whose labels were not
        counted where they were analysed (workers of an older framing). Reads nothing from the store."""
        from framing.compare.labelcount import count_texts, group_quotes
        from framing.lexicons import load_lexicon

        lexicon = load_lexicon("actor_labels")
        columns = ("article_id", "type", "start", "end", "kind")
        quotes = group_quotes(row for part in (_tables(findings) if findings is not None else [])
                              if set(columns) <= set(part.column_names)
                              for row in zip(*(part.column(c).to_pylist() for c in columns), strict=True))
        for part in _tables(articles):
            if part.num_rows and "text" in part.column_names:
                self._insert_labels(count_texts(part.column("article_id").to_pylist(), part.column("text").to_pylist(),
                                                quotes, lexicon))

    def _insert_labels(self, table: Any) -> None:
        if table.num_rows:
            self.con.register("_labels_batch", table)
            try:
                self.con.execute("INSERT INTO article_labels BY NAME SELECT * FROM _labels_batch")
            finally:
                self.con.unregister("_labels_batch")

    # -- answers kept for the dashboard's first views ------------------------------------------------------------

    def keep_answers(self, *, min_articles: int = ANSWERS_MIN_ARTICLES) -> int:
        """Compute the Word choice page's first views (every article, grouped by source, by leaning and by topic:
        :func:`framing.compare.stored.first_views`) and keep the results of their largest queries (the terms'
        sums and ranking, the labels' sums) in the store, so that a dashboard opened on it reads them instead of
        summing millions of rows; before them, the actor labels summed per cell and month and each term's total in
        the store, which the page's other views read (:meth:`label_groups`, :meth:`term_groups`); after them, the
        Same event page's first view (:func:`framing.compare.stored.keep_event_view`). Only for a store
        of ``min_articles`` or more (on a smaller one they take a fraction of a second anyway); the commit of a run,
        or the term counts or labels counted again, drop them (the next complete run keeps them again). Returns how
        many tables were kept."""
        row = self._one("SELECT count(*) FROM articles")
        if not row or int(row[0]) < min_articles:
            return 0
        from framing.compare.stored import first_views, keep_event_view

        self._write("BEGIN")
        try:
            self._drop_answers()
            self.con.execute("CREATE TABLE IF NOT EXISTS answers (key VARCHAR, name VARCHAR)")
            # (stamped first, so that the first views read the label cells, as the page will)
            self._set_info("answers_stamp", self._stamp())
            with self._setting("memory_limit", _COMPACT_MEMORY):  # (the sums the page makes, its memory)
                if self.has_labels():
                    self._keep_label_cells()
                if self.has_terms():
                    self._keep_table(_TERM_TOTALS_KEY, _TERM_TOTALS,
                                     "SELECT term_id, sum(n) AS total FROM terms GROUP BY term_id ORDER BY term_id")
                self._keeping = True
                first_views(self)
                self._keeping = False
                keep_event_view(self)
            kept = self._one("SELECT count(*) FROM answers")
            self._write("COMMIT")
        except BaseException:
            self._keeping = False
            self._rollback()
            raise
        return int(kept[0]) if kept else 0

    def _keep_label_cells(self) -> None:
        """The actor labels summed per (source, leaning, topic, language, month), concept and label, each cell with
        its first article by id and that article's offsets (inside keep_answers' transaction)."""
        keys = ", ".join(f"a.{_q(k)}" for k in TERM_TABLES["terms"])
        self._keep_table(
            _LABEL_CELLS_KEY, _LABEL_CELLS, f"SELECT {keys}, "
            "CAST(date_trunc('month', CAST(a.date AS DATE)) AS DATE) AS date, l.concept, l.label, "
            f"{_label_sums('l.article_id', 'count(*)', stored=True)} "
            "FROM article_labels l JOIN articles a USING (article_id) GROUP BY ALL ORDER BY ALL")

    def _keep_table(self, key: str, name: str, sql: str, params: Sequence[Any] = ()) -> None:
        """Keep the result of ``sql`` as the table ``name``, listed with the answers under ``key`` (inside
        keep_answers' transaction)."""
        try:
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}", list(params))
        except duckdb.Error as exc:
            raise StoreError(_write_error(self.path, exc)) from exc
        self.con.execute("DELETE FROM answers WHERE key = ?", [key])
        self.con.execute("INSERT INTO answers VALUES (?, ?)", [key, name])

    def keep_frames(self, key: str, frames: dict[str, pd.DataFrame]) -> None:
        """Keep these tables (a view computed in Python: :func:`framing.compare.stored.keep_event_view`) with the
        answers, under ``key`` and each one's name, inside :meth:`keep_answers`' transaction: dropped with them by the
        next commit, read back by :meth:`kept_frames`."""
        for name, frame in frames.items():
            k = f"{key}/{name}"
            self.con.register("_frame", frame.reset_index(drop=True))
            try:
                self._keep_table(k, f"answer_{hashlib.sha256(k.encode()).hexdigest()[:24]}", "SELECT * FROM _frame")
            finally:
                self.con.unregister("_frame")

    def kept_frames(self, key: str, names: Sequence[str]) -> dict[str, pd.DataFrame] | None:
        """The tables :meth:`keep_frames` kept under ``key`` (in their order), if the store keeps every one of
        ``names`` for its present state; else None."""
        if not self._answers_current():
            return None
        keys = [f"{key}/{n}" for n in names]
        rows = dict(self.con.execute("SELECT key, name FROM answers WHERE key IN (SELECT unnest(?::VARCHAR[]))",
                                     [keys]).fetchall())
        if len(rows) < len(keys) or not all(re.fullmatch(r"answer_[0-9a-f]{24}", str(t)) for t in rows.values()):
            return None
        return {n: self._query(f"SELECT * FROM {rows[k]}") for n, k in zip(names, keys, strict=True)}

    def _kept(self, key: str) -> bool:
        """Whether the table kept with the answers under ``key`` is there and of the store's present state (not if a
        framing that keeps none committed since)."""
        return self._answers_current() and self._one("SELECT 1 FROM answers WHERE key = ?", [key]) is not None

    def _answers_current(self) -> bool:
        """Whether the store keeps answers (:meth:`keep_answers`) for its present state."""
        return "answers" in self._tables() and self._info("answers_stamp") == self._stamp()

    def _answer(self, sql: str, params: Sequence[Any], extra: str = "") -> pd.DataFrame:
        """The result of the query ``sql`` (with ``params`` and the content ``extra`` of the views it reads): a kept
        answer (:meth:`keep_answers`) when there is one, else computed (and kept, while keep_answers runs). A kept
        answer is the query's own result stored as a DuckDB table, read back in its order."""
        key = hashlib.sha256("\x00".join([sql, json.dumps([str(p) for p in params]), extra]).encode()).hexdigest()
        name = f"answer_{key[:24]}"
        if self._keeping:
            self._keep_table(key, name, sql, params)
            return self._query(f"SELECT * FROM {name}")
        if self._answers_current():  # (checked once for both: a miss is counted)
            if self._one("SELECT 1 FROM answers WHERE key = ?", [key]) is not None:
                return self._query(f"SELECT * FROM {name}")
            if self._one("SELECT 1 FROM answers LIMIT 1") is not None:
                self.answers_missed += 1
        return self._query(sql, params)

    def _drop_answers(self) -> None:
        """Drop the kept answers (inside the caller's transaction: the data they were computed from changes)."""
        if "answers" not in self._tables():
            return
        for (name,) in self.con.execute("SELECT name FROM answers").fetchall():
            if re.fullmatch(r"answer_[0-9a-f]{24}", str(name)):  # (only its own tables, whatever the list says)
                self.con.execute(f"DROP TABLE IF EXISTS {_q(name)}")
        self.con.execute("DELETE FROM answers")

    def has_labels(self) -> bool:
        """Whether ``article_labels`` holds the actor labels of every stored article, counted with the bundled
        ``actor_labels`` lexicon by this framing, and no framing that does not count them has committed since
        (else they are found in the texts)."""
        return "article_labels" in self._tables() and self._info("labels_version") == _labels_signature() and \
            self._info("labels_stamp") == self._stamp()

    def _stamp(self) -> str:
        """What changes with every commit of any framing, old ones included (the articles stored, the input items
        the runs committed): kept with the labels and the kept answers, which hold for that state only."""
        row = self._one("SELECT (SELECT count(*) FROM articles), (SELECT coalesce(sum(committed), 0) FROM runs)")
        return f"{row[0]}:{row[1]}" if row else ""

    def record_labels(self) -> None:
        """Record that ``article_labels`` holds the labels of every stored article, after writing them outside
        :meth:`commit_batch` (benchmarks/replicate_store.py), inside the caller's transaction or on its own."""
        self._set_info("labels_stamp", self._stamp())

    def label_groups(self, where: dict[str, Any] | None, by: str) -> pd.DataFrame:
        """The actor labels of the articles ``where`` selects (as in :meth:`articles_frame`), summed per value of the
        articles' column ``by`` (NULL for a missing value), concept and label: ``value``, ``concept``, ``label``,
        ``weight``, ``count``, ``n_articles``, ``quoted``, ``scare``, and the first article by id that uses the label
        with its first mention's offsets and sentence (``example_article_id``, ``example_start``, ``example_end``,
        ``sentence_start``, ``sentence_end``). From ``article_labels`` (:meth:`has_labels`), or from the label
        cells kept with the answers (:meth:`keep_answers`) when they hold the filter's and the grouping's columns
        and its dates are whole months: the same table."""
        sql_where, params = self._where(where)
        if term_table(where, [by]) is not None and self._kept(_LABEL_CELLS_KEY):
            return self._answer(
                f"SELECT CAST(l.{_q(by)} AS VARCHAR) AS value, l.concept, l.label, "
                f"{_label_sums('l.first_id', 'CAST(sum(l.n_articles) AS BIGINT)')} "
                f"FROM {_LABEL_CELLS} l{sql_where} GROUP BY ALL ORDER BY ALL", params)
        col = _q(by) if by in self.columns("articles") else "CAST(NULL AS VARCHAR)"
        sql = (f"SELECT a.value, l.concept, l.label, {_label_sums('l.article_id', 'count(*)')} "
               f"FROM article_labels l JOIN (SELECT article_id, CAST({col} AS VARCHAR) AS value FROM articles"
               f"{sql_where}) a USING (article_id) GROUP BY ALL ORDER BY ALL")
        return self._answer(sql, params)

    def add_terms(self, articles: Any, *, counted: Any = None) -> None:
        """Add the term counts of ``articles`` (an Arrow table of articles rows: ``article_id``, ``text`` and the keys
        of the term tables, a key it lacks being NULL) to the term tables. ``counted``: the same counts made already
        by the workers that analysed the articles (a table or a list of them: rows of ``term_stage`` as
        :func:`framing.corpus.termstage.stage_rows` makes them, or only the counts,
        :func:`framing.compare.terms.terms_arrow`), so that they are not counted (or keyed) again here. Inside the
        caller's transaction.

        The counts go to ``term_stage`` first, one row per article and term, and are summed into the term tables
        (:meth:`fold_terms`) once it holds :data:`_FOLD_ROWS` rows and whenever the tables must be complete (a run's
        end, a store opened for writing): summing many articles at once writes far fewer rows than summing each
        commit's (a term recurs across articles), and the per-article rows are only appended, with their keys and
        part made where they were counted, in order of part (a fold's query for a few parts then reads only their
        row groups)."""
        from framing.compare.terms import terms_arrow
        from framing.corpus.termstage import by_part, is_staged, stage_rows

        if counted is None:
            counted = terms_arrow(zip(articles.column("article_id").to_pylist(), articles.column("text").to_pylist(),
                                      strict=True))
        table = by_part([t if is_staged(t) else stage_rows(t, articles) for t in _tables(counted)])
        if table is None:
            return
        self.con.register("_terms_batch", table)
        try:
            self.con.execute("INSERT INTO term_stage BY NAME SELECT * FROM _terms_batch")
        finally:
            self.con.unregister("_terms_batch")
        if self._staged_rows() >= _FOLD_ROWS:
            self.fold_terms()
            self._reopen_due = True  # (the staged rows' row groups: released by reopening after the commit)

    def subtract_terms(self, ids: Sequence[str], texts: Sequence[str | None], source: str, have: set[str]) -> None:
        """Subtract the term counts of these articles (their ids and texts; their keys read from the table or view
        ``source``, which holds them, with the columns ``have``) from every term table at once: rows of negative
        sums (sums commute: the articles' own counts may still be staged), dropped when the tables are compacted.
        Inside the caller's transaction."""
        from framing.compare.terms import terms_arrow

        table = terms_arrow(zip(ids, texts, strict=True))
        if table.num_rows == 0:
            return
        self.con.register("_terms_batch", table)
        try:
            for name, keys in TERM_TABLES.items():
                self.con.execute(
                    f"INSERT INTO {name} BY NAME SELECT {_term_keys(have, keys)}, {TERM_ID}(b.term) AS term_id, "
                    f"-sum(b.n) AS n, -count(*) AS n_articles FROM _terms_batch b JOIN {source} s "
                    "ON s.article_id = b.article_id GROUP BY ALL")
        finally:
            self.con.unregister("_terms_batch")

    def _staged_rows(self) -> int:
        """How many rows ``term_stage`` holds (in this transaction)."""
        row = self._one("SELECT count(*) FROM term_stage")
        return int(row[0]) if row else 0

    def fold_terms(self) -> None:
        """Sum the staged per-article term counts (``term_stage``) into the term tables and empty the stage; new
        terms are added to ``term_vocab``. A few parts of the stage at a time (its rows are in
        :data:`~framing.corpus.termstage.STAGE_PARTS` parts by the term, so that every sum is within one part), or a
        slice of a part, of at most about :data:`_FOLD_GROUPS` groups (cell and term), on one DuckDB thread whatever
        the store was opened with, so that the sums fit `framing run`'s memory limit. Inside the caller's
        transaction."""
        if not self._staged_rows():
            return
        with self._setting("threads", _FOLD_THREADS):
            pieces = self._fold_pieces()
            for where in pieces:
                self._fold_sums(f"(SELECT * FROM term_stage WHERE {where})" if len(pieces) > 1 else "term_stage")
            self.con.execute("DELETE FROM term_stage")

    def _fold_pieces(self) -> list[str]:
        """The conditions on the staged rows that :meth:`fold_terms` sums in one query each: consecutive parts of at
        most :data:`_FOLD_GROUPS` groups between them, and a part of more in as many slices by a hash of the term
        (its groups as DuckDB estimates them, in one scan of the stage)."""
        keys = ", ".join(_q(k) for k in TERM_TABLES["terms_month"])
        counts = self.con.execute(f"SELECT part, approx_count_distinct(hash({keys}, term)) FROM term_stage "
                                  "GROUP BY part ORDER BY part").fetchall()
        pieces: list[str] = []
        parts: list[int] = []  # consecutive parts summed together, of ``groups`` groups
        groups = 0
        for part, n in counts:
            if parts and groups + n > _FOLD_GROUPS:
                pieces.append(f"part BETWEEN {parts[0]} AND {parts[-1]}")
                parts, groups = [], 0
            if n > _FOLD_GROUPS:
                slices = -(-n // _FOLD_GROUPS)
                pieces += [f"part = {part} AND hash(term) % {slices} = {i}" for i in range(slices)]
            else:
                parts.append(part)
                groups += n
        if parts:
            pieces.append(f"part BETWEEN {parts[0]} AND {parts[-1]}")
        return pieces

    def _fold_sums(self, stage: str) -> None:
        """:meth:`fold_terms`'s sums of the staged rows of ``stage`` (a table or a subquery)."""
        month = TERM_TABLES["terms_month"]
        self.con.execute(f"CREATE TEMP TABLE _fold_vocab AS SELECT term, {TERM_ID}(term) AS term_id FROM "
                         f"(SELECT DISTINCT term FROM {stage})")
        # (an error aborts the caller's transaction, and its rollback drops these temporary tables too)
        self._add_vocabulary_ids("_fold_vocab")
        # the month rows first: every other table's are their sums (each staged row is in one month row)
        self.con.execute(
            f"CREATE TEMP TABLE _fold AS SELECT {', '.join(f'b.{_q(k)}' for k in month)}, v.term_id, "
            "sum(b.n) AS n, count(*) AS n_articles, min(b.article_id) AS first_id, "
            "arg_min_null(b.start, b.article_id) AS first_start, arg_min_null(b.\"end\", b.article_id) AS first_end "
            f"FROM {stage} b JOIN _fold_vocab v USING (term) GROUP BY ALL")
        for table, keys in TERM_TABLES.items():
            if keys == month:  # (its rows are those of _fold)
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _fold")
                continue
            cols = ", ".join(_q(k) for k in keys)
            self.con.execute(
                f"INSERT INTO {table} BY NAME SELECT {cols}, term_id, sum(n) AS n, sum(n_articles) AS "
                "n_articles, min(first_id) AS first_id, arg_min_null(first_start, first_id) AS first_start, "
                "arg_min_null(first_end, first_id) AS first_end FROM _fold GROUP BY ALL")
        self.con.execute("DROP TABLE _fold_vocab")
        self.con.execute("DROP TABLE _fold")

    def _fold_alone(self) -> None:
        """:meth:`fold_terms` in a transaction of its own."""
        self._write("BEGIN")
        try:
            self.fold_terms()
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def add_vocabulary(self, counts: str) -> None:
        """Add the terms of the table or view ``counts`` (its column ``term``) that ``term_vocab`` lacks; raises
        :class:`StoreError` if one has the id of another term (never seen: the ids are 64 bits of MD5)."""
        self._add_vocabulary_ids(f"(SELECT term, {TERM_ID}(term) AS term_id FROM (SELECT DISTINCT term FROM {counts}))")

    def _add_vocabulary_ids(self, terms: str) -> None:
        """:meth:`add_vocabulary` for the table or subquery ``terms`` of distinct terms with their ids (``term``,
        ``term_id``: the fold computes them once)."""
        self.con.execute(f"INSERT INTO term_vocab SELECT b.term_id, b.term FROM {terms} b ANTI JOIN term_vocab v "
                         "ON v.term_id = b.term_id ORDER BY b.term_id")
        clash = self._one(f"SELECT v.term, b.term FROM {terms} b JOIN term_vocab v ON v.term_id = b.term_id "
                          "WHERE v.term <> b.term LIMIT 1")
        if clash:
            raise StoreError(f"{self.path}: the terms {clash[0]!r} and {clash[1]!r} have the same id in the term "
                             "tables; the Word choice counts cannot tell them apart (please report this)")

    def compact_terms(self) -> None:
        """One row per cell and term again, as :meth:`compact_cells` does for the cells; the rows of terms no article
        holds any more are dropped. ``first_id`` stays the smallest id seen (a replaced article's may remain). Each
        table is summed whole into a new table that replaces it (one transaction per table): DuckDB sums it within
        the memory limit, where rewriting it part by part in place (by a hash of the source: one large source's part
        held millions of rows) overran 1 GB on a million articles; in parts by a hash of the term when it holds more
        groups than :data:`_COMPACT_GROUPS`. The counts still staged are summed first."""
        self._fold_alone()
        with self._setting("memory_limit", _COMPACT_MEMORY):
            self._compact_terms()

    @contextlib.contextmanager
    def _setting(self, name: Literal["memory_limit", "threads"], value: str | int) -> Iterator[None]:
        """DuckDB's setting ``name`` set to ``value`` meanwhile (a run's store is opened with a small memory limit,
        and with the machine's threads unless its workers use every core). Where DuckDB refuses to set it back (a
        larger memory limit while it has not given memory back yet; any setting once an error has aborted the
        transaction), the new value stays for this connection."""
        row = self._one(f"SELECT current_setting('{name}')")
        before = str(row[0]) if row else None
        self.con.execute(f"SET {name} = '{_sql_str(str(value))}'")
        try:
            yield
        finally:
            if before:
                try:
                    self.con.execute(f"SET {name} = '{_sql_str(before)}'")
                except duckdb.Error:
                    pass

    def _compact_terms(self) -> None:
        for table, keys in TERM_TABLES.items():
            cols = ", ".join(_q(k) for k in keys)
            self._write("BEGIN")
            try:
                self.con.execute(f"CREATE TABLE {_term_table_sql('_compacted', keys)}")
                # DuckDB holds a sum's groups in memory: a table of more cells and terms is summed in parts, by a
                # hash of the term (each group is in one part), one scan of the table each
                for part in self._hash_parts(table, f"{cols}, term_id", "term_id", _COMPACT_GROUPS):
                    where = f" WHERE {part}" if part != "true" else ""
                    self.con.execute(
                        f"INSERT INTO _compacted BY NAME SELECT {cols}, term_id, sum(n) AS n, sum(n_articles) AS "
                        "n_articles, min(first_id) AS first_id, arg_min_null(first_start, first_id) AS "
                        f"first_start, arg_min_null(first_end, first_id) AS first_end FROM {table}{where} "
                        "GROUP BY ALL HAVING sum(n_articles) <> 0 ORDER BY ALL")
                self.con.execute(f"DROP TABLE {table}")
                self.con.execute(f"ALTER TABLE _compacted RENAME TO {table}")
                self._write("COMMIT")
            except BaseException:
                self._rollback()
                raise
            self._columns.pop(table, None)
            self.checkpoint()

    def _hash_parts(self, table: str, group: str, by: str, per_part: int) -> list[str]:
        """SQL conditions that cut ``table`` into parts of at most about ``per_part`` groups (``group``: the SQL of a
        group's keys, whose distinct values DuckDB estimates in one scan), by a hash of ``by`` (the same for every row
        of a group, so that each group is in one part); ``["true"]`` for one part."""
        row = self._one(f"SELECT approx_count_distinct(hash({group})) FROM {table}")
        parts = max(1, -(-(int(row[0]) if row else 0) // per_part))
        return [f"hash({by}) % {parts} = {i}" for i in range(parts)] if parts > 1 else ["true"]

    def _rewrite_part(self, table: str, sums: str, part: str) -> None:
        """Replace the rows of ``table`` under the condition ``part`` by their sums (``sums``: the select list, keys
        first), dropping the cells no article holds any more. Inside the caller's transaction."""
        self.con.execute(f"CREATE TEMP TABLE _part AS SELECT {sums} FROM {table} WHERE {part} GROUP BY ALL "
                         "HAVING sum(n_articles) <> 0")
        self.con.execute(f"DELETE FROM {table} WHERE {part}")
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _part")
        self.con.execute("DROP TABLE _part")

    def has_terms(self) -> bool:
        """Whether the term tables hold this framing's term counts of every stored article (not while counts are
        staged: a run stopped before summing them)."""
        tables = self._tables()
        return {*TERM_TABLES, "term_vocab"} <= tables and self._info("terms_version") == _terms_signature() and \
            ("term_stage" not in tables or not self._one("SELECT 1 FROM term_stage LIMIT 1"))

    def term_values(self, where: dict[str, Any] | None, by: str) -> list[Any] | None:
        """The distinct values of the column ``by`` among the articles ``where`` selects, from the term tables
        (:func:`term_table`); None when they cannot answer (a filter or grouping on another column, a date range
        that is not whole months, or a store without them): count the selected texts then."""
        table = term_table(where, [by])
        if table is None or not self.has_terms():
            return None
        sql_where, params = self._where(where)
        return [r[0] for r in self.con.execute(f"SELECT DISTINCT {_q(by)} FROM {table}{sql_where}",
                                               params).fetchall()]

    def term_groups(self, where: dict[str, Any] | None, by: str, labels: dict[Any, str], *,
                    min_count: int, score: str | None = None, keep: int = 0,
                    max_share: float | None = None) -> pd.DataFrame:
        """What word choice scores, summed in DuckDB from the term tables for the articles ``where`` selects, grouped
        by ``labels`` (each value of the column ``by`` -> its group; see :meth:`term_values`), over the terms seen at
        least ``min_count`` times in the whole store. One row per group with ``term`` NULL: ``n`` its terms,
        ``n_sources`` its sources; then one row per group and term it uses twice or more, the term seen at least
        ``min_count`` times in the selection: ``n`` (in the group), ``total`` (in the selection), ``n_articles``
        (the group's articles with it) and ``top`` (its uses in the group's source that uses it most).

        With ``score`` (an SQL expression of a term row's ``n`` and ``total``, its group's ``n_group`` and
        ``n_all``, the terms of every group), only the terms whose score is positive, the first ``keep`` of each
        group by score (with any tied with the last of them), and ``candidates``: how many terms of the group score
        positive. With ``max_share`` too, a
        term is a candidate only if its top source's share of the group's uses (``top / n``, in a group of two or
        more sources) is not above it, as :func:`~framing.compare.wordchoice.rank_terms` ranks them: the first terms
        by score of a topic that one outlet covers are not all dropped afterwards. ``top`` is summed per source only
        for the positive candidates of groups of several sources (in a group of one source it is ``n``)."""
        if score is not None and not 0 < keep < 1_000_000:  # (DuckDB's top-n aggregate)
            raise ValueError(f"keep must be from 1 to 999,999 with a score, not {keep}")
        table, sql_where, params = self._term_selection(where, by, labels)
        vocab = f"{' AND' if sql_where else ' WHERE'} t.term_id IN (SELECT term_id FROM vocab)"
        # a term's total over the selection: without a filter, its total in the store (the vocabulary's sums)
        tot = "vocab" if not where else "(SELECT term_id, sum(n) AS total FROM g GROUP BY term_id)"
        # A value per group (as a source grouped by source): summed by value, the groups' names put on at the end
        by_value = len(set(labels.values())) == len(labels)
        key, join = (f"CAST(t.{_q(by)} AS VARCHAR)", "") if by_value else \
            ("l.label", f" JOIN _labels l ON CAST(t.{_q(by)} AS VARCHAR) IS NOT DISTINCT FROM l.value")
        name = "l.label" if by_value else "x.label"
        named = " JOIN _labels l ON l.value IS NOT DISTINCT FROM x.label" if by_value else ""
        # a term's uses in the group's source that uses it most, summed per source for `rows`' terms of groups of
        # several sources (a group of one source: all of them)
        sums = ("(SELECT s.label, s.source, s.term_id, sum(s.n) AS n FROM sel s SEMI JOIN {rows} k ON k.label IS NOT "
                "DISTINCT FROM s.label AND k.term_id = s.term_id{several} GROUP BY ALL)")
        tops_of = ("SELECT label, term_id, max(n) AS top FROM " + sums + " GROUP BY ALL")
        # grouped by source, every group is one source: a term's top source has all its uses (not summed again)
        one_source = by == "source" and by_value
        tops = "SELECT label, term_id, n AS top FROM kept" if one_source else tops_of.format(rows="kept", several="")
        if score is None:
            pos = ""
            kept = "SELECT label, term_id, n, total, n_articles, NULL AS candidates FROM cand"
        else:  # each group's first `keep` by score
            # scored once, then filtered: DuckDB evaluates a filter on the expression apart from the projection (twice
            # the logarithms); the groups' total `n_all` comes with each group's row, not from a cross join, which
            # DuckDB runs as a nested loop with the filter
            pos = (f"scored AS MATERIALIZED (SELECT *, {score} AS score FROM cand), "
                   "pos AS (SELECT * FROM scored WHERE score > 0), ")
            if max_share is None:
                pos += "ok AS (SELECT * FROM pos), "
            elif one_source:  # no group of several sources: no term is left out for its top source's share
                pos += "ok AS (SELECT *, n AS top FROM pos), "
            else:
                pos += ("ptops AS MATERIALIZED (" + tops_of.format(
                            rows="pos", several=" WHERE EXISTS (SELECT 1 FROM head h2 WHERE h2.n_sources >= 2 AND "
                                                 "h2.label IS NOT DISTINCT FROM s.label)")
                        + "), ok AS MATERIALIZED (SELECT p.*, CASE WHEN h.n_sources >= 2 THEN t.top ELSE p.n END AS "
                        "top FROM pos p JOIN head h ON h.label IS NOT DISTINCT FROM p.label LEFT JOIN ptops t ON "
                        "t.label IS NOT DISTINCT FROM "
                        f"p.label AND t.term_id = p.term_id WHERE NOT (h.n_sources >= 2 AND t.top / p.n > "
                        f"{float(max_share)!r})), ")
                tops = "SELECT label, term_id, top FROM kept"
            # the terms whose score reaches the group's `keep`-th, all of those tied with it included, so that the
            # ranking (z descending, ties by term) has every term it would rank before the last one kept
            kept = (f"SELECT o.label, o.term_id, o.n, o.total, o.n_articles, {'NULL' if max_share is None else 'o.top'} "
                    "AS top, c.candidates FROM ok o JOIN "
                    f"(SELECT label, list_min(max(score, {int(keep)})) AS least, count(*) AS candidates FROM ok "
                    "GROUP BY label) c ON c.label IS NOT DISTINCT FROM o.label "
                    "WHERE o.score >= c.least - 1e-9 * greatest(1.0, abs(c.least))")
        try:
            totals = f"SELECT term_id, total FROM {_TERM_TOTALS} WHERE total >= ?" if self._kept(_TERM_TOTALS_KEY) \
                else "SELECT term_id, sum(n) AS total FROM terms GROUP BY term_id HAVING sum(n) >= ?"
            return self._answer(
                f"WITH vocab AS MATERIALIZED ({totals}), "
                f"sel AS (SELECT {key} AS label, t.source, t.term_id, t.n, t.n_articles FROM {table} t{join}"
                f"{sql_where}{vocab}), "
                "head AS MATERIALIZED (SELECT *, sum(n) OVER () AS n_all FROM (SELECT label, sum(n) AS n, "
                "count(source) + max(CASE WHEN source IS NULL THEN 1 ELSE 0 END) AS n_sources FROM (SELECT label, "
                "source, sum(n) AS n FROM sel GROUP BY ALL) GROUP BY label)), "
                "g AS (SELECT label, term_id, sum(n) AS n, sum(n_articles) AS d FROM sel GROUP BY ALL), "
                f"tot AS (SELECT term_id, total FROM {tot}), "
                "cand AS (SELECT g.label, g.term_id, g.n, tot.total, g.d AS n_articles, h.n AS n_group, h.n_all "
                "FROM g JOIN tot USING (term_id) JOIN head h ON h.label IS NOT DISTINCT FROM g.label "
                "WHERE g.n >= 2 AND tot.total >= ?), "
                f"{pos}kept AS MATERIALIZED ({kept}), "
                f"tops AS ({tops}) "
                f"SELECT {name} AS label, CAST(NULL AS VARCHAR) AS term, CAST(x.n AS BIGINT) AS n, "
                "CAST(NULL AS BIGINT) AS total, CAST(NULL AS BIGINT) AS n_articles, CAST(NULL AS BIGINT) AS top, "
                f"x.n_sources, CAST(NULL AS BIGINT) AS candidates FROM head x{named} "
                f"UNION ALL SELECT {name}, v.term, CAST(x.n AS BIGINT), CAST(x.total AS BIGINT), "
                "CAST(x.n_articles AS BIGINT), CAST(tops.top AS BIGINT), NULL, CAST(x.candidates AS BIGINT) "
                "FROM kept x JOIN tops ON tops.label IS NOT DISTINCT FROM x.label AND tops.term_id = x.term_id "
                f"JOIN term_vocab v ON v.term_id = x.term_id{named} "
                "ORDER BY label, term NULLS FIRST", [min_count, *params, min_count],
                json.dumps(sorted((str(k), v) for k, v in labels.items())))
        finally:
            self.con.unregister("_labels")

    def _term_selection(self, where: dict[str, Any] | None, by: str, labels: dict[Any, str]
                        ) -> tuple[str, str, list[Any]]:
        """The term table that answers ``where`` grouped by ``by``, its SQL condition and parameters; registers
        ``labels`` as the view ``_labels`` (value -> label), which the caller unregisters."""
        import pandas as pd

        table = term_table(where, [by])
        if table is None:
            raise StoreError(f"the term tables cannot answer a filter on {sorted(where or {})} by {by!r}")
        sql_where, params = self._where(where)
        self.con.register("_labels", pd.DataFrame({"value": list(labels), "label": list(labels.values())},
                                                  dtype=object))
        return table, sql_where, params

    def term_examples(self, where: dict[str, Any] | None, by: str, labels: dict[Any, str],
                      pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
        """For each (group, term) of ``pairs`` (groups as in :meth:`term_groups`), the first article by id of the
        group's articles with the term and the offsets of the term's first occurrence in its text: ``label``,
        ``term``, ``article_id``, ``start``, ``end`` (the text: :meth:`texts`)."""
        import pandas as pd

        table, sql_where, params = self._term_selection(where, by, labels)
        self.con.register("_pairs", pd.DataFrame(list(pairs), columns=["label", "term"], dtype=object))
        try:
            return self._query(
                f"WITH p AS (SELECT label, term, {TERM_ID}(term) AS term_id FROM _pairs) "
                f"SELECT l.label, p.term, min(t.first_id) AS article_id, "
                f"arg_min_null(t.first_start, t.first_id) AS start, arg_min_null(t.first_end, t.first_id) AS \"end\" "
                f"FROM {table} t JOIN _labels l ON CAST(t.{_q(by)} AS VARCHAR) IS NOT DISTINCT FROM l.value "
                f"JOIN p ON p.label = l.label AND p.term_id = t.term_id{sql_where} GROUP BY ALL "
                "ORDER BY l.label, p.term", params)
        finally:
            self.con.unregister("_labels")
            self.con.unregister("_pairs")

    def term_vocabulary(self, min_count: int) -> list[str] | None:
        """The terms seen at least ``min_count`` times in the whole store, sorted (None without the term tables)."""
        if not self.has_terms():
            return None
        return [r[0] for r in self.con.execute(
            "SELECT v.term FROM term_vocab v SEMI JOIN (SELECT term_id FROM terms GROUP BY term_id HAVING sum(n) >= ?) "
            "c USING (term_id) ORDER BY v.term", [min_count]).fetchall()]

    def _tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                                               "current_database()").fetchall()}

    def group_sums(self, where: dict[str, Any] | None, by: Sequence[str], moms: Sequence[moments.Moment], *,
                   use_cells: bool | str = True) -> pd.DataFrame:
        """The article count and these sums (:mod:`framing.moments`) of the articles ``where`` selects (as in
        :meth:`articles_frame`), per distinct value of the ``by`` columns: a column of the articles table, or a
        date bucket ``date:day|week|month|quarter|year`` (returned in a ``date`` column as the bucket's first day,
        ``YYYY-MM-DD``).

        Added up from the coarsest cells table that can answer (:func:`cell_table`; the tables must be up to date),
        else computed from the articles; the two give the same sums, to the last bit (:func:`framing.moments.sum_sql`:
        exact sums, in any order). ``use_cells``: False
        for the articles, or a cells table's name to use that one. The result's ``attrs["from"]`` says which."""
        cols: list[str] = []
        for key in by:
            col, _, freq = key.partition(":")
            if freq:
                trunc = "date" if freq == "day" else f"date_trunc('{freq}', date)"
                cols.append(f"strftime({trunc}, '%Y-%m-%d') AS date")
            else:
                cols.append(_q(col))
        table = use_cells if isinstance(use_cells, str) else \
            (cell_table(where, by) if use_cells else None)
        if table is not None and use_cells is True and not self.has_cells():
            table = None
        if table is not None:
            sums = ["CAST(sum(n_articles) AS BIGINT) AS n_articles",
                    *(f"sum({_q(mo.name)}) AS {_q(mo.name)}" for mo in moms)]
        else:
            have = set(self.columns("articles"))
            sums = ["count(*) AS n_articles", *(f"{moments.sum_sql(mo, have)} AS {_q(mo.name)}" for mo in moms)]
        sql_where, params = self._where(where)
        df = self._query(f"SELECT {', '.join([*cols, *sums])} FROM {table or 'articles'}{sql_where} GROUP BY ALL "
                         f"ORDER BY {', '.join(str(i + 1) for i in range(len(cols)))}", params)
        df.attrs["from"] = table or "articles"
        return df

    # -- reading ----------------------------------------------------------------------------------------------

    def articles_frame(self, where: dict[str, Any] | None = None, columns: Sequence[str] | None = None
                       ) -> pd.DataFrame:
        """The articles table of :mod:`framing.tables` (one row per article, ordered by ``article_id``).

        Columns: ``article_id``, ``source``, ``title``, ``date`` (``YYYY-MM-DD``), ``url``, ``event``, ``topic``,
        ``leaning``, then every other input field found in the selected rows, then the figures and counts
        (``n_words`` ... ``n_warnings``). ``where`` filters on any of these columns: a scalar is equality, a list
        or set is membership, a tuple ``(low, high)`` is an inclusive range (``None`` for an open end), e.g.
        ``{"source": ["A", "B"], "date": ("2026-01-01", None)}``.

        ``columns`` reads only these (and ``article_id``, first), in the order of the full table: on a large store
        much less than every column; a column the table lacks is left out.
        """
        import pandas as pd

        if columns is not None:
            return self._narrow_frame(where, columns)
        meta_cols = list(schema.META_COLUMNS)
        metric_cols = [c for c in self.columns("articles")
                       if c not in schema.INTERNAL_COLUMNS and c not in meta_cols and c not in ("article_id",
                                                                                                "source")]
        select = ["article_id", "source", *[c if c != "date" else "strftime(date, '%Y-%m-%d') AS date"
                                            for c in meta_cols], "meta", *metric_cols]
        sql_where, params = self._where(where)
        sql = (f"SELECT {', '.join(s if ' AS ' in s else _q(s) for s in select)} FROM articles{sql_where} "
               "ORDER BY article_id")
        df = self._query(sql, params)
        extras = self._expand(df.pop("meta"))
        if not extras.empty:
            at = df.columns.get_loc("leaning") + 1  # type: ignore[operator]
            df = pd.concat([df.iloc[:, :at], extras, df.iloc[:, at:]], axis=1)
        return df

    def _narrow_frame(self, where: dict[str, Any] | None, columns: Sequence[str]) -> pd.DataFrame:
        real = [c for c in self.columns("articles") if c not in schema.INTERNAL_COLUMNS]
        want = set(columns) | {"article_id"}
        extra = [c for c in columns if c not in real]
        if extra:  # an input field kept in meta: read the whole table's way, then keep the columns asked for
            full = self.articles_frame(where)
            return full[[c for c in full.columns if c in want]]
        select = [("strftime(date, '%Y-%m-%d') AS date" if c == "date" else _q(c)) for c in real if c in want]
        sql_where, params = self._where(where)
        return self._query(f"SELECT {', '.join(select)} FROM articles{sql_where} ORDER BY article_id", params)

    def findings_frame(self, article_ids: Iterable[str] | None = None, types: Iterable[str] | None = None,
                       columns: Iterable[str] | None = None) -> pd.DataFrame:
        """The findings table of :mod:`framing.tables` (:func:`~framing.tables.finding_column_names`), ordered by
        article and position: of these articles (all: None), of these finding types, with these of its columns
        (all: None; a view that needs a few columns of many findings reads only those, and a finding's
        ``explanation``, which DuckDB composes from its other columns, only when asked)."""
        import pandas as pd

        names = list(finding_column_names())
        if columns is not None:
            columns = list(columns)
            unknown = [c for c in columns if c not in names]
            if unknown:
                raise ConfigError(f"no finding column(s) {unknown}; valid columns are {names}")
            names = [c for c in names if c in set(columns)]
        cols = ", ".join(_q(c) for c in names if c in self.columns("findings")) or "NULL AS _none"
        conds, params = [], []
        if types is not None:
            types = list(types)
            conds.append(f"type IN ({', '.join('?' * len(types)) or 'NULL'})")
            params += types
        if article_ids is not None:
            article_ids = list(article_ids)
        nos = self._numbers_of(article_ids) if article_ids is not None and len(article_ids) <= _NUMBERS_MAX \
            else None
        by_id = article_ids is not None and nos is None
        if nos is not None:  # by their articles' numbers: the zone maps skip the row groups of other articles
            conds.insert(0, _in_numbers(nos))
        elif by_id:
            self.con.register("_want_ids", pd.DataFrame({"id": article_ids}, dtype=object))
            conds.append("article_id IN (SELECT id FROM _want_ids)")
        try:
            where = f" WHERE {' AND '.join(conds)}" if conds else ""
            if by_id:  # the rows found by their ids alone, then read whole: the other columns of a large table are
                # not all decompressed for the few rows wanted (a million articles' 40 million findings: 100
                # scattered articles in 0.4 s, not 2 s)
                where = f" WHERE rowid IN (SELECT rowid FROM findings{where})"
            df = self._query(f"SELECT {cols} FROM findings{where} ORDER BY article_id, seq", params)
        finally:
            if by_id:
                self.con.unregister("_want_ids")
        return df.reindex(columns=names)

    def report(self, article_id: str) -> dict[str, Any]:
        """One stored article as a report dict (``ArticleReport.to_dict()``'s shape, with its text): its fields,
        ``n_words``, ``language``, the findings the store keeps (not the per-sentence sentiment), ``metrics``,
        ``warnings`` and ``text``. Raises :class:`StoreError` when the store has no such article."""
        a = self.articles_frame(where={"article_id": article_id})
        if a.empty:
            dup = self._one("SELECT run_id, origin, detail FROM records WHERE article_id = ? AND status = 'duplicate' "
                            "AND detail <> article_id ORDER BY run_id, seq LIMIT 1", [article_id])
            if dup is not None:  # an input record set aside: say which stored article holds its text
                raise StoreError(f"{self.path}: no article with id {article_id!r}: the record at {dup[1]} (run "
                                 f"{dup[0]}) has the same text as the stored article {dup[2]!r}, which holds it")
            raise StoreError(f"{self.path}: no article with id {article_id!r}")
        row = self._one("SELECT metrics, warnings, text FROM articles WHERE article_id = ?", [article_id])
        assert row is not None
        out: dict[str, Any] = {"id": article_id}
        counts = set(schema.metric_columns_names())
        for k, v in a.iloc[0].items():
            v = _plain(v)  # (an input field of integers is an int64 column: json cannot write its values)
            if k not in counts and k != "article_id" and v is not None:
                out[str(k)] = v
        f = self.findings_frame(article_ids=[article_id])
        out["n_words"] = int(a.iloc[0]["n_words"])
        out["language"] = a.iloc[0].get("language") or "und"  # (rows from before the column: none)
        fields = {d.type: [c for c, _ in (*detectors.FINDING_HEAD[1:], *d.columns)] for d in detectors.DETECTORS}
        out["findings"] = [{k: _plain(r.get(k)) for k in fields.get(str(r["type"]), r)}
                           for r in f.astype(object).where(f.notna(), None).to_dict("records")]
        out["metrics"] = json.loads(row[0]) if row[0] else {}
        out["warnings"] = json.loads(row[1]) if row[1] else []
        out["text"] = row[2]
        return out

    def texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The original text of each of these articles that the store has, by id. Up to :data:`_INDEX_READ_MAX`
        ids are looked up in ``text_blobs``' index, :data:`_INDEX_READ_CHUNK` a query; more (or a store without
        ``text_blobs``, opened read-only), in one scan of the articles' texts."""
        import pandas as pd

        want = sorted({str(a) for a in article_ids})
        rows: list[tuple[str, str]] = []
        try:
            if len(want) <= _INDEX_READ_MAX and self.has_text_blobs():
                for i in range(0, len(want), _INDEX_READ_CHUNK):
                    part = want[i:i + _INDEX_READ_CHUNK]
                    # (one value for every query: the setting is the database's, shared by the dashboard's
                    # connections to a store it holds open)
                    self.con.execute(f"SET index_scan_max_count = {max(_INDEX_READ_CHUNK, 2048)}")
                    got = self.con.execute(f"SELECT article_id, text_z FROM text_blobs WHERE article_id IN "
                                           f"({', '.join('?' * len(part))}) ORDER BY article_id", part).fetchall()
                    rows += [(a, zlib.decompress(z).decode("utf-8")) for a, z in got if z is not None]
            else:
                self.con.register("_want_texts", pd.DataFrame({"id": want}, dtype=object))
                try:
                    rows = self.con.execute("SELECT article_id, text FROM articles WHERE article_id IN "
                                            "(SELECT id FROM _want_texts) ORDER BY article_id").fetchall()
                finally:
                    self.con.unregister("_want_texts")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc
        return dict(rows)

    def texts_containing(self, needle: str, where: dict[str, Any] | None = None) -> Iterable[tuple[str, Any, str]]:
        """``(article_id, source, text)`` of the articles (of ``where``, as in :meth:`articles_frame`) whose
        lower-cased text contains ``needle`` (lower case), by id, read as they are consumed. Consume them all (or
        close the store) before the next query."""
        sql_where, params = self._where(where)
        cond = f"{sql_where} AND" if sql_where else " WHERE"
        try:
            cur = self.con.execute(f"SELECT article_id, source, text FROM articles{cond} contains(lower(text), ?) "
                                   "ORDER BY article_id", [*params, needle.lower()])
            while rows := cur.fetchmany(100):
                yield from rows
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc

    def count(self, where: dict[str, Any] | None = None) -> int:
        """How many articles ``where`` selects (as in :meth:`articles_frame`)."""
        sql_where, params = self._where(where)
        row = self._one(f"SELECT count(*) FROM articles{sql_where}", params)
        return int(row[0]) if row else 0

    def distinct_values(self, columns: Sequence[str]) -> dict[str, list[str]]:
        """Each of these article columns' distinct values (as strings, without NULL, sorted), and ``date`` as
        ``(first, last)`` (``YYYY-MM-DD`` or None) when asked for: what a filter offers, from the store without
        reading its articles into memory. A column the store lacks has no values."""
        have = set(self.columns("articles")) - schema.INTERNAL_COLUMNS
        out: dict[str, Any] = {}
        for col in columns:
            if col not in have:
                out[col] = [] if col != "date" else (None, None)
            elif col == "date":
                out[col] = self.con.execute("SELECT strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') "
                                            "FROM articles").fetchone()
            else:
                rows = self.con.execute(f"SELECT DISTINCT CAST({_q(col)} AS VARCHAR) FROM articles "
                                        f"WHERE {_q(col)} IS NOT NULL").fetchall()
                out[col] = sorted(r[0] for r in rows)
        return out

    def sources_table(self) -> pd.DataFrame:
        """:func:`framing.explore.sources_table` of every article, aggregated in DuckDB (nothing else read): one row
        per source (``(missing)`` for none) with its most frequent leaning (ties: the first in order), articles,
        words, events and first and last date; the largest first."""
        have = set(self.columns("articles"))
        col = {c: (_q(c) if c in have else "NULL") for c in ("leaning", "event", "date", "n_words")}
        date = f"strftime({col['date']}, '%Y-%m-%d')" if "date" in have else "NULL"
        # a sum of BIGINT is a HUGEINT in DuckDB, which pandas reads as float64: cast back, so that counts stay exact
        sql = (f"WITH a AS (SELECT coalesce(CAST(source AS VARCHAR), '(missing)') AS source, "
               f"CAST({col['leaning']} AS VARCHAR) AS leaning, CAST({col['event']} AS VARCHAR) AS event, "
               f"{col['n_words']} AS n_words, {date} AS d FROM articles), "
               "l AS (SELECT source, leaning, count(*) AS n FROM a WHERE leaning IS NOT NULL GROUP BY ALL), "
               "m AS (SELECT source, first(leaning ORDER BY n DESC, leaning) AS leaning FROM l GROUP BY source) "
               "SELECT a.source, any_value(m.leaning) AS leaning, count(*) AS articles, "
               "CAST(coalesce(sum(a.n_words), 0) AS BIGINT) AS words, count(DISTINCT a.event) AS events, min(a.d) AS first_date, "
               "max(a.d) AS last_date FROM a LEFT JOIN m USING (source) GROUP BY a.source "
               "ORDER BY articles DESC, a.source")
        df = self._query(sql)
        for c in ("source", "leaning", "first_date", "last_date"):
            df[c] = df[c].astype("string")
        return df

    def events_table(self, where: dict[str, Any] | None = None) -> pd.DataFrame:
        """:func:`framing.compare.events_table` of every article with an event that ``where`` selects (as in
        :meth:`articles_frame`), aggregated in DuckDB (one pass over six columns and the filtered ones; nothing read
        into memory but the table), in the order of events."""
        import pandas as pd

        have = set(self.columns("articles"))
        empty = ["event", "n_articles", "n_sources", "first_date", "last_date", "sources", "title", "title_source"]
        if "event" not in have:
            return pd.DataFrame(columns=empty)
        sql_where, params = self._where(where)
        cond = f"{sql_where} AND event IS NOT NULL" if sql_where else " WHERE event IS NOT NULL"
        col = {c: (_q(c) if c in have else "NULL") for c in ("source", "title", "date", "lt_author", "n_words")}
        # the lead article: the fewest loaded terms per word in the writer's voice, then the earliest, then by id
        lead = "ORDER BY plain, d NULLS LAST, article_id"
        df = self._query(
            f"WITH a AS (SELECT CAST(event AS VARCHAR) AS ev, coalesce(CAST({col['source']} AS VARCHAR), '(missing)') "
            f"AS src, CAST({col['date']} AS DATE) AS d, CAST({col['title']} AS VARCHAR) AS title, article_id, "
            f"coalesce(CAST({col['lt_author']} AS DOUBLE) / CASE WHEN {col['n_words']} > 0 THEN {col['n_words']} END, "
            f"CAST('inf' AS DOUBLE)) AS plain FROM articles{cond}) "
            "SELECT ev AS event, count(*) AS n_articles, count(DISTINCT src) AS n_sources, "
            "coalesce(strftime(min(d), '%Y-%m-%d'), '') AS first_date, "
            "coalesce(strftime(max(d), '%Y-%m-%d'), '') AS last_date, "
            "string_agg(DISTINCT src, '; ' ORDER BY src) AS sources, "
            f"coalesce(first(title {lead}), '') AS title, "
            f"CASE WHEN coalesce(first(title {lead}), '') <> '' THEN first(src {lead}) ELSE '' END AS title_source "
            "FROM a GROUP BY ev ORDER BY ev", params)
        return df[empty]

    def summary(self) -> dict[str, Any]:
        """:func:`framing.explore.corpus_summary` of every article, counted in DuckDB."""
        have = set(self.columns("articles"))

        def distinct(c: str) -> str:
            return f"count(DISTINCT {_q(c)})" if c in have else "0"

        date = "date" if "date" in have else "NULL"
        words = "coalesce(sum(n_words), 0)" if "n_words" in have else "0"
        row = self._one(f"SELECT count(*), {distinct('source')}, {words}, {distinct('event')}, {distinct('topic')}, "
                        f"{distinct('leaning')}, strftime(min({date}), '%Y-%m-%d'), "
                        f"strftime(max({date}), '%Y-%m-%d') FROM articles")
        assert row is not None
        keys = ("articles", "sources", "words", "events", "topics", "leanings", "first_date", "last_date")
        return {k: (int(v) if i < 6 else v) for i, (k, v) in enumerate(zip(keys, row, strict=True))}

    def search(self, query: str, where: dict[str, Any] | None = None, *, limit: int = 200,
               columns: Sequence[str] = ()) -> pd.DataFrame:
        """The articles (of ``where``, as in :meth:`articles_frame`) whose id, title or source contain every word
        of ``query`` (case-insensitive), newest first (then by id), at most ``limit``: ``article_id`` and these
        other columns of the articles table (real columns; ``date`` as ``YYYY-MM-DD``).

        One scan in DuckDB that reads the three searched columns and the hits' other columns (no text index:
        DuckDB's full-text extension is a download at run time); the same matches, in the same order, as
        :func:`framing.explore.search_articles` on the articles table (lower case is DuckDB's ``lower``, which
        may differ from Python's ``str.lower`` for a few characters outside ASCII).
        """
        real = [c for c in self.columns("articles") if c not in schema.INTERNAL_COLUMNS]
        want = {"article_id", *columns}
        select = ", ".join("strftime(date, '%Y-%m-%d') AS date" if c == "date" else _q(c) for c in real if c in want)
        sql_where, params = self._where(where)
        conds = [sql_where[len(" WHERE "):]] if sql_where else []
        for w in query.lower().split():
            conds.append("contains(lower(concat_ws(' ', article_id, coalesce(title, ''), coalesce(source, ''))), ?)")
            params.append(w)
        cond = f" WHERE {' AND '.join(conds)}" if conds else ""
        try:
            return self.con.execute(f"SELECT {select} FROM articles{cond} ORDER BY articles.date DESC NULLS LAST, "
                                    f"article_id LIMIT {int(limit)}", params).df()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc

    def runs(self) -> pd.DataFrame:
        """One row per run: ``run_id``, ``status`` (``complete``, ``failed``, ``interrupted`` or ``running``),
        ``started``, ``seconds``, the counts ``n_input`` = ``n_analysed`` + ``n_up_to_date`` + ``n_duplicates`` +
        ``n_errors``, ``articles_per_s`` (analysed per second of run time) and ``inputs``."""
        import pandas as pd

        rows = self.con.execute(
            "SELECT r.run_id, r.status, r.committed, r.manifest, "
            "count(c.seq), count(c.seq) FILTER (c.status = 'analysed'), "
            "count(c.seq) FILTER (c.status = 'up_to_date'), count(c.seq) FILTER (c.status = 'duplicate'), "
            "count(c.seq) FILTER (c.status = 'error') "
            "FROM runs r LEFT JOIN records c ON c.run_id = r.run_id "
            "GROUP BY ALL ORDER BY r.run_id").fetchall()
        out = []
        for run_id, status, _committed, manifest, n, a, u, d, e in rows:
            m = json.loads(manifest) if manifest else {}
            sessions = (m.get("timings") or {}).get("sessions", [])
            seconds = round(sum(s.get("seconds") or 0.0 for s in sessions), 3)
            out.append({
                "run_id": run_id, "status": self._status(run_id, status),
                "started": sessions[0]["started"] if sessions else None, "seconds": seconds,
                "n_input": n, "n_analysed": a, "n_up_to_date": u, "n_duplicates": d, "n_errors": e,
                "articles_per_s": round(a / seconds, 1) if seconds else None,
                "inputs": ", ".join(i["path"] for i in m.get("inputs", []) if i.get("format") != "metadata"),
            })
        cols = ["run_id", "status", "started", "seconds", "n_input", "n_analysed", "n_up_to_date", "n_duplicates",
                "n_errors", "articles_per_s", "inputs"]
        return pd.DataFrame(out, columns=cols)

    def errors(self, run_id: int | None = None) -> pd.DataFrame:
        """The input items that could not be analysed: ``run_id``, ``seq``, ``origin``, ``article_id``, ``reason``,
        in input order. Of one run: its errors. Of the store (``run_id`` None): the errors that still stand, those of
        each input as the last complete run that read it saw them. A later complete run that read the same input
        (the same path, as given to ``framing run``, or a folder holding it) replaces an earlier run's errors of it
        with its own: a file read again does not count its errors again, a line mended and analysed since is no
        longer an error, nor is a whole-file error ("no text column") once the file was read with the right options.
        Items read from stdin are never taken for each other: their errors stand."""
        errs = self.records(run_id, status="error").rename(columns={"detail": "reason"}).drop(columns="status")
        if run_id is not None or errs.empty:
            return errs
        # the inputs of each complete run (paths as given); an error stands unless a later one read its input
        read = [(rid, str(i["path"])) for rid, status, inputs in self._run_inputs() if status == "complete"
                for i in inputs
                if i.get("path") and i.get("format") != "metadata" and i.get("path") not in _STDIN_PATHS]
        if not read:
            return errs
        stands = [not any(later > rid and _read_from(origin, path) for later, path in read)
                  for rid, origin in zip(errs["run_id"], errs["origin"].astype(str), strict=True)]
        return errs[stands].reset_index(drop=True)

    def duplicates(self, run_id: int | None = None) -> pd.DataFrame:
        """The input items that repeat a stored article (of one run, or of all): ``run_id``, ``seq``, ``origin``,
        ``article_id``, ``duplicate_of`` (the article repeated) and ``first_origin`` (where the store's copy of it
        was read, file and line), in input order."""
        where, params = ("AND r.run_id = ? ", [run_id]) if run_id is not None else ("", [])
        return self._query(
            "SELECT r.run_id, r.seq, r.origin, r.article_id, r.detail AS duplicate_of, a.origin AS first_origin "
            "FROM records r LEFT JOIN articles a ON a.article_id = r.detail "
            f"WHERE r.status = 'duplicate' {where}ORDER BY r.run_id, r.seq", params)

    def inputs(self) -> pd.DataFrame:
        """Every input the store's runs read, once for each path and content: ``path``, ``format`` (``metadata``
        for a metadata file), ``bytes``, ``records`` (the items a complete run read from it, ``records_counted``
        true; otherwise the estimate made before reading it, false), ``sha256`` and ``runs`` (the runs that read it,
        e.g. ``"1, 3"``), in the order they were first read."""
        import pandas as pd

        seen: dict[tuple[Any, ...], dict[str, Any]] = {}
        for run_id, _status, inputs in self._run_inputs():
            for i in inputs:
                key = (i.get("path"), i.get("format"), i.get("sha256"))
                row = seen.setdefault(key, {**{k: i.get(k) for k in _INPUT_COLUMNS},
                                            "records_counted": bool(i.get("records_counted")), "runs": []})
                if i.get("records_counted") and not row["records_counted"]:
                    row["records"], row["records_counted"] = i.get("records"), True
                if run_id not in row["runs"]:
                    row["runs"].append(run_id)
        rows = [{**r, "runs": ", ".join(map(str, r["runs"]))} for r in seen.values()]
        return pd.DataFrame(rows, columns=[*_INPUT_COLUMNS, "runs"])

    def _run_inputs(self) -> list[tuple[int, str, list[dict[str, Any]]]]:
        """``(run_id, status, inputs)`` of every run in order: the inputs its manifest lists (``InputInfo``)."""
        return [(rid, self._status(rid, status), (json.loads(manifest) if manifest else {}).get("inputs", []))
                for rid, status, manifest in self.con.execute(
                    "SELECT run_id, status, manifest FROM runs ORDER BY run_id").fetchall()]

    def records(self, run_id: int | None = None, *,
                status: Literal["analysed", "up_to_date", "duplicate", "error"] | None = None) -> pd.DataFrame:
        """The ledger: what became of each input item (for duplicates, ``detail`` is the article repeated)."""
        if status is not None and status not in schema.STATUSES:
            raise ConfigError(f"invalid value for status: {status!r}; valid values are {schema.STATUSES!r}")
        conds: list[str] = []
        params: list[Any] = []
        if run_id is not None:
            conds.append("run_id = ?")
            params.append(run_id)
        if status is not None:
            conds.append("status = ?")
            params.append(status)
        where = f" WHERE {' AND '.join(conds)}" if conds else ""
        return self._query(f"SELECT run_id, seq, origin, article_id, status, detail FROM records{where} "
                           "ORDER BY run_id, seq", params)

    def manifest(self, run_id: int) -> dict[str, Any]:
        """The run's manifest, with its current status and counts."""
        row = self._one("SELECT status, manifest FROM runs WHERE run_id = ?", [run_id])
        if row is None:
            known = [r[0] for r in self.con.execute("SELECT run_id FROM runs ORDER BY run_id").fetchall()]
            raise ConfigError(f"no run {run_id!r} in {self.path}; valid runs are {known}")
        m = json.loads(row[1])
        m["status"] = self._status(run_id, row[0])
        m["counts"] = self.counts(run_id)
        return m

    def counts(self, run_id: int) -> dict[str, int]:
        """``input``, ``analysed``, ``up_to_date``, ``duplicate``, ``error`` of a run, from its ledger."""
        got = dict(self.con.execute("SELECT status, count(*) FROM records WHERE run_id = ? GROUP BY status",
                                    [run_id]).fetchall())
        out = {"input": sum(got.values())}
        out.update({s: int(got.get(s, 0)) for s in schema.STATUSES})
        return out

    def languages(self, run_id: int) -> dict[str, int]:
        """The languages of the articles a run covers (analysed or already up to date), most frequent first."""
        if "language" not in self.columns("articles"):
            return {}
        rows = self.con.execute(
            "SELECT coalesce(a.language, 'und') AS lang, count(*) AS n FROM records r JOIN articles a USING (article_id) "
            "WHERE r.run_id = ? AND r.status IN ('analysed', 'up_to_date') GROUP BY lang ORDER BY n DESC, lang",
            [run_id]).fetchall()
        return {str(code): int(n) for code, n in rows}

    def missing(self, run_id: int) -> dict[str, int]:
        """Of the articles a run analysed: how many have no ``source``, no ``date``, and a date that could not be
        read (kept as ``date_raw``); of those, how many have an implausible year or a two-digit one
        (:func:`~framing.corpus.ingest.parse_date`'s reasons, in the articles' warnings)."""
        from framing.corpus.ingest import IMPLAUSIBLE, SHORT_YEAR

        row = self._one("SELECT count(*) FILTER (a.source IS NULL), count(*) FILTER (a.date IS NULL), "
                        "count(*) FILTER (json_extract_string(a.meta, '$.date_raw') IS NOT NULL), "
                        "count(*) FILTER (json_extract_string(a.meta, '$.date_raw') IS NOT NULL AND "
                        "contains(CAST(a.warnings AS VARCHAR), ?)), "
                        "count(*) FILTER (json_extract_string(a.meta, '$.date_raw') IS NOT NULL AND "
                        "contains(CAST(a.warnings AS VARCHAR), ?)) "
                        "FROM records r JOIN articles a USING (article_id) WHERE r.run_id = ? AND "
                        "r.status = 'analysed'", [IMPLAUSIBLE, SHORT_YEAR, run_id])
        assert row is not None
        return {"source": int(row[0]), "date": int(row[1]), "date_unreadable": int(row[2]),
                "date_implausible": int(row[3]), "date_short_year": int(row[4])}

    def first_warning(self, run_id: int, marker: str) -> str | None:
        """The first warning (in input order) containing ``marker`` of the articles a run analysed, or None."""
        row = self._one("SELECT w FROM (SELECT r.seq, unnest(from_json(a.warnings, '[\"VARCHAR\"]')) AS w FROM "
                        "records r JOIN articles a USING (article_id) WHERE r.run_id = ? AND r.status = 'analysed') "
                        "WHERE contains(w, ?) ORDER BY seq LIMIT 1", [run_id, marker])
        return str(row[0]) if row else None

    def warned(self, run_id: int, prefix: str) -> int:
        """Articles a run analysed with a warning that contains ``prefix`` (e.g. the short page text warning)."""
        row = self._one("SELECT count(*) FROM records r JOIN articles a USING (article_id) WHERE r.run_id = ? AND "
                        "r.status = 'analysed' AND contains(CAST(a.warnings AS VARCHAR), ?)", [run_id, prefix])
        return int(row[0]) if row else 0

    def error_reasons(self, run_id: int) -> list[tuple[str, int, str]]:
        """The reasons of a run's errors by kind (:func:`~framing.records.reason_kind`: the message without what is
        particular to one record): ``(kind, count, first origin)`` of every kind, most errors first, then by kind."""
        from framing.records import ReasonCounts

        rows = self.con.execute(
            "SELECT detail, count(*), min(seq), min_by(origin, seq) FROM records WHERE run_id = ? AND "
            "status = 'error' GROUP BY detail", [run_id]).fetchall()
        reasons = ReasonCounts()
        for detail, n, seq, origin in rows:
            reasons.add(str(detail), str(origin), int(n), int(seq))
        return reasons.most_common()

    def stale_count(self, versions_key: str) -> tuple[int, int]:
        """``(stale, total)``: articles analysed with other versions than ``versions_key``, and all articles."""
        row = self._one("SELECT count(*) FILTER (versions_key <> ?), count(*) FROM articles",
                               [versions_key])
        assert row is not None
        return int(row[0]), int(row[1])

    def article_versions(self, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """The versions the articles (these ids, or all) were analysed with, one entry per versions key, most articles
        first: ``versions_key``, ``n_articles`` and the versions (``framing``, ``lexicons``, ``config_sha256``,
        ``engine_sha256``; empty for a key the store has no record of)."""
        where, params = ("WHERE a.article_id IN (SELECT unnest(?))", [list(article_ids)]) \
            if article_ids is not None else ("", [])
        rows = self.con.execute(
            "SELECT a.versions_key, count(*) AS n, any_value(v.versions) FROM articles a LEFT JOIN versions v "
            f"ON v.versions_key = a.versions_key {where} GROUP BY a.versions_key ORDER BY n DESC, a.versions_key",
            params).fetchall()
        return [{"versions_key": k, "n_articles": int(n), **(json.loads(v) if v else {})} for k, n, v in rows]

    def _status(self, run_id: int, status: str) -> str:
        # DuckDB lets one process write, so a run still marked running that is not ours has died.
        return "interrupted" if status == "running" and run_id != self.active_run else status

    def _where(self, where: dict[str, Any] | None) -> tuple[str, list[Any]]:
        if not where:
            return "", []
        real = set(self.columns("articles")) - schema.INTERNAL_COLUMNS
        conds, params = [], []
        for key, value in where.items():
            if key in real:
                col = _q(key)
            elif re.fullmatch(r"[\w .-]+", key):
                col = f"json_extract_string(meta, '$.\"{key}\"')"  # an input field kept in meta
                value = [str(v) for v in value] if isinstance(value, (list, set, frozenset)) else value
            else:
                raise ConfigError(f"invalid filter column {key!r}; valid columns are {sorted(real)} or an input "
                                  "field name")
            if isinstance(value, tuple):
                if len(value) != 2:
                    raise ConfigError(f"a range filter is (low, high), not {value!r}")
                lo, hi = value
                if lo is not None:
                    conds.append(f"{col} >= ?")
                    params.append(lo)
                if hi is not None:
                    conds.append(f"{col} <= ?")
                    params.append(hi)
            elif isinstance(value, (list, set, frozenset)):
                vals = sorted(value, key=str)
                conds.append(f"{col} IN ({', '.join('?' * len(vals))})" if vals else "FALSE")
                params += vals
            elif value is None:
                conds.append(f"{col} IS NULL")
            else:
                conds.append(f"{col} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row of a query, or None. Always fetches the whole result: DuckDB refuses other work on the
        connection (registering a table) while a result is pending."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0] if rows else None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        try:
            return self.con.execute(sql, list(params)).df()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc

    @staticmethod
    def _expand(meta: pd.Series) -> pd.DataFrame:
        """The JSON ``meta`` column as one column per input field (in order of first appearance)."""
        import pandas as pd

        if meta.isna().all():
            return pd.DataFrame(index=meta.index)
        dicts = [json.loads(m) if isinstance(m, str) else {} for m in meta]
        keys: dict[str, None] = {}
        for d in dicts:
            keys.update(dict.fromkeys(d))
        return pd.DataFrame({k: [d.get(k) for d in dicts] for k in keys}, index=meta.index)

    # -- writing (used by the runner) -------------------------------------------------------------------------

    def resumable_run(self, run_key: str) -> tuple[int, int] | None:
        """``(run_id, committed)`` of the last run with this key if it did not complete, else None."""
        row = self._one("SELECT run_id, status, committed FROM runs WHERE run_key = ? ORDER BY run_id DESC "
                               "LIMIT 1", [run_key])
        if row is None or row[1] == "complete":
            return None
        return int(row[0]), int(row[2])

    def start_run(self, run_key: str, manifest: dict[str, Any], versions: dict[str, Any], versions_key: str) -> int:
        self._write("BEGIN")
        try:
            row = self._one("SELECT coalesce(max(run_id), 0) + 1 FROM runs")
            assert row is not None
            run_id = int(row[0])
            manifest = {**manifest, "run_id": run_id}
            self.con.execute("INSERT INTO runs VALUES (?, ?, 'running', 0, ?)",
                             [run_id, run_key, _dumps(manifest)])
            if not self._one("SELECT 1 FROM versions WHERE versions_key = ?", [versions_key]):
                self.con.execute("INSERT INTO versions VALUES (?, ?)", [versions_key, _dumps(versions)])
            self._write("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return run_id

    def update_run(self, run_id: int, manifest: dict[str, Any], status: str) -> None:
        """Replace the run's manifest and status, in its own transaction."""
        try:
            self.con.execute("UPDATE runs SET manifest = ?, status = ? WHERE run_id = ?",
                             [_dumps(manifest), status, run_id])
        except duckdb.Error as exc:
            raise StoreError(_write_error(self.path, exc)) from exc

    def raw_manifest(self, run_id: int) -> dict[str, Any]:
        row = self._one("SELECT manifest FROM runs WHERE run_id = ?", [run_id])
        return json.loads(row[0]) if row else {}

    def lookup(self, run_id: int, ids: list[str], hashes: list[str]) -> tuple[
            dict[str, tuple[str, str]], dict[str, str], dict[str, tuple[str, str]]]:
        """What the store knows about a batch before it is analysed.

        Returns ``existing`` (id -> (content hash, versions key) of stored articles with these ids), ``owners``
        (content hash -> the id of the stored article with that text) and ``seen`` (id -> (content hash,
        origin) of items of this run already recorded as analysed or up to date).
        """
        stored_ids, stored_hashes = self._stored_keys()
        ids, hashes = stored_ids.maybe(ids), stored_hashes.maybe(hashes)  # the others are certainly not stored
        existing: dict[str, tuple[str, str]] = {}
        owners: dict[str, str] = {}
        seen: dict[str, tuple[str, str]] = {}
        try:  # the batch's ids and hashes go in as list parameters: faster than registered frames
            if ids:
                existing = {r[0]: (r[1], r[2]) for r in self.con.execute(
                    "SELECT article_id, content_hash, versions_key FROM articles "
                    "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
            if hashes:
                owners = {r[0]: r[1] for r in self.con.execute(
                    "SELECT content_hash, min(article_id) FROM articles WHERE content_hash IN "
                    "(SELECT unnest(?::VARCHAR[])) GROUP BY content_hash", [hashes]).fetchall()}
            if existing:  # an item of this run analysed or up to date is a stored article: only those can be seen
                seen = {r[0]: (r[1], r[2]) for r in self.con.execute(
                    "SELECT article_id, content_hash, origin FROM records WHERE run_id = ? AND status IN "
                    "('analysed', 'up_to_date') AND article_id IN (SELECT unnest(?::VARCHAR[]))",
                    [run_id, list(existing)]).fetchall()}
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc
        return existing, owners, seen

    def sources_of(self, ids: list[str]) -> dict[str, str | None]:
        """The source of each stored article among ``ids`` (the copies that duplicates repeat)."""
        try:
            return {r[0]: r[1] for r in self.con.execute(
                "SELECT article_id, source FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids]).fetchall()}
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc

    def _stored_keys(self) -> tuple[KeySet, KeySet]:
        """The fingerprints of every stored article id and content hash (read once, then kept up to date)."""
        if self._keys is None:
            try:
                rows = self.con.sql("SELECT article_id, content_hash FROM articles").to_arrow_table()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot read: {_short(exc)}") from exc
            self._keys = (KeySet(rows.column(0).to_pylist()),
                          KeySet(h for h in rows.column(1).to_pylist() if h is not None))
        return self._keys

    def commit_batch(self, run_id: int, committed: int, ledger: Any, articles: Any = None, findings: Any = None,
                     replace: Sequence[str] = (), terms: Any = None, labels: Any = None) -> None:
        """Write one batch (or several consecutive ones) in one transaction: replace the articles in ``replace``,
        add the articles, findings and ledger rows, and record that the run's first ``committed`` input items are
        done.

        ``articles`` and ``findings`` are each an Arrow table, the path of an Arrow IPC or Parquet file (from a pool
        or Dask worker), or a list of these (inserted together). ``terms`` and ``labels``: the articles' term counts
        and actor labels counted by the workers, in the same form and order as ``articles`` (None: counted here).
        """
        self._write("BEGIN")
        self._batch_numbers = []
        try:
            self._drop_answers()  # computed from the articles, term counts and labels this commit changes
            if replace:
                import pyarrow as pa

                nos = self._numbers_of(replace)
                self.con.register("_replace", pa.table({"id": pa.array(list(replace), pa.string())}))
                self.add_cells("articles", set(self.columns("articles")), sign="-",
                               where=" WHERE article_id IN (SELECT id FROM _replace)")
                old = self.con.execute("SELECT article_id, text FROM articles WHERE article_id IN "
                                       "(SELECT id FROM _replace)").fetchall()
                self.subtract_terms([r[0] for r in old], [r[1] for r in old], "articles",
                                    set(self.columns("articles")))
                self.con.execute("DELETE FROM findings WHERE " + (_in_numbers(nos) if nos is not None else
                                                                  "article_id IN (SELECT id FROM _replace)"))
                self.con.execute("DELETE FROM article_labels WHERE article_id IN (SELECT id FROM _replace)")
                self.con.execute("DELETE FROM text_blobs WHERE article_id IN (SELECT id FROM _replace)")
                self.con.execute("DELETE FROM articles WHERE article_id IN (SELECT id FROM _replace)")
                self.con.unregister("_replace")
            for table, data in (("articles", articles), ("findings", findings), ("records", ledger)):
                if data is None:
                    continue
                self._insert(table, data, terms=terms if table == "articles" else None)
            if articles is not None:
                self._add_labels(articles, findings, labels)
            self.con.execute("UPDATE runs SET committed = ? WHERE run_id = ?", [committed, run_id])
            self.record_labels()
            self._write("COMMIT")
            self._batch_numbers = []  # (they hold the batch's id columns: the workers' files, mapped)
        except BaseException as exc:
            self._reopen_due = False
            self._next_no = None
            self._batch_numbers = []
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(_write_error(self.path, exc)) from exc
            if isinstance(exc, OSError):
                raise StoreError(_write_error(self.path, exc)) from exc
            raise
        if self._reopen_due:
            self._reopen_due = False
            self._reopen()

    def _add_labels(self, articles: Any, findings: Any, labels: Any) -> None:
        """Add the actor labels of the articles just inserted: the workers' (``labels``, one part per part of
        ``articles``), else counted here from their texts and the quotations among ``findings``."""
        n_parts = len(articles) if isinstance(articles, list) else 1
        counted = _tables(labels) if labels is not None else []
        if len(counted) == n_parts:
            for part in counted:
                self._insert_labels(part)
            return
        self._count_labels(articles, findings)

    def _insert(self, table: str, data: Any, terms: Any = None) -> None:
        """Insert ``data`` (a table, a file, or a list of them) into ``table``; for the articles, ``terms`` are
        their term counts made by the workers, in the same form (None: counted here)."""
        import pyarrow as pa

        parts = _tables(data)
        counted = None
        if terms is not None:
            tparts = _tables(terms)
            if len(tparts) == len(parts):
                counted = tparts
        if len(parts) > 1:
            try:  # one insert of all the parts: the tables are memory-mapped, concatenating copies nothing
                parts = [pa.concat_tables(parts, promote_options="default")]
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column a newer engine added, typed differently
                for part in parts:
                    self._insert(table, part)  # (the terms counted here, part by part)
                return
        if not parts or parts[0].num_rows == 0:
            return
        data = parts[0]
        if table == "articles":
            data = self._number(data)
        elif table == "findings":
            data = self._number_findings(data)
        have = set(self.columns(table))
        for name in data.column_names:
            if name not in have:  # a column a newer engine added
                sql = _arrow_sql(data.schema.field(name).type)
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN {_q(name)} {sql}")
                self._columns.pop(table, None)
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
            if table == "articles":  # their sums and term counts, in the same transaction
                self.add_cells("_batch", set(data.column_names))
                if "text" in data.column_names:
                    self.add_terms(data, counted=counted)
                    self.add_text_blobs(data.column("article_id").to_pylist(), data.column("text").to_pylist())
        finally:
            self.con.unregister("_batch")
        if table == "articles" and self._keys is not None:
            # (also when the transaction is rolled back later: the filter may hold keys the store does not)
            for keys, column in zip(self._keys, ("article_id", "content_hash")):
                if column in data.column_names:
                    keys.add(k for k in data.column(column).to_pylist() if k is not None)

    def _write(self, sql: str) -> None:
        try:
            self.con.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(_write_error(self.path, exc)) from exc

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # no transaction, or the connection is gone: nothing was committed either way

    # -- export -----------------------------------------------------------------------------------------------

    def export(self, out_dir: str | Path, *, format: Literal["parquet", "csv"] = "parquet",
               tables: Sequence[str] = EXPORT_TABLES) -> list[Path]:
        """Write each table to ``out_dir/<table>.<format>`` (rows in the store's deterministic order), and the
        runs' manifests to ``out_dir/manifest.json``. Extra input fields stay in the ``meta`` column as JSON."""
        if format not in ("parquet", "csv"):
            raise ConfigError(f"invalid value for format: {format!r}; valid values are ['parquet', 'csv']")
        bad = [t for t in tables if t not in EXPORT_TABLES]
        if bad:
            raise ConfigError(f"invalid table(s) {bad}; valid tables are {list(EXPORT_TABLES)}")
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
            probe = out / ".framing-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StoreError(f"cannot write to {out}: {exc.strerror or exc}") from exc
        art_cols = [c for c in self.columns("articles") if c not in ("text", "metrics", schema.ARTICLE_NO[0])]
        queries = {
            "articles": f"SELECT {', '.join(_q(c) for c in art_cols)} FROM articles ORDER BY article_id",
            "findings": f"SELECT * EXCLUDE ({_q(schema.ARTICLE_NO[0])}) FROM findings ORDER BY article_id, seq"
            if schema.ARTICLE_NO[0] in self.columns("findings") else "SELECT * FROM findings ORDER BY article_id, seq",
            "texts": "SELECT article_id, text FROM articles ORDER BY article_id",
            "runs": "SELECT run_id, run_key, status, committed, manifest FROM runs ORDER BY run_id",
            "records": "SELECT * FROM records ORDER BY run_id, seq",
            "errors": "SELECT * FROM errors ORDER BY run_id, seq",
        }
        opts = "(FORMAT parquet)" if format == "parquet" else "(FORMAT csv, HEADER)"
        written = []
        for t in tables:
            target = out / f"{t}.{format}"
            try:
                self.con.execute(f"COPY ({queries[t]}) TO '{_sql_str(str(target))}' {opts}")
            except duckdb.Error as exc:
                raise StoreError(f"cannot export {t} to {target}: {_short(exc)}") from exc
            written.append(target)
        manifests = [self.manifest(int(r)) for r in self.runs()["run_id"]]
        mpath = out / "manifest.json"
        try:
            mpath.write_text(json.dumps(manifests, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot write {mpath}: {exc.strerror or exc}") from exc
        written.append(mpath)
        return written


# Sums (cells x summed columns) made at once when compacting the cells (Store.compact_cells). A sum takes about 25
# bytes while it is made and kept (its state in the hash table, its value in the part's rewritten rows): under 128 MB,
# parts of 16,000 cells of 261 sums were summed and parts of 20,000 were not; parts of this size fit _COMPACT_MEMORY
# about twice over (a million articles' ~400,000 day cells: 14 parts).
_COMPACT_SUMS = 8_000_000


def _labels_table_sql() -> str:
    """The ``article_labels`` table's name and columns (``CREATE TABLE`` takes it)."""
    from framing.compare.labelcount import COUNT_COLUMNS

    return f"article_labels ({', '.join(f'{_q(c)} {t}' for c, t in COUNT_COLUMNS)})"


def _labels_signature() -> str:
    """What ``article_labels`` holds: the counting's definition and the bundled ``actor_labels`` lexicon (another
    lexicon or definition: counted again)."""
    from framing.compare.labelcount import COUNT_DEFINITION
    from framing.lexicons import load_lexicon

    return f"{COUNT_DEFINITION}:{load_lexicon('actor_labels').sha256[:16]}"


# Articles whose actor labels are counted at once when a store counts them itself (their texts read together).
_LABEL_CHUNK = 2_000
# When a store counts every article's labels again, it reads them in parts by a hash of the id, about this many
# articles a part (their quotations held in memory: about 10 a news article), at most _LABEL_PARTS parts (each
# part one scan of the findings and of the texts).
_LABEL_PART_ARTICLES = 20_000
_LABEL_PARTS = 64


def _cells_signature() -> str:
    """What the cells table holds: its keys and the sums of this framing's metrics (another set: built again)."""
    names = [*(f"{t}: {', '.join(k)}" for t, k in CELL_TABLES.items()),
             *(f"{mo.name}={moments.sum_sql(mo)}" for mo in moments.moments())]
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


# The memory limit of the compactions and of the answers kept when a run ends (the run's workers are done by then),
# and the groups (cell and term) a term table's compaction sums at once: under `framing run`'s 128 MB the 5,063
# AllSides articles' term tables ran out of memory, and the sums of 400,000 staged rows' groups did (about 320 bytes a
# group); a million articles' 2.3 million groups were summed within 1 GB in one part (77 million rows). Half that
# keeps the run process's end well under a gigabyte on a store of a million articles, for a slower compaction in more
# parts (docs/corpus.md, "twenty-second session").
_COMPACT_GROUPS = 750_000
_COMPACT_MEMORY = "512MB"
# Texts counted a chunk at a time when a store's term tables are counted again: their per-article counts (about 600
# rows a text) are summed per cell in one query; 5,000 texts a query ran out of `framing run`'s 128 MB.
_TERM_CHUNK = 500
# Staged per-article term rows summed into the term tables at once (:meth:`Store.fold_terms`): about 30,000 news
# articles; the sums of more articles at once write fewer rows (terms recur); each fold sums a few parts at a time
# (_FOLD_GROUPS), so that its cost grows with the stage, not faster.
_FOLD_ROWS = 16_000_000
# ... in queries of at most about this many groups (cell and term), on one DuckDB thread. A sum's memory grows with its
# groups, not its rows (the staged rows of a few thousand articles are nearly all groups of their own; those of a large
# corpus share cells), and with DuckDB's threads, each of which sums its share of the rows in its own hash table and
# keeps its own first article ids: with two threads (a run with one worker, or the Dask engine) the last fold of a few
# thousand articles ran out of `framing run`'s memory limit (docs/corpus.md, the twenty-first session). The staged
# rows are in STAGE_PARTS parts by the term (framing.corpus.termstage.term_parts) so that a few parts are read at a
# time; a part of more groups is summed in slices by a hash of the term (each slice a scan of the part). Every row of a
# stage has the same part function: a stage left by a killed run (whose framing may have had another: DuckDB's
# ``hash`` until 2026-12-06) is summed when the store is next opened for writing, before anything is staged. And were
# a term staged in two parts, its cell would only get two rows, which the tables allow until they are compacted.
_FOLD_GROUPS = 100_000
_FOLD_THREADS = 1


# The staged per-article term counts (Store.add_terms): the articles' term-table keys, the date as its month
# (the columns of framing.corpus.termstage.STAGE_COLUMNS, made there).
_STAGE_SQL = ("term_stage (source VARCHAR, leaning VARCHAR, topic VARCHAR, language VARCHAR, date DATE, "
              "article_id VARCHAR, term VARCHAR, n BIGINT, start INTEGER, \"end\" INTEGER, part UTINYINT)")


def _term_table_sql(name: str, keys: Sequence[str]) -> str:
    """A term table's name and columns (``CREATE TABLE`` takes it): its keys, then the term and its counts."""
    cols = [f"{_q(k)} {'DATE' if k == 'date' else 'VARCHAR'}" for k in keys]
    return (f"{name} ({', '.join(cols)}, term_id UBIGINT, n BIGINT, n_articles BIGINT, first_id VARCHAR, "
            "first_start INTEGER, first_end INTEGER)")


# The input paths of stdin ("framing run -"): every run's stdin is other data.
_STDIN_PATHS = frozenset(("-", "<stdin>"))


def _read_from(origin: str, path: str) -> bool:
    """Was the input item at ``origin`` ("x.jsonl:12", "folder/a.txt", "x.csv:row 4") read from the input
    ``path`` (the file itself, or a folder above it)?"""
    if not origin.startswith(path):
        return False
    rest = origin[len(path):]
    return not rest or rest[0] in ":/\\"


def _term_keys(have: set[str], keys: Sequence[str] = TERM_TABLES["terms_month"]) -> str:
    """The select list of a term table's ``keys`` read from the articles' table or view ``s`` (with the columns
    ``have``; a key it lacks is NULL), the date as its month."""
    sel = []
    for key in keys:
        typ = "DATE" if key == "date" else "VARCHAR"
        if key not in have:
            sel.append(f"CAST(NULL AS {typ}) AS {_q(key)}")
        elif key == "date":
            sel.append("CAST(date_trunc('month', CAST(s.date AS DATE)) AS DATE) AS date")
        else:
            sel.append(f"CAST(s.{_q(key)} AS {typ}) AS {_q(key)}")
    return ", ".join(sel)


def _terms_signature() -> str:
    """What the term tables hold: their keys, the terms counted and the stop words (another set: counted again)."""
    from framing.compare.terms import STORED_NGRAMS, TERMS_VERSION, stopwords

    names = [*(f"{t}: {', '.join(k)}" for t, k in TERM_TABLES.items()), f"term_id={TERM_ID}", TERMS_VERSION,
             f"ngrams={STORED_NGRAMS}",
             *sorted(stopwords())]
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(s: str) -> str:
    return s.replace("'", "''")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def _short(exc: BaseException) -> str:
    return str(exc).split("\n")[0]


# Rows per row group of a store opened for writing. A checkpoint rewrites each table's last, partly filled row
# group whole, and with DuckDB's default (122,880 rows) the articles table of a corpus under ~120,000 articles is
# one partly filled row group: every checkpoint recompressed every text stored so far, so the cost of a run grew
# with the square of its size. 16,384 rows keep a checkpoint's cost flat as the store grows; smaller groups make a
# larger file (compression is per row group). Figures: docs/design-measurements.md.
_ROW_GROUP_SIZE = 16_384
# The indexes on the article ids: of the articles (one article's row) and of text_blobs (:meth:`Store.texts`).
_ARTICLE_INDEX = "articles_article_id"
_BLOB_INDEX = "text_blobs_article_id"
# text_blobs: zlib's level (6, its default: AllSides texts to about a third) and what the table holds (another
# version: written again).
_BLOB_LEVEL = 6
_TEXT_BLOBS_VERSION = "zlib-1"
# store_info's value once every article and finding has its number (schema.ARTICLE_NO).
_ARTICLE_NUMBERS = "1"
# Findings are read by their articles' numbers for at most this many articles; more are read by id, in one join: the
# numbers are written into the query as constants, which DuckDB takes longer to compile and test than a join on
# the ids once they are many (300,000 ids: 1.6 s by number, 0.2 s by id).
_NUMBERS_MAX = 5_000
# Texts read by id through the index, this many ids a query (DuckDB uses an index for an IN list only below its
# ``index_scan_max_count``, which each query sets to this size); beyond :data:`_INDEX_READ_MAX` ids, one scan of the
# text column costs less (figures: docs/dashboard.md, 2026-12-04).
_INDEX_READ_CHUNK = 5_000
_INDEX_READ_MAX = 50_000
# How long a store that a run closes to release DuckDB's memory (Store._reopen) waits for another process that took
# the file meanwhile (a dashboard's script run holds a reader for about a second).
_REOPEN_WAIT = 60.0


def _connect_writer(path: str, config: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    """A connection that writes the store at ``path`` with :data:`_ROW_GROUP_SIZE` rows per row group: the file
    is attached to an in-memory instance (the row group size is an option of ATTACH, not of connect), made the
    default database, and DuckDB's spill files go beside it as they would for a file opened directly."""
    # (the spill folder set before ATTACH: replaying a large WAL left by a killed run may spill, and DuckDB cannot
    # switch the folder once it has been used)
    con = duckdb.connect(":memory:", config={**config, "temp_directory": f"{path}.tmp"})
    try:
        con.execute(f"ATTACH '{_sql_str(path)}' AS store (ROW_GROUP_SIZE {_ROW_GROUP_SIZE})")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return _quiet(con)


def _quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """``con`` without DuckDB's progress bar, which its Python module prints to standard output for any query over
    two seconds: in the middle of `framing run`'s own progress (or of its silence under ``--no-progress``), and in
    the dashboard's terminal."""
    try:
        con.execute("SET enable_progress_bar = false")
    except BaseException:
        con.close()
        raise
    return con


def _lock_error(exc: duckdb.Error) -> bool:
    """Whether ``exc`` says that another process holds the store's file."""
    msg = _short(exc)
    return "Could not set lock" in msg or "Conflicting lock" in msg


def _open_error(path: str, exc: duckdb.Error) -> str:
    msg = _short(exc)
    if _lock_error(exc):
        holder = re.search(r"PID (\d+)", msg)
        who = f" (process {holder[1]})" if holder else ""
        return (f"{path}: the store is in use by another process{who}; DuckDB allows one writer and no readers "
                "while it writes: wait for that run to end (or stop it), then try again")
    if "not a valid DuckDB database" in msg or "Corrupt" in msg or "corrupt" in msg:
        return (f"{path}: not a DuckDB database, or the file is corrupted ({msg}); move it away or give another "
                "--db; nothing was changed")
    if any(s in msg for s in ("Permission denied", "Read-only file system", "No such file or directory")):
        return f"{path}: cannot write the store there ({msg}); give a --db path in a writable folder"
    return f"{path}: cannot open the store: {msg}"


def _write_error(path: str, exc: BaseException) -> str:
    msg = _short(exc)
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space left" in msg:
        return (f"{path}: the disk is full; the batches committed so far are kept; free some space and run the "
                "same command again to resume")
    return f"{path}: cannot write to the store ({msg}); the batches committed so far are kept"


def _in_numbers(nos: Sequence[int]) -> str:
    """SQL that keeps the rows with these article numbers: the numbers written into the query (integers the store
    gave), as a list of constants, which DuckDB tests against each row group's zone map (a parameter or a subquery
    reads every row group)."""
    if not nos:
        return "false"
    return f"article_no BETWEEN {min(nos)} AND {max(nos)} AND article_no IN ({', '.join(str(int(n)) for n in nos)})"


def _tables(data: Any) -> list[Any]:
    """A table, a file of one (a worker's Arrow IPC or Parquet part), or a list of them, as a list of tables."""
    return [_read_part(str(d)) if isinstance(d, (str, Path)) else d for d in (data if isinstance(data, list) else [data])]


def _read_part(path: str) -> Any:
    """A batch's table from a file: Arrow IPC (``.arrow``, from a local pool worker; memory-mapped, not copied) or
    Parquet (from a Dask worker)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if path.endswith(".arrow"):
            with pa.memory_map(path) as source:
                return pa.ipc.open_file(source).read_all()
        return pq.read_table(path)
    except OSError as exc:
        raise StoreError(f"cannot read the partition {path}: {exc}; is the staging folder shared with the "
                         "workers?") from exc


def _arrow_sql(t: Any) -> str:
    import pyarrow as pa

    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_integer(t):
        return "BIGINT"
    if pa.types.is_floating(t):
        return "DOUBLE"
    if pa.types.is_date(t):
        return "DATE"
    return "VARCHAR"
