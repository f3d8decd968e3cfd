"""Regular inflections of lexicon lemmas: the forms a text uses are among the candidates (over-generation such as
"slamed" is harmless: no text has it, so it matches nothing)."""

from __future__ import annotations

import pytest

from framing.inflect import adverb_forms, expand, noun_forms, verb_forms


@pytest.mark.parametrize("lemma, forms", [
    ("slam", {"slams", "slammed", "slamming"}),  # consonant doubled
    ("claim", {"claims", "claimed", "claiming"}),
    ("deny", {"denies", "denied", "denying"}),  # y after a consonant
    ("agree", {"agrees", "agreed", "agreeing"}),  # final e kept before -ing after ee
    ("tie", {"ties", "tied", "tying"}),  # ie -> y before -ing
    ("label", {"labelled", "labeled", "labelling", "labeling"}),  # British and American spellings
])
def test_verb_forms(lemma, forms):
    assert forms <= set(verb_forms(lemma))


@pytest.mark.parametrize("lemma, forms", [
    ("thug", {"thugs"}), ("policy", {"policies"}), ("box", {"boxes"}), ("regime", {"regimes"}),
])
def test_noun_forms(lemma, forms):
    assert forms <= set(noun_forms(lemma))


@pytest.mark.parametrize("adjective, adverb", [
    ("bizarre", "bizarrely"), ("dramatic", "dramatically"), ("angry", "angrily"), ("brutal", "brutally"),
])
def test_adverb_forms(adjective, adverb):
    assert adverb in adverb_forms(adjective)


def test_expand_keeps_the_term_first_and_inflects_the_head():
    assert expand(("slam",), "verb")[0] == ("slam",)
    assert ("slammed",) in expand(("slam",), "verb")
    assert expand(("axis", "of", "evil"), "noun") == [("axis", "of", "evil"), ("axis", "of", "evils")]
