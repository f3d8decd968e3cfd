"""Fixtures for the end-to-end tests: the dashboard served by `framing dashboard` on 127.0.0.1 (a store of the demo
corpus plus hostile articles), Debian's Chromium driven by Playwright, and screenshots kept as test artefacts.

These tests are never skipped silently: without Chromium they fail and say how to install it, unless
``FRAMING_SKIP_BROWSER=1`` asks to skip them. ``make test`` installs Chromium when it can; when it cannot, the
browser tests are left out (counted as deselected) and the summary says why in one line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.server import CHROMIUM, ROOT, dashboard, launch

ARTIFACTS = Path(os.environ.get("FRAMING_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")  # the Python package never fetches a browser


NO_CHROMIUM = (f"browser tests skipped by make test: {CHROMIUM} not found and this user cannot install it; enable "
               "them with `sudo apt-get install chromium` or FRAMING_CHROMIUM=/path/to/chromium")
_left_out: list[int] = []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    browser = [item for item in items if "tests/browser/" in str(item.fspath).replace(os.sep, "/")]
    for item in browser:
        item.add_marker(pytest.mark.browser)
    if browser and os.environ.get("FRAMING_SKIP_BROWSER_REASON") == "no-chromium" and not CHROMIUM.is_file():
        # `make test` could not install Chromium: leave the browser tests out and say so in one line
        config.hook.pytest_deselected(items=browser)
        items[:] = [item for item in items if item not in browser]
        _left_out.append(len(browser))


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    if _left_out:
        terminalreporter.write_line(f"{_left_out[0]} {NO_CHROMIUM}", yellow=True, bold=True)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if os.environ.get("FRAMING_SKIP_BROWSER") == "1":
        pytest.skip("FRAMING_SKIP_BROWSER=1: the browser tests were asked to be skipped")
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} not found: the browser tests need Debian's Chromium (`apt-get install chromium`; "
                    ".ci/run installs it), or FRAMING_CHROMIUM=/path/to/chromium; set FRAMING_SKIP_BROWSER=1 to skip "
                    "them on purpose", pytrace=False)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser_store(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store the browser tests' dashboard serves (the demo corpus plus hostile articles)."""
    from tests.dashboard.conftest import build_store

    return build_store(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def server(browser_store: Path) -> Iterator[str]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with dashboard("--db", str(browser_store), env={"FRAMING_CACHE": str(browser_store.parent / "cache")},
                   log=ARTIFACTS.parent / "dashboard-server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):  # noqa: ANN001, ANN201
    """A fresh page; any JavaScript dialog (alert, confirm, prompt) fails the test, and page errors are kept."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []

    def on_dialog(d) -> None:  # noqa: ANN001
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.base = server
    yield pg
    assert not pg.dialogs, f"a JavaScript dialog opened: {pg.dialogs}"
    context.close()


def shoot(pg, name: str, *, full: bool = True) -> Path:  # noqa: ANN001
    """A screenshot of the page as a test artefact (artifacts/screenshots/NAME.png)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if full:  # Streamlit scrolls inside its main block: grow the viewport to the content for a full capture
        height = pg.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                             " return m ? Math.max(m.scrollHeight, 800) : 1000; }")
        size = pg.viewport_size
        pg.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 8000)})
        pg.wait_for_timeout(500)
        pg.screenshot(path=str(path))
        pg.set_viewport_size(size)
    else:
        pg.screenshot(path=str(path))
    return path
