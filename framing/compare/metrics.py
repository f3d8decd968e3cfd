"""What is measured for a group: every metric is a ratio of two sums over the group's articles.

``value = scale * sum(numerator) / sum(denominator)``, so a group's rate is its loaded terms per 1,000 of *its*
words (a ratio of sums, not a mean of article rates: long articles weigh by their length, and an article of three
words cannot swing a source). Shares of attributions divide by the group's attributions; tone is the mean over
articles (the denominator counts articles with a value).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from framing.errors import ConfigError
from framing.findings import QUOTE_KINDS, SOURCE_TYPES, STANCES
from framing.lexicons import CATEGORIES

Family = Literal["loaded", "loaded_category", "quotes", "attributions", "stance", "source_type", "tone"]
FAMILIES: tuple[str, ...] = ("loaded", "loaded_category", "quotes", "attributions", "stance", "source_type", "tone")
LT_CATEGORIES = CATEGORIES["loaded_terms"]
ONE = "__one__"  # a column of ones (articles), added when a metric needs it

_CATEGORY_WORDS = {
    "actor_label": "actor labels", "delegitimising": "delegitimising markers", "emotive": "emotive words",
    "pejorative": "pejorative words", "intensifier": "intensifiers", "partisan": "partisan vocabulary",
    "conflict": "conflict vocabulary", "euphemism": "euphemisms", "hedge": "hedges", "booster": "boosters",
    "doubt": "doubt markers",
}
_VOICE_WORDS = {"all": "", "author": ", writer's own voice", "quoted": ", inside quotations"}
_KIND_WORDS = {
    "direct": "direct quotations", "partial": "partial quotations", "scare": "scare quotes", "title": "quoted titles",
    "name": "quoted names and nicknames", "mention": "words quoted as words", "other": "other quotation marks",
}
_TYPE_WORDS = {
    "named_person": "named people", "named_org": "named organisations", "title_only": "sources named by role only",
    "anonymous": "anonymous sources", "pronoun": "unresolved pronouns", "media": "media relays",
    "none": "no stated source",
}


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    label: str  # what is measured, for titles and tables
    family: Family
    numerator: tuple[str, ...]  # articles-table columns summed
    denominator: str  # articles-table column summed (ONE = articles)
    scale: float
    unit: str  # "per 1,000 words", "share of attributions", ...
    key: str = ""  # the category, quotation kind, stance or source type
    voice: str = "all"  # loaded terms: all, author or quoted
    min_denominator: str = "words"  # which low-n rule applies: words, attributions or articles


def _build(per_words: int = 1000) -> tuple[Metric, ...]:
    per = f"per {per_words:,} words"
    out: list[Metric] = []
    for voice, col in (("all", "lt_count"), ("author", "lt_author"), ("quoted", "lt_quoted")):
        name = "loaded_rate" if voice == "all" else f"loaded_{voice}_rate"
        out.append(Metric(name, f"Loaded terms{_VOICE_WORDS[voice]}", "loaded", (col,), "n_words", per_words, per,
                          voice=voice))
    for c in LT_CATEGORIES:
        for voice in ("all", "author", "quoted"):
            col = f"lt_{c}" if voice == "all" else f"lt_{c}_{voice}"
            name = f"loaded_{c}_rate" if voice == "all" else f"loaded_{c}_{voice}_rate"
            out.append(Metric(name, f"Loaded terms: {_CATEGORY_WORDS.get(c, c)}{_VOICE_WORDS[voice]}",
                              "loaded_category", (col,), "n_words", per_words, per, key=c, voice=voice))
    for k in QUOTE_KINDS:
        out.append(Metric(f"quotes_{k}_rate", _KIND_WORDS[k].capitalize(), "quotes", (f"q_{k}",), "n_words",
                          per_words, per, key=k))
    out.append(Metric("quoted_word_share", "Share of words inside direct or partial quotations", "quotes",
                      ("quoted_words",), "n_words", 1.0, "share of words"))
    out.append(Metric("attributions_rate", "Attributions (reported speech)", "attributions", ("attr_count",),
                      "n_words", per_words, per))
    out.append(Metric("named_share", "Named sources (people and organisations)", "attributions",
                      ("src_named_person", "src_named_org"), "attr_count", 1.0, "share of attributions",
                      min_denominator="attributions"))
    out.append(Metric("second_hand_share", "Second-hand attributions (relayed by a medium)", "attributions",
                      ("attr_second_hand",), "attr_count", 1.0, "share of attributions",
                      min_denominator="attributions"))
    out.append(Metric("direct_share", "Attributions with a direct quotation", "attributions", ("attr_direct",),
                      "attr_count", 1.0, "share of attributions", min_denominator="attributions"))
    for s in STANCES:
        out.append(Metric(f"stance_{s}_share", f"Attributions with a {s} reporting verb", "stance",
                          (f"attr_{s}",), "attr_count", 1.0, "share of attributions", key=s,
                          min_denominator="attributions"))
    for t in SOURCE_TYPES:
        out.append(Metric(f"source_{t}_share", f"Attributions to {_TYPE_WORDS[t]}", "source_type", (f"src_{t}",),
                          "attr_count", 1.0, "share of attributions", key=t, min_denominator="attributions"))
    out.append(Metric("polarity_mean", "Mean polarity (TextBlob, -1 to 1)", "tone", ("polarity",), ONE, 1.0,
                      "mean per article", min_denominator="articles"))
    out.append(Metric("subjectivity_mean", "Mean subjectivity (TextBlob, 0 to 1)", "tone", ("subjectivity",), ONE,
                      1.0, "mean per article", min_denominator="articles"))
    return tuple(out)


METRICS: tuple[Metric, ...] = _build()
_BY_NAME = {m.name: m for m in METRICS}

# The headline metrics of a report's summary table and pairwise comparisons.
HEADLINE: tuple[str, ...] = ("loaded_author_rate", "loaded_quoted_rate", "quotes_scare_rate",
                             "source_anonymous_share", "second_hand_share", "named_share", "quoted_word_share",
                             "polarity_mean", "subjectivity_mean")


def metric(name: str) -> Metric:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown metric {name!r}; valid metrics are {sorted(_BY_NAME)} "
                          f"or a family name {FAMILIES!r}") from None


def select(names: Iterable[str] | str | None = None, *, per_words: int = 1000) -> tuple[Metric, ...]:
    """Metrics by name or family name (``None`` = all), in the canonical order, for a rate denominator."""
    table = METRICS if per_words == 1000 else _build(per_words)
    if names is None:
        return table
    wanted = [names] if isinstance(names, str) else list(names)
    chosen: set[str] = set()
    for n in wanted:
        if n in FAMILIES:
            chosen.update(m.name for m in table if m.family == n)
        else:
            chosen.add(metric(n).name)
    return tuple(m for m in table if m.name in chosen)
