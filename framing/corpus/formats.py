"""The input formats: one registry entry per format (its suffixes, its reader, how its records are counted), and
the readers themselves. ``framing analyse``, ``framing run`` and the dashboard's uploads all read through it
(:func:`framing.corpus.ingest.read_inputs`); ``docs/extending.md`` says how to add a format.

A reader turns one file into :class:`Raw` items (fields before mapping) and :class:`~framing.records.RecordError`
items (a line, row or file that cannot be read, with where and why), never stopping at a bad one.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from framing.corpus.fields import CANDIDATES, Mapping, find_field
from framing.records import Record, RecordError
from framing.text.html import EXTRACTED, html_text
from framing.text.html import extract as extract_html

# A text with more than this share of control characters (other than newlines, tabs and form feeds) is taken to
# be binary: real text has almost none, while compressed or binary files are full of them.
_BINARY_SHARE = 0.05
# No CSV field is longer than this many characters. 10 million characters is ~50 times the longest real article
# we have seen; the limit stops an unbalanced quotation mark from reading a whole file into one field.
_CSV_MAX_FIELD = 10_000_000
# Rows read from a Parquet file at a time: small enough to keep memory bounded, large enough to be fast.
_PARQUET_BATCH = 1024
# Control characters other than \t \n \f \r, as bytes: in UTF-8 each is one byte that no other character's
# encoding contains, so deleting them from a text's encoding and comparing lengths counts them, in C (faster than a
# regular expression: docs/design-measurements.md).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])


def _as_windows_1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 read as Windows-1252 (the five bytes it leaves undefined as
    U+FFFD). A file that is not UTF-8 is, in news work, almost always one written by Excel or an older Windows tool
    in that encoding ("caf\xe9", "\x93quoted\x94"); a UTF-8 file with a few such bytes keeps its UTF-8."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


LENIENT = "framing.windows-1252"
codecs.register_error(LENIENT, _as_windows_1252)


def not_utf8(where: str, offset: int | None, text: str) -> str:
    """The warning for a text that was not valid UTF-8 and was read with :data:`LENIENT`."""
    at = f" (first bad byte at offset {offset})" if offset is not None else ""
    undefined = "; bytes undefined there were replaced with U+FFFD" if "\ufffd" in text else ""
    return (f"{where}: not valid UTF-8{at}; read as UTF-8 where it is and as Windows-1252 (the encoding Excel and "
            f"older Windows tools write) elsewhere{undefined}: check accented letters and quotation marks, or save "
            "the file as UTF-8")


def text_lines(fh: Iterable[bytes]) -> Iterator[tuple[str, bool]]:
    """Lines of a binary stream decoded as UTF-8, each with a flag: was it invalid UTF-8 (the bytes that are not read
    as Windows-1252)?"""
    for raw in fh:
        try:
            yield raw.decode("utf-8"), False
        except UnicodeDecodeError:
            yield raw.decode("utf-8", errors=LENIENT), True


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
        # (gzip's own first bytes: compressed data read as it is, under a name without .gz)
        hint = " (a gzipped file needs the .gz suffix)" if head[:2] == b"\x1f\x8b" else ""
        return f"looks like a binary file, not JSON lines{hint}"
    return None


def _json_problem(exc: json.JSONDecodeError, line: str) -> str:
    """What is wrong with a JSON line, and where: json's message, except for a string the line ends inside, which
    json calls an "Invalid control character" (the line break) or an "Unterminated string": most often a text with
    a line break written as it is rather than as \\n, which splits one record over two lines."""
    if exc.msg.startswith("Unterminated string") or (exc.msg.startswith("Invalid control character")
                                                     and line[exc.pos:].strip() == ""):
        return ("unterminated string: the line ends inside a string, a line break in a text? JSON lines write it "
                "as \\n")
    msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg  # "Invalid control character at"
    if exc.pos >= len(line.rstrip("\r\n")):
        # (json counts the line break read with the line as a second line: "line 2 column 1")
        return f"{msg} at the end of the line: is a closing }} or ] missing?"
    return f"{msg} at column {exc.pos + 1}"


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
            yield where, f"not valid JSON ({_json_problem(exc, line)})", bad_utf8
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits (Python's limit on converting them)
            yield where, f"not readable: {exc}", bad_utf8
            continue
        except RecursionError:
            yield where, "not readable: the JSON is nested too deeply (thousands of brackets)", bad_utf8
            continue
        if not isinstance(obj, dict):
            yield where, f"expected a JSON object (one article per line), found {type(obj).__name__}", bad_utf8
            continue
        yield where, obj, bad_utf8


# The longest text read as one article. The analysis holds about 70 bytes per character at its peak (3.5 GB for a
# 50 MB file), so a whole corpus or a book in one record would exhaust a worker's memory; the longest of the 5,063
# AllSides articles has 62,000 characters, and 200,000 already gets a warning (Config.long_article_chars).
MAX_ARTICLE_CHARS = 2_000_000


def unusable(text: str) -> str | None:
    """Why a text cannot be analysed at all, or None."""
    if len(text) > MAX_ARTICLE_CHARS:
        return (f"{len(text):,} characters, more than one article's limit of {MAX_ARTICLE_CHARS:,}: probably many "
                "articles or a whole book in one record; split it into articles (one per line of a JSONL file, one "
                "per file in a folder)")
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


def unwrap_html(text: str, origin: str) -> tuple[str, list[str]]:
    """The text to analyse: HTML-looking text becomes its extracted main text, with warnings naming ``origin``."""
    found = html_text(text)
    if found is None:
        return text, []
    return found[0], [f"{origin}: {EXTRACTED}", *(f"{origin}: {n}" for n in found[1]["notes"])]


def read_text_file(p: Path, id: str) -> Record | RecordError:
    """One ``.txt`` (or ``.txt.gz``) file as one article with the given id."""
    try:
        raw = _read_bytes(p)
    except (OSError, EOFError, zlib.error) as exc:
        return RecordError(str(p), f"cannot read the file: {why(exc)}", id)
    warnings: tuple[str, ...] = ()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"\x00" in raw[:4096]:
            return RecordError(str(p), "looks like a binary file (NUL bytes), not text", id)
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("utf-8", errors=LENIENT)
        warnings = (not_utf8(f"{p}:{line}", exc.start, text),)
    text = text.lstrip("\ufeff")
    problem = unusable(text)
    if problem:
        return RecordError(str(p), problem, id)
    text, html = unwrap_html(text, str(p))
    return Record(id, text, None, str(p), {}, warnings + tuple(html))


def _open(p: Path) -> IO[bytes]:
    return gzip.open(p, "rb") if p.name.lower().endswith(".gz") else open(p, "rb")  # type: ignore[return-value]


def _read_bytes(p: Path) -> bytes:
    with _open(p) as fh:
        return fh.read()


def why(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed file ends early (truncated or corrupt)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"not a valid gzip file ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _read_jsonl(p: Path, mp: Mapping) -> Iterator[Raw | RecordError]:
    with _open(p) as fh:
        yield from jsonl_raws(fh, str(p))


def jsonl_raws(fh: IO[bytes], origin: str) -> Iterator[Raw | RecordError]:
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
            warn = (not_utf8(where, None, str(obj)),) if bad_utf8 else ()
            yield Raw(where, obj, {}, warn)
        if not last and origin != "<stdin>":
            # (as an empty CSV or text file is: a file with nothing in it is not silently taken as no articles; a
            # pipe that brings no records is no error, so that `: | framing analyse -` stays quiet)
            yield RecordError(origin, "empty file (no JSON lines)")
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(f"{origin}:{last + 1}" if last else origin,
                          f"{why(exc)}; the rest of the file could not be read")


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


def _read_csv(p: Path, mp: Mapping, *, need_text: bool = True, columns: Sequence[str] | None = None,
              delimiter: str | None = None) -> Iterator[Raw | RecordError]:
    """Rows of a CSV/TSV file with a header line, or, with ``columns``, of a file without one (GDELT's)."""
    csv.field_size_limit(_CSV_MAX_FIELD)
    with _open(p) as fb:
        # (bytes that are not UTF-8 kept as lone surrogates, so that the rows that hold them are known: read again,
        # with a warning, by _lenient_row)
        fh = io.TextIOWrapper(fb, encoding="utf-8-sig", errors="surrogateescape", newline="")
        first = fh.readline()
        if not first.strip():
            yield RecordError(str(p), "empty file" if columns else "empty file (no header line)")
            return
        delim = delimiter or _sniff_delimiter(first, p, mp)
        # GDELT's files are not quoted: a field may start with a quotation mark
        reader = csv.reader(_chain_first(first, fh), delimiter=delim, strict=True) if columns is None else \
            csv.reader(_chain_first(first, fh), delimiter=delim, quoting=csv.QUOTE_NONE)
        if columns is None:
            try:
                header = next(reader)
            except csv.Error as exc:
                yield RecordError(f"{p}:1", f"malformed CSV header ({exc}); the file was not read")
                return
            header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(_lenient_row(header, "")[0])]
        else:
            header = list(columns)
        problem = _missing_text(header, mp) if need_text else None
        if problem:
            guess = max((";", "\t", "|", ","), key=first.count)
            if len(header) == 1 and guess != delim and first.count(guess):
                problem += f"; the header looks delimited by {guess!r}: give --delimiter {guess!r}"
            yield RecordError(f"{p}:1", problem + "; the file was not read")
            return
        end = 1 if columns is None else 0
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
            where = f"{p}:{_lines(start, end)}"
            row, warn = _lenient_row(row, where)
            yield Raw(where, {k: v for k, v in zip(header, row, strict=True) if v != ""}, {}, warn)


def _lenient_row(row: list[str], where: str) -> tuple[list[str], tuple[str, ...]]:
    """A CSV row's fields with the bytes that were not UTF-8 (lone surrogates, from "surrogateescape") read as
    Windows-1252, and the warning that says so; the row as it is when it was UTF-8."""
    if not any(_ESCAPED.search(f) for f in row):
        return row, ()
    fixed = [f.encode("utf-8", "surrogateescape").decode("utf-8", LENIENT) if _ESCAPED.search(f) else f
             for f in row]
    return fixed, (not_utf8(where, None, "".join(fixed)),)


# The lone surrogates that "surrogateescape" makes of bytes that are not UTF-8.
_ESCAPED = re.compile("[\udc80-\udcff]")


def _lines(start: int, end: int) -> str:
    return f"{start}-{end}" if end > start else str(start)


def _chain_first(first: str, fh: IO[str]) -> Iterator[str]:
    yield first
    yield from fh


def _missing_text(columns: Sequence[str], mp: Mapping) -> str | None:
    """A message when no column can be the text (for the whole file), else None."""
    if mp.group_by and mp.group_by not in columns:
        return f"no group_by column {mp.group_by!r}; the columns are {list(columns)}"
    if mp.group_by:  # the columns that order a group's rows: a misspelt one would join them in file order, unsaid
        for name, col in (("paragraph_field", mp.paragraph_field), ("order_by", mp.order_by)):
            if col and col not in columns:
                return f"no {name} column {col!r}; the columns are {list(columns)}"
    if find_field(columns, (mp.text,) if mp.text else CANDIDATES["text"]) is not None:
        return None
    looked = repr(mp.text) if mp.text else ", ".join(CANDIDATES["text"])
    return (f"no text column (looked for {looked}, case-insensitive); the columns are {list(columns)[:30]}; "
            "give the text column with --text-field NAME")


def _read_parquet(p: Path, mp: Mapping, *, need_text: bool = True) -> Iterator[Raw | RecordError]:
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
                    yield Raw(f"{p}:row {row_no}", {k: v for k, v in row.items() if v is not None and v != ""})
        except (pa.ArrowException, OSError, ValueError, OverflowError) as exc:  # also values Python cannot hold
            yield RecordError(f"{p}:row {row_no + 1}", f"cannot read the rest of the Parquet file ({exc})")
    finally:
        if tmp is not None:
            tmp.close()


def _read_html(p: Path, id: str) -> Raw | RecordError:
    raw = _read_bytes(p)
    if b"\x00" in raw[:4096]:
        return RecordError(str(p), "looks like a binary file (NUL bytes), not an HTML page", id)
    doc = extract_html(raw)
    if doc is None:
        return RecordError(str(p), "no article text found in the HTML page (neither the extractor nor the page's "
                                   "JSON-LD found a main text)", id)
    # The outlet is named by the page's registered domain when it has one: page metadata names one outlet in
    # several ways ("Reuters", "ReutersIndia", "Reuters_Co_Uk", even "2015"), its domain does not. The site's own
    # name is kept as `sitename` (--source-field sitename uses it instead).
    fields = {k: v for k, v in (("title", doc.get("title")), ("date", doc.get("date")), ("url", doc.get("url")),
                                ("source", doc.get("domain") or doc.get("sitename")),
                                ("sitename", doc.get("sitename")), ("author", doc.get("author")),
                                ("hostname", doc.get("hostname")), ("domain", doc.get("domain"))) if v}
    return Raw(str(p), fields, {"id": id, "text": doc["text"]},
               (f"{p}: {EXTRACTED}", *(f"{p}: {n}" for n in doc["notes"])))


def _parquet_rows(p: Path) -> int | None:
    if p.name.lower().endswith(".gz"):
        return None
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(p).metadata.num_rows)
    except Exception:  # a broken file: the reader reports it
        return None


@dataclass(slots=True)
class Raw:
    """One input item before field mapping: its fields, and fields fixed by the format (a file's text and id)."""

    origin: str
    fields: dict[str, Any]
    fixed: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()



def _read_json(p: Path, mp: Mapping, id: str, need_text: bool) -> Iterator[Raw | RecordError]:
    """A ``.json`` file: one article (an object, as news-please writes them; the file's name is its id when it has no
    id field), or an array of articles (each ``file:item N``). The file is parsed whole: large corpora belong in
    JSON lines."""
    raw = _read_bytes(p)
    if b"\x00" in raw[:4096]:
        yield RecordError(str(p), "looks like a binary file (NUL bytes), not JSON")
        return
    warnings: tuple[str, ...] = ()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8-sig", errors=LENIENT)
        warnings = (not_utf8(str(p), exc.start, text),)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield RecordError(str(p), f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except ValueError as exc:  # an integer of more than 4,300 digits
        yield RecordError(str(p), f"not readable: {exc}")
        return
    except RecursionError:
        yield RecordError(str(p), "not readable: the JSON is nested too deeply (thousands of brackets)")
        return
    if isinstance(data, dict):
        has_id = find_field(list(data), (mp.id,) if mp.id else CANDIDATES["id"]) is not None
        yield Raw(str(p), data, {} if has_id else {"id": id}, warnings)
    elif isinstance(data, list):
        for k, item in enumerate(data, 1):
            if isinstance(item, dict):
                yield Raw(f"{p}:item {k}", item, {}, warnings)
            else:
                yield RecordError(f"{p}:item {k}", f"expected a JSON object (one article), found {type(item).__name__}")
    else:
        yield RecordError(str(p), "expected a JSON object (one article) or an array of objects, found "
                                  f"{type(data).__name__}")


def _arrow_batches(p: Path) -> Any:
    """The record batches of an Arrow IPC file (Feather 2) or stream (what Hugging Face's ``save_to_disk`` writes)."""
    import pyarrow as pa

    source = pa.memory_map(str(p)) if not p.name.lower().endswith(".gz") else pa.BufferReader(_read_bytes(p))
    try:
        reader: Any = pa.ipc.open_file(source)
        return reader.schema, (reader.get_batch(i) for i in range(reader.num_record_batches))
    except pa.ArrowInvalid:
        source.seek(0)
        reader = pa.ipc.open_stream(source)
        return reader.schema, iter(reader)


def _read_arrow(p: Path, mp: Mapping, id: str, need_text: bool) -> Iterator[Raw | RecordError]:
    import pyarrow as pa

    try:
        schema, batches = _arrow_batches(p)
    except (pa.ArrowException, OSError) as exc:
        yield RecordError(str(p), f"not a readable Arrow file ({exc})")
        return
    problem = _missing_text(schema.names, mp) if need_text else None
    if problem:
        yield RecordError(str(p), f"{problem}; the file was not read")
        return
    row_no = 0
    try:
        for batch in batches:
            for at in range(0, batch.num_rows, _PARQUET_BATCH):  # a Feather batch may hold 64K rows
                for row in batch.slice(at, _PARQUET_BATCH).to_pylist():
                    row_no += 1
                    yield Raw(f"{p}:row {row_no}", {k: v for k, v in row.items() if v is not None and v != ""})
    except (pa.ArrowException, OSError, ValueError, OverflowError) as exc:  # also values Python cannot hold
        yield RecordError(f"{p}:row {row_no + 1}", f"cannot read the rest of the Arrow file ({exc})")


# The columns of GDELT's Global Knowledge Graph 2.1 files (YYYYMMDDhhmmss.gkg.csv: tab-separated, no header line),
# as GDELT's GKG 2.1 codebook and its BigQuery table name them. A GKG row describes an article but holds no text:
# it is joined to the articles (--metadata FILE --metadata-key DocumentIdentifier, with the articles' URLs as ids)
# rather than analysed.
GDELT_GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier", "Counts",
    "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons", "Organizations",
    "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
    "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)


# The files Hugging Face's save_to_disk writes beside its .arrow data: they describe the dataset, hold no articles,
# and a folder read skips them.
HF_METADATA_FILES = frozenset(("dataset_info.json", "state.json", "dataset_dict.json"))


# -- the registry ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """One input format. ``read(path, mapping, id, need_text)`` yields the file's items (``id``: the file's own id,
    for one-article formats; ``need_text=False`` when the file is a metadata table); ``records(path, lines)``
    estimates the file's records for the progress bar (``lines``: its line count when ``counts_lines``)."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    describe: str  # for messages: what a file of this format holds
    read: Callable[[Path, Mapping, str, bool], Iterator[Raw | RecordError]]
    records: Callable[[Path, int | None], int | None] = lambda p, lines: 1
    counts_lines: bool = False
    tabular: bool = False  # rows of fields: can be grouped (group_by) and joined as a metadata file
    binary: bool = False  # not text: no text checks on its bytes


def one_article(make: Callable[[Path, str], Raw | Record | RecordError]) -> Callable[..., Iterator[Raw | RecordError]]:
    """The reader of a one-article format, from a function that reads the file."""
    def read(p: Path, mp: Mapping, id: str, need_text: bool) -> Iterator[Raw | RecordError]:
        item = make(p, id)
        if isinstance(item, Record):
            item = Raw(item.origin, {}, {"id": item.id, "text": item.text}, item.warnings)
        yield item
    return read


REGISTRY: tuple[Format, ...] = (
    Format("jsonl", (".jsonl", ".ndjson"), "one JSON object per line",
           lambda p, mp, id, need_text: _read_jsonl(p, mp), lambda p, lines: lines, counts_lines=True, tabular=True),
    Format("csv", (".csv", ".tsv"), "one article per row, with a header",
           lambda p, mp, id, need_text: _read_csv(p, mp, need_text=need_text),
           lambda p, lines: max(lines - 1, 0) if lines is not None else None, counts_lines=True, tabular=True),
    Format("parquet", (".parquet",), "one article per row",
           lambda p, mp, id, need_text: _read_parquet(p, mp, need_text=need_text),
           lambda p, lines: _parquet_rows(p), tabular=True, binary=True),
    Format("json", (".json",), "one article (an object), or an array of articles", _read_json,
           lambda p, lines: None, tabular=True),
    Format("gdelt-gkg", (".gkg.csv",), "GDELT GKG 2.1 rows (no header line; no article text: join them as metadata)",
           lambda p, mp, id, need_text: _read_csv(p, mp, need_text=need_text, columns=GDELT_GKG_COLUMNS,
                                                  delimiter="\t"),
           lambda p, lines: lines, counts_lines=True, tabular=True),
    Format("arrow", (".arrow", ".feather"), "one article per row (Arrow IPC file or stream: Hugging Face datasets)",
           _read_arrow, lambda p, lines: None, tabular=True, binary=True),
    Format("txt", (".txt",), "one article", one_article(read_text_file)),
    Format("html", (".html", ".htm"), "one saved page (its article text is extracted)", one_article(_read_html)),
)
# Suffix -> format name, the list every message and the dashboard's uploader show.
FORMATS: dict[str, str] = {s: f.name for f in REGISTRY for s in f.suffixes}
BINARY_FORMATS = frozenset(f.name for f in REGISTRY if f.binary)


def format_named(name: str) -> Format:
    return next(f for f in REGISTRY if f.name == name)
