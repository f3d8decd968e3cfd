"""Helpers for exploring an analysed corpus interactively (the dashboard's computations, kept out of its pages).

* :class:`Filters` -- the filters of a view (sources, leanings, topics, events, a date range) as the ``where`` of
  :meth:`framing.corpus.store.Store.articles_frame`, as URL query parameters, and in words.
* :func:`article_vs_outlet` -- one article's figures beside its outlet's, with the outlet's interval.
* :func:`search_articles` -- articles whose title, source or id contain a query.
* :func:`lexicon_frame`, :func:`edit_lexicons`, :func:`rescore` -- browse a lexicon, add or disable terms for a
  session, and see how the loaded-term figures of some articles change.
* :func:`with_uploads` -- articles a user analysed beside the corpus, as one table to compare;
  :func:`unread_language` -- which of them are in a language the engine does not read (left out of it).

Each is a pure function of tidy tables (:mod:`framing.tables`) and the public API; none knows about Streamlit.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from framing.compare.metrics import HEADLINE
from framing.errors import ConfigError
from framing.lexicons import Entry, Lexicon, Lexicons, default_lexicons
from framing.report import analyse

# The URL query parameter of each filter (a shared link reproduces the view); the date range is ``dates``,
# repeated: ``?source=A&source=B&dates=2026-01-01&dates=2026-03-31``.
# The filters on article columns: Filters field -> the column (also the URL's query key) and its word.
QUERY_KEYS = {"sources": "source", "leanings": "leaning", "topics": "topic", "events": "event", "languages": "language"}
DATES_KEY = "dates"


@dataclass(frozen=True)
class Filters:
    """Which articles a view shows. An empty tuple means no restriction; dates are ``YYYY-MM-DD`` (inclusive)."""

    sources: tuple[str, ...] = ()
    leanings: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    languages: tuple[str, ...] = ()  # ISO 639-1 codes, or "und"

    def where(self) -> dict[str, Any]:
        """The filter as :meth:`Store.articles_frame`'s ``where`` (a list is membership, a tuple a range)."""
        w: dict[str, Any] = {}
        for name, col in QUERY_KEYS.items():
            values = getattr(self, name)
            if values:
                w[col] = sorted(values)
        if self.date_from or self.date_to:
            w["date"] = (self.date_from, self.date_to)
        return w

    def whole_months(self) -> Filters:
        """The same filter with its date range widened to whole months: from the first day of its first month to
        the last day of its last (what a store's monthly sums answer); a date that is not ``YYYY-MM-DD`` is kept."""
        import calendar
        import datetime as dt

        def month(value: str | None, end: bool) -> str | None:
            try:
                d = dt.date.fromisoformat(value) if value else None
            except ValueError:
                return value
            if d is None:
                return None
            return d.replace(day=calendar.monthrange(d.year, d.month)[1] if end else 1).isoformat()

        return dataclasses.replace(self, date_from=month(self.date_from, False), date_to=month(self.date_to, True))

    def apply(self, articles: pd.DataFrame) -> pd.DataFrame:
        """The same filter on an articles table in memory (for corpora that are not in a store)."""
        keep = pd.Series(True, index=articles.index)
        for col, values in self.where().items():
            if col == "date":
                d = articles["date"].astype("string")
                lo, hi = values
                if lo:
                    keep &= d >= lo
                if hi:
                    keep &= d <= hi
            elif col in articles.columns:
                keep &= articles[col].astype("string").isin([str(v) for v in values])
            else:
                keep &= False
        return articles[keep.fillna(False)]

    def to_query(self) -> dict[str, list[str]]:
        """URL query parameters (repeated for several values)."""
        out: dict[str, list[str]] = {key: list(getattr(self, name)) for name, key in QUERY_KEYS.items()
                                     if getattr(self, name)}
        if self.date_from or self.date_to:
            out[DATES_KEY] = [self.date_from or "", self.date_to or ""]
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, str | Sequence[str]]) -> Filters:
        def values(key: str) -> tuple[str, ...]:
            v = params.get(key)
            if v is None:
                return ()
            return (v,) if isinstance(v, str) else tuple(str(x) for x in v)

        dates = [d or None for d in values(DATES_KEY)] + [None, None]
        return cls(**{name: values(key) for name, key in QUERY_KEYS.items()}, date_from=dates[0],
                   date_to=dates[1])

    def describe(self) -> str:
        """The filter in words, for chart titles: ``3 sources; leaning left, right; 2020-01-01 to 2020-06-30``."""
        parts = []
        for name, word in QUERY_KEYS.items():
            v = getattr(self, name)
            if len(v) > 3:
                parts.append(f"{len(v)} {word}s")
            elif v:
                parts.append(f"{word} {', '.join(v)}")
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '...'} to {self.date_to or '...'}")
        return "; ".join(parts) or "all articles"


def corpus_summary(articles: pd.DataFrame) -> dict[str, Any]:
    """The corpus at a glance: ``articles``, ``sources``, ``words``, ``events``, ``first_date``, ``last_date``,
    ``topics``, ``leanings``."""
    def n_unique(col: str) -> int:
        return int(articles[col].nunique()) if col in articles.columns else 0

    dates = articles["date"].dropna().astype(str) if "date" in articles.columns else pd.Series(dtype=str)
    dates = dates[dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    return {"articles": len(articles), "sources": n_unique("source"), "words": int(articles["n_words"].sum())
            if "n_words" in articles.columns else 0, "events": n_unique("event"), "topics": n_unique("topic"),
            "leanings": n_unique("leaning"), "first_date": dates.min() if len(dates) else None,
            "last_date": dates.max() if len(dates) else None}


def sources_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per source: ``source``, ``leaning`` (its most frequent), ``articles``, ``words``, ``events``,
    ``first_date``, ``last_date``; the largest first."""
    a = articles.assign(source=articles["source"].astype("string").fillna("(missing)"))
    cols = {c: a[c] if c in a.columns else pd.Series(pd.NA, index=a.index, dtype="string")
            for c in ("leaning", "event", "date")}
    a = a.assign(**{f"_{k}": v.astype("string") for k, v in cols.items()})
    out = a.groupby("source", sort=True).agg(
        leaning=("_leaning", lambda s: s.mode().iloc[0] if s.notna().any() else pd.NA),
        articles=("article_id", "size"), words=("n_words", "sum"), events=("_event", "nunique"),
        first_date=("_date", "min"), last_date=("_date", "max")).reset_index()
    return out.sort_values(["articles", "source"], ascending=[False, True]).reset_index(drop=True)


def article_vs_outlet(article_id: str, articles: pd.DataFrame, *, metrics: Sequence[str] = HEADLINE,
                      by: str = "source") -> pd.DataFrame:
    """One article's figures beside its outlet's (all the outlet's articles in ``articles``, the article too).

    Columns: ``metric``, ``label``, ``unit``, ``article``, ``outlet``, ``outlet_lo``, ``outlet_hi`` (the outlet's
    interval over articles, as :func:`framing.compare.rates` gives it), ``n_articles`` (of the outlet) and ``compared``: ``above`` or ``below`` when the
    article's figure lies outside the outlet's interval, ``within`` when inside, empty when either is missing.
    """
    from framing.compare import rates

    a = articles[articles["article_id"].astype(str) == str(article_id)]
    if a.empty:
        raise ConfigError(f"no article {article_id!r} in the table")
    group = a[by].iloc[0] if by in a.columns else None
    outlet = articles[articles[by] == group] if group is not None and pd.notna(group) else a
    mine = rates(a.assign(_one="article"), by="_one", metrics=list(metrics))
    theirs = rates(outlet.assign(_one="outlet"), by="_one", metrics=list(metrics))
    out = mine[["metric", "label", "unit", "value"]].rename(columns={"value": "article"}).merge(
        theirs[["metric", "value", "lo", "hi", "n_articles"]].rename(
            columns={"value": "outlet", "lo": "outlet_lo", "hi": "outlet_hi"}), on="metric", how="left")
    order = {m: i for i, m in enumerate(metrics)}
    out = out.sort_values("metric", key=lambda s: s.map(order)).reset_index(drop=True)

    def compare(r: pd.Series) -> str:
        if pd.isna(r["article"]) or pd.isna(r["outlet_lo"]) or pd.isna(r["outlet_hi"]):
            return ""
        return "above" if r["article"] > r["outlet_hi"] else "below" if r["article"] < r["outlet_lo"] else "within"

    out["compared"] = out.apply(compare, axis=1) if len(out) else pd.Series(dtype=str)
    return out


def search_articles(articles: pd.DataFrame, query: str, *, limit: int | None = 200) -> pd.DataFrame:
    """Articles whose title, source or id contain every word of ``query`` (case-insensitive), newest first."""
    words = query.lower().split()
    if not words:
        hits = articles
    else:
        hay = articles["article_id"].astype("string").fillna("")
        for col in ("title", "source"):
            if col in articles.columns:
                hay = hay + " " + articles[col].astype("string").fillna("")
        hay = hay.str.lower()
        keep = pd.Series(True, index=articles.index)
        for w in words:
            keep &= hay.str.contains(w, regex=False)
        hits = articles[keep.fillna(False)]
    if "date" in hits.columns:
        hits = hits.sort_values(["date", "article_id"], ascending=[False, True], na_position="last")
    return hits.head(limit) if limit is not None else hits


# -- lexicons ----------------------------------------------------------------------------------------------------

LEXICON_COLUMNS = ("term", "category", "weight", "neutral", "note", "pos", "forms", "exclude", "line")


def lexicon_frame(lexicon: Lexicon, *, query: str = "", categories: Iterable[str] | None = None) -> pd.DataFrame:
    """A lexicon's entries as a table (``LEXICON_COLUMNS``), filtered by a query (in the term, neutral
    alternative or note) and categories."""
    rows = [(e.term, e.category, e.weight, e.neutral or "", e.note, e.pos, " | ".join(e.forms),
             " | ".join(e.exclude), e.line or None) for e in lexicon.entries]
    df = pd.DataFrame(rows, columns=list(LEXICON_COLUMNS))
    if categories is not None:
        df = df[df["category"].isin(list(categories))]
    q = query.strip().lower()
    if q:
        hay = (df["term"] + " " + df["neutral"] + " " + df["note"]).str.lower()
        df = df[hay.str.contains(q, regex=False)]
    return df.reset_index(drop=True)


def edit_lexicons(added: Sequence[Entry] = (), disabled: Sequence[str] = (),
                  base: Lexicons | None = None) -> Lexicons:
    """The engine's lexicons with loaded terms added or disabled (the edited lexicon's version ends in
    ``+edited`` and its hash changes, so reports made with it say so)."""
    lex = base or default_lexicons()
    if not added and not disabled:
        return lex
    return dataclasses.replace(lex, loaded_terms=lex.loaded_terms.with_changes(add=added, disable=disabled))


def edit_sample(texts: Mapping[str, str], findings: pd.DataFrame, *, added: Sequence[str] = (),
                disabled: Sequence[str] = (), n: int = 20) -> list[str]:
    """Articles to re-analyse after a lexicon edit: first those where an edit shows (an added term occurs, as a
    whole word, or a disabled term was found: ``findings`` are their loaded-term findings), taking turns between
    the terms so that every edit is represented, then the other articles in the order of ``texts``."""
    from framing.compare import kwic

    ids = list(texts)
    hits = [kwic(texts, t, article_ids=ids, limit=n)["article_id"].drop_duplicates().tolist() for t in added]
    if len(findings) and disabled:
        lt = findings[findings["type"] == "loaded_term"] if "type" in findings.columns else findings
        for t in disabled:
            hits.append(lt.loc[lt["term"].str.lower() == t.lower(), "article_id"].astype(str).drop_duplicates()
                        .tolist())
    first = [aid for turn in itertools.zip_longest(*hits) for aid in turn if aid]
    return list(dict.fromkeys(first + ids))[:n]


@dataclass(frozen=True)
class Rescored:
    """The loaded-term figures of some articles with two lexicons: ``articles`` one row per article, ``terms``
    one row per term whose count changed."""

    articles: pd.DataFrame
    terms: pd.DataFrame = field(default_factory=pd.DataFrame)


def rescore(texts: Mapping[str, str], after: Lexicons, *, before: Lexicons | None = None,
            sources: Mapping[str, Any] | None = None) -> Rescored:
    """Analyse each text with both lexicons and compare the loaded terms.

    ``articles`` columns: ``article_id``, ``source``, ``n_words``, ``loaded_before``, ``loaded_after``,
    ``rate_before``, ``rate_after`` (per 1,000 words), ``author_rate_before``, ``author_rate_after``,
    ``gained`` and ``lost`` (the terms found only with one lexicon). ``terms``: ``term``, ``category``,
    ``before``, ``after``, ``change``.
    """
    lex0 = before or default_lexicons()
    rows = []
    term_counts: dict[tuple[str, str], list[int]] = {}
    for aid, text in texts.items():
        r0 = analyse(text, id=aid, lexicons=lex0)
        r1 = analyse(text, id=aid, lexicons=after)
        t0 = [f for f in r0.findings if f.type == "loaded_term"]
        t1 = [f for f in r1.findings if f.type == "loaded_term"]
        s0 = {(f.start, f.end, f.term) for f in t0}  # type: ignore[attr-defined]
        s1 = {(f.start, f.end, f.term) for f in t1}  # type: ignore[attr-defined]
        for i, fs in enumerate((t0, t1)):
            for f in fs:
                term_counts.setdefault((f.term, f.category), [0, 0])[i] += 1  # type: ignore[attr-defined]
        m0, m1 = r0.metrics["loaded_terms"], r1.metrics["loaded_terms"]
        rows.append({
            "article_id": aid, "source": (sources or {}).get(aid), "n_words": r0.n_words,
            "loaded_before": m0["count"], "loaded_after": m1["count"],
            "rate_before": m0["rate"], "rate_after": m1["rate"],
            "author_rate_before": m0["author_rate"], "author_rate_after": m1["author_rate"],
            "gained": "; ".join(sorted({text[s:e] for s, e, _ in s1 - s0})),
            "lost": "; ".join(sorted({text[s:e] for s, e, _ in s0 - s1})),
        })
    terms = pd.DataFrame([(t, c, b, a, a - b) for (t, c), (b, a) in term_counts.items() if a != b],
                         columns=["term", "category", "before", "after", "change"])
    terms = terms.sort_values(["change", "term"], key=lambda s: s.abs() if s.name == "change" else s,
                              ascending=[False, True]).reset_index(drop=True)
    cols = ["article_id", "source", "n_words", "loaded_before", "loaded_after", "rate_before", "rate_after",
            "author_rate_before", "author_rate_after", "gained", "lost"]
    return Rescored(pd.DataFrame(rows, columns=cols), terms)


# -- uploads beside the corpus --------------------------------------------------------------------------------

UPLOAD_SUFFIX = " (uploaded)"


def unread_language(articles: pd.DataFrame) -> pd.Series:
    """Which articles are in a language the engine does not read: neither English nor undetermined (analysed as
    English). With the default ``english_only`` they have no findings, so their rates are zero whatever their
    wording: a comparison of rates should leave them out (or show them apart), not plot them as neutral."""
    from framing.text.language import ENGLISH, UNDETERMINED

    if "language" not in articles.columns:
        return pd.Series(False, index=articles.index)
    return ~articles["language"].fillna(UNDETERMINED).astype(str).isin([ENGLISH, UNDETERMINED])


def language_name(code: str) -> str:
    """``German`` for ``de``; a code without a name as it is."""
    from framing.text.language import NAMES

    return NAMES.get(code, code)


def with_uploads(corpus_articles: pd.DataFrame, uploaded: pd.DataFrame, *, by: str = "source",
                 label: str = "your articles") -> pd.DataFrame:
    """One articles table with the uploaded articles as their own groups: each keeps its ``by`` value (or
    ``label`` when it has none) followed by " (uploaded)", so it never merges with a corpus group."""
    up = uploaded.copy()
    if by in up.columns:
        up[by] = up[by].astype("string").fillna(label).astype(str) + UPLOAD_SUFFIX
    else:
        up[by] = label + UPLOAD_SUFFIX
    up["article_id"] = "upload:" + up["article_id"].astype(str)
    return pd.concat([corpus_articles, up], ignore_index=True, sort=False)
