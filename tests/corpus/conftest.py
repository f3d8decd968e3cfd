"""Helpers for the corpus tests: small corpora, the command line, and the store's tables for comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "articles.jsonl"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def synthetic(n: int, start: int = 0) -> list[dict]:
    """Short distinct articles with a loaded term, a quote and an attribution each."""
    outlets = ["Herald", "Courier", "Ledger"]
    return [{"id": f"s{i:05d}", "source": outlets[i % 3], "date": f"2026-01-{1 + i % 28:02d}", "event": f"E{i % 4}",
             "text": f'Story {i}: the minister said the "reform" of harbour {i} was needed; critics slammed it.'}
            for i in range(start, start + n)]


def store_tables(db: Path) -> dict[str, pd.DataFrame]:
    """Every table of a store, read in its deterministic order, without the run timings."""
    with open_store(db, read_only=True) as st:
        runs = st.runs().drop(columns=["started", "seconds", "articles_per_s"])
        manifests = []
        for r in runs["run_id"]:
            m = st.manifest(int(r))
            m.pop("timings")
            manifests.append(json.dumps(m, sort_keys=True))
        return {
            "articles": st.articles_frame(),
            "findings": st.findings_frame(),
            "texts": pd.DataFrame(sorted(st.texts(st.articles_frame()["article_id"]).items())),
            "records": st.records(),
            "errors": st.errors(),
            "runs": runs.assign(manifest=manifests),
        }


def assert_same_store(a: Path, b: Path) -> None:
    ta, tb = store_tables(a), store_tables(b)
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def assert_cells_consistent(st: Store) -> None:
    """The store's cells hold the sums of exactly its articles: per source and day, the sums added up from the cells
    equal the sums computed from the articles (no article missing, none counted twice)."""
    from framing import moments
    from framing.corpus.store import CELL_TABLES

    assert st.has_cells()
    moms = moments.moments()
    for table, keys in CELL_TABLES.items():
        by = [k if k != "date" else ("date:day" if table == "cells" else "date:month") for k in keys]
        got, want = st.group_sums(None, by, moms, use_cells=table), st.group_sums(None, by, moms, use_cells=False)
        assert got.attrs["from"] == table and want.attrs["from"] == "articles"
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9, atol=1e-9, obj=table)


@pytest.fixture()
def demo() -> Path:
    return DEMO
