"""Reading corpora: JSONL, CSV/TSV, Parquet, folders of ``.txt`` files and saved HTML pages (each also ``.gz``).

:func:`read_inputs` turns input paths into a stream of :class:`~framing.records.Record` (one article) and
:class:`~framing.records.RecordError` (one input item that cannot be analysed, with its file, line and reason).
Reading never stops at a bad record, and every input item yields exactly one of the two, so a run can account
for all of them. An *input item* is a line of JSONL, a data row of CSV or Parquet (a group of rows with
``group_by``), a file of a folder, a single ``.txt`` or HTML file -- or a file, or the rest of one, that cannot be
read at all (a truncated ``.gz``, a Parquet file without a text column), which is one item.

Field names are mapped by :class:`Mapping`: each article field (``text``, ``id``, ``source``, ``date``, ``title``,
``url``, ``event``, ``topic``, ``leaning``) is read from the column the mapping names, or from the first of the
usual names in :data:`CANDIDATES` that the record has (case-insensitive). Every other scalar field is kept in the
record's ``meta`` under its own name. Dates become ISO ``YYYY-MM-DD``; an article without an id gets one from its
content hash, so the id is stable whatever the file or line.

Does not: read a JSON array file (use JSONL), guess an ambiguous day/month order ("04/05/2020" needs
``date_format``), fetch anything from the network (HTML pages are read from local files only), or detect
near-duplicates (only texts equal up to white space are duplicates).
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from framing.errors import ConfigError, InputError, from_options
from framing.records import Record, RecordError
from framing.text.html import EXTRACTED, html_text
from framing.text.html import extract as extract_html

FIELDS = ("id", "text", "source", "date", "title", "url", "event", "topic", "leaning")
# The usual column names of each field, in order of preference; matched case-insensitively.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "content", "body"),
    "source": ("source", "outlet", "publisher"),
    "date": ("date", "published", "published_at", "publication_date", "pub_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "event": ("event", "event_id"),
    "topic": ("topic",),
    "leaning": ("leaning",),
}
META_FIELDS = ("title", "date", "url", "event", "topic", "leaning")
# Input fields with these names would collide with columns of the articles table; they are kept as input_<name>.
RESERVED = frozenset((
    "id", "text", "source", "article_id", "content_hash", "findings", "metrics", "versions", "warnings", "meta",
    "n_words", "n_sentences", "polarity", "subjectivity", "n_warnings", "run_id", "versions_key", "origin",
))

# A text with more than this share of control characters (other than newlines, tabs and form feeds) is taken to
# be binary: real text has almost none, while compressed or binary files are full of them.
_BINARY_SHARE = 0.05
# No CSV field is longer than this many characters. 10 million characters is ~50 times the longest real article
# we have seen; the limit stops an unbalanced quotation mark from reading a whole file into one field.
_CSV_MAX_FIELD = 10_000_000
# Rows read from a Parquet file at a time: small enough to keep memory bounded, large enough to be fast.
_PARQUET_BATCH = 1024
# The one list of input formats, by file suffix (lower case), read by `framing analyse`, `framing run` and the
# dashboard's uploads alike; each may also be gzip-compressed (.gz) except in uploads.
FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet", ".txt": "txt",
    ".html": "html", ".htm": "html",
}
BINARY_FORMATS = frozenset(("parquet",))  # formats whose files are not text
_HASH_CHUNK = 1 << 20
# Compressed bytes of a .gz input decompressed to estimate its record count (the progress bar's total): counting
# every line would decompress the whole file once more before the run starts; the lines in the first 8 MB, scaled by
# the file's size, are close on real corpora, and exact for files smaller than that.
_COUNT_SAMPLE = 8 << 20
# Control characters other than \t \n \f \r, as bytes: in UTF-8 each is one byte that no other character's
# encoding contains, so deleting them from a text's encoding and comparing lengths counts them, in C (faster than a
# regular expression: docs/design-measurements.md).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])


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


@dataclass(frozen=True, slots=True)
class InputInfo:
    """One input path as a run's manifest records it."""

    path: str
    format: str
    bytes: int
    sha256: str
    files: int = 1
    records: int | None = None  # an estimate for the progress bar (lines, rows or files); None when unknown

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- helpers of the readers ----------------------------------------------------------------------------------------


def text_lines(fh: Iterable[bytes]) -> Iterator[tuple[str, bool]]:
    """Lines of a binary stream decoded as UTF-8, each with a flag: was it invalid UTF-8 (bytes replaced)?"""
    for raw in fh:
        try:
            yield raw.decode("utf-8"), False
        except UnicodeDecodeError:
            yield raw.decode("utf-8", errors="replace"), True


def binary_head(fh: Any) -> str | None:
    """Why a JSON-lines stream is binary rather than text, judged on its first 8 KB (peeked, not consumed), or None.
    JSON escapes every control character, so more than a few raw control bytes (NUL included) mean a compressed or
    binary file under a JSONL name: one error for the file, not one per line of garbage. A stray control byte in an
    otherwise good file stays an error of its line."""
    peek = getattr(fh, "peek", None)
    head = peek(8192)[:8192] if peek is not None else b""
    if not head:
        return None
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if ctrl / len(head) > _BINARY_SHARE:
        return "looks like a binary file, not JSON lines (a gzipped file needs the .gz suffix)"
    return None


def jsonl_objects(lines: Iterable[tuple[str, bool]], origin: str) -> Iterator[tuple[str, dict[str, Any] | str, bool]]:
    """``(where, object or reason, bad_utf8)`` for every non-blank line; ``where`` is ``origin:line``."""
    for lineno, (line, bad_utf8) in enumerate(lines, 1):
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg  # "Invalid control character at"
            yield where, f"not valid JSON ({msg} at column {exc.colno})", bad_utf8
            continue
        except RecursionError:
            yield where, "not readable: the JSON is nested too deeply (thousands of brackets)", bad_utf8
            continue
        if not isinstance(obj, dict):
            yield where, f"expected a JSON object (one article per line), found {type(obj).__name__}", bad_utf8
            continue
        yield where, obj, bad_utf8


def unusable(text: str) -> str | None:
    """Why a text cannot be analysed at all, or None."""
    if not text.strip():
        return "empty text (nothing but whitespace)" if text else "empty text"
    sample = text[:10000]
    if "\x00" in sample:
        return "looks like binary data (NUL characters), not text"
    data = sample.encode("utf-8", "surrogatepass")
    ctrl = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if ctrl / len(sample) > _BINARY_SHARE:
        return f"looks like binary data ({ctrl} control characters in the first {len(sample)}), not text"
    return None


def unwrap_html(text: str, origin: str) -> tuple[str, str | None]:
    """The text to analyse: HTML-looking text becomes its extracted main text, with a warning naming ``origin``."""
    found = html_text(text)
    if found is None:
        return text, None
    return found[0], f"{origin}: {EXTRACTED}"


def clean_text(text: str, origin: str) -> tuple[str, list[str]]:
    """The text to analyse and its warnings, the same rule for every input path: HTML-looking text becomes its
    extracted main text; lone surrogates (invalid Unicode, which no database or file format accepts) become U+FFFD,
    one code point for one, so offsets are unchanged."""
    text, html = unwrap_html(text, origin)  # a page's extracted text never looks like HTML again
    warnings = [html] if html else []
    if _has_surrogates(text):
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{origin}: the text contained lone surrogates (invalid Unicode); each was replaced with "
                        "U+FFFD")
    return text, warnings


def field_string(value: Any, name: str) -> tuple[str | None, str | None]:
    """An id or source value as a string (None when missing or blank), or why it cannot be one: a string or a
    number is taken as written; an object, a list or true/false is refused rather than stored as Python's repr."""
    if value is None or (isinstance(value, float) and value != value):  # NaN from a table means missing
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = {"dict": "an object", "list": "a list", "bool": "true/false"}.get(type(value).__name__,
                                                                                 type(value).__name__)
        return None, f"the {name} field must be a string or a number, found {kind}"
    s = str(value).strip()
    return (s or None), None


def read_text_file(p: Path, id: str) -> Record | RecordError:
    """One ``.txt`` (or ``.txt.gz``) file as one article with the given id."""
    try:
        raw = _read_bytes(p)
    except (OSError, EOFError, zlib.error) as exc:
        return RecordError(str(p), f"cannot read the file: {_why(exc)}", id)
    warnings: tuple[str, ...] = ()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"\x00" in raw[:4096]:
            return RecordError(str(p), "looks like a binary file (NUL bytes), not text", id)
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("utf-8", errors="replace")
        warnings = (f"{p}:{line}: not valid UTF-8 (first bad byte at offset {exc.start}); bad bytes were replaced "
                    "with U+FFFD",)
    text = text.lstrip("\ufeff")
    problem = unusable(text)
    if problem:
        return RecordError(str(p), problem, id)
    text, html = unwrap_html(text, str(p))
    return Record(id, text, None, str(p), {}, warnings + ((html,) if html else ()))


# -- ids, hashes and dates ---------------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of white space made one space: the identity used to find duplicates."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", errors="surrogatepass")).hexdigest()


def hash_id(text: str) -> str:
    """The id of an article that has none: the first 16 hex digits of its content hash."""
    return content_hash(text)[:16]


_MONTH_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B, %Y",
                  "%A, %B %d, %Y", "%a, %d %b %Y", "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%Y%m%d")
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")


def parse_date(value: Any, fmt: str | None = None) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` or ``(None, why not)``. The date is the one written (no time zone conversion).

    Accepts ISO 8601 (with or without a time), RFC 2822 (``Mon, 04 May 2020 10:00:00 GMT``), written months
    (``4 May 2020``, ``May 4, 2020``), ``2020/05/04``, ``04.05.2020`` (day first), Unix timestamps (seconds or
    milliseconds) and ``datetime``/``date`` values. ``04/05/2020`` is day/month or month/day: it is accepted
    only when one of the two is above 12, otherwise give ``fmt`` (a :func:`~datetime.datetime.strptime` format).
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, bool):
        return None, f"not a date: {value!r}"
    if isinstance(value, (int, float)):
        ts = float(value)
        if 1e11 <= abs(ts) < 1e14:
            ts /= 1000.0  # milliseconds
        if 1e8 <= abs(ts) < 1e11:
            return dt.datetime.fromtimestamp(ts, dt.UTC).date().isoformat(), None
        return None, f"not a date: {value!r} (numbers are read as Unix timestamps)"
    s = str(value).strip()
    if fmt:
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat(), None
        except ValueError:
            return None, f"date {s!r} does not match the format {fmt!r}"
    try:
        return dt.datetime.fromisoformat(s.replace(" UTC", "+00:00")).date().isoformat(), None
    except ValueError:
        pass
    m = _SLASHED.fullmatch(s)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            a, b = b, a  # day first
        elif a <= 12 < b:
            pass  # month first
        else:
            return None, (f"ambiguous date {s!r} (day/month or month/day?); give the format, e.g. "
                          "--date-format %d/%m/%Y")
        try:
            return dt.date(year, a, b).isoformat(), None
        except ValueError:
            return None, f"not a valid date: {s!r}"
    for f in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(s, f).date().isoformat(), None
        except ValueError:
            continue
    try:
        parsed = email.utils.parsedate_to_datetime(s)
        if parsed is not None:
            return parsed.date().isoformat(), None
    except (TypeError, ValueError, IndexError):
        pass
    return None, f"unrecognised date {s!r}; give its format with --date-format (e.g. %d/%m/%Y)"


# -- reading -----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    """One input item before field mapping: its fields, and fields fixed by the format (a file's text and id)."""

    origin: str
    fields: dict[str, Any]
    fixed: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def read_inputs(paths: Sequence[str], mapping: Mapping | None = None) -> Iterator[Record | RecordError]:
    """Records and errors from every input path, in order; each input item gives exactly one of the two.

    Raises :class:`~framing.errors.InputError` before reading anything when a path does not exist or is of an
    unsupported type, and when the metadata file cannot be read.
    """
    mp = mapping or Mapping()
    check_inputs(paths)
    metadata = _load_metadata(mp) if mp.metadata else None
    builder = _Builder(mp, metadata)
    for path in paths:
        for item in _read_path(Path(path), mp):
            yield item if isinstance(item, RecordError) else builder.record(item)


def check_inputs(paths: Sequence[str]) -> None:
    """Raise :class:`~framing.errors.InputError` for a path that does not exist or has an unsupported type."""
    if not paths:
        raise InputError("no input given")
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file or folder")
        if p.is_file() and input_format(p) is None:
            raise InputError(f"{path}: unsupported input type; use {supported_inputs()}")


def input_format(p: Path) -> str | None:
    """The format of an input path (``folder`` for a directory), from its suffix; None when unsupported."""
    if p.is_dir():
        return "folder"
    name = p.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1])


def describe_inputs(paths: Sequence[str], mapping: Mapping | None = None) -> list[InputInfo]:
    """Format, size, SHA-256 and an estimated record count of every input (and of the metadata file)."""
    mp = mapping or Mapping()
    check_inputs(paths)
    out = [_describe(Path(p), mp) for p in paths]
    if mp.metadata:
        info = _describe(Path(mp.metadata), mp)
        out.append(InputInfo(info.path, "metadata", info.bytes, info.sha256, info.files, None))
    return out


def supported_inputs() -> str:
    """The input types, for messages."""
    return f"{', '.join(list(FORMATS)[:-1])} or {list(FORMATS)[-1]} (each may be .gz), or a folder of them"


def _describe(p: Path, mp: Mapping) -> InputInfo:
    fmt = input_format(p)
    if fmt is None:
        raise InputError(f"{p}: unsupported input type; use {supported_inputs()}")
    if fmt == "folder":
        h = hashlib.sha256()
        size = n = 0
        for f in _folder_files(p):
            digest, nbytes, _ = _hash_file(f, count_lines=False)
            h.update(f"{f.relative_to(p).as_posix()}\0{digest}\n".encode())
            size += nbytes
            n += 1
        return InputInfo(str(p), fmt, size, h.hexdigest(), n, n)
    digest, nbytes, lines = _hash_file(p, count_lines=fmt in ("jsonl", "csv"))
    records: int | None = None
    if mp.group_by:
        records = None
    elif fmt == "jsonl":
        records = lines
    elif fmt == "csv":
        records = max(lines - 1, 0) if lines is not None else None
    elif fmt == "parquet":
        records = _parquet_rows(p)
    else:
        records = 1
    return InputInfo(str(p), fmt, nbytes, digest, 1, records)


def _hash_file(p: Path, *, count_lines: bool) -> tuple[str, int, int | None]:
    """SHA-256 and size of the file's bytes, and (if asked) the number of lines of its decompressed content: exact
    for a plain file, and for a ``.gz`` file estimated from its first ``_COUNT_SAMPLE`` compressed bytes (exact when
    the file is no larger)."""
    h = hashlib.sha256()
    size = 0
    lines: int | None = 0 if count_lines else None
    gz = zlib.decompressobj(wbits=47) if count_lines and p.name.lower().endswith(".gz") else None
    sampled = 0  # compressed bytes whose lines were counted
    try:
        with open(p, "rb") as fh:
            while chunk := fh.read(_HASH_CHUNK):
                h.update(chunk)
                size += len(chunk)
                if lines is None:
                    continue
                if gz is None:
                    lines += chunk.count(b"\n")
                elif sampled < _COUNT_SAMPLE:
                    sampled += len(chunk)
                    try:
                        lines += gz.decompress(chunk).count(b"\n")
                        while gz.eof and gz.unused_data:  # several gzip members
                            rest = gz.unused_data
                            gz = zlib.decompressobj(wbits=47)
                            lines += gz.decompress(rest).count(b"\n")
                    except zlib.error:
                        lines, gz = None, None  # corrupt: the reader reports it
    except OSError as exc:
        raise InputError(f"{p}: cannot read the file: {_why(exc)}") from exc
    if lines is not None and gz is not None and sampled < size:
        lines = round(lines * size / sampled)
    return h.hexdigest(), size, lines


def _parquet_rows(p: Path) -> int | None:
    if p.name.lower().endswith(".gz"):
        return None
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(p).metadata.num_rows)
    except Exception:  # a broken file: the reader reports it
        return None


def _folder_files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under the folder, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_path(p: Path, mp: Mapping, folder: Path | None = None) -> Iterator[_Raw | RecordError]:
    fmt = input_format(p)
    if fmt == "folder":
        for f in _folder_files(p):
            yield from _read_path(f, mp, folder=p)
        return
    # A file's own id: its name without suffixes, or inside a folder its path relative to the folder.
    rel = p.relative_to(folder).as_posix() if folder else p.name
    stem = re.sub(r"(\.[A-Za-z0-9]+)?(\.gz)?$", "", rel, flags=re.IGNORECASE) or rel
    if fmt is None:
        yield RecordError(str(p), _unsupported_file(p))
        return
    damaged = gzip_damage(p)
    if damaged:
        yield RecordError(str(p), damaged)
        return
    try:
        if fmt == "txt":
            rec = read_text_file(p, stem)
            yield rec if isinstance(rec, RecordError) else _Raw(rec.origin, {}, {"id": rec.id, "text": rec.text},
                                                                rec.warnings)
        elif fmt == "html":
            yield _read_html(p, stem)
        else:
            rows = _read_table(p, fmt, mp)
            yield from (_group(rows, mp) if mp.group_by else rows)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(str(p), f"cannot read the file: {_why(exc)}")


def _unsupported_file(p: Path) -> str:
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return f"cannot read the file: {_why(exc)}"
    if b"\x00" in head:
        return "looks like a binary file (NUL bytes), not an article; skipped"
    return f"unsupported file type {p.suffix or '(no suffix)'!r}; use {supported_inputs()}"


def gzip_damage(p: Path) -> str | None:
    """Why a ``.gz`` file cannot be trusted, or None (also for other files). The whole file is decompressed once
    and checked: data that fails the CRC check, or is invalid inside, may have given garbage text before the error
    was noticed, so none of its records is read (one error for the file). A file that merely ends early is not
    damage of this kind: what comes before the cut is the real data, and the reader keeps the records before it."""
    if not p.name.lower().endswith(".gz"):
        return None
    try:
        with gzip.open(p, "rb") as fh:
            while fh.read(_HASH_CHUNK):
                pass
    except EOFError:
        return None
    except (OSError, zlib.error) as exc:
        return (f"damaged gzip file ({exc}); none of its records were read, since the text before the damage cannot "
                "be verified either")
    return None


def _open(p: Path) -> IO[bytes]:
    return gzip.open(p, "rb") if p.name.lower().endswith(".gz") else open(p, "rb")  # type: ignore[return-value]


def _read_bytes(p: Path) -> bytes:
    with _open(p) as fh:
        return fh.read()


def _why(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed file ends early (truncated or corrupt)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"not a valid gzip file ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _read_table(p: Path, fmt: str, mp: Mapping) -> Iterator[_Raw | RecordError]:
    if fmt == "jsonl":
        return _read_jsonl(p, mp)
    if fmt == "csv":
        return _read_csv(p, mp)
    return _read_parquet(p, mp)


def _read_jsonl(p: Path, mp: Mapping) -> Iterator[_Raw | RecordError]:
    with _open(p) as fh:
        yield from _jsonl_raws(fh, str(p))


def _jsonl_raws(fh: IO[bytes], origin: str) -> Iterator[_Raw | RecordError]:
    """The raw items of a JSON-lines stream; a stream that breaks off (a damaged .gz) ends with one error."""
    last = 0
    try:
        binary = binary_head(fh)
        if binary:
            yield RecordError(origin, binary)
            return
        for where, obj, bad_utf8 in jsonl_objects(text_lines(fh), origin):
            last = int(where.rsplit(":", 1)[1])
            if isinstance(obj, str):
                yield RecordError(where, obj)
                continue
            warn = (f"{where}: the line was not valid UTF-8; bad bytes were replaced with U+FFFD",) \
                if bad_utf8 else ()
            yield _Raw(where, obj, {}, warn)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(f"{origin}:{last + 1}" if last else origin,
                          f"{_why(exc)}; the rest of the file could not be read")


def read_stream(fh: IO[bytes], origin: str = "<stdin>", mapping: Mapping | None = None) -> Iterator[
        Record | RecordError]:
    """Records and errors from a stream of JSON lines (stdin), read as a ``.jsonl`` file is."""
    builder = _Builder(mapping or Mapping(), None)
    for item in _jsonl_raws(fh, origin):
        yield item if isinstance(item, RecordError) else builder.record(item)


def _sniff_delimiter(header: str, p: Path, mp: Mapping) -> str:
    if mp.delimiter:
        return mp.delimiter
    if p.name.lower().removesuffix(".gz").endswith(".tsv"):
        return "\t"
    # Count the candidates outside quotation marks in the header line; the most frequent one wins.
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(p: Path, mp: Mapping, *, need_text: bool = True) -> Iterator[_Raw | RecordError]:
    csv.field_size_limit(_CSV_MAX_FIELD)
    with _open(p) as fb:
        fh = io.TextIOWrapper(fb, encoding="utf-8-sig", errors="replace", newline="")
        first = fh.readline()
        if not first.strip():
            yield RecordError(str(p), "empty file (no header line)")
            return
        delim = _sniff_delimiter(first, p, mp)
        reader = csv.reader(_chain_first(first, fh), delimiter=delim, strict=True)
        try:
            header = next(reader)
        except csv.Error as exc:
            yield RecordError(f"{p}:1", f"malformed CSV header ({exc}); the file was not read")
            return
        header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
        problem = _missing_text(header, mp) if need_text else None
        if problem:
            guess = max((";", "\t", "|", ","), key=first.count)
            if len(header) == 1 and guess != delim and first.count(guess):
                problem += f"; the header looks delimited by {guess!r}: give --delimiter {guess!r}"
            yield RecordError(f"{p}:1", problem + "; the file was not read")
            return
        end = 1
        while True:
            start = end + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                end = reader.line_num
                yield RecordError(f"{p}:{_lines(start, end)}", f"malformed CSV ({exc}): probably an unbalanced "
                                                                 "quotation mark; the row was skipped")
                continue
            end = reader.line_num
            if not row:
                continue  # a blank line
            if len(row) != len(header):
                yield RecordError(f"{p}:{_lines(start, end)}",
                                  f"expected {len(header)} fields (as in the header), found {len(row)}: check the "
                                  f"delimiter ({delim!r}) and the quotation marks")
                continue
            yield _Raw(f"{p}:{_lines(start, end)}", {k: v for k, v in zip(header, row, strict=True) if v != ""})


def _lines(start: int, end: int) -> str:
    return f"{start}-{end}" if end > start else str(start)


def _chain_first(first: str, fh: IO[str]) -> Iterator[str]:
    yield first
    yield from fh


def _missing_text(columns: Sequence[str], mp: Mapping) -> str | None:
    """A message when no column can be the text (for the whole file), else None."""
    if mp.group_by and mp.group_by not in columns:
        return f"no group_by column {mp.group_by!r}; the columns are {list(columns)}"
    if _find(columns, (mp.text,) if mp.text else CANDIDATES["text"]) is not None:
        return None
    looked = repr(mp.text) if mp.text else ", ".join(CANDIDATES["text"])
    return (f"no text column (looked for {looked}, case-insensitive); the columns are {list(columns)[:30]}; "
            "give the text column with --text-field NAME")


def _read_parquet(p: Path, mp: Mapping, *, need_text: bool = True) -> Iterator[_Raw | RecordError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = None
    try:
        if p.name.lower().endswith(".gz"):
            tmp = tempfile.TemporaryFile()
            with gzip.open(p, "rb") as src:
                shutil.copyfileobj(src, tmp)
            tmp.seek(0)
        try:
            pf = pq.ParquetFile(tmp if tmp is not None else p)
        except (pa.ArrowException, OSError) as exc:
            yield RecordError(str(p), f"not a readable Parquet file ({exc})")
            return
        columns = pf.schema_arrow.names
        problem = _missing_text(columns, mp) if need_text else None
        if problem:
            yield RecordError(str(p), f"{problem}; its {pf.metadata.num_rows:,} rows were not read")
            return
        row_no = 0
        try:
            for batch in pf.iter_batches(batch_size=_PARQUET_BATCH):
                for row in batch.to_pylist():
                    row_no += 1
                    yield _Raw(f"{p}:row {row_no}", {k: v for k, v in row.items() if v is not None and v != ""})
        except (pa.ArrowException, OSError) as exc:
            yield RecordError(f"{p}:row {row_no + 1}", f"cannot read the rest of the Parquet file ({exc})")
    finally:
        if tmp is not None:
            tmp.close()


def _group(rows: Iterator[_Raw | RecordError], mp: Mapping) -> Iterator[_Raw | RecordError]:
    """Consecutive rows with the same ``group_by`` value as one item (the rows must be contiguous)."""
    key = mp.group_by
    assert key
    buf: list[_Raw] = []
    for item in rows:
        if isinstance(item, RecordError):
            yield item
            continue
        if key not in item.fields:
            yield RecordError(item.origin, f"no value in the group_by column {key!r}")
            continue
        if buf and item.fields[key] != buf[0].fields[key]:
            yield _merge(buf, mp)
            buf = []
        buf.append(item)
    if buf:
        yield _merge(buf, mp)


def _merge(rows: list[_Raw], mp: Mapping) -> _Raw:
    first = rows[0]
    text_key = _find(list(first.fields), (mp.text,) if mp.text else CANDIDATES["text"]) or "text"

    def num(v: Any) -> Any:
        try:
            return (0, float(v))
        except (TypeError, ValueError):
            return (1, str(v))

    def order(r: _Raw) -> tuple[Any, ...]:
        return (num(r.fields.get(mp.paragraph_field)) if mp.paragraph_field else (0, 0),
                num(r.fields.get(mp.order_by)) if mp.order_by else (0, 0))

    ordered = sorted(rows, key=order)  # stable: rows without the ordering columns keep their file order
    paras: list[list[str]] = []
    last_para: Any = object()
    for r in ordered:
        para = r.fields.get(mp.paragraph_field) if mp.paragraph_field else None
        sentence = str(r.fields.get(text_key, "")).strip()
        if not sentence:
            continue
        if not paras or (mp.paragraph_field and para != last_para):
            paras.append([])
        paras[-1].append(sentence)
        last_para = para
    text = "\n\n".join(" ".join(p) for p in paras)
    # Keep the fields whose value is the same on every row of the group (per-sentence fields are dropped).
    consumed = {text_key, mp.paragraph_field, mp.order_by}
    merged = {k: v for k, v in first.fields.items()
              if k not in consumed and all(r.fields.get(k) == v for r in rows[1:])}
    merged[text_key] = text
    fixed: dict[str, Any] = {}
    if not (mp.id or _find(list(first.fields), CANDIDATES["id"])):  # the group's value is the article's id
        fixed["id"] = str(merged.pop(str(mp.group_by)))
    origin = first.origin
    if len(rows) > 1:  # file:first line-last line
        path, lines = first.origin.rsplit(":", 1)
        origin = f"{path}:{lines.split('-')[0]}-{rows[-1].origin.rsplit(':', 1)[1].split('-')[-1]}"
    return _Raw(origin, merged, fixed, tuple(w for r in rows for w in r.warnings))


def _read_html(p: Path, id: str) -> _Raw | RecordError:
    raw = _read_bytes(p)
    if b"\x00" in raw[:4096]:
        return RecordError(str(p), "looks like a binary file (NUL bytes), not an HTML page", id)
    doc = extract_html(raw)
    if doc is None or not (doc.get("text") or "").strip():
        return RecordError(str(p), "no article text found in the HTML page (the extractor found no main text)", id)
    fields = {k: v for k, v in (("title", doc.get("title")), ("date", doc.get("date")), ("url", doc.get("url")),
                                ("source", doc.get("sitename")), ("author", doc.get("author")),
                                ("hostname", doc.get("hostname"))) if v}
    return _Raw(str(p), fields, {"id": id, "text": doc["text"]}, (f"{p}: {EXTRACTED}",))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(s: str) -> str:
    """The string with lone surrogates (which no database or file format accepts) made U+FFFD."""
    return s if not _has_surrogates(s) else _SURROGATE.sub("\ufffd", s)


def _has_surrogates(s: str) -> bool:
    """Does ``s`` contain lone surrogates? Exactly the strings that strict UTF-8 cannot encode: the encoder runs in
    C (faster than a regular expression search), and an ASCII string needs no look at all."""
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@lru_cache(maxsize=1)
def _reserved() -> frozenset[str]:
    from framing.tables import count_columns

    return RESERVED | frozenset(count_columns())


# -- field mapping ---------------------------------------------------------------------------------------------


def _find(keys: Sequence[str], names: Iterable[str]) -> str | None:
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


class _Builder:
    """Maps raw items to records; the column resolution is cached per set of field names."""

    def __init__(self, mp: Mapping, metadata: dict[str, dict[str, Any]] | None) -> None:
        self.mp = mp
        self.metadata = metadata
        self._cache: dict[tuple[str, ...], dict[str, str | None]] = {}

    def _resolve(self, keys: tuple[str, ...]) -> dict[str, str | None]:
        res = self._cache.get(keys)
        if res is None:
            res = {}
            for f in FIELDS:
                explicit = getattr(self.mp, f)
                res[f] = _find(keys, (explicit,) if explicit else CANDIDATES[f])
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[keys] = res
        return res

    def record(self, raw: _Raw) -> Record | RecordError:
        fields = raw.fields
        res = self._resolve(tuple(fields))
        if self.metadata is not None:
            rid0 = raw.fixed.get("id") or (fields.get(res["id"]) if res["id"] else None)
            extra = self.metadata.get(str(rid0).strip()) if rid0 is not None else None
            if extra:
                fields = {**extra, **fields}  # the record's own fields win
                res = self._resolve(tuple(fields))

        def get(name: str) -> Any:
            if name in raw.fixed:
                return raw.fixed[name]
            col = res[name]
            return fields.get(col) if col is not None else None

        text = get("text")
        rid, bad_id = field_string(get("id"), "id")
        if bad_id:
            return RecordError(raw.origin, bad_id)
        src, bad_source = field_string(get("source"), "source")
        if bad_source:
            return RecordError(raw.origin, bad_source, rid)
        if text is None:
            looked = repr(self.mp.text) if self.mp.text else ", ".join(CANDIDATES["text"])
            return RecordError(raw.origin, f"no text field (looked for {looked}, case-insensitive); the fields are "
                                           f"{list(fields)[:20]}; give the text field with --text-field NAME", rid)
        if not isinstance(text, str):
            return RecordError(raw.origin, f"the text field {res['text']!r} must be a string, found "
                                           f"{type(text).__name__}", rid)
        problem = unusable(text)
        if problem:
            return RecordError(raw.origin, problem, rid)
        text, cleaned = clean_text(text, raw.origin)
        warnings = list(raw.warnings) + cleaned
        rid = _clean(rid) if rid is not None else hash_id(text)
        meta: dict[str, Any] = {}
        for name in META_FIELDS:
            v = get(name)
            if v is None or v == "" or not isinstance(v, (str, int, float, bool, dt.date)):
                continue
            if name == "date":
                iso, why = parse_date(v, self.mp.date_format)
                if iso:
                    meta["date"] = iso
                else:
                    warnings.append(f"{raw.origin}: {why}; the date was left empty (kept as date_raw)")
                    meta["date_raw"] = str(v)
            else:
                meta[name] = _clean(str(v).strip())
        used = {res[f] for f in FIELDS if f not in raw.fixed and res[f] is not None}
        for k, v in fields.items():
            if k in used or v is None or v == "" or not isinstance(v, (str, int, float, bool)):
                continue
            if isinstance(v, float) and v != v:
                continue  # NaN from a table means missing
            name = f"input_{k}" if k in _reserved() or k in META_FIELDS or k == "date_raw" else k
            meta.setdefault(name, _clean(v) if isinstance(v, str) else v)
        source = _clean(src) if src is not None else None
        return Record(rid, text, source, raw.origin, meta, tuple(warnings))


def _load_metadata(mp: Mapping) -> dict[str, dict[str, Any]]:
    """The metadata file's rows by key (a file that cannot be read stops the run before it starts)."""
    assert mp.metadata
    p = Path(mp.metadata)
    fmt = input_format(p) if p.exists() else None
    if fmt not in ("jsonl", "csv", "parquet"):
        raise InputError(f"{mp.metadata}: the metadata file must be an existing .csv, .tsv, .jsonl or .parquet file")
    out: dict[str, dict[str, Any]] = {}
    key: str | None = mp.metadata_key
    rows: Iterator[_Raw | RecordError]
    if fmt == "csv":
        rows = _read_csv(p, mp, need_text=False)
    elif fmt == "jsonl":
        rows = _read_jsonl(p, mp)
    else:
        rows = _read_parquet(p, mp, need_text=False)
    for item in rows:
        if isinstance(item, RecordError):
            raise InputError(f"metadata {item.message()}")
        k = key or _find(list(item.fields), CANDIDATES["id"])
        if k is None or k not in item.fields:
            raise InputError(f"metadata {item.origin}: no key column {key or 'id'!r}; give it with --metadata-key "
                             f"(the columns are {list(item.fields)[:30]})")
        key = k
        out.setdefault(str(item.fields.pop(k)).strip(), item.fields)
    return out
