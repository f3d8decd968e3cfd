"""The terminal view of a report (`framing analyse --format text`): one line per finding, in registry order."""

from __future__ import annotations

import framing
from framing.render import render_text


def test_the_text_view_lists_every_kind_of_finding_with_offsets():
    text = 'Critics slammed the "reform", officials said. "It is a disaster," Mayor Ana Ruiz said.'
    out = render_text(framing.analyse(text, id="a1", source="Wire").to_dict())
    lines = out.splitlines()
    assert lines[0] == f"a1  (Wire; {framing.analyse(text).n_words} words)"
    assert lines.index("  loaded terms") < lines.index("  quotations") < lines.index("  attributions")
    assert "    [8:15] 'slammed'" in out
    # a quotation's and an attribution's line end with the speaker's role
    assert "    [47:64] direct   \u201cIt is a disaster,\u201d  \u2014 Ana Ruiz (said) [politician]" in lines
    assert "named_person Mayor Ana Ruiz, taken to be Ana Ruiz [politician]" in out
    assert out.rstrip().splitlines()[-1].startswith("  sentiment: polarity")


def test_the_text_view_of_an_empty_text_says_so():
    out = render_text(framing.analyse("").to_dict())
    assert "0 loaded terms" in out and "warning: empty text" in out


def test_the_text_view_of_an_article_in_another_language():
    text = "Der Stadtrat hat am Dienstag über den Plan abgestimmt, sagten Beamte; die Opposition nannte ihn gut."
    out = render_text(framing.analyse(text).to_dict())
    assert "sentiment: not assessed" in out and "warning: the text is in German" in out


def test_a_stored_articles_title_date_and_event_head_its_text_on_one_line_each():
    # (new-user trial, 2026-12-07: `framing show` left out the title, date and event a store keeps)
    rep = framing.analyse("The mayor said the road would reopen.", id="a1", source="Wire").to_dict()
    rep.update(title="Road\x1b[31m to\nreopen", date="2024-03-05", event="roads")
    out = render_text(rep).splitlines()
    assert out[0].startswith("a1  (Wire; 2024-03-05; event roads; ")
    assert out[1] == "  Road [31m to reopen"
