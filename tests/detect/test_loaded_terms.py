import pytest

import framing


def terms(text):
    return [(f.text, f.category, f.voice) for f in framing.analyse(text).of_type("loaded_term")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Critics slammed the brutal regime.", [("slammed", "emotive", "author"), ("brutal", "emotive", "author"),
                                                ("regime", "actor_label", "author")]),
        ('"The regime is brutal," he said.', [("regime", "actor_label", "quoted"), ("brutal", "emotive", "quoted")]),
        ("The weather was calm and the council met.", []),
        ("He spoke of the axis of resistance.", [("axis of resistance", "conflict", "author")]),
    ],
)
def test_terms_and_voice(text, expected):
    assert terms(text) == expected


def test_scare_quoted_words_are_the_writers_own():
    found = terms('The "peaceful" thugs arrived, officials said.')
    assert [v for t, _, v in found if t == "thugs"] == ["author"]


def test_explanation_names_entry_category_and_neutral_alternative():
    f = framing.analyse("The regime fell.").of_type("loaded_term")[0]
    assert '"regime"' in f.explanation and "actor label" in f.explanation
    assert f.neutral and f.neutral in f.explanation


def test_the_title_of_a_work_named_after_its_noun_is_not_the_writers_loaded_word():
    assert terms("Critics loved the film Bombshell and the series Succession.") == []
    # the same word as a word stays loaded, and so do loaded words the writer capitalises ("Remoaners")
    assert terms("It was a bombshell report that whiny Remoaners hated.") == [
        ("bombshell", "emotive", "author"), ("whiny", "pejorative", "author"), ("Remoaners", "partisan", "author")]
    # "shows" after a noun is a verb, not the noun of a work
    assert terms("The new poll shows Radical Islamist groups gaining ground.") == [
        ("Radical Islamist", "actor_label", "author")]
