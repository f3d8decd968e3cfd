"""The dashboard's server process (``framing dashboard`` starts it): Streamlit's own command line (``python -m
framing.dashboard_server run APP ...`` takes the arguments of ``streamlit run APP ...``), with the libraries the
pages use imported in the background while the server starts and waits for its first visitor.

Streamlit runs the pages in the server's own process, importing what they import on the first script run that needs
it: without this, the first visitor of a new server waited for pandas, Altair, SciPy and the analyser's modules
(about half a second on the development machine, more on a cold disk) before the first page could answer. Here a
thread imports them once the server is up (before, it would slow the server's own start, which runs on the same
interpreter); a script run that starts before the thread is done waits for it (:func:`wait_for_preload`, at the top
of ``dashboards/app.py``) rather than importing the same modules beside it (two threads importing modules that
import each other can see a module half made). :data:`PRELOAD` lists them, and :data:`PRELOAD_AFTER` what the thread
imports next, once the pages may run; ``tests/dashboard/test_server.py`` runs every page after both and fails if a
page still imports one of our modules or a package for the first time.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time

# What the pages import (directly, or through the library on their first views), heaviest first.
PRELOAD = (
    "pandas",
    "altair",            # the interactive charts (framing.interactive)
    "jinja2",            # Altair's, imported when a chart is first made
    "scipy.sparse",      # term counts (framing.compare.terms, wordchoice)
    "PIL.Image",         # the page icon (st.set_page_config)
    "framing.charts",
    "framing.compare",
    "framing.compare.coverage",
    "framing.compare.labelcount",
    "framing.compare.stored",
    "framing.compare.wordchoice",
    "framing.corpus.staleness",
    "framing.corpus.store",
    "framing.explore",
    "framing.highlight",
    "framing.interactive",
    "framing.lexicons",
    "framing.report",
    "framing.uploads",
    "framing.workspace",
    "threadpoolctl",     # one BLAS thread while bootstrapping (framing.compare.stats), when installed
)
# Imported next, once the pages may run (the thread goes on with them after :func:`wait_for_preload` returns): the
# charts drawn with matplotlib (framing.plots, a quarter of a second), which only the page that analyses uploads and
# the PNG downloads draw, so that the first visitor does not wait for them. A page that needs one meanwhile waits on
# Python's own lock of that module, held by the thread until it is made (the thread imports nothing of the pages, so
# the two cannot wait on each other).
PRELOAD_AFTER = (
    "matplotlib",
    "framing.plots",
)

# Set when the background import is over (or was never started: a script run by `streamlit run` directly).
_done = threading.Event()
_done.set()


def preload(names: tuple[str, ...] = PRELOAD + PRELOAD_AFTER) -> None:
    """Import every module of ``names`` that is installed (threadpoolctl is optional). One that fails is skipped with
    a warning (the page that imports it fails again, with its message on the page), not the rest."""
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                _warn(f"could not import {name} in advance: {exc}")
        except Exception as exc:  # (a broken install: the page says so when it imports it)
            _warn(f"could not import {name} in advance: {type(exc).__name__}: {exc}")


def _warn(message: str) -> None:
    print(f"framing: dashboard: {message}", file=sys.stderr, flush=True)


# How long the thread waits for the server to be up before it imports anyway (seconds).
SERVER_WAIT = 30.0


def _server_up() -> bool:
    """Has Streamlit's runtime started (the server listens, waiting for or serving sessions)?"""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    return Runtime.exists() and Runtime.instance().state not in (RuntimeState.INITIAL,)


def _preload_then_set(after_server: bool) -> None:
    try:
        end = time.monotonic() + SERVER_WAIT
        while after_server and not _server_up() and time.monotonic() < end:
            time.sleep(0.05)
        preload(PRELOAD)
    finally:
        _done.set()
    preload(PRELOAD_AFTER)


def start_preload(*, after_server: bool = False) -> None:
    """Start :func:`preload` in a daemon thread (``after_server``: once Streamlit's server is up, or after
    :data:`SERVER_WAIT` seconds); :func:`wait_for_preload` waits for it."""
    _done.clear()
    threading.Thread(target=_preload_then_set, args=(after_server,), name="framing-preload", daemon=True).start()


def wait_for_preload(timeout: float = 120.0) -> None:
    """Wait until the background import of :data:`PRELOAD` started by :func:`start_preload` is over (at once if none
    was started); after ``timeout`` seconds, go on with a warning (the page then imports what it needs itself)."""
    if not _done.wait(timeout):
        _warn(f"the libraries' import in advance is still running after {timeout:.0f} s; the page goes on without "
              "waiting for it")


def main(argv: list[str]) -> None:
    """Start the background import, then run Streamlit's command line with ``argv`` (``run APP --option ...``); it
    exits the process itself, with Streamlit's exit status."""
    # Streamlit's modules first, on this thread alone: the background thread asks its runtime whether the server is
    # up, and two threads would otherwise import Streamlit's package at once
    from streamlit.runtime import runtime  # noqa: F401
    from streamlit.web import cli

    start_preload(after_server=True)
    sys.argv = ["streamlit", *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    # through the package's module (not this __main__ copy), so that the app's wait_for_preload sees the same event
    from framing.dashboard_server import main as _main

    _main(sys.argv[1:])
