"""Charts for comparing sources: library functions that take the comparison tables and return a Figure.

Every function has the shape ``plot_x(table, *, ax=None, title=None, corpus=None, ...) -> Figure`` and uses
matplotlib's explicit Axes API on a Figure with the Agg canvas (no pyplot, no global state, never ``show()``):
the caller decides where the figure goes (:func:`save_figure` writes PNG and SVG). Colours are colour-blind
safe (Okabe-Ito for categories, cividis for quantities); sizes grow with the number of groups so that 20+
outlets stay legible; titles say what is measured and on which corpus. Where no interval can be computed the
chart draws none and says so.

A figure a function makes itself (no ``ax`` given) is finished: an axis it leaves without a label keeps no place
for one (:func:`_no_label_places`), so a label added to it afterwards must be placed by hand (``set_label_coords``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import PowerNorm
from matplotlib.figure import Figure
from matplotlib.image import imsave
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from framing._chart_text import quick_text
from framing.chartstyle import (  # noqa: F401  (re-exported)
    CMAP,
    GREY,
    NO_INTERVAL,
    OKABE_ITO,
    RATE_TABLE_COLUMNS,
    TERM_GROUPS,
    label_cells,
    most_articles,
    share_colours,
    share_keys,
)
from framing.chartstyle import FAMILY_WORDS as _FAMILY_WORDS
from framing.chartstyle import ci_words as _ci_words
from framing.chartstyle import largest_differences as _largest_differences
from framing.chartstyle import largest_series as _largest_series
from framing.chartstyle import limit_groups as _limit_groups
from framing.chartstyle import no_differences as _no_differences

# -- helpers -----------------------------------------------------------------------------------------------------

def _figure(ax: Axes | None, width: float, height: float) -> tuple[Figure, Axes]:
    if ax is not None:
        return cast(Figure, ax.figure), ax
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _empty(ax: Axes | None, message: str, title: str) -> Figure:
    fig, a = _figure(ax, 7, 2.5)
    a.set_axis_off()
    a.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=11, transform=a.transAxes)
    a.set_title(title, loc="left", fontsize=11)
    return fig


def _short(s: object, n: int = 38) -> str:
    """Untrusted text for a chart: one line, at most ``n`` characters, ``$`` escaped (else matplotlib reads
    "$5 and $10" as mathematics and may fail)."""
    t = " ".join(str(s).split())
    t = t if len(t) <= n else t[: n - 1] + "\u2026"
    return t.replace("$", r"\$")


def _title(what: str, corpus: str | None, extra: str = "", width: int = 90) -> str:
    """What is measured, on which corpus, and how (each on its own line, wrapped to ``width`` characters)."""
    import textwrap

    lines = [what] + ([f"corpus: {corpus}"] if corpus else []) + ([extra] if extra else [])
    return "\n".join(textwrap.fill(x, width) for x in lines).replace("$", r"\$")


def _put_title(fig: Figure, a: Axes, given: str | None, what: str, corpus: str | None, extra: str = "",
               own: bool = True) -> None:
    """The chart's title: on the whole figure when the function made it (wrapped to its width), else on ``a``."""
    if own:
        width = max(40, int(fig.get_figwidth() * 11))
        fig.suptitle(given or _title(what, corpus, extra, width), x=0.01, ha="left", fontsize=11)
        _no_label_places(fig)
    else:
        a.set_title(given or _title(what, corpus, extra), loc="left", fontsize=11)


def _no_label_places(fig: Figure) -> None:
    """Give each axis without a label a fixed label place (called last, on a figure the plot function made).

    matplotlib places an axis label beside its tick labels by measuring all of them again, at every pass of the layout
    engine and at every drawing, in each format; an empty label draws nothing and takes no room, so where it stands
    changes no pixel (the files are byte-identical) and that measuring is saved (figures in
    docs/design-measurements.md, 2026-12-03, sixth session)."""
    for a in fig.axes:
        for axis, xy in ((a.xaxis, (0.5, -0.1)), (a.yaxis, (-0.1, 0.5))):
            if not axis.label.get_text():
                axis.set_label_coords(*xy)


def _panel_title(a: Axes, text: str, own: bool = True) -> None:
    """A small multiple's title, at the top of its panel. On a figure the plot function made (``own``) its height is
    given (``y=1.0``, where matplotlib would put it anyway: those panels have nothing on top), so that matplotlib does
    not measure the panel's y axis again at every layout pass and drawing to keep the title clear of decorations the
    panel does not have; on an Axes the caller gave, matplotlib places it."""
    a.set_title(text, fontsize=9, loc="left", y=1.0 if own else None)


def _rows_height(n: int, per: float = 0.28, base: float = 1.6) -> float:
    return base + per * max(n, 1)


def _fmt(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    a = abs(v)
    return f"{v:.2f}" if a < 10 else f"{v:.1f}" if a < 100 else f"{v:.0f}"


# -- source comparison: dot and whisker ------------------------------------------------------------------------

def plot_rates(rates: pd.DataFrame, metric: str = "loaded_author_rate", *, ax: Axes | None = None,
               title: str | None = None, corpus: str | None = None, max_groups: int = 40) -> Figure:
    """Dot-and-whisker chart of one metric for every group, sorted by value.

    Filled dots have a bootstrap interval (whiskers); hollow dots are groups flagged ``low_n`` (too few articles
    or words for the interval to mean much); a diamond without whiskers marks a group where no interval can be
    computed (one article), and the chart says so. ``rates`` is :func:`framing.compare.stats.rates`' table.
    """
    d = rates[rates["metric"] == metric]
    if d.empty:
        return _empty(ax, f"No rows for metric {metric!r} in this table.", title or metric)
    d, limited = _limit_groups(d, max_groups)
    d = d.assign(_v=d["value"].fillna(-np.inf)).sort_values(["_v", "group"], ascending=[True, False])
    n = len(d)
    fig, a = _figure(ax, 8.5, _rows_height(n))
    label, unit = str(d["label"].iloc[0]), str(d["unit"].iloc[0])
    y = np.arange(n)
    has_ci = d["lo"].notna().to_numpy() & d["hi"].notna().to_numpy()
    low = d["low_n"].to_numpy(dtype=bool)
    val = d["value"].to_numpy(dtype=float)
    ok = ~np.isnan(val)
    for mask, face, mk in ((has_ci & ~low & ok, OKABE_ITO[0], "o"), (has_ci & low & ok, "white", "o"),
                           (~has_ci & ok, "white", "D")):
        if not mask.any():
            continue
        if mk == "o":
            # (an interval that excludes its value, by rounding or by the bootstrap's skew, is drawn up to the value)
            a.errorbar(val[mask], y[mask], xerr=[np.clip(val[mask] - d["lo"].to_numpy()[mask], 0, None),
                                                 np.clip(d["hi"].to_numpy()[mask] - val[mask], 0, None)],
                       fmt="none", ecolor=OKABE_ITO[0], elinewidth=1.4, capsize=2.5, zorder=2)
        a.scatter(val[mask], y[mask], s=36, marker=mk, facecolors=face, edgecolors=OKABE_ITO[0], linewidths=1.4,
                  zorder=3)
    xmax = np.nanmax(np.concatenate([val[ok], d["hi"].to_numpy(dtype=float)[has_ci]])) if ok.any() else 1.0
    notes = d["note"].fillna("").astype(str).to_numpy()
    reasons: dict[str, int] = {}
    for i in np.flatnonzero(~has_ci):
        # a short mark on the row; why there is no interval is said once, under the chart (a reason repeated on
        # every row ran past the plot)
        a.annotate("no value" if not ok[i] else NO_INTERVAL, (val[i] if ok[i] else 0, y[i]), xytext=(8, 0),
                   textcoords="offset points", va="center", fontsize=8, color="#444444")
        reason = notes[i].split(";")[0].split(":")[0] if notes[i] else ""  # "one article: no interval ..."
        if reason:
            reasons[reason] = reasons.get(reason, 0) + 1
    a.set_yticks(y, [_short(g) for g in d["group"]])
    a.set_xlabel(unit)
    room = 1.3 if (~has_ci).any() else 1.08  # the "no interval" marks are written right of their points
    a.set_xlim(left=min(0.0, float(np.nanmin(d["lo"].to_numpy(dtype=float))) if has_ci.any() else 0.0),
               right=float(xmax) * room + (1e-9 if xmax == 0 else 0) or 1.0)
    a.grid(axis="x", color="#dddddd", linewidth=0.8)
    a.set_axisbelow(True)
    a.set_ylim(-0.7, n - 0.3)
    handles = [Line2D([], [], marker="o", color=OKABE_ITO[0], linestyle="-", label="value with 95% interval")]
    if (low & has_ci).any():
        handles.append(Line2D([], [], marker="o", markerfacecolor="white", color=OKABE_ITO[0], linestyle="-",
                              label="few articles or words: interval unreliable"))
    if (~has_ci).any():
        handles.append(Line2D([], [], marker="D", markerfacecolor="white", color=OKABE_ITO[0], linestyle="",
                              label=f"{NO_INTERVAL} can be computed"))
    # beside the plot, not over it: inside, the legend covered the rows at the bottom and their notes
    a.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=True,
             borderaxespad=0.0)
    why = "; ".join(f"{NO_INTERVAL} for {n} group{'s' if n != 1 else ''}: {r}" for r, n in sorted(reasons.items()))
    extra = _ci_words(d) + (f"; {limited}" if limited else "") + (f"; {why}" if why else "")
    _put_title(fig, a, title, f"{label} ({unit})", corpus, extra, ax is None)
    return fig


def plot_differences(pairs: pd.DataFrame, metric: str = "loaded_author_rate", *, ax: Axes | None = None,
                     title: str | None = None, corpus: str | None = None, max_pairs: int = 40) -> Figure:
    """Pairwise differences with intervals for one metric; filled markers are significant after correction."""
    d = pairs[pairs["metric"] == metric].copy()
    if d.empty:
        return _empty(ax, _no_differences(metric), title or metric)
    d, limited = _largest_differences(d, max_pairs)
    d = d.sort_values(["diff", "group_a", "group_b"])
    n = len(d)
    fig, a = _figure(ax, 9, _rows_height(n))
    y = np.arange(n)
    has = d["lo"].notna().to_numpy()
    sig = d["significant"].fillna(False).to_numpy(dtype=bool)
    untested = d["significant"].isna().to_numpy(dtype=bool)  # no p-value: neither significant nor not
    diff = d["diff"].to_numpy(dtype=float)
    if has.any():
        a.errorbar(diff[has], y[has], xerr=[np.clip(diff[has] - d["lo"].to_numpy()[has], 0, None),
                                            np.clip(d["hi"].to_numpy()[has] - diff[has], 0, None)],
                   fmt="none", ecolor=OKABE_ITO[0], capsize=2.5, elinewidth=1.3)
    tested = ~sig & ~untested
    if sig.any() or not untested.any():
        a.scatter(diff[sig], y[sig], color=OKABE_ITO[5], zorder=3, s=36, label="significant after correction")
    if tested.any() or not untested.any():
        a.scatter(diff[tested], y[tested], facecolors="white", edgecolors=OKABE_ITO[0], zorder=3, s=36,
                  label="not significant")
    if untested.any():
        a.scatter(diff[untested], y[untested], marker="x", color=GREY, zorder=3, s=30, label="not tested")
    for i in np.flatnonzero(~has):
        a.annotate(NO_INTERVAL, (0 if math.isnan(diff[i]) else diff[i], y[i]), xytext=(8, 0),
                   textcoords="offset points", va="center", fontsize=8, color="#444444")
    a.axvline(0, color=GREY, linewidth=1)
    a.set_yticks(y, [f"{_short(x, 26)} \u2212 {_short(z, 26)}" for x, z in zip(d["group_a"], d["group_b"], strict=True)])
    a.set_xlabel(f"difference ({d['unit'].iloc[0]})")
    a.grid(axis="x", color="#dddddd", linewidth=0.8)
    a.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, borderaxespad=0.0)  # beside, not over, the pairs
    corr = str(d["correction"].iloc[0])
    extra = f"{_ci_words(d)}; {corr} correction" + (f"; {limited}" if limited else "")
    _put_title(fig, a, title, f"Differences between groups: {d['label'].iloc[0]}", corpus, extra, ax is None)
    return fig


# -- category rates: heatmap -----------------------------------------------------------------------------------

def plot_heatmap(rates: pd.DataFrame, *, voice: str = "author", ax: Axes | None = None, title: str | None = None,
                 corpus: str | None = None, max_groups: int = 40) -> Figure:
    """Loaded-term rates per category (columns) and group (rows) as a heatmap, values written in the cells.

    Groups flagged ``low_n`` carry a dagger (\u2020) after their name.
    """
    d = rates[(rates["family"] == "loaded_category") & (rates["voice"] == voice)]
    if d.empty:
        return _empty(ax, "No loaded-term category rates in this table.", title or "Loaded terms by category")
    d, limited = _limit_groups(d, max_groups)
    m = d.pivot_table(index="group", columns="key", values="value", aggfunc="first", sort=True)
    cats = [c for c in dict.fromkeys(d["key"]) if c in m.columns]
    m = m[cats]
    totals = m.sum(axis=1)
    m = m.loc[sorted(m.index, key=lambda g: (-totals[g], g))]
    low = d.groupby("group")["low_n"].any()
    G, C = m.shape
    fig, a = _figure(ax, 2.8 + 0.62 * C, _rows_height(G, 0.34, 2.4))
    vals = m.to_numpy(dtype=float)
    vmax = np.nanmax(vals) if np.isfinite(vals).any() and np.nanmax(vals) > 0 else 1.0
    # square-root colour scale: one dominant category (emotive words in a tabloid) must not flatten the rest
    im = a.imshow(np.ma.masked_invalid(vals), cmap=CMAP, aspect="auto", norm=PowerNorm(0.5, vmin=0, vmax=vmax))
    if G * C <= 600:
        for i in range(G):
            for j in range(C):
                v = vals[i, j]
                if not math.isnan(v):
                    # in_layout: inside its cell, the value cannot widen the figure's margins, and the layout
                    # engine need not measure it
                    a.text(j, i, _fmt(v), ha="center", va="center", fontsize=7, in_layout=False,
                           color="white" if v < 0.3 * vmax else "black")
    a.set_xticks(range(C), [c.replace("_", " ") for c in cats], rotation=40, ha="right")
    a.set_yticks(range(G), [_short(g) + (" \u2020" if low.get(g, False) else "") for g in m.index])
    unit = str(d["unit"].iloc[0])
    fig.colorbar(im, ax=a, label=f"{unit} (square-root scale)", shrink=0.8)
    vw = {"author": "writer's own voice", "quoted": "inside quotations", "all": "all voices"}.get(voice, voice)
    flagged = "\u2020 few articles or words" if any(low.get(g, False) for g in m.index) else ""
    extra = "; ".join(x for x in (flagged, limited) if x)
    _put_title(fig, a, title, f"Loaded terms by category, {vw} ({unit})", corpus, extra, ax is None)
    return fig


# -- stance and source-type distributions: stacked bars ---------------------------------------------------------

def plot_shares(rates: pd.DataFrame, family: str = "stance", *, ax: Axes | None = None, title: str | None = None,
                corpus: str | None = None, max_groups: int = 40) -> Figure:
    """Stacked horizontal bars: each group's attributions split by stance (``family="stance"``) or by source type
    (``family="source_type"``), or its shares of any other family (its quotations by the speaker's role,
    ``family="quote_role"``), in the order of :func:`framing.chartstyle.share_keys`. A group without attributions
    (without anything the shares are of) gets an empty bar that says so."""
    words = _FAMILY_WORDS.get(family, family.replace("_", " ").capitalize())
    d = rates[rates["family"] == family]
    if d.empty:
        return _empty(ax, f"No {family} shares in this table.", title or words)
    d, limited = _limit_groups(d, max_groups)
    m = d.pivot_table(index="group", columns="key", values="value", aggfunc="first", sort=True)
    keys = share_keys(family, [k for k in d["key"] if k in m.columns])
    unit = str(d["unit"].iloc[0])  # "share of attributions"
    counted = unit.removeprefix("share of ")
    if not keys:  # every share undefined: no group has any of what they are shares of (a corpus without quotations)
        return _empty(ax, f"No group has any {counted}: no shares to show.", title or words)
    m = m[keys]
    # what each group's shares are of: its attributions (stance, source type), else the shares' denominator
    n_col = "n_attributions" if family in ("stance", "source_type") else "denominator"
    attrs = d.drop_duplicates("group").set_index("group")[n_col].fillna(0)
    first = keys[0]
    m = m.loc[sorted(m.index, key=lambda g: (-(m.loc[g, first] if not math.isnan(m.loc[g, first]) else -1), g))]
    m = m.iloc[::-1]
    G = len(m)
    fig, a = _figure(ax, 9, _rows_height(G, 0.3, 2.2))
    y = np.arange(G)
    left = np.zeros(G)
    colours = share_colours(family, keys)
    for k, key in enumerate(keys):
        v = np.nan_to_num(m[key].to_numpy(dtype=float))
        a.barh(y, v, left=left, color=colours[k], edgecolor="white", linewidth=0.5,
               label=key.replace("_", " "), height=0.75)
        left += v
    for i, g in enumerate(m.index):
        n_attr = int(attrs.get(g, 0))
        a.text(1.01, i, f"n={n_attr}" if n_attr else f"no {counted}", va="center", fontsize=7, color="#444444",
               transform=a.get_yaxis_transform())
    a.set_yticks(y, [_short(g) for g in m.index])
    a.set_xlim(0, 1)
    a.set_xlabel(unit)
    a.legend(ncols=min(len(keys), 4), loc="upper center", bbox_to_anchor=(0.5, -0.09 - 0.6 / max(G, 3)),
             fontsize=8, frameon=False)
    _put_title(fig, a, title, f"{words} (share of each group's {counted})", corpus, limited, ax is None)
    return fig


# -- distinctive terms -----------------------------------------------------------------------------------------

def plot_terms(terms: pd.DataFrame, *, top: int = 10, ax: Axes | None = None, title: str | None = None,
               corpus: str | None = None, max_groups: int = TERM_GROUPS, ncols: int | None = None) -> Figure:
    """Small multiples: for each group (by name; the ``max_groups`` with the most articles when there are more, as
    the title says), its most distinctive terms by z-score of the log-odds ratio."""
    t = "Distinctive terms (log-odds with informative Dirichlet prior, z-score)"
    if terms.empty:
        return _empty(ax, "No distinctive terms: they need at least two groups with enough text.", title or t)
    groups, limited = most_articles(terms, max_groups)
    if ax is not None:  # one group on a given Axes
        groups = groups[:1]
    n = len(groups)
    nc = ncols or min(n, 4 if n > 6 else 3 if n > 2 else n)
    nr = math.ceil(n / nc)
    if ax is None:
        fig = Figure(figsize=(4.3 * nc, (0.24 * top + 0.9) * nr + 1.0), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nr, nc, squeeze=False).ravel()
    else:
        fig, axes = cast(Figure, ax.figure), np.array([ax])
    for k, g in enumerate(groups):
        a = axes[k]
        d = terms[terms["group"] == g].sort_values("rank").head(top).iloc[::-1]
        a.barh(np.arange(len(d)), d["z"], color=OKABE_ITO[0], height=0.7)
        a.set_yticks(np.arange(len(d)), [_short(x, 24) for x in d["term"]], fontsize=8)
        _panel_title(a, _short(g, 34), ax is None)
        a.tick_params(axis="x", labelsize=7)
        a.grid(axis="x", color="#dddddd", linewidth=0.6)
        a.set_axisbelow(True)
    for a in axes[n:]:
        a.set_axis_off()
    _put_title(fig, axes[0], title, t, corpus, limited, ax is None)
    return fig  # type: ignore[return-value]


# -- actor labelling matrix ------------------------------------------------------------------------------------

def plot_labels(labels: pd.DataFrame, *, concept: str | None = None, ax: Axes | None = None,
                title: str | None = None, corpus: str | None = None, max_groups: int = 40,
                labels_per_concept: int = 6, min_count: int = 2) -> Figure:
    """Which label each group uses for the same kind of actor (``labels`` is
    :func:`framing.compare.wordchoice.actor_labels`' table).

    Cell colour is the label's share of the group's mentions of that concept, the number is the count; the
    lexicon weight of each label is in brackets (0 = the neutral label). For one ``concept`` the groups are rows
    and the labels columns; for all concepts the labels are rows (grouped by concept, the
    ``labels_per_concept`` most frequent of each, concepts with a single label left out) and the groups columns.
    """
    d, groups, items, limited = label_cells(labels, concept, max_groups=max_groups,
                                            labels_per_concept=labels_per_concept, min_count=min_count)
    what = "Labels for the same actors" + (f": {concept.replace('_', ' ')}" if concept else "")
    if d.empty:
        return _empty(ax, "No actor labels found in these texts.", title or what)
    key = d.set_index(["group", "concept", "label"])
    weight = d.drop_duplicates(["concept", "label"]).set_index(["concept", "label"])["weight"]
    M = np.full((len(groups), len(items)), np.nan)
    N = np.zeros((len(groups), len(items)), dtype=int)
    for i, g in enumerate(groups):
        for j, (c, lab) in enumerate(items):
            if (g, c, lab) in key.index:
                M[i, j] = key.at[(g, c, lab), "share"]
                N[i, j] = int(key.at[(g, c, lab), "count"])
    item_names = [f"{_short(lab, 30)} ({weight[(c, lab)]:g})" for c, lab in items]
    rows_are_groups = concept is not None
    if not rows_are_groups:
        M, N = M.T, N.T
    row_names = [_short(g) for g in groups] if rows_are_groups else item_names
    col_names = item_names if rows_are_groups else [_short(g, 30) for g in groups]
    nr, nc = M.shape
    width = 3.6 + 0.42 * nc if rows_are_groups else max(8.0, 5.0 + 0.42 * nc)  # room for concept names
    fig, a = _figure(ax, width, _rows_height(nr, 0.3, 3.0))
    im = a.imshow(np.ma.masked_invalid(M), cmap=CMAP, vmin=0, vmax=1, aspect="auto")
    for i in range(nr):
        for j in range(nc):
            if N[i, j]:
                a.text(j, i, str(N[i, j]), ha="center", va="center", fontsize=7, in_layout=False,  # as the heatmap
                       color="white" if M[i, j] < 0.55 else "black")
    a.set_xticks(range(nc), col_names, rotation=60, ha="right", fontsize=8)
    a.set_yticks(range(nr), row_names, fontsize=8)
    if not rows_are_groups:  # concept headers and separators between the row blocks
        start = 0
        for c in dict.fromkeys(c for c, _ in items):
            n_c = sum(1 for cc, _ in items if cc == c)
            a.text(nc - 0.4, start - 0.5 + n_c / 2, c.replace("_", " "), ha="left", va="center", fontsize=8,
                   fontweight="bold", clip_on=False)
            if start:
                a.axhline(start - 0.5, color="white", linewidth=2.5)
            start += n_c
    fig.colorbar(im, ax=a, label="share of the concept's mentions", shrink=0.6, pad=0.12 if concept is None else 0.02)
    _put_title(fig, a, title, what + " (count in cells; lexicon weight in brackets, 0 = neutral label)", corpus,
               limited, ax is None)
    return fig


# -- rates over time -------------------------------------------------------------------------------------------

def plot_over_time(rates: pd.DataFrame, metric: str = "loaded_author_rate", *, period: str | None = None,
                   ax: Axes | None = None, title: str | None = None, corpus: str | None = None,
                   max_groups: int = 24) -> Figure:
    """A metric over time: one line per group (small multiples beyond 6 groups) with interval bands.

    ``rates`` comes from ``rates(articles, by=["source", "date:month"])`` (or ``by="date:month"`` for one line);
    ``period`` names its date column (found automatically). Periods whose dates did not parse are left out, and
    the chart says how many articles that concerns; a line breaks where periods without articles lie between
    two points.
    """
    from framing.compare.groups import DATE_FREQS, UNPARSED, period_ordinal

    d = rates[rates["metric"] == metric].copy()
    what = "over time"
    if d.empty:
        return _empty(ax, f"No rows for metric {metric!r}.", title or metric)
    cols = [c for c in d.columns if ":" in c and c.split(":")[1] in DATE_FREQS]
    period = period or (cols[0] if cols else "group")
    series_cols = [c for c in d.columns if c not in RATE_TABLE_COLUMNS and c != period]
    d["_series"] = d[series_cols[0]].astype(str) if series_cols else "all articles"
    d["_period"] = d[period].astype(str)
    dropped = int(d.loc[d["_period"] == UNPARSED, "n_articles"].sum())
    d = d[d["_period"] != UNPARSED]
    label, unit = str(d["label"].iloc[0]) if len(d) else metric, str(rates["unit"].iloc[0])
    periods = sorted(d["_period"].unique())
    series, limited = _largest_series(d, "_series", max_groups)
    if not periods:
        return _empty(ax, "No article has a date that parses: nothing to draw over time.", title or label)
    # periods are placed by calendar position (2014-12 and 2018-06 are 42 months apart, not one step), when every
    # period is a calendar bucket; otherwise one step each
    ords = [period_ordinal(p) for p in periods]
    known = [o for o in ords if o is not None]
    pos = {p: (o - known[0]) if len(known) == len(ords) and o is not None else i
           for i, (p, o) in enumerate(zip(periods, ords, strict=True))}
    small = len(series) > 6 and ax is None
    if small:
        nc = 4 if len(series) > 12 else 3
        nr = math.ceil(len(series) / nc)
        fig = Figure(figsize=(4.0 * nc, 2.4 * nr + 1.2), layout="constrained")
        FigureCanvasAgg(fig)
        axes = list(fig.subplots(nr, nc, squeeze=False, sharex=True, sharey=True).ravel())
    else:
        fig, a0 = _figure(ax, min(14.0, max(7.5, 0.3 * (max(pos.values()) + 1) + 3)), 4.5)
        axes = [a0]
    no_ci = False
    for k, s in enumerate(series):
        a = axes[k] if small else axes[0]
        colour = OKABE_ITO[0] if small else OKABE_ITO[k % len(OKABE_ITO)]
        no_ci |= _time_series(a, d[d["_series"] == s].sort_values("_period"), pos, colour, _short(s, 30))
        if small:
            _panel_title(a, _short(s, 34))
        a.grid(color="#eeeeee", linewidth=0.6)
    step = max(1, len(periods) // 12)
    for a in axes[: len(series) if small else 1]:
        a.set_xticks([pos[p] for p in periods[::step]], periods[::step], rotation=45, ha="right", fontsize=7)
        a.xaxis.set_tick_params(labelbottom=True)  # every panel labels its periods (shared axes hide them)
    for a in axes[len(series):] if small else []:
        a.set_axis_off()
    if not small:
        axes[0].set_ylabel(unit)
        if len(series) > 1:
            # beside the plot: inside, it hid points wherever it went
            axes[0].legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    notes = []
    if no_ci:
        notes.append(f"\u25c7 {NO_INTERVAL} (one article in the period)")
    if dropped:
        notes.append(f"{dropped} article(s) without a usable date left out")
    if limited:
        notes.append(limited)
    extra = "; ".join([_ci_words(d), *notes])
    _put_title(fig, axes[0], title, f"{label} ({unit}) {what}", corpus, extra, ax is None)
    return fig


def _time_series(a: Axes, e: pd.DataFrame, pos: dict[str, int], colour: str, label: str) -> bool:
    """One group's line with its interval band; True when some of its points have no interval."""
    from framing.compare.groups import period_ordinal

    x = e["_period"].map(pos).to_numpy(dtype=float)
    v = e["value"].to_numpy(dtype=float)
    lo, hi = e["lo"].to_numpy(dtype=float), e["hi"].to_numpy(dtype=float)
    has = ~np.isnan(lo) & ~np.isnan(hi)
    # the line breaks where periods are missing (no articles): a gap is not a trend
    ords = [period_ordinal(p) for p in e["_period"]]
    lx, lv = [], []
    for k in range(len(x)):
        cur, prev = ords[k], ords[k - 1] if k else None
        if cur is not None and prev is not None and cur - prev > 1:
            lx.append(np.nan)
            lv.append(np.nan)
        lx.append(x[k])
        lv.append(v[k])
    a.plot(lx, lv, color=colour, linewidth=1.6, marker="o", markersize=3.5, label=label)
    if has.any():
        a.fill_between(x, np.where(has, lo, v), np.where(has, hi, v), color=colour, alpha=0.18, linewidth=0,
                       where=has, interpolate=False)
    if (~has).any():
        a.scatter(x[~has], v[~has], facecolors="white", edgecolors=colour, zorder=3, s=28, marker="D")
    return bool((~has).any())




# -- same event ------------------------------------------------------------------------------------------------

def plot_event(view: pd.DataFrame, *, event: str | None = None, ax: Axes | None = None, title: str | None = None,
               corpus: str | None = None) -> Figure:
    """One event, the outlets side by side: loaded-term rates (own voice / quoted), scare quotes, tone, and a text
    column with each outlet's loaded terms and labels. ``view`` is :func:`framing.compare.events.event_view`."""
    what = f"Same event, outlets side by side{': ' + _short(event, 100) if event else ''}"
    if view.empty:
        return _empty(ax, "No articles for this event.", title or what)
    v = view.sort_values(["loaded_author_rate", "group"], ascending=[True, False]).reset_index(drop=True)
    n = len(v)
    if ax is not None:  # on a given Axes: the loaded-term panel only
        fig, axes = cast(Figure, ax.figure), [ax]
    else:
        fig = Figure(figsize=(16, _rows_height(n, 0.5, 2.2)), layout="constrained")
        FigureCanvasAgg(fig)
        axes = list(fig.subplots(1, 4, sharey=True, gridspec_kw={"width_ratios": [2.2, 1.2, 1.6, 4.2]}))
    y = np.arange(n)
    a = axes[0]
    a.barh(y - 0.18, v["loaded_author_rate"], height=0.36, color=OKABE_ITO[0], label="writer's own voice")
    a.barh(y + 0.18, v["loaded_quoted_rate"], height=0.36, color=OKABE_ITO[1], label="inside quotations")
    a.set_yticks(y, [f"{_short(g, 30)} ({k})" for g, k in zip(v["group"], v["n_articles"], strict=True)], fontsize=8)
    a.set_xlabel("loaded terms per 1,000 words", fontsize=8)
    a.legend(fontsize=7, loc="lower right")
    a.grid(axis="x", color="#dddddd", linewidth=0.6)
    a.set_axisbelow(True)
    a.set_ylim(-0.7, n - 0.3)
    what += " (number of articles in brackets; figures are counts, no intervals)"
    if ax is not None:
        _put_title(fig, a, title, what, corpus, own=False)
        return fig
    a = axes[1]
    a.barh(y, v["n_scare_quotes"], color=OKABE_ITO[3], height=0.6)
    a.set_xlabel("scare quotes (count)", fontsize=8)
    a.xaxis.set_major_locator(MaxNLocator(integer=True))
    a.set_xlim(0, max(1, int(v["n_scare_quotes"].max())) * 1.1)
    a = axes[2]
    a.axvline(0, color=GREY, linewidth=0.8)
    a.scatter(v["polarity"], y, color=OKABE_ITO[2], label="polarity (\u22121..1)", zorder=3)
    a.scatter(v["subjectivity"], y, color=OKABE_ITO[5], marker="s", label="subjectivity (0..1)", zorder=3)
    a.set_xlim(-1, 1)
    a.set_xlabel("tone (TextBlob)", fontsize=8)
    a.legend(fontsize=7, loc="lower left")
    a = axes[3]
    a.set_axis_off()
    a.set_xlim(0, 1)
    for i, row in v.iterrows():
        bits = []
        if row["loaded_terms"]:
            bits.append(f"terms: {row['loaded_terms']}")
        if row.get("labels"):
            bits.append(f"labels: {row['labels']}")
        if row["scare_quotes"]:
            bits.append(f"scare: {row['scare_quotes']}")
        a.text(0, i, _short("  |  ".join(bits) or "(no loaded terms, labels or scare quotes)", 120), fontsize=7,
               va="center", ha="left")
    for ax_ in axes[:3]:
        ax_.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax_.set_axisbelow(True)
        ax_.tick_params(axis="x", labelsize=7)
    _put_title(fig, axes[0], title, what, corpus)
    return fig


# -- output ----------------------------------------------------------------------------------------------------

def save_figure(fig: Figure, stem: str | Path, formats: Iterable[str] = ("png", "svg"), *, dpi: int = 150
                ) -> list[Path]:
    """Write ``stem.png``/``stem.svg``; byte-identical for the same figure (no dates, fixed SVG ids).

    The figure is laid out once, by its layout engine, with the PNG's renderer and resolution, and every format is
    written from that layout: the PNG from the pixels of that one drawing, the others with the layout engine off.
    ``savefig`` would lay the figure out again for each format, each time after a drawing that renders nothing (most
    of a report's time), and would place a vector format by its own renderer's text metrics, a pixel or so away
    from the PNG. The figure keeps its layout engine, resolution and canvas.

    An SVG's text is written as text (``svg.fonttype: none``), in the PNG's font (DejaVu Sans, then the usual sans
    serif fonts where it is not installed), XML-escaped: the text can be selected and searched, and the file is
    smaller and quicker to write than with each glyph drawn as a path (figures in docs/design-measurements.md).
    The text is measured once per process and the fonts read from memory (:mod:`framing._chart_text`: the same
    bytes, sooner).
    """
    out = []
    stem = Path(stem)
    engine, own_dpi, own_canvas = fig.get_layout_engine(), fig.dpi, fig.canvas
    canvas = own_canvas if isinstance(own_canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    try:
        # the figure.* keys: so that set_layout_engine(None) leaves no engine (with one, even a placeholder, savefig
        # would still make its drawing that renders nothing)
        with matplotlib.rc_context({"svg.hashsalt": "framing", "svg.fonttype": "none", "figure.autolayout": False,
                                    "figure.constrained_layout.use": False}):
            fig.set_dpi(dpi)
            with quick_text():
                canvas.draw()
            fig.set_layout_engine(None)
            for fmt in formats:
                path = stem.with_name(f"{stem.name}.{fmt}")
                if fmt == "png":  # the pixels drawn above, written as savefig writes them
                    imsave(path, canvas.buffer_rgba(), format="png", origin="upper", dpi=dpi, metadata={})
                else:
                    # a PDF embeds its fonts from their files: there they are read as matplotlib reads them
                    with quick_text(fonts=fmt == "svg"):
                        fig.savefig(path, format=fmt, dpi=dpi, metadata={"Date": None} if fmt in ("svg", "pdf") else {})
                out.append(path)
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
        fig.set_dpi(own_dpi)
        if canvas is not own_canvas:
            fig.set_canvas(own_canvas)
    return out


def chart_names(values: Sequence[str]) -> list[str]:
    """File-safe names for chart files (``Capital Wire`` -> ``capital-wire``)."""
    import re

    out = []
    for v in values:
        s = re.sub(r"[^a-z0-9]+", "-", str(v).lower()).strip("-")
        out.append(s or "x")
    return out
