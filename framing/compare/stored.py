"""Rates and pairwise differences of a store's articles from its sums per cell, not from every article; distinctive
terms from its term counts per cell (:func:`store_distinctive_terms`), not from every text.

The same statistics as :func:`framing.compare.rates` and :func:`framing.compare.pairwise_differences` on the
articles a filter selects (one way through: :func:`framing.compare.stats.estimate`), but the sums of
:mod:`framing.moments` come from the store (:meth:`framing.corpus.store.Store.group_sums`: its ``cells`` table, kept
as runs commit, or the articles when the filter or grouping uses another column). Only the articles of groups too
small for the delta-method interval (``CompareConfig.normal_min_articles``) are read, to bootstrap them as
:func:`~framing.compare.rates` does; so a filter change on a million articles adds up cells instead of resampling
articles. The tables are those :func:`~framing.compare.rates` gives on the same articles read from the store (in
``article_id`` order): equal values, equal bootstrap intervals for small groups, delta-method intervals for large
ones (tested in tests/compare/test_stored.py).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from framing import moments
from framing.compare.groups import By, group_articles, key_list
from framing.compare.metrics import select
from framing.compare.settings import DEFAULT, CompareConfig
from framing.compare.stats import (
    Estimate,
    SmallRows,
    estimate,
    group_sums,
    lacking,
    pair_table,
    rate_columns,
    rate_table,
)
from framing.errors import ConfigError, value_invalid_msg


def store_estimate(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                   metrics: Iterable[str] | str | None = None, config: CompareConfig | None = None,
                   keep_reps: bool = False) -> Estimate:
    """The estimate of :mod:`framing.compare.stats` for the articles of ``store`` that ``where`` selects."""
    cfg = config or DEFAULT
    ms = select(metrics, per_words=cfg.per_words)
    have = pd.DataFrame(columns=store.columns("articles"))
    if metrics is None:
        ms = tuple(m for m in ms if not lacking(have, m))
    keys = key_list(by)
    for key in keys:
        col = key.partition(":")[0]
        if col not in have.columns:  # the error rates() gives
            group_articles(have, by)
    frame = store.group_sums(where, keys, moments.moments(ms))
    grouping = group_articles(frame, by, weights=frame["n_articles"])
    sums = frame.drop(columns=[c for c in frame.columns if c in {k.partition(":")[0] for k in keys}])
    agg = sums.groupby(grouping.labels.to_numpy(dtype=object).astype(str), sort=True).sum()
    groups = tuple(str(g) for g in agg.index)
    totals = {c: agg[c].to_numpy(dtype=np.float64) for c in agg.columns if c != "n_articles"}
    return estimate(grouping, groups, agg["n_articles"].to_numpy(), totals, ms, cfg,
                    _small_rows(store, where, keys, frame, grouping.labels, ms, by), keep_reps=keep_reps)


def _small_rows(store: Any, where: dict[str, Any] | None, keys: Sequence[str], frame: pd.DataFrame,
                labels: pd.Series, ms: Sequence[Any], by: By) -> SmallRows:
    """Reads the articles of the groups to bootstrap (only theirs, as far as the grouping's columns say)."""

    def rows(wanted: Sequence[str]) -> dict[str, np.ndarray]:
        need = frame[labels.isin(set(wanted)).to_numpy()]
        w = dict(where or {})
        for key in keys:
            col, _, freq = key.partition(":")
            vals = need[col]
            if not freq and vals.notna().all() and all(isinstance(v, str) and v.strip() == v and v for v in vals):
                w[col] = sorted(set(vals))  # a group's raw values (its label is the same string)
        articles = store.articles_frame(where=w, columns=rate_columns([m.name for m in ms], by))
        return group_sums(articles, by, ms)[4](wanted)

    return rows


def store_rates(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                metrics: Iterable[str] | str | None = None, config: CompareConfig | None = None) -> pd.DataFrame:
    """:func:`framing.compare.rates` of the articles of ``store`` that ``where`` selects (a filter as
    :meth:`~framing.corpus.store.Store.articles_frame` takes it), from the store's sums."""
    cfg = config or DEFAULT
    return rate_table(store_estimate(store, where=where, by=by, metrics=metrics, config=cfg), cfg)


def store_pairwise(store: Any, *, where: dict[str, Any] | None = None, by: By = "source",
                   metrics: Iterable[str] | str, groups: Sequence[str] | None = None, reference: str | None = None,
                   correction: str | None = None, config: CompareConfig | None = None) -> pd.DataFrame:
    """:func:`framing.compare.pairwise_differences` of the articles of ``store`` that ``where`` selects."""
    cfg = config or DEFAULT
    method = correction or cfg.correction
    if method not in ("holm", "bh", "none"):
        raise ConfigError(value_invalid_msg("correction", method, ("holm", "bh", "none")))
    est = store_estimate(store, where=where, by=by, metrics=metrics, config=cfg, keep_reps=True)
    return pair_table(est, cfg, groups=groups, reference=reference, correction=method)


# DuckDB's top-n aggregates take n below a million
_MAX_KEEP = 999_999


def _first_keep(top: int, n_groups: int) -> int:
    """How many terms of each group to ask DuckDB for first: the ranking of ``top`` looks at the first 4 x top it
    can rank (4 x top + 20 are asked at least); a few groups get more (about 10,000 rows in all), so that one query
    is enough more often."""
    return max(4 * top + 20, 10_000 // max(n_groups, 1))


def store_distinctive_terms(store: Any, *, where: dict[str, Any] | None = None, by: str = "source",
                            top: int | None = None, examples: bool = True, drop_own_name: bool = True,
                            config: CompareConfig | None = None) -> pd.DataFrame:
    """:func:`framing.compare.distinctive_terms` (unigrams and bigrams) of the articles of ``store`` that ``where``
    selects, with the vocabulary of the whole store (the terms seen ``min_term_count`` times in it), as the
    dashboard computed it from every text counted in memory.

    Summed in DuckDB from the store's term counts (:meth:`~framing.corpus.store.Store.term_groups`) when they can
    answer: the same figures. The example of a term is at its first occurrence (as the tokeniser finds it) in the
    group's first article by id that uses it, where the texts counted in memory look for the term's pattern in the
    first five such articles: the same example, unless the pattern and the tokeniser disagree on that article
    (a word glued to digits, "abc123"). Otherwise (a filter or grouping on the event, a date range that is not whole
    months, a store without the term tables) the selected articles' texts are read and counted."""
    from framing.compare.wordchoice import _one_group, distinctive_terms, log_odds_z_sql, rank_terms

    cfg = config or DEFAULT
    top = top or cfg.top_terms
    values = store.term_values(where, by)
    if values is None:
        return _counted_terms(store, where, by, top, examples, drop_own_name, cfg, distinctive_terms)
    labels = dict(zip(values, group_articles(pd.DataFrame({by: pd.Series(values, dtype=object)}), by).labels,
                      strict=True))
    score = log_odds_z_sql(prior_scale=cfg.prior_scale)
    # The first `keep` terms of each group by z (and any tied with the last), ranked in DuckDB: the ranking below
    # looks at the first 4 x top it can rank (the bigrams that explain a unigram) and goes further past terms one
    # source dominates, self-references and explained unigrams. What DuckDB returns is the start of the ranking of
    # every candidate; when that start is too short (fewer than 4 x top terms to rank, or the group not filled) while
    # the group has more, the groups are asked again: with the terms one source dominates left out in DuckDB if they
    # were not (a topic that one outlet covers: most of its first terms are), then with four times more.
    # A few groups (leanings) are asked for several times more terms at once, which also holds the terms one source
    # dominates; many groups (sources, topics) are asked for fewer, with those terms left out in DuckDB first.
    missed = store.answers_missed
    least = 4 * top + 20
    keep = min(_first_keep(top, len(set(labels.values()))), _MAX_KEEP)
    max_share = None if keep >= 4 * least else cfg.max_source_share
    sizes = None
    while True:
        frame = store.term_groups(where, by, labels, min_count=cfg.min_term_count, score=score, keep=keep,
                                  max_share=max_share)
        head = frame[frame["term"].isna()]
        names = head["label"].to_numpy(dtype=object).astype(str)
        if len(names) < 2:
            return _one_group([])
        rows = frame[frame["term"].notna()]
        g = np.searchsorted(names, rows["label"].to_numpy(dtype=object).astype(str))
        y = rows["n"].to_numpy(dtype=np.float64)
        several = head["n_sources"].to_numpy(dtype=np.float64)[g] >= 2
        share = np.where(several, rows["top"].to_numpy(dtype=np.float64) / y, np.nan)
        if sizes is None:
            sizes = _group_articles(store, where, by).reindex(names, fill_value=0).to_numpy()
        out = rank_terms(names, head["n"].to_numpy(dtype=np.float64), g, rows["term"].to_numpy(dtype=object), y,
                         rows["total"].to_numpy(dtype=np.float64), rows["n_articles"].to_numpy(dtype=np.int64), share,
                         top=top, group_articles=sizes, drop_own_name=drop_own_name, config=cfg)
        by_group = rows.groupby("label")
        more = by_group["candidates"].max()
        ranked = rows[~(share > cfg.max_source_share)].groupby("label").size().reindex(more.index, fill_value=0)
        short = (out["group"].value_counts().reindex(more.index, fill_value=0) < top) | (ranked < 4 * top)
        if not ((more > by_group.size()) & short).any() or keep >= _MAX_KEEP:
            break
        if max_share is None:
            max_share = cfg.max_source_share
        else:
            keep = min(keep * 4, _MAX_KEEP)
    out = _with_stored_examples(store, out, where, by, labels, examples, cfg)
    if not where and by in FIRST_VIEW_GROUPINGS and top == PAGE_TOP_TERMS and cfg == DEFAULT \
            and store.answers_missed > missed:  # (the first views kept are these queries)
        out.attrs["warnings"] = [*out.attrs.get("warnings", []), STALE_FIRST_VIEW]
    return out


def _group_articles(store: Any, where: dict[str, Any] | None, by: str) -> pd.Series:
    """Each group's articles among those ``where`` selects (group label -> count), from the store's sums per cell
    (:meth:`~framing.corpus.store.Store.group_sums`: the articles table when the cells cannot answer)."""
    sums = store.group_sums(where, [by], [])
    labels = group_articles(sums[[by]].astype(object), by).labels
    return sums["n_articles"].groupby(labels.to_numpy(dtype=object).astype(str)).sum()


def _with_stored_examples(store: Any, out: pd.DataFrame, where: dict[str, Any] | None, by: str,
                          labels: dict[Any, str], examples: bool, cfg: CompareConfig) -> pd.DataFrame:
    """The example columns of :func:`~framing.compare.distinctive_terms`, from the store's first occurrences."""
    from framing.compare.terms import tokenize
    from framing.compare.wordchoice import EXAMPLE_CANDIDATES, TERM_COLUMNS, _flat, with_examples

    found: dict[tuple[str, str], tuple[str, int, int, str]] = {}
    retry: dict[tuple[str, str], list[str]] = {}
    if examples and len(out):
        ex = store.term_examples(where, by, labels, list(zip(out["group"], out["term"], strict=True)))
        texts = store.texts(ex["article_id"].dropna().astype(str).unique())
        w = cfg.kwic_window
        for r in ex.itertuples(index=False):
            text = texts.get(str(r.article_id), "")
            s, e = (int(r.start), int(r.end)) if pd.notna(r.start) else (0, 0)
            if pd.isna(r.start) or tokenize(text[s:e]) != str(r.term).split():
                # no offsets (lower-casing changed the text's length), or not the term there any more (a replaced
                # article's text): the term's pattern is searched in the text
                retry[(r.label, r.term)] = [r.article_id][:EXAMPLE_CANDIDATES]
                continue
            found[(r.label, r.term)] = (r.article_id, s, e, f"{_flat(text[max(s - w, 0):s], cut_left=s > w)}"
                                        f"[{text[s:e]}]{_flat(text[e:e + w], cut_right=e + w < len(text))}")
    if retry:  # the term's pattern searched in the text, as the texts counted in memory do
        out = with_examples(out, lambda g, t: retry.get((g, t), []), store.texts, [], config=cfg)
    else:
        out = out.assign(example_article_id=None, example_start=pd.array([None] * len(out), dtype="Int64"),
                         example_end=pd.array([None] * len(out), dtype="Int64"), example="")
    keys = list(zip(out["group"], out["term"], strict=True))
    hit = [found.get(k) for k in keys]
    out["example_article_id"] = [h[0] if h else a for h, a in zip(hit, out["example_article_id"], strict=True)]
    out["example_start"] = pd.array([h[1] if h else v for h, v in zip(hit, out["example_start"], strict=True)],
                                    dtype="Int64")
    out["example_end"] = pd.array([h[2] if h else v for h, v in zip(hit, out["example_end"], strict=True)],
                                  dtype="Int64")
    out["example"] = [h[3] if h else v for h, v in zip(hit, out["example"], strict=True)]
    out.attrs["warnings"] = []
    return out[list(TERM_COLUMNS)]


def store_actor_labels(store: Any, *, where: dict[str, Any] | None = None, by: str = "source",
                       examples: bool = True, max_example_chars: int = 300) -> pd.DataFrame:
    """:func:`framing.compare.actor_labels` of the articles of ``store`` that ``where`` selects: every selected
    article, none sampled. Summed in DuckDB from the labels the store counted per article as runs committed
    (:meth:`~framing.corpus.store.Store.label_groups`), then only the example sentences' texts are read; the same
    table as :func:`~framing.compare.actor_labels` on :func:`~framing.compare.label_mentions` of every selected
    text (``examples`` False: the ``example`` column empty, no text read). A store without those counts (opened
    read-only before a newer framing counted them), or a grouping by a date bucket or several columns: the selected
    texts and quotations are read and matched."""
    from framing.compare.wordchoice import LABEL_COLUMNS, _sentence, actor_labels, label_mentions

    plain = ":" not in by and "+" not in by and by in store.columns("articles")
    if not (plain and store.has_labels()):
        a = store.articles_frame(where=where or None, columns=list(dict.fromkeys([by.partition(":")[0], "source"]))
                                 if plain else None)
        ids = a["article_id"].astype(str).tolist()
        texts = store.texts(ids)
        quotes = store.findings_frame(ids, ("quote",))
        return actor_labels(label_mentions(texts, quotes, article_ids=[i for i in ids if i in texts]), a, texts,
                            by=by, max_example_chars=max_example_chars)
    rows = store.label_groups(where or None, by)
    if rows.empty:
        return pd.DataFrame(columns=list(LABEL_COLUMNS))
    values = rows["value"].drop_duplicates()
    names = dict(zip(values, group_articles(pd.DataFrame({by: values.to_numpy(dtype=object)}), by).labels,
                     strict=True))
    rows["group"] = rows["value"].map(names)
    rows = rows.sort_values(["group", "concept", "label", "example_article_id"], kind="stable")
    agg = rows.groupby(["group", "concept", "label"], sort=True).agg(
        weight=("weight", "first"), count=("count", "sum"), n_articles=("n_articles", "sum"),
        quoted=("quoted", "sum"), scare=("scare", "sum"), example_article_id=("example_article_id", "first"),
        example_start=("example_start", "first"), example_end=("example_end", "first"),
        sentence_start=("sentence_start", "first"), sentence_end=("sentence_end", "first")).reset_index()
    agg["share"] = agg["count"] / agg.groupby(["group", "concept"])["count"].transform("sum")
    texts = store.texts(agg["example_article_id"].astype(str).unique()) if examples else {}
    agg["example"] = [
        _sentence(texts[a], int(s), int(e), int(ss), int(se), max_example_chars) if a in texts else ""
        for a, s, e, ss, se in zip(agg["example_article_id"], agg["example_start"], agg["example_end"],
                                   agg["sentence_start"], agg["sentence_end"], strict=True)]
    for c in ("count", "n_articles", "quoted", "scare", "example_start", "example_end"):
        agg[c] = agg[c].astype(np.int64)
    return agg[list(LABEL_COLUMNS)]


# The number of distinctive terms per group the dashboard's Word choice page shows.
PAGE_TOP_TERMS = 15
# Said with a first view that the store kept for another framing's queries (its kept answers are found by their
# query's text: a framing whose queries differ computes them again, which on a large store takes seconds)
STALE_FIRST_VIEW = ("This store's kept first views were made by another version of framing, so this view was computed "
                    "now (slower on a large store). A complete `framing run` on the store keeps them again: inputs "
                    "already stored are not analysed again.")
# The groupings whose first views a store keeps (the Word choice page's "Compare by" choices that the term tables
# answer: not the event, whose terms are counted from the texts).
FIRST_VIEW_GROUPINGS = ("source", "leaning", "topic")


def first_views(store: Any) -> None:
    """What the Word choice page computes first, for every article grouped by each of
    :data:`FIRST_VIEW_GROUPINGS` the store has: the distinctive terms (without examples) and the actor labels
    (:meth:`framing.corpus.store.Store.keep_answers` keeps their queries' results)."""
    have = set(store.columns("articles"))
    for by in FIRST_VIEW_GROUPINGS:
        if by in have:
            store_distinctive_terms(store, by=by, top=PAGE_TOP_TERMS, examples=False)
            store_actor_labels(store, by=by, examples=False)


# The Same event page's first view kept in a store (keep_event_view): the outlets' table (event_view), the parts of
# the coverage (framing.compare.coverage.Coverage) but its wide speaker table, which is made again from the long one
# (its columns are outlets, and DuckDB's column names ignore case), and one row of the event, threshold, warnings
# and every table's column types (DuckDB gives back a nullable integer column as a plain one).
_EVENT_FRAMES = ("view", "outlets", "sentences", "matches", "missing", "speakers", "meta")


@lru_cache(maxsize=1)
def _code_signature() -> str:
    """A hash of this framing's version, the source of its package and its bundled lexicons: what a view kept in a
    store was computed with, besides the store's data (a kept view made by other code is not read)."""
    import hashlib
    from pathlib import Path

    import framing
    from framing.lexicons import data_dir

    h = hashlib.sha256(framing.__version__.encode())
    root = Path(framing.__file__).parent
    lexicons = data_dir() / "lexicons"
    files = [(p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.suffix in (".py", ".txt", ".json")
             and "_compiled" not in p.parts] + [(f"lexicons/{p.name}", p) for p in lexicons.glob("*") if p.is_file()]
    for rel, p in sorted(files):
        h.update(rel.encode() + b"\x00" + p.read_bytes() + b"\x00")
    return h.hexdigest()


def _event_view_key(event: str) -> str:
    """The key a store keeps an event's first view under: the event and the code that computes its view."""
    import hashlib

    return "event:" + hashlib.sha256(f"{_code_signature()}\x00{event}".encode()).hexdigest()[:32]


def event_view_of(store: Any, event: str, where: dict[str, Any] | None = None) -> tuple[pd.DataFrame, Any]:
    """One event's outlets side by side (:func:`framing.compare.events.event_view`, with its actor labels) and its
    coverage (:func:`framing.compare.coverage.event_coverage`; None for an event of one source), computed from the
    articles of ``store`` that ``where`` selects, as the Same event page shows them (of its articles, those
    :func:`~framing.compare.events.compared_articles` compares)."""
    from framing.compare.coverage import event_coverage
    from framing.compare.events import (
        EVENT_ARTICLE_COLUMNS,
        EVENT_FINDING_COLUMNS,
        compared_articles,
        event_view,
    )
    from framing.compare.wordchoice import label_mentions

    a = compared_articles(store.articles_frame(where={**(where or {}), "event": [event]},
                                               columns=list(EVENT_ARTICLE_COLUMNS)))
    ids = a["article_id"].astype(str).tolist()
    f = store.findings_frame(ids, columns=EVENT_FINDING_COLUMNS)
    texts = store.texts(ids)
    view = event_view(a, f, event, mentions=label_mentions(texts, f))
    coverage = event_coverage(a, f, texts, event) if a["source"].nunique(dropna=False) >= 2 else None
    return view, coverage


def keep_event_view(store: Any) -> str | None:
    """Compute the Same event page's first view (its first event, with no filter: :func:`event_view_of`) and keep
    it in the store (:meth:`~framing.corpus.store.Store.keep_frames`), inside
    :meth:`~framing.corpus.store.Store.keep_answers`' transaction; the event, or None (no event of two sources)."""
    from framing.compare.events import ordered_events

    events = ordered_events(store.events_table(None))
    if events.empty or int(events["n_sources"].iloc[0]) < 2:
        return None
    event = str(events["event"].iloc[0])
    try:
        view, cov = event_view_of(store, event)
    except Exception as exc:  # (an engine or pandas bug in one view must not undo a complete run's other answers)
        print(f"framing: {store.path}: the Same event page's first view (event {event!r}) could not be computed, so "
              f"it is not kept (the page computes it): {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return None
    if cov is None:
        return None
    frames = {"view": view, "outlets": cov.outlets, "sentences": cov.sentences, "matches": cov.matches,
              "missing": cov.missing, "speakers": cov.speakers}
    types = {name: {str(c): str(t) for c, t in f.dtypes.items()} for name, f in frames.items()}
    frames["meta"] = pd.DataFrame({"event": [cov.event], "threshold": [cov.threshold],
                                   "warnings": [json.dumps(list(cov.warnings), ensure_ascii=False)],
                                   "types": [json.dumps(types, ensure_ascii=False)]})
    store.keep_frames(_event_view_key(event), frames)
    return event


def kept_event_view(store: Any, event: str) -> tuple[pd.DataFrame, Any] | None:
    """The first view :func:`keep_event_view` kept for ``event`` (its outlets' table and coverage, as
    :func:`event_view_of` gives them with no filter), if the store keeps it for its present state and this
    framing; else None."""
    from framing.compare.coverage import Coverage, speaker_table

    frames = store.kept_frames(_event_view_key(event), _EVENT_FRAMES)
    if frames is None:
        return None
    meta = frames["meta"].iloc[0]
    for name, types in json.loads(meta["types"]).items():
        f = frames[name]
        for col, typ in types.items():
            if col in f.columns and str(f[col].dtype) != typ:
                f[col] = f[col].astype(typ)
    return frames["view"], Coverage(str(meta["event"]), float(meta["threshold"]), frames["outlets"],
                                    frames["sentences"], frames["matches"], frames["missing"], frames["speakers"],
                                    speaker_table(frames["speakers"]), tuple(json.loads(meta["warnings"])))


def kwic_in_store(store: Any, term: str, *, where: dict[str, Any] | None = None, window: int = DEFAULT.kwic_window,
                  limit: int = 200) -> pd.DataFrame:
    """:func:`framing.compare.kwic` in the texts of the articles of ``store`` that ``where`` selects (by article id,
    the first ``limit`` occurrences), with each article's ``source`` after its id. Only the texts that contain the
    term's longest word are read (every occurrence of the term contains it, in any case)."""
    import re

    from framing.compare.wordchoice import kwic

    words = re.findall(r"[^\W\d_]+", term)
    needle = max(words, key=len) if words else term
    frames, n = [], 0
    for a, source, text in store.texts_containing(needle, where):
        hits = kwic({a: text}, term, window=window, limit=limit - n)
        if len(hits):
            hits.insert(1, "source", source)
            frames.append(hits)
            n += len(hits)
            if n >= limit:
                break
    if not frames:
        return kwic({}, term).assign(source=pd.Series(dtype=object))[["article_id", "source", "start", "end", "left",
                                                                       "match", "right"]]
    return pd.concat(frames, ignore_index=True)


def _counted_terms(store: Any, where: dict[str, Any] | None, by: str, top: int, examples: bool,
                   drop_own_name: bool, cfg: CompareConfig, distinctive_terms: Any) -> pd.DataFrame:
    """Distinctive terms from the selected articles' texts, counted now (the store's vocabulary when it has one,
    else every text is read and counted: a store written before the term tables, opened read-only)."""
    from framing.compare.terms import STORED_NGRAMS, TermCounts, count_terms

    articles = store.articles_frame(where=where, columns=list(dict.fromkeys([by, "source"])))
    vocab = store.term_vocabulary(cfg.min_term_count)
    if vocab is None:
        texts = store.texts(store.articles_frame(columns=["article_id"])["article_id"].astype(str))
        counts = count_terms(texts, ngrams=STORED_NGRAMS, min_count=cfg.min_term_count)
    else:
        texts = store.texts(articles["article_id"].astype(str))
        c = count_terms(texts, ngrams=STORED_NGRAMS)
        known = set(vocab)  # (numpy's isin sorts arrays of strings: minutes for millions of terms)
        keep = np.array([i for i, t in enumerate(c.terms) if t in known], dtype=np.int64)
        counts = TermCounts(c.matrix[:, keep].tocsr(), c.terms[keep], c.article_ids, c.ngrams)
    return distinctive_terms(articles, texts, by=by, counts=counts, top=top, examples=examples,
                             drop_own_name=drop_own_name, config=cfg)
