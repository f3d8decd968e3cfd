"""What is measured for a group: every metric is a ratio of two sums over the group's articles.

``value = scale * sum(numerator) / sum(denominator)``, so a group's rate is its loaded terms per 1,000 of *its*
words (a ratio of sums, not a mean of article rates: long articles weigh by their length, and an article of three
words cannot swing a source). Shares of attributions divide by the group's attributions; tone is the mean over
articles (the denominator counts articles with a value).
"""

from __future__ import annotations

from collections.abc import Iterable

from framing import detectors
from framing.detectors.base import ONE, Family, Metric
from framing.errors import ConfigError

__all__ = ["FAMILIES", "HEADLINE", "METRICS", "ONE", "Family", "Metric", "families", "metric", "select"]


def _build(per_words: int = 1000) -> tuple[Metric, ...]:
    """Every detector's comparison metrics, in registry order."""
    return tuple(m for d in detectors.DETECTORS for m in d.metrics(per_words))


def families() -> tuple[detectors.MetricFamily, ...]:
    """The metric families, with their labels and headline metrics, in registry order."""
    return tuple(f for d in detectors.DETECTORS for f in d.families)


# The metrics of the detectors as registered (functions below rebuild them when the registry was changed).
METRICS: tuple[Metric, ...] = _build()
FAMILIES: tuple[str, ...] = tuple(f.name for f in families())


_REGISTERED = detectors.DETECTORS


def _table(per_words: int = 1000) -> tuple[Metric, ...]:
    return METRICS if per_words == 1000 and detectors.DETECTORS is _REGISTERED else _build(per_words)

# The headline metrics of a report's summary table and pairwise comparisons.
HEADLINE: tuple[str, ...] = ("loaded_author_rate", "loaded_quoted_rate", "quotes_scare_rate",
                             "source_anonymous_share", "second_hand_share", "named_share", "quoted_word_share",
                             "polarity_mean", "subjectivity_mean")


def metric(name: str) -> Metric:
    by_name = {m.name: m for m in _table()}
    try:
        return by_name[name]
    except KeyError:
        raise ConfigError(f"unknown metric {name!r}; valid metrics are {sorted(by_name)} "
                          f"or a family name {tuple(f.name for f in families())!r}") from None


def select(names: Iterable[str] | str | None = None, *, per_words: int = 1000) -> tuple[Metric, ...]:
    """Metrics by name or family name (``None`` = all), in the canonical order, for a rate denominator."""
    table = _table(per_words)
    if names is None:
        return table
    wanted = [names] if isinstance(names, str) else list(names)
    fams = {f.name for f in families()}
    chosen: set[str] = set()
    for n in wanted:
        if n in fams:
            chosen.update(m.name for m in table if m.family == n)
        else:
            chosen.add(metric(n).name)
    return tuple(m for m in table if m.name in chosen)
