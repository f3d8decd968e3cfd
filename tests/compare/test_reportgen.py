"""The report folder: every table and chart, the manifest, report.md, determinism, escaping, bad input."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.charts import ChartProcesses, kinds
from framing.compare.corpus import Corpus
from framing.compare.markdown import esc, interval
from framing.compare.reportgen import TIMESTAMP_FIELD, _charts, _ReportTables, build_report, write_report
from framing.compare.settings import CompareConfig
from framing.errors import ConfigError

from .helpers import make_corpus

CFG = CompareConfig(n_boot=200)


def files(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_full_report_folder(small, tmp_path):
    out = tmp_path / "rep"
    md = write_report(small, out, config=CFG, command=["framing", "report", "x"])
    got = files(out)
    for t in ("rates", "summary", "pairwise", "distinctive_terms", "actor_labels", "speakers", "reporting_verbs",
              "events", "event_views", "articles", "findings"):
        assert f"tables/{t}.csv" in got and f"tables/{t}.parquet" in got, t
    assert "charts/rates_loaded_author_rate.png" in got and "charts/rates_loaded_author_rate.svg" in got
    assert any(k.startswith("charts/event_") for k in got)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# How the outlets frame the news: demo\\-small")
    assert "](charts/rates_loaded_author_rate.png)" in text
    for name in ("Sources at a glance", "Differences between groups", "Who is quoted", "Word choice",
                 "Labels for the same actors", "Same event, side by side", "Method"):
        assert f"## {name}" in text
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert man["seed"] == CFG.seed and man["command"] == ["framing", "report", "x"]
    assert set(man["lexicons"]) >= {"loaded_terms", "actor_labels"}
    assert man["inputs"][0]["sha256"] and "tables/rates.csv" in man["files"]
    # tables round-trip
    rates = pd.read_parquet(out / "tables" / "rates.parquet")
    assert len(rates) == len(pd.read_csv(out / "tables" / "rates.csv"))


def test_report_has_the_coverage_tables_of_the_events_shown(small, tmp_path):
    out = tmp_path / "rep"
    md = write_report(small, out, config=CFG, charts=False).read_text(encoding="utf-8")
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shown = man["options"]["events_shown"]
    assert shown
    tables = {t: pd.read_csv(out / "tables" / f"{t}.csv") for t in ("coverage_outlets", "coverage_speakers",
                                                                     "coverage_sentences", "coverage_missing")}
    for t in tables.values():
        assert set(t["event"].astype(str)) <= set(shown)
    outlets, sents = tables["coverage_outlets"], tables["coverage_sentences"]
    assert set(outlets["event"]) == set(shown) and len(outlets) == 4 * len(shown)  # four outlets on each event
    # every sentence labelled once; the outlet table counts them
    assert not sents.duplicated(["article_id", "sentence"]).any()
    assert set(sents["label"]) <= {"shared", "unique", "short"}
    counts = sents.groupby(["event", "outlet"])["label"].value_counts().unstack(fill_value=0)
    for r in outlets.itertuples(index=False):
        assert (r.shared, r.unique) == (counts.at[(r.event, r.outlet), "shared"], counts.at[(r.event, r.outlet),
                                                                                           "unique"])
    # offsets into the original texts
    for r in sents.head(50).itertuples(index=False):
        assert small.texts[r.article_id][r.start:r.end] == r.text
    # report.md: per event shown, the speakers-by-outlet table and the outlet table
    assert md.count("**Who each outlet quotes**") == len(shown)
    assert md.count("**What each outlet has that the others do not**") == len(shown)
    assert "| speaker | Capital Wire | Kestrel State News Agency | Patriot Dispatch | The Progressive Ledger | total |" \
        in md
    assert "Same-event coverage: the engine's sentences" in md


def test_same_command_twice_gives_identical_files(small, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        write_report(small, d, config=CFG, command=["same"], charts=False)
    fa, fb = files(a), files(b)
    assert fa.keys() == fb.keys()
    for k in fa:
        if k == "manifest.json":
            ma, mb = json.loads(fa[k]), json.loads(fb[k])
            ma.pop(TIMESTAMP_FIELD), mb.pop(TIMESTAMP_FIELD)
            assert ma == mb
        else:
            assert fa[k] == fb[k], k


def test_charts_drawn_in_two_processes_are_the_same_files(small, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    write_report(small, one, config=CFG, command=["same"], include_findings=False, processes=1)
    write_report(small, two, config=CFG, command=["same"], include_findings=False, processes=2)
    f1, f2 = files(one), files(two)
    m1, m2 = json.loads(f1.pop("manifest.json")), json.loads(f2.pop("manifest.json"))
    m1.pop(TIMESTAMP_FIELD), m2.pop(TIMESTAMP_FIELD)
    assert m1 == m2
    assert f1 == f2 and sum(k.startswith("charts/") for k in f1) > 20


def test_tables_are_handed_over_as_they_are_computed(small):
    # build_report calls on_tables as tables are added: the rates first, before the word-choice tables and events
    seen: list[set[str]] = []
    data = build_report(small, config=CFG, on_tables=lambda d: seen.append(set(d.tables)))
    assert len(seen) >= 3 and "rates" in seen[0] and "distinctive_terms" not in seen[0]
    assert all(a <= b for a, b in zip(seen, seen[1:], strict=False)) and seen[-1] <= set(data.tables)
    # every chart kind says which table it reads, so that its charts can start once that table is there
    assert set(_ReportTables.TABLE_OF_KIND) == set(kinds())


def test_charts_started_early_are_drawn_while_this_process_works_on(small, tmp_path):
    data = build_report(small, config=CFG, include_findings=False)
    charts = [c for c in _charts(data) if c.kind == "rates"][:2]
    with ChartProcesses(2) as drawing:
        drawing.start(charts[:1], _ReportTables(data), tmp_path, ["png"])
        deadline = time.monotonic() + 120
        while not (tmp_path / f"{charts[0].name}.png").exists():  # drawn by the other process meanwhile
            assert time.monotonic() < deadline, "the chart handed over was not drawn"
            time.sleep(0.1)
        drawn = drawing.draw_files(charts, _ReportTables(data), tmp_path, ["png"])
        # the same processes draw the same charts again for another folder
        (tmp_path / "again").mkdir()
        again = drawing.draw_files(charts, _ReportTables(data), tmp_path / "again", ["png"])
    assert all(p[0].parent == tmp_path / "again" and p[0].exists() for p in again.values())
    assert list(drawn) == [c.name for c in charts]
    assert drawn[charts[0].name] == [tmp_path / f"{charts[0].name}.png"] and drawn[charts[1].name][0].exists()


def test_rewriting_a_report_folder_and_refusing_a_foreign_one(small, tmp_path):
    out = tmp_path / "rep"
    write_report(small, out, config=CFG, charts=False, include_findings=False)
    write_report(small, out, config=CFG, charts=False, include_findings=False)  # replaces its own report
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not empty"):
        write_report(small, foreign, config=CFG, charts=False)


def test_article_text_is_escaped_in_report_md(tmp_path):
    evil = '<script>alert(1)</script> [click](http://evil.example) **bold** | cell'
    c = make_corpus([
        {"id": "e1", "source": evil, "title": evil, "event": "E1", "date": "2026-01-01",
         "text": 'The regime\'s thugs attacked. "These terrorists <b>will</b> pay," said Jo | Smith [x](y).'},
        {"id": "e2", "source": "Calm Wire", "title": "Calm", "event": "E1", "date": "2026-01-02",
         "text": "Fighters attacked a post, officials said. The government condemned the attack."},
    ])
    md = write_report(c, tmp_path / "r", config=CFG, charts=False).read_text(encoding="utf-8")
    assert "<script>" not in md and "<b>" not in md
    assert "](http" not in md and "http://" not in md
    assert "&lt;script&gt;" in md
    # an escaped pipe never splits a table cell: every row of a table has as many cell borders as its header
    unescaped = re.compile(r"(?<!\\)\|")
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        n = len(unescaped.findall(line))
        width = width or n
        assert n == width, line


def test_esc():
    assert esc("a|b\nc") == "a\\|b c"
    assert esc("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert esc(None) == "" and esc(float("nan")) == ""
    assert esc("x" * 50, limit=10).endswith("\u2026")


def test_corpus_with_one_source(tmp_path, small):
    one = small.articles[small.articles["source"] == "Capital Wire"]
    c = Corpus(one, small.findings[small.findings["article_id"].isin(one["article_id"])], small.texts, "one")
    md = write_report(c, tmp_path / "one", config=CFG, charts=False).read_text(encoding="utf-8")
    assert "only one group" in md
    assert "No pairwise comparison" in md and "No distinctive terms" in md
    # no event has two sources: the section says none can be shown, and announces no list that does not follow
    same_event = md[md.index("## Same event, side by side"):md.index("## Method")]
    assert "0 are covered by two or more sources. None can be shown outlet by outlet." in same_event
    assert "The 0 covered" not in same_event and "### Event" not in same_event


def test_the_counts_of_sources_and_groups_agree_and_say_which_group_has_no_source(tmp_path):
    # regression: "55 sources" then "(56 groups)": the group of the articles without a source went unexplained, and
    # the charts chose among groups of one article by name, not by size
    from .helpers import make_corpus

    c = make_corpus([{"id": "a", "source": "A", "text": "Officials said it was fine.", "leaning": "left"},
                     {"id": "b", "source": "B", "text": "The mayor said the plan was fine.", "leaning": "right"},
                     {"id": "z", "source": "Z", "text": "The mayor said the harbour plan failed badly. " * 40},
                     {"id": "n", "text": "Critics said so."}], name="four")
    assert c.describe() == "four (4 articles, 3 sources)"
    data = build_report(c, config=replace(CFG, max_chart_groups=2))
    assert data.chart_groups == ["B", "Z"]  # none has two articles: the largest by words (A has fewer than B)
    md = write_report(c, tmp_path / "r", config=replace(CFG, max_chart_groups=2), charts=False).read_text(
        encoding="utf-8")
    assert ("4 articles from 3 sources (1 without a source), " in md
            and r"(4 groups: one, \(missing\), is the articles without a source)" in md)
    md = write_report(c, tmp_path / "l", by=["source", "leaning"], config=CFG, charts=False).read_text(encoding="utf-8")
    assert r"(4 groups: 2 of them lack a value of one of the columns, shown as \(missing\))" in md


def test_source_with_one_article_and_non_ascii_name(tmp_path, small):
    a = small.articles.copy()
    first = a.index[0]
    a.loc[first, "source"] = "Ñandú Noticias"
    c = replace(small, articles=a)
    data = build_report(c, config=CFG)
    r = data.tables["rates"]
    solo = r[(r["group"] == "Ñandú Noticias") & (r["metric"] == "loaded_author_rate")].iloc[0]
    assert solo["n_articles"] == 1 and pd.isna(solo["lo"]) and "one article" in solo["note"]
    md = write_report(c, tmp_path / "r", config=CFG, charts=False).read_text(encoding="utf-8")
    assert "Ñandú Noticias" in md and "(no interval)" in md
    # left out of the pairwise differences, and the report says so
    assert "Ñandú Noticias" not in set(data.tables["pairwise"][["group_a", "group_b"]].to_numpy().ravel())
    assert esc("pairwise differences leave out 1 group of one article, which has no interval (Ñandú Noticias)") in md


def test_bad_group_column_and_unparsed_dates(tmp_path, small):
    with pytest.raises(ConfigError, match="valid columns"):
        build_report(small, by="outlet", config=CFG)
    a = small.articles.assign(date=["not a date"] * 3 + small.articles["date"].tolist()[3:])
    data = build_report(replace(small, articles=a), config=CFG, include_findings=False)
    assert any("could not be parsed" in w for w in data.warnings)


def test_articles_without_a_date_are_not_called_unparseable(small):
    # regression: "could not be parsed or lies outside 1800-2100 (no date given)" for articles with no date at all
    from framing.compare.groups import date_buckets

    _, warn = date_buckets(pd.Series([None, "", "2020-01-02"], name="date"), "month")
    assert warn == "2 article(s) have no date (none given); they form the group '(unparsed date)'"
    _, warn = date_buckets(pd.Series([None, "garbage", "1750-01-01", "1851-09-18"], name="date"), "month")
    assert warn == ("1 article(s) have no date (none given) and 2 article(s) have a date that could not be parsed "
                    "or lies outside 1800-2100 (e.g. 'garbage'); they form the group '(unparsed date)'")


@pytest.mark.parametrize("name, title", [
    ("news", "How the outlets frame the news"),  # regression: "How the outlets frame the news: news"
    ("framing", "How the outlets frame the news"),  # the default store, framing.duckdb
    ("demo/articles", "How the outlets frame the news: demo/articles"),
    ("allsides-2020", "How the outlets frame the news: allsides-2020"),
])
def test_the_title_names_the_corpus_when_that_says_something(name, title):
    from framing.compare.reportgen import report_title

    assert report_title(name) == title


def test_grouping_by_leaning_and_stories_without_event_ids(tmp_path, small):
    a = small.articles.drop(columns=["event"])
    data = build_report(replace(small, articles=a), by="leaning", config=CFG, include_findings=False)
    assert set(data.tables["rates"]["group"]) == set(a["leaning"])
    assert data.event_column == "story" and "stories" in data.tables


@pytest.mark.parametrize("lo, hi, expected", [
    (0.1, 0.3, "0.2 [0.1, 0.3]"),
    (float("nan"), 0.3, "0.2 (no interval)"),
    (0.1, float("nan"), "0.2 (no interval)"),  # a missing upper end too: never "[0.1, ]"
    (None, None, "0.2 (no interval)"),
])
def test_an_interval_with_either_end_missing_is_no_interval(lo, hi, expected):
    assert interval(0.2, lo, hi) == expected


@pytest.mark.parametrize("v, lo, hi, expected", [
    # (a user's trial: "0.526 [5.7e-08, 1.09]"): floating-point residue at an end is zero; a small bound is not
    (0.526, 5.7e-08, 1.09, "0.526 [0, 1.09]"),
    (0.05, 4.6e-09, 0.13, "0.05 [0, 0.13]"),
    (-1.0, -2.0, 3e-09, "-1 [-2, 0]"),
    (0.0004, 0.0001, 0.0009, "4.0e-04 [1.0e-04, 9.0e-04]"),
])
def test_an_interval_end_that_is_floating_point_residue_reads_zero(v, lo, hi, expected):
    assert interval(v, lo, hi) == expected


def test_csv_tables_write_counts_and_floats_exactly(tmp_path):
    # regression: the CSV tables were written with "%.6g": a sum of 1,234,567 words became 1.23457e+06
    from framing.compare.reportgen import write_table

    df = pd.DataFrame({"group": ["A", "B", "C"], "n_words": [1_234_567, 98_765_432_109, 7],
                       "numerator": [1_234_567.0, 9_007_199_254_740_992.0, 3.0],
                       "value": [0.1 + 0.2, 1 / 3, 2.5e-12]})
    csv, _ = write_table(df, tmp_path / "t")
    text = csv.read_text(encoding="utf-8")
    assert "1234567.0" in text and "9007199254740992.0" in text and "98765432109" in text
    assert "0.30000000000000004" in text and "e+0" not in text
    back = pd.read_csv(csv)
    for c in df.columns:
        assert back[c].tolist() == df[c].tolist(), c


def test_without_bootstrap_the_report_says_nothing_was_tested(small, tmp_path):
    # regression: --n-boot 0 gave "0 differences are significant" (and "intervals from 0 bootstrap resamples"):
    # with no bootstrap no difference is tested at all
    out = tmp_path / "r"
    md = write_report(small, out, config=replace(CFG, n_boot=0), include_findings=False, charts=False,
                      ).read_text(encoding="utf-8")
    pw = pd.read_parquet(out / "tables" / "pairwise.parquet")
    assert len(pw) and pw["p"].isna().all()
    assert pw["significant"].isna().all()  # untested: neither significant nor not (the CSV's cell is empty)
    assert (pd.read_csv(out / "tables" / "pairwise.csv")["significant"].isna()).all()
    assert "differences are significant" not in md and "0 bootstrap resamples" not in md
    assert "bootstrap intervals" not in md  # the role sections too
    assert "none was tested: no bootstrap was asked for (n_boot = 0, `--n-boot 0`)" in md
    assert "there are no intervals and no tests of differences" in md
    assert not any(c.name.startswith("differences_") for c in _charts(build_report(small, config=replace(
        CFG, n_boot=0), include_findings=False)))
    # with the bootstrap, the count of significant differences is there as before (groups large enough to test)
    md = write_report(small, tmp_path / "b", config=replace(CFG, min_articles=2), include_findings=False,
                      charts=False).read_text(encoding="utf-8")
    assert re.search(r"; \d+ differences are significant at 0\.05", md) and "none was tested" not in md


def test_groups_too_small_for_a_test_are_not_called_significant(small, tmp_path):
    # regression (new-user trial): two groups of two articles were "significant" with p = 0: the bootstrap of so few
    # articles has too few distinct resamples to spread as new articles would
    out = tmp_path / "r"
    md = write_report(small, out, config=CFG, include_findings=False, charts=False).read_text(encoding="utf-8")
    pw = pd.read_parquet(out / "tables" / "pairwise.parquet")
    assert len(pw) and pw["p"].isna().all() and pw["significant"].isna().all()
    assert pw["lo"].notna().any()  # the intervals are kept, flagged
    assert pw["note"].str.contains("fewer than 10 articles in a group: interval unreliable, no test").any()
    assert "none was tested" in md and "a test needs two groups of 10 articles or more" in md


def test_build_report_refuses_a_negative_event_count_and_an_empty_grouping_key(small):
    with pytest.raises(ConfigError, match="max_events must be 0 or more, not -1"):
        build_report(small, config=CFG, max_events=-1)
    with pytest.raises(ConfigError, match="an empty column name"):
        build_report(small, by=["leaning", "", "source"], config=CFG)


def test_a_placeholder_year_is_not_the_first_day_of_the_corpus(tmp_path):
    # regression (a user's trial): a year-1 date made the header say "published 1-11-30 to 2026-02-04"
    c = make_corpus([{"id": "a", "source": "A", "date": "0001-11-30", "text": "Officials said it was fine."},
                     {"id": "b", "source": "B", "date": "2026-01-02", "text": "The mayor said the plan was fine."},
                     {"id": "c", "source": "B", "date": "2026-02-04", "text": "Critics slammed the plan."}])
    md = write_report(c, tmp_path / "r", config=replace(CFG, n_boot=0), charts=False).read_text(encoding="utf-8")
    assert "3 articles from 2 sources, published 2026-01-02 to 2026-02-04," in md and "1-11-30" not in md


def test_stories_that_no_two_sources_share_say_how_to_give_events(tmp_path):
    # a new user's report: "6 events (stories grouped by TF-IDF similarity); 0 are covered ..." for six unrelated
    # articles, with nothing on how to get events
    c = make_corpus([{"text": "The harbour reopened on Monday after repairs, officials said.", "source": "A"},
                     {"text": "The orchestra played a new symphony to a full hall on Friday.", "source": "B"}])
    md = write_report(c, tmp_path / "r", config=CFG, charts=False).read_text(encoding="utf-8")
    section = md[md.index("## Same event, side by side"):md.index("## Method")]
    assert "2 stories (articles grouped by TF-IDF similarity); 0 are covered by two or more sources." in section
    assert "None can be shown outlet by outlet. Articles that carry an event id give it with `--event-column NAME`" \
        in section


def test_a_sentence_an_outlet_repeats_is_listed_once_as_its_unique_content(tmp_path):
    # regression (new-user trial, 2026-12-07): "unique: Critics called the move ..." twice under one outlet that
    # printed the sentence in two of its articles
    same = "Critics called the move a brutal attack on working people across the whole region."
    c = make_corpus([
        {"id": "a1", "source": "A", "event": "e", "text": f"The council voted to close the depot on Monday. {same}"},
        {"id": "a2", "source": "A", "event": "e", "text": f"The depot will close in June after the council vote. {same}"},
        {"id": "b1", "source": "B", "event": "e", "text": "The council voted to close the depot on Monday evening."},
    ])
    md = write_report(c, tmp_path / "r", config=replace(CFG, n_boot=0), charts=False).read_text(encoding="utf-8")
    section = md[md.index("## Same event, side by side"):md.index("## Method")]
    assert section.count("Critics called the move") == 1
    assert "(in 2 of its articles)" in section
