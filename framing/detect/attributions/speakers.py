"""What kind of source it is (named, anonymous, media...) and who it is taken to be (names, pronouns, titles)."""

from __future__ import annotations

import re
from bisect import bisect_left

from framing.detect.attributions._base import (
    COMMON_STARTERS,
    DETERMINERS,
    FOCUS_ADVERBS,
    KINSHIP,
    MAX_SPEAKER_CHARS,
    MONTHS,
    NP_LINKERS,
    OF_FOR_AT,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_STOPPERS,
    SMALL_WORDS,
    TITLE_ABBREVIATIONS,
    WEEKDAYS,
    Attr,
    Ctx,
    bounded_speaker,
    common_opener,
    gap_is_space,
    in_title_case_line,
    possessive_s,
    punct_gap,
    sentence_initial,
    span_text,
    transcript_speaker,
    untitled_speaker,
)
from framing.detect.attributions.sources import (
    POSTMODIFIERS,
    PP_PREPOSITIONS,
    ing_modifier,
    sentence_subject,
)
from framing.text.wordclass import common_noun, plural_noun, tag


# ------------------------------------------------------------------------------------ types and resolution
def classify_and_resolve(ctx: Ctx, attrs: list[Attr]) -> None:
    last_person: str | None = None
    last_person_sentence = -1  # the sentence of the attribution that named last_person
    last_described: str | None = None
    last_described_sentence = -1
    last_group: str | None = None
    orgs: list[tuple[str, int]] = []  # the organisations named as sources so far, each with its sentence
    introduced: dict[str, str] = {}  # an organisation's source as written when it first spoke ("Drugmaker Pellix")
    for i, a in enumerate(attrs):
        quoted = ctx.in_quote(a.cue_first)
        named_now = False
        if a.source is None:
            if a.source_type != "media":
                a.source_type = "none"
            if a.addressee is not None and not quoted:
                # "Harris was asked if she would debate. 'Anytime,' she said": the one addressed is the person spoken
                # of now, as a source would be
                a.source = a.addressee
                st = _source_type(ctx, a)
                if st == "named_person":
                    last_person, last_person_sentence = _full_name(ctx, a.addressee), a.sentence
                elif st == "title_only" and _is_person_role(ctx, a.addressee):
                    last_described, last_described_sentence = span_text(ctx, a.addressee), a.sentence
                elif st in ("named_org", "anonymous"):
                    last_group = span_text(ctx, a.addressee)
                a.source, a.source_type = None, "none"
            continue
        if not quoted and ctx.in_quote(a.source[0]) and ctx.in_quote(a.source[1]):
            # words in quotation marks outside any quotation of the cue's own are quoted words, a title or a name
            # ('her book "On Death and Dying," which was written to ...'): they say nothing themselves
            a.source, a.source_type = None, "none"
            continue
        st = _source_type(ctx, a)
        if a.source_type != "media":
            a.source_type = st
        text = span_text(ctx, a.source)
        if a.host is not None:
            a.source_type, a.speaker = a.host.source_type, a.host.speaker  # the host is resolved already
            continue
        if st == "pronoun":
            pr = ctx.doc.words[a.source[0]]
            if pr in PERSON_PRONOUNS:
                # sentences are counted back from where the reported words start (`"...," he said`)
                first = ctx.doc.sentence_of(_window_start(ctx, a))
                recent = last_person if last_person_sentence >= min(a.sentence, first) - 1 else None
                # a person known only by a description, reported after the last named one ("a spokeswoman for
                # Cummings said ... '...,' she said")
                described = last_described if last_described_sentence > last_person_sentence \
                    and last_described_sentence >= min(a.sentence, first) - 1 else None
                a.speaker = (_subject_name(ctx, a, a.sentence) or _known_person_before(ctx, a) or described or recent
                             or _previous_subject(ctx, a) or last_person
                             or _nearest_person(ctx, a.source[0], "", _window_start(ctx, a)) or last_described
                             or _chained_person(ctx, a, pr))
                if _not_for(ctx, a.speaker, pr):
                    # "she" is not "Mr Kessel", and "he" is no organisation ("The Energy Impact Center was founded
                    # by ...; '...,' he says"): the next candidate of the chain that fits; else nobody rather than
                    # the wrong one
                    alts = (_known_person_before(ctx, a), recent, _previous_subject(ctx, a), last_person,
                            _nearest_person(ctx, a.source[0], pr, _window_start(ctx, a)), _chained_person(ctx, a, pr))
                    a.speaker = next((x for x in alts if x and not _not_for(ctx, x, pr)), None)
                if a.speaker is None and pr in ("he", "she"):
                    # no other referent: a person just named in the possessive ("Compounding the confusion were
                    # Trump's intimations. He declared '...'"); an owner is a weaker antecedent than a subject, so
                    # only as a last resort, and only a name its first name or an honorific marks as a person's
                    # (places and companies have owners' forms too: "New York's subway", "Goldman Sachs's profits")
                    owner = _nearest_person(ctx, a.source[0], pr, _window_start(ctx, a), possessive=True)
                    if owner is not None and (_first_name_gender(ctx, owner) is not None
                                              or owner.split()[-1] in ctx.genders):
                        a.speaker = owner
                if a.speaker and pr in ("he", "she") and not _not_for(ctx, a.speaker, pr) \
                        and not _gendered_noun_before(ctx, a, pr):
                    # the article's own pronoun for a person says which one stands for them later ("Chief Executive
                    # Sofia Marchetti apologised. '...,' she said. ... '...,' he said" is not Marchetti)
                    ctx.pronoun_of.setdefault(a.speaker, pr)
                # the pronoun's referent is the person spoken of now: "She said: '...' ... she added"
                if a.speaker and not quoted:
                    if a.speaker == last_described:
                        last_described_sentence = a.sentence
                    else:
                        last_person, last_person_sentence = a.speaker, a.sentence
            elif pr == "i":
                # one person, never a group: the writer, or in a transcript the speaker its label names
                a.speaker = transcript_speaker(ctx, a.source[0])
            elif pr != "you":  # (the one addressed is no one the article names)
                a.speaker = (_reporting_body(ctx, attrs, i) if pr == "it" else None) or last_group
        elif st == "named_person" and a.source[0] == a.source[1] and _org_spoke_so(ctx, a.source[0], introduced):
            # one word the article has given as the last word of an organisation speaking ("Telecom company
            # Brightline says ... Brightline is offering"): that organisation again, not a person a later "he" means,
            # unless the article also names a person so ("Law firm Baxter ... Rita Baxter ... Baxter said she")
            a.source_type, a.speaker = "named_org", text
            if not quoted:
                last_group = text
        elif st == "named_person":
            a.speaker = _full_name(ctx, a.source)
            named_now = True
        elif st == "title_only" and a.source[0] == a.source[1] and ctx.cap(a.source[0]) \
                and (surname := _longer_name(ctx, a.source[0])) is not None:
            # a capitalised title word with no article is a surname the article gave in full ("Billie Jean King
            # ... King says"): English writes "the king says" for the title
            a.source_type, a.speaker = "named_person", surname
            named_now = True
        elif st == "title_only" and (named := _name_before_appositive(ctx, a.source)) is not None:
            a.speaker = named  # "Adam Schiff, the chairman of the committee, who said": the description is his
            named_now = True
        elif st == "title_only" and (named := _appositive_name(ctx, a.source)) is not None:
            a.speaker = named  # "said the group's director, Samir Haddou.": the name in apposition is who speaks
            named_now = True
        elif st == "title_only" and (outlet := _named_outlet(ctx, a.source)) is not None:
            a.speaker, a.source_type = outlet, "media"  # "the magazine" after "The Economist" is The Economist
        elif st == "title_only" and (org_name := _named_org(ctx, a.source, orgs, introduced)) is not None:
            a.speaker = org_name  # "the foundation said" after the Trayvon Martin Foundation is that foundation
            if not quoted:  # (and is in focus again)
                orgs.append((org_name, a.sentence))
        elif st == "title_only":
            a.speaker = _resolve_title(ctx, a.source) or (last_person if _is_person_role(ctx, a.source) else None) \
                or text
            if a.speaker != text and not quoted:
                last_person, last_person_sentence = a.speaker, a.sentence
            elif not quoted and _is_person_role(ctx, a.source):
                last_described = text  # "the minister ... she told reporters": a person known only by a role
                last_described_sentence = a.sentence
        else:
            a.speaker = text
            if st == "media" and a.source[1] - a.source[0] == 1:
                # "The paper said" opening a sentence: the capital is the sentence's, not a name's (only the bare noun:
                # "The white paper said" is a document)
                a.speaker = _named_outlet(ctx, a.source) or text
            if st == "named_org":
                # an acronym the article defined stands for the full name: "the HRC" is the Human Rights Campaign;
                # a noun describing the body before its name is no part of it ("Drugmaker Pellix" is Pellix)
                joint = any(w in ("and", "&") for w in ctx.doc.words[a.source[0]:a.source[1] + 1])
                d_end = max((t for t in range(a.source[0], a.source[1]) if _descriptor(ctx, t, a.source[0])),
                            default=-1) if not joint else -1
                if d_end >= 0:
                    text = span_text(ctx, (d_end + 1, a.source[1]))
                a.speaker = ctx.acronyms.get(ctx.raw(a.source[1]), text) if ctx.acronyms else text
            if st in ("named_org", "anonymous") and not quoted:
                last_group = a.speaker
            if st == "anonymous" and not quoted and _one_described_person(ctx, a.source):
                last_described, last_described_sentence = text, a.sentence
            if st == "named_org" and not quoted and a.speaker:
                orgs.append((a.speaker, a.sentence))
                introduced.setdefault(a.speaker, span_text(ctx, a.source))
        if named_now and not quoted:  # a person named as the source: the one a later pronoun may mean
            last_person, last_person_sentence = a.speaker, a.sentence
            ctx.speakers.add(a.speaker)  # type: ignore[arg-type]
    roles = ctx.single.get("role", frozenset())
    for a in attrs:
        if a.speaker is not None and len(a.speaker) > MAX_SPEAKER_CHARS:
            a.speaker = bounded_speaker(a.speaker)
        if a.speaker is not None and a.source_type in ("named_person", "pronoun"):
            a.speaker = untitled_speaker(a.speaker, roles)


def _gendered_noun_before(ctx: Ctx, a: Attr, pronoun: str) -> bool:
    """Does a noun for a person of the pronoun's gender ("the widow", "his mother") stand in the pronoun's sentence
    before it or in the sentence before? Then the pronoun may mean that person, and its resolution says nothing of the
    gender of the one it was given to ("Casey Lund met the widow. '...,' she said")."""
    if a.source is None:
        return False
    d = ctx.doc
    si = min(a.sentence, d.sentence_of(_window_start(ctx, a)))
    lo = ctx.sent_tokens(si - 1).start if si >= 1 else (ctx.sent_tokens(si).start if si >= 0 else 0)
    lo = max(lo, a.source[0] - _GENDERED_NOUN_WINDOW)  # (bounded: a pronoun after a sentence of any length)
    return any(KINSHIP.get(d.words[t]) in (pronoun, "") for t in range(lo, a.source[0]))


_GENDERED_NOUN_WINDOW = 80  # tokens before a pronoun searched for a noun for a person of its gender


def _org_spoke_so(ctx: Ctx, tok: int, introduced: dict[str, str]) -> bool:
    """Is the one capitalised word at ``tok`` an organisation that spoke before, introduced by a noun for its kind
    (:func:`_org_named_so`), and not also the surname of a person the article names in full (the longer name found
    is that organisation's own: "Drugmaker Pellix")?"""
    written = list(introduced.values())[-_MAX_ORG_LOOKBACK:]
    if not _org_named_so(ctx, tok, written):
        return False
    longer = _longer_name(ctx, tok)
    return longer is None or longer in written


def _org_named_so(ctx: Ctx, tok: int, orgs: list[str]) -> bool:
    """Is the capitalised word at ``tok`` the name an organisation noun introduced in an organisation named as a
    source so far ("Telecom company Brightline", "the research group Ipsos"; the last :data:`_MAX_ORG_LOOKBACK`)?"""
    word = ctx.raw(tok)
    org_nouns = ctx.single.get("organisation", frozenset())
    for name in orgs:
        parts = name.split() if name else []
        # (the noun written in lower case, as a common noun is: not "White House Ukraine", nor the WHO's "who"; or
        # opening a name of two words, where the capital is the sentence's: "Drugmaker Pellix said")
        if len(parts) >= 2 and parts[-1] == word and len(parts[-2]) > 3 and (
                parts[-2] in org_nouns or len(parts) == 2 and parts[0][:1].isupper() and parts[0][1:].islower()
                and parts[0].lower() in org_nouns):
            return True
    return False


def _reporting_body(ctx: Ctx, attrs: list[Attr], i: int) -> str | None:
    """Who "it" is when its cue stands in what a body is reported to say ("The ministry said it would ... during what
    it called a 'cease-fire'"): English writes "he" or "she" for a person, so "it" in an organisation's or a
    medium's own reported words is that body (a person's words leave "it" to the last group named)."""
    start = ctx.doc.tok_start[attrs[i].cue_first]
    for b in reversed(attrs[max(0, i - _REPORTING_LOOKBACK):i]):
        if b.content and b.content[0] <= start < b.content[1] and b.speaker and b.source is not None \
                and (b.source_type in ("named_org", "media")
                     or b.source_type == "title_only" and not _is_person_role(ctx, b.source)):
            return b.speaker  # (a person is "he" or "she": "the mayor said ... it" is not the mayor)
    return None


# How many attributions before an "it" are tried for the body whose reported words hold it.
_REPORTING_LOOKBACK = 8


def _not_for(ctx: Ctx, name: str | None, pronoun: str) -> bool:
    """Can personal ``pronoun`` not stand for ``name``: the other gender by its honorific, or an organisation by the
    noun that ends it ("the Energy Impact Center")?"""
    if not name:
        return False
    # the head comes before a complement: "Irina Valk of Norvask State University", "a spokesman for the State
    # Department" are people
    words = []
    for x in name.split():
        if x in OF_FOR_AT or x in PREPOSITIONS:
            break
        words.append(x)
    return _other_gender(ctx, name, pronoun) or (
        bool(words) and words[-1].lower().strip(".,\u2019'") in ctx.single.get("organisation", frozenset()))


def _other_gender(ctx: Ctx, name: str | None, pronoun: str) -> bool:
    """Has the text used the other pronoun than ``pronoun`` ("he"/"she") for ``name`` so far, or does it give
    ``name``'s surname an honorific of the other gender (a neopronoun goes with any honorific), or, with neither, does
    the lexicon give its first name to the other gender?"""
    if not name or pronoun not in ("he", "she"):
        return False
    words = name.split(" of ")[0].split()  # "Viktor Kessel of the National Renewal Front": the surname is Kessel
    g = ctx.pronoun_of.get(name) or (ctx.genders.get(words[-1]) if words else None)
    if g is None:
        g = _first_name_gender(ctx, name)  # no honorific: the first name, when the lexicon knows it
    return g is not None and g != pronoun


def _first_name_gender(ctx: Ctx, name: str) -> str | None:
    """"he" or "she" when the first word of ``name`` after its titles is a first name the lexicon gives to men or to
    women ("Christina Carrega"), else None; a single word has no first name."""
    words = name.split(" of ")[0].split()
    if len(words) < 2:
        return None
    role = ctx.single.get("role", frozenset())
    first = next((x.lower() for x in words[:-1] if x.lower().rstrip(".") not in TITLE_ABBREVIATIONS
                  and x.lower() not in role), "")
    return ctx.words.first_names.get(first)


# Up to this many characters from a source to its cue, anonymity phrases are looked for between them as well.
_ANONYMITY_SPAN = 400


def _head_end(ctx: Ctx, s: int, e: int) -> int:
    """The last token of the head of the source ``s``..``e``: a speaker noun before a preposition ("Officials in
    Washington", "the founder of WikiLeaks"; a capitalised one is part of a name, "John Lott of the Crime Prevention
    ...", "Secretary of State John Kerry", unless a plural opens the sentence: "Insiders at the ministry") or
    before an adjective with its preposition ("sources close to Netanyahu"); ``e`` when there is none."""
    w = ctx.doc.words
    heads = ctx.words.heads
    roles = ctx.single.get("role", frozenset())
    for i in range(s + 1, e):
        h = i - 1
        if w[i] == "of" and i + 2 <= e and w[h] in roles and not ctx.cap(i + 1) and common_noun(w[i + 1]) \
                and _name_cap(ctx, i + 2):
            continue  # an office of its domain before the holder's name: "former secretary of state James Baker"
        if w[h] in heads and (
                w[i] in PP_PREPOSITIONS and (not _name_cap(ctx, h) or sentence_initial(ctx, h))
                or w[i] in OF_FOR_AT and (not _name_cap(ctx, h) or sentence_initial(ctx, h) and w[h].endswith("s"))):
            return h
        if h - 1 >= s and w[i] in POSTMODIFIERS.get(w[h], ()) and w[h - 1] in heads \
                and (not _name_cap(ctx, h - 1) or sentence_initial(ctx, h - 1)):
            return h - 1
    return e


def _source_type(ctx: Ctx, a: Attr) -> str:
    d = ctx.doc
    s, e = a.source  # type: ignore[misc]
    source_end = e
    w = d.words
    # the head noun decides the type (a role written as an acronym is a role all the same: "the Labour MP for
    # Newcastle Central")
    e = _head_end(ctx, s, e)
    toks = list(range(s, e + 1))
    if len(toks) == 1 and w[s] in PRONOUNS:
        return "pronoun"
    if w[s] in _INDEFINITE_PRONOUNS and (len(toks) == 1 or w[s + 1] in PREPOSITIONS) \
            or w[s] == "no" and len(toks) == 2 and w[e] == "one":
        # "Nobody said", "No one said", "Someone at the White House told me": no one in particular, capitalised or not
        return "anonymous"
    words = [w[i] for i in toks]
    folded = tuple(words)
    if (folded[1:] if folded[0] == "the" else folded) in ctx.words.org_names:
        return "named_org"  # an organisation's own name, alone or after "the": "the Pentagon said"
    if _has_media(ctx, folded) and any(ctx.cap(i) for i in toks) and not _name_after_role(ctx, toks):
        return "media"  # (a journalist named after the medium and the role is a person: "Times columnist Ann Lee")
    # anonymity phrases in the sentence, right after the source or the cue
    sent = d.sentences[a.sentence] if a.sentence >= 0 else None
    if sent is not None:
        lo, hi = d.tok_start[s], min(sent.end, d.tok_end[a.cue_last] + 80)
        anonymity = ctx.words.anonymity
        if hi - lo <= _ANONYMITY_SPAN:
            found = anonymity.search(d.folded[lo:hi]) is not None
        else:  # a source far from its cue (a long run of coordinated verbs): the two places the phrase stands
            src_end = min(sent.end, d.tok_end[a.source[1]] + 80)  # type: ignore[index]
            found = anonymity.search(d.folded[lo:src_end]) is not None or \
                anonymity.search(d.folded[d.tok_start[a.cue_first]:hi]) is not None
        if found:
            return "anonymous"
    role = ctx.single.get("role", frozenset())
    org = ctx.single.get("organisation", frozenset())
    anon = ctx.single.get("anonymous", frozenset())
    describing = ctx.words.speaker_heads  # role | anonymous | organisation, made once per lexicon
    names = [i for i in toks if ctx.cap(i) and w[i] not in role and w[i] not in org and w[i] not in DETERMINERS
             and w[i] not in anon and w[i] not in ctx.single.get("media", ())
             and w[i] not in NP_LINKERS and w[i] not in MONTHS and w[i] not in WEEKDAYS
             and not _modifies_head(ctx, i, e)
             and not _owner_of_role(ctx, i, e, describing)
             and not (i == s and common_opener(ctx, i) == "plural" and ctx.raw(i)[:-1] not in _PARTY_MEMBERS)
             and not (i == s and ing_modifier(ctx, i, e + 1))]  # ("Acting Secretary", "Leading Democrats")
    # ("Students said" is a group, not a name)
    if _org_named_with_title(ctx, s, e):
        return "named_org"
    head = words[-1]
    if words[0] in ("a", "an", "one", "another", "some") and not ctx.cap(e) \
            and head not in ctx.single.get("document", ()):
        return "anonymous"  # "a 2008 Clinton veteran", "one Florida Republican strategist": described, not named
    places = ctx.words.phrases.get("place", frozenset())
    if w[s] in ("the", "this") and w[e] in ctx.words.single_holder and names \
            and tuple(w[i] for i in names) in places and all(i in names for i in range(s + 1, e) if ctx.cap(i)):
        # a place qualifies a one-person role: "the Vermont senator", "The California Senator" (not "The New
        # Hampshire Union Leader", a newspaper)
        return "title_only"
    if names and tuple(w[i] for i in names) in places \
            and not (len(names) == 1 and _longer_name(ctx, names[0]) is not None):
        # "Russia said", "the United States warned": a state speaks through its government; not a surname the
        # article gave in full ("Rep. Steve Israel ... Israel said", "Jimmy Wales ... Wales said")
        return "named_org"
    if names and any(_capitalised_linker(ctx, s, i, source_end) for i in range(s + 1, e)) \
            and not in_title_case_line(ctx, s):
        # a preposition written capitalised inside a name marks the title-cased name of a body ("Doctors Without
        # Borders", "Mothers Against Drunk Driving"), and a role word before it ("Doctors", "Reporters") is part of
        # that name, not a title of the names after it
        return "named_org"
    if names:
        # the head of a noun phrase comes before its "of" or "at" complement: "John Lott of the Crime Prevention
        # Research Center" is a person, "the Center for American Progress" an organisation
        cut = next((i for i in toks if i > s and w[i] in ("of", "at") and ctx.cap(i - 1)), e + 1)
        core = [i for i in toks if i < cut] if any(i < cut for i in names) else toks
        title = [i for i in toks if i < cut]
        if words[0] == "the" and len(title) > 2 and w[title[-1]] in role and all(ctx.cap(i) for i in title[1:]) \
                and not any(w[i] in _NAME_MARKERS or w[i] in ctx.words.first_names for i in title):
            # English capitalises an office before its holder is named, and a name takes no "the": "the Prime
            # Minister", "the Home Secretary", "the Chief Constable of Kent" are titles, not names
            return "title_only"
        if any(w[i] in org for i in core) and not any(w[i] in role for i in toks) \
                and _false_title_name(ctx, s, core[-1]) is None:
            return "named_org"  # (not "committee member Sheldon Whitehouse": the person after the description)
        last_raw = ctx.raw(e)
        if len(last_raw) >= 2 and last_raw.isupper():
            return "named_org"  # NATO, WHO
        if last_raw.endswith("s") and last_raw[:-1] in _PARTY_MEMBERS:
            return "named_org"
        if last_raw.endswith(("ans", "ists", "ites")) and len(names) == 1 and head not in role:
            return "named_org"  # Republicans, Democrats, Iranians
        return "named_person"
    first = words[0]
    indefinite = first in ("a", "an", "some", "one", "several", "many", "two", "three", "few", "other", "others",
                           "another", "most")
    plural = head.endswith("s") and head[:-1] in describing
    if head in ctx.single.get("document", ()) and head not in anon:
        return "title_only"  # "a joint statement", "the report": described, not named
    if head in anon and head not in role:
        return "anonymous"
    if head in role or head in org:
        return "anonymous" if indefinite or plural else "title_only"
    if first in DETERMINERS and not indefinite:
        return "title_only"
    return "anonymous"


def _capitalised_linker(ctx: Ctx, s: int, i: int, e: int) -> bool:
    """Is token ``i`` of the source over tokens ``s`` to ``e`` a preposition written capitalised between capitalised
    words of one name, as a body's title-cased name has them ("Doctors Without Borders", "Mayors Against Illegal
    Guns")? Not after a one-person role ("Secretary Of State Antony Blinken", "Chief Of Staff"), not before a role
    ("Doctors Without Borders spokesman Tim Shenk": the person speaks), not with a lower-case "of" or "at" before it
    ("Leila Navarro of Students Against Hate"), and only the prepositions that link a body's name (not "Per", "Till"
    or "Out", first names and surnames too). (A source holds a bounded number of words.)"""
    w = ctx.doc.words
    raw = ctx.raw(i)
    if not (w[i] in _NAME_LINKERS and raw[:1].isupper() and raw[1:].islower() and ctx.gap(i) == " "
            and ctx.gap(i + 1) == " " and ctx.raw(i + 1)[:1].isupper() and ctx.raw(i - 1)[:1].isupper()
            and w[i - 1] not in ctx.words.single_holder):
        return False
    role = ctx.single.get("role", frozenset())
    return not any(w[t] in ("of", "at") and not ctx.cap(t) for t in range(s, i)) \
        and not any(w[t] in role for t in range(i + 1, e + 1))


# Prepositions that link the words of a body's name ("Doctors Without Borders", "Women In Film").
_NAME_LINKERS = frozenset("without against for of in on from with under beyond across".split())


# Members of a party, who speak as the party when they speak as a group ("Republicans said").
_PARTY_MEMBERS = frozenset(("Republican", "Democrat", "Conservative", "Liberal"))
# Honorifics before a name: with one, capitalised words are a name even after "the" ("the Rev. Al Bishop").
_NAME_MARKERS = frozenset(("rev", "reverend", "hon", "honourable", "honorable", "dr", "mr", "mrs", "ms", "sir", "dame",
                           "lord", "lady"))
# Pronouns for no one in particular: never a name, though capitalised at the start of a sentence.
_INDEFINITE_PRONOUNS = frozenset("""nobody someone somebody anyone anybody everyone everybody none""".split())


def _modifies_head(ctx: Ctx, i: int, e: int) -> bool:
    """Is the capitalised token ``i`` part of a modifier before a lower-case head noun that ends the phrase at ``e``
    ("Democratic senator", "Andrean High School fans", "Sanders protesters")? English compounds put the head last."""
    w = ctx.doc.words
    j = i + 1
    while j <= e and _name_cap(ctx, j):
        j += 1
    return j <= e and w[j] != "s" and (any(w[t] in ctx.words.heads for t in range(j, e + 1)) or plural_noun(w[e])) \
        and not any(_name_cap(ctx, t) for t in range(j, e + 1))


def _name_cap(ctx: Ctx, i: int) -> bool:
    """Is token ``i`` capitalised as a name is ("Kerry", "NATO"), not a role written as an acronym ("MP", "CEO",
    "MPs")?"""
    if not ctx.cap(i):
        return False
    raw, wi = ctx.raw(i), ctx.doc.words[i]
    role = ctx.single.get("role", frozenset())
    if raw.isupper():
        return wi not in role
    return not (len(raw) >= 3 and raw[-1] == "s" and raw[:-1].isupper() and wi[:-1] in role)


def _name_after_role(ctx: Ctx, toks: list[int]) -> bool:
    """Does the noun phrase end with a role word and a name ("New York Times columnist Nicholas Kristof")?"""
    w = ctx.doc.words
    role = ctx.single.get("role", frozenset())
    r = next((i for i in reversed(toks) if w[i] in role and not ctx.cap(i)), -1)
    return r > toks[0] and r < toks[-1] and all(ctx.cap(i) for i in range(r + 1, toks[-1] + 1))


def _owner_of_role(ctx: Ctx, i: int, e: int, heads: frozenset[str]) -> bool:
    """Is token i a possessor whose role-holder speaks ("Iran's top general", "Trump's lawyer")?"""
    w = ctx.doc.words
    if not (i + 1 <= e and w[i + 1] == "s" and ctx.gap(i + 1) in ("'", "\u2019")):
        return False
    return all(not ctx.cap(t) for t in range(i + 2, e + 1)) and w[e] in heads


def _has_media(ctx: Ctx, words: tuple[str, ...]) -> bool:
    for n, phrases in ctx.words.media_phrases.items():
        for i in range(len(words) - n + 1):
            if words[i:i + n] in phrases:
                return True
    return False




# Honorifics that give a surname alone its gender ("Mr. Bopp", "Ms. Titus").
_GENDERED_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss"))
# Words that end a name after its surname.
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


_AGE_UNITS = frozenset(("year", "month", "week", "day"))  # "Twelve-year-old", "Six-month-old"
_MAX_NAME_LOOKUPS = 8  # other mentions of a name read to see it used alone (bounded: a name repeated without end)


def _descriptor(ctx: Ctx, i: int, first: int) -> bool:
    """Is token ``i`` a common noun for people or a body right before a name, which describes it and is no part of
    it ("Local resident Fran Ebbs", "Drugmaker Pellix", "retailer Kestrel")? Written in lower case, or capitalised
    only as its sentence's first word where the article never capitalises it elsewhere (not "Union Pacific")."""
    w = ctx.doc.words
    if not (w[i] in ctx.single.get("anonymous", frozenset()) or w[i] in ctx.single.get("organisation", frozenset())):
        return False
    if i + 1 >= len(w) or not ctx.cap(i + 1) or punct_gap(ctx, i + 1):
        return False
    if not ctx.cap(i):
        return True
    # capitalised as the sentence's first word: a description only where the article also names the body or the
    # person without it ("Drugmaker Pellix said ... Pellix said"), not in a name that opens with such a word ("Union
    # Pacific said", "General Motors said")
    return i == first and sentence_initial(ctx, i) and w[i] not in ctx.doc.case_profile[0] \
        and any(p != i + 1 and w[p - 1] != w[i] for p in ctx.capitalised_positions(ctx.raw(i + 1))[:_MAX_NAME_LOOKUPS])


def _name_tokens(ctx: Ctx, span: tuple[int, int]) -> list[int]:
    """The tokens of a person's name inside an NP: capitalised, after the last role word."""
    w = ctx.doc.words
    role = ctx.single.get("role", frozenset())
    toks = [i for i in range(span[0], span[1] + 1)]
    # a role in an "of"/"at" complement belongs to the organisation ("Ruth Almer of the Nurses' Union")
    cut = next((i for i in toks if i > span[0] and w[i] in ("of", "at")), span[1] + 1)
    # an abbreviated title is its title ("Gov. Phil Murphy" is Phil Murphy, as "Governor Phil Murphy" is), but not in
    # a source of several people ("Dr. Smith and Dr. Jones said"), which stays as written
    joint = any(w[i] in ("and", "&") for i in toks)
    last_role = max((i for i in toks if i < cut and (w[i] in role or not joint and _abbreviated_title(ctx, i)
                                                      or not joint and _descriptor(ctx, i, span[0]))),
                    default=span[0] - 1)
    # (a capitalised "Of" or "For" links a title's words, "Secretary Of State"; a name does not open with the rest
    # of a hyphened title, "Chief-of-Staff John Kelly", "President-elect Donald Trump": the word before the hyphen
    # is the title's last role or linker; "al-Assad" and "Stephen King-Hall" keep theirs)
    out = [i for i in toks if i > last_role and ctx.cap(i) and w[i] not in DETERMINERS and w[i] not in ("of", "for")]
    if out and out[0] + 2 < len(w) and ctx.gap(out[0] + 1) == "-" and w[out[0] + 1] in _AGE_UNITS:
        age_end = out[0] + 2 if ctx.gap(out[0] + 2) == "-" and w[out[0] + 2] == "old" else out[0] + 1
        out = [i for i in out if i > age_end]  # an age before the name is a description: "Twelve-year-old Omar Haddad"
    hyphened_surname = bool(out) and ctx.gap(out[0]) == "-" and out[0] - 1 == last_role and ctx.cap(last_role) \
        and last_role - 1 >= span[0] and w[last_role - 1] in ctx.words.first_names and ctx.gap(last_role).isspace()
    if hyphened_surname:
        out = [last_role - 1, last_role] + out  # "Stephen King-Hall": a role word hyphened to a surname is part of it
    while out and ctx.gap(out[0]) == "-" and (out[0] - 1 == last_role or w[out[0] - 1] in ("of", "for", "in")):
        out.pop(0)
    if last_role > span[0] + 1 and ctx.cap(last_role) and len(w[last_role - 1]) == 1 and ctx.cap(last_role - 2) \
            and len(w[last_role - 2]) > 1 and ctx.gap(last_role).strip() == ".":  # (not "U.S. Attorney", "Kestrel's")
        # "Representative Peter T. King of New York": a role word after a first name and an initial is a surname
        r = last_role
        while r - 1 > span[0] and ctx.cap(r - 1) and w[r - 1] not in role:
            r -= 1
        before = max((i for i in toks if i < r and w[i] in role), default=span[0] - 1)
        return [i for i in toks if before < i < cut and ctx.cap(i) and w[i] not in DETERMINERS]
    if not out and last_role > span[0] and ctx.cap(last_role) and _abbreviated_title(ctx, last_role - 1):
        return [last_role]  # "Dr. King", "Capt. Major": after an abbreviated title a role word is the surname
    f = last_role - 1
    if not out and f > span[0] and ctx.cap(last_role) and ctx.cap(f) and w[f] not in role \
            and w[f] in ctx.words.first_names \
            and (_title_before(ctx, f, span[0]) or _false_title_name(ctx, span[0], last_role) == f) \
            and ctx.gap(last_role).isspace() and ctx.gap(f).strip() in ("", "."):
        # "Rep. Peter King", "Sen. Ted Judge", "UCLA economist Roger Farmer": after a title or a description and a
        # first name (one the lexicon knows: "Deputy Fire Chief" has none), the last capitalised word is the surname
        # even when it is also a role word
        return [f, last_role]
    p = last_role + 1
    if out and span[0] <= last_role and p + 1 <= span[1] and w[p] in ("of", "for", "to") \
            and out[0] == p + 1 + (w[p + 1] in DETERMINERS):
        # a title's "of", "for" or "to" complement before the name ("Secretary of State Hillary Clinton", "Minister
        # for Emergency Situations Ruslan Keder", "Secretary of the Navy Ray Mabus", "Ambassador to the United Nations
        # Nikki Haley"): the name is the last two
        # capitalised words (three with an initial or a suffix), or the last one after a one-word department
        # ("Secretary of State Blinken"); one alone ("Secretary of State said") is the department: no name.
        if w[span[0]] in DETERMINERS and len(out) <= 2:
            return []  # "The Secretary of Homeland Security said": a title with its department, no name
        keep = 1 if len(out) == 2 else 2
        if len(out) > keep + 1 and (len(w[out[-2]]) == 1 or w[out[-1]] in _NAME_SUFFIXES):
            keep += 1
        return out[-keep:] if len(out) > keep else []
    if not out:
        out = [i for i in toks if ctx.cap(i) and w[i] not in role and w[i] not in DETERMINERS
               and not (i == span[0] and ing_modifier(ctx, i, span[1] + 1))]
    named = _false_title_name(ctx, span[0], min(cut - 1, span[1])) if out else None
    if named is not None and out[0] < named:
        out = [i for i in out if i >= named]  # "Ranking member Adam Schiff": the description is not the name
    if out and out[0] < cut < out[-1]:
        # a role and a first name after an "of" or "at" complement name its holder: "Bank of America CEO Brian
        # Moynihan" is Brian Moynihan; else a person's name (a first name or a title before the complement marks one)
        # ends before the complement: "John Lott of the Crime Prevention Research Center" is John Lott (not "the US
        # Chamber of Commerce", "Archbishop of Canterbury Justin Welby")
        holder = next((i for i in toks if i > cut and w[i] in role and i + 1 <= span[1]
                       and w[i + 1] in ctx.words.first_names), None)
        if holder is not None:
            out = [i for i in out if i > holder]
        elif last_role >= span[0] or any(w[i] in ctx.words.first_names for i in out if i < cut):
            out = [i for i in out if i < cut]
    return out


def _false_title_name(ctx: Ctx, s: int, e: int) -> int | None:
    """The first token of the person's name that ends the source ``s``..``e`` after a description written without a
    determiner (the "false title" of news English: "committee member Sheldon Whitehouse", "self-described socialist
    Bernie Sanders", "House Intelligence Committee ranking member Adam Schiff"), or None. The name is the last run of
    two to four capitalised words, opening with a first name the lexicon knows, right after a lower-case word that is
    not a conjunction or a name particle ("Adam Schiff and Devin Nunes", "Charles de Gaulle")."""
    w = ctx.doc.words
    relation = ctx.single.get("anonymous", frozenset())
    r = e
    while r - 1 >= s and ctx.cap(r - 1) and ctx.gap(r) in (" ", ". ") and w[r - 1] not in relation:
        r -= 1
    if not (2 <= e - r + 1 <= 4 and r - 1 >= s and ctx.cap(r) and w[r] in ctx.words.first_names):
        return None
    before = ctx.raw(r - 1)
    org = ctx.single.get("organisation", frozenset())
    # (a body named after a person is no person: "the charity Mary Jane Relief Fund", "law firm Paul Hastings"; a
    # first name and one surname that is also an organisation noun are a person: "tennis great Margaret Court")
    # (a relation noun written capitalised is a description too: "Ranking Member Laura Quist")
    return r if ctx.gap(r) == " " and len(before) >= 3 and before.isalpha() \
        and (before.islower() or w[r - 1] in relation) \
        and before not in _NOT_DESCRIPTIONS and w[r - 1] not in org and not (w[e] in org and e - r >= 2) else None


# Lower-case words between capitalised ones that do not end a description before a name: conjunctions, prepositions,
# name particles.
_NOT_DESCRIPTIONS = frozenset("and but nor not for from with the van von der den del della dela degli dos das los "
                              "las bin bint binti ibn ould abu ben af und".split())


# Titles written abbreviated before a name, with their written-out form: TITLE_ABBREVIATIONS (which also name a
# later "the governor") and "Dr.", "Lt.", "Sgt.", "Maj.", "Cmdr.", "Det.".
_NAME_TITLES = {**TITLE_ABBREVIATIONS, "dr": "doctor", "lt": "lieutenant", "sgt": "sergeant", "maj": "major",
                "cmdr": "commander", "det": "detective"}


def _org_named_with_title(ctx: Ctx, s: int, e: int) -> bool:
    """Is the source ``s``..``e`` an organisation whose name opens with a title word ("General Motors", "General
    Dynamics", "Major League Soccer")? A title names a person by a name; after it, capitalised common
    nouns (an organisation noun, or several) that the article never gives with a first name name a body, not a person,
    when the title word is also an adjective, as the first word of a company's name is ("General Milley" stays a
    person; "Senator Banks", "Judge Mills" too: a title that is only a noun names a person)."""
    w = ctx.doc.words
    org = ctx.single.get("organisation", frozenset())
    if e == s or not ctx.cap(s) or w[s] not in ctx.single.get("role", frozenset()) or _abbreviated_title(ctx, s) \
            or tag(w[s]) != "JJ":
        return False  # (only a title that is also an adjective opens a body's name: "General", "Major", "Chief")
    for i in range(s + 1, e + 1):
        if not ctx.cap(i) or ctx.gap(i) != " " or w[i] in ctx.words.first_names \
                or not (common_noun(w[i]) or w[i] in org):
            return False
    return (e - s >= 2 or w[e] in org) and _longer_name(ctx, e) is None


def _abbreviated_title(ctx: Ctx, i: int) -> bool:
    """Is token ``i`` a title abbreviated before a name: capitalised, with its full stop ("Sen.", "Dr."), and a
    capitalised word after it?"""
    d = ctx.doc
    return d.words[i] in _NAME_TITLES and ctx.cap(i) and i + 1 < len(d.words) and ctx.cap(i + 1) \
        and ctx.gap(i + 1).startswith(".")


def _title_before(ctx: Ctx, i: int, first: int) -> bool:
    """Is the token before ``i`` (within the span from ``first``) a capitalised title ("Rep.", "Senator")?"""
    t = i - 1
    if t < first or not ctx.cap(t):
        return False
    word = ctx.doc.words[t]
    return word in ctx.single.get("role", frozenset()) or word in TITLE_ABBREVIATIONS


def _full_name(ctx: Ctx, span: tuple[int, int]) -> str:
    """The fullest form of the name the article has used so far ("Baqeri" -> "Mohammad Baqeri")."""
    d = ctx.doc
    toks = _name_tokens(ctx, span)
    if not toks:
        return span_text(ctx, span)
    name = d.text[d.tok_start[toks[0]]:d.tok_end[toks[-1]]]
    if len(toks) == 2 and d.words[toks[0]] in _GENDERED_HONORIFICS and ctx.gap(toks[1]).strip() in ("", "."):
        # news English names a person in full first, then by honorific and surname ("James Bopp ... Mr. Bopp said"):
        # the same person, by the full name, unless that name's first name is the other gender's ("Bill Clinton ...
        # Mrs. Clinton"), the text gives the surname two first names, or it speaks of a relative of the honorific's
        # gender
        gender = "he" if d.words[toks[0]] == "mr" else "she"
        if gender in ctx.kinship:
            return name  # relatives share surnames: "his son Hunter Biden ... Mr. Biden said" is not the son
        full = _longer_name(ctx, toks[1])
        if full is not None and _first_name_gender(ctx, full) in (None, gender) \
                and len(_words_before_surname(ctx, ctx.raw(toks[1]))) == 1:
            return full
        return name
    if len(toks) > 1 and all(ctx.gap(t) in _SURNAME_JOINERS and t == toks[0] + k + 1 for k, t in enumerate(toks[1:])):
        return _longer_compound(ctx, toks) or name  # "Ocasio-Cortez" -> "Alexandria Ocasio-Cortez", "O'Mara"
    if len(toks) > 1:
        return name
    if toks[0] - 1 >= span[0] and _abbreviated_title(ctx, toks[0] - 1):
        # "Sen. Booker", "Dr. Fauci": the full name the article gave with the same title ("Sen. Cory Booker", "Senator
        # Cory Booker"), else the title and the surname as written: a full name without the title may be someone
        # else of that name ("John Smith was arrested. Det. Smith said", "his son, Sen. Paul")
        return _titled_full_name(ctx, toks[0] - 1, toks[0]) or d.text[d.tok_start[toks[0] - 1]:d.tok_end[toks[0]]]
    return _longer_name(ctx, toks[0]) or name


# How many earlier mentions of a surname a title and surname look back over for their full name (bounded: a text
# that repeats "Dr. Smith" many times stays linear).
_TITLED_LOOKBACK = 20


def _titled_full_name(ctx: Ctx, title: int, surname: int) -> str | None:
    """The first earlier mention of the surname at ``surname`` with one to three capitalised names before it (no role
    among them) and, before those, the title at ``title`` again, abbreviated or written out ("Sen. Cory Booker",
    "Senator Cory Booker" for "Sen. Booker"): that person's full name, or None."""
    d = ctx.doc
    w = d.words
    forms = {w[title], _NAME_TITLES[w[title]]}
    role = ctx.single.get("role", frozenset())
    seen = 0
    for p in ctx.capitalised_positions(ctx.raw(surname)):
        if p >= surname or seen >= _TITLED_LOOKBACK:
            break
        seen += 1
        k = p - 1
        parts: list[int] = []
        while k >= 0 and len(parts) < 3 and ctx.cap(k) and w[k] not in forms and "\n" not in ctx.gap(k + 1) \
                and (ctx.gap(k + 1).isspace() or parts and ctx.gap(k + 1) == "-" or _initial(ctx, k)):
            parts.insert(0, k)  # first names, an initial ("Anthony S. Fauci") or a hyphened first name
            k -= 1
        if parts and k >= 0 and w[k] in forms and ctx.cap(k) and not any(w[i] in role for i in parts):
            return d.text[d.tok_start[parts[0]]:d.tok_end[p]]
    return None


def _modal_name(ctx: Ctx, i: int) -> bool:
    """Is the modal opening a sentence at token ``i`` a first name ("Will Hurd said ...")? A modal opens a sentence
    only in a question."""
    d = ctx.doc
    if d.words[i] not in _MODAL_FIRST_NAMES:
        return False
    si = d.sentence_of(d.tok_start[i])
    if si < 0:
        return False
    end = d.sentences[si].end  # the sentence's last character that is not white space (not a copy of the sentence)
    while end > d.sentences[si].start and d.text[end - 1].isspace():
        end -= 1
    return d.text[end - 1:end] != "?"


# Modals that are also first names ("Will", "May", "Can"); not "Should", which opens a conditional statement
# ("Should Mr. Trump lose, ...").
_MODAL_FIRST_NAMES = frozenset(("will", "may", "can", "shall"))


def _words_before_surname(ctx: Ctx, surname: str) -> frozenset[str]:
    """The capitalised words that can be first names (not roles, titles or honorifics) the text writes right before
    the capitalised word ``surname``, anywhere in it; computed once per word."""
    found = ctx._first_words.get(surname)
    if found is None:
        w = ctx.doc.words
        role = ctx.single.get("role", frozenset())
        words = set()
        for p in ctx.capitalised_positions(surname):
            k = p - 1
            if k > 0 and len(w[k]) == 1 and ctx.gap(p) == ". " and ctx.cap(k - 1) and ctx.gap(k) == " ":
                k -= 1  # past a middle initial: "Donald J. Trump"
            elif ctx.gap(p) != " ":
                continue
            if k >= 0 and ctx.cap(k) and w[k] not in _HONORIFICS and w[k] not in role \
                    and w[k] not in TITLE_ABBREVIATIONS and _first_name(ctx, w[k], p):
                words.add(w[k])
        found = ctx._first_words[surname] = frozenset(words)
    return found


def _longer_name(ctx: Ctx, tok: int) -> str | None:
    """The first earlier mention of the capitalised word at ``tok`` with up to three first names before it
    ("Baqeri" -> "Mohammad Baqeri"), or None."""
    d = ctx.doc
    toks = [tok]
    last = ctx.raw(toks[0])
    role = ctx.single.get("role", frozenset())
    first_names = ctx.words.first_names
    places = ctx.words.phrases.get("place", frozenset())
    # the first earlier mention with a longer name wins; remember it, and how far the search has gone
    found, scanned = ctx._full_names.get(last, (None, 0))
    if found is not None:
        return found
    positions = ctx.capitalised_positions(last)
    for n_seen in range(scanned, len(positions)):
        p = positions[n_seen]
        if p >= toks[0]:
            ctx._full_names[last] = (None, n_seen)
            break
        if in_title_case_line(ctx, p):
            continue  # a headline capitalises every word: "Endorses Rick Perry" is not a name
        # up to three capitalised words right before an earlier mention, minus titles: "Major General Mohammad"
        parts: list[int] = []
        k = p - 1
        while k >= 0 and len(parts) < 3 and ctx.cap(k) and "\n" not in ctx.gap(k + 1) \
                and (ctx.gap(k + 1).isspace() or parts and ctx.gap(k + 1) == "-" or _initial(ctx, k)):
            # (a name never runs across a line break: a headline's last word is not a first name; a hyphen joins the
            # parts of a first name, "Jean-Pierre Dupont"; an initial stands between names, "Gregory N. Hicks",
            # "George H.W. Bush")
            parts.insert(0, k)
            k -= 1
        kept: list[int] = []
        lead = -1  # a leading initial kept
        for i in reversed(parts):
            wi = d.words[i]
            if _initial(ctx, i) and i != parts[0]:
                kept.insert(0, i)  # (a middle initial; a name does not open with one here: "U.S. Rep ...")
                continue
            if _initial(ctx, i):
                if kept and not _initial(ctx, kept[0]) and _opens_name(ctx, i):
                    # an initial before a first name opens the name: "E. Jean Carroll", "J. Edgar Hoover"
                    kept.insert(0, i)
                    lead = i
                break
            if wi in role or wi in DETERMINERS or wi in NP_LINKERS or not _first_name(ctx, wi, p) \
                    or common_opener(ctx, i) and not _modal_name(ctx, i):
                # a role, or a capitalised word that is not a name ("Debating Clinton's character", an ordinary word
                # opening the sentence: "Later Paul Ryan said")
                break
            kept.insert(0, i)
        if len(kept) > 1 and d.words[kept[0] - 1] in _TITLE_COMPLEMENTS and not ctx.cap(kept[0] - 1) \
                and kept[0] >= 2 and d.words[kept[0] - 2] in role and d.words[kept[0]] not in first_names \
                and (ctx.cap(kept[0] - 2) or d.words[kept[0] - 2] in ctx.words.single_holder
                     and (d.words[kept[0]],) in places):
            # the complement of a title (capitalised, or a one-holder office's place) opens no name ("Secretary of
            # State Hillary Clinton", "ambassador to Turkey James Jeffrey", "Director of National Security Joseph
            # Maguire"; not "a spokesman for Ravi Anand Sethi", "an adviser to Israel Vargas"): it ends before a first
            # name the lexicon knows, else after its first word
            kept.pop(0)
            while len(kept) > 1 and d.words[kept[0]] not in first_names \
                    and any(d.words[k] in first_names for k in kept[1:]):
                kept.pop(0)
            if len(kept) > 1 and not any(d.words[k] in first_names for k in kept):
                kept = kept[-1:]  # a complement of several words and a first name the lexicon does not know: a
                # name is its last word before the surname ("Secretary of Homeland Security Kirstjen Nielsen")
        elif len(kept) > 1 and parts and kept[0] > parts[0] and not any(d.words[k] in first_names for k in kept):
            # the capitalised run goes on before the words kept, with a word that is no name ("Minister for Emergency
            # Situations Ruslan Keder"): the run is a title's complement or a body's name, and a name is its last
            # word before the surname, unless the lexicon knows a first name among them
            kept = kept[-1:]
        while kept and _initial(ctx, kept[0]) and kept[0] != lead:
            kept.pop(0)  # (an initial opens no name after a cut)
        inner = [i for i in kept if i != lead]
        if any(_initial(ctx, i) for i in inner) and ((d.words[inner[0]],) in places or sentence_initial(ctx, p)
                                                     or inner[0] > 0 and d.words[inner[0] - 1] in PREPOSITIONS):
            # "filed in Washington D.C. Hicks, ...": initials after a place, in a phrase a preposition opens, are the
            # place's abbreviation (the sentence splitter does not end a sentence there), as across a sentence's end
            kept = []
        keep = [ctx.raw(i) for i in kept]
        if keep and not any(x.lower() in ("mr", "mrs", "ms", "dr") for x in keep):
            full = "".join(x + _name_gap(ctx.gap(i + 1)) for x, i in zip(keep, kept, strict=True)) + last
            ctx._full_names[last] = (full, n_seen)
            return full
    else:
        ctx._full_names[last] = (None, len(positions))
    return None


# What joins the parts of one surname: a hyphen ("Ocasio-Cortez"), an apostrophe ("O'Mara", "D’Souza").
_SURNAME_JOINERS = frozenset(("-", "'", "\u2019"))


def _longer_compound(ctx: Ctx, toks: list[int]) -> str | None:
    """The full name of a surname written in parts joined by hyphens or apostrophes (``toks``): the first earlier
    mention of its first part with first names before it (:func:`_longer_name`), when the same parts follow it there."""
    full = _longer_name(ctx, toks[0])
    if full is None:
        return None
    d = ctx.doc
    _, n_seen = ctx._full_names[ctx.raw(toks[0])]
    p = ctx.capitalised_positions(ctx.raw(toks[0]))[n_seen]
    rest = d.text[d.tok_end[toks[0]]:d.tok_end[toks[-1]]]
    return full + rest if d.text.startswith(rest, d.tok_end[p]) else None


def _opens_name(ctx: Ctx, i: int) -> bool:
    """Can the initial at token ``i`` open a name? Only where something shows a name begins: the text's or a clause's
    start (punctuation or a quotation mark before it), a noun for a person ("columnist E. Jean Carroll") or a word
    that introduces one ("said", "by", "and"); not a letter labelling the noun before it ("hepatitis C. Mark Dunn",
    "Plan B. Laura Finch", "building B."), nor initials after initials ("D.C.", "U.S.")."""
    if i == 0:
        return True
    if _initial(ctx, i - 1):
        return False
    if ctx.gap(i).strip():
        return True  # (a comma, a quotation mark, a parenthesis, a dash before it)
    w = ctx.doc.words[i - 1]
    return w in ctx.words.speaker_heads or w in _NAME_INTRODUCERS


# Words after which a capitalised word or an initial opens a person's name.
_NAME_INTRODUCERS = frozenset(("said", "says", "told", "by", "and", "with", "to", "from", "including", "like"))


def _initial(ctx: Ctx, k: int) -> bool:
    """Is token ``k`` an initial inside a name: one capital letter followed by a full stop, then a space or another
    initial ("N." in "Gregory N. Hicks", "H." and "W." in "George H.W. Bush")?"""
    g = ctx.gap(k + 1)
    return len(ctx.doc.words[k]) == 1 and ctx.cap(k) and g.strip() == "." and "\n" not in g


def _name_gap(gap: str) -> str:
    """What stands between two words of a name as the name is written out: a hyphen, an initial's full stop (with the
    space after it), else one space."""
    if gap == "-" or gap == ".":
        return gap
    return ". " if gap[:1] == "." else " "


def _first_name(ctx: Ctx, word: str, mention: int) -> bool:
    """Can a capitalised word before a surname be a first name? The text writes it as a name mid-sentence, or
    never in lower case and not in the headline (a headline verb or adjective is capitalised too)."""
    if word in ctx.names:
        return True
    if word in SENTENCE_STOPPERS or word in COMMON_STARTERS or word in DETERMINERS or word in PREPOSITIONS \
            or word in _SUBORDINATORS or word in _WH_WORDS:
        return False  # a function word opening the sentence: "Once Kugelmass got that check", "What Paul Ryan"
    d = ctx.doc
    in_headline = len(d.paragraphs) > 1 and d.tok_start[mention] < d.paragraphs[0].end
    # a headline capitalises its verbs and adjectives too ("Debating Clinton's character"): there, only a word that
    # does not look like a verb form can be a first name
    return word not in d.case_profile[1] and not (in_headline and word.endswith(("ing", "ed")))


# Subordinators that open a sentence and are in no other word list ("Once Kugelmass got that check, he ...").
_SUBORDINATORS = frozenset(("once", "unless", "whenever", "whereas"))
# Prepositions after a title whose capitalised complement comes before its holder's name ("ambassador to Turkey
# James Jeffrey").
_TITLE_COMPLEMENTS = frozenset(("of", "to", "for"))
# Question words, capitalised when they open a sentence ("What Paul Ryan wants ...").
_WH_WORDS = frozenset(("what", "when", "where", "why", "how", "who", "whom", "whose", "which"))
# (a form of "be" or "have" ends the noun phrase: "the confusion were Trump's intimations" has the name after it)
_AFTER_ARTICLE = re.compile(r"\bthe(?:\s+(?!(?:is|was|were|are|be|been|has|had|have)\b)[a-z][\w-]*){0,3}\s+$")
# Prepositions of place: the name after one is where something is ("officials in New Orleans", "a nurse at Texas
# Health Presbyterian Hospital", "fighting near Bakhmut"), not a person a personal pronoun stands for.
_LOCATIVES = frozenset(("in", "at", "near", "outside", "inside", "across", "throughout"))
_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(" + "|".join(sorted(_LOCATIVES)) + r")[ \t\u00a0]+$")


def _placed(ctx: Ctx, text: str, start: int, parts: list[str], role: frozenset[str]) -> bool:
    """Is the capitalised run ``parts`` at ``start`` a place named after a preposition of place ("in New Orleans", "In
    Des Moines, ...")? Not when a title or an honorific opens it or a title ends it ("Editor in Chief Katherine
    Mangu-Ward", "In Mr. Johnson's view"), a first name stands in it, or a possessive splits it ("at Labour's Angela
    Rayner"), nor a single word after "at", which points at people too ("took shots at Clinton")."""
    m = _LOCATIVE_BEFORE.search(text, max(0, start - 12), start)
    if m is not None:
        prep, rest = m.group(1), parts
    elif len(parts) > 1 and parts[0].lower() in _LOCATIVES:
        prep, rest = parts[0].lower(), parts[1:]
    else:
        return False
    low = [x.lower().rstrip(".") for x in rest]
    return not (prep == "at" and len(rest) == 1 or low[0] in role or low[0] in TITLE_ABBREVIATIONS
                or low[0] in _HONORIFICS or low[-1] in role
                or any(x in ctx.words.first_names for x in low)
                or any(x.endswith(("'s", "\u2019s")) for x in low[:-1]))


# (a particle is a whole word: "Dana Whitfield last year" is not "Dana Whitfield la")
# (the words of a name are on one line: a headline's or a caption's last word is not a first name)
_NAME_SEQ = re.compile(r"(?<![\w\u2019'])((?:[A-Z][\w\u2019'.-]*)(?:[ \t\u00a0]+(?:[A-Z][\w\u2019'.-]*|"
                       r"(?:de|van|von|al|bin|la|le|da)\b))*)")


def _window_start(ctx: Ctx, a: Attr) -> int:
    """Where the words a pronoun's attribution reports begin: its content when that comes first (`"...," he
    said`), else its source. The sentences a pronoun looks back over are counted from there, not from inside the
    quotation."""
    s = ctx.doc.tok_start[a.source[0]]  # type: ignore[index]
    return min(s, a.content[0]) if a.content else s


def _nearest_person(ctx: Ctx, tok: int, pronoun: str = "", anchor: int = -1, end: int = -1,
                    lone: bool = False, possessive: bool = False) -> str | None:
    """The closest person-like name before token ``tok`` (or offset ``end``) outside quotations, within the two
    sentences before the one at offset ``anchor`` (default: the token's), not of the other gender than ``pronoun``
    ("he" or "she") by its honorific or first name (:func:`_other_gender`); with ``lone``, a single word the article
    makes a source counts as a name; with ``possessive``, a name in the possessive counts too ("Trump's remarks")."""
    d = ctx.doc
    si = d.sentence_of(anchor if anchor >= 0 else d.tok_start[tok])
    hi = end if end >= 0 else d.tok_start[tok]
    # the last two sentences, but never more than 600 characters back (a pronoun refers to a recent mention)
    lo = max(d.sentences[max(0, si - 2)].start if si >= 0 else 0, (anchor if anchor >= 0 else hi) - 600)
    role = ctx.single.get("role", frozenset())
    org = ctx.single.get("organisation", frozenset())
    media = ctx.single.get("media", frozenset())
    anon = ctx.single.get("anonymous", frozenset())
    places = ctx.words.phrases.get("place", frozenset())
    best = None
    for m in _NAME_SEQ.finditer(d.text, lo, hi):
        if ctx.offset_in_quote(m.start()):
            continue
        parts = m.group(1).split()
        if _placed(ctx, d.text, m.start(), parts, role):
            continue  # a name after "in", "at", "near" ... is a place or an institution, no one a pronoun means
        # a word of more than three letters ending in a full stop ends a sentence, not a title ("in April. Yet he",
        # where "Sen." and "U.S." go on): the name is what follows the last such word before the pronoun
        cut = [i for i, p in enumerate(parts[:-1]) if p.endswith(".") and len(p) > 4 and "." not in p[:-1]]
        if cut:
            parts = parts[cut[-1] + 1:]
        # drop leading roles and sentence-initial function words: "Republican U.S. House Speaker Paul Ryan"
        last_role = max((i for i, p in enumerate(parts) if p.lower().strip(".") in role), default=-1)
        parts = parts[last_role + 1:]
        while parts and (parts[0].lower() in COMMON_STARTERS or parts[0].lower() in SENTENCE_STOPPERS
                         or parts[0].lower() in _SUBORDINATORS or parts[0].lower() in FOCUS_ADVERBS):
            parts.pop(0)  # a sentence-initial conjunction or subordinator is not part of a name: "When Sen. ..."
        parts = [p for p in parts if p.lower() not in DETERMINERS and p.lower() not in SMALL_WORDS]
        after = d.text[m.end():m.end() + 2]
        owner = after[:1] in ("'", "\u2019") or m.group(1).endswith(("'s", "\u2019s"))
        if owner and possessive:
            parts = [p.removesuffix("'s").removesuffix("\u2019s") for p in parts]
        elif owner or (
                len(parts) == 1 and re.match(r" [a-z]", after)
                and parts[0].lower().endswith(("an", "ese", "ish", "ic", "i"))):
            continue  # a possessive ("Obama's staff") or an adjective of nationality ("Syrian minister")
        if not parts or d.text[m.start() - 1:m.start()] == "/":
            continue  # (a name after a slash is a picture credit, "REUTERS/Yuri Gripas": not a person in the story)
        low = [p.lower().strip(".,\u2019'") for p in parts]
        if any(x in org or x in media for x in low) or all(x in anon or x in MONTHS or x in WEEKDAYS
                                                           or x in PRONOUNS for x in low) \
                or len(low) > 1 and tuple(low) in places:
            # (nor a place: "New Jersey" is nobody a pronoun means; a lone word is tested below, since it may be a
            # surname the article gives in full, "Rep. Steve Israel ... Israel")
            continue
        if len(parts) == 1 and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Minister)\.?\s+$",
                                             d.text[max(0, m.start() - 12):m.start()]):
            # a lone capitalised word is too often a place, a month or a nationality, unless the article gives it
            # in full elsewhere ("Obama" -> "Michelle Obama")
            k = d.token_at_or_after(m.start())
            full = _full_name(ctx, (k, k)) if k < len(d.words) else ""
            if len(full.split()) < 2 and not (lone and full in _lone_sources(ctx)):
                continue
            parts = full.split()
        if in_title_case_line(ctx, d.token_at_or_after(m.start())):
            continue
        if m.start() == d.sentences[d.sentence_of(m.start())].start and len(parts) == 1 \
                and parts[0].lower() in COMMON_STARTERS:
            continue
        name = " ".join(parts).rstrip(".,")
        if not (pronoun and (_other_gender(ctx, name, pronoun)
                             or _AFTER_ARTICLE.search(d.text, max(0, m.start() - 40), m.start()))):
            best = name  # (for a gendered pronoun, not a name after "the ...": "the overcrowded Vel Harbor centre")
    if best is None:
        return None
    return best


def _chained_person(ctx: Ctx, a: Attr, pronoun: str) -> str | None:
    """The person a chain of the same pronoun goes back to: when each sentence before the pronoun's (up to a few, within
    a few thousand characters) refers to someone by that pronoun too, the text has kept talking about one person since
    it last named them ("Once Kugelmass got that check, he thought ... He admits ... '...,' he says"): the nearest
    person's name before the chain's first pronoun is the referent."""
    forms = _PRONOUN_FORMS.get(pronoun)
    d = ctx.doc
    if forms is None or a.source is None:
        return None
    at = d.tok_start[a.source[0]]
    k = d.sentence_of(_window_start(ctx, a)) - 1
    first = -1  # the chain's first pronoun so far
    while k >= 0 and a.sentence - k <= _CHAIN_SENTENCES and d.sentences[k].start >= at - _CHAIN_CHARS:
        own = next((t for t in ctx.sent_tokens(k) if d.words[t] in forms and not ctx.in_quote(t)), -1)
        if own < 0:
            break
        first = own
        k -= 1
    if first < 0:
        return None  # no chain beyond the sentences already searched
    # the name before the chain's first pronoun: "Jonathan Reyes founded it. He hired Maria Keller. ... he says" is
    # Reyes, not the object inside the chain
    return _nearest_person(ctx, a.source[0], pronoun, d.tok_start[first], d.tok_start[first], lone=True)


_PRONOUN_FORMS = {"he": frozenset(("he", "him", "his", "himself")), "she": frozenset(("she", "her", "hers", "herself"))}
# How far a chain of one pronoun is followed back: sentences, and characters before the pronoun.
_CHAIN_SENTENCES = 8
_CHAIN_CHARS = 2500


def _lone_sources(ctx: Ctx) -> set[str]:
    """The single capitalised words the article makes someone who speaks, anywhere ("Kugelmass says"): a person's name
    there, so a pronoun may stand for it even where the article never gives the name in full. Found once, when first
    needed."""
    if ctx.lone_sources is None:
        ctx.lone_sources = {ctx.raw(a.source[0]) for a in ctx.attrs if a.source and a.source[0] == a.source[1]
                            and a.host is None and ctx.cap(a.source[0]) and not ctx.in_quote(a.cue_first)
                            and _source_type(ctx, a) == "named_person"}
    return ctx.lone_sources


def _subject_name(ctx: Ctx, a: Attr, si: int) -> str | None:
    """The named subject of sentence ``si`` (the pronoun's own sentence, or the one before), when it starts with
    one before the pronoun ("Power also made headlines ... after she called ...")."""
    if si < 0 or si < a.sentence - 1:
        return None
    subj = sentence_subject(ctx, si)
    if subj is None or a.source is None or subj[1] >= a.source[0]:
        return None
    w = ctx.doc.words
    toks = range(subj[0], subj[1] + 1)
    if any(w[t] in ctx.words.heads or w[t] in PRONOUNS for t in toks) or ctx.in_quote(subj[0]):
        return None
    if w[subj[0]] in COMMON_STARTERS or w[subj[0]] in PREPOSITIONS or w[subj[0]] in SENTENCE_STOPPERS \
            or w[subj[0]] in _SUBORDINATORS:
        return None  # "To be sure, ...", "In March, ...", "Once X got ...": the sentence does not start with its subject
    names = [t for t in toks if ctx.cap(t) and w[t] not in DETERMINERS and w[t] not in NP_LINKERS]
    if not names or in_title_case_line(ctx, subj[0]):
        return None
    if w[names[0]].endswith(("ing", "ed")):
        return None  # "Speaking to reporters, he said", "Asked about it, she said"
    if any(w[t] in WEEKDAYS for t in names):
        return None  # "Even Sunday, after the stabbings, he blamed": a time, not who
    name = _full_name(ctx, (names[0], names[-1]))
    return name if len(name.split()) >= 2 else None  # a lone word is too often a place or a party


# Sentence-initial conjunctions and adverbs are not part of the subject ("But Sen. Jeff Sessions ...", "Now Prime
# Minister Helena Vasquez-Orr must choose").
_LEADING_CONJUNCTIONS = frozenset("but and yet so still then now meanwhile however".split())


def _previous_subject(ctx: Ctx, a: Attr) -> str | None:
    """The person the sentence before the pronoun's is about, when that sentence (in the same paragraph) starts with
    one: "Sen. Jeff Sessions seemed puzzled by it. 'Did he say soften?' he asked". A pronoun prefers the previous
    sentence's subject to a speaker quoted further back; a role one person holds counts when the article names its
    holder ("The governor acknowledged ... He warned ...")."""
    d = ctx.doc
    if a.source is None:
        return None
    si = min(a.sentence, d.sentence_of(_window_start(ctx, a))) - 1  # before the reported words, not inside them
    if si < 0:
        return None
    # the sentence before, in the same paragraph or ending the paragraph before (sentences never cross a paragraph
    # break): "... Gloria Borger on CNN opened the floodgates. / "Klomentum?" she asked."
    if d.paragraph_index(d.tok_start[a.source[0]]) - d.paragraph_index(d.sentences[si].start) > 1:
        return None
    subj = sentence_subject(ctx, si)
    w = d.words
    pronoun = w[a.source[0]]
    for _ in range(_SUBJECT_CHAIN):
        # a run of sentences with the same pronoun as subject goes on about one person: "Obama stopped short ... He
        # renewed his call ... he pitched what he called ...": past them, within the paragraph (the subject carries
        # on over people named as objects: "He has refused to support Paul Ryan or John McCain. He accepted ...")
        if subj is None or subj[0] != subj[1] or w[subj[0]] != pronoun or pronoun not in ("he", "she") or si < 1 \
                or d.paragraph_index(d.sentences[si - 1].start) != d.paragraph_index(d.sentences[si].start):
            break
        si -= 1
        subj = sentence_subject(ctx, si)
    if subj is None or ctx.in_quote(subj[0]) or in_title_case_line(ctx, subj[0]):
        return None
    if w[subj[0]] in _LEADING_CONJUNCTIONS and subj[0] < subj[1] and not ctx.gap(subj[0] + 1).strip():
        subj = (subj[0] + 1, subj[1])  # "But Sen. Jeff Sessions seemed puzzled"
    if w[subj[0]] in PRONOUNS or w[subj[0]] in SENTENCE_STOPPERS or w[subj[0]] in _SUBORDINATORS \
            or (w[subj[0]] in COMMON_STARTERS and w[subj[0]] != "the"):
        return None
    if _is_person_role(ctx, subj):
        return _resolve_title(ctx, subj)
    heads = ctx.words.heads
    if subj[1] + 1 < len(w) and (w[subj[1] + 1] in heads and not ctx.cap(subj[1] + 1)
                                 and gap_is_space(ctx, subj[1] + 1) or w[subj[1] + 1] == "s"):
        # the noun phrase goes on past a capitalised modifier ("Green Left co-leader Amira Sandoval"); a comma ends
        # it ("Nancy Pelosi, who ...": "who" is also the WHO's name)
        return None
    last_head = max((t for t in range(subj[0], subj[1] + 1) if w[t] in heads), default=subj[0] - 1)
    k = next((t for t in range(last_head + 1, subj[1] + 1) if ctx.cap(t) and w[t] not in DETERMINERS), None)
    if k is None or w[k].endswith(("ing", "ed")):
        return None  # no name after the last role word ("the Republican leaders"), or a participle
    names = [k]
    while names[-1] + 1 <= subj[1] and (ctx.cap(names[-1] + 1) or possessive_s(ctx, names[-1] + 1)):
        names.append(names[-1] + 1)  # the run of capitalised words: "Amira Sandoval" of "... of the Green Left"
    poss = [t for t in names if possessive_s(ctx, t)]
    if poss:
        names = [t for t in names if t > poss[-1]]  # "The Green Left's Amira Sandoval"
    if not names:
        return None
    name = _full_name(ctx, (names[0], names[-1]))
    return name if len(name.split()) >= 2 else None  # a lone word is too often a place or a party


# How many sentences whose subject is the pronoun itself are passed to find its referent.
_SUBJECT_CHAIN = 3


def _known_person_before(ctx: Ctx, a: Attr) -> str | None:
    """The first name in the pronoun's sentence, before it, of someone already quoted as a named speaker
    ("... before the fundraiser Pelosi also gave a speech ... in which she accused ...")."""
    if a.source is None or a.sentence < 0:
        return None
    w = ctx.doc.words
    for t in _person_candidates(ctx, a.sentence):
        if t >= a.source[0]:
            break
        before = w[t - 1] if t > 0 else ""
        full = _full_name(ctx, (t, t))
        if full in ctx.speakers:
            return full
        if len(full.split()) >= 2 and before not in DETERMINERS:
            return full  # a subject, not "in the Tessaly Valley"
    return None


def _person_candidates(ctx: Ctx, si: int) -> list[int]:
    """The lone capitalised words of sentence ``si`` that may name a person (not opening the sentence, not quoted,
    no head noun, date or function word, not part of a longer name, not a preposition's object: "In a nod to
    Buttigieg, he said"), the first :data:`_MAX_PERSON_CANDIDATES` of them: found once per sentence, so that a
    sentence with many pronoun sources is read once."""
    got = ctx.person_candidates.get(si)
    if got is not None:
        return got
    w = ctx.doc.words
    out: list[int] = []
    for t in ctx.sent_tokens(si):
        if len(out) >= _MAX_PERSON_CANDIDATES:
            break
        if not ctx.cap(t) or sentence_initial(ctx, t) or ctx.in_quote(t) or w[t] in ctx.words.heads \
                or w[t] in DETERMINERS or w[t] in MONTHS or w[t] in WEEKDAYS or w[t] in COMMON_STARTERS:
            continue
        if t + 1 < len(w) and ctx.cap(t + 1) and ctx.gap(t + 1).isspace():
            continue  # part of a longer capitalised name: only a lone surname is looked up
        before = w[t - 1] if t > 0 else ""
        if before in PREPOSITIONS or before in ("to", "toward", "towards", "like", "than"):
            continue
        out.append(t)
    ctx.person_candidates[si] = out
    return out


_MAX_PERSON_CANDIDATES = 20


def _appositive_name(ctx: Ctx, span: tuple[int, int]) -> str | None:
    """A name set off by commas right after a role ("the group's director, Samir Haddou." / ", Samir Haddou, said"):
    one to four capitalised words after a comma, then a comma or the end of the sentence."""
    d = ctx.doc
    w = d.words
    k = span[1] + 1
    if k >= len(w) or ctx.gap(k).strip() != "," or ctx.in_quote(k):
        return None
    role = ctx.single.get("role", frozenset())
    e = k
    while e < len(w) and e - k < 4 and ctx.cap(e) and w[e] not in role and w[e] not in DETERMINERS \
            and (e == k or ctx.gap(e) in (" ", ". ")):
        e += 1
    if e == k or e - k < 2:
        return None  # one capitalised word may be a place ("the mayor, Leeds"): a name has two or more
    after = ctx.gap(e).strip() if e < len(w) else "."
    if after[:1] not in (",", ".", ";", ":") and e < len(w):
        return None
    return d.text[d.tok_start[k]:d.tok_end[e - 1]]


def _name_before_appositive(ctx: Ctx, span: tuple[int, int]) -> str | None:
    """The name a definite description is set off after by a comma ("Adam Schiff, the chairman of the committee,
    who said", "Trump, the unexpected front-runner who has accused"): two to four capitalised words right before the
    comma, opening their clause or after a comma, not after a preposition ("In Washington, the minister said")."""
    d = ctx.doc
    w = d.words
    s = span[0]
    if w[s] != "the" or s == 0 or ctx.gap(s).strip() != "," or ctx.in_quote(s):
        return None
    role = ctx.single.get("role", frozenset())
    b = s
    while b - 1 >= 0 and s - b < 4 and ctx.cap(b - 1) and w[b - 1] not in role and w[b - 1] not in DETERMINERS \
            and w[b - 1] not in WEEKDAYS and w[b - 1] not in MONTHS and w[b - 1] not in PREPOSITIONS \
            and w[b - 1] not in COMMON_STARTERS and (b == s or ctx.gap(b) == " "):
        b -= 1
    if b > 0 and (w[b - 1] in PREPOSITIONS or w[b - 1] in COMMON_STARTERS) and ctx.gap(b) == " ":
        return None  # "In New York City, the mayor said": the name is where, not who
    if sentence_initial(ctx, b):
        if w[b] in _OPENING_PREPOSITIONS:
            return None  # "Like Trump, the senator said", "Despite Biden, ...": a fronted phrase, not the subject
        if w[b] in ctx.doc.case_profile[1]:
            b += 1  # a first word the text also writes in lower case only opens the sentence ("Senator Adam Schiff")
    if s - b < 2:
        return None  # one capitalised word may be a place or a time ("In Texas, the governor said")
    before = d.text[max(0, d.tok_start[b] - 3):d.tok_start[b]].strip(" \t\"\u201c\u2018'")
    if b > 0 and not sentence_initial(ctx, b) and before[-1:] not in (",", ";", "\u2014", "\u2015"):
        return None  # "the letter to Adam Schiff, the chairman, said": the name is an object, not who speaks
    return d.text[d.tok_start[b]:d.tok_end[s - 1]]


# Words that open a fronted phrase before the subject, not a name: prepositions and sentence openers.
_OPENING_PREPOSITIONS = PREPOSITIONS | COMMON_STARTERS | frozenset("""like unlike besides despite outside inside across
    thanks excluding including amid via per near toward towards beyond behind below above around along alongside
    except given considering following regarding concerning throughout upon versus""".split())


def _one_described_person(ctx: Ctx, span: tuple[int, int]) -> bool:
    """Is the NP one person known by a description ("a spokeswoman for Cummings", "one official", "the woman")?
    Its head is the noun before its first preposition, a singular role or noun for a person."""
    w = ctx.doc.words
    if w[span[0]] not in ("a", "an", "one", "another", "the"):
        return False
    head = next((i - 1 for i in range(span[0] + 1, span[1] + 1) if w[i] in OF_FOR_AT or w[i] in PP_PREPOSITIONS),
                span[1])
    word = w[head]
    return head > span[0] and (word in ctx.single.get("role", frozenset()) or word in _PERSON_NOUNS)


# The nouns for one unnamed person in the source terms' anonymous category (a plural or a group is not "she").
_PERSON_NOUNS = frozenset("""official source aide adviser advisor spokesman spokeswoman spokesperson woman man person
    resident voter witness mother father neighbor neighbour supporter protester teenager friend colleague member
    donor employee victim survivor passenger wife husband son daughter brother sister relative""".split())


def _named_org(ctx: Ctx, span: tuple[int, int], orgs: list[tuple[str, int]], written: dict[str, str]) -> str | None:
    """The organisation a bare noun for one refers to: for a noun any organisation answers to ("the group"), one
    named as a source just before (below); for one of a kind ("the foundation", "the department"), the last one
    named as a source whose name holds that noun ("the Trayvon Martin Foundation"), looking back a bounded number of
    them. ``orgs`` are the organisations named as sources so far, each with its sentence; ``written``, their sources
    as written where a noun describes them ("Telecom company Brightline" for Brightline: "the company" is
    Brightline)."""
    w = ctx.doc.words
    if w[span[0]] in ("the", "this") and w[span[1]] in _ANY_ORGANISATION and span[1] - span[0] <= 3 \
            and not any(ctx.cap(i) for i in range(span[0] + 1, span[1] + 1)):
        # "the group", "the organization", "the gun group": nouns for any kind of organisation, so the one meant is
        # the organisation that just spoke, whatever its name: one named as a source in this sentence or the one
        # before ("said the HRC. '...,' said the organization"). Further back, or an organisation only mentioned
        # ("The FBI arrested members of the Proud Boys. The group said ..."), and the group may be another one
        si = ctx.doc.sentence_of(ctx.doc.tok_start[span[0]])
        name, said_in = orgs[-1] if orgs else ("", -1)
        if name.removeprefix("the ").removeprefix("The ")[:1].isupper() and said_in >= si - 1:
            return name  # (a name, not "a majority of Americans")
    if span[1] != span[0] + 1 or w[span[0]] not in ("the", "this") or ctx.cap(span[1]) \
            or w[span[1]] not in ctx.single.get("organisation", frozenset()):
        return None
    noun = w[span[1]]
    for name, _ in reversed(orgs[-_MAX_ORG_LOOKBACK:]):
        if noun in written.get(name, name).lower().split():
            return name
    return None


def _named_outlet(ctx: Ctx, span: tuple[int, int]) -> str | None:
    """The news outlet a bare noun for a publication refers to: English reporting names an outlet once and then
    calls it "the paper" or "the magazine" ("The Economist ... stated the magazine"), so the noun means the last
    outlet the text named before it, not far back, unless the same noun names something else in between ("A paper
    published by researchers ... the paper said"). Up to two lower-case words may qualify the noun ("the
    conservative magazine")."""
    w = ctx.doc.words
    s, e = span
    if w[s] not in ("the", "this") or w[e] not in _PUBLICATION_NOUNS or not 1 <= e - s <= 3 \
            or any(ctx.cap(i) for i in range(s + 1, e + 1)):
        return None
    at, names = ctx.outlet_mentions()
    k = bisect_left(at, s)
    if not k or s - at[k - 1] > _OUTLET_REACH:
        return None
    if any(w[i] == w[e] for i in range(at[k - 1] + 1, s)):
        return None  # the noun was used for something else since the outlet was named
    return names[k - 1]


# Nouns for a news outlet that, with "the" and no name, refer back to one: not "agency", "site" or "network", which as
# often mean a government agency, a place or a group ("the Haqqani network").
_PUBLICATION_NOUNS = frozenset(("paper", "newspaper", "magazine", "tabloid", "daily", "weekly", "outlet",
                                "publication", "broadcaster"))
# How many tokens after the outlet's name "the paper" may still refer to it (a few paragraphs).
_OUTLET_REACH = 400


# Nouns that can name an organisation of any kind (not a company, a party or a ministry in particular).
_ANY_ORGANISATION = frozenset(("group", "organization", "organisation"))
# How many earlier organisations a bare noun is matched against: a bound on the work, above real articles' needs.
_MAX_ORG_LOOKBACK = 20


def _is_person_role(ctx: Ctx, span: tuple[int, int]) -> bool:
    """Is the NP headed by a role a single person holds ("the president", "the Iranian commander")?"""
    w = ctx.doc.words
    return w[span[1]] in ctx.words.single_holder and w[span[0]] in ("the", "this") and w[span[1]] not in _SPEAKS_FOR


# Roles that speak for someone else: "the spokesman" after a named minister is not the minister (a spokesman
# introduced by name, "spokesman Josh Earnest", is found by the title's own name).
_SPEAKS_FOR = frozenset(("spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen"))


def _resolve_title(ctx: Ctx, span: tuple[int, int]) -> str | None:
    """A title-only source ("the Syrian minister") resolved to a name introduced with that title earlier."""
    d = ctx.doc
    w = d.words
    role = ctx.single.get("role", frozenset())
    roles = [w[i] for i in range(span[0], span[1] + 1) if w[i] in role]
    if not roles:
        return None
    limit = d.tok_start[span[0]]  # names introduced before the source
    index = ctx.role_positions()
    best = None
    for r in roles:
        positions = index.get(r, [])
        k = bisect_left(positions, span[0])
        # the last earlier mention of the role that is followed by a name (looking back a bounded number of them)
        for i in reversed(positions[max(0, k - _MAX_TITLE_LOOKBACK):k]):
            # (after an abbreviated title, past its full stop: "Gov. Gavin Newsom"; a role word's full stop ends the
            # sentence: "a friend of the minister. Messages ...")
            at = d.tok_end[i] + 1 if w[i] in TITLE_ABBREVIATIONS and d.text.startswith(".", d.tok_end[i]) \
                else d.tok_end[i]
            m = _ROLE_NAME.match(d.text, at, limit)
            if not m:
                # the role in an appositive after the name: "John Lee, the governor, ..." (at most six words into it)
                the = next((t for t in range(i, max(-1, i - 6), -1)
                            if w[t] == "the" or t < i and any(c in ctx.gap(t + 1) for c in ",;:.()")), -1)
                if the >= 0 and w[the] == "the" and not possessive_s(ctx, i + 1) \
                        and (named := _name_before_appositive(ctx, (the, i))) is not None:
                    # (the role must head the appositive: "Jane Doe, the governor's daughter," is not the governor)
                    best = named
                    break
                continue
            words = m.group(1).split()
            # a word ending in a full stop ends the sentence ("President Trump. Editorial boards", "Gov. John Lee.
            # Officials ..."), where initials and abbreviations go on ("Sen. J. Doe", "Martin Luther King Jr.")
            end = next((j for j, p in enumerate(words) if p.endswith(".") and len(p) > 2
                        and p.lower().rstrip(".") not in _NAME_ABBREVIATIONS), len(words) - 1)
            parts = [p.rstrip(".,").removesuffix("\u2019s").removesuffix("'s") for p in words[:end + 1]
                     if p[:1].isupper() and (bare := p.lower().strip(".")) not in role and bare not in _HONORIFICS
                     and bare not in TITLE_ABBREVIATIONS]
            if parts:
                best = " ".join(parts)
                break
    return best


# One to four capitalised words after a role word ("minister Faisal Mekdad", "Gov. Gavin Newsom"); the role itself
# ignores case.
_ROLE_NAME = re.compile(r"[ \t\u00a0]+([A-Z][\w.\u2019'-]*(?:[ \t\u00a0]+[A-Z][\w.\u2019'-]*){0,3})")
# Honorifics before a name, not part of it ("minister Dr. Ada Obi").
_HONORIFICS = frozenset(("mr", "mrs", "ms", "dr", "miss"))
# Abbreviations inside or after a name, whose full stop ends no sentence.
_NAME_ABBREVIATIONS = _HONORIFICS | frozenset(("jr", "sr", "st", "mt", "ft")) | frozenset(TITLE_ABBREVIATIONS)
# How many earlier mentions of a role are tried for a name: a bound on the work, far above real articles' needs.
_MAX_TITLE_LOOKBACK = 50


def chains(ctx: Ctx, attrs: list[Attr]) -> None:
    """A cue inside the content of a media source's report is second-hand: mark ``via``.

    Attributions are in text order, so the cues inside a content span are a run of them, found by bisection; a
    "next unmarked" pointer skips the cues already marked, so the work stays linear however the contents nest."""
    d = ctx.doc
    starts = [d.tok_start[a.cue_first] for a in attrs]
    nxt = list(range(len(attrs) + 1))  # nxt[i]: the first index >= i whose attribution has no via (after find)

    def find(i: int) -> int:
        root = i
        while nxt[root] != root:
            root = nxt[root]
        while nxt[i] != root:
            nxt[i], i = root, nxt[i]
        return root

    for i, a in enumerate(attrs):
        if a.via is not None:
            nxt[i] = i + 1
    for oi, outer in enumerate(attrs):
        if outer.content is None or outer.source_type not in ("media",) or outer.via is not None:
            continue
        j = find(bisect_left(starts, outer.content[0]))
        while j < len(attrs) and starts[j] < outer.content[1]:
            if j != oi:
                attrs[j].via = outer.speaker
                nxt[j] = j + 1
            j = find(j + 1)
