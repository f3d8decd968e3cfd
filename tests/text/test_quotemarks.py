import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.text.quotemarks import MAX_MARK_WARNINGS, pair_quotes


def contents(text):
    spans, _ = pair_quotes(text)
    return [text[s.start:s.end] for s in spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" today.', ["yes"]),
        ("He said \u201cyes\u201d today.", ["yes"]),
        ("\u2018Israel\u2019 and Syria\u2019s al-Assad\u2019s plan", ["Israel"]),
        ("don't, Syria's, the \u201990s and '08 are not quotes", []),
        ("rock 'n' roll and 'em are not quotes", []),
        ("the voters\u2019 choice", []),
        ("Trump\u2019s \u2018Working Class\u2019 voters", ["Working Class"]),
        ('"He said \'no\' twice," she said.', ["He said 'no' twice,", "no"]),
        ("\u00abBonjour\u00bb et \u201eHallo\u201c", ["Bonjour", "Hallo"]),
        ("''Do you feel the bern?'' she asked.", ["Do you feel the bern?"]),
        ("Tesla Inc.\u2019s stock rose", []),
        ("the \u201cnews\u201dletter", ["news"]),
        ("mismatched \u201copen and close' here", ["open and close"]),
        # inside a single quotation, an "s'" before a lower-case word is a plural possessive when a surely closing
        # mark follows; otherwise it closes
        ("'We will fix the teachers' contracts first,' said Anna Cole.", ["We will fix the teachers' contracts first,"]),
        ("\u2018The markets\u2019 detriment. This is abysmal.\u2019 he said", ["The markets\u2019 detriment. This is abysmal."]),
        ("They chanted 'no more cuts' outside the teachers' union offices.", ["no more cuts"]),
        ("'We love the teachers' said Ann. 'They work hard.'", ["We love the teachers", "They work hard."]),
        ("He said 'no thanks' to the plan and rock 'n' roll too.", ["no thanks"]),
        # a later possessive or initialism is no sure closing mark
        ("He called it 'a threat to workers' and criticised the U.S.' response.", ["a threat to workers"]),
        ("He called the bill 'a giveaway to the banks' and said the cost would be the taxpayers'.",
         ["a giveaway to the banks"]),
    ],
)
def test_pairs(text, expected):
    assert contents(text) == expected


def test_multi_paragraph_quotation_is_one_span():
    text = '"First paragraph of the quote.\n\n"Second paragraph ends it," he said.'
    spans, warnings = pair_quotes(text)
    assert len(spans) == 1 and spans[0].multi_paragraph
    assert text[spans[0].start:spans[0].end].endswith("ends it,")
    assert warnings == []


def test_unbalanced_mark_becomes_a_warning_not_an_error():
    spans, warnings = pair_quotes('He said "this never closes.\n\nNext paragraph.')
    assert spans == []
    assert warnings and "offset 8" in warnings[0]


def test_nesting_depth():
    text = "\u201cHe told me \u2018go\u2019 now,\u201d she said."
    spans, _ = pair_quotes(text)
    assert [(text[s.start:s.end], s.depth) for s in spans] == [("He told me \u2018go\u2019 now,", 0), ("go", 1)]


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"))))
def test_any_text_pairs_without_raising_and_spans_are_flanked_by_marks(text):
    spans, warnings = pair_quotes(text)
    for s in spans:
        assert 0 < s.start <= s.end < len(text)
        assert text[s.start - 1] == s.open_mark and text[s.end] == s.close_mark
    assert all(isinstance(w, str) for w in warnings)


@pytest.mark.parametrize("text", ['x "" y', "``''", "It's ''", "````", '""""'])
def test_empty_pairs_are_not_quotations(text):
    spans, warnings = pair_quotes(text)
    assert all(s.start < s.end for s in spans)


def test_an_empty_pair_is_a_warning():
    spans, warnings = pair_quotes('He wrote "" and left.')
    assert spans == [] and any(w.startswith("empty quotation marks") for w in warnings)


def test_latex_marks_pair_as_one_quotation():
    text = "He said ``this is it.'' Then the ``reform'' came."
    assert contents(text) == ["this is it.", "reform"]


def test_a_text_of_many_stray_marks_gets_a_few_warnings_and_a_count() -> None:
    spans, warnings = pair_quotes('"' * 1000)
    assert all(s.start < s.end for s in spans)
    assert len(warnings) == MAX_MARK_WARNINGS + 1
    assert warnings[-1] == f"{500 - MAX_MARK_WARNINGS} more unpaired or empty quotation marks not listed"


def test_a_straight_mark_after_a_space_at_the_end_of_a_line_closes():
    text = 'The question: "And so the team had not yet interviewed her "\n\nThe answer: "Correct."'
    spans, warnings = pair_quotes(text)
    assert [text[s.start:s.end] for s in spans] == ["And so the team had not yet interviewed her ", "Correct."]
    assert warnings == []
    # with nothing open it stays a stray mark: it never opens a quotation into the next paragraph
    text = 'He paused "\n\n"We will win," she said.'
    spans, warnings = pair_quotes(text)
    assert [text[s.start:s.end] for s in spans] == ["We will win,"]
    assert len(warnings) == 1
