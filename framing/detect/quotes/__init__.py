"""Quotations: the kind of every quoted span and, for direct and partial quotes, the speaker and the cue.

Kinds (see ``../shared/data/quotes/GUIDELINES.md`` for the definitions this follows):

* ``direct``: a clause or sentence of a speaker's words, at the start of a sentence or after a cue
  (`"We will strengthen ...," Baqeri said`; `said: "..."`), or a long clause-like quotation;
* ``partial``: a fragment woven into the writer's sentence, attributed by a cue in the same sentence or by the
  speaker of the surrounding quotations (`said the deal "increases our will ..."`);
* ``scare``: a short quotation nobody is said to have said (the writer's irony, doubt or delegitimisation), after
  "so-called" and the like, or marked with the article's *other* quotation mark than its speech (state media's
  ‘Israel’ in an article that quotes speech with "...");
* ``title`` (works, laws, events, campaigns, slogans), ``name`` (nicknames), ``mention`` (the word itself) and
  ``other`` (vote options, labels) by the words around them (:mod:`.frames`).

The kind is decided from evidence in this order: the frame around the marks, the article's own house marks, then
who says the words (:mod:`.speakers`): a quotation someone is said to say is ``direct`` or ``partial`` by the
clause test, one nobody says is ``scare`` when short. Every call carries its ``reason`` in plain words.

Cannot: read irony. A short attributed phrase the writer mocks is ``partial``; an unattributed label that some
speaker in fact used is ``scare``; nicknames used alone ("Pocahontas") look like scare quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from framing.config import Config
from framing.detect.attributions import Attr
from framing.detect.attributions._base import MAX_SPEAKER_CHARS, bounded_speaker, untitled_speaker, word_classes
from framing.detect.quotes import frames as fr
from framing.detect.quotes._context import WORD, QuoteContext, family
from framing.detect.quotes.speakers import (
    AS_CALLED,
    LastTurn,
    described_subject,
    frame_before,
    sentence_subject_name,
    speaker_for,
)
from framing.lexicons import Lexicon
from framing.text.document import Document
from framing.text.fastmatch import EndPattern, StartPattern
from framing.text.quotemarks import QuoteSpan
from framing.text.wordclass import tag

__all__ = ["QuoteCall", "classify"]

_COORDINATED = "; coordinated with the previous quotation"
# Headline quotations looked up in the body: a headline holds a handful, so this bounds the work, not the result.
MAX_ECHO_LOOKUPS = 20


@dataclass(frozen=True, slots=True)
class QuoteCall:
    span: QuoteSpan
    kind: str
    speaker: str | None
    cue: str | None
    reason: str

    def __init__(self, span: QuoteSpan, kind: str, speaker: str | None, cue: str | None, reason: str) -> None:
        object.__setattr__(self, "span", span)  # (natively when compiled: see framing.detect.roles.RoleCall)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "reason", reason)


def classify(doc: Document, attrs: list[Attr], cfg: Config, sources: Lexicon) -> list[QuoteCall]:
    """The kind, speaker and cue of every quotation pair in ``doc`` (same order as ``doc.quotes``); ``sources`` is
    the source-terms lexicon (its utterance and document nouns frame quotations: "his comments that '...'")."""
    words = word_classes(sources)
    roles = words.single.get("role", frozenset())
    # speech the sentence says did not happen ("did not say whether the plan was 'dead'") gives no one words
    negated = [a.content for a in attrs if a.negated and a.content is not None]
    attrs = [a for a in attrs if not a.negated]
    ctx = QuoteContext(doc, attrs, cfg, words.speech_nouns, words.single.get("utterance", frozenset()), words.heads)
    ctx.set_negated(negated)
    out: list[QuoteCall] = []
    last: LastTurn | None = None
    prev: QuoteCall | None = None
    outer: list[QuoteCall] = []  # the enclosing quotations of the current one
    turns = sorted((a for a in attrs if a.speaker), key=lambda a: a.cue_last)
    ti = 0
    held: Attr | None = None  # the attribution that gave ``last``
    named: dict[str, str] = {}  # the words of each quotation called a name or a title, folded, with that kind
    scared: set[str] = set()  # the words of each quotation outside others called a scare quote, folded
    for q in doc.quotes:
        # a speaker reported before this quotation, with or without quoting them, holds the turn
        # ("Gowan told me Haley's politicking was surprising. “While diplomats expect ...”")
        while ti < len(turns) and doc.tok_end[turns[ti].cue_last] <= q.start:
            a = turns[ti]
            ti += 1
            if q.depth == 0 and not _inside_any(ctx, doc.tok_start[a.cue_first]) \
                    and not (a.lemma == "according to" and held is not None and held.sentence == a.sentence
                             and held.lemma != "according to"):
                # ("Geng told a briefing, according to Reuters": the outlet that carried his words keeps no turn)
                last = LastTurn(a.speaker, ctx.cue_text(a), ctx.para_index(doc.tok_start[a.cue_first]))
                held = a
        while outer and not (outer[-1].span.start <= q.start and q.end <= outer[-1].span.end):
            outer.pop()
        call = _classify_one(ctx, q, last, outer[-1].span.start if outer else None)
        if q.depth > 0 and outer and outer[-1].kind == "direct" and outer[-1].speaker and \
                call.kind in ("direct", "partial") and call.speaker is None:
            # speech quoted inside a speaker's quotation ("I said, 'what is this about?'") is in that speaker's mouth
            call = QuoteCall(q, call.kind, outer[-1].speaker, outer[-1].cue,
                             call.reason + "; inside a quotation of this speaker")
        if prev is not None and fr.coordinated(doc.text, prev.span, q) and \
                prev.kind in ("partial", "mention", "scare", "title", "name"):
            # `"unacceptable" and "inaccurate"`, `words like "cheese" and "sauce"`: same kind as the first (said
            # once: a run of coordinated quotations would otherwise grow the reason with each one)
            reason = prev.reason if prev.reason.endswith(_COORDINATED) else prev.reason + _COORDINATED
            call = QuoteCall(q, prev.kind, prev.speaker, prev.cue, reason)
        if call.speaker is not None and len(call.speaker) > MAX_SPEAKER_CHARS:
            call = QuoteCall(q, call.kind, bounded_speaker(call.speaker), call.cue, call.reason)
        if call.speaker is not None and (plain := untitled_speaker(call.speaker, roles)) != call.speaker:
            call = QuoteCall(q, call.kind, plain, call.cue, call.reason)  # ("Professor Anna Cole was blunt: '...'")
        key = doc.folded[q.start:q.end].strip(" .,;:!?") \
            if named or scared or call.kind in ("name", "title", "scare") else ""
        if call.kind in ("name", "title") and key and call.reason == _CAPITALISED \
                and named.get(key, call.kind) != call.kind:
            # a capital alone says name or title; the words' earlier frame said which ("known as 'Dreamers'")
            call = QuoteCall(q, named[key], None, None, f"the same words were quoted earlier as a {named[key]}")
        elif call.kind in ("name", "title") and key:
            named.setdefault(key, call.kind)
        elif key in named and (call.kind in ("scare", "other") or call.kind in ("direct", "partial")
                               and "(cue)" not in call.reason):
            # a name or a title stays one: the words given again in marks ("the group APT29 or 'Cozy Bear' ...
            # 'Cozy Bear' is ...") are the same name, not the writer's doubt about it, nor speech unless a
            # reporting verb gives them to someone
            call = QuoteCall(q, named[key], None, None, f"the same words were quoted earlier as a {named[key]}")
        elif key in scared and call.kind == "partial" and q.depth == 0 and "(cue)" not in call.reason:
            # the writer's distancing, repeated: words first set off with nobody said to use them stay the writer's
            # when they come again and no reporting verb gives them to anyone (the guidelines' Townhall "selected")
            call = QuoteCall(q, "scare", None, None, "the same words were set off earlier as the writer's own "
                                                     "distancing, and no reporting verb gives them to anyone here")
        if call.kind == "scare" and q.depth == 0 and key and not ctx.in_headline(q):
            scared.add(key)  # (a headline's words are judged against the body afterwards: not here)
        out.append(call)
        prev = call
        outer.append(call)
        if call.kind in ("direct", "partial") and q.depth == 0 and call.speaker and AS_CALLED not in call.reason:
            # (a phrase named as someone's term, "as U.N. experts call it", is an aside: it does not report them)
            last = LastTurn(call.speaker, call.cue, ctx.para_index(q.start))
    lookups = 0
    for i, c in enumerate(out):
        if c.kind in ("scare", "title", "name", "other") and lookups < MAX_ECHO_LOOKUPS and _near_top(ctx, c.span):
            lookups += 1
            out[i] = _echo_in_body(ctx, c, out)
    return out


def _classify_one(ctx: QuoteContext, q: QuoteSpan, last: LastTurn | None, outer_start: int | None) -> QuoteCall:
    doc, cfg, text = ctx.doc, ctx.cfg, ctx.text
    content = text[q.start:q.end]
    words = WORD.findall(content)
    n = len(words)
    si = doc.sentence_of(q.start - 1 if q.start > 0 else 0)
    s_lo = doc.sentences[si].start if si >= 0 else 0
    before = text[max(s_lo, q.start - 1 - 60):max(s_lo, q.start - 1)]
    after = text[q.end + 1:q.end + 1 + 40]
    first_char = content.lstrip(" \u2026.([")[:1]

    if n == 0:
        return QuoteCall(q, "other", None, None, "quotation with no words")
    frame = _frame_kind(ctx, q, words, before, after)
    if frame is not None:
        return frame
    # The writer's own convention: the article quotes speech with one kind of mark and uses the other kind,
    # outside any quotation, around a short word or name (state media's ‘Israel’).
    if ctx.speech_family and family(q, text) != ctx.speech_family and q.depth == 0 and n <= 2 \
            and not ctx.in_headline(q) and first_char.isupper():
        return QuoteCall(q, "scare", None, None,
                         "short word in the writer's other quotation mark, not the one it uses for speech: "
                         "the writer's own distancing")

    clause = _clause_like(ctx, q, words, before, outer_start) or (
        first_char.isupper() and frame_before(ctx, q) is not None)  # `Clinton cracked, "I'm a progressive"`
    who = speaker_for(ctx, q, last, clause)
    attributed = who.how in ("cue", "utterance", AS_CALLED)
    if clause and (who.name is not None or n >= cfg.direct_min_words or attributed):
        return QuoteCall(q, "direct", who.name, who.cue, f"a clause of reported speech ({who.how})")
    if (who.name is not None or attributed) and q.depth == 0 and fr.subject_and_verb(words) \
            and not _noun_after(after):
        # the guidelines' clause test on the words themselves: a subject and its verb inside the marks make a clause,
        # wherever it sits in the writer's sentence ("claiming 'we are getting out of the nation-building business'"),
        # unless a noun follows the marks, which then name it ("the 'we are closed' sign", "the 'it was Russia' theory")
        return QuoteCall(q, "direct", who.name, who.cue, f"a clause of reported speech: its own subject and verb "
                                                         f"({who.how})")
    if who.name is not None or attributed:
        if n <= cfg.scare_max_words and q.depth > 0 and not fr.cue_right_before(before):
            if not (n >= 2 and first_char.isupper() and content.rstrip()[-1:] in ".,!?"):
                return QuoteCall(q, "scare", None, None, "short phrase set off inside another quotation: the "
                                                         "quoted speaker's own distancing")
            # a sentence the speaker voices ("Not just, 'I'm for her,' but ..."): speech, not a distanced word
            return QuoteCall(q, "direct", who.name, who.cue, "a sentence voiced inside a speaker's quotation "
                                                             f"({who.how})")
        return QuoteCall(q, "partial", who.name, who.cue,
                         f"a fragment of a speaker's words woven into the sentence ({who.how})")
    if _HEDGE.found(before) and n <= cfg.scare_max_words + 2:
        return QuoteCall(q, "scare", None, None, "a hedge before it (\"a kind of\", \"the dreaded\") and nobody said to "
                                                 "say it: the writer's own distancing")
    if fr.verb_phrase(words):
        name = sentence_subject_name(ctx, si, q.start) if si >= 0 and not ctx.in_negated(q) else None
        return QuoteCall(q, "partial", name, None, "a quoted verb phrase woven into the sentence: someone's wording, "
                                                   "not a label the writer holds at a distance"
                                                   + ("; the speaker is the sentence's subject" if name else ""))
    if 2 <= n <= 6 and words[-1].lower() in fr.TITLE_NOUNS \
            and (not _not_headed_by_last(words) or _noun_after(after)) \
            or n <= 6 and _NAMING_HEAD.found(after):
        return QuoteCall(q, "title", None, None, "names a rule, law, plan, agreement or test (a title, not a quote)")
    if n == 1 and _capitalised_mid_sentence(ctx, q, words[0], before):
        return QuoteCall(q, "title", None, None, _CAPITALISED)
    if (n <= cfg.scare_max_words or not clause) and q.depth == 0 and si >= 0 and not ctx.in_headline(q) \
            and not ctx.in_negated(q) \
            and not text[doc.sentences[si].start:doc.sentences[si].end].rstrip(" \"'\u201d\u2019").endswith("?"):
        # a short phrase in a sentence that reports what a named person or body says or does is, by the guidelines,
        # their wording (an implicit attribution: "Amira Sandoval talks about 'climate adaptation'"), and so is a
        # longer fragment ("Paul Ryan worried that the safety net was becoming 'a hammock that lulls ...'"); the
        # writer's own questions are not ("Will Helena cosy up to Brandt in a 'grand coalition'?")
        subject = sentence_subject_name(ctx, si, q.start) or described_subject(ctx, si, q.start)
        if subject is None and last is not None and last.name and _pronoun_subject(ctx, si) \
                and ctx.para_index(q.start) - last.paragraph <= 1:
            subject = last.name  # "He promises the government will help 'up-skill' workers"
        if subject is not None:
            return QuoteCall(q, "partial", subject, None, "a short phrase in a sentence about this person or body: "
                                                          "their wording, though no verb says so")
    if n <= cfg.scare_max_words and _capitalised_mid_sentence(ctx, q, words[0], before) \
            and content.rstrip(" \u2019'\"")[-1:] not in ("!", "?"):
        # "the 2002 'Beltway sniper' attacks"; an exclamation or a question is an utterance ("chants of 'Lock her up!'")
        return QuoteCall(q, "title", None, None, _CAPITALISED)
    if n <= _CAPITALISED_MAX_WORDS and first_char.isupper() and not ctx.in_headline(q):
        # English capitalises names and titles; a scare quote holds common words ("the 'experts'"), so a capitalised
        # phrase nobody says, outside the headline, is the name of a show, a group or a slogan ("'Start Here' offers")
        return QuoteCall(q, "title", None, None, "a capitalised short phrase with no speaker: the name of a work, a "
                                                 "group or a slogan, not a word held at a distance")
    if n <= cfg.scare_max_words and q.depth == 0 and _LABELLED_AS.found(before):
        return QuoteCall(q, "partial", None, None, "a label someone gives (\"described him as ...\", \"has called "
                                                   "...\"): the labeller's word, though no speaker is named here")
    if n <= 2 and fr.INTERJECTION.match(content.strip()):
        # the guidelines' onomatopoeia: a sound or an exclamation nobody is said to utter ("things that make you go
        # 'hmm'") is neither speech nor a word held at a distance
        return QuoteCall(q, "other", None, None, "a sound or an interjection with no speaker (\"hmm\", \"whoosh\"): "
                                                 "neither anyone's words nor the writer's distancing")
    if n <= cfg.unmarked_scare_max_words:
        return QuoteCall(q, "scare", None, None,
                         "short quoted phrase with no speaker in this or the previous sentence: the writer's own "
                         "distancing")
    if n <= cfg.scare_max_words and q.depth == 0 and q.start - 1 - s_lo <= _SUBJECT_LEAD_CHARS \
            and fr.subject_of_clause(text[s_lo:q.start - 1], content, words, after):
        # a partial quote is woven into the writer's sentence as what someone said or called something; a quoted
        # noun phrase that is the subject of the writer's own clause, with nobody said to use it ("'The Russian
        # scandal' is recognized now to be a dry hole"), is the writer naming a thing while refusing the name
        return QuoteCall(q, "scare", None, None, "a quoted phrase as the subject of the writer's own clause, with no "
                                                 "speaker: the writer's distancing from the name")
    if n <= cfg.scare_max_words:
        return QuoteCall(q, "partial", None, None,
                         "a phrase of several words with no speaker found: someone's wording rather than a word the "
                         "writer holds at a distance (without a doubt marker, a scare quote holds one word)")
    if clause or n >= cfg.direct_min_words:
        return QuoteCall(q, "direct", None, None, "a clause of reported speech with no speaker found")
    return QuoteCall(q, "other", None, None, "quoted phrase with no speaker and no sign of irony")


def _doubted_name(before: str, words: list[str]) -> bool:
    """Does a doubt marker stand before the quotation with one or two of a name's modifiers between ("the so-called
    Republican 'leadership'")? The words between must be nouns or adjectives, and the quotation no verb phrase (not
    "the self-styled prophet said 'the end is near'", "the so-called peace plan 'is dead'")."""
    m = fr.SO_CALLED_NAME.search(before)
    return m is not None and not fr.verb_phrase(words) \
        and all(tag(x).startswith(("JJ", "NN")) for x in m.group(1).split())


# A quotation opens its sentence's subject only this close to the sentence's start (a determiner and two modifiers).
_SUBJECT_LEAD_CHARS = 60
# A capitalised phrase of this many words or fewer that nobody says is a name or title ("'Start Here' offers").
_CAPITALISED_MAX_WORDS = 2
_CAPITALISED = ("opens with a capital letter in the middle of a sentence, and the text does not otherwise use the word "
                "as a name: the title of a work or a name")


def _pronoun_subject(ctx: QuoteContext, si: int) -> bool:
    """Does sentence ``si`` open with a personal pronoun as its subject ("He promises ...", "She called it ...")?"""
    doc = ctx.doc
    m = WORD.match(doc.text, doc.sentences[si].start)
    return m is not None and m.group(0) in ("He", "She")


def _capitalised_mid_sentence(ctx: QuoteContext, q: QuoteSpan, word: str, before: str) -> bool:
    """English capitalises a common word mid-sentence only in names and titles: `won for "Parasite"`."""
    return word[:1].isupper() and not word.isupper() and bool(re.search(r"[a-z0-9,]\s*$", before)) \
        and not ctx.in_headline(q) and word.lower().replace("\u2019", "'") not in ctx.names


def _inside_any(ctx: QuoteContext, offset: int) -> bool:
    """Is ``offset`` inside a quotation (a cue the quoted speaker uses is not the writer's attribution)?"""
    return ctx.in_quote(offset)


def first_upper(word: str) -> bool:
    """Does ``word`` open with a capital and go on in lower case ("Perception", not "NATO" or "iPhone")?"""
    return word[:1].isupper() and not word.isupper()


# The frames before the marks end where the marks start ("the word", "so-called"): tested backwards, one match attempt
# instead of a search from every position; those after the marks, and the content's own, start where they start.
# Both in lower case on ASCII text (framing.text.fastmatch: the same answers as the patterns')
_MENTION_BEFORE = EndPattern(fr.MENTION_BEFORE)
_NAME_BEFORE = EndPattern(fr.NAME_BEFORE)
# Words that open a description rather than a name after "called him" ... (in lower case: "The Rock" is a name)
_DESCRIPTION_OPENERS = frozenset("the a an one his her their its our my your this that".split())
_CALLED_HIM = re.compile(r"\b(?:call(?:ed|s)|nicknamed|dubbed)\s+(?:him|her|himself|herself|themselves|itself|them|"
                         r"the\s+[\w'\u2019-]+)\s*,?\s*$", re.IGNORECASE)


def _describes(words: list[str]) -> bool:
    """Do the quoted words open as a description rather than a name: a word in lower case, or an article or a
    possessive before one ("the world's most overrated general"; not "the Queen of Quiet")?"""
    if words[0] in _DESCRIPTION_OPENERS:
        return len(words) == 1 or not first_upper(words[1])
    return not first_upper(words[0])


_MARKUP_BEFORE = EndPattern(fr.MARKUP_BEFORE)
_SO_CALLED = EndPattern(fr.SO_CALLED)
_HEDGE = EndPattern(fr.HEDGE)
_LABELLED_AS = EndPattern(fr.LABELLED_AS)
_ADDRESSEE_BEFORE = EndPattern(fr.ADDRESSEE_BEFORE)
_NAMING_PARTICIPLE = EndPattern(fr.NAMING_PARTICIPLE)  # (whether it matches; its group is read from the search)
_TITLE_BEFORE = EndPattern(fr.TITLE_BEFORE)
_NAMED_AS = EndPattern(fr.NAMED_AS)


def _noun_after(after: str) -> bool:
    """Does a lower-case common noun follow the quotation, which then modifies it as a name ("a 'repeal the act'
    petition", "the 'not our law' network")?"""
    m = _FIRST_WORD.match(after)
    return m is not None and m.group(1).islower() and tag(m.group(1)).startswith("NN")


_FIRST_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")


def _not_headed_by_last(words: list[str]) -> bool:
    """Is the noun that ends a quotation ("law", "strategy") its own noun phrase after a determiner, not the head of
    a name: "just repeal the law", "so this is our strategy", "equal protection of the law" (a name is a compound,
    "stand your ground law", "zero tolerance policy")? Only when the quotation opens with an adverb, a pronoun, a
    preposition, an adjective or a conjunction: a slogan opens with a verb or a noun ("Kill the bill", "scrap the
    deal", which the tagger calls a noun); a title-cased quotation is a name whatever its words."""
    return len(words) >= 3 and not fr.title_case(words) and words[-2].lower() in _DETERMINERS_BEFORE_NOUN \
        and tag(words[0].lower()).startswith(_NOT_A_NAME_OPENING)


# Word classes that open no name of a law or plan ("just ...", "so ...", "you can ...", "if ...", "equal ...").
_NOT_A_NAME_OPENING = ("RB", "PRP", "IN", "JJ", "CC", "DT", "MD", "WP", "WRB", "EX", "VBD", "VBZ", "VBP")
# Determiners and possessives that open a noun phrase of their own.
_DETERMINERS_BEFORE_NOUN = fr.DETERMINER_WORDS | {"that"}


def _predicate(words: list[str], content: str) -> bool:
    """Does a quotation in lower case read as something said of a thing, not its name: it opens with an adjective, an
    adverb, a conjunction, a modal or a finite verb ("during the campaign 'treasonous'", "a program 'akin to
    slavery'", "in a viral video 'was no saint'"), or asks a question? A title or slogan opens with a noun, a
    determiner or an imperative ("the slogan 'build the wall'"), and one written with a capital is a name whatever
    its first word ("the film 'Frozen'", "the report 'Broken promises'", the podcast "Can he do that?"), unless
    that word is a conjunction ("on her show, 'But what is racist?'"). (A title written all in lower case that
    opens with an adjective, "the song 'happy'", reads as a predicate.)"""
    if not words[0][:1].islower():
        return tag(words[0].lower()) == "CC"  # ("Can he do that?" is a podcast's name; "But what is racist?" speech)
    return content.rstrip(" \u2019'\"")[-1:] == "?" or tag(words[0]).startswith(_PREDICATE_TAGS)


# A frame that names what follows as a title whatever its words ("an opinion piece titled 'Free Speech, but not for
# Palestine'", "the slogan 'build the wall'", "signs that read 'No justice'").
_NAMED_AS_TITLE = EndPattern(fr.NAMED_AS_TITLE)
# Word classes that open a predicate rather than a name.
_PREDICATE_TAGS = ("JJ", "RB", "CC", "MD", "VBD", "VBZ", "VBP", "VBN")
_OTHER_CONTENT = StartPattern(fr.OTHER_CONTENT)
_UI_LABEL_BEFORE = EndPattern(fr.UI_LABEL_BEFORE)
_MENTION_AFTER = StartPattern(fr.MENTION_AFTER)
_ADDRESSEE_AFTER = StartPattern(fr.ADDRESSEE_AFTER)
_TITLE_AFTER = StartPattern(fr.TITLE_AFTER)
_CALLED_OBJECT = EndPattern(fr.CALLED_OBJECT)
_ORG_AFTER = StartPattern(fr.ORG_AFTER)
_NAMING_HEAD = StartPattern(fr.NAMING_HEAD)


def _frame_kind(ctx: QuoteContext, q: QuoteSpan, words: list[str], before: str, after: str) -> QuoteCall | None:
    """The kind the words around the marks give, before any speaker is looked for (:mod:`.frames`)."""
    content = ctx.text[q.start:q.end]
    n = len(words)
    if _OTHER_CONTENT.found(content.strip()):
        return QuoteCall(q, "other", None, None, "a label or option (yes/no, a rating) rather than anyone's words")
    if n <= 4 and _UI_LABEL_BEFORE.found(before):
        return QuoteCall(q, "other", None, None, "a button or link to click (\"click 'expand'\"), not anyone's words")
    if _MENTION_BEFORE.found(before) or (_MENTION_AFTER.found(after)
                                         and not (fr.MEANS_AFTER.match(after) and fr.DETERMINER_BEFORE.search(before))):
        return QuoteCall(q, "mention", None, None, "the words themselves are talked about (\"the word ...\")")
    if n == 1 and content.strip(" .,;:") in fr.PRONOUN_WORDS and fr.PRONOUN_NAMING_BEFORE.search(before):
        return QuoteCall(q, "mention", None, None, "a pronoun in quotation marks after a verb of calling or choosing "
                                                   "words (\"call me 'him'\"): the word itself is talked about")
    if n <= 3 and (fr.CONTRASTED_BEFORE.search(before) or fr.CONTRASTED_AFTER.match(after)):
        return QuoteCall(q, "mention", None, None,
                         "set against another quoted word (\"'X' instead of 'Y'\"): the words themselves are compared")
    if _NAME_BEFORE.found(before) and not (_describes(words) and _CALLED_HIM.search(before)) \
            or _NAMED_AS.found(before) and not _describes(words) or fr.between_names(ctx.text, q) or (not ctx.in_headline(q) and fr.nickname_before_surname(ctx.text, q)):
        # (after "called him", "dubbed the plan", an article or a word in lower case opens a description, not a name:
        # "called him 'the world's most overrated general'", "called her 'bad news'"; a nickname is written as a
        # name, "called him 'Little Marco'", "nicknamed the director 'the Queen of Quiet'"; "known as 'the doll
        # tests'" is a name)
        return QuoteCall(q, "name", None, None, "a nickname or name (after \"dubbed\", \"known as\", \"called him\", "
                                                "\"whom they call\", \"refer to it as\", or inside a name)")
    if _MARKUP_BEFORE.found(before):
        return QuoteCall(q, "other", None, None, "an attribute value in markup (name=\"...\")")
    if _SO_CALLED.found(before) and n <= ctx.cfg.scare_max_words + 2 or n <= 2 and _doubted_name(before, words):
        return QuoteCall(q, "scare", None, None, "marked as doubtful by \"so-called\" or a similar word before it")
    titleish = fr.title_case(words)
    # one capitalised word is a name's shape too ("Hardball"), but not when it ends a sentence ("Never.")
    capitalised = fr.title_case(words, 1) and content.rstrip(" \u2019'\"")[-1:] not in (".", "?", "!")
    if capitalised and n <= 6 and _ADDRESSEE_BEFORE.found(before) and _ADDRESSEE_AFTER.found(after):
        return QuoteCall(q, "title", None, None, "the name of a show or publication someone spoke to (after \"told\" "
                                                 "or \"on\"), not anyone's words")
    # (one capitalised word is a name too: "a psychology class called 'Perception'")
    named = fr.NAMING_PARTICIPLE.search(before) if (titleish and n <= 8 or n == 1 and first_upper(words[0])) \
        and _NAMING_PARTICIPLE.found(before) else None
    if named and (named.group(1) or ",") not in fr.NOT_NAMED_THING:
        if named.group(1) in fr.NAMED_ENTITY_NOUNS:
            return QuoteCall(q, "name", None, None, "the name a person, place or group is called by (\"a group "
                                                    "called ...\")")
        return QuoteCall(q, "title", None, None, "the name a work, event, test or movement is called by (\"an "
                                                 "experiment called ...\")")
    if n <= 12 and (_TITLE_BEFORE.found(before) and (titleish or n <= 6 and not _CALLED_OBJECT.found(before)
                                                     and (_NAMED_AS_TITLE.found(before)
                                                          or not _predicate(words, content)))) \
            or _TITLE_AFTER.found(after) and (
            titleish or capitalised and after.lstrip()[:1].islower()):  # (a lower-case noun: "for 'The Takeout' podcast")
        return QuoteCall(q, "title", None, None, "the name of a work, law, event, campaign or slogan")
    if titleish and not ctx.in_headline(q) and n <= 10 and not fr.starts_clause(before) \
            and content.rstrip()[-1:] not in ("?", "!") and not fr.cue_right_before(before):
        return QuoteCall(q, "title", None, None, "every word capitalised: the name of a work, event or campaign")
    if titleish and _ORG_AFTER.found(after):
        return QuoteCall(q, "name", None, None, "the name of an organisation, place or account")
    stripped = content.strip(" ,.;:")
    if n == 1 and 2 <= len(stripped) <= 6 and stripped.isupper() and stripped.isalpha():
        return QuoteCall(q, "title", None, None, "an acronym in quotation marks: the name of a show, group or thing")
    if stripped[:1].isdigit() and n <= ctx.cfg.scare_max_words:
        return QuoteCall(q, "other", None, None, "a number-led term (a code or technical label), not anyone's words")
    return None


def _clause_like(ctx: QuoteContext, q: QuoteSpan, words: list[str], before: str, outer_start: int | None) -> bool:
    """The guidelines' clause test, approximated by position: does the quotation start a sentence or clause?"""
    text = ctx.text
    content = text[q.start:q.end].strip()
    if not content:
        return False
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    starts_sentence = not b or b.endswith((":", "\u2014", "\u2015", "\u2013", ".", "!", "?")) or (
        b.endswith(",") and fr.cue_right_before(b)) or bool(re.search(r"\b(?:said|says|saying|told|asked|added|"
                                                                      r"wrote|replied|continued)\s*$", b)) \
        or ctx.introduced(q) or (b.endswith(",") and _last_word(b) in ctx.speech_nouns)  # "issued a statement,"
    if q.depth > 0 and outer_start is not None and not text[outer_start:q.start - 1].strip():
        starts_sentence = True  # “‘Why aren’t we?’ they ask”: a quotation opening its enclosing one
    first = content.lstrip("\u2026. ([")[:1]
    ends = content.rstrip()[-1:] in ".!?,;:\u2026-\u2014\u2015" or text[q.end + 1:q.end + 2] in (",", ".")
    if starts_sentence and (first.isupper() or first.isdigit()):
        return True
    if re.search(r"\bthat\s*$", b) and len(words) >= 3 and _ends_sentence(text, q):
        # a quotation opening a that-clause and closing its sentence holds the whole clause, subject and verb
        # ("Psaki said that "the United States is appalled by ...""): the guidelines' clause test says direct
        return True
    return starts_sentence and len(words) >= 3 and ends  # a continuation in lower case ("...," he said, "and more.")


def _last_word(text: str) -> str:
    """The last word of ``text``, folded to lower case ("" if none)."""
    m = re.search(r"(\w+)\W*$", text)
    return m.group(1).lower() if m else ""


def _ends_sentence(text: str, q: QuoteSpan) -> bool:
    """Does the sentence end with the quotation (only closing marks and punctuation after it, then a break)?"""
    content = text[q.start:q.end].rstrip()
    tail = re.match(r"[\s\"'\u201d\u2019)\]]*([.!?]?)[\s\"'\u201d\u2019)\]]*", text[q.end + 1:q.end + 12])
    rest = text[q.end + 1 + tail.end():q.end + 2 + tail.end()] if tail else ""
    stop = content[-1:] in (".", "!", "?") or bool(tail and tail.group(1))
    return (stop and (not rest or rest.isupper() or rest.isdigit() or rest in "\"\u201c'\u2018")) or not rest \
        or "\n" in (tail.group(0) if tail else "")


def _near_top(ctx: QuoteContext, q: QuoteSpan) -> bool:
    """Is the quotation in the headline, or in a title-case line among the first three (related links, captions)?"""
    paras = ctx.doc.paragraphs
    if not paras or q.start >= paras[min(2, len(paras) - 1)].end:
        return False
    return paras[0].start <= q.start < paras[0].end or _title_case_line(ctx, q.start)


def _echo_in_body(ctx: QuoteContext, call: QuoteCall, calls: list[QuoteCall]) -> QuoteCall:
    """A headline quotation whose words come back, attributed, in the body is a partial quote of that speaker.

    News headlines quote fragments of what the story reports ("Clinton Calls Violence 'Genocide'"); the
    guidelines call these partial. Words that nobody says in the body stay as they were (usually scare).
    """
    doc = ctx.doc
    q = call.span
    words = re.findall(r"[^\W_]+", doc.folded[q.start:q.end])
    if not words or len(words) > 8:
        return call
    line_end = doc.text.find("\n", q.end)
    if line_end < 0:
        return call
    pat = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")
    starts = [c.span.start for c in calls]
    for m in pat.finditer(doc.folded, line_end):
        p = m.start()
        # the innermost quotation holding p: quotations are sorted by start and nest or follow each other
        k = bisect_right(starts, p)
        for c in calls[max(0, k - 8):k]:
            if c.span.start <= p < c.span.end and c.kind in ("direct", "partial") and c.speaker:
                return QuoteCall(q, "partial", c.speaker, c.cue, "headline words that the body quotes from this "
                                                                   "speaker")
        for a in ctx.by_sentence.get(doc.sentence_of(p), []):
            if a.speaker:
                return QuoteCall(q, "partial", a.speaker, ctx.cue_text(a), "headline words that the body "
                                                                          "attributes to this speaker")
    return call


def _title_case_line(ctx: QuoteContext, offset: int) -> bool:
    k = ctx.para_index(offset)
    if k < 0:
        return False
    p = ctx.doc.paragraphs[k]
    if p.end - p.start > 400:
        return False  # a headline-like line is short
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", ctx.text[p.start:p.end]) if w.lower() not in fr.SMALL]
    return 2 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
