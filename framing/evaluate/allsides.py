"""The shared AllSides subset, read once: our labels name its articles by id and hold no text."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

# Where the subset sits under the shared data folder.
ALLSIDES = "allsides_articles/subset_articles.jsonl.gz"


def allsides_articles(path: Path, wanted: set[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(id, outlet, text) of each article in an AllSides ``.jsonl.gz`` (``wanted``: only these ids): the id is
    ``abp_<ID>`` as in the shared quotation sets, the text the ``content_original`` field byte for byte."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            aid = "abp_" + str(rec.get("ID"))
            if wanted is None or aid in wanted:
                yield aid, rec.get("source") or "", rec.get("content_original") or ""
