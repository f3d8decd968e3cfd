"""Rates per group, bootstrap intervals, pairwise differences and corrections, on tables with known answers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.compare import stats
from framing.compare.metrics import METRICS, metric, select
from framing.compare.settings import CompareConfig
from framing.errors import ConfigError

from .helpers import article_rows

CFG = CompareConfig(n_boot=400)


def two_sources() -> pd.DataFrame:
    # A: 3 articles, 600 words, 6 loaded terms in the writer's voice (article rates 10, 20 and 3.33 per 1,000)
    # -> 10 per 1,000; B: 2 articles, 1,000 words, 1 term -> 1 per 1,000
    return article_rows([
        {"source": "A", "n_words": 100, "lt_count": 2, "lt_author": 1, "lt_quoted": 1, "attr_count": 4,
         "src_anonymous": 1, "attr_neutral": 4, "src_named_person": 3, "polarity": 0.2},
        {"source": "A", "n_words": 200, "lt_count": 4, "lt_author": 4, "attr_count": 4, "src_named_person": 4,
         "attr_neutral": 3, "attr_distancing": 1, "polarity": -0.1},
        {"source": "A", "n_words": 300, "lt_count": 1, "lt_author": 1, "attr_count": 2, "src_anonymous": 2,
         "attr_neutral": 2, "polarity": 0.5},
        {"source": "B", "n_words": 400, "lt_count": 1, "lt_author": 1, "attr_count": 0, "polarity": 0.0},
        {"source": "B", "n_words": 600, "q_scare": 3, "attr_count": 1, "src_named_org": 1, "attr_neutral": 1,
         "polarity": 0.3},
    ])


def value(t: pd.DataFrame, group: str, m: str, col: str = "value") -> float:
    return float(t[(t["group"] == group) & (t["metric"] == m)][col].iloc[0])


def test_rates_are_ratios_of_sums():
    t = stats.rates(two_sources(), config=CFG)
    assert value(t, "A", "loaded_author_rate") == pytest.approx(6 / 600 * 1000)
    assert value(t, "A", "loaded_rate") == pytest.approx(7 / 600 * 1000)
    assert value(t, "A", "loaded_quoted_rate") == pytest.approx(1 / 600 * 1000)
    assert value(t, "B", "loaded_author_rate") == pytest.approx(1.0)
    assert value(t, "B", "quotes_scare_rate") == pytest.approx(3.0)
    assert value(t, "A", "source_anonymous_share") == pytest.approx(3 / 10)
    assert value(t, "A", "named_share") == pytest.approx(7 / 10)
    assert value(t, "A", "stance_distancing_share") == pytest.approx(1 / 10)
    assert value(t, "A", "polarity_mean") == pytest.approx(0.2)
    assert value(t, "A", "loaded_rate", "n_articles") == 3
    assert value(t, "A", "loaded_rate", "n_words") == 600
    assert value(t, "B", "loaded_rate", "n_attributions") == 1


def test_every_metric_is_reported_for_every_group_in_canonical_order():
    t = stats.rates(two_sources(), config=CFG)
    assert len(t) == 2 * len(METRICS)
    assert t["metric"].drop_duplicates().tolist() == [m.name for m in METRICS]
    assert list(t.columns) == list(stats.RATE_COLUMNS)


def test_interval_contains_the_point_estimate_and_is_reproducible(demo):
    t1 = stats.rates(two_sources(), config=CFG)
    t2 = stats.rates(two_sources(), config=CFG)
    pd.testing.assert_frame_equal(t1, t2)
    a = t1[(t1["group"] == "A") & (t1["metric"] == "loaded_author_rate")].iloc[0]
    assert a["interval"] == "bootstrap"
    assert a["lo"] <= a["value"] <= a["hi"]
    # a resample's rate lies between the smallest and the largest article rate (3.33 and 20 per 1,000)
    assert a["lo"] >= 1000 / 300 - 1e-9 and a["hi"] <= 20.0 + 1e-9 and a["hi"] > a["lo"]
    d1 = stats.rates(demo.articles, metrics=["loaded_author_rate"], config=CFG)
    d2 = stats.rates(demo.articles, metrics=["loaded_author_rate"], config=CompareConfig(n_boot=400, seed=1))
    assert (d1["lo"] <= d1["value"]).all() and (d1["value"] <= d1["hi"]).all()
    assert not np.allclose(d1["lo"], d2["lo"])  # another seed, other resamples
    assert np.allclose(d1["lo"], d2["lo"], atol=1.5)  # ... but about the same interval


def test_a_groups_interval_does_not_depend_on_other_groups():
    both = stats.rates(two_sources(), metrics=["loaded_author_rate"], config=CFG)
    only_a = stats.rates(two_sources().query("source == 'A'"), metrics=["loaded_author_rate"], config=CFG)
    assert value(both, "A", "loaded_author_rate", "lo") == value(only_a, "A", "loaded_author_rate", "lo")


def test_zero_count_gets_an_exact_upper_bound_not_a_degenerate_interval():
    t = stats.rates(two_sources(), config=CFG)
    r = t[(t["group"] == "A") & (t["metric"] == "quotes_scare_rate")].iloc[0]
    assert r["value"] == 0 and r["lo"] == 0
    assert r["interval"] == "zero-count bound"
    assert r["hi"] == pytest.approx((1 - 0.025 ** (1 / 600)) * 1000)


def test_one_article_has_no_interval_and_says_so():
    a = article_rows([{"source": "solo", "n_words": 500, "lt_author": 5},
                      {"source": "pair", "n_words": 500, "lt_author": 1},
                      {"source": "pair", "n_words": 500, "lt_author": 3}])
    t = stats.rates(a, metrics=["loaded_author_rate"], config=CFG)
    solo = t[t["group"] == "solo"].iloc[0]
    assert solo["value"] == pytest.approx(10.0)
    assert math.isnan(solo["lo"]) and math.isnan(solo["hi"]) and solo["interval"] == "none"
    assert "one article" in solo["note"] and solo["low_n"]


def test_low_n_flags():
    t = stats.rates(two_sources(), config=CFG)
    a = t[(t["group"] == "A") & (t["metric"] == "loaded_author_rate")].iloc[0]
    assert a["low_n"] and "only 3 articles" in a["note"]
    b_share = t[(t["group"] == "B") & (t["metric"] == "source_anonymous_share")].iloc[0]
    assert b_share["low_n"] and "attributions" in b_share["note"]
    many = article_rows([{"source": "X", "n_words": 300, "lt_author": 1, "attr_count": 5}] * 12)
    ok = stats.rates(many, metrics=["loaded_author_rate"], config=CFG).iloc[0]
    assert not ok["low_n"] and ok["note"] == ""


def test_source_with_no_findings_and_no_attributions():
    a = article_rows([{"source": "quiet", "n_words": 400}, {"source": "quiet", "n_words": 500}])
    t = stats.rates(a, config=CFG)
    share = t[t["metric"] == "source_anonymous_share"].iloc[0]
    assert math.isnan(share["value"]) and "no attributions" in share["note"]
    rate = t[t["metric"] == "loaded_author_rate"].iloc[0]
    assert rate["value"] == 0 and rate["hi"] > 0


@pytest.mark.parametrize("by, groups", [
    ("leaning", ["left", "right"]),
    ("date:month", ["2026-01", "2026-02"]),
    ("date:year", ["2026"]),
    (["leaning", "date:month"], ["left · 2026-01", "right · 2026-01", "right · 2026-02"]),
])
def test_grouping_by_metadata_and_date_buckets(by, groups):
    a = two_sources().assign(leaning=["left", "left", "left", "right", "right"],
                             date=["2026-01-03", "2026-01-20", "2026-01-31", "2026-01-05", "2026-02-01"])
    t = stats.rates(a, by=by, metrics=["loaded_author_rate"], config=CFG)
    assert sorted(t["group"]) == groups
    if not isinstance(by, str):
        assert {"leaning", "date:month"} <= set(t.columns)


def test_unknown_group_column_is_a_clear_error():
    with pytest.raises(ConfigError, match="no such column.*valid columns are"):
        stats.rates(two_sources(), by="outlet")
    with pytest.raises(ConfigError, match="date bucket"):
        stats.rates(two_sources().assign(date="2026-01-01"), by="date:fortnight")
    with pytest.raises(ConfigError, match="unknown metric"):
        stats.rates(two_sources(), metrics=["loudness"])


def test_unparsed_dates_form_their_own_group_with_a_warning():
    a = two_sources().assign(date=["2026-01-03", "yesterday", None, "03/02/2026", "2026-02-01T10:00:00Z"])
    t = stats.rates(a, by="date:month", metrics=["loaded_author_rate"], config=CFG)
    assert "(unparsed date)" in set(t["group"])
    assert any("could not be parsed" in w and "yesterday" in w for w in t.attrs["warnings"])


def test_non_ascii_and_missing_group_names():
    a = two_sources().assign(source=["Ñandú Noticias", "Ñandú Noticias", "東京新聞", None, ""])
    t = stats.rates(a, metrics=["loaded_author_rate"], config=CFG)
    assert sorted(t["group"]) == sorted(["Ñandú Noticias", "東京新聞", "(missing)"])


def test_empty_table_gives_an_empty_result():
    t = stats.rates(two_sources().iloc[:0], metrics=["loaded_author_rate"], config=CFG)
    assert t.empty


def test_select_metric_families():
    assert [m.name for m in select("tone")] == ["polarity_mean", "subjectivity_mean"]
    assert metric("quotes_scare_rate").unit == "per 1,000 words"
    assert all(m.family == "stance" for m in select(["stance"]))


# -- corrections ----------------------------------------------------------------------------------------------

P = [0.01, 0.04, 0.03, 0.005]


def test_holm_on_known_p_values():
    # sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06
    assert stats.holm(P) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_benjamini_hochberg_on_known_p_values():
    # sorted p * 4 / rank = 0.02, 0.02, 0.04, 0.04 -> running min from the top: the same
    assert stats.benjamini_hochberg(P) == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_adjustment_keeps_nan_out_of_the_family():
    out = stats.adjust_pvalues([0.01, math.nan, 0.04], "holm")
    assert out[0] == pytest.approx(0.02) and math.isnan(out[1]) and out[2] == pytest.approx(0.04)
    assert stats.holm([0.5, 0.9]).max() <= 1.0
    with pytest.raises(ConfigError, match="valid values"):
        stats.adjust_pvalues([0.1], "bonferroni-ish")


# -- pairwise -------------------------------------------------------------------------------------------------

def test_pairwise_differences_match_the_rates(demo):
    pw = stats.pairwise_differences(demo.articles, metrics=["loaded_author_rate"], config=CFG)
    r = stats.rates(demo.articles, metrics=["loaded_author_rate"], config=CFG).set_index("group")["value"]
    n = demo.articles["source"].nunique()
    assert len(pw) == n * (n - 1) // 2
    row = pw.iloc[0]
    assert row["diff"] == pytest.approx(r[row["group_a"]] - r[row["group_b"]])
    assert (pw["lo"] <= pw["diff"]).all() and (pw["diff"] <= pw["hi"]).all()
    assert (pw["p_adjusted"] >= pw["p"]).all()
    tabloid = pw[(pw["group_a"] == "Capital Wire") & (pw["group_b"] == "The Daily Tattler")].iloc[0]
    assert tabloid["significant"] and tabloid["diff"] < 0


def test_pairwise_against_a_reference_and_with_a_one_article_group():
    a = two_sources()
    a = pd.concat([a, article_rows([{"source": "C", "article_id": "c1", "n_words": 100, "lt_author": 4}])])
    pw = stats.pairwise_differences(a, metrics=["loaded_author_rate"], reference="A", config=CFG)
    assert pw[["group_a", "group_b"]].values.tolist() == [["A", "B"], ["A", "C"]]
    c = pw[pw["group_b"] == "C"].iloc[0]
    assert math.isnan(c["p"]) and math.isnan(c["lo"]) and "fewer than 2 articles" in c["note"]
    with pytest.raises(ConfigError, match="reference"):
        stats.pairwise_differences(a, reference="Z", config=CFG)


def test_pairwise_with_one_group_is_empty():
    pw = stats.pairwise_differences(two_sources().query("source == 'A'"), config=CFG)
    assert pw.empty and list(pw.columns) == list(stats.PAIR_COLUMNS)


def test_wide_summary(demo):
    w = stats.wide(stats.rates(demo.articles, config=CFG))
    assert len(w) == demo.articles["source"].nunique()
    assert {"loaded_author_rate", "loaded_author_rate_lo", "loaded_author_rate_hi", "low_n"} <= set(w.columns)


def test_a_table_from_before_a_metric_family_gets_the_others_and_a_warning_not_an_error():
    # a store analysed by an earlier version has no speaker-role columns: every other figure, and a warning that
    # names what is missing and how to add it
    arts = two_sources()
    old = arts.drop(columns=[c for c in arts.columns if c.startswith(("q_role_", "qw_role_"))
                             or c in ("q_attributed", "qw_attributed")])
    full, partial = stats.rates(arts, by="source", config=CFG), stats.rates(old, by="source", config=CFG)
    assert {"quote_role", "quoted_words_role"} <= set(full["family"]) and not full.attrs.get("warnings")
    assert set(partial["family"]) == set(full["family"]) - {"quote_role", "quoted_words_role"}
    kept = full[full["family"].isin(set(partial["family"]))].reset_index(drop=True)
    pd.testing.assert_frame_equal(partial.reset_index(drop=True), kept)
    (warning,) = partial.attrs["warnings"]
    assert "speaker role" in warning and "earlier version" in warning and "framing run" in warning
    with pytest.raises(ConfigError, match="framing run"):
        stats.rates(old, by="source", metrics="quote_role", config=CFG)


def test_a_group_of_equal_values_has_its_value_as_interval_and_is_drawn():
    # regression (a new user's corpus): two articles of polarity 0.2 had the interval 0.20000000298 to 0.20000000298,
    # above the value (float32 sums), and the rates chart, and with it `framing report`, failed on it
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots

    rows = article_rows([{"source": "A", "polarity": 0.2, "n_words": 100, "n_sentences": 5},
                         {"source": "A", "polarity": 0.2, "n_words": 100, "n_sentences": 5},
                         {"source": "B", "polarity": -0.3, "n_words": 100, "n_sentences": 5},
                         {"source": "B", "polarity": 0.4, "n_words": 100, "n_sentences": 5}])
    t = stats.rates(rows, metrics=["polarity_mean"], config=CFG)
    a = t[t["group"] == "A"].iloc[0]
    assert a["lo"] == a["value"] == a["hi"]
    plots.plot_rates(t, "polarity_mean", corpus="t")
    # an interval that excludes its value (rounding, or a skewed bootstrap) is drawn too
    skew = t.assign(lo=t["value"] + 1e-9)
    plots.plot_rates(skew, "polarity_mean", corpus="t")


def test_bootstrap_intervals_never_leave_a_rates_bounds():
    # regression (a new user's report, 2026-12-07): a rate of a few equal-valued articles was shown "2 [-2.7e-07,
    # 5.12]" and role shares "[-4.6e-09, 0.1]": float32 sums put the bootstrap's lower end a hair below 0
    rng = np.random.default_rng(7)
    rows = []
    for g in range(40):  # groups in which most articles have no loaded term: resamples of all zeros
        n = int(rng.integers(3, 12))
        for k in range(n):
            rows.append({"source": f"s{g}", "n_words": int(rng.integers(50, 3000)), "n_sentences": 5,
                         "lt_author": int(rng.integers(1, 9)) if k == 0 else 0})
    t = stats.rates(article_rows(rows), metrics=["loaded_author_rate"], config=CFG)
    assert (t["interval"] == "bootstrap").all()
    assert (t["lo"] >= 0).all() and (t["lo"] <= t["hi"]).all()
