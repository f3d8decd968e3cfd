"""Reading PolNeAR (brat ``.ann`` attribution files beside their texts), shared by the attribution scorer and the
quotation-speaker scorer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def _parse_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, _ = (line.split("\t") + ["", ""])[:3]
            kind, *rest = mid.split(" ")
            segs = " ".join(rest).split(";")
            offs = [(int(a), int(b)) for a, b in (s.split() for s in segs if s.strip())]
            spans[tid] = (kind, offs)
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            events.append(dict(p.split(":") for p in parts))
    return spans, events


def polnear_articles(root: Path) -> Iterator[tuple[str, str, dict[str, tuple[str, list[tuple[int, int]]]],
                                                  list[dict[str, str]]]]:
    """PolNeAR's annotated articles under ``root`` (a split folder): id, text, spans and events of the first
    annotator's ``.ann`` file (some texts were annotated several times; one is used, as the reference scorer does)."""
    for t in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            spans, events = _parse_ann(anns[0])
            yield t.stem, t.read_text(encoding="utf-8"), spans, events
