"""Which lexicon matches are reporting cues: context checks for ambiguous verbs, nouns and participles, and relays
("X quoted Y as saying")."""

from __future__ import annotations

import re
from bisect import bisect_left

from framing.detect.attributions._base import (
    ADDRESSEES,
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    NOUN_MAKERS,
    NOUN_MAKING_ADJECTIVES,
    PREPOSITIONS,
    PRONOUNS,
    SAYING,
    SKIP_AFTER_CUE,
    SOURCE_AFTER_PHRASES,
    Attr,
    Ctx,
    contracted_negation,
    dashed,
    gap_is_space,
    in_title_case_line,
    possessive_s,
    punct_gap,
    sentence_initial,
    span_text,
    with_subject,
)
from framing.detect.attributions.sources import (
    noun_article,
    np_after,
    subject_before,
)
from framing.text.normalize import COMPOUND_HYPHENS
from framing.text.quotemarks import MARK_CHARS


# ---------------------------------------------------------------------------------------------------- cues
def is_cue(ctx: Ctx, first: int, last: int, lemma: str, flags: tuple[str, ...] = ()) -> bool:
    """Is the reporting-verb match over tokens ``[first, last]`` (its lexicon term ``lemma`` and ``flags``) a cue of
    reported speech here?"""
    w = ctx.doc.words
    prev = w[first - 1] if first > 0 else ""
    nxt = w[last + 1] if last + 1 < len(w) else ""
    form = w[first]
    if lemma in SOURCE_AFTER_PHRASES:
        # "according to plan", "according to schedule" are not attributions
        return nxt not in ("plan", "schedule", "script", "tradition", "law")
    if ctx.cap(first) and not sentence_initial(ctx, first) and not in_title_case_line(ctx, first):
        return False  # "the United States", "Call of Duty": a capitalised word mid-sentence is a name
    if prev == "so" and ctx.gap(first).strip() in _COMPOUND_HYPHENS:
        return False  # so-called, with any hyphen the text writes ("so\u2011called")
    if nxt == "s" and possessive_s(ctx, last + 1):
        return False  # "Kaduna state's police commissioner": a word that owns something is a noun, not a verb
    if prev in PREPOSITIONS and gap_is_space(ctx, first) and not (form.endswith("ing")
                                                                    and _has_evidence(ctx, first, last)):
        # "under stress", "in response", "of note": a noun after a preposition; an -ing form there is a gerund
        # that reports only with reported content next to it ("after reporting 'auditory sensations'", "before
        # grumbling that ..."), not an adjective ("a mob of screaming students", "by fuming commuters")
        return False
    if prev in _SUBORDINATORS and (form.endswith("ed") or form in _IRREGULAR_PAST) \
            and not (first >= 2 and punct_gap(ctx, first) and punct_gap(ctx, first - 1)) \
            and not (prev == "once" and first >= 2 and not punct_gap(ctx, first - 1)
                     and not sentence_initial(ctx, first - 1)):
        # "When asked about it, she said": a reduced clause, nobody reports anything there ("Lemkin once said" is
        # the adverb: "once" right after its subject, not opening a clause; "Akin, though, said": set off by commas
        # on both sides, "though" is an adverb of the clause, not its opener)
        return False
    if prev == "all" and form == "told":
        return False
    if lemma == "call" and nxt in _CALL_PARTICLES and gap_is_space(ctx, last + 1):
        return False  # "called off its strike", "called up reservists": no one speaks
    if lemma == "admit" and prev in BE_FORMS and nxt in ("to", "into"):
        return False  # "was admitted to hospital": let in; speech passivised is "it was admitted that"
    if lemma == "claim" and _claim_taken(ctx, last):
        return False  # "the storm claimed three lives", "claimed the top spot": to take, not to assert
    if lemma == "thank" and form == "thanks" and (nxt == "to" or nxt == "for" and sentence_initial(ctx, first)):
        return False  # "Thanks to the new rules, ...": a preposition; "Thanks for getting in touch": an interjection
    if form.endswith("ing") and gap_is_space(ctx, first) and not _content_follows(ctx, last) \
            and not _comma_quote(ctx, last, ",:") and (
            prev in ("this", "that") or form == "writing" and prev == "of" and first >= 2 and w[first - 2] == "time"):
        # "as of this writing", "in this telling", "that warning", "at the time of writing": a noun after its
        # demonstrative (not "disputed this, saying ...", nor "disputed this saying that ...", "denied this saying,
        # '...'")
        return False
    if ctx.gap(first).rstrip().endswith(("<", "</")):
        return False  # markup: <tweet ...>
    if ctx.in_quote(first):
        return False  # reporting inside a quotation belongs to the quoted speaker's own words
    if form == lemma and first == last and noun_article(ctx, first) >= 0:
        # the word is a noun with its own article ("a snappy retort", "a corrupt rail contract"): it reports speech
        # only beside what was said, a colon or a quotation right after it
        after = ctx.gap(last + 1).strip() if last + 1 < len(w) else ""
        if not (after[:1] == ":" or after[:1] in tuple(MARK_CHARS)):
            return False
    if lemma in _NOUN_TOO and prev.endswith("s") and ctx.gap(first).strip() in ("'", "\u2019"):
        return False  # "Sanders' comments": a word after a possessive is a noun
    if prev in NOUN_MAKERS and gap_is_space(ctx, first) and not (
            prev in NOUN_MAKING_ADJECTIVES and (form.endswith("ed") or form in _IRREGULAR_PAST)) \
            and not (prev in _SPEAKING_NOUN_ADJECTIVES and not ctx.cap(first - 1) and form != lemma
                     and form.endswith("s") and (lemma not in _NOUN_TOO or _comma_quote(ctx, last, ",:"))):
        # "the claim", "his remarks", "official statements" (but "the official said" is a verb, and so is a present
        # tense after a noun that can speak, when it has no noun reading or a quotation follows it: "a senior
        # official says, ...", "the official notes, '...'")
        return False
    if lemma == "state" and form in ("state", "states") and nxt not in ("that", ":") \
            and not _content_follows(ctx, last) and not _person_subject(ctx, first) \
            and not (_comma_quote(ctx, last) and _document_subject(ctx, first)) \
            and not _quote_then_subject(ctx, first):
        # "the current state of", "Western states": the noun; the verb states what follows it, or what a quotation
        # before its subject holds (`"...," a voice-over in the ad states.`)
        return False
    if (lemma in _NOUN_TOO or lemma == "state") and form == lemma and _after_singular_article(ctx, first):
        return False  # "a heavily Democratic state": after "a", a singular subject would take "states"
    if lemma in _NOUN_TOO and not form.endswith(("ed", "ing")) and form not in _IRREGULAR_PAST \
            and not (lemma == "rail" and nxt in ("against", "at", "about")):  # the verb takes these: "rails against"
        # "tweets", "claims", "calls" are nouns as often as verbs ("an explosive charge"): the verb needs a
        # subject that can speak right before it
        if not _person_subject(ctx, first) and not in_title_case_line(ctx, first) \
                and not (_content_follows(ctx, last) and _document_subject(ctx, first)) \
                and not _inverted_after_quote(ctx, first, last) \
                and not (form == lemma and _non_response_cue(ctx, first, last, lemma)):
            # ("declined to comment": an infinitive after a refusal is the verb, whatever its subject)
            # a document claims too, when what it claims follows ("The ad claims '...'"); and in quotative inversion
            # the subject follows the verb (`"...," replies Burton.`)
            return False
    if form in ("called", "named", "dubbed", "titled", "entitled") and 0 < first and last + 1 < len(w) \
            and not ctx.cap(first - 1) and gap_is_space(ctx, first) \
            and prev not in PRONOUNS and prev not in AUXILIARIES and prev not in ctx.words.speaker_heads \
            and prev not in DETERMINERS and prev not in ("what", "that") \
            and ctx.gap(last + 1).strip()[:1] in tuple(MARK_CHARS):
        return False  # "a 2002 psychology class called 'Perception'": a thing named, not anyone speaking
    if lemma in ("call", "brand", "label", "dub", "term"):
        # "called for", "called on", "called the plan 'a disaster'", "branded him a traitor"
        return nxt in ("for", "on", "upon") or _quote_within(ctx, last, 8) or (
            nxt in ("it", "him", "her", "them", "this", "that", "himself", "herself") and lemma != "call"
            or nxt in ("it", "him", "her", "them") and last + 2 < len(w) and w[last + 2] in ("a", "an", "the")
            or _person_subject(ctx, first) and form.endswith("ed"))
    if lemma == "refer":
        # "referred to Rubio as 'a bright, charismatic leader'": naming someone or something, with the name quoted
        return nxt == "to" and _word_within(ctx, last, ("as",), 10) and _quote_within(ctx, last, 14)
    if lemma in ("describe", "characterise", "characterize", "portray"):
        return _word_within(ctx, last, ("as",), 10) or _quote_within(ctx, last, 8) or (
            _person_subject(ctx, first) and form.endswith(("ed", "d")))
    if lemma in ("find", "show", "conclude"):
        # "found that", "concluded this month that", "found in a 2014 study that": a finding reported as content
        j = _past_adjuncts(ctx, last, 4)
        if (j < len(w) and w[j] == "that") or (nxt in ("in", "on") and _word_within(ctx, last, ("that",), 6)):
            return True
        if lemma != "show" and _content_follows(ctx, last) and (_document_subject(ctx, first)
                                                                 or _person_subject(ctx, first)):
            return True  # `the report found "no evidence ..."`: a finding quoted (a march "shows" nothing said)
        # `"...," the report concluded.`: a finding quoted before its source, the clause ending with the verb
        return _quote_then_subject(ctx, first) and _clause_end(ctx, last)
    if lemma == "read" and form.endswith("ing"):
        return False  # "signs reading '...'": the participle describes the sign; its slogan is a title, not speech
    if form.endswith("ing") and prev in ctx.words.speech_nouns and gap_is_space(ctx, first):
        return True  # "issued a statement saying ...", "sent a letter warning that ...": the noun's content
    if form.endswith("ing") and lemma != "according to":
        # a participle reports speech after a comma, an auxiliary or a preposition (", adding that", "was saying",
        # "by telling them"); elsewhere an -ing form is usually a noun or adjective ("the American prattling")
        g = ctx.gap(first)
        if not ("," in g or dashed(g) or prev in AUXILIARIES or prev in (
                "and", "by", "while", "after", "before", "without", "when", "also", "for", "from", "about", "of")
                or with_subject(ctx, first) is not None):  # "with the minister saying ..." (an absolute clause)
            return _has_evidence(ctx, first, last)
    if form in ("said", "says", "say") and nxt in ("to",) and last + 2 < len(w) and w[last + 2] == "be":
        return True  # "is said to be" -- an attribution without a source
    if "quote_only" in flags:
        # "continue", "remember" and the manners of speaking report speech only beside a quotation or before a
        # colon ("Cruz continued:", `"...," he continued`, `she shot back, "..."`), never on their own ("the
        # cooperation will continue", "the dogs barked"); the quotation is in the verb's own sentence
        d = ctx.doc
        after = ctx.gap(last + 1).lstrip() if last + 1 < len(w) else ctx.text[d.tok_end[last]:].lstrip()
        si = d.sentence_of(d.tok_start[first])
        lo = d.sentences[si].start if si >= 0 else 0
        before = ctx.text[max(lo, d.tok_start[first] - 60):d.tok_start[first]]
        if after[:1] == "," and after[1:].lstrip()[:1] in MARK_CHARS:
            after = after[1:].lstrip()
        if after[:1] == ":" or (after[:1] and after[0] in MARK_CHARS):
            # (a written text "reads" its wording: 'The sign read: "..."')
            return _person_subject(ctx, first) or _text_reads(ctx, first, lemma)
        if re.search(r"[,!?][\"\u201d\u2019']{1,2}\s*$", before):
            return True  # `"...," continued Smith`
        return bool(re.search(r"[,!?][\"\u201d\u2019']{1,2}\s+(?:[\w.\u2019'-]+\s+){1,6}$", before)) \
            and (_person_subject(ctx, first) or _text_reads(ctx, first, lemma))
    if "needs_evidence" in flags:
        # ambiguous verbs ("added", "noted", "reported") count with reported content next to them, or in the past
        # tense after a subject that can speak ("Trump responded by ...", "she acknowledged it was unlikely")
        if _has_evidence(ctx, first, last):
            return True
        if _non_response_cue(ctx, first, last, lemma):
            return True  # "declined to comment", "did not respond to a request for comment": no answer, reported
        if (form.endswith("ed") or form in _IRREGULAR_PAST) and _quote_within(ctx, last, 10) \
                and _person_subject(ctx, first):
            return True  # "Comey stated Clinton and her team were 'extremely careless'": the clause holds a quotation
        if lemma in ("add", "post", "note", "state", "report"):
            return False  # "added 200 jobs", "posted a loss", "reported earnings": objects, not speech
        return (form.endswith("ed") or form in _IRREGULAR_PAST) and _person_subject(ctx, first)
    return True


def _content_follows(ctx: Ctx, last: int) -> bool:
    """Does a quotation, a colon or "that" follow token ``last`` directly?"""
    w = ctx.doc.words
    if last + 1 >= len(w):
        return False
    g = ctx.gap(last + 1).strip()
    return (bool(g) and (g[0] in MARK_CHARS or g[0] == ":")) or (not g and w[last + 1] == "that")


def _text_reads(ctx: Ctx, first: int, lemma: str) -> bool:
    """Does a written text read its wording here ("the statement read", "The sign reads:")?"""
    return lemma == "read" and _document_subject(ctx, first)


def _comma_quote(ctx: Ctx, last: int, marks: str = ",") -> bool:
    """Does a comma (or another of ``marks``) and a quotation follow token ``last`` ('The new law states, "..."',
    'the official notes: "..."')?"""
    if last + 1 >= len(ctx.doc.words):
        return False
    g = ctx.gap(last + 1).strip()
    rest = g[1:].lstrip()
    return g != "" and g[0] in marks and rest != "" and rest[0] in MARK_CHARS


def _document_subject(ctx: Ctx, first: int) -> bool:
    """Is the subject right before token ``first`` a document ("The ad", "a 2014 report")?"""
    d = ctx.doc
    subj = subject_before(ctx, first, d.sentence_of(d.tok_start[first]))
    return subj is not None and d.words[subj[1]] in ctx.single.get("document", ())


def _person_subject(ctx: Ctx, first: int) -> bool:
    """Is there a subject that can speak right before token ``first`` (a name, a pronoun, a role or group)?"""
    d = ctx.doc
    si = d.sentence_of(d.tok_start[first])
    subj = subject_before(ctx, first, si)
    if subj is None:
        return False
    w = d.words
    head = w[subj[1]]
    if head in PRONOUNS:
        return head not in ("it", "which")
    # (news media report: "Multiple outlets reported on Wednesday ...", "the newspaper reported")
    return ctx.cap(subj[1]) or head in ctx.words.speaker_heads or head in ctx.single.get("media", ())


def _after_singular_article(ctx: Ctx, first: int) -> bool:
    """Does a noun phrase opened by "a", "an", "each" or "every" run up to token ``first`` (a few words, no modal or
    auxiliary between)? A base verb form cannot follow such a subject ("a man states"), so the word is a noun."""
    w = ctx.doc.words
    for k in range(first - 1, max(-1, first - 5), -1):
        if not gap_is_space(ctx, k + 1) or w[k] in _MODALS or w[k] in AUXILIARIES:
            return False
        if w[k] in ("a", "an", "each", "every", "another"):
            return True
    return False


# Words of NOUN_MAKING_ADJECTIVES that are also nouns for people who speak ("the official", "the press"): a verb's
# present tense can follow them as its subject (written in lower case: "The Associated Press" is a name, whose
# subject the general rules find).
_SPEAKING_NOUN_ADJECTIVES = frozenset(("official", "press", "public"))


# Particles that make "call" a verb of doing: "call off", "call up" (not "call for", "call on"; "in" and "back" open
# phrases or report shouting too: "called in a statement for", "called back to us")
_CALL_PARTICLES = frozenset(("off", "up"))
# What "claim" takes when it means to take or to win, not to assert: lives, and places, titles and prizes
_CLAIM_AFTER = frozenset("and but as after before when while since this last".split())  # ("claimed the spot last")
_CLAIM_TAKEN = frozenset("""lives life spot place title crown seat seats prize medal trophy championship gold silver
    bronze""".split())


def _claim_taken(ctx: Ctx, last: int) -> bool:
    """Is the object of "claim" at token ``last`` a noun phrase of at most five words headed by what is taken or won
    ("three lives", "the top spot", "her second Olympic medal", "more than 200 lives")?"""
    w = ctx.doc.words
    for t in range(last + 1, min(len(w), last + 6)):
        if punct_gap(ctx, t) or w[t] in ("that", "to"):
            return False
        if w[t] in _CLAIM_TAKEN:
            # the noun ends its phrase: a clause's subject ("claimed the title was hers") or a compound's modifier
            # ("claimed the prize money was never paid") asserts
            return t + 1 >= len(w) or punct_gap(ctx, t + 1) or w[t + 1] in PREPOSITIONS or w[t + 1] in _CLAIM_AFTER
    return False
_MODALS = frozenset("will would can could shall should may might must do does did to not".split())


# Lemmas whose base and -s forms are common nouns ("a tweet", "the claims", "his remarks").
_NOUN_TOO = frozenset(
    """tweet post claim call remark comment report note answer reply charge promise vow pledge rant estimate
    protest question demand quip joke boast complaint blame mock defend label brand term dub rail""".split()
)


_SUBORDINATORS = frozenset("when if once unless as though although while whether".split())
# What may join "so" and "called" into one word: nothing, or a hyphen as texts write it.
_COMPOUND_HYPHENS = frozenset(("", *COMPOUND_HYPHENS))


_IRREGULAR_PAST = frozenset("said told wrote written found shown swore sworn".split())


def _quote_within(ctx: Ctx, last: int, n: int) -> bool:
    d = ctx.doc
    s = d.tok_end[last]
    e = d.tok_end[min(last + n, len(d.tok_end) - 1)]
    si = d.sentence_of(s)
    if si >= 0:
        e = min(e, d.sentences[si].end)
    k = bisect_left(ctx.quote_opens, s)  # the first quotation whose opening mark is at or after s
    return k < len(ctx.quote_opens) and ctx.quote_opens[k] < e


def _word_within(ctx: Ctx, last: int, words: tuple[str, ...], n: int) -> bool:
    w = ctx.doc.words
    return any(x in words for x in w[last + 1:last + 1 + n])


def _has_evidence(ctx: Ctx, first: int, last: int) -> bool:
    """Reported content next to an ambiguous verb: a quote, "that", ":" or "," after it, or it ends the clause."""
    d = ctx.doc
    w = d.words
    j = _past_adjuncts(ctx, last, 6)  # "noted on Wednesday that", "added in a statement:"
    after = ctx.gap(j) if j < len(w) else d.text[d.tok_end[last]:]
    after = after.lstrip(" ")
    if after[:1] in (",", ":", ";", ".", "!", "?", "\u2014", "\u2015", "\u2013") or (after[:1] and after[0] in MARK_CHARS):
        return True
    if j < len(w) and w[j] in ("that", "how", "whether", "why", "what"):
        return True
    if j >= len(w) or "\n" in after:
        return True
    if j == last + 1 and _zero_that_clause(ctx, j):
        return True  # "that" left out: "analysts agree the missile was fired", "seemed to suggest he was"
    if last + 1 < len(w) and (w[last + 1] in PREPOSITIONS or _to_addressee(ctx, last + 1)) \
            and _adjunct_then_quote(ctx, last + 1):
        # `asks at Western High School, "Any questions?"`, `said in a statement: "..."`, `responds to Mills with,
        # "..."`
        return True
    if last + 1 < len(w) and w[last + 1] in PREPOSITIONS:
        # "wrote for The Washington Informer that ...", "argued in a 2014 essay that ...": a that-clause after the
        # medium or occasion
        for t in range(last + 2, min(len(w), last + 8)):
            if punct_gap(ctx, t) or ctx.in_quote(t):
                break
            if w[t] == "that":
                return t + 1 < len(w) and not any(c in ctx.gap(t + 1) for c in ".,;:!?")
    if "," in ctx.gap(first) and _inverted_name_then_quote(ctx, last):
        return True  # `Because of the schedule, explained Rosenberg, "..."`: the subject inverted before the quotation
    # content before: `"...," he added` / `..., the report noted`
    before = ctx.text[max(0, d.tok_start[first] - 60):d.tok_start[first]]
    if not re.search(r"[,\"\u201d\u2019']\s*(?:[\w.\u2019'-]+\s+){0,6}$", before):
        return False
    if _clause_end(ctx, last) or (_quote_then_subject(ctx, first) and (
            _clause_end(ctx, last, adjunct=True) or _addressee_then_end(ctx, last))):
        # `"...?" the 43-year-old asked in the video's description.`, `"...?" a reporter can be heard asking Trump
        # after an event in Iowa.`
        return True
    return _inverted_after_quote(ctx, first, last)


def _zero_that_clause(ctx: Ctx, j: int) -> bool:
    """Does a clause begin at token ``j`` with its "that" left out: a subject pronoun ("he", "there") and a finite
    auxiliary or modal right after it ("suggest there is no plan", "admitting he was surprised")? A pronoun in the
    subject case cannot be the verb's object, as a noun can ("noted those who had died", "added the herbs she had
    picked": a relative clause's verb is no evidence)."""
    w = ctx.doc.words
    return w[j] in _CLAUSE_PRONOUNS and j + 1 < len(w) and w[j + 1] in _FINITE and not punct_gap(ctx, j + 1)


# Subject pronouns that open a clause, and the finite verbs that follow a clause's subject ("he was", "there is",
# "they would").
_CLAUSE_PRONOUNS = frozenset("he she they we i there it".split())
_FINITE = frozenset("is was are were has have had will would can could should may might must does did "
                    "isn't wasn't aren't weren't hasn't haven't won't wouldn't can't couldn't".split())


def _inverted_after_quote(ctx: Ctx, first: int, last: int) -> bool:
    """Quotative inversion: the verb right after a quotation's closing mark, its subject after it and then the clause's
    end (`"...," wrote Mari Cazares.`, `"...,'' recalled Mr. Rhodes.`, `"...," replies Burton.`)."""
    d = ctx.doc
    before = ctx.text[max(0, d.tok_start[first] - 12):d.tok_start[first]]
    if not re.search(r"[,!?][\"\u201d\u2019']{1,2}\s*$", before):
        return False
    np = np_after(ctx, last, d.sentence_of(d.tok_start[first]), allow_pp=False)
    return np is not None and _clause_end(ctx, np[1])


def _inverted_name_then_quote(ctx: Ctx, last: int) -> bool:
    """Do one to four capitalised words follow token ``last`` (a role word may stand among them: "CBS moderator
    Nancy Cordes"), then a comma or colon and an opening quotation mark (", explained Rosenberg, '...'")?"""
    d = ctx.doc
    w = d.words
    role = ctx.single.get("role", frozenset())
    k = last + 1
    while k < len(w) and k - last <= 5 and (ctx.cap(k) or k > last + 1 and w[k] in role and k + 1 < len(w)
                                            and ctx.cap(k + 1)) \
            and (k == last + 1 or not punct_gap(ctx, k) or ctx.gap(k).strip() == "."):
        k += 1
    if k == last + 1:
        return False
    after = (ctx.gap(k) if k < len(w) else d.text[d.tok_end[k - 1]:]).strip()
    return after[:1] in (",", ":") and after[1:].lstrip()[:1] in tuple(MARK_CHARS)


def _past_adjuncts(ctx: Ctx, last: int, limit: int) -> int:
    """The first token after token ``last`` past at most ``limit`` words of time and manner adjuncts."""
    w = ctx.doc.words
    j = last + 1
    while j < len(w) and j - last <= limit and w[j] in SKIP_AFTER_CUE and not punct_gap(ctx, j):
        j += 1
    return j


def _to_addressee(ctx: Ctx, j: int) -> bool:
    """Is token ``j`` "to" before whom the words are addressed ("responds to Mills", "said to reporters"), not an
    infinitive's "to"?"""
    w = ctx.doc.words
    return w[j] == "to" and j + 1 < len(w) and (ctx.cap(j + 1) or w[j + 1] in ADDRESSEES) and not punct_gap(ctx, j + 1)


def _addressee_then_end(ctx: Ctx, last: int) -> bool:
    """After the cue at ``last``, the one addressed (a name of up to three words, or "reporters", "him"), then the end
    of the clause or one adjunct: `asking Trump after an event in Iowa.`"""
    w = ctx.doc.words
    k = last + 1
    if k >= len(w) or punct_gap(ctx, k) or not (ctx.cap(k) or w[k] in ADDRESSEES):
        return False
    while k + 1 < len(w) and k - last < 3 and ctx.cap(k + 1) and not punct_gap(ctx, k + 1):
        k += 1
    return _clause_end(ctx, k, adjunct=True)


def _adjunct_then_quote(ctx: Ctx, j: int) -> bool:
    """Does the prepositional phrase starting at token ``j`` (a place, occasion or medium, with no verb in it) end
    in a comma or colon followed by an opening quotation mark?"""
    d = ctx.doc
    w = d.words
    for t in range(j + 1, min(len(w), j + _MAX_ADJUNCT)):
        g = ctx.gap(t)
        if punct_gap(ctx, t):
            rest = g.lstrip(" ")
            return rest[:1] in (",", ":") and any(c in MARK_CHARS for c in rest[1:].strip()[:1])
        if w[t] in ("that", "to", "who", "which", "and", "but") or w[t].endswith("ed"):
            return False
    return False


# An adjunct between a cue and its quotation is a short phrase: "at a rally in Des Moines on Monday".
_MAX_ADJUNCT = 9


# A quotation closed by ",", "?" or "!", then a short subject, right before the verb: `"...?" the aide asked`.
_QUOTE_THEN_SUBJECT = re.compile(r"[,!?][\"\u201d\u2019']{1,2}\s+(?:[\w.\u2019'-]+\s+){1,5}$")
# The same subject with a non-restrictive appositive set off by commas: `"...,'' the economist Jared Bernstein, a
# former adviser in the Obama White House, wrote on his blog.` (no quotation mark, clause punctuation or sentence
# break inside the appositive)
_QUOTE_THEN_APPOSED_SUBJECT = re.compile(
    r"[,!?][\"\u201d\u2019']{1,2}\s+(?:[\w.\u2019'-]+\s+){0,4}[\w.\u2019'-]+,\s(?:[^\"\u201c\u201d,;:!?.]|\.(?!\s))"
    r"{3,100},\s+$")


def _quote_then_subject(ctx: Ctx, first: int) -> bool:
    """Does a quotation end right before the subject that comes before token ``first`` (`"...," the aide said`;
    `"...," Jane Doe, a former aide, wrote`)?"""
    at = ctx.doc.tok_start[first]
    return bool(_QUOTE_THEN_SUBJECT.search(ctx.text, max(0, at - 60), at)
                or _QUOTE_THEN_APPOSED_SUBJECT.search(ctx.text, max(0, at - 160), at))


def _clause_end(ctx: Ctx, last: int, adjunct: bool = False) -> bool:
    """Does the clause end soon after the cue (allowing a short time adjunct, or with ``adjunct`` one prepositional
    phrase: "asked in the video's description")?"""
    d = ctx.doc
    w = d.words
    j = last + 1
    k = 0
    while j < len(w) and k < 4 and not punct_gap(ctx, j):
        if w[j] not in SKIP_AFTER_CUE:
            break
        j += 1
        k += 1
    else:
        return True
    if j >= len(w) or punct_gap(ctx, j):
        return True
    j = last + 1
    if not adjunct or j >= len(w) or w[j] not in PREPOSITIONS:
        return False
    for t in range(j + 1, min(len(w), j + 8)):  # the phrase runs to the end of the clause, with no verb-like word
        if punct_gap(ctx, t):
            return True
        if w[t] in ("that", "to", "who", "which") or w[t].endswith("ed"):
            return False
    return j + 8 >= len(w)


def relays(ctx: Ctx) -> list[Attr]:
    """'X quoted Y as saying' and 'Y was quoted (by X) as saying': cue from "quoted" to "saying"; and with a
    quotation right after, 'X quoted Y saying "..."', 'X quotes Y: "..."', 'X quoted Y that "..."' (the words are
    Y's, X relays them)."""
    d = ctx.doc
    w = d.words
    out: list[Attr] = []
    for i, word in enumerate(w):
        if word not in _QUOTE_FORMS or i > 0 and (w[i - 1] in DETERMINERS or ctx.gap(i) == "-"):
            continue  # ("the quotes of the night", "his much-quoted summary": nouns and adjectives)
        # find "as saying" within the sentence
        si = d.sentence_of(d.tok_start[i])
        end_tok = ctx.sent_tokens(si).stop if si >= 0 else len(w)
        k = None
        lemma = "quoted as"
        for j in range(i + 1, min(end_tok - 1, i + 1 + ctx.cfg.max_source_words + 3)):
            if word == "quoted" and w[j] == "as" and w[j + 1] in SAYING:
                k = j + 1
                break
        if k is None:
            k = _quotation_after_object(ctx, i, end_tok)
            lemma = "quote"
        if k is None:
            continue
        a = Attr(i, k, lemma, "neutral", si)
        passive = i > 0 and w[i - 1] in ("was", "were", "been", "being", "is", "are")
        if lemma == "quote":
            if passive:
                continue  # ("was quoted by the paper saying ...": left to the cue lexicon)
            # the object is who is quoted, up to "saying"/"that" or through the word before the colon, and before
            # a prepositional phrase after it ("quoted Sigmund Freud on this issue:", "quoted the governor at length")
            obj_end = k - 1 if w[k] in ("saying", "that") else k
            if w[k] == "that" and w[obj_end] == "saying":
                obj_end -= 1  # "quoted the Texan saying that ..."
            obj_end = next((t - 1 for t in range(i + 2, obj_end + 1) if w[t] in _AFTER_OBJECT), obj_end)
            if obj_end < i + 1:
                continue
            a.source = (i + 1, obj_end)
            subj = subject_before(ctx, i, si)
            if subj:
                a.via = span_text(ctx, subj)  # the relay; the source's own type is found from its words
            out.append(a)
            continue
        if passive:
            # "Y was quoted by X as saying"
            by = next((j for j in range(i + 1, k) if w[j] == "by"), None)
            if by is not None and by + 1 < k - 1:
                a.via_span = (by + 1, k - 2)
            subj = subject_before(ctx, i - 1, si)
            if subj:
                a.source = subj
        else:
            if i + 1 <= k - 2:
                a.source = (i + 1, k - 2)
            subj = subject_before(ctx, i, si)
            if subj:
                a.via_span = subj
        if a.via_span:
            a.via = span_text(ctx, a.via_span)
            a.source_type = "media"
        out.append(a)
    return out


# Forms of "quote" whose object is the one quoted.
_QUOTE_FORMS = frozenset(("quoted", "quotes", "quoting"))
# Prepositions that open a phrase after the object of "quoted" ("on this issue", "at length", "in its editorial"; not
# "from": "a line from the New Testament" is the document's).
_AFTER_OBJECT = frozenset(("on", "in", "at", "to", "during", "with", "about", "for", "by", "word"))
# Words that end the object of "quoted" before any quotation: a coordinated verb or a relative clause follows.
_OBJECT_ENDS = frozenset(("and", "or", "but", "who", "which", "whom", "whose", "then"))


def _quotation_after_object(ctx: Ctx, i: int, end_tok: int) -> int | None:
    """The last token of "quoted Y saying", "quotes Y that" or "quoting Y:" when a quotation mark follows it (after
    spaces, a comma or the colon), Y a few words with no punctuation between them; else None."""
    d = ctx.doc
    w = d.words
    if i + 1 >= end_tok or not (ctx.cap(i + 1) or w[i + 1] in DETERMINERS or w[i + 1] in ("his", "her", "their", "its")) \
            or ctx.gap(i + 1) != " ":
        return None  # the object opens with a name or a determiner right after the verb: not "quotes are worth ..."
    for j in range(i + 1, min(end_tok, i + 2 + ctx.cfg.max_source_words)):
        if j > i + 1 and punct_gap(ctx, j) and ctx.gap(j).strip() not in ("'", "\u2019", "."):
            return None  # (the object's words run without punctuation: "Gen. Jane Doe", "the senator's")
        if w[j] in _OBJECT_ENDS:
            return None  # a second verb or a relative clause: "quoted Lincoln and then told the crowd that"
        colon = ":" in ctx.gap(j + 1) if j + 1 < len(w) else ":" in d.text[d.tok_end[j]:d.tok_end[j] + 3]
        if w[j] == "as":
            return None  # "quoting her as saying": the cue lexicon's "saying" reads it
        if (w[j] in ("saying", "that") and j > i + 1 or colon and j > i) and _mark_follows(d.text, d.tok_end[j]):
            return j
    return None


def _mark_follows(text: str, at: int) -> bool:
    """Does an opening quotation mark come at ``at``, after spaces, a comma or a colon?"""
    k = at
    while k < len(text) and k < at + 4 and text[k] in " \t\n,:":
        k += 1
    return k < len(text) and text[k] in "\"\u201c\u2018'"


# ------------------------------------------------------------------------------------------------ negated speech
# Adverbs that may stand between a negation and its verb ("has not yet said", "did not publicly comment").
_NEGATION_ADVERBS = frozenset("""yet publicly immediately specifically directly explicitly ever previously officially
    formally initially also still even really further otherwise personally""".split())
# Verbs whose infinitive says that the speech did not happen ("refused to say", "has yet to explain").
_REFUSALS = frozenset("""refuse refused refuses refusing decline declined declines declining fail failed fails failing
    yet""".split())


# Verbs of answering whose refusal news reports as a source's non-response ("declined to comment", "would not
# confirm", "did not respond to questions"), kept as negated attributions as PolNeAR annotates them.
_NON_RESPONSES = frozenset(("comment", "confirm", "respond", "answer"))
# What a non-response is a response to ("did not respond to a request for comment"; not "to the attack").
_ASKINGS = frozenset("""request requests question questions inquiry inquiries email emails message messages comment
    comments query queries""".split())


def _non_response_cue(ctx: Ctx, first: int, last: int, lemma: str) -> bool:
    """Is the verb of answering over tokens ``[first, last]`` negated, and a non-response to someone asking:
    "comment" or "confirm" whatever follows; "respond"/"answer" at the clause's end or before what was asked ("to a
    request for comment", "questions about ...")?"""
    if lemma not in _NON_RESPONSES or not negated_cue(ctx, first):
        return False
    w = ctx.doc.words
    if first >= 2 and w[first - 1] == "not" and w[first - 2] in ("should", "must", "shall", "will"):
        return False  # "the Senate should not confirm a replacement": a course urged, not an answer withheld
    if first >= 2 and w[first - 1] == "to" and w[first - 2].startswith("fail"):
        return False  # "DNA tests failed to confirm his identity", "failed to respond to calls": no one was asked
    if lemma == "confirm" and last + 1 < len(w) and ctx.cap(last + 1) and gap_is_space(ctx, last + 1):
        return False  # "refused to confirm Garland": confirming a nominee, not a report
    if lemma in ("comment", "confirm"):
        return True
    if _clause_end(ctx, last):
        return True
    return any(w[j] in _ASKINGS for j in range(last + 1, min(len(w), last + 8)))


def negated_cue(ctx: Ctx, first: int) -> bool:
    """Does the sentence say that the speech of the cue starting at token ``first`` did not happen: a negation or a
    refusal before the verb, with at most two adverbs between ("did not say", "has not yet commented", "never said",
    "can't say", "refused to say", "has yet to explain")? Such a reporting event is kept (PolNeAR annotates it), but
    no words are its source's."""
    d = ctx.doc
    w = d.words
    j = first - 1
    lo = d.sentences[d.sentence_of(d.tok_start[first])].start
    skipped = 0
    while j >= 0 and d.tok_start[j] >= lo and w[j] in _NEGATION_ADVERBS and skipped < 2:
        j -= 1
        skipped += 1
    if j < 0 or d.tok_start[j] < lo or not gap_is_space(ctx, j + 1):
        return False
    if w[j] in ("not", "never", "cannot"):
        return True
    if contracted_negation(ctx, j):
        return True
    # (a refusal negated is none: "never failed to say")
    return w[j] == "to" and j > 0 and w[j - 1] in _REFUSALS and gap_is_space(ctx, j) \
        and not (j > 1 and w[j - 2] in ("not", "never", "t"))
