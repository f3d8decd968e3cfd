"""The store's read API (used by the comparison layer and the dashboard), export, and broken store files."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pandas as pd
import pyarrow.parquet as pq
import pytest

import framing
from framing import tables
from framing.config import CORPUS_CONFIG
from framing.corpus.runner import run_corpus
from framing.corpus.store import StoreError, open_store
from framing.errors import ConfigError

from .conftest import DEMO, write_jsonl


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "demo.duckdb"
    run_corpus([str(DEMO)], db, batch_size=50)
    return db


def test_tables_equal_the_tidy_tables_of_the_reports(demo_db):
    rows = [json.loads(line) for line in DEMO.read_text().splitlines()]
    reports = []
    for r in rows:
        meta = {k: v for k, v in r.items() if k not in ("id", "text", "source")}
        reports.append(framing.analyse(r["text"], id=r["id"], source=r["source"], meta=meta,
                                       config=CORPUS_CONFIG).to_dict())
    want_a = tables.articles_frame(reports).sort_values("article_id").reset_index(drop=True)
    want_f = tables.findings_frame(reports).sort_values("article_id", kind="stable").reset_index(drop=True)
    with open_store(demo_db, read_only=True) as st:
        got_a = st.articles_frame()
        got_f = st.findings_frame()
    assert set(want_a.columns) == set(got_a.columns)
    pd.testing.assert_frame_equal(got_a[want_a.columns], want_a, check_dtype=False)
    assert list(got_f.columns) == list(tables.finding_column_names())
    assert len(got_f) == len(want_f)
    for col in tables.finding_column_names():  # the explanation, computed by DuckDB on read, included
        assert got_f[col].astype(object).where(got_f[col].notna(), None).tolist() == \
            want_f[col].astype(object).where(want_f[col].notna(), None).tolist(), col


def test_articles_filters(demo_db):
    with open_store(demo_db, read_only=True) as st:
        everything = st.articles_frame()
        one = st.articles_frame(where={"source": "Capital Wire"})
        two = st.articles_frame(where={"source": ["Capital Wire", "The Daily Tattler"], "event": "E01"})
        spring = st.articles_frame(where={"date": ("2026-03-01", "2026-05-31")})
        open_end = st.articles_frame(where={"date": ("2026-09-01", None)})
        nothing = st.articles_frame(where={"source": []})
        with pytest.raises(ConfigError, match="valid columns"):
            st.articles_frame(where={"bad'col": 1})
    assert len(everything) == 165 and everything["article_id"].is_monotonic_increasing
    assert set(one["source"]) == {"Capital Wire"} and len(one) == 17
    assert len(two) == 2 and set(two["event"]) == {"E01"}
    assert spring["date"].between("2026-03-01", "2026-05-31").all() and len(spring) > 20
    assert set(open_end["event"]) == {"E17"}
    assert nothing.empty and list(nothing.columns) == list(everything.columns)


def test_filter_on_an_input_field_kept_as_json(tmp_path):
    rows = [{"id": f"a{i}", "text": f"Story {i}, she said.", "bias_text": "left" if i % 2 else "right",
             "score": i} for i in range(6)]
    db = tmp_path / "m.duckdb"
    run_corpus([str(write_jsonl(tmp_path / "in.jsonl", rows))], db)
    with open_store(db, read_only=True) as st:
        df = st.articles_frame(where={"bias_text": "left"})
        full = st.articles_frame()
    assert df["article_id"].tolist() == ["a1", "a3", "a5"]
    assert list(full.columns[:10]) == ["article_id", "source", "title", "date", "url", "event", "topic", "leaning",
                                       "bias_text", "score"]
    assert full["score"].tolist() == list(range(6))


def test_findings_texts_runs_errors_manifest(demo_db):
    with open_store(demo_db, read_only=True) as st:
        ids = ["demo-E01-wire", "demo-E02-sentinel"]
        f = st.findings_frame(article_ids=ids, types=["quote", "attribution"])
        texts = st.texts([*ids, "nope"])
        runs = st.runs()
        errors = st.errors()
        m = st.manifest(1)
        with pytest.raises(ConfigError, match="valid runs are \\[1\\]"):
            st.manifest(7)
    assert set(f["article_id"]) == set(ids) and set(f["type"]) == {"quote", "attribution"}
    for row in f.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    assert set(texts) == set(ids)
    assert runs.loc[0, ["status", "n_input", "n_analysed"]].tolist() == ["complete", 165, 165]
    assert errors.empty and list(errors.columns) == ["run_id", "seq", "origin", "article_id", "reason"]
    assert m["status"] == "complete" and m["framing"] == framing.__version__


def test_inputs_and_errors_of_a_store_built_by_several_runs(tmp_path):
    # regression: the Overview listed the last run's inputs only, and counted the errors of every run, so a file
    # read by three runs had its bad lines counted three times
    big = write_jsonl(tmp_path / "big.jsonl", [{"id": f"a{i}", "text": f"Officials said plan {i} failed."}
                                               for i in range(4)])
    with open(big, "a", encoding="utf-8") as fh:
        fh.write("not json\n{\"id\": \"b\"}\n")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "x.txt").write_text("The mayor said the plan was fine.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(big)], db, progress=False)
    run_corpus([str(big)], db, progress=False)  # the same file again: its two bad lines are errors again
    run_corpus([str(folder)], db, progress=False)
    with open_store(db, read_only=True) as st:
        inputs = st.inputs()
        errors = st.errors()
        assert len(st.errors(2)) == 2  # a run's own errors are all its errors
    assert inputs[["path", "format", "runs"]].values.tolist() == [[str(big), "jsonl", "1, 2"],
                                                                  [str(folder), "folder", "3"]]
    assert inputs["sha256"].str.len().tolist() == [64, 64] and inputs["bytes"].gt(0).all()
    # each bad line once, as its latest run saw it
    assert errors[["run_id", "origin"]].values.tolist() == [[2, f"{big}:5"], [2, f"{big}:6"]]

    # the file mended: its lines are analysed by the next run, and are no longer errors of the store
    lines = big.read_text(encoding="utf-8").splitlines()
    lines[4:] = [json.dumps({"id": "c", "text": "Critics said it worked."}),
                 json.dumps({"id": "b", "text": "Officials said it."})]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus([str(big)], db, progress=False)
    with open_store(db, read_only=True) as st:
        assert st.errors().empty
        assert st.inputs()["runs"].tolist() == ["1, 2", "3", "4"]  # another content of big.jsonl: a row of its own


def test_a_complete_run_records_the_items_it_read_from_each_input_not_the_estimate(tmp_path):
    # regression (new-user trial): the manifest's `records` was the progress bar's estimate (lines, or for a .gz file
    # a sample's lines scaled), shown as if exact; blank lines are no items, a bad line is one
    big = tmp_path / "big.jsonl"
    rows = [json.dumps({"id": f"a{i}", "text": f"Officials said plan {i} failed."}) for i in range(4)]
    big.write_text("\n\n".join(rows) + "\nnot json\n\n", encoding="utf-8")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "x.txt").write_text("The mayor said the plan was fine.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(big), str(folder)], db, progress=False)
    with open_store(db, read_only=True) as st:
        inputs = st.inputs()
        manifest = st.manifest(1)
    assert inputs[["path", "records", "records_counted"]].values.tolist() == [[str(big), 5, True],
                                                                            [str(folder), 1, True]]
    assert [(i["records"], i["records_counted"]) for i in manifest["inputs"]] == [(5, True), (1, True)]


def test_a_whole_file_error_no_longer_stands_once_a_later_run_read_the_file(tmp_path):
    # regression (review): errors were matched by origin, and a whole-file error ("x.csv:1", no text column) never
    # meets the rows a later run reads with the right options ("x.csv:2")
    from framing.corpus.fields import Mapping

    csv = tmp_path / "x.csv"
    csv.write_text('id,words,source\nc1,"The mayor said the plan works.",A\n', encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(csv)], db, progress=False)
    with open_store(db, read_only=True) as st:
        assert len(st.errors()) == 1
    run_corpus([str(csv)], db, progress=False, mapping=Mapping(text="words"))
    with open_store(db, read_only=True) as st:
        assert st.errors().empty and len(st.errors(1)) == 1  # (run 1's own errors are kept)
        assert st.count() == 1


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export(demo_db, tmp_path, fmt):
    with open_store(demo_db, read_only=True) as st:
        written = st.export(tmp_path / "out", format=fmt)
        n_findings = len(st.findings_frame())
    names = sorted(p.name for p in written)
    assert names == sorted([f"{t}.{fmt}" for t in ("articles", "findings", "texts", "runs", "records", "errors")]
                           + ["manifest.json"])
    read = pq.read_table if fmt == "parquet" else (lambda p: pd.read_csv(p))
    arts = read(tmp_path / "out" / f"articles.{fmt}")
    assert len(arts) == 165 and len(read(tmp_path / "out" / f"findings.{fmt}")) == n_findings
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())[0]["counts"]["analysed"] == 165


def documented_export_columns() -> dict[str, set[str]]:
    """The columns docs/corpus.md lists for each exported table, in its section "What `framing export` writes": the
    names in backquotes in the column cell of each row (under a heading of one table; under a heading of several,
    each row names its table first)."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "corpus.md").read_text(encoding="utf-8")
    section = doc.split("\n## What `framing export` writes", 1)[1].split("\n## ", 1)[0]
    out: dict[str, set[str]] = {}
    tables: list[str] = []
    for line in section.splitlines():
        if line.startswith("#### "):
            tables = re.findall(r"`(\w+)`", line.split(":")[0])
        elif line.startswith("| `") and tables:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table, names = (tables[0], cells[0]) if len(tables) == 1 else (cells[0].strip("`"), cells[1])
            out.setdefault(table, set()).update(re.findall(r"`(\w+)`", names))
    return out


def test_every_exported_column_is_documented(demo_db, tmp_path):
    """Regression: q_role_*, qw_role_*, q_attributed, src_* and others were exported undocumented. Every column of
    every table `framing export` writes is listed in docs/corpus.md, under its table (and nothing listed is
    missing from the export), so that a column added to the engine fails here until it is described."""
    with open_store(demo_db, read_only=True) as st:
        written = st.export(tmp_path / "out", format="parquet")
    exported = {p.stem: set(pq.read_schema(p).names) for p in written if p.suffix == ".parquet"}
    documented = documented_export_columns()
    assert set(documented) == set(exported)
    for table, columns in exported.items():
        assert not columns - documented[table], f"{table}: undocumented {sorted(columns - documented[table])}"
        assert not documented[table] - columns, f"{table}: documented, not exported {documented[table] - columns}"
    assert {"q_role_politician", "q_attributed", "qw_role_unknown", "src_title_only"} <= documented["articles"]


def test_export_to_an_unwritable_place(demo_db, tmp_path):
    (tmp_path / "afile").write_text("x")
    with open_store(demo_db, read_only=True) as st, pytest.raises(StoreError, match="cannot write to"):
        st.export(tmp_path / "afile" / "out")


def test_open_errors(tmp_path, demo_db):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "none.duckdb", read_only=True)
    (tmp_path / "garbage.duckdb").write_bytes(b"not a database at all" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database, or the file is corrupted"):
        open_store(tmp_path / "garbage.duckdb")
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(demo_db.read_bytes()[:5000])
    with pytest.raises(StoreError, match="corrupted|cannot"):
        open_store(cut)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match="not an existing folder"):
        open_store(tmp_path / "afile" / "s.duckdb")
    with pytest.raises(StoreError, match="cannot write the store there|not an existing folder|cannot open"):
        open_store("/proc/framing-test.duckdb")
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a framing store"):
        open_store(other, read_only=True)


def test_locked_store(tmp_path):
    db = tmp_path / "locked.duckdb"
    open_store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"in use by another process \\(process {holder.pid}\\)"):
            open_store(db, read_only=True)
        with pytest.raises(StoreError, match="in use by another process"):
            run_corpus([str(DEMO)], db)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with open_store(db, read_only=True) as st:
        assert st.runs().empty


def test_a_run_reopens_the_store_after_each_fold_and_writes_the_same_store(demo_db, tmp_path, monkeypatch):
    """A run closes and opens its store again after each commit in which the staged term counts were summed (to
    release the metadata DuckDB keeps of every row group written), and the store it writes is the one written
    without reopening: every table, the cells and the term tables."""
    import framing.corpus.store as store_mod
    from framing.corpus.store import Store

    from .conftest import assert_cells_consistent, assert_same_store

    monkeypatch.setattr(store_mod, "_FOLD_ROWS", 2_000)
    reopened = []
    reopen = Store._reopen

    def counted(self):
        before = self.con
        reopen(self)
        assert self.con is not before
        reopened.append(1)

    monkeypatch.setattr(Store, "_reopen", counted)
    db = tmp_path / "reopened.duckdb"
    run_corpus([str(DEMO)], db, batch_size=10)  # commits of 40 articles, each summing the stage
    assert len(reopened) >= 3
    assert_same_store(demo_db, db)
    q = "SELECT * FROM {} ORDER BY ALL"
    with open_store(demo_db, read_only=True) as a, open_store(db, read_only=True) as b:
        assert_cells_consistent(b)
        for table in ("terms", "terms_month", "term_vocab", "article_labels", "cells", "cells_month"):
            assert a.con.execute(q.format(table)).fetchall() == b.con.execute(q.format(table)).fetchall(), table


def test_a_store_taken_while_it_is_reopened_is_waited_for_then_an_error(tmp_path, monkeypatch):
    """Another process that takes the file in the moment a run reopens its store: the run waits for it, and opens
    the store once it is free; if it is not free in time, the error names the holder and says how to resume."""
    import framing.corpus.store as store_mod

    db = tmp_path / "taken.duckdb"
    open_store(db).close()
    code = ("import duckdb, sys, time\nwhile True:\n    try:\n        c = duckdb.connect(sys.argv[1], read_only=True)\n"
            "        break\n    except duckdb.Error:\n        time.sleep(0.01)\n"
            "print('ready', flush=True); time.sleep(float(sys.argv[2]))")
    for hold, wait, ok in ((0.5, 30.0, True), (60.0, 0.5, False)):
        monkeypatch.setattr(store_mod, "_REOPEN_WAIT", wait)
        st = open_store(db)
        holder = subprocess.Popen([sys.executable, "-c", code, str(db), str(hold)], stdout=subprocess.PIPE, text=True)
        try:
            st.con.close()  # the moment of the reopen in which the file is free: the holder takes it
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            if ok:
                st._reopen()
                assert st.runs().empty  # open again, for writing
                st.close()
            else:
                with pytest.raises(StoreError, match=f"in use by another process \\(process {holder.pid}\\).*resume"):
                    st._reopen()
        finally:
            holder.kill()
            holder.wait()


def test_regression_pending_result_blocks_register(demo_db):
    """DuckDB refuses to register a table while a fetchone() result is pending: every read must complete."""
    with open_store(demo_db, read_only=True) as st:
        st.manifest(1)
        assert st.texts(["demo-E01-wire"])
        st.stale_count("x")
        assert len(st.findings_frame(article_ids=["demo-E01-wire"])) > 0


def test_a_group_of_batches_whose_new_column_types_differ_is_inserted_batch_by_batch(tmp_path):
    # A column a newer engine adds is typed from its values; two batches of one commit may disagree.
    import pyarrow as pa

    with open_store(tmp_path / "g.duckdb") as st:
        run_id = st.start_run("k", {}, {"v": 1}, "vk")
        first = pa.table({"article_id": ["a"], "extra_figure": pa.array([1], pa.int64())})
        second = pa.table({"article_id": ["b"], "extra_figure": pa.array([1.5], pa.float64())})
        st.commit_batch(run_id, 2, None, [first, second])
        got = st.con.execute("SELECT article_id, extra_figure FROM articles ORDER BY article_id").fetchall()
    # Both rows are stored; the second batch's value is cast to the column the first one created (as DuckDB does
    # for batches committed one by one).
    assert got == [("a", 1), ("b", 2)]


def test_the_key_filter_never_leaves_out_a_stored_key(monkeypatch):
    import random

    from framing.corpus import keyfilter

    monkeypatch.setattr(keyfilter, "MERGE_AT", 7)  # merge often: the sorted array and the recent set both answer
    rng = random.Random(5)
    stored = [f"id-{rng.random()}" for _ in range(40)]
    keys = keyfilter.KeySet(stored[:10])
    for k in range(10, 40, 3):
        keys.add(stored[k:k + 3])
    assert len(keys) == 40
    asked = stored + [f"new-{i}" for i in range(200)]
    rng.shuffle(asked)
    maybe = keys.maybe(asked)
    assert set(stored) <= set(maybe)
    assert [k for k in asked if k in set(maybe)] == maybe  # in the order asked
    assert len(maybe) < 60  # 64-bit fingerprints: the new keys are, in practice, all left out
    assert keyfilter.KeySet().maybe(["a", "b"]) == [] and keys.maybe([]) == []


def test_lookup_through_the_key_filter_equals_the_database_answer(tmp_path, monkeypatch):
    # Runs, a resumed run and a text changed under the same id: every lookup a run makes gives what the database
    # alone gives, with the filter filled on the first lookup and told of each insert after it.
    from framing.corpus import keyfilter
    from framing.corpus import store as store_mod

    monkeypatch.setattr(keyfilter, "MERGE_AT", 5)
    calls = []
    original = store_mod.Store.lookup

    def checked(self, run_id, ids, hashes):
        got = original(self, run_id, ids, hashes)
        keys = self._keys
        self._keys = (keyfilter.KeySet(), keyfilter.KeySet())  # a filter that lets everything through
        try:
            everything = keyfilter.KeySet.maybe
            monkeypatch.setattr(keyfilter.KeySet, "maybe", lambda _self, k: list(k))
            want = original(self, run_id, ids, hashes)
            monkeypatch.setattr(keyfilter.KeySet, "maybe", everything)
        finally:
            self._keys = keys
        calls.append(bool(got[0] or got[1]))
        assert got == want
        return got

    monkeypatch.setattr(store_mod.Store, "lookup", checked)
    rows = [{"id": f"a{i}", "text": f"Article number {i} says \"hello\" to everyone.", "source": "S"}
            for i in range(30)]
    first = tmp_path / "first.jsonl"
    write_jsonl(first, rows[:20])
    db = tmp_path / "k.duckdb"
    run_corpus([str(first)], db, batch_size=4)
    again = tmp_path / "again.jsonl"  # 10 stored, 10 new, one stored id with a new text, one copied text
    changed = dict(rows[3], text="A different text now.")
    copy = dict(rows[5], id="copy-of-a5")
    write_jsonl(again, rows[10:30] + [changed, copy])
    run_corpus([str(again)], db, batch_size=4)
    assert any(calls) and not all(calls)
    with open_store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 30


def test_articles_committed_after_the_first_lookup_are_found(tmp_path):
    import pyarrow as pa

    with open_store(tmp_path / "h.duckdb") as st:
        run_id = st.start_run("k", {}, {"v": 1}, "vk")
        assert st.lookup(run_id, ["a"], ["ha"]) == ({}, {}, {})  # fills the filter from the empty store
        st.commit_batch(run_id, 1, None, pa.table({"article_id": ["a"], "content_hash": ["ha"],
                                                   "versions_key": ["vk"]}))
        existing, owners, _ = st.lookup(run_id, ["a", "b"], ["ha", "hb"])
    assert existing == {"a": ("ha", "vk")} and owners == {"ha": "a"}


def test_texts_read_through_the_index_equal_one_scan(demo_db, monkeypatch):
    """Texts are read by id from text_blobs (each compressed on its own, indexed by id), a chunk of ids a query;
    more ids than that path takes are read in one scan of the articles' texts: the same texts either way."""
    from framing.corpus import store as store_module

    with open_store(demo_db, read_only=True) as st:
        indexes = {r[0] for r in st.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
        assert {"articles_article_id", "text_blobs_article_id"} <= indexes and st.has_text_blobs()
        ids = st.articles_frame(columns=["article_id"])["article_id"].tolist()
        monkeypatch.setattr(store_module, "_INDEX_READ_CHUNK", 7)
        chunked = st.texts([*reversed(ids), "nope", ids[0]])
        monkeypatch.setattr(store_module, "_INDEX_READ_MAX", 3)
        scanned = st.texts(ids)
    assert list(chunked) == sorted(ids) and chunked == scanned


def test_a_store_without_text_blobs_or_the_index_gains_them_with_a_message(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    with open_store(db) as st:  # as a store written before them
        want = st.texts(["demo-E01-wire", "demo-E02-sentinel"])
        st.con.execute("DROP INDEX articles_article_id")
        st.con.execute("DROP TABLE text_blobs")
    with open_store(db, read_only=True) as st:  # read-only: the texts scanned, the same
        assert not st.has_text_blobs() and st.texts(["demo-E01-wire", "demo-E02-sentinel"]) == want
    capsys.readouterr()
    with open_store(db) as st:
        assert st.has_text_blobs() and st.texts(["demo-E01-wire", "demo-E02-sentinel"]) == want
    err = capsys.readouterr().err
    assert "indexing the 165 article ids" in err and "compressing the 165 texts one by one" in err


def _run_then_replace(tmp_path, texts: list[str], new_text: str) -> list[dict]:
    """Articles a0, a1 ... with these texts run into tmp_path/s.duckdb, then run again with a1's text replaced."""
    rows = [{"id": f"a{i}", "source": "S", "text": t} for i, t in enumerate(texts)]
    write_jsonl(tmp_path / "a.jsonl", rows)
    run_corpus([str(tmp_path / "a.jsonl")], tmp_path / "s.duckdb")
    rows[1] = {**rows[1], "text": new_text}
    write_jsonl(tmp_path / "a.jsonl", rows)
    run_corpus([str(tmp_path / "a.jsonl")], tmp_path / "s.duckdb")
    return rows


def test_text_blobs_follow_replaced_articles(tmp_path):
    rows = _run_then_replace(tmp_path, [f"Story {i} about the harbour bridge." for i in range(4)],
                             "A new text: the ministry answered.")
    with open_store(tmp_path / "s.duckdb", read_only=True) as st:
        assert st.has_text_blobs() and st.texts(["a1", "a2"]) == {"a1": rows[1]["text"], "a2": rows[2]["text"]}
        assert st.con.execute("SELECT count(*) FROM text_blobs").fetchone()[0] == 4


def _findings_by_id(st, ids):
    """The store's findings of these articles read by their ids (the path of a store without article numbers)."""
    st._is_numbered = False
    try:
        return st.findings_frame(ids)
    finally:
        st._is_numbered = None


def test_articles_are_numbered_in_the_order_written_and_their_findings_read_by_number(demo_db):
    """Every article has a number, given in the order the run wrote them, and its findings have the same; the
    findings of any set of articles read by number equal those read by id (and none of another article)."""
    with open_store(demo_db, read_only=True) as st:
        assert st._numbered()
        nos = st.con.execute("SELECT article_no FROM articles ORDER BY rowid").fetchall()
        assert [r[0] for r in nos] == list(range(1, 166))
        assert st.con.execute("SELECT count(*) FROM findings f JOIN articles a USING (article_id) "
                              "WHERE f.article_no IS DISTINCT FROM a.article_no").fetchone()[0] == 0
        ids = st.articles_frame(columns=["article_id"])["article_id"].tolist()
        for want in (ids[:1], ids[::7], [ids[3], "no-such-article", ids[100]], ids, []):
            got = st.findings_frame(want)
            pd.testing.assert_frame_equal(got, _findings_by_id(st, want))
            assert set(got["article_id"]) == set(want) - {"no-such-article"} or not len(got)
        assert list(st.findings_frame(ids[:5], types=["quote"])["type"].unique()) == ["quote"]
        pd.testing.assert_frame_equal(st.findings_frame(iter(ids[::3])), st.findings_frame(ids[::3]))
        st._is_numbered = False
        pd.testing.assert_frame_equal(st.findings_frame(iter(ids[::3])), _findings_by_id(st, ids[::3]))
        st._is_numbered = None
        some = st.findings_frame(ids[::7], columns=["type", "article_id", "explanation"])
        assert list(some.columns) == ["article_id", "type", "explanation"]  # (in the table's order)
        pd.testing.assert_frame_equal(some, st.findings_frame(ids[::7])[list(some.columns)])
        with pytest.raises(ConfigError, match=r"no finding column\(s\) \['nope'\]; valid columns are"):
            st.findings_frame(ids[:1], columns=["type", "nope"])
        assert "article_no" not in st.findings_frame(ids[:1]).columns
        assert "article_no" not in st.articles_frame().columns


def test_a_store_written_before_the_numbers_is_read_by_id_then_numbered_when_opened_to_write(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    with open_store(db) as st:
        ids = st.articles_frame(columns=["article_id"])["article_id"].tolist()[::11]
        want = st.findings_frame(ids)
        report = st.report(ids[0])
        st.con.execute("ALTER TABLE findings DROP COLUMN article_no")  # as a store written before them
        st.con.execute("DROP INDEX articles_article_id")  # (DuckDB drops no column of an indexed table)
        st.con.execute("ALTER TABLE articles DROP COLUMN article_no")
        st.con.execute("DELETE FROM store_info WHERE key = 'article_numbers'")
    with open_store(db, read_only=True) as st:  # read-only: by id, the same
        assert not st._numbered()
        pd.testing.assert_frame_equal(st.findings_frame(ids), want)
        assert st.report(ids[0]) == report
    capsys.readouterr()
    with open_store(db) as st:
        assert st._numbered()
        pd.testing.assert_frame_equal(st.findings_frame(ids), want)
        assert st.con.execute("SELECT count(*) FILTER (article_no IS NULL), count(DISTINCT article_no), "
                              "max(article_no) FROM articles").fetchone() == (0, 165, 165)
    assert "numbering the 165 articles and their findings" in capsys.readouterr().err
    run_corpus([str(DEMO)], db)  # a run into the numbered store: nothing new, nothing renumbered
    with open_store(db, read_only=True) as st:
        assert st.con.execute("SELECT max(article_no) FROM articles").fetchone()[0] == 165


def test_a_finding_column_of_a_newer_engine_is_added_to_a_store_written_before_it(tmp_path, monkeypatch):
    # (as attributions' "negated" was on 2026-12-08: old rows read as NULL, and are stale anyway)
    from framing.corpus import schema

    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    cols = schema.finding_columns

    monkeypatch.setattr(schema, "finding_columns", lambda **kw: [*cols(**kw), ("zz_newer", "BOOLEAN")])
    with open_store(db) as st:
        assert st.columns("findings")[-1] == "zz_newer"
        assert st.con.execute("SELECT count(*), count(zz_newer) FROM findings").fetchone()[1] == 0
        assert "negated" in st.columns("findings")


def test_a_replaced_article_gets_a_new_number_and_its_old_findings_go(tmp_path):
    _run_then_replace(tmp_path, [f'Story {i}: "We will build it," the mayor said.' for i in range(4)],
                      'A new text. "It is over," the minister said, "and we won."')
    with open_store(tmp_path / "s.duckdb", read_only=True) as st:
        nos = dict(st.con.execute("SELECT article_id, article_no FROM articles").fetchall())
        assert nos == {"a0": 1, "a1": 5, "a2": 3, "a3": 4}
        f = st.findings_frame(["a1"])
        assert set(f["article_id"]) == {"a1"} and "the minister" in set(f["text"]) | set(f["source"].dropna())
        pd.testing.assert_frame_equal(f, _findings_by_id(st, ["a1"]))
        assert st.con.execute("SELECT count(*) FROM findings WHERE article_id = 'a1' AND article_no <> 5"
                              ).fetchone()[0] == 0


@pytest.mark.parametrize("edit", [None, "UPDATE articles SET source = NULL, date = NULL, lt_author = NULL "
                                        "WHERE article_id IN ('demo-E01-wire', 'demo-E02-sentinel')",
                                  "UPDATE articles SET title = NULL WHERE hash(article_id) % 3 = 0"])
def test_the_events_table_in_sql_equals_the_one_from_the_articles(demo_db, tmp_path, edit):
    """Store.events_table (the Same event page's list, one pass in DuckDB) equals framing.compare.events_table on
    the articles' columns, missing sources, dates, counts and titles included."""
    import shutil

    from framing.compare import events_table

    db = tmp_path / "s.duckdb"
    shutil.copyfile(demo_db, db)
    if edit:
        with open_store(db) as st:
            st.con.execute(edit)
    with open_store(db, read_only=True) as st:
        got = st.events_table()
        want = events_table(st.articles_frame(columns=["event", "date", "source", "title", "lt_author", "n_words"]))
    assert len(got) > 10
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True))


@pytest.mark.parametrize("where", [{"source": ["Capital Wire", "The Daily Tattler"]}, {"leaning": ["left"]},
                                   {"date": ("2026-03-01", "2026-05-31"), "topic": ["economy", "health"]},
                                   {"event": ["E04", "E09"]}, {"source": ["Nobody"]}])
def test_the_events_table_of_a_filter_equals_the_one_from_its_articles(demo_db, where):
    """The Same event page's list for the articles its filters select: the events that have any, with their counts,
    dates and headline among those articles only."""
    from framing.compare import events_table

    with open_store(demo_db, read_only=True) as st:
        got = st.events_table(where)
        want = events_table(st.articles_frame(where=where, columns=["event", "date", "source", "title", "lt_author",
                                                                     "n_words"]))
        every = st.events_table()
    assert len(got) < len(every) or (got["n_articles"] < every["n_articles"]).all()
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=len(got) > 0)


_RUN_WITHOUT_PANDAS = """
import sys
from framing.corpus.worker import _NoPandas  # (what the pool's workers refuse pandas with)
sys.meta_path.insert(0, _NoPandas())
from framing.cli import main
for corpus in sys.argv[2:]:
    assert main(["run", corpus, "--db", sys.argv[1], "--workers", "2", "--no-progress"]) == 0
print("pandas" in sys.modules)
"""


def test_a_run_writes_the_store_without_pandas(demo_db, tmp_path):
    """`framing run` reads, analyses and writes (new articles, then a changed one replaced) in a process that refuses
    pandas (pyarrow then takes it for absent, as in the pool's workers): writing the store needs none of it, and the
    store is the one written with pandas loaded."""
    rows = [json.loads(line) for line in DEMO.read_text().splitlines()]
    changed = [{**rows[0], "text": rows[0]["text"] + " Critics slammed the so-called \"reform\"."}]
    second = write_jsonl(tmp_path / "changed.jsonl", changed)
    db = tmp_path / "nopandas.duckdb"
    out = subprocess.run([sys.executable, "-c", _RUN_WITHOUT_PANDAS, str(db), str(DEMO), str(second)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    with open_store(db, read_only=True) as st, open_store(demo_db, read_only=True) as want:
        got_a = st.articles_frame().set_index("article_id")
        want_a = want.articles_frame().set_index("article_id")
        assert list(got_a.index) == list(want_a.index)
        assert got_a.loc[rows[0]["id"], "n_words"] > want_a.loc[rows[0]["id"], "n_words"]
        other = [i for i in got_a.index if i != rows[0]["id"]]
        pd.testing.assert_frame_equal(got_a.loc[other, want_a.columns], want_a.loc[other], check_dtype=False)


def test_the_store_s_connections_print_no_progress_bar(demo_db, tmp_path):
    """DuckDB's Python module prints a progress bar for any query over two seconds; a store's connections, for
    writing, read-only and opened again during a run, have it off."""
    def off(st):
        return st.con.execute("SELECT current_setting('enable_progress_bar')").fetchone()[0] is False

    with open_store(demo_db, read_only=True) as st:
        assert off(st)
    with open_store(tmp_path / "bar.duckdb") as st:
        assert off(st)
        st._reopen()
        assert off(st)
