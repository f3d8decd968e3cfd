"""Reading articles for ``framing analyse``: a ``.txt`` file (one article), a ``.jsonl`` file (one object per line
with ``text`` and optional ``id``, ``source``, ``title``, ``date``, ``url``) or ``-`` for JSONL on stdin.

Reading never stops at a bad record: :func:`read` yields a :class:`Record` for each good one and a
:class:`RecordError` naming the file and line (and what is wrong) for each bad one, so every input line ends up
analysed or listed. Corpus formats (CSV, Parquet, folders, HTML) are in :mod:`framing.corpus.ingest`.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator

# A text with more than this share of control characters (other than newlines and tabs) is taken to be binary.
_BINARY_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    source: str | None
    origin: str  # "file:line" for messages
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordError:
    origin: str
    reason: str
    id: str | None = None

    def message(self) -> str:
        return f"{self.origin}: {self.reason}"


def read(path: str) -> Iterator[Record | RecordError]:
    """Records and errors from one input path (``-`` is stdin JSONL)."""
    if path == "-":
        yield from _read_jsonl(_text_lines(sys.stdin.buffer), "<stdin>", "stdin")
        return
    p = Path(path)
    if not p.exists():
        yield RecordError(path, "no such file")
        return
    if p.is_dir():
        yield RecordError(path, "is a folder; give .txt or .jsonl files (folders are read by `framing run`)")
        return
    name = p.name.lower()
    try:
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rb") as fh:  # type: ignore[operator]
                yield from _read_jsonl(_text_lines(fh), str(p), p.stem.split(".")[0])
        elif name.endswith((".txt", ".txt.gz")):
            yield _read_txt(p)
        else:
            yield RecordError(str(p), "unsupported input type; use .txt (one article), .jsonl (one object per line) "
                                      "or - for JSONL on stdin")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield RecordError(str(p), f"cannot read the file: {exc}")


def _text_lines(fh: IO[bytes]) -> Iterator[tuple[str, bool]]:
    """Lines of a binary stream decoded as UTF-8, each with a flag: was it invalid UTF-8 (bytes replaced)?"""
    for raw in fh:
        try:
            yield raw.decode("utf-8"), False
        except UnicodeDecodeError:
            yield raw.decode("utf-8", errors="replace"), True


def _read_jsonl(lines: Iterator[tuple[str, bool]], origin: str, stem: str) -> Iterator[Record | RecordError]:
    for lineno, (line, bad_utf8) in enumerate(lines, 1):
        where = f"{origin}:{lineno}"
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield RecordError(where, f"expected a JSON object with a \"text\" field, found {type(obj).__name__}")
            continue
        rid = obj.get("id")
        rid = str(rid) if rid is not None and str(rid).strip() else f"{stem}:{lineno}"
        if "text" not in obj:
            yield RecordError(where, "no \"text\" field", rid)
            continue
        text = obj["text"]
        if not isinstance(text, str):
            yield RecordError(where, f"\"text\" must be a string, found {type(text).__name__}", rid)
            continue
        problem = _unusable(text)
        if problem:
            yield RecordError(where, problem, rid)
            continue
        src = obj.get("source")
        meta = _meta(obj)
        warnings = (f"{where}: the line was not valid UTF-8; bad bytes were replaced with U+FFFD",) if bad_utf8 else ()
        yield Record(rid, text, str(src) if src is not None else None, where, meta, warnings)


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    """Every other scalar field of an input record (title, date, url, event, topic, leaning, ...), kept in order."""
    return {k: v for k, v in obj.items()
            if k not in ("id", "text", "source", "findings", "metrics", "versions", "warnings", "n_words")
            and isinstance(v, (str, int, float, bool))}


def _read_txt(p: Path) -> Record | RecordError:
    raw = gzip.decompress(p.read_bytes()) if p.name.lower().endswith(".gz") else p.read_bytes()
    warnings: tuple[str, ...] = ()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if b"\x00" in raw[:4096]:
            return RecordError(str(p), "looks like a binary file (NUL bytes), not text")
        text = raw.decode("utf-8", errors="replace")
        warnings = (f"{p}:{line}: not valid UTF-8 (first bad byte at offset {exc.start}); bad bytes were replaced "
                    "with U+FFFD",)
    text = text.lstrip("\ufeff")
    problem = _unusable(text)
    if problem:
        return RecordError(str(p), problem)
    return Record(p.stem, text, None, str(p), {}, warnings)


def _unusable(text: str) -> str | None:
    """Why a text cannot be analysed at all, or None."""
    if not text.strip():
        return "empty text (nothing but whitespace)" if text else "empty text"
    sample = text[:10000]
    if "\x00" in sample:
        return "looks like binary data (NUL characters), not text"
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if ctrl / len(sample) > _BINARY_SHARE:
        return f"looks like binary data ({ctrl} control characters in the first {len(sample)}), not text"
    return None


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, deterministic. Lone surrogates (invalid Unicode from the input) are written escaped."""
    s = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, separators=(", ", ": "))
    return s


def open_output(path: str) -> IO[str]:
    """``-`` is stdout; otherwise a UTF-8 file (its folder must exist)."""
    if path == "-":
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True) \
            if hasattr(sys.stdout, "buffer") else sys.stdout
    return open(path, "w", encoding="utf-8", newline="\n")
