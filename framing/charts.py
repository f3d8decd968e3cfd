"""The registry of chart kinds: each kind declares once which table it draws and how it draws it, and
``framing chart``, ``framing report`` and the dashboard's pages all draw through :func:`draw`.

A chart's table comes from a :class:`Tables` source: :class:`CorpusTables` computes it from a corpus in memory
(``framing chart``), a report hands over the tables it has computed already, and the dashboard hands over its
cached queries of the store. The plots themselves are in :mod:`framing.plots`; ``docs/extending.md`` says how to add
a kind.

A kind may also have an interactive version (a Vega-Lite chart built with Altair by :mod:`framing.interactive`
from the same table, with tooltips and a click that picks a group): :func:`draw_interactive` builds it, and the
dashboard's Compare page shows it, the matplotlib chart being its PNG download. A kind without one is shown as
its PNG.

Importing this module loads neither pandas, matplotlib nor altair (the CLI builds its parser from :data:`CHARTS`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from framing.errors import ConfigError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import pandas as pd

    from framing.compare.corpus import Corpus
    from framing.compare.settings import CompareConfig

Page = Literal["compare", "words", "event"]


@dataclass(frozen=True)
class ChartParams:
    """What a chart shows, beyond its table: each kind reads the fields it needs."""

    metric: str = "loaded_author_rate"  # rates, differences, time
    voice: str = "author"  # heatmap
    freq: str = "month"  # time: the date bucket
    concept: str | None = None  # labels: one concept group (None: all)
    event: str | None = None  # event: the event id
    event_label: str | None = None  # event: the title shown (default: the id)
    corpus: str | None = None  # the corpus' name in titles
    max_groups: int | None = None  # groups shown (None: the plot's own default)


class Tables(Protocol):
    """Where charts get their tables (the comparison layer's tables, for some grouping of some articles)."""

    def rates(self, select: str) -> pd.DataFrame:
        """:func:`framing.compare.stats.rates` for a metric or a family (the table may hold more metrics)."""
        ...

    def pairwise(self, metric: str) -> pd.DataFrame: ...

    def over_time(self, metric: str, freq: str) -> pd.DataFrame:
        """Rates by group and ``date:freq`` period."""
        ...

    def distinctive_terms(self) -> pd.DataFrame: ...

    def actor_labels(self) -> pd.DataFrame: ...

    def event_view(self, event: str) -> pd.DataFrame: ...


@dataclass(frozen=True)
class ChartKind:
    name: str  # as `framing chart KIND` and the dashboard's URLs spell it
    title: str  # its name on a dashboard page
    help: str  # what it shows, for `framing chart --help`
    page: Page  # the dashboard page that offers it
    table: Callable[[Tables, ChartParams], pd.DataFrame]
    plot: Callable[[pd.DataFrame, ChartParams], Any]  # -> a matplotlib Figure
    shown: Callable[[pd.DataFrame, ChartParams], pd.DataFrame]  # the table beside the chart (and its CSV download)
    # -> an altair Chart from the same table (framing.interactive), or None: the kind is shown as its PNG
    interactive: Callable[[pd.DataFrame, ChartParams], Any] | None = None
    # whether the chart draws the chosen metric (its voice, for the categories): the stacked shares draw a family
    # whatever the metric, and the Compare page then leaves its "Finding category" and "Measure" pickers off
    uses_metric: bool = True


@dataclass(frozen=True)
class Chart:
    figure: Any  # a matplotlib Figure (draw), or an altair Chart (draw_interactive)
    table: pd.DataFrame  # what :attr:`ChartKind.shown` makes of the drawn table
    warnings: tuple[str, ...]  # the drawn table's warnings (low counts, unparsed dates, ...)


def _groups(p: ChartParams) -> dict[str, Any]:
    return {} if p.max_groups is None else {"max_groups": p.max_groups}


def _pivot(t: pd.DataFrame, family: str, voice: str | None = None) -> pd.DataFrame:
    d = t[t["family"] == family]
    if voice is not None:
        d = d[d["voice"] == voice]
    return d.pivot_table(index="group", columns="key", values="value", sort=True).reset_index()


def _rates_shown(t: pd.DataFrame, p: ChartParams) -> pd.DataFrame:
    """One metric's rates, the highest first; groups too small for their interval to mean much last."""
    cols = ["group", "value", "lo", "hi", "interval", "n_articles", "n_words", "n_attributions", "low_n", "note"]
    m = t[t["metric"] == p.metric]
    return m[[c for c in cols if c in m.columns]].sort_values(["low_n", "value", "group"],
                                                              ascending=[True, False, True])


def _plot_rates(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_rates(t, p.metric, corpus=p.corpus, **_groups(p))


def _plot_differences(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_differences(t, p.metric, corpus=p.corpus)


def _plot_heatmap(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_heatmap(t, voice=p.voice, corpus=p.corpus, **_groups(p))


def _shares(family: str) -> tuple[Callable[[pd.DataFrame, ChartParams], Any], Callable[..., pd.DataFrame]]:
    def plot(t: pd.DataFrame, p: ChartParams) -> Any:
        from framing import plots

        return plots.plot_shares(t, family, corpus=p.corpus, **_groups(p))

    return plot, lambda t, p: _pivot(t, family)


def _plot_terms(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_terms(t, corpus=p.corpus, **_groups(p))


def _vega_terms(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.terms_chart(t, corpus=p.corpus, **_groups(p))


def _plot_labels(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_labels(t, concept=p.concept, corpus=p.corpus, **_groups(p))


def _vega_labels(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.labels_chart(t, concept=p.concept, corpus=p.corpus, **_groups(p))


def _vega_event(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.event_chart(t, event=p.event_label or p.event, corpus=p.corpus)


def _vega_rates(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.rates_chart(t, p.metric, corpus=p.corpus, **_groups(p))


def _vega_differences(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.differences_chart(t, p.metric, corpus=p.corpus)


def _vega_heatmap(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.heatmap_chart(t, voice=p.voice, corpus=p.corpus, **_groups(p))


def _vega_shares(family: str) -> Callable[[pd.DataFrame, ChartParams], Any]:
    def build(t: pd.DataFrame, p: ChartParams) -> Any:
        from framing import interactive

        return interactive.shares_chart(t, family, corpus=p.corpus, **_groups(p))

    return build


def _vega_time(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import interactive

    return interactive.time_chart(t, p.metric, period=f"date:{p.freq}", corpus=p.corpus)


def _plot_time(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_over_time(t, p.metric, period=f"date:{p.freq}", corpus=p.corpus)


def _plot_event(t: pd.DataFrame, p: ChartParams) -> Any:
    from framing import plots

    return plots.plot_event(t, event=p.event_label or p.event, corpus=p.corpus)


def _event_table(tables: Tables, p: ChartParams) -> pd.DataFrame:
    if p.event is None:
        raise ConfigError("the event chart needs an event id")
    return tables.event_view(p.event)


def _same(t: pd.DataFrame, p: ChartParams) -> pd.DataFrame:
    return t


def _of_metric(t: pd.DataFrame, p: ChartParams) -> pd.DataFrame:
    return t[t["metric"] == p.metric] if "metric" in t.columns else t


_stances, _stances_shown = _shares("stance")
_types, _types_shown = _shares("source_type")
_roles, _roles_shown = _shares("quote_role")

CHARTS: tuple[ChartKind, ...] = (
    ChartKind("rates", "Rates", "dot and whisker: one metric per group, with intervals", "compare",
              lambda tb, p: tb.rates(p.metric), _plot_rates, _rates_shown, _vega_rates),
    ChartKind("differences", "Differences", "pairwise differences of one metric, corrected for many tests",
              "compare", lambda tb, p: tb.pairwise(p.metric), _plot_differences, _of_metric, _vega_differences),
    ChartKind("heatmap", "Categories", "loaded-term categories by group, in one voice", "compare",
              lambda tb, p: tb.rates("loaded_category"), _plot_heatmap,
              lambda t, p: _pivot(t, "loaded_category", p.voice), _vega_heatmap),
    ChartKind("stances", "Stances", "attributions by the stance of the reporting verb (stacked bars)", "compare",
              lambda tb, p: tb.rates("stance"), _stances, _stances_shown, _vega_shares("stance"), uses_metric=False),
    ChartKind("source-types", "Source types", "attributions by type of source (stacked bars)", "compare",
              lambda tb, p: tb.rates("source_type"), _types, _types_shown, _vega_shares("source_type"),
              uses_metric=False),
    ChartKind("roles", "Speaker roles", "attributed quotations by the speaker's role (stacked bars)", "compare",
              lambda tb, p: tb.rates("quote_role"), _roles, _roles_shown, _vega_shares("quote_role"),
              uses_metric=False),
    ChartKind("time", "Over time", "one metric over time, a line per group", "compare",
              lambda tb, p: tb.over_time(p.metric, p.freq), _plot_time, _same, _vega_time),
    ChartKind("terms", "Distinctive terms", "each group's most distinctive terms", "words",
              lambda tb, p: tb.distinctive_terms(), _plot_terms, _same, _vega_terms),
    ChartKind("labels", "Actor labels", "which label each group uses for the same kind of actor", "words",
              lambda tb, p: tb.actor_labels(), _plot_labels, _same, _vega_labels),
    ChartKind("event", "Same event", "one event, the outlets side by side", "event",
              _event_table, _plot_event, _same, _vega_event),
)


def kinds(page: Page | None = None) -> dict[str, ChartKind]:
    """The chart kinds by name (those of one dashboard page, with ``page``), in registry order."""
    return {k.name: k for k in CHARTS if page is None or k.page == page}


def chart_kind(name: str) -> ChartKind:
    try:
        return kinds()[name]
    except KeyError:
        raise ConfigError(f"unknown chart kind {name!r}; valid kinds are {tuple(kinds())!r}") from None


def draw(kind: str, tables: Tables, params: ChartParams | None = None) -> Chart:
    """Draw one chart: its kind's table from ``tables``, its plot, and the table shown beside it."""
    k = chart_kind(kind)
    p = params or ChartParams()
    return _plot(k, k.table(tables, p), p)


def draw_interactive(kind: str, tables: Tables, params: ChartParams | None = None) -> Chart:
    """As :func:`draw`, with the kind's interactive chart (an altair Chart) from the same table in place of the
    matplotlib Figure. Raises :class:`ConfigError` for a kind that has none (:func:`interactive_kinds`)."""
    k = chart_kind(kind)
    if k.interactive is None:
        raise ConfigError(f"chart kind {kind!r} has no interactive version; those that have one are "
                          f"{tuple(interactive_kinds())!r}")
    p = params or ChartParams()
    t = k.table(tables, p)
    return Chart(k.interactive(t, p), k.shown(t, p), tuple(t.attrs.get("warnings", ())))


def interactive_kinds(page: Page | None = None) -> dict[str, ChartKind]:
    """The chart kinds (of one dashboard page) that have an interactive version."""
    return {n: k for n, k in kinds(page).items() if k.interactive is not None}


def _plot(k: ChartKind, t: pd.DataFrame, p: ChartParams) -> Chart:
    return Chart(k.plot(t, p), k.shown(t, p), tuple(t.attrs.get("warnings", ())))


@dataclass(frozen=True)
class ChartFile:
    """A chart to write: ``folder/NAME.FORMAT`` in each format."""

    name: str
    kind: str
    params: ChartParams = ChartParams()


def draw_files(charts: Sequence[ChartFile], tables: Tables, folder: str | Path,
               formats: Sequence[str] = ("png", "svg"), *, processes: int = 1) -> dict[str, list[Path]]:
    """Draw each chart as :func:`draw` does and write it in every format (:func:`framing.plots.save_figure`); the
    files written, by chart name, in the order of ``charts``. ``processes``: see :class:`ChartProcesses`."""
    with ChartProcesses(min(processes, len(charts))) as drawing:
        return drawing.draw_files(charts, tables, folder, formats)


class ChartProcesses:
    """This process and ``processes - 1`` others, which the charts are shared with. The others start on entering,
    and load what drawing needs while this process does something else (a report analyses its corpus and computes
    the charts' tables meanwhile); on leaving, on Ctrl-C or an error too, the charts not started are dropped and they
    exit (:func:`framing.processes.process_pool`). They are started with ``spawn``: a script that asks for more than
    one process must keep its top level under ``if __name__ == "__main__":``.

    :meth:`start` hands charts whose tables are ready to the others while this process goes on computing the rest;
    :meth:`draw_files` draws the remaining ones here and beside them, and returns every file written. A thread of
    this process keeps each of the others fed with one chart waiting behind the one it draws, so that they are never
    idle while charts remain, whatever this process is doing."""

    def __init__(self, processes: int) -> None:
        self.helpers = max(0, processes - 1)
        self.pool: ProcessPoolExecutor | None = None
        # the charts not yet drawn, with their tables; the others take from the end, this process from the start
        self._todo: list[tuple[ChartFile, pd.DataFrame, Path, tuple[str, ...]]] = []
        # charts are known by (folder, name): the same processes may draw several reports
        self._running: dict[Future[list[Path]], tuple[Path, str]] = {}
        self._done: dict[tuple[Path, str], list[Path]] = {}
        self._sent = 0  # charts sent to the others and not yet drawn (or being sent: their names in _sending)
        self._sending: set[tuple[Path, str]] = set()
        self._changed = threading.Condition()
        self._closing = False
        self._error: BaseException | None = None  # what the feeder thread could not send
        self._feeder: threading.Thread | None = None

    def __enter__(self) -> ChartProcesses:
        if self.helpers:
            from framing.processes import process_pool

            self.pool = process_pool(self.helpers)
            for _ in range(self.helpers):
                self.pool.submit(_load_plots)
            self._feeder = threading.Thread(target=self._feed, name="framing-chart-feeder", daemon=True)
            self._feeder.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._changed:
            self._closing = True
            self._todo.clear()
            self._changed.notify_all()
        if self._feeder is not None:
            self._feeder.join()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def start(self, charts: Sequence[ChartFile], tables: Tables, folder: str | Path,
              formats: Sequence[str] = ("png", "svg")) -> None:
        """Queue these charts for the other processes (their tables are taken from ``tables`` now), and return at
        once; :meth:`draw_files` draws those still waiting and collects the files. Without other processes,
        nothing is done here: :meth:`draw_files` draws them all."""
        if self.pool is None:
            return
        folder = Path(folder)
        with self._changed:
            known = self._known()
        # a copy: the table is sent by the pool's own thread, while this one may go on reading the original
        jobs = [(c, chart_kind(c.kind).table(tables, c.params).copy(), folder, tuple(formats)) for c in charts
                if (folder, c.name) not in known]
        with self._changed:
            self._todo += jobs
            self._changed.notify_all()

    def draw_files(self, charts: Sequence[ChartFile], tables: Tables, folder: str | Path,
                   formats: Sequence[str] = ("png", "svg")) -> dict[str, list[Path]]:
        """As :func:`draw_files`, charts handed over by :meth:`start` included (they are not drawn again): this
        process draws from the start of the list, the others from its end, each sent the chart's table. The files
        are the same, byte for byte, whichever process draws them."""
        folder, formats = Path(folder), tuple(formats)
        if self.pool is None:
            return {c.name: _write(c, chart_kind(c.kind).table(tables, c.params), folder, formats) for c in charts}
        self.start(charts, tables, folder, formats)
        while True:
            with self._changed:
                for fut in [f for f in self._running if f.done()]:
                    self._done[self._running.pop(fut)] = fut.result()  # another process' error is raised here
                if self._error is not None:
                    raise self._error
                if self._todo:
                    c, table, where, fmts = self._todo.pop(0)
                elif self._sent:
                    self._changed.wait()
                    continue
                else:
                    break
            paths = _write(c, table, where, fmts)
            with self._changed:
                self._done[(where, c.name)] = paths
        return {c.name: self._done[(folder, c.name)] for c in charts}

    def _known(self) -> set[tuple[Path, str]]:
        """(folder, name) of the charts queued, sent or drawn (call with ``self._changed`` held)."""
        return {(j[2], j[0].name) for j in self._todo} | set(self._running.values()) | set(self._done) | self._sending

    def _feed(self) -> None:
        """The feeder thread: one chart waiting behind each one being drawn in another process, until closing.
        Nothing holds ``self._changed`` while it calls into the pool, whose own thread takes it in :meth:`_sent_one`
        (a lock held both ways would be a deadlock)."""
        assert self.pool is not None
        while True:
            with self._changed:
                while not self._closing and not (self._todo and self._sent < 2 * self.helpers):
                    self._changed.wait()
                if self._closing:
                    return
                c, table, folder, formats = self._todo.pop()
                self._sent += 1
                self._sending.add((folder, c.name))
            try:
                fut = self.pool.submit(_write, c, table, folder, formats)
            except BaseException as exc:  # a broken pool (a process killed): draw_files raises it
                with self._changed:
                    self._error = exc
                    self._sent -= 1
                    self._sending.discard((folder, c.name))
                    self._changed.notify_all()
                return
            with self._changed:
                self._running[fut] = (folder, c.name)
                self._sending.discard((folder, c.name))
            fut.add_done_callback(self._sent_one)

    def _sent_one(self, fut: Future[list[Path]]) -> None:
        """A chart sent to another process is drawn (or failed, or was cancelled)."""
        with self._changed:
            self._sent -= 1
            self._changed.notify_all()


def _load_plots() -> None:
    import gc

    import framing.plots  # noqa: F401  (matplotlib, pandas)

    # what is loaded now lives as long as the process: the garbage collector's full passes, frequent while figures
    # are built, need not walk it again
    gc.freeze()


def _write(chart: ChartFile, table: pd.DataFrame, folder: Path, formats: tuple[str, ...]) -> list[Path]:
    from framing.plots import save_figure

    return save_figure(_plot(chart_kind(chart.kind), table, chart.params).figure, folder / chart.name, formats)


class CorpusTables:
    """Chart tables computed from a corpus in memory, grouped ``by`` some columns (``framing chart``)."""

    def __init__(self, corpus: Corpus, by: Sequence[str], config: CompareConfig, *, event_column: str = "event"
                 ) -> None:
        self.corpus, self.by, self.config, self.event_column = corpus, list(by), config, event_column
        self._mentions: pd.DataFrame | None = None

    def rates(self, select: str) -> pd.DataFrame:
        from framing.compare import stats

        return stats.rates(self.corpus.articles, by=self.by, metrics=[select], config=self.config)

    def pairwise(self, metric: str) -> pd.DataFrame:
        from framing.compare import stats

        return stats.pairwise_differences(self.corpus.articles, by=self.by, metrics=[metric], config=self.config)

    def over_time(self, metric: str, freq: str) -> pd.DataFrame:
        from framing.compare import stats

        by = [b for b in self.by if not b.startswith("date")] + [f"date:{freq}"]
        return stats.rates(self.corpus.articles, by=by, metrics=[metric], config=self.config)

    def distinctive_terms(self) -> pd.DataFrame:
        from framing.compare import wordchoice

        return wordchoice.distinctive_terms(self.corpus.articles, self.corpus.texts, by=self.by, config=self.config)

    def mentions(self) -> pd.DataFrame:
        if self._mentions is None:
            from framing.compare import wordchoice

            self._mentions = wordchoice.label_mentions(self.corpus.texts, self.corpus.findings)
        return self._mentions

    def actor_labels(self) -> pd.DataFrame:
        from framing.compare import wordchoice

        return wordchoice.actor_labels(self.mentions(), self.corpus.articles, self.corpus.texts, by=self.by)

    def event_view(self, event: str) -> pd.DataFrame:
        from framing.compare import events

        return events.event_view(self.corpus.articles, self.corpus.findings, event, mentions=self.mentions(),
                                 event_column=self.event_column, by=self.by[0] if len(self.by) == 1 else "source")
