"""Tidy tables from article reports: the interface between article scoring and everything downstream.

Two pandas DataFrames describe a corpus run, and the store (DuckDB), the comparison layer, the charts and the
dashboard all speak them:

``articles`` -- one row per analysed article:
    ``article_id``, ``source``, metadata columns (``title``, ``date``, ``url``, ``event``, ``topic``, ``leaning`` and
    any other scalar input field), ``n_words``, ``n_sentences``, ``language`` (ISO 639-1 or ``und``), each detector's columns (:func:`count_columns`:
    ``lt_count``, ``lt_author``, ``lt_quoted``, ``lt_<category>``, ``lt_<category>_author``,
    ``lt_<category>_quoted``, ``q_<kind>``, ``quoted_words``, ``attr_count``, ``attr_<stance>``,
    ``src_<source_type>``, ``attr_second_hand``, ``attr_direct``, ``polarity``, ``subjectivity``) and
    ``n_warnings``.

``findings`` -- one row per finding except the per-sentence sentiment ones (:func:`finding_column_names`):
    ``article_id``, ``type``, ``start``, ``end``, ``text``, ``explanation`` and the type's own fields
    (``category``, ``weight``, ``term``, ``voice``, ``kind``, ``speaker``, ``cue``, ``cue_lemma``, ``stance``,
    ``source``, ``source_type``, ``via``, ``direct``...). Columns a type does not have are null.

Counts, not rates, are stored: rates depend on the grouping and are computed by :mod:`framing.compare`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from framing import detectors

if TYPE_CHECKING:
    # (imported where a frame is made: a corpus run's workers use article_row alone, and pandas would cost each of
    # them ~50 MB of memory it never uses)
    import pandas as pd

_RESERVED = {"id", "source", "n_words", "language", "findings", "metrics", "versions", "warnings", "text"}


def finding_column_names() -> tuple[str, ...]:
    """The columns of the findings table, in order (:func:`framing.detectors.finding_columns`)."""
    return tuple(c for c, _ in detectors.finding_columns())


def count_columns() -> list[str]:
    """The detectors' columns of the articles table (counts, and the article's sentiment), in order."""
    return [c for c, _ in detectors.count_columns()]


def article_row(report: dict[str, Any]) -> dict[str, Any]:
    """One row of the articles table from a report dict (``ArticleReport.to_dict()``)."""
    m = report["metrics"]
    row: dict[str, Any] = {"article_id": report["id"], "source": report.get("source")}
    for k, v in report.items():
        if k not in _RESERVED and (v is None or isinstance(v, (str, int, float, bool))):
            row[k] = v
    row["n_words"] = report["n_words"]
    row["n_sentences"] = m["n_sentences"]
    row["language"] = report.get("language", "und")
    for d in detectors.DETECTORS:
        if d.metrics_key in m:
            row.update(d.row(m[d.metrics_key]))
    row["n_warnings"] = len(report.get("warnings") or ())
    return row


def finding_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings of one report as rows (those of detectors without table columns, like sentence sentiment,
    left out: they are per sentence, not spans worth storing)."""
    stored = detectors.stored_types()
    cols = [c for c in finding_column_names() if c != "article_id"]
    out = []
    for f in report["findings"]:
        if f["type"] not in stored:
            continue
        row = {c: f.get(c) for c in cols}
        row["article_id"] = report["id"]
        out.append(row)
    return out


def articles_frame(reports: Iterable[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    rows = [article_row(r) for r in reports]
    df = pd.DataFrame(rows)
    if df.empty:
        df = pd.DataFrame(columns=["article_id", "source", "n_words", "n_sentences", "language", *count_columns(),
                                   "n_warnings"])
    return df


def findings_frame(reports: Iterable[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    rows = [row for r in reports for row in finding_rows(r)]
    return pd.DataFrame(rows, columns=list(finding_column_names()))


def frames(reports: Iterable[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables from report dicts (consumed once)."""
    reps = list(reports)
    return articles_frame(reps), findings_frame(reps)
