import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.detect.quotes import frames
from framing.text.fastmatch import EndPattern, StartPattern

# The quotation frames' patterns: those ending in "$" are tested with EndPattern, all of them with StartPattern
ALL_PATTERNS = {name: p for name, p in vars(frames).items() if isinstance(p, re.Pattern)}
END_PATTERNS = {name: p for name, p in ALL_PATTERNS.items() if p.pattern.rstrip(")").endswith("$")}
DEMO = Path(__file__).resolve().parents[2] / "data/demo/articles.jsonl"


def _same(text):
    for name, p in END_PATTERNS.items():
        assert EndPattern(p).found(text) == bool(p.search(text)), (name, text)
    for name, p in ALL_PATTERNS.items():
        assert StartPattern(p).found(text) == bool(p.match(text)), (name, text)


def test_the_frames_are_reversed_and_folded():
    # a pattern that could not be would still give the same answers, used as written, only slower
    assert {"MENTION_BEFORE", "NAME_BEFORE", "TITLE_BEFORE", "SO_CALLED", "CUE_BEFORE"} <= set(END_PATTERNS)
    for name, p in END_PATTERNS.items():
        e = EndPattern(p)
        assert (e.reversed is not None) is not p.pattern.startswith("^"), name  # ("^" is not reversed)
        assert (e.folded is not None) is (e.reversed is not None and bool(p.flags & re.IGNORECASE)), name
    for name, p in ALL_PATTERNS.items():
        assert (StartPattern(p).folded is not None) is bool(p.flags & re.IGNORECASE), name


# Texts made of the patterns' own words in any case (so that they match often), spaces, newlines, commas, quotation
# marks and letters outside ASCII
_VOCAB = sorted({w for p in ALL_PATTERNS.values() for w in re.findall(r"[a-z][a-z-]*", p.pattern)}
                | {"The", "WORD", "Called", "x", "1", "said,", "Obama's", "so-called", "a.k.a.", "name=", "“", "’"})
_WORDS = st.builds(lambda w, case: w.upper() if case == 1 else w.title() if case == 2 else w,
                   st.sampled_from(_VOCAB), st.integers(0, 2))
_PIECES = st.one_of(_WORDS, st.sampled_from([" ", "  ", "\n", ",", ".", ":", "\"", "'", "-", "é", "\u212a", "İ"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.lists(_WORDS, min_size=1, max_size=3),
       st.sampled_from(["", " ", ", ", " \n", "\n", ":", " ,  "]), st.lists(_PIECES, max_size=6))
def test_same_answer_as_the_pattern(head, words, tail, after):
    _same("".join(head) + " ".join(words) + tail)
    _same(tail + " ".join(words) + "".join(after))


@given(st.text(max_size=40))
def test_same_answer_on_any_text(text):
    _same(text)


def test_same_answer_around_every_quotation_mark_of_the_demo_corpus():
    texts = [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines()]
    ends = [(p, EndPattern(p)) for p in END_PATTERNS.values()]
    starts = [(p, StartPattern(p)) for p in ALL_PATTERNS.values()]
    n = hits = 0
    for text in texts:
        for m in re.finditer(r"[\"“‘'”’]", text):
            before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 40]
            for p, e in ends:
                expected = bool(p.search(before))
                assert e.found(before) == expected, (p.pattern, before)
                hits += expected
            for p, s in starts:
                expected = bool(p.match(after))
                assert s.found(after) == expected, (p.pattern, after)
                hits += expected
            n += 1
    assert n > 1000 and hits > 100


@pytest.mark.parametrize(("pattern", "flags", "text", "expected"), [
    (r"\bsaid\s*$", 0, "he said \n", True),  # "$" before a final newline
    (r"\bsaid\s*$", 0, "he said\n\n", True),
    (r"\bsaid$", 0, "he said\n\n", False),
    (r"\bsaid$", 0, "unsaid", False),  # the word boundary reads the character before the match
    (r"(?:\bas|,)\s+called$", 0, "x, called", True),
    (r"(?:a|b)c$|d$", 0, "xd", True),
    (r"\bSaid$", re.I, "he SAID", True),
    (r"\b[A-Z]\w*'s\s*$", re.I, "told nbc's ", True),  # a range of capitals, folded
    (r"\bk\s*$", re.I, "the \u212a", True),  # the Kelvin sign is a "k" when case is ignored (not an ASCII text)
])
def test_small_cases(pattern, flags, text, expected):
    p = re.compile(pattern, flags)
    assert EndPattern(p).reversed is not None
    assert EndPattern(p).found(text) is expected is bool(p.search(text))


@pytest.mark.parametrize("pattern", [r"(?<=a)b$", r"(a)\1$", r"ab$|c", r"^ab$", r"a$b"])
def test_patterns_that_cannot_be_reversed_are_searched_as_written(pattern):
    p = re.compile(pattern)
    e = EndPattern(p)
    assert e.reversed is None
    for text in ("ab", "aab", "c", "xc", "a\nb", ""):
        assert e.found(text) == bool(p.search(text))


@pytest.mark.parametrize("pattern", ["\u212a$", "[\u0100-\u0200]x$", "[0-z]$", "(?-i:a)b$", "ı$"])
def test_patterns_that_cannot_be_folded_are_used_as_written(pattern):
    p = re.compile(pattern, re.I)
    assert EndPattern(p).folded is None and StartPattern(p).folded is None
    for text in ("K", "k", "I", "i", "ab", "Ab", "aB", "\u0130x", "Z", "_"):
        assert EndPattern(p).found(text) == bool(p.search(text))
        assert StartPattern(p).found(text) == bool(p.match(text))
