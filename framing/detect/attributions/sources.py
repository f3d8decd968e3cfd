"""Who is speaking: the source noun phrase of a cue (subject, inversion, "according to", parentheticals)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from framing.detect.attributions._base import (
    BE_FORMS,
    COMMON_STARTERS,
    DETERMINERS,
    FOCUS_ADVERBS,
    MONTHS,
    NP_LINKERS,
    OBJECT_PRONOUNS,
    OF_FOR_AT,
    OPENING_CONJUNCTIONS,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_STOPPERS,
    SKIP_AFTER_CUE,
    SKIP_BEFORE_CUE,
    SOURCE_AFTER_PHRASES,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    Attr,
    Ctx,
    abbreviation,
    common_opener,
    contracted_negation,
    dashed,
    gap_is_space,
    ly_adverb,
    possessive_s,
    punct_gap,
    sentence_initial,
    with_subject,
)
from framing.text.wordclass import common_noun, tag


# ------------------------------------------------------------------------------------------------- sources
def find_source(ctx: Ctx, a: Attr) -> None:
    d = ctx.doc
    w = d.words
    si = a.sentence
    if a.lemma in SOURCE_AFTER_PHRASES:
        a.source = np_after(ctx, a.cue_last, si, allow_pp=True)
        return
    passive = a.cue_first > 0 and w[a.cue_first - 1] in BE_FORMS
    participle = w[a.cue_first].endswith(("ed", "en"))
    if passive or (participle and ("," in ctx.gap(a.cue_first) or _reduced_passive(ctx, a))):
        # a passive participle names its speaker after "by": "X was accused by Brussels of ...", "have been called
        # 'innocuous' by certain intelligence officials", "dubbed a 'misleader' ... by Rolling Stone"
        by = _agent_by(ctx, a)
        if by is not None:
            np = np_after(ctx, by, si, allow_pp=False)
            if np is not None and (ctx.cap(np[1]) or w[np[1]] in ctx.words.heads):
                a.source = np
                return
    if told_passive(w, a):
        # the subject of a passive verb of telling is whom the words were addressed to, never who said them:
        # "Residents were told the water was safe", "they were not warned": without an agent, no source (the one
        # addressed is kept: a later "she said" may mean them)
        a.addressee = subject_before(ctx, a.cue_first, si)
        return
    if d.words[a.cue_first] == a.lemma and (art := noun_article(ctx, a.cue_first)) >= 0:
        # the cue is a noun with its own article ("Sanders delivered a snappy retort:", "the crowd reprised the
        # caustic chant"): the article and adjectives are not a source; the clause's subject is
        subj = sentence_subject(ctx, si)
        if subj is not None and subj[1] < art:
            a.source = subj
        return
    before_gap = ctx.gap(a.cue_first)
    inverted = any(c in before_gap for c in _CLOSING_MARKS)
    if inverted and not any(c in before_gap for c in _SPEECH_CLOSERS) and si >= 0:
        # `"...," said X`: a quotation that runs into the verb with no punctuation is its content only when the
        # verb's noun phrase ends the clause (`"We will win" said Ann Vale.`); otherwise the quoted words are the
        # subject and a clause follows (`"Experts" say the economy is fine`)
        np = np_after(ctx, a.cue_last, si, allow_pp=False)
        if np is None or not (np[1] + 1 >= ctx.sent_tokens(si).stop or punct_gap(ctx, np[1] + 1)
                              or w[np[1] + 1] in PREPOSITIONS or w[np[1] + 1] in _ADJUNCT_OPENERS):
            # (an adjunct may follow the inverted subject: `"..." said Ann Vale on Tuesday`, `... as he passed`)
            inverted = False
    # a participle after a comma or a coordinated verb shares the subject of the clause before it:
    # "He described X as Y, adding that ..." / "The two sides underlined ... and said ..."
    w = d.words
    form = w[a.cue_first]
    prev = w[a.cue_first - 1] if a.cue_first else ""
    if form.endswith("ing") and (subject := with_subject(ctx, a.cue_first)) is not None:
        # an absolute "with" clause has its own subject: "the talks collapsed, with the minister saying ..."
        a.source = subject
        return
    if (form.endswith("ing") and ("," in before_gap or dashed(before_gap))) or prev in ("and", "but"):
        host = _host_clause_source(ctx, a)
        if host is not None:
            here = (host.cue_last, host.cue_last)
            clause = _after_semicolon(ctx, here, a.cue_first)  # (only between the two verbs: a bounded look)
            if clause == here:
                a.source = host.source
                a.host = host
                return
            if clause is not None:
                a.source = clause
                return
        if form.endswith("ing") or prev in ("and", "but"):
            # "..., saying", "smiled and said", "declined to comment but said": the subject of the clause the verb
            # is coordinated with
            subj = sentence_subject(ctx, si)
            if subj is not None and subj[1] < a.cue_first and a.cue_first - subj[1] <= _MAX_COORDINATED:
                a.source = _after_semicolon(ctx, subj, a.cue_first)
                if a.source is not None:
                    return
    if form.endswith("ing") and prev in ctx.words.speech_nouns and "," not in before_gap:
        # "Black Lives Matter issued a statement saying ...": who issued the statement speaks through it
        subj = sentence_subject(ctx, si)
        if subj is not None and subj[1] < a.cue_first - 1 and w[subj[1]] not in DETERMINERS:
            a.source = subj
            return
    if form.endswith("ing") and prev in ("after", "before", "by", "for", "while", "when", "without", "from"):
        # "... suffered injuries after reporting 'auditory sensations'": the subject of the main clause
        subj = sentence_subject(ctx, si)
        if subj is not None and subj[1] < a.cue_first:
            a.source = subj
            return
    if "," in before_gap and a.lemma not in _TAKES_OBJECT:
        # a parenthetical inversion: "The left, says Bobby Jindal, wants to ..."
        np = np_after(ctx, a.cue_last, si, allow_pp=False)
        # (a preposition's object after the verb is its topic, no inverted subject: "Roland Z, wrote of Ms. Merkel:")
        if np and np[1] + 1 < len(w) and ("," in ctx.gap(np[1] + 1) or ctx.gap(np[1] + 1).strip()[:1] == ":") \
                and ctx.cap(np[1]) and w[np[0]] not in PREPOSITIONS:
            a.source = np  # (or a colon: "In other words, explained CBS moderator Nancy Cordes: '...'")
            return
    if not inverted and "," in before_gap and (after_quote := _speaker_after_quote(ctx, a)) is not None:
        a.source = after_quote
        return
    if not inverted:
        subj = subject_before(ctx, a.cue_first, si)
        if subj and form.endswith("ing") and subj[0] > 0 and w[subj[0] - 1] == "to" and not punct_gap(ctx, subj[0]):
            # "sent a text message to supporters saying ...": the addressee is not who speaks
            subj = sentence_subject(ctx, si)
            if subj is not None and subj[1] >= a.cue_first:
                subj = None
        if subj:
            a.source = subj
            return
        if "," in before_gap and a.lemma not in _TAKES_OBJECT and si >= 0:
            # the inversion at the end of a sentence, with no subject before the verb: "It is a lie, says John Lott
            # of the Crime Prevention Research Center."
            np = np_after(ctx, a.cue_last, si, allow_pp=False)
            if np and ctx.cap(np[0]) and ctx.cap(np[1]) and np[1] + 1 >= ctx.sent_tokens(si).stop \
                    and w[np[0]] not in WEEKDAYS and w[np[0]] not in NP_LINKERS:
                a.source = np
                return
    asking = inverted and a.lemma in _QUOTATIVE_OBJECT_VERBS
    if (inverted or sentence_initial(ctx, a.cue_first)) and (a.lemma not in _TAKES_OBJECT or asking):
        # `"...," said the minister` / `Said Smith: ...`; otherwise the noun phrase after a verb is its object
        # (and "told you", "asked them" always take an object, but right after a question the verb may invert:
        # `"Who will pay?" asked Dev Patel.`, when the noun phrase ends the clause)
        np = np_after(ctx, a.cue_last, si, allow_pp=False)
        if np is None and inverted:
            np = _inverted_common_np(ctx, a.cue_last, si)
        if asking and a.lemma in _TAKES_OBJECT and np is not None and not (
                np[1] + 1 >= ctx.sent_tokens(si).stop or punct_gap(ctx, np[1] + 1)
                or w[np[1] + 1] in PREPOSITIONS or w[np[1] + 1] in _ADJUNCT_OPENERS):
            np = None  # `"Why?" asked her mother how ...`: an object after all
        if np and not (np[0] == np[1] and d.words[np[0]] in OBJECT_PRONOUNS):
            a.source = np
            return
    if inverted:
        subj = subject_before(ctx, a.cue_first, si)
        if subj:
            a.source = subj
            return
    if prev == "to" and a.cue_first >= 2 and w[a.cue_first - 2].endswith("ed") \
            and not punct_gap(ctx, a.cue_first - 1) and not punct_gap(ctx, a.cue_first):
        # an infinitive after a verb in the past ("was forced to admit", "refused to say", "agreed to call"): the
        # subject of that verb, right before it
        subj = subject_before(ctx, a.cue_first - 2, si)
        if subj is not None:
            a.source = subj
            return
    if form.endswith("ing") or prev == "to":
        # a participle or an infinitive with no subject of its own takes the subject of its clause: "she declined
        # to claim victory, only saying that ...", "WikiLeaks went on to accuse ..." (subject control)
        subj = sentence_subject(ctx, si)
        if subj is not None and subj[1] < a.cue_first:
            a.source = subj


# Words that open an adjunct after an inverted subject (with the prepositions).
_ADJUNCT_OPENERS = frozenset("to as while when after before during outside".split())
# Punctuation that closes reported speech before its verb: `"...," said`, `"...?" asked`, `"...—" he began`.
# The marks that close a quotation, English and others' (guillemets, and the German closing “ after „).
_CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u00ab\u203a\u2039\u201c"
_SPEECH_CLOSERS = ",.?!\u2014\u2015\u2013-\u2026:;"
# A quotation ending in a comma, "!" or "?" inside its closing mark: `"...,"`, `"...!"` (straight, curly, single).
_COMMA_CLOSE = frozenset(p + m for p in ",!?" for m in ('"', "\u201d", "'", "\u2019", "''", "\u2019\u2019"))
# (doubled single marks close a quotation in some archives' typewriter style: ''...,'' Mr. Smith said)
# Punctuation inside a name and its appositive ("N.C.,", "Obama's", "co-founder").
_INSIDE_APPOSITIVE = frozenset(",.'\u2019-")
# How far before a cue the closing mark of an inverted frame may be (a name and an appositive).
_MAX_AFTER_QUOTE = 30


def _speaker_after_quote(ctx: Ctx, a: Attr) -> tuple[int, int] | None:
    """The frame after a quotation with an appositive before the verb: `"...," Harry Bond, 30, of Raleigh, who was
    polled, said` or `"...," Senator Jeff Sessions, a close adviser, told ...`: English puts the speaker right after
    the quotation's closing comma and mark, and the appositive between commas describes them."""
    sent = ctx.sent_tokens(a.sentence) if a.sentence >= 0 else range(0, a.cue_first)
    for t in range(a.cue_first - 1, max(sent.start, a.cue_first - _MAX_AFTER_QUOTE) - 1, -1):
        g = ctx.gap(t).strip()
        if not g or set(g) <= _INSIDE_APPOSITIVE and g not in _COMMA_CLOSE:
            continue
        if g not in _COMMA_CLOSE or ctx.in_quote(t):
            return None
        np = _capitalised_np(ctx, t, a.cue_first)
        if np is None and ctx.doc.words[t] in DETERMINERS:
            # "the senator, a Republican from Ohio, told": a determiner and up to three words before the comma
            end = next((k for k in range(t + 1, min(a.cue_first, t + 4)) if punct_gap(ctx, k + 1)), None)
            np = (t, end) if end is not None else None
            name = _capitalised_np(ctx, end + 1, a.cue_first) if end is not None else None
            if name is not None and name[1] + 1 == a.cue_first and ctx.cap(name[0]):
                return name  # "its chair, Ilse Marten, said": the name that follows the description
        if np is None or np[1] + 1 >= a.cue_first or ctx.gap(np[1] + 1).strip() != ",":
            return None
        if any(possessive_s(ctx, k) for k in range(np[0] + 1, np[1] + 1)):
            name = _capitalised_np(ctx, np[1] + 1, a.cue_first)
            if name is not None and name[1] + 1 == a.cue_first and ctx.cap(name[0]):
                return name  # "Paul Ryan's spokesman, AshLee Strong, said": the name the description introduces
        return np
    return None


def _reduced_passive(ctx: Ctx, a: Attr) -> bool:
    """Is the participle cue a reduced passive right after its noun, with "by" and its agent after it ("the
    scenarios described by Obama", "a speech excerpt released by the White House")? Not a verb after its subject
    ("The senator responded by Twitter", "Johnson had conceded by Friday", "Biden announced by video"): the word
    before it is no name, pronoun or auxiliary (an adverb may stand between: "as previously reported by"), the verb
    is one that takes an object, and "by" is followed by no gerund (the manner: "responded by saying"), no time and no
    means ("by Friday", "by email")."""
    w = ctx.doc.words
    c, n = a.cue_first, a.cue_last + 1
    if n + 1 >= len(w) or w[n] != "by" or c < 2 or a.lemma in _INTRANSITIVE_CUES:
        return False
    agent = w[n + 1]
    before = w[c - 1]
    return not (agent.endswith("ing") or agent in WEEKDAYS or agent in MONTHS or agent in _MEANS or ctx.cap(c - 1)
                or punct_gap(ctx, c) or before in BE_FORMS or before in _VERB_AUXILIARIES or before in PRONOUNS)


# Auxiliaries and modals before a verb: "had conceded by Friday" is no passive; "What does the pact say?".
_VERB_AUXILIARIES = frozenset("had has have having do does did will would shall should can could may might must"
                              .split())
# Reporting verbs that take no object, so have no passive ("responded by letter" is the means).
_INTRANSITIVE_CUES = frozenset(("respond", "reply", "answer", "testify", "insist", "speak", "talk", "comment",
                                "concede", "tweet", "agree", "object", "complain"))
# Verbs of telling, whose object is the person addressed ("told residents", "warned them"): in the passive that person
# is the subject.
_ADDRESSEE_VERBS = frozenset(("tell", "warn", "inform", "assure", "reassure", "advise", "notify", "remind", "brief",
                              "ask", "caution", "instruct", "promise", "urge", "order",
                              # verbs whose object is the one spoken of: "was charged with fraud", "were praised"
                              "accuse", "charge", "blame", "praise", "criticise", "criticize", "condemn", "congratulate",
                              "thank", "laud", "hail", "rebuke", "scold", "chide", "chastise", "castigate", "berate",
                              "upbraid", "excoriate", "lambaste", "denounce", "mock", "ridicule", "deride", "pillory",
                              "skewer", "slam", "blast", "question"))
# Adverbs between a form of "be" and its participle ("were not warned", "had been repeatedly told").
_PASSIVE_ADVERBS = frozenset(("not", "never", "also", "already", "reportedly", "repeatedly", "previously", "later",
                              "then", "recently", "often", "first", "once", "explicitly", "specifically", "even"))


def told_passive(w: Sequence[str], a: Attr) -> bool:
    """Is the cue of ``a`` a verb of telling, or of speaking of someone, in the passive ("were told", "had been
    warned", "was charged with fraud", "were praised"), whose subject is the person addressed or spoken of? Its content
    is still someone's words, though the text may not say whose."""
    return a.lemma in _ADDRESSEE_VERBS and not w[a.cue_first].endswith("ing") and _after_be(w, a.cue_first)


def _after_be(w: Sequence[str], t: int) -> bool:
    """Does a form of "be" stand before token ``t``, with at most two adverbs between ("was told", "were not
    warned")?"""
    k = t - 1
    while k >= 0 and t - k <= 3 and w[k] in _PASSIVE_ADVERBS:
        k -= 1
    if k >= 1 and w[k] == "t" and w[k - 1] in ("wasn", "weren", "isn", "aren"):
        return True  # "wasn't asked"
    return k >= 0 and w[k] in BE_FORMS


# What "by" may introduce besides an agent: a means of communication, a time.
_MEANS = frozenset(("email", "e-mail", "mail", "letter", "phone", "telephone", "video", "videolink", "text", "fax",
                    "satellite", "twitter", "zoom", "skype", "post", "courier", "hand", "radio", "cable", "wire",
                    "noon", "midnight", "then", "now", "tomorrow", "tonight", "today", "yesterday", "morning",
                    "evening", "night", "afternoon", "week", "weekend", "month", "year", "law", "default", "mistake",
                    "accident", "name", "far", "contrast", "comparison", "way"))


def _agent_by(ctx: Ctx, a: Attr) -> int | None:
    """The token "by" that introduces the agent of a passive cue, within its clause ("called X by Y")."""
    w = ctx.doc.words
    for k in range(a.cue_last + 1, min(len(w), a.cue_last + 1 + _MAX_AGENT_GAP)):
        if k > a.cue_last + 1 and punct_gap(ctx, k) and ctx.gap(k).strip() not in ("'", "\u2019", "\"", "\u201c",
                                                                                    "\u201d", "\u2018"):
            return None
        if w[k] == "by":
            return k
        if w[k] in ("that", "because", "but", "which", "who"):
            return None
    return None


# The agent follows a passive cue closely: "was called 'innocuous' by", "were described as 'reckless' by".
_MAX_AGENT_GAP = 8


# Cues whose following noun phrase is their object, never an inverted subject ("told reporters", "asked them").
_TAKES_OBJECT = frozenset(("tell", "ask", "call", "urge", "accuse", "blame", "thank"))
# Of those, the ones English inverts after the quotation they report (`"Why?" asked the mayor.`, `"Stay home,"
# urged the governor.`).
_QUOTATIVE_OBJECT_VERBS = frozenset(("ask", "urge"))


def trim_source(ctx: Ctx, a: Attr) -> None:
    """Sentence-initial conjunctions, adverbs and prepositions never belong to a source ("As Professor Foner put
    it", "But Moscow says", "After Russia ..."): drop them from the front of the source noun phrase."""
    if a.source is None:
        return
    s, e = a.source
    w = ctx.doc.words

    def stop(t: int, alone: bool) -> bool:
        if w[t] in PRONOUNS or w[t] in DETERMINERS:
            return False
        closed = w[t] in COMMON_STARTERS or w[t] in PREPOSITIONS or w[t] in SENTENCE_STOPPERS \
            or w[t] in FOCUS_ADVERBS or w[t] in _TIME_ADVERBS
        if sentence_initial(ctx, t):
            return closed or _participle(ctx, t) or _opening_adverb(ctx, t) or _ordinary_opener(ctx, t, alone)
        # a clause after a colon opens with a capital too ("Case in point: When Hillary Clinton called ..."): there
        # only the words that open a clause and never a name, as a capital after a colon is often a headline's name
        # ("Earnings: Beyond Meat said", "Exclusive: In Touch Weekly reported", "Tsarnaev Charged: Suspected ...")
        return w[t] in _CLAUSE_OPENERS and ":" in ctx.gap(t) and ctx.cap(t)

    while s < e and stop(s, False):
        s += 1
    if sentence_initial(ctx, s) and s < (day := _after_opening_day(ctx, s, e + 1)) <= e:
        s = day  # "Saturday morning Mira Okafor posted": the day is when, not who
    elif s < e:
        # "On Wednesday Trump Jr said" (the "On" dropped above), "Last Monday Trump said"
        day = s + 1 if sentence_initial(ctx, s) and _day_after_preposition(ctx, s + 1) else s
        if _day_after_preposition(ctx, day):
            s = _after_day_object(ctx, day, e, s)
    if s < e and w[s] == "that" and (w[s + 1] in DETERMINERS or ctx.cap(s + 1)):
        s += 1  # "said that the platform should ...": the complementiser opens the clause, not the source
    a.source = None if s == e and stop(s, True) else (s, e)  # "When" alone is nobody, nor "Needless" or "Imagine"


_CORRELATIVES = frozenset(("neither", "either", "both"))
_MODALS = frozenset("will would can could may might must shall should".split())


def _ordinary_opener(ctx: Ctx, t: int, alone: bool) -> bool:
    """Is token ``t``, an ordinary word opening its sentence (:func:`common_opener`), never someone who speaks: a word
    of a closed class ("Despite", "Once", "Why"), or a plural of time ("Years later"); ``alone`` (the whole source),
    an adjective or a verb too ("Needless to say", "Imagine")? Not a first name ("Will", "Skip"); before more words,
    not the first half of a coordination ("Neither Kalnin nor Arsenov") or of a compound ("Right-wingers"), and an
    auxiliary before a name only when it opens a question ("Do Something" and "Will Stancil" are names)."""
    kind = common_opener(ctx, t)
    if not kind:
        return False
    w = ctx.doc.words
    if w[t] in ctx.words.first_names:
        return False
    if not alone and (w[t] in _CORRELATIVES or ctx.gap(t + 1) == "-"):
        return False
    if kind == "closed" and (w[t] in _QUESTION_AUXILIARIES or w[t] in _MODALS) and t + 1 < len(w) and ctx.cap(t + 1):
        return _opens_question(ctx, t)
    if alone and kind in ("adjective", "verb"):
        return w[t] not in _QUANTIFIER_PRONOUNS  # ("Many say", "Most said")
    return kind == "closed" or kind == "plural" and (w[t] in _AGO_WORDS or w[t] == "thanks")  # ("Thanks to ...")


def _after_semicolon(ctx: Ctx, subj: tuple[int, int], cue: int) -> tuple[int, int] | None:
    """The subject a verb coordinated at token ``cue`` shares: the sentence's (``subj``), unless a semicolon outside
    quotation marks and brackets joins another clause between them ("Critics call it a tax; Moller avoided that but
    said ..."): then that clause's name (None when it opens otherwise; a list's "; and" joins no clause)."""
    w = ctx.doc.words
    depth = 0
    for t in range(cue, subj[1], -1):
        g = ctx.gap(t)
        depth += g.count(")") - g.count("(")
        if ";" in g and depth <= 0 and not ctx.in_quote(t):
            if w[t] in ("and", "or"):
                return subj  # "Paris, Texas; Rome, Georgia; and Athens": a list's semicolons
            if w[t] in SUBJECT_PRONOUNS:
                return (t, t)  # "...; he declined but said"
            e = t
            while e + 1 < cue and ctx.cap(e + 1) and gap_is_space(ctx, e + 1):
                e += 1
            return (t, e) if ctx.cap(t) and w[t] not in PRONOUNS and not possessive_s(ctx, e + 1) else None
    return subj


# A verb coordinated with its clause's first verb shares its subject within this many tokens of it: further on, a
# run of "and said ..." is a list of verbs no reader takes back to one distant subject, and a bound keeps the work
# per verb constant.
_MAX_COORDINATED = 40
# Adverbs of time open a sentence before its subject ("Yesterday protesters chanted", "Later Smith said").
_TIME_ADVERBS = frozenset("""today yesterday tomorrow tonight later earlier recently previously afterwards
    afterward lately again instead finally initially eventually subsequently separately additionally""".split())


def noun_article(ctx: Ctx, cue: int) -> int:
    """The token of "a"/"an"/"the" that makes the cue word, in its base form, a noun ("a snappy retort", "the
    caustic chant"), at most two lower-case modifiers before it with no punctuation, or -1."""
    w = ctx.doc.words
    k = cue - 1
    for _ in range(3):
        if k < 0 or punct_gap(ctx, k + 1) or ctx.cap(k):
            return -1
        if w[k] in ("a", "an", "the"):
            # ("What does the pact say?": after an auxiliary the phrase is the subject and the base form its verb)
            return -1 if k > 0 and w[k - 1] in _VERB_AUXILIARIES else k
        if w[k] in DETERMINERS or w[k] in PREPOSITIONS or w[k] in SKIP_BEFORE_CUE or w[k] in PRONOUNS \
                or w[k] in ctx.words.heads or w[k].endswith(("ly", "s")):
            # "the man who said", "officials also said", "what do the opposition parties say": a subject and its
            # verb (a plural noun before a base form), not the cue's own article
            return -1
        k -= 1
    return -1


def _opening_adverb(ctx: Ctx, t: int) -> bool:
    """A capitalised -ly adverb followed by a lower-case word ("Hastily politicizing ...", "Clearly, ..."), not a
    name ("Kelly", "Beverly": the text uses them as names elsewhere)."""
    word = ctx.doc.words[t]
    return len(word) > 5 and word.endswith("ly") and word not in ctx.names \
        and (t + 1 >= len(ctx.doc.words) or not ctx.cap(t + 1))


def _participle(ctx: Ctx, t: int) -> bool:
    """A capitalised sentence opener that is a verb form, not a name ("Holding signs ...", "Facing ...", "Given")."""
    word = ctx.doc.words[t]
    return (len(word) > 4 and word.endswith(("ing", "ed")) or word == "given") and word not in ctx.names \
        and word not in _ING_NOUNS and not ing_modifier(ctx, t, len(ctx.doc.words))  # ("Acting commissioner X")


# Words ending in -ing that are nouns, never participles ("Morning Joe co-host Mika Brzezinski asked").
_ING_NOUNS = frozenset("morning evening spring string thing ceiling wedding sibling darling pudding".split())


def _host_clause_source(ctx: Ctx, a: Attr) -> Attr | None:
    """The attribution earlier in the same sentence whose subject a participle or coordinated verb shares."""
    k = bisect_right(ctx.attr_starts, a.cue_first - 1)  # attributions whose cue starts before this one
    for b in reversed(ctx.attrs[max(0, k - 20):k]):
        if b.sentence != a.sentence:
            break
        if b.source is not None:
            return b
    return None


def _after_dateline(ctx: Ctx, k: int, stop: int) -> int:
    """The first token after a dateline ("WASHINGTON (AP) - ", "TEHRAN -"), or k when the sentence has none."""
    d = ctx.doc
    t = k
    if ctx.gap(k).endswith("(") and k + 1 < stop and ")" in ctx.gap(k + 1) and ctx.cap(k):
        return k + 1  # "(CNN) As a candidate, ...": an agency in brackets opens the story
    while t < stop and t - k < 6 and d.text[d.tok_start[t]:d.tok_end[t]].isupper():
        t += 1
    if t == k:
        # a place in title case is a dateline only with its agency in brackets ("Washington (AFP) – ...")
        while t < stop and t - k < 3 and ctx.cap(t) and ctx.gap(t + 1 if t + 1 < stop else t).strip() in ("", "("):
            t += 1
            if "(" in ctx.gap(t):
                break
        if t == k or t >= stop or "(" not in ctx.gap(t):
            return k
    if t >= stop:
        return k
    gap = ctx.gap(t)
    w = d.words
    if "," in gap and w[t] in MONTHS and t + 1 < stop:
        # "WASHINGTON, Dec. 8 (UPI) —": the date after the place
        t += 1
        while t < stop and w[t].isdigit() and t - k < 10:
            t += 1
        gap = ctx.gap(t) if t < stop else ""
    elif "," in gap and t < stop and ctx.cap(t):
        # "ATLANTIC CITY, New Jersey –", "DES MOINES, Iowa —": the state after the place (a few capitalised words or
        # an abbreviation, "N.J."), then the dash
        s = t
        while t < stop and t - s < 3 and ctx.cap(t) and not any(c in ctx.gap(t) for c in "-\u2013\u2014\u2015("):
            t += 1
        if t >= stop or t == s:
            return k
        gap = ctx.gap(t)
    if "(" in gap:  # "WASHINGTON (AP) -": skip the agency in brackets
        while t < stop and ")" not in ctx.gap(t):
            t += 1
        gap = ctx.gap(t)
    return t if any(c in gap for c in "-\u2013\u2014\u2015") else k


def _clause_break(gap: str) -> bool:
    """Does a leading adverbial end here: a comma, or a dash closing an aside ("... in Nice ― much like he did
    ... ― Trump cast")?"""
    return "," in gap or dashed(gap) or "\u2013" in gap


# A leading adverbial ("At Sunday night's debate,", "Over in Norvask,") is a few words long.
_MAX_ADVERBIAL = 20


def sentence_subject(ctx: Ctx, si: int) -> tuple[int, int] | None:
    """The noun phrase a sentence starts with ("Merkel responded ..., saying"), after a leading adverbial
    ("Over in Norvask, strongman President Arkady Volkren was ..., crowing")."""
    if si < 0:
        return None
    sent = ctx.sent_tokens(si)
    if not sent:
        return None
    d = ctx.doc
    w = d.words
    k = sent.start
    if ctx.in_quote(k):
        return None
    k = _after_dateline(ctx, k, sent.stop)
    # an opening conjunction and adverb of time never belong to the subject ("And then Trump went on the attack"):
    # skipped when the subject follows them directly (a name, a determiner or a pronoun)
    t = k
    while t + 1 < sent.stop and (w[t] in OPENING_CONJUNCTIONS or w[t] in _TIME_ADVERBS or w[t] == "then") \
            and not punct_gap(ctx, t + 1) and not ctx.in_quote(t + 1):
        t += 1
    if t > k and ((ctx.cap(t) or w[t] in DETERMINERS or w[t] in PRONOUNS) and w[t] not in PREPOSITIONS
                  or _opening_participle(ctx, t, sent.stop)):  # "And having come under fire, Buttigieg ..."
        k = t
    k = _after_opening_day(ctx, k, sent.stop)
    if k >= sent.stop:
        return None
    focused = w[k] in FOCUS_ADVERBS and k + 1 < sent.stop and not punct_gap(ctx, k + 1) and not ctx.in_quote(k + 1)
    if focused:
        k += 1  # "Even party leader Amira Sandoval was forced to admit ...": a focusing adverb is no part of the subject
    if w[k] in PRONOUNS and w[k] not in ("who", "which", "it"):
        return (k, k)
    if _opening_adverb(ctx, k) and k + 1 < sent.stop and not punct_gap(ctx, k + 1) and _participle(ctx, k + 1):
        k += 1  # "Hastily politicizing the tragedy ... , Trump cast": the adverb belongs to the participle
    if k + 1 < sent.stop and "," in ctx.gap(k + 1) and w[k] not in ctx.names and w[k] not in PRONOUNS \
            and not ctx.in_quote(k + 1):
        k += 1  # "Outside, protesters congregated ...", "Well, ...": one word set off by a comma opens the sentence
    counted = w[k] in _QUANTIFIERS and k + 1 < sent.stop and w[k + 1].isdigit()  # "about 200 protesters"
    if not counted and (w[k] in PREPOSITIONS or w[k] in _OPENERS) \
            or w[k] in _ADVERBS_BEFORE_PP and k + 1 < sent.stop and w[k + 1] in PREPOSITIONS \
            or _opening_participle(ctx, k, sent.stop) or _opening_time_adverbial(ctx, k, sent.stop) \
            or k + 1 < sent.stop and w[k + 1] in _TIME_CONNECTIVES and (w[k] in _DEGREE_ADVERBS or ly_adverb(w[k])):
        # "At Sunday night's debate, Sanders compared ...", "Speaking at a rally in Salem, New Hampshire, Trump
        # went after Bush, calling him ...": a leading adverbial or participial clause is not the subject; the
        # subject is the first noun phrase after one of its commas that a verb, not another comma, follows
        for t in range(k + 1, min(sent.stop, k + _MAX_ADVERBIAL)):
            if not _clause_break(ctx.gap(t)) or ctx.in_quote(t):
                continue
            if w[t] in FOCUS_ADVERBS and t + 1 < sent.stop and not punct_gap(ctx, t + 1):
                t += 1  # "On Capitol Hill, even Republican lawmakers ...": a focusing adverb is no part of the subject
            if w[t] in PRONOUNS and w[t] not in ("who", "which", "it"):
                return (t, t)
            np = _capitalised_np(ctx, t, sent.stop)
            if np is not None and np[1] + 1 < sent.stop and not punct_gap(ctx, np[1] + 1):
                return np
        # no noun phrase with its verb right after it: the one after the first comma, as before
        k = next((t for t in range(k + 1, min(sent.stop, k + _MAX_ADVERBIAL)) if "," in ctx.gap(t)), sent.stop)
        if k >= sent.stop or ctx.in_quote(k):
            return None
        if w[k] in PRONOUNS and w[k] not in ("who", "which", "it"):
            return (k, k)
    np = _capitalised_np(ctx, k, sent.stop)
    if np is None and (w[k] in DETERMINERS or w[k].isdigit() or w[k] in _QUANTIFIERS or focused):
        return _common_np(ctx, k, sent.stop)  # "The judge ...", "about 200 protesters ...", "Even party leader ..."
    return np


# Words beside the prepositions that open an adverbial before the subject, and adverbs that do with a prepositional
# phrase after them ("Back in 1999, Mr. Trump ...", "Later in the day, ...").
_OPENERS = frozenset("""over amid as when while since although though""".split())
_ADVERBS_BEFORE_PP = frozenset("early late back way later earlier shortly soon right just long".split())
# Auxiliaries that open a question before its subject and are never a name ("Will" and "May" are).
_QUESTION_AUXILIARIES = frozenset("did does do is was are were has have had should would could must shall".split())
# Words that open a counted noun phrase ("about 200 protesters", "dozens of people").
_QUANTIFIERS = frozenset("about around nearly almost roughly some more fewer dozens hundreds thousands".split())


def _opens_question(ctx: Ctx, k: int) -> bool:
    """Does token ``k`` open a sentence, or follow a colon in one, that ends in a question mark ("Did Vale really
    say ...?"; not the group "Do Something said ...")?"""
    if not (sentence_initial(ctx, k) or ":" in ctx.gap(k)):  # (after a label too: "Fact check: Did ...")
        return False
    d = ctx.doc
    si = d.sentence_of(d.tok_start[k])
    end = d.sentences[si].end if si >= 0 else len(d.text)
    return d.text[max(d.tok_start[k], end - 8):end].rstrip(" \t\n\"'\u201d\u2019)").endswith("?")


def _opening_participle(ctx: Ctx, k: int, stop: int) -> bool:
    """Does the sentence open with a participial clause ("Speaking at a rally, ...", "Asked about it, ...")? The
    verb form is followed by a lower-case word, which tells it from a name ending in -ing or -ed ("Beijing said")
    only when that word is not a verb itself, so a preposition or determiner must follow."""
    w = ctx.doc.words
    if w[k] == "having":
        # a perfect participle opens its clause whatever follows it ("Having come under fire, ...", "Having
        # recently won ...")
        return k + 1 < stop and not ctx.cap(k + 1) and not punct_gap(ctx, k + 1)
    return _participle(ctx, k) and k + 1 < stop and not ctx.cap(k + 1) and not punct_gap(ctx, k + 1) \
        and (w[k + 1] in PREPOSITIONS or w[k + 1] in DETERMINERS or w[k + 1] in ("to", "up", "out", "back"))


_DAY_WORDS = frozenset(("yesterday", "today", "tonight"))
_DAY_PARTS = frozenset(("morning", "afternoon", "evening", "night"))
# Quantifiers that stand alone as a subject of people ("some say", "many argue", "several said", and after a group
# or one speaker "one said", "another said").
_QUANTIFIER_PRONOUNS = frozenset(("some", "many", "several", "others", "most", "few", "another", "one"))
# Forms of the commonest reporting verbs, which never modify a source noun.
_SPEECH_FORMS = frozenset(("said", "says", "told", "tells"))


def _after_opening_day(ctx: Ctx, k: int, stop: int) -> int:
    """The first token after a day that opens the sentence without a comma ("Saturday morning the site ran ...",
    "Yesterday protestors chanted ..."): a time, not the subject. Only when a subject-like word follows (a
    determiner, a pronoun or a capitalised word), so "Today's decision" and "Monday's vote" stay whole."""
    w = ctx.doc.words
    if k + 1 >= stop or not (w[k] in WEEKDAYS or w[k] in _DAY_WORDS) or punct_gap(ctx, k + 1):
        return k
    t = k + 1
    if t + 1 < stop and w[t] in _DAY_PARTS and not punct_gap(ctx, t + 1):
        t += 1
    if t < stop and (w[t] in DETERMINERS or w[t] in PRONOUNS or ctx.cap(t)) and not ctx.in_quote(t):
        return t
    return k


# Words that open a clause and are never a name's first word: subordinators, question words and conjunctions.
_CLAUSE_OPENERS = frozenset("""when whenever while if unless because although though as whether why how what where
    but and or yet""".split())
# Words before a named day that make it a time: prepositions ("on Monday", "since Friday"), determiners of time
# ("last Monday", "this Friday", "that Monday") and time adverbs ("Earlier Monday police said").
_DAY_OPENERS = frozenset("on by since until before after last next this that earlier later early late".split())
# Words after a named day that make them a name together: newspapers and shows are named after days ("the Sunday
# Times", "Saturday Night Live", "Tuesday Morning Corp").
_DAY_NAME_WORDS = frozenset("""times telegraph mirror express herald post mail star sport observer independent
    night morning evening afternoon live show edition""".split())


def _day_after_preposition(ctx: Ctx, k: int) -> bool:
    """Is token ``k`` a named day that a preposition or a determiner of time makes a time ("On Wednesday Trump Jr
    said", "Earlier on Monday Brian Hook said", "on Wednesday and the Pentagon said")? A name holds no weekday
    after such a word."""
    w = ctx.doc.words
    return w[k] in WEEKDAYS and k > 0 and w[k - 1] in _DAY_OPENERS and not punct_gap(ctx, k) \
        and not ctx.in_quote(k)


def _after_day_object(ctx: Ctx, k: int, e: int, s: int) -> int:
    """Where a source noun phrase ``s``..``e`` whose token ``k`` is a named day after a preposition (see
    :func:`_day_after_preposition`) starts: after the day, a part of the day and a conjunction joining the clause
    that follows ("on Wednesday and the Pentagon said"), when a subject-like word (a capitalised word, a determiner,
    a pronoun or a plural noun: "Since Monday protesters have said") comes next; else ``s`` (nothing taken off)."""
    w = ctx.doc.words
    t = k + 1
    if t <= e and ctx.cap(t) and w[t] in _DAY_NAME_WORDS:
        return s  # "This Sunday Times investigation", "On Saturday Night Live Alec Baldwin": a name with the day
    if t < e and w[t] in _DAY_PARTS and not punct_gap(ctx, t):
        t += 1
    if t < e and w[t] == "and" and not punct_gap(ctx, t):
        t += 1
    if t <= e and not punct_gap(ctx, t) and (ctx.cap(t) or w[t] in DETERMINERS or w[t] in PRONOUNS or w[t].isdigit()
                                             or tag(w[t])[:2] in ("NN", "JJ")):
        return t  # ("On Thursday police said", "On Friday local officials said", "On Monday 10 people said")
    return s


def _opening_time_adverbial(ctx: Ctx, k: int, stop: int) -> bool:
    """Does the sentence open with a time phrase and a comma ("Hours later, Trump ...", "Last week, ...", "Last
    August, ...")?"""
    w = ctx.doc.words
    for t in range(k, min(stop, k + 5)):
        if not (w[t] in _AGO_WORDS or w[t] in _WHEN_WORDS or w[t].isdigit() or w[t] in MONTHS or w[t] in WEEKDAYS
                or t > k and w[t] in ("on", "in", "at") or w[t] in _DAY_PARTS):
            return False  # ("Later on Sunday,", "Early in the morning," are times too)
        if "," in ctx.gap(t + 1):
            return t > k or w[t] in _WHEN_WORDS
    return False


# An adverb before a time connective opens an adverbial clause too ("Shortly after the call ended, Rubio's campaign
# sent ...", "Soon after", "Right before", "Long before").
_TIME_CONNECTIVES = frozenset("after before since following upon when once as".split())
_DEGREE_ADVERBS = frozenset("soon just right long even only".split())
# Words that make a time phrase say when ("two days later", "last week", "earlier this year").
_WHEN_WORDS = frozenset("later earlier ago last next this that the following previous recently afterwards".split())


def _capitalised_np(ctx: Ctx, k: int, stop: int) -> tuple[int, int] | None:
    """The noun phrase of capitalised words (with determiners and linkers) starting at token ``k``."""
    w = ctx.doc.words
    role = ctx.single.get("role", frozenset())
    start = k
    end = None
    while k < stop and k - start < ctx.cfg.max_source_words:
        if k > start and punct_gap(ctx, k) and ctx.gap(k).strip() not in ("'", "\u2019", "-", "."):
            break
        if ctx.cap(k) or w[k] in DETERMINERS or w[k] in NP_LINKERS or w[k] == "s":
            if ctx.cap(k) and w[k] not in DETERMINERS:
                end = k  # a capitalised determiner alone ("The first incident") names nobody
            k += 1
            continue
        if end is not None and w[k] in role and k + 1 < stop and ctx.cap(k + 1) and not punct_gap(ctx, k + 1) \
                and not ctx.in_quote(k + 1) and w[k + 1] not in DETERMINERS:
            k += 1  # a role between a name's modifier and the name: "New York Times columnist Nicholas Kristof"
            continue
        if end is not None and w[k] in role and k + 3 < stop and w[k + 1] == "of" and not ctx.cap(k + 2) \
                and ctx.cap(k + 3) and not any(punct_gap(ctx, t) or ctx.in_quote(t) for t in range(k + 1, k + 4)) \
                and common_noun(w[k + 2]) and w[k + 3] not in DETERMINERS:
            k += 3  # an office "of" its domain between a modifier and the name: "Former secretary of state James Baker"
            continue
        break
    if end is None:
        return None
    people = ctx.single.get("anonymous", frozenset())
    orgs = ctx.single.get("organisation", frozenset())
    t = end + 1
    while t < stop and t - end <= 2 and (w[t] in people or w[t] in orgs) and not ctx.cap(t) \
            and not punct_gap(ctx, t) and not ctx.in_quote(t):
        t += 1  # a name before a noun for unnamed people or a body modifies it: "Sanders protesters", "Clinton
        # aides", "The Trump campaign"
    if t > end + 1:
        return (start, t - 1)
    return (start, _possessed_head(ctx, end, stop))


# How many lower-case words a possessed noun phrase runs to its head ("Ryan's campaign", "Trump's longtime
# personal lawyer").
_MAX_POSSESSED_WORDS = 4


def _possessed_head(ctx: Ctx, end: int, stop: int) -> int:
    """English possessives are determiners: in "Ryan's campaign" the noun phrase is the campaign, not Ryan. The end of
    the noun phrase when the capitalised words ending at ``end`` are followed by a possessive and lower-case words
    headed by a noun for someone or something that can speak (and by the name a title introduces: "Clinton's campaign
    manager Robby Mook"); ``end`` otherwise."""
    w = ctx.doc.words
    t = end + 1
    if t + 1 >= stop or not possessive_s(ctx, t):
        return end
    heads = ctx.words.heads
    head = None
    for u in range(t + 1, min(stop, t + 1 + _MAX_POSSESSED_WORDS)):
        if punct_gap(ctx, u) or ctx.cap(u) or ctx.in_quote(u) or w[u] in PRONOUNS:
            break
        if w[u] in heads:
            head = u
        elif head is not None:
            break
    if head is None:
        return end
    name_end = head
    while name_end + 1 < stop and ctx.cap(name_end + 1) and not punct_gap(ctx, name_end + 1) \
            and not ctx.in_quote(name_end + 1) and name_end - end < ctx.cfg.max_source_words \
            and not _not_a_name(w[name_end + 1]):
        name_end += 1  # the name after the title
    if name_end > head and name_end + 1 < stop and possessive_s(ctx, name_end + 1):
        return head  # a possessor in turn ("Clinton's campaign manager Robby Mook's memo"): not this phrase's name
    return name_end


def _not_a_name(word: str) -> bool:
    """A capitalised word after a title that is no part of a name: a day, a month, "I"."""
    return word in WEEKDAYS or word in MONTHS or word in PRONOUNS


def _common_np(ctx: Ctx, k: int, stop: int) -> tuple[int, int] | None:
    """A determiner and lower-case words ending in a noun for someone or something that can speak ("The judge",
    "The former secretary of state", "The billionaire businessman", "The piece"), or None."""
    w = ctx.doc.words
    heads = ctx.words.heads
    end = None
    possessor = None  # the end of a possessor the phrase's head follows
    for t in range(k + 1, min(stop, k + 1 + ctx.cfg.max_source_words)):
        possessive = end is not None and end == t - 1 and ctx.gap(t).strip() in _APOSTROPHES
        if possessive and w[t] == "s" and t + 1 < stop and not punct_gap(ctx, t + 1):
            # "The mayor's allies refused ..., saying": a possessive determines the noun after it, which heads the
            # phrase ("the protesters' leaders" likewise)
            possessor, end = end, None
            continue
        if not possessive and punct_gap(ctx, t) or ctx.cap(t) or ctx.in_quote(t) or w[t] in SENTENCE_STOPPERS \
                or w[t] in PRONOUNS:
            break
        if possessive:
            possessor, end = end, None
        if possessor is not None and end is None and (t - possessor > _MAX_AFTER_POSSESSIVE or w[t] in DETERMINERS):
            break  # the head follows the possessive with at most three modifiers: past them, a verb and its object
        if possessor is not None and end is None and w[t] in heads and w[t] not in ctx.words.speaker_heads:
            # a document, a statement or a medium after a possessive: the possessor speaks through it ("The
            # government's response was to ..., warning")
            return (k, possessor)
        if w[t] in heads or _age_noun(ctx, t):
            end = t
        elif end is not None and w[t] not in NP_LINKERS:
            break
        elif end is None and t - k <= 3 and t + 1 < stop and w[t + 1] in _AUXILIARIES and not punct_gap(ctx, t + 1):
            # a noun the lexicon does not know, before an auxiliary: "The conservative publication has"; after a
            # possessive, the possessor acting through it ("The government's response was to ...")
            return (k, t) if possessor is None else (k, possessor)
    if end is None and possessor is not None:
        return (k, possessor)  # no noun for someone after the possessive ("The administration's ongoing fight ...")
    return None if end is None else (k, end)


_APOSTROPHES = frozenset(("'", "\u2019"))
# Tokens from a possessor's last word to the head of the noun it determines: its "s", up to three modifiers, the head
# ("the party's most senior digital operatives"; a determiner ends it: not "The victim's family left the court")
_MAX_AFTER_POSSESSIVE = 5
# Pronouns whose "'s" is a contracted "has" or "is" ("he's said", "that's been called").
_CONTRACTING_PRONOUNS = frozenset(("he", "she", "it", "who", "that", "there"))
_AUXILIARIES = frozenset("has have had was were is are will would could should may might must can did does".split())


def subject_before(ctx: Ctx, cue: int, si: int) -> tuple[int, int] | None:
    """The subject noun phrase ending right before token ``cue`` (skipping adverbs, parentheticals)."""
    d = ctx.doc
    w = d.words
    sent = ctx.sent_tokens(si) if si >= 0 else range(0, cue)
    lo = sent.start
    j = cue - 1
    # skip auxiliaries, adverbs and time expressions between the subject and the verb
    while j >= lo:
        g = ctx.gap(j + 1).strip()
        if g.endswith(")") and "(" not in g:
            # "Sen. Ted Cruz (R-Texas) brayed": skip the parenthesis
            k = j
            while k >= lo and "(" not in ctx.gap(k):
                k -= 1
            if k > lo:
                j = k - 1
                continue
        if punct_gap(ctx, j + 1) and g not in ("'", "\u2019"):
            break
        if w[j] == "s" and j - 1 >= lo and w[j - 1] in _CONTRACTING_PRONOUNS and ctx.gap(j) in ("'", "\u2019") \
                and all(w[t] in SKIP_BEFORE_CUE or ly_adverb(w[t]) for t in range(j + 1, cue)):
            j -= 1  # "he’s said", "it's been described as": right before its verb, "'s" after a pronoun is
            continue  # "has" or "is", not a possessive
        if j - 1 >= lo and contracted_negation(ctx, j):
            j -= 2  # "Lee didn't say": a contracted auxiliary and its negation stand between subject and verb
            continue
        if w[j] in SKIP_BEFORE_CUE and not (j > lo and ctx.cap(j)) \
                or (ly_adverb(w[j]) and not ctx.cap(j) and len(w[j]) > 4):
            # (a capitalised word inside a sentence is part of a name, not an adverb: "USA Today reported")
            j -= 1
            continue
        if (w[j] in WEEKDAYS or w[j] in MONTHS) and j - 1 >= lo and w[j - 1] in ("on", "in", "last"):
            j -= 2
            continue
        if w[j] in ("heard", "seen") and j - 1 >= lo and w[j - 1] in BE_FORMS and w[cue].endswith("ing"):
            j -= 1  # a perception passive before a participle: "protesters can be heard chanting" is theirs
            continue
        if w[j] in WEEKDAYS and j - 2 >= lo and w[j - 2] in ("on", "by", "before", "after", "since", "until") \
                and ctx.cap(j - 1):
            j -= 3  # "voters going to the polls on Super Tuesday said": a named day after a preposition is a time
            continue
        if w[j].isdigit() and len(w[j]) == 4 and j - 1 >= lo and w[j - 1] in ("in", "since"):
            j -= 2  # "Barack Obama in 2010 said"
            continue
        if w[j] in WEEKDAYS or w[j] in _DAY_PARTS:
            j -= 1  # "Trump Tuesday said", "a tweet Tuesday morning calling"
            if j >= lo and w[j] in ("late", "early") and not punct_gap(ctx, j + 1) and not ctx.cap(j):
                j -= 1  # "a statement late Tuesday saying": "late" and "early" belong to the time they place
            continue
        if w[j].isdigit() and j - 2 >= lo and w[j - 1] in MONTHS and w[j - 2] == "on":
            j -= 3
            continue
        if w[j] == "time" and j - 2 >= lo and w[j - 1] in ("the", "that") and w[j - 2] in ("at", "by"):
            j -= 3  # "Trump at the time said"
            continue
        if w[j] == "ago":  # "the State Department less than two weeks ago said"
            k = j - 1
            while k >= lo and j - k <= 5 and (w[k] in _AGO_WORDS or w[k].isdigit()):
                k -= 1
            if k < j - 1:
                j = k
                continue
        if j > lo and not ctx.cap(j) and tag(w[j]) == "RB" and w[j - 1] not in DETERMINERS \
                and w[j - 1] not in PREPOSITIONS:
            # a word that is usually an adverb stands between a subject and its verb ("Mulvaney almost conceded",
            # "aides nearly said"); after a determiner or a preposition it is a noun ("residents in the north said")
            j -= 1
            continue
        # phrases that look back a few words, tried last (each looks at up to eight tokens)
        if (q := _pp_start(ctx, j, lo)) >= 0:
            j = q - 1  # "Trump in his announcement speech called": a subject never follows a preposition
            continue
        if (q := _reduced_relative(ctx, j, lo)) >= 0:
            j = q - 1  # "The 1978 Bakke case involving racial preferences in admissions said"
            continue
        break
    if j < lo:
        return None
    # a parenthetical between commas before the verb: "Smith, a spokesman for X, said" / ", for his part,"
    g = ctx.gap(j + 1)
    # parentheticals between commas or dashes before the verb: "Smith, a spokesman for X, said",
    # "Jillian Chase, 27, a Tinder user in New York, said", ", for his part,"
    for step in range(3):
        g = ctx.gap(j + 1)
        if not ("," in g or dashed(g)):
            break
        p = _aside_start(ctx, j, lo)
        if step and not (w[j].isdigit() and "," in ctx.gap(j)) and not _role_appositive(ctx, j, lo) \
                and not _party_label(ctx, j, lo) and not (lo < p <= j and w[p] in ("who", "whose", "which")):
            break  # only an age, a role ("Roy Beck, executive director of X, a group that ..., said") or a relative
            # clause ("The former governor, whose ..., declined ..., said") stands between two parentheticals
        if not (lo < p <= j):
            return None
        p = _place_with_region(ctx, p, j, lo)
        head = w[p]
        roles = ctx.single.get("role", ())
        # (the name may open with its own title: "The panel's chair, Professor Helen Marsh, said")
        q = p
        while q < j and w[q] in roles and ctx.cap(q):
            q += 1
        if step == 0 and p - 1 >= lo and (not ctx.cap(p - 1) or _role_phrase_before(ctx, p - 1, lo)) \
                and all(ctx.cap(t) for t in range(p, j + 1)) \
                and j - q <= 3 and not any(w[t] in roles for t in range(q, j + 1)) and not ctx.in_quote(p):
            return (p, j)  # "the White House chief of staff, Mick Mulvaney, said": the name in apposition speaks
        dash = dashed(g) and dashed(ctx.gap(p))  # a parenthetical between dashes, whatever it says
        participle = head.endswith("ed") or head in ("known", "based", "born", "seen", "titled", "called") \
            or head.endswith("ing") and len(head) > 4 and not ctx.cap(p)  # ", noting the size of ..., said"
        if dash or participle or head in DETERMINERS or head in (
                "who", "which", "for", "in", "on", "meanwhile", "however", "too", "though", "speaking", "citing",
                "whose") or head in roles or w[j] in roles or _looks_like_age(w, p, j) or _party_label(ctx, j, lo) \
                or head in PREPOSITIONS or (step == 0 and _role_appositive(ctx, j, lo)
                                            and not any(w[t] in _FINITE for t in range(p, j + 1))):
            # a description ("managing director ... at SunTrust", "Mrs. Obama's chief of staff") or an adverbial
            # ("after a long pause") between the subject and its verb
            j = p - 1
        else:
            return None
    j = _before_party(ctx, j, lo)
    if j < lo:
        return None
    if ctx.in_quote(j):
        return None
    if w[j] in PRONOUNS and w[j] not in ("who", "which"):
        return (j, j)
    if w[j] == "that" and j - 1 >= lo and not punct_gap(ctx, j):
        j -= 1  # "a joint statement that stressed": relative "that" right before the verb
    # an anonymity phrase or relative clause right before the verb: "an official who declined to be named said"
    rel = None
    for k in range(j, max(lo - 1, j - 12), -1):
        if punct_gap(ctx, k + 1) and k != j:
            break
        if w[k] in ("who", "which", "whom") and k > lo:
            if k < j and _opens_subject(ctx, k + 1) and _speaker_word(ctx, j):
                # "the tax, which critics called ...", "the plan, which the senator described as ...": a noun
                # phrase after the relative pronoun is the clause's subject, the pronoun its object
                return _np_before(ctx, j, k + 1)
            if not any(ctx.cap(t) for t in range(k + 1, j + 1)):
                rel = k  # "an official who declined to be named said": the relative pronoun is the subject
            break  # "which Carson said": the name after the pronoun is the subject
        if w[k] == "that" and k > lo and k < j and not punct_gap(ctx, k + 1) and _speaker_word(ctx, j) and (
                w[k + 1] in DETERMINERS or w[k + 1] in ctx.words.speaker_heads and w[k + 1].endswith("s")):
            # "the tax that critics called ...", "a plan that the mayor described as ...": "that" before a plural
            # noun or a determiner opens a relative clause (as a demonstrative it takes a singular noun)
            return _np_before(ctx, j, k + 1)
    if rel is not None:
        j = _before_party(ctx, rel - 1, lo)  # "Ryan Costello (R-Penn.), who said"
    np = _np_before(ctx, j, lo)
    if np is None:
        return None
    if rel is not None:
        named = _name_before_description(ctx, np, rel, lo)
        if named is not None:
            return named
    np = _with_pp_head(ctx, np, lo)
    return _unclosed_appositive(ctx, np, lo) or np


def _opens_subject(ctx: Ctx, i: int) -> bool:
    """Does token ``i``, right after a relative pronoun, open a noun phrase (a determiner, a subject pronoun or a word
    for people who speak: "which critics called", "whom the senator described")? A relative pronoun that is itself
    the subject is followed by its verb or an adverb ("who declined to be named", "who also said")."""
    wi = ctx.doc.words[i]
    return (wi in DETERMINERS and wi not in ("that", "this")) or wi in SUBJECT_PRONOUNS \
        or (wi in ctx.words.speaker_heads and not ctx.cap(i))


def _speaker_word(ctx: Ctx, j: int) -> bool:
    """Can token ``j`` head a subject that speaks: a word for people who speak ("critics", "the senator") or a
    subject pronoun? Not a quantifier standing alone ("the action, which some contended was ..."): its clause often
    runs on into the sentence's own predicate, where the quotations are the main speaker's."""
    wj = ctx.doc.words[j]
    return (wj in ctx.words.speaker_heads and wj not in DETERMINERS) or wj in SUBJECT_PRONOUNS


def _name_before_description(ctx: Ctx, np: tuple[int, int], rel: int, lo: int) -> tuple[int, int] | None:
    """A relative clause after a name and its appositive is about the name: in "Adam Schiff, the chairman of the
    committee, who said" the chairman is Schiff, and the name speaks, as it does when the appositive stands before
    the verb ("Adam Schiff, the chairman of the committee, said"). ``np`` is the description before the relative
    pronoun at ``rel``; it must open with a determiner or a role and sit between commas, right after one to four
    capitalised words (not a day or a month: "On Tuesday, the chairman, who ..." has no name). Unlike a description
    followed by its verb ("the letter to Adam Schiff, the chairman, said": the letter speaks), the relative pronoun
    makes the description the name's, after a preposition too ("a statement by Adam Schiff, the chairman, who
    said")."""
    w = ctx.doc.words
    p = np[0]
    if not ("," in ctx.gap(rel) and "," in ctx.gap(p)) or p - 1 < lo:
        return None
    if not (w[p] in DETERMINERS and w[p] not in ("that", "this", "these", "those") or _role_appositive(ctx, np[1], lo)):
        return None
    e = p - 1
    b = e
    while b - 1 >= lo and ctx.cap(b - 1) and ctx.gap(b) in (" ", ". ") and e - b < 3:
        b -= 1
    if not all(ctx.cap(t) for t in range(b, e + 1)) or any(
            w[t] in DETERMINERS or w[t] in PREPOSITIONS or w[t] in COMMON_STARTERS or w[t] in PRONOUNS
            or w[t] in WEEKDAYS or w[t] in MONTHS for t in range(b, e + 1)) or ctx.in_quote(b):
        return None
    # a short phrase that opens the sentence with a preposition and ends at the name is fronted, and the
    # description is the subject: "In a nod to Bo Lee, the senator, who said ..."
    si = ctx.doc.sentence_of(ctx.doc.tok_start[b])
    f = ctx.sent_tokens(si).start if si >= 0 else 0
    if b - f <= _MAX_FRONTED and (w[f] in PREPOSITIONS or w[f] in _FRONTING_WORDS) \
            and not any("," in ctx.gap(t) for t in range(f + 1, b + 1)):
        return None
    return (b, e)


# The longest phrase read as fronted before a sentence's subject (tokens), and words beside the prepositions that
# open one.
_MAX_FRONTED = 12
_FRONTING_WORDS = frozenset("like unlike despite amid thanks following besides".split())


# Prepositions that open a place set off by commas ("in Richmond, Va.,", "from Lyon, France,").
_PLACE_PREPOSITIONS = frozenset(("in", "from", "at", "near", "outside"))


def _place_with_region(ctx: Ctx, p: int, j: int, lo: int) -> int:
    """A place is written with its state or country after a comma ("in Richmond, Va.,", "from Lyon, France,"): when
    the words between commas ``[p, j]`` are one or two capitalised words after a capitalised word and a comma, and
    the part before that comma opens with a preposition of place, the whole place is one parenthetical: its start;
    ``p`` otherwise."""
    w = ctx.doc.words
    if j - p > 1 or not all(ctx.cap(t) for t in range(p, j + 1)) or p - 1 < lo or not ctx.cap(p - 1):
        return p
    q = _aside_start(ctx, p - 1, lo)
    return q if lo < q < p - 1 and w[q] in _PLACE_PREPOSITIONS else p


def _aside_start(ctx: Ctx, j: int, lo: int) -> int:
    """The first token after the comma or dash before token ``j`` (``lo - 1`` or less when there is none from
    ``lo``): where an aside ending at ``j`` starts."""
    p = j
    while p >= lo and not ("," in ctx.gap(p) or dashed(ctx.gap(p))):
        p -= 1
    return p


def _unclosed_appositive(ctx: Ctx, np: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """The name before an appositive whose closing comma the writer left out: in "Cameron Kasky, a survivor from the
    school said" the description is Kasky's, and Kasky speaks. The name is two or more capitalised words that open
    the clause (so "In Washington, a spokesman said" keeps its spokesman)."""
    w = ctx.doc.words
    if w[np[0]] not in ("a", "an") or np[0] - 1 < lo or ctx.gap(np[0]).strip() != ",":
        return None
    e = np[0] - 1
    b = e
    while b - 1 >= lo and ctx.cap(b - 1) and ctx.gap(b) in (" ", ". ") and e - b < 4:
        b -= 1
    if b == e or not ctx.cap(e) or any(w[t] in DETERMINERS or w[t] in PREPOSITIONS or w[t] in COMMON_STARTERS
                                       for t in range(b, e + 1)) or ctx.in_quote(b):
        return None
    if b > lo and not (punct_gap(ctx, b) or ctx.gap(b).strip() in ("\u201d", '"', "\u2019", "'")):
        return None  # the name must open its clause: "In Washington, ..." has a preposition before it
    return (b, e)


# Prepositions that attach a phrase to the noun before them ("officials in Washington", "the ambassador to the
# UN", "a letter to the editor", "voters across the state"); "of", "for" and "at" are mostly read inside the noun
# phrase (`_np_before`), and by `_pp_head` after a speaker noun.
PP_PREPOSITIONS = frozenset("in on to from with across around near outside inside within among throughout".split())


def _with_pp_head(ctx: Ctx, np: tuple[int, int], lo: int) -> tuple[int, int]:
    """The noun phrase ``np`` with the noun it complements: an object of a preposition is never the subject, so in
    "Officials in Washington said" the source is "Officials in Washington" (its head "Officials"), not "Washington",
    and in "a person familiar with the talks said" it is the person (an adjective with its preposition after the
    noun: the usual frame of anonymous sourcing). Only when a speaker noun heads the phrase before the preposition
    (a name there may be the subject of a clause of its own: "Trump in 2016 ...", read elsewhere); a name between
    two such phrases is passed ("a source close to Breitbart News in Iowa")."""
    w = ctx.doc.words
    start = np[0]
    for _ in range(3):
        head = _pp_head(ctx, start, lo)
        if head is None and start - 1 > lo and (w[start - 1] in PP_PREPOSITIONS or w[start - 1] == "of") \
                and gap_is_space(ctx, start):
            # a phrase after a preposition that is no source ("Breitbart News in Iowa", "knowledge of the talks"):
            # passed only on the way to a head noun ("a source close to ...", "people with ...")
            inner = _pp_object_start(ctx, start - 2, lo)
            head = _pp_head(ctx, inner, lo) if inner >= 0 else None
        if head is None:
            break
        start = head
    while start < np[0] and w[start] in ("that", "what", "which"):
        start += 1  # "says that observers in Norvask": the complementiser is no part of the source
    return (start, np[1])


def _pp_head(ctx: Ctx, k: int, lo: int) -> int | None:
    """The start of the noun phrase headed by a speaker noun that the prepositional phrase opening before token
    ``k`` modifies ("officials [in] Washington", "a person familiar [with] the talks"), or None."""
    w = ctx.doc.words
    p = k - 1
    if p - 1 < lo or not gap_is_space(ctx, k) or not gap_is_space(ctx, p):
        return None
    h = p - 1
    described = w[p] in POSTMODIFIERS.get(w[h], ()) and h - 1 >= lo and gap_is_space(ctx, h)
    if described:
        h -= 1  # "familiar with": the noun is before the adjective
    elif w[p] not in PP_PREPOSITIONS and w[p] not in OF_FOR_AT:
        return None  # ("residents of the town", "a lawyer for the family", "officials at the agency")
    # (a capital there is a name with a clause of its own, "Trump in 2016 ...", except before an adjective with its
    # preposition, which describes the noun before it whatever its case: "the Republican familiar with the matter")
    # (a capitalised role before "to" is a title with its complement, not a name, when a person's name follows the
    # complement: "US Ambassador to the United Nations Nikki Haley warned"; not "sent the Speaker to Taiwan and
    # Beijing said")
    titled = w[p] == "to" and _title_to_name(ctx, h, k)
    if ctx.cap(h) and not sentence_initial(ctx, h) and not described and not titled \
            or w[h] not in ctx.words.heads or ctx.in_quote(h):
        return None
    head = _np_before(ctx, h, lo)
    return head[0] if head is not None and head[1] == h else None


def _title_to_name(ctx: Ctx, h: int, k: int) -> bool:
    """Is token ``h`` a role word whose "to" complement, from token ``k``, runs on to a person's name: a capitalised
    run (after an optional determiner) holding a first name the lexicon knows after at least one capitalised word,
    with no "and" in it ("Ambassador to the United Nations Nikki Haley")?"""
    w = ctx.doc.words
    if w[h] not in ctx.single.get("role", frozenset()):
        return False
    t = k + 1 if k < len(w) and w[k] in DETERMINERS else k
    seen = False
    while t < len(w) and (ctx.cap(t) or w[t] in NP_LINKERS and w[t] != "and") and (t == k or gap_is_space(ctx, t)):
        if seen and ctx.cap(t) and w[t] in ctx.words.first_names:
            return True
        seen = seen or ctx.cap(t)
        t += 1
    return False


def _pp_object_start(ctx: Ctx, e: int, lo: int) -> int:
    """The start of a short noun phrase ending at token ``e`` (a name, or up to three lower-case words after an
    optional determiner: "Breitbart News", "knowledge", "the talks"), or -1."""
    w = ctx.doc.words
    k = e
    while k >= lo and e - k < 3 and (k == e or gap_is_space(ctx, k + 1)) and not ctx.in_quote(k) and (
            ctx.cap(k) and not sentence_initial(ctx, k) or not ctx.cap(k) and w[k] not in DETERMINERS
            and w[k] not in PREPOSITIONS and w[k] not in PRONOUNS and w[k] not in SENTENCE_STOPPERS
            and w[k] not in SKIP_BEFORE_CUE):
        k -= 1
    if k == e:
        return -1
    if k >= lo and w[k] in DETERMINERS and gap_is_space(ctx, k + 1):
        return k
    return k + 1


# Adjectives and participles that follow a noun with their preposition ("a person familiar with the talks", "sources
# close to the president"): the phrase describes the noun before it, which is the subject.
POSTMODIFIERS = {"close": ("to",), "familiar": ("with",), "knowledgeable": ("about", "of"), "briefed": ("on",),
                  "involved": ("in", "with"), "loyal": ("to",), "allied": ("with", "to"), "aligned": ("with",),
                  "opposed": ("to",), "sympathetic": ("to",), "friendly": ("to", "with"), "connected": ("to", "with"),
                  "linked": ("to",), "tied": ("to",), "aware": ("of",), "privy": ("to",), "critical": ("of",)}


# Prepositions of a place or occasion that stand between a subject and its verb ("Trump at a rally said").
_SETTING_PREPOSITIONS = frozenset(("in", "at", "during"))


def _role_phrase_before(ctx: Ctx, k: int, lo: int) -> bool:
    """Is token ``k`` the end of a phrase naming a role ("The leader of the Anti-Defamation League")? Then the
    name after its comma is the person in apposition, not a list of names."""
    w = ctx.doc.words
    roles = ctx.single.get("role", ())
    d = ctx.doc
    for t in range(k, max(lo, k - 8) - 1, -1):
        if w[t] in roles and (not ctx.cap(t) or len(w[t]) <= 4 and d.text[d.tok_start[t]:d.tok_end[t]].isupper()):
            return True  # (a role written as initials, "The firm's CFO", is capitalised as no name is)
        if t > lo and punct_gap(ctx, t) and ctx.gap(t).strip() not in ("-", "'", "\u2019"):
            return False
    return False


def _inverted_common_np(ctx: Ctx, last: int, si: int) -> tuple[int, int] | None:
    """A common noun phrase that ends the clause after the verb of an inverted frame (`"...," says a narrator.`,
    `"...," said one.`): with the quotation before the verb as its object, the verb's subject can only follow it."""
    w = ctx.doc.words
    hi = ctx.sent_tokens(si).stop if si >= 0 else len(w)
    k = last + 1
    if k >= hi or punct_gap(ctx, k) or w[k] not in DETERMINERS or w[k] in ("that", "this", "these", "those"):
        return None
    for t in range(k, min(hi, k + 4)):
        if t > k and (w[t] in SENTENCE_STOPPERS or w[t] in SKIP_AFTER_CUE or w[t] in PRONOUNS
                      or ly_adverb(w[t]) or ctx.in_quote(t)):
            return None
        if t + 1 >= hi or punct_gap(ctx, t + 1):
            return (k, t) if t > k or w[k] in ("one", "two", "three", "both", "another", "some", "many") else None
    return None


def _reduced_relative(ctx: Ctx, j: int, lo: int) -> int:
    """The -ing participle opening a phrase that ends at token ``j`` and modifies the noun before it ("voters in six
    states going to the polls on Super Tuesday said", "the case involving racial preferences said"), or -1. The
    participle follows a plural, a source noun or a name with no punctuation, is not a part of the day ("Saturday
    morning Mira Okafor posted"), and is not followed by a reflexive ("a group calling itself Greyfin" names its
    subject, and the name is who speaks)."""
    w = ctx.doc.words
    if not any(x.endswith("ing") for x in w[max(lo, j - 7):j]):
        return -1  # (the common case, decided without walking the tokens)
    for q in range(j, max(lo, j - 8), -1):
        if punct_gap(ctx, q + 1) and q != j or ctx.in_quote(q):
            return -1
        if len(w[q]) > 4 and w[q].endswith("ing") and not ctx.cap(q) and q - 1 >= lo and not punct_gap(ctx, q) \
                and w[q] not in _DAY_PARTS and w[q] not in _ING_PREPOSITIONS and q + 1 <= j \
                and w[q + 1] not in ("itself", "himself", "herself", "themselves"):
            b = w[q - 1]
            if b in SKIP_BEFORE_CUE or b in PREPOSITIONS or b in DETERMINERS or b in PRONOUNS or b == "to" \
                    or ly_adverb(b):
                return -1  # "was saying", "by telling", "are now going": a verb form, not a modifier
            if ing_modifier(ctx, q, len(w)) and not (len(b) > 2 and b.endswith("s") and w[q + 1].endswith("s")
                                                     and not (ctx.cap(q - 1) and not sentence_initial(ctx, q - 1))):
                # before a role it is an adjective of the role: "Gallup's managing editor Jon Clifton", "acting
                # director" (a participle takes an object); not between two plurals, "Nurses treating soldiers said"
                return -1
            # (not "than infringing" or "$15 organizing director": the word before is no noun)
            noun = b.endswith("s") or b in ctx.words.heads or ctx.cap(q - 1)
            return q if q < j and noun else -1
    return -1


# Prepositions that end in -ing and are never participles ("Gaza during what it called"); "following", "regarding"
# and the like open reduced relatives as often ("Analysts following the talks said").
_ING_PREPOSITIONS = frozenset("during notwithstanding pending".split())


def _pp_start(ctx: Ctx, j: int, lo: int) -> int:
    """The preposition opening a phrase of setting that ends at token ``j`` and stands right after a name or a
    pronoun ("Trump in his announcement speech", "he at a rally"), or -1. The phrase is a determiner and common
    nouns ("his", "a", "the" + lower case), which tells it from a name's own "of"/"in" ("Officials in Washington",
    "a report in The Washington Post" stay whole)."""
    w = ctx.doc.words
    if _SETTING_PREPOSITIONS.isdisjoint(w[max(lo, j - 4):j]):
        return -1  # (the common case, decided without walking the tokens)
    for q in range(j - 1, max(lo, j - 5), -1):
        if punct_gap(ctx, q + 1) or ctx.in_quote(q):
            return -1
        if w[q] in _SETTING_PREPOSITIONS:
            b = q - 1
            if b < lo or punct_gap(ctx, q) or w[q + 1] not in DETERMINERS or ctx.in_quote(b) \
                    or q + 2 > j or ctx.cap(q + 2) or w[j] in PRONOUNS:
                # "A report in The Washington Post claims": a name in the phrase may be the source's; "during what
                # it called": a pronoun is a clause's subject, not the end of a phrase of common nouns
                return -1
            if w[b] in SUBJECT_PRONOUNS or ctx.cap(b) and w[b] not in DETERMINERS \
                    and (not sentence_initial(ctx, b) or w[b] in ctx.names):
                return q  # (a capital opening the sentence may be a common noun: "Insiders in the ministry told")
            return -1
    return -1


# What a time span before "ago" is made of ("less than two weeks ago", "a few days ago").
_AGO_WORDS = frozenset("""a few several many less more than about nearly almost just only some one two three four five six
    seven eight nine ten eleven twelve dozen hour hours day days week weeks month months year years decade decades
    minute minutes""".split())


def _age_noun(ctx: Ctx, k: int) -> bool:
    """Is token ``k`` the "old" of "the 46-year-old", a person named by their age (a noun head)?"""
    w = ctx.doc.words
    return w[k] == "old" and k >= 2 and w[k - 1] in ("year", "years") and w[k - 2].isdigit() \
        and ctx.gap(k).strip() == "-"


def _before_party(ctx: Ctx, j: int, lo: int) -> int:
    """The token before a short bracketed aside that ends at token ``j``: a party and district or state after a
    name ("James Gallagher (R-Nicolaus) — whose ...", "Ryan Costello (R-Penn.), who said": the state's
    abbreviation may put a period before the bracket); ``j`` itself otherwise."""
    if j < lo or not ctx.gap(j + 1).strip().lstrip(".").startswith(")"):
        return j
    k = j
    while k > lo and "(" not in ctx.gap(k):
        k -= 1
    return k - 1 if k > lo and j - k <= 4 else j


# Finite verbs and auxiliaries: a phrase holding one is a clause, not a description in apposition.
_FINITE = frozenset("is was are were has have had will would can could did does do shall should may might must".split())


def _appositive_start(ctx: Ctx, j: int, lo: int) -> int:
    """The first token of the phrase that ends at token j and opens after a comma or a dash (``lo`` if none does)."""
    p = j
    while p > lo and not ("," in ctx.gap(p) or dashed(ctx.gap(p))):
        p -= 1
    return p


def _party_label(ctx: Ctx, j: int, lo: int) -> bool:
    """Is the comma-delimited phrase ending at token j a US party and state label ("D-N.Y.", "R-Pa.", "I-Vt."), the
    appositive that follows a legislator's name?"""
    p = _appositive_start(ctx, j, lo)
    w = ctx.doc.words
    return lo < p < j and j - p <= 3 and w[p] in ("d", "r", "i") and ctx.cap(p) and ctx.gap(p + 1) == "-" \
        and ctx.cap(p + 1)


def _role_appositive(ctx: Ctx, j: int, lo: int) -> bool:
    """Is the comma-delimited phrase ending at token j a role ("executive director of NumbersUSA")?"""
    p = _appositive_start(ctx, j, lo)
    if p <= lo:
        return False
    roles = ctx.single.get("role", ())
    w = ctx.doc.words
    for k in range(p + 1, min(j, p + 4)):
        if possessive_s(ctx, k):  # "Mrs. Obama's chief of staff": a role after a possessive
            return any(w[t] in roles for t in range(k + 1, min(j + 1, k + 4)))
    return any(w[t] in roles for t in range(p, min(j + 1, p + 3))) and not ctx.cap(p) or w[p] in roles


def _looks_like_age(w: Sequence[str], p: int, j: int) -> bool:
    return p == j and w[p].isdigit()


def _np_before(ctx: Ctx, j: int, lo: int) -> tuple[int, int] | None:
    """Collect a noun phrase leftwards from token ``j``."""
    d = ctx.doc
    w = d.words
    heads = ctx.words.heads
    end = j
    k = j
    lower_run = 0
    count = 0
    while k >= lo and count < ctx.cfg.max_source_words:
        if k < end:
            raw = ctx.gap(k + 1)
            g = raw.strip()
            if g and g not in ("'", "\u2019", "-", "\u2019s") and not (g == "." and abbreviation(ctx, k)):
                break
            if g == "-" and raw != "-":
                break  # a spaced dash ends a clause ("a new military ally - and analysts say"); "front-runner" is a word
        word = w[k]
        if k < end and (word in _SPEECH_FORMS or word in _DAY_PARTS and k - 1 >= lo and (
                w[k - 1] in ("last", "this", "yesterday", "tomorrow") or w[k - 1] in WEEKDAYS)):
            break  # "..., said members had warned", "last night furious politicians demanded": not modifiers
        if word == "s" and ctx.gap(k).strip() in ("'", "\u2019"):
            k -= 1
            count += 1
            continue
        if word in DETERMINERS:
            # "of the Iranian Armed Forces": a determiner inside a prepositional phrase of a capitalised NP
            if k - 2 >= lo and w[k - 1] in NP_LINKERS and (ctx.cap(k - 2) or w[k - 2] in heads):
                k -= 1
                count += 1
                continue
            if k < end:
                return _partitive(ctx, k, lo, end)
            if word in _QUANTIFIER_PRONOUNS:
                if word == "one":
                    if k + 1 < len(w) and w[k + 1] in _MODALS:
                        return None  # the impersonal "one could say", "no one can say" is nobody
                    if k > lo and w[k - 1] == "no" and not punct_gap(ctx, k):
                        return (k - 1, k)  # "No one said"
                    if k > lo and not punct_gap(ctx, k) and ctx.cap(k - 1):
                        return None  # the end of a name: "Capital One said", "Formula One"
                return (k, k)  # `"...," some say.`, "Many believe ...": a quantifier standing alone is the subject
            return None
        if k < end and word in _QUESTION_AUXILIARIES and _opens_question(ctx, k):
            break  # "Did Vale really say ...?": an auxiliary that opens a question is never part of a name
        if ctx.cap(k) and word not in PRONOUNS:
            lower_run = 0
        elif word in NP_LINKERS and k - 1 >= lo and k < end and (ctx.cap(k - 1) or w[k - 1] in heads) \
                and (ctx.cap(k + 1) or w[k + 1] in heads or w[k + 1] in DETERMINERS):
            pass
        elif word in heads or (k < end and lower_run < 3 and word not in SENTENCE_STOPPERS
                               and word not in PRONOUNS and word not in SKIP_BEFORE_CUE
                               and not _verb_not_modifier(ctx, k, lo) and _is_modifier_slot(ctx, k, end)):
            if ctx.gap(k + 1) != "-":
                lower_run += 1  # (a hyphened compound is one modifier: "second-largest")
        else:
            break
        k -= 1
        count += 1
    start = k + 1
    if start < end and w[start] == "s" and ctx.gap(start).strip() in _APOSTROPHES:
        start += 1  # a possessor left out: the phrase is what it determines
    if start > end:
        return _det_noun(ctx, end, lo)
    # trim leading linkers
    while start <= end and w[start] in NP_LINKERS:
        start += 1
    if start > end:
        return None
    # the NP must end in something nominal: a capitalised word, a known head, or a noun after a determiner
    last = w[end]
    if not (ctx.cap(end) or last in heads or last in PRONOUNS):
        return _det_noun(ctx, end, lo)
    if start == end and ctx.cap(end) and end == lo and last in ("the", "a", "this", "but", "and"):
        return None
    return (start, end)


# Penn tags of words that are never a noun's modifier before it: modals, wh-words, conjunctions ("higher than what
# private lenders charge": the noun phrase is "private lenders").
_NOT_MODIFIERS = frozenset(("MD", "WP", "WDT", "WRB", "EX", "TO"))
_VERB_TAGS = frozenset(("VB", "VBP", "VBZ", "VBG"))


def _verb_not_modifier(ctx: Ctx, k: int, lo: int) -> bool:
    """Is token ``k``, left of a noun phrase's head, a word that cannot modify it: a modal, a wh-word, or a word that
    is usually a verb and is not preceded by a determiner, an adjective or a possessive ("cannot let aides testify",
    "helps Republicans argue", "to meet Cuban government demands", "- leaving red-faced ministers fuming"; but
    "conservative talk radio hosts", a hyphened compound's parts, "state-run", and a role's adjective, "acting")?"""
    w = ctx.doc.words
    t = tag(w[k])
    if t in _NOT_MODIFIERS:
        return True
    if t not in _VERB_TAGS or ctx.gap(k) == "-" or ctx.gap(k + 1) == "-" or w[k] in _ROLE_ADJECTIVES:
        return False
    if k - 1 < lo or punct_gap(ctx, k):
        return True
    before = w[k - 1]
    return not (before in DETERMINERS or before == "s" or tag(before).startswith(("JJ", "NN", "CD")))
# Words for a part of a group before "of the ...".
_PARTITIVES = frozenset("one some many most several two three four five few each all none both".split())


def _det_noun(ctx: Ctx, end: int, lo: int) -> tuple[int, int] | None:
    """"a headline", "the new ad", "the group's report": a determiner and up to two modifiers before ``end``."""
    w = ctx.doc.words
    if w[end] in SENTENCE_STOPPERS or w[end] in SKIP_BEFORE_CUE or w[end] in DETERMINERS or \
            ly_adverb(w[end]) or w[end] in NP_LINKERS:
        return None
    for k in range(end - 1, max(lo - 1, end - 4), -1):
        if punct_gap(ctx, k + 1) and ctx.gap(k + 1).strip() not in ("'", "\u2019", "-"):
            return None
        if w[k] in DETERMINERS:
            while k > lo and w[k - 1] in DETERMINERS and not punct_gap(ctx, k):
                k -= 1  # "the two sides", "all the other parties"
            return _partitive(ctx, k, lo, end)
        if w[k] in SENTENCE_STOPPERS or w[k] in PRONOUNS:
            return None
    return None


def _partitive(ctx: Ctx, k: int, lo: int, end: int) -> tuple[int, int]:
    """The noun phrase from the determiner at token ``k`` to ``end``, or from the part of a group before it: "one of
    the detainees said", "some of the protesters" are one noun phrase."""
    w = ctx.doc.words
    j = k - 1 if k - 1 > lo and w[k - 1] in DETERMINERS and not punct_gap(ctx, k) else k  # "of the five judges"
    if j - 2 >= lo and w[j - 1] == "of" and w[j - 2] in _PARTITIVES and not punct_gap(ctx, j - 1) \
            and not punct_gap(ctx, j):
        p = j - 2
        if w[p] == "few" and p - 1 >= lo and w[p - 1] == "a" and not punct_gap(ctx, p):
            p -= 1  # "a few of the workers"
        return (p, end)
    return (k, end)


def _is_modifier_slot(ctx: Ctx, k: int, end: int) -> bool:
    """A lower-case word left of an NP head may be a modifier ("senior", "administration") if a head follows."""
    w = ctx.doc.words
    heads = ctx.words.heads
    return any(w[x] in heads or ctx.cap(x) for x in range(k + 1, end + 1))


def _head_closes_np(ctx: Ctx, k: int, hi: int) -> bool:
    """Do lower-case words from token k (at most two, no function words) run straight to a clause boundary?"""
    w = ctx.doc.words
    for t in range(k, min(k + 2, hi)):
        if w[t] in SENTENCE_STOPPERS or w[t] in SKIP_AFTER_CUE or w[t] in DETERMINERS or ctx.cap(t) \
                or w[t].endswith(("ly", "ed")) or w[t].endswith("ing") and not ing_modifier(ctx, t, hi):
            return False
        if t + 1 >= hi or punct_gap(ctx, t + 1):
            return True
    return False


# A description before a name is short; words of place and manner end it ("said the Queen outside Buckingham Palace").
_MAX_DESCRIPTION_WORDS = 6
_PLACE_WORDS = frozenset("outside inside near alongside beside aboard via amid toward towards opposite".split())


def ing_modifier(ctx: Ctx, t: int, hi: int) -> bool:
    """Is the -ing word at token ``t`` an adjective of the role or relation noun right after it ("managing editor",
    "acting director", "ranking member"), not a verb form ("White House reviewing case of ...")?"""
    w = ctx.doc.words
    return w[t] in _ROLE_ADJECTIVES and t + 1 < hi and (w[t + 1] in ctx.single.get("role", ())
                                                         or w[t + 1] in ctx.single.get("anonymous", ())) \
        and not punct_gap(ctx, t + 1)  # (a role, or a person by relation: "ranking member", "managing partner")


# The -ing words English uses as adjectives of a role ("managing editor", "acting commissioner", "presiding judge");
# others before a role are verbs or prepositions ("seeking President Trump", "including President Rouhani").
_ROLE_ADJECTIVES = frozenset("""managing acting ranking presiding founding leading outgoing incoming sitting reigning
    visiting governing supervising consulting polling attending practicing practising serving retiring commanding
    investigating arresting treating operating marketing accounting""".split())


def _description_to_end(ctx: Ctx, k: int, hi: int) -> int | None:
    """The last token of a description that runs from token ``k`` straight to a clause boundary (at most six words,
    no function word, word of place, verb form or adverb) and ends in a speaker noun ("... campaign finance
    lawyer,") or a full name ("... scholar James Bopp Jr."); None when the words do not make such a noun phrase."""
    w = ctx.doc.words
    heads = ctx.words.heads
    for t in range(k, min(k + _MAX_DESCRIPTION_WORDS, hi)):
        if t > k and punct_gap(ctx, t) and ctx.gap(t).strip() != ".":
            return None
        x = w[t]
        if x in SENTENCE_STOPPERS or x in SKIP_AFTER_CUE or x in DETERMINERS or x in PRONOUNS or x in BE_FORMS \
                or x in PREPOSITIONS or x in _PLACE_WORDS or x.endswith("ly") \
                or x.endswith("ing") and not ing_modifier(ctx, t, hi) or (x in ("and", "or") and t == k):
            return None  # a function word, a verb form or an adverb: "said Obama alongside Vice President Joe Biden"
        if t + 1 >= hi or punct_gap(ctx, t + 1) and ctx.gap(t + 1).strip() != ".":
            if x in heads and not ctx.cap(t):
                return t
            return t if t > k and ctx.cap(t) and ctx.cap(t - 1) else None
    return None


_RELATIVES = frozenset(("who", "whom", "whose", "which", "that"))


def np_after(ctx: Ctx, last: int, si: int, allow_pp: bool) -> tuple[int, int] | None:
    """A noun phrase right after token ``last`` ("said the minister", "according to a statement from X")."""
    d = ctx.doc
    w = d.words
    sent = ctx.sent_tokens(si) if si >= 0 else range(0, len(w))
    hi = sent.stop
    k = last + 1
    if k >= hi or (punct_gap(ctx, k) and ctx.gap(k).strip() not in ("",)):
        return None
    start = k
    heads = ctx.words.heads
    end = None
    count = 0
    while k < hi and count < ctx.cfg.max_source_words:
        if k > start:
            g = ctx.gap(k)
            if g.strip() and g.strip() not in ("'", "\u2019", "-", "."):
                break
        word = w[k]
        if word == "s" and ctx.gap(k).strip() in ("'", "\u2019"):
            k += 1
            count += 1
            continue
        if k == start and word in ("that", "this", "these", "those"):
            return None  # "concludes that Trump ...": a clause, not a source
        if k > start and word in _RELATIVES and end is not None and w[k - 1] not in DETERMINERS \
                and w[k - 1] not in PREPOSITIONS:
            break  # "said an official who spoke on condition of anonymity": a relative clause follows its noun
            # (not "those who attended", nor "that" as a determiner: "a spokesman for that company")
        if word in DETERMINERS or ctx.cap(k) or word in heads or word in PRONOUNS and k == start \
                or _age_noun(ctx, k):
            if word not in DETERMINERS:
                end = k
            if word in PRONOUNS:
                break
        elif word in NP_LINKERS or (allow_pp and word in ("from", "by", "in", "at", "with")):
            pass
        elif word == "to" and end == k - 1 and ctx.cap(k - 1) and _title_to_name(ctx, k - 1, k + 1):
            pass  # a title's complement before the name: `"...," said US Ambassador to the United Nations Nikki Haley.`
        elif end is None and count < 4 and (word not in SENTENCE_STOPPERS and word not in SKIP_AFTER_CUE
                                            or k + 1 < hi and _age_noun(ctx, k + 1)
                                            or word == "late" and k > start and w[k - 1] in DETERMINERS):
            pass  # modifiers before the head ("a senior official", "the 46-year-old", "the late Justice")
        elif end is not None and word not in SENTENCE_STOPPERS and word not in SKIP_AFTER_CUE and count < 8 \
                and allow_pp:
            end = k
        elif end is not None and word not in SENTENCE_STOPPERS and word not in SKIP_AFTER_CUE \
                and _head_closes_np(ctx, k, hi):
            end = k  # the lower-case head after capitalised modifiers: "said one Florida Republican strategist."
        elif end is not None and not allow_pp and not any(w[t] in OF_FOR_AT for t in range(start, k)) \
                and (last_word := _description_to_end(ctx, k, hi)) is not None:
            # an inverted subject runs to the clause's end: "said delegate allocation analyst Jim Ellis.", "said
            # Republican superlawyer and Constitution scholar James Bopp Jr.", "said Port Alder taxi driver Leon
            # Marks." (but a complement stays one: "said Lea Sorensen of the peace research group Common Ground")
            end = last_word
            break
        else:
            break
        k += 1
        count += 1
    if end is None and w[start] in _PARTITIVES and start + 2 < k and w[start + 1] == "of" \
            and (k >= hi or punct_gap(ctx, k) or w[k] in PREPOSITIONS or w[k] in _ADJUNCT_OPENERS):
        end = k - 1  # a part of a group to the clause's end or an adjunct: `"...," said one of the detainees.`
    if end is None:
        return None
    return (start, end)
