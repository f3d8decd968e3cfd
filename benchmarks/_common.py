"""What several benchmark scripts share: the real AllSides subset, a large corpus built from it, and timing."""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ROOT.parent / "shared" / "data" / "allsides_articles" / "subset_articles.jsonl.gz"


def first_texts(path: Path, n: int) -> list[str]:
    """The first ``n`` non-empty article texts of the AllSides subset at ``path``, or the bundled demo corpus repeated
    to ``n`` when the subset is absent (the speed benchmarks read their articles this way)."""
    if not path.exists():
        path = ROOT / "data/demo/articles.jsonl"
        print(f"(AllSides corpus not found; using {path})")
        demo = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
        return (demo * (n // len(demo) + 1))[:n]
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("content_original") or ""
            if t.strip():
                out.append(t)
            if len(out) >= n:
                break
    return out


def build_corpus(n: int, out: Path) -> int:
    """Write ``n`` articles to ``out`` (gzipped JSONL) by repeating the AllSides subset with distinct ids; each
    copy's text ends with a distinct line (``Copy 7.``) so that copies are not set aside as duplicates. The file
    appears only when complete. Returns the number of distinct articles in the subset."""
    rows = [json.loads(line) for line in gzip.open(SUBSET, "rt", encoding="utf-8")]
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as fh:
        for row in repeated(rows, n, "ID", "content_original"):
            fh.write(json.dumps(row) + "\n")
    tmp.rename(out)
    return len(rows)


def repeated(rows: list[dict[str, Any]], n: int, id_key: str, text_key: str) -> Iterator[dict[str, Any]]:
    """``n`` records from ``rows`` repeated: copy k of a record has the id ``ID-k`` and, from the second copy on, the
    line ``Copy k.`` at the end of its text (the corpus the speed and dashboard benchmarks are built from)."""
    for i in range(n):
        copy, r = divmod(i, len(rows))
        row = dict(rows[r])
        row[id_key] = f"{row[id_key]}-{copy}"
        if copy:
            row[text_key] = f"{row[text_key]}\n\nCopy {copy}."
        yield row


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` calls, and the last call's result."""
    out, times = None, []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out
