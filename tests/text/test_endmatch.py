import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.detect.quotes import frames
from framing.text.endmatch import EndPattern

# Every pattern of the quotation frames that ends in "$" (the detectors test them with EndPattern)
FRAME_PATTERNS = {name: p for name, p in vars(frames).items()
                  if isinstance(p, re.Pattern) and p.pattern.rstrip(")").endswith("$")}
DEMO = Path(__file__).resolve().parents[2] / "data/demo/articles.jsonl"


def test_the_frames_before_the_marks_are_reversed():
    # a pattern that could not be reversed would still give the same answers, searched as written, only slower
    assert {"MENTION_BEFORE", "NAME_BEFORE", "TITLE_BEFORE", "SO_CALLED", "CUE_BEFORE"} <= set(FRAME_PATTERNS)
    for name, p in FRAME_PATTERNS.items():
        assert (EndPattern(p).reversed is not None) is not p.pattern.startswith("^"), name  # ("^" is not reversed)


# Texts made of the patterns' own words (so that they match often), spaces, newlines, commas and quotation marks
_VOCAB = sorted({w for p in FRAME_PATTERNS.values() for w in re.findall(r"[a-z][a-z-]*", p.pattern)}
                | {"The", "WORD", "Called", "x", "1", "said,", "Obama's", "so-called", "a.k.a.", "name=", "“", "’"})
_PIECES = st.one_of(st.sampled_from(_VOCAB), st.sampled_from([" ", "  ", "\n", ",", ".", ":", "\"", "'", "-", "é"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=3),
       st.sampled_from(["", " ", ", ", " \n", "\n", ":", " ,  "]))
def test_same_answer_as_search(head, last_words, tail):
    text = "".join(head) + " ".join(last_words) + tail
    for name, p in FRAME_PATTERNS.items():
        assert EndPattern(p).found(text) == bool(p.search(text)), (name, text)


@given(st.text(max_size=40))
def test_same_answer_on_any_text(text):
    for name, p in FRAME_PATTERNS.items():
        assert EndPattern(p).found(text) == bool(p.search(text)), (name, text)


def test_same_answer_before_every_quotation_mark_of_the_demo_corpus():
    texts = [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines()]
    patterns = [(p, EndPattern(p)) for p in FRAME_PATTERNS.values()]
    n = hits = 0
    for text in texts:
        for m in re.finditer(r"[\"“‘'”’]", text):
            before = text[max(0, m.start() - 60):m.start()]
            for p, e in patterns:
                expected = bool(p.search(before))
                assert e.found(before) == expected, (p.pattern, before)
                hits += expected
            n += 1
    assert n > 1000 and hits > 100


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (r"\bsaid\s*$", "he said \n", True),  # "$" before a final newline
    (r"\bsaid\s*$", "he said\n\n", True),
    (r"\bsaid$", "he said\n\n", False),
    (r"\bsaid$", "unsaid", False),  # the word boundary reads the character before the match
    (r"(?:\bas|,)\s+called$", "x, called", True),
    (r"(?:a|b)c$|d$", "xd", True),
])
def test_small_cases(pattern, text, expected):
    p = re.compile(pattern)
    assert EndPattern(p).reversed is not None
    assert EndPattern(p).found(text) is expected is bool(p.search(text))


@pytest.mark.parametrize("pattern", [r"(?<=a)b$", r"(a)\1$", r"ab$|c", r"^ab$", r"a$b"])
def test_unsupported_patterns_are_searched_as_written(pattern):
    p = re.compile(pattern)
    e = EndPattern(p)
    assert e.reversed is None
    for text in ("ab", "aab", "c", "xc", "a\nb", ""):
        assert e.found(text) == bool(p.search(text))
