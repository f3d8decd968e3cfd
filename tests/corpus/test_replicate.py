"""benchmarks/replicate_store.py: a store replicated in SQL is the store `framing run` makes of the same copies."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from framing.corpus.runner import run_corpus
from framing.corpus.store import open_store
from framing.workspace import store_ready

from .conftest import DEMO, ROOT, write_jsonl

sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import repeated  # noqa: E402
from replicate_store import replicate  # noqa: E402


def _copies(rows: list[dict], n: int) -> list[dict]:
    """The demo articles repeated as benchmarks/_common.build_corpus repeats the AllSides subset."""
    return list(repeated(rows, n, "id", "text"))


def test_replicated_store_equals_the_analysed_copies(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = len(rows) * 2 + 7  # two whole copies and part of a third
    base, full, out = tmp_path / "base.duckdb", tmp_path / "full.duckdb", tmp_path / "replicated.duckdb"
    run_corpus([str(write_jsonl(tmp_path / "base.jsonl", _copies(rows, len(rows))))], base)
    run_corpus([str(write_jsonl(tmp_path / "full.jsonl", _copies(rows, n)))], full)

    replicate(base, out, n, log=False)

    assert store_ready(out)
    with open_store(out, read_only=True) as a, open_store(full, read_only=True) as b:
        got, want = a.articles_frame(), b.articles_frame()
        assert len(got) == n
        # the figures: equal to the engine's on the copied texts (sentiment to rounding)
        pd.testing.assert_frame_equal(got.drop(columns=["polarity", "subjectivity"]),
                                      want.drop(columns=["polarity", "subjectivity"]))
        for col in ("polarity", "subjectivity"):
            assert (got[col] - want[col]).abs().max() < 0.02, col
        pd.testing.assert_frame_equal(a.findings_frame(), b.findings_frame())
        ids = got["article_id"].tolist()
        assert a.texts(ids) == b.texts(ids)
        hashes = "SELECT article_id, content_hash FROM articles ORDER BY article_id"
        assert a.con.execute(hashes).fetchall() == b.con.execute(hashes).fetchall()
        # numbered as the run numbered them (in the order written), the findings with their articles' numbers
        numbers = "SELECT article_id, article_no FROM articles ORDER BY article_id"
        assert a.con.execute(numbers).fetchall() == b.con.execute(numbers).fetchall()
        numbers = "SELECT article_id, seq, article_no FROM findings ORDER BY ALL"
        assert a.con.execute(numbers).fetchall() == b.con.execute(numbers).fetchall()
        assert a._numbered() and b._numbered()
        assert a.counts(1) == {"input": n, "analysed": n, "up_to_date": 0, "duplicate": 0, "error": 0}
        assert a.runs()["status"].tolist() == ["complete"]
        # the word-choice term counts: those the store of the real run counted from the copies' texts
        assert a.has_terms() and b.has_terms()
        assert a.has_labels() and b.has_labels()
        for table in ("terms", "terms_month", "article_labels"):
            rows = f"SELECT * FROM {table} ORDER BY ALL"
            assert a.con.execute(rows).fetchall() == b.con.execute(rows).fetchall(), table
