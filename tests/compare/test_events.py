"""Event grouping (TF-IDF cosine within a date window), its evaluation, and the same-event view."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.compare import events as ev
from framing.errors import ConfigError

from .helpers import article_rows

STORIES = {
    "flood": "The river Dun burst its banks in Dunmoor, flooding homes; the mayor ordered an evacuation of the "
             "riverside districts as rescue boats reached stranded families.",
    "budget": "Parliament passed the budget with cuts to welfare and a corporate tax cut; the finance minister "
              "defended the spending plan against the opposition.",
}


def corpus_of_two_stories(dates=("2026-04-02", "2026-04-03", "2026-04-02", "2026-04-03")):
    texts = {
        "f1": STORIES["flood"] + " Homes were damaged.",
        "f2": "Rescue boats reached stranded families after the river Dun burst its banks in Dunmoor; the mayor "
              "ordered an evacuation.",
        "b1": STORIES["budget"],
        "b2": "The finance minister defended the budget, which cuts welfare and the corporate tax, after "
              "parliament passed it.",
    }
    a = article_rows([{"article_id": k, "source": s, "n_words": 30, "date": d}
                      for (k, s), d in zip([("f1", "A"), ("f2", "B"), ("b1", "A"), ("b2", "B")], dates, strict=True)])
    return a, texts


def test_two_stories_are_grouped():
    a, texts = corpus_of_two_stories()
    s = ev.group_events(a, texts, threshold=0.15)
    assert s["f1"] == s["f2"] and s["b1"] == s["b2"] and s["f1"] != s["b1"]
    gold = pd.Series({"f1": "F", "f2": "F", "b1": "B", "b2": "B"})
    r = ev.evaluate_grouping(s, gold)
    assert r["precision"] == 1.0 and r["recall"] == 1.0 and r["exact"] == 1.0


def test_date_window_keeps_apart_and_unparsed_dates_stand_alone():
    a, texts = corpus_of_two_stories(dates=("2026-04-02", "2026-06-30", "2026-04-02", "not a date"))
    s = ev.group_events(a, texts, threshold=0.15, window_days=3)
    assert len(set(s)) == 4
    s2 = ev.group_events(a, texts, threshold=0.15, window_days=None)
    assert s2["f1"] == s2["f2"]


def test_one_per_source():
    a, texts = corpus_of_two_stories()
    a = a.assign(source="A")
    assert len(set(ev.group_events(a, texts, threshold=0.15, one_per_source=True))) == 4


def test_evaluate_grouping_known_answer():
    pred = pd.Series({"a": 1, "b": 1, "c": 1, "d": 2})
    gold = pd.Series({"a": "x", "b": "x", "c": "y", "d": "y"})
    r = ev.evaluate_grouping(pred, gold)
    # predicted pairs ab ac bc (1 correct of 3); gold pairs ab cd (1 of 2 found)
    assert r["precision"] == pytest.approx(1 / 3) and r["recall"] == pytest.approx(1 / 2)


def test_group_events_needs_a_date_column_for_a_window():
    a, texts = corpus_of_two_stories()
    with pytest.raises(ConfigError, match="date"):
        ev.group_events(a.drop(columns="date"), texts, window_days=3)


def test_demo_events_are_recovered(demo):
    gold = pd.Series(demo.articles["event"].to_numpy(), index=demo.articles["article_id"].to_numpy())
    r = ev.evaluate_grouping(ev.group_events(demo.articles, demo.texts, threshold=0.1), gold)
    assert r["precision"] >= 0.95 and r["recall"] >= 0.9


def test_event_view(demo):
    from framing.compare.wordchoice import label_mentions

    m = label_mentions(demo.texts, demo.findings, article_ids=sorted(
        demo.articles.loc[demo.articles["event"] == "E04", "article_id"]))
    v = ev.event_view(demo.articles, demo.findings, "E04", mentions=m)
    assert list(v.columns) == list(ev.EVENT_COLUMNS)
    assert len(v) == 10 and (v["n_articles"] == 1).all()
    sentinel = v.set_index("group").loc["The Valdoria Sentinel"]
    assert "thug" in sentinel["labels"] and sentinel["loaded_author_rate"] > 5
    with pytest.raises(ConfigError, match="events"):
        ev.event_view(demo.articles, demo.findings, "E99")
    with pytest.raises(ConfigError, match="no column"):
        ev.event_view(demo.articles, demo.findings, "E04", event_column="story")


def test_events_table(demo):
    t = ev.events_table(demo.articles)
    assert len(t) == 17 and (t["n_sources"] >= 9).all()
    assert t.iloc[0]["first_date"] == "2026-01-12"
