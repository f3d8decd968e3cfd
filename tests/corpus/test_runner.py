"""The run loop: accounting, duplicates, staleness, parallel runs, faults and bounded memory."""

from __future__ import annotations

import errno
import json
import os
import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import provenance
from framing.corpus import runner as runner_mod
from framing.corpus import worker as worker_mod
from framing.corpus.ingest import Mapping
from framing.corpus.runner import run_corpus
from framing.corpus.store import Store, StoreError, open_store

from .conftest import assert_same_store, synthetic, write_jsonl

TEXT = 'The minister said the "reform" was needed; critics slammed it.'


def counts_add_up(db, run_id):
    with open_store(db, read_only=True) as st:
        c = st.counts(run_id)
        seqs = st.records(run_id)["seq"].tolist()
    assert c["input"] == c["analysed"] + c["up_to_date"] + c["duplicate"] + c["error"]
    assert seqs == list(range(1, c["input"] + 1))
    return c


def test_run_then_rerun_analyses_nothing_twice(tmp_path, demo):
    db = tmp_path / "s.duckdb"
    first = run_corpus([str(demo)], db, batch_size=40)
    assert first.status == "complete" and first.counts["analysed"] == 165
    second = run_corpus([str(demo)], db, batch_size=40)
    assert second.run_id == 2 and second.analysed_now == 0
    assert counts_add_up(db, 2) == {"input": 165, "analysed": 0, "up_to_date": 165, "duplicate": 0, "error": 0}
    with open_store(db, read_only=True) as st:
        assert len(st.articles_frame()) == 165
        assert st.runs()["status"].tolist() == ["complete", "complete"]
        m = st.manifest(1)
        m2 = st.manifest(2)
    assert m["inputs"][0]["sha256"] and m["versions"]["lexicons"] and m["config"]["sentence_sentiment"] is False
    assert m["counts"]["analysed"] == 165 and len(m["timings"]["sessions"]) == 1
    session = m["timings"]["sessions"][0]  # the analysis' own CPU time is part of the session's time
    assert 0 < session["engine_cpu_seconds"] < session["seconds"] + 1
    assert m2["timings"]["sessions"][0]["engine_cpu_seconds"] == 0  # nothing analysed


def test_duplicates_and_id_conflicts(tmp_path):
    rows = [{"id": "a", "text": TEXT}, {"id": "b", "text": "  " + TEXT.replace(" ", "\n") + " "},
            {"id": "a", "text": TEXT}, {"id": "a", "text": TEXT + " Changed."}, {"id": "c", "text": TEXT + " New."},
            {"text": "Missing id, he said."}]
    db = tmp_path / "d.duckdb"
    s = run_corpus([str(write_jsonl(tmp_path / "in.jsonl", rows))], db)
    assert s.counts == {"input": 6, "analysed": 3, "up_to_date": 0, "duplicate": 2, "error": 1}
    with open_store(db, read_only=True) as st:
        rec = st.records(1)
    assert rec["status"].tolist() == ["analysed", "duplicate", "duplicate", "error", "analysed", "analysed"]
    assert rec["detail"].tolist()[1:3] == ["a", "a"]
    assert "already used by a different text" in rec["detail"][3] and rec["origin"][3].endswith("in.jsonl:4")
    # A later run with the same text under another id: a duplicate of the stored article.
    s2 = run_corpus([str(write_jsonl(tmp_path / "more.jsonl", [{"id": "z", "text": TEXT}]))], db)
    assert s2.counts["duplicate"] == 1
    with open_store(db, read_only=True) as st:
        assert st.records(2)["detail"].tolist() == ["a"]


def test_duplicates_from_another_source_are_counted_and_said_in_the_summary(tmp_path):
    # a syndicated text: stored once, under its first source; the copies other outlets published are counted (in
    # this run, and against a copy stored by an earlier run), a copy from the same or an unnamed source is not
    other = TEXT + " Wire copy."
    rows = [{"id": "a", "text": TEXT, "source": "Wire"}, {"id": "b", "text": TEXT, "source": "Herald"},
            {"id": "c", "text": TEXT, "source": "Wire"}, {"id": "d", "text": TEXT},
            {"id": "e", "text": other, "source": "Wire"}]
    db = tmp_path / "d.duckdb"
    s = run_corpus([str(write_jsonl(tmp_path / "in.jsonl", rows))], db, batch_size=2)
    assert s.counts["duplicate"] == 3 and s.duplicates_other_source == 1
    with open_store(db, read_only=True) as st:  # a duplicate's id says where its text is stored
        with pytest.raises(StoreError, match=r"no article with id 'b': the record at .*in\.jsonl:2 \(run 1\) has "
                                             r"the same text as the stored article 'a'"):
            st.report("b")
        with pytest.raises(StoreError, match=r"no article with id 'nothing'$"):
            st.report("nothing")
    from framing.compare import load_corpus  # a comparison of the store says so too (report.md's Warnings)

    assert any(w.startswith("1 input record with another source than the stored copy of the same text was set aside")
               for w in load_corpus(db).warnings)
    assert "3 duplicates (1 from another source than the stored copy, which counts for its first source only)" \
        in s.line()
    s2 = run_corpus([str(write_jsonl(tmp_path / "more.jsonl", [{"id": "z", "text": other, "source": "Courier"},
                                                               {"id": "y", "text": TEXT, "source": "Wire"}]))], db)
    assert s2.counts["duplicate"] == 2 and s2.duplicates_other_source == 1
    # none: the line says nothing of other sources
    s3 = run_corpus([str(write_jsonl(tmp_path / "same.jsonl", [{"id": "x", "text": TEXT, "source": "Wire"}]))], db)
    assert s3.duplicates_other_source == 0 and "another source" not in s3.line()


def test_staleness_reanalyses_only_what_is_needed(tmp_path):
    db = tmp_path / "s.duckdb"
    a = write_jsonl(tmp_path / "a.jsonl", synthetic(12))
    run_corpus([str(a)], db)
    both = write_jsonl(tmp_path / "ab.jsonl", synthetic(15))  # the same 12 and 3 new ones
    s = run_corpus([str(both)], db)
    assert (s.counts["analysed"], s.counts["up_to_date"]) == (3, 12)

    with open_store(db, read_only=True) as st:
        before = st.findings_frame(types=["loaded_term"])
    lex = framing.default_lexicons()
    term = before.loc[before["text"] == "slammed", "term"].iloc[0]
    edited = replace(lex, loaded_terms=lex.loaded_terms.with_changes(disable=[term]))
    s = run_corpus([str(a)], db, lexicons=edited)
    assert (s.counts["analysed"], s.counts["up_to_date"]) == (12, 0)
    with open_store(db, read_only=True) as st:
        rec = st.records(s.run_id)
        after = st.findings_frame(types=["loaded_term"])
        stale, total = st.stale_count(provenance.current_versions_key(edited))
    assert set(rec["detail"]) == {"stale: analysed with other versions"}
    assert "slammed" in set(before["text"]) and "slammed" not in set(after[after["article_id"] < "s00012"]["text"])
    assert (stale, total) == (3, 15)  # the three articles not in a.jsonl still carry the old versions

    changed = synthetic(12)
    changed[5]["text"] += " One more sentence."
    s = run_corpus([str(write_jsonl(tmp_path / "c.jsonl", changed))], db, lexicons=edited)
    assert (s.counts["analysed"], s.counts["up_to_date"]) == (1, 11)
    with open_store(db, read_only=True) as st:
        assert st.records(s.run_id).query("status == 'analysed'")["detail"].tolist() == ["text changed"]
        assert st.texts(["s00005"])["s00005"].endswith("One more sentence.")


def test_two_workers_equal_one_process(tmp_path, monkeypatch, demo):
    """Pool workers hand their tables over as Arrow IPC files in a private temporary folder: the store equals a
    single process's, and neither the files nor the folder outlive the run."""
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    run_corpus([str(demo)], tmp_path / "one.duckdb", batch_size=30)
    s = run_corpus([str(demo)], tmp_path / "two.duckdb", batch_size=30, workers=2)
    assert s.status == "complete" and s.counts["analysed"] == 165
    assert_same_store(tmp_path / "one.duckdb", tmp_path / "two.duckdb")
    assert list(scratch.iterdir()) == []


def test_orphan_folders_of_dead_runs_are_removed_and_others_kept(tmp_path):
    import subprocess
    import sys

    from framing.corpus.executors import remove_orphan_folders

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f"framing-run-{gone.stdout.strip()}-abc"  # a process that has ended
    alive = tmp_path / f"framing-run-{os.getpid()}-def"  # this one
    other = tmp_path / "framing-run-notapid-x"
    recent = tmp_path / f"framing-run-{gone.stdout.strip()}-ghi"  # as if from another PID namespace, still written
    for d in (dead, alive, other, recent):
        d.mkdir()
        (d / "part-articles.arrow").write_bytes(b"x")
    old = time.time() - 3600
    for d in (dead, alive, other):
        for f in (d / "part-articles.arrow", d):
            os.utime(f, (old, old))
    assert remove_orphan_folders(str(tmp_path)) == [str(dead)]
    assert not dead.exists() and alive.exists() and other.exists() and recent.exists()


def test_batch_size_does_not_change_the_store(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(30) + synthetic(5) + [{"text": ""}])
    run_corpus([str(src)], tmp_path / "a.duckdb", batch_size=4)
    run_corpus([str(src)], tmp_path / "b.duckdb", batch_size=100)
    assert_same_store(tmp_path / "a.duckdb", tmp_path / "b.duckdb")


def test_engine_failure_on_one_record_is_an_error_not_a_crash(tmp_path, monkeypatch):
    real = worker_mod.analyse_document

    def flaky(text, **kw):
        if kw["id"] == "s00003":
            raise RuntimeError("boom")
        return real(text, **kw)

    monkeypatch.setattr(worker_mod, "analyse_document", flaky)
    db = tmp_path / "f.duckdb"
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(6))
    s = run_corpus([str(src)], db)
    assert s.status == "complete" and s.counts == {"input": 6, "analysed": 5, "up_to_date": 0, "duplicate": 0,
                                                   "error": 1}
    with open_store(db, read_only=True) as st:
        (reason,) = st.errors(1)["reason"]
    assert "the analysis failed: RuntimeError: boom" in reason
    monkeypatch.setattr(worker_mod, "analyse_document", real)
    s = run_corpus([str(src)], db)
    assert (s.counts["analysed"], s.counts["up_to_date"]) == (1, 5)


def test_disk_full_fails_the_run_keeps_batches_and_resumes(tmp_path, monkeypatch):
    group = runner_mod.COMMIT_GROUP  # batches per transaction
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(5 * group * 3))
    run_corpus([str(src)], tmp_path / "ref.duckdb", batch_size=5)

    real = Store._insert
    calls = {"n": 0}

    def full(self, table, data, terms=None):
        calls["n"] += 1
        if calls["n"] > 6:  # two transactions (articles, findings, ledger) then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, table, data, terms=terms)

    monkeypatch.setattr(Store, "_insert", full)
    db = tmp_path / "full.duckdb"
    with pytest.raises(StoreError, match="the disk is full.*run the same command again"):
        run_corpus([str(src)], db, batch_size=5)
    with open_store(db, read_only=True) as st:
        runs = st.runs()
        assert runs["status"].tolist() == ["failed"] and runs["n_input"].tolist() == [5 * group * 2]
        assert len(st.articles_frame()) == 5 * group * 2
    monkeypatch.setattr(Store, "_insert", real)
    s = run_corpus([str(src)], db, batch_size=5)
    assert s.run_id == 1 and s.resumed_at == 5 * group * 2 and s.status == "complete"
    assert_same_store(tmp_path / "ref.duckdb", db)


def test_memory_is_bounded_by_the_batches_in_flight(tmp_path, monkeypatch):
    """The loop reads ahead at most (max(window, COMMIT_GROUP) + 1) batches: no whole-corpus lists."""
    consumed = {"n": 0}
    real_read = runner_mod.read_inputs

    def counting(paths, mapping, **kw):
        for item in real_read(paths, mapping, **kw):
            consumed["n"] += 1
            yield item

    ahead = []

    def log(line):
        committed = int(line.split("committed items ")[1].split(":")[0].split("-")[1].replace(",", ""))
        ahead.append(consumed["n"] - committed)

    monkeypatch.setattr(runner_mod, "read_inputs", counting)
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(60))
    run_corpus([str(src)], tmp_path / "m.duckdb", batch_size=5, log=log)
    # Inline: one batch analysed at a time, up to a commit group waiting for its transaction.
    assert len(ahead) == 12 and max(ahead) <= 5 * (runner_mod.COMMIT_GROUP + 1)


def test_progress_bar_quiet_off_terminal_and_shown_on_request(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(8))
    run_corpus([str(src)], tmp_path / "p.duckdb")
    assert capsys.readouterr().err == ""
    run_corpus([str(src)], tmp_path / "q.duckdb", progress=True)
    err = capsys.readouterr().err
    assert "run 1" in err and "8/8" in err


def test_summary_line(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(3) + [{"text": 5}])
    line = run_corpus([str(src)], tmp_path / "s.duckdb").line()
    assert line.startswith("run 1 complete: 4 input items: 3 analysed, 0 up to date, 0 duplicates, 1 errors;")
    assert line.endswith("articles/s")


def test_bad_options_are_rejected(tmp_path):
    with pytest.raises(framing.ConfigError, match="valid values"):
        run_corpus(["x"], tmp_path / "x.duckdb", engine="spark")  # type: ignore[arg-type]
    with pytest.raises(framing.ConfigError, match="workers"):
        run_corpus(["x"], tmp_path / "x.duckdb", workers=0)
    with pytest.raises(framing.InputError, match="no such file"):
        run_corpus([str(tmp_path / "missing.jsonl")], tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()  # nothing was created


@pytest.mark.slow
def test_one_bad_line_in_ten_thousand_nothing_lost(tmp_path):
    lines = [json.dumps({"id": f"r{i:05d}", "text": f"Item {i} said."}) for i in range(10_000)]
    lines[4_321] = '{"id": "r04321", "text": "unterminated}'
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(lines) + "\n")
    s = run_corpus([str(src)], tmp_path / "big.duckdb", batch_size=1000)
    assert s.counts == {"input": 10_000, "analysed": 9_999, "up_to_date": 0, "duplicate": 0, "error": 1}
    with open_store(tmp_path / "big.duckdb", read_only=True) as st:
        (origin,) = st.errors()["origin"]
    assert origin.endswith("big.jsonl:4322")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["good", "dup", "same-id", "bad-json", "empty", "no-text", "binary"]),
                min_size=1, max_size=12))
def test_nothing_lost(tmp_path_factory, kinds):
    tmp = tmp_path_factory.mktemp("h")
    lines = []
    for i, k in enumerate(kinds):
        lines.append({
            "good": json.dumps({"id": f"g{i}", "text": f"Story {i}, she said."}),
            "dup": json.dumps({"id": f"d{i}", "text": "The same story, she said."}),
            "same-id": json.dumps({"id": "fixed", "text": f"Story {i % 2}, he said."}),
            "bad-json": "{not json",
            "empty": json.dumps({"text": "  "}),
            "no-text": json.dumps({"body_text": "x"}),
            "binary": json.dumps({"text": "\u0001\u0002\u0003"}),
        }[k])
    src = tmp / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    s = run_corpus([str(src)], tmp / "h.duckdb", batch_size=3, mapping=Mapping())
    assert s.counts["input"] == len(kinds) and s.status == "complete"
    counts_add_up(tmp / "h.duckdb", 1)


def test_an_edited_engine_makes_the_store_stale(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic(4))
    db = tmp_path / "e.duckdb"
    run_corpus([str(src)], db)
    monkeypatch.setattr(provenance, "engine_sha256", lambda: "0" * 64)  # as if framing/detect/*.py were edited
    s = run_corpus([str(src)], db)
    assert (s.counts["analysed"], s.counts["up_to_date"]) == (4, 0)
    with open_store(db, read_only=True) as st:
        assert st.manifest(s.run_id)["versions"]["engine_sha256"] == "0" * 64


def test_a_record_over_its_time_budget_is_an_error_and_the_run_goes_on(tmp_path, monkeypatch):
    from tests.test_report import _slow_sentiment

    _slow_sentiment(monkeypatch)
    rows = synthetic(6)
    rows[2]["text"] = "SLOW " + rows[2]["text"]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    summary = run_corpus([str(src)], tmp_path / "s.duckdb", record_seconds=10, progress=False)
    assert summary.status == "complete" and summary.counts["analysed"] == 5 and summary.counts["error"] == 1
    with open_store(tmp_path / "s.duckdb", read_only=True) as st:
        errs = st.records(None, status="error")
    assert list(errs["article_id"]) == [rows[2]["id"]]
    assert errs["detail"].iloc[0].startswith("the analysis took longer than its time budget of 10 s (stopped after "
                                             "sentiment")
