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


# Wire copy of one- and two-sentence paragraphs, hard-wrapped at 70 characters with no blank lines: about one line
# break in two ends a paragraph (the trial of 2026-12-07 lost every quotation that crossed a line here).
WIRE = (
    "PORT ALDER, May 2 (Wire) - The harbour board said on Friday it would\n"
    "raise mooring fees for fishing boats by a fifth from July, citing the\n"
    "cost of dredging the channel.\n"
    "\"We have held fees for six years. The channel will not dredge itself,\"\n"
    "board chairwoman Ines Marrow told reporters at the harbour office.\n"
    "Skippers said the rise would drive small boats out of the port.\n"
    "\"It is the end for the day boats,\" said Colm Reilly, who has fished\n"
    "from the harbour for thirty years.\n"
)


@pytest.mark.parametrize("indent", ["", "   "])
def test_wire_copy_with_short_paragraphs_is_unwrapped(indent):
    text = "".join(indent + line if i in (0, 3, 5, 6) else line
                   for i, line in enumerate(WIRE.splitlines(keepends=True)))
    layout = unwrap(text)
    assert layout is not None and len(layout) == len(text)
    r = framing.analyse(text)
    quotes = {q.text.split("\n")[0][:20]: q.speaker for q in r.of_type("quote")}
    assert quotes == {"We have held fees fo": "Ines Marrow", "It is the end for th": "Colm Reilly"}
    assert not [w for w in r.warnings if "unpaired" in w]


def test_a_short_line_that_ends_a_sentence_ends_its_paragraph():
    layout = unwrap(WIRE)
    assert layout is not None
    assert layout[WIRE.index("\"We have held") - 1] == "\n"  # after "cost of dredging the channel." (short)
    assert layout[WIRE.index("Skippers") - 1] == " "  # a full line that ends a sentence: read as a wrap
    assert layout[WIRE.index("cost of dredging") - 1] == " "  # a wrap


@pytest.mark.parametrize("text", [
    # lines that each start with a capital or a digit are a list, a table, an address, a chat log or subtitles,
    # not sentences broken at a fixed width (the second review of 2026-12-07 had them joined into prose)
    "Ingredients for the stew\nTwo onions, chopped fine\nFour carrots in rounds\nOne litre of beef stock\n"
    "Salt and pepper to taste\nA bay leaf and some thyme\n",
    "Candidate    Votes    Share\nRuth Kalman  12,040   41%\nOle Brandt   9,877    34%\nIda Moss     7,233    25%\n"
    "Turnout      29,150   62%\n",
    "[10:02] Mara: are you coming to the council meeting\n[10:03] Dev: Yes, after work I think\n"
    "[10:05] Mara: The vote is at seven they said\n[10:06] Dev: Save me a seat near the front\n",
    "Harbour Board of Port Alder\n14 Quay Street, Port Alder\nTelephone 0171 555 0102\nOpen Monday to Friday\n"
    "Closed on public holidays\n",
])
def test_lines_that_all_start_with_capitals_are_not_unwrapped(text):
    assert unwrap(text) is None
