"""Actor labels in one article: each mention of a label of the ``actor_labels`` lexicon, and the same summed per
label (what a store keeps per article, so that the Word choice page's labels table is a sum over the selected
articles instead of every text read and matched again).

Pure functions of a prepared document (:func:`framing.text.document.prepare`) and the article's quotations; no
pandas, so that corpus workers can count labels beside the analysis without loading the comparison layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from framing.detect.loaded_terms import inside
from framing.findings import QUOTED_KINDS
from framing.lexicons import Lexicon

# What :func:`label_counts` counts: a store keeps the version it counted with and counts again when it changes.
COUNT_DEFINITION = "1"

# One row per article and label: the columns of a store's ``article_labels`` table, with their DuckDB types.
COUNT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("concept", "VARCHAR"), ("label", "VARCHAR"), ("weight", "DOUBLE"), ("n", "INTEGER"),
    ("quoted", "INTEGER"), ("scare", "INTEGER"), ("first_start", "INTEGER"), ("first_end", "INTEGER"),
    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"))


class Mention(NamedTuple):
    """One label in the text: its concept (the lexicon's category), the entry's base form, weight and neutral label,
    its offsets, whether it is inside a quotation (any kind but scare) or inside scare quotes, and its sentence."""

    concept: str
    label: str
    weight: float
    neutral: str | None
    start: int
    end: int
    quoted: bool
    scare: bool
    sentence_start: int
    sentence_end: int


Spans = Callable[[int, int], bool]  # "is [s, e) inside one of the spans" (framing.detect.loaded_terms.inside)


def quote_spans(quotes: Iterable[tuple[int, int, str]]) -> tuple[Spans, Spans]:
    """The quotations (``(start, end, kind)``) as the spans that make a label quoted, and those of scare quotes."""
    quoted, scare = [], []
    for s, e, kind in quotes:
        if kind in QUOTED_KINDS:
            quoted.append((s, e))
        elif kind == "scare":
            scare.append((s, e))
    return inside(sorted(quoted)), inside(sorted(scare))


def group_quotes(rows: Iterable[tuple[Any, Any, Any, Any, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    """Findings rows ``(article_id, type, start, end, kind)`` as each article's quotations ``(start, end, kind)``."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for a, t, s, e, kind in rows:
        if t == "quote":
            out.setdefault(str(a), []).append((int(s), int(e), str(kind)))
    return out


def mentions(doc: Any, lexicon: Lexicon, quoted: Spans, scare: Spans) -> Iterator[Mention]:
    """Every label of ``lexicon`` in the prepared document ``doc``, in text order."""
    text = doc.text
    for m in lexicon.find(doc.words, text, doc.tok_start, doc.tok_end):
        s, e = doc.tok_start[m.first], doc.tok_end[m.last]
        k = doc.sentence_of(s)
        ss, se = (doc.sentences[k].start, doc.sentences[k].end) if k >= 0 else (0, min(len(text), e + 200))
        yield Mention(m.entry.category, m.entry.term, m.entry.weight, m.entry.neutral, s, e, quoted(s, e), scare(s, e),
                      ss, se)


def label_counts(article_id: str, found: Iterable[Mention]) -> list[tuple[Any, ...]]:
    """The mentions summed per label (rows of :data:`COUNT_COLUMNS`, ordered by concept and label): how many, how
    many quoted and in scare quotes, and the first mention's offsets and sentence."""
    rows: dict[tuple[str, str], list[Any]] = {}
    for m in found:
        row = rows.get((m.concept, m.label))
        if row is None:
            rows[(m.concept, m.label)] = [article_id, m.concept, m.label, m.weight, 1, int(m.quoted), int(m.scare),
                                          m.start, m.end, m.sentence_start, m.sentence_end]
        else:
            row[4] += 1
            row[5] += int(m.quoted)
            row[6] += int(m.scare)
    return [tuple(rows[k]) for k in sorted(rows)]


def count_labels(article_id: str, doc: Any, lexicon: Lexicon, quotes: Sequence[tuple[int, int, str]]
                 ) -> list[tuple[Any, ...]]:
    """:func:`label_counts` of the labels in ``doc`` with these quotations."""
    quoted, scare = quote_spans(quotes)
    return label_counts(article_id, mentions(doc, lexicon, quoted, scare))


def count_texts(ids: Sequence[str], texts: Sequence[str | None], quotes: dict[str, list[tuple[int, int, str]]],
                lexicon: Lexicon) -> Any:
    """:func:`count_labels` of these texts (each prepared here) with their articles' ``quotes``, as
    :func:`labels_arrow`'s table; a missing text counts nothing."""
    from framing.text.document import prepare

    return labels_arrow([r for a, text in zip(ids, texts, strict=True) if isinstance(text, str)
                         for r in count_labels(a, prepare(text), lexicon, quotes.get(a, ()))])


def labels_arrow(rows: Sequence[tuple[Any, ...]]) -> Any:
    """Rows of :data:`COUNT_COLUMNS` as an Arrow table (what a worker hands to the store)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "DOUBLE": pa.float64(), "INTEGER": pa.int32()}
    columns = list(zip(*rows)) if rows else [()] * len(COUNT_COLUMNS)
    return pa.Table.from_arrays([pa.array(list(v), type=types[t]) for v, (_, t) in zip(columns, COUNT_COLUMNS)],
                                names=[c for c, _ in COUNT_COLUMNS])
