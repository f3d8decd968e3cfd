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


def _word_runs(s: str) -> list[tuple[int, int]]:
    """The definition of tokens: every maximal run of letters and digits, each with the combining marks after it."""
    import unicodedata

    out: list[tuple[int, int]] = []
    start = -1
    for i, c in enumerate(s):
        if c.isalnum() or start >= 0 and unicodedata.category(c)[0] == "M":
            start = i if start < 0 else start
        elif start >= 0:
            out.append((start, i))
            start = -1
    if start >= 0:
        out.append((start, len(s)))
    return out


@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127))  # ASCII text takes a faster pattern
       | st.text(alphabet="ao\u0308\u0301\u0915\u093f -"))  # letters with combining marks (decomposed, Devanagari)
def test_tokens_are_the_runs_of_letters_and_digits_with_their_marks(text):
    # tokens() finds them in one split
    norm = normalize(text)
    starts, ends, words = tokens(norm)
    runs = _word_runs(norm.norm)
    assert (starts, ends, words) == ([s for s, _ in runs], [e for _, e in runs], [norm.norm[s:e] for s, e in runs])


def test_a_name_in_decomposed_unicode_is_one_token_and_speaks():
    import unicodedata

    import framing

    text = unicodedata.normalize("NFD", 'Zoë Müller, a spokeswoman for the ministry, said the plan was "unacceptable".')
    r = framing.analyse(text)
    assert [(q.kind, q.speaker) for q in r.of_type("quote")] == [("partial", unicodedata.normalize("NFD", "Zoë Müller"))]
