"""``docs/extending.md`` followed step by step on toys: a detector, an input format and a chart kind, each added in
the places the guide names and nowhere else (here by monkeypatching the registries, as editing the registry's
tuple in the source would). If one of these tests needs a change elsewhere, the guide is wrong: fix both."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import duckdb
import pytest

import framing
from framing import charts, detectors, tables
from framing.charts import ChartKind, ChartParams
from framing.cli import main
from framing.compare import stats
from framing.compare.metrics import families, metric
from framing.corpus import formats
from framing.corpus.runner import run_corpus
from framing.detectors import Context, Detector, Layer, MarkSpec, Metric, MetricFamily
from framing.findings import QUOTED_KINDS, finding_dict
from framing.highlight import article_html, findings_table, layer_names, legend_html
from framing.render import render_text
from framing.uploads import parse_upload
from tests.conftest import ROOT

DEMO = ROOT / "data" / "demo" / "articles.jsonl"
TEXT = 'What a disgrace! The mayor said: "We will win!" Nobody agreed.'


# -- a detector (guide, "Add a detector") ------------------------------------------------------------------------

# Step 1: the finding class (framing/findings.py).
@dataclass(frozen=True, slots=True)
class Exclamation:
    start: int
    end: int
    text: str
    voice: str
    sentence_end: bool
    explanation: str
    type: str = "exclamation"

    def to_dict(self) -> dict[str, Any]:
        return finding_dict(self)


# Step 2: the explanation, in Python and in SQL (framing/explanations.py).
def explain(voice: str) -> str:
    return f"An exclamation mark in the {voice} voice."


def explain_sql() -> str:
    return "'An exclamation mark in the ' || voice || ' voice.'"


# Step 3: the detection, a pure function (framing/detect/<name>.py); it may use what other detectors found.
def detect(ctx: Context) -> list[Exclamation]:
    quoted = [(c.span.start, c.span.end) for c in ctx.quotations() if c.kind in QUOTED_KINDS]
    out = []
    for m in re.finditer("!", ctx.doc.original):
        voice = "quoted" if any(s <= m.start() < e for s, e in quoted) else "author"
        out.append(Exclamation(m.start(), m.end(), "!", voice, True, explain(voice)))
    return out


def _summarise(ctx: Context, n_words: int) -> dict[str, Any]:
    found = ctx.found["exclamation"]
    return {"count": len(found), "author": sum(f.voice == "author" for f in found)}


# Step 4: the declaration (framing/detectors/<name>.py).
TOY = Detector(
    type="exclamation", finding=Exclamation, step="exclamation marks", detect=detect, rank=4,
    columns=(("voice", "VARCHAR"), ("sentence_end", "BOOLEAN")), explanation_sql=explain_sql,
    metrics_key="exclamations", summarise=_summarise,
    count_columns=lambda: [("excl_count", "BIGINT"), ("excl_author", "BIGINT")],
    row=lambda s: {"excl_count": s["count"], "excl_author": s["author"]},
    families=(MetricFamily("exclamations", "Exclamation marks", "exclamation_author_rate"),),
    metrics=lambda per: [Metric("exclamation_author_rate", "Exclamation marks, writer's own voice", "exclamations",
                                ("excl_author",), "n_words", per, f"per {per:,} words")],
    layers=(Layer("excl", "Exclamations", "Exclamation marks (shadow)", style="box-shadow: 0 0 0 2px {colour};",
                  swatch="box-shadow: 0 0 0 2px {colour};", colours={"author": "#D55E00", "quoted": "#777777"}),),
    marks=lambda f: [MarkSpec(f["start"], f["end"], "excl", f["voice"], "Exclamation mark", f["explanation"])],
    describe=lambda f: f"exclamation: {f['voice']}",
    heading="exclamation marks", line=lambda f: f"{f['voice']}",
)


@pytest.fixture
def toy_detector(monkeypatch):
    # Step 5: register it (framing/detectors/__init__.py, DETECTORS).
    monkeypatch.setattr(detectors, "DETECTORS", (*detectors.DETECTORS, TOY))


def test_a_new_detector_reaches_the_report(toy_detector):
    r = framing.analyse(TEXT)
    found = [f for f in r.findings if f.type == "exclamation"]
    assert [(f.start, f.voice) for f in found] == [(15, "author"), (45, "quoted")]
    assert found[0].explanation == "An exclamation mark in the author voice."
    assert r.metrics["exclamations"] == {"count": 2, "author": 1}
    assert "exclamation marks\n    [15:16] author" in render_text(r.to_dict())


def test_a_new_detector_reaches_the_tables_and_comparisons(toy_detector):
    reports = [framing.analyse(TEXT, id="a", source="X").to_dict(),
               framing.analyse("Calm text. Nothing else.", id="b", source="Y").to_dict()]
    articles, found = tables.frames(reports)
    assert articles.set_index("article_id")["excl_author"].to_dict() == {"a": 1, "b": 0}
    assert {"voice", "sentence_end"} <= set(found.columns)
    assert (found["type"] == "exclamation").sum() == 2
    assert metric("exclamation_author_rate").family == "exclamations"
    assert "exclamations" in {f.name for f in families()}
    r = stats.rates(articles, by="source", metrics=["exclamations"])
    assert set(r["metric"]) == {"exclamation_author_rate"} and r["value"].max() > 0


def test_a_new_detector_reaches_the_store_with_its_explanation(toy_detector, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT, "source": "X"}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    summary = run_corpus([str(corpus)], db, progress=False)
    assert summary.counts["analysed"] == 1
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT voice, sentence_end, explanation FROM findings WHERE type = 'exclamation' "
                       "ORDER BY start").fetchall()
    assert rows == [("author", True, explain("author")), ("quoted", True, explain("quoted"))]
    assert con.execute("SELECT excl_count FROM articles").fetchone() == (2,)
    con.close()


def test_a_new_detector_reaches_the_highlighter(toy_detector):
    found = framing.analyse(TEXT).findings
    html = article_html(TEXT, found)
    assert "fr-excl fr-excl-author" in html and "box-shadow: 0 0 0 2px #D55E00;" in html
    assert "Exclamation marks (shadow)" in legend_html(found)
    assert layer_names()["excl"] == "Exclamations"
    assert "exclamation: quoted" in {r["finding"] for r in findings_table(found)}


# -- an input format (guide, "Add an input format") ----------------------------------------------------------------

@pytest.fixture
def toy_format(monkeypatch):
    md = formats.Format("markdown", (".md",), "one article", formats.one_article(formats.read_text_file))
    monkeypatch.setattr(formats, "REGISTRY", (*formats.REGISTRY, md))
    monkeypatch.setitem(formats.FORMATS, ".md", "markdown")


def test_a_new_format_is_read_by_analyse_run_and_uploads(toy_format, tmp_path, capsys):
    note = tmp_path / "notes.md"
    note.write_text("# Notes\n\nOfficials said the plan was a disaster.", encoding="utf-8")
    assert main(["analyse", str(note)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["id"] == "notes" and report["metrics"]["attributions"]["count"] == 1
    summary = run_corpus([str(tmp_path)], tmp_path / "s.duckdb", progress=False)
    assert summary.counts["analysed"] == 1
    assert len(parse_upload("notes.md", note.read_bytes()).records) == 1


# -- a chart kind (guide, "Add a chart") ---------------------------------------------------------------------------

def _plot_tone(t: Any, p: ChartParams) -> Any:
    from matplotlib.figure import Figure

    d = t[t["metric"] == "subjectivity_mean"]
    fig = Figure(figsize=(4, 3))
    fig.add_subplot().barh(d["group"].astype(str), d["value"])
    return fig


TONE_BARS = ChartKind("tone-bars", "Tone bars", "mean subjectivity per group", "compare",
                      lambda tb, p: tb.rates("tone"), _plot_tone, lambda t, p: t[t["metric"] == "subjectivity_mean"])


def test_a_new_chart_kind_is_drawn_by_the_cli(monkeypatch, tmp_path):
    monkeypatch.setattr(charts, "CHARTS", (*charts.CHARTS, TONE_BARS))
    out = tmp_path / "tone.png"
    assert main(["chart", "tone-bars", str(DEMO), "-o", str(out), "--n-boot", "0"]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert "tone-bars" in charts.kinds("compare")


def test_every_dashboard_page_is_in_the_navigation():
    """Guide, "Add a dashboard page": a page file that app.py does not list is unreachable."""
    app = (ROOT / "dashboards" / "app.py").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (ROOT / "dashboards" / "views").glob("*.py"))
    assert pages and all(f'"views/{p}"' in app for p in pages)
