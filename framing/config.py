"""Every threshold of the engine, named, with the reason for its value. One frozen object, recorded in reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from framing.errors import ConfigError, from_options


@dataclass(frozen=True, slots=True)
class Config:
    # Rates are per this many words: per-1,000 is the convention of corpus linguistics and media-monitoring
    # reports, and keeps typical loaded-term rates in a readable range (1-50).
    per_words: int = 1000

    # A scare quote is short: the writer distances from a word or a label, not from a clause. Four words covers
    # "the 'peaceful protesters'", "'climate emergency'", "'law and order'" and two-word names of entities; in the
    # quotation gold set almost no scare quote is longer.
    scare_max_words: int = 4

    # With no doubt marker ("so-called") and no house mark, a scare quote holds one word ("the 'experts'", "a
    # 'peaceful' protest"): a phrase of two or more words that nobody is said to say is someone's wording quoted
    # without naming them (partial, speaker unknown) more often than the writer's distancing (in the write folds,
    # 3 of 10 such two-word calls were scare quotes, 25 of 29 one-word ones). A scare quote accuses the writer, so the
    # call is made only when it is the likelier reading.
    unmarked_scare_max_words: int = 1

    # A quotation of at least this many words that forms a clause is reported speech (direct), even when no
    # speaker can be found; shorter clauses need an attribution. Six words rules out most fragments and titles.
    direct_min_words: int = 6

    # How many sentences back a quotation looks for a speaker when its own sentence names none: a quotation that
    # continues a speaker's turn ("...," he said. "More.") follows within one or two sentences.
    speaker_lookback_sentences: int = 2

    # A subject noun phrase before a reporting verb is at most this many words ("Chairman of the Chiefs of Staff
    # of the Iranian Armed Forces Major General Mohammad Baqeri" has 15).
    max_source_words: int = 16

    # Articles longer than this many characters are analysed but carry a warning: they are usually several
    # articles concatenated or scraped page furniture. 200,000 characters is ~30,000 words.
    long_article_chars: int = 200_000

    # Language identification (framing.text.language). The lexicons, rules and sentiment are English: with
    # english_only, an article identified as another language gets no findings, only a warning (its counts are zero
    # and its tone is missing), instead of findings that mean nothing.
    english_only: bool = True
    # The classifier reads this many characters from the start: under a millisecond an article, and as accurate as
    # 1,000 on our measurements, while 300 leaves some English articles undetermined (docs/design-measurements.md,
    # "Language identification").
    language_sample_chars: int = 500
    # A language other than English is reported only at this probability or more; below it the article is "und"
    # (undetermined) and analysed as English. No English sentence of 20-200 characters from AllSides got another
    # language at 0.9 or more (same measurement).
    min_language_confidence: float = 0.9
    # Texts with fewer letters than this are "und" without asking the classifier (a name, a headline fragment).
    min_language_letters: int = 20

    # Sentiment per sentence (TextBlob) can be switched off for speed; the article figure is then still computed.
    sentence_sentiment: bool = True

    def __post_init__(self) -> None:
        if self.per_words <= 0:
            raise ConfigError(f"per_words must be positive, not {self.per_words}")
        for name in ("scare_max_words", "unmarked_scare_max_words", "direct_min_words", "max_source_words"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(self, name)}")
        if not 0.0 <= self.min_language_confidence <= 1.0:
            raise ConfigError(f"min_language_confidence must be in [0, 1], not {self.min_language_confidence}")
        if self.language_sample_chars < 1:
            raise ConfigError(f"language_sample_chars must be at least 1, not {self.language_sample_chars}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Config:
        return from_options(cls, d, "config option")


DEFAULT = Config()
# Per-sentence sentiment is not stored (the store's findings table leaves it out), so corpus runs and the dashboard's
# stores do not compute it; the article's polarity and subjectivity are computed either way.
CORPUS_CONFIG = replace(DEFAULT, sentence_sentiment=False)

# The default time budget of one record's analysis, in seconds (``framing.analyse``'s ``time_budget``), used by
# `framing run`, `framing analyse` and the dashboard's uploads: generous, since the engine is linear in the text (a
# 10 MB record takes ~20 s here), so that only a record that would tie up a worker for long is given up.
RECORD_SECONDS = 300.0
