"""load_corpus: a .jsonl corpus, a .jsonl of reports, a DuckDB store, and bad input."""

from __future__ import annotations

import json

import pytest

from framing.compare.corpus import load_corpus
from framing.errors import InputError

from .conftest import DEMO


def test_jsonl_corpus(demo):
    assert demo.n_articles == 165 and demo.origin == "jsonl"
    assert demo.name == "demo/articles"
    assert demo.inputs[0]["sha256"] and demo.inputs[0]["bytes"] > 0
    assert {"event", "leaning", "topic", "date"} <= set(demo.articles.columns)
    assert set(demo.texts) == set(demo.articles["article_id"])
    assert "lexicons" in demo.versions


def test_reports_jsonl_and_bad_records(tmp_path):
    from framing.report import analyse

    recs = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:3]]
    p = tmp_path / "reports.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for r in recs:
            d = analyse(r["text"], id=r["id"], source=r["source"], meta={"event": r["event"]}).to_dict(
                include_text=True)
            fh.write(json.dumps(d) + "\n")
    c = load_corpus(p)
    assert c.origin == "reports" and c.n_articles == 3 and len(c.texts) == 3

    bad = tmp_path / "mixed.jsonl"
    bad.write_text('{"id": "a", "text": "Officials said the plan failed.", "source": "X"}\nnot json\n'
                   '{"id": "a", "text": "Critics claimed it worked.", "source": "Y"}\n', encoding="utf-8")
    c = load_corpus(bad)
    assert c.n_articles == 2
    assert any("not valid JSON" in w for w in c.warnings)
    assert any("more than once" in w for w in c.warnings)
    assert sorted(c.articles["article_id"]) == ["a", "a#2"]


@pytest.mark.parametrize("name, content, message", [
    ("missing.jsonl", None, "no such file"),
    ("corpus.csv", "a,b\n", "unsupported input"),
    ("empty.jsonl", "\n", "no article could be analysed"),
])
def test_bad_inputs(tmp_path, name, content, message):
    p = tmp_path / name
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_corpus(p)


def test_duckdb_store(tmp_path, demo):
    runner = pytest.importorskip("framing.corpus.runner")
    db = tmp_path / "demo.duckdb"
    runner.run_corpus([str(DEMO)], db, progress=False)
    c = load_corpus(db)
    assert c.origin == "duckdb" and c.n_articles == 165
    assert set(c.texts) == set(c.articles["article_id"])
    assert c.versions.get("store_run") == 1 and "versions" in c.versions
    a = c.articles.set_index("article_id").sort_index()
    b = demo.articles.set_index("article_id").sort_index()
    assert (a["lt_author"] == b["lt_author"]).all()
    assert len(c.findings) == len(demo.findings)
