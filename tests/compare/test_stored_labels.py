"""Actor labels summed from the store's per-article counts (Store.label_groups, store_actor_labels) against the
labels found in every text (label_mentions + actor_labels), and the counts kept right as runs commit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.compare import actor_labels, label_mentions
from framing.compare.stored import store_actor_labels
from framing.corpus.runner import run_corpus
from framing.corpus.store import _LABEL_CELLS, open_store
from framing.detect.loaded_terms import inside

from .conftest import DEMO
from .helpers import spy_queries


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("labels") / "demo.duckdb"
    run_corpus([str(DEMO)], db, batch_size=30)
    return db


def _from_texts(st, where: dict | None, by: str) -> pd.DataFrame:
    a = st.articles_frame(where=where)
    ids = a["article_id"].astype(str).tolist()
    texts = st.texts(ids)
    return actor_labels(label_mentions(texts, st.findings_frame(ids, ("quote",)), article_ids=ids), a, texts, by=by)


CASES = [
    (None, "source"),
    (None, "leaning"),
    ({"leaning": ["left", "right"]}, "source"),
    ({"date": ("2026-01-05", "2026-03-20")}, "leaning"),  # any range: the labels are per article
    ({"event": ["E01", "E02", "E03"]}, "source"),
    (None, "event"),
]


@pytest.mark.parametrize(("where", "by"), CASES)
def test_store_actor_labels_equal_the_labels_found_in_the_texts(store: Path, where: dict | None, by: str) -> None:
    with open_store(store, read_only=True) as st:
        assert st.has_labels()
        got = store_actor_labels(st, where=where, by=by)
        want = _from_texts(st, where, by)
    assert len(want) > 10 and want["quoted"].sum() > 0
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("part_articles", [20_000, 30])  # one part; parts by a hash of the id
def test_a_store_counted_by_itself_equals_the_workers_counts(store: Path, tmp_path: Path, part_articles: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """An older store without the table (or with another lexicon's counts) counts them once when opened for writing,
    from its texts and quotations: the same rows the workers counted."""
    import framing.corpus.store as store_mod

    monkeypatch.setattr(store_mod, "_LABEL_PART_ARTICLES", part_articles)
    db = tmp_path / "old.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        want = st.con.execute("SELECT * FROM article_labels ORDER BY ALL").fetchall()
        st.con.execute("DROP TABLE article_labels")
        st.con.execute("DELETE FROM store_info WHERE key = 'labels_version'")
    with open_store(db, read_only=True) as st:
        assert not st.has_labels()
        fallback = store_actor_labels(st, by="source")  # read from the texts meanwhile
    with open_store(db) as st:
        assert st.con.execute("SELECT * FROM article_labels ORDER BY ALL").fetchall() == want
    with open_store(db, read_only=True) as st:
        assert st.has_labels()
        pd.testing.assert_frame_equal(store_actor_labels(st, by="source"), fallback, check_dtype=False)


def test_replaced_articles_have_their_new_labels_only(tmp_path: Path) -> None:
    """A re-analysed article (its text changed under the same id) replaces its label rows."""
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()][:12]
    first = tmp_path / "a.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(first)], db)
    rows[0]["text"] = "The militants attacked. Officials called them \"terrorists\", and the regime denied it."
    second = tmp_path / "b.jsonl"
    second.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run_corpus([str(second)], db)
    with open_store(db, read_only=True) as st:
        got = store_actor_labels(st, by="source")
        want = _from_texts(st, None, "source")
        n = st.con.execute("SELECT count(*) FROM article_labels WHERE article_id = ?", [rows[0]["id"]]).fetchone()
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert n is not None and n[0] == 3  # militant, terrorist, regime


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
       st.integers(0, 70), st.integers(0, 20))
def test_spans_cover_as_a_scan_would(spans: list[tuple[int, int]], start: int, length: int) -> None:
    pairs = [(s, s + n) for s, n in spans]
    want = any(s <= start and start + length <= e for s, e in pairs)
    assert inside(sorted(pairs))(start, start + length) is want


def test_kept_answers_give_the_first_views_as_computed_and_are_dropped_by_the_next_commit(store: Path,
                                                                                          tmp_path: Path) -> None:
    """Store.keep_answers: the Word choice page's first views (terms and labels, by source, leaning and topic) read
    from the answers a run kept equal those computed; a commit drops them; a small store keeps none."""
    from framing.compare.stored import FIRST_VIEW_GROUPINGS, PAGE_TOP_TERMS, store_distinctive_terms

    def views(st) -> list[pd.DataFrame]:  # noqa: ANN001
        return [f(st) for by in FIRST_VIEW_GROUPINGS for f in (
            lambda s, by=by: store_distinctive_terms(s, by=by, top=PAGE_TOP_TERMS, examples=False),
            lambda s, by=by: store_actor_labels(s, by=by, examples=False))]

    db = tmp_path / "kept.duckdb"
    shutil.copy(store, db)
    with open_store(db, read_only=True) as st:
        computed = views(st)
    with open_store(db) as st:
        assert st.keep_answers() == 0  # the demo is below the threshold
        assert st.keep_answers(min_articles=0) >= 2 * len(FIRST_VIEW_GROUPINGS)
    with open_store(db, read_only=True) as st:
        reads = spy_queries(st)
        kept = views(st)
        assert any(r.startswith("SELECT * FROM answer_") for r in reads)
        assert not any("FROM article_labels" in r or "vocab AS MATERIALIZED" in r for r in reads)
    for a, b in zip(kept, computed, strict=True):
        pd.testing.assert_frame_equal(a, b)
    # a filter is computed, not read from them
    with open_store(db, read_only=True) as st:
        got = store_actor_labels(st, where={"leaning": ["left"]}, by="source")
        assert set(got["group"]) < set(computed[1]["group"])
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()][:1]
    rows[0]["id"], rows[0]["text"] = "new-article", "The regime's militants attacked."
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    run_corpus([str(more)], db)  # below the threshold: the run drops them and keeps none
    with open_store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM answers").fetchone() == (0,)
        assert not [t for t in st.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
                    if t[0].startswith("answer_")]
        after = store_actor_labels(st, by="source", examples=False)
    assert not after.equals(computed[1])


def test_a_first_view_kept_by_another_framings_queries_says_so(store: Path, tmp_path: Path) -> None:
    """Kept answers are found by their query's text: when a store keeps answers for its present state but not the
    first view's query (a framing whose queries differ kept them), the first view is computed and says why it is
    slow; a filtered view, or one the store does not keep, says nothing."""
    from framing.compare.stored import PAGE_TOP_TERMS, STALE_FIRST_VIEW, store_distinctive_terms

    def terms(st, **kw) -> list[str]:  # noqa: ANN001, ANN003
        return store_distinctive_terms(st, examples=False, **{"by": "source", "top": PAGE_TOP_TERMS, **kw}).attrs[
            "warnings"]

    db = tmp_path / "stale.duckdb"
    shutil.copy(store, db)
    with open_store(db, read_only=True) as st:
        assert STALE_FIRST_VIEW not in terms(st)  # no kept answers: nothing to say
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    with open_store(db, read_only=True) as st:
        assert STALE_FIRST_VIEW not in terms(st) and st.answers_missed == 0
    with open_store(db) as st:  # as another framing would have kept them: other queries, other keys
        st.con.execute("UPDATE answers SET key = 'other-' || key")
    with open_store(db, read_only=True) as st:
        assert STALE_FIRST_VIEW in terms(st)
        assert STALE_FIRST_VIEW in terms(st, by="leaning")
        assert STALE_FIRST_VIEW not in terms(st, where={"leaning": ["left", "right"]})
        assert STALE_FIRST_VIEW not in terms(st, top=5)


LABEL_CELL_CASES = [
    (None, "source", True),
    (None, "topic", True),
    ({"leaning": ["left", "right"]}, "source", True),
    ({"source": ["Capital Wire", "The Daily Tattler"], "topic": ["economy", "health"]}, "leaning", True),
    ({"date": ("2026-01-01", "2026-02-28")}, "leaning", True),  # whole months
    ({"date": ("2026-02-01", None), "language": ["en"]}, "source", True),
    ({"date": ("2026-01-05", "2026-03-20")}, "leaning", False),  # other days: every article's labels
    ({"event": ["E01", "E02", "E03"]}, "source", False),
    (None, "event", False),
]


@pytest.mark.parametrize(("where", "by", "cells"), LABEL_CELL_CASES)
def test_the_label_cells_kept_with_the_answers_give_the_same_sums(store: Path, tmp_path: Path, where: dict | None,
                                                                   by: str, cells: bool) -> None:
    """Store.label_groups from the label cells (per source, leaning, topic, language and month) that keep_answers
    kept, for a filter and grouping they hold, equals the sums over every selected article's labels, examples
    included; other filters read the articles' labels as before; a commit drops the cells."""
    db = tmp_path / "cells.duckdb"
    shutil.copy(store, db)
    with open_store(db, read_only=True) as st:
        want = st.label_groups(where, by)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    with open_store(db, read_only=True) as st:
        reads = spy_queries(st)
        got = st.label_groups(where, by)
    assert len(want) >= 5
    assert any("FROM article_labels" in r for r in reads) is not cells
    if cells and where:  # (without a filter by source, leaning or topic: the first view kept itself is read)
        assert any(_LABEL_CELLS in r for r in reads)
    pd.testing.assert_frame_equal(got, want)
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()][:1]
    rows[0]["id"] = "one-more"
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    run_corpus([str(more)], db)
    with open_store(db, read_only=True) as st:
        reads = spy_queries(st)
        st.label_groups(where, by)
        assert any("FROM article_labels" in r for r in reads)


def test_a_run_on_a_large_store_keeps_the_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.corpus.store as store_mod

    monkeypatch.setattr(store_mod.Store.keep_answers, "__kwdefaults__", {"min_articles": 10})
    db = tmp_path / "s.duckdb"
    run_corpus([str(DEMO)], db, batch_size=50)
    with open_store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM answers").fetchone()[0] >= 6


def test_a_commit_by_a_framing_that_keeps_no_labels_makes_them_and_the_answers_count_again(store: Path,
                                                                                           tmp_path: Path) -> None:
    """A framing from before the labels and answers commits articles without either (as simulated here, in SQL):
    the labels and the kept answers no longer hold; readers compute from the texts, and the next store opened for
    writing counts the labels again."""
    from framing.compare.stored import store_distinctive_terms

    db = tmp_path / "old-writer.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
        one = st.con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 1").fetchone()[0]
        # an older framing's commit: a copy of an article (with its findings), no labels, the run's count moved on
        st.con.execute("CREATE TEMP TABLE _a AS SELECT * FROM articles WHERE article_id = ?", [one])
        st.con.execute("UPDATE _a SET article_id = 'zz-old-writer', content_hash = 'zz'")
        st.con.execute("INSERT INTO articles SELECT * FROM _a")
        st.con.execute("INSERT INTO findings BY NAME SELECT * EXCLUDE (article_id, explanation), 'zz-old-writer' AS "
                       "article_id FROM findings WHERE article_id = ?", [one])
        st.con.execute("UPDATE runs SET committed = committed + 1")
    with open_store(db, read_only=True) as st:
        assert not st.has_labels()
        want = _from_texts(st, None, "source")
        pd.testing.assert_frame_equal(store_actor_labels(st, by="source"), want, check_dtype=False)
        reads = spy_queries(st)
        store_distinctive_terms(st, by="source", top=15, examples=False)
        assert not any(r.startswith("SELECT * FROM answer_") for r in reads)
    with open_store(db) as st:  # counted again
        assert st.has_labels()
        assert st.con.execute("SELECT count(*) FROM article_labels WHERE article_id = 'zz-old-writer'").fetchone()[0]
        pd.testing.assert_frame_equal(store_actor_labels(st, by="source"), want, check_dtype=False)
