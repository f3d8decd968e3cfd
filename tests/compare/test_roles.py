"""Quotations and quoted words by speaker role, per group, with intervals (the comparison layer)."""

from __future__ import annotations

import pytest

from framing.compare import events as ev
from framing.compare import stats
from framing.compare.metrics import families, select
from framing.findings import ROLES
from tests.compare.helpers import article_rows, make_corpus


def test_role_metrics_are_declared_by_the_quotes_detector():
    names = {f.name for f in families()}
    assert {"quote_role", "quoted_words_role"} <= names
    ms = select("quote_role")
    assert [m.key for m in ms] == list(ROLES)
    assert all(m.denominator == "q_attributed" and m.min_denominator == "quotations" for m in ms)
    assert [m.denominator for m in select("quoted_words_role")] == ["qw_attributed"] * len(ROLES)


def test_shares_by_role_are_ratios_of_sums_with_intervals_and_a_key_table():
    rows = []
    for _ in range(30):  # group A: 2 politician and 1 citizen quotation per article; group B: 1 expert quotation
        rows.append({"source": "A", "n_words": 500, "q_role_politician": 2, "q_role_citizen": 1, "q_attributed": 3,
                     "qw_role_politician": 20, "qw_role_citizen": 30, "qw_attributed": 50})
        rows.append({"source": "B", "n_words": 500, "q_role_expert": 1, "q_attributed": 1, "qw_role_expert": 12,
                     "qw_attributed": 12})
    arts = article_rows(rows)
    r = stats.rates(arts, by="source", metrics=["quote_role", "quoted_words_role"])
    pol = r[(r["metric"] == "quote_role_politician_share")].set_index("group")
    assert pol.at["A", "value"] == pytest.approx(2 / 3) and pol.at["B", "value"] == 0
    words = r[(r["metric"] == "quoted_words_role_citizen_share")].set_index("group")
    assert words.at["A", "value"] == pytest.approx(30 / 50)
    assert pol.at["A", "lo"] <= pol.at["A", "value"] <= pol.at["A", "hi"]
    kt = stats.key_table(r, "quote_role")
    assert list(kt.columns) == ["group", "denominator", "politician", "expert", "citizen"]  # roles some group has
    a = kt.set_index("group").loc["A"]
    assert a["denominator"] == 90 and a["politician"].startswith("0.67 [")
    assert stats.key_table(r[r["family"] == "quotes"], "quote_role").empty


def test_the_key_table_cell_by_cell():
    """Groups sorted, keys in order of first appearance among those some group has, a group's first denominator,
    an empty cell for a key a group has no row for and for every key of a group without a denominator, and no
    interval shown as such."""
    import pandas as pd

    nan = float("nan")
    rows = [("B", "expert", 0, 4, 0.0, 0.0, 0.2), ("B", "citizen", 1, 4, 0.25, 0.1, 0.5),
            ("A", "expert", 2, 5, 0.4, nan, nan), ("A", "none", 0, 5, 0.0, 0.0, 0.1),
            ("C", "expert", 0, 0, nan, nan, nan), ("D", "citizen", 0, 2, 0.0, 0.0, 0.3)]
    r = pd.DataFrame(rows, columns=["group", "key", "numerator", "denominator", "value", "lo", "hi"])
    r["family"] = "quote_role"
    kt = stats.key_table(pd.concat([r, r.assign(family="other")]), "quote_role")
    assert list(kt.columns) == ["group", "denominator", "expert", "citizen"]
    assert kt.to_dict("records") == [
        {"group": "A", "denominator": 5.0, "expert": "0.4 (no interval)", "citizen": ""},
        {"group": "B", "denominator": 4.0, "expert": "0 [0, 0.2]", "citizen": "0.25 [0.1, 0.5]"},
        {"group": "C", "denominator": 0.0, "expert": "", "citizen": ""},
        {"group": "D", "denominator": 2.0, "expert": "", "citizen": "0 [0, 0.3]"},
    ]


def test_a_group_with_few_attributed_quotations_is_flagged_low_n():
    arts = article_rows([{"source": "A", "n_words": 5000, "q_role_politician": 1, "q_attributed": 1}
                         for _ in range(10)])
    r = stats.rates(arts, by="source", metrics=["quote_role_politician_share"])
    assert bool(r["low_n"].iloc[0]) and "attributed quotations" in r["note"].iloc[0]


def test_event_views_list_quotations_by_role():
    corpus = make_corpus([
        {"id": "1", "source": "S1", "event": "e", "text": '"The road is closed," said Tom Reed, a police spokesman.'},
        {"id": "2", "source": "S2", "event": "e", "text": '"We will win," said Sen. Ted Cruz. "Soon," Cruz said.'},
    ])
    v = ev.event_view(corpus.articles, corpus.findings, "e").set_index("group")
    assert v.at["S1", "quote_roles"] == "law_enforcement 1 (100%)"
    assert v.at["S2", "quote_roles"] == "politician 2 (100%)"
