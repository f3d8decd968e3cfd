"""Attributions: who is reported as saying what, with which reporting verb, and how the source is identified.

For every reporting cue from the reporting-verb lexicon ("said", "according to", "lauded", "quoted ... as
saying") the detector finds

* the **source**: the subject noun phrase before the cue ("Major General Mohammad Baqeri said"), after it in
  inversions (`"...," said the minister`) or after "according to"; a relative clause or an appositive between
  subject and verb is skipped ("Smith, a spokesman for the ministry, said");
* the **source type**: ``named_person``, ``named_org``, ``title_only`` (a role or description with no name: "the
  minister", "the report"), ``anonymous`` (unnamed or indefinite: "sources", "a senior official", "critics",
  "an official who declined to be named"), ``pronoun`` (resolved to the last named speaker of that kind),
  ``media`` (a relay: "al-Mayadeen TV quoted the minister as saying") or ``none``;
* the **content**: an adjacent quotation, the clause after the cue ("said that ...") or the clause before it
  ("..., he said");
* ``via``: the medium or intermediary of a second-hand chain ("X quoted Y as saying", "Y was quoted by X",
  a cue inside the content of a media source's report).

Ambiguous verbs ("added", "noted", "called", "reported") count as cues only with evidence of reported content
next to them (a quotation, "that", a colon or comma, or the end of the clause).

Cannot: parse syntax. Sources are found by capitalisation and a few closed word classes, so a long lower-case
subject ("people who attended the rally") may be cut short, and verbs of belief or intention ("wants",
"believes") are not attributions here.
"""

from __future__ import annotations

from framing.config import Config
from framing.detect.attributions._base import (
    Attr,
    Ctx,
)
from framing.detect.attributions.content import (
    find_content,
)
from framing.detect.attributions.cues import (
    is_cue,
    negated_cue,
    relays,
)
from framing.detect.attributions.sources import (
    find_source,
    trim_source,
)
from framing.detect.attributions.speakers import (
    chains,
    classify_and_resolve,
)
from framing.lexicons import Lexicon
from framing.text.document import Document

__all__ = ["Attr", "detect"]


# Pronouns that point at a thing or an event, never at someone who speaks.
_DEMONSTRATIVES = frozenset(("this", "that", "these", "those", "which", "what"))


def _heading_end(doc: Document, last: int) -> bool:
    """Does a cue end a heading of three words or fewer that reports nothing ("Story highlights", "Officials say")?
    Page furniture, not an attribution: it has no content, and its "source" would stand for a person."""
    k = doc.paragraph_index(doc.tok_start[last])
    if k < 0:
        return False
    para = doc.paragraphs[k]
    toks = doc.tokens_in(para.start, para.end)
    if len(toks) > 3 or toks.stop - 1 != last:
        return False
    if doc.text[doc.tok_end[last]:para.end].strip():
        return False
    # (quotation marks are not tokens: `"No," he said` is a quotation with its attribution, not a heading)
    return not any(c in _QUOTE_CHARS for c in doc.text[para.start:para.end])


_QUOTE_CHARS = frozenset("\"\u201c\u201d\u2018\u2019'\u00ab\u00bb\u201e")


def detect(doc: Document, verbs: Lexicon, sources: Lexicon, cfg: Config) -> list[Attr]:
    """Attributions in ``doc``, in text order."""
    if not doc.words:
        return []
    ctx = Ctx(doc, sources, cfg)
    out: list[Attr] = []
    taken: set[int] = set()
    for a in relays(ctx):
        out.append(a)
        taken.update(range(a.cue_first, a.cue_last + 1))
    for m in verbs.find(doc.words, doc.text, doc.tok_start, doc.tok_end):
        if m.first in taken:
            continue
        if not is_cue(ctx, m.first, m.last, m.entry.term, m.entry.flags) or _heading_end(doc, m.last) \
                or _in_anonymity_clause(ctx, m.first, m.last):
            continue
        si = doc.sentence_of(doc.tok_start[m.first])
        out.append(Attr(m.first, m.last, m.entry.term, m.entry.category, si, negated=negated_cue(ctx, m.first)))
    out.sort(key=lambda a: a.cue_first)
    ctx.attrs = out
    ctx.attr_starts = [a.cue_first for a in out]
    for a in out:
        if a.source is None and a.lemma not in ("quoted as", "quote"):
            find_source(ctx, a)
        if a.source is not None and a.source[0] == a.source[1] and doc.words[a.source[0]] in _DEMONSTRATIVES:
            a.source = None  # "This was after writing that ...": a demonstrative subject stands for an event
        trim_source(ctx, a)
        find_content(ctx, a)
    classify_and_resolve(ctx, out)
    chains(ctx, out)
    return out


def _in_anonymity_clause(ctx: Ctx, first: int, last: int) -> bool:
    """Is the cue part of a clause that says why a source is not named ("an official, who asked not to be named,
    said", "speaking on condition of anonymity")? It reports the source's request, not what anyone says."""
    d = ctx.doc
    if d.words[first] not in ctx.words.anonymity_words:
        return False
    lo, hi = d.tok_start[first], d.tok_end[last]
    for m in ctx.words.anonymity.finditer(d.folded, max(0, lo - _ANONYMITY_LEAD), min(len(d.text), hi + 40)):
        if m.start() <= lo and hi <= m.end() and m.group().startswith(("who ", "speaking ")):
            return True
    return False


# How far before a cue a clause of anonymity may start ("who did not want to be named").
_ANONYMITY_LEAD = 24
