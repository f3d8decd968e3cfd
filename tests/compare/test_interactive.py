"""Interactive charts (framing.interactive through the registry of framing.charts): every chart kind of the Compare
page has a Vega-Lite version built from the same table as its matplotlib chart, with tooltips (value, interval,
articles, words), one point selection on the group fields, the same groups as the static chart, untrusted names
only as data, and the same specification for the same table."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from framing import charts
from framing import interactive as V
from framing.charts import ChartParams, draw_interactive, interactive_kinds, kinds
from framing.compare import stats
from framing.errors import ConfigError

from .test_plots import CFG, NAMES, articles

HOSTILE = "<img src=x onerror=alert(1)> \"Gazette\" {{datum.x}} [link](javascript:alert(2))"


class FrameTables:
    """A :class:`framing.charts.Tables` over an articles table (the tables the registry draws from)."""

    def __init__(self, a: pd.DataFrame) -> None:
        self.a = a

    def rates(self, select: str) -> pd.DataFrame:
        return stats.rates(self.a, metrics=[select], config=CFG)

    def pairwise(self, metric: str) -> pd.DataFrame:
        return stats.pairwise_differences(self.a, metrics=[metric], config=CFG)

    def over_time(self, metric: str, freq: str) -> pd.DataFrame:
        return stats.rates(self.a, by=["source", f"date:{freq}"], metrics=[metric], config=CFG)

    def distinctive_terms(self) -> pd.DataFrame:
        raise NotImplementedError

    def actor_labels(self) -> pd.DataFrame:
        raise NotImplementedError

    def event_view(self, event: str) -> pd.DataFrame:
        raise NotImplementedError


# the Compare page's kinds, the measure each is drawn for, and the tooltip titles it must have
KINDS = {
    "rates": ("loaded_author_rate", {"group", "95% interval", "articles", "words"}),
    "differences": ("loaded_author_rate", {"group A", "group B", "95% interval"}),
    "heatmap": ("loaded_author_rate", {"group", "category", "95% interval", "articles", "words"}),
    "stances": ("loaded_author_rate", {"group", "stance", "share", "95% interval", "attributions", "articles",
                                       "words"}),
    "source-types": ("loaded_author_rate", {"group", "source type", "share", "95% interval", "attributions",
                                            "articles", "words"}),
    "time": ("loaded_author_rate", {"group", "period", "95% interval", "articles", "words"}),
    "roles": ("loaded_author_rate", {"group", "quote role", "share", "95% interval", "attributed quotations",
                                     "articles", "words"}),
}


def with_roles(a: pd.DataFrame) -> pd.DataFrame:
    """Attributed quotations by the speaker's role, so that the roles chart has shares to stack."""
    k = pd.Series(range(len(a)), index=a.index)
    return a.assign(q_role_politician=k % 3, q_role_expert=1, q_role_unknown=k % 2,
                    q_attributed=k % 3 + 1 + k % 2)


def spec_of(kind: str, a: pd.DataFrame, **params: Any) -> dict[str, Any]:
    a = with_roles(a) if kind == "roles" else a
    c = draw_interactive(kind, FrameTables(a), ChartParams(metric=KINDS[kind][0], corpus="toy", **params))
    return c.figure.to_dict()


def rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's data rows (every dataset but the constant ones)."""
    sets = [v for v in spec["datasets"].values() if v and "group" in v[0] or v and "group_a" in v[0]]
    assert len(sets) == 1, [list(v[0]) for v in spec["datasets"].values()]
    return sets[0]


def walk(node: Any, path: tuple[str, ...] = ()):  # noqa: ANN201
    """Every (key path, value) of a specification."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, (*path, k))
    elif isinstance(node, list):
        for v in node:
            yield from walk(v, path)
    else:
        yield path, node


def tooltip_titles(spec: dict[str, Any]) -> set[str]:
    return {v for p, v in walk(spec) if len(p) >= 2 and p[-2] == "tooltip" and p[-1] == "title"}


def encoded_channels(spec: dict[str, Any]) -> set[str]:
    return {p[p.index("encoding") + 1] for p, _ in walk(spec) if "encoding" in p and p.index("encoding") + 1 < len(p)}


def test_every_chart_of_the_compare_page_has_an_interactive_version():
    assert set(interactive_kinds("compare")) == set(kinds("compare")) == set(KINDS)
    assert [k.name for k in kinds().values() if k.page != "compare" and k.interactive] == ["terms", "labels", "event"]


def test_the_distinctive_terms_chart_has_each_groups_first_terms_tooltips_and_a_selection():
    """Small multiples of each group's first 10 terms by z (the 40 groups with the most articles, as the PNG), the
    same specification for the same table; no example text enters it."""

    class Terms(FrameTables):
        def __init__(self, groups: int) -> None:
            self.t = pd.DataFrame([{"group": f"G{g:02d}", "n_articles": 100 - g, "rank": r, "term": f"term {g} {r}",
                                    "count": 30 - r,
                                    "count_rest": 5, "rate": 1.5, "rate_rest": 0.5, "n_articles_with": 4,
                                    "top_source_share": float("nan"), "log_odds": 1.0, "z": 20.0 - r,
                                    "example": f"[term {g} {r}] in context"} for g in range(groups)
                                   for r in range(1, 16)])

        def distinctive_terms(self) -> pd.DataFrame:
            return self.t

    spec = draw_interactive("terms", Terms(12), ChartParams(corpus="toy")).figure.to_dict()
    assert spec == draw_interactive("terms", Terms(12), ChartParams(corpus="toy")).figure.to_dict()
    assert spec["params"][0]["name"] == V.SELECTION and spec["facet"]["field"] == "group"
    (data,) = [v for v in spec["datasets"].values() if v and "term" in v[0]]
    d = pd.DataFrame(data)
    assert len(d) == 12 * 10 and set(d["term"]) == {f"term {g} {r}" for g in range(12) for r in range(1, 11)}
    assert "in context" not in json.dumps(spec) and {"z-score", "uses", "articles with it"} <= tooltip_titles(spec)
    many = draw_interactive("terms", Terms(45), ChartParams()).figure.to_dict()
    assert "the 40 groups with the most articles (5 of 45 left out)" in many["title"]["subtitle"]


def test_the_distinctive_terms_chart_shows_the_groups_with_the_most_articles():
    """Regression: with more than 40 groups the chart (and its PNG) showed the first 40 by name, leaving out large
    outlets whose names come late in the alphabet; it shows the 40 with the most articles (ties by name), by name."""
    from framing import plots

    sizes = {f"G{g:02d}": (g * 7) % 45 + 1 for g in range(45)}  # sizes unrelated to the names' order
    t = pd.DataFrame([{"group": name, "n_articles": n, "rank": r, "term": f"t{r}", "count": 9, "rate": 1.0,
                       "rate_rest": 0.5, "n_articles_with": 2, "z": 3.0 - r / 10} for name, n in sizes.items()
                      for r in range(1, 4)])
    largest = sorted(sorted(sizes, key=lambda g: -sizes[g])[:40])
    assert largest != sorted(sizes)[:40]
    spec = V.terms_chart(t).to_dict()
    (data,) = [v for v in spec["datasets"].values() if v and "term" in v[0]]
    assert sorted({r["group"] for r in data}) == largest
    assert spec["title"]["subtitle"] == ["the 40 groups with the most articles (5 of 45 left out)"]
    fig = plots.plot_terms(t)
    assert sorted(a.get_title(loc="left") for a in fig.axes if a.get_title(loc="left")) == largest
    assert "the 40 groups with the most articles (5 of 45 left out)" in fig._suptitle.get_text()  # noqa: SLF001
    assert V.terms_chart(t[t["group"].isin(largest)]).to_dict()["title"]["subtitle"] == []  # none left out


@pytest.mark.parametrize("groups", [2, 11, 40])
def test_the_distinctive_terms_chart_fits_the_pages_column(groups):
    """Regression: four panels across, each with 150 px of bars, 150 px of term labels and a group name up to 180 px,
    made the chart about 1,300 px wide, wider than the page's column on a 1,400-px window, which clipped its right
    panels. The panels wrap to as many as fit TERMS_CHART_PX, and no name, term or title line can widen them."""
    t = pd.DataFrame([{"group": f"An outlet with a very long name indeed, number {g}" * 2, "n_articles": 5, "rank": r,
                       "term": f"a very long bigram term {r} " * 3, "count": 9, "rate": 1.0, "rate_rest": 0.5,
                       "n_articles_with": 2, "z": 3.0 - r / 10} for g in range(groups) for r in range(1, 11)])
    spec = V.terms_chart(t, corpus="a corpus with a long filter; " * 10).to_dict()
    columns = spec["columns"]
    assert columns == min(groups, V.TERM_COLUMNS_PER_ROW) and V.TERM_COLUMNS_PER_ROW >= 2
    width = columns * V.TERM_PANEL_PX - V.FACET_SPACING_PX
    assert width <= V.TERMS_CHART_PX
    inner = spec["spec"]
    assert inner["width"] == V.TERM_BAR_PX and inner["encoding"]["y"]["axis"]["labelLimit"] == V.TERM_LABEL_PX
    assert spec["facet"]["header"]["labelLimit"] <= V.TERM_PANEL_PX - V.FACET_SPACING_PX
    assert spec["spacing"] == V.FACET_SPACING_PX and spec["title"]["limit"] <= V.TERMS_CHART_PX


class Labels(FrameTables):
    """An actor-labels table (framing.compare.actor_labels' columns) of ``groups`` groups, a hostile name among
    them, for two concepts of three labels and one of a single label."""

    def __init__(self, groups: int) -> None:
        names = [f"G{g:02d}" for g in range(groups - 1)] + [HOSTILE]
        rows = []
        for g, name in enumerate(names):
            for concept, labs in (("armed_group", ("militant", "terrorist", "fighter")),
                                  ("government", ("regime", "government", "administration")), ("crowd", ("mob",))):
                counts = [1 + (g + i) % 4 for i in range(len(labs))]
                rows += [{"group": name, "concept": concept, "label": lab, "weight": 0.0 if i == 0 else 0.8,
                          "count": n + g, "share": (n + g) / sum(c + g for c in counts), "n_articles": 1,
                          "quoted": 1, "scare": 0, "example_article_id": "a", "example_start": 0,
                          "example_end": 3, "example": f"the [{lab}] said"}
                         for i, (lab, n) in enumerate(zip(labs, counts, strict=True))]
        self.t = pd.DataFrame(rows)

    def actor_labels(self) -> pd.DataFrame:
        return self.t


def test_the_actor_labels_chart_shows_the_static_charts_cells_with_tooltips_and_a_selection():
    """The cells of framing.plots.plot_labels (concepts of one label left out; one concept: its labels), each
    label's share, the group a click picks; names only as data, no example sentence."""
    spec = draw_interactive("labels", Labels(5), ChartParams(corpus="toy")).figure.to_dict()
    assert spec == draw_interactive("labels", Labels(5), ChartParams(corpus="toy")).figure.to_dict()
    assert spec["params"][0]["name"] == V.SELECTION and spec["params"][0]["select"]["fields"] == ["group"]
    d = pd.DataFrame(rows(spec))
    assert len(d) == 5 * 6 and set(d["concept"]) == {"armed group", "government"}  # "crowd": one label only
    t = Labels(5).t.set_index(["group", "label"])
    for r in d.itertuples():
        assert r.share == pytest.approx(t.at[(r.group, r.item.split(" (")[0]), "share"])
    assert {"share of the concept's mentions", "mentions", "inside scare quotes"} <= tooltip_titles(spec)
    assert "said" not in json.dumps(spec) and "onerror" not in json.dumps({k: v for k, v in spec.items()
                                                                          if k != "datasets"})
    one = draw_interactive("labels", Labels(5), ChartParams(concept="crowd")).figure.to_dict()
    assert {r["item"] for r in rows(one)} == {"mob (0)"} and one["encoding"]["y"]["field"] == "group"
    many = draw_interactive("labels", Labels(45), ChartParams()).figure.to_dict()
    assert len({r["group"] for r in rows(many)}) == 40 and "the 40 groups with most mentions" in json.dumps(
        many["title"])


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_chart_has_tooltips_a_selection_and_the_same_spec_for_the_same_table(kind):
    a = articles(4)
    spec = spec_of(kind, a)
    assert KINDS[kind][1] <= tooltip_titles(spec)
    (param,) = spec["params"]
    assert param["name"] == V.SELECTION and param["select"]["type"] == "point" and param["select"]["on"] == "click"
    assert set(param["select"]["fields"]) == ({"group_a", "group_b"} if kind == "differences" else {"group"})
    assert json.dumps(spec, sort_keys=True) == json.dumps(spec_of(kind, a), sort_keys=True)
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}  # rows keep their height on the page
    groups = {r.get("group") for r in rows(spec)} | {r.get("group_a") for r in rows(spec)}
    assert groups - {None} <= set(NAMES[:4])


def test_the_rates_tooltip_says_what_the_table_says():
    a = articles(3, singletons=1)
    t = stats.rates(a, metrics=["loaded_author_rate"], config=CFG)
    spec = spec_of("rates", a)
    data = {r["group"]: r for r in rows(spec)}
    assert set(data) == set(t["group"])
    for _, row in t.iterrows():
        d = data[row["group"]]
        assert d["value"] == pytest.approx(row["value"])
        assert d["value_text"] == f"{row['value']:.4g}"
        assert d["n_articles_text"] == f"{row['n_articles']:,}" and d["n_words_text"] == f"{row['n_words']:,}"
        if pd.isna(row["lo"]):  # the singleton: no interval, drawn as a diamond
            assert d["ci"] == "no interval" and d["mark"] == "no interval can be computed"
        else:
            assert d["ci"] == f"{row['lo']:.4g} to {row['hi']:.4g}"
    # the rows in the static chart's order: the highest value at the top
    assert "note" in tooltip_titles(spec)  # why the singleton has no interval
    legend = spec["layer"][1]["encoding"]["shape"]["scale"]["domain"]
    assert set(legend) == {r["mark"] for r in rows(spec)} and "no interval can be computed" in legend
    no_notes = V.rates_chart(t.assign(note=""), "loaded_author_rate").to_dict()
    assert "note" not in tooltip_titles(no_notes)  # no empty row when no group has a note
    assert spec["layer"][0]["encoding"]["y"]["sort"] == {"field": "row", "op": "min", "order": "ascending"}
    order = [r["group"] for r in sorted(rows(spec), key=lambda r: r["row"])]
    assert order == t.sort_values(["value", "group"], ascending=[False, True])["group"].tolist()


def test_shares_and_heatmap_carry_the_counts_and_differences_the_pairs():
    a = articles(3)
    stance = {(r["group"], r["part"]): r for r in rows(spec_of("stances", a))}
    t = stats.rates(a, metrics=["stance"], config=CFG)
    neutral = t[(t["key"] == "neutral")].set_index("group")
    for g, row in neutral.iterrows():
        d = stance[(g, "neutral")]
        assert d["value_text"] == f"{row['value']:.4g}" and d["count_text"] == f"{int(row['numerator']):,}"
        assert d["total_text"] == f"{row['n_attributions']:,}"  # the denominator: the group's attributions
    heat = rows(spec_of("heatmap", a))
    assert {r["category"] for r in heat} >= {"emotive", "hedge"} and all("ci" in r for r in heat)
    pairs = rows(spec_of("differences", a))
    assert len(pairs) == 3 and all(r["pair"] == f"{r['group_a']} \u2212 {r['group_b']}" for r in pairs)


def test_the_same_groups_as_the_static_chart_when_there_are_too_many():
    a = articles(25)
    spec = spec_of("rates", a, max_groups=10)
    assert len(rows(spec)) == 10
    assert "showing the 10 largest of 25 groups" in " ".join(spec["title"]["subtitle"])


def test_over_time_breaks_a_line_at_a_gap_and_leaves_out_unparsed_dates():
    a = articles(1)
    a = a.assign(date=["2026-01-05", "2026-01-20", "2026-03-02", "2026-03-09", "2026-04-01", "garbage"])
    spec = spec_of("time", a)
    data = rows(spec)
    assert [r["period"] for r in data] == ["2026-01", "2026-03", "2026-04"]
    assert data[0]["segment"] != data[1]["segment"] == data[2]["segment"]  # February is missing: a new segment
    assert "1 article(s) without a usable date left out" in " ".join(spec["title"]["subtitle"])


def test_untrusted_group_names_are_data_only():
    a = articles(2)
    a.loc[a["source"] == NAMES[1], "source"] = HOSTILE
    for kind in KINDS:
        spec = spec_of(kind, a)
        assert HOSTILE in {r.get("group") for r in rows(spec)} | {r.get("group_a") for r in rows(spec)} | \
            {r.get("group_b") for r in rows(spec)}
        # nowhere but in the data: not in a title, an expression, a filter or a field name
        outside = {k: v for k, v in spec.items() if k != "datasets"}
        assert "onerror" not in json.dumps(outside), kind
        assert not encoded_channels(spec) & {"href", "url", "image", "description"}, kind


def test_an_empty_table_gives_a_message_and_still_a_selection():
    empty = stats.rates(articles(2), metrics=["loaded_author_rate"], config=CFG).iloc[0:0]
    spec = V.rates_chart(empty, "loaded_author_rate").to_dict()
    assert spec["params"][0]["name"] == V.SELECTION
    assert "No rows for metric" in json.dumps(spec["datasets"])


def test_picked_reads_the_selection_streamlit_reports():
    assert V.picked({"pick": [{"group": "A"}, {"group": "B"}, {"group": "A"}]}) == ("A", "B")
    assert V.picked({"pick": [{"group_a": "A", "group_b": "B"}]}) == ("A", "B")
    assert V.picked({"pick": []}) == () == V.picked(None) == V.picked({}) == V.picked({"other": [{"group": "A"}]})
    assert V.picked({"pick": [{"group": ""}, {"group": 3}, "junk", {"vlPoint": {"or": []}}]}) == ()


def test_a_kind_without_an_interactive_version_says_which_have_one(monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(charts, "CHARTS", (charts.CHARTS[0], replace(charts.chart_kind("event"), interactive=None)))
    with pytest.raises(ConfigError, match="no interactive version.*'rates'"):
        draw_interactive("event", FrameTables(articles(2)))
    assert list(interactive_kinds()) == ["rates"]


def test_the_same_event_chart_has_the_static_charts_panels_and_tooltips():
    """Loaded-term rates (own voice and quoted), scare quotes and tone per outlet, the highest own-voice rate at the
    top (as framing.plots.plot_event); the loaded terms, labels and scare-quoted words in the tooltip; outlet names
    only as data."""
    from .test_plots import view_table

    class Event(FrameTables):
        def __init__(self, n: int) -> None:
            self.t = view_table(n).assign(group=lambda t: [HOSTILE if i == 2 else g for i, g in enumerate(t["group"])])

        def event_view(self, event: str) -> pd.DataFrame:
            return self.t

    spec = draw_interactive("event", Event(5), ChartParams(event="E1", corpus="toy")).figure.to_dict()
    assert spec == draw_interactive("event", Event(5), ChartParams(event="E1", corpus="toy")).figure.to_dict()
    assert spec["params"][0]["name"] == V.SELECTION and len(spec["hconcat"]) == 3
    d = pd.DataFrame(rows(spec)).sort_values("row")
    t = Event(5).t
    assert list(d["group"]) == list(t.sort_values("loaded_author_rate", ascending=False)["group"])
    assert list(d["n_scare"]) == list(t.sort_values("loaded_author_rate", ascending=False)["n_scare_quotes"])
    assert {"outlet", "loaded terms", "labels", "scare-quoted words", "polarity"} <= tooltip_titles(spec)
    assert set(d.loc[d["scare_quotes"] != "", "scare_quotes"]) == {"experts"}
    assert "onerror" not in json.dumps({k: v for k, v in spec.items() if k != "datasets"})
    empty = type("Empty", (Event,), {"event_view": lambda self, e: self.t.iloc[:0]})(1)
    assert "No articles for this event." in json.dumps(
        draw_interactive("event", empty, ChartParams(event="E1")).figure.to_dict())


def test_the_registry_loads_altair_only_when_an_interactive_chart_is_drawn():
    import subprocess
    import sys

    code = ("import sys, framing.charts, framing.cli; "
            "print(any(m == 'altair' or m.startswith('altair.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("label, start", [("2026-01", "2026-01-01"), ("2026-01-05", "2026-01-05"),
                                          ("2026-W03", "2026-01-12"), ("2026-Q2", "2026-04-01"), ("2026", "2026-01-01"),
                                          ("(missing)", None), ("2026-13", None), ("2026-Q5", None)])
def test_date_buckets_start_on_their_first_day(label, start):
    assert V._period_start(label) == start


def test_over_time_is_on_a_calendar_axis_in_utc():
    spec = spec_of("time", articles(2))
    x = spec["layer"][0]["encoding"]["x"]
    assert x["field"] == "start" and x["type"] == "temporal" and x["scale"] == {"type": "utc"}
    assert {r["start"] for r in rows(spec)} == {"2026-01-01", "2026-02-01", "2026-03-01"}


def test_any_family_of_shares_stacks_in_the_given_order():
    """A family the static chart does not know (e.g. a speaker's role): its keys in the order given, its unit."""
    t = stats.rates(articles(2), metrics=["stance"], config=CFG).assign(family="role", unit="share of quotations")
    t["key"] = t["key"].map({"neutral": "official", "endorsing": "expert", "distancing": "citizen",
                             "discrediting": "unknown"})
    spec = V.shares_chart(t, "role", order=["expert", "official", "citizen", "unknown"]).to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["expert", "official", "citizen", "unknown"]
    assert spec["encoding"]["color"]["scale"]["range"][-1] == "#999999"  # unknown in grey
    assert spec["encoding"]["x"]["title"] == "share of quotations"
    assert {"quotations", "quotations of this kind"} <= tooltip_titles(spec)
    assert spec["title"]["text"] == "Role (share of each group's quotations)"


def row_axes(node: Any) -> list[dict[str, Any]]:
    """The y encodings of discrete fields (the rows a chart names) that show an axis, in every layer and panel."""
    found = []
    if isinstance(node, dict):
        y = node.get("encoding", {}).get("y") if isinstance(node.get("encoding"), dict) else None
        if isinstance(y, dict) and y.get("type") in ("nominal", "ordinal") and y.get("axis", {}) is not None:
            found.append(y)
        for k, v in node.items():
            if k != "datasets":
                found += row_axes(v)
    elif isinstance(node, list):
        for v in node:
            found += row_axes(v)
    return found


def test_every_row_of_the_labels_and_terms_charts_is_labelled():
    """Regression: on the Word choice page, only every other row of the actor labels heatmap had its label (Vega's
    labelOverlap, which Streamlit's theme turns on, dropped the others): each axis that names rows keeps every
    label, and the rows are taller than their labels' type."""

    class Terms(FrameTables):
        def distinctive_terms(self) -> pd.DataFrame:
            return pd.DataFrame([{"group": f"G{g}", "rank": r, "term": f"t{g}{r}", "count": 9, "count_rest": 5,
                                  "rate": 1.5, "rate_rest": 0.5, "n_articles_with": 4, "top_source_share": 0.5,
                                  "log_odds": 1.0, "z": 20.0 - r, "example": ""} for g in range(3)
                                 for r in range(1, 11)])

    labels = draw_interactive("labels", Labels(10), ChartParams()).figure.to_dict()
    one = draw_interactive("labels", Labels(10), ChartParams(concept="government")).figure.to_dict()
    terms = draw_interactive("terms", Terms(articles(1)), ChartParams()).figure.to_dict()
    for spec in (labels, one, terms):
        axes = row_axes(spec)
        assert axes and all(y["axis"]["labelOverlap"] is False for y in axes), axes
    n_items = len({r["key"] for r in rows(labels)})
    assert labels["height"] / n_items >= labels["encoding"]["y"]["axis"]["labelFontSize"] + 4
    assert terms["spec"]["height"] / 10 >= terms["spec"]["encoding"]["y"]["axis"]["labelFontSize"] + 4


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_group_of_a_compare_chart_is_labelled(kind):
    axes = row_axes(spec_of(kind, articles(4)))
    assert axes if kind != "time" else not axes  # (over time: the groups are the lines' colours)
    assert all(y["axis"]["labelOverlap"] is False for y in axes), axes


@pytest.mark.parametrize("n", [10, 20, 24])
def test_over_time_gives_every_group_its_own_colour_and_dash(n):
    """Regression: with 10 outlets two pairs of lines shared a colour (Okabe-Ito has eight). Each group is a
    (colour, dash pattern) of its own, both scales in the order of the names (no name enters the specification)."""
    from framing.chartstyle import series_styles

    spec = spec_of("time", articles(n))
    groups = sorted({r["group"] for r in rows(spec)})
    assert len(groups) == n
    (line,) = [layer["encoding"] for layer in spec["layer"] if "strokeDash" in layer["encoding"]]
    colour, dash = line["color"], line["strokeDash"]
    assert all(layer["encoding"]["color"] == colour for layer in spec["layer"])  # one scale, one legend
    for channel in (colour, dash):
        assert channel["field"] == "group" and "domain" not in channel["scale"] and "sort" not in channel
        assert len(channel["scale"]["range"]) == n
    pairs = {(c, tuple(d)) for c, d in zip(colour["scale"]["range"], dash["scale"]["range"], strict=True)}
    assert len(pairs) == n
    assert len(set(series_styles(32))) == 32
