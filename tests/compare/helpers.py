"""Helpers for the comparison tests: small tables and corpora with known answers."""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing.compare.corpus import Corpus, corpus_from_reports
from framing.report import analyse
from framing.tables import count_columns


def article_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """An articles table with every count column zero except those given."""
    base = {c: 0 for c in count_columns()}
    base.update({"n_words": 0, "n_sentences": 1, "polarity": 0.0, "subjectivity": 0.0, "n_warnings": 0})
    out = []
    for i, r in enumerate(rows):
        d = dict(base)
        d["article_id"] = r.get("article_id", f"a{i}")
        d.update(r)
        out.append(d)
    return pd.DataFrame(out)


def make_corpus(records: list[dict[str, Any]], name: str = "toy") -> Corpus:
    """A corpus analysed from dicts with ``text`` (and ``id``, ``source`` and any metadata)."""
    reports = []
    for i, r in enumerate(records):
        meta = {k: v for k, v in r.items() if k not in ("id", "text", "source")}
        reports.append(analyse(r["text"], id=r.get("id", f"t{i}"), source=r.get("source"), meta=meta)
                       .to_dict(include_text=True))
    return corpus_from_reports(reports, name=name)


def spy_queries(store: Any) -> list[str]:
    """The SQL of every query the open store runs from now on (a list that fills as it runs them)."""
    reads: list[str] = []
    real = store._query
    store._query = lambda sql, params=(): (reads.append(sql), real(sql, params))[1]
    return reads
