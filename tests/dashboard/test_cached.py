"""The dashboard's store handling (dashboards/cached.py): a script run holds the store open for its queries and lets
it go when it ends, so that a writer can open it between runs."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

from framing.corpus.store import open_store
from framing.explore import Filters

from .conftest import ROOT, check

sys.path.insert(0, str(ROOT / "dashboards"))
import cached  # noqa: E402  (the dashboard's own module, as its pages import it)


def _ref(db: Path) -> tuple[str, int]:
    return str(db), db.stat().st_mtime_ns


def test_a_run_holds_the_store_for_its_queries_and_lets_it_go(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    shutil.copy(store, db)
    ref = _ref(db)
    with cached.held(ref):
        assert cached._HELD[str(db)][1] == 1
        with cached.held(ref):  # another run at the same time (another session's thread)
            assert cached._HELD[str(db)][1] == 2
            with cached._open(ref) as s:  # a query opens its own connection to the held database
                assert s.count(None) > 100
        assert cached._HELD[str(db)][1] == 1
    assert str(db) not in cached._HELD
    with open_store(db) as s:  # let go: a writer opens it (in this process too)
        assert s.count(None) > 100


def test_a_run_that_stops_or_fails_lets_the_store_go(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "stopped.duckdb"
    shutil.copy(store, db)

    class Stop(BaseException):  # as Streamlit's st.stop and st.rerun, which derive from BaseException
        pass

    for exc in (Stop(), ValueError("a page failed")):
        with pytest.raises(type(exc)), cached.held(_ref(db)):
            raise exc
        assert str(db) not in cached._HELD
    with open_store(db) as s:
        assert s.count(None) > 100


def test_runs_in_threads_share_the_store_and_the_last_one_closes_it(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "threads.duckdb"
    shutil.copy(store, db)
    ref = _ref(db)
    inside, go = threading.Barrier(4), threading.Event()
    counts: list[int] = []

    def run() -> None:
        with cached.held(ref):
            with cached._open(ref) as s:
                counts.append(s.count(None))
            inside.wait(timeout=30)
            go.wait(timeout=30)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    inside.wait(timeout=30)
    assert cached._HELD[str(db)][1] == 3
    go.set()
    for t in threads:
        t.join(timeout=30)
    assert str(db) not in cached._HELD and len(set(counts)) == 1 and len(counts) == 3


def test_a_store_that_cannot_be_opened_is_not_held(tmp_path: Path) -> None:
    with cached.held((str(tmp_path / "none.duckdb"), 0)):
        assert str(tmp_path / "none.duckdb") not in cached._HELD


def test_after_a_page_ran_a_writer_can_open_the_store(store: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "page.duckdb"
    shutil.copy(store, db)
    monkeypatch.setenv("FRAMING_DB", str(db))
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(str(ROOT / "dashboards" / "app.py"), default_timeout=90)
    at.switch_page("views/words.py")
    at.run()
    check(at)
    assert not cached._HELD
    with open_store(db) as s:
        assert s.count(None) > 100


def test_the_same_event_pages_png_download_is_the_matplotlib_chart(store: Path) -> None:
    """The page shows the interactive chart; its download draws the PNG of the same table when clicked."""
    png = cached.event_png(_ref(store), "E04", Filters(), "demo")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
