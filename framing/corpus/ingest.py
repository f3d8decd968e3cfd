"""Reading corpora: JSONL, CSV/TSV, Parquet, folders of ``.txt`` files and saved HTML pages (each also ``.gz``).
The formats and their readers are in :mod:`framing.corpus.formats`, the fields and the column mapping in
:mod:`framing.corpus.fields`; this module maps what the readers give to records, and identifies the inputs.

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

Does not: stream a JSON array (a ``.json`` file is parsed whole: use JSON lines for large corpora), read GDELT's
header-less files (give them a header row), guess an ambiguous day/month order ("04/05/2020" needs
``date_format``), fetch anything from the network (HTML pages are read from local files only), or detect
near-duplicates (only texts equal up to white space are duplicates).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from framing.corpus.fields import (
    CANDIDATES,
    FIELDS,
    MAX_YEAR,
    META_FIELDS,
    MIN_YEAR,
    RESERVED,
    Mapping,
    find_field,
    resolve_fields,
)
from framing.corpus.formats import (
    BINARY_FORMATS,
    FORMATS,
    HF_METADATA_FILES,
    REGISTRY,
    Raw,
    binary_head,
    format_named,
    jsonl_objects,
    jsonl_raws,
    read_text_file,
    text_lines,
    unusable,
    unwrap_html,
    why,
)
from framing.errors import InputError
from framing.records import Record, RecordError

__all__ = ["BINARY_FORMATS", "CANDIDATES", "FIELDS", "FORMATS", "IMPLAUSIBLE", "MAX_YEAR", "META_FIELDS", "MIN_YEAR", "RESERVED",
           "SHORT_YEAR", "Column", "InputInfo", "Mapping", "MetadataUse", "binary_head", "check_inputs", "clean_text",
           "content_hash", "describe_inputs", "field_string", "gzip_damage", "hash_id", "input_columns",
           "input_format", "jsonl_objects", "metadata_warning", "parse_date", "read_inputs", "read_stream",
           "read_text_file", "supported_inputs", "text_lines", "unusable"]

_HASH_CHUNK = 1 << 20
# Compressed bytes of a .gz input decompressed to estimate its record count (the progress bar's total): counting
# every line would decompress the whole file once more before the run starts; the lines in the first 8 MB, scaled by
# the file's size, are close on real corpora, and exact for files smaller than that.
_COUNT_SAMPLE = 8 << 20
# Characters of a column's example value (input_columns): enough to recognise an article's text, a date or an outlet.
_EXAMPLE_CHARS = 80


@dataclass(frozen=True, slots=True)
class InputInfo:
    """One input path as a run's manifest records it."""

    path: str
    format: str
    bytes: int
    sha256: str
    files: int = 1
    # Items in the input: before a run reads it, an estimate for the progress bar (lines, rows or files; None when
    # unknown); a complete run's manifest replaces it with the count it read (``records_counted`` true)
    records: int | None = None
    records_counted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Column:
    """One field of an input's rows or objects, under the name the file gives it: in how many of the items read it
    has a value, and its first value (shortened, on one line) as an example."""

    name: str
    filled: int
    example: str


# -- helpers of the readers ----------------------------------------------------------------------------------------


def clean_text(text: str, origin: str) -> tuple[str, list[str]]:
    """The text to analyse and its warnings, the same rule for every input path: HTML-looking text becomes its
    extracted main text; lone surrogates (invalid Unicode, which no database or file format accepts) become U+FFFD,
    one code point for one, so offsets are unchanged."""
    text, warnings = unwrap_html(text, origin)  # a page's extracted text never looks like HTML again
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


# -- ids, hashes and dates ---------------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of white space made one space: the identity used to find duplicates."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", errors="surrogatepass")).hexdigest()


def hash_id(text: str) -> str:
    """The id of an article that has none: the first 16 hex digits of its content hash."""
    return content_hash(text)[:16]


_MONTH_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B, %Y",
                  "%A, %B %d, %Y", "%a, %d %b %Y", "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%Y%m%d")
# A date written year first with four digits (ISO 8601: "2026-03-04", "2026-03-04T10:00:00Z"): unambiguous, so a
# --date-format for the file's other dates does not apply to it
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")
_COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{6})?")
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_SHORT_YEAR = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")  # 4/18/18: month/day (or day/month), two-digit year
# What a date outside MIN_YEAR..MAX_YEAR is called in its warning (and counted by in a run's summary).
IMPLAUSIBLE = "implausible date"
SHORT_YEAR = "two-digit year"


def parse_date(value: Any, fmt: str | None = None) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` or ``(None, why not)``. The date is the one written (no time zone conversion).

    Accepts ISO 8601 (with or without a time), RFC 2822 (``Mon, 04 May 2020 10:00:00 GMT``), written months
    (``4 May 2020``, ``May 4, 2020``), ``2020/05/04``, ``04.05.2020`` (day first), compact ``20200504`` and
    ``20200504103000`` (GDELT), Unix timestamps (seconds or milliseconds) and ``datetime``/``date`` values. ``04/05/2020`` is day/month or month/day: it is accepted
    only when one of the two is above 12, otherwise give ``fmt`` (a :func:`~datetime.datetime.strptime` format).
    A two-digit year (``4/18/18``) is not guessed: the reason names the ``fmt`` that reads it. A date before
    :data:`~framing.corpus.fields.MIN_YEAR` or after :data:`~framing.corpus.fields.MAX_YEAR` (``0001-11-30``) is
    not a date either.
    """
    iso, why = _parse_date(value, fmt)
    if iso is not None and not MIN_YEAR <= int(iso[:4]) <= MAX_YEAR:
        year = int(iso[:4])
        bound = f"before {MIN_YEAR}" if year < MIN_YEAR else f"after {MAX_YEAR}"
        return None, f"{IMPLAUSIBLE} {str(value).strip()!r}: the year {year} is {bound} (a typo or a placeholder?)"
    return iso, why


def _parse_date(value: Any, fmt: str | None) -> tuple[str | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, bool):
        return None, f"not a date: {value!r}"
    compact = _COMPACT.fullmatch(str(value).strip()) if isinstance(value, (int, str)) else None
    if compact:  # GDELT's YYYYMMDDhhmmss (a number of 14 digits would otherwise be read as milliseconds)
        try:
            return dt.date(int(compact[1]), int(compact[2]), int(compact[3])).isoformat(), None
        except ValueError:
            return None, f"not a valid date: {value!r}"
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
            if _ISO_DATE.match(s):
                # an ISO date (year first, four digits) reads one way only: the format is for the others
                try:
                    return dt.datetime.fromisoformat(s.replace(" UTC", "+00:00")).date().isoformat(), None
                except ValueError:
                    pass
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
    short = _SHORT_YEAR.fullmatch(s)
    if short:  # 4/18/18 (a US spreadsheet's dates): the century, and often the order, would be a guess
        a, sep, b = int(short[1]), short[2], int(short[3])
        month_first, day_first = f"%m{sep}%d{sep}%y", f"%d{sep}%m{sep}%y"
        order = (f"month/day/year: give --date-format {month_first}" if b > 12 >= a else
                 f"day/month/year: give --date-format {day_first}" if a > 12 >= b else
                 f"month/day/year or day/month/year: give --date-format {month_first} (month first) or "
                 f"{day_first} (day first)")
        return None, f"date {s!r} has a {SHORT_YEAR}, which is not read as it stands; it looks like {order}"
    return None, f"unrecognised date {s!r}; give its format with --date-format (e.g. %d/%m/%Y)"


# -- reading -----------------------------------------------------------------------------------------------------


@dataclass
class MetadataUse:
    """How the rows of a metadata file (``Mapping.metadata``) met the records: :func:`read_inputs` fills it as it
    reads, so that a row no record takes up (a key that is no article's id) is counted and said, not lost unsaid."""

    path: str = ""
    keys: list[str] = field(default_factory=list)  # the rows' keys, in file order
    repeated: int = 0  # rows whose key an earlier row has: not used (the first row is)
    joined: set[str] = field(default_factory=set)  # the keys joined to a record

    def unmatched(self) -> list[str]:
        """The keys of the rows joined to no record, in file order."""
        return [k for k in self.keys if k not in self.joined]

    def to_dict(self) -> dict[str, Any]:
        """What a run's manifest and summary keep: the counts, and the first keys joined to nothing."""
        miss = self.unmatched()
        return {"file": self.path, "rows": len(self.keys) + self.repeated, "joined": len(self.keys) - len(miss),
                "unmatched": len(miss), "unmatched_keys": miss[:_SHOWN_KEYS], "repeated": self.repeated}


# Keys of unmatched metadata rows a warning shows (all of them are counted).
_SHOWN_KEYS = 3


def metadata_warning(use: dict[str, Any]) -> str | None:
    """The warning about a metadata file's rows that no record took up (:meth:`MetadataUse.to_dict`), or None."""
    parts = []
    if use["unmatched"]:
        keys = ", ".join(repr(k) for k in use["unmatched_keys"]) + (", ..." if use["unmatched"] > len(
            use["unmatched_keys"]) else "")
        parts.append(f"{use['unmatched']:,} of the {use['rows']:,} row(s) of the metadata file {use['file']} match "
                     f"no article (keys {keys}): their fields were joined to nothing; check that --metadata-key "
                     "names the column of the articles' ids")
    if use["repeated"]:
        parts.append(f"{use['repeated']:,} row(s) of the metadata file {use['file']} repeat the key of an earlier "
                     "row and were not used (the first row of each key is)")
    return "; ".join(parts) or None


def read_inputs(paths: Sequence[str], mapping: Mapping | None = None, *,
                mapped: Counter[tuple[str, str]] | None = None,
                metadata_use: MetadataUse | None = None,
                read: list[int] | None = None) -> Iterator[Record | RecordError]:
    """Records and errors from every input path, in order; each input item gives exactly one of the two.

    ``mapped``, when given, counts for each record which column each article field was read from: ``(field,
    column)``, the column ``(file)`` for what the format itself gives (a file's text and id). ``metadata_use``,
    when given with a metadata file, gets its keys and, as the records are read, the keys joined to one (once every
    record has been read, :meth:`MetadataUse.unmatched` are the rows joined to nothing; one object can be passed to
    several calls, as ``framing analyse`` reads its inputs one by one). ``read``, when given, gets one count per
    path: the items read from it (records and errors), exact once the iterator is exhausted.

    Raises :class:`~framing.errors.InputError` before reading anything when a path does not exist or is of an
    unsupported type, and when the metadata file cannot be read.
    """
    mp = mapping or Mapping()
    check_inputs(paths)
    metadata = _load_metadata(mp, metadata_use) if mp.metadata else None
    builder = _Builder(mp, metadata, mapped, metadata_use)
    if read is not None:
        read[:] = [0] * len(paths)
    for k, path in enumerate(paths):
        for item in _read_path(Path(path), mp):
            if read is not None:
                read[k] += 1
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
    # the longest matching suffix: ".gkg.csv" is GDELT's, ".csv" any other table
    return next((FORMATS[s] for s in sorted(FORMATS, key=len, reverse=True) if name.endswith(s)), None)


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
    form = format_named(fmt)
    digest, nbytes, lines = _hash_file(p, count_lines=form.counts_lines)
    records = None if mp.group_by else form.records(p, lines)
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
        raise InputError(f"{p}: cannot read the file: {why(exc)}") from exc
    if lines is not None and gz is not None and sampled < size:
        lines = round(lines * size / sampled)
    return h.hexdigest(), size, lines


def _folder_files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under the folder, recursively, in a stable (sorted) order; the metadata files of a
    Hugging Face dataset beside its ``.arrow`` files are left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # a Hugging Face dataset: its metadata beside the .arrow files, and a DatasetDict's dataset_dict.json above
        # its split folders
        hf = any(n.lower().endswith(".arrow") for n in files)
        for name in sorted(files):
            if not name.startswith(".") and not ((hf and name in HF_METADATA_FILES)
                                                 or (name == "dataset_dict.json" and dirs)):
                yield Path(root) / name


def _read_path(p: Path, mp: Mapping, folder: Path | None = None) -> Iterator[Raw | RecordError]:
    fmt = input_format(p)
    if fmt == "folder":
        empty = True
        for f in _folder_files(p):
            empty = False
            yield from _read_path(f, mp, folder=p)
        if empty:  # (as an empty file is: a folder with nothing to read is not silently taken as no articles)
            yield RecordError(str(p), "empty folder (no files to read; hidden files are left out)")
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
    form = format_named(fmt)
    try:
        rows = form.read(p, mp, stem, True)
        yield from (_group(rows, mp) if form.tabular and mp.group_by else rows)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(str(p), f"cannot read the file: {why(exc)}")
    except Exception as exc:  # a reader's bug or a value no reader foresaw: the file is one error, the run goes on
        yield RecordError(str(p), f"cannot read the rest of the file: {type(exc).__name__}: {exc}")


def _unsupported_file(p: Path) -> str:
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return f"cannot read the file: {why(exc)}"
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


def read_stream(fh: IO[bytes], origin: str = "<stdin>", mapping: Mapping | None = None, *,
                metadata_use: MetadataUse | None = None) -> Iterator[Record | RecordError]:
    """Records and errors from a stream of JSON lines (stdin), read as a ``.jsonl`` file is, the mapping's metadata
    file joined as :func:`read_inputs` joins it."""
    mp = mapping or Mapping()
    metadata = _load_metadata(mp, metadata_use) if mp.metadata else None
    builder = _Builder(mp, metadata, None, metadata_use)
    for item in jsonl_raws(fh, origin):
        yield item if isinstance(item, RecordError) else builder.record(item)


def input_columns(path: str, mapping: Mapping | None = None, *, limit: int | None = None) -> tuple[Column, ...]:
    """The fields of a tabular input file's rows or objects (CSV, JSON lines, Parquet...), read by the format's own
    reader before any field mapping, in the order first met, with how many of the first ``limit`` items have a value
    in each: what a user chooses the field mapping from when the text is under a name that is not one of the usual
    ones. ``mapping`` gives the reading options (the delimiter); its field names are not needed.

    Does not: list the fields of a one-article format (``.txt``, ``.html``: empty), of a folder, or of lines and
    rows that cannot be read (a line that is not JSON has no fields); a file that breaks off is listed up to there.
    """
    p = Path(path)
    fmt = input_format(p) if p.is_file() else None
    if fmt is None or fmt == "folder" or not format_named(fmt).tabular:
        return ()
    filled: dict[str, int] = {}
    example: dict[str, str] = {}
    n = 0
    items = format_named(fmt).read(p, mapping or Mapping(), p.name, False)
    try:
        for item in items:
            if isinstance(item, RecordError):
                continue
            for k, v in item.fields.items():
                has = v is not None and v != "" and not (isinstance(v, float) and v != v)  # (NaN: missing)
                filled[k] = filled.get(k, 0) + has
                if has and k not in example:
                    shown = json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (dict, list)) else str(v)
                    shown = " ".join(shown.split())
                    example[k] = shown if len(shown) <= _EXAMPLE_CHARS else shown[:_EXAMPLE_CHARS - 1].rstrip() + "…"
            n += 1
            if limit is not None and n >= limit:
                break
    except (OSError, EOFError, zlib.error):
        pass  # a damaged file: its columns up to the damage (read_inputs reports the damage)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # the reader's file, at once (an upload's temporary folder is removed next)
    return tuple(Column(k, c, example.get(k, "")) for k, c in filled.items())


def _group(rows: Iterator[Raw | RecordError], mp: Mapping) -> Iterator[Raw | RecordError]:
    """Consecutive rows with the same ``group_by`` value as one item (the rows must be contiguous)."""
    key = mp.group_by
    assert key
    buf: list[Raw] = []
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


def _merge(rows: list[Raw], mp: Mapping) -> Raw:
    first = rows[0]
    text_key = find_field(list(first.fields), (mp.text,) if mp.text else CANDIDATES["text"]) or "text"

    def num(v: Any) -> Any:
        try:
            return (0, float(v))
        except (TypeError, ValueError):
            return (1, str(v))

    def order(r: Raw) -> tuple[Any, ...]:
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
    if not (mp.id or find_field(list(first.fields), CANDIDATES["id"])):  # the group's value is the article's id
        fixed["id"] = str(merged.pop(str(mp.group_by)))
    origin = first.origin
    if len(rows) > 1:  # file:first line-last line
        path, lines = first.origin.rsplit(":", 1)
        origin = f"{path}:{lines.split('-')[0]}-{rows[-1].origin.rsplit(':', 1)[1].split('-')[-1]}"
    return Raw(origin, merged, fixed, tuple(w for r in rows for w in r.warnings))


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


class _Builder:
    """Maps raw items to records; the column resolution is cached per set of field names."""

    def __init__(self, mp: Mapping, metadata: dict[str, dict[str, Any]] | None,
                 mapped: Counter[tuple[str, str]] | None = None, metadata_use: MetadataUse | None = None) -> None:
        self.mp = mp
        self.metadata = metadata
        self.mapped = mapped
        self.joined = metadata_use.joined if metadata_use is not None else None
        self._cache: dict[tuple[str, ...], dict[str, str | None]] = {}

    def _resolve(self, keys: tuple[str, ...]) -> dict[str, str | None]:
        res = self._cache.get(keys)
        if res is None:
            res = resolve_fields(keys, self.mp)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[keys] = res
        return res

    def record(self, raw: Raw) -> Record | RecordError:
        fields = raw.fields
        res = self._resolve(tuple(fields))
        if self.metadata is not None:
            rid0 = raw.fixed.get("id") or (fields.get(res["id"]) if res["id"] else None)
            key = str(rid0).strip() if rid0 is not None else None
            extra = self.metadata.get(key) if key is not None else None
            if extra is not None and self.joined is not None:
                self.joined.add(str(key))
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
        if self.mapped is not None:
            for f in FIELDS:
                if f in raw.fixed:
                    self.mapped[(f, "(file)")] += 1
                elif (col := res[f]) is not None and fields.get(col) not in (None, ""):
                    self.mapped[(f, col)] += 1
        return Record(rid, text, source, raw.origin, meta, tuple(warnings))


def _load_metadata(mp: Mapping, use: MetadataUse | None = None) -> dict[str, dict[str, Any]]:
    """The metadata file's rows by key (a file that cannot be read stops the run before it starts); ``use`` gets
    the keys, and the count of rows that repeat an earlier row's key (the first is used)."""
    assert mp.metadata
    p = Path(mp.metadata)
    fmt = input_format(p) if p.exists() else None
    tables = [f for f in REGISTRY if f.tabular]
    if fmt not in {f.name for f in tables}:
        raise InputError(f"{mp.metadata}: the metadata file must be an existing "
                         f"{', '.join(s for f in tables for s in f.suffixes)} file")
    out: dict[str, dict[str, Any]] = {}
    repeated = 0
    key: str | None = mp.metadata_key
    for item in format_named(str(fmt)).read(p, mp, p.name, False):
        if isinstance(item, RecordError):
            raise InputError(f"metadata {item.message()}")
        k = key or find_field(list(item.fields), CANDIDATES["id"])
        if k is None or k not in item.fields:
            raise InputError(f"metadata {item.origin}: no key column {key or 'id'!r}; give it with --metadata-key "
                             f"(the columns are {list(item.fields)[:30]})")
        key = k
        row_key = str(item.fields.pop(k)).strip()
        if row_key in out:
            repeated += 1
            continue
        out[row_key] = item.fields
    if use is not None:
        use.path, use.keys, use.repeated = str(mp.metadata), list(out), repeated
    return out
