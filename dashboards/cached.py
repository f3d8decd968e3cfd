"""The dashboard's caches, at the UI edge: every computation is a library call, cached here by its inputs.

A store is named by a ``Ref``: its path and the file's modification time, so that a rebuilt store is never
served from an old cache. Queries open the store read-only for the call rather than sharing a connection: the
results are cached anyway and DuckDB connections are not to be shared between Streamlit's threads; the store is
held open only while a script run lasts (:func:`held`: the run's queries share DuckDB's cache), since a store held
open between runs would keep `framing run` from writing to it. ``st.cache_data`` keeps tables
(keyed by the filter values); ``st.cache_resource`` keeps what is large and read-only (lexicons) without copying it
on every run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from framing import workspace
from framing.charts import ChartParams, chart_kind, draw, draw_interactive
from framing.compare import (
    METRICS,
    actor_labels,
    event_view,
    key_table,
    label_mentions,
    rates,
)
from framing.compare.coverage import event_coverage as coverage_of
from framing.compare.events import (  # (MAX_EVENT_ARTICLES: how many of an event's articles the page compares)
    EVENT_ARTICLE_COLUMNS,
    EVENT_FINDING_COLUMNS,
    MAX_EVENT_ARTICLES,
    compared_articles,
    ordered_events,
)
from framing.compare.metrics import metric as find_metric
from framing.compare.settings import DEFAULT
from framing.compare.stats import pair_table as pairs_of
from framing.compare.stored import (
    PAGE_TOP_TERMS,
    kept_event_view,
    kwic_in_store,
    store_actor_labels,
    store_distinctive_terms,
    store_estimate,
    store_rates,
)
from framing.corpus import open_store, staleness
from framing.corpus.store import StoreError
from framing.explore import Filters, edit_lexicons, rescore, unread_language, with_uploads
from framing.lexicons import entry, load_lexicon

Ref = tuple[str, int]  # (store path, modification time in ns)

# Charts are rendered at this resolution: sharp on screen, ~100-200 KB per PNG.
CHART_DPI = 110
# Actor labels are matched with the engine's tokeniser (about a millisecond per article); beyond this many articles a
# seeded sample keeps the Word choice page responsive (the table says so).
MAX_LABEL_ARTICLES = 3000
# Pairwise differences: at most this many groups (the largest), i.e. 66 pairs, so that the chart stays legible.
MAX_PAIR_GROUPS = 12

_BUILD_LOCK = threading.Lock()


# -- which store -----------------------------------------------------------------------------------------------

def data_choice() -> workspace.DataChoice:
    return workspace.choose_data()


@st.cache_resource(show_spinner=False)
def _store_path(kind: str, path: str, mapping: tuple[tuple[str, str], ...], mtime: int) -> str:
    """The store's path (for a corpus this hashes its files: once per process and modification time)."""
    return str(workspace.store_path(workspace.DataChoice(kind, Path(path), mapping)))  # type: ignore[arg-type]


@st.cache_resource(show_spinner=False)
def _ready(path: str, mtime: int) -> bool:
    return workspace.store_ready(Path(path))


def _mtime(path: str | Path) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return 0


def store_ref(choice: workspace.DataChoice) -> Ref:
    """The ready store for this choice; when a corpus has not been analysed yet, analyse it first, showing
    progress in an ``st.status`` (one build per process at a time: other sessions wait for it). A store given
    with --db is used as it is."""
    path = _store_path(choice.kind, str(choice.path), choice.mapping, _mtime(choice.path))
    if choice.kind != "db" and not _ready(path, _mtime(path)):
        with _BUILD_LOCK:
            if not workspace.store_ready(Path(path)):
                box = st.empty()
                with box.status(f"Analysing {choice.label} (once; the result is cached)...", expanded=True):
                    bar = st.progress(0.0, text="starting")
                    workspace.ensure_store(choice, progress=lambda f, m: bar.progress(f, text=m))
                box.empty()
                st.toast(f"Analysed {choice.label}; the result is cached for the next start.",
                         icon=":material/check:")
        _ready.clear()
    return path, _mtime(path)


# -- store queries ---------------------------------------------------------------------------------------------

# The stores held open for the script runs now going (path -> [store, runs holding it]).
_HELD: dict[str, list[Any]] = {}
_HELD_LOCK = threading.Lock()


@contextlib.contextmanager
def held(ref: Ref) -> Iterator[None]:
    """Keep the store open, read-only, while a script run lasts: the run's queries then open it in a millisecond
    rather than tens (DuckDB gives a new connection to the same open database) and read what the previous queries
    of the run brought into DuckDB's cache. Each query still has its own connection (they are not shared between
    Streamlit's threads), and the store is closed when the last run holding it ends, so that between runs `framing
    run` can write to it, as before (while runs of several sessions overlap it stays open). A store that cannot be
    opened is not held (each query says why)."""
    path = ref[0]
    with _HELD_LOCK:
        entry = _HELD.get(path)
        if entry is not None:
            entry[1] += 1
    if entry is None:  # opened outside the lock (the other sessions' runs need not wait for it)
        try:
            opened = open_store(path, read_only=True)
        except StoreError:
            opened = None
        with _HELD_LOCK:
            entry = _HELD.get(path)
            if entry is not None:  # another run opened it meanwhile: that one is held
                entry[1] += 1
            elif opened is not None:
                entry = _HELD[path] = [opened, 1]
                opened = None
        if opened is not None:
            opened.close()
    try:
        yield
    finally:
        if entry is not None:
            with _HELD_LOCK:
                entry[1] -= 1
                if entry[1] == 0:
                    del _HELD[path]
                    entry[0].close()


def _open(ref: Ref) -> Any:
    s = open_store(ref[0], read_only=True)
    try:
        # Works around Store.texts() failing as the first call on a freshly opened store (DuckDB 2 refuses
        # `register` while the schema-version check's result is unfinished): a complete query first clears it.
        s.columns("articles")
    except BaseException:
        s.close()
        raise
    return s


@st.cache_data(show_spinner=False, max_entries=4)
def all_articles(ref: Ref) -> pd.DataFrame:
    with _open(ref) as s:
        return s.articles_frame()


@st.cache_data(show_spinner=False, max_entries=64)
def articles(ref: Ref, filters: Filters) -> pd.DataFrame:
    """The articles of the filter, queried from the store (the filter is SQL)."""
    if not filters.where():
        return all_articles(ref)
    with _open(ref) as s:
        return s.articles_frame(where=filters.where())


@st.cache_data(show_spinner=False, max_entries=64)
def count(ref: Ref, filters: Filters) -> int:
    """How many articles the filter selects (counted in the store)."""
    with _open(ref) as s:
        return s.count(filters.where())


@st.cache_data(show_spinner=False, max_entries=4)
def columns(ref: Ref) -> pd.DataFrame:
    """The articles table's columns, as an empty table (to see which metric families the store has)."""
    with _open(ref) as s:
        return pd.DataFrame(columns=[c for c in s.columns("articles") if c not in ("meta",)])


@st.cache_data(show_spinner=False, max_entries=64)
def numbers(ref: Ref, filters: Filters, cols: tuple[str, ...]) -> pd.DataFrame:
    """The filtered articles with only these columns (and ``article_id``): what a comparison reads, a few
    columns of the store rather than every one (on a million articles, seconds rather than a minute)."""
    with _open(ref) as s:
        return s.articles_frame(where=filters.where(), columns=list(cols))


@st.cache_data(show_spinner=False, max_entries=4)
def options(ref: Ref) -> dict[str, Any]:
    """The values each filter offers, and the date range: queried from the store (a page's first view does not
    read every article for its filters)."""
    with _open(ref) as s:
        v = s.distinct_values(["source", "leaning", "topic", "event", "language", "date"])
    return {"sources": v["source"], "leanings": v["leaning"], "topics": v["topic"], "events": v["event"],
            "languages": v["language"], "first_date": v["date"][0], "last_date": v["date"][1]}


@st.cache_data(show_spinner=False, max_entries=4)
def overview(ref: Ref) -> tuple[dict[str, Any], pd.DataFrame]:
    """The corpus at a glance and one row per source, aggregated in the store (no article read into memory)."""
    with _open(ref) as s:
        return s.summary(), s.sources_table()


# The columns the explorer shows of an article (and the outlet comparison's grouping).
SHOWN = ("source", "title", "date", "url", "event", "topic", "leaning", "n_words")


@st.cache_data(show_spinner=False, max_entries=64)
def search(ref: Ref, filters: Filters, query: str, limit: int) -> pd.DataFrame:
    """The articles of the filter whose id, title or source contain every word of the query, newest first (at
    most ``limit``): searched in the store, only the hits read."""
    with _open(ref) as s:
        return s.search(query, filters.where(), limit=limit, columns=SHOWN)


@st.cache_data(show_spinner=False, max_entries=256)
def article_rows(ref: Ref, article_ids: tuple[str, ...]) -> pd.DataFrame:
    """These articles' rows of the articles table (those the store has)."""
    with _open(ref) as s:
        return s.articles_frame(where={"article_id": list(article_ids)}, columns=SHOWN)


@st.cache_data(show_spinner=False, max_entries=256)
def findings(ref: Ref, article_ids: tuple[str, ...], types: tuple[str, ...] | None = None,
             columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    with _open(ref) as s:
        return s.findings_frame(article_ids=list(article_ids), types=list(types) if types else None,
                                columns=columns)


@st.cache_data(show_spinner=False, max_entries=256)
def texts(ref: Ref, article_ids: tuple[str, ...]) -> dict[str, str]:
    with _open(ref) as s:
        return s.texts(list(article_ids))


@st.cache_data(show_spinner=False, max_entries=64)
def occurrences(ref: Ref, filters: Filters, term: str, limit: int) -> pd.DataFrame:
    """The first ``limit`` occurrences of a term in the filtered articles (by article id), with their context
    (:func:`framing.compare.kwic`), from the texts of the articles that contain its longest word (read from the
    store a few at a time, not every text)."""
    with _open(ref) as s:
        return kwic_in_store(s, term, where=filters.where(), limit=limit)


@st.cache_data(show_spinner=False, max_entries=4)
def runs(ref: Ref) -> tuple[pd.DataFrame, dict[str, Any], pd.DataFrame, pd.DataFrame]:
    """The runs, the manifest of the last complete run, the input items that could not be analysed (each once, by
    its latest status) and every input of every run (``Store.inputs``)."""
    with _open(ref) as s:
        r = s.runs()
        done = r[r["status"] == "complete"]
        last = (done if len(done) else r)["run_id"].tolist()
        manifest = s.manifest(int(last[-1])) if last else {}
        return r, manifest, s.errors(), s.inputs()


@st.cache_data(show_spinner=False, max_entries=4)
def custom_lexicons(ref: Ref) -> list[str]:
    """The custom lexicons the store's articles were analysed with (``framing run --lexicon CSV``), in words
    (:func:`framing.corpus.staleness.custom_lexicons`); empty for a store of the bundled lexicons."""
    with _open(ref) as s:
        return staleness.custom_lexicons(s.article_versions())


def spec(chart: Any) -> dict[str, Any]:
    """An interactive chart's Vega-Lite specification as the page sends it. Not validated against the Vega-Lite
    schema here (30-60 ms a chart): every kind's specification is validated in tests/compare/test_interactive.py."""
    return chart.to_dict(validate=False)


# -- comparison tables and charts -----------------------------------------------------------------------------

FAMILY_OF = {m.name: m.family for m in METRICS}


@st.cache_data(show_spinner=False, max_entries=64)
def rate_table(ref: Ref, filters: Filters, by: str, family: str) -> pd.DataFrame:
    """The metrics of one family for every group of the filtered articles, with intervals (one family at a time),
    from the store's sums per cell (framing.compare.stored: only small groups' articles are read, to bootstrap)."""
    with _open(ref) as s:
        return store_rates(s, where=filters.where(), by=by, metrics=[family])


@st.cache_data(show_spinner=False, max_entries=64)
def role_table(ref: Ref, filters: Filters, by: str, family: str) -> pd.DataFrame:
    """A family of shares by key (speaker roles) as one row per group, ``value [lo, hi]`` per key."""
    return key_table(rate_table(ref, filters, by, family), family)


@st.cache_data(show_spinner=False, max_entries=64)
def pair_table(ref: Ref, filters: Filters, by: str, metric: str) -> pd.DataFrame:
    """Pairwise differences of the MAX_PAIR_GROUPS largest groups (of two or more articles)."""
    with _open(ref) as s:
        est = store_estimate(s, where=filters.where(), by=by, metrics=[metric], keep_reps=True)
    sizes = pd.Series(est.n_articles, index=list(est.groups))
    groups = sorted(sizes[sizes >= 2].sort_values(ascending=False, kind="stable").index[:MAX_PAIR_GROUPS].tolist())
    return pairs_of(est, DEFAULT, groups=groups or None, reference=None, correction=DEFAULT.correction)


@st.cache_data(show_spinner=False, max_entries=64)
def time_table(ref: Ref, filters: Filters, by: str, metric: str, freq: str) -> pd.DataFrame:
    with _open(ref) as s:
        return store_rates(s, where=filters.where(), by=[by, f"date:{freq}"], metrics=[metric])


def png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=CHART_DPI)
    return buf.getvalue()


class StoreTables:
    """The chart tables of a store's filtered articles, from the caches of this module (a
    :class:`framing.charts.Tables`: the charts are drawn by :func:`framing.charts.draw`, as in the CLI)."""

    def __init__(self, ref: Ref, filters: Filters, by: str) -> None:
        self.ref, self.filters, self.by = ref, filters, by

    def rates(self, select: str) -> pd.DataFrame:
        # a metric's whole family, cached once for every chart of the family
        return rate_table(self.ref, self.filters, self.by, FAMILY_OF.get(select, select))

    def pairwise(self, metric: str) -> pd.DataFrame:
        return pair_table(self.ref, self.filters, self.by, metric)

    def over_time(self, metric: str, freq: str) -> pd.DataFrame:
        return time_table(self.ref, self.filters, self.by, metric, freq)

    def distinctive_terms(self) -> pd.DataFrame:
        # summed from the store's term counts; the charts show no example (the page's table has them)
        with _open(self.ref) as s:
            return store_distinctive_terms(s, where=self.filters.where(), by=self.by, top=PAGE_TOP_TERMS, examples=False)

    def actor_labels(self) -> pd.DataFrame:
        return labels_table(self.ref, self.filters, self.by, False)[0]

    def event_view(self, event: str) -> pd.DataFrame:
        kept = kept_event(self.ref, event, self.filters)
        if kept is not None:
            return kept[0]
        a = event_articles(self.ref, event, self.filters)[0]
        ids = tuple(a["article_id"].astype(str))
        f = findings(self.ref, ids, columns=EVENT_FINDING_COLUMNS)
        return event_view(a, f, event, mentions=label_mentions(texts(self.ref, ids), f))


def _compare_params(metric_name: str, corpus: str) -> ChartParams:
    m = find_metric(metric_name)
    return ChartParams(metric=metric_name, voice=m.voice if m.voice in ("author", "quoted") else "author",
                       corpus=corpus)


@st.cache_data(show_spinner=False, max_entries=128)
def compare_chart(ref: Ref, filters: Filters, by: str, view: str, metric_name: str, corpus: str
                  ) -> tuple[dict[str, Any] | None, pd.DataFrame, tuple[str, ...]]:
    """One chart of the Compare page: its interactive Vega-Lite specification (None for a kind without one: the
    page shows its PNG), the table it shows (also the CSV download) and its warnings."""
    params, tables = _compare_params(metric_name, corpus), StoreTables(ref, filters, by)
    if chart_kind(view).interactive is None:
        c = draw(view, tables, params)
        return None, c.table.reset_index(drop=True), c.warnings
    c = draw_interactive(view, tables, params)
    return spec(c.figure), c.table.reset_index(drop=True), c.warnings


@st.cache_data(show_spinner=False, max_entries=32)
def compare_png(ref: Ref, filters: Filters, by: str, view: str, metric_name: str, corpus: str) -> bytes:
    """The same chart drawn by matplotlib, as PNG bytes (the download; drawn when it is asked for)."""
    return png(draw(view, StoreTables(ref, filters, by), _compare_params(metric_name, corpus)).figure)


# -- word choice -----------------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=32)
def terms_table(ref: Ref, filters: Filters, by: str, corpus: str) -> tuple[dict[str, Any], pd.DataFrame]:
    """The distinctive terms chart's interactive Vega-Lite specification and its table."""
    c = draw_interactive("terms", StoreTables(ref, filters, by), ChartParams(corpus=corpus))
    return spec(c.figure), c.table


@st.cache_data(show_spinner=False, max_entries=32)
def terms_by_month(ref: Ref, filters: Filters, by: str) -> bool:
    """Whether the store's monthly term counts answer these filters (else the selected texts are counted)."""
    from framing.corpus.store import term_table

    if term_table(filters.where() or None, [by]) is None:
        return False
    with _open(ref) as s:
        return bool(s.has_terms())


@st.cache_data(show_spinner=False, max_entries=32)
def terms_examples(ref: Ref, filters: Filters, by: str) -> pd.DataFrame:
    """The distinctive terms with an example of each in context (the page's table and CSV: asked for when the table
    is opened or downloaded, since finding the examples reads a text per term)."""
    with _open(ref) as s:
        return store_distinctive_terms(s, where=filters.where(), by=by, top=PAGE_TOP_TERMS)


@st.cache_data(show_spinner=False, max_entries=32)
def terms_png(ref: Ref, filters: Filters, by: str, corpus: str) -> bytes:
    """The same chart drawn by matplotlib, as PNG bytes (the download; drawn when it is asked for)."""
    return png(draw("terms", StoreTables(ref, filters, by), ChartParams(corpus=corpus)).figure)


def _sample(ids: list[str], n: int) -> tuple[list[str], bool]:
    if len(ids) <= n:
        return ids, False
    import numpy as np

    rng = np.random.default_rng(12345)
    return sorted(rng.choice(np.array(ids, dtype=object), size=n, replace=False).tolist()), True


@st.cache_data(show_spinner=False, max_entries=32)
def labels_table(ref: Ref, filters: Filters, by: str, examples: bool = True) -> tuple[pd.DataFrame, int, bool]:
    """Actor labels of the filtered articles: the table, how many articles were read and whether they were a
    sample. Summed from the store's labels per article (every selected article; ``examples`` False: without the
    example sentences, which read a text per row); a store without them (made by an older framing and opened
    read-only since) reads a seeded sample of MAX_LABEL_ARTICLES articles' texts."""
    with _open(ref) as s:
        if s.has_labels():
            where = filters.where() or None
            return store_actor_labels(s, where=where, by=by, examples=examples), s.count(where), False
        # the grouping's column only: on a large store, not every column of every article
        a = s.articles_frame(where=filters.where() or None, columns=list(dict.fromkeys([by, "source"])))
    ids, sampled = _sample(a["article_id"].astype(str).tolist(), MAX_LABEL_ARTICLES)
    tx = texts(ref, tuple(ids))
    quotes = findings(ref, tuple(ids), ("quote",))
    mentions = label_mentions(tx, quotes, article_ids=[i for i in ids if i in tx])
    return actor_labels(mentions, a[a["article_id"].astype(str).isin(set(ids))], tx, by=by), len(ids), sampled


@st.cache_data(show_spinner=False, max_entries=64)
def labels_chart(ref: Ref, filters: Filters, by: str, concept: str | None, corpus: str
                 ) -> tuple[dict[str, Any], pd.DataFrame, int, bool]:
    """The actor labels chart's interactive Vega-Lite specification, and :func:`labels_table`'s table (without
    the example sentences), articles read and whether they were a sample."""
    c = draw_interactive("labels", StoreTables(ref, filters, by), ChartParams(concept=concept, corpus=corpus))
    _, n_read, sampled = labels_table(ref, filters, by, False)
    return spec(c.figure), c.table, n_read, sampled


@st.cache_data(show_spinner=False, max_entries=32)
def labels_png(ref: Ref, filters: Filters, by: str, concept: str | None, corpus: str) -> bytes:
    """The same chart drawn by matplotlib, as PNG bytes (the download; drawn when it is asked for)."""
    return png(draw("labels", StoreTables(ref, filters, by), ChartParams(concept=concept, corpus=corpus)).figure)


@st.cache_data(show_spinner=False, max_entries=16)
def upload_rates(ref: Ref, uploaded: pd.DataFrame, metric: str) -> pd.DataFrame:
    """A metric for the corpus' groups and the uploaded articles' own groups ("... (uploaded)"); the corpus'
    articles in a language the engine does not read are left out, as the uploaded ones are (``unread_language``)."""
    base = all_articles(ref)
    return rates(with_uploads(base[~unread_language(base)], uploaded), by="source", metrics=[metric])


# -- same event ------------------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=16)
def events(ref: Ref, filters: Filters) -> pd.DataFrame:
    """The events that the filtered articles belong to, with those articles' counts, sources, dates and headline."""
    with _open(ref) as s:  # aggregated in DuckDB
        return ordered_events(s.events_table(filters.where() or None))


def _of_event(filters: Filters, event: str) -> Filters:
    """The filtered articles of one event (the event filter, if any, gives way to the event)."""
    return dataclasses.replace(filters, events=(event,))


@st.cache_data(show_spinner=False, max_entries=64)
def event_articles(ref: Ref, event: str, filters: Filters) -> tuple[pd.DataFrame, int]:
    """The articles of one event (of those ``filters`` select) that the Same event page compares, and how many the
    event has: all of them, or for an event of more than :data:`MAX_EVENT_ARTICLES`, each outlet's first ones by
    date (then id), an equal share each (two at least). Only the page's columns (``EVENT_ARTICLE_COLUMNS``)."""
    with _open(ref) as s:
        a = s.articles_frame(where=_of_event(filters, event).where(), columns=EVENT_ARTICLE_COLUMNS)
    return compared_articles(a, MAX_EVENT_ARTICLES), len(a)


@st.cache_data(show_spinner=False, max_entries=64)
def event_tables(ref: Ref, event: str, filters: Filters, corpus: str
                 ) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame]:
    """One event: the interactive chart's Vega-Lite specification, the outlets side by side, and its articles (those
    :func:`event_articles` compares, of the filtered articles)."""
    c = draw_interactive("event", StoreTables(ref, _of_event(filters, event), "source"),
                         ChartParams(event=event, corpus=corpus))
    return spec(c.figure), c.table, event_articles(ref, event, filters)[0]


@st.cache_data(show_spinner=False, max_entries=32)
def event_png(ref: Ref, event: str, filters: Filters, corpus: str) -> bytes:
    """The same chart drawn by matplotlib, as PNG bytes (the download; drawn when it is asked for)."""
    return png(draw("event", StoreTables(ref, _of_event(filters, event), "source"),
                    ChartParams(event=event, corpus=corpus)).figure)


@st.cache_data(show_spinner=False, max_entries=32)
def event_coverage(ref: Ref, event: str, filters: Filters) -> Any:
    """One event's coverage (framing.compare.coverage): speakers by outlet, shared and unique sentences, content
    each outlet lacks (of the articles :func:`event_articles` compares, of the filtered articles)."""
    kept = kept_event(ref, event, filters)
    if kept is not None:
        return kept[1]
    a = event_articles(ref, event, filters)[0]
    ids = tuple(a["article_id"].astype(str))
    return coverage_of(a, findings(ref, ids, columns=EVENT_FINDING_COLUMNS), texts(ref, ids), event)


@st.cache_data(show_spinner=False, max_entries=4)
def kept_event(ref: Ref, event: str, filters: Filters) -> tuple[pd.DataFrame, Any] | None:
    """The event's outlets' table and coverage as the store keeps them for the page's first view (a large store,
    after a complete run: framing.compare.stored.keep_event_view), when no filter but the event applies; else None
    (computed)."""
    if dataclasses.replace(filters, events=()).where():
        return None
    with _open(ref) as s:
        return kept_event_view(s, event)


# -- lexicons --------------------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def lexicon(name: str) -> Any:
    return load_lexicon(name)


Edit = tuple[str, str, float, str, str]  # term, category, weight, neutral, note


def edited_lexicons(added: tuple[Edit, ...], disabled: tuple[str, ...]) -> Any:
    entries = [entry(t, c, w, neutral=n or None, note=note) for t, c, w, n, note in added]
    return edit_lexicons(entries, disabled)


@st.cache_data(show_spinner=False, max_entries=32)
def rescored(ref: Ref, article_ids: tuple[str, ...], added: tuple[Edit, ...], disabled: tuple[str, ...]) -> Any:
    tx = texts(ref, article_ids)
    src = dict(zip(all_articles(ref)["article_id"].astype(str), all_articles(ref)["source"], strict=True))
    return rescore({i: tx[i] for i in article_ids if i in tx}, edited_lexicons(added, disabled), sources=src)
