"""Kill a real `framing run` with SIGKILL in the middle, run the same command again: the store ends up equal to
the store of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from framing.corpus.runner import run_corpus
from framing.corpus.store import open_store

from .conftest import DEMO, ROOT, assert_cells_consistent, assert_same_store, synthetic, write_jsonl


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_mid_run_then_resume_equals_uninterrupted(tmp_path, workers):
    extra = write_jsonl(tmp_path / "extra.jsonl", synthetic(300) + [{"id": "bad", "text": 1}])
    inputs = [str(DEMO), str(extra)]
    run_corpus(inputs, tmp_path / "ref.duckdb", batch_size=5)

    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "framing", "run", *inputs, "--db", str(db), "--batch-size", "5",
           "--workers", str(workers), "--verbose"]
    scratch = tmp_path / "scratch"  # the runs' temporary directory
    scratch.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env, start_new_session=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "committed items" in line:
                break
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, without any chance to clean up
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    with open_store(db, read_only=True) as st:
        runs = st.runs()
        assert_cells_consistent(st)  # the killed run's committed batches: their sums, and no others
    assert runs["status"].tolist() == ["interrupted"]
    assert 0 < runs.loc[0, "n_input"] < 466  # it really stopped in the middle
    left = list(scratch.glob("framing-run-*"))
    assert len(left) == (1 if workers == 2 else 0)  # the killed pool's folder, named after its process

    for d in left:  # as if the kill was long ago (a folder still being written is never taken for an orphan)
        for f in (*d.iterdir(), d):
            os.utime(f, (0, 0))
    again = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert again.returncode == 3, again.stderr  # 3: one input item could not be analysed
    assert "run 1 complete (resumed after" in again.stderr
    assert_same_store(tmp_path / "ref.duckdb", db)
    with open_store(db, read_only=True) as st:
        assert len(st.manifest(1)["timings"]["sessions"]) == 2
        assert_cells_consistent(st)  # resumed: nothing counted twice
    assert list(scratch.glob("framing-run-*")) == []  # the resumed run removed the orphan, then its own
