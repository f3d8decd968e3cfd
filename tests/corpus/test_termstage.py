"""The staged term counts made where they are counted (framing.corpus.termstage): the same keys as the store's join
with the articles gave, one part function, sorted by part; and the same stage whichever process makes it."""

from __future__ import annotations

import datetime as dt
import random
import string
import zlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

import framing
from framing.compare.terms import terms_arrow
from framing.config import CORPUS_CONFIG
from framing.corpus.runner import run_corpus
from framing.corpus.store import Store, _term_keys, open_store
from framing.corpus.termstage import STAGE_COLUMNS, STAGE_PARTS, by_part, is_staged, stage_rows
from framing.corpus.worker import BatchResult, Task, analyse_batch

from .conftest import synthetic, write_jsonl

# Articles whose keys test the month and the missing values: a month's first and last day, an old date, no date, no
# source, no leaning; texts with accents, Greek (whose lower case changes the length), curly apostrophes.
ARTICLES = [
    ("a1", "Herald", {"date": "2026-01-01", "leaning": "left", "topic": "economy"},
     "The harbour bridge closed; officials said the harbour bridge would reopen."),
    ("a2", "Herald", {"date": "2026-01-31", "leaning": "left", "topic": "economy"},
     "Officials said the bridge closed again. Café owners protested."),
    ("a3", "Courier", {"date": "1851-09-18", "leaning": "right", "topic": "politics"},
     "The régime\u2019s ministers denied the protesters\u2019 claims."),
    ("a4", None, {"date": "2100-12-31"}, "ΟΔΟΣ closed. The ministry answered the protesters."),
    ("a5", "Ledger", {}, "No date, no leaning: the harbour bridge closed."),
]

# The store's statement before the workers made the keys (main until 2026-12-06), without its part.
OLD_JOIN = ("SELECT {keys}, b.article_id, b.term, b.n, b.start, b.\"end\" FROM counts b JOIN arts s "
            "ON s.article_id = b.article_id ORDER BY ALL")


def _batch() -> BatchResult:
    tasks = [Task(i, text, source, meta, (), "h", "x") for i, source, meta, text in ARTICLES]
    res = analyse_batch(tasks, 1, "vk", framing.default_lexicons(), CORPUS_CONFIG)
    assert not res.failed
    return res


def _old_join(counts: pa.Table, arts: pa.Table) -> list[tuple]:
    con = duckdb.connect()
    con.register("counts", counts)
    con.register("arts", arts)
    return con.execute(OLD_JOIN.format(keys=_term_keys(set(arts.column_names)))).fetchall()


def _rows(staged: pa.Table) -> list[tuple]:
    con = duckdb.connect()
    con.register("staged", staged)
    cols = ", ".join(f'"{c}"' for c in STAGE_COLUMNS if c != "part")
    return con.execute(f"SELECT {cols} FROM staged ORDER BY ALL").fetchall()


def _parts_ok(staged: pa.Table) -> None:
    parts = staged.column("part").to_pylist()
    assert parts == sorted(parts)
    assert parts == [zlib.crc32(t.encode("utf-8")) % STAGE_PARTS for t in staged.column("term").to_pylist()]
    assert staged.schema.field("part").type == pa.uint8()


def test_the_workers_staged_rows_have_the_keys_the_join_in_sql_gave() -> None:
    res = _batch()
    assert is_staged(res.terms) and res.terms.column_names == list(STAGE_COLUMNS)
    counts = terms_arrow(zip(res.articles.column("article_id").to_pylist(), res.articles.column("text").to_pylist(),
                             strict=True))
    want = _old_join(counts, res.articles)
    assert _rows(res.terms) == want and len(want) == counts.num_rows > 40
    _parts_ok(res.terms)
    months = {r[4] for r in want}
    assert {dt.date(2026, 1, 1), dt.date(1851, 9, 1), dt.date(2100, 12, 1), None} == months
    assert {r[0] for r in want} == {"Herald", "Courier", "Ledger", None}


@pytest.mark.parametrize("date", ["date32", "timestamp", "string", "absent"])
def test_keys_of_other_articles_tables_are_those_of_the_join(date: str) -> None:
    """The run process's own path keys counts from any articles table: a key it lacks is NULL, a date of another
    type is read as SQL's CAST reads it."""
    arts = _batch().articles.select(["article_id", "text", "source", "leaning", "date"])  # no topic, no language
    col = arts.column("date")
    if date == "timestamp":
        col = col.cast(pa.timestamp("s"))
        col = pa.chunked_array([pa.array([None if v is None else v.replace(hour=13) for v in col.to_pylist()],
                                         pa.timestamp("s"))])
    elif date == "string":
        col = pa.chunked_array([pa.array([None if v is None else v.isoformat() for v in col.to_pylist()])])
    arts = arts.set_column(arts.column_names.index("date"), "date", col)
    if date == "absent":
        arts = arts.drop_columns(["date"])
    counts = terms_arrow(zip(arts.column("article_id").to_pylist(), arts.column("text").to_pylist(), strict=True))
    staged = stage_rows(counts, arts)
    assert _rows(staged) == _old_join(counts, arts)
    _parts_ok(staged)


def test_counts_of_an_article_the_table_lacks_are_left_out_as_the_join_left_them() -> None:
    arts = _batch().articles
    counts = terms_arrow([("a1", ARTICLES[0][3]), ("stray", "A stray article's harbour bridge.")])
    staged = stage_rows(counts, arts)
    assert set(staged.column("article_id").to_pylist()) == {"a1"}
    assert _rows(staged) == _old_join(counts, arts)


def test_pieces_sorted_by_part_are_merged_in_order_of_part() -> None:
    arts = _batch().articles
    ids, texts = arts.column("article_id").to_pylist(), arts.column("text").to_pylist()
    pieces = [stage_rows(terms_arrow(zip(ids[i:i + 2], texts[i:i + 2], strict=True)), arts) for i in (0, 2, 4)]
    merged = by_part([*pieces, pieces[0].slice(0, 0)])
    assert merged.num_rows == sum(p.num_rows for p in pieces)
    assert _rows(merged) == _rows(pa.concat_tables(pieces))
    _parts_ok(merged)
    assert by_part([pieces[1]]) is pieces[1] and by_part([]) is None


def test_the_run_process_stages_what_the_workers_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch the run process counts itself (no counts from its worker) is staged as a worker stages it: the same
    rows, in the same order (each commit's by part)."""
    import framing.corpus.runner as runner

    rows = synthetic(40)
    for i, r in enumerate(rows):
        if i % 7 == 0:
            r.pop("date")
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    monkeypatch.setattr(Store, "compact_terms", lambda self: None)  # the stage left as it is
    run_corpus([str(src)], tmp_path / "workers.duckdb", batch_size=6)
    monkeypatch.setattr(runner, "_all_counted", lambda results, what="terms": None if what == "terms" else
                        [r.labels for r in results if r.articles is not None])
    run_corpus([str(src)], tmp_path / "run.duckdb", batch_size=6)
    stages = {}
    for name in ("workers", "run"):
        with open_store(tmp_path / f"{name}.duckdb", read_only=True) as st:
            assert st.columns("term_stage") == list(STAGE_COLUMNS)
            stages[name] = st.con.execute("SELECT * FROM term_stage ORDER BY rowid").fetchall()
    assert len(stages["run"]) > 300
    assert stages["workers"] == stages["run"]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["pool", "dask"])
def test_staged_rows_from_worker_files_give_the_same_term_tables(tmp_path: Path, engine: str) -> None:
    """Staged rows that come back as files -- Arrow IPC from a pool worker, Parquet from a Dask worker -- and are
    merged by part give the term tables of one process."""
    src = write_jsonl(tmp_path / "a.jsonl", synthetic(60))
    run_corpus([str(src)], tmp_path / "one.duckdb", batch_size=7)
    if engine == "pool":
        run_corpus([str(src)], tmp_path / "other.duckdb", batch_size=7, workers=2)
    else:
        distributed = pytest.importorskip("distributed")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster:
            run_corpus([str(src)], tmp_path / "other.duckdb", batch_size=7, engine="dask",
                       scheduler=cluster.scheduler_address, staging=tmp_path / "parts")
    q = "SELECT * FROM {} ORDER BY ALL"
    with open_store(tmp_path / "one.duckdb", read_only=True) as a, \
            open_store(tmp_path / "other.duckdb", read_only=True) as b:
        for table in ("terms", "terms_month", "term_vocab"):
            rows = a.con.execute(q.format(table)).fetchall()
            assert rows and rows == b.con.execute(q.format(table)).fetchall(), table


def _distinct_stage(n_articles: int, per_article: int) -> tuple[pa.Table, pa.Table]:
    """Articles and their staged rows, every row a group (cell and term) of its own, as nearly all the rows of a few
    thousand articles spread over sources and months are: each article in a cell of its own, random terms."""
    rng = random.Random(7)

    def word(k: int) -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=k))

    vocab = [f"{word(rng.randint(4, 12))} {word(rng.randint(4, 10))}" if i % 2 else word(rng.randint(4, 12))
             for i in range(n_articles * per_article // 2)]
    ids = [word(16) for _ in range(n_articles)]
    arts = pa.table({"article_id": ids, "source": [f"Source {i % 12}" for i in range(n_articles)],
                     "leaning": [("left", "center", "right")[i % 3] for i in range(n_articles)],
                     "topic": [f"topic {i % 17}" for i in range(n_articles)], "language": ["en"] * n_articles,
                     "date": pa.array([dt.date(2020 + i % 5, 1 + i % 12, 1) for i in range(n_articles)],
                                      pa.date32())})
    rows = [(a, t, 1 + j % 3, 7 * j) for a in ids for j, t in enumerate(rng.sample(vocab, per_article))]
    article_id, term, n, start = zip(*rows, strict=True)
    counts = pa.table({"article_id": article_id, "term": term, "n": pa.array(n, pa.int64()),
                       "start": pa.array(start, pa.int32()), "end": pa.array([s + 5 for s in start], pa.int32())})
    return arts, stage_rows(counts, arts)


def test_regression_the_last_fold_fits_the_memory_limit_with_two_duckdb_threads(tmp_path: Path) -> None:
    """Regression: a run whose DuckDB has two threads (`framing run` with one worker, the default, or the Dask
    engine) could run out of its memory limit in its last fold, which summed a few hundred thousand groups in one
    query, each thread in its own hash table. The same failure, made certain by a smaller limit: a stage of 200,000
    groups folded by a store opened with two threads and 56 MB (its sums in one query on two threads needed more).
    Now it is summed in queries of fewer groups, on one thread: the same sums, and the store's threads as before."""
    arts, staged = _distinct_stage(400, 500)
    with Store(tmp_path / "fold.duckdb", memory_limit="56MB", threads=2) as st:
        st.con.execute("BEGIN")
        st.add_terms(arts, counted=staged)
        st.con.execute("COMMIT")
        keys = "source, leaning, topic, language, date"
        want = st.con.execute(f"SELECT count(DISTINCT ({keys}, term)), sum(n), count(*) FROM term_stage").fetchone()
        assert want[0] == want[2] == 200_000
        st.compact_terms()  # (the counts still staged summed first: a run's last fold)
        got = st.con.execute("SELECT count(*), sum(n), sum(n_articles) FROM terms_month").fetchone()
        assert got == want
        assert st.con.execute("SELECT count(*) FROM term_stage").fetchone() == (0,)
        assert st.con.execute("SELECT current_setting('threads')").fetchone() == (2,)
