"""Who says a quotation: one chain of evidence, strongest first.

1. An attribution whose content holds the quotation (``"...," Smith said``; ``said the deal "increases ..."``).
2. An attribution with a source elsewhere in the quotation's sentence: a sentence that reports someone's words
   puts its quotations in their mouth ("Trump's 'excesses' are sickening, Hollande said").
3. Layouts that name the speaker without a verb: a headline "Name: '...'", an epigraph signed after a dash, a
   transcript label ("TRUMP: ..."), a paragraph introduced by a colon at the end of the one before.
4. A clause that continues the last speaker's turn in this or the previous paragraph.

Cannot: resolve a speaker the text gives only through a document several sentences earlier ("the memo ... It
also 'calls upon ...'"), or tell that a later, ironic repetition of someone's words is the writer's own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from framing.detect.attributions import Attr
from framing.detect.attributions._base import (
    HEADLINE_KICKERS,
    MONTHS,
    OPENING_CONJUNCTIONS,
    PERSON_PRONOUNS,
    TRANSCRIPT,
)
from framing.detect.attributions.sources import told_passive
from framing.detect.quotes._context import QuoteContext
from framing.text.quotemarks import QuoteSpan, opening_start
from framing.text.truecase import name_case
from framing.text.wordclass import tag


class Speaker(NamedTuple):
    name: str | None
    cue: str | None
    how: str  # "cue" when an attribution covers the quotation, otherwise the layout or "none"


class LastTurn(NamedTuple):
    """The last speaker quoted: their name, cue and paragraph."""

    name: str | None
    cue: str | None
    paragraph: int


NOBODY = Speaker(None, None, "none")

# The dashes that sign a quotation: the em and en dash, a hyphen (one or two), and the horizontal bar (U+2015, the
# "quotation dash" of typography, which some outlets use for every dash). In the signature patterns "<sp>" is a space
# or tab or no-break space (web pages often put one around a dash) and "<dash>" one of those dashes.


def _signature(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("<sp>", "[ \t\u00a0]").replace("<dash>", "[\u2014\u2013\u2015-]{1,2}"))


# (each word's letters are taken whole, possessively: a long capitalised word is never tried as several words, which
# made these patterns take time growing with the fourth power of its length)
SIGNED = _signature(r"<sp>*<dash><sp>*((?:[A-Z][\w.\u2019'-]*+<sp>?){1,4}(?:\d[\d:]*)?)<sp>*(?:\n|$)")
# The same with who the signer is after a comma, to the end of the line, as testimonials and pull quotes are signed:
# "“...” — Maria Lopez, 24, Texas".
SIGNED_DESCRIBED = _signature(r"<sp>*<dash><sp>*((?:[A-Z][\w.\u2019'-]*+<sp>?){1,4}?)<sp>*,"
                              r"[^\n\"\u201c\u201d.!?;]{1,80}\.?<sp>*(?:\n|$)")
# A signature naming a kind of piece and its publication ("— editorial, Los Angeles Times", "— Editorial Board, The
# Wall Street Journal"): the publication speaks through it.
SIGNED_PIECE = _signature(r"<sp>*<dash><sp>*((?i:editorial board|editorial|op-ed|column))<sp>*,<sp>*"
                          r"([A-Z][^\n,\"\u201c\u201d!?;]{0,60}?)\.?<sp>*(?:\n|$)")
# A signature line under a quotation paragraph (fact checks, epigraphs): "- Bernie Sanders." or "-President Obama,
# tweeting after Clinton's speech."
SIGNATURE_LINE = _signature(r"<sp>*\n\s*<dash><sp>*((?:[A-Z][\w\u2019'-]*+\.?<sp>?){1,4}?)<sp>*(?:[.,]|\n|$)")
# (words are bounded in length, here and below, so that matching from each sentence's or line's start for each of
# its quotations stays linear in the text however long a run of letters it holds)
LEADING_NAME = re.compile(r"((?:[A-Z][\w.\u2019'-]{0,40}[ \t\u00a0]+){0,5}[A-Z][\w\u2019'-]{1,40})(?=[\s,])")
FIRST_WORD = re.compile(r"([A-Za-z]{1,40})\b")
# Words that open a fronted adverbial: prepositions, subordinators, time words and numbers ("Two days later, ...").
FRONTED = frozenset("""at in on after before during over amid since as when while although though despite following
    under with without by for from across inside outside until upon last earlier later yesterday today meanwhile
    shortly soon whether if because unless once whereas
    one two three four five six seven eight nine ten several hours days weeks months years""".split())
# A fronted adverbial ends with a comma within this many characters.
MAX_ADVERBIAL_CHARS = 90
HEADLINE_COLON = re.compile(r"\s{0,40}([A-Z][\w.\u2019'-]{0,40}(?:\s[A-Z][\w.\u2019'-]{0,40}){0,3}):\s")
# Contents nest or follow each other: only the last few starting before a quotation can hold it.
CONTENT_CANDIDATES = 40


def speaker_for(ctx: QuoteContext, q: QuoteSpan, last: LastTurn | None, clause: bool) -> Speaker:
    """Speaker and cue of quotation ``q`` (``clause``: does it look like a clause?)."""
    found = _headline_colon(ctx, q)
    if found is not None:
        return found
    found = _covering(ctx, q, clause)
    if found is not None:
        return found
    found = _same_sentence(ctx, q, clause)
    if found is not None:
        return found
    found = _utterance(ctx, q, last)
    if found is not None:
        return found
    found = _as_they_call_it(ctx, q, last)
    if found is not None:
        return found
    found = _layout(ctx, q, clause)
    if found is not None:
        return found
    if clause and len(ctx.text[q.start:q.end].split()) > ctx.cfg.scare_max_words:
        about = _previous_sentence_person(ctx, q)
        if about is not None and (last is None or not last.name or last.name.split()[-1] != about.split()[-1]):
            return Speaker(about, None, "opens the sentence after one about this person")
    if last is not None and last.name and _topic_label(ctx, q) \
            and ctx.para_index(q.start) - last.paragraph <= _TOPIC_LIST_PARAGRAPHS:
        # "On gun ownership: '...'": a list of one speaker's remarks, each under its topic
        return Speaker(last.name, last.cue, "a remark under a topic label, in a list of the last speaker's remarks")
    if last is not None and clause and ctx.para_index(q.start) - last.paragraph <= _TURN_PARAGRAPHS:
        return Speaker(last.name, last.cue, "continues the previous speaker's quotation")
    if last is not None and not clause and ctx.para_index(q.start) == last.paragraph:
        # a fragment in a paragraph that reports a speaker: the surrounding attribution covers it, and the speaker
        # is the sentence's own subject when it names one ("Sessions seemed to lean ..., suggesting ...")
        si = ctx.doc.sentence_of(q.start - 1)
        own = sentence_subject_name(ctx, si, q.start) if si >= 0 else None
        if own is None and _word_in_writers_phrase(ctx, q):
            return NOBODY
        return Speaker(own or last.name, last.cue, "in a paragraph reporting this speaker")
    return NOBODY


def _word_in_writers_phrase(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """Is ``q`` one word inside a noun phrase the writer builds, right after its determiner and any modifiers, with
    only spaces between ("the 'news' network", "our liberal 'free-trading' world order", "If the 'rules' can be
    used")? Asked when no attribution with a source covers the quotation or stands in its sentence: the paragraph's
    speaker is then not said to use the word, the writer is, unless the sentence gives someone's view ("It was, in
    her view, a 'fiasco'")."""
    doc, text = ctx.doc, ctx.text
    content = text[q.start:q.end].strip(" .,;:!?")
    if q.depth > 0 or not content or " " in content:
        return False
    toks = doc.tokens_in(max(0, q.start - 1 - _PHRASE_LEAD_CHARS), q.start - 1)
    words = doc.words
    right = opening_start(text, q)  # the opening mark
    for t in range(toks.stop - 1, max(toks.start, toks.stop - 3) - 1, -1):
        if text[doc.tok_end[t]:right].strip():
            return False  # punctuation between: "Her verdict on the deal — 'dead.'"
        right = doc.tok_start[t]
        if words[t] in _WRITERS_DETERMINERS:
            si = doc.sentence_of(q.start - 1)
            lo = max(doc.sentences[si].start if si >= 0 else 0, q.start - _VIEW_CHARS)
            return _VIEWPOINT.search(text, lo, q.start) is None
        if not tag(words[t]).startswith(("JJ", "NN", "VBN", "VBG")):
            return False  # only modifiers may stand between the determiner and the word
    return False


# How far back the determiner of a quoted word's noun phrase may stand, and which words open such a phrase.
_PHRASE_LEAD_CHARS = 40
_WRITERS_DETERMINERS = frozenset("the a an this that these those our".split())
# Someone's view given in the sentence, within this many characters before the quotation.
_VIEWPOINT = re.compile(r"\b(?:in\s+(?:his|her|their)\s+(?:view|opinion|words|eyes|telling|mind)|"
                        r"(?:to|for)\s+(?:him|her|them)\s*,)", re.IGNORECASE)
_VIEW_CHARS = 200


def _topic_label(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """Does the quotation's paragraph open with a topic label and a colon right before it ("On gun ownership: '...'")?"""
    if q.depth > 0:
        return False
    k = ctx.para_index(q.start)
    if k < 0:
        return False
    return _TOPIC.fullmatch(ctx.text, ctx.doc.paragraphs[k].start, opening_start(ctx.text, q)) is not None


_TOPIC = re.compile(r"\s*(?:On|About|Regarding|Asked about|Asked whether|Asked if)\b[^\n:\"\u201c\u201d]{1,100}:\s*")
# A speaker's turn holds for a clause quoted in the next two paragraphs, when nobody else is reported in between: news
# often sets a paragraph of paraphrase or context between two quotations of one speaker.
_TURN_PARAGRAPHS = 2
# A list of remarks under topic labels follows its speaker's last reported words within a few paragraphs.
_TOPIC_LIST_PARAGRAPHS = 3


def _previous_sentence_person(ctx: QuoteContext, q: QuoteSpan) -> str | None:
    """The named person the sentence before a quotation is about, when the quotation opens its own sentence and
    that sentence quotes nobody ("Howard continued his scathing remarks. '...'"): English reporting introduces a
    speaker, then gives the words."""
    doc = ctx.doc
    si = doc.sentence_of(q.start - 1)
    if si <= 0 or doc.text[doc.sentences[si].start:q.start - 1].strip(" \t\n\"'\u201c\u2018"):
        return None  # the quotation does not open its sentence
    prev = doc.sentences[si - 1]
    if ctx.para_index(prev.start) < ctx.para_index(q.start) - 1 or ctx.in_quote(prev.start) \
            or any(ctx.in_quote(o) for o in range(prev.start, prev.end, max(1, (prev.end - prev.start) // 8))):
        return None
    if any(c in doc.text[prev.start:prev.end] for c in "\"\u201c\u201d"):
        return None  # the sentence before quotes someone itself
    name = sentence_subject_name(ctx, si - 1, prev.end)
    if name is None:
        return None
    after = doc.text.find(name, prev.start, prev.end)
    if after >= 0 and _PASSIVE.match(doc.text, after + len(name), prev.end):
        return None  # "Halvorsen is owned by ...": the subject of a passive does nothing, says nothing
    return name


# A passive right after the subject (past the rest of its name and an appositive): "Bell Rail is owned by".
_PASSIVE = re.compile(r"(?:\s+[A-Z][\w'\u2019.-]*)*(?:\s*,[^,]{0,80},)?\s*(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+\w+(?:ed|en)\b")


def _covering(ctx: QuoteContext, q: QuoteSpan, clause: bool) -> Speaker | None:
    """The innermost attribution whose content holds the quotation; when it names nobody, the innermost one that
    names its speaker ("gets you branded a hater, says Marco Rubio, '...'": an outer attribution holds it too). The
    writer's own "I" or "we" reports a clause (the writer's speech) but attributes no fragment."""
    doc = ctx.doc
    best: tuple[Attr, str | None] | None = None
    best_named: tuple[Attr, str | None] | None = None
    k = bisect_right(ctx.content_starts, q.start)
    for a in ctx.by_content[max(0, k - CONTENT_CANDIDATES):k]:
        if not (a.content and a.content[0] <= q.start and q.end <= a.content[1]):
            continue
        if a.source and doc.tok_start[a.source[0]] <= q.start and q.end <= doc.tok_end[a.source[1]]:
            continue  # the quotation is part of the source itself (a discredited "expert" told ...)
        if not clause and _writers_own(ctx, a, q):
            continue
        subject = None if a.speaker and a.source is not None else subject_speaker(ctx, a)
        if a.source is None and a.source_type != "media" and subject is None and not told_passive(doc.words, a):
            continue  # a cue with no one speaking ("it is worth asking whether ..."; "they were told" has a teller)
        named = a.speaker or subject
        if best is None or _narrower(a, best[0]) or _relayed(a, best[0], q, doc.tok_start):
            best = (a, named)
        if named and (best_named is None or _narrower(a, best_named[0])
                      or _relayed(a, best_named[0], q, doc.tok_start)):
            best_named = (a, named)
    if best is None:
        return None
    if not best[1] and best_named is not None:
        best = best_named
    return Speaker(best[1], ctx.cue_text(best[0]), "cue")


def _writers_own(ctx: QuoteContext, a: Attr, q: QuoteSpan) -> bool:
    """Is ``a`` the writer's own judgement of the quoted words: "I" or "we" outside any quotation (cues inside one
    are the quoted speaker's, a transcript's "I" has its labelled speaker, and a paragraph opening with a label such
    as "A:" is someone's answer) with a verb that judges its object, the quotation in that object and not in a clause
    of its own ("I dismissed his claim that the drug was 'safe'" is the claim's)? A fragment the writer condemns in
    marks is not someone else's wording ("We should condemn his vaunted 'toughness'"); a clause is the writer's
    speech."""
    doc = ctx.doc
    if a.source is None or a.speaker or a.source[0] != a.source[1] or doc.words[a.source[0]] not in _WRITER_PRONOUNS \
            or a.lemma not in _JUDGING:
        return False
    between = doc.tokens_in(doc.tok_end[a.cue_last], q.start)
    if len(between) > _OBJECT_TOKENS or any(doc.words[t] in _CLAUSE_OPENERS for t in between):
        return False
    k = ctx.para_index(q.start)
    return not (k >= 0 and _LABEL.match(doc.text, doc.paragraphs[k].start))


_WRITER_PRONOUNS = frozenset(("i", "we"))
# The object of a judging verb is a few words long; a clause opener before the quotation puts it in a clause of its own.
_OBJECT_TOKENS = 8
_CLAUSE_OPENERS = frozenset(("that", "who", "which", "whom", "whose", "because", "when", "where", "if", "whether"))
# A paragraph that opens with a speaker's label: "A:", "Q:", "SMITH:", "Ann Lee:".
_LABEL = re.compile(r"\s*[A-Z][\w.'\u2019-]{0,30}(?: [A-Z][\w.'\u2019-]{0,30}){0,2}:\s")
# Verbs that judge their object rather than report words: with the writer as subject, the quoted object is the thing
# judged, in the writer's marks ("we're not going to lambaste them with nonsense about 'systemic racism'"); a verb of
# saying or writing reports the writer's own words ("I contended that it bore 'all the hallmarks of a set-up'").
_JUDGING = frozenset("""condemn lambaste denounce decry applaud praise criticise criticize mock deride ridicule blast
    slam attack reject dismiss celebrate welcome shame""".split())


def _relayed(a: Attr, b: Attr, q: QuoteSpan, tok_start: tuple[int, ...]) -> bool:
    """Does ``b`` ("according to X") only relay what ``a`` reports? In "According to Rep. Fleming, Cheney said Obama
    '...'" both hold the words, and they are Cheney's: the reporting clause inside the "according to" sentence,
    after its source and before the words, says who spoke them."""
    return b.lemma == "according to" and a.lemma != "according to" and a.content == b.content \
        and b.source is not None and a.source is not None and b.source[1] < a.source[0] \
        and tok_start[a.cue_first] < q.start


def _narrower(a: Attr, b: Attr) -> bool:
    """Is attribution ``a``'s content shorter than ``b``'s (``b`` without content is never beaten)?"""
    return bool(a.content and b.content and a.content[1] - a.content[0] < b.content[1] - b.content[0])


def _same_sentence(ctx: QuoteContext, q: QuoteSpan, clause: bool) -> Speaker | None:
    doc = ctx.doc
    # a cue inside the quotation is part of the quoted words ("'According to Carrie, ...,' she said"), and a
    # quotation inside the source is part of the source: neither attributes it
    near = [a for a in ctx.by_sentence.get(doc.sentence_of(q.start), []) if a.source is not None
            and (clause or not _writers_own(ctx, a, q))
            and not (doc.tok_start[a.source[0]] <= q.start and q.end <= doc.tok_end[a.source[1]])
            and not (q.start <= doc.tok_start[a.cue_first] and doc.tok_end[a.cue_last] <= q.end)]
    if not near:
        return None
    a = min(near, key=lambda a: min(abs(q.start - doc.tok_end[a.cue_last]), abs(doc.tok_start[a.cue_first] - q.end)))
    return Speaker(a.speaker, ctx.cue_text(a), "cue")


# A speech noun frames a quotation a few words after it ("his comments that he would be a 'neutral guy'").
MAX_FRAME_TOKENS = 12
# Words that open the complement of a speech noun: "claim that ...", "call for ...", "comments on ...", "answer:".
_COMPLEMENT = frozenset("of for about on to as against over".split())
_BE = frozenset("is was are were".split())
_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
# Nouns for an exchange with a medium: in "a CNN interview" the name is who asked, not who speaks.
_INTERVIEW_NOUNS = frozenset("interview interviews conversation conversations".split())


def _utterance(ctx: QuoteContext, q: QuoteSpan, last: LastTurn | None) -> Speaker | None:
    """A quotation in the complement of a noun for what someone says or writes is that speaker's: "Trump's comments
    on Mexican immigrants being '...'", "a clarion call for a '...'", "His answer: '...'" (the guidelines' partial
    quotes attributed through the surrounding words)."""
    doc = ctx.doc
    w = doc.words
    si = doc.sentence_of(q.start - 1)
    if si < 0:
        return None
    sent = doc.sentences[si]
    toks = doc.tokens_in(sent.start, q.start - 1)
    for t in range(toks.stop - 1, max(toks.start, toks.stop - MAX_FRAME_TOKENS) - 1, -1):
        if ctx.in_quote(doc.tok_start[t]):
            return None
        if w[t] not in ctx.speech_nouns:
            continue
        between = doc.text[doc.tok_end[t]:q.start - 1]
        nxt = w[t + 1] if t + 1 < toks.stop else ""
        nxt2 = w[t + 2] if t + 2 < toks.stop else ""
        if between.strip() in ("", ":", ",", "\u2014", "\u2015", "\u2013", "-", "--") or nxt == "that" \
                or nxt in _BE and nxt2 == "that":
            # "his answer: '...'", "issued a statement, '...'", "his stock answer \u2014 '...'", "the claim that ...",
            # "its thesis is that ..."
            pass
        elif not (w[t] in ctx.utterances and nxt in _COMPLEMENT):
            return None  # "a call for ...", "comments on ...": complements of utterance nouns only
        name = _possessor(ctx, t, toks.start, last) or _agent_after(ctx, t, toks.stop) \
            or sentence_subject_name(ctx, si, doc.tok_start[t])
        if name is None:
            return None  # "accusations of 'hypocrisy'": a label nobody in the text is said to use
        return Speaker(name, doc.text[doc.tok_start[t]:doc.tok_end[t]], "utterance")
    return None


def _as_they_call_it(ctx: QuoteContext, q: QuoteSpan, last: LastTurn | None) -> Speaker | None:
    """English attributes a phrase to whoever uses it with "as X calls it" after it or "what X calls" before it
    ("This 'shadow pandemic,' as U.N. experts are calling it, ...", "a 'hockey mom,' as she referred to herself",
    "what Trump calls 'fake news'"): the phrase is X's wording, a partial quote."""
    text = ctx.text
    m = AS_CALLS_AFTER.match(text, q.end + 1, min(len(text), q.end + 1 + 90))
    if m is None:
        k = opening_start(text, q)
        m = WHAT_CALLS_BEFORE.search(text, max(0, k - 70), k) or AS_PUT_BEFORE.search(text, max(0, k - 90), k)
    if m is None:
        return None
    who = m.group("who").strip()
    if who.lower() in PERSON_PRONOUNS:
        # the pronoun's referent: the sentence's named subject, else the speaker of the turn
        si = ctx.doc.sentence_of(q.start - 1)
        referent = (sentence_subject_name(ctx, si, q.start) if si >= 0 else None) or (last.name if last else None)
        if not referent:
            return None
        who = referent
    elif who.lower() in ("they", "it", "you", "i", "we", "some", "many", "others", "people", "one"):
        return None  # an unnamed "they": nobody the reader can name
    return Speaker(who, m.group("verb"), AS_CALLED)


AS_CALLED = "named as the one who calls it that"
_CALL_VERBS = (r"(?P<verb>call(?:s|ed|ing)?|put(?:s|ting)?|describ(?:es|ed|ing)|referr?(?:s|ed|ing)\s+to|"
               r"term(?:s|ed)?|dubb?(?:s|ed|ing)?|labell?(?:s|ed|ing)?|brand(?:s|ed)?)")
_WHO = r"(?P<who>[A-Za-z][\w.\u2019'-]*(?:\s+[\w.\u2019'-]+){0,5}?)"
AS_CALLS_AFTER = re.compile(r"[\s\"'\u201d\u2019]*,?\s*\(?as\s+" + _WHO +
                            r"\s+(?:(?:is|are|was|were|has|have|had|likes?\s+to|liked\s+to)\s+(?:been\s+)?)?"
                            + _CALL_VERBS + r"\b")
AS_PUT_BEFORE = re.compile(r"\b[Aa]s\s+" + _WHO + r"\s+(?:has\s+|had\s+)?(?P<verb>put|puts|said|says|wrote|writes)\s+"
                           r"it\b[^.;:!?\"\u201c\u201d]{0,40}?[,:]\s*$")
WHAT_CALLS_BEFORE = re.compile(r"\bwhat\s+" + _WHO + r"\s+(?:(?:has|have|had)\s+)?" + _CALL_VERBS +
                               r"(?:\s+(?:as|a|an|the))?\s*$")


def _possessor(ctx: QuoteContext, t: int, lo: int, last: LastTurn | None) -> str | None:
    """Whose the speech noun at token t is: "Trump's comments", "Sanders's clarion call", "his remarks"."""
    doc, w = ctx.doc, ctx.doc.words
    k = t - 1
    while k >= lo and k >= t - 2 and w[k] not in _POSSESSIVE_PRONOUNS and w[k] != "s" \
            and doc.text[doc.tok_start[k]:doc.tok_start[k] + 1].islower():
        k -= 1  # adjectives between the owner and the noun ("clarion", "final")
    if k < lo:
        return None
    if w[k] in _POSSESSIVE_PRONOUNS:
        return last.name if last is not None else None
    if k == t - 1 and _name_like(ctx, k) and doc.text[doc.tok_end[k]:doc.tok_start[t]] == " " \
            and w[t] in ctx.utterances and w[t] not in _INTERVIEW_NOUNS:
        # a name modifying the noun is its owner: "this Chief Justice John Roberts quote: '...'"
        b = k
        while b - 1 >= lo and _name_like(ctx, b - 1) and doc.text[doc.tok_end[b - 1]:doc.tok_start[b]] in (" ", ". "):
            b -= 1
        return doc.text[doc.tok_start[b]:doc.tok_end[k]]
    if w[k] == "s" and k - 1 >= lo and doc.text[doc.tok_end[k - 1]:doc.tok_start[k]] in ("'", "\u2019"):
        e = k - 1
        b = e
        while b - 1 >= lo and _name_like(ctx, b - 1) and doc.text[doc.tok_end[b - 1]:doc.tok_start[b]] in (" ", ". "):
            b -= 1
        if _name_like(ctx, e):
            return doc.text[doc.tok_start[b]:doc.tok_end[e]]
    return None


def _name_like(ctx: QuoteContext, t: int) -> bool:
    """Capitalised and written as a name: mid-sentence somewhere, or never in lower case (and not a function word)."""
    doc = ctx.doc
    if not doc.text[doc.tok_start[t]:doc.tok_start[t] + 1].isupper() or doc.words[t] in NOT_SUBJECT:
        return False
    return doc.words[t] in ctx.names or doc.words[t] not in doc.case_profile[1]


def _agent_after(ctx: QuoteContext, t: int, hi: int) -> str | None:
    """The speaker named after the noun: "a statement from the White House", "remarks by Mr. Smith"."""
    doc, w = ctx.doc, ctx.doc.words
    if t + 2 < hi and w[t + 1] in ("by", "from"):
        b = e = t + 2
        while e + 1 < hi and doc.text[doc.tok_start[e + 1]:doc.tok_start[e + 1] + 1].isupper() \
                and doc.text[doc.tok_end[e]:doc.tok_start[e + 1]] in (" ", ". "):
            e += 1
        if doc.text[doc.tok_start[b]:doc.tok_start[b] + 1].isupper():
            return doc.text[doc.tok_start[b]:doc.tok_end[e]]
    return None


def _layout(ctx: QuoteContext, q: QuoteSpan, clause: bool) -> Speaker | None:
    text = ctx.text
    if clause:
        framed = _quotative_frame(ctx, q) or frame_before(ctx, q)
        if framed is not None:
            return framed
    k = ctx.para_index(q.start)
    line_start = ctx.doc.paragraphs[k].start if k >= 0 else 0
    # a headline "Name: ... '...'"
    label = _headline_label(ctx, q)
    if label is not None:
        return Speaker(label[0], "headline colon", "headline")
    m = SIGNED_PIECE.match(text, q.end + 1)
    if m:
        return Speaker(f"{' '.join(m.group(2).split())} {m.group(1).lower()}", "dash", "signed after a dash")
    # an epigraph signed after a dash: “The sabbath was made for man ...” —Mark 2:27
    m = SIGNED.match(text, q.end + 1)
    if m:
        return Speaker(_signed_name(m.group(1)), "dash", "signed after a dash")
    m = SIGNED_DESCRIBED.match(text, q.end + 1) if clause else None
    if m and m.group(1).split()[0].lower() not in NOT_SUBJECT:
        return Speaker(_signed_name(m.group(1)), "dash", "signed after a dash")
    m = SIGNATURE_LINE.match(text, q.end + 1) if clause else None
    if m:
        return Speaker(_signed_name(m.group(1)), "dash", "signed on the line after the quotation")
    # a transcript paragraph ("TRUMP: Look, ... I would have said, 'Thanks, Jeff'")
    m = TRANSCRIPT.match(text, line_start) if clause else None
    if m and q.start > m.end():
        return Speaker(name_case(ctx.doc, m.group(1)), "transcript label", "transcript")
    # a paragraph introduced by a colon at the end of the previous one ("X had the following response:")
    intro = _colon_intro(ctx, q)
    if intro is not None:
        return Speaker(intro, None, "introduced by a colon at the end of the previous paragraph")
    # a clause introduced by a colon in its own sentence: its subject speaks ("His mum Grace sobbed at a vigil: '...'")
    if clause:
        name = _colon_subject(ctx, q)
        if name is not None:
            return Speaker(name, None, "introduced by a colon after its speaker's clause")
    # a that-clause holds what its subject says, writes or thinks, whatever the verb ("Netanyahu rallied supporters by
    # warning darkly that '...'", "The Sanders campaign projects that '...'"): quoted, the words are the subject's
    name = _that_subject(ctx, q)
    if name is not None:
        return Speaker(name, None, "quoted in a that-clause of the sentence's subject")
    return None


def _headline_colon(ctx: QuoteContext, q: QuoteSpan) -> Speaker | None:
    """A headline "Name: '...'": the name before the colon says the quotation right after it, whatever cue the rest
    of the headline holds ("Sidney Blumenthal: 'No Idea' If I Would Have Told ...")."""
    label = _headline_label(ctx, q)
    if label is None or not label[1]:
        return None
    return Speaker(label[0], "headline colon", "headline")


def _headline_label(ctx: QuoteContext, q: QuoteSpan) -> tuple[str, bool] | None:
    """The name before the colon that opens the headline holding ``q``, and whether the quotation comes right after
    the colon; None when the quotation is not in the headline, no name and colon open it, or the label is a kicker."""
    if not ctx.in_headline(q):
        return None
    k = ctx.para_index(q.start)
    line_start = ctx.doc.paragraphs[k].start if k >= 0 else 0
    m = HEADLINE_COLON.match(ctx.text, line_start, q.start)
    if m is not None and _kicker(m.group(1)):
        # the headline proper follows the kicker, with its own label ("More: Rep. Jane Doe: '...'")
        m = HEADLINE_COLON.match(ctx.text, m.end(), q.start)
    if m is None or _kicker(m.group(1)):
        return None
    return m.group(1).strip(), m.end() == opening_start(ctx.text, q)


def _kicker(label: str) -> bool:
    """Is a headline's label before its colon the story's type ("Exclusive", "Breaking News", "The Latest")?"""
    return " ".join(label.lower().split()) in HEADLINE_KICKERS


def _that_subject(ctx: QuoteContext, q: QuoteSpan) -> str | None:
    """The named subject of the sentence when the quotation opens a that-clause ("... Clinton fired back that the
    '...'")."""
    if q.depth > 0:
        return None
    text = ctx.text
    k = opening_start(text, q)
    if not _THAT_BEFORE.search(text, max(0, k - 8), k):
        return None
    si = ctx.doc.sentence_of(q.start - 1)
    if si < 0:
        return None
    # a described subject too ("The Sanders campaign projects that '...'")
    return sentence_subject_name(ctx, si, q.start) or described_subject(ctx, si, q.start)


_THAT_BEFORE = re.compile(r"\bthat\s*$")


def _quotative_frame(ctx: QuoteContext, q: QuoteSpan) -> Speaker | None:
    """English reporting frames a quotation that ends in a comma, "!" or "?" with a short clause of a subject and a
    past-tense verb, in either order (`"...!" beamed Donald Hartley`, `"...?" Hannity pressed.`). In that frame any
    verb reports the quotation, listed among the reporting verbs or not, so the subject is the speaker."""
    doc, text = ctx.doc, ctx.text
    inside = text[q.start:q.end].rstrip()
    after = text[q.end + 1:q.end + 3]
    if not (inside[-1:] in (",", "!", "?") or after[:1] == ","):
        return None
    toks = doc.tokens_in(q.end + 1, min(len(text), q.end + 1 + _FRAME_CHARS))
    if len(toks) < 2 or ctx.in_quote(doc.tok_start[toks.start]):
        return None
    w = doc.words
    t = toks.start
    if _past_verb(ctx, t):  # verb first: `"...," beamed Donald Hartley of Madison`
        name = _name_run(ctx, t + 1, toks.stop)
        if name is None:
            return None
        return Speaker(text[doc.tok_start[name[0]]:doc.tok_end[name[1]]], w[t], "reporting frame after the quotation")
    name = _name_run(ctx, t, toks.stop)  # subject first: `"...?" Hannity pressed.`
    if name is None and w[t] in ("a", "an", "the"):
        # a name under an article and a few describing words: `"...," an angry Hollande retaliated.`
        k = t + 1
        while k < min(toks.stop, t + 4) and doc.text[doc.tok_start[k]:doc.tok_start[k] + 1].islower() \
                and doc.text[doc.tok_end[k - 1]:doc.tok_start[k]] in (" ", "-"):
            k += 1
        if t + 1 < k < toks.stop and doc.text[doc.tok_end[k - 1]:doc.tok_start[k]] == " ":
            name = _name_run(ctx, k, toks.stop)
    if name is None or name[1] + 1 >= toks.stop or not _past_verb(ctx, name[1] + 1):
        return None
    v = name[1] + 1
    end = text[doc.tok_end[v]:doc.tok_end[v] + 2].lstrip(" ")
    if end[:1] not in (".", ",", ";", ":") and not (v + 1 < toks.stop and w[v + 1] in _FRAME_ADJUNCT):
        return None  # `"...," Smith wrote a letter`: the verb has an object, so it need not report the quotation
    return Speaker(text[doc.tok_start[name[0]]:doc.tok_end[name[1]]], w[v], "reporting frame after the quotation")


def frame_before(ctx: QuoteContext, q: QuoteSpan) -> Speaker | None:
    """The same frame before the quotation: a name and a past-tense verb, then a comma and the quotation opening a
    clause (`Hillary Clinton cracked, "I'm a progressive ..."`). Any verb there reports it, listed or not."""
    doc, text = ctx.doc, ctx.text
    if q.depth > 0:
        return None  # inside a quotation the frame is the quoted speaker's own
    k = opening_start(text, q) - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k < 1 or text[k] != ",":
        return None
    toks = doc.tokens_in(max(0, k - _FRAME_CHARS), k)
    if len(toks) < 2:
        return None
    v = toks.stop - 1
    if doc.tok_end[v] != k or not _past_verb(ctx, v) or ctx.in_quote(doc.tok_start[v]):
        return None
    e = v - 1
    if doc.text[doc.tok_end[e]:doc.tok_start[v]] != " " or not _name_like(ctx, e):
        return None
    b = e
    while b - 1 >= toks.start and _name_like(ctx, b - 1) and doc.text[doc.tok_end[b - 1]:doc.tok_start[b]] in (" ", ". "):
        b -= 1
    return Speaker(text[doc.tok_start[b]:doc.tok_end[e]], doc.words[v], "reporting frame before the quotation")


# The frame is a few words long: `"...," beamed Donald Hartley of Madison, Alabama`.
_FRAME_CHARS = 60
# What may follow the verb of a frame instead of the end of the clause: `Trump added to People`, `he said in ...`.
_FRAME_ADJUNCT = frozenset("to in on at during after before while from".split())


def _past_verb(ctx: QuoteContext, t: int) -> bool:
    """A lower-case past-tense verb form ("beamed", "pressed", "said", "wrote")."""
    doc = ctx.doc
    word = doc.text[doc.tok_start[t]:doc.tok_end[t]]
    return word.islower() and (word.endswith("ed") and len(word) > 3 or word in _IRREGULAR_PAST)


_IRREGULAR_PAST = frozenset("said told wrote began went spoke shot swore cried sang ran".split())


def _name_run(ctx: QuoteContext, t: int, hi: int) -> tuple[int, int] | None:
    """Tokens t.. that the text writes as a name ("Donald Hartley", "Sen. Ted Cruz"), if token t starts one."""
    doc = ctx.doc
    if t >= hi or not _name_like(ctx, t) or doc.words[t] in NOT_SUBJECT:
        return None
    e = _run_end(ctx, t, hi)
    # a place or group before a role noun and the person's name: "Lower Mill resident Nina Falk" is Nina Falk
    for k in range(e + 2, min(hi, e + 4)):
        if not doc.text[doc.tok_start[k - 1]:doc.tok_start[k - 1] + 1].islower() or \
                doc.text[doc.tok_end[k - 1]:doc.tok_start[k]] != " " or doc.words[k - 1] in _NOT_ROLE_NOUN \
                or doc.words[k - 1] in NOT_SUBJECT:
            break  # "Tom Reyes of Leeds": a preposition, not a role noun, follows the name
        if _name_like(ctx, k) and doc.words[k] not in NOT_SUBJECT:
            return (k, _run_end(ctx, k, hi))
    return (t, e)


_NOT_ROLE_NOUN = frozenset("of and or to".split())


def _run_end(ctx: QuoteContext, t: int, hi: int) -> int:
    doc = ctx.doc
    e = t
    while e + 1 < hi and _name_like(ctx, e + 1) and doc.text[doc.tok_end[e]:doc.tok_start[e + 1]] in (" ", ". "):
        e += 1
    return e


# Finite reporting verbs that may open a sentence before their subject ("Said one trader: '...'"); a participle opens
# a reduced clause instead ("Asked whether ..., Tom Hale was blunt: '...'": Hale speaks).
_FRONTED = frozenset(("said", "says", "added", "adds", "wrote", "writes"))


def _colon_subject(ctx: QuoteContext, q: QuoteSpan) -> str | None:
    """The name in the subject of a sentence whose quotation follows a colon ("His heartbroken mum Grace sobbed at
    a vigil on Monday: '...'" -> Grace)."""
    doc = ctx.doc
    k = q.start - 2
    while k >= 0 and doc.text[k] in " \t":
        k -= 1
    if k < 0 or doc.text[k] != ":":
        return None
    si = doc.sentence_of(q.start - 1)
    if si < 0:
        return None
    toks = doc.tokens_in(doc.sentences[si].start, k)
    if toks and doc.text[doc.tok_start[toks.start]:doc.tok_end[toks.start]].isupper():
        # a dateline opens the sentence ("WASHINGTON, Dec. 8 (UPI) — ..."): the subject comes after its dash
        dash = next((t for t in toks[1:12] if _dateline_dash(doc.text[doc.tok_end[t - 1]:doc.tok_start[t]])), None)
        if dash is not None:
            toks = range(dash, toks.stop)
    if toks and any(a.cue_first == toks.start for a in ctx.by_sentence.get(si, ())):
        # the sentence opens with its reporting verb ("Said one trader: '...'"): its subject follows it; a participle
        # opens a reduced clause, and the subject follows its comma ("Asked whether ..., Tom Hale was blunt: '...'")
        return None if doc.words[toks.start] in _FRONTED else sentence_subject_name(ctx, si, k)
    name: list[int] = []
    for t in toks[:_MAX_SUBJECT_TOKENS]:
        if t == toks.start and doc.words[t] in OPENING_CONJUNCTIONS:
            continue  # "But student Hanna Berglund was in shock: '...'": the conjunction is not the subject
        if t == toks.start and _participle_opener(ctx, doc.text[doc.tok_start[t]:doc.tok_end[t]]) \
                and len(toks) > 2 and doc.words[t + 1][:1].islower() and doc.text[doc.tok_end[t]] == " " \
                and "," in doc.text[doc.tok_end[t + 1]:k]:
            # a participle clause opens the sentence ("Demonstrating again how out of touch he is, Mitch McConnell
            # spoke ...: '...'"): the subject follows its comma. A name in -ing is followed by its verb and has no
            # clause to close ("Boeing said in a statement:", "Sterling, the winger, was blunt:")
            return sentence_subject_name(ctx, si, k)
        if _name_like(ctx, t):
            gap = doc.text[doc.tok_end[t - 1]:doc.tok_start[t]]
            if name and (gap != gap.strip() and gap.strip() in ("-", "\u2013", "\u2014", "\u2015", "|") or ":" in gap):
                name = []  # "DEMOGRAPHICS FAVOR CRUZ - Philip Bump: '...'": a dash ends a headline before the name,
                # and a colon a label ("More: Rep. Jane Doe: '...'")
            name.append(t)
        elif name and doc.words[t] == "s" and doc.text[doc.tok_end[t - 1]:doc.tok_start[t]] in ("'", "\u2019"):
            name = []  # "Labour's Tomas Brandt raged:": the possessor is not the subject
        elif name:
            break
        elif doc.words[t] in NOT_SUBJECT and doc.words[t] not in ("the", "a", "an", "his", "her", "their", "its"):
            # the sentence opens with an adverbial: its subject follows it ("But at a rally this month, Mr. Trump
            # was bluntly personal: '...'"); a topic label before the colon has none ("On Ted Cruz, R-Texas: '...'")
            return None if _topic_label(ctx, q) else sentence_subject_name(ctx, si, k)
    if not name:
        return None
    found = doc.text[doc.tok_start[name[0]]:doc.tok_end[name[-1]]]
    return None if _kicker(found) else found  # ("Review: 'The Quiet Harbour' is a triumph": a label, not a speaker)


def _signed_name(signed: str) -> str:
    """A signature's name without the full stop that ends its line ("— Carla Sanchez."), keeping one that ends an
    initial or an abbreviation ("— John Q.", "— Martin Luther King Jr.")."""
    name = " ".join(signed.split())  # (a no-break space between the names is a space: one speaker, one spelling)
    last = name.rsplit(None, 1)[-1]
    if name.endswith(".") and len(last) > 2 and last[:-1].lower() not in _NAME_ABBREVIATIONS and "." not in last[:-1]:
        return name[:-1]
    return name


# Abbreviations that end a name with their own full stop.
_NAME_ABBREVIATIONS = frozenset(("jr", "sr", "esq", "inc", "co", "corp", "ltd"))


def _dateline_dash(gap: str) -> bool:
    """Does the text between two tokens end a dateline: a dash, perhaps after the agency's bracket (") —")?"""
    g = gap.strip()
    return 0 < len(g) <= 3 and g[-1] in "\u2014\u2015\u2013-" and (len(g) == 1 or g[0] == ")")


# The subject of a sentence opens it within a few words ("His heartbroken mum Grace").
_MAX_SUBJECT_TOKENS = 6


def _colon_intro(ctx: QuoteContext, q: QuoteSpan) -> str | None:
    """The named subject of a sentence ending in ":" at the end of the paragraph before this quotation."""
    doc = ctx.doc
    si = doc.sentence_of(q.start - 1)
    if si <= 0:
        return None
    sent = doc.sentences[si]
    prev = doc.sentences[si - 1]
    gap = doc.text[prev.end:sent.start]
    if "\n" not in gap or not doc.text[prev.start:prev.end].rstrip().endswith(":"):
        return None
    m = LEADING_NAME.match(doc.text, prev.start, prev.end)
    if not m or len(m.group(1).split()) < 2 or m.group(1).split()[0].lower() in ("the", "a", "an", "this", "in"):
        # a described subject speaks too ("A number of commenters on the tweet weren't kind:"): the noun phrase
        # from the sentence's determiner to its first auxiliary
        d = _DESCRIBED_SUBJECT.match(doc.text, prev.start, prev.end)
        return d.group(1) if d else None
    return _person_after_role(ctx, m, prev.end)


# A noun phrase opened by a determiner, up to an auxiliary verb: the subject of an introducing sentence.
_DESCRIBED_SUBJECT = re.compile(
    r"((?:A|An|The|Some|Many|Several|Other|Two|Three|Dozens of|Hundreds of|Thousands of)\s[^\n:;,.!?\"\u201c\u201d]{2,80}?)"
    r"\s+(?:was|were|is|are|has|have|had|did|do|does|will|would|could|can|also|then)(?:n[\u2019']t)?\b")


def subject_speaker(ctx: QuoteContext, a: Attr) -> str | None:
    """Who speaks when a cue has no source of its own ("WikiLeaks went on to accuse ..."): the capitalised noun
    phrase the cue's sentence starts with."""
    if a.sentence < 0:
        return None
    return sentence_subject_name(ctx, a.sentence, ctx.doc.tok_start[a.cue_first])


def sentence_subject_name(ctx: QuoteContext, si: int, end: int) -> str | None:
    """The name sentence ``si`` starts with, before offset ``end`` ("Trump's comments ..." -> "Trump"), if the text
    writes it as a name."""
    doc = ctx.doc
    sent = doc.sentences[si]
    start = sent.start
    first = FIRST_WORD.match(doc.text, start, max(start, end))
    if first and first.group(1).lower() in OPENING_CONJUNCTIONS:
        start = first.end()  # "But at the debate, Sanders ...": the conjunction opens the sentence, then the adverbial
        start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
        first = FIRST_WORD.match(doc.text, start, max(start, end))
    if first and (first.group(1).lower() in FRONTED or _participle_opener(ctx, first.group(1))
                  or _adverb_opener(ctx, first.group(1))):
        # a fronted adverbial ("Two days before the anniversary, Macron made ..."; "At the debate, Sanders ..."):
        # the subject follows its comma
        comma = doc.text.find(",", start, min(max(start, end), start + MAX_ADVERBIAL_CHARS))
        if comma != -1:
            start = comma + 1 + len(doc.text[comma + 1:end]) - len(doc.text[comma + 1:end].lstrip())
    dateline = _DATELINE.match(doc.text, start, max(start, end))
    if dateline is not None:
        start = dateline.end()  # "MIAMI — Hillary Clinton and ...": the dateline names where, the subject follows
    m = LEADING_NAME.match(doc.text, start, max(start, end))
    if not m or m.group(1).split()[0].lower() in NOT_SUBJECT:
        return None
    name = _person_after_role(ctx, m, max(start, end))
    # a capitalised first word is a name only if the text writes it as one elsewhere ("Last week", "Instead")
    parts = re.sub(r"['\u2019]s$", "", name).split()
    lower = doc.case_profile[1]
    while parts and _fold(parts[0]) not in ctx.names and (len(parts) == 1 or _fold(parts[0]) in lower
                                                           or _fold(parts[0]) in _ADVERB_OPENERS):
        parts.pop(0)  # a first word the text also writes in lower case opens the sentence ("Last", "Instead")
    if not parts or _fold(parts[-1]) not in ctx.names or _fold(parts[-1]) in _WHEN_NAMES:
        return None  # "Thursday night was a one-sided affair": a day names when, not who
    if _fold(parts[-1]) in MONTHS and _DAY_AFTER.match(doc.text, m.end()):
        return None  # "On Saturday, April 9, Colorado had ...": a month with its day is a date, not a person
    return " ".join(parts)


def _person_after_role(ctx: QuoteContext, m: re.Match[str], stop: int) -> str:
    """The name a LEADING_NAME match ``m`` gives, or the person after it when a role word follows: capitalised
    modifiers, a role, then the name ("Morning Joe co-host Mika Brzezinski asked", "Boston Globe columnist Jeff
    Jacoby makes the case"): the person is the subject, the show or paper only describes them."""
    role = _ROLE_THEN_NAME.match(ctx.doc.text, m.end(), stop)
    if role is not None and _fold(role.group(1).split()[-1].rsplit("-", 1)[-1]) in ctx.heads \
            and (" " not in role.group(1) or tag(role.group(1).split()[0]).startswith(("NN", "JJ"))):
        # (the first of two words modifies the role: "budget director", not "attacked billionaire")
        return role.group(2)
    return m.group(1)


# A news agency's dateline opening a sentence: a place in capitals, perhaps a date and the agency in brackets, then a
# dash ("MIAMI — ", "WASHINGTON, Dec. 8 (UPI) — ", "NEW YORK (Reuters) - ").
_DATELINE = re.compile(r"[A-Z][A-Z.'\u2019]+(?:[ \t][A-Z][A-Z.'\u2019]+){0,3}(?:,[^\n\u2014\u2013(]{1,30})?"
                       r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*[\u2014\u2013\u2015-]{1,2}[ \t]+")
# A lower-case role of one or two words ("co-host", "budget director"), then a name of two to four capitalised words
# (after a leading capitalised run). (words are bounded in length, so that matching from each sentence's first name
# stays linear in the text)
_ROLE_THEN_NAME = re.compile(r"\s+((?:[a-z][\w-]{0,40}\s+)?[a-z][\w-]{0,40})\s+"
                             r"((?:[A-Z][\w.\u2019'-]{0,40}\s+){1,3}[A-Z][\w\u2019'-]{0,40})(?=[\s,])")


def described_subject(ctx: QuoteContext, si: int, end: int) -> str | None:
    """The noun phrase sentence ``si`` opens with when a determiner and a source noun make it ("The statement urged
    ...", "the former secretary of state talked about ..."), before offset ``end``."""
    doc = ctx.doc
    start = doc.sentences[si].start
    m = _DESCRIBED.match(doc.text, start, max(start, end))
    if m is None or _fold(m.group(2)) not in ctx.heads:
        return None
    return m.group(1)


# A determiner, up to three modifiers, a head noun, then a lower-case word (the verb): "The Rove ad hits ...".
_DESCRIBED = re.compile(r"((?:The|the|A|An|This|That|Its|His|Her|Their)\s+(?:[\w.\u2019'-]+\s+){0,3}?([A-Za-z]+))"
                        r"(?=\s+(?!(?:and|or|of|for|in|on|at|to|with|by|from|that|who|which|whose)\b)[a-z]+\s)")


def _adverb_opener(ctx: QuoteContext, word: str) -> bool:
    """A sentence opening with an -ly adverb ("Immediately after the attacks, Trump ...") has a fronted adverbial
    before its subject; a name ending in -ly ("Kelly") is written as a name in the text."""
    return len(word) > 5 and word.endswith("ly") and _fold(word) not in ctx.names


def _participle_opener(ctx: QuoteContext, word: str) -> bool:
    """A sentence opening with a participle ("Writing in dissent, Ginsburg ...", "Speaking to reporters, ...") has a
    fronted adverbial before its subject; a name ending in -ing ("Beijing") is written as a name in the text."""
    return len(word) > 4 and word.endswith("ing") and _fold(word) not in ctx.names


# A day of the month after a month's name ("April 9").
_DAY_AFTER = re.compile(r"[ \t\u00a0]+\d")
# Names of days and months (those that are not also people's names) say when, never who.
_WHEN_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march september
    october november december""".split())


# Adverbs that open sentences before a name ("Even Ardan's allies ...", "Only Brandt ...").
_ADVERB_OPENERS = frozenset("even only just perhaps maybe indeed already also too nor".split())


def _fold(word: str) -> str:
    """The folded form of a word's last token, as in ``Document.words`` ("al-Mayadeen" -> "mayadeen")."""
    toks = _TOKEN.findall(word.lower())
    return toks[-1] if toks else ""


_TOKEN = re.compile(r"[^\W_]+")


NOT_SUBJECT = frozenset("the a an this that these those in on at for after before when while if but and so as "
                        "yet still however meanwhile it its his her their there here instead also then now last "
                        "next by with from during amid under over since until despite among through across into "
                        "without within about".split())
