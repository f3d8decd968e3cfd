"""Loaded terms: every match of the loaded-terms lexicon, with its category, weight and voice.

Matching is on folded word tokens (case, curly quotes and dashes folded; hyphen and space alike), longest match
first, so "axis of resistance" wins over "resistance" and an entry's ``exclude`` phrases ("bomb blast") block it.

``voice`` is ``quoted`` when the match lies inside someone else's words (a direct or partial quotation, a title,
name or mention, or a post embedded from social media: :mod:`framing.text.embeds`), and ``author`` otherwise,
including inside the writer's own scare quotes.

Cannot: tell senses apart beyond the ``exclude`` phrases ("a brutal winter" is flagged like "a brutal regime"),
or see loading that needs no loaded word (selection, placement, omission).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from framing import explanations
from framing.findings import LoadedTerm, Voice
from framing.lexicons import Lexicon
from framing.text.document import Document


def detect(doc: Document, lexicon: Lexicon, quoted: Sequence[tuple[int, int]] = (),
           named: Sequence[tuple[int, int]] = ()) -> list[LoadedTerm]:
    """Loaded terms in ``doc``. ``quoted`` lists the (start, end) spans of other people's words, sorted; terms inside
    one of the sorted ``named`` spans (titles of works, names: "Parasite") are nobody's wording and are left out."""
    inside_quoted = inside(quoted)
    inside_named = inside(named)
    out: list[LoadedTerm] = []
    for m in lexicon.find(doc.words, doc.text, doc.tok_start, doc.tok_end):
        s, e = doc.tok_start[m.first], doc.tok_end[m.last]
        if inside_named(s, e) or _written_as_a_name(doc, m.first, m.entry.term):
            continue
        voice: Voice = "quoted" if inside_quoted(s, e) else "author"
        en = m.entry
        text = doc.original[s:e]
        expl = explanations.loaded_term(text, lexicon.name, en.category, en.term, en.weight, en.neutral, voice)
        out.append(LoadedTerm(s, e, text, en.term, en.category, en.weight, en.neutral, voice, lexicon.name, expl))
    return out


def _written_as_a_name(doc: Document, first: int, term: str) -> bool:
    """Is the match at token ``first`` the title of a work, named right after its noun ("the film Bombshell", "the
    series Succession")? A lexicon term written in lower case, capitalised here after a noun for a work: English
    capitalises titles. (Capitals alone are no sign: "Remoaners", "Deep State" and "Orwellian" are loaded words
    written capitalised.)"""
    if first < 2 or not term[:1].islower() or doc.words[first - 1] not in _WORK_NOUNS \
            or doc.words[first - 2] not in _WORK_DETERMINERS:
        return False  # ("The new poll shows Radical Islamist groups": "shows" is a verb; "the show" is a noun)
    text = doc.text
    c = text[doc.tok_start[first]]
    return c.isupper() and text[doc.tok_end[first - 1]:doc.tok_start[first]] == " " \
        and not text[doc.tok_start[first - 1]].isupper()


# Determiners right before such a noun ("the film Bombshell", "her book Unbowed"; with an adjective between them,
# "her new book Unbowed", the title stays unread).
_WORK_DETERMINERS = frozenset("the a an this that his her their its our my your".split())
# Nouns for a work whose title may follow them unquoted ("the film Bombshell").
_WORK_NOUNS = frozenset("""film films movie movies show shows series sitcom drama documentary book books novel novels
    memoir song songs album albums play musical opera podcast game episode painting poem""".split())


def inside(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test "is [s, e) inside one of ``spans``" for sorted spans (nested, disjoint or overlapping): a span starting
    at or before s holds it iff the running maximum of the ends up to s reaches e."""
    starts = [s for s, _ in spans]
    max_end = list(accumulate((e for _, e in spans), max))

    def test(s: int, e: int) -> bool:
        k = bisect_right(starts, s)
        return k > 0 and max_end[k - 1] >= e

    return test
