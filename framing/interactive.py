"""Interactive versions of the chart kinds: Vega-Lite specifications built with Altair from the very tables the
matplotlib charts of :mod:`framing.plots` are drawn from. :mod:`framing.charts` is the one registry: a
:class:`~framing.charts.ChartKind` names its builder here beside its matplotlib plot, and
:func:`framing.charts.draw_interactive` calls it.

Every builder is a pure function ``(table, *, ...) -> alt.Chart`` (no Streamlit): the same table gives the same
specification, field for field. Each chart has

- **tooltips** with what the table has for a mark: the value, its 95% interval, the articles and words behind it
  (and the attributions for shares); numbers are formatted here, in Python, with 4 significant digits as the
  dashboard's tables show them, so that a tooltip and the table beside the chart say the same;
- **one point selection** named :data:`SELECTION` on the field(s) that name a group (``group``; ``group_a`` and
  ``group_b`` for a pair of groups), toggled by a click: a page reads it with :func:`picked` and filters to those
  groups.

What enters a specification from the data: group names (sources, leanings, topics, events: untrusted corpus
fields), the distinctive terms (words of the articles, one or two tokens; never a passage) and, on the Same event
chart, each outlet's loaded terms, labels and scare-quoted words (short lists) as data values, the caller's ``corpus`` words in the title (plain strings, never an
expression), our metric labels and units, and numbers. Vega draws axis labels and titles as SVG
text and its tooltip escapes ``&`` and ``<`` before it shows a value, so none of it can become markup; no ``href``,
``url`` or image channel is ever encoded, and data values never enter a Vega expression (field names are our own
constants).

Cannot do: small multiples over time (a colour and a dash pattern per group, up to 24 lines; a click fades the others). Periods are
placed on a calendar axis when every label is a date bucket, one step each otherwise; a line breaks where a group
has a gap, as in the static chart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from framing.chartstyle import (
    FAMILY_WORDS,
    GREY,
    NO_INTERVAL,
    OKABE_ITO,
    RATE_TABLE_COLUMNS,
    TERM_GROUPS,
    ci_words,
    label_cells,
    largest_differences,
    largest_series,
    limit_groups,
    most_articles,
    no_differences,
    series_styles,
    share_colours,
    share_keys,
)

SELECTION = "pick"  # the point selection of every chart: a click picks one group (or one pair)
GROUP_FIELDS = ("group", "group_a", "group_b")  # the fields a selection may name groups in
ROW_PX = 22  # height of one group's row in the dot and bar charts
SMALL_ROW_PX = 16  # height of a row labelled in small type (LABEL_FONT_PX): a term, an actor label
GROUP_FONT_PX, LABEL_FONT_PX = 11, 10  # the size of group names and of terms and labels down a chart
WIDTH_PX = 520  # the plotting area's width (the page stretches the chart to its column)
LABEL_PX = 220  # group names longer than this are cut on the axis (the tooltip has them whole)


def _num(v: Any) -> str:
    """A number as the tables show it (4 significant digits), or "" for a missing value."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return ""
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return f"{int(v):,}"
    return f"{float(v):.4g}"


def _ci(lo: Any, hi: Any) -> str:
    s_lo, s_hi = _num(lo), _num(hi)
    return f"{s_lo} to {s_hi}" if s_lo and s_hi else NO_INTERVAL


def _with_text(d: pd.DataFrame) -> pd.DataFrame:
    """The tooltip fields of a rates-like table: the value and interval as text, the counts with thousands."""
    out = d.assign(value_text=[_num(v) for v in d["value"]],
                   ci=[_ci(a, b) for a, b in zip(d["lo"], d["hi"], strict=True)],
                   has_ci=d["lo"].notna() & d["hi"].notna())
    for c in ("n_articles", "n_words", "n_attributions"):
        if c in out.columns:
            out[c + "_text"] = [_num(int(v)) if pd.notna(v) else "" for v in out[c]]
    if "note" in out.columns:
        out["note"] = out["note"].fillna("").astype(str)
    return out


def _tooltip(*fields: tuple[str, str]) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{f}:N", title=t) for f, t in fields]


def _pick(fields: Sequence[str] = ("group",)) -> Any:
    # no toggling with shift: a page that filters on the first click has nothing left to add a group from
    return alt.selection_point(name=SELECTION, fields=list(fields), on="click", toggle=False, clear="dblclick")


def _faded() -> Any:
    """Marks outside the selection fade (all are full while nothing is picked)."""
    return alt.condition(alt.param(SELECTION), alt.value(1.0), alt.value(0.3))


def _title(what: str, corpus: str | None, extra: str = "", *, limit: int | None = None) -> alt.TitleParams:
    """The chart's title, the corpus (and its filter) and ``extra`` under it; ``limit``: no line wider than this
    many pixels (cut, so that a long filter cannot widen a chart past its width)."""
    sub = ([f"corpus: {corpus}"] if corpus else []) + ([extra] if extra else [])
    return alt.TitleParams(what, subtitle=sub, anchor="start", fontSize=13, subtitleFontSize=11,
                           limit=limit if limit else alt.Undefined)


def _row_axis(label_px: int = LABEL_PX, font_px: int = GROUP_FONT_PX) -> alt.Axis:
    """The axis that names a chart's rows, every row labelled: Streamlit's theme turns Vega's ``labelOverlap`` on,
    which drops every other label when rows are little taller than their type (the Word choice page's actor labels
    lost half their names at 16 pixels a row). Our rows are sized to hold their labels (ROW_PX, SMALL_ROW_PX)."""
    return alt.Axis(labelLimit=label_px, labelFontSize=font_px, labelOverlap=False)


def _y(field: str = "group", label_px: int = LABEL_PX) -> alt.Y:
    """Groups down the chart in the order of the data's ``row`` field (a sort by a field, not a list of names:
    names stay data and never enter an expression)."""
    return alt.Y(f"{field}:N", sort=alt.EncodingSortField(field="row", op="min", order="ascending"), title=None,
                 axis=_row_axis(label_px))


def _rows(d: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """``row``: each group's place in ``order``."""
    return d.assign(row=d["group"].map({g: i for i, g in enumerate(order)}).astype(int))


# -- rates: dot and whisker ------------------------------------------------------------------------------------

def rates_chart(rates: pd.DataFrame, metric: str, *, corpus: str | None = None, max_groups: int = 40) -> alt.Chart:
    """One metric for every group, the highest at the top: a dot with its 95% interval as a rule. A hollow dot
    is a group flagged ``low_n``; a diamond has no interval (as :func:`framing.plots.plot_rates`)."""
    d = rates[rates["metric"] == metric]
    if d.empty:
        return _empty(f"No rows for metric {metric!r} in this table.")
    d, limited = limit_groups(d, max_groups)
    d = _with_text(d.assign(_v=d["value"].fillna(-np.inf)).sort_values(["_v", "group"], ascending=[False, True]))
    label, unit = str(d["label"].iloc[0]), str(d["unit"].iloc[0])
    d = d.assign(mark=np.where(~d["has_ci"], "no interval can be computed",
                               np.where(d["low_n"].astype(bool), "few articles or words: interval unreliable",
                                        "value with 95% interval")))
    cols = ["group", "value", "lo", "hi", "value_text", "ci", "mark", "n_articles_text", "n_words_text"]
    tips = [("group", "group"), ("value_text", f"value ({unit})"), ("ci", "95% interval"),
            ("n_articles_text", "articles"), ("n_words_text", "words")]
    if "n_attributions" in d.columns and unit.startswith("share of attributions"):
        cols.append("n_attributions_text")
        tips.append(("n_attributions_text", "attributions"))
    if d["note"].str.len().gt(0).any():  # why an interval is missing or unreliable
        cols.append("note")
        tips.append(("note", "note"))
    d = d[cols].reset_index(drop=True)
    d = d.assign(row=range(len(d)))
    base = alt.Chart(d).encode(y=_y(), tooltip=_tooltip(*tips), opacity=_faded())
    x = alt.X("value:Q", title=unit, scale=alt.Scale(zero=False, nice=True))
    whisker = base.mark_rule(color=OKABE_ITO[0], strokeWidth=1.6).encode(
        x=alt.X("lo:Q", title=unit), x2="hi:Q").transform_filter("isValid(datum.lo) && isValid(datum.hi)")
    # the legend names the kinds of dot the chart has (our three labels; as the static chart's legend)
    kinds = {"value with 95% interval": ("circle", OKABE_ITO[0]),
             "few articles or words: interval unreliable": ("circle", "white"),
             "no interval can be computed": ("diamond", "white")}
    marks = [m for m in kinds if m in set(d["mark"])]
    dots = base.mark_point(size=70, strokeWidth=1.6, color=OKABE_ITO[0], cursor="pointer").encode(
        x=x,
        shape=alt.Shape("mark:N", scale=alt.Scale(domain=marks, range=[kinds[m][0] for m in marks]),
                        legend=alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=0)),
        fill=alt.Fill("mark:N", scale=alt.Scale(domain=marks, range=[kinds[m][1] for m in marks]),
                      legend=None),
    ).add_params(_pick())
    extra = ci_words(rates) + (f"; {limited}" if limited else "") + "; click a group to show only its articles"
    return _sized(whisker + dots, _title(f"{label} ({unit})", corpus, extra), WIDTH_PX, ROW_PX * len(d))


# -- pairwise differences --------------------------------------------------------------------------------------

def differences_chart(pairs: pd.DataFrame, metric: str, *, corpus: str | None = None, max_pairs: int = 40
                      ) -> alt.Chart:
    """Pairwise differences with 95% intervals; filled markers stay significant after the correction. A click on
    a pair picks both of its groups (as :func:`framing.plots.plot_differences`)."""
    d = pairs[pairs["metric"] == metric].copy()
    if d.empty:
        return _empty(no_differences(metric))
    d, limited = largest_differences(d, max_pairs)
    d = d.sort_values(["diff", "group_a", "group_b"], ascending=[False, True, True])
    label, unit, corr = str(d["label"].iloc[0]), str(d["unit"].iloc[0]), str(d["correction"].iloc[0])
    d = d.assign(pair=[f"{a} \u2212 {b}" for a, b in zip(d["group_a"], d["group_b"], strict=True)],
                 diff_text=[_num(v) for v in d["diff"]], value_a_text=[_num(v) for v in d["value_a"]],
                 value_b_text=[_num(v) for v in d["value_b"]],
                 ci=[_ci(a, b) for a, b in zip(d["lo"], d["hi"], strict=True)],
                 p_text=[_num(v) for v in d["p_adjusted"]],
                 result=np.where(d["significant"].isna(), "not tested",
                                 np.where(d["significant"].fillna(False).astype(bool), "significant after correction",
                                          "not significant")))
    d = d[["pair", "group_a", "group_b", "diff", "lo", "hi", "diff_text", "ci", "value_a_text", "value_b_text",
           "p_text", "result"]].reset_index(drop=True)
    d = d.assign(row=range(len(d)))
    tips = _tooltip(("group_a", "group A"), ("group_b", "group B"), ("diff_text", f"A \u2212 B ({unit})"),
                    ("ci", "95% interval"), ("value_a_text", "A"), ("value_b_text", "B"),
                    ("p_text", f"p ({corr})"), ("result", "result"))
    base = alt.Chart(d).encode(y=_y("pair", 2 * LABEL_PX), tooltip=tips, opacity=_faded())
    whisker = base.mark_rule(color=OKABE_ITO[0], strokeWidth=1.4).encode(
        x=alt.X("lo:Q", title=f"difference ({unit})"), x2="hi:Q").transform_filter(
        "isValid(datum.lo) && isValid(datum.hi)")
    results = ["significant after correction", "not significant", "not tested"]
    dots = base.mark_point(size=70, strokeWidth=1.6, cursor="pointer").encode(
        x=alt.X("diff:Q", title=f"difference ({unit})"),
        fill=alt.Fill("result:N", scale=alt.Scale(domain=results, range=[OKABE_ITO[5], "white", "#dddddd"]),
                      legend=alt.Legend(title=None, orient="bottom")),
        color=alt.Color("result:N", scale=alt.Scale(domain=results, range=[OKABE_ITO[5], OKABE_ITO[0], GREY]),
                        legend=None),
    ).add_params(_pick(("group_a", "group_b")))
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color=GREY).encode(x="x:Q")
    extra = f"{ci_words(pairs)}; {corr} correction" + (f"; {limited}" if limited else "") + \
        "; click a pair to show only its two groups"
    return _sized(zero + whisker + dots, _title(f"Differences between groups: {label}", corpus, extra), WIDTH_PX,
                  ROW_PX * len(d))


# -- loaded-term categories: heatmap ---------------------------------------------------------------------------

def heatmap_chart(rates: pd.DataFrame, *, voice: str = "author", corpus: str | None = None, max_groups: int = 40
                  ) -> alt.Chart:
    """Loaded-term rates by category (columns) and group (rows), the most loaded group first, on a square-root
    colour scale with the value in each cell (as :func:`framing.plots.plot_heatmap`)."""
    d = rates[(rates["family"] == "loaded_category") & (rates["voice"] == voice)]
    if d.empty:
        return _empty("No loaded-term category rates in this table.")
    d, limited = limit_groups(d, max_groups)
    totals = d.groupby("group")["value"].sum()
    order = sorted(totals.index, key=lambda g: (-totals[g], g))
    cats = list(dict.fromkeys(d["key"]))
    d = _with_text(d).assign(category=lambda t: t["key"].str.replace("_", " "))
    unit = str(d["unit"].iloc[0])
    d = d[["group", "category", "value", "value_text", "ci", "n_articles_text", "n_words_text", "low_n"]]
    d = _rows(d, order).sort_values(["row", "category"]).reset_index(drop=True)
    vmax = float(d["value"].max()) if d["value"].notna().any() and d["value"].max() > 0 else 1.0
    x = alt.X("category:N", sort=[c.replace("_", " ") for c in cats], title=None,
              axis=alt.Axis(labelAngle=-40, labelOverlap=False))
    tips = _tooltip(("group", "group"), ("category", "category"), ("value_text", unit), ("ci", "95% interval"),
                    ("n_articles_text", "articles"), ("n_words_text", "words"))
    # no figures written in the cells (the static chart has them): in a page's column eleven categories leave
    # cells too narrow for them; the tooltip and the table beside the chart have every figure
    cells = alt.Chart(d).mark_rect(cursor="pointer").encode(
        x=x, y=_y(), tooltip=tips,
        color=alt.Color("value:Q", title=f"{unit} (square-root scale)",
                        scale=alt.Scale(scheme="cividis", type="sqrt", domain=[0, vmax]),
                        legend=alt.Legend(orient="bottom", gradientLength=240, titleLimit=0)),
        opacity=_faded()).add_params(_pick())
    vw = {"author": "writer's own voice", "quoted": "inside quotations", "all": "all voices"}.get(voice, voice)
    extra = "; ".join(x for x in (limited, "click a row to show only its group's articles") if x)
    return _sized(cells, _title(f"Loaded terms by category, {vw} ({unit})", corpus, extra),
                  max(260, 48 * len(cats)), ROW_PX * len(order))


# -- stances and source types: stacked bars --------------------------------------------------------------------

def shares_chart(rates: pd.DataFrame, family: str = "stance", *, order: Sequence[str] | None = None,
                 corpus: str | None = None, max_groups: int = 40) -> alt.Chart:
    """Each group's attributions split by stance or by source type, or its shares of any other family (quotations by
    the speaker's role), stacked to 1 in ``order`` (by default :func:`framing.chartstyle.share_keys`), the group with
    the largest first share at the top (as :func:`framing.plots.plot_shares`)."""
    d = rates[rates["family"] == family]
    if d.empty:
        return _empty(f"No {family} shares in this table.")
    d, limited = limit_groups(d, max_groups)
    keys = [k for k in order if k in set(d["key"])] if order else share_keys(family, d["key"])
    unit = str(d["unit"].iloc[0])  # "share of attributions"
    counted = unit.removeprefix("share of ")
    first = d[d["key"] == keys[0]].set_index("group")["value"]
    groups = sorted(d["group"].unique())
    rows = sorted(groups, key=lambda g: (-(first.get(g, np.nan) if pd.notna(first.get(g, np.nan)) else -1), g))
    d = _with_text(d[d["key"].isin(keys)]).assign(
        part=lambda t: t["key"].str.replace("_", " "), rank=lambda t: t["key"].map({k: i for i, k in enumerate(keys)}),
        count_text=lambda t: [_num(int(v)) if pd.notna(v) else "" for v in t["numerator"]],
        total_text=lambda t: [_num(int(v)) if pd.notna(v) else "" for v in t["denominator"]],
        value=lambda t: t["value"].fillna(0.0))
    d = d[["group", "part", "rank", "value", "value_text", "ci", "count_text", "total_text",
           "n_articles_text", "n_words_text"]]
    d = _rows(d, rows).sort_values(["row", "rank"]).reset_index(drop=True)
    parts = [k.replace("_", " ") for k in keys]
    colours = share_colours(family, keys)
    tips = _tooltip(("group", "group"), ("part", family.replace("_", " ")), ("value_text", "share"),
                    ("ci", "95% interval"), ("count_text", f"{counted} of this kind"),
                    ("total_text", counted), ("n_articles_text", "articles"), ("n_words_text", "words"))
    bars = alt.Chart(d).mark_bar(cursor="pointer", stroke="white", strokeWidth=0.5).encode(
        y=_y(),
        x=alt.X("value:Q", stack="zero", title=unit, scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("part:N", sort=parts, title=None, scale=alt.Scale(domain=parts, range=colours),
                        legend=alt.Legend(orient="bottom", columns=4)),
        order=alt.Order("rank:Q"), tooltip=tips, opacity=_faded(),
    ).add_params(_pick())
    extra = "; ".join(x for x in (limited, "click a bar to show only its group's articles") if x)
    words = FAMILY_WORDS.get(family, family.replace("_", " ").capitalize())
    return _sized(bars, _title(f"{words} (share of each group's {counted})", corpus, extra), WIDTH_PX,
                  ROW_PX * len(rows))


# -- a metric over time ----------------------------------------------------------------------------------------

def time_chart(rates: pd.DataFrame, metric: str, *, period: str, series: str | None = None,
               corpus: str | None = None, max_groups: int = 24) -> alt.Chart:
    """A metric over time: a line per group with its 95% interval as a band (as
    :func:`framing.plots.plot_over_time`). ``period`` names the table's date column (``date:month``), ``series``
    the group column (the first other grouping column; None: one line). The line breaks where a group has no
    article in a period between two it has; periods whose dates did not parse are left out."""
    from framing.compare.groups import UNPARSED, period_ordinal

    d = rates[rates["metric"] == metric]
    if d.empty:
        return _empty(f"No rows for metric {metric!r}.")
    if series is None:
        others = [c for c in d.columns if c not in RATE_TABLE_COLUMNS and c != period]
        series = others[0] if others else None
    d = d.assign(group=d[series].astype(str) if series else "all articles", period=d[period].astype(str))
    dropped = int(d.loc[d["period"] == UNPARSED, "n_articles"].sum())
    d = d[d["period"] != UNPARSED]
    if d.empty:
        return _empty("No article has a date that parses: nothing to draw over time.")
    label, unit = str(d["label"].iloc[0]), str(d["unit"].iloc[0])
    names, limited = largest_series(d, "group", max_groups)
    if limited:
        d = d[d["group"].isin(set(names))]
    periods = sorted(d["period"].unique())
    d = _with_text(d.sort_values(["group", "period"]))
    # a new segment wherever a group skips a period (a gap is not a trend)
    seg, last_group, last_ord, k = [], None, None, 0
    for g, p in zip(d["group"], d["period"], strict=True):
        o = period_ordinal(p)
        if g != last_group or (o is not None and last_ord is not None and o - last_ord > 1):
            k += 1
        seg.append(k)
        last_group, last_ord = g, o
    d = d.assign(segment=seg)[["group", "period", "segment", "value", "lo", "hi", "value_text", "ci",
                               "n_articles_text", "n_words_text", "has_ci"]].reset_index(drop=True)
    # groups in alphabetical order (Vega-Lite's own order of names, the same for both scales), each with a colour and
    # a dash pattern of its own (series_styles: eight colours, then the same dashed...); one legend shows both
    styles = series_styles(len(names))
    legend = alt.Legend(orient="bottom", columns=2, labelLimit=LABEL_PX, symbolType="stroke", symbolStrokeWidth=2.5,
                        symbolSize=400, symbolOpacity=1)
    colour = alt.Color("group:N", title=None, scale=alt.Scale(range=[c for c, _ in styles]), legend=legend)
    dash = alt.StrokeDash("group:N", title=None, scale=alt.Scale(range=[list(d) for _, d in styles]), legend=legend)
    starts = {p: _period_start(p) for p in periods}
    if all(starts.values()):  # on a calendar axis, as the static chart: 2014-12 and 2018-06 are 42 months apart
        d = d.assign(start=d["period"].map(starts))
        # in UTC: the browser's time zone must not move 2026-01-01 to 2025-12-31
        x = alt.X("start:T", title=None, scale=alt.Scale(type="utc"),
                  axis=alt.Axis(labelAngle=-45, format=_DATE_FORMAT[_freq(periods[0])]))
    else:  # labels that are not date buckets: one step each, in order
        x = alt.X("period:O", title=None, axis=alt.Axis(labelAngle=-45))
    tips = _tooltip(("group", "group"), ("period", "period"), ("value_text", f"value ({unit})"),
                    ("ci", "95% interval"), ("n_articles_text", "articles"), ("n_words_text", "words"))
    base = alt.Chart(d).encode(x=x, color=colour)  # one legend for the three layers
    band = base.mark_area(opacity=0.15).encode(y=alt.Y("lo:Q", title=unit), y2="hi:Q", detail="segment:N",
                                               opacity=alt.condition(alt.param(SELECTION), alt.value(0.15),
                                                                     alt.value(0.03))
                                               ).transform_filter("datum.has_ci")
    line = base.mark_line(strokeWidth=1.8).encode(y=alt.Y("value:Q", title=unit), detail="segment:N",
                                                  strokeDash=dash, opacity=_faded())
    points = base.mark_point(filled=True, size=45, cursor="pointer").encode(
        y=alt.Y("value:Q", title=unit), tooltip=tips, opacity=_faded()).add_params(_pick())
    notes = [ci_words(rates)] + ([f"{dropped} article(s) without a usable date left out"] if dropped else []) + \
        ([limited] if limited else []) + ["click a point to show only its group's articles"]
    return _sized(band + line + points, _title(f"{label} ({unit}) over time", corpus, "; ".join(notes)),
                  max(WIDTH_PX, 40 * len(periods)), 320)


# -- distinctive terms: small multiples ---------------------------------------------------------------------------

# The small multiples wrap to as many panels across as fit this width: the page's main column in Streamlit's wide
# layout with the sidebar open on a window 1,280 pixels wide (820 px; 940 on a 1,400-px window). Vega-Lite cannot
# wrap a faceted chart to its container's width (a facet's `columns` is a number), and a chart wider than its column
# is clipped by the page: the panels are sized here so that every column of them fits.
TERMS_CHART_PX = 800
TERM_LABEL_PX = 110  # a term longer than this is cut on its panel's axis (the tooltip has it whole)
TERM_BAR_PX = 110  # the bars' width in each panel
TERM_AXIS_PX = 10  # the term axis' ticks and padding, between the labels and the bars
FACET_SPACING_PX = 20  # between two panels (Vega-Lite's default)
TERM_PANEL_PX = TERM_LABEL_PX + TERM_AXIS_PX + TERM_BAR_PX + FACET_SPACING_PX
TERM_COLUMNS_PER_ROW = max(1, TERMS_CHART_PX // TERM_PANEL_PX)


def terms_chart(terms: pd.DataFrame, *, top: int = 10, corpus: str | None = None,
                max_groups: int = TERM_GROUPS) -> Any:
    """Small multiples: for each group (by name; the ``max_groups`` with the most articles when there are more, as
    :func:`framing.plots.plot_terms` draws them, the subtitle saying so and how many are left out), its ``top`` most
    distinctive terms as bars of their z-score, the first at the top, :data:`TERM_COLUMNS_PER_ROW` panels across (the
    chart fits :data:`TERMS_CHART_PX`); the tooltip has the term's count, its rate per 1,000 terms in the group and in
    the others, and the articles that use it. Clicking picks the group. Cannot do: the example in context (article
    text never enters a specification; the page's table has it); more panels across on a wider page."""
    t = "Distinctive terms (log-odds with informative Dirichlet prior, z-score)"
    if terms.empty:
        return _empty("No distinctive terms: they need at least two groups with enough text.")
    groups, limited = most_articles(terms, max_groups)
    d = terms[terms["group"].isin(set(groups)) & (terms["rank"] <= top)]
    d = pd.DataFrame({"group": d["group"].astype(str), "term": d["term"].astype(str), "row": d["rank"],
                      "z": d["z"], "z_text": [_num(v) for v in d["z"]], "count_text": [_num(int(v)) for v in d["count"]],
                      "rate_text": [_num(v) for v in d["rate"]], "rate_rest_text": [_num(v) for v in d["rate_rest"]],
                      "articles_text": [_num(int(v)) for v in d["n_articles_with"]]}).reset_index(drop=True)
    tips = _tooltip(("group", "group"), ("term", "term"), ("z_text", "z-score"), ("count_text", "uses"),
                    ("rate_text", "per 1,000 terms, this group"), ("rate_rest_text", "per 1,000 terms, the others"),
                    ("articles_text", "articles with it"))
    bars = alt.Chart(d).mark_bar(color=OKABE_ITO[0], cursor="pointer").encode(
        x=alt.X("z:Q", title="z-score"),
        y=alt.Y("term:N", sort=alt.EncodingSortField(field="row", op="min", order="ascending"), title=None,
                axis=_row_axis(TERM_LABEL_PX, LABEL_FONT_PX)),
        tooltip=tips, opacity=_faded(),
    ).add_params(_pick()).properties(width=TERM_BAR_PX, height=SMALL_ROW_PX * top)
    columns = min(len(groups), TERM_COLUMNS_PER_ROW)
    # a group's name no wider than its panel, so that a long name cannot widen the columns past the chart's width
    header = alt.Header(labelLimit=TERM_PANEL_PX - FACET_SPACING_PX)
    return bars.facet(facet=alt.Facet("group:N", title=None, sort="ascending", header=header), columns=columns,
                      spacing=FACET_SPACING_PX).resolve_scale(y="independent").properties(
        title=_title(t, corpus, limited, limit=TERMS_CHART_PX))


# -- actor labels: heatmap ----------------------------------------------------------------------------------------

def labels_chart(labels: pd.DataFrame, *, concept: str | None = None, corpus: str | None = None,
                 max_groups: int = 40, labels_per_concept: int = 6, min_count: int = 2) -> Any:
    """Which label each group uses for the same kind of actor, as :func:`framing.plots.plot_labels` draws it: the
    cell's colour is the label's share of the group's mentions of its concept; for one ``concept`` the groups are
    rows and its labels columns, for all concepts the labels are rows (by concept) and the groups columns. The
    tooltip has the group, concept, label and its lexicon weight, the share, the count and the mentions inside
    quotations and scare quotes. Clicking a cell picks its group."""
    what = "Labels for the same actors" + (f": {concept.replace('_', ' ')}" if concept else "")
    d, groups, items, limited = label_cells(labels, concept, max_groups=max_groups,
                                            labels_per_concept=labels_per_concept, min_count=min_count)
    if d.empty:
        return _empty("No actor labels found in these texts.")
    item_row = {it: i for i, it in enumerate(items)}
    d = d[d["group"].isin(set(groups)) & pd.Series(list(zip(d["concept"], d["label"])), index=d.index).isin(
        set(items))]
    cells = pd.DataFrame({
        "group": d["group"].astype(str), "concept": d["concept"].str.replace("_", " "),
        "item": [f"{lab} ({w:g})" for lab, w in zip(d["label"], d["weight"])],
        "item_row": [item_row[(c, lab)] for c, lab in zip(d["concept"], d["label"])],
        "share": d["share"].astype(float), "share_text": [f"{v:.0%}" for v in d["share"]],
        "count_text": [_num(int(v)) for v in d["count"]], "quoted_text": [_num(int(v)) for v in d["quoted"]],
        "scare_text": [_num(int(v)) for v in d["scare"]]})
    cells = _rows(cells, groups).reset_index(drop=True)
    tips = _tooltip(("group", "group"), ("concept", "concept"), ("item", "label (lexicon weight)"),
                    ("share_text", "share of the concept's mentions"), ("count_text", "mentions"),
                    ("quoted_text", "inside quotations"), ("scare_text", "inside scare quotes"))
    by_group = alt.EncodingSortField(field="row", op="min", order="ascending")
    by_item = alt.EncodingSortField(field="item_row", op="min", order="ascending")
    colour = alt.Color("share:Q", title="share of the concept's mentions",
                       scale=alt.Scale(scheme="cividis", domain=[0, 1]),
                       legend=alt.Legend(orient="bottom", gradientLength=240, titleLimit=0, format="%"))
    if concept is not None:  # groups down, labels across
        x = alt.X("item:N", sort=by_item, title=None, axis=alt.Axis(labelAngle=-40, labelOverlap=False))
        y, width, height = _y(), max(260, 48 * len(items)), ROW_PX * len(groups)
    else:  # labels down (with their concept), groups across
        x = alt.X("group:N", sort=by_group, title=None,
                  axis=alt.Axis(labelAngle=-60, labelOverlap=False, labelLimit=160))
        y = alt.Y("key:N", sort=by_item, title=None, axis=_row_axis(LABEL_PX, LABEL_FONT_PX))
        cells["key"] = cells["concept"] + ": " + cells["item"]
        width, height = max(WIDTH_PX, 24 * len(groups)), SMALL_ROW_PX * len(items)
    heat = alt.Chart(cells).mark_rect(cursor="pointer").encode(x=x, y=y, color=colour, tooltip=tips,
                                                               opacity=_faded()).add_params(_pick())
    extra = "; ".join(x for x in (limited, "lexicon weight in brackets, 0 = neutral label",
                                  "click a cell to show only its group's articles") if x)
    return _sized(heat, _title(what, corpus, extra), width, height)


# -- one event, the outlets side by side ------------------------------------------------------------------------

def event_chart(view: pd.DataFrame, *, event: str | None = None, corpus: str | None = None) -> Any:
    """One event, the outlets side by side (as :func:`framing.plots.plot_event`): loaded-term rates in the writer's
    own voice and inside quotations, scare quotes, tone, the outlet with the highest own-voice rate at the top; a
    tooltip has each outlet's loaded terms, labels and scare-quoted words (the plot's text column). ``view`` is
    :func:`framing.compare.events.event_view`."""
    what = "Same event, outlets side by side" + (f": {event[:100]}" if event else "")
    if view.empty:
        return _empty("No articles for this event.")
    v = view.sort_values(["loaded_author_rate", "group"], ascending=[False, True]).reset_index(drop=True)
    text = {c: [str(x) if isinstance(x, str) and x else "" for x in v[c]] if c in v.columns else [""] * len(v)
            for c in ("loaded_terms", "labels", "scare_quotes")}
    d = pd.DataFrame({"group": v["group"].astype(str), "row": range(len(v)),
                      "n_articles_text": [_num(int(x)) for x in v["n_articles"]],
                      "author": v["loaded_author_rate"].astype(float), "quoted": v["loaded_quoted_rate"].astype(float),
                      "author_text": [_num(x) for x in v["loaded_author_rate"]],
                      "quoted_text": [_num(x) for x in v["loaded_quoted_rate"]],
                      "n_scare": v["n_scare_quotes"].astype(int), "polarity": v["polarity"].astype(float),
                      "subjectivity": v["subjectivity"].astype(float),
                      "polarity_text": [_num(x) for x in v["polarity"]],
                      "subjectivity_text": [_num(x) for x in v["subjectivity"]], **text})
    tips = _tooltip(("group", "outlet"), ("n_articles_text", "articles"),
                    ("author_text", "loaded terms per 1,000 words, own voice"),
                    ("quoted_text", "loaded terms per 1,000 words, quoted"), ("n_scare", "scare quotes"),
                    ("polarity_text", "polarity"), ("subjectivity_text", "subjectivity"),
                    ("loaded_terms", "loaded terms"), ("labels", "labels"), ("scare_quotes", "scare-quoted words"))
    height = ROW_PX * len(d)
    y = _y()
    voices = ["writer's own voice", "inside quotations"]
    rates = alt.Chart(d).transform_fold(["author", "quoted"], as_=["voice_key", "rate"]).transform_calculate(
        voice=f'datum.voice_key == "author" ? "{voices[0]}" : "{voices[1]}"').mark_bar(cursor="pointer").encode(
        y=y, yOffset=alt.YOffset("voice:N", sort=voices),
        x=alt.X("rate:Q", title="loaded terms per 1,000 words"),
        color=alt.Color("voice:N", sort=voices, title=None, scale=alt.Scale(domain=voices, range=list(OKABE_ITO[:2])),
                        legend=alt.Legend(orient="bottom")),
        tooltip=tips, opacity=_faded()).add_params(_pick()).properties(width=260, height=height)
    no_y = alt.Y("group:N", sort=alt.EncodingSortField(field="row", op="min", order="ascending"), axis=None)
    scare = alt.Chart(d).mark_bar(color=OKABE_ITO[3]).encode(
        y=no_y, x=alt.X("n_scare:Q", title="scare quotes (count)", axis=alt.Axis(tickMinStep=1)),
        tooltip=tips, opacity=_faded()).properties(width=110, height=height)
    tone = alt.Chart(d).transform_fold(["polarity", "subjectivity"], as_=["measure", "score"]).mark_point(
        size=60, filled=True).encode(
        y=no_y, x=alt.X("score:Q", title="tone (TextBlob)", scale=alt.Scale(domain=[-1, 1])),
        color=alt.Color("measure:N", title=None, scale=alt.Scale(domain=["polarity", "subjectivity"],
                                                                   range=[OKABE_ITO[2], OKABE_ITO[5]]),
                        legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("measure:N", scale=alt.Scale(domain=["polarity", "subjectivity"],
                                                     range=["circle", "square"]), legend=None),
        tooltip=tips, opacity=_faded()).properties(width=170, height=height)
    extra = "number of articles in the tooltip; figures are counts, no intervals"
    # (three views side by side: each its own width; "fit", which the single views use, is for one view only)
    return alt.hconcat(rates, scare, tone, spacing=12).resolve_scale(color="independent").properties(
        title=_title(what, corpus, extra), autosize=alt.AutoSizeParams(type="pad"))


def _sized(chart: Any, title: alt.TitleParams, width: int, height: int) -> Any:
    """The chart's title and plotting area; the width fits the page's column, the height is the rows' (Streamlit
    fits both by default, which squeezes many rows into a few pixels)."""
    return chart.properties(title=title, width=width, height=height,
                            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


_DATE_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "quarter": "%Y-%m", "year": "%Y"}


def _freq(label: str) -> str:
    return ("week" if "-W" in label else "quarter" if "-Q" in label else
            {10: "day", 7: "month", 4: "year"}.get(len(label), "day"))


def _period_start(label: str) -> str | None:
    """The first day of a date bucket (``2026-01`` -> ``2026-01-01``, ``2026-W03`` -> its Monday, ``2026-Q2`` ->
    ``2026-04-01``), as ISO text; None for a label that is no bucket. The buckets of
    :mod:`framing.compare.groups`."""
    import re

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", label):
            return pd.Timestamp(label).strftime("%Y-%m-%d")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", label):
            return pd.Timestamp.fromisocalendar(int(m[1]), int(m[2]), 1).strftime("%Y-%m-%d")
        if re.fullmatch(r"\d{4}-\d{2}", label):
            return pd.Timestamp(f"{label}-01").strftime("%Y-%m-%d")
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", label):
            return f"{m[1]}-{3 * int(m[2]) - 2:02d}-01"
        if re.fullmatch(r"\d{4}", label):
            return f"{label}-01-01"
    except ValueError:
        return None
    return None


def _empty(message: str) -> alt.Chart:
    """A chart that says why there is nothing to draw (it has the selection too, so every chart has one)."""
    d = pd.DataFrame({"group": [""], "message": [message]})
    return alt.Chart(d).mark_text(fontSize=13, align="left").encode(
        text="message:N", x=alt.value(0), y=alt.value(20)).add_params(_pick()).properties(width=WIDTH_PX, height=40)


# -- the selection, as the page receives it ----------------------------------------------------------------------

def picked(selection: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The groups a chart's selection names (as Streamlit reports it: ``{"pick": [{"group": "A"}, ...]}``, or
    ``{"pick": [{"group_a": "A", "group_b": "B"}]}`` for a pair), each once, in order."""
    out: dict[str, None] = {}
    for point in (selection or {}).get(SELECTION) or ():
        if isinstance(point, Mapping):
            for f in GROUP_FIELDS:
                v = point.get(f)
                if isinstance(v, str) and v:
                    out[v] = None
    return tuple(out)
