"""The dashboard's shared pieces (dashboards/widgets.py) that need no page to run."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "dashboards"))
import widgets  # noqa: E402  (the dashboard's own module, as its pages import it)


def test_whole_number_columns_are_shown_exactly_as_integers():
    """Regression: a source's words summed to 25,445 were shown as 25440 (every float cut to 4 digits)."""
    df = pd.DataFrame({"source": ["USA TODAY", "NPR", "Fox"], "words": [25445.0, 27544.0, 11096.0],
                       "n": [1.0, np.nan, 3.0]})
    got = widgets.shown(df)
    assert got["words"].tolist() == [25445, 27544, 11096] and str(got["words"].dtype) == "Int64"
    assert got["n"].tolist()[::2] == [1, 3] and pd.isna(got["n"].iloc[1])
    assert got["source"].tolist() == df["source"].tolist()


def test_other_floats_keep_4_significant_digits_but_their_whole_part():
    df = pd.DataFrame({"rate": [0.0123456, 1.23456, 12345.6, -98765.4321, 0.0, np.nan, np.inf]})
    got = widgets.shown(df)["rate"].tolist()
    assert got[:5] == [0.01235, 1.235, 12346.0, -98765.0, 0.0]
    assert np.isnan(got[5]) and got[6] == np.inf


def test_whole_numbers_beyond_exact_floats_and_columns_named_by_numbers_are_shown():
    """Review: a whole-number column beyond 2**53 failed the cast to integers; a column named by a number failed
    DataFrame.assign (keywords must be strings)."""
    df = pd.DataFrame({"big": [1e19, 2.0], 1: [1.0, 2.0], 2: [0.123456, 1.5]})
    got = widgets.shown(df)
    assert got["big"].tolist() == [1e19, 2.0]  # kept as floats
    assert got[1].tolist() == [1, 2] and str(got[1].dtype) == "Int64"
    assert got[2].tolist() == [0.1235, 1.5]
