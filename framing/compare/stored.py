"""Rates and pairwise differences of a store's articles from its sums per cell, not from every article.

The same statistics as :func:`framing.compare.rates` and :func:`framing.compare.pairwise_differences` on the
articles a filter selects (one way through: :func:`framing.compare.stats.estimate`), but the sums of
:mod:`framing.moments` come from the store (:meth:`framing.corpus.store.Store.group_sums`: its ``cells`` table, kept
as runs commit, or the articles when the filter or grouping uses another column). Only the articles of groups too
small for the delta-method interval (``CompareConfig.normal_min_articles``) are read, to bootstrap them as
:func:`~framing.compare.rates` does; so a filter change on a million articles adds up cells instead of resampling
articles. The tables are those :func:`~framing.compare.rates` gives on the same articles read from the store (in
``article_id`` order): equal values, equal bootstrap intervals for small groups, delta-method intervals for large
ones (tested in tests/compare/test_stored.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from framing import moments
from framing.compare.groups import By, group_articles, key_list
from framing.compare.metrics import select
from framing.compare.settings import DEFAULT, CompareConfig
from framing.compare.stats import (
    Estimate,
    SmallRows,
    estimate,
    group_sums,
    lacking,
    pair_table,
    rate_columns,
    rate_table,
)
from framing.errors import ConfigError, value_invalid_msg


def store_estimate(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                   metrics: Iterable[str] | str | None = None, config: CompareConfig | None = None,
                   keep_reps: bool = False) -> Estimate:
    """The estimate of :mod:`framing.compare.stats` for the articles of ``store`` that ``where`` selects."""
    cfg = config or DEFAULT
    ms = select(metrics, per_words=cfg.per_words)
    have = pd.DataFrame(columns=store.columns("articles"))
    if metrics is None:
        ms = tuple(m for m in ms if not lacking(have, m))
    keys = key_list(by)
    for key in keys:
        col = key.partition(":")[0]
        if col not in have.columns:  # the error rates() gives
            group_articles(have, by)
    frame = store.group_sums(where, keys, moments.moments(ms))
    grouping = group_articles(frame, by, weights=frame["n_articles"])
    sums = frame.drop(columns=[c for c in frame.columns if c in {k.partition(":")[0] for k in keys}])
    agg = sums.groupby(grouping.labels.to_numpy(dtype=object).astype(str), sort=True).sum()
    groups = tuple(str(g) for g in agg.index)
    totals = {c: agg[c].to_numpy(dtype=np.float64) for c in agg.columns if c != "n_articles"}
    return estimate(grouping, groups, agg["n_articles"].to_numpy(), totals, ms, cfg,
                    _small_rows(store, where, keys, frame, grouping.labels, ms, by), keep_reps=keep_reps)


def _small_rows(store: Any, where: dict[str, Any] | None, keys: Sequence[str], frame: pd.DataFrame,
                labels: pd.Series, ms: Sequence[Any], by: By) -> SmallRows:
    """Reads the articles of the groups to bootstrap (only theirs, as far as the grouping's columns say)."""

    def rows(wanted: Sequence[str]) -> dict[str, np.ndarray]:
        need = frame[labels.isin(set(wanted)).to_numpy()]
        w = dict(where or {})
        for key in keys:
            col, _, freq = key.partition(":")
            vals = need[col]
            if not freq and vals.notna().all() and all(isinstance(v, str) and v.strip() == v and v for v in vals):
                w[col] = sorted(set(vals))  # a group's raw values (its label is the same string)
        articles = store.articles_frame(where=w, columns=rate_columns([m.name for m in ms], by))
        return group_sums(articles, by, ms)[4](wanted)

    return rows


def store_rates(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                metrics: Iterable[str] | str | None = None, config: CompareConfig | None = None) -> pd.DataFrame:
    """:func:`framing.compare.rates` of the articles of ``store`` that ``where`` selects (a filter as
    :meth:`~framing.corpus.store.Store.articles_frame` takes it), from the store's sums."""
    cfg = config or DEFAULT
    return rate_table(store_estimate(store, where=where, by=by, metrics=metrics, config=cfg), cfg)


def store_pairwise(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                   metrics: Iterable[str] | str, groups: Sequence[str] | None = None, reference: str | None = None,
                   correction: str | None = None, config: CompareConfig | None = None) -> pd.DataFrame:
    """:func:`framing.compare.pairwise_differences` of the articles of ``store`` that ``where`` selects."""
    cfg = config or DEFAULT
    method = correction or cfg.correction
    if method not in ("holm", "bh", "none"):
        raise ConfigError(value_invalid_msg("correction", method, ("holm", "bh", "none")))
    est = store_estimate(store, where=where, by=by, metrics=metrics, config=cfg, keep_reps=True)
    return pair_table(est, cfg, groups=groups, reference=reference, correction=method)
