"""Article fields and how input columns map to them: the usual names of each field, the names reserved for the
articles table, and :class:`Mapping` (the column names a user gives, and the options of the tabular formats).
Shared by the readers (:mod:`framing.corpus.formats`) and the record builder (:mod:`framing.corpus.ingest`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from framing.errors import ConfigError, from_options

FIELDS = ("id", "text", "source", "date", "title", "url", "event", "topic", "leaning")
# The usual column names of each field, in order of preference; matched case-insensitively. Besides the plain names,
# those of the tools researchers export from: news-please (maintext, source_domain, date_publish), Media Cloud
# (stories_id, story_text, media_name, publish_date) and GDELT's GKG and event tables (GKGRECORDID,
# SourceCommonName, DocumentIdentifier, DATE).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "stories_id", "gkgrecordid"),
    "text": ("text", "content", "body", "maintext", "story_text", "article_text", "full_text"),
    "source": ("source", "outlet", "publisher", "media_name", "source_domain", "sourcecommonname", "sitename"),
    "date": ("date", "published", "published_at", "publication_date", "pub_date", "publish_date", "date_publish",
             "datepublished"),
    "title": ("title", "headline"),
    "url": ("url", "link", "documentidentifier"),
    "event": ("event", "event_id"),
    "topic": ("topic",),
    "leaning": ("leaning",),
}
META_FIELDS = ("title", "date", "url", "event", "topic", "leaning")
# The earliest year of an article's date: an earlier one is a typo or a placeholder ("0001-11-30"), read as no date.
# 1800 keeps the digitised newspaper archives (the New York Times' goes back to 1851).
MIN_YEAR = 1800
# The latest: a later one is a typo ("2620" for "2026"). A fixed year, not "next year": the same input reads the same
# on any day (the output is deterministic), and the report's date groups end there too (framing.compare.groups).
MAX_YEAR = 2100
# Input fields with these names would collide with columns of the articles table; they are kept as input_<name>.
RESERVED = frozenset((
    "id", "text", "source", "article_id", "content_hash", "findings", "metrics", "versions", "warnings", "meta",
    "n_words", "n_sentences", "language", "polarity", "subjectivity", "n_warnings", "run_id", "versions_key",
    "origin",
))


@dataclass(frozen=True, slots=True)
class Mapping:
    """How input columns map to article fields, and the options of the tabular formats.

    A field left as ``None`` is taken from the first of its usual names (:data:`CANDIDATES`) that a record has.
    ``group_by`` joins consecutive rows with the same value of that column into one article (sentences of
    BASIL), ordered by ``paragraph_field`` then ``order_by``; sentences of one paragraph are joined with a
    space, paragraphs with a blank line. ``metadata`` is a CSV/TSV/JSONL/Parquet file whose rows are joined to
    the records by ``metadata_key`` (a column of the metadata file matched to the article id), filling fields
    the records lack (the publisher and date of PolNeAR's text files).
    """

    id: str | None = None
    text: str | None = None
    source: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    event: str | None = None
    topic: str | None = None
    leaning: str | None = None
    delimiter: str | None = None
    date_format: str | None = None
    group_by: str | None = None
    paragraph_field: str | None = None
    order_by: str | None = None
    metadata: str | None = None
    metadata_key: str | None = None

    def __post_init__(self) -> None:
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ConfigError(f"the CSV delimiter must be one character, not {self.delimiter!r}")
        if (self.paragraph_field or self.order_by) and not self.group_by:
            raise ConfigError("paragraph_field and order_by need group_by (the column that names the article)")
        if self.metadata_key and not self.metadata:
            raise ConfigError("metadata_key needs metadata (the file to join)")

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mapping:
        return from_options(cls, d, "mapping option")


def find_field(keys: Sequence[str], names: Iterable[str]) -> str | None:
    """The first of ``names`` among ``keys`` (exact match first, then case-insensitive)."""
    lower: dict[str, str] = {}
    for k in keys:
        lower.setdefault(k.lower(), k)
    keyset = set(keys)
    for n in names:
        if n in keyset:
            return n
        found = lower.get(n.lower())
        if found is not None:
            return found
    return None


def resolve_fields(keys: Sequence[str], mapping: Mapping) -> dict[str, str | None]:
    """The column of ``keys`` each article field is read from: the one the mapping names, else the first of the
    field's usual names present (None: no column of ``keys`` is that field)."""
    return {f: find_field(keys, (explicit,) if (explicit := getattr(mapping, f)) else CANDIDATES[f]) for f in FIELDS}
