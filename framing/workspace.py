"""Which analysed corpus the dashboard opens, and the cached store of a corpus that has not been analysed yet.

The dashboard always reads a DuckDB store (:mod:`framing.corpus.store`). :func:`choose_data` decides which:

* ``--db PATH`` / ``FRAMING_DB``: a store written by ``framing run``, opened read-only as it is;
* ``--corpus PATH`` / ``FRAMING_CORPUS``: any input ``framing run`` reads (``.jsonl``, ``.csv``, ``.parquet``,
  a folder...), with an optional field mapping (``FRAMING_MAPPING``, a JSON object of
  :class:`~framing.corpus.ingest.Mapping` options);
* neither: the bundled demo corpus, ``data/demo/articles.jsonl``.

A corpus is analysed once into a store in the cache folder (:func:`cache_dir`), named after the corpus and a
key that hashes the input files' contents, the mapping and the analysis versions (package, lexicons and their
hashes, configuration, and the SHA-256 of the engine's source files, as runs do): when any of them changes the key
changes and the store is built again; an interrupted build resumes (it is a ``framing run``, see :mod:`framing.corpus.runner`).
A corpus is analysed with the bundled lexicons only, as the key says: to see a corpus analysed with a custom
loaded-terms lexicon, build its store with ``framing run --lexicon CSV`` and open it with ``--db``, which shows the
findings as stored (the Analyse and Lexicons pages say which lexicon that was).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from framing.errors import ConfigError, InputError

ENV_CORPUS = "FRAMING_CORPUS"
ENV_DB = "FRAMING_DB"
ENV_MAPPING = "FRAMING_MAPPING"
ENV_CACHE = "FRAMING_CACHE"

# Batches of at most this many articles when building a cached store: the progress bar moves at least every
# few batches of ~250 articles (committed a few at a time: see framing.corpus.runner.DEFAULT_BATCH and
# COMMIT_GROUP).
_MAX_BATCH = 250
# ... and at least this many, so that a small corpus is not written in hundreds of tiny transactions.
_MIN_BATCH = 25
# Below this many articles, analysing in this process is faster than starting worker processes (~2-3 s each).
_POOL_MIN_ARTICLES = 2000

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class DataChoice:
    """What the dashboard shows: ``kind`` is ``demo``, ``corpus`` or ``db``; ``mapping`` is the corpus' field
    mapping as a dict of :class:`~framing.corpus.ingest.Mapping` options."""

    kind: Literal["demo", "corpus", "db"]
    path: Path
    mapping: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        if self.kind == "demo":
            return "the bundled demo corpus (invented articles)"
        return f"{'store' if self.kind == 'db' else 'corpus'} {self.path}"

    @property
    def name(self) -> str:
        """A short name for titles: ``demo``, or the file's name without its suffixes."""
        if self.kind == "demo":
            return "demo corpus"
        return re.sub(r"(\.(jsonl|ndjson|csv|tsv|parquet|txt|duckdb|db|ddb))?(\.gz)?$", "", self.path.name) \
            or self.path.name


def demo_corpus() -> Path:
    from framing.lexicons import data_dir

    return data_dir() / "demo" / "articles.jsonl"


def choose_data(*, corpus: str | Path | None = None, db: str | Path | None = None,
                mapping: MappingABC[str, str] | None = None,
                environ: MappingABC[str, str] | None = None) -> DataChoice:
    """The data to show: the arguments first, then the environment (``FRAMING_DB``, ``FRAMING_CORPUS``,
    ``FRAMING_MAPPING``), then the demo corpus. Raises :class:`InputError` for a path that does not exist and
    :class:`ConfigError` when both a corpus and a store are given."""
    env = os.environ if environ is None else environ
    if corpus is None and db is None:
        corpus = env.get(ENV_CORPUS) or None
        db = env.get(ENV_DB) or None
        if mapping is None and env.get(ENV_MAPPING):
            mapping = parse_mapping(env[ENV_MAPPING])
    if corpus is not None and db is not None:
        raise ConfigError(f"give a corpus or a store, not both (--corpus/{ENV_CORPUS} and --db/{ENV_DB})")
    if db is not None:
        p = Path(db).expanduser()
        if not p.is_file():
            raise InputError(f"{p}: no such store; build it with `framing run INPUT --db {p}`, or give --corpus")
        return DataChoice("db", p.resolve())
    mp = _check_mapping(dict(mapping or {}))
    if corpus is not None:
        p = Path(corpus).expanduser()
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        from framing.corpus.ingest import check_inputs

        check_inputs([str(p)])
        return DataChoice("corpus", p.resolve(), tuple(sorted(mp.items())))
    return DataChoice("demo", demo_corpus().resolve(), tuple(sorted(mp.items())))


def parse_mapping(text: str) -> dict[str, str]:
    """``FRAMING_MAPPING``: a JSON object of field-mapping options, e.g. ``{"text": "content_original"}``."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{ENV_MAPPING} is not valid JSON ({exc.msg}); give an object such as "
                          '{"text": "content_original"}') from None
    if not isinstance(obj, dict) or not all(isinstance(v, str) for v in obj.values()):
        raise ConfigError(f"{ENV_MAPPING} must be a JSON object of strings, such as {{\"text\": \"body\"}}")
    return obj


def _check_mapping(mp: dict[str, str]) -> dict[str, str]:
    from framing.corpus.ingest import Mapping

    Mapping.from_dict(mp)  # raises ConfigError listing the valid options
    return mp


def cache_dir(environ: MappingABC[str, str] | None = None) -> Path:
    """Where cached stores live: ``FRAMING_CACHE``, else ``.cache/framing`` in the project folder when it can be
    written, else ``~/.cache/framing``."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CACHE):
        return Path(env[ENV_CACHE]).expanduser()
    from framing.lexicons import data_dir

    project = data_dir().resolve().parent
    if os.access(project, os.W_OK):
        return project / ".cache" / "framing"
    return Path.home() / ".cache" / "framing"


def _versions_key() -> str:
    # The same key as the runs' (framing.provenance): the engine's own source hash included, so that an engine
    # edited since the store was cached is never served from it.
    from framing.provenance import current_versions_key

    return current_versions_key()


def store_key(choice: DataChoice) -> str:
    """The cached store's key: input contents, mapping and analysis versions."""
    from framing.corpus.ingest import Mapping, describe_inputs

    infos = describe_inputs([str(choice.path)], Mapping.from_dict(dict(choice.mapping)))
    blob = json.dumps({"inputs": [(i.format, i.sha256) for i in infos], "mapping": dict(choice.mapping),
                       "versions": _versions_key()}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def store_path(choice: DataChoice, *, cache: Path | None = None) -> Path:
    """The store the dashboard reads for this choice (for a corpus: its cached store, built or not)."""
    if choice.kind == "db":
        return choice.path
    slug = "demo" if choice.kind == "demo" else re.sub(r"[^a-z0-9]+", "-", choice.name.lower()).strip("-")[:40]
    return (cache or cache_dir()) / f"{slug or 'corpus'}-{store_key(choice)}.duckdb"


def store_ready(path: Path) -> bool:
    """True when the store exists and its last run completed."""
    if not path.is_file():
        return False
    from framing.corpus.store import StoreError, open_store

    try:
        with open_store(path, read_only=True) as st:
            runs = st.runs()
    except StoreError:
        return False
    return bool(len(runs)) and runs["status"].iloc[-1] == "complete"


def ensure_store(choice: DataChoice, *, progress: Progress | None = None, workers: int | None = None,
                 cache: Path | None = None) -> Path:
    """The path of a complete store for this choice, analysing the corpus first if needed (resuming an
    interrupted build). ``progress(fraction, message)`` is called as batches are committed."""
    path = store_path(choice, cache=cache)
    if choice.kind == "db" or store_ready(path):
        return path
    from framing.corpus.ingest import Mapping, describe_inputs
    from framing.corpus.runner import run_corpus

    mapping = Mapping.from_dict(dict(choice.mapping))
    estimate = sum(i.records or 0 for i in describe_inputs([str(choice.path)], mapping)) or None
    batch = max(_MIN_BATCH, min(_MAX_BATCH, (estimate or 0) // 20))
    if workers is None:
        workers = 1 if (estimate or 0) < _POOL_MIN_ARTICLES else max(1, min(os.cpu_count() or 1, 4))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the cache folder {path.parent}: {exc.strerror}; set {ENV_CACHE} to a "
                         "writable folder") from None
    done = 0

    def log(line: str) -> None:  # one line per committed batch (of `batch` input items, the last one smaller)
        nonlocal done
        done += batch
        if progress is not None:
            frac = min(1.0, done / estimate) if estimate else 0.0
            progress(frac, f"analysed {min(done, estimate or done):,} of {estimate or '?'} articles")

    if progress is not None:
        progress(0.0, f"analysing {estimate or 'the'} articles of {choice.label} (once; the result is cached)")
    summary = run_corpus([str(choice.path)], path, mapping=mapping, workers=workers, batch_size=batch,
                         progress=False, log=log)
    if progress is not None:
        progress(1.0, summary.line())
    _remove_stale(path)
    return path


def _remove_stale(current: Path) -> None:
    """Remove the cached stores of earlier versions of the same corpus (same name, another key)."""
    slug = current.name.rsplit("-", 1)[0]
    for old in current.parent.glob(f"{slug}-*.duckdb"):
        if old != current and re.fullmatch(rf"{re.escape(slug)}-[0-9a-f]{{16}}\.duckdb", old.name):
            for f in (old, Path(f"{old}.wal")):
                try:
                    f.unlink(missing_ok=True)
                except OSError:
                    pass  # in use or read-only: it is only a cache
