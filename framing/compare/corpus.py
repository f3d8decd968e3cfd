"""One entry point for a corpus to compare: :func:`load_corpus` reads any input ``framing run`` reads (articles in
JSONL, CSV/TSV, Parquet, text or HTML files, or a folder of them: analysed in memory), a ``.jsonl`` of reports written
by ``framing analyse --include-text``, or a DuckDB store (``.duckdb``) written by ``framing run``, and returns the
tidy tables every comparison function takes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing import tables
from framing.corpus.schema import OTHER_SOURCE
from framing.corpus.staleness import CUSTOM
from framing.errors import ConfigError, InputError

if TYPE_CHECKING:
    from framing.corpus.fields import Mapping as FieldMapping

_STORE_SUFFIXES = (".duckdb", ".db", ".ddb")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARNING_COLUMNS = ["article_id", "warning"]
# How a corpus's warning about an input record that could not be analysed begins (Corpus.n_skipped counts them).
SKIPPED = "skipped "
_PASS_ITS_TABLES = ("the comparison functions take its tables, e.g. rates(corpus.articles), "
                    "pairwise_differences(corpus.articles), distinctive_terms(corpus.articles, corpus.texts), "
                    "speakers(corpus.findings, corpus.articles), group_events(corpus.articles, corpus.texts)")


@dataclass(frozen=True)
class Corpus:
    """The tables of an analysed corpus, with where they came from."""

    articles: pd.DataFrame  # framing.tables articles table, one row per article
    findings: pd.DataFrame  # framing.tables findings table
    texts: Mapping[str, str]  # article_id -> original text (offsets in findings point into these)
    name: str  # shown in chart titles and reports
    inputs: tuple[dict[str, Any], ...] = ()  # {"path", "sha256", "bytes", ...} of every input
    versions: dict[str, Any] = field(default_factory=dict)  # framing and lexicon versions of the analysis
    warnings: tuple[str, ...] = ()  # records skipped, duplicate ids, ...
    # "jsonl" (articles analysed now, from any input format: the name is older than the other formats), "reports",
    # "duckdb" or "memory"
    origin: str = "memory"
    # one row per warning of an article's report (``article_id``, ``warning``): language, HTML extraction, markup...
    # (the articles table counts them in ``n_warnings``); empty when the reports are not at hand (a store)
    article_warnings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=WARNING_COLUMNS))

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes a Corpus lacks. The comparison functions take its tables, not the corpus: a
        # corpus passed where a table belongs ("distinctive_terms(corpus)") fails on the first table attribute or
        # item read, and the error says what to pass instead of only "'Corpus' object has no attribute 'columns'".
        if not name.startswith("__") and hasattr(pd.DataFrame, name):
            raise AttributeError(f"a Corpus is not a table (no {name!r}): {_PASS_ITS_TABLES}")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getitem__(self, key: Any) -> Any:
        raise TypeError(f"a Corpus is not a table (corpus[{key!r}]): {_PASS_ITS_TABLES}")

    @property
    def n_articles(self) -> int:
        return len(self.articles)

    @property
    def n_skipped(self) -> int:
        """How many input records could not be analysed (each one of :attr:`warnings`, :data:`SKIPPED` first)."""
        return sum(w.startswith(SKIPPED) for w in self.warnings)

    def subset(self, article_ids: Iterable[str], *, name: str | None = None) -> Corpus:
        """The same corpus restricted to these articles (tables filtered, texts shared)."""
        keep = set(map(str, article_ids))
        a = self.articles[self.articles["article_id"].isin(keep)].reset_index(drop=True)
        f = self.findings[self.findings["article_id"].isin(keep)].reset_index(drop=True)
        w = self.article_warnings[self.article_warnings["article_id"].isin(keep)].reset_index(drop=True)
        return Corpus(a, f, {k: v for k, v in self.texts.items() if k in keep}, name or self.name, self.inputs,
                      self.versions, self.warnings, self.origin, w)

    def describe(self) -> str:
        """``name (N articles, K sources)`` for titles (articles without a source are not a source)."""
        from framing.compare.groups import count_sources

        k, _ = count_sources(self.articles)
        return f"{self.name} ({self.n_articles:,} articles, {k:,} source{'s' if k != 1 else ''})"


def load_corpus(path: str | Path, *, name: str | None = None, workers: int = 1, limit: int | None = None,
                mapping: FieldMapping | None = None) -> Corpus:
    """Load a corpus to compare.

    * articles in any input ``framing run`` reads (:mod:`framing.corpus.ingest`: ``.jsonl``, ``.csv``, ``.tsv``,
      ``.parquet``, ``.txt``, ``.html``, each may be ``.gz``, or a folder of them), with its field ``mapping``
      (:class:`~framing.corpus.fields.Mapping`, the ``--text-field`` ... options): every article is analysed in
      memory (``workers`` processes; records that cannot be analysed are skipped and listed in ``warnings``);
    * ``.jsonl`` of reports from ``framing analyse --include-text``: the reports are read, not re-analysed;
    * ``.duckdb``: a store written by ``framing run``, read through ``framing.corpus.store``.

    ``limit`` keeps the first N articles (for a quick look). A ``mapping`` applies to articles analysed now: with a
    store or a file of reports, whose articles were analysed already, it is an error.
    """
    from framing.corpus.fields import Mapping as FieldMapping
    from framing.corpus.ingest import input_format, supported_inputs

    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    label = name or _default_name(p)
    mapped = mapping is not None and mapping != FieldMapping()
    if p.is_file() and p.name.lower().endswith(_STORE_SUFFIXES):
        if mapped:
            raise ConfigError(f"{p}: a store is read as `framing run` analysed it; the field-mapping options "
                              "(--text-field, --source-field, ...) apply to articles analysed now: give them to "
                              "`framing run` instead")
        return _load_store(p, label, limit)
    if input_format(p) is None:
        raise InputError(f"{p}: unsupported input; give articles as `framing run` reads them ({supported_inputs()}), "
                         "a .jsonl of reports from `framing analyse --include-text`, or a .duckdb store from "
                         "`framing run`")
    if p.is_file() and p.name.lower().endswith(_JSONL_SUFFIXES) and _looks_like_reports(p):
        if mapped:
            raise ConfigError(f"{p}: holds reports from `framing analyse`, read as they are; the field-mapping "
                              "options (--text-field, --source-field, ...) apply to articles analysed now")
        reports = list(_read_reports(p, limit))
        return corpus_from_reports(reports, name=label, inputs=(file_info(p),), origin="reports")
    return _analyse_inputs(p, label, workers, limit, mapping)


def corpus_from_reports(reports: Iterable[dict[str, Any]], *, name: str = "corpus",
                        texts: Mapping[str, str] | None = None, inputs: Sequence[dict[str, Any]] = (),
                        warnings: Sequence[str] = (), origin: str = "memory") -> Corpus:
    """A corpus from report dicts (``ArticleReport.to_dict(include_text=True)``); ``texts`` overrides their text."""
    reps = list(reports)
    warns = list(warnings)
    reps, dup = _unique_ids(reps)
    if dup:
        warns.append(f"{dup} article id(s) occurred more than once; later copies got a '#n' suffix")
    txt = dict(texts or {})
    for r in reps:
        if r.get("id") not in txt and isinstance(r.get("text"), str):
            txt[str(r["id"])] = r["text"]
    articles, findings = tables.frames(reps)
    articles["article_id"] = articles["article_id"].astype(str)
    findings["article_id"] = findings["article_id"].astype(str)
    warned = pd.DataFrame([(str(r.get("id")), str(w)) for r in reps for w in r.get("warnings") or ()],
                          columns=WARNING_COLUMNS)
    missing = sum(1 for a in articles["article_id"] if a not in txt)
    if missing:
        warns.append(f"{missing} article(s) have no text (analyse with --include-text): word choice, actor labels "
                     "and event grouping leave them out")
    versions = dict(reps[0].get("versions") or {}) if reps else {}
    return Corpus(articles, findings, txt, name, tuple(inputs), versions, tuple(warns), origin, warned)


def file_info(p: Path) -> dict[str, Any]:
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return {"path": str(p), "sha256": h.hexdigest(), "bytes": p.stat().st_size}


def _default_name(p: Path) -> str:
    from framing.corpus.formats import FORMATS

    stem = p.name
    if p.is_file():  # the name without its format's suffix: "news.csv.gz" -> "news"
        suffixes = (*_STORE_SUFFIXES, *FORMATS, *(f"{s}.gz" for s in FORMATS))
        suf = next((s for s in sorted(suffixes, key=len, reverse=True) if stem.lower().endswith(s)), "")
        stem = stem[: len(stem) - len(suf)] or stem
    # "data/demo/articles.jsonl" -> "demo/articles": a bare "articles" says little in a chart title
    return f"{p.parent.name}/{stem}" if p.parent.name and stem in ("articles", "corpus", "data", "reports") else stem


def _open(p: Path) -> Any:
    return gzip.open(p, "rt", encoding="utf-8", errors="replace") if p.name.lower().endswith(".gz") \
        else open(p, encoding="utf-8", errors="replace")


def _looks_like_reports(p: Path) -> bool:
    with _open(p) as fh:
        for line in fh:
            if line.strip():
                try:
                    obj = json.loads(line.lstrip("\ufeff"))
                except json.JSONDecodeError:
                    return False
                return isinstance(obj, dict) and "findings" in obj and "metrics" in obj
    return False


def _read_reports(p: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    n = 0
    with _open(p) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line.lstrip("\ufeff"))
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or "metrics" not in obj or "findings" not in obj:
                raise InputError(f"{p}:{lineno}: not a report (no findings/metrics); a file mixes reports and "
                                 "articles")
            if obj.get("id") is None:
                obj["id"] = f"{p.name}:{lineno}"
            yield obj
            n += 1
            if limit is not None and n >= limit:
                return


def _analyse_one(job: tuple[str, str, str | None, dict[str, Any], tuple[str, ...]]) -> dict[str, Any]:
    from framing.records import input_warnings
    from framing.report import analyse

    rid, text, source, meta, warnings = job
    d = analyse(text, id=rid, source=source, meta=meta).to_dict(include_text=True)
    d["warnings"] = input_warnings(warnings, d["warnings"])
    return d


def _analyse_inputs(p: Path, label: str, workers: int, limit: int | None,
                    mapping: FieldMapping | None) -> Corpus:
    """Analyse the articles of one input path, read as ``framing run`` reads it (:func:`framing.inputs.read`)."""
    from framing.corpus.ingest import MetadataUse, describe_inputs, metadata_warning
    from framing.inputs import read
    from framing.records import Record

    # what the manifest records of each input (and of the metadata file): its path, format, size and hash (not the
    # estimated record count of a progress bar)
    inputs = tuple({k: v for k, v in info.to_dict().items() if k != "records"}
                   for info in describe_inputs([str(p)], mapping))
    jobs = []
    warns: list[str] = []
    metadata_use = MetadataUse() if mapping is not None and mapping.metadata else None
    for rec in read(str(p), mapping, metadata_use=metadata_use):
        if not isinstance(rec, Record):
            warns.append(f"{SKIPPED}{rec.message()}")
            continue
        jobs.append((rec.id, rec.text, rec.source, dict(rec.meta), tuple(rec.warnings)))
        if limit is not None and len(jobs) >= limit:
            break
    else:  # (after --limit N the rest of the records were not read: their rows are not unmatched)
        if metadata_use is not None and (warn := metadata_warning(metadata_use.to_dict())):
            warns.append(warn)
    if workers > 1 and len(jobs) > 50:
        with ProcessPoolExecutor(max_workers=workers) as ex:
            reports = list(ex.map(_analyse_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    else:
        reports = [_analyse_one(j) for j in jobs]
    if not reports:
        raise InputError(f"{p}: no article could be analysed" + (f" ({warns[0]})" if warns else ""))
    return corpus_from_reports(reports, name=label, inputs=inputs, warnings=warns, origin="jsonl")


def _unique_ids(reports: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    seen: dict[str, int] = {}
    out = []
    dup = 0
    for r in reports:
        rid = str(r.get("id"))
        if rid in seen:
            seen[rid] += 1
            dup += 1
            r = {**r, "id": f"{rid}#{seen[rid]}"}
        else:
            seen[rid] = 1
            if r.get("id") != rid:
                r = {**r, "id": rid}
        out.append(r)
    return out, dup


def _load_store(p: Path, label: str, limit: int | None) -> Corpus:
    try:
        from framing.corpus.store import open_store
    except ImportError:
        raise InputError(f"{p}: reading a DuckDB store needs framing.corpus.store, which this installation does not "
                         "have; analyse a .jsonl corpus instead") from None
    info = file_info(p)  # hashed before opening: a read-only open leaves the file as it is
    with open_store(p, read_only=True) as store:
        articles = store.articles_frame()
        if limit is not None:
            articles = articles.head(limit)
        ids = [str(a) for a in articles["article_id"].tolist()]
        findings = store.findings_frame(article_ids=ids if limit is not None else None)
        texts = {str(k): v for k, v in store.texts(ids).items() if isinstance(v, str)}
        runs = store.runs()
        versions: dict[str, Any] = {"store_runs": [int(r) for r in runs["run_id"].tolist()]}
        # every set of versions the articles were analysed with, and how many each (not only the last run's)
        analysed_with = store.article_versions(ids if limit is not None else None)
        complete = runs[runs["status"] == "complete"]
        last = (complete if len(complete) else runs)["run_id"].tolist()
        manifests = {int(r): store.manifest(int(r)) for r in runs["run_id"].tolist()}
        # duplicates that came with another source than the stored copy of their text (counted by each run's
        # sessions: framing.corpus.runner)
        other_source = sum(int(x.get(OTHER_SOURCE) or 0) for m in manifests.values()
                           for x in (m.get("timings") or {}).get("sessions", []))
        if last:
            man = manifests[int(last[-1])]
            # the analysis' identity, not the run's timings: the same store gives the same report manifest
            versions.update({k: man[k] for k in ("framing", "versions", "versions_key", "config") if k in man})
            versions["store_run"] = int(last[-1])
    articles = articles.copy()
    articles["article_id"] = articles["article_id"].astype(str)
    findings = findings.copy()
    findings["article_id"] = findings["article_id"].astype(str)
    warns = []
    versions["analysed_with"] = analysed_with
    mixed = versions_warning(analysed_with)
    if mixed:
        warns.append(mixed)
    if other_source:
        warns.append(f"{other_source:,} input record{'s' if other_source != 1 else ''} with another source than the "
                     f"stored copy of the same text {'were' if other_source != 1 else 'was'} set aside as "
                     "duplicates: a text several outlets published "
                     "counts for its first source only (`framing runs --duplicates` lists them)")
    missing = sum(1 for a in articles["article_id"] if a not in texts)
    if missing:
        warns.append(f"{missing} article(s) have no stored text: word choice, actor labels and event grouping "
                     "leave them out")
    if articles.empty:
        raise InputError(f"{p}: the store has no articles; run `framing run INPUT --db {p}` first")
    return Corpus(articles, findings, texts, label, (info,), versions, tuple(warns), "duckdb")


def versions_warning(analysed_with: Sequence[dict[str, Any]]) -> str | None:
    """A warning when the articles were analysed with different versions (``Store.article_versions``): each lexicon
    and framing version that differs, with its article count; None when they all share one set of versions."""
    if len(analysed_with) < 2:
        return None
    parts: list[str] = []

    def spread(label: str, of: Callable[[dict[str, Any]], tuple[str, str | None] | None]) -> None:
        counts: dict[tuple[str, str | None], int] = {}
        for v in analysed_with:
            key = of(v) or ("unknown", None)
            counts[key] = counts.get(key, 0) + int(v["n_articles"])
        if len(counts) < 2:
            return
        names = [k[0] for k in counts]
        # a version with two contents (an edited lexicon) and a custom lexicon (--lexicon CSV) are told apart by their
        # SHA-256
        shown = [f"{k[0]}{f' (sha256 {k[1][:12]})' if k[1] and (names.count(k[0]) > 1 or k[0] == CUSTOM) else ''} "
                 f"({n:,} articles)"
                 for k, n in sorted(counts.items(), key=lambda kn: (-kn[1], kn[0][0], kn[0][1] or ""))]
        parts.append(f"{label} {', '.join(shown)}")

    def release(v: dict[str, Any]) -> tuple[str, str | None] | None:
        return (str(v["framing"]), None) if v.get("framing") else None

    def lexicon(name: str) -> Callable[[dict[str, Any]], tuple[str, str | None] | None]:
        def of(v: dict[str, Any]) -> tuple[str, str | None] | None:
            lx = (v.get("lexicons") or {}).get(name)
            return (str(lx.get("version")), lx.get("sha256")) if lx else None

        return of

    spread("framing", release)
    for name in sorted({name for v in analysed_with for name in v.get("lexicons") or {}}):
        spread(f"lexicon {name}", lexicon(name))
    total = sum(int(v["n_articles"]) for v in analysed_with)
    if not parts:  # the same releases, other engine code or settings (an edited checkout, --any-language)
        return (f"the {total:,} articles were analysed with {len(analysed_with)} different versions of the engine's "
                "code or settings (the same framing and lexicon versions): their figures may not be comparable; "
                "`framing run` on their inputs analyses the stale ones again (manifest.json lists each, under "
                "analysis.analysed_with)")
    custom = any((v.get("lexicons") or {}).get(name, {}).get("version") == CUSTOM
                 for v in analysed_with for name in v.get("lexicons") or {})
    return (f"the {total:,} articles were analysed with different versions: {'; '.join(parts)}. Figures of articles "
            "analysed with different lexicons are not comparable (a difference between groups can be one of "
            "versions): run `framing run` on their inputs again to analyse the stale ones with the current versions "
            + ("or with a custom lexicon, given --lexicon CSV, which analyses again every article not analysed with "
               "that lexicon " if custom else "")
            + "(manifest.json lists every version with its articles, under analysis.analysed_with)")
