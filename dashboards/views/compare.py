"""Compare sources: rates with intervals, pairwise differences, categories, stances, source types and
trends, for the articles the filters select; every chart and table downloadable; every choice kept in the URL."""

import cached
import streamlit as st
import widgets

from framing.charts import kinds
from framing.chartstyle import no_differences
from framing.compare import METRICS
from framing.compare.metrics import families
from framing.compare.settings import DEFAULT
from framing.compare.stats import NORMAL, absent_families

# The metric families the detectors declare, each with its headline metric (shown first).
FAMILIES = {f.name: f.label for f in families()}
DEFAULT_METRIC = {f.name: f.headline for f in families()}
# The chart kinds of this page (framing.charts), by name as the URL spells them.
VIEWS = {k.name: k.title for k in kinds("compare").values()}

ref, name = widgets.context()
filters = widgets.filter_bar(ref)

st.title("Compare sources")
c = st.columns([1, 1, 2])
by = widgets.grouping(ref, where=c[0])
view = widgets.choice("Chart", list(VIEWS), format_func=VIEWS.__getitem__, key="view", control="segmented")
# the stacked shares draw a whole family whatever the measure: no picker that would do nothing (its value is kept)
pick = kinds("compare")[view].uses_metric
family = widgets.choice("Finding category", list(FAMILIES), format_func=FAMILIES.__getitem__, key="family",
                        where=c[1], show=pick)
ms = [m for m in METRICS if m.family == family]
first = DEFAULT_METRIC[family]
ms.sort(key=lambda m: m.name != first)
labels = {m.name: f"{m.label} ({m.unit})" for m in ms}
metric = widgets.choice("Measure", list(labels), format_func=labels.__getitem__, key="metric", where=c[2],
                        show=pick)
if not pick:
    c[1].caption(f"The {VIEWS[view]} chart shows every share of its kind: there is no measure to choose.")

n_articles = cached.count(ref, filters)  # counted in the store: the charts read only the columns they need
if not n_articles:
    st.warning("No article matches these filters: widen the date range or select other sources.")
    st.stop()
widgets.show_text(f"{n_articles:,} articles ({filters.describe()}), grouped by {by}. Intervals are 95% intervals "
                  f"over articles: bootstrap for a group of fewer than {DEFAULT.normal_min_articles} articles, "
                  f"{NORMAL} (from the store's sums) for a larger one; the table's interval column names each "
                  "group's; a hollow dot marks a group with too few articles or words for its interval to mean "
                  "much.", "caption")

gone = absent_families(cached.columns(ref))
if pick and FAMILIES[family] in gone or (view == "roles" and gone):  # (a share chart draws no chosen family)
    # our own words and family labels only: nothing from the articles
    st.warning(f"This store has no {', '.join(gone)} figures: its articles were analysed by an earlier version of "
               "framing, before these existed. Run `framing run INPUT --db STORE` on it again to add them (only those "
               "articles are analysed again); the other categories are complete.")
    st.stop()

title = f"{name}; {filters.describe()}"
with st.spinner("Computing..."):
    spec, tab, warnings = cached.compare_chart(ref, filters, by, view, metric, title)


def png() -> bytes:  # the matplotlib chart, drawn when its download is asked for
    return cached.compare_png(ref, filters, by, view, metric, title)


left, right = st.columns([3, 2])
if tab.empty:  # nothing to draw: why, in words, and no chart or table to download
    left.info(no_differences(metric) if view == "differences" else
              f"Nothing to draw: the {VIEWS[view]} chart has no figures for these articles.", icon=":material/info:")
    widgets.clear_filter(by, widgets.GROUPINGS[by], where=left)
elif spec is None:  # a chart kind without an interactive version
    left.image(png(), width="stretch", alt=f"{VIEWS[view]} chart")
else:
    widgets.filtering_chart(spec, ref, by, where=left, alt=f"{VIEWS[view]} chart")
    widgets.show_text(f"Hover a mark for its figures; click a group to show only its articles (it becomes the {by} "
                      "filter in the sidebar, where you can add others).", "caption", where=left)
    widgets.clear_filter(by, widgets.GROUPINGS[by], where=left)
if len(tab):
    widgets.downloads(png, tab, f"{name}-{view}-{metric}-by-{by}", where=left)
    with right:
        widgets.table(tab, max_height=560)
for w in warnings:
    widgets.show_text(w, "caption")

with st.expander("How to read these figures"):
    st.markdown(
        "- **Rates** are per 1,000 words of each group's articles (a ratio of sums: long articles weigh more); "
        "**shares** are of the group's attributions.\n"
        "- The whiskers are 95% intervals over the group's articles: how much the figure depends on which articles "
        f"the source happened to publish (from 1,000 bootstrap resamples for a group of fewer than "
        f"{DEFAULT.normal_min_articles} articles; for a larger one, the normal interval of a ratio of sums by the "
        "delta method, which the bootstrap approaches as groups grow). They say nothing about what the detectors "
        "miss.\n"
        "- **Differences** compare the largest groups pairwise; filled markers stay significant after Holm's "
        "correction for the number of pairs.\n"
        "- A loaded word may be quoted (the *writer's own voice* measures exclude quotations); a scare quote may "
        "be house style; outlets that covered different events differ for that reason too: compare them on the "
        "same event (the *Same event* page).")
