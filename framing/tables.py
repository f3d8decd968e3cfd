"""Tidy tables from article reports: the interface between article scoring and everything downstream.

Two pandas DataFrames describe a corpus run, and the store (DuckDB), the comparison layer, the charts and the
dashboard all speak them:

``articles`` -- one row per analysed article:
    ``article_id``, ``source``, metadata columns (``title``, ``date``, ``url``, ``event``, ``topic``, ``leaning`` and
    any other scalar input field), ``n_words``, ``n_sentences``, ``polarity``, ``subjectivity``, counts
    (``lt_count``, ``lt_author``, ``lt_quoted``, ``lt_<category>``, ``lt_<category>_author``,
    ``lt_<category>_quoted``, ``q_<kind>``, ``attr_count``, ``attr_<stance>``, ``src_<source_type>``,
    ``attr_second_hand``, ``attr_direct``, ``quoted_words``) and ``n_warnings``.

``findings`` -- one row per finding except the per-sentence sentiment ones:
    ``article_id``, ``type``, ``start``, ``end``, ``text``, ``explanation`` and the type's own fields
    (``category``, ``weight``, ``term``, ``voice``, ``kind``, ``speaker``, ``cue``, ``cue_lemma``, ``stance``,
    ``source``, ``source_type``, ``via``, ``direct``...). Columns a type does not have are null.

Counts, not rates, are stored: rates depend on the grouping and are computed by :mod:`framing.compare`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from framing.findings import QUOTE_KINDS, SOURCE_TYPES, STANCES
from framing.lexicons import CATEGORIES

LT_CATEGORIES = CATEGORIES["loaded_terms"]
FINDING_COLUMNS = (
    "article_id", "type", "start", "end", "text", "explanation", "category", "weight", "term", "neutral", "voice",
    "lexicon", "kind", "speaker", "cue", "open_mark", "close_mark", "depth", "multi_paragraph", "reason",
    "cue_lemma", "stance", "source", "source_start", "source_end", "source_type", "content_start", "content_end",
    "via", "direct",
)
_RESERVED = {"id", "source", "n_words", "findings", "metrics", "versions", "warnings", "text"}


def count_columns() -> list[str]:
    """The count columns of the articles table, in order."""
    cols = ["lt_count", "lt_author", "lt_quoted"]
    for c in LT_CATEGORIES:
        cols += [f"lt_{c}", f"lt_{c}_author", f"lt_{c}_quoted"]
    cols += [f"q_{k}" for k in QUOTE_KINDS]
    cols += ["attr_count"] + [f"attr_{s}" for s in STANCES] + [f"src_{t}" for t in SOURCE_TYPES]
    cols += ["attr_second_hand", "attr_direct", "quoted_words"]
    return cols


def article_row(report: dict[str, Any]) -> dict[str, Any]:
    """One row of the articles table from a report dict (``ArticleReport.to_dict()``)."""
    m = report["metrics"]
    lt = m["loaded_terms"]
    q = m["quotes"]
    at = m["attributions"]
    row: dict[str, Any] = {"article_id": report["id"], "source": report.get("source")}
    for k, v in report.items():
        if k not in _RESERVED and (v is None or isinstance(v, (str, int, float, bool))):
            row[k] = v
    row.update({
        "n_words": report["n_words"],
        "n_sentences": m["n_sentences"],
        "polarity": m["sentiment"]["polarity"],
        "subjectivity": m["sentiment"]["subjectivity"],
        "lt_count": lt["count"],
        "lt_author": lt["author_count"],
        "lt_quoted": lt["quoted_count"],
    })
    for c in LT_CATEGORIES:
        bc = lt["by_category"][c]
        row[f"lt_{c}"] = bc["count"]
        row[f"lt_{c}_author"] = bc["author"]
        row[f"lt_{c}_quoted"] = bc["quoted"]
    for k in QUOTE_KINDS:
        row[f"q_{k}"] = q["by_kind"][k]
    row["attr_count"] = at["count"]
    for s in STANCES:
        row[f"attr_{s}"] = at["by_stance"][s]
    for t in SOURCE_TYPES:
        row[f"src_{t}"] = at["by_source_type"][t]
    row["attr_second_hand"] = at["second_hand"]
    row["attr_direct"] = at["direct"]
    row["quoted_words"] = q["quoted_words"]
    row["n_warnings"] = len(report.get("warnings") or ())
    return row


def finding_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings of one report as rows (sentence sentiment left out: it is per sentence, not a finding)."""
    out = []
    for f in report["findings"]:
        if f["type"] == "sentiment":
            continue
        row = {c: f.get(c) for c in FINDING_COLUMNS if c != "article_id"}
        row["article_id"] = report["id"]
        out.append(row)
    return out


def articles_frame(reports: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows = [article_row(r) for r in reports]
    df = pd.DataFrame(rows)
    if df.empty:
        df = pd.DataFrame(columns=["article_id", "source", "n_words", "n_sentences", "polarity", "subjectivity",
                                   *count_columns(), "n_warnings"])
    return df


def findings_frame(reports: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows = [row for r in reports for row in finding_rows(r)]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def frames(reports: Iterable[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables from report dicts (consumed once)."""
    reps = list(reports)
    return articles_frame(reps), findings_frame(reps)
