"""Fixtures for the dashboard tests: a store of the demo corpus plus hostile articles (built once per session, in
a temporary folder), and a helper that runs one page of the app in Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboards" / "app.py"
DEMO = ROOT / "data" / "demo" / "articles.jsonl"
# Articles whose text, title, source and URL carry HTML, scripts, Markdown links and javascript: URLs.
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile.jsonl"
HOSTILE_SOURCE = "<img src=x onerror=alert(8)> Gazette"


def build_store(folder: Path) -> Path:
    from framing.corpus import run_corpus

    db = folder / "demo-hostile.duckdb"
    run_corpus([str(DEMO), str(HOSTILE)], db, progress=False)
    return db


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store"))


@pytest.fixture
def env(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads the session's store; nothing is cached outside the test's folder."""
    monkeypatch.setenv("FRAMING_DB", str(store))
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.delenv("FRAMING_MAPPING", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    return store


@pytest.fixture
def page(env: Path):
    """``page("compare", source=["A"])`` runs that page with those URL query parameters and checks that it ran
    without an exception or an error message."""
    from streamlit.testing.v1 import AppTest

    def run(name: str, *, errors_ok: bool = False, **params: object):
        at = AppTest.from_file(str(APP), default_timeout=90)
        at.query_params.update(params)
        at.switch_page(f"views/{name}.py")
        at.run()
        check(at, errors_ok=errors_ok)
        return at

    return run


def check(at, *, errors_ok: bool = False) -> None:  # noqa: ANN001
    assert not at.exception, [e.value for e in at.exception]
    if not errors_ok:
        assert not at.error, [e.value for e in at.error]


def html_of(at) -> str:  # noqa: ANN001
    """Everything the page showed with st.html, as one string."""
    return "\n".join(e.proto.body for e in at.get("html"))
