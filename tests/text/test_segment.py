import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.text.normalize import normalize
from framing.text.segment import paragraphs, sentences, tokens


def _sents(text):
    return [text[s.start:s.end] for s in sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("George W. Bush spoke.", ["George W. Bush spoke."]),
        ("He lives in the U.S. now.", ["He lives in the U.S. now."]),
        ("He lives in the U.S. The rest stayed.", ["He lives in the U.S.", "The rest stayed."]),
        ('"We will win." He said it twice.', ['"We will win."', "He said it twice."]),
        ('"Are you sure?" she asked.', ['"Are you sure?" she asked.']),
        ("It rose 3.5 percent. Then it fell.", ["It rose 3.5 percent.", "Then it fell."]),
        ("See No. 10 Downing St. today.", ["See No. 10 Downing St. today."]),
        ("Headline without stop\nBody starts here. And ends.", ["Headline without stop", "Body starts here.",
                                                                "And ends."]),
    ],
)
def test_sentences(text, expected):
    assert _sents(text) == expected


def test_paragraphs_are_non_empty_lines_with_offsets():
    text = "One.\n\n  Two two.\n"
    ps = paragraphs(text)
    assert [text[p.start:p.end] for p in ps] == ["One.", "Two two."]


@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127)))  # ASCII text takes a faster pattern
def test_tokens_are_the_token_pattern_matches(text):
    # tokens() finds them in one split; the definition is every maximal run of letters and digits
    from framing.text.segment import _TOKEN

    norm = normalize(text)
    starts, ends, words = tokens(norm)
    ms = list(_TOKEN.finditer(norm.norm))
    assert (starts, ends, words) == ([m.start() for m in ms], [m.end() for m in ms], [m.group() for m in ms])
