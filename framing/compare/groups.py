"""Grouping articles: by any metadata column, by date buckets, or by several keys at once.

``by`` is a column name (``"source"``, ``"leaning"``, ``"topic"``, ``"event"``), a date bucket
``"<column>:<freq>"`` with freq one of ``day``, ``week``, ``month``, ``quarter``, ``year`` (``"date:month"``),
or a list of these (``["source", "date:month"]``). Every group label is a string, so tables sort and chart the
same way whatever the column's type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.corpus.fields import MAX_YEAR, MIN_YEAR
from framing.errors import ConfigError

DATE_FREQS = ("day", "week", "month", "quarter", "year")
MISSING = "(missing)"
UNPARSED = "(unparsed date)"
SEP = " · "

By = str | Sequence[str]


@dataclass(frozen=True)
class Grouping:
    """The group label of every article, aligned with the articles table's rows."""

    labels: pd.Series  # str, same index as the articles table
    keys: tuple[str, ...]  # the grouping keys as given ("source", "date:month")
    columns: dict[str, pd.Series]  # one label series per key (the labels are their values joined by SEP)
    warnings: tuple[str, ...]

    @property
    def name(self) -> str:
        return ", ".join(self.keys)


def key_list(by: By) -> tuple[str, ...]:
    """The grouping keys of ``by``; an empty one (``["leaning", "", "source"]``, or ``"date:"``) is an error."""
    keys = (by,) if isinstance(by, str) else tuple(by)
    if not keys:
        raise ConfigError("by must name at least one column")
    for key in keys:
        if problem := key_problem(key):
            raise ConfigError(f"invalid grouping {list(keys)!r}: {problem}; give column names (a date bucket as "
                              f"COLUMN:FREQ, FREQ one of {', '.join(DATE_FREQS)})")
    return keys


def key_problem(key: str) -> str | None:
    """What is wrong with one grouping key (None: nothing): an empty column name, or an empty date bucket."""
    col, colon, freq = str(key).partition(":")
    if not col.strip():
        return "an empty column name"
    if colon and not freq.strip():
        return f"an empty date bucket in {str(key)!r}"
    return None


def group_articles(articles: pd.DataFrame, by: By = "source", *, weights: pd.Series | None = None) -> Grouping:
    """Label every article with its group. Raises :class:`ConfigError` for a column that does not exist.

    ``weights`` (one per row) says how many articles each row stands for, when the rows are sums over articles
    (a store's cells): the warnings count articles, not rows."""
    keys = key_list(by)
    columns: dict[str, pd.Series] = {}
    warnings: list[str] = []
    for key in keys:
        col, _, freq = key.partition(":")
        if col not in articles.columns:
            usable = sorted(c for c in articles.columns if not _is_count_column(c))
            raise ConfigError(f"cannot group by {col!r}: the articles table has no such column; "
                              f"valid columns are {usable}")
        if freq:
            if freq not in DATE_FREQS:
                raise ConfigError(f"invalid date bucket {freq!r} in {key!r}; valid buckets are {DATE_FREQS!r}")
            labels, warn = date_buckets(articles[col], freq, weights=weights)
            if col != "date" and (labels == UNPARSED).all() and _given(articles[col]).any():
                # "source:month" buckets the source's values as dates: not one of them is a date (a user meant
                # the source and the month)
                raise ConfigError(f"cannot group by {key!r}: it buckets the column {col!r} by {freq}, and none of "
                                  f"its values is a date; to group by {col} and {freq}, give '{col},date:{freq}'")
            if warn:
                warnings.append(warn)
        else:
            labels = _as_labels(articles[col])
        columns[key] = labels
    if len(keys) == 1:
        joined = columns[keys[0]]
    else:
        joined = columns[keys[0]].str.cat([columns[k] for k in keys[1:]], sep=SEP)
    return Grouping(joined.rename("group"), keys, columns, tuple(warnings))


def count_sources(articles: pd.DataFrame) -> tuple[int, int]:
    """``(sources, articles without one)``: the distinct sources of the articles, not counting a missing or blank
    one, which grouping by source makes a group of its own (:data:`MISSING`)."""
    if "source" not in articles.columns:
        return 0, len(articles)
    labels = _as_labels(articles["source"])
    missing = int((labels == MISSING).sum())
    return labels.nunique() - (1 if missing else 0), missing


def _as_labels(s: pd.Series) -> pd.Series:
    out = s.astype(object).where(s.notna(), None)
    vals = [MISSING if v is None or (isinstance(v, str) and not v.strip()) else _fmt(v) for v in out.tolist()]
    return pd.Series(vals, index=s.index, dtype=object)


def _fmt(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def parse_dates(s: pd.Series) -> pd.Series:
    """Dates as naive UTC timestamps; anything that does not parse is NaT (never an exception)."""
    if pd.api.types.is_datetime64_any_dtype(s):
        out = pd.to_datetime(s, errors="coerce", utc=True)
    else:
        text = s.astype(object).where(s.notna(), None)
        strs = pd.Series([None if v is None else str(v).strip() for v in text.tolist()], index=s.index, dtype=object)
        out = pd.to_datetime(strs, errors="coerce", utc=True, format="ISO8601")
        bad = out.isna() & strs.notna()
        if bad.any():  # other common forms ("May 4, 2020", "04/05/2020"), element by element
            retry = pd.to_datetime(strs[bad], errors="coerce", utc=True, format="mixed")
            out = out.copy()
            out[bad] = retry
    return out.dt.tz_localize(None)


# Dates outside these years are taken for errors (a news corpus has no articles from year 1 or 2150): the years a run
# reads as a date (framing.corpus.fields), fixed so that the same table always gives the same groups.


def plausible_dates(s: pd.Series) -> pd.Series:
    """:func:`parse_dates`, with a date outside ``MIN_YEAR`` to ``MAX_YEAR`` made NaT (a year-1 placeholder
    would otherwise be the corpus' first day, "published 1-11-30 to ...")."""
    d = parse_dates(s)
    return d.where((d.dt.year >= MIN_YEAR) & (d.dt.year <= MAX_YEAR))


def date_buckets(s: pd.Series, freq: str, *, weights: pd.Series | None = None) -> tuple[pd.Series, str | None]:
    """Bucket labels that sort in time order (``2026-01-12``, ``2026-W03``, ``2026-01``, ``2026-Q1``, ``2026``);
    ``weights``: the articles each row stands for (see :func:`group_articles`)."""
    d = plausible_dates(s)
    labels = np.full(len(d), UNPARSED, dtype=object)
    ok = d.notna().to_numpy()
    dd = d[ok]
    if freq == "day":
        lab = dd.dt.strftime("%Y-%m-%d")
    elif freq == "week":
        iso = dd.dt.isocalendar()
        lab = iso["year"].astype(str) + "-W" + iso["week"].astype(int).map("{:02d}".format)
    elif freq == "month":
        lab = dd.dt.strftime("%Y-%m")
    elif freq == "quarter":
        lab = dd.dt.year.astype(str) + "-Q" + dd.dt.quarter.astype(str)
    else:
        lab = dd.dt.year.astype(str)
    labels[ok] = lab.to_numpy(dtype=object)
    # the articles left out of the dates: those without one, and those whose date is unreadable or out of range
    given = _given(s).to_numpy()
    w = np.ones(len(s), dtype=np.int64) if weights is None else weights.to_numpy()
    n_none, n_bad = int(w[~ok & ~given].sum()), int(w[~ok & given].sum())
    name = s.name or "date"
    parts = []
    if n_none:
        parts.append(f"{n_none} article(s) have no {name} (none given)")
    if n_bad:
        example = str(s[~ok & given].iloc[0])
        parts.append(f"{n_bad} article(s) have a {name} that could not be parsed or lies outside "
                     f"{MIN_YEAR}-{MAX_YEAR} (e.g. {example!r})")
    warn = f"{' and '.join(parts)}; they form the group {UNPARSED!r}" if parts else None
    return pd.Series(labels, index=s.index, dtype=object), warn


def _given(s: pd.Series) -> pd.Series:
    """Which values of a column are given: not missing, not blank."""
    return s.notna() & (s.astype(str).str.strip() != "")


def period_ordinal(label: str) -> int | None:
    """A number for a bucket label such that consecutive periods differ by 1 (None for other labels)."""
    import re

    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", label):
        return int(pd.Timestamp(label).toordinal())
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", label):
        return int(pd.Timestamp.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()) // 7
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return int(m[1]) * 12 + int(m[2])
    if m := re.fullmatch(r"(\d{4})-Q(\d)", label):
        return int(m[1]) * 4 + int(m[2])
    if m := re.fullmatch(r"\d{4}", label):
        return int(label)
    return None


def _is_count_column(c: str) -> bool:
    return c.startswith(("lt_", "q_", "attr_", "src_")) or c in ("quoted_words", "n_warnings", "polarity",
                                                                   "subjectivity", "n_sentences", "text")
