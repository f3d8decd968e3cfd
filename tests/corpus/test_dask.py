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
