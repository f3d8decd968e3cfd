"""The registry of detectors: the one list that the article report, the tables, the corpus store, the comparison
metrics, the highlighter and the terminal view read.

Each entry is a :class:`~framing.detectors.base.Detector` declared in its own module here (what it finds, its
columns, metrics, explanation SQL and highlight layers); the detection itself is a pure module of
:mod:`framing.detect`. The order of :data:`DETECTORS` is the order of report sections, table columns and comparison
metrics. Every function below reads :data:`DETECTORS` when called, so that a test can add a detector for the length
of a test. ``docs/extending.md`` says how to add one.
"""

from __future__ import annotations

from framing.detectors import attributions, loaded_terms, quotes, sentiment
from framing.detectors.base import Context, Detector, Layer, MarkSpec, Metric, MetricFamily

DETECTORS: tuple[Detector, ...] = (loaded_terms.DETECTOR, quotes.DETECTOR, attributions.DETECTOR, sentiment.DETECTOR)

# The columns every finding has, first in the findings table.
FINDING_HEAD: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("type", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
    ("explanation", "VARCHAR"),
)

__all__ = ["DETECTORS", "FINDING_HEAD", "Context", "Detector", "Layer", "MarkSpec", "Metric", "MetricFamily",
           "by_type", "count_columns", "explanation_sql", "finding_columns", "layers", "stored_types"]


def by_type() -> dict[str, Detector]:
    return {d.type: d for d in DETECTORS}


def stored_types() -> frozenset[str]:
    """The finding types kept in the findings table (the others, like sentence sentiment, stay in reports)."""
    return frozenset(d.type for d in DETECTORS if d.columns)


def finding_columns() -> list[tuple[str, str]]:
    """The findings table's columns with their SQL types: the common head, then each detector's own columns in
    registry order (a column two detectors share, like ``speaker``, once)."""
    out = list(FINDING_HEAD)
    seen = {c for c, _ in out}
    for d in DETECTORS:
        for c, t in d.columns:
            if c not in seen:
                seen.add(c)
                out.append((c, t))
    return out


def count_columns() -> list[tuple[str, str]]:
    """The detectors' columns of the articles table, with their SQL types, in registry order."""
    return [c for d in DETECTORS for c in d.count_columns()]


def explanation_sql() -> str:
    """Every stored finding's explanation as one DuckDB expression over the findings table's columns."""
    whens = " ".join(f"WHEN '{d.type}' THEN {d.explanation_sql()}" for d in DETECTORS if d.explanation_sql)
    return f"CASE type {whens} END"


def layers() -> tuple[Layer, ...]:
    """The highlight layers, in the order their explanations are listed on hover."""
    return tuple(layer for d in sorted(DETECTORS, key=lambda d: d.rank) for layer in d.layers)
