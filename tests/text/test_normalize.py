from hypothesis import given
from hypothesis import strategies as st

from framing.text.normalize import _FOLD, FOLD_TABLE, fold_marks, normalize


def test_folds_quotes_dashes_spaces_and_case():
    n = normalize("Don\u2019t \u201cGo\u201d\u00a0now \u2014 OK")
    assert n.norm == "don't \"go\" now - ok"
    assert n.to_original(3) == 3


def test_folding_keeps_length_even_when_lowercase_would_expand():
    text = "\u0130stanbul said"  # "İ".lower() is two characters
    n = normalize(text)
    assert n.norm == "istanbul said"
    start = n.norm.index("said")
    s, e = n.span_to_original(start, start + 4)
    assert text[s:e] == "said"


@given(st.text())
def test_folding_is_character_for_character(text):
    n = normalize(text)
    assert len(n.norm) == len(text)
    assert all(n.to_original(i) == i for i in range(len(text)))


@given(st.text(alphabet=st.sampled_from(sorted(_FOLD) + list("ab 'x\"-`\u0130"))) | st.text())
def test_fold_marks_is_the_fold_table(text):
    assert fold_marks(text) == text.translate(FOLD_TABLE)
