"""Fixtures for the comparison tests: the demo corpus analysed once, and a small part of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.compare.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "articles.jsonl"


@pytest.fixture(scope="session")
def demo() -> Corpus:
    return load_corpus(DEMO)


@pytest.fixture(scope="session")
def small(demo: Corpus) -> Corpus:
    """Four outlets on five events of the demo corpus (20 articles), for the slower end-to-end tests."""
    keep_src = ["Capital Wire", "Patriot Dispatch", "The Progressive Ledger", "Kestrel State News Agency"]
    a = demo.articles
    a = a[a["source"].isin(keep_src) & a["event"].isin(["E01", "E02", "E03", "E04", "E05"])]
    ids = set(a["article_id"])
    f = demo.findings[demo.findings["article_id"].isin(ids)]
    return Corpus(a.reset_index(drop=True), f.reset_index(drop=True), {k: demo.texts[k] for k in ids}, "demo-small",
                  demo.inputs, demo.versions, (), "memory")
