"""Reading articles for ``framing analyse``: a ``.txt`` file (one article), a saved ``.html`` page (its main text),
a ``.jsonl`` file (one object per line with ``text`` and optional ``id``, ``source``, ``title``, ``date``, ``url``)
or ``-`` for JSONL on stdin. Text that turns out to be HTML is read as its extracted main text, with a warning.

Reading never stops at a bad record: :func:`read` yields a :class:`Record` for each good one and a
:class:`RecordError` naming the file and line (and what is wrong) for each bad one, so every input line ends up
analysed or listed. Corpus formats (CSV, Parquet, folders, HTML) are in :mod:`framing.corpus.ingest`.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


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
    from framing.corpus.ingest import (  # shared with `framing run`
        binary_head,
        gzip_damage,
        jsonl_objects,
        read_text_file,
        text_lines,
    )

    if path == "-":
        binary = binary_head(sys.stdin.buffer)
        if binary:
            yield RecordError("<stdin>", binary)
            return
        yield from _read_jsonl(jsonl_objects(text_lines(sys.stdin.buffer), "<stdin>"), "stdin")
        return
    p = Path(path)
    if not p.exists():
        yield RecordError(path, "no such file")
        return
    if p.is_dir():
        yield RecordError(path, "is a folder; give .txt or .jsonl files (folders are read by `framing run`)")
        return
    name = p.name.lower()
    damaged = gzip_damage(p)
    if damaged:
        yield RecordError(path, damaged)
        return
    try:
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rb") as fh:  # type: ignore[operator]
                binary = binary_head(fh)
                if binary:
                    yield RecordError(str(p), binary)
                    return
                yield from _read_jsonl(jsonl_objects(text_lines(fh), str(p)), p.stem.split(".")[0])
        elif name.endswith((".txt", ".txt.gz")):
            yield read_text_file(p, p.stem)
        elif name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            from framing.corpus.ingest import read_inputs

            yield from read_inputs([str(p)])  # the main text of a saved page, as `framing run` reads it
        else:
            yield RecordError(str(p), "unsupported input type; use .txt (one article), .html (a saved page), .jsonl "
                                      "(one object per line) or - for JSONL on stdin")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield RecordError(str(p), f"cannot read the file: {exc}")


def _read_jsonl(objects: Iterable[tuple[str, dict[str, Any] | str, bool]],
                stem: str) -> Iterator[Record | RecordError]:
    from framing.corpus.ingest import clean_text, field_string, unusable

    for where, obj, bad_utf8 in objects:
        if isinstance(obj, str):
            yield RecordError(where, obj)
            continue
        lineno = where.rsplit(":", 1)[1]
        rid, bad_id = field_string(obj.get("id"), "id")
        if bad_id:
            yield RecordError(where, bad_id)
            continue
        rid = rid or f"{stem}:{lineno}"
        src, bad_source = field_string(obj.get("source"), "source")
        if bad_source:
            yield RecordError(where, bad_source, rid)
            continue
        if "text" not in obj:
            yield RecordError(where, "no \"text\" field", rid)
            continue
        text = obj["text"]
        if not isinstance(text, str):
            yield RecordError(where, f"\"text\" must be a string, found {type(text).__name__}", rid)
            continue
        problem = unusable(text)
        if problem:
            yield RecordError(where, problem, rid)
            continue
        text, cleaned = clean_text(text, where)
        meta = _meta(obj)
        warnings: tuple[str, ...] = (
            (f"{where}: the line was not valid UTF-8; bad bytes were replaced with U+FFFD",) if bad_utf8 else ())
        yield Record(rid, text, src, where, meta, warnings + tuple(cleaned))


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    """Every other scalar field of an input record (title, date, url, event, topic, leaning, ...), kept in order."""
    return {k: v for k, v in obj.items()
            if k not in ("id", "text", "source", "findings", "metrics", "versions", "warnings", "n_words")
            and isinstance(v, (str, int, float, bool))}


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, deterministic. Lone surrogates (invalid Unicode from the input) are written escaped."""
    s = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, separators=(", ", ": "))
    return s


def open_output(path: str) -> IO[str]:
    """``-`` is stdout (UTF-8, never closed by the caller's ``with``); otherwise a UTF-8 file in an existing folder."""
    if path == "-":
        return _Stdout()  # type: ignore[return-value]
    return open(path, "w", encoding="utf-8", newline="\n")


class _Stdout:
    """Writes UTF-8 to the process's stdout; leaving a ``with`` block flushes it instead of closing it."""

    def __init__(self) -> None:
        buf = getattr(sys.stdout, "buffer", None)
        self._fh: Any = io.TextIOWrapper(buf, encoding="utf-8", newline="\n", write_through=True) if buf else sys.stdout

    def write(self, s: str) -> int:
        return self._fh.write(s)

    def __enter__(self) -> _Stdout:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.flush()
        if self._fh is not sys.stdout:
            self._fh.detach()  # leave sys.stdout's buffer open
