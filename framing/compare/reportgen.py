"""A complete, reproducible comparison report: every table (CSV and Parquet), every chart (PNG and SVG), a
``manifest.json`` and a ``report.md`` that a person can read on its own.

:func:`build_report` computes the tables (no I/O); :func:`write_report` writes the folder::

    DIR/report.md            the readable report (charts embedded, article text escaped)
    DIR/manifest.json        versions and hashes of package, lexicons, config and inputs; seed; command line;
                             the SHA-256 of every file written; the time of the run in ``created`` (the only
                             field that differs between two runs of the same command)
    DIR/tables/NAME.csv      floats written so that they read back exactly (the shortest decimal of each, as
                             Python's repr; counts and sums exact, however large), rows in a fixed order
    DIR/tables/NAME.parquet  the same table, full precision
    DIR/charts/NAME.png|svg

Running the same command twice on the same input gives byte-identical tables, charts, report and manifest
(apart from ``created``).
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing._version import __version__
from framing.chartstyle import by_size
from framing.compare import events as ev
from framing.compare import stats, wordchoice
from framing.compare.corpus import Corpus
from framing.compare.groups import (
    MISSING,
    By,
    count_sources,
    group_articles,
    key_list,
    plausible_dates,
)
from framing.compare.markdown import esc, fmt, interval, table
from framing.compare.metrics import HEADLINE, metric
from framing.compare.settings import DEFAULT, CompareConfig
from framing.corpus.staleness import custom_lexicons
from framing.errors import ConfigError, FramingError

if TYPE_CHECKING:
    from framing.charts import ChartFile, ChartProcesses
    from framing.compare.coverage import Coverage

# Floats in the CSV tables: None is pandas' default, the shortest decimal that reads back as the same float (Python's
# repr), so that every value, and every count or sum however large, is written exactly ("%.6g" wrote 1234567 as
# 1.23457e+06). The same floats give the same text, so two runs of a report still write identical files.
CSV_FLOAT: str | None = None
MAX_PERIODS = 36
TIMESTAMP_FIELD = "created"


@dataclass
class ReportData:
    """Everything a report shows: its tables (by file name) and what the text needs to say about them."""

    corpus: Corpus
    by: str
    config: CompareConfig
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    event_column: str | None = None  # the column events come from ("event", or "story" when grouped here)
    events_shown: list[str] = field(default_factory=list)
    time_key: str | None = None
    chart_groups: list[str] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # event -> its coverage (the events shown)


def build_report(corpus: Corpus, *, by: By = "source", config: CompareConfig | None = None,
                 event_column: str = "event", time_freq: str = "month", max_events: int = 5,
                 include_findings: bool = True, on_tables: Callable[[ReportData], None] | None = None
                 ) -> ReportData:
    """Compute every table of the report (see the module docstring); no files are written.

    ``on_tables(data)``, when given, is called each time tables have been added to ``data.tables`` (the rates, the
    pairwise differences, the word-choice tables, the rates over time, the events), so that the caller can start on
    what is ready (:func:`write_report` starts drawing the charts of those tables); the tables it sees do not change
    after.
    """
    cfg = config or DEFAULT
    ready = on_tables or (lambda d: None)
    if max_events < 0:
        raise ConfigError(f"max_events must be 0 or more, not {max_events}")
    keys = key_list(by)
    grouping = group_articles(corpus.articles, keys)  # fails early, with the valid columns, on a bad column
    articles = corpus.articles
    data = ReportData(corpus, ", ".join(keys), cfg, warnings=list(corpus.warnings) + list(grouping.warnings))
    if articles.empty:
        raise FramingError("the corpus has no articles: nothing to compare")
    t = data.tables
    if "language" in articles.columns:
        other = articles.loc[~articles["language"].isin(["en", "und"]), "language"].value_counts()
        if len(other):
            shown = ", ".join(f"{k} {n:,}" for k, n in sorted(other.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
            data.warnings.append(f"{int(other.sum()):,} articles are not in English ({shown}): they have no findings "
                                 "and count with zero terms in the rates; compare them apart (--by language) or "
                                 "leave them out (--language en,und)")
    t["articles"] = _sorted(articles, ["article_id"])
    if include_findings:
        t["findings"] = _sorted(corpus.findings, ["article_id", "start", "end", "type"])
    rates = stats.rates(articles, by=keys, config=cfg)
    data.warnings += [w for w in rates.attrs.get("warnings", []) if w not in data.warnings]
    t["rates"] = rates
    t["summary"] = stats.wide(rates, HEADLINE)
    ready(data)
    n_groups = rates["group"].nunique()
    if n_groups < 2:
        data.warnings.append(f"only one group ({rates['group'].iloc[0]!r}): the report describes it but has "
                             "nothing to compare it with")
        for k in keys:
            col = k.split(":")[0]
            if col in articles.columns and articles[col].isna().all():
                cands = _grouping_columns(articles)
                data.warnings.append(f"no article has a {col!r} value: " + (
                    f"try --by with one of {cands} (the columns that split the articles into groups)" if cands else
                    "no other column splits the articles into groups; map one with --source-field when you run "
                    "the corpus"))
    # groups compared pairwise and charted: enough articles, the largest first
    groups = by_size(rates.drop_duplicates("group"))
    sizes = rates.drop_duplicates("group").set_index("group")["n_articles"]
    eligible = [g for g in groups if sizes[g] >= 2]
    data.chart_groups = sorted(eligible[: cfg.max_chart_groups]) or sorted(groups[: cfg.max_chart_groups])
    if len(data.chart_groups) >= 2:
        t["pairwise"] = stats.pairwise_differences(articles, by=keys, metrics=HEADLINE, groups=data.chart_groups,
                                                   config=cfg)
        if len(eligible) > cfg.max_chart_groups:
            data.warnings.append(f"pairwise differences cover the {cfg.max_chart_groups} largest of "
                                 f"{len(eligible)} groups")
        single = [g for g in groups if sizes[g] < 2]
        if single and eligible:
            shown = ", ".join(map(str, single[:5])) + (", ..." if len(single) > 5 else "")
            data.warnings.append(f"pairwise differences leave out {len(single):,} group"
                                 f"{'s' if len(single) != 1 else ''} of one article, which has no interval "
                                 f"({shown})")
    else:
        t["pairwise"] = pd.DataFrame(columns=list(stats.PAIR_COLUMNS))
    ready(data)
    texts = corpus.texts
    terms = wordchoice.distinctive_terms(articles, texts, by=keys, config=cfg)
    data.warnings += [w for w in terms.attrs.get("warnings", []) if w not in data.warnings]
    t["distinctive_terms"] = terms
    mentions = wordchoice.label_mentions(texts, corpus.findings, article_ids=sorted(a for a in
                                         articles["article_id"] if a in texts))
    t["label_mentions"] = mentions
    t["actor_labels"] = wordchoice.actor_labels(mentions, articles, texts, by=keys)
    t["speakers"] = wordchoice.speakers(corpus.findings, articles, by=keys)
    t["reporting_verbs"] = wordchoice.reporting_verbs(corpus.findings, articles, by=keys)
    ready(data)
    _add_over_time(data, keys, time_freq)
    ready(data)
    _add_events(data, event_column, mentions, max_events)
    ready(data)
    return data


def _add_over_time(data: ReportData, keys: Sequence[str], time_freq: str) -> None:
    """Rates over time, in the finest date bucket that gives a readable chart (at most ``MAX_PERIODS``)."""
    articles, t, cfg = data.corpus.articles, data.tables, data.config
    if "date" in articles.columns and "date" not in {k.split(":")[0] for k in keys}:
        parsed = plausible_dates(articles["date"])
        # a readable chart has at most ~36 periods: step up to a coarser bucket when the corpus spans years
        order = ["day", "week", "month", "quarter", "year"]
        if time_freq not in order:
            raise ConfigError(f"invalid value for time_freq: {time_freq!r}; valid values are {order!r}")
        freq = time_freq
        for freq in order[order.index(time_freq):]:
            n_periods = _bucket_count(parsed, freq)
            if n_periods <= MAX_PERIODS:
                break
        if n_periods >= 2:
            data.time_key = f"date:{freq}"
            t["rates_over_time"] = stats.rates(articles, by=[*keys, data.time_key],
                                               metrics=["loaded_author_rate", "quotes_scare_rate"], config=cfg)
            data.warnings += [w for w in t["rates_over_time"].attrs.get("warnings", []) if w not in data.warnings]


def _add_events(data: ReportData, event_column: str, mentions: pd.DataFrame, max_events: int) -> None:
    """The events (the articles' ids, or stories grouped by similarity) and the views of the most covered ones."""
    articles, t, cfg, texts = data.corpus.articles, data.tables, data.config, data.corpus.texts
    arts = articles
    if event_column in articles.columns and articles[event_column].notna().any():
        data.event_column = event_column
    elif "source" in articles.columns and articles["source"].nunique() >= 2 and texts:
        stories = ev.group_events(articles, texts, config=cfg) if "date" in articles.columns else \
            ev.group_events(articles, texts, window_days=None, config=cfg)
        t["stories"] = stories.reset_index()
        arts = articles.assign(story=articles["article_id"].map(stories))
        data.event_column = "story"
        data.warnings.append("the articles carry no event id: stories were grouped by TF-IDF similarity "
                             f"(threshold {cfg.event_threshold}, window {cfg.event_window_days} days); check them "
                             "in tables/stories.csv")
    if data.event_column:
        et = ev.events_table(arts, event_column=data.event_column)
        t["events"] = et
        multi = et[et["n_sources"] >= 2].sort_values(["n_sources", "n_articles", "event"],
                                                     ascending=[False, False, True])
        data.events_shown = multi["event"].head(max_events).tolist()
        views = []
        for e in data.events_shown:
            v = ev.event_view(arts, data.corpus.findings, e, mentions=mentions, event_column=data.event_column)
            views.append(v.assign(event=e))
        if views:
            t["event_views"] = pd.concat(views, ignore_index=True)[["event", *ev.EVENT_COLUMNS]]
        _add_coverage(data, arts)


# The report's coverage tables: (table name, Coverage attribute). One row set per event shown.
COVERAGE_TABLES = (("coverage_outlets", "outlets"), ("coverage_speakers", "speakers"),
                   ("coverage_sentences", "sentences"), ("coverage_missing", "missing"))


def _add_coverage(data: ReportData, arts: pd.DataFrame) -> None:
    """Same-event coverage (:mod:`framing.compare.coverage`) of the events shown: speakers by outlet, shared and
    unique sentences, the content each outlet lacks."""
    from framing.compare.coverage import event_coverage

    texts, col = data.corpus.texts, data.event_column
    if not col:
        return
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name, _ in COVERAGE_TABLES}
    for e in data.events_shown:
        ids = arts.loc[arts[col].astype(str) == str(e), "article_id"].astype(str)
        if not any(i in texts for i in ids):
            data.warnings.append(f"event {e}: no article text in the corpus, so no coverage tables")
            continue
        cov = event_coverage(arts, data.corpus.findings, texts, e, event_column=col, config=data.config)
        data.coverage[e] = cov
        data.warnings += [w for w in cov.warnings if w not in data.warnings]
        for name, attr in COVERAGE_TABLES:
            parts[name].append(getattr(cov, attr))
    for name, frames in parts.items():
        if frames:
            data.tables[name] = pd.concat(frames, ignore_index=True)


def _grouping_columns(articles: pd.DataFrame) -> list[str]:
    """Columns that could group these articles: text columns with 2 to 50 values, each value on 2 articles on
    average (not ids, titles, URLs or dates)."""
    from framing.tables import count_columns

    skip = {"article_id", "title", "url", "date", "text", "language", *count_columns()}
    out = []
    for c in articles.columns:
        if c in skip or articles[c].dtype.kind not in "OUS" and str(articles[c].dtype) != "string":
            continue
        n = articles[c].nunique(dropna=True)
        if 2 <= n <= 50 and articles[c].notna().sum() >= 2 * n:
            out.append(str(c))
    return out


def _bucket_count(parsed: pd.Series, freq: str) -> int:
    from framing.compare.groups import date_buckets

    labels, _ = date_buckets(parsed, freq)
    return int(labels[parsed.notna()].nunique())


def _sorted(df: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    use = [c for c in cols if c in df.columns]
    return df.sort_values(use, kind="stable").reset_index(drop=True) if use else df.reset_index(drop=True)


# -- writing ---------------------------------------------------------------------------------------------------

def write_report(corpus: Corpus, out_dir: str | Path, *, by: By = "source", config: CompareConfig | None = None,
                 event_column: str = "event", time_freq: str = "month", max_events: int = 5,
                 charts: bool = True, formats: Sequence[str] = ("png", "svg"), command: Sequence[str] | None = None,
                 include_findings: bool = True, overwrite: bool = True, processes: int = 1,
                 drawing: ChartProcesses | None = None) -> Path:
    """Build the report and write the folder; returns the path of ``report.md``.

    ``command`` is recorded in the manifest (the CLI passes its argv). An existing folder is replaced when it
    holds a previous report (a ``manifest.json``); any other non-empty folder is refused. The charts are drawn in
    ``processes`` processes (:class:`framing.charts.ChartProcesses`), or by ``drawing``, processes the caller has
    started already (``framing report`` starts two before it analyses the corpus); the files are the same. With
    more than one process, the charts of each table start as soon as it is computed, beside the other tables.
    """
    from contextlib import nullcontext

    from framing.charts import ChartProcesses

    out = Path(out_dir)
    _prepare_dir(out, overwrite)
    files: list[Path] = []
    with nullcontext(drawing) if drawing is not None else ChartProcesses(processes if charts else 1) as pool:

        def start_ready(data: ReportData) -> None:
            """Hand the charts whose tables are ready to the chart processes."""
            ready = [c for c in _charts(data) if _ReportTables.TABLE_OF_KIND[c.kind] in data.tables]
            if ready:
                (out / "charts").mkdir(exist_ok=True)
                pool.start(ready, _ReportTables(data), out / "charts", formats)

        data = build_report(corpus, by=by, config=config, event_column=event_column, time_freq=time_freq,
                            max_events=max_events, include_findings=include_findings,
                            on_tables=start_ready if charts else None)
        (out / "tables").mkdir(parents=True, exist_ok=True)
        for name, df in data.tables.items():
            files += write_table(df, out / "tables" / name)
        planned = _charts(data) if charts else []
        # report.md shows each chart's PNG (else its first format); written here, while the other processes draw
        chart_files = {c.name: f"{c.name}.{'png' if 'png' in formats else formats[0]}" for c in planned}
        md = render_markdown(data, chart_files)
        if charts:
            (out / "charts").mkdir(exist_ok=True)
            drawn = pool.draw_files(planned, _ReportTables(data), out / "charts", formats)
            for paths in drawn.values():
                files += paths
    (out / "report.md").write_text(md, encoding="utf-8")
    files.append(out / "report.md")
    manifest = _manifest(data, files, out, command, formats if charts else ())
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    return out / "report.md"


def _prepare_dir(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} exists and is not a folder")
    if out.exists() and any(out.iterdir()):
        if not (out / "manifest.json").exists():
            raise ConfigError(f"{out} is not empty and holds no previous report; choose a new or empty folder")
        if not overwrite:
            raise ConfigError(f"{out} holds a previous report; pass overwrite=True (--force) to replace it")
        for sub in ("tables", "charts"):
            if (out / sub).is_dir():
                shutil.rmtree(out / sub)
        for f in ("report.md", "manifest.json"):
            (out / f).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def write_table(df: pd.DataFrame, stem: Path) -> list[Path]:
    """``stem.csv`` (every float as the shortest decimal that reads back exactly, ``\\n`` line ends) and
    ``stem.parquet``."""
    csv_path, pq_path = stem.with_suffix(".csv"), stem.with_suffix(".parquet")
    clean = df.copy()
    clean.attrs = {}
    for c in clean.columns:  # one type per column for Parquet: mixed objects become strings
        if clean[c].dtype == object:
            vals = clean[c].dropna()
            if len(vals) and not all(isinstance(v, str) for v in vals):
                if all(isinstance(v, (bool, np.bool_)) for v in vals):
                    continue
                clean[c] = clean[c].map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v))
                                        else str(v))
    clean.to_csv(csv_path, index=False, float_format=CSV_FLOAT, lineterminator="\n", encoding="utf-8")
    clean.to_parquet(pq_path, index=False, engine="pyarrow", compression="zstd")
    return [csv_path, pq_path]


def _sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _manifest(data: ReportData, files: list[Path], out: Path, command: Sequence[str] | None,
              formats: Sequence[str]) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    from framing.config import DEFAULT as ENGINE_DEFAULT
    from framing.lexicons import load_lexicon, read_index

    lexicons = {}
    for name in read_index():
        lx = load_lexicon(name)
        lexicons[name] = {"version": lx.version, "sha256": lx.sha256}
    packages: dict[str, str | None] = {}
    for pkg in ("numpy", "pandas", "scipy", "matplotlib", "pyarrow", "textblob"):
        try:
            packages[pkg] = version(pkg)
        except PackageNotFoundError:
            packages[pkg] = None
    c = data.corpus
    analysis = dict(c.versions)
    if c.origin in ("jsonl",):
        analysis.setdefault("config", ENGINE_DEFAULT.to_dict())
    return {
        TIMESTAMP_FIELD: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool": "framing report",
        "framing": __version__,
        "command": list(command) if command is not None else None,
        "seed": data.config.seed,
        "compare_config": data.config.to_dict(),
        "options": {"by": data.by, "event_column": data.event_column, "events_shown": data.events_shown,
                    "time": data.time_key, "chart_formats": list(formats)},
        "analysis": analysis,
        "lexicons": lexicons,
        "inputs": list(c.inputs),
        "corpus": {"name": c.name, "origin": c.origin, "n_articles": c.n_articles,
                   "n_findings": int(len(c.findings)), "warnings": list(c.warnings)},
        "environment": {"python": platform.python_version(), "packages": packages},
        "warnings": data.warnings,
        "files": {str(p.relative_to(out)): _sha256(p) for p in sorted(files)},
    }


# -- charts ----------------------------------------------------------------------------------------------------

class _ReportTables:
    """The report's own tables, as a chart source (:class:`framing.charts.Tables`): nothing is computed twice."""

    # the table each chart kind reads (below): its charts can be drawn once that table is computed
    TABLE_OF_KIND = {"rates": "rates", "heatmap": "rates", "stances": "rates", "source-types": "rates",
                     "roles": "rates", "differences": "pairwise", "time": "rates_over_time",
                     "terms": "distinctive_terms", "labels": "actor_labels", "event": "event_views"}

    def __init__(self, data: ReportData) -> None:
        self.t = data.tables

    def rates(self, select: str) -> pd.DataFrame:
        return self.t["rates"]

    def pairwise(self, metric: str) -> pd.DataFrame:
        return self.t["pairwise"]

    def over_time(self, metric: str, freq: str) -> pd.DataFrame:
        return self.t["rates_over_time"]

    def distinctive_terms(self) -> pd.DataFrame:
        return self.t["distinctive_terms"]

    def actor_labels(self) -> pd.DataFrame:
        return self.t["actor_labels"]

    def event_view(self, event: str) -> pd.DataFrame:
        views = self.t["event_views"]
        return views[views["event"] == event].drop(columns="event")


def _charts(data: ReportData) -> list[ChartFile]:
    """The report's charts: file name, kind and parameters (drawn by :func:`framing.charts.draw_files`)."""
    from framing.charts import ChartFile, ChartParams
    from framing.plots import chart_names

    t = data.tables
    base = ChartParams(corpus=data.corpus.describe(), max_groups=data.config.max_chart_groups)
    wanted: list[tuple[str, str, ChartParams]] = []
    for m in ("loaded_author_rate", "loaded_quoted_rate", "quotes_scare_rate", "source_anonymous_share",
              "polarity_mean"):
        wanted.append((f"rates_{m}", "rates", replace(base, metric=m)))
    wanted += [("heatmap_author", "heatmap", replace(base, voice="author")),
               ("heatmap_quoted", "heatmap", replace(base, voice="quoted")),
               ("stances", "stances", base), ("source_types", "source-types", base),
               ("distinctive_terms", "terms", base), ("actor_labels", "labels", base)]
    pw = t.get("pairwise")
    # (no chart when nothing was tested, n_boot 0: it would mark every difference "not significant")
    if pw is not None and not pw.empty and pw["p"].notna().any():
        wanted.append(("differences_loaded_author_rate", "differences", replace(base, max_groups=None)))
    if data.time_key and "rates_over_time" in t:
        wanted.append(("time_loaded_author_rate", "time",
                       replace(base, max_groups=None, freq=data.time_key.split(":", 1)[1])))
    if t.get("event_views") is not None:
        ev_table = t["events"].set_index("event")
        for e, fname in zip(data.events_shown, chart_names(data.events_shown), strict=True):
            title, src = ev_table.at[e, "title"], ev_table.at[e, "title_source"]
            label = f"{e} — plainest headline, {src}: \u201c{title}\u201d" if title else e
            wanted.append((f"event_{fname}", "event", replace(base, event=e, event_label=label)))
    return [ChartFile(name, kind, params) for name, kind, params in wanted]


# -- report.md -------------------------------------------------------------------------------------------------

def render_markdown(data: ReportData, charts: dict[str, str]) -> str:
    """The readable report, section by section. Every piece of article text is escaped (see
    :mod:`framing.compare.markdown`)."""
    lines: list[str] = []
    for section in (_md_intro, _md_glance, _md_categories, _md_differences, _md_quoting, _md_terms, _md_labels,
                    _md_time, _md_events, _md_method):
        section(lines.append, data, charts)
    return "\n".join(lines)


# Corpus names that say nothing the title does not ("news.duckdb", the default store "framing.duckdb"): left out.
_GENERIC_NAMES = frozenset({"news", "corpus", "articles", "article", "data", "store", "framing", "reports", "db"})


def report_title(name: str) -> str:
    """The report's title: "How the outlets frame the news", with the corpus name when it adds to that ("How the
    outlets frame the news: allsides-2020", not "...: news")."""
    words = re.findall(r"[^\W_]+", name.lower())
    if not words or all(w in _GENERIC_NAMES for w in words):
        return "How the outlets frame the news"
    return f"How the outlets frame the news: {name}"


def _md_intro(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The title, what the corpus is, how to read the report, and the warnings."""
    c = data.corpus
    t = data.tables
    cfg = data.config
    a = c.articles
    groups = t["rates"]["group"].nunique()
    w(f"# {esc(report_title(c.name))}\n")
    span = ""
    if "date" in a.columns:
        d = plausible_dates(a["date"]).dropna()
        if len(d):
            span = f", published {d.min():%Y-%m-%d} to {d.max():%Y-%m-%d}"
    n_src, no_src = count_sources(a)
    # the articles without a value of the grouping are a group of their own, "(missing)": said, so that the groups
    # add up (55 sources and articles without one are 56 groups)
    n_missing = int(t["rates"].drop_duplicates("group")["group"].str.contains(MISSING, regex=False).sum())
    missing = ""
    if n_missing == 1 and ", " not in data.by:
        key = data.by.split(':')[0]
        missing = f": one, {MISSING}, is the articles without {'an' if key[:1] in 'aeiou' else 'a'} {key}"
    elif n_missing:
        missing = f": {n_missing} of them lack a value of one of the columns, shown as {MISSING}"
    w(f"{c.n_articles:,} articles from {n_src:,} source{'s' if n_src != 1 else ''}"
      f"{f' ({no_src:,} without a source)' if no_src and c.n_articles > no_src else ''}{span}, "
      f"{int(a['n_words'].sum()):,} words, compared by **{esc(data.by)}** ({groups:,} group"
      f"{'s' if groups != 1 else ''}{esc(missing)}).\n")
    w("**How to read this report.** Every figure is a *signal of framing*, not a verdict of bias: a loaded word may "
      "be a quoted one (the tables separate the writer's own voice from quotations), a scare quote may be a house "
      "convention, and what an outlet chose not to report is invisible to a word-level tool. Rates are per "
      f"{cfg.per_words:,} words of a group's articles taken together; "
      + (f"intervals are {cfg.level:.0%} percentile intervals from {cfg.n_boot:,} bootstrap resamples of the group's "
         f"articles (seed {cfg.seed}){_normal_words(cfg)}, so they show how much a figure depends on which articles "
         "a source happened to publish, not the detectors' errors. " if cfg.n_boot else
         "there are no intervals and no tests of differences: no bootstrap was asked for (n_boot = 0, "
         "`--n-boot 0`). ") +
      f"Groups with fewer than {cfg.min_articles} articles or {cfg.min_words:,} words (or {cfg.min_attributions} "
      "attributions, for shares of attributions) are flagged; a group of one article has no interval.\n")
    if data.warnings:
        w("## Warnings\n")
        for x in data.warnings:
            w(f"- {esc(x)}")
        w("")


def _md_glance(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The headline metrics of every group, and their charts."""
    t = data.tables
    w("## Sources at a glance\n")
    s = t["summary"]
    cols = [("loaded_author_rate", "loaded terms, own voice /1k"), ("loaded_quoted_rate", "loaded terms, quoted /1k"),
            ("quotes_scare_rate", "scare quotes /1k"), ("source_anonymous_share", "anonymous sources"),
            ("second_hand_share", "second-hand"), ("named_share", "named sources"),
            ("quoted_word_share", "quoted words"), ("polarity_mean", "polarity")]
    rows = []
    for r in s.sort_values(["loaded_author_rate", "group"], ascending=[False, True]).itertuples(index=False):
        rd = r._asdict()
        rows.append([esc(rd["group"], limit=60) + (" \u2020" if rd["low_n"] else ""), fmt(rd["n_articles"]),
                     fmt(rd["n_words"])] + [interval(rd[m], rd[f"{m}_lo"], rd[f"{m}_hi"]) for m, _ in cols])
    w(table(rows, ["group", "articles", "words"] + [h for _, h in cols], "lrr" + "r" * len(cols)))
    w("\u2020 few articles, words or attributions: read its intervals with care. Shares are of attributions "
      "(anonymous, second-hand, named) or of words (quoted words). All rates and intervals for every metric are in "
      "`tables/rates.csv`.\n")
    _img(w, charts, "rates_loaded_author_rate", "Loaded terms in the writer's own voice, per 1,000 words")
    _img(w, charts, "rates_loaded_quoted_rate", "Loaded terms inside quotations, per 1,000 words")
    _img(w, charts, "rates_quotes_scare_rate", "Scare quotes per 1,000 words")


def _md_categories(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """Loaded terms by category."""
    w("## Loaded language by category\n")
    w("Which kinds of loaded terms each group uses in its own voice (and, in the second chart, inside quotations). "
      "Categories are those of the loaded-terms lexicon (actor labels, delegitimising markers, emotive and "
      "pejorative words, intensifiers, partisan and conflict vocabulary, euphemisms, hedges, boosters, doubt).\n")
    _img(w, charts, "heatmap_author", "Loaded terms by category, writer's own voice")
    _img(w, charts, "heatmap_quoted", "Loaded terms by category, inside quotations")


def _md_differences(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The significant pairwise differences, largest first."""
    t = data.tables
    cfg = data.config
    pw = t.get("pairwise")
    w("## Differences between groups\n")
    if pw is None or pw.empty:
        w("_No pairwise comparison: it needs at least two groups with two or more articles each._\n")
    else:
        sig = pw[pw["significant"].fillna(False).astype(bool)].copy()
        size = (f"{len(pw):,} comparisons ({pw['metric'].nunique()} headline metrics \u00d7 "
                f"{len(pw) // max(pw['metric'].nunique(), 1):,} pairs)")
        tested = int(pw["p"].notna().sum())
        if not tested:
            # nothing was tested: "0 differences are significant" would read as a finding
            why = ("no bootstrap was asked for (n_boot = 0, `--n-boot 0`), so no difference has an interval or a "
                   "test" if cfg.n_boot == 0 else "no pair could be tested (a test needs two groups of "
                   f"{cfg.min_articles} articles or more; see the note column of `tables/pairwise.csv`)")
            w(f"{size}: none was tested: {why}. Whether any difference is significant is not known; the "
              "differences themselves are in `tables/pairwise.csv`.\n")
            return
        untested = (f" ({len(pw) - tested:,} could not be tested: see the `note` column of `tables/pairwise.csv`)"
                    if tested < len(pw) else "")
        w(f"{size}{untested}; p-values corrected with "
          f"{'Holm' if cfg.correction == 'holm' else 'Benjamini-Hochberg' if cfg.correction == 'bh' else 'no'} "
          f"correction over the pairs of each metric; {len(sig):,} differences are significant at "
          f"{cfg.alpha}. The largest, by metric:\n")
        rows = []
        sig["_abs"] = sig["diff"].abs()
        for m_name, d in sig.sort_values(["metric", "_abs"], ascending=[True, False]).groupby("metric", sort=False):
            for r in d.head(3).itertuples(index=False):
                rows.append([esc(metric(m_name).label), esc(r.group_a, limit=40), esc(r.group_b, limit=40),
                             interval(r.diff, r.lo, r.hi), fmt(r.p_adjusted)])
        w(table(rows, ["metric", "A", "B", "A \u2212 B [interval]", "adjusted p"], "lllrr"))
        _img(w, charts, "differences_loaded_author_rate", "Differences in loaded terms, writer's own voice")


def _md_quoting(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """Stances, source types, the most quoted speakers and the non-neutral reporting verbs."""
    t = data.tables
    w("## Who is quoted, and how\n")
    w("Attributions by the stance of their reporting verb (neutral *said*; endorsing *stressed*; distancing "
      "*claimed*; discrediting *admitted*, *whined*) and by the kind of source.\n")
    _img(w, charts, "stances", "Attributions by stance")
    _img(w, charts, "source_types", "Attributions by source type")
    sp = t["speakers"]
    if not sp.empty:
        w("Most quoted speakers per group (attributions; the reporting verbs used):\n")
        rows = []
        for g in _groups_in(sp, data):
            for r in sp[sp["group"] == g].head(5).itertuples(index=False):
                rows.append([esc(g, limit=40), esc(r.speaker, limit=50), esc(r.source_type), fmt(r.n_attributions),
                             esc(r.verbs, limit=80)])
        w(table(rows, ["group", "speaker", "source type", "attributions", "verbs"], "lllrl"))
    _md_roles(w, data)
    vb = t["reporting_verbs"]
    loaded_verbs = vb[vb["stance"] != "neutral"]
    if not loaded_verbs.empty:
        w("Non-neutral reporting verbs per group (count, share of the group's attributions):\n")
        rows = []
        for g in _groups_in(loaded_verbs, data):
            d = loaded_verbs[loaded_verbs["group"] == g].head(6)
            rows.append([esc(g, limit=40), "; ".join(f"{esc(r.cue_lemma)} ({esc(r.stance)}) {r.count}"
                                                       for r in d.itertuples(index=False))])
        w(table(rows, ["group", "verbs"]))


def _md_roles(w: Callable[[str], None], data: ReportData) -> None:
    """Who speaks in the quotations: the share of attributed quotations and of their words by speaker role."""
    for family, what, unit in (("quote_role", "attributed quotations (direct or partial, with a speaker)",
                                "quotations"),
                               ("quoted_words_role", "the words of attributed quotations", "words")):
        kt = stats.key_table(data.tables["rates"], family)
        if kt.empty:
            continue
        keys = list(kt.columns[2:])
        intervals = (f"with {data.config.level:.0%} bootstrap intervals" if data.config.n_boot else
                     "without intervals (--n-boot 0)")
        w(f"Share of {what} by speaker role, {intervals} (roles read from the "
          "article's words: see README, \"Speaker roles\"; `unknown` when the article does not say):\n")
        shown = set(_groups_in(kt, data))
        rows = [[esc(r["group"], limit=40), fmt(r["denominator"]), *(r[k] for k in keys)]
                for _, r in kt.iterrows() if r["group"] in shown]
        w(table(rows, ["group", unit, *keys], "lr" + "r" * len(keys)))


def _md_terms(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """Distinctive terms per group."""
    t = data.tables
    w("## Word choice: distinctive terms\n")
    dt = t["distinctive_terms"]
    if dt.empty:
        w("_No distinctive terms: they need at least two groups with enough text._\n")
    else:
        w("Terms each group uses more than all the others together, by the z-score of the log-odds ratio with an "
          "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). Distinctive terms reflect *what* a "
          "group covers as much as *how* it writes. One example per term (the term in brackets):\n")
        _img(w, charts, "distinctive_terms", "Distinctive terms per group")
        rows = []
        for g in _groups_in(dt, data):
            for r in dt[dt["group"] == g].head(8).itertuples(index=False):
                rows.append([esc(g, limit=40), esc(r.term), fmt(r.count), fmt(r.count_rest), fmt(float(r.z)),
                             esc(r.example, limit=160)])
        w(table(rows, ["group", "term", "count", "others", "z", "example"], "llrrrl"))


def _md_labels(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """Labels for the same actors."""
    t = data.tables
    w("## Labels for the same actors\n")
    al = t["actor_labels"]
    if al.empty:
        w("_No label of the actor-labels lexicon was found._\n")
    else:
        w("For each kind of actor, the label each group chooses: *fighters* or *militants* or *terrorists*, "
          "*protesters* or *rioters*, *government* or *regime*. Weight 0 is the neutral label; the share is of the "
          "group's mentions of that concept. The lexicon matches words, not referents: check the examples.\n")
        _img(w, charts, "actor_labels", "Labels for the same actors")
        loaded = al[al["weight"] > 0]
        rows = []
        for g in _groups_in(loaded, data):
            d = loaded[loaded["group"] == g].sort_values(["count", "label"], ascending=[False, True]).head(6)
            for r in d.itertuples(index=False):
                rows.append([esc(g, limit=40), esc(r.concept), esc(r.label), fmt(r.weight), fmt(r.count),
                             f"{r.share:.0%}", esc(r.example, limit=160)])
        w("Loaded labels per group (most frequent first):\n")
        w(table(rows, ["group", "concept", "label", "weight", "count", "share", "example"], "lllrrrl"))


def _md_time(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The over-time chart."""
    if data.time_key and "time_loaded_author_rate" in charts:
        w("## Over time\n")
        _img(w, charts, "time_loaded_author_rate", "Loaded terms in the writer's own voice over time")


def _md_events(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The events covered by the most sources, outlet by outlet."""
    t = data.tables
    if data.event_column:
        w("## Same event, side by side\n")
        et = t["events"]
        grouped = data.event_column == "story"
        what = "stories (articles grouped by TF-IDF similarity)" if grouped else "events (the articles' event ids)"
        n_multi = int((et["n_sources"] >= 2).sum())
        head = f"{len(et):,} {what}; {n_multi:,} {'is' if n_multi == 1 else 'are'} covered by two or more sources."
        if not data.events_shown:
            # nothing to set side by side: say so, and how to get events, rather than announce a list that does not
            # follow
            hint = (" Articles that carry an event id give it with `--event-column NAME`; stories are grouped within "
                    f"{data.config.event_window_days} days at similarity {data.config.event_threshold} or more."
                    if grouped else "")
            w(f"{head} None can be shown outlet by outlet.{hint}\n")
            return
        w(f"{head} The {len(data.events_shown)} covered by the most sources, outlet by outlet (figures over one or a "
          "few articles: no intervals):\n")
        views = t.get("event_views")
        ev_table = et.set_index("event")
        for e in data.events_shown:
            title, src = ev_table.at[e, "title"], ev_table.at[e, "title_source"]
            head = f" — plainest headline ({esc(src, limit=40)}): “{esc(title, limit=120)}”" if title else ""
            w(f"### Event {esc(e)}{head}\n")
            from framing.plots import chart_names

            _img(w, charts, f"event_{chart_names([e])[0]}", f"Event {esc(e)}")
            v = views[views["event"] == e] if views is not None else pd.DataFrame()
            rows = []
            for r in v.itertuples(index=False):
                rows.append([esc(r.group, limit=40), esc(r.titles, limit=100), fmt(r.loaded_author_rate),
                             esc(r.loaded_terms, limit=80), esc(r.labels, limit=100), esc(r.speakers, limit=80),
                             esc(r.quote_roles, limit=100), esc(r.scare_quotes, limit=60), fmt(r.polarity)])
            w(table(rows, ["outlet", "title", "loaded /1k (own voice)", "loaded terms", "labels", "quotes",
                           "quotations by speaker role", "scare quotes", "polarity"], "llrllllll"))
            if e in data.coverage:
                _md_coverage(w, data.coverage[e])


# Rows of the report's speaker table per event, and sentences listed per outlet: the rest is in the CSV tables.
MD_SPEAKERS = 15
MD_SENTENCES = 3


def _md_coverage(w: Callable[[str], None], cov: Coverage) -> None:
    """One event's coverage: speakers by outlet, then per outlet its unique sentences and what it lacks."""
    st = cov.speaker_table
    if not st.empty:
        outlets = [c for c in st.columns if c not in ("speaker", "total")]
        w(f"**Who each outlet quotes** (citations: attributions, and quotations without a reporting verb of their "
          f"own; names made one within the event; {min(len(st), MD_SPEAKERS)} of {len(st)} speakers, most cited "
          "first; all in `tables/coverage_speakers.csv`):\n")
        rows = [[esc(r["speaker"], limit=50), *(fmt(r[o]) for o in outlets), fmt(r["total"])]
                for _, r in st.head(MD_SPEAKERS).iterrows()]
        w(table(rows, ["speaker", *(esc(o, limit=30) for o in outlets), "total"], "l" + "r" * (len(outlets) + 1)))
    o = cov.outlets
    w(f"**What each outlet has that the others do not** (a sentence is *shared* when another outlet has one at TF-IDF "
      f"cosine {cov.threshold:.2f} or more, *unique* otherwise; *lacking*: content two or more other outlets share "
      "and this outlet does not have):\n")
    rows = []
    for r in o.itertuples(index=False):
        not_cited = r.speakers_not_cited.split("; ") if r.speakers_not_cited else []
        shown = "; ".join(not_cited[:5]) + (f" (+{len(not_cited) - 5})" if len(not_cited) > 5 else "")
        rows.append([esc(r.outlet, limit=40), fmt(r.sentences), fmt(r.shared), fmt(r.unique),
                     "" if pd.isna(r.unique_share) else f"{r.unique_share:.0%}", fmt(r.speakers), esc(shown, limit=160),
                     fmt(r.lacking)])
    w(table(rows, ["outlet", "sentences", "shared", "unique", "unique share", "speakers cited",
                   "cited by others, not by it", "lacking"], "lrrrrrlr"))
    sents, missing = cov.sentences, cov.missing
    for outlet in o["outlet"]:
        uniq = sents[(sents["outlet"] == outlet) & (sents["label"] == "unique")].sort_values(
            ["n_terms", "article_id", "sentence"], ascending=[False, True, True])
        # a sentence an outlet repeats in several of its articles is one piece of content: listed once, counted
        uniq = uniq.assign(dup_key=uniq["text"].str.strip())
        times = uniq.groupby("dup_key", sort=False)["article_id"].nunique()
        uniq = uniq.drop_duplicates("dup_key").head(MD_SENTENCES)
        lack = missing[missing["outlet"] == outlet]
        lack = lack[~lack["text"].str.strip().duplicated()].head(MD_SENTENCES)
        if uniq.empty and lack.empty:
            continue
        w(f"*{esc(outlet, limit=60)}*\n")
        for x in uniq.itertuples(index=False):
            n = int(times.get(x.dup_key, 1))
            w(f"- unique: “{esc(x.text, limit=240)}”" + (f" (in {n} of its articles)" if n > 1 else ""))
        for x in lack.itertuples(index=False):
            w(f"- lacks (in {esc(x.present_in, limit=120)}): “{esc(x.text, limit=240)}”")
        w("")


def _normal_words(cfg: CompareConfig) -> str:
    """How groups of many articles get their interval (docs/compare.md, "Intervals: bootstrap or delta method")."""
    return (f"; for a group of {cfg.normal_min_articles} articles or more, the delta-method normal interval of its "
            "ratio of sums, which the bootstrap approaches as groups grow (the tables' interval column names "
            "each row's)")


def _md_method(w: Callable[[str], None], data: ReportData, charts: dict[str, str]) -> None:
    """The method, and the files of the report folder."""
    t = data.tables
    cfg = data.config
    w("## Method\n")
    w("- Metrics are ratios of sums over a group's articles (a long article weighs by its length). Intervals: " + (
      f"percentile bootstrap over articles, {cfg.n_boot:,} resamples, seed {cfg.seed} combined with each group's "
      "name (a group's interval does not change when other groups are added or removed)"
      f"{_normal_words(cfg)}. A count of zero gets the exact binomial upper bound instead of the degenerate [0, 0]."
      if cfg.n_boot else "none, nor tests of differences (n_boot = 0: no bootstrap)."))
    w("- Pairwise differences: percentile interval of the difference of independent bootstrap replicates; "
      "two-sided p-value from z = difference / bootstrap standard error (a pair with a group of "
      f"{cfg.normal_min_articles} articles or more: the normal interval and p-value from the sum of the two groups' "
      f"variances); {cfg.correction} correction over the pairs of each metric.")
    w(f"- Distinctive terms: unigrams and bigrams without stop words, seen at least {cfg.min_term_count} times; "
      f"log-odds with an informative Dirichlet prior scaled to {cfg.prior_scale} \u00d7 the corpus size; ranked by "
      "z-score; terms made only of the group's own name are left out.")
    w(f"- Same-event coverage: the engine's sentences, compared across outlets by TF-IDF cosine over content words "
      f"(idf over the event's sentences); *shared* at {cfg.coverage_threshold:.2f} or more (chosen on one fold of "
      "BASIL without bias labels: `framing evaluate basil-coverage`), sentences with fewer than "
      f"{cfg.coverage_min_terms} content words not compared; for the events shown above. Lexical: a paraphrase "
      "counts as unique.")
    w("- Labels: the `actor_labels` lexicon (concept groups, weight 0 = neutral label), matched with the engine's "
      "tokens; a label inside a quotation is counted in the `quoted` column.")
    w("- Speaker roles: read from each article's own words (a title, an apposition, the speaker's first mention; "
      "lexicon `speaker_roles`), `unknown` when the article does not say; shares over a group's attributed "
      "quotations (outermost direct or partial quotations with a speaker) and their words. On held-out labelled "
      "articles about five in eight found speakers get the labelled role: compare outlets over many articles.")
    # a store analysed with `framing run --lexicon CSV` (or reports of `framing analyse --lexicon`): the loaded terms
    # found are that lexicon's, which the reader must know (the bundled ones' findings would differ)
    analyses = data.corpus.versions.get("analysed_with") or [data.corpus.versions]
    custom = custom_lexicons(analyses)
    if custom:
        with_custom = sum(int(v.get("n_articles") or 0) for v in analyses if custom_lexicons([v]))
        total = sum(int(v.get("n_articles") or 0) for v in analyses)
        some = bool(total) and with_custom != total
        which = f"{with_custom:,} of the {total:,} articles were" if some else "the articles were"
        w(f"- Lexicons: {which} analysed with {esc(', '.join(custom))}, not the bundled one (`framing run "
          "--lexicon`): the loaded terms found, and the figures made from them, are that lexicon's"
          + ("; the others' are the bundled lexicons' (see Warnings)." if some else "."))
    w("- Versions and hashes of the package, the lexicons, the configuration and the inputs are in "
      "`manifest.json`: under `analysis`, the lexicons the articles were analysed with; under `lexicons`, those "
      "this framing bundles, from which the comparison's own word lists (actor labels, titles) come.\n")
    w("## Files\n")
    w("Tables (CSV and Parquet) in `tables/`: " + ", ".join(f"`{n}`" for n in t) + ".")
    if charts:
        w("Charts (PNG and SVG) in `charts/`: " + ", ".join(f"`{n}`" for n in charts) + ".")
    w("")


def _groups_in(df: pd.DataFrame, data: ReportData) -> list[str]:
    present = set(df["group"])
    chosen = [g for g in data.chart_groups if g in present]
    return chosen or sorted(present)[: data.config.max_chart_groups]


def _img(w: Callable[[str], None], charts: dict[str, str], name: str, alt: str) -> None:
    if name in charts:
        w(f"![{alt}](charts/{charts[name]})\n")

