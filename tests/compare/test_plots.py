"""Charts: a Figure for 1, 2 and 25 sources, the "no interval" note where none can be computed, bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from framing import plots as P
from framing.compare import stats
from framing.compare.settings import CompareConfig

from .helpers import article_rows

CFG = CompareConfig(n_boot=200)
NAMES = ["Capital Wire", "Ñandú Noticias", "東京 Shimbun", "The $5 Daily", "Le Monde diplomatique"] + \
    [f"Outlet number {i} with a rather long name that goes on" for i in range(20)]


def articles(n_sources: int, *, singletons: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for k in range(n_sources):
        n = 1 if k < singletons else 6
        for j in range(n):
            w = int(rng.integers(200, 900))
            rows.append({"article_id": f"s{k}-{j}", "source": NAMES[k], "n_words": w,
                         "lt_count": int(rng.integers(0, 12)), "lt_author": int(rng.integers(0, 8)),
                         "lt_quoted": int(rng.integers(0, 3)), "lt_emotive": 2, "lt_emotive_author": 2,
                         "lt_hedge_author": int(rng.integers(0, 3)), "q_scare": int(rng.integers(0, 3)),
                         "attr_count": 5, "attr_neutral": 3, "attr_distancing": 2, "src_named_person": 3,
                         "src_anonymous": 2, "polarity": float(rng.normal(0, 0.1)), "subjectivity": 0.4,
                         "date": f"2026-0{1 + j % 3}-1{j}", "event": f"E{j}"})
    return article_rows(rows)


def texts_of(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(Text))


def terms_table(n: int) -> pd.DataFrame:
    return pd.DataFrame([{"group": NAMES[k], "rank": r + 1, "term": f"term{r}", "z": 5.0 - r * 0.3}
                         for k in range(n) for r in range(8)])


def labels_table(n: int) -> pd.DataFrame:
    rows = []
    for k in range(n):
        for lab, w, c in (("fighter", 0.0, 3), ("terrorist", 0.9, 1 + k % 3), ("militant", 0.3, 2)):
            rows.append({"group": NAMES[k], "concept": "armed_group", "label": lab, "weight": w, "count": c})
        rows.append({"group": NAMES[k], "concept": "crowd", "label": "protester", "weight": 0.0, "count": 2})
        rows.append({"group": NAMES[k], "concept": "crowd", "label": "rioter", "weight": 0.7, "count": 1})
    df = pd.DataFrame(rows)
    df["share"] = df["count"] / df.groupby(["group", "concept"])["count"].transform("sum")
    return df


def view_table(n: int) -> pd.DataFrame:
    return pd.DataFrame([{"group": NAMES[k], "n_articles": 1, "n_words": 300, "titles": "t",
                          "loaded_author_rate": float(k), "loaded_quoted_rate": 1.0, "loaded_terms": "thugs 2",
                          "scare_quotes": "experts" if k % 2 else "", "n_scare_quotes": k % 2,
                          "labels": "crowd: rioter", "speakers": "X", "verbs": "say", "anonymous_share": 0.1,
                          "polarity": 0.1, "subjectivity": 0.4} for k in range(n)])


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # CJK names without a CJK font: boxes
@pytest.mark.parametrize("n", [1, 2, 25])
def test_every_chart_returns_a_figure(n):
    a = articles(n)
    r = stats.rates(a, config=CFG)
    figs = [
        P.plot_rates(r, "loaded_author_rate", corpus="toy"),
        P.plot_rates(r, "source_anonymous_share"),
        P.plot_heatmap(r, corpus="toy"),
        P.plot_shares(r, "stance"),
        P.plot_shares(r, "source_type"),
        P.plot_terms(terms_table(n)),
        P.plot_labels(labels_table(n)),
        P.plot_labels(labels_table(n), concept="armed_group"),
        P.plot_over_time(stats.rates(a, by=["source", "date:month"], metrics=["loaded_author_rate"], config=CFG)),
        P.plot_event(view_table(n), event="E1"),
        P.plot_differences(stats.pairwise_differences(a, metrics=["loaded_author_rate"], config=CFG)),
    ]
    for f in figs:
        assert isinstance(f, Figure)
        f.canvas.draw()  # layout and text rendering must not fail (mathtext in "$5", CJK, long names)
    if n >= 25:
        w, h = figs[0].get_size_inches()
        assert h >= 25 * 0.25  # the chart grows with the number of groups


def test_titles_say_what_and_which_corpus():
    r = stats.rates(articles(2), config=CFG)
    text = texts_of(P.plot_rates(r, "loaded_author_rate", corpus="toy corpus (12 articles)"))
    assert "Loaded terms, writer's own voice" in text and "per 1,000 words" in text
    assert "corpus: toy corpus" in text and "bootstrap" in text


def test_no_interval_is_said_and_not_drawn():
    a = articles(3, singletons=1)
    r = stats.rates(a, metrics=["loaded_author_rate"], config=CFG)
    fig = P.plot_rates(r, "loaded_author_rate")
    assert "no interval" in texts_of(fig)
    ax = fig.axes[0]
    # whiskers (error bar segments) only for the groups that have an interval
    segments = sum(len(c.get_segments()) for c in ax.collections if hasattr(c, "get_segments"))
    assert segments == 2
    full = stats.rates(articles(3), metrics=["loaded_author_rate"], config=CFG)
    assert "no interval" not in texts_of(P.plot_rates(full, "loaded_author_rate"))


def test_differences_with_no_bootstrap_are_not_tested_not_insignificant():
    # regression (a review): with --n-boot 0 every pair was drawn "not significant", though none was tested
    pw = stats.pairwise_differences(articles(3), metrics=["loaded_author_rate"], config=CompareConfig(n_boot=0))
    assert pw["significant"].isna().all()
    legend = [t.get_text() for t in P.plot_differences(pw).axes[0].get_legend().get_texts()]
    assert legend == ["not tested"]


def test_over_time_says_when_no_interval_and_when_dates_fail():
    a = articles(2, singletons=2).assign(date=["2026-01-01", "garbage"])
    r = stats.rates(a, by=["source", "date:month"], metrics=["loaded_author_rate"], config=CFG)
    text = texts_of(P.plot_over_time(r))
    assert "no interval" in text and "without a usable date" in text


def test_over_time_places_periods_by_calendar_distance():
    """A sparse real corpus: 2014-12, 2015-01 and 2018-06 are 1 and 41 months apart, not one step each (and the
    line breaks over the gap)."""
    a = articles(1).iloc[:3].assign(date=["2014-12-05", "2015-01-20", "2018-06-02"])
    r = stats.rates(a, by=["source", "date:month"], metrics=["loaded_author_rate"], config=CFG)
    ax = P.plot_over_time(r).axes[0]
    x = ax.lines[0].get_xdata()
    assert list(x[:2]) == [0, 1] and np.isnan(x[2]) and x[3] == 42
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2014-12", "2015-01", "2018-06"]


def test_many_groups_are_limited_and_say_so():
    r = stats.rates(articles(25), metrics=["loaded_author_rate"], config=CFG)
    fig = P.plot_rates(r, max_groups=10)
    assert "10 largest of 25" in texts_of(fig)
    assert len(fig.axes[0].get_yticklabels()) == 10


def test_groups_of_one_article_are_chosen_by_words_then_name():
    # regression: ties among one-article groups were broken by name, so six-word groups "A", "B", "C" were charted
    # and a 1,734-word group "Z" was left out
    from framing.chartstyle import largest_series, limit_groups

    t = pd.DataFrame({"group": ["A", "B", "C", "Z", "Big"], "n_articles": [1, 1, 1, 1, 3],
                      "n_words": [6, 10, 8, 1734, 30]})
    kept, note = limit_groups(t, 3)
    assert sorted(kept["group"]) == ["B", "Big", "Z"] and note == "showing the 3 largest of 5 groups"
    assert largest_series(t, "group", 3) == (["B", "Big", "Z"], "the 3 largest groups")
    same = t.assign(n_words=10)  # same articles and words: by name
    assert sorted(limit_groups(same, 3)[0]["group"]) == ["A", "B", "Big"]


def test_empty_tables_give_a_figure_with_a_message():
    empty = pd.DataFrame(columns=["group", "rank", "term", "z"])
    assert "at least two groups" in texts_of(P.plot_terms(empty))
    assert "No actor labels" in texts_of(P.plot_labels(pd.DataFrame(columns=["group", "concept", "label"])))
    r = stats.rates(articles(2), metrics=["loaded_author_rate"], config=CFG)
    assert "No rows" in texts_of(P.plot_rates(r, "quotes_scare_rate"))


def test_plot_on_a_given_axes():
    fig = Figure()
    ax = fig.add_subplot()
    r = stats.rates(articles(2), config=CFG)
    assert P.plot_rates(r, ax=ax) is fig
    assert P.plot_event(view_table(3), ax=ax) is fig


def test_save_figure_is_deterministic(tmp_path):
    r = stats.rates(articles(2), config=CFG)
    out = []
    for k in range(2):
        paths = P.save_figure(P.plot_heatmap(r, corpus="toy"), tmp_path / f"h{k}")
        out.append([p.read_bytes() for p in paths])
    assert out[0] == out[1]
    assert [p.suffix for p in paths] == [".png", ".svg"]


def test_save_figure_lays_out_once_for_every_format(tmp_path):
    # the SVG is placed by the PNG's layout whether or not the PNG is written with it, and the figure is left as
    # it was (layout engine, resolution, canvas)
    r = stats.rates(articles(3), config=CFG)
    fig = P.plot_heatmap(r, corpus="toy")
    engine, dpi, canvas = fig.get_layout_engine(), fig.dpi, fig.canvas
    both = P.save_figure(fig, tmp_path / "both")
    assert (fig.get_layout_engine(), fig.dpi, fig.canvas) == (engine, dpi, canvas)
    alone = P.save_figure(P.plot_heatmap(r, corpus="toy"), tmp_path / "alone", ["svg"])
    assert alone[0].read_bytes() == both[1].read_bytes()


def test_svg_text_is_text_and_escaped(tmp_path):
    # an SVG's text is written as text (selectable, smaller), and text from articles cannot break out of it
    import xml.etree.ElementTree as ET

    terms = pd.DataFrame({"group": ["<script>x</script> & co", "Other"], "rank": [1, 1],
                          "term": ["a<b", "c&d"], "z": [2.0, 3.0]})
    svg = P.save_figure(P.plot_terms(terms, corpus="toy"), tmp_path / "t", ["svg"])[0]
    raw = svg.read_text(encoding="utf-8")
    assert "<script>" not in raw
    texts = {"".join(e.itertext()) for e in ET.fromstring(raw).iter("{http://www.w3.org/2000/svg}text")}
    assert {"<script>x</script> & co", "a<b", "c&d"} <= texts


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # CJK names without a CJK font: boxes
def test_measuring_saved_changes_no_byte(tmp_path, monkeypatch):
    # what saves the charts' text measuring (empty axis labels and panel titles given their places, cell values
    # outside the layout) leaves every PNG and SVG byte as matplotlib's own placing would: each chart kind drawn
    # both ways, small multiples (8 groups) and colour bars included
    from matplotlib.text import Text

    a = articles(8)
    r = stats.rates(a, config=CFG)

    def figures() -> list[Figure]:
        return [P.plot_rates(r, "loaded_author_rate", corpus="toy"), P.plot_heatmap(r, corpus="toy"),
                P.plot_shares(r, "stance"), P.plot_terms(terms_table(8)), P.plot_labels(labels_table(8)),
                P.plot_over_time(stats.rates(a, by=["source", "date:month"], metrics=["loaded_author_rate"],
                                             config=CFG)),
                P.plot_event(view_table(8), event="E1"),
                P.plot_differences(stats.pairwise_differences(a, metrics=["loaded_author_rate"], config=CFG))]

    saved = [P.save_figure(f, tmp_path / f"saved{k}") for k, f in enumerate(figures())]
    assert any(not t.get_in_layout() for f in figures() for t in f.findobj(Text))  # the shortcuts are there
    monkeypatch.setattr(P, "_no_label_places", lambda fig: None)
    monkeypatch.setattr(P, "_panel_title", lambda ax, text, own=True: ax.set_title(text, fontsize=9, loc="left"))
    plain = []
    for k, f in enumerate(figures()):
        for t in f.findobj(Text):
            t.set_in_layout(True)
        plain.append(P.save_figure(f, tmp_path / f"plain{k}"))
    for s, p in zip(saved, plain, strict=True):
        assert [x.read_bytes() for x in s] == [x.read_bytes() for x in p], s[0].name


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # CJK names without a CJK font: boxes
def test_quick_text_changes_no_byte(tmp_path, monkeypatch):
    # PNG and SVG drawn with fonts read from memory, strings measured, font tables read and glyphs rendered once per
    # process are the files matplotlib's own fonts, measuring and drawing give, byte for byte (rotated tick labels,
    # colour bars, mathematics and CJK names without a font included); a PDF written after them embeds its font from the file;
    # matplotlib's functions are put back as they were
    from contextlib import nullcontext

    from matplotlib import font_manager
    from matplotlib import text as mtext
    from matplotlib.backends.backend_agg import RendererAgg

    from framing import _chart_text

    def plain_functions() -> tuple[object, ...]:
        return (font_manager._get_font, mtext._get_text_metrics_function, mtext.get_font,
                RendererAgg._draw_text_glyphs_and_boxes)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the PDF's creation date
    plain = plain_functions()
    a = articles(8)
    r = stats.rates(a, config=CFG)

    def figures() -> list[Figure]:
        return [P.plot_rates(r, "loaded_author_rate", corpus="toy"), P.plot_heatmap(r, corpus="toy"),
                P.plot_terms(terms_table(8)), P.plot_labels(labels_table(8)), P.plot_event(view_table(8)),
                P.plot_shares(r, "stance", title=r"mathematics: $\alpha_i^2 + \sqrt{x}$")]

    memory = [P.save_figure(f, tmp_path / f"memory{k}", ["png", "svg", "pdf"]) for k, f in enumerate(figures())]
    assert plain_functions() == plain
    assert _chart_text._MEASURED and _chart_text._TABLES and _chart_text._GLYPHS  # strings, tables, glyphs kept
    path = font_manager.findfont("DejaVu Sans")
    with _chart_text.quick_text():
        assert not isinstance(font_manager.get_font(path).fname, (str, font_manager.FontPath))  # from memory
        with _chart_text.quick_text(fonts=False):  # re-entrant
            pass
        assert not isinstance(font_manager.get_font(path).fname, (str, font_manager.FontPath))
    assert font_manager.get_font(path).fname == font_manager.FontPath(path, 0)
    monkeypatch.setattr(P, "quick_text", lambda fonts=True: nullcontext())
    _chart_text._MEASURED.clear()
    _chart_text._TABLES.clear()
    _chart_text._GLYPHS.clear()
    plain_files = [P.save_figure(f, tmp_path / f"plain{k}", ["png", "svg", "pdf"]) for k, f in enumerate(figures())]
    assert not (_chart_text._MEASURED or _chart_text._TABLES or _chart_text._GLYPHS)
    for m, p in zip(memory, plain_files, strict=True):
        assert [x.read_bytes() for x in m] == [x.read_bytes() for x in p], m[0].name
