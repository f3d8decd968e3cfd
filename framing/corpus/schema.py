"""The store's tables, column by column: shared by the workers (which build rows) and the store (which keeps them).

``articles`` is the articles table of :mod:`framing.tables` with real columns for the usual metadata, the other
input fields as JSON (``meta``), and the provenance of each row. ``findings`` is
:func:`framing.detectors.finding_columns` plus ``seq``, the finding's position in its report; its ``explanation``
is computed by DuckDB from the other columns when read (:func:`framing.detectors.explanation_sql`), not stored. ``records`` is the ledger: one row per input
item per run, saying what became of it. Count columns follow :func:`framing.detectors.count_columns`; a column the
engine adds later is added to the store when it first appears.
"""

from __future__ import annotations

from typing import Any

from framing import detectors

# The usual metadata: real columns, so that filters on them are fast.
ARTICLE_HEAD: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("source", "VARCHAR"), ("title", "VARCHAR"), ("date", "DATE"), ("url", "VARCHAR"),
    ("event", "VARCHAR"), ("topic", "VARCHAR"), ("leaning", "VARCHAR"), ("meta", "JSON"),
)
# Provenance and the full report parts that the tidy table leaves out.
ARTICLE_TAIL: tuple[tuple[str, str], ...] = (
    ("warnings", "JSON"), ("metrics", "JSON"), ("text", "VARCHAR"), ("content_hash", "VARCHAR"),
    ("versions_key", "VARCHAR"), ("run_id", "INTEGER"), ("origin", "VARCHAR"),
)
META_COLUMNS = tuple(c for c, _ in ARTICLE_HEAD[2:8])
# The store's own number for each article, given in the order articles are written, and kept by its findings too: the
# findings of the articles written together lie together, so an article's findings are found through the zone maps of
# one integer column instead of a scan of every finding's id. The store's, not the data's: the workers do not write it
# and exports leave it out.
ARTICLE_NO = ("article_no", "BIGINT")
INTERNAL_COLUMNS = frozenset(c for c, _ in ARTICLE_TAIL) | {"meta", ARTICLE_NO[0]}

RECORD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("run_id", "INTEGER"), ("seq", "BIGINT"), ("origin", "VARCHAR"), ("article_id", "VARCHAR"),
    ("content_hash", "VARCHAR"), ("status", "VARCHAR"), ("detail", "VARCHAR"),
)
# What became of an input item in a run: the four add up to the run's input count.
STATUSES = ("analysed", "up_to_date", "duplicate", "error")
# A run session's count (in the manifest's timings.sessions) of the duplicates that came with another source than the
# stored copy of their text: the run summary and the corpora read from a store say it
OTHER_SOURCE = "duplicates_other_source"


def metric_columns() -> list[tuple[str, str]]:
    """The per-article figures of the tidy articles table, with their SQL types."""
    return [("n_words", "BIGINT"), ("n_sentences", "BIGINT"), ("language", "VARCHAR"), *detectors.count_columns(),
            ("n_warnings", "BIGINT")]


def metric_columns_names() -> list[str]:
    return [c for c, _ in metric_columns()]


def article_columns() -> list[tuple[str, str]]:
    return [*ARTICLE_HEAD, *metric_columns(), *ARTICLE_TAIL]


def finding_columns(*, computed: bool = False) -> list[tuple[str, str]]:
    """The columns of the findings table that workers write; with ``computed``, also the ``explanation`` column
    that DuckDB computes on read (its type is then the column's whole SQL definition)."""
    out = [("article_id", "VARCHAR"), ("seq", "INTEGER")]
    for c, t in detectors.finding_columns():
        if c == "explanation":
            if computed:
                out.append((c, f"VARCHAR GENERATED ALWAYS AS ({detectors.explanation_sql()}) VIRTUAL"))
        elif c != "article_id":
            out.append((c, t))
    return out


def sql_type(values: list[Any]) -> str:
    """The SQL type of a column the schema does not know yet, from its values."""
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool}:
        return "BOOLEAN"
    if kinds and kinds <= {int}:
        return "BIGINT"
    if kinds and kinds <= {int, float}:
        return "DOUBLE"
    return "VARCHAR"


def arrow_type(sql: str) -> Any:
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "JSON": pa.string(), "DATE": pa.date32(), "BIGINT": pa.int64(),
            "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}[sql]


def arrow_table(columns: dict[str, list[Any]], known: dict[str, str]) -> Any:
    """An Arrow table from column lists, typed by ``known`` (column -> SQL type) or from the values."""
    import pyarrow as pa

    arrays, names = [], []
    for name, values in columns.items():
        arrays.append(pa.array(values, type=arrow_type(known.get(name) or sql_type(values))))
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)
