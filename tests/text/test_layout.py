"""Hard-wrapped text is read through a same-length layout; ordinary news text is left alone."""

import pytest

import framing
from framing.text.layout import unwrap

WRAPPED = (
    "Iran vows support\n\n"
    "TEHRAN - Iran's top general said on Wednesday that the two\n"
    "countries would \"strengthen air defence systems within the framework\n"
    "of military cooperation,\" adding that the deal was a \"powerful\n"
    "message\" to the United States.\n\n"
    "\"We will stand together against all threats,\" Baqeri told reporters\n"
    "in Damascus. He said the agreement was signed after talks that lasted\n"
    "three days.\n"
)


def test_wrapped_lines_become_one_paragraph_of_the_same_length():
    layout = unwrap(WRAPPED)
    assert layout is not None and len(layout) == len(WRAPPED)
    assert layout.count("\n") == WRAPPED.count("\n\n") * 2 + 1  # only the blank lines and the final break stay
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(WRAPPED, layout))


@pytest.mark.parametrize("text", [
    "Headline\n\nFirst paragraph, one line, as news sites give it. It ends here.\nSecond paragraph. "
    "It ends too.\nThird one.\nFourth.\n",
    "no newline at all",
    "a\nb\n",
    # long lines: paragraphs, not wrapping
    ("A long paragraph that goes on " * 8 + "and on\n") * 5,
])
def test_ordinary_text_is_not_unwrapped(text):
    assert unwrap(text) is None


def test_quotations_and_sentences_cross_a_single_line_break():
    r = framing.analyse(WRAPPED)
    quotes = [(q.text, q.kind) for q in r.of_type("quote")]
    assert ("strengthen air defence systems within the framework\nof military cooperation,", "partial") in quotes
    assert ("powerful\nmessage", "partial") in quotes
    assert not [w for w in r.warnings if "unpaired" in w]
    assert r.warnings[0].startswith("hard-wrapped text")
    for f in r.findings:  # offsets and texts are the original's, line breaks included
        assert WRAPPED[f.start:f.end] == f.text


def test_an_indented_line_starts_a_paragraph():
    text = ("The minister said the plan was sound and that the talks\nwould go on for some days, with the\n"
            "envoys of both sides in the room.\n"
            "  A new paragraph starts with an indented line, as in\nolder e-mail and wire copy, and it goes\n"
            "on here with more words than before, and more.\n")
    layout = unwrap(text)
    assert layout is not None
    assert layout[text.index("  A new") - 1] == "\n"
