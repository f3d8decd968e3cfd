"""The knobs of the comparison layer, each with the reason for its value. One frozen object, recorded in manifests."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from framing.errors import ConfigError, from_options


@dataclass(frozen=True, slots=True)
class CompareConfig:
    # The default seed of every random draw (bootstrap). Any fixed value makes runs reproducible; this one is
    # simply the project's convention, recorded in every manifest.
    seed: int = 12345

    # Bootstrap replicates. With 1,000 replicates the 2.5 % and 97.5 % percentiles move by about 1-2 % of the
    # interval's width between seeds, well below what a reader of a chart can see; 10,000 would cost ten times the
    # time (the dashboard must re-render in under 2 s on 50,000 articles).
    n_boot: int = 1000

    # Groups of at least this many articles get the delta-method normal interval of their ratio of sums, computed
    # from five sums per metric (what a store keeps per cell, so that a million articles are not resampled);
    # smaller groups keep the bootstrap, whose percentile interval follows a skewed ratio that the normal one
    # does not. The bootstrap approaches the normal interval as groups grow; at this size their bounds agree within
    # the tolerance measured in docs/compare.md ("Intervals"; benchmarks/interval_agreement.py).
    normal_min_articles: int = 50

    # Two-sided confidence level of every interval.
    level: float = 0.95

    # A group with fewer articles than this gets the low_n flag: the bootstrap over articles needs enough
    # articles for the resampled sums to vary the way new articles would (with 5 articles there are only 126
    # distinct resamples and the percentile interval is too narrow).
    min_articles: int = 10

    # ... or fewer words than this: at a typical loaded-term rate of 5 per 1,000 words, 2,000 words hold about
    # 10 terms, the least for which a rate (and a zero-count bound) says more than "a handful".
    min_words: int = 2000

    # A share of attributions (stance, source type) computed from fewer attributions than this is flagged:
    # with 20 attributions a share of 0.5 has a binomial standard error of 0.11.
    min_attributions: int = 20

    # Rates are per this many words: the corpus-linguistics convention, matching the engine's own metrics.
    per_words: int = 1000

    # Pairwise differences: Holm controls the family-wise error and is valid under any dependence; it is the
    # safe default for the handful of sources a report compares. Benjamini-Hochberg ("bh") is offered for
    # many pairs, where controlling the false discovery rate keeps some power.
    correction: str = "holm"
    alpha: float = 0.05

    # Log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): the prior is the corpus'
    # own word frequencies scaled to prior_scale x the corpus size in words. 0.1 shrinks words seen a handful
    # of times towards zero without flattening frequent words; see docs/compare.md.
    prior_scale: float = 0.1
    # A term must occur at least this often in the corpus to be scored: rarer terms cannot be distinctive
    # of an outlet with any confidence and they dominate the vocabulary.
    min_term_count: int = 5
    # Terms listed per group in tables and charts.
    top_terms: int = 15
    # When a group holds several sources (grouping by leaning, topic...), a term more than this share of whose
    # uses in the group come from one source is that source's house style or page furniture ("hide caption",
    # "toggle caption" on AllSides), not the group's: it is left out.
    max_source_share: float = 0.5

    # Characters of context on each side of a keyword-in-context example: about ten words, enough to read the
    # phrase around a label in a table cell.
    kwic_window: int = 60

    # Same-event grouping: articles about one story across outlets appear within days of each other (BASIL
    # triplets: at most 3 days apart, 90 % within 2 days), and their TF-IDF cosine similarity is well above that
    # of unrelated stories of the same day. The threshold is chosen on BASIL dev; see docs/compare.md.
    event_window_days: int = 3
    event_threshold: float = 0.2

    # Same-event coverage (framing.compare.coverage). A sentence is "shared" when its TF-IDF cosine with some
    # sentence of another outlet reaches coverage_threshold. The value is chosen on one fold of BASIL dev by a rule
    # that reads no bias label: the smallest threshold at which at most coverage_null_share of sentences find a
    # match in articles about *other* events (a false-sharing rate); `framing evaluate basil-coverage` prints it
    # and docs/compare.md has the figures.
    coverage_threshold: float = 0.18
    coverage_null_share: float = 0.05
    # A sentence with fewer distinct content words than this is not compared ("short"): with one or two words
    # ("He declined.", "Read more:") any cosine is a coin toss on a single word.
    coverage_min_terms: int = 3
    # Guards against a huge "event" (a mis-grouped story, a live blog): coverage compares at most this many
    # articles (each outlet's earliest first) and this many sentences, with a warning saying what was left out.
    # 3,000 sentences is ~60 long articles; the sparse products stay well under a second.
    coverage_max_articles: int = 40
    coverage_max_sentences: int = 3000

    # Charts show at most this many groups (the largest by article count); the tables keep every group. 40 rows
    # of a dot-and-whisker chart still fit on a printed page at a readable size.
    max_chart_groups: int = 40

    def __post_init__(self) -> None:
        if self.n_boot < 0:
            raise ConfigError(f"n_boot must be 0 (no intervals) or positive, not {self.n_boot}")
        if not 0.5 <= self.level < 1.0:
            raise ConfigError(f"level must be in [0.5, 1), not {self.level}")
        for name in ("min_articles", "normal_min_articles", "min_words", "min_attributions", "per_words", "min_term_count", "top_terms",
                     "max_chart_groups"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.correction not in CORRECTIONS:
            raise ConfigError(f"invalid value for correction: {self.correction!r}; valid values are {CORRECTIONS!r}")
        if not 0.0 < self.alpha < 1.0:
            raise ConfigError(f"alpha must be in (0, 1), not {self.alpha}")
        if not 0.0 < self.max_source_share <= 1.0:
            raise ConfigError(f"max_source_share must be in (0, 1], not {self.max_source_share}")
        if self.prior_scale <= 0:
            raise ConfigError(f"prior_scale must be positive, not {self.prior_scale}")
        if self.event_window_days < 0:
            raise ConfigError(f"event_window_days must be 0 or more, not {self.event_window_days}")
        if not 0.0 < self.coverage_threshold <= 1.0:
            raise ConfigError(f"coverage_threshold must be in (0, 1], not {self.coverage_threshold}")
        if not 0.0 < self.coverage_null_share < 1.0:
            raise ConfigError(f"coverage_null_share must be in (0, 1), not {self.coverage_null_share}")
        for name in ("coverage_min_terms", "coverage_max_articles", "coverage_max_sentences"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(self, name)}")
        if not 0.0 < self.event_threshold < 1.0:
            raise ConfigError(f"event_threshold must be in (0, 1), not {self.event_threshold}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CompareConfig:
        return from_options(cls, d, "option")


CORRECTIONS = ("holm", "bh", "none")
DEFAULT = CompareConfig()
