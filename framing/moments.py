"""The sums a group's comparison metrics need: their values *and* their intervals, without the articles.

Every comparison metric is ``scale * sum(numerator) / sum(denominator)`` over a group's articles
(:mod:`framing.compare.metrics`). Its value needs the two sums; its delta-method interval (the variance of a ratio
of sums when whole articles are resampled, :mod:`framing.compare.stats`) needs three more: the sums over articles
of ``numerator**2``, ``denominator**2`` and ``numerator * denominator``. These five sums per metric (and the article
count) are additive: a group's are the sums of its parts' (its sources, days...), which is what lets the store keep
them per cell as runs commit (:mod:`framing.corpus.store`, table ``cells``) and the Compare page add up a few
thousand cells instead of a million articles.

A *spec* names what is summed for one article: a numerator is the sum of one or more count columns (missing
values count 0); a denominator is a column (``n_words``, ``attr_count``...) or, for a mean over articles (tone),
``("__has__", column)``: 1 when the article has a value, else 0. This module names the sums and says how to
compute each, in numpy (:func:`values`) and in DuckDB SQL (:func:`sql`, :func:`sum_sql`); it reads no data itself.

Order. A store's sums are added up batch by batch as runs commit, and compacted in parts, so the same articles are
summed in another order with other workers, batch sizes or engines. Sums of counts are exact whatever the order
(integers in doubles, below 2**53); sums of fractional values (the tone columns) are made in fixed point
(:data:`FIXED_POINT`), exact too, so that a store's sums are the same to the last bit however its articles came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from framing import detectors
from framing.detectors.base import ONE, Metric

Spec = tuple[str, ...]
HAS = "__has__"
# The name of the interval made from these sums (the delta method), in rate tables' ``interval`` column and captions.
NORMAL = "delta-method normal"


def num_spec(m: Metric) -> Spec:
    return tuple(m.numerator)


def den_spec(m: Metric) -> Spec:
    return (HAS, m.numerator[0]) if m.denominator == ONE else (m.denominator,)


def spec_name(spec: Spec) -> str:
    return f"has:{spec[1]}" if spec[0] == HAS else "+".join(spec)


@dataclass(frozen=True, slots=True)
class Moment:
    """One sum over articles: of a spec (``b`` empty) or of the product of two specs."""

    name: str
    a: Spec
    b: Spec = ()


def metric_moments(m: Metric) -> tuple[Moment, Moment, Moment, Moment, Moment]:
    """The five sums of one metric: numerator, denominator, numerator², denominator², numerator x denominator."""
    n, d = num_spec(m), den_spec(m)
    sn, sd = spec_name(n), spec_name(d)
    return (Moment(f"s:{sn}", n), Moment(f"s:{sd}", d), Moment(f"nn:{sn}", n, n), Moment(f"dd:{sd}", d, d),
            Moment(f"nd:{sn}|{sd}", n, d))


# Besides the metrics' sums, every group reports its words and attributions (rates' tables, low-n notes).
EXTRA: tuple[Moment, ...] = (Moment("s:n_words", ("n_words",)), Moment("s:attr_count", ("attr_count",)))


def moments(metrics: Iterable[Metric] | None = None) -> tuple[Moment, ...]:
    """The distinct sums these metrics need (every registered metric's when None), in a fixed order."""
    ms = metrics if metrics is not None else (m for d in detectors.DETECTORS for m in d.metrics(1000))
    out: dict[str, Moment] = {}
    for m in ms:
        for mo in metric_moments(m):
            out.setdefault(mo.name, mo)
    for mo in EXTRA:
        out.setdefault(mo.name, mo)
    return tuple(out.values())


# The SQL type a fractional moment's per-article values are summed in: fixed point, whose sums are exact integer
# additions, so the same values give the same sum in any order (doubles do not: 0.1 + 0.2 + 0.3 differs from
# 0.3 + 0.2 + 0.1 in the last bit). The fractional columns are TextBlob's polarity (-1 to 1) and subjectivity (0 to
# 1), and their products: 15 decimals round each article's value by at most 5e-16, far below any figure shown, and
# 18 digits are stored in 64 bits, as fast to sum as a double (DECIMAL(38, 18) took 30% longer over a million
# articles); DuckDB sums them into a 128-bit DECIMAL(38, 15). A value of 1,000 or more would not fit: an error, not
# a wrong sum.
FIXED_POINT = "DECIMAL(18, 15)"


@lru_cache(maxsize=1)
def _fractional_columns() -> frozenset[str]:
    """The detectors' count columns that hold fractions (DOUBLE), not counts."""
    return frozenset(c for c, t in detectors.count_columns() if t == "DOUBLE")


def fractional(mo: Moment) -> bool:
    """Whether a moment sums fractional values (a tone column in it), which :func:`sum_sql` sums in fixed point."""
    # (a HAS spec is 0 or 1 whatever its column holds)
    return any(c in _fractional_columns() for spec in (mo.a, mo.b) if spec[:1] != (HAS,) for c in spec)


def sum_sql(mo: Moment, have: set[str] | None = None, *, prefix: str = "") -> str:
    """The DuckDB aggregate of a moment over articles rows: the same result in any order of the rows (see
    :data:`FIXED_POINT`)."""
    v = sql(mo, have, prefix=prefix)
    return f"sum(CAST({v} AS {FIXED_POINT}))" if fractional(mo) else f"sum({v})"


def columns(moms: Iterable[Moment]) -> set[str]:
    """The articles-table columns these sums read."""
    return {c for mo in moms for spec in (mo.a, mo.b) for c in (spec[1:] if spec[:1] == (HAS,) else spec)}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def spec_sql(spec: Spec, have: set[str] | None = None, *, prefix: str = "") -> str:
    """A spec as a DuckDB expression over an articles row (a column the table lacks counts 0)."""
    if spec[0] == HAS:
        c = spec[1]
        return "0.0" if have is not None and c not in have else \
            f"CASE WHEN {prefix}{_q(c)} IS NULL THEN 0.0 ELSE 1.0 END"
    parts = [f"coalesce(CAST({prefix}{_q(c)} AS DOUBLE), 0.0)" for c in spec if have is None or c in have]
    return " + ".join(parts) if parts else "0.0"


def sql(mo: Moment, have: set[str] | None = None, *, prefix: str = "") -> str:
    """The per-article value a moment sums, as a DuckDB expression."""
    a = spec_sql(mo.a, have, prefix=prefix)
    if not mo.b:
        return a
    return f"({a}) * ({spec_sql(mo.b, have, prefix=prefix)})"
