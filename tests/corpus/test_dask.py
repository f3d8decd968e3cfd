"""The Dask engine on a real LocalCluster gives the same store as one process."""

from __future__ import annotations

import pytest

from framing.corpus.runner import run_corpus

from .conftest import DEMO, assert_same_store, synthetic, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_on_a_local_cluster_equals_one_process(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [*synthetic(10), {"id": "bad", "text": ""}, *synthetic(2)])
    run_corpus([str(DEMO), str(src)], tmp_path / "one.duckdb", batch_size=25)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        s = run_corpus([str(DEMO), str(src)], tmp_path / "dask.duckdb", batch_size=25, engine="dask",
                       scheduler=cluster.scheduler_address, staging=tmp_path / "parts")
    assert s.status == "complete"
    assert s.counts == {"input": 178, "analysed": 175, "up_to_date": 0, "duplicate": 2, "error": 1}
    assert not (tmp_path / "parts").exists()  # every partition was imported and removed
    assert_same_store(tmp_path / "one.duckdb", tmp_path / "dask.duckdb")


@pytest.mark.slow
def test_dask_without_scheduler_starts_a_local_cluster(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(12))
    s = run_corpus([str(src)], tmp_path / "d.duckdb", batch_size=5, engine="dask", workers=1)
    assert s.counts["analysed"] == 12 and s.status == "complete"


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask", "--scheduler", "not-an-address"],
     "invalid value for --scheduler: 'not-an-address' (no port: the address is host:port)"),
    (["--engine", "dask", "--scheduler", "tcp://10.0.0.5:notaport"],
     "invalid value for --scheduler: 'tcp://10.0.0.5:notaport' (the port 'notaport' is not a number"),
    (["--engine", "dask", "--scheduler", "http://10.0.0.5:8786"], "unknown protocol 'http'"),
    (["--engine", "dask", "--staging", "FILE"], "invalid value for --staging: 'FILE': it is a file, not a folder"),
    (["--engine", "dask", "--staging", "FILE/parts"], "is a file, not a folder"),
    (["--engine", "dask", "--staging", "s3://bucket/parts"], "object stores and URLs are not supported"),
    (["--scheduler", "tcp://10.0.0.5:8786"], "--scheduler (scheduler=) applies only to the Dask engine"),
    (["--engine", "local", "--staging", "parts"], "--staging (staging=) applies only to the Dask engine"),
])
def test_bad_dask_options_are_errors_before_the_run_starts(tmp_path, capsys, args, message):
    # regression (a user's trial): raw tracebacks, and a run left "failed" that `framing runs` said to resume; and
    # --engine local took --scheduler and --staging without a word
    from framing.cli import main

    (tmp_path / "FILE").write_text("not a folder")
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(2))
    db = tmp_path / "d.duckdb"
    args = [str(tmp_path / a) if a.startswith("FILE") else a for a in args]
    message = message.replace("'FILE'", repr(str(tmp_path / "FILE")))
    assert main(["run", str(src), "--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not db.exists()  # nothing started: no store, no failed run
    assert not (tmp_path / "s3:").exists()  # (the URL was made a local folder "s3:")


def test_a_scheduler_that_cannot_be_reached_leaves_no_failed_run(tmp_path, monkeypatch):
    from framing.corpus import dask_engine
    from framing.corpus.store import open_store
    from framing.errors import RunError

    monkeypatch.setattr(dask_engine, "_CONNECT_TIMEOUT", 1)
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(2))
    with pytest.raises(RunError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        run_corpus([str(src)], tmp_path / "d.duckdb", engine="dask", scheduler="tcp://127.0.0.1:1")
    with open_store(tmp_path / "d.duckdb", read_only=True) as st:
        assert st.runs().empty


@pytest.mark.slow
def test_the_local_cluster_keeps_its_scratch_files_in_a_folder_it_removes(tmp_path, monkeypatch):
    # regression (a user's trial): every Dask run left dask-scratch-space in the temporary folder
    import os
    import tempfile

    from framing.config import CORPUS_CONFIG
    from framing.corpus.executors import make_executor

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setenv("TMPDIR", str(tmp))
    ex = make_executor("dask", 1, None, tmp_path / "parts", tmp_path / "x.duckdb", None, CORPUS_CONFIG, 4)
    try:
        # named as the process pools' folders, so that the next run removes one a killed run (SIGKILL) left
        (scratch,) = tmp.iterdir()
        assert scratch.name.startswith(f"framing-run-{os.getpid()}-dask-")
        assert {p.name for p in scratch.iterdir()} == {"dask-scratch-space"}
    finally:
        ex.close()
    assert list(tmp.iterdir()) == []
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(6))
    s = run_corpus([str(src)], tmp_path / "d.duckdb", batch_size=3, engine="dask", workers=1)
    assert s.status == "complete" and list(tmp.iterdir()) == []
