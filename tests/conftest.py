"""Shared test helpers: the location of ../shared and a skip marker for tests that need it; a SIGTERM to the test
run stops it as Ctrl-C does, so that fixtures tear down what they started (the browser tests' dashboard server)."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: pytest.Config) -> None:
    # (without it a killed test run left its dashboard server running: the fixture's teardown never ran)
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _stop)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "seed_article.txt"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with a reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (the project's shared gold data, not part of the repository)")
    return p
