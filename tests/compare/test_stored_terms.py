"""Distinctive terms from a store's term counts (framing.compare.stored.store_distinctive_terms) against the table the
Word choice page computed before: the texts counted in memory (every text, the terms seen 5 times or more)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.compare import count_terms, distinctive_terms
from framing.compare.stored import store_distinctive_terms
from framing.corpus.runner import run_corpus
from framing.corpus.store import open_store, term_table

from .conftest import DEMO
from .helpers import spy_queries


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stored_terms") / "demo.duckdb"
    run_corpus([str(DEMO)], db, batch_size=30)
    return db


def _before(st: object, where: dict | None, by: str) -> pd.DataFrame:
    """The page before: every text counted once (unigrams and bigrams, min_count 5), then scored per filter."""
    texts = st.texts(st.articles_frame(columns=["article_id"])["article_id"])  # type: ignore[attr-defined]
    counts = count_terms(texts, ngrams=2, min_count=5)
    return distinctive_terms(st.articles_frame(where=where), texts, by=by, counts=counts, top=15)  # type: ignore[attr-defined]


CASES = [
    (None, "source", "terms"),
    (None, "leaning", "terms"),
    (None, "topic", "terms"),
    ({"leaning": ["left", "right"]}, "source", "terms"),
    ({"source": ["Capital Wire", "The Daily Tattler"], "topic": ["economy", "health"]}, "leaning", "terms"),
    ({"date": ("2026-01-01", "2026-02-28")}, "leaning", "terms_month"),  # whole months
    ({"date": ("2026-01-05", "2026-03-20")}, "leaning", None),  # days: the texts counted
    (None, "event", None),  # the event: the texts counted
    ({"event": ["E01", "E02", "E03", "E04"]}, "source", None),
]


@pytest.mark.parametrize(("where", "by", "table"), CASES)
def test_stored_terms_equal_the_pages_table_before(store: Path, where: dict | None, by: str,
                                                   table: str | None) -> None:
    with open_store(store, read_only=True) as st:
        assert term_table(where, [by]) == table
        got = store_distinctive_terms(st, where=where, by=by, top=15)
        want = _before(st, where, by)
    assert len(want) > 10
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9, atol=1e-12)
    assert got.attrs == want.attrs


@pytest.mark.parametrize(("where", "by", "table"), [c for c in CASES if c[2] is not None])
def test_the_term_totals_kept_with_the_answers_give_the_same_terms(store: Path, tmp_path: Path, where: dict | None,
                                                                    by: str, table: str) -> None:
    """The store-wide term totals kept with the answers (the vocabulary of every ranking, rather than summed per
    query) give the same table; a commit drops them."""
    import shutil

    from framing.corpus.store import _TERM_TOTALS

    db = tmp_path / "totals.duckdb"
    shutil.copy(store, db)
    with open_store(db, read_only=True) as st:
        want = store_distinctive_terms(st, where=where, by=by, top=15)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    with open_store(db, read_only=True) as st:
        reads = spy_queries(st)
        got = store_distinctive_terms(st, where=where, by=by, top=15)
    assert any(_TERM_TOTALS in r for r in reads) if where else any(r.startswith("SELECT * FROM answer_") for r in reads)
    pd.testing.assert_frame_equal(got, want)
    run_corpus([str(write_jsonl(tmp_path / "more.jsonl", [{"id": "one-more", "source": "S", "text": "A new text."}]))],
               db)
    with open_store(db, read_only=True) as st:
        assert st.con.execute(f"SELECT count(*) FROM duckdb_tables() WHERE table_name = '{_TERM_TOTALS}'").fetchone() \
            == (0,)


@pytest.mark.parametrize("first_keep", [None, 2])
def test_a_group_of_articles_without_the_value_has_its_terms(tmp_path: Path, first_keep: int | None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles without a topic or a source are a group of their own ("(missing)"): its terms are ranked too (a NULL
    key is joined as a value, not dropped), whichever way DuckDB is asked, as the texts counted in memory rank them."""
    import framing.compare.stored as stored

    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i, r in enumerate(rows):
        if i % 5 == 0:
            r.pop("topic", None)
        if i % 9 == 0:
            r.pop("source", None)
    db = tmp_path / "missing.duckdb"
    run_corpus([str(write_jsonl(tmp_path / "missing.jsonl", rows))], db)
    if first_keep:
        monkeypatch.setattr(stored, "_first_keep", lambda top, n_groups: first_keep)
    with open_store(db, read_only=True) as st:
        texts = st.texts(st.articles_frame(columns=["article_id"])["article_id"])
        counts = count_terms(texts, ngrams=2, min_count=5)
        for by in ("topic", "source"):
            got = store_distinctive_terms(st, by=by, top=15)
            want = distinctive_terms(st.articles_frame(), texts, by=by, counts=counts, top=15)
            assert (want["group"] == "(missing)").sum() == 15
            figures = [c for c in want.columns if not c.startswith("example")]
            pd.testing.assert_frame_equal(got[figures], want[figures], check_exact=False, rtol=1e-9, atol=1e-12)


def test_one_group_says_so(store: Path) -> None:
    with open_store(store, read_only=True) as st:
        got = store_distinctive_terms(st, where={"source": ["Capital Wire"]}, by="source")
    assert got.empty and "only one group" in got.attrs["warnings"][-1]


def test_term_counts_follow_replaced_articles(tmp_path: Path) -> None:
    """A re-analysed article with a new text: its old terms subtracted, its new ones added, as a fresh count."""
    rows = [{"id": f"a{i}", "source": "S" if i % 2 else "T", "date": "2026-02-03",
             "text": f"Officials said the harbour bridge closed. Story {i} about the harbour bridge."} for i in range(6)]
    src = tmp_path / "a.jsonl"
    write_jsonl(src, rows)
    run_corpus([str(src)], tmp_path / "s.duckdb")
    rows[0] = {**rows[0], "text": "Protesters marched on the ministry; the ministry answered the protesters."}
    write_jsonl(src, rows)
    run_corpus([str(src)], tmp_path / "s.duckdb")
    write_jsonl(tmp_path / "fresh.jsonl", rows)
    run_corpus([str(tmp_path / "fresh.jsonl")], tmp_path / "fresh.duckdb")
    q = "SELECT * EXCLUDE (first_id) FROM {} ORDER BY ALL"
    with open_store(tmp_path / "s.duckdb", read_only=True) as a, open_store(tmp_path / "fresh.duckdb",
                                                                            read_only=True) as b:
        for table in ("terms", "terms_month"):
            assert a.con.execute(q.format(table)).fetchall() == b.con.execute(q.format(table)).fetchall()
        assert ("T", "ministry", 2, 1) in a.con.execute("SELECT source, term, n, n_articles FROM terms "
                                                        "JOIN term_vocab USING (term_id)").fetchall()


def test_ranked_in_duckdb_the_first_terms_of_each_group(store: Path) -> None:
    """term_groups with the z-score in SQL keeps each group's first `keep` terms by z (of those with z > 0), and
    counts the rest; rank_terms ranks them as it ranks every candidate."""
    from framing.compare.settings import DEFAULT
    from framing.compare.wordchoice import log_odds_z_sql

    score = log_odds_z_sql(prior_scale=DEFAULT.prior_scale)
    with open_store(store, read_only=True) as st:
        labels = {v: str(v) for v in st.term_values(None, "leaning")}
        every = st.term_groups(None, "leaning", dict(labels), min_count=5)
        kept = st.term_groups(None, "leaning", dict(labels), min_count=5, score=score, keep=7)
        got = store_distinctive_terms(st, by="leaning", top=15)
    head = every[every["term"].isna()]
    assert head.reset_index(drop=True).equals(kept[kept["term"].isna()].reset_index(drop=True))
    rows = kept[kept["term"].notna()]
    assert rows.groupby("label").size().max() == 7 and (rows["candidates"] > 7).all()
    assert set(rows["term"]) <= set(every["term"].dropna())
    assert set(got["term"]) <= set(every["term"].dropna())


def test_a_store_without_term_tables_gains_them_with_a_message(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db)
    with open_store(db) as st:  # as a store written before the tables: dropped, and the version forgotten
        st.con.execute("DROP TABLE terms")
        st.con.execute("DELETE FROM store_info WHERE key = 'terms_version'")
    with open_store(db, read_only=True) as st:
        assert not st.has_terms() and st.term_values(None, "source") is None
        fallback = store_distinctive_terms(st, by="leaning")  # every text counted, as before
    capsys.readouterr()
    with open_store(db) as st:
        assert st.has_terms()
    assert "counting the words of 165 articles" in capsys.readouterr().err
    with open_store(db) as st:  # as a store whose terms an older framing counted (string terms, no ids)
        st.con.execute("UPDATE store_info SET value = 'older' WHERE key = 'terms_version'")
    with open_store(db, read_only=True) as st:
        assert not st.has_terms()
    with open_store(db) as st:
        assert st.has_terms()
    assert "counting the words of 165 articles for the Word choice page (tables terms, terms_month) again" in \
        capsys.readouterr().err
    with open_store(db, read_only=True) as st:
        pd.testing.assert_frame_equal(store_distinctive_terms(st, by="leaning"), fallback)


def test_a_strict_top_source_share_with_a_few_groups(store: Path) -> None:
    """With a strict top-source share most of a group's first terms by z are dropped; a few groups are asked for
    enough terms at once (10,000 rows in all: here every candidate, one query), and the table equals the one from
    every text counted in memory. (Asked again, with the dominated terms left out in DuckDB: the test below.)"""
    from dataclasses import replace

    from framing.compare.settings import DEFAULT

    cfg = replace(DEFAULT, max_source_share=0.2)
    with open_store(store, read_only=True) as st:
        calls = []
        term_groups = st.term_groups
        st.term_groups = lambda *a, **k: calls.append((k["keep"], k["max_share"])) or term_groups(*a, **k)  # type: ignore[method-assign]
        got = store_distinctive_terms(st, by="leaning", top=15, config=cfg)
        texts = st.texts(st.articles_frame(columns=["article_id"])["article_id"])
        counts = count_terms(texts, ngrams=2, min_count=5)
        want = distinctive_terms(st.articles_frame(), texts, by="leaning", counts=counts, top=15, config=cfg)
    assert calls == [(10_000 // 8, None)] and len(want) > 10
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("share", [0.5, 0.2])
def test_groups_not_filled_from_their_first_terms_are_asked_again(store: Path, share: float,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With the first terms asked for cut to two, a group (self-references and unigrams a bigram explains dropped,
    terms one source dominates) is asked again with more, and the table still equals the one from every text counted
    in memory. (Examples: the texts counted in memory find none for a word glued to digits, "50-million-mark", which
    the store's first occurrence has.)"""
    from dataclasses import replace

    import framing.compare.stored as stored
    from framing.compare.settings import DEFAULT

    cfg = replace(DEFAULT, max_source_share=share)
    monkeypatch.setattr(stored, "_first_keep", lambda top, n_groups: 2)
    with open_store(store, read_only=True) as st:
        calls = []
        term_groups = st.term_groups
        st.term_groups = lambda *a, **k: calls.append((k["keep"], k["max_share"])) or term_groups(*a, **k)  # type: ignore[method-assign]
        texts = st.texts(st.articles_frame(columns=["article_id"])["article_id"])
        counts = count_terms(texts, ngrams=2, min_count=5)
        for by in ("leaning", "source", "topic"):
            calls.clear()
            got = store_distinctive_terms(st, by=by, top=15, config=cfg)
            want = distinctive_terms(st.articles_frame(), texts, by=by, counts=counts, top=15, config=cfg)
            assert calls[:2] == [(2, share), (8, share)] and len(want) > 10
            figures = [c for c in want.columns if not c.startswith("example")]
            pd.testing.assert_frame_equal(got[figures], want[figures], check_exact=False, rtol=1e-9, atol=1e-12)
            found = want["example_article_id"].notna()
            assert got.loc[found, "example"].tolist() == want.loc[found, "example"].tolist()


SUMS = ("SELECT source, leaning, topic, language, {date} term_id, sum(n), sum(n_articles), min(first_id) FROM {table} "
        "GROUP BY ALL HAVING sum(n_articles) <> 0 ORDER BY ALL")


def _term_sums(st: object) -> list[list[tuple]]:
    con = st.con  # type: ignore[attr-defined]
    return [con.execute(SUMS.format(table="terms", date="")).fetchall(),
            con.execute(SUMS.format(table="terms_month", date="date,")).fetchall(),
            con.execute("SELECT * FROM term_vocab ORDER BY ALL").fetchall()]


def test_counts_summed_a_few_articles_at_a_time_equal_one_sum(store: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The staged per-article counts summed into the term tables every few hundred rows (many folds, some in the
    middle of a commit) and compacted in parts give the very tables of the default (one fold at the run's end and
    one part here)."""
    import framing.corpus.store as store_mod

    monkeypatch.setattr(store_mod, "_FOLD_ROWS", 500)
    monkeypatch.setattr(store_mod, "_COMPACT_GROUPS", 3_000)  # and compacted in parts
    run_corpus([str(DEMO)], tmp_path / "folds.duckdb", batch_size=30)
    q = "SELECT * FROM {} ORDER BY ALL"
    with open_store(store, read_only=True) as a, open_store(tmp_path / "folds.duckdb", read_only=True) as b:
        for table in ("terms", "terms_month", "term_vocab"):
            assert a.con.execute(q.format(table)).fetchall() == b.con.execute(q.format(table)).fetchall(), table
        assert b.con.execute("SELECT count(*) FROM term_stage").fetchone()[0] == 0


def test_a_stage_summed_a_few_parts_or_a_slice_of_a_part_at_a_time_gives_the_same_tables(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage of a whole run summed in queries of a few parts, or of a slice of a part by a hash of the term (a
    part of more groups than a query may hold), gives the very tables of one query."""
    import shutil

    import framing.corpus.store as store_mod
    from framing.corpus.store import Store

    db = tmp_path / "staged.duckdb"
    monkeypatch.setattr(Store, "compact_terms", lambda self: None)  # the stage left as a killed run leaves it
    run_corpus([str(DEMO)], db, batch_size=30)
    monkeypatch.undo()
    q = "SELECT * FROM {} ORDER BY ALL"
    for groups, sliced in ((2_000, False), (200, True)):
        monkeypatch.setattr(store_mod, "_FOLD_GROUPS", groups)
        with open_store(db, read_only=True) as st:
            pieces = st._fold_pieces()
        assert len(pieces) > 8 and any("hash(term)" in p for p in pieces) == sliced, pieces
        copy = shutil.copy(db, tmp_path / f"{groups}.duckdb")
        with open_store(copy) as st:  # (opened for writing: the stage summed)
            assert st.con.execute("SELECT count(*) FROM term_stage").fetchone()[0] == 0
            st.compact_terms()
        with open_store(store, read_only=True) as a, open_store(copy, read_only=True) as b:
            for table in ("terms", "terms_month", "term_vocab"):
                assert a.con.execute(q.format(table)).fetchall() == b.con.execute(q.format(table)).fetchall(), table


def test_counts_a_stopped_run_left_staged_are_summed_when_the_store_is_next_written(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped after committing articles whose term counts are still staged: a reader does not use the
    incomplete term tables (the texts are counted instead, the same table), and the next writer sums them."""
    from framing.corpus.store import Store

    db = tmp_path / "stopped.duckdb"
    monkeypatch.setattr(Store, "compact_terms", lambda self: None)  # as if the run had been killed before its end
    run_corpus([str(DEMO)], db, batch_size=30)
    monkeypatch.undo()
    with open_store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM term_stage").fetchone()[0] > 0
        assert not st.has_terms() and st.term_values(None, "source") is None
        fallback = store_distinctive_terms(st, by="leaning")
    with open_store(db) as st:
        assert st.con.execute("SELECT count(*) FROM term_stage").fetchone()[0] == 0
    with open_store(db, read_only=True) as st, open_store(store, read_only=True) as whole:
        assert st.has_terms()
        assert _term_sums(st) == _term_sums(whole)
        pd.testing.assert_frame_equal(store_distinctive_terms(st, by="leaning"), fallback)


# The part of a staged row as the store computed it before the workers made the parts (main until 2026-12-06):
# DuckDB's hash of the term.
OLD_PART = "CAST(hash(term) % 64 AS UTINYINT)"


@pytest.mark.parametrize("older", ["every row", "half the articles"])
def test_a_stage_of_the_older_part_function_is_summed_as_the_newer(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, older: str) -> None:
    """A run of an older framing killed with counts staged in parts by DuckDB's hash: the next store opened for
    writing sums them before anything new is staged (so a run never stages rows of two part functions); and were
    half the articles' rows in other parts, a fold of a few parts at a time would give the same sums, and the
    compaction the very tables of a complete run."""
    import duckdb

    import framing.corpus.store as store_mod
    from framing.corpus.store import Store

    db = tmp_path / "older.duckdb"
    monkeypatch.setattr(Store, "compact_terms", lambda self: None)  # as if the run had been killed before its end
    run_corpus([str(DEMO)], db, batch_size=30)
    monkeypatch.undo()
    con = duckdb.connect(str(db))
    try:
        assert con.execute(f"SELECT count(*) FROM term_stage WHERE part <> {OLD_PART}").fetchone()[0] > 1000
        where = "" if older == "every row" else " WHERE hash(article_id) % 2 = 0"
        con.execute(f"UPDATE term_stage SET part = {OLD_PART}{where}")
    finally:
        con.close()
    monkeypatch.setattr(store_mod, "_FOLD_GROUPS", 2_000)  # summed a few parts at a time
    with open_store(db) as st:
        assert st.con.execute("SELECT count(*) FROM term_stage").fetchone()[0] == 0
        st.compact_terms()
    q = "SELECT * FROM {} ORDER BY ALL"
    with open_store(store, read_only=True) as a, open_store(db, read_only=True) as b:
        assert b.has_terms()
        for table in ("terms", "terms_month", "term_vocab"):
            assert a.con.execute(q.format(table)).fetchall() == b.con.execute(q.format(table)).fetchall(), table
