"""Speed of the dashboard's Compare page on a store of 50,000 analysed articles (budget: < 2 s after a filter change).

The store is the real AllSides subset (``../shared/data/allsides_articles/subset_articles.jsonl.gz``, 5,063
articles) repeated with distinct ids until it has N articles; each copy's text gets a distinct last line
(``Copy 7.``) so that the copies are not set aside as duplicates, and every copy is analysed by the engine
through ``framing run`` (2 workers). Building it takes a while on two cores, so it is built once and kept in
``.cache/framing/bench/`` (``--rebuild`` to start again).

Then, for a sequence of filter changes (sources, leaning, date range, topic, grouping, metric), it times the
Compare page's data path as the dashboard runs it on a cache miss (``dashboards/data.py`` calls the same library
functions): the store query with the filters as SQL (``Store.articles_frame(where=...)``), the rates with
bootstrap intervals (``framing.compare.rates``), the interactive chart (``framing.interactive``: the Vega-Lite
specification the page sends) and the table as CSV; apart, the matplotlib chart rendered to PNG (the page's PNG
download, drawn when it is clicked). With ``--apptest`` it also times a whole run of the Compare page in Streamlit's ``AppTest`` (the script
run, without a browser) after each filter change; with ``--browser``, clicks on the filters in Chromium against
``framing dashboard --db``, from the click to the new chart on screen (its SVG changed and the script run over);
with ``--first-views``, every page's first view in Chromium against a new server (:func:`first_views`).

    python benchmarks/dashboard_speed.py                   # build (first time), then measure
    python benchmarks/dashboard_speed.py --build-only
    python benchmarks/dashboard_speed.py --apptest --browser --repeat 5
    python benchmarks/dashboard_speed.py --replicate 1000000 --pages   # a million articles, every page
    python benchmarks/dashboard_speed.py --replicate 1000000 --no-compare --first-views --repeat 3

With ``--replicate N`` the store is the analysed subset replicated in SQL to N articles (benchmarks/replicate_store.py:
distinct ids, texts and content hashes, the findings and counts `framing run` gives each copy); ``--pages`` also times
the other pages' data paths (filter options, Overview, Same event, the explorer's search and outlet comparison).

Not a test: run it by hand, preferably on an otherwise idle machine; it prints the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import SUBSET, build_corpus  # benchmarks/_common.py: a script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]

MAPPING = ["--text-field", "content_original", "--leaning-field", "bias_text", "--event-field", "group_key"]
CACHE = ROOT / ".cache" / "framing" / "bench"
# A replicated store's copies have their dates moved within a year around the original (replicate_store.py): so
# that its cells (source, leaning, topic, event, language, day) are about as many as a corpus of that size has,
# not those of the 5,063 articles replicated.
SPREAD_DAYS = 365




def build_store(n: int, workers: int, rebuild: bool) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    corpus = CACHE / f"allsides_x{n}.jsonl.gz"
    db = CACHE / f"allsides_x{n}.duckdb"
    if rebuild:
        for f in (corpus, db, Path(f"{db}.wal")):
            f.unlink(missing_ok=True)
    if not corpus.exists():
        build_corpus(n, corpus)
    from framing.workspace import store_ready

    if store_ready(db):
        # Kept as it is even if the engine changed since (a new `framing run` would analyse everything again):
        # the dashboard's speed depends on the store's size, not on the engine version.
        print(f"store: {db} ({db.stat().st_size / 2**20:.0f} MB), built before; --rebuild to build it again")
        return db
    # `framing run` resumes an interrupted run: running it again after a kill loses little.
    cmd = [sys.executable, "-m", "framing", "run", str(corpus), "--db", str(db), "--workers", str(workers),
           "--no-progress", *MAPPING]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"framing run failed ({proc.returncode}):\n{proc.stderr}")
    line = next((s for s in proc.stderr.splitlines() if " complete" in s), proc.stderr.strip())
    print(f"store: {db} ({db.stat().st_size / 2**20:.0f} MB); {line} [{time.perf_counter() - t0:.0f} s]")
    return db




def replicated_store(n: int, workers: int, rebuild: bool) -> Path:
    """A store of ``n`` articles made in minutes: the AllSides subset analysed once by `framing run` (5,063
    articles), then its rows replicated in DuckDB SQL as distinct copies (benchmarks/replicate_store.py)."""
    from replicate_store import replicate

    from framing.workspace import store_ready

    db = CACHE / f"allsides_r{n}_spread{SPREAD_DAYS}.duckdb"
    if rebuild:
        db.unlink(missing_ok=True)
    if store_ready(db):
        print(f"store: {db} ({db.stat().st_size / 2**30:.1f} GB), replicated before; --rebuild to do it again")
        return db
    base = build_store(5063, workers, False)
    t0 = time.perf_counter()
    replicate(base, db, n, spread_days=SPREAD_DAYS)
    print(f"store: {db} ({db.stat().st_size / 2**30:.1f} GB); {n:,} articles replicated from {base.name} in "
          f"{time.perf_counter() - t0:.0f} s (load average {os.getloadavg()[0]:.1f})")
    return db


def page_paths(db: Path, sources: list[str], repeat: int) -> None:
    """The other pages' work on a cache miss, as dashboards/cached.py and the pages run it: each step timed
    (median of ``repeat``, seconds, with the load average), and the rows it read."""
    import pandas as pd

    from framing.compare import events_table
    from framing.compare.metrics import HEADLINE
    from framing.compare.stats import rate_columns
    from framing.corpus import open_store
    from framing.explore import Filters, article_vs_outlet, corpus_summary, search_articles, sources_table

    def every_article() -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            return st.articles_frame()

    def options_sql() -> dict:
        with open_store(db, read_only=True) as st:
            return st.distinct_values(["source", "leaning", "topic", "event", "language", "date"])

    def overview_sql() -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            st.summary()
            return st.sources_table()

    def event_columns() -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            return st.articles_frame(columns=["event", "date", "source", "title", "lt_author", "n_words"])

    def events_sql() -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            return st.events_table()

    with open_store(db, read_only=True) as st:  # the last article of the largest source, by id
        last = str(st.con.execute("SELECT max(article_id) FROM articles WHERE source = ?", [sources[0]]).fetchone()[0])

    def one_article(aid: str) -> int:
        with open_store(db, read_only=True) as st:
            return len(st.report(aid)["findings"])

    def search_sql(query: str, filters: Filters) -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            return st.search(query, filters.where(), limit=200,
                             columns=("source", "title", "date", "url", "event", "topic", "leaning", "n_words"))

    def search_pandas(query: str, filters: Filters) -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            pool = st.articles_frame(where=filters.where()) if filters.where() else st.articles_frame()
        return search_articles(pool, query, limit=200)

    def outlet(source: str) -> pd.DataFrame:
        with open_store(db, read_only=True) as st:
            a = st.articles_frame(where=Filters(sources=(source,)).where(), columns=rate_columns(HEADLINE, "source"))
        return article_vs_outlet(str(a["article_id"].iloc[0]), a)

    steps: list[tuple[str, Any]] = [
        ("every page, filter options: every article read (before)", lambda: len(every_article())),
        ("every page, filter options: distinct values in SQL (after)", lambda: len(options_sql()["source"])),
        ("Overview: corpus summary and sources table, every article read (before)",
         lambda: (corpus_summary(a := every_article()), len(sources_table(a)))[1]),
        ("Overview: corpus summary and sources table in SQL (after)", lambda: len(overview_sql())),
        ("Same event: the events table, every article read (before)", lambda: len(events_table(every_article()))),
        ("Same event: the events table, 6 columns read (2026-12-03)", lambda: len(events_table(event_columns()))),
        ("Same event: the events table in SQL (Store.events_table, after)", lambda: len(events_sql())),
        ("Explorer: search 'trump' in every article, pandas (before)", lambda: len(search_pandas("trump", Filters()))),
        ("Explorer: search 'trump' in every article, SQL (after)", lambda: len(search_sql("trump", Filters()))),
        ("Explorer: search 'biden border' + leaning left (SQL)",
         lambda: len(search_sql("biden border", Filters(leanings=("left",))))),
        ("Explorer: no query, first view (SQL)", lambda: len(search_sql("", Filters()))),
        (f"Explorer: article beside its outlet ({sources[0]})", lambda: len(outlet(sources[0]))),
        (f"Explorer: one article's report and text by id ({sources[0]}; its findings rows)",
         lambda: one_article(last)),
    ]
    print(f"\nOther pages' data paths on a cache miss (median of {repeat}; \"before\" rows: one run; seconds)\n")
    print("| step | rows | seconds | load average |")
    print("|---|---:|---:|---:|")
    for name, fn in steps:
        times, rows = [], 0
        # the "before" paths read every article: once is enough to see it (minutes on a million articles)
        for _ in range(1 if "(before)" in name else repeat):
            t0 = time.perf_counter()
            rows = fn()
            times.append(time.perf_counter() - t0)
        print(f"| {name} | {rows:,} | {statistics.median(times):.2f} | {os.getloadavg()[0]:.1f} |", flush=True)


def filter_changes(sources: list[str], topics: list[str]) -> list[tuple[str, dict]]:
    """A user's session on the Compare page: each step changes one filter (the state accumulates)."""
    from framing.explore import Filters

    f0 = Filters()
    f1 = Filters(sources=tuple(sources[:8]))
    f2 = Filters(sources=tuple(sources[:8]), leanings=("left", "right"))
    # AllSides' busiest years are 2019-2020 (a few dates are wrong: year 1 or 2050)
    f3 = Filters(sources=tuple(sources[:8]), leanings=("left", "right"), date_from="2019-01-01",
                 date_to="2020-06-30")
    f4 = Filters(topics=tuple(topics[:3]))
    f5 = Filters(topics=tuple(topics[:3]), date_from="2019-01-15", date_to="2020-06-14")
    return [
        ("all articles, by source", {"filters": f0, "by": "source", "metric": "loaded_author_rate"}),
        ("8 sources", {"filters": f1, "by": "source", "metric": "loaded_author_rate"}),
        ("+ leaning left, right", {"filters": f2, "by": "source", "metric": "loaded_author_rate"}),
        ("+ 18 months", {"filters": f3, "by": "source", "metric": "loaded_author_rate"}),
        ("3 topics, by leaning", {"filters": f4, "by": "leaning", "metric": "loaded_author_rate"}),
        ("3 topics, by leaning, scare quotes", {"filters": f4, "by": "leaning", "metric": "quotes_scare_rate"}),
        ("all articles, by leaning, anonymous share", {"filters": f0, "by": "leaning",
                                                       "metric": "source_anonymous_share"}),
        # not whole months: the day cells (the steps above are answered by the month cells)
        ("3 topics, by leaning, 2019-01-15 to 2020-06-14", {"filters": f5, "by": "leaning",
                                                            "metric": "loaded_author_rate"}),
    ]


# How the Compare page's rates are computed: from the store's cells (the page today), from the articles table with
# the same SQL sums (what a filter outside the cells' keys gets), or as before 2026-12-03: every selected article's
# columns read and bootstrapped (the article bootstrap for every group, whatever its size).
PATHS = ("cells", "articles", "bootstrap")


def data_path(db: Path, step: dict[str, Any], path: str = "cells") -> dict[str, float]:
    """The Compare page's work on a cache miss, step by step (what dashboards/cached.py runs), with CPU time."""
    import resource
    from dataclasses import replace

    from framing import interactive, plots
    from framing.compare import METRICS, rates
    from framing.compare.settings import DEFAULT
    from framing.compare.stats import rate_columns, rate_table
    from framing.compare.stored import store_estimate
    from framing.corpus import open_store

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    family = next(m.family for m in METRICS if m.name == step["metric"])
    where = step["filters"].where()
    t0, c0 = time.perf_counter(), cpu()
    with open_store(db, read_only=True) as st:
        t1 = time.perf_counter()
        if path == "bootstrap":
            articles = st.articles_frame(where=where, columns=rate_columns([family], step["by"]))
            t2 = time.perf_counter()
            r = rates(articles, by=step["by"], metrics=[family], config=replace(DEFAULT, normal_min_articles=10**12))
            rows = len(articles)
        else:
            if path == "articles":  # the same sums, from the articles table
                sums = st.group_sums
                st.group_sums = lambda w, b, m: sums(w, b, m, use_cells=False)  # type: ignore[method-assign]
            est = store_estimate(st, where=where, by=step["by"], metrics=[family])
            t2 = time.perf_counter()  # (the small groups' articles are read inside, for their bootstrap)
            r = rate_table(est, DEFAULT)
            rows = int(est.n_articles.sum())
    t3 = time.perf_counter()
    c3 = cpu()
    interactive.rates_chart(r, step["metric"], corpus="AllSides").to_dict()
    r[r["metric"] == step["metric"]].to_csv(index=False)
    t4 = time.perf_counter()
    fig = plots.plot_rates(r, step["metric"], corpus="AllSides")
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    t5 = time.perf_counter()
    methods = r.drop_duplicates("group")["interval"].value_counts().to_dict()
    return {"open": t1 - t0, "query": t2 - t1, "rates": t3 - t2, "chart": t4 - t3, "total": t4 - t0,
            "png": t5 - t4, "rows": rows, "cpu": c3 - c0, "groups": len(r["group"].unique()),
            "normal": methods.get(NORMAL_NAME, 0)}


NORMAL_NAME = "delta-method normal"


def apptest_runs(db: Path, steps: list[tuple[str, dict]], repeat: int) -> tuple[float, list[tuple[str, float, float]]]:
    """Time the Compare page's script run in AppTest after each filter change (widgets set as a user would),
    then the same view again. Each repeat starts from cleared caches with a first load of the page (timed
    apart: the unfiltered view, every article of the store)."""
    import datetime as dt

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["FRAMING_DB"] = str(db)
    os.environ.pop("FRAMING_CORPUS", None)
    family = {"loaded_author_rate": "loaded", "quotes_scare_rate": "quotes", "source_anonymous_share": "source_type"}
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in steps}
    first: list[float] = []
    for _ in range(repeat):
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "dashboards" / "app.py"), default_timeout=300)
        at.switch_page("views/compare.py")
        t0 = time.perf_counter()
        at.run()
        first.append(time.perf_counter() - t0)
        full = at.date_input(key="dates").value
        for name, step in steps:
            f = step["filters"]
            at.multiselect(key="source").set_value(list(f.sources))
            at.multiselect(key="leaning").set_value(list(f.leanings))
            at.multiselect(key="topic").set_value(list(f.topics))
            at.date_input(key="dates").set_value(
                (dt.date.fromisoformat(f.date_from), dt.date.fromisoformat(f.date_to)) if f.date_from else full)
            at.selectbox(key="_url_by").set_value(step["by"])
            at.selectbox(key="_url_family").set_value(family[step["metric"]])  # its headline metric is shown
            t0 = time.perf_counter()
            at.run()
            times[name][0].append(time.perf_counter() - t0)
            if at.exception or at.error:
                raise SystemExit(f"the Compare page failed: {(at.exception or at.error)[0].value}")
            assert at.selectbox(key="_url_metric").value == step["metric"], at.selectbox(key="_url_metric").value
            t0 = time.perf_counter()
            at.run()
            times[name][1].append(time.perf_counter() - t0)
    return statistics.median(first), [(name, statistics.median(times[name][0]), statistics.median(times[name][1]))
                                      for name, _ in steps]


# Chromium's flags for the browser benchmarks (Debian's browser, nothing fetched in the background).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, seconds: float = 90.0) -> None:
    """Wait until the Streamlit server at ``url`` answers its health check (at most ``seconds``)."""
    import urllib.request

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.1)


def browser_runs(db: Path, repeat: int, page: str = "compare", from_menu: bool = False
                 ) -> list[tuple[str, float, float]]:
    """Time filter changes in Chromium (Debian's, through Playwright) against `framing dashboard --db` on the Compare
    page or the Word choice page (``page="words"``): from the click that changes the view (on the option; opening
    the widget is not timed) to the new (first) interactive chart on screen, and to the script run finished (on
    Word choice, the actor labels and the rest of the page follow the chart).
    The first row is the page's first view: from opening the page's address (a new page load in the browser), or
    with ``from_menu`` from a click on its link in the sidebar's menu (the app already loaded, as when a user moves
    from page to page), to its chart. Each repeat is a fresh server process."""
    import contextlib
    import signal

    from playwright.sync_api import sync_playwright

    chart = '[data-testid="stMain"] [data-testid="stVegaLiteChart"] svg'
    idle = ("() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
            " return a && a.getAttribute('data-test-script-state') === 'notRunning'; }")
    changed = ("(b) => { const s = document.querySelector('[data-testid=\"stMain\"] "
               "[data-testid=\"stVegaLiteChart\"] svg'); return s && s.outerHTML !== b; }")

    # Each action opens its widget (not timed: the user's own time), then clicks the option that changes the view:
    # the time runs from that click.
    def multiselect(label: str, option: str) -> tuple[Any, Any, Any]:
        def open_it(pg) -> None:  # noqa: ANN001
            pg.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text=label).click()
            pg.keyboard.type(option)  # long option lists are virtualised: filter first

        return (open_it, lambda pg: pg.get_by_role("option", name=option, exact=True).click(),
                lambda pg: pg.keyboard.press("Escape"))

    def selectbox(label: str, option: str) -> tuple[Any, Any, Any]:
        return (lambda pg: pg.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(
                    has_text=label).click(),
                lambda pg: pg.get_by_role("option", name=option, exact=True).click(), lambda pg: None)

    def radio(name: str) -> tuple[Any, Any, Any]:
        return (lambda pg: None, lambda pg: pg.get_by_role("radio", name=name, exact=True).click(), lambda pg: None)

    actions = [
        ("leaning: left", multiselect("Leaning", "left")),
        ("leaning: + right", multiselect("Leaning", "right")),
        ("topic: elections", multiselect("Topic", "elections")),
        ("compare by leaning", selectbox("Compare by", "Leaning")),
        ("compare by topic", selectbox("Compare by", "Topic")),
    ] if page == "words" else [
        ("leaning: left", multiselect("Leaning", "left")),
        ("leaning: + right", multiselect("Leaning", "right")),
        ("topic: elections", multiselect("Topic", "elections")),
        ("compare by leaning", selectbox("Compare by", "Leaning")),
        ("chart: differences", radio("Differences")),
        ("finding category: quotations", selectbox("Finding category", "Quotations")),
    ]
    first = "first view of the page" + (" (from the sidebar's menu)" if from_menu else " (from its address)")
    title = {"compare": "Compare sources", "words": "Word choice"}[page]
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in [first, *(n for n, _ in actions)]}
    for _ in range(repeat):
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "framing", "dashboard", "--db", str(db), "--port", str(port)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _wait_healthy(f"http://127.0.0.1:{port}")
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                pg = b.new_page(viewport={"width": 1440, "height": 1000})
                pg.goto(f"http://127.0.0.1:{port}/")  # the server up, its first page shown
                pg.wait_for_function(idle, timeout=300_000)
                t0 = time.perf_counter()
                if from_menu:
                    pg.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).click()
                else:
                    pg.goto(f"http://127.0.0.1:{port}/{page}")
                pg.wait_for_selector(chart, timeout=300_000)
                times[first][0].append(time.perf_counter() - t0)
                pg.wait_for_function(idle, timeout=300_000)
                times[first][1].append(time.perf_counter() - t0)
                for name, (open_it, click, close) in actions:
                    before = pg.locator(chart).first.evaluate("s => s.outerHTML")
                    open_it(pg)
                    t0 = time.perf_counter()
                    click(pg)
                    pg.wait_for_function(changed, arg=before, timeout=300_000)
                    times[name][0].append(time.perf_counter() - t0)
                    pg.wait_for_function(idle, timeout=300_000)
                    times[name][1].append(time.perf_counter() - t0)
                    close(pg)
                b.close()
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    return [(name, statistics.median(a), statistics.median(b)) for name, (a, b) in times.items()]


# Each page's title in the sidebar's menu and its address.
PAGES = [("Overview", ""), ("Compare sources", "compare"), ("Article explorer", "explorer"),
         ("Word choice", "words"), ("Same event", "event"), ("Lexicons", "lexicons")]
# A view is done when the script run is over and every chart of the page has drawn: the time of the last change seen
# (the script's state, the charts drawn, the length of the page's text), polling every 20 ms until QUIET s pass
# without one.
QUIET = 1.5
# Seconds between the server's start and a later visitor's first page load (first_views).
LATE_VISIT = 3.0
_VIEW_STATE = ("() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
               " const c = [...document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stVegaLiteChart\"]')];"
               " const m = document.querySelector('[data-testid=\"stMain\"]');"
               " return [a ? a.getAttribute('data-test-script-state') : null, c.length,"
               " c.filter(e => e.querySelector('svg, canvas')).length, m ? m.innerText.length : 0]; }")


def _settled(pg: Any, t0: float) -> float:
    """Seconds from ``t0`` to the view on screen (see :data:`QUIET`)."""
    last: Any = None
    t_last = t0
    ran = False
    while True:
        state = pg.evaluate(_VIEW_STATE)
        now = time.perf_counter()
        ran = ran or state[0] == "running"
        if state != last:
            last, t_last = state, now
        if state[0] == "notRunning" and (ran or now - t0 > 5) and state[1] == state[2] and now - t_last > QUIET:
            return t_last - t0
        time.sleep(0.02)


def first_views(db: Path, repeat: int) -> list[tuple[str, list[float]]]:
    """Every page's first view in Chromium, as a user meets them, each on a new `framing dashboard --db` server in a
    new browser (no page of the app in its cache). Per repeat: for each page, a server whose Overview is opened from
    its address at once after the server answers its health check, then the page from the sidebar's menu (its first
    view, and the first page with the sidebar's filters: they are worked out then), then the page again from its
    address (a new page load, the browser's cache and the server's answers warm), then the Overview in a second new
    browser (a new visitor of a warm server); a server whose Overview is opened :data:`LATE_VISIT` s after it
    answers (a user who clicks the address it printed); and, for scale, a server of a bare Streamlit app of two lines,
    opened the same way. The browser is started before the server, so that "at once" is at once. Each time runs to
    the view on screen (:func:`_settled`): a table's grid is not waited for, a chart counts once it has its SVG."""
    import contextlib
    import shutil
    import signal
    import tempfile

    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}

    def add(name: str, secs: float) -> None:
        times.setdefault(name, []).append(secs)

    bare = Path(tempfile.mkdtemp(prefix="framing-bare-")) / "bare.py"
    bare.write_text('import streamlit as st\nst.title("A bare app")\nst.write("One line.")\n', encoding="utf-8")
    # (what is opened, its page): a page of the menu; "late", the Overview a while after the start; "bare"
    plan = [x for _ in range(repeat) for x in [*PAGES[1:], ("late", ""), ("bare", "")]]
    with sync_playwright() as p:
        for title, path in plan:
            # the browser first, then the server: "at once" is then the health check's answer plus a new context
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            t0 = time.perf_counter()
            cmd = [sys.executable, "-m", "framing", "dashboard", "--db", str(db), "--port", str(port)] \
                if title != "bare" else [sys.executable, "-m", "streamlit", "run", str(bare), "--server.port",
                                         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            try:
                _wait_healthy(url)
                if title == "late":  # a visitor who opens the address a few seconds after the server answered
                    time.sleep(LATE_VISIT)
                elif title != "bare":
                    add("server start (until its health check answers)", time.perf_counter() - t0)
                pg = b.new_context(viewport={"width": 1440, "height": 1000}).new_page()
                t0 = time.perf_counter()
                pg.goto(f"{url}/", wait_until="commit")
                first = _settled(pg, t0)
                if title == "bare":
                    add("for scale: a bare Streamlit app (a title and a line), new server, new browser", first)
                elif title == "late":
                    add(f"Overview, from its address ({LATE_VISIT:.0f} s after the server answered)", first)
                else:
                    add("Overview, from its address (at once)", first)
                    t0 = time.perf_counter()
                    pg.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).click()
                    add(f"{title}, from the menu after the Overview (its first view)", _settled(pg, t0))
                    t0 = time.perf_counter()
                    pg.goto(f"{url}/{path}", wait_until="commit")
                    add(f"{title}, from its address again", _settled(pg, t0))
                    pg2 = b.new_context(viewport={"width": 1440, "height": 1000}).new_page()
                    t0 = time.perf_counter()
                    pg2.goto(f"{url}/", wait_until="commit")
                    add("Overview, another new browser (warm server)", _settled(pg2, t0))
            finally:
                b.close()
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
    shutil.rmtree(bare.parent, ignore_errors=True)
    order = sorted(times, key=lambda k: (not k.startswith("server"), "again" in k, not k.startswith("Overview")))
    return [(k, times[k]) for k in order]


def word_choice_paths(db: Path, steps: list[tuple[str, dict]], repeat: int, before: bool) -> None:
    """The Word choice page's work on a cache miss after each filter change, as dashboards/cached.py runs it:
    the article count; the distinctive terms from the store's term counts (``store_distinctive_terms`` without
    examples: DuckDB sums and the first terms of each group ranked, then ranked in numpy; a date range that is
    not whole months widened to whole months, as the page does unless "Count the exact days" is on) and their
    interactive chart (the Vega-Lite specification the page sends); the actor labels (``store_actor_labels``
    without examples: every selected article's labels summed in DuckDB from ``article_labels``) and their
    interactive chart. Apart: what opening a table adds (the examples' texts read by id) and the PNG downloads. With
    ``before``, also the pages before 2026-12-04 (terms: every text read and counted once per server, timed once,
    then the filter's terms scored from those counts) and 2026-12-05 (actor labels: a seeded sample of 3,000
    articles' texts and quotations read, then matched)."""
    import io
    import resource

    from framing.charts import ChartParams, draw, draw_interactive
    from framing.compare import actor_labels, count_terms, distinctive_terms, label_mentions
    from framing.compare.stored import store_actor_labels, store_distinctive_terms
    from framing.corpus import open_store
    from framing.corpus.store import TERM_TABLES, term_table

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    class Tables:
        def __init__(self, terms: Any = None, labels: Any = None) -> None:
            self.terms, self.labels = terms, labels

        def distinctive_terms(self) -> Any:
            return self.terms

        def actor_labels(self) -> Any:
            return self.labels

    with open_store(db, read_only=True) as st:
        for table in (*TERM_TABLES, "article_labels"):
            print(f"{table} table: {st.con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]:,} rows")
    counts = texts = None
    if before:
        t0 = time.perf_counter()
        with open_store(db, read_only=True) as st:
            texts = st.texts(st.articles_frame(columns=["article_id"])["article_id"])
        counts = count_terms(texts, ngrams=2, min_count=5)
        print(f"before: every text read and counted once per server: {time.perf_counter() - t0:.1f} s "
              f"({len(texts):,} texts, {len(counts.terms):,} terms seen 5 times or more)")
    print(f"\nWord choice page data path on a cache miss (median of {repeat}; seconds; CPU: the process's user + "
          "system seconds for the terms)\n")
    print("| filter change | by | articles | term table | distinctive terms | CPU | interactive chart | actor labels "
          "| labels chart | **count + terms + labels + charts** | terms table opened (examples) | labels table opened "
          "(example sentences) | PNGs on download (terms; labels) | before: labels sample read + matched | "
          "before: terms from the counts in memory | load |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    seen = set()
    for name, step in steps:
        f, by = step["filters"], step["by"]
        if (f, by) in seen:
            continue
        seen.add((f, by))
        where = f.where() or None
        months = f.whole_months()
        tf = months if months != f and term_table(months.where() or None, [by]) else f  # as the page counts them
        twhere = tf.where() or None
        keys = ("count", "terms", "cpu", "chart", "labels", "labels_chart", "examples", "sentences", "png",
                "labels_png", "sample", "before")
        rec: dict[str, list[float]] = {k: [] for k in keys}
        n = 0
        # a filter the term tables cannot answer counts the selected texts (minutes on a million articles): once
        for _ in range(repeat if term_table(twhere, [by]) else 1):
            c0, t0 = cpu(), time.perf_counter()
            with open_store(db, read_only=True) as st:
                n = st.count(f.where())
                t1 = time.perf_counter()
                terms = store_distinctive_terms(st, where=twhere, by=by, top=15, examples=False)
            t2 = time.perf_counter()
            rec["cpu"].append(cpu() - c0)
            draw_interactive("terms", Tables(terms), ChartParams(corpus="b")).figure.to_dict()
            t3 = time.perf_counter()
            with open_store(db, read_only=True) as st:
                labels = store_actor_labels(st, where=where, by=by, examples=False)
            t4 = time.perf_counter()
            draw_interactive("labels", Tables(labels=labels), ChartParams(corpus="b")).figure.to_dict()
            t5 = time.perf_counter()
            with open_store(db, read_only=True) as st:  # the tables opened: the same with examples
                store_distinctive_terms(st, where=twhere, by=by, top=15)
                t6 = time.perf_counter()
                store_actor_labels(st, where=where, by=by)
            t7 = time.perf_counter()
            draw("terms", Tables(terms), ChartParams(corpus="b")).figure.savefig(io.BytesIO(), format="png", dpi=110)
            t8 = time.perf_counter()
            draw("labels", Tables(labels=labels), ChartParams(corpus="b")).figure.savefig(io.BytesIO(), format="png",
                                                                                       dpi=110)
            t9 = time.perf_counter()
            for key, a, b in (("count", t0, t1), ("terms", t1, t2), ("chart", t2, t3), ("labels", t3, t4),
                              ("labels_chart", t4, t5), ("examples", t5, t6), ("sentences", t6, t7), ("png", t7, t8),
                              ("labels_png", t8, t9)):
                rec[key].append(b - a)
            if before:  # the labels before 2026-12-05: a seeded sample of 3,000 articles' texts read and matched
                t0 = time.perf_counter()
                with open_store(db, read_only=True) as st:
                    a = st.articles_frame(where=where, columns=list(dict.fromkeys([by, "source"])))
                    ids = a["article_id"].astype(str).tolist()
                    if len(ids) > 3000:
                        import numpy as np

                        rng = np.random.default_rng(12345)
                        ids = sorted(rng.choice(np.array(ids, dtype=object), size=3000, replace=False).tolist())
                    tx = st.texts(ids)
                    quotes = st.findings_frame(article_ids=ids, types=["quote"])
                actor_labels(label_mentions(tx, quotes, article_ids=ids), a[a["article_id"].isin(set(ids))], tx,
                             by=by)
                rec["sample"].append(time.perf_counter() - t0)
            if counts is not None:
                t0 = time.perf_counter()
                with open_store(db, read_only=True) as st:
                    arts = st.articles_frame(where=where)
                distinctive_terms(arts, texts, by=by, counts=counts, top=15)
                rec["before"].append(time.perf_counter() - t0)
        med = {k: statistics.median(v) if v else float("nan") for k, v in rec.items()}
        table = term_table(twhere, [by]) or "(texts counted)"
        if tf is not f:
            table += f" (whole months, {tf.date_from} to {tf.date_to})"
        page = med["count"] + med["terms"] + med["chart"] + med["labels"] + med["labels_chart"]
        print(f"| {name} | {by} | {n:,} | {table} | {med['terms']:.2f} | {med['cpu']:.2f} | {med['chart']:.2f} | "
              f"{med['labels']:.2f} | {med['labels_chart']:.2f} | **{page:.2f}** | {med['examples']:.2f} | "
              f"{med['sentences']:.2f} | {med['png']:.2f}; {med['labels_png']:.2f} | {med['sample']:.2f} | "
              f"{med['before']:.2f} | {os.getloadavg()[0]:.1f} |", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--workers", type=int, default=2, help="workers for building the store (default 2)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--replicate", type=int, metavar="N",
                    help="measure a store of N articles made by replicating the analysed AllSides subset in SQL "
                         "(benchmarks/replicate_store.py; minutes rather than hours), instead of --articles")
    ap.add_argument("--pages", action="store_true", help="also time the other pages' data paths")
    ap.add_argument("--paths", default="cells,articles,bootstrap",
                    help="the Compare data paths to time, comma-separated: cells (the page), articles (the same sums "
                         "from the articles table), bootstrap (before: every article resampled); default all three")
    ap.add_argument("--bootstrap-repeat", type=int, default=3, metavar="N",
                    help="run the bootstrap path at most N times per step (a minute each on a million articles)")
    ap.add_argument("--no-compare", action="store_true", help="skip the Compare page's data path")
    ap.add_argument("--words", action="store_true", help="also time the Word choice page's data path")
    ap.add_argument("--words-before", action="store_true",
                    help="with --words, also the page before: every text counted in memory (20 s for 5,063 articles), and the actor labels of a sample of 3,000 articles read and matched")
    ap.add_argument("--rebuild", action="store_true", help="build the corpus and the store again")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--apptest", action="store_true", help="also time whole runs of the page in AppTest")
    ap.add_argument("--browser", action="store_true", help="also time filter changes in Chromium (/usr/bin/chromium)")
    ap.add_argument("--browser-page", choices=("compare", "words"), default="compare",
                    help="the page --browser clicks on (default compare)")
    ap.add_argument("--first-views", action="store_true",
                    help="time every page's first view in Chromium against a new server (--repeat servers)")
    ap.add_argument("--browser-menu", action="store_true",
                    help="with --browser, open the page from the sidebar's menu (the app loaded) rather than from its "
                         "address (a new page load)")
    args = ap.parse_args()
    args.paths = [p for p in args.paths.split(",") if p]
    if bad := [p for p in args.paths if p not in PATHS]:
        ap.error(f"unknown path(s) {bad}; valid paths are {list(PATHS)}")
    if not SUBSET.exists():
        print(f"needs {SUBSET} (the project's shared data)", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    db = (replicated_store(args.replicate, args.workers, args.rebuild) if args.replicate
          else build_store(args.articles, args.workers, args.rebuild))
    if args.build_only:
        return 0

    from framing.corpus import open_store

    with open_store(db, read_only=True) as st:
        a = st.articles_frame(where={"source": []})  # columns only
        counts = st.con.execute("SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC").fetchall()
        topics = [r[0] for r in st.con.execute("SELECT topic, count(*) FROM articles WHERE topic IS NOT NULL "
                                               "GROUP BY topic ORDER BY 2 DESC").fetchall()]
        lo, hi = st.con.execute("SELECT min(date), max(date) FROM articles").fetchone()
        n = sum(c for _, c in counts)
    print(f"{n:,} articles, {len(counts)} sources, {len(a.columns)} columns, dates {lo} to {hi}")
    steps = filter_changes([s for s, _ in counts], topics)

    if not args.no_compare:
        from framing.corpus.store import CELL_TABLES

        with open_store(db, read_only=True) as st:
            ready = st.has_cells()
            for table in CELL_TABLES:
                n_cells = st.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if ready else 0
                print(f"{table} table: {n_cells:,} rows ({n / max(n_cells, 1):.1f} articles per row)")
        print(f"\nCompare page data path on a cache miss (median of {args.repeat}, the paths alternating; seconds; "
              "CPU: the process's user + system seconds up to the rates table)\n")
        print("| filter change | path | articles | groups (first metric's interval delta-method) | store query | rates with intervals | "
              "interactive chart + CSV | total | CPU | PNG (on download) | load average |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        data_path(db, steps[-2][1])  # warm-up: imports, first DuckDB open
        for name, step in steps:
            runs: dict[str, list[dict[str, float]]] = {p: [] for p in args.paths}
            for i in range(args.repeat):  # alternating paths
                for p in args.paths:
                    if p == "bootstrap" and i >= args.bootstrap_repeat:
                        continue
                    runs[p].append(data_path(db, step, p))
            for p in args.paths:
                if not runs[p]:
                    continue
                med = {k: statistics.median(r[k] for r in runs[p]) for k in runs[p][0]}
                print(f"| {name} | {p} ({len(runs[p])}) | {int(med['rows']):,} | {int(med['groups'])} "
                      f"({int(med['normal'])}) | {med['query'] + med['open']:.2f} | {med['rates']:.2f} | "
                      f"{med['chart']:.2f} | **{med['total']:.2f}** | {med['cpu']:.2f} | {med['png']:.2f} | "
                      f"{os.getloadavg()[0]:.1f} |", flush=True)
    if args.pages:
        page_paths(db, [s for s, _ in counts], args.repeat)
    if args.words:
        from framing.explore import Filters

        # and a grouping whose groups are many sources each (the topics of one leaning)
        word_choice_paths(db, [*steps, ("leaning left, by topic", {"filters": Filters(leanings=("left",)),
                                                                   "by": "topic"})], args.repeat, args.words_before)

    if args.apptest:
        print(f"\nCompare page in AppTest after each filter change, whole script run (median of {args.repeat}; "
              "seconds)\n")
        print("| filter change | after the change | same view again (cached) |")
        print("|---|---:|---:|")
        first, rows = apptest_runs(db, steps, args.repeat)
        for name, miss, hit in rows:
            print(f"| {name} | {miss:.2f} | {hit:.2f} |")
        print(f"\nfirst load of the page in a fresh process (the unfiltered view): {first:.2f} s")
    if args.browser:
        print(f"\n{args.browser_page} page in Chromium: from a click to the new chart on screen, and to the script "
              f"run finished (median of {args.repeat}; seconds; the changes accumulate)\n")
        print("| click | new chart on screen | script run finished |")
        print("|---|---:|---:|")
        for name, secs, done in browser_runs(db, args.repeat, args.browser_page, args.browser_menu):
            print(f"| {name} | {secs:.2f} | {done:.2f} |")
    if args.first_views:
        print(f"\nEvery page's first view in Chromium, to the view on screen (new servers each time; median, min and "
              f"max of {args.repeat}; seconds)\n")
        print("| view | median | min | max |")
        print("|---|---:|---:|---:|")
        for name, secs in first_views(db, args.repeat):
            print(f"| {name} | {statistics.median(secs):.2f} | {min(secs):.2f} | {max(secs):.2f} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
