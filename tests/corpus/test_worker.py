"""The worker's rows: the store's findings are exactly the tidy findings table of the reports."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

import pyarrow as pa

import framing
from framing.config import CORPUS_CONFIG
from framing.corpus import schema
from framing.corpus.worker import Task, analyse_batch, analyse_to_files
from framing.tables import finding_rows

from .conftest import DEMO


def test_findings_table_equals_the_tidy_rows_of_the_reports():
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:40]]
    rows.append({"id": "empty-ish", "text": "Nothing loaded here at all."})  # an article with no findings
    tasks = [Task(r["id"], r["text"], r.get("source"), {}, (), "h", "x") for r in rows]
    res = analyse_batch(tasks, 1, "vk", framing.default_lexicons(), CORPUS_CONFIG)
    assert not res.failed
    got = res.findings.to_pylist()
    want = []
    for r in rows:
        d = framing.analyse(r["text"], id=r["id"], source=r.get("source"), config=CORPUS_CONFIG).to_dict()
        for seq, row in enumerate(finding_rows(d)):
            want.append({**row, "seq": seq})
    assert len(got) == len(want) > 40
    # Written one finding class after the other; the store reads them back by article and position.
    order = {r["id"]: i for i, r in enumerate(rows)}
    got.sort(key=lambda g: (order[g["article_id"]], g["seq"]))
    assert got == [{c: w.get(c) for c, _ in schema.finding_columns()} for w in want]
    assert res.findings.column_names == [c for c, _ in schema.finding_columns()]


def test_a_batch_without_findings_gives_an_empty_findings_table():
    res = analyse_batch([Task("a", "Nothing here.", None, {}, (), "h", "x")], 1, "vk", framing.default_lexicons(),
                        CORPUS_CONFIG)
    assert res.findings.num_rows == 0 and res.articles.num_rows == 1
    assert res.findings.column_names == [c for c, _ in schema.finding_columns()]


_POOL_WORKER = """
import json, sys, tempfile
from pathlib import Path
import pyarrow as pa
from framing.config import CORPUS_CONFIG
from framing.corpus.worker import Task, analyse_to_files, init_pool_worker
init_pool_worker(None, CORPUS_CONFIG)
rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()[:30]]
tasks = [Task(r["id"], r["text"], r.get("source"), {}, (), "h", "x") for r in rows]
res = analyse_to_files(tasks, 1, "vk", tempfile.mkdtemp(), "p")
tables = {}
for name, path in (("articles", res.articles), ("findings", res.findings), ("terms", res.terms), ("labels", res.labels)):
    with pa.memory_map(path) as f:
        tables[name] = pa.ipc.open_file(f).read_all().to_pylist()
print(json.dumps({"loaded": sorted(m for m in ("pandas", "scipy") if m in sys.modules), "tables": tables,
                  "pool": pa.default_memory_pool().backend_name}, default=str))
"""


def test_a_pool_worker_gives_the_same_tables_without_loading_pandas_or_scipy():
    # A worker of our pool builds its tables with pyarrow alone: pandas (which pyarrow would import on its first
    # list conversion) and scipy stay out of its memory, its Arrow buffers come from the C library's allocator, and
    # the tables are those of a process that has both libraries and pyarrow's default allocator.
    out = subprocess.run([sys.executable, "-c", _POOL_WORKER, str(DEMO)], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["loaded"] == []
    assert got["pool"] == "system" and pa.default_memory_pool().backend_name != "system"
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:30]]
    tasks = [Task(r["id"], r["text"], r.get("source"), {}, (), "h", "x") for r in rows]
    res = analyse_to_files(tasks, 1, "vk", tempfile.mkdtemp(), "p", config=CORPUS_CONFIG)
    for name, path in (("articles", res.articles), ("findings", res.findings), ("terms", res.terms),
                       ("labels", res.labels)):
        with pa.memory_map(path) as f:
            want = pa.ipc.open_file(f).read_all().to_pylist()
        assert got["tables"][name] == json.loads(json.dumps(want, default=str)), name
    assert len(got["tables"]["terms"]) > 1000
