"""Input and output of ``framing analyse``: :func:`read` gives the articles of one input path through the one reader
of the package (:mod:`framing.corpus.ingest`, which ``framing run`` and the dashboard's uploads use too), plus JSON
lines on stdin; :func:`dumps` and :func:`open_output` write the reports.

Reading never stops at a bad record: :func:`read` yields a :class:`~framing.records.Record` for each good one and a
:class:`~framing.records.RecordError` naming the file and line (and what is wrong) for each bad one, so every input
item ends up analysed or listed.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from framing.records import Record, RecordError


def read(path: str, mapping: Any = None, *, metadata_use: Any = None) -> Iterator[Record | RecordError]:
    """Records and errors from one input path (``-`` is JSONL on stdin), read exactly as ``framing run`` reads it
    (:mod:`framing.corpus.ingest`: the same formats, field names and field mapping (a
    :class:`~framing.corpus.ingest.Mapping`), ids, dates and errors). A path that does not exist or has an
    unsupported type is one error, so that the other paths are still read. ``metadata_use`` (a
    :class:`~framing.corpus.ingest.MetadataUse`) gets the rows of the mapping's metadata file that records took up."""
    from framing.corpus.ingest import input_format, read_inputs, read_stream, supported_inputs

    if path == "-":
        for i, item in enumerate(read_stream(sys.stdin.buffer, "<stdin>", mapping, metadata_use=metadata_use)):
            if i == 0 and isinstance(item, RecordError) and item.reason.startswith("not valid JSON"):
                # plain text piped in, most often: say what stdin takes (and what else would do)
                item = RecordError(item.origin, f"{item.reason}; stdin must be JSON lines (one JSON object per "
                                                'line, e.g. {"text": "..."}): give a text file by its path instead',
                                   item.id)
            yield item
        return
    p = Path(path)
    if not p.exists():
        yield RecordError(path, "no such file")
        return
    if input_format(p) is None:
        yield RecordError(path, f"unsupported input type; use {supported_inputs()}, or - for JSONL on stdin")
        return
    yield from read_inputs([path], mapping, metadata_use=metadata_use)


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
