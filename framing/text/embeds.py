"""Posts from social media embedded in an article: the text of a post, then its signature line.

An embedded tweet, as news pages carry it and as extracted page text keeps it, is the post's words followed by
``— Name (@handle) Month D, YYYY`` at the end of its paragraph; an embedded Instagram post ends with ``A photo posted
by Name (@handle) on Mon D, YYYY at H:MMam TZ``. Those words are the account holder's, not the
writer's: a loaded word in them is quoted speech, as it would be inside quotation marks.

Cannot: find a post whose signature was lost in extraction, or one quoted in the writer's sentence without it, or one
whose author line comes first ("Donald J. Trump (@realDonaldTrump) Mr. Cohen, an attorney, ...": the same shape as an
author's biography); tell where a post starts when the writer's own text runs into it on the same line (the whole
paragraph is taken).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Embed:
    start: int  # where the post's paragraph starts
    end: int  # the end of its signature
    author: str  # the name in the signature ("WikiLeaks")
    handle: str  # the account, without "@" ("wikileaks")


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SHORT_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_SPACE = r"[ \t\u00a0]"
# The signatures (a display name is bounded, starts with a non-space and may hold brackets of its own: "Sarah
# Iannarone (she/her)"): a tweet's dash, name, handle in brackets and date; an Instagram post's "A photo posted by"
# line. The spaces after the dash are taken whole (possessive), so a long run of them is read once, not once per split.
_SIGNATURE = re.compile(
    r"(?:[\u2014\u2015\u2013-]" + _SPACE + r"*+(?P<author>[^\s\u2014\u2015\u2013][^\n\u2014\u2015\u2013]{0,59}?)" + _SPACE
    + r"*\(@(?P<handle>\w{1,30})\)"
    + _SPACE + r"*(?:" + _MONTHS + r")" + _SPACE + r"+\d{1,2}," + _SPACE + r"+\d{4}"
    r"|A (?:photo|video|post) (?:posted|shared) by (?P<author2>[^\s][^\n]{0,59}?)" + _SPACE
    + r"*\(@(?P<handle2>[\w.]{1,30})\)"
    + _SPACE + r"+on" + _SPACE + r"+" + _SHORT_MONTHS + _SPACE + r"+\d{1,2}," + _SPACE + r"+\d{4}"
    r"(?:" + _SPACE + r"+at" + _SPACE + r"+\d{1,2}:\d{2}" + _SPACE + r"*[ap]m(?:" + _SPACE + r"+[A-Z]{2,4})?)?)")


def find_embeds(text: str, paragraph_starts: list[int]) -> list[Embed]:
    """The embedded posts of ``text`` in text order; ``paragraph_starts`` are the sorted offsets where its
    paragraphs start (a post runs from its paragraph's start to the end of its signature)."""
    out: list[Embed] = []
    if "(@" not in text:
        return out  # (most articles: decided by one scan for the handle's bracket)
    last_end = 0
    for m in _SIGNATURE.finditer(text):
        k = bisect_right(paragraph_starts, m.start()) - 1
        start = max(paragraph_starts[k] if k >= 0 else 0, last_end)
        author = (m.group("author") or m.group("author2") or "").strip()
        if not author or start >= m.start():
            continue
        out.append(Embed(start, m.end(), author, m.group("handle") or m.group("handle2")))
        last_end = m.end()
    return out
