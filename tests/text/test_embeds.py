import random

import pytest

import framing
from framing.text.document import prepare
from framing.text.embeds import Embed, find_embeds

TWEET = ("The group answered on Twitter.\n\n"
         "We are a media organization and the corrupt regime knows it. pic.twitter.com/Z5S8JI6BYm "
         "\u2014 WikiLeaks (@wikileaks) October 11, 2016\n\n"
         "The exchange went on.")


def embeds(text):
    doc = prepare(text)
    return find_embeds(doc.text, doc.para_starts)


def test_a_post_runs_from_its_paragraph_to_its_signature():
    (e,) = embeds(TWEET)
    assert e == Embed(TWEET.index("We are"), TWEET.index("2016") + 4, "WikiLeaks", "wikileaks")


@pytest.mark.parametrize("text", [
    "He was born - or so he says - in May 1, 2020.",  # a dash with no handle
    "Write to us (@desk) any day.",  # a handle with no signature
    "\u2014 (@x) May 1, 2020",  # a signature with no name and nothing before it
])
def test_no_post_without_a_whole_signature_after_some_words(text):
    assert embeds(text) == []


@pytest.mark.parametrize("text, author, handle", [
    ("Fight on \u2014 Sarah Iannarone (she/her) (@sarahforpdx) November 5, 2019", "Sarah Iannarone (she/her)",
     "sarahforpdx"),  # a display name with brackets of its own
    ("Rest in peace A photo posted by Joey (@spiritofsound_l) on Mar 22, 2016 at 3:01am PDT", "Joey", "spiritofsound_l"),
])
def test_other_signatures(text, author, handle):
    (e,) = embeds(text)
    assert (e.start, e.end, e.author, e.handle) == (0, len(text), author, handle)


def test_a_handle_in_a_sentence_is_no_post():
    assert embeds("Follow the Opinion section on Twitter (@NYTopinion) and Instagram.") == []


def test_two_posts_in_one_paragraph_are_two():
    text = "First post. \u2014 Ann (@ann) May 1, 2020 Second post. \u2014 Bo (@bo) May 2, 2020"
    assert [(text[e.start:e.end].split(" \u2014")[0].strip(), e.author) for e in embeds(text)] == [
        ("First post.", "Ann"), ("Second post.", "Bo")]


def test_loaded_words_in_an_embedded_post_are_not_the_writers_voice():
    found = framing.analyse(TWEET).of_type("loaded_term")
    assert [(t.text, t.voice) for t in found] == [("corrupt", "quoted"), ("regime", "quoted")]
    assert "embedded from social media" in found[0].explanation


def test_posts_are_found_in_any_text_without_error():
    rng = random.Random(11)
    pieces = ["\u2014 ", "-", "Jane Doe ", "(@jdoe)", " May 1, 2020", "\n", "text ", "(", ")", "\u2013"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        for e in embeds(text):
            assert 0 <= e.start < e.end <= len(text) and e.author and text[e.end - 4:e.end].isdigit()
