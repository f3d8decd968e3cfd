"""What the static charts (:mod:`framing.plots`, matplotlib) and the interactive ones (:mod:`framing.interactive`,
Vega-Lite) share, so that both show the same groups in the same colours: the palette, the orders of stances and
source types, and which groups a chart keeps when there are too many. Pure pandas; loads no plotting library."""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing.moments import NORMAL

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
GREY = "#999999"
CMAP = "cividis"  # perceptually uniform and colour-blind safe
NO_INTERVAL = "no interval"

FAMILY_WORDS = {"stance": "Reporting verbs by stance", "source_type": "Attributions by source type",
                "quote_role": "Quotations by the speaker's role"}
STANCE_ORDER = ("neutral", "endorsing", "distancing", "discrediting")
TYPE_ORDER = ("named_person", "named_org", "title_only", "anonymous", "pronoun", "media", "none")
# Okabe-Ito, then three of Paul Tol's muted colours for families with more than eight parts (speakers' roles); grey
# is kept for what is unknown
MANY_COLOURS = (*OKABE_ITO, "#882255", "#44AA99", "#999933")
# The dash patterns (on, off... in pixels) that set lines of the same colour apart: Okabe-Ito's eight colours solid,
# then dashed, then dotted, then dash-dotted, so that 32 lines over time differ (README: legible for 20+ outlets)
SERIES_DASHES: tuple[tuple[int, ...], ...] = ((), (6, 3), (2, 2), (8, 3, 2, 3))


def series_styles(n: int) -> list[tuple[str, tuple[int, ...]]]:
    """A colour and a dash pattern for each of ``n`` lines, in order, all different up to 32 lines (then they
    repeat): the first eight solid in Okabe-Ito's colours, the next eight dashed in the same colours, and so on."""
    k = len(OKABE_ITO)
    return [(OKABE_ITO[i % k], SERIES_DASHES[(i // k) % len(SERIES_DASHES)]) for i in range(n)]


def no_differences(metric: str) -> str:
    """Why a chart of pairwise differences is empty, in words, with the metric's label (not its id)."""
    from framing.compare.metrics import metric as find_metric
    from framing.errors import ConfigError

    try:
        label = find_metric(metric).label
    except ConfigError:
        label = metric
    return (f"No pairwise differences of {label}: they need at least two groups of two or more articles each, and "
            "there are fewer here.")


# the columns of a rates table that are not grouping columns (a time chart's series is the first other column)
RATE_TABLE_COLUMNS = ("group", "metric", "family", "key", "voice", "label", "unit", "value", "lo", "hi", "interval",
                      "numerator", "denominator", "n_articles", "n_words", "n_attributions", "low_n", "note",
                      "_series", "_period")
# the stacked bars' colours, in the order above
STANCE_COLOURS = (OKABE_ITO[2], OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[5])


def share_keys(family: str, keys: pd.Series | list[str]) -> list[str]:
    """The parts of a family of shares in the order they are stacked: stance and source type in their fixed order,
    any other family in the metrics registry's order (its keys as the detectors declare them), then any other key
    of the table; ``unknown`` last."""
    present = list(dict.fromkeys(keys))
    fixed = {"stance": STANCE_ORDER, "source_type": TYPE_ORDER}.get(family)
    if fixed is None:
        from framing.compare.metrics import METRICS

        fixed = tuple(m.key for m in METRICS if m.family == family)
    out = [k for k in fixed if k in present] + [k for k in present if k not in fixed]
    return [k for k in out if k != "unknown"] + (["unknown"] if "unknown" in out else [])


def share_colours(family: str, keys: list[str]) -> list[str]:
    """A colour per part (:func:`share_keys`): the stance colours, else Okabe-Ito and Tol; grey for ``unknown``."""
    palette = STANCE_COLOURS if family == "stance" else OKABE_ITO if family == "source_type" else MANY_COLOURS
    return [GREY if k == "unknown" else palette[i % len(palette)] for i, k in enumerate(keys)]


def by_size(sizes: pd.DataFrame, name: str = "group") -> list[Any]:
    """The ``name`` values of a table of sizes (one row each, ``n_articles`` and, when present, ``n_words``), the
    largest first: most articles, then most words (of many one-article groups, a long article's before a six-word
    stub's), then by name, so that the choice is deterministic."""
    keys = [k for k in ("n_articles", "n_words") if k in sizes.columns]
    return sizes.sort_values([*keys, name], ascending=[*(False for _ in keys), True], kind="stable")[name].tolist()


# The distinctive terms' small multiples: at most this many groups (one panel each), those with the most articles.
TERM_GROUPS = 40


def most_articles(df: pd.DataFrame, max_groups: int) -> tuple[list[str], str]:
    """The groups of a table of one or more rows per group (a group's rows all have its ``n_articles``), by name: all
    of them, or the ``max_groups`` with the most articles (:func:`by_size`), and a note that says so and how many
    are left out. A table without ``n_articles`` (one made before the column existed) keeps the first by name, and
    says so."""
    sizes = df.drop_duplicates("group")
    names = sorted(sizes["group"])
    if len(names) <= max_groups:
        return names, ""
    which = f"the {max_groups} groups with the most articles" if "n_articles" in df.columns else \
        f"the first {max_groups} groups by name"
    return sorted(by_size(sizes)[:max_groups]), f"{which} ({len(names) - max_groups} of {len(names)} left out)"


def limit_groups(df: pd.DataFrame, max_groups: int) -> tuple[pd.DataFrame, str]:
    """Keep the ``max_groups`` largest groups (:func:`by_size`); say so when some are left out."""
    groups = df.drop_duplicates("group")
    if len(groups) <= max_groups:
        return df, ""
    keep = by_size(groups)[:max_groups]
    return df[df["group"].isin(set(keep))], f"showing the {max_groups} largest of {len(groups)} groups"


def label_cells(labels: pd.DataFrame, concept: str | None, *, max_groups: int, labels_per_concept: int,
                min_count: int) -> tuple[pd.DataFrame, list[str], list[tuple[str, str]], str]:
    """What an actor-labels chart shows (``labels``: :func:`framing.compare.wordchoice.actor_labels`' table): the
    rows of one ``concept`` (or all), the groups (by name; the ``max_groups`` with most mentions, and a note when
    some are left out) and the (concept, label) items: for each concept its ``labels_per_concept`` most frequent
    labels seen ``min_count`` times (concepts with a single label left out when every concept is shown)."""
    d = labels if concept is None else labels[labels["concept"] == concept]
    if d.empty:
        return d, [], [], ""
    tot = d.groupby(["concept", "label"])["count"].sum()
    tot = tot[tot >= min_count] if (tot >= min_count).any() else tot
    items: list[tuple[str, str]] = []
    for c in sorted({c for c, _ in tot.index}):
        sub = tot.loc[c]
        if concept is None and len(sub) < 2:
            continue  # one label only: nothing to compare
        items += [(c, lab) for lab in sorted(sub.index, key=lambda x: (-sub[x], x))[:labels_per_concept]]
    if not items:
        items = [(c, lab) for c, lab in tot.index]
    groups = sorted(d["group"].unique())
    limited = ""
    if len(groups) > max_groups:
        size = d.groupby("group")["count"].sum()
        groups = sorted(sorted(groups, key=lambda g: (-size[g], g))[:max_groups])
        limited = f"the {max_groups} groups with most mentions"
    return d, groups, items, limited


def largest_series(d: pd.DataFrame, column: str, max_groups: int) -> tuple[list[str], str]:
    """The series of a chart over time, sorted: all of them, or the ``max_groups`` largest (:func:`by_size`: most
    articles, then words, then by name), and a note when some are left out."""
    names = sorted(d[column].unique())
    if len(names) <= max_groups:
        return names, ""
    sizes = d.groupby(column)[[c for c in ("n_articles", "n_words") if c in d.columns]].sum().reset_index()
    return sorted(by_size(sizes, column)[:max_groups]), f"the {max_groups} largest groups"


def largest_differences(d: pd.DataFrame, max_pairs: int) -> tuple[pd.DataFrame, str]:
    """The ``max_pairs`` pairwise differences largest in size (ties by the pair's names), and a note when some are
    left out."""
    if len(d) <= max_pairs:
        return d, ""
    top = d.assign(_abs=d["diff"].abs()).sort_values(["_abs", "group_a", "group_b"], ascending=[False, True, True])
    return top.head(max_pairs).drop(columns="_abs"), f"the {max_pairs} largest of {len(d)} differences"


def ci_words(table: pd.DataFrame | None = None, level: float = 0.95) -> str:
    """How a table's intervals were made (its ``interval`` column), for a chart's caption: the article bootstrap,
    the delta-method normal interval (groups of many articles), or both."""
    methods = set(table["interval"]) if table is not None and "interval" in table.columns else {"bootstrap"}
    if NORMAL in methods and "bootstrap" in methods:
        return (f"{level:.0%} intervals over articles: bootstrap for small groups, {NORMAL} for large ones (the "
                "table's interval column)")
    if NORMAL in methods:
        return f"{level:.0%} {NORMAL} intervals over articles"
    return f"{level:.0%} bootstrap intervals over articles"
