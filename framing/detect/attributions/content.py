"""What is reported: an adjacent quotation, the clause after the cue or the clause before it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from framing.detect.attributions._base import (
    ADDRESSEES,
    SKIP_AFTER_CUE,
    SOURCE_AFTER_PHRASES,
    WEEKDAYS,
    Attr,
    Ctx,
)
from framing.text.quotemarks import QuoteSpan, opening_start


# ------------------------------------------------------------------------------------------------- content
def find_content(ctx: Ctx, a: Attr) -> None:
    d = ctx.doc
    text = d.text
    cue_s, cue_e = d.tok_start[a.cue_first], d.tok_end[a.cue_last]
    lo = min(cue_s, d.tok_start[a.source[0]]) if a.source else cue_s
    if a.via_span is not None:
        lo = min(lo, d.tok_start[a.via_span[0]])
    hi = max(cue_e, d.tok_end[a.source[1]]) if a.source else cue_e
    # a quotation ending just before the source-and-cue: `"...," Smith said` / `"...," said Smith`
    top, top_starts, top_ends = ctx.top_quotes
    k = bisect_right(top_ends, lo - 1) - 1  # the last outermost quotation ending before lo
    if k >= 0:
        q = top[k]
        between = text[q.end + 1:lo]
        # a quotation that ends its sentence with a full stop belongs to a following "X said" only when that is all
        # the next clause says (`"...." Smith said.`), not when it goes on (`"... liar." Fiorina said Cruz ...`)
        closed = text[q.end - 1:q.end] == "." and not _clause_ends_at(text, hi)
        # a cue before a colon introduces what follows it (`"...." Mr. Zahed said: "..."`), not what went before;
        # but one who "added" or "continued" said the quotation before too
        introduces = text[hi:hi + 3].lstrip(" ")[:1] == ":" and a.lemma not in ("add", "continue")
        if (len(between) <= 5 and "\n" not in between and _PUNCT_ONLY.fullmatch(between)
                or _DESCRIBED_BEFORE.fullmatch(between) and _described_source(ctx, a, q, hi)) \
                and not closed and not introduces:
            # (or with a description of the source set off before its name: `"...," one of the released detainees,
            # Kim Dong Chul, said`, `"...," a spokesman, Tim Shenk, said`)
            a.content = (q.start, q.end)
            a.quote = q
            return
    # a quotation starting right after the cue (and source): `Smith said: "..."`, `said, "..."`
    after_lo = hi
    k = bisect_right(top_starts, after_lo)  # the first outermost quotation whose mark is at or after after_lo
    if k < len(top):
        q = top[k]
        opening = opening_start(text, q)
        between = text[after_lo:opening]
        if len(between) <= 60 and not re.search(r"[.!?\n]", between) and _only_adjuncts(between) \
                and not _cue_between(ctx, a, opening):
            a.content = (q.start, q.end)
            a.quote = q
            return
    if a.sentence < 0:
        return
    sent = d.sentences[a.sentence]
    # Only the ends of the sentence are read here (never the whole of it once per cue): a sentence may be as long
    # as the text, and may hold thousands of cues.
    # "The New York Times reports:" at the end of a paragraph introduces the quotation that opens the next one
    last = _rstrip_end(text, hi, sent.end, " \t\r\n")
    if last > hi and text[last - 1] == ":" and last - hi <= _MAX_INTRO and _only_adjuncts(text[hi:last - 1]):
        k = bisect_right(top_starts, sent.end)
        nxt = top[k] if k < len(top) else None
        if nxt is not None and d.sentence_of(nxt.start - 1) == a.sentence + 1:
            a.content = (nxt.start, nxt.end)
            a.quote = nxt
            return
    # content after the cue: "said (on Wednesday) (that) ...", "told reporters (that) ...", "said in an interview
    # that ..."
    start = _after_adjuncts(text, hi, sent.end, a.lemma)
    end = _rstrip_end(text, start, sent.end, " .!?\"\u201d\u2019'\u00bb\u00ab\u203a\u2039\u201c")
    if _THREE_WORDS.match(text, start, min(end, start + _WORDS_WINDOW)) and not (
            a.lemma in _SAYING and _ADJUNCT_ONLY.fullmatch(text, start, end)
            and not _ADJUNCT_VERB.search(text, start, end)):
        a.content = (start, end)
        return
    # content before: "The deal is good, the minister said."
    end = _rstrip_end(text, sent.start, lo, " ,\u2014\u2015-")
    if _THREE_WORDS.match(text, sent.start, min(end, sent.start + _WORDS_WINDOW)):
        a.content = (sent.start, end)


def _after_adjuncts(text: str, i: int, end: int, lemma: str) -> int:
    """Where reported content after a cue starts: past whom it was said to (after a verb of telling, "told
    reporters", "assured them"; after a verb of saying or telling, "to reporters"), when ("on Wednesday", "last week",
    "earlier"), how ("publicly", "in a statement", "at a news conference") and a "that" ("said in an interview that
    ..."). A few adjuncts at most, so the work per cue stays bounded."""
    m = _LEAD.match(text, i, end)
    pos = m.end() if m else i
    telling = lemma in _TELLING
    saying = telling or lemma in _SAYING
    for _ in range(_MAX_ADJUNCTS):
        m = (_ADDRESSEE.match(text, pos, end) if telling else None) \
            or (_TO_HEARERS.match(text, pos, end) if saying else None) \
            or _TIME.match(text, pos, end) or _MANNER.match(text, pos, end) or _SETTING.match(text, pos, end) \
            or _PLACE.match(text, pos, end) or _PLACE_BEFORE_THAT.match(text, pos, end)
        if m is None:
            break
        pos = m.end()
    m = _THAT.match(text, pos, end)
    return m.end() if m else pos


_LEAD = re.compile(r"[\s,:]+")
# Verbs whose object is the hearer, not what is said: "told reporters that ...", "warned them that ...".
_TELLING = frozenset("tell inform assure reassure remind warn brief promise advise notify".split())
# Verbs of saying, whose complement is a clause, never a prepositional object ("commented on his death", "called
# on Congress to act" are another kind): a prepositional phrase after them is an adjunct.
_SAYING = frozenset(("say", "tell", "add", "write", "state", "report", "note", "explain", "announce", "according to"))
# What is left after a verb of saying is a short prepositional phrase ending the sentence, an adjunct and not reported
# content: "said in court papers.", "according to people briefed on the talks." A number, a verb form or an
# auxiliary in it makes it a clause: "said at least 12 people died", "said in 2020 inflation rose".
_ADJUNCT_ONLY = re.compile(r"(?:in|on|at|during|via|through|from)\s+(?:(?!" + "|".join(
    "to is are was were be been will would can could should may might must has have had do does did".split())
    + r"\b)[^\s\d]+\s+){0,3}[^\s\d]+")
_ADJUNCT_VERB = re.compile(r"\w(?:ed|ing)\b")
# The hearer after a verb of telling: a pronoun object only before what opens the content ("told her that", "told her
# the plan"; "warned her party would lose" is her party), "us" and "me" only in lower case (not "US media").
_ADDRESSEE = re.compile(r"(?:(?i:" + "|".join(sorted(ADDRESSEES - {"him", "her", "us", "me"})) + r")\b"
                        r"|(?:him|us|me)\b|(?i:her)(?=[\s,]+(?:that|the|an?|this|he|she|they|it|we|i|you)\b|,))"
                        r"[\s,]*")
# "said to reporters", "wrote privately to colleagues": the whole noun phrase, before "that", a comma or the end
_TO_HEARERS = re.compile(r"(?i:to\s+(?:reporters|journalists|colleagues|staff|supporters|lawmakers|employees|members|"
                         r"viewers|listeners|the\s+(?:press|media|audience|crowd|reporters|journalists)))"
                         r"(?=\s*(?:,|that\b|$))[\s,]*")
_TIME_NOUN = "(?:" + "|".join(sorted(WEEKDAYS)) + "|today|yesterday|tonight|morning|afternoon|evening|night|week|" \
    "weekend|month|year)"
# A time, not when it is the subject of the content ("said Monday was the deadline") nor part of a word
# ("week-long", "Thursday's"), nor an adverb before a participle ("recently elected leaders")
_NOT_SUBJECT = r"(?![\w'\u2019-])(?!\s+(?:is|was|were|are|will|would|has|had|could|can|marks|marked)\b)"
_BEFORE_PARTICIPLE = r"(?![\s,]+\w+(?:ed|en)\b)"
_TIME = re.compile(r"(?i:(?:(?:on|last|this|next|late|early|earlier|later)\s+)?" + _TIME_NOUN + r"(?:\s+"
                   + _TIME_NOUN + r")?" + _NOT_SUBJECT + r"|(?:earlier|later|recently)(?![\w-])" + _BEFORE_PARTICIPLE
                   + r")[\s,]*")
_MANNER = re.compile(r"(?i:(?:also|again|publicly|privately|repeatedly|separately)(?![\w-])" + _BEFORE_PARTICIPLE
                     + r")[\s,]*")
# "in a statement", "at a news conference", "during an interview", "on the phone", "in an email to staff"
_SETTING = re.compile(r"(?i:(?:in|at|during|on|over)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:statement|interview|conference|briefing|speech|email|e-mail|phone|call|post|tweet|letter|"
                      r"message|meeting|hearing|rally|address|sermon|podcast|broadcast|documentary)s?)\b[\s,]*")
# a capitalised place or medium after a lower-case "in", "at" or "on", before the lower-case words of the content:
# "said in Washington the ...", "noted on Twitter the ..." (a capitalised "In" opens the content: "In God We Trust")
_PLACE = re.compile(r"(?:in|at|on)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}[\s,]+(?=[a-z])")
# a place or occasion after a preposition, when a "that" opening a clause follows (not a relative "that" before a
# verb: "steps that could increase"): "said in Washington that", "said at the time that"
_PLACE_BEFORE_THAT = re.compile(r"(?i:in|at|during|on|from)\s+(?:(?!to\b)[\w'.\u2019-]+\s+){0,4}?(?!to\b)[\w'.\u2019-]+"
                                r"\s+(?=that\s+(?!(?:would|could|should|will|can|may|might|must|had|has|have|is|was|"
                                r"were|are|did|does|do)\b))")
_THAT = re.compile(r"that\s+")
_MAX_ADJUNCTS = 4
# Reported content has at least three words; they show within the first few hundred characters.
_THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")
_WORDS_WINDOW = 400
# A colon introduction ("The New York Times reports:") is short.
_MAX_INTRO = 200


def _cue_between(ctx: Ctx, a: Attr, end: int) -> bool:
    """Does another clause with its own cue stand between ``a``'s cue and offset ``end``, after a comma? ("After
    Russia denied it, officials said it was '...'": the quotation is what the later clause reports.) A parenthetical
    inside ``a``'s own clause does not take it: an "as", "who" or "which" clause or an "according to" between commas
    ("Smith said, as aides had warned, '...'"); and "According to X, Y said '...'" reports Y's words through X."""
    if a.lemma in SOURCE_AFTER_PHRASES:
        return False
    k = bisect_right(ctx.attr_starts, a.cue_last)
    if k >= len(ctx.attr_starts):
        return False
    d = ctx.doc
    other = d.tok_start[ctx.attr_starts[k]]
    between = d.text[d.tok_end[a.cue_last]:other]
    comma = between.find(",")
    if other >= end or comma < 0:
        return False
    return _PARENTHETICAL.match(between, comma + 1) is None and ctx.attrs[k].lemma not in SOURCE_AFTER_PHRASES


# What opens a parenthetical after a comma: "as aides had warned", "who had asked", "which".
_PARENTHETICAL = re.compile(r"\s*(?:as|who|whom|which|where)\b", re.IGNORECASE)


def _clause_ends_at(text: str, i: int) -> bool:
    """Does a clause end at offset i (punctuation or the end of the line, allowing a short time adjunct)?"""
    return bool(_CLAUSE_END.match(text, i))


_CLAUSE_END = re.compile(r"(?:\s+(?:on|in|at|last|this)?\s*\w+day)?\s*(?:[.,;:!?\u2014\u2015\u2013]|$|\n)")


def _rstrip_end(text: str, start: int, end: int, chars: str) -> int:
    """The end of ``text[start:end].rstrip(chars)``, without copying the slice."""
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


# A description set off by commas between a quotation and the name that speaks it: a determiner or a possessive and at
# most six more words, with no reporting verb or quotation mark among them.
_DESCRIBED_BEFORE = re.compile(r",?[ \t]+(?:a|an|the|one|some|another|his|her|their|its|our|[A-Z][\w-]*['\u2019]s)"
                               r"(?:[ \t]+(?!(?:said|says|told|tells|added|asked)\b)[\w'\u2019-]+){1,6},[ \t]+")
# ... and only when the verb goes on to no content of its own: the sentence ends, or an adjunct follows ("said through
# a translator when asked ...")
_NO_CONTENT_AFTER = re.compile(r"[ \t]*(?:[.,;:!?\n]|$|(?:through|in|on|at|when|as|after|while|before|during|via|"
                               r"from|to|with|outside)\b)")


def _described_source(ctx: Ctx, a: Attr, q: QuoteSpan, hi: int) -> bool:
    """May quotation ``q`` be the content of ``a`` across a description set off before the source's name
    (`"...," one of the released detainees, Kim Dong Chul, said through a translator`)? The source is a name before
    its verb (not "according to witnesses", not "the plan, critics say"), no reporting verb comes before the quotation
    in its sentence (not a scare quote inside a clause), and the verb goes on to no content of its own: the end, a
    participle ("said, adding that"), or adjuncts with no "that" after them ("said in a statement that ..." has its
    own content). The look after the verb is bounded."""
    d = ctx.doc
    text = d.text
    if a.lemma in SOURCE_AFTER_PHRASES or a.source is None or a.source[1] >= a.cue_first or not ctx.cap(a.source[0]):
        return False
    o = opening_start(text, q)
    si = d.sentence_of(o)
    if si >= 0:
        # a reporting verb earlier in the quotation's sentence makes it that verb's words or a scare quote inside
        # its clause ("Critics call the plan a 'giveaway,' the group's director, Ann Lee, said")
        lo = bisect_left(d.tok_start, d.sentences[si].start)
        k = bisect_left(ctx.attr_starts, lo)
        if k < len(ctx.attr_starts) and d.tok_start[ctx.attr_starts[k]] < o:
            return False
    m = _NO_CONTENT_AFTER.match(text, hi)
    if m is None:
        return False
    if _PARTICIPLE_AFTER.match(text, hi, min(len(text), hi + 40)):
        return True  # "said, adding that ...", "said, without evidence"
    end = d.sentences[a.sentence].end if a.sentence >= 0 else len(text)
    start = _after_adjuncts(text, hi, end, a.lemma)
    if start > hi and text[start - 5:start].strip() == "that":
        return False  # "said in a statement that ...", "said to reporters that ..."
    return _ADJUNCT_REST.match(text, start, min(end, start + 200)) is not None


# After the verb: a participle or "without" after a comma, or what may follow adjuncts when no content does.
_PARTICIPLE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:\w+ing|without)\b")
_ADJUNCT_REST = re.compile(r"[ \t]*(?:[.;:!?\n\"\u201d]|$|,[ \t]*(?:\w+ing\b|without\b|as\b|when\b|[\"\u201c])|"
                           r"(?:through|in|on|at|when|as|after|while|before|during|via|from|to|with|outside)\b"
                           r"(?![^,.;]*\bthat\b))")


_PUNCT_ONLY = re.compile(r"[\s,.!?;:\u2014\u2015\u2013\-'\u2019\"\u201d]*")


def _only_adjuncts(between: str) -> bool:
    b = between.strip(" ,:\u2014\u2015-")
    if not b:
        return True
    words = re.findall(r"[\w']+", b.lower())
    return len(words) <= 8 and all(x in SKIP_AFTER_CUE or x in ADDRESSEES or x in ("that", "to") or x[:1].isalpha()
                                   and x not in ("and", "but", "because") for x in words)
