"""Articles a user pastes or uploads (in the dashboard): read with a size limit, analysed with the same engine.

:func:`parse_upload` reads the bytes of an uploaded file of any format ``framing run`` reads
(:data:`~framing.corpus.formats.FORMATS`: ``.txt`` and ``.html`` are one article; ``.csv``/``.tsv``, ``.parquet``
and ``.arrow`` one article per row, ``.jsonl`` one per line, ``.json`` one or an array), each as it is or gzipped
(``.jsonl.gz``), with the readers of :mod:`framing.corpus.ingest`, so that an upload is read exactly as ``framing
run`` reads the same file: it returns the articles and, for every line or row that cannot be analysed, an error
naming the file and line. A gzipped upload is decompressed first, never beyond the size limit.

A file of rows or objects also lists its columns (:attr:`Parsed.columns`); when its text or outlet is not under one
of the usual names, the page lets the user choose the columns, and the file is read again with that field mapping
(``mapping``: a :class:`~framing.corpus.fields.Mapping`, what ``framing run``'s ``--text-field``... options give).
The messages say what to choose on the page, never an option of the CLI.

:func:`parse_pasted` makes one article of pasted text. A whole file that cannot be used (too large, also once
decompressed; empty, binary, a truncated or corrupt ``.gz``, of another type) raises
:class:`~framing.errors.InputError` with a message that says why and what to do. :func:`analyse_records` analyses
the articles, reporting progress, into a :class:`~framing.compare.corpus.Corpus` that the comparison functions take.

Does not: read other compressions (``.zip``, ``.bz2``, ``.xz``..., which ``framing run`` does not read either); read
a folder, or a file larger than :data:`MAX_UPLOAD_BYTES` once decompressed (``framing run`` reads those); choose
the delimiter, group rows into articles or join a metadata file (options of ``framing run`` that the page does not
offer); keep anything on disk (the upload is written to a temporary folder for the reader and removed at once); or
keep the records before the cut of a truncated ``.gz`` as ``framing run`` does (the upload is refused: it is most
often a broken transfer).
"""

from __future__ import annotations

import gzip
import io
import re
import tempfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.config import RECORD_SECONDS
from framing.corpus.fields import Mapping, resolve_fields
from framing.corpus.formats import why
from framing.corpus.ingest import BINARY_FORMATS, FORMATS, Column
from framing.errors import InputError
from framing.records import Record, RecordError, input_warnings

if TYPE_CHECKING:
    from framing.compare.corpus import Corpus
    from framing.lexicons import Lexicons

# 10 MB: about 2,000 long news articles (5 KB each), which the engine analyses in well under a minute on one
# core, with a progress bar; a larger corpus belongs in a store built by `framing run`, which is resumable and
# parallel. The dashboard's server refuses larger uploads too (server.maxUploadSize).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# At most this many articles from one upload: 10 MB of very short records (one sentence each) would otherwise be
# tens of thousands of analyses; 2,000 keeps the wait under a minute or so whatever the file.
MAX_UPLOAD_ARTICLES = 2000
# What can be uploaded, by file suffix (lower case), and the reader's format: every format the engine reads.
UPLOAD_TYPES = FORMATS
# The suffixes the upload widget takes: every format, and .gz (gzipped; upload_suffix says which formats may be
# inside). ".gz" rather than ".jsonl.gz", ".csv.gz"...: a browser's file dialog may filter by the last suffix only.
UPLOAD_SUFFIXES = (*UPLOAD_TYPES, ".gz")
# Compressions other than gzip: refused by name, with what to do instead.
_OTHER_COMPRESSIONS = (".bz2", ".xz", ".zip", ".zst", ".7z", ".tgz")
# A pasted text is one article; the same limit as a file, in characters.
MAX_PASTED_CHARS = MAX_UPLOAD_BYTES

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

# Where the page lets the user choose which column holds the text, the source, the date and the title (the options
# --text-field, --source-field... of `framing run`).
FIELDS_SECTION = "Fields"
# The reader's messages say how to fix a problem with an option of `framing run`, which the page does not have: what
# the page says instead. tests/dashboard/test_uploads.py checks that no upload message names an option.
_PAGE_WORDS = (
    (re.compile(r"give the text (column|field) with --text-field NAME"),
     rf'choose the column that holds the text under "{FIELDS_SECTION}"'),
    (re.compile(r"give the format, e\.g\. --date-format (%[^\s;]+)"
                r"|give its format with --date-format \(e\.g\. ([^)]+)\)"),
     lambda m: f'give its format under "{FIELDS_SECTION}" (Date format, e.g. {m[1] or m[2]})'),
    (re.compile(r"give --delimiter ('[^']*')"),
     r"save the file with that delimiter replaced by commas (.csv) or tabs (.tsv)"),
)


def _on_the_page(message: str) -> str:
    """A reader's message as the page says it: what to choose on the page rather than an option of ``framing run``."""
    for pattern, words in _PAGE_WORDS:
        message = pattern.sub(words, message)  # type: ignore[arg-type]
    return message


@dataclass(frozen=True)
class Parsed:
    """What an upload holds: the articles to analyse and the lines or rows that cannot be (with the reason); for a
    file of rows or objects, also its columns and the mapping it was read with, which the page's field choice
    starts from."""

    records: tuple[Record, ...]
    errors: tuple[RecordError, ...] = ()
    columns: tuple[Column, ...] = ()  # empty for a one-article file (.txt, .html) and for pasted text
    mapping: Mapping = field(default_factory=Mapping)

    def messages(self) -> list[str]:
        return [e.message() for e in self.errors]

    def found(self) -> dict[str, str | None]:
        """The column each article field is read from (None: no column is that field), as the reader resolves it
        with the mapping; empty for a file without columns."""
        return resolve_fields([c.name for c in self.columns], self.mapping) if self.columns else {}

    def lacks(self, name: str) -> bool:
        """Has the file columns, none of which is the article field ``name`` (``"text"``, ``"source"``...)?"""
        return bool(self.columns) and self.found()[name] is None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def upload_suffix(name: str) -> str:
    """The suffix that decides how an upload is read: ``.jsonl`` for ``a.jsonl`` and for a gzipped ``a.jsonl.gz``.
    Other compressions, and types the engine does not read, raise :class:`InputError`."""
    low = name.lower().strip()
    gzipped = low.endswith(".gz")
    inner = low[:-3] if gzipped else low
    for comp in _OTHER_COMPRESSIONS:
        if inner.endswith(comp):
            raise InputError(f"{name}: {comp} files are not accepted; upload the file as it is, or gzipped (.gz), "
                             f"at most {_size(MAX_UPLOAD_BYTES)} once decompressed")
    suffix = Path(inner).suffix
    if suffix not in UPLOAD_TYPES:
        inside = " inside the .gz file" if gzipped else ""
        raise InputError(f"{name}: unsupported file type {suffix or '(no suffix)'!r}{inside}; upload one of "
                         f"{', '.join(UPLOAD_TYPES)}, each as it is or gzipped (e.g. .jsonl.gz) (.txt and .html: one "
                         "article; the others: one article per row or line, with a text field)")
    return suffix


def _gunzip(display: str, data: bytes, max_bytes: int) -> bytes:
    """The decompressed content of a gzipped upload, decompressed incrementally up to ``max_bytes`` + 1 bytes and no
    further: a file that holds more is refused as soon as it is known to (a gzip "bomb" of a few KB that holds
    gigabytes costs milliseconds and ``max_bytes`` of memory). A truncated or corrupt file is refused as a whole,
    where ``framing run`` keeps the records before a cut: an upload that ends early is most often a broken transfer,
    and half a file analysed would look like all of it."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as fh:
            out = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:  # (gzip.BadGzipFile is an OSError)
        raise InputError(f"{display}: cannot read the gzip file: {why(exc)}; upload the whole file again, gzipped or "
                         "uncompressed") from exc
    if len(out) > max_bytes:
        raise InputError(f"{display}: decompressed, the file holds more than the limit of {_size(max_bytes)}; split "
                         "the file, or analyse it with `framing run` and open the store with `framing dashboard --db`")
    return out


def parse_upload(name: str, data: bytes, *, mapping: Mapping | None = None,
                 max_bytes: int = MAX_UPLOAD_BYTES, max_articles: int = MAX_UPLOAD_ARTICLES) -> Parsed:
    """The articles in an uploaded file's bytes, and an error for each line or row that cannot be analysed.

    A gzipped file (``.jsonl.gz``) is decompressed first, at most ``max_bytes`` of it: the limits and checks apply
    to what it holds. ``mapping`` names the columns of the article fields, as ``framing run``'s options do; the
    columns a file of rows or objects has are in :attr:`Parsed.columns`. Errors name the uploaded file and the line
    (``articles.csv:4: no text field ...``), and say what to choose on the page rather than an option of
    ``framing run``. Raises :class:`InputError` when the file as a whole cannot be used.
    """
    from framing.corpus.ingest import input_columns, read_inputs

    display = Path(name).name or "upload"
    suffix = upload_suffix(display)
    if len(data) > max_bytes:
        raise InputError(f"{display}: {_size(len(data))} is more than the limit of {_size(max_bytes)}; split the "
                         "file, or analyse it with `framing run` and open the store with `framing dashboard --db`")
    gzipped = display.lower().endswith(".gz")
    if gzipped:
        data = _gunzip(display, data, max_bytes)
    if not data.strip():
        raise InputError(f"{display}: the file is empty")
    if UPLOAD_TYPES[suffix] not in BINARY_FORMATS and b"\x00" in data[:4096]:
        raise InputError(f"{display}: this looks like a binary file (it contains NUL bytes), not text; upload "
                         f"one of {', '.join(UPLOAD_TYPES)}")
    stem = _SAFE_NAME.sub("_", display[: -len(suffix) - (3 if gzipped else 0)]).strip("._") or "upload"
    records: list[Record] = []
    errors: list[RecordError] = []
    with tempfile.TemporaryDirectory(prefix="framing-upload-") as tmp:
        path = Path(tmp) / f"{stem}{suffix}"
        path.write_bytes(data)
        prefix = str(path)
        for item in read_inputs([str(path)], mapping):
            origin = display + item.origin[len(prefix):] if item.origin.startswith(prefix) else item.origin
            if isinstance(item, RecordError):
                errors.append(RecordError(origin, _on_the_page(item.reason), item.id))
            elif len(records) >= max_articles:
                errors.append(RecordError(origin, f"not analysed: an upload holds at most {max_articles:,} articles",
                                          item.id))
            else:
                warnings = tuple(_on_the_page(w.replace(prefix, display)) for w in item.warnings)
                records.append(Record(item.id, item.text, item.source, origin, item.meta, warnings))
        columns = input_columns(str(path), mapping, limit=max_articles)
    if not records and not errors:
        raise InputError(f"{display}: no article found in the file")
    return Parsed(tuple(records), tuple(errors), columns, mapping or Mapping())


def parse_pasted(text: str, *, title: str | None = None, source: str | None = None,
                 max_chars: int = MAX_PASTED_CHARS) -> Parsed:
    """One article from pasted text (its id comes from its content). Raises :class:`InputError` when there is
    nothing to analyse or the text is too long."""
    from framing.corpus.ingest import clean_text, hash_id, unusable

    if len(text) > max_chars:
        raise InputError(f"the pasted text has {len(text):,} characters, more than the limit of {max_chars:,}; "
                         "upload it as a file, or analyse it with `framing run`")
    problem = unusable(text)
    if problem:
        raise InputError(f"the pasted text cannot be analysed: {problem}")
    text, cleaned = clean_text(text, "pasted text")
    meta: dict[str, Any] = {"title": title.strip()} if title and title.strip() else {}
    src = source.strip() if source and source.strip() else None
    return Parsed((Record(f"pasted-{hash_id(text)[:10]}", text, src, "pasted text", meta, tuple(cleaned)),))


def analyse_records(records: Sequence[Record], *, name: str = "your articles", lexicons: Lexicons | None = None,
                    progress: Callable[[int, int], None] | None = None, time_budget: float | None = RECORD_SECONDS,
                    failed: list[RecordError] | None = None) -> Corpus:
    """Analyse the articles with :func:`framing.analyse` into a corpus (tables, texts); ``progress(done, total)``
    is called after each article. An article the engine cannot analyse (over ``time_budget`` seconds, or an error
    of the engine) is left out and appended to ``failed`` with the reason; with no ``failed`` list given, or when
    no article could be analysed, :class:`InputError` says why."""
    from framing.compare.corpus import corpus_from_reports
    from framing.report import analyse, failure_reason

    reports = []
    bad: list[RecordError] = []
    total = len(records)
    for i, rec in enumerate(records, 1):
        try:
            report = analyse(rec.text, id=rec.id, source=rec.source, lexicons=lexicons, meta=rec.meta,
                             time_budget=time_budget)
        except Exception as exc:  # over its budget, or an engine bug: the other articles of the upload go on
            bad.append(RecordError(rec.origin, failure_reason(exc), rec.id))
            continue
        finally:
            if progress is not None:
                progress(i, total)
        d = report.to_dict(include_text=True)
        d["warnings"] = input_warnings(rec.warnings, d["warnings"])
        reports.append(d)
    if bad and (failed is None or not reports):
        raise InputError("; ".join(e.message() for e in bad[:3]) + (f" (and {len(bad) - 3:,} more)" if len(bad) > 3
                                                                    else ""))
    if failed is not None:
        failed.extend(bad)
    if not reports:
        raise InputError("no article to analyse")
    return corpus_from_reports(reports, name=name, origin="memory")
