"""Rates per group with bootstrap intervals, pairwise differences and multiple-comparison corrections.

Counting happened upstream (the articles table holds counts per article); this module only scores groups:

* :func:`rates` -- every metric of :mod:`framing.compare.metrics` for every group, as a ratio of sums, with an
  interval over the group's articles and a ``low_n`` flag when the group is too small for the interval to mean
  much. A group of ``CompareConfig.normal_min_articles`` (50) articles or more gets the delta-method normal
  interval of its ratio of sums, from five sums per metric (:mod:`framing.moments`); a smaller one the percentile
  interval of a bootstrap over its articles (seeded per group, so a group's interval does not change when other
  groups are filtered out). The two agree for large groups (docs/compare.md, "Intervals: bootstrap or delta
  method"); the sums are what a store keeps per cell, so :mod:`framing.compare.stored` gets the same tables
  without reading the large groups' articles (:func:`estimate` is the one way through for both).
* :func:`pairwise_differences` -- differences between groups with intervals (the bootstrap's when both groups are
  bootstrapped, else normal), a Wald p-value from the standard error, and a Holm or Benjamini-Hochberg correction
  over the pairs of each metric.

Both intervals treat whole articles as the unit, so words of one article move together: the interval reflects how
much the rate depends on which articles a source happened to publish, not only on word counts. It cannot reflect
what the detectors miss or mislabel (systematic error), nor differences in what the outlets chose to cover.
"""

from __future__ import annotations

import contextlib
import math
import warnings
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from statistics import NormalDist

import numpy as np
import pandas as pd

from framing import moments
from framing.compare.groups import By, Grouping, group_articles, key_list
from framing.compare.markdown import interval
from framing.compare.metrics import HEADLINE, ONE, Metric, families, select
from framing.compare.settings import DEFAULT, CompareConfig
from framing.errors import ConfigError, value_invalid_msg

# Elements of the (replicates x articles) weight matrix built at once; bounds memory at ~32 MB per chunk.
_CHUNK_ELEMENTS = 4_000_000

RATE_COLUMNS = ("group", "metric", "family", "key", "voice", "label", "unit", "value", "lo", "hi", "interval",
                "numerator", "denominator", "n_articles", "n_words", "n_attributions", "low_n", "note")


@dataclass(frozen=True)
class Estimate:
    grouping: Grouping
    groups: tuple[str, ...]  # sorted labels
    metrics: tuple[Metric, ...]
    num: np.ndarray  # G x M sums
    den: np.ndarray  # G x M sums
    value: np.ndarray  # G x M
    lo: np.ndarray  # G x M interval bounds (NaN: none)
    hi: np.ndarray
    method: np.ndarray  # G: "bootstrap", NORMAL or "none" (one article, or no intervals asked for)
    var: np.ndarray  # G x M variance of the value: the delta method's, or the bootstrap replicates' (on request)
    reps: list[np.ndarray | None]  # per group: n_boot x M replicate values, kept only on request
    n_articles: np.ndarray
    n_words: np.ndarray
    n_attr: np.ndarray


NORMAL = moments.NORMAL  # the delta-method interval's name in tables (the ``interval`` column), charts and CSVs

# What bootstraps a small group: its label and the (articles x 2M) matrix of its articles' numerators (the first M
# columns, one per metric) and denominators (the next M), in article order.
SmallRows = Callable[[Sequence[str]], dict[str, np.ndarray]]


def _columns(articles: pd.DataFrame, metrics: Sequence[Metric]
             ) -> tuple[np.ndarray, list[int], list[int], dict[tuple[str, ...], int]]:
    """The matrix of summed columns (articles x c) and, per metric, its numerator and denominator column."""
    missing = sorted({c for m in metrics for c in (*m.numerator, m.denominator) if c != ONE}
                     - set(articles.columns))
    if missing:
        raise ConfigError(f"the articles table lacks the column(s) {missing}; build it with framing.tables.frames() "
                          "or framing.compare.load_corpus() (a store analysed by an earlier version of framing gains "
                          "them when `framing run` is run on it again)")
    specs: dict[tuple[str, ...], int] = {}
    cols: list[np.ndarray] = []

    def col(spec: tuple[str, ...]) -> int:
        if spec not in specs:
            if spec[0] == moments.HAS:
                arr = articles[spec[1]].notna().to_numpy(dtype=np.float64)
            else:
                arr = np.zeros(len(articles), dtype=np.float64)
                for c in spec:
                    arr += pd.to_numeric(articles[c], errors="coerce").fillna(0).to_numpy(dtype=np.float64)
            specs[spec] = len(cols)
            cols.append(arr)
        return specs[spec]

    num_idx = [col(moments.num_spec(m)) for m in metrics]
    den_idx = [col(moments.den_spec(m)) for m in metrics]
    for extra in (("n_words",), ("attr_count",)):
        if extra[0] in articles.columns:
            col(extra)
    X = np.column_stack(cols) if cols else np.zeros((len(articles), 0))
    return X, num_idx, den_idx, specs


def group_seed(seed: int, label: str) -> np.random.Generator:
    """The random generator of one group: depends on the seed and the group's label only."""
    return np.random.default_rng([seed, zlib.crc32(label.encode("utf-8", "surrogatepass"))])


def bootstrap_sums(X: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``n_boot`` resamples (with replacement) of the rows of ``X``: an ``n_boot x c`` array.

    Each resample is a row of multiplicities (how often each article was drawn), so the sums are one matrix
    product per chunk of replicates. The product is in float32 (exact for the small integer multiplicities)
    because it is several times faster than float64 for the many small groups of a large corpus; it multiplies the
    rows' deviations from their column means, whose part of each sum (the mean times the number of rows) is added
    in float64. So the rounding error is relative to the spread of the values, not to the values: a column whose
    values are all equal has exact sums, and an interval never excludes its value by a float32 rounding (a group of
    two articles of polarity 0.2 had the interval 0.20000000298 to 0.20000000298).
    """
    n, c = X.shape
    out = np.empty((n_boot, c))
    mu = X.mean(axis=0) if n else np.zeros(c)
    X32 = np.ascontiguousarray(X - mu, dtype=np.float32)
    base = n * mu  # every resample holds n rows
    step = max(1, _CHUNK_ELEMENTS // max(n, 1))
    for s in range(0, n_boot, step):
        m = min(step, n_boot - s)
        idx = rng.integers(0, n, size=(m, n), dtype=np.int32)
        idx += (np.arange(m, dtype=np.int32) * np.int32(n))[:, None]
        W = np.bincount(idx.ravel(), minlength=m * n).reshape(m, n).astype(np.float32)
        out[s:s + m] = W @ X32
    out += base
    return out


def group_sums(articles: pd.DataFrame, by: By, ms: Sequence[Metric]
               ) -> tuple[Grouping, tuple[str, ...], np.ndarray, dict[str, np.ndarray], SmallRows]:
    """The articles' groups (sorted labels), their article counts, the sums of :mod:`framing.moments` per group,
    and the rows of any group for its bootstrap: what :func:`estimate` needs, from an articles table in memory."""
    grouping = group_articles(articles, by)
    X, num_idx, den_idx, specs = _columns(articles, ms)
    labels = grouping.labels.to_numpy(dtype=object).astype(str)
    groups, codes = np.unique(labels, return_inverse=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(groups) + 1))
    Xs = X[order]
    G = len(groups)
    sums: dict[str, np.ndarray] = {}
    for mo in moments.moments(ms):
        if mo.a not in specs or (mo.b and mo.b not in specs):
            continue
        v = Xs[:, specs[mo.a]] * Xs[:, specs[mo.b]] if mo.b else Xs[:, specs[mo.a]]
        sums[mo.name] = np.add.reduceat(v, bounds[:-1]) if G else np.zeros(0)
    pos = {str(g): i for i, g in enumerate(groups)}
    cols = [*num_idx, *den_idx]

    def rows(wanted: Sequence[str]) -> dict[str, np.ndarray]:
        return {g: Xs[bounds[pos[g]]:bounds[pos[g] + 1]][:, cols] for g in wanted}

    return grouping, tuple(str(g) for g in groups), np.diff(bounds), sums, rows


def estimate(grouping: Grouping, groups: Sequence[str], n_articles: np.ndarray, sums: dict[str, np.ndarray],
             ms: Sequence[Metric], cfg: CompareConfig, small_rows: SmallRows, *, keep_reps: bool = False
             ) -> Estimate:
    """Values and intervals from a group's sums (:mod:`framing.moments`): one way for every caller, whether the sums
    come from articles in memory (:func:`group_sums`) or from a store's cells (:mod:`framing.compare.stored`).

    The interval of a group of at least ``cfg.normal_min_articles`` articles is the delta-method normal interval of
    a ratio of sums resampled by article (what the article bootstrap approaches as groups grow; docs/compare.md has
    the measured agreement); a smaller group of two or more articles is bootstrapped from its rows (``small_rows``),
    as before; a group of one article has none.
    """
    G, M = len(groups), len(ms)
    n_articles = np.asarray(n_articles, dtype=np.int64)

    def s(name: str) -> np.ndarray:
        return np.asarray(sums[name], dtype=np.float64) if name in sums else np.zeros(G)

    def stack(kind: str, spec_of: Callable[[Metric], str]) -> np.ndarray:
        return np.column_stack([s(f"{kind}:{spec_of(m)}") for m in ms]) if M else np.zeros((G, 0))

    num = stack("s", lambda m: moments.spec_name(moments.num_spec(m)))
    den = stack("s", lambda m: moments.spec_name(moments.den_spec(m)))
    nn = stack("nn", lambda m: moments.spec_name(moments.num_spec(m)))
    dd = stack("dd", lambda m: moments.spec_name(moments.den_spec(m)))
    nd = stack("nd", lambda m: f"{moments.spec_name(moments.num_spec(m))}|{moments.spec_name(moments.den_spec(m))}")
    scale = np.array([m.scale for m in ms])
    alpha = 1.0 - cfg.level
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(den > 0, num / den, np.nan)
        value = ratio * scale
        # The variance of sum(y - R x) when articles are drawn with replacement (plug-in, as the bootstrap), over
        # sum(x)^2: the linearisation of a ratio of sums, clustered by article. Rounding can make it a hair below 0.
        resid = np.maximum(nn - 2 * ratio * nd + ratio * ratio * dd, 0.0)
        var = resid / (den * den) * scale * scale
    method = np.full(G, "none", dtype=object)
    if cfg.n_boot > 0:
        method[n_articles >= 2] = "bootstrap"
        method[n_articles >= cfg.normal_min_articles] = NORMAL
    normal = method == NORMAL
    lo = np.full((G, M), np.nan)
    hi = np.full((G, M), np.nan)
    zq = NormalDist().inv_cdf(1 - alpha / 2)
    half = zq * np.sqrt(var[normal])
    floor = np.array([0.0 if m.family != "tone" else -np.inf for m in ms])  # counts are never negative
    ceil = np.array([1.0 if m.family != "tone" and m.scale == 1.0 else np.inf for m in ms])  # shares stop at 1
    lo[normal] = np.maximum(value[normal] - half, floor)
    hi[normal] = np.minimum(value[normal] + half, ceil)
    reps: list[np.ndarray | None] = [None] * G
    boot = [int(g) for g in np.flatnonzero(method == "bootstrap")]
    rows = small_rows([groups[g] for g in boot]) if len(boot) else {}
    with _one_blas_thread():
        for g in boot:
            rs = bootstrap_sums(rows[groups[g]], cfg.n_boot, group_seed(cfg.seed, str(groups[g])))
            with np.errstate(divide="ignore", invalid="ignore"):
                rn, rd = rs[:, :M], rs[:, M:]
                r = np.where(rd > 0, rn / rd * scale, np.nan)
            b_lo, b_hi = _percentiles(r, alpha)
            # (float32 sums leave a rate of a few equal-valued articles a hair outside its bounds: -2.7e-07)
            lo[g], hi[g] = np.maximum(b_lo, floor), np.minimum(b_hi, ceil)
            if keep_reps:
                reps[g] = r
                with np.errstate(invalid="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # a column with fewer than 2 finite replicates
                    var[g] = np.nanvar(r, axis=0, ddof=1)
    var[method == "none"] = np.nan
    return Estimate(grouping, tuple(groups), tuple(ms), num, den, value, lo, hi, method, var, reps, n_articles,
                     s("s:n_words"), s("s:attr_count"))


def _estimate(articles: pd.DataFrame, by: By, metrics: Iterable[str] | str | None, cfg: CompareConfig, *,
              keep_reps: bool = False) -> Estimate:
    ms = select(metrics, per_words=cfg.per_words)
    if metrics is None:  # every metric: those the table has columns for (a store may predate some families)
        ms = tuple(m for m in ms if not lacking(articles, m))
    grouping, groups, n_articles, sums, rows = group_sums(articles, by, ms)
    return estimate(grouping, groups, n_articles, sums, ms, cfg, rows, keep_reps=keep_reps)


def _percentiles(r: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """The alpha/2 and 1 - alpha/2 quantiles of each column, ignoring NaN (all-NaN columns give NaN)."""
    q = [alpha / 2, 1 - alpha / 2]
    nan = np.isnan(r).any(axis=0)
    out = np.full((2, r.shape[1]), np.nan)
    if (~nan).any():
        out[:, ~nan] = np.quantile(r[:, ~nan], q, axis=0)
    for j in np.flatnonzero(nan):  # few columns: a denominator of zero in some resamples
        col = r[:, j][~np.isnan(r[:, j])]
        if len(col):
            out[:, j] = np.quantile(col, q)
    return out[0], out[1]


def _one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """Limit BLAS to one thread while bootstrapping, when threadpoolctl is installed.

    The bootstrap makes one small matrix product per group; with many groups, a multi-threaded BLAS spends more
    time waking its threads than multiplying (figures: docs/design-measurements.md).
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(1, user_api="blas")


def rates(articles: pd.DataFrame, *, by: By = "source", metrics: Iterable[str] | str | None = None,
          config: CompareConfig | None = None) -> pd.DataFrame:
    """Every metric for every group, with an interval, as a tidy table (one row per group and metric).

    ``by`` is any column of the articles table, a date bucket (``"date:month"``) or a list of these; ``metrics``
    is a list of metric or family names (see :mod:`framing.compare.metrics`; ``None`` for all).

    Columns: ``group``, ``metric``, ``family``, ``key``, ``voice``, ``label``, ``unit``, ``value``, ``lo``, ``hi``,
    ``interval`` (``bootstrap``, ``delta-method normal``, ``zero-count bound`` or ``none``), ``numerator``,
    ``denominator``, ``n_articles``, ``n_words``, ``n_attributions``, ``low_n`` and a ``note`` saying why an
    interval is missing or weak; with several grouping keys, one more column per key. Rows are sorted by metric,
    then group.

    A group of one article has no interval (``lo``/``hi`` are NaN): resampling one article tells nothing. A
    count of zero gets the exact binomial upper bound instead of the bootstrap's degenerate [0, 0].
    """
    cfg = config or DEFAULT
    est = _estimate(articles, by, metrics, cfg)
    table = rate_table(est, cfg)
    if metrics is None:
        gone = absent_families(articles)
        if gone:
            table.attrs["warnings"] = [
                f"no {', '.join(gone)} figures: the articles were analysed by an earlier version of framing, before "
                "these existed (run `framing run INPUT --db STORE` again to add them: only those articles are "
                "analysed again)"]
    return table


def lacking(articles: pd.DataFrame, m: Metric) -> bool:
    return any(c != ONE and c not in articles.columns for c in (*m.numerator, m.denominator))


def rate_columns(metrics: Iterable[str] | str, by: By = "source") -> tuple[str, ...]:
    """The columns of the articles table that :func:`rates` reads for these metrics (or families) grouped by
    ``by`` (``date:month`` is the ``date`` column), sorted: a store can be asked for only these."""
    cols = {c for m in select(metrics) for c in (*m.numerator, m.denominator) if c != ONE}
    cols |= {"n_words", "attr_count"} | {k.partition(":")[0] for k in key_list(by)}
    return tuple(sorted(cols))


def absent_families(articles: pd.DataFrame) -> list[str]:
    """The labels of the metric families the articles table has no columns for (a store analysed before they
    existed), in registry order."""
    labels = {f.name: f.label for f in families()}
    gone = dict.fromkeys(m.family for m in select(None) if lacking(articles, m))
    return [labels.get(f, f) for f in gone]


def rate_table(est: Estimate, cfg: CompareConfig) -> pd.DataFrame:
    """The tidy rates table of an estimate (see :func:`rates`)."""
    G, M = len(est.groups), len(est.metrics)
    alpha = 1.0 - cfg.level
    lo, hi = est.lo.copy(), est.hi.copy()
    method = np.where(~np.isnan(lo) & ~np.isnan(hi), est.method[:, None], "none").astype(object)
    # Zero counts (and shares of 1): the bootstrap collapses to a point; use the exact binomial bound instead,
    # treating each word (or attribution) as a trial: P(0 of n) = alpha/2 gives p = 1 - (alpha/2)^(1/n).
    scale = np.array([m.scale for m in est.metrics])
    is_count = np.array([m.family != "tone" for m in est.metrics])
    multi = (est.n_articles >= 2)[:, None] & is_count[None, :] & (est.den > 0) & (method != "none")
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = (1.0 - (alpha / 2) ** (1.0 / est.den)) * scale
    zero = multi & (est.num == 0)
    lo[zero], hi[zero], method[zero] = 0.0, bound[zero], "zero-count bound"
    full = multi & (est.num == est.den) & (scale[None, :] == 1.0)
    lo[full], hi[full], method[full] = (1.0 - bound)[full], 1.0, "zero-count bound"

    rows_g = np.repeat(np.arange(G), M)
    rows_m = np.tile(np.arange(M), G)
    ms = est.metrics
    notes, low = _notes(est, cfg)
    df = pd.DataFrame({
        "group": np.array(est.groups, dtype=object)[rows_g],
        "metric": [ms[j].name for j in rows_m],
        "family": [ms[j].family for j in rows_m],
        "key": [ms[j].key for j in rows_m],
        "voice": [ms[j].voice for j in rows_m],
        "label": [ms[j].label for j in rows_m],
        "unit": [ms[j].unit for j in rows_m],
        "value": est.value.ravel(),
        "lo": lo.ravel(),
        "hi": hi.ravel(),
        "interval": method.ravel(),
        "numerator": est.num.ravel(),
        "denominator": est.den.ravel(),
        "n_articles": est.n_articles[rows_g].astype(np.int64),
        "n_words": est.n_words[rows_g].astype(np.int64),
        "n_attributions": est.n_attr[rows_g].astype(np.int64),
        "low_n": low.ravel(),
        "note": notes.ravel(),
    })
    if len(est.grouping.keys) > 1:
        first = est.grouping.labels.reset_index(drop=True)
        per_key = {k: v.reset_index(drop=True) for k, v in est.grouping.columns.items()}
        lookup = pd.DataFrame({"group": first, **per_key}).drop_duplicates("group").set_index("group")
        for k in est.grouping.keys:
            df[k] = df["group"].map(lookup[k])
    order = {m.name: i for i, m in enumerate(ms)}
    df = df.sort_values(["metric", "group"], key=lambda s: s.map(order) if s.name == "metric" else s,
                        kind="stable").reset_index(drop=True)
    df.attrs["warnings"] = list(est.grouping.warnings)
    df.attrs["by"] = est.grouping.name
    return df


def _notes(est: Estimate, cfg: CompareConfig) -> tuple[np.ndarray, np.ndarray]:
    G, M = len(est.groups), len(est.metrics)
    notes = np.full((G, M), "", dtype=object)
    low = np.zeros((G, M), dtype=bool)
    for g in range(G):
        n_art, n_words, n_attr = int(est.n_articles[g]), int(est.n_words[g]), int(est.n_attr[g])
        base: list[str] = []
        if n_art < 2:
            base.append("one article: no interval can be computed")
        elif cfg.n_boot == 0:
            base.append("no bootstrap requested (n_boot = 0)")
        elif n_art < cfg.min_articles:
            base.append(f"only {n_art} articles (fewer than {cfg.min_articles}): interval unreliable")
        low_words = n_words < cfg.min_words
        for j, m in enumerate(est.metrics):
            parts = list(base)
            is_low = n_art < cfg.min_articles
            if est.den[g, j] <= 0:
                parts.append({"attributions": "no attributions", "articles": "no values", "words": "no words",
                              "quotations": "no attributed quotations"}[m.min_denominator])
                is_low = True
            elif m.min_denominator == "attributions" and n_attr < cfg.min_attributions:
                parts.append(f"only {n_attr} attributions (fewer than {cfg.min_attributions})")
                is_low = True
            elif m.min_denominator == "quotations" and est.den[g, j] < cfg.min_attributions:
                # the same floor as attributions: a share of a handful of quotations says little
                parts.append(f"only {int(est.den[g, j])} attributed quotations (fewer than {cfg.min_attributions})")
                is_low = True
            elif m.min_denominator == "words" and low_words:
                parts.append(f"only {n_words:,} words (fewer than {cfg.min_words:,})")
                is_low = True
            notes[g, j] = "; ".join(parts)
            low[g, j] = is_low
    return notes, low


# -- pairwise differences -------------------------------------------------------------------------------------

PAIR_COLUMNS = ("metric", "label", "unit", "group_a", "group_b", "value_a", "value_b", "diff", "lo", "hi", "z", "p",
                "p_adjusted", "significant", "correction", "note", "interval")


def pairwise_differences(articles: pd.DataFrame, *, by: By = "source", metrics: Iterable[str] | str = HEADLINE,
                         groups: Sequence[str] | None = None, reference: str | None = None,
                         correction: str | None = None, config: CompareConfig | None = None) -> pd.DataFrame:
    """Differences ``value_a - value_b`` between groups for each metric, with intervals and corrected p-values.

    Every pair of groups is compared (or each group against ``reference``); ``groups`` restricts the groups
    compared. The interval is the percentile interval of the difference of the two groups' independent
    bootstrap replicates; ``p`` is two-sided from ``z = diff / sd(replicate differences)``; ``p_adjusted``
    applies ``correction`` (``holm``, ``bh`` or ``none``) over the pairs of each metric, and ``significant``
    is ``p_adjusted < alpha``. A pair involving a group of one article has no interval and no p-value; a pair of
    bootstrapped groups one of which has fewer than ``min_articles`` articles has its (unreliable) interval but no
    p-value: it is not tested (``significant`` NA).
    """
    cfg = config or DEFAULT
    method = correction or cfg.correction
    if method not in ("holm", "bh", "none"):
        raise ConfigError(value_invalid_msg("correction", method, ("holm", "bh", "none")))
    return pair_table(_estimate(articles, by, metrics, cfg, keep_reps=True), cfg, groups=groups, reference=reference,
                      correction=method)


def pair_table(est: Estimate, cfg: CompareConfig, *, groups: Sequence[str] | None, reference: str | None,
               correction: str) -> pd.DataFrame:
    """The pairwise table of an estimate (see :func:`pairwise_differences`)."""
    method = correction
    names = list(est.groups)
    if groups is not None:
        unknown = [g for g in groups if g not in names]
        if unknown:
            raise ConfigError(value_invalid_msg("groups", unknown, names))
        names = [g for g in names if g in set(groups)]
    if reference is not None:
        if reference not in est.groups:
            raise ConfigError(value_invalid_msg("reference", reference, list(est.groups)))
        pairs = [(reference, g) for g in names if g != reference]
    else:
        pairs = list(combinations(names, 2))
    pos = {g: i for i, g in enumerate(est.groups)}
    alpha = 1.0 - cfg.level
    zq = NormalDist().inv_cdf(1 - alpha / 2)
    rows = []
    for j, m in enumerate(est.metrics):
        for a, b in pairs:
            ia, ib = pos[a], pos[b]
            va, vb = est.value[ia, j], est.value[ib, j]
            d = va - vb
            lo = hi = z = p = math.nan
            ra, rb = est.reps[ia], est.reps[ib]
            if math.isnan(d) or "none" in (est.method[ia], est.method[ib]):
                pass
            elif ra is not None and rb is not None:  # two bootstrapped groups: as before
                rd = ra[:, j] - rb[:, j]
                rd = rd[~np.isnan(rd)]
                if len(rd) >= 2:
                    lo, hi = (float(x) for x in np.quantile(rd, [alpha / 2, 1 - alpha / 2]))
                    if min(est.n_articles[ia], est.n_articles[ib]) >= cfg.min_articles:
                        # (a group of fewer articles has too few distinct resamples: its spread is too narrow for
                        # a test, and "p = 0" between two groups of two articles would read as proof)
                        sd = float(np.std(rd, ddof=1))
                        z, p = _wald(d, sd)
            else:  # a large group: normal, with each group's variance (delta method, or its bootstrap's)
                sd = math.sqrt(est.var[ia, j] + est.var[ib, j])
                if not math.isnan(sd):
                    lo, hi = d - zq * sd, d + zq * sd
                    z, p = _wald(d, sd)
            rows.append((m.name, m.label, m.unit, a, b, va, vb, d, lo, hi, z, p))
    df = pd.DataFrame(rows, columns=list(PAIR_COLUMNS[:12]))
    df["p_adjusted"] = np.nan
    for _, idx in df.groupby("metric", sort=False).groups.items():
        df.loc[idx, "p_adjusted"] = adjust_pvalues(df.loc[idx, "p"].to_numpy(dtype=float), method)
    # a pair with no p-value (no interval: a small group with no bootstrap, n_boot 0) was not tested: NA, neither
    # significant nor not
    df["significant"] = pd.array(np.where(df["p_adjusted"].isna(), None, df["p_adjusted"] < cfg.alpha),
                                 dtype="boolean")
    df["correction"] = method
    df["note"] = _pair_notes(df, est, pos, cfg)
    df["interval"] = np.where(df["lo"].isna(), "none", np.where(
        [est.method[pos[a]] == est.method[pos[b]] == "bootstrap" for a, b in zip(df["group_a"], df["group_b"],
                                                                              strict=True)], "bootstrap", NORMAL))
    df.attrs["warnings"] = list(est.grouping.warnings)
    return df.reset_index(drop=True)


def _wald(d: float, sd: float) -> tuple[float, float]:
    """z and the two-sided p-value of a difference with this standard deviation (none when it is 0 and d is not)."""
    if sd > 0:
        z = d / sd
        return z, math.erfc(abs(z) / math.sqrt(2))
    return (0.0, 1.0) if d == 0 else (math.nan, math.nan)


def _pair_notes(df: pd.DataFrame, est: Estimate, pos: dict[str, int], cfg: CompareConfig) -> list[str]:
    out = []
    for a, b, p, d in zip(df["group_a"], df["group_b"], df["p"], df["diff"], strict=True):
        ia, ib = pos[a], pos[b]
        if min(est.n_articles[ia], est.n_articles[ib]) < 2:
            out.append(f"{a if est.n_articles[ia] < 2 else b} has fewer than 2 articles: no interval or test")
        elif "none" in (est.method[ia], est.method[ib]):
            out.append("no bootstrap (n_boot = 0): no interval or test")
        elif math.isnan(d):
            out.append("a value is undefined (no denominator)")
        elif min(est.n_articles[ia], est.n_articles[ib]) < cfg.min_articles:
            out.append(f"fewer than {cfg.min_articles} articles in a group: interval unreliable, no test")
        elif math.isnan(p):
            out.append("no variation in the bootstrap: no test")
        else:
            out.append("")
    return out


def adjust_pvalues(p: Sequence[float] | np.ndarray, method: str = "holm") -> np.ndarray:
    """Adjusted p-values (NaN stays NaN and does not count as a test): ``holm``, ``bh`` or ``none``."""
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if method == "none":
        out[ok] = p[ok]
        return out
    if method == "holm":
        out[ok] = holm(p[ok])
    elif method == "bh":
        out[ok] = benjamini_hochberg(p[ok])
    else:
        raise ConfigError(value_invalid_msg("correction", method, ("holm", "bh", "none")))
    return out


def holm(p: Sequence[float] | np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (family-wise error control under any dependence)."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")
    adj = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adj
    return out


def benjamini_hochberg(p: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (false discovery rate under independence or positive dependence)."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    adj = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    out = np.empty(m)
    out[order] = adj
    return out


def wide(rate_table: pd.DataFrame, metrics: Sequence[str] = HEADLINE, *, intervals: bool = True) -> pd.DataFrame:
    """One row per group: ``n_articles``, ``n_words`` and each metric's value (and ``_lo``/``_hi``)."""
    t = rate_table[rate_table["metric"].isin(metrics)]
    base = (rate_table.drop_duplicates("group")[["group", "n_articles", "n_words", "n_attributions"]]
            .set_index("group"))
    parts = [base]
    for m in metrics:
        sub = t[t["metric"] == m].set_index("group")
        if sub.empty:
            continue
        parts.append(sub[["value"]].rename(columns={"value": m}))
        if intervals:
            parts.append(sub[["lo", "hi"]].rename(columns={"lo": f"{m}_lo", "hi": f"{m}_hi"}))
    low = rate_table[rate_table["metric"].isin(metrics)].groupby("group")["low_n"].any().rename("low_n")
    return pd.concat([*parts, low], axis=1).reset_index()


def key_table(rate_table: pd.DataFrame, family: str) -> pd.DataFrame:
    """One row per group for a family of shares keyed by category (speaker roles, source types, stances): the
    denominator, then ``value [lo, hi]`` per key, for the keys some group has. Empty when no group has any."""
    r = rate_table[rate_table["family"] == family]
    if r.empty or not (r["denominator"] > 0).any():
        return pd.DataFrame(columns=["group", "denominator"])
    positive = set(r.loc[r["numerator"] > 0, "key"])
    keys = [k for k in dict.fromkeys(r["key"]) if k in positive]
    # One pass over the rows (a table by source has hundreds of groups): a group's denominator is its first row's;
    # a key a group has no row for, or a group with no denominator, shows an empty cell.
    first = r.drop_duplicates("group").set_index("group")["denominator"].astype(float)
    groups = sorted(first.index)
    den = first.reindex(groups)
    shown = r[r["key"].isin(keys)].drop_duplicates(["group", "key"])
    # (numpy arrays of the rate table's float64 columns: iterating a column of pandas' own dtypes goes through an
    # element accessor per value)
    nums = [shown[c].to_numpy(dtype=np.float64, na_value=np.nan) for c in ("value", "lo", "hi")]
    cells = pd.Series([interval(v, lo, hi, 2) for v, lo, hi in zip(*(a.tolist() for a in nums))],
                      index=pd.MultiIndex.from_arrays([shown["group"].to_numpy(dtype=object),
                                                       shown["key"].to_numpy(dtype=object)], names=["group", "key"]),
                      dtype=object)
    wide = cells.unstack("key").reindex(index=groups, columns=keys)
    wide = wide.where(wide.notna() & (den > 0).to_numpy()[:, None], "")
    out = pd.DataFrame({"group": groups, "denominator": den.to_numpy()})
    for k in keys:
        out[k] = wide[k].to_numpy(dtype=object)
    return out[["group", "denominator", *keys]]

