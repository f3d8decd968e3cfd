"""Validity on BASIL dev (needs ../shared): loading, the correlation and ranking figures, event grouping."""

from __future__ import annotations

import math

import pytest
from conftest import need_shared

from framing.compare import validity

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def basil_dir():
    return need_shared("data", "basil")


def test_load_basil(basil_dir):
    b = validity.load_basil(basil_dir)
    assert len(b.articles) == 135 and b.articles["event"].nunique() == 45
    assert set(b.articles["source"]) == {"Fox News", "New York Times", "HuffPost"}
    assert b.articles["text"].str.len().min() > 200
    assert (b.spans["bias_type"] == "lex").sum() > 100


def test_basil_validity_figures(basil_dir):
    v = validity.basil_validity(basil_dir, config=validity.DEFAULT.__class__(n_boot=100))
    f = v.figures
    s = f["spearman_our_author_rate_vs_lex_density_author"]
    assert -1 <= s["lo"] <= s["rho"] <= s["hi"] <= 1
    assert 0 <= f["event_pair_agreement"] <= 1 and not math.isnan(f["event_top_match"])
    assert f["event_pairs_agree"] + f["event_pairs_disagree"] + f["event_pairs_tied_by_us"] == \
        f["event_pairs_ordered_by_gold"]
    assert len(v.per_event) == 45 and len(v.per_article) == 135


def test_basil_event_grouping(basil_dir):
    g = validity.basil_event_grouping(basil_dir, thresholds=(0.2,), windows=(3,), one_per_source=(False,))
    row = g.iloc[0]
    assert row["precision"] >= 0.9 and row["recall"] >= 0.8


def test_basil_bias_spans_land_on_their_text(basil_dir):
    b = validity.load_basil(basil_dir)
    spans = validity.basil_sentence_bias(b)
    assert spans["ok"].all() and len(spans) >= len(b.spans) - 1  # one span has no sentence index


def test_basil_coverage_lift_chooses_the_configured_threshold_and_measures_both_folds(basil_dir):
    r = validity.basil_coverage_lift(basil_dir, sensitivity=())
    f = r.figures
    # the rule (no bias label read) picks the threshold the configuration ships with
    assert f["threshold"] == validity.DEFAULT.coverage_threshold
    assert f["null_share_at_threshold"] <= validity.DEFAULT.coverage_null_share
    folds = r.folds.set_index(["fold", "bias"])
    assert set(folds.index.get_level_values("fold")) == {"choose", "measure", "pooled"}
    pooled, m, c = folds.loc[("pooled", "inf")], folds.loc[("measure", "inf")], folds.loc[("choose", "inf")]
    assert pooled["events"] == 45 and m["events"] + c["events"] == 45
    assert pooled["unique"] == m["unique"] + c["unique"] and pooled["shared"] == m["shared"] + c["shared"]
    for row in r.folds.itertuples(index=False):
        assert row.lift == pytest.approx(row.p_unique / row.p_shared)
        assert row.lo <= row.lift <= row.hi
    # every sentence of every article is in the table once, with its fold
    assert not r.sentences.duplicated(["article_id", "sentence"]).any()
    assert r.sentences["article_id"].nunique() == 135


def test_missing_basil_is_a_clear_error(tmp_path):
    from framing.errors import InputError

    with pytest.raises(InputError, match="BASIL files not found"):
        validity.load_basil(tmp_path)
