"""Comparing sources: statistics with uncertainty, word choice, same-event views and reproducible reports.

Everything works on the tidy tables of :mod:`framing.tables` (``articles`` and ``findings``) plus the article
texts, as loaded by :func:`load_corpus` from a ``.jsonl`` corpus or a DuckDB store:

>>> from framing.compare import load_corpus, rates                      # doctest: +SKIP
>>> corpus = load_corpus("data/demo/articles.jsonl")                     # doctest: +SKIP
>>> rates(corpus.articles, by="source", metrics=["loaded_author_rate"])  # doctest: +SKIP

Counting and scoring are separate modules: :mod:`~framing.compare.terms` counts terms,
:mod:`~framing.compare.stats` scores groups (rates, bootstrap intervals, pairwise differences),
:mod:`~framing.compare.wordchoice` scores terms and labels, :mod:`~framing.compare.events` groups stories and
lines outlets up on one event, :mod:`~framing.compare.coverage` says what each outlet's coverage of an event has
that the others' lacks (speakers, sentences) and what it lacks, :mod:`~framing.compare.validity` checks our figures against BASIL, and
:mod:`~framing.compare.reportgen` writes a report folder; :mod:`~framing.compare.commands` is the CLI. Charts
are in :mod:`framing.plots`. The names below are imported on first use, so that importing the package (as the
CLI does) loads neither pandas nor matplotlib.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Corpus": "corpus", "load_corpus": "corpus", "corpus_from_reports": "corpus",
    "CompareConfig": "settings",
    "Metric": "metrics", "METRICS": "metrics", "HEADLINE": "metrics",
    "rates": "stats", "wide": "stats", "key_table": "stats", "pairwise_differences": "stats", "adjust_pvalues": "stats",
    "holm": "stats", "benjamini_hochberg": "stats", "store_rates": "stored", "store_pairwise": "stored",
    "store_distinctive_terms": "stored", "store_actor_labels": "stored", "kwic_in_store": "stored",
    "TermCounts": "terms", "count_terms": "terms",
    "distinctive_terms": "wordchoice", "kwic": "wordchoice", "label_mentions": "wordchoice",
    "actor_labels": "wordchoice", "speakers": "wordchoice", "reporting_verbs": "wordchoice",
    "group_events": "events", "evaluate_grouping": "events", "events_table": "events", "event_view": "events",
    "Coverage": "coverage", "event_coverage": "coverage", "speakers_by_outlet": "coverage",
    "speaker_table": "coverage", "normalise_speakers": "coverage", "sentence_table": "coverage",
    "match_sentences": "coverage", "label_sentences": "coverage", "missing_content": "coverage",
    "outlet_summary": "coverage", "coverage_marks": "coverage", "coverage_layer": "coverage",
    "build_report": "reportgen", "write_report": "reportgen",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"framing.compare.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'framing.compare' has no attribute {name!r}")
