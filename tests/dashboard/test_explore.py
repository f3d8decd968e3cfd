"""framing.explore: the dashboard's computations as plain functions of tidy tables."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus import open_store
from framing.errors import ConfigError
from framing.explore import (
    Filters,
    article_vs_outlet,
    corpus_summary,
    edit_lexicons,
    edit_sample,
    lexicon_frame,
    rescore,
    search_articles,
    sources_table,
    with_uploads,
)
from framing.lexicons import entry, load_lexicon


@pytest.fixture(scope="module")
def articles(store) -> pd.DataFrame:
    with open_store(store, read_only=True) as st:
        return st.articles_frame()


@pytest.mark.parametrize("filters, where, words", [
    (Filters(), {}, "all articles"),
    (Filters(sources=("B", "A")), {"source": ["A", "B"]}, "source B, A"),
    (Filters(leanings=("left",), events=("E1", "E2", "E3", "E4")), {"leaning": ["left"], "event": ["E1", "E2", "E3",
                                                                                                  "E4"]},
     "leaning left; 4 events"),
    (Filters(date_from="2026-01-01"), {"date": ("2026-01-01", None)}, "2026-01-01 to ..."),
    (Filters(topics=("x",), date_from="2026-01-01", date_to="2026-02-01"),
     {"topic": ["x"], "date": ("2026-01-01", "2026-02-01")}, "topic x; 2026-01-01 to 2026-02-01"),
    (Filters(languages=("en", "und")), {"language": ["en", "und"]}, "language en, und"),
])
def test_filters_as_sql_where_url_and_words(filters, where, words):
    assert filters.where() == where
    assert filters.describe() == words
    assert Filters.from_query(filters.to_query()) == filters


def test_filters_from_a_url_with_single_values_and_blanks():
    f = Filters.from_query({"source": "A", "dates": ["", "2026-02-01"], "other": "x"})
    assert f == Filters(sources=("A",), date_to="2026-02-01")


def test_filters_in_memory_give_the_same_articles_as_the_store(store, articles):
    f = Filters(sources=("Capital Wire", "Patriot Dispatch"), date_from="2026-02-01", date_to="2026-05-31")
    with open_store(store, read_only=True) as st:
        from_store = st.articles_frame(where=f.where())
    in_memory = f.apply(articles)
    assert sorted(from_store["article_id"]) == sorted(in_memory["article_id"]) and len(in_memory) == 18
    assert f.apply(articles.drop(columns="leaning")).equals(f.apply(articles.drop(columns="leaning")))
    assert Filters(leanings=("left",)).apply(articles.drop(columns="leaning")).empty


def test_corpus_summary_and_sources_table(articles):
    s = corpus_summary(articles)
    assert (s["articles"], s["sources"], s["events"], s["first_date"], s["last_date"]) == (
        167, 11, 17, "2026-01-12", "2026-09-14")
    t = sources_table(articles)
    assert list(t.columns) == ["source", "leaning", "articles", "words", "events", "first_date", "last_date"]
    assert t["articles"].sum() == 167 and t.iloc[0]["articles"] >= t.iloc[-1]["articles"]
    cw = t[t["source"] == "Capital Wire"].iloc[0]
    assert (cw["leaning"], cw["events"]) == ("center", 17)


def test_article_vs_outlet(articles):
    cmp = article_vs_outlet("demo-E01-sentinel", articles)
    row = cmp.set_index("metric").loc["loaded_author_rate"]
    assert row["article"] > 0 and row["outlet_lo"] <= row["outlet"] <= row["outlet_hi"]
    assert row["n_articles"] == 17 and row["compared"] in ("above", "below", "within")
    assert list(cmp["metric"])[:2] == ["loaded_author_rate", "loaded_quoted_rate"]
    with pytest.raises(ConfigError):
        article_vs_outlet("nope", articles)


def test_search_articles_needs_every_word(articles):
    hits = search_articles(articles, "SENTINEL border")
    assert list(hits["article_id"]) == ["demo-E01-sentinel"]
    assert len(search_articles(articles, "")) == 167
    assert search_articles(articles, "the", limit=5)["date"].is_monotonic_decreasing
    assert search_articles(articles, "zzzz nothing").empty


def test_lexicon_frame_search_and_categories():
    lx = load_lexicon("loaded_terms")
    full = lexicon_frame(lx)
    assert len(full) == len(lx.entries)
    some = lexicon_frame(lx, query="criticise", categories=["emotive"])
    assert len(some) >= 1 and set(some["category"]) == {"emotive"}
    assert (some["neutral"].str.contains("criticise") | some["note"].str.contains("criticise")
            | some["term"].str.contains("criticise")).all()


def test_edit_lexicons_adds_and_disables_and_says_it_was_edited():
    same = edit_lexicons()
    assert same.loaded_terms is load_lexicon("loaded_terms")
    ed = edit_lexicons([entry("harbour", "emotive", 0.5)], ["thug"])
    assert ed.loaded_terms.version.endswith("+edited") and ed.loaded_terms.sha256 != same.loaded_terms.sha256
    terms = {e.term for e in ed.loaded_terms.entries}
    assert "harbour" in terms and "thug" not in terms
    assert ed.reporting_verbs is same.reporting_verbs


def test_rescore_shows_what_an_edit_changes():
    texts = {"a": "The thugs rioted in the harbour.", "b": "Nothing loaded here."}
    after = edit_lexicons([entry("harbour", "emotive", 0.5)], ["thug"])
    r = rescore(texts, after, sources={"a": "S"})
    a = r.articles.set_index("article_id")
    assert a.loc["a", "gained"] == "harbour" and a.loc["a", "lost"] == "thugs"
    assert a.loc["a", "source"] == "S" and pd.isna(a.loc["b", "source"])
    assert a.loc["b", "loaded_before"] == a.loc["b", "loaded_after"]
    assert set(r.terms["term"]) == {"harbour", "thug"} and set(r.terms["change"]) == {1, -1}


def test_edit_sample_puts_the_articles_an_edit_touches_first(store):
    with open_store(store, read_only=True) as st:
        ids = st.articles_frame()["article_id"].tolist()
        texts = st.texts(ids)
        found = st.findings_frame(article_ids=ids, types=["loaded_term"])
    sample = edit_sample(texts, found, added=["harbour"], disabled=["thug"], n=6)
    assert len(sample) == 6
    assert any("harbour" in texts[a].lower() for a in sample[:2])
    thugs = set(found.loc[found["term"] == "thug", "article_id"])
    assert thugs & set(sample[:2])
    assert edit_sample(texts, found, n=3) == list(texts)[:3]


def test_with_uploads_keeps_uploaded_articles_apart():
    corpus = pd.DataFrame({"article_id": ["1", "2"], "source": ["Herald", "Ledger"], "n_words": [10, 20]})
    up = pd.DataFrame({"article_id": ["1", "x"], "source": ["Herald", None], "n_words": [5, 6]})
    both = with_uploads(corpus, up)
    assert list(both["source"]) == ["Herald", "Ledger", "Herald (uploaded)", "your articles (uploaded)"]
    assert both["article_id"].is_unique


@pytest.mark.parametrize("query", ["", "SENTINEL border", "the", "demo-e0", "zzzz nothing", "gazette <img",
                                   "Ledger 2026"])
@pytest.mark.parametrize("filters", [Filters(), Filters(leanings=("left", "right")),
                                     Filters(date_from="2026-03-01", date_to="2026-04-30")])
@pytest.mark.parametrize("limit", [5, 200])
def test_store_search_finds_what_search_articles_finds(store, articles, query, filters, limit):
    with open_store(store, read_only=True) as st:
        got = st.search(query, filters.where(), limit=limit, columns=("title", "date", "n_words", "nonesuch"))
    want = search_articles(filters.apply(articles), query, limit=limit)
    pd.testing.assert_frame_equal(got, want[["article_id", "title", "date", "n_words"]].reset_index(drop=True),
                                  check_dtype=False)


def test_store_distinct_values_are_the_filter_options(store, articles):
    with open_store(store, read_only=True) as st:
        got = st.distinct_values(["source", "leaning", "topic", "event", "language", "date", "nonesuch"])
    for col in ("source", "leaning", "topic", "event", "language"):
        assert got[col] == sorted(articles[col].dropna().astype(str).unique().tolist()), col
    dates = articles["date"].dropna().astype(str)
    assert got["date"] == (dates.min(), dates.max())
    assert got["nonesuch"] == []


def test_store_summary_and_sources_table_equal_the_pandas_ones(store, articles):
    with open_store(store, read_only=True) as st:
        assert st.summary() == corpus_summary(articles)
        got = st.sources_table()
    want = sources_table(articles)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


@pytest.mark.parametrize("columns", [["event", "date", "source", "title", "lt_author", "n_words"], ["n_words"],
                                     ["date", "nonesuch"]])
def test_store_reads_only_the_columns_asked_for(store, articles, columns):
    where = {"leaning": ["left", "right"]}
    with open_store(store, read_only=True) as st:
        got = st.articles_frame(where, columns=columns)
        full = st.articles_frame(where)
    want = full[[c for c in full.columns if c in {"article_id", *columns}]]
    pd.testing.assert_frame_equal(got, want)
    assert list(got.columns)[0] == "article_id"


@pytest.mark.parametrize("metrics, by", [(["loaded"], "source"), (["quotes_scare_rate"], "leaning"),
                                         (["source_type"], ["source", "date:month"]), (["quote_role"], "topic")])
def test_rates_on_the_columns_they_read_equal_rates_on_every_column(store, articles, metrics, by):
    from framing.compare import rates
    from framing.compare.stats import rate_columns

    with open_store(store, read_only=True) as st:
        narrow = st.articles_frame(columns=rate_columns(metrics, by))
    assert len(narrow.columns) < len(articles.columns) / 3
    pd.testing.assert_frame_equal(rates(narrow, by=by, metrics=metrics), rates(articles, by=by, metrics=metrics))


def test_article_vs_outlet_on_the_columns_it_reads(store, articles):
    from framing.compare.metrics import HEADLINE
    from framing.compare.stats import rate_columns

    where = {"source": ["The Valdoria Sentinel"]}
    with open_store(store, read_only=True) as st:
        narrow = st.articles_frame(where, columns=rate_columns(HEADLINE, "source"))
    full = articles[articles["source"] == "The Valdoria Sentinel"]
    pd.testing.assert_frame_equal(article_vs_outlet("demo-E01-sentinel", narrow),
                                  article_vs_outlet("demo-E01-sentinel", full))


def test_store_sources_table_counts_words_as_exact_integers(store, tmp_path):
    """Regression: the words of a source were summed as a float (DuckDB's HUGEINT) and shown rounded."""
    import shutil

    db = tmp_path / "words.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        ids = st.articles_frame(where={"source": ["Capital Wire"]}, columns=["n_words"])["article_id"].tolist()
        st.con.execute("UPDATE articles SET n_words = CASE WHEN article_id = ? THEN 25445 ELSE 0 END "
                       "WHERE source = 'Capital Wire'", [ids[0]])
    with open_store(db, read_only=True) as st:
        t = st.sources_table()
    assert pd.api.types.is_integer_dtype(t["words"])
    assert t.set_index("source").loc["Capital Wire", "words"] == 25445
