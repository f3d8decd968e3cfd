"""Nothing left running: a ``framing report`` stopped while a second process draws its charts (SIGKILL, SIGTERM, or
Ctrl-C, which reaches every process of the terminal's group) leaves no process of it alive 10 s later."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import descendants, reaped, stop

from .conftest import DEMO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find processes")]


def _terminal_signals() -> None:
    """Ctrl-C as in a terminal: a test run started in the background (CI, ``cmd &``) inherits SIGINT ignored, and a
    Python started with SIGINT ignored never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "Ctrl-C"])
def test_no_process_of_a_stopped_report_is_alive_10_s_later(tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "report"
    proc = subprocess.Popen([sys.executable, "-m", "framing", "report", str(DEMO), "-o", str(out)],
                            stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_terminal_signals)
    with reaped(proc):
        deadline = time.monotonic() + 180
        while not list((out / "charts").glob("*.png")):  # charts are being drawn: the helper process is up
            assert proc.poll() is None and time.monotonic() < deadline, "the report ended before it could be stopped"
            time.sleep(0.1)
        pids = descendants(proc.pid)
        assert pids, "no process drawing charts beside the report's own"
        pids.add(proc.pid)
        # Ctrl-C in a terminal reaches the whole process group
        assert not stop(proc, pids, sig, group=sig == signal.SIGINT), f"still alive 10 s after {sig.name}"
    err = proc.stderr.read() if proc.stderr else ""
    if sig == signal.SIGTERM:
        assert proc.returncode == 143 and "stopped (SIGTERM)" in err, err
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err, err
