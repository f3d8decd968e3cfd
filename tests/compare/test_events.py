"""Event grouping (TF-IDF cosine within a date window), its evaluation, and the same-event view."""

from __future__ import annotations

import numpy as np
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


def _events_table_per_event(articles: pd.DataFrame) -> pd.DataFrame:
    """The events table computed event by event (the definition, written plainly): the reference for the one-pass
    version."""
    from framing.compare.events import parse_dates

    a = articles[articles["event"].notna()].copy()
    a["_d"] = parse_dates(a["date"])
    rows = []
    for e, d in a.groupby(a["event"].astype(str), sort=True):
        src = d["source"].astype("string").fillna("(missing)").astype(str)
        plain = (d["lt_author"] / d["n_words"].where(d["n_words"] > 0)).fillna(float("inf"))
        lead = d.assign(_p=plain).sort_values(["_p", "_d", "article_id"], na_position="last").iloc[0]
        title = str(lead["title"]) if pd.notna(lead["title"]) else ""
        first, last = d["_d"].min(), d["_d"].max()
        rows.append((e, len(d), src.nunique(), "" if pd.isna(first) else first.strftime("%Y-%m-%d"),
                     "" if pd.isna(last) else last.strftime("%Y-%m-%d"), "; ".join(sorted(src.unique())), title,
                     src.loc[lead.name] if title else ""))
    return pd.DataFrame(rows, columns=["event", "n_articles", "n_sources", "first_date", "last_date", "sources",
                                       "title", "title_source"])


def test_events_table_equals_the_event_by_event_definition(demo):
    a = demo.articles.copy()
    # ties and gaps: equal plainness (decided by date, then id), an article without words, a missing title, date
    # and source, an event of one article
    a.loc[a.index[:3], ["lt_author", "n_words"]] = [[0, 100], [0, 100], [3, 0]]
    a.loc[a.index[1], "title"] = None
    a.loc[a.index[4], "date"] = None
    a.loc[a.index[5], "source"] = None
    a.loc[a.index[6], "event"] = "lonely"
    a.loc[a.index[7], "event"] = None
    for frame in (demo.articles, a, a.iloc[:0]):
        pd.testing.assert_frame_equal(ev.events_table(frame), _events_table_per_event(frame), check_dtype=False)


def _average_link_by_definition(n, lo, hi, s, thr, sources):
    """Average-link grouping written as its definition: each pair's groups' mean similarity summed anew."""
    sim = {(int(a), int(b)): float(v) for a, b, v in zip(lo, hi, s, strict=True)}
    label, members = list(range(n)), {i: [i] for i in range(n)}
    for k in np.lexsort((hi, lo, -s)):
        a, b = label[lo[k]], label[hi[k]]
        if s[k] < thr or a == b:
            continue
        A, B = members[a], members[b]
        if sources is not None and {sources[i] for i in A} & {sources[j] for j in B}:
            continue
        if sum(sim.get((min(i, j), max(i, j)), 0.0) for i in A for j in B) / (len(A) * len(B)) < thr:
            continue
        keep, drop = (a, b) if len(A) >= len(B) else (b, a)
        for i in members[drop]:
            label[i] = keep
        members[keep] = members[keep] + members.pop(drop)
    return label


def test_average_link_keeps_its_sums_as_groups_join_and_groups_as_the_definition_does():
    # regression (a new user's corpus of one long-running story): the cross-pair sum was recomputed for every pair,
    # 256 s for 1,000 articles; the sums are now kept per group. Similarities in eighths add up exactly, so the two
    # must agree exactly, with and without one article per source.
    from framing.compare.events import _average_link

    rng = np.random.default_rng(7)
    for trial in range(300):
        n = int(rng.integers(2, 30))
        pairs = sorted({tuple(sorted(int(x) for x in rng.choice(n, 2, replace=False)))
                        for _ in range(int(rng.integers(1, n * (n - 1) // 2 + 1)))})
        lo, hi = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
        s = rng.integers(1, 9, size=len(pairs)) / 8.0
        sources = [str(x) for x in rng.integers(0, 4, size=n)] if trial % 2 else None
        thr = float(rng.integers(2, 8)) / 8
        assert _average_link(n, lo, hi, s, thr, sources) == _average_link_by_definition(n, lo, hi, s, thr, sources)
