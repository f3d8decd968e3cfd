"""The staged term counts: the rows the store's ``term_stage`` holds, made where the counts are made.

A batch's term counts (:func:`framing.compare.terms.terms_arrow`: one row per article and term) are staged with the
keys of the term tables' cell their article belongs to (the date as its month) and the term's part (:func:`term_parts`),
sorted by part, so that :meth:`framing.corpus.store.Store.add_terms` only appends them. The worker that analysed the
batch makes them (:mod:`framing.corpus.worker`), beside the articles table they are keyed from; the store makes them
the same way for the counts it makes itself (a batch without the workers' counts, a store's texts counted again).
Shared by the two, and light: no DuckDB, no pandas.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

# The term-count tables and their keys: what the Word choice page filters and groups by, without the event and the
# day (most events and days hold a handful of articles: a term table keyed by them would be about as large as the
# articles' own term counts). A filter or grouping on them counts the selected articles' texts instead. The staged
# rows carry the finer keys, ``terms_month``'s.
TERM_TABLES: dict[str, tuple[str, ...]] = {"terms": ("source", "leaning", "topic", "language"),
                                           "terms_month": ("source", "leaning", "topic", "language", "date")}

# The staged rows are in this many parts by the term (:func:`term_parts`), so that the store sums a few parts at a time
# and every sum is within one part (framing.corpus.store.Store.fold_terms).
STAGE_PARTS = 64

# A staged row's columns (the store's ``term_stage``): the cell's keys, then the article's count of the term.
COUNT_COLUMNS = ("article_id", "term", "n", "start", "end")
STAGE_COLUMNS = (*TERM_TABLES["terms_month"], *COUNT_COLUMNS, "part")


def term_parts(terms: Any) -> Any:
    """The part of each term of the Arrow string array ``terms`` (``uint8``, below :data:`STAGE_PARTS`): the CRC-32
    of its UTF-8 bytes. Any fixed function of the term would do, as long as every row of a stage has the same one
    (each term's rows are then in one part); this one is Python's own on any machine, and computed once per
    distinct term of the batch."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(terms, pa.ChunkedArray):
        terms = terms.combine_chunks()
    coded = pc.dictionary_encode(terms)
    parts = [zlib.crc32(b) % STAGE_PARTS for b in coded.dictionary.cast(pa.binary()).to_pylist()]
    return pa.array(parts, pa.uint8()).take(coded.indices)


def stage_rows(counts: Any, articles: Any) -> Any:
    """The staged rows of the term counts ``counts`` (an Arrow table with :data:`COUNT_COLUMNS`): each row with the
    keys of its article's cell read from ``articles`` (an Arrow table of articles rows with ``article_id``; a key it
    lacks is NULL; the date as the first day of its month, as the store's SQL gives it) and its term's part, sorted by
    part. A row whose article ``articles`` lacks is left out (it has no cell)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    row = pc.index_in(counts.column("article_id"), value_set=articles.column("article_id"))
    if row.null_count:
        counts = counts.filter(pc.is_valid(row))
        row = row.drop_null()
    cols: dict[str, Any] = {}
    for key in (*TERM_TABLES["terms_month"], "article_id"):
        typ = pa.date32() if key == "date" else pa.string()
        col = articles.column(key).combine_chunks() if key in articles.column_names else pa.nulls(len(articles), typ)
        if col.type != typ:  # (a timestamp's day, as SQL's CAST gives it)
            col = col.cast(typ, safe=False)
        # each article's value made once, then taken by its rows; a string as a dictionary, so that a row holds an
        # index rather than a copy of it (less for the worker to write and the run process to read and append)
        cols[key] = (pc.floor_temporal(col, unit="month") if key == "date" else pc.dictionary_encode(col)).take(row)
    for c in COUNT_COLUMNS[1:]:
        cols[c] = counts.column(c)
    cols["part"] = term_parts(counts.column("term"))
    table = pa.table(cols)
    return table.take(pc.sort_indices(table.column("part")))


def is_staged(table: Any) -> bool:
    """Does this Arrow table hold staged rows (:func:`stage_rows`), or only the counts?"""
    return set(STAGE_COLUMNS) <= set(table.column_names)


def by_part(pieces: Sequence[Any]) -> Any:
    """Staged tables, each sorted by part (:func:`stage_rows`), as one table sorted by part: slices of each piece in
    order of part, nothing copied. The store appends a commit's rows in order of part, so that a fold's query for a
    few parts reads only their row groups; a commit holds several batches, each sorted by its worker."""
    import numpy as np
    import pyarrow as pa

    pieces = [p for p in pieces if p.num_rows]
    if len(pieces) <= 1:
        return pieces[0] if pieces else None
    ends = [np.searchsorted(p.column("part").to_numpy(), np.arange(STAGE_PARTS + 1)) for p in pieces]
    return pa.concat_tables([p.slice(e[k], e[k + 1] - e[k]) for k in range(STAGE_PARTS)
                             for p, e in zip(pieces, ends, strict=True) if e[k + 1] > e[k]])
