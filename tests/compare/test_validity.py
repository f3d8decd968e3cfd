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


def test_missing_basil_is_a_clear_error(tmp_path):
    from framing.errors import InputError

    with pytest.raises(InputError, match="BASIL files not found"):
        validity.load_basil(tmp_path)
