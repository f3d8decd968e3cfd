"""Corpora at scale: read what users have, analyse it in parallel (or on Dask), keep it in a DuckDB store.

>>> from framing.corpus import run_corpus, open_store                                  # doctest: +SKIP
>>> run_corpus(["data/demo/articles.jsonl"], "demo.duckdb", workers=2).line()           # doctest: +SKIP
'run 1 complete: 165 input items: 165 analysed, 0 up to date, 0 duplicates, 0 errors; ...'
>>> with open_store("demo.duckdb", read_only=True) as st:                              # doctest: +SKIP
...     st.articles_frame(where={"event": "E01"})

Modules: :mod:`~framing.corpus.ingest` (readers, field mapping, dates, ids), :mod:`~framing.corpus.store`
(the DuckDB store), :mod:`~framing.corpus.runner` (the run loop), :mod:`~framing.corpus.worker` (what a worker
runs), :mod:`~framing.corpus.dask_engine`, :mod:`~framing.corpus.staleness` (what stored articles were analysed with,
in words) and :mod:`~framing.corpus.commands` (the CLI). The names below are
imported on first use, so that importing the package (as the CLI does) loads neither DuckDB nor pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Mapping": "ingest", "read_inputs": "ingest",
    "open_store": "store", "Store": "store", "StoreError": "store",
    "run_corpus": "runner", "RunSummary": "runner", "RunError": "runner",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"framing.corpus.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'framing.corpus' has no attribute {name!r}")
