"""The explanations written in Python (when an article is analysed) and in SQL (the store's computed column) agree."""

from __future__ import annotations

import gzip
import itertools
import json

import duckdb
import pandas as pd
import pytest

import framing
from framing import explanations, tables
from framing.corpus import schema
from framing.findings import Attribution, LoadedTerm, Quote
from tests.conftest import ROOT, need_shared

DEMO = ROOT / "data" / "demo" / "articles.jsonl"


def sql_explanations(findings: pd.DataFrame) -> list[str | None]:
    """The store's explanation of each row: the rows go into a table of the store's findings schema."""
    con = duckdb.connect()
    cols = ", ".join(f'"{c}" {t}' for c, t in schema.finding_columns(computed=True))
    con.execute(f"CREATE TABLE findings ({cols})")
    rows = findings.drop(columns=["explanation"]).assign(seq=range(len(findings)))
    con.register("_rows", rows)
    con.execute("INSERT INTO findings BY NAME SELECT * FROM _rows")
    return [r[0] for r in con.execute("SELECT explanation FROM findings ORDER BY seq").fetchall()]


def check_same(reports: list[dict]) -> int:
    f = tables.findings_frame(reports)
    f = f.astype(object).where(f.notna(), None)
    got = sql_explanations(f)
    want = f["explanation"].tolist()
    diff = [(w, g) for w, g in zip(want, got) if w != g]
    assert not diff, f"{len(diff)} of {len(want)} differ, e.g. {diff[:3]}"
    return len(want)


def test_sql_and_python_agree_on_the_demo_corpus():
    reports = [framing.analyse(r["text"], id=r["id"]).to_dict()
               for r in map(json.loads, DEMO.read_text(encoding="utf-8").splitlines())]
    assert check_same(reports) > 1000


@pytest.mark.shared
def test_sql_and_python_agree_on_allsides_articles():
    path = need_shared("data", "allsides_articles", "subset_articles.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        reports = [framing.analyse(r["content_original"], id=str(n)).to_dict()
                   for n, r in enumerate(map(json.loads, itertools.islice(fh, 600)))]
    assert check_same(reports) > 10000


def _row(f: LoadedTerm | Quote | Attribution) -> dict:
    return {"article_id": "a", **{c: f.to_dict().get(c) for c in tables.finding_column_names() if c != "article_id"}}


def _lt(weight: float, neutral: str | None, voice: str) -> LoadedTerm:
    return LoadedTerm(0, 6, "regime", "regime", "actor_label", weight, neutral, voice, "loaded_terms",  # type: ignore[arg-type]
                      explanations.loaded_term("regime", "loaded_terms", "actor_label", "regime", weight, neutral,
                                               voice))


def _q(reason: str, speaker: str | None, cue: str | None) -> Quote:
    return Quote(0, 5, "it's", "partial", speaker, cue, '"', '"', 0, False, reason,  # type: ignore[arg-type]
                 explanations.quote("partial", reason, speaker, cue))


def _a(stance: str, source: str | None, speaker: str | None, via: str | None, direct: bool) -> Attribution:
    return Attribution(0, 4, "said", "say", stance, source, None, None, "named_person", None, None, via,  # type: ignore[arg-type]
                       direct, explanations.attribution("said", "say", stance, "named_person", source, speaker, via,
                                                        direct), speaker=speaker)


EDGE_CASES = [
    _lt(1.0, None, "author"), _lt(0.35, "government", "quoted"), _lt(2.5, "", "author"), _lt(1e-7, "o'clock", "x"),
    _q("a fragment; with 'quotes' and \"marks\"", "O'Brien", 'said "so"'), _q("r", None, "cue"), _q("r", "", None),
    _q("r", "S", None), _a("claimed", "Ms O'Neil", "Mary O'Neil", None, True), _a("neutral", "He", "He", "TV", False),
    _a("endorsing", None, None, "", False), _a("discrediting", "", "X", None, True),
]


@pytest.mark.parametrize("finding", EDGE_CASES, ids=lambda f: f.explanation[:40])
def test_sql_and_python_agree_on_edge_cases(finding):
    f = pd.DataFrame([_row(finding)], columns=list(tables.finding_column_names()))
    assert sql_explanations(f.astype(object).where(f.notna(), None)) == [finding.explanation]
