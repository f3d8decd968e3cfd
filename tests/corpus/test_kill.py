"""Nothing left running: a real ``framing run --workers 2`` killed with SIGKILL or stopped with SIGTERM leaves no
process of the run alive 10 s later (Linux: processes are found through /proc)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from framing.corpus.store import open_store
from tests.processes import descendants, reaped, stop

from .conftest import DEMO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find processes")]


def _start_run(tmp_path: Path) -> tuple[subprocess.Popen[str], list[str], Path]:
    demo = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    # ~6,600 distinct articles: about a minute of work for two workers
    rows = [{**r, "id": f"{r['id']}-{k}", "text": f"{r['text']}\n\nCopy {k}."} for k in range(40) for r in demo]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "framing", "run", str(corpus), "--db", str(db), "--workers", "2",
                             "--batch-size", "25", "--verbose", "--no-progress"],
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stderr or []), daemon=True).start()
    return proc, lines, db


def _wait_for_work(proc: subprocess.Popen[str], lines: list[str]) -> set[int]:
    """The run's processes once two workers are analysing and a batch has been committed."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the run ended before it could be stopped: {''.join(lines)}"
        kids = descendants(proc.pid)
        if len(kids) >= 2 and any("committed items" in line for line in lines):
            return kids | {proc.pid}
        time.sleep(0.2)
    raise AssertionError(f"the run did not start working in 120 s: {''.join(lines)}")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_process_of_a_stopped_run_is_alive_10_s_later(tmp_path: Path, sig: signal.Signals) -> None:
    proc, lines, db = _start_run(tmp_path)
    with reaped(proc):
        pids = _wait_for_work(proc, lines)
        pids |= descendants(proc.pid)
        assert not stop(proc, pids, sig), f"still alive 10 s after {sig.name}"
    if sig == signal.SIGTERM:
        err = "".join(lines)
        assert proc.returncode == 143, err
        assert "stopped (SIGTERM)" in err and "run the same command again to resume" in err
        with open_store(db, read_only=True) as st:
            runs = st.runs()
        assert list(runs["status"]) == ["interrupted"]
        assert runs["n_analysed"].iloc[0] > 0
