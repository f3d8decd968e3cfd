"""The store's cells (framing.corpus.store, table ``cells``): the comparison sums per cell, kept with the articles."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.runner import run_corpus
from framing.corpus.store import CELL_TABLES, Store, open_store

from .conftest import DEMO, assert_cells_consistent, synthetic, write_jsonl


def test_a_run_keeps_one_row_per_cell_with_the_sums_of_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db, batch_size=20)
    with open_store(db, read_only=True) as st:
        assert_cells_consistent(st)
        for table, keys in CELL_TABLES.items():  # compacted when the run ended: one row per cell
            date = "date_trunc('month', date)" if table == "cells_month" else "date"
            distinct = ", ".join(k if k != "date" else date for k in keys)
            n_cells, n_distinct = st.con.execute(
                f"SELECT count(*), (SELECT count(*) FROM (SELECT DISTINCT {distinct} FROM articles)) FROM {table}"
            ).fetchone()
            assert n_cells == n_distinct, table


def test_a_rerun_with_changed_texts_replaces_their_sums_and_counts_nothing_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    rows = synthetic(60)
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", rows))], db, batch_size=7)
    # the same input again (up to date), then with changed texts, moved dates and sources: replaced articles
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", rows))], db, batch_size=7)
    changed = [{**r, "text": r["text"] + " Officials branded it a disastrous scheme.", "source": "Moved",
                "date": "2026-02-01"} if i % 3 == 0 else r for i, r in enumerate(rows)]
    run_corpus([str(write_jsonl(tmp_path / "b.jsonl", changed))], db, batch_size=7)
    with open_store(db, read_only=True) as st:
        assert_cells_consistent(st)
        assert st.con.execute("SELECT sum(n_articles) FROM cells WHERE source = 'Moved'").fetchone()[0] == 20
        assert st.con.execute("SELECT count(*) FROM cells").fetchone()[0] == st.con.execute(
            "SELECT count(*) FROM (SELECT DISTINCT source, leaning, topic, event, language, date FROM articles)"
        ).fetchone()[0]


def test_a_batch_that_fails_to_commit_leaves_no_sums(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", synthetic(30)))], db, batch_size=10)
    calls = {"n": 0}
    real = Store.commit_batch

    def failing(self: Store, *args: object, **kw: object) -> None:
        calls["n"] += 1
        if calls["n"] == 1:  # the commit fails inside its transaction, after the articles and their sums went in
            real_insert = self._insert

            def boom(table: str, data: object, terms: object = None) -> None:
                real_insert(table, data, terms=terms)
                if table == "findings":
                    raise OSError("disk full")

            monkeypatch.setattr(self, "_insert", boom)
        real(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "commit_batch", failing)
    with pytest.raises(Exception, match="disk full|cannot write"):
        run_corpus([str(write_jsonl(tmp_path / "b.jsonl", synthetic(40, start=30)))], db, batch_size=10)
    with open_store(db, read_only=True) as st:
        assert_cells_consistent(st)
        assert st.count() == 30  # the failed commit rolled back: its articles and their sums


def test_a_store_without_cells_is_read_from_its_articles_and_gains_them_when_opened_for_writing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    with open_store(db) as st:  # as a store written before the cells existed
        st.con.execute("DROP TABLE cells")
        st.con.execute("DROP TABLE cells_month")
        st.con.execute("DELETE FROM store_info WHERE key = 'cells_version'")
    capsys.readouterr()
    with open_store(db, read_only=True) as st:
        assert not st.has_cells()
        from framing import moments

        got = st.group_sums(None, ["source"], moments.moments())
        assert got.attrs["from"] == "articles" and got["n_articles"].sum() == st.count()
    with open_store(db) as st:
        assert_cells_consistent(st)
    err = capsys.readouterr().err
    assert "adding the comparison sums per cell (tables cells_month, cells) for 165 articles, once" in err
    with open_store(db) as st:  # once: not again
        pass
    assert "adding" not in capsys.readouterr().err


def test_cells_of_other_metrics_are_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    with open_store(db) as st:  # sums of another framing's metrics
        st.con.execute("UPDATE store_info SET value = 'other' WHERE key = 'cells_version'")
        st.con.execute("DELETE FROM cells WHERE source = 'Capital Wire'")
    with open_store(db, read_only=True) as st:
        assert not st.has_cells()
    with open_store(db) as st:
        assert_cells_consistent(st)


def test_a_filter_outside_the_cells_keys_reads_the_articles(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    rows = [{**r, "desk": "metro" if i % 2 else "world"} for i, r in enumerate(synthetic(20))]
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", rows))], db)
    from framing import moments

    with open_store(db, read_only=True) as st:
        a = st.group_sums({"desk": ["metro"]}, ["source"], moments.moments())
        b = st.group_sums({"source": ["Herald"]}, ["source"], moments.moments())
    assert a.attrs["from"] == "articles" and a["n_articles"].sum() == 10
    assert b.attrs["from"] == "cells_month" and b["n_articles"].sum() == 7
    assert json.dumps(sorted(a["source"])) == json.dumps(["Courier", "Herald", "Ledger"])


@pytest.mark.parametrize(("where", "by", "table"), [
    (None, ["source"], "cells_month"),
    ({"leaning": ["left"], "date": ("2019-01-01", "2020-06-30")}, ["source"], "cells_month"),
    ({"date": ("2019-01-01", None)}, ["source", "date:quarter"], "cells_month"),
    ({"date": ("2019-01-02", "2020-06-30")}, ["source"], "cells"),  # not whole months
    ({"date": ("2019-01-01", "2020-06-29")}, ["source"], "cells"),
    ({"event": ["E1"]}, ["source"], "cells"),
    (None, ["event"], "cells"),
    (None, ["source", "date:week"], "cells"),
    (None, ["source", "date:day"], "cells"),
    ({"desk": ["metro"]}, ["source"], None),  # an input field: only the articles have it
    (None, ["title"], None),
])
def test_the_coarsest_cells_table_that_can_answer_is_chosen(where: dict | None, by: list[str], table: str | None
                                                            ) -> None:
    from framing.corpus.store import cell_table

    assert cell_table(where, by) == table


def test_compacting_a_part_at_a_time_gives_one_row_per_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.corpus import store as store_module

    # many parts on a small store (a cell or so each), as on a large one; each part in its own transaction
    monkeypatch.setattr(store_module, "_COMPACT_SUMS", 1)
    parts: list[str] = []
    rewrite = Store._rewrite_part
    monkeypatch.setattr(Store, "_rewrite_part", lambda self, table, sums, part: (parts.append(table),
                                                                                rewrite(self, table, sums, part)))
    db = tmp_path / "s.duckdb"
    rows = synthetic(90)
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", rows))], db, batch_size=7)
    changed = [{**r, "text": r["text"] + " A disastrous scheme."} if i % 2 else r for i, r in enumerate(rows)]
    run_corpus([str(write_jsonl(tmp_path / "b.jsonl", changed))], db, batch_size=7)
    with open_store(db, read_only=True) as st:
        assert_cells_consistent(st)
        for table, keys in CELL_TABLES.items():
            date = "date_trunc('month', date)" if table == "cells_month" else "date"
            distinct = ", ".join(k if k != "date" else date for k in keys)
            assert st.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == st.con.execute(
                f"SELECT count(*) FROM (SELECT DISTINCT {distinct} FROM articles)").fetchone()[0], table
    assert min(parts.count(t) for t in CELL_TABLES) >= 4


def test_the_workers_counts_give_the_same_term_and_label_tables_as_counting_in_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.corpus.runner as runner

    rows = synthetic(40)
    for i, r in enumerate(rows[::3]):  # actor labels, in the writer's voice, quoted and in scare quotes
        r["text"] += f' Officials called the militants "terrorists"; the "regime" of {i} denied it.'
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    run_corpus([str(src)], tmp_path / "workers.duckdb", batch_size=10)
    # the run process counts every batch's terms and actor labels
    monkeypatch.setattr(runner, "_all_counted", lambda results, what="terms": None)
    run_corpus([str(src)], tmp_path / "run.duckdb", batch_size=10)
    tables = {}
    for name in ("workers", "run"):
        with open_store(tmp_path / f"{name}.duckdb", read_only=True) as st:
            tables[name] = [st.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                            for t in ("terms", "terms_month", "term_vocab", "article_labels")]
    assert tables["workers"] == tables["run"] and all(tables["run"])


def test_a_fractional_sum_is_the_same_in_any_order() -> None:
    # doubles summed in another order differ in the last bit (0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1); the fixed-point
    # sums of moments.sum_sql do not
    import duckdb

    from framing import moments

    values = [0.1, 0.2, 0.3, 1 / 3, -2 / 7, 0.7071067811865476, 1e-9]
    mo = next(m for m in moments.moments() if m.name == "s:polarity")
    nd = next(m for m in moments.moments() if m.name.startswith("nd:polarity|"))
    assert moments.fractional(mo) and moments.fractional(nd)
    assert not moments.fractional(next(m for m in moments.moments() if m.name == "s:n_words"))
    con = duckdb.connect()
    got = []
    for order in (values, values[::-1], sorted(values)):
        con.execute("CREATE OR REPLACE TABLE t (polarity DOUBLE)")
        con.executemany("INSERT INTO t VALUES (?)", [[v] for v in order])
        got.append(con.execute(f"SELECT {moments.sum_sql(mo)}, {moments.sum_sql(nd)}, sum(polarity) FROM t"
                               ).fetchone())
    assert got[0][:2] == got[1][:2] == got[2][:2]
    assert len({g[2] for g in got}) > 1  # (the plain double sums differ: the test would catch them)


def test_the_cells_are_the_same_whatever_order_and_batches_the_articles_came_in(tmp_path: Path) -> None:
    # regression (a user's trial): the cells' polarity and subjectivity sums differed in the last bits between runs
    # with other worker counts (batches committed in other groups) or the Dask engine
    import random

    from framing import moments

    rng = random.Random(7)
    words = ["good", "bad", "terrible", "wonderful", "awful", "great", "poor", "excellent", "sad", "happy"]
    rows = [{"id": f"m{i:03d}", "source": "AB"[i % 2], "date": f"2026-01-0{1 + i % 3}",
             "text": f"Story {i}: the minister said the {' and '.join(rng.sample(words, 3))} plan was {i} days late."}
            for i in range(80)]
    one = tmp_path / "one.duckdb"
    two = tmp_path / "two.duckdb"
    run_corpus([str(write_jsonl(tmp_path / "a.jsonl", rows))], one, batch_size=7)
    run_corpus([str(write_jsonl(tmp_path / "b.jsonl", rows[::-1]))], two, batch_size=30)
    tables = {}
    for db in (one, two):
        with open_store(db, read_only=True) as st:
            tables[db] = {t: st.con.execute(f"SELECT * FROM {t} ORDER BY ALL").df() for t in CELL_TABLES}
            # and from the articles, in the store's order: the same sums
            by, moms = ["source", "date:day"], moments.moments()
            from_cells = st.group_sums(None, by, moms, use_cells="cells")
            pd.testing.assert_frame_equal(from_cells, st.group_sums(None, by, moms, use_cells=False), check_exact=True)
    for t in CELL_TABLES:
        a, b = tables[one][t], tables[two][t]
        assert len(a) == (6 if t == "cells" else 2)
        assert a["s:polarity"].nunique() > 1
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=t)
