"""Properties over arbitrary strings: escaping is inert, KWIC offsets are exact, tokens and terms never fail."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.compare.markdown import esc
from framing.compare.terms import terms_of
from framing.compare.wordchoice import kwic

_UNESCAPED = re.compile(r"(?<!\\)[|*_`\[\]<>]")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_is_one_inert_line(s):
    out = esc(s)
    assert "\n" not in out and "\r" not in out
    assert not _UNESCAPED.search(out.replace("\\\\", ""))
    assert "://" not in out


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["regime", "so-called", "city hall", "o'brien", "x"]))
def test_kwic_offsets_are_exact(text, term):
    for r in kwic({"a": text}, term, window=20).itertuples():
        assert text[r.start:r.end] == r.match


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_terms_of_any_string(text):
    terms = terms_of(text, ngrams=2)
    assert all(t == t.lower() and t.strip() == t and t for t in terms)
