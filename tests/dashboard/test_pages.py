"""Every page of the dashboard in Streamlit's AppTest: it runs without an exception, shows the expected charts,
tables and messages, and its filters change what is shown. Offline and fast: one small store per session."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.dashboard.conftest import APP, DEMO, HOSTILE_SOURCE, check, html_of

SOURCES = 11  # the demo corpus' 10 outlets and the hostile fixture's


def images(at) -> list:  # noqa: ANN001
    return list(at.get("imgs")) + list(at.get("image"))


def vega(at) -> list[dict]:  # noqa: ANN001
    """The interactive charts of the page, as the Vega-Lite specifications the browser receives."""
    return [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]


def vega_data(at) -> list:  # noqa: ANN001
    """The data of the page's first interactive chart (Streamlit sends the spec's datasets as Arrow tables)."""
    import pyarrow as pa

    return [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in at.get("vega_lite_chart")[0].proto.datasets]


def table(at, i: int = 0):  # noqa: ANN001
    return at.dataframe[i].value


def labelled(widgets, prefix: str):  # noqa: ANN001
    """The widget whose label starts with ``prefix``."""
    found = [w for w in widgets if w.label.startswith(prefix)]
    assert len(found) == 1, [w.label for w in widgets]
    return found[0]


def table_with(at, *columns: str):  # noqa: ANN001
    """The first table of the page that has these columns."""
    for d in at.dataframe:
        if set(columns) <= set(d.value.columns):
            return d.value
    raise AssertionError(f"no table with the columns {columns}")


# -- Overview --------------------------------------------------------------------------------------------------

def test_overview_shows_the_corpus_at_a_glance_and_its_provenance(page):
    at = page("overview")
    assert at.title[0].value == "Overview"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "167" and metrics["Sources"] == str(SOURCES) and metrics["Events"] == "17"
    assert (metrics["First date"], metrics["Last date"]) == ("2026-01-12", "2026-09-14")  # (one was cut off)
    sources = table(at)
    assert len(sources) == SOURCES and sources["articles"].sum() == 167
    runs = table_with(at, "run_id", "status")
    assert list(runs["status"]) == ["complete"]
    inputs = table_with(at, "path", "sha256")
    assert len(inputs) == 2 and inputs["path"].str.endswith("hostile.jsonl").any()
    assert any("demo-hostile.duckdb" in e.proto.body for e in at.get("html"))
    assert not at.info  # a store given with --db is not the demo corpus
    assert len(at.download_button) == 1


def test_overview_shows_each_sources_words_exactly(store, tmp_path, monkeypatch):
    """Regression: 25,445 words of a source were shown as 25440 (summed as a float, then cut to 4 digits)."""
    import shutil

    from streamlit.testing.v1 import AppTest

    from framing.corpus import open_store

    db = tmp_path / "words.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        n = st.count({"source": ["Capital Wire"]})  # one article of 25,446 - n words, the others of one word
        st.con.execute("UPDATE articles SET n_words = CASE WHEN article_id = (SELECT min(article_id) FROM articles "
                       "WHERE source = 'Capital Wire') THEN 25446 - ? ELSE 1 END WHERE source = 'Capital Wire'", [n])
    monkeypatch.setenv("FRAMING_DB", str(db))
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    check(at)
    words = table(at).set_index("source")["words"]
    assert words["Capital Wire"] == 25445 and pd.api.types.is_integer_dtype(words)


def test_overview_lists_the_inputs_of_every_run(store, tmp_path, monkeypatch):
    """Regression: the Overview listed the last run's inputs only, so the file that gave most articles was missing."""
    import shutil

    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus

    db = tmp_path / "runs.duckdb"
    shutil.copy(store, db)
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"id": "x1", "text": "The mayor said the plan was fine.", "source": "Extra"}) + "\n",
                     encoding="utf-8")
    run_corpus([str(extra)], db, progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    check(at)
    inputs = table_with(at, "path", "sha256", "runs")
    assert len(inputs) == 3 and inputs["path"].str.endswith("hostile.jsonl").any()
    assert list(inputs[inputs["path"].str.endswith("extra.jsonl")]["runs"]) == ["2"]


def test_the_demo_corpus_is_analysed_on_first_start_with_progress_then_cached(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.delenv("FRAMING_DB", raising=False)
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path))
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    check(at)
    assert "Analysed the bundled demo corpus" in at.toast[0].value  # the st.status with its progress bar is gone
    assert not at.get("status")
    stores = list(tmp_path.glob("demo-*.duckdb"))
    assert len(stores) == 1
    assert "demo corpus" in at.info[0].value
    assert {m.label: m.value for m in at.metric}["Articles"] == "165"
    at2 = AppTest.from_file(str(APP), default_timeout=60).run()  # a second session: no new analysis
    check(at2)
    assert not at2.get("status") and not at2.toast
    assert list(tmp_path.glob("demo-*.duckdb")) == stores


def test_a_store_that_does_not_exist_is_a_message_not_a_traceback(env, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("FRAMING_DB", "/nonexistent/store.duckdb")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "no such store" in at.error[0].value and "framing run" in at.error[0].value


def test_a_file_that_is_not_a_store_is_a_message(env, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("FRAMING_DB", str(bad))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "not a DuckDB database" in at.error[0].value or "cannot open" in at.error[0].value


# -- Compare sources -------------------------------------------------------------------------------------------

def test_compare_shows_a_chart_with_its_table_and_downloads(page):
    at = page("compare")
    assert at.title[0].value == "Compare sources"
    (spec,) = vega(at)  # the interactive chart, in place of the PNG
    assert not images(at)
    assert spec["params"][0]["name"] == "pick" and at.get("vega_lite_chart")[0].proto.selection_mode == ["pick"]
    rates = table(at)
    assert len(rates) == SOURCES and {"group", "value", "lo", "hi", "n_articles"} <= set(rates.columns)
    assert (rates["lo"] <= rates["value"]).all() and (rates["value"] <= rates["hi"]).all()
    labels = [b.label for b in at.download_button]
    assert labels == ["Download chart (PNG)", "Download table (CSV)"]
    # the chart's data are the table's groups; the PNG is the matplotlib chart of the same table
    (data,) = [d for d in vega_data(at) if "group" in d.columns]
    assert set(data["group"]) == set(rates["group"])
    assert data.set_index("group")["value_text"].to_dict() == {g: f"{v:.4g}" for g, v in zip(rates["group"],
                                                                                          rates["value"])}
    assert not at.button  # no filter to clear yet


def test_a_group_filter_offers_a_way_back(page):
    at = page("compare", source=["Capital Wire", "Patriot Dispatch"])
    (clear,) = at.button
    assert clear.label == "Show every source again"
    clear.click().run()
    check(at)
    assert len(table(at)) == SOURCES and not at.button


def test_compare_filters_in_the_url_change_what_is_shown(page):
    at = page("compare", source=["Capital Wire", "Patriot Dispatch"], dates=["2026-01-12", "2026-03-31"])
    rates = table(at)
    assert set(rates["group"]) == {"Capital Wire", "Patriot Dispatch"}
    assert (rates["n_articles"] == 7).all()  # events E01-E07 of each outlet (January to March)
    assert "14 articles (source Capital Wire, Patriot Dispatch; 2026-01-12 to 2026-03-31)" in html_of(at)
    by_leaning = page("compare", by="leaning")
    assert set(table(by_leaning)["group"]) >= {"left", "right", "center", "far-right"}


def test_changing_a_filter_widget_changes_the_table_and_the_url(page):
    at = page("compare")
    at.multiselect(key="leaning").set_value(["right", "far-right"]).run()
    check(at)
    assert set(table(at)["group"]) == {"The Valdoria Sentinel", "Patriot Dispatch"}
    # (AppTest does not write a bound widget's value back to at.query_params; the browser test checks the URL)
    at.selectbox(key="_url_by").set_value("leaning").run()
    check(at)
    assert set(table(at)["group"]) == {"right", "far-right"}
    assert at.query_params["by"] == "leaning"


@pytest.mark.parametrize("view, family, metric, columns", [
    ("differences", "loaded", "loaded_author_rate", {"group_a", "group_b", "diff", "lo", "hi", "p_adjusted"}),
    ("heatmap", "loaded_category", "loaded_emotive_author_rate", {"group", "emotive", "pejorative"}),
    ("stances", "stance", "stance_distancing_share", {"group", "neutral", "endorsing", "distancing"}),
    ("source-types", "source_type", "source_anonymous_share", {"group", "anonymous", "named_person"}),
    ("time", "quotes", "quotes_scare_rate", {"group", "value", "date:month"}),
    ("roles", "quote_role", "quote_role_politician_share", {"group", "politician", "government", "unknown"}),
    ("rates", "tone", "subjectivity_mean", {"group", "value", "lo", "hi"}),
])
def test_every_chart_of_the_compare_page(page, view, family, metric, columns):
    at = page("compare", view=view, family=family, metric=metric)
    (spec,) = vega(at)
    assert {"pick"} == {p["name"] for p in spec["params"]}
    assert columns <= set(table(at).columns)
    assert at.query_params["view" if view != "rates" else "family"]


def test_differences_of_one_group_say_why_in_words_without_a_chart_to_download(page):
    """Regression: "No pairwise differences for 'loaded_author_rate'." (an id, no reason) and a PNG download of it."""
    at = page("compare", view="differences", source=["Capital Wire"])
    (note,) = at.info
    assert note.value.startswith("No pairwise differences of Loaded terms, writer's own voice: they need at least two "
                                 "groups") and "loaded_author_rate" not in note.value
    assert not vega(at) and not at.get("image") and not at.download_button


@pytest.mark.parametrize("view", ["stances", "source-types", "roles"])
def test_charts_of_shares_offer_no_measure_to_choose(page, view):
    at = page("compare", view=view, metric="quotes_scare_rate")
    keys = {s.key for s in at.selectbox}
    assert "_url_metric" not in keys and "_url_family" not in keys and "_url_by" in keys
    assert any("there is no measure to choose" in c.value for c in at.caption)
    assert at.query_params["metric"] == "quotes_scare_rate"  # kept for the charts that use it
    rates = page("compare", view="rates")
    assert {"_url_metric", "_url_family"} <= {s.key for s in rates.selectbox}


def test_unknown_filter_values_in_the_url_are_named(page):
    at = page("compare", source=["Nonexistent", "Capital Wire"], event=["E99"])
    (note,) = at.warning
    assert "values this corpus does not have" in note.value
    assert "source 'Nonexistent'" in note.value and "event 'E99'" in note.value and "Capital" not in note.value
    assert set(table(at)["group"]) == {"Capital Wire"}
    hostile = page("compare", source=["<img src=x onerror=alert(1)>"])
    assert "<img" not in hostile.warning[0].value and "&lt;img" in hostile.warning[0].value
    assert not page("compare", source=["Capital Wire"]).warning


def notes(at) -> str:  # noqa: ANN001
    """The page's warnings as one string, without Markdown's escapes (``event\\_id`` is ``event_id``)."""
    return " | ".join(w.value for w in at.warning).replace("\\", "")


@pytest.mark.parametrize(("name", "params", "said"), [
    ("words", {"concept": "nosuch"}, "This link's concept 'nosuch' is not one of this page's choices: it shows (all) "
                                     "instead."),
    ("compare", {"view": "bogus"}, "view 'bogus' is not one of this page's choices: it shows Rates instead"),
    ("compare", {"metric": "nosuch"}, "metric 'nosuch' is not one of this page's choices: it shows Loaded terms"),
    ("compare", {"by": "nope"}, "by 'nope' is not one of this page's choices: it shows Source instead"),
    ("compare", {"family": "quotes", "metric": "loaded_author_rate"}, "metric 'loaded_author_rate' is not one"),
    ("compare", {"view": "stances", "metric": "nosuch"}, "metric 'nosuch' is not one"),  # (no measure to choose)
    ("event", {"event_id": "E99"}, "event_id 'E99' is not one of this page's choices: it shows E04"),
    ("explorer", {"article": "nosuch"}, "article 'nosuch' is not one of this page's choices: it shows 2026-"),
    ("lexicons", {"lexicon": "nosuch"}, "lexicon 'nosuch' is not one of this page's choices: it shows loaded_terms"),
    ("words", {"terms_table": "maybe"}, "terms_table 'maybe' is not one of this page's choices: it shows its default"),
    ("compare", {"dates": ["2020-01-01", "2020-02-01"]}, "values this corpus does not have, left out (the page shows "
     "the rest): dates '2020-01-01', '2020-02-01' (its articles are dated 2026-01-12 to 2026-09-14: every date is "
     "shown)."),
    ("compare", {"dates": ["garbage", "2026-03-01"]}, "dates 'garbage', '2026-03-01' (its articles are dated"),
    ("compare", {"dates": ["2026-02-01", "2026-03-01", "2026-04-01"]}, "(two days make a range: every date is shown)"),
])
def test_unknown_choices_in_the_url_are_named_with_what_the_page_shows_instead(page, name, params, said):
    """Regression: a link's value that a page does not offer (?concept=nosuch, a misspelt measure, chart, grouping,
    event, article, lexicon, a date outside the corpus) was dropped silently, the page showing its default as if
    the link had asked for it. Each is named, as unknown filter values are."""
    at = page(name, **params)
    (note,) = at.warning
    assert said in notes(at), notes(at)
    assert note.icon == ":material/filter_alt_off:"


def test_a_link_whose_choices_are_all_offered_has_no_note_and_keeps_them(page):
    for name, params in (("words", {"concept": "migrant", "terms_table": "true"}),
                         ("compare", {"view": "differences", "family": "quotes", "metric": "quoted_word_share",
                                      "by": "leaning", "dates": ["2026-02-01", "2026-04-30"]}),
                         ("event", {"event_id": "E09"}), ("lexicons", {"lexicon": "reporting_verbs"}),
                         ("explorer", {"article": "demo-E01-sentinel"})):
        at = page(name, **params)
        assert not at.warning, notes(at)
        for k, v in params.items():
            if k != "dates":
                assert at.query_params[k] == v
    words = page("words", concept="nosuch")
    assert words.selectbox(key="_url_concept").value == "(all)" and "concept" not in words.query_params


def test_a_hostile_choice_in_the_url_is_named_as_text(page):
    at = page("words", concept="<img src=x onerror=alert(1)>[x](javascript:alert(2))")
    (note,) = at.warning
    assert "<img" not in note.value and "&lt;img" in note.value and "](" not in note.value


def test_changing_a_choice_after_the_link_adds_no_note(page):
    """The finding category changed on the page leaves the URL's measure (of the category before) out of the new
    choices: the page takes the new category's first measure without a note (the link asked for nothing wrong)."""
    at = page("compare", family="loaded", metric="loaded_quoted_rate")
    assert not at.warning
    at.selectbox(key="_url_family").set_value("quotes").run()
    check(at)
    assert not at.warning and at.selectbox(key="_url_metric").value.startswith("quotes_")


def test_compare_says_so_when_no_article_matches(page):
    at = page("compare", source=["Capital Wire"], leaning=["left"])
    assert "No article matches" in at.warning[0].value
    assert not at.get("image") and not vega(at)


def test_hostile_source_names_are_shown_as_text(page):
    at = page("compare", source=[HOSTILE_SOURCE, "Capital Wire"])
    assert HOSTILE_SOURCE in set(table(at)["group"])  # a dataframe cell: text
    assert "<img" not in html_of(at)


# -- Article explorer ------------------------------------------------------------------------------------------

def test_explorer_shows_the_article_with_every_finding_highlighted(page):
    at = page("explorer", article="demo-E01-sentinel")
    body = html_of(at)
    assert 'class="fr-article"' in body and "fr-legend" in body
    for cls in ("fr-loaded-pejorative", "fr-quote-direct", "fr-quote-partial", "fr-cue-discrediting", "fr-source"):
        assert cls in body
    assert "thugs" in body and 'title="Loaded term: pejorative' in body
    found = table(at, 1)
    assert {"n", "finding", "text", "explanation"} <= set(found.columns) and len(found) > 10
    cmp = table(at, 0)
    assert list(cmp["measure"])[0].startswith("Loaded terms, writer")
    assert set(cmp["article is"]) <= {"", "above", "below", "within"} and "above" in set(cmp["article is"])


def test_explorer_lists_findings_in_plain_words_and_an_outlet_of_one_article_in_the_singular(env, monkeypatch,
                                                                                           tmp_path):
    """Regression: the side list said "attribution: neutral, title_only" and the caption "all 1 articles of"."""
    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus

    rows = [{"id": "one", "source": "Solo Times", "text": "The thugs rioted, a police spokesman said. Critics "
                                                          'slammed the so-called "reform", officials said.'},
            {"id": "two", "source": "Other Post", "text": "The council met on Monday, the mayor said."}]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(corpus)], db, progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["article"] = "one"
    at.switch_page("views/explorer.py")
    at.run()
    check(at)
    assert "Outlet: the only article of Solo Times in the corpus." in html_of(at)
    found = table_with(at, "finding", "explanation")["finding"]
    attributions = found[found.str.startswith("attribution: ")]
    assert len(attributions) and attributions.str.contains(r" verb; source: ").all()
    assert not found.str.contains(r"_|\((?:author|quoted)\)").any(), found.tolist()
    assert "loaded term: pejorative, writer's own voice" in set(found)


def test_explorer_search_and_layers_change_what_is_shown(page):
    at = page("explorer", q="tattler dunmoor")
    options = at.selectbox(key="_url_article").options
    assert len(options) == 1 and options[0].startswith("2026-04-0") and " · The Daily Tattler · " in options[0]
    at.button_group(key="layers-explorer").set_value(["quote"]).run()
    check(at)
    body = html_of(at)
    assert "fr-quote" in body and "fr-loaded" not in body.split('class="fr-article"')[1]


def test_explorer_link_to_an_article_outside_the_search_opens_it(page):
    at = page("explorer", q="tattler dunmoor", article="demo-E01-sentinel")
    box = at.selectbox(key="_url_article")
    assert len(box.options) == 2 and box.value == "demo-E01-sentinel"  # the linked article, then the one hit
    assert " · The Valdoria Sentinel · BORDER HEROES" in box.options[0]
    assert "thugs" in html_of(at)


def test_explorer_no_match_is_a_message(page):
    at = page("explorer", q="no such words anywhere")
    assert "No article matches" in at.info[0].value


def test_the_script_article_is_escaped_everywhere(page):
    at = page("explorer", article="hostile-script")
    body = html_of(at)
    assert "<script" not in body and "<img" not in body and "<iframe" not in body and "<svg" not in body
    assert not re.search(r"<[^>]*\b(href|src|on\w+)=", body) and "<style" not in body  # no tag has them
    shown = html.unescape(re.sub(r"<[^>]+>", "", body))  # the text a browser shows
    assert "<script>window.__pwned=1;alert('xss')</script>" in shown
    assert '<img src=x onerror="window.__pwned=2;alert(2)">' in shown
    assert "[click here](javascript:alert(3))" in shown  # literally: st.html reads no Markdown
    assert "<script>window.__pwned=1;alert(1)</script> [click me](javascript:alert(2))" in shown  # the title
    assert "URL (shown as text, not a link): javascript:alert(3)" in shown
    for md in at.markdown:  # nothing from the article went through Markdown
        assert "alert" not in md.value and "pwned" not in md.value
    assert "<script" not in json.dumps([str(c.value) for c in at.caption])


# -- Word choice -----------------------------------------------------------------------------------------------

def test_word_choice_shows_distinctive_terms_labels_and_examples(page):
    at = page("words", term="regime", terms_table="true", labels_table="true")  # the two tables opened
    assert not at.get("image")  # both charts are interactive (their PNGs: on download)
    spec, labels_spec = vega(at)
    assert "facet" in spec and spec["params"][0]["name"] == "pick"
    assert labels_spec["mark"]["type"] == "rect" and labels_spec["params"][0]["name"] == "pick"
    (data,) = [d for d in vega_data(at) if "term" in d.columns]
    assert data["group"].nunique() >= 10 and (data.groupby("group").size() <= 10).all()
    terms = table(at, 0)
    assert {"group", "term", "z", "example"} <= set(terms.columns) and terms["group"].nunique() >= 10
    labels = table(at, 1)
    assert {"concept", "label", "share", "example"} <= set(labels.columns)
    kwic = table(at, 2)
    assert len(kwic) > 0 and kwic["match"].str.lower().str.startswith("regime").all()


def test_word_choice_charts_the_terms_of_the_40_sources_with_the_most_articles(env, monkeypatch, tmp_path):
    """Regression: with more than 40 sources the terms chart showed the first 40 by name, unsaid beyond its subtitle.
    Here the demo's articles are spread over 45 outlets, the five first by name with one article each: the chart
    shows the other 40, and the page says which and how many are left out."""
    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus

    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]
    outlets = [f"Outlet {k:02d}" for k in range(5)] + [f"Outlet {k:02d}" for k in range(5, 45) for _ in range(4)]
    assert len(outlets) == len(rows) == 165
    corpus = tmp_path / "outlets.jsonl"
    corpus.write_text("".join(json.dumps({**r, "source": o}) + "\n" for r, o in zip(rows, outlets, strict=True)),
                      encoding="utf-8")
    db = tmp_path / "outlets.duckdb"
    run_corpus([str(corpus)], db, progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.switch_page("views/words.py")
    at.run()
    check(at)
    spec = vega(at)[0]
    (data,) = [d for d in vega_data(at) if "term" in d.columns]
    assert set(data["group"]) == {f"Outlet {k:02d}" for k in range(5, 45)}
    said = "the 40 groups with the most articles (5 of 45 left out)"
    assert spec["title"]["subtitle"][-1] == said
    assert f"The chart shows {said}; the table below and its CSV have every group" in html_of(at)


def test_word_choice_says_when_its_first_view_was_kept_by_another_framing(store, tmp_path, monkeypatch):
    """A store's kept first views are found by their queries' text: kept by a framing whose queries differ, the
    page computes the view and says why it was slow (and what keeps them again)."""
    import shutil

    from streamlit.testing.v1 import AppTest

    from framing.compare.stored import STALE_FIRST_VIEW
    from framing.corpus import open_store

    db = tmp_path / "stale.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
        st.con.execute("UPDATE answers SET key = 'other-' || key")
    monkeypatch.setenv("FRAMING_DB", str(db))
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.switch_page("views/words.py")
    at.run()
    check(at)
    assert html.escape(STALE_FIRST_VIEW) in html_of(at)


def test_word_choice_shows_quotations_and_quoted_words_by_speaker_role(page):
    at = page("words")
    quotes = table_with(at, "group", "quotations")
    words = table_with(at, "group", "words")
    for t in (quotes, words):
        assert t["group"].nunique() >= 10 and {"politician", "government", "unknown"} <= set(t.columns)
        shown = t["politician"].dropna().astype(str)
        assert shown.str.match(r"^(n/a|[0-9.]+ (\[[0-9.e-]+, [0-9.e-]+\]|\(no interval\)))?$").all(), shown.tolist()


def test_word_choice_tables_with_examples_are_made_when_opened(page):
    at = page("words")  # both closed: no table (their examples read a text per row); the labels one opens for a concept
    assert not [t for t in at.dataframe if {"example"} <= set(t.value.columns)]
    assert [e.label for e in at.expander if e.label.startswith("The table")] == [
        "The table, with an example of each term in context", "The table, with an example sentence for each label"]
    at = page("words", concept="migrant")
    assert set(table_with(at, "label", "example")["concept"]) == {"migrant"}


def test_word_choice_counts_terms_by_whole_months_unless_asked_for_the_exact_days(page):
    days = ["2026-02-15", "2026-04-03"]  # the demo has articles on 2026-02-04 and 2026-04-16, outside
    at = page("words", dates=days, terms_table="true", labels_table="true")
    (toggle,) = at.toggle
    assert toggle.label == "Count the exact days" and not toggle.value
    assert any(c.value.startswith("Counted by whole months, 2026-02-01 to 2026-04-30") for c in at.caption)
    months = page("words", dates=["2026-02-01", "2026-04-30"], terms_table="true", labels_table="true")
    pd.testing.assert_frame_equal(table(at, 0), table(months, 0))  # the terms: those of the whole months
    assert not table(at, 1).equals(table(months, 1))  # the labels: the exact days
    exact = page("words", dates=days, exact_days="true", terms_table="true")
    assert exact.toggle[0].value and not any(c.value.startswith("Counted by whole") for c in exact.caption)
    assert not table(exact, 0).equals(table(at, 0))


def test_word_choice_filters_and_concept(page):
    at = page("words", leaning=["right", "left"], concept="migrant", terms_table="true")
    terms = table(at, 0)
    assert set(terms["group"]) == {"The Valdoria Sentinel", "The Progressive Ledger"}
    labels = table(at, 1)
    assert set(labels["concept"]) == {"migrant"}


# -- Same event ------------------------------------------------------------------------------------------------

def test_same_event_puts_the_outlets_side_by_side(page):
    at = page("event", event_id="E04")
    (spec,) = vega(at)  # the interactive chart (the PNG is drawn for its download)
    assert not at.get("image") and len(spec["hconcat"]) == 3
    view = table(at)
    assert len(view) == 11 and HOSTILE_SOURCE in set(view["group"])  # the demo's 10 outlets and the fixture's
    body = html_of(at)
    assert body.count('class="fr-article"') == 2  # the default: the most and the least loaded outlets
    assert "<script" not in body


def test_same_event_marks_shared_and_unique_sentences_and_tables_speakers_by_outlet(page):
    at = page("event", event_id="E04")
    speakers = table_with(at, "speaker", "total")
    # one column per outlet of the event, counts that add up, the most cited speaker first
    outlets = [c for c in speakers.columns if c not in ("speaker", "total")]
    assert len(outlets) == 11 and HOSTILE_SOURCE in outlets
    assert (speakers[outlets].sum(axis=1) == speakers["total"]).all()
    assert speakers["total"].is_monotonic_decreasing and speakers["total"].iloc[0] >= 2
    summary = table_with(at, "outlet", "shared", "unique", "lacking")
    assert len(summary) == 11
    assert (summary["shared"] + summary["unique"] + summary["short"] == summary["sentences"]).all()
    assert summary["unique"].sum() > 0 and summary["shared"].sum() > 0
    body = html_of(at)
    # the two articles shown carry the coverage layer, and its legend says what the bars mean
    assert body.count('class="fr-article"') == 2
    assert "fr-coverage-unique" in body and "fr-coverage-shared" in body
    assert "Unique to this outlet" in body and "Sentences (bar above" in body
    assert "<script" not in body and "<img src=x" not in body
    lacking = [e for e in at.expander if e.label.startswith("What other outlets share")]
    assert len(lacking) == 2


def test_same_event_choice_changes_the_outlets(page):
    at = page("event")
    first = table(at)
    at.selectbox(key="_url_event_id").set_value("E09").run()
    check(at)
    assert at.query_params["event_id"] == "E09" and not table(at).equals(first)


def test_same_event_honours_the_filters_of_the_link(page):
    """Regression: the Same event page ignored the filters silently (a link with ?source=... compared every outlet).
    The sources, leaning and language filters choose the outlets compared; the dates and topic the events listed."""
    three = ["Capital Wire", "Patriot Dispatch", "The Daily Tattler"]
    at = page("event", event_id="E04", source=three)
    assert set(table(at)["group"]) == set(three)
    assert set(table_with(at, "outlet", "shared", "unique")["outlet"]) == set(three)
    speakers = table_with(at, "speaker", "total")
    assert set(speakers.columns) - {"speaker", "total"} <= set(three)
    (data,) = [d for d in vega_data(at) if "group" in d.columns][:1]
    assert set(data["group"]) == set(three)
    assert {o.split(" · ")[0] for o in at.multiselect(key="ev_outlets").options} == set(three)
    assert any("3 articles by 3 sources" in h for h in html_of(at).split("\n"))
    # the dates choose the events listed, and the events' counts are those of the filtered articles
    feb = page("event", dates=["2026-02-01", "2026-02-28"])
    assert sorted(o.split(" · ")[0] for o in feb.selectbox(key="_url_event_id").options) == ["E03", "E04", "E05"]
    # the sidebar's event filter is the event shown
    assert page("event", event=["E09"]).selectbox(key="_url_event_id").value.startswith("E09")
    # no article left: said, nothing drawn
    none = page("event", source=["Capital Wire"], leaning=["left"])
    assert "No event has articles that match these filters" in none.warning[0].value and not none.get("vega_lite_chart")


def test_a_large_event_is_compared_by_each_outlets_first_articles(env, monkeypatch, tmp_path):
    """An event of more articles than the page compares: each outlet's first ones by date, as many of each, and the
    page says so (MAX_EVENT_ARTICLES made small here: 6 articles, 4 compared)."""
    import sys

    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus

    sys.path.insert(0, str(APP.parent))
    import cached

    texts = ["The minister said the bridge would reopen on Monday, officials said.",
             "Residents said the closure had cut the town in two, and shops lost trade.",
             "Engineers found cracks in two pillars, the agency said in a statement."]
    rows = [{"id": f"{src[0]}{day}", "source": src, "event": "E1", "date": f"2026-03-0{day}",
             "text": f"{texts[day - 1]} Report {day} from {src}."} for src in ("Alpha News", "Beta Daily")
            for day in (3, 1, 2)]
    corpus = tmp_path / "large-event.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(corpus)], db, progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    monkeypatch.setattr(cached, "MAX_EVENT_ARTICLES", 4)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("views/event.py")
    at.run()
    check(at)
    view = table(at)
    assert dict(zip(view["group"], view["n_articles"], strict=True)) == {"Alpha News": 2, "Beta Daily": 2}
    body = html_of(at)  # (escaped: the apostrophe is an entity)
    assert "This event has 6 articles: compared here are 4, each outlet" in body and "first 2 by date" in body
    picks = at.multiselect(key="ev_outlets").options
    assert sorted(picks) == sorted(f"{s} · {s[0]}{d}" for s in ("Alpha News", "Beta Daily") for d in (1, 2))


def test_same_event_first_view_reads_the_view_the_store_keeps(store, tmp_path, monkeypatch):
    """On a store that keeps the page's first view (a large store after a complete run; kept here whatever the size),
    the first event with no filter is read from the store, not computed, and the page shows the same tables; another
    event, or a filter, is computed as before."""
    import shutil
    import sys

    from streamlit.testing.v1 import AppTest

    from framing.corpus import open_store

    sys.path.insert(0, str(APP.parent))
    import cached

    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "cache"))

    def run(db: Path, **params: object):  # noqa: ANN202
        monkeypatch.setenv("FRAMING_DB", str(db))
        at = AppTest.from_file(str(APP), default_timeout=90)
        at.query_params.update(params)
        at.switch_page("views/event.py")
        at.run()
        check(at)
        return at

    computed = [t.value for t in run(store).dataframe]
    db = tmp_path / "kept.duckdb"
    shutil.copy(store, db)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    calls = []
    for name in ("coverage_of", "event_view"):
        monkeypatch.setattr(cached, name, lambda *a, _f=getattr(cached, name), **k: calls.append(1) or _f(*a, **k))
    kept = [t.value for t in run(db).dataframe]
    assert not calls and len(kept) == len(computed) >= 3
    for a, b in zip(kept, computed, strict=True):
        pd.testing.assert_frame_equal(a, b)
    run(db, dates=["2026-02-15", "2026-04-03"])  # a filter: computed
    assert calls


def test_same_event_without_event_ids_says_how_to_get_them(env, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus

    corpus = tmp_path / "no-events.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "source": "S", "text": f"Text {i}, officials said."}) + "\n"
                              for i in range(3)), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(corpus)], db, progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("views/event.py")
    at.run()
    check(at)
    assert "no event ids" in at.info[0].value and "--event-field" in at.info[0].value


# -- Lexicons --------------------------------------------------------------------------------------------------

def test_lexicons_browse_and_search(page):
    at = page("lexicons")
    entries = table(at)
    assert len(entries) > 3000 and {"term", "category", "weight", "neutral", "note"} <= set(entries.columns)
    at2 = page("lexicons", lexicon="reporting_verbs", lq="claim")
    found = table(at2)
    assert "claim" in set(found["term"]) and set(found["category"]) <= {"neutral", "endorsing", "distancing",
                                                                       "discrediting"}
    assert "No edits yet" in at2.info[0].value


def test_lexicon_edits_change_the_scores_and_the_edited_lexicon_downloads(page):
    at = page("lexicons")
    labelled(at.text_input, "Term").set_value("harbour")
    labelled(at.button, "Add the term").click().run()
    check(at)
    result = table(at, 2)
    assert {"loaded_before", "loaded_after", "rate_before", "rate_after", "gained"} <= set(result.columns)
    assert (result["loaded_after"] > result["loaded_before"]).any()
    assert result["gained"].str.contains("[Hh]arbour").any()
    changed = table(at, 3)
    assert "harbour" in set(changed["term"])
    labels = [b.label for b in at.download_button]
    assert "Download the edited loaded_terms.csv" in labels
    at.multiselect(key="lex_disabled").set_value(["thug"]).run()
    check(at)
    assert table(at, 2)["lost"].str.contains("thug").any()


def test_a_store_analysed_with_a_custom_lexicon_says_so_where_the_bundled_one_is_used(env, monkeypatch, tmp_path):
    """`framing run --lexicon CSV`: the Analyse page analyses uploads with the bundled lexicons and the Lexicons page
    shows and edits the bundled ones; both say that the store's findings came from another lexicon."""
    from dataclasses import replace

    from streamlit.testing.v1 import AppTest

    from framing.corpus import run_corpus
    from framing.lexicons import default_lexicons, load_file

    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,pos,forms,category,weight,neutral,exclude,flags,note\n"
                       "harbour,noun,,emotive,0.4,port,,,a term of this test\n", encoding="utf-8")
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "source": s, "text": f"The harbour {i} was closed, officials "
                                                                         "said."}) + "\n"
                              for i, s in (("a", "Herald"), ("b", "Courier"))), encoding="utf-8")
    db = tmp_path / "custom.duckdb"
    custom = load_file(lexicon, name="loaded_terms", kind="loaded_terms", version="custom")
    run_corpus([str(corpus)], db, lexicons=replace(default_lexicons(), loaded_terms=custom), progress=False)
    monkeypatch.setenv("FRAMING_DB", str(db))
    said = f"a custom loaded\\_terms lexicon \\(sha256 {custom.sha256[:12]}\\)"  # (Markdown escaped)
    for view, box in (("analyse", "warning"), ("lexicons", "info")):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.switch_page(f"views/{view}.py")
        at.run()
        check(at)
        assert any(said in b.value and "framing run --lexicon" in b.value for b in getattr(at, box)), view


def test_a_store_of_the_bundled_lexicons_has_no_note_about_them(page):
    for view in ("analyse", "lexicons"):
        at = page(view)
        assert not any("framing run --lexicon" in b.value for b in [*at.warning, *at.info])


# -- Analyse your own articles ---------------------------------------------------------------------------------

def test_pasted_text_is_analysed_and_compared(page):
    at = page("analyse")
    at.text_area[0].set_value('The so-called "experts" slammed the plan, furious officials said.')
    labelled(at.text_input, "Source").set_value("My paper")
    labelled(at.button, "Analyse").click().run()
    check(at)
    assert "fr-loaded" in html_of(at) and "fr-quote-scare" in html_of(at)
    rates = table(at, 1)
    assert "My paper (uploaded)" in set(rates["group"]) and len(rates) == SOURCES + 1
    assert len(at.get("image")) == 1


def test_an_uploaded_file_is_analysed_and_bad_rows_are_listed(page):
    at = page("analyse")
    data = b'text,source\n"Critics slammed the ""reform"", officials said.",Mine\nno text here,x,y\n'
    at.file_uploader[0].set_value(("mine.csv", data, "text/csv")).run()
    check(at)
    assert "1 line(s) or row(s) could not be analysed" in at.warning[0].value
    bad = table(at, 0)
    assert bad["where"].tolist() == ["mine.csv:3"]
    assert "Mine (uploaded)" in set(table_with(at, "group", "value")["group"])


def test_a_gzipped_upload_is_analysed(page):
    """Regression: the uploader refused .jsonl.gz ("application/gzip files are not allowed")."""
    at = page("analyse")
    data = gzip.compress(b'{"id": "g1", "source": "Mine", "text": "Critics slammed the \\"reform\\", officials said."}\n')
    assert ".gz" in list(at.file_uploader[0].proto.type)  # what the browser lets through
    at.file_uploader[0].set_value(("mine.jsonl.gz", data, "application/gzip")).run()
    check(at)
    assert table_with(at, "article_id", "source")["article_id"].tolist() == ["g1"]
    assert "Mine (uploaded)" in set(table_with(at, "group", "value")["group"])


ALLSIDES = (b'ID,title,source,content_original,bias_text\n'
            b'a1,Plan,Daily Planet,"Critics slammed the ""reform"" as a disaster, officials said.",left\n'
            b'a2,Vote,Ledger,The council voted on the plan on Tuesday.,right\n')


def said(at) -> str:  # noqa: ANN001
    """Every message, text and table cell the page shows, as one string."""
    parts = [e.value for kind in ("error", "warning", "info", "markdown", "caption", "success") for e in at.get(kind)]
    parts += [html_of(at)] + [d.value.astype(str).to_csv() for d in at.dataframe]
    return "\n".join(str(p) for p in parts)


def no_options(at) -> None:  # noqa: ANN001
    """The page tells the user what to choose on it, never an option of `framing run` (--text-field...)."""
    assert not re.findall(r"(?<![\w-])--[a-z][a-z-]*", said(at))


def test_an_upload_with_the_text_under_another_name_asks_which_column_holds_it(page):
    """Regression: an AllSides CSV (text in content_original) failed with 'give the text column with --text-field
    NAME', an option of the CLI that the page did not have."""
    at = page("analyse")
    at.file_uploader[0].set_value(("allsides.csv", ALLSIDES, "text/csv")).run()
    check(at)  # a question, not an error
    assert "allsides.csv: no column has one of the usual names of the article text" in at.warning[0].value
    assert 'Choose the column that holds the text under "Fields" below' in html.unescape(at.warning[0].value)
    assert not at.subheader  # nothing analysed yet
    no_options(at)
    columns = table_with(at, "column", "rows with a value", "first value")
    assert columns["column"].tolist() == ["ID", "title", "source", "content_original", "bias_text"]
    assert at.selectbox(key="map_text").value is None
    assert at.selectbox(key="map_text").options == columns["column"].tolist()
    assert at.selectbox(key="map_source").value == "source" and at.selectbox(key="map_title").value == "title"
    at.selectbox(key="map_text").set_value("content_original")
    labelled(at.button, "Analyse with these fields").click().run()
    check(at)
    summary = table_with(at, "article_id", "source")
    assert summary["article_id"].tolist() == ["a1", "a2"] and summary["source"].tolist() == ["Daily Planet", "Ledger"]
    assert summary["title"].tolist() == ["Plan", "Vote"]
    assert {"Daily Planet (uploaded)", "Ledger (uploaded)"} <= set(table_with(at, "group", "value")["group"])
    assert not at.warning and at.selectbox(key="map_text").value == "content_original"
    no_options(at)
    at.selectbox(key="upload_article").set_value("a2").run()  # the choice and the articles stay for the session
    check(at)
    assert table_with(at, "article_id", "source")["article_id"].tolist() == ["a1", "a2"]
    assert at.selectbox(key="map_text").value == "content_original"


def test_an_upload_without_an_outlet_column_is_analysed_and_the_page_offers_to_choose_one(page):
    at = page("analyse")
    rows = [{"content": 'Critics slammed the "reform", officials said.', "outlet_name": "Daily", "when": "04/05/2020"},
            {"content": "The council voted on the plan on Tuesday.", "outlet_name": "Ledger", "when": "05/05/2020"}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    at.file_uploader[0].set_value(("mine.jsonl", data, "application/jsonl")).run()
    check(at)
    assert "No column has one of the usual names of the outlet" in at.info[0].value
    assert set(table_with(at, "group", "value")["group"]) >= {"your articles (uploaded)"}
    assert at.selectbox(key="map_source").value == "" and at.selectbox(key="map_text").value == "content"
    at.selectbox(key="map_source").set_value("outlet_name")
    at.selectbox(key="map_date").set_value("when")
    labelled(at.button, "Analyse with these fields").click().run()
    check(at)
    dates = table_with(at, "article_id", "warning")["warning"]  # ambiguous dates: the page says what to choose
    assert dates.str.contains('give its format under "Fields" \\(Date format, e.g. %d/%m/%Y\\)').all()
    no_options(at)
    assert {"Daily (uploaded)", "Ledger (uploaded)"} <= set(table_with(at, "group", "value")["group"])
    at.text_input(key="map_date_format").set_value("%d/%m/%Y")
    labelled(at.button, "Analyse with these fields").click().run()
    check(at)
    assert "No warnings" in " ".join(c.value for c in at.caption)
    assert not at.info


def test_analysing_without_choosing_the_text_column_says_what_to_choose(page):
    at = page("analyse")
    at.file_uploader[0].set_value(("allsides.csv", ALLSIDES, "text/csv")).run()
    labelled(at.button, "Analyse with these fields").click().run()
    assert not at.exception
    assert "Choose the column that holds the article text (Text)" in at.error[0].value and not at.subheader


def test_a_new_upload_forgets_the_fields_chosen_for_the_last_one(page):
    at = page("analyse")
    at.file_uploader[0].set_value(("allsides.csv", ALLSIDES, "text/csv")).run()
    at.selectbox(key="map_text").set_value("content_original")
    labelled(at.button, "Analyse with these fields").click().run()
    check(at)
    at.file_uploader[0].set_value(("other.csv", b"body,source\nThe plan was approved.,Herald\n", "text/csv")).run()
    check(at)
    assert at.selectbox(key="map_text").value == "body" and at.selectbox(key="map_text").options == ["body", "source"]
    assert table_with(at, "article_id", "source")["source"].tolist() == ["Herald"]


def test_column_names_and_file_names_of_an_upload_are_shown_as_text(page):
    at = page("analyse")
    data = b"<img src=x onerror=alert(1)>,[a](javascript:alert(2))\nSome text.,x\n"
    at.file_uploader[0].set_value(("<b>bold</b>.csv", data, "text/csv")).run()
    check(at)
    assert "<b>" not in at.warning[0].value and "&lt;b&gt;bold&lt;/b&gt;.csv" in at.warning[0].value
    assert table_with(at, "column", "first value")["column"].tolist() == ["<img src=x onerror=alert(1)>",
                                                                         "[a](javascript:alert(2))"]
    assert "<img" not in html_of(at)


GERMAN = ("Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Preise angekündigt. Der Minister sagte, "
          "die Lage sei ernst, aber nicht hoffnungslos. Kritiker werfen der Koalition vor, zu spät gehandelt zu haben. "
          "Die Opposition forderte eine Sondersitzung des Parlaments, um über die Vorschläge zu beraten.")


def test_uploaded_articles_warnings_are_shown_and_other_languages_left_out_of_the_comparison(page):
    """Regression: a German upload had no findings and no message (only n_warnings 1), and was plotted beside the
    English outlets with zero loaded terms."""
    at = page("analyse")
    rows = [{"id": "de1", "source": "Zeitung", "title": "Preise", "text": GERMAN},
            {"id": "en1", "source": "Mine", "text": 'Critics slammed the "reform" as a disaster, officials said.'}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    at.file_uploader[0].set_value(("mixed.jsonl", data, "application/jsonl")).run()
    check(at)
    warned = table_with(at, "article_id", "warning")
    assert warned["article_id"].tolist() == ["de1"] and "in German" in warned["warning"].iloc[0]
    notes = [w.value for w in at.warning]
    assert "1 of your 2 article(s) has warnings (1 in all)" in notes[0]
    assert "Left out of this comparison: 1 of your 2 article(s), in German" in notes[1]
    assert table_with(at, "article_id", "language")["article_id"].tolist() == ["de1", "en1"]  # the summary
    rates = table_with(at, "group", "value")
    assert "Mine (uploaded)" in set(rates["group"]) and not rates["group"].str.startswith("Zeitung").any()
    at.selectbox(key="upload_article").set_value("de1").run()  # the article read shows its warnings above it
    check(at)
    assert "Warning: the text is in German" in html.unescape(html_of(at))


def test_an_upload_only_in_another_language_is_not_compared(page):
    at = page("analyse")
    at.file_uploader[0].set_value(("zeitung.txt", GERMAN.encode(), "text/plain")).run()
    check(at)
    assert "None of your articles is in English" in at.info[0].value
    assert not at.get("image") and "Download chart (PNG)" not in [b.label for b in at.download_button]


def test_html_extraction_warnings_of_an_upload_are_shown_escaped(page):
    at = page("analyse")
    page_html = (b"<html><body><nav>Home</nav><article><p>The minister said the so-called reform was a disaster, "
                 b"critics said.</p></article></body></html>")
    at.file_uploader[0].set_value(("<img src=x onerror=alert(1)>.html", page_html, "text/html")).run()
    check(at)
    warned = table_with(at, "article_id", "warning")["warning"]
    assert warned.str.contains("an HTML page: its main text was extracted").any()
    assert warned.str.contains("short page text").any()
    assert "<img" not in html_of(at) and "Warning: &lt;img src=x onerror=alert(1)&gt;.html: an HTML page" in html_of(at)
    assert not any("alert" in w.value for w in at.warning)  # the counts are in our words only


@pytest.mark.parametrize("name, data, message", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file"),
    ("empty.jsonl", b"", "the file is empty"),
    ("all-bad.jsonl", b"{nope}\n[1]\n", "Nothing to analyse"),
    ("bomb.jsonl.gz", gzip.compress(b"\0" * (50 << 20)), "bomb.jsonl.gz: decompressed, the file holds more than the "
                                                         "limit of 10.0 MB"),
    ("cut.csv.gz", gzip.compress(("text\n" + "\n".join(f"Article {i} of the file." for i in range(500))).encode())[:400],
     "cut.csv.gz: cannot read the gzip file: the compressed file ends early"),
])
def test_a_bad_upload_gives_a_clear_message(page, name, data, message):
    at = page("analyse")
    at.file_uploader[0].set_value((name, data, "application/octet-stream")).run()
    assert not at.exception
    assert message in " ".join(e.value for e in at.error)


def test_an_empty_paste_gives_a_clear_message(page):
    at = page("analyse")
    labelled(at.button, "Analyse").click().run()
    assert not at.exception
    assert "cannot be analysed: empty text" in at.error[0].value


def test_every_page_is_in_the_navigation():
    pages = sorted(p.name for p in (Path(APP).parent / "views").glob("*.py"))
    source = Path(APP).read_text(encoding="utf-8")
    assert all(f'"views/{p}"' in source for p in pages)


def test_a_chart_kind_added_to_the_registry_is_offered_on_its_page(page, monkeypatch):
    """docs/extending.md, "Add a chart": the registry entry is all the Compare page needs."""
    from framing import charts
    from tests.test_extending import TONE_BARS

    monkeypatch.setattr(charts, "CHARTS", (*charts.CHARTS, TONE_BARS))
    at = page("compare", view="tone-bars", family="tone", metric="subjectivity_mean")
    assert len(at.get("image")) == 1
    assert set(table(at)["metric"]) == {"subjectivity_mean"}
