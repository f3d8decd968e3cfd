"""Speaker roles: what kind of speaker an attributed source or a quotation's speaker is, read from the article.

Every attribution and every direct or partial quotation with a speaker gets one of :data:`framing.findings.ROLES` and, for a
politician whose party the article states, the party. The role comes from the article's own words, in this order:

1. the attribution detector's classification: a news medium relaying (``media``); a source whose head is a document
   noun ("the report", "a statement from the group": ``document``); an unnamed source in a sentence that says the
   name is withheld ("spoke on condition of anonymity") or whose head is an anonymity noun ("sources", "a person
   familiar with": ``anonymous``);
2. the words at the mention: the source itself ("the ministry", "police", "a witness"), the title before a name
   ("Sen.", "police spokesman", "Teachers Union President") and the apposition or prepositional phrase after it
   ("Smith, a professor at Yale,", "Reid of Nevada, the majority leader,", "(R-Texas)") or the noun phrase before
   it that the name, set off by commas, renames ("The finance minister, Aisha Patel, said");
3. the same words around the speaker's other mentions in the article, first mention first (a surname or a pronoun
   resolved to "Susan Collins" takes the description "Maine Republican Sen. Susan Collins" given earlier).

Role words are our lexicon ``data/lexicons/speaker_roles.csv``: each entry has a role and a weight (an institution
named beside a title outweighs the title: "Teachers Union President" is advocacy, not a politician). When no word
says who the speaker is, the role is ``unknown``, and the reason says so.

Linear time: the words around a mention are a bounded window; a speaker's other mentions are found through one
index of the article's capitalised words, at most :data:`MAX_MENTIONS` of them, and each speaker is looked up once.

Cannot: parse syntax, so a description attached to a neighbouring name in a list can be read as the speaker's, and a
title with an organisation the lexicon does not know ("AFGE President") falls back to the title's own role or to
``unknown``; it does not know who anybody is beyond what the article says (a bare "Trump said" in an article that
never calls him president is ``unknown``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.detect.attributions._base import PRONOUNS
from framing.lexicons import Lexicon, Match, fold_words
from framing.text.document import Document
from framing.text.wordclass import opener_class

MAX_BEFORE = 8  # words before a name that can be its title ("Acting White House Chief of Staff Mick Mulvaney")
MAX_AFTER = 16  # words after a name that can describe it (an apposition, a relative clause, "of the Cato Institute")
MAX_MENTIONS = 8  # other mentions of a speaker read for a description: the first mention usually carries it
MAX_SENTENCE = 80  # words of a sentence searched for an anonymity phrase
PARTY_WEIGHT = 0.7  # a party word makes a politician, below an office named beside it ("a Republican donor")
HOMETOWN_WEIGHT = 0.3  # "X of Ontario": a private person, unless a title or an organisation says otherwise
MAX_POSSESSOR = 60  # words back from "its"/"their" to the organisation it refers to (this sentence and the one before)
GENERIC = 0.5  # titles whose organisation decides the role ("president", "spokesman", "official")

# Grammar, not vocabulary: words that end the title before a name or the description after it.
_STOP = frozenset("""said says say saying told tells tell telling added adds wrote writes write reported reports
    according asked asks announced announces stated states argued argues noted notes that and but or when while if
    because than as to by""".split())
_JOINERS = frozenset(("-", "&", "'", "\u2019", "\u2010", "\u2011"))  # within a phrase: "Biden's", "co-founder"
_AFTER_OPENERS = frozenset("of at from with for in".split())  # "Beltz of FIRE", "Boaz of the Cato Institute"
_HEAD_ENDERS = frozenset("of from by in on at for with to about".split())  # "a statement from the group"
# US party notation after a name: "(R-Texas)", "(D-Calif.)", "R-Texas" (a letter code, not vocabulary).
_PARTY_CODE = re.compile(r"\s*\(?\s*([RDI])\s*-\s*[A-Z]")
_PARTY_LETTERS = {"R": "Republican", "D": "Democratic", "I": "Independent"}
# Open the noun phrase an apposition after it renames: articles and possessive determiners ("Her lawyer, Tom Smith,")
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our"))
_ARTICLES = frozenset(("the", "a", "an")) | _POSSESSIVES
# Words that open a sentence's adverbial clause: a comma after a noun phrase in it ends the clause, and the name after
# that comma is the sentence's subject, not an apposition ("After meeting the president, Patel, who ..., said").
_ADVERBIAL_OPENERS = frozenset("""after before while when whenever since although though unlike like despite
    following during as if because once until upon without with besides beyond""".split())
# The longest opening adverbial clause looked for before a fronted phrase, in characters
_MAX_OPENING_CLAUSE = 200
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())  # capitalised, but never what "its" means
_ACRONYM_SKIP = frozenset(("of", "the", "for", "and", "on", "s"))
_ANONYMITY_HEADS = frozenset("""source sources person people insider insiders informant whistleblower someone somebody
    tipster""".split())


@dataclass(frozen=True, slots=True)
class RoleCall:
    """A speaker's role, the party when the article states it, and why, in plain words."""

    role: str
    party: str | None
    reason: str

    # An explicit __init__ (the dataclass keeps it): code compiled with mypyc runs it natively, where the dataclass's
    # generated one ran as interpreted Python; same fields, still frozen (see framing.text.segment.Span).
    def __init__(self, role: str, party: str | None, reason: str) -> None:
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "party", party)
        object.__setattr__(self, "reason", reason)


@dataclass(frozen=True, slots=True)
class _Evidence:
    role: str
    weight: float
    distance: int  # words from the name (0 = the mention itself)
    words: str  # the words that say it, as written
    party: str | None = None
    title: str = ""  # the title matched, when the words say more ("its spokeswoman (ministry)": "spokeswoman")

    def __init__(self, role: str, weight: float, distance: int, words: str, party: str | None = None,
                 title: str = "") -> None:
        object.__setattr__(self, "role", role)  # (natively when compiled, as RoleCall's)
        object.__setattr__(self, "weight", weight)
        object.__setattr__(self, "distance", distance)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "party", party)
        object.__setattr__(self, "title", title or words)


@lru_cache(maxsize=8)
def _source_words(sources: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                                             frozenset[str]]:
    """The document, media, place, organisation and role (title) terms of the source-terms lexicon (made once per
    lexicon, not per article)."""
    return (frozenset(e.term for e in sources.entries if e.category == "document"),
            frozenset(e.term for e in sources.entries if e.category == "media"),
            frozenset(e.term for e in sources.entries if e.category == "place"),
            frozenset(e.term for e in sources.entries if e.category == "organisation"),
            frozenset(e.term for e in sources.entries if e.category == "role"))


class _Reader:
    """One article's words, the role lexicon and the source-terms lexicon, with the index of capitalised words."""

    def __init__(self, doc: Document, roles: Lexicon, sources: Lexicon) -> None:
        self.doc = doc
        self.roles = roles
        self.sources = sources
        self._index: dict[str, list[int]] | None = None
        self._acronyms: dict[str, tuple[int, int]] | None = None
        self._any: dict[str, list[int]] = {}
        self._by_name: dict[str, RoleCall | None] = {}
        self.document_words, self.media_words, self.places, self.organisations, self.titles = _source_words(sources)
        self._possessors: dict[int, _Evidence | None] = {}  # "its" -> the organisation it refers to
        self._resolving: set[str] = set()  # the principals being looked up (a title's principal is read once)
        # a speaker's mentions are read again for each of its attributions, quotations and its party: what the words
        # around a mention say is worked out once per article (pure functions of the document)
        self._at: dict[tuple[int, int], RoleCall | None] = {}
        self._before: dict[int, tuple[int, int]] = {}
        self._after: dict[int, tuple[int, int]] = {}
        self._evidence: dict[tuple[int, int, int, int], list[_Evidence]] = {}
        # mention -> the generic title that stood by it undecided ("Its spokeswoman"): said in the role's reason
        self.undecided: dict[tuple[int, int], str] = {}

    # ------------------------------------------------------------------------------------------- word windows
    def gap(self, i: int) -> str:
        """The characters between token ``i`` and token ``i + 1``."""
        doc = self.doc
        return doc.original[doc.tok_end[i]:doc.tok_start[i + 1]] if i + 1 < len(doc.words) else ""

    def _abbreviation(self, i: int) -> bool:
        """Is token ``i`` an abbreviation whose full stop does not end a phrase ("Sen.", "U.S.", "Dr.")?"""
        doc = self.doc
        w = doc.original[doc.tok_start[i]:doc.tok_end[i]]
        return len(w) <= 3 and w[:1].isupper()

    def _joins(self, i: int) -> bool:
        """Do token ``i`` and the next belong to one phrase (only spaces, hyphens, an abbreviation's full stop)?"""
        g = self.gap(i).strip()
        if not g or g in _JOINERS:
            return True
        return g == "." and self._abbreviation(i)

    def before(self, first: int) -> tuple[int, int]:
        """The words before token ``first`` that can be its title: back to punctuation or a stop word."""
        span = self._before.get(first)
        if span is None:
            span = self._before[first] = self._words_before(first)
        return span

    def _words_before(self, first: int) -> tuple[int, int]:
        doc, words = self.doc, self.doc.words
        k = first
        while k > 0 and first - k < MAX_BEFORE and self._joins(k - 1) and words[k - 1] not in _STOP \
                and not (words[k - 1].endswith("ed") and doc.original[doc.tok_start[k - 1]].islower()
                         and self.gap(k - 1).strip() not in _JOINERS):
            # (a verb in the past ends a title: "Police arrested Dale Tyner", "Judge Kane sentenced Lisa Morton"; a
            # title's own participle opens it, "the newly elected mayor Dan Ortiz")
            k -= 1
        return k, first - 1

    def after(self, last: int) -> tuple[int, int]:
        """The apposition or prepositional phrase after token ``last``: ", a professor at Yale," / "of FIRE"."""
        span = self._after.get(last)
        if span is None:
            span = self._after[last] = self._words_after(last)
        return span

    def _words_after(self, last: int) -> tuple[int, int]:
        words = self.doc.words
        n = len(words)
        if last + 1 >= n:
            return last + 1, last
        g = self.gap(last).strip()
        if g == "," or g == "(":
            pass
        elif g == "" and words[last + 1] in _AFTER_OPENERS:
            pass
        else:
            return last + 1, last
        end = last + 1
        commas = 0
        if g == "," and _is_age(words[end]) and end + 1 < n and self.gap(end).strip() == "," \
                and words[end + 1] not in _STOP:
            end += 1  # an age before the apposition: "Iris Talbot, 71, a retired teacher,"
            commas += 1
        while end < n and end - last <= MAX_AFTER:
            if words[end] in _STOP:
                break
            g = self.gap(end).strip()
            if not g or g in _JOINERS or (g == "." and self._abbreviation(end)):
                end += 1
                continue
            if g == "," and commas == 0 and end + 1 < n and words[end + 1] in _AFTER_OPENERS:
                commas += 1  # "Reid of Nevada, the majority leader,": one more phrase
                end += 1
                continue
            break
        return last + 1, min(end, n - 1)

    def fronted(self, a: int, last: int) -> tuple[int, int] | None:
        """The first token and the head of a noun phrase that a name set off by commas after it renames ("The finance
        minister, Aisha Patel, said"; "according to a Yale professor, Jane Doe, ..."; "A spokesman for the ministry,
        Ivan Petrov,": head "spokesman"), or None.

        ``[a, last]`` is the name with its title. The phrase opens with an article, a possessive determiner or an
        owner's name ("Tesco's chief executive, Ken Mallory,"); an apposition renames a subject or an object alike
        ("heard from the victim's mother, Ann Kerr, who said"), but not the end of a sentence's opening adverbial
        clause, after which the name is the subject ("After meeting the president, Patel, who ...").
        """
        doc, words = self.doc, self.doc.words
        closing = self.gap(last).strip()
        if a < 2 or self.gap(a - 1).strip() != "," or not (closing[:1] in (",", ".", ";", ":", ")", "\u2014")
                                                            or last + 1 >= len(words)):
            return None  # (the apposition is set off by a comma before it and punctuation after it)
        k = a - 1
        start = -1
        while k > 0 and a - 1 - k < MAX_BEFORE and self._joins(k - 1) and words[k - 1] not in _STOP:
            k -= 1
            if words[k] in _ARTICLES or self._owner(k):
                if k >= 2 and words[k - 1] in _AFTER_OPENERS and self._joins(k - 1) and self._joins(k - 2) \
                        and self.matches(k - 2, k - 2):
                    continue  # inside the phrase: "A spokesman for the ministry", "The director-general of the ..."
                start = k
                break
        if start < 0 or start == a - 1:
            return None
        si = doc.sentence_of(doc.tok_start[start])
        s0 = doc.sentences[si].start if si >= 0 else 0
        if doc.tok_start[start] - s0 <= _MAX_OPENING_CLAUSE:  # (bounded: a mention in a sentence of any length)
            opening = doc.original[s0:doc.tok_start[start]]
            if opening.lstrip(" \t\n\"'\u201c\u2018").split(" ", 1)[0].lower() in _ADVERBIAL_OPENERS \
                    and "," not in opening:
                return None
        head = next((t for t in range(start + 1, a) if words[t] in _AFTER_OPENERS and self._joins(t - 1)), a) - 1
        return start, head

    def _possessed_generic(self, m: Match) -> bool:
        """Is the match a generic title (weight GENERIC) right after a possessive determiner ("its spokeswoman",
        "her spokesman") or an owner, or before an organisation the lexicon does not know? The organisation that
        would decide its role is named elsewhere or unknown, and its default (a spokesman of the state) would be a
        guess."""
        if m.entry.weight != GENERIC or m.entry.category == "party" or m.first == 0 or not self._joins(m.first - 1):
            return False
        before = self.doc.words[m.first - 1]
        # (an owner's "'s" likewise: "The club's chairman", "Northline's chairman"; an owner the lexicon knows says
        # the role itself: "the ministry's spokesman"); and a complement naming an organisation the lexicon does not
        # know: "A spokesman for Ryanair", "the chairman of Northline"
        if before == "s" and m.first >= 2 and self.gap(m.first - 2).strip() in ("'", "\u2019"):
            o = m.first - 2  # the owner's last word: the title is its organisation's when the lexicon knows it
            # (or the owner is a country or a state: "Mexico's president" keeps the title's role)
            return not any(x.last == o and x.entry.weight > GENERIC for x in self.matches(max(0, o - 3), o)) \
                and self.doc.words[o] not in self.places \
                and " ".join(self.doc.words[max(0, o - 1):o + 1]) not in self.places
        return before in _POSSESSIVES or self._unknown_complement(m.last)

    def _complement(self, last: int) -> tuple[int, int] | None:
        """The capitalised name after "for", "of" or "at" (and "the") right after token ``last``, or None."""
        doc, words = self.doc, self.doc.words
        k = last + 1
        if k + 1 >= len(words) or words[k] not in ("for", "of", "at") or not self._joins(last) or not self._joins(k):
            return None
        k += 1
        if words[k] == "the" and k + 1 < len(words) and self._joins(k):
            k += 1
        if not doc.original[doc.tok_start[k]].isupper():
            return None
        e = k
        while e + 1 < len(words) and e - k < 4 and doc.original[doc.tok_start[e + 1]].isupper() and self._joins(e):
            e += 1
        return k, e

    def _unknown_complement(self, last: int) -> bool:
        """Does "for", "of" or "at" and a capitalised name the role lexicon does not know, and no country or state,
        follow token ``last``?"""
        span = self._complement(last)
        if span is None:
            return False
        k, e = span
        words = self.doc.words
        # (a country or a state is no organisation left unknown: "the president of Mexico" keeps the title's role)
        return not self.matches(k, e) and " ".join(words[k:e + 1]) not in self.places and words[k] not in self.places

    def principal(self, m: Match) -> _Evidence | None:
        """The role of the person a generic title speaks for, named in its owner ("Biden's advisers") or its "for"
        complement ("a spokesman for Mr. Romney"), when the article describes that person elsewhere; None else."""
        doc, words = self.doc, self.doc.words
        if words[m.first - 1] == "s":
            o = m.first - 2  # the owner's last word, and up to two capitalised words before it
            k = o
            while k > 0 and o - k < 2 and doc.original[doc.tok_start[k - 1]].isupper() and self._joins(k - 1):
                k -= 1
            span: tuple[int, int] | None = (k, o) if doc.original[doc.tok_start[o]].isupper() else None
        else:
            span = self._complement(m.last) if m.last + 1 < len(words) and words[m.last + 1] == "for" else None
        if span is None:
            return None
        name = doc.original[doc.tok_start[span[0]]:doc.tok_end[span[1]]]
        if name in self._resolving:
            return None  # (the principal's own mentions are read: not this title again)
        self._resolving.add(name)
        try:
            found = self.by_name(name)
        finally:
            self._resolving.discard(name)
        if found is None or found.role in ("unknown", "anonymous", "document", "media"):
            return None
        return _Evidence(found.role, 1.0, 0, f"speaks for {name}", found.party)

    def possessor(self, k: int) -> _Evidence | None:
        """The organisation an "its" at token ``k`` refers to, when the role lexicon knows what it is: the first
        organisation noun ("the ministry", "the union") or capitalised party ("Labour", "the Green Party") of its
        sentence before it, else of the sentence before (within :data:`MAX_POSSESSOR` words). A possessive pronoun
        prefers the subject ("The company sued the ministry. Its chairman said": the company's), which English puts
        first; a name the lexicon does not know standing first ("Brightline cut jobs. Its spokeswoman said"), "their"
        (people as often as bodies) and "his"/"her" give None."""
        doc = self.doc
        if doc.words[k] != "its":
            return None
        if k in self._possessors:
            return self._possessors[k]
        si = doc.sentence_of(doc.tok_start[k])
        found = None
        for s in (si, si - 1):
            if s < 0:
                break
            toks = doc.tokens_in(doc.sentences[s].start, doc.sentences[s].end)
            lo, hi = max(toks.start, k - MAX_POSSESSOR), min(toks.stop, k)
            if lo >= hi:
                continue
            first = self._first_body(lo, hi - 1, toks.start)
            if first is not None:
                found = first[1]
                break
        self._possessors[k] = found
        return found

    def _first_body(self, lo: int, hi: int, sentence_start: int) -> tuple[int, _Evidence | None] | None:
        """The first candidate antecedent for "its" in tokens ``[lo, hi]``: an organisation noun or party of the role
        lexicon (with what it says), a capitalised name it does not know (None: nothing can be said), or None when the
        words hold neither."""
        doc = self.doc
        known: dict[int, _Evidence] = {}
        for m in self.matches(lo, hi):
            text = doc.original[doc.tok_start[m.first]:doc.tok_end[m.last]]
            if m.entry.category == "party":
                known.setdefault(m.first, _Evidence("politician", 1.0, 0, text, m.entry.term))
            elif m.entry.weight > GENERIC and m.entry.term in self.organisations:
                known.setdefault(m.first, _Evidence(m.entry.category, m.entry.weight, 0, text))
        for t in range(lo, hi + 1):
            if t in known:
                return t, known[t]
            raw = doc.original[doc.tok_start[t]:doc.tok_end[t]]
            if raw[:1].isupper() and doc.words[t] not in _CALENDAR and doc.words[t] not in _POSSESSIVES \
                    and not (t == sentence_start and opener_class(raw)):
                ahead = next((u for u in range(t + 1, min(hi, t + 3) + 1) if u in known), -1)
                if ahead >= 0 and all(self._joins(u) for u in range(t, ahead)):
                    continue  # a name modifying the organisation noun after it: "The Teamsters union"
                # a name ("The DES, according to Rhoades, its spokesman"; "Brightline cut jobs. Its spokeswoman"):
                # an organisation the lexicon does not know (a sentence's first word may be an ordinary one: "After")
                return t, None
        return None

    def _owner(self, k: int) -> bool:
        """Is token ``k`` a name in the possessive ("Tesco" of "Tesco's")?"""
        words = self.doc.words
        return k + 1 < len(words) and words[k + 1] == "s" and self.gap(k).strip() in ("'", "\u2019") \
            and self.doc.original[self.doc.tok_start[k]].isupper()

    def fronted_evidence(self, start: int, head: int, a: int, first: int, last: int,
                         dropped: list[str]) -> list[_Evidence]:
        """What a fronted noun phrase ``[start, a - 1]`` with its head at ``head`` says of the name after it. Its head
        decides ("A government critic", "A Republican donor" say nothing of the speaker's role); a generic title
        (weight GENERIC) takes its role from an organisation word or a party in the phrase ("The group's
        spokeswoman", "Labour's deputy leader"), and says nothing when the phrase names an organisation the lexicon
        does not know or a possessive determiner points to one named elsewhere ("The club's chairman", "A spokesman
        for Ryanair", "Its spokeswoman")."""
        words = self.doc.words
        found = self.evidence(start, a - 1, first, last)
        head_words = {self.doc.original[self.doc.tok_start[m.first]:self.doc.tok_end[m.last]]
                      for m in self.matches(start, a - 1)
                      if m.first <= head <= m.last and m.entry.category != "party"}  # ("chief of staff")
        at_head = [e for e in found if e.title in head_words]
        if not at_head:
            return []
        if any(e.weight != GENERIC for e in at_head):
            return at_head
        others = [e for e in found if e.words not in head_words and (e.weight > GENERIC or e.party is not None)]
        if others:
            return at_head + others
        # (a country or a state as the owner keeps the title's role: "Mexico's president, Andres Lopez,")
        place = words[start] in self.places
        named_elsewhere = words[start] in _POSSESSIVES or self._owner(start) and not place or any(
            words[t] == "s" and self.gap(t - 1).strip() in ("'", "\u2019") and not (place and t == start + 1)
            for t in range(start + 1, head)) \
            or head + 1 < a and self._unknown_complement(head)
        if named_elsewhere:
            dropped += [e.words for e in at_head]
            return []
        return at_head

    def matches(self, a: int, b: int) -> list[Match]:
        """Role-lexicon matches over tokens ``[a, b]``; a party name counts only when capitalised."""
        if b < a:
            return []
        doc = self.doc
        found = self.roles.find(doc.words[a:b + 1], doc.original, doc.tok_start[a:b + 1], doc.tok_end[a:b + 1])
        out = []
        for m in found:
            m = Match(m.first + a, m.last + a, m.entry)
            if m.entry.category == "party" and not doc.original[doc.tok_start[m.first]].isupper():
                continue
            out.append(m)
        return out

    def evidence(self, a: int, b: int, anchor_first: int, anchor_last: int) -> list[_Evidence]:
        """What the role words in tokens ``[a, b]`` say, with their distance from the mention ``[first, last]``."""
        key = (a, b, anchor_first, anchor_last)
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = self._read_evidence(a, b, anchor_first, anchor_last)
        return list(found)  # a new list: callers add to it

    def _read_evidence(self, a: int, b: int, anchor_first: int, anchor_last: int) -> list[_Evidence]:
        doc = self.doc
        out = []
        ms = self.matches(a, b)
        for j, m in enumerate(ms):
            words = doc.original[doc.tok_start[m.first]:doc.tok_end[m.last]]
            dist = 0 if anchor_first <= m.first <= anchor_last else (
                anchor_first - m.last if m.last < anchor_first else m.first - anchor_last)
            if m.entry.category == "party":
                out.append(_Evidence("politician", PARTY_WEIGHT, dist, words, m.entry.term))
                continue
            w = m.entry.weight
            if w <= GENERIC and m.first > 0 and self._organisation_name(m.first - 1) and not (
                    j > 0 and ms[j - 1].last == m.first - 1):
                continue  # "AFGE President": the head of an organisation the lexicon does not know
            if self._possessed_generic(m):
                # "its spokeswoman": the organisation that decides is named elsewhere; "its"/"their" refer back to
                # the organisation the sentence or the one before names last, whose role is the title's
                org = self.possessor(m.first - 1)
                if org is not None:  # ("its spokeswoman (ministry)")
                    out.append(_Evidence(org.role, org.weight, dist, f"{doc.words[m.first - 1]} {words} ({org.words})",
                                         org.party, words))
                    continue
                # a spokesperson, an adviser speaks in the role of the person they speak for ("a spokesman for Mr.
                # Romney", "Biden's advisers"), when the article describes that person
                principal = self.principal(m)
                if principal is not None:
                    out.append(_Evidence(principal.role, 1.0, dist, f"{words} ({principal.words})", principal.party,
                                         words))
                continue
            out.append(_Evidence(m.entry.category, w, dist, words))
        return out

    def hometown(self, first: int, last: int) -> bool:
        """Is a name followed only by where its bearer is from ("William Walker of Ontario", "Price, from San
        Diego")? News writing identifies private people so; officials get a title, which outweighs this."""
        doc = self.doc
        n = len(doc.words)
        inner = [k for k in range(first + 1, last) if doc.words[k] in ("of", "from")]
        k = inner[0] - 1 if inner else last
        if k + 1 < n and self.gap(k).strip() not in ("", ","):
            return False
        k += 1
        if k + 1 >= n or doc.words[k] not in ("of", "from"):
            return False
        w = doc.original[doc.tok_start[k + 1]:doc.tok_end[k + 1]]
        return w[:1].isupper() and not (w.isupper() and len(w) > 1) and not self.matches(k + 1, min(k + 3, n - 1))

    def _organisation_name(self, i: int) -> bool:
        """An acronym of three letters or more ("AFGE", "NAACP"): a named organisation, not a nationality."""
        doc = self.doc
        w = doc.original[doc.tok_start[i]:doc.tok_end[i]]
        return len(w) >= 3 and w.isupper() and w.isalpha() and self._joins(i)

    def party_code(self, last: int) -> str | None:
        """The party in "(R-Texas)" right after a name."""
        m = _PARTY_CODE.match(self.doc.original, self.doc.tok_end[last])
        return _PARTY_LETTERS[m.group(1)] if m else None

    # ------------------------------------------------------------------------------------------- a mention
    def at(self, first: int, last: int) -> RoleCall | None:
        """The role the words at a mention (tokens ``[first, last]``) give: the mention, its title, its apposition."""
        key = (first, last)
        if key not in self._at:
            self._at[key] = self._read_at(first, last)
        return self._at[key]

    def _read_at(self, first: int, last: int) -> RoleCall | None:
        a, _ = self.before(first)
        _, b = self.after(last)
        ev = self.evidence(a, b, first, last)
        fronted = self.fronted(a, last)
        dropped: list[str] = []  # generic titles a fronted phrase names an unknown organisation for
        if fronted is not None:
            ev += self.fronted_evidence(fronted[0], fronted[1], a, first, last, dropped)
        if first == last:
            ev += self.acronym(first)
        if self.hometown(first, last):
            ev.append(_Evidence("citizen", HOMETOWN_WEIGHT, 1, "a person named with where they are from"))
        party = self.party_code(last)
        call = _decide(ev, party, "at this mention")
        if call is None:
            # a generic title left undecided, its organisation named elsewhere ("Its spokeswoman Clara Novak", "Clara
            # Novak, its spokeswoman,") or unknown, is said in the role's reason (looked for only when nothing decided)
            titles = self._possessed_generics(a, b) + dropped
            if fronted is not None:
                titles += self._possessed_generics(fronted[0], a - 1)
            if titles:
                self.undecided[(first, last)] = titles[0]
        return call

    def _possessed_generics(self, a: int, b: int) -> list[str]:
        """The generic titles right after a possessive determiner in tokens ``[a, b]``, as written."""
        doc = self.doc
        return [doc.original[doc.tok_start[m.first]:doc.tok_end[m.last]] for m in self.matches(a, b)
                if self._possessed_generic(m)]

    def acronym(self, i: int) -> list[_Evidence]:
        """An acronym's role from the name it abbreviates elsewhere in the article ("the EPI" for "the Economic
        Policy Institute")."""
        doc = self.doc
        w = doc.original[doc.tok_start[i]:doc.tok_end[i]]
        if not (2 <= len(w) <= 6 and w.isupper() and w.isalpha()):
            return []
        span = self.acronyms().get(w)
        if span is None:
            return []
        a, b = span
        return [_Evidence(e.role, e.weight, 1, f"{e.words} in {doc.original[doc.tok_start[a]:doc.tok_end[b]]!r}",
                          e.party) for e in self.evidence(a, b, a, b)]

    def acronyms(self) -> dict[str, tuple[int, int]]:
        """Initials -> the first run of capitalised words that spells them (function words and "'s" skipped)."""
        if self._acronyms is None:
            doc = self.doc
            out: dict[str, tuple[int, int]] = {}
            caps = set(doc.capital_tokens)
            n, resume = len(doc.words), 0
            for i in doc.capital_tokens:  # in text order; a run's words are not started from again
                if i < resume:
                    continue
                j, letters, ends = i, [], []
                while j < n and (j in caps or doc.words[j] in _ACRONYM_SKIP) and (j == i or self._joins(j - 1)):
                    if j in caps:
                        letters.append(doc.original[doc.tok_start[j]])
                        ends.append(j)
                    j += 1
                for k in range(2, min(len(letters), 6) + 1):  # every prefix: "the Economic Policy Institute said"
                    out.setdefault("".join(letters[:k]), (i, ends[k - 1]))
                resume = max(j, i + 1)
            self._acronyms = out
        return self._acronyms

    # ------------------------------------------------------------------------------------------- a speaker
    def index(self) -> dict[str, list[int]]:
        """Folded word -> positions of its capitalised occurrences (built once per article)."""
        if self._index is None:
            idx: dict[str, list[int]] = defaultdict(list)
            for i in self.doc.capital_tokens:
                idx[self.doc.words[i]].append(i)
            self._index = dict(idx)
        return self._index

    def any_case(self, word: str) -> list[int]:
        """The first :data:`MAX_MENTIONS` positions of a folded word, whatever the case (looked up once per word, by
        the tuple's own search: no index of every word is built)."""
        found = self._any.get(word)
        if found is None:
            words, found, i = self.doc.words, [], -1
            try:
                while len(found) < MAX_MENTIONS:
                    i = words.index(word, i + 1)
                    found.append(i)
            except ValueError:
                pass
            self._any[word] = found
        return found

    def by_name(self, name: str) -> RoleCall | None:
        """The role of a speaker by name, from the descriptions around its mentions in the article (first first)."""
        key = name.strip()
        if key in self._by_name:
            return self._by_name[key]
        words = fold_words(key)
        call = None
        if words:
            # the speaker's name may itself be a description ("Kremlin spokesman Dmitry Peskov", "military
            # delegations of Iran and Syria"): its own words first
            # (a generic title owned or complemented, "Its spokeswoman", "A spokesman for Ryanair", "The club's
            # chairman", says nothing of its organisation: as at a mention)
            owned = words[0] in _POSSESSIVES or any(x in ("for", "of", "at", "s") for x in words)
            ev = [_Evidence(m.entry.category if m.entry.category != "party" else "politician",
                            m.entry.weight if m.entry.category != "party" else PARTY_WEIGHT, 0, m.entry.term,
                            m.entry.term if m.entry.category == "party" else None)
                  for m in self.roles.find(words) if (m.entry.category != "party" or key[:1].isupper())
                  and not (owned and m.entry.weight == GENERIC and m.entry.category != "party")]
            call = _decide(ev, None, "in the speaker's name")
        if words and call is None:
            # else the descriptions around the mentions of its last word (a surname), first mention first
            positions = self.index().get(words[-1]) or self.any_case(words[-1])
            for p in positions[:MAX_MENTIONS]:
                found = self.at(p, p)
                if found is not None:
                    where = self.doc.original[self.doc.tok_start[p]:self.doc.tok_end[p]]
                    call = RoleCall(found.role, found.party,
                                    found.reason.replace("at this mention", f"at a mention of {where!r}"))
                    break
        self._by_name[key] = call
        return call


    def party_of(self, name: str) -> str | None:
        """The party the article gives a speaker at any of its first mentions ("Mrs. Pelosi, California Democrat")."""
        words = fold_words(name)
        if not words:
            return None
        for p in self.index().get(words[-1], [])[:MAX_MENTIONS]:
            a, _ = self.before(p)
            _, b = self.after(p)
            code = self.party_code(p)
            if code:
                return code
            for e in self.evidence(a, b, p, p):
                if e.party:
                    return e.party
        return None


def _is_age(word: str) -> bool:
    """A number that can be a person's age after their name (1 to 120)."""
    return word.isdigit() and len(word) <= 3 and 0 < int(word) <= 120


# First words of a description rather than a name ("one MP", "a senator", "two aides").
_DESCRIBING = frozenset("a an the one another some several two three four many other others any each".split())


def _with_party(r: _Reader, call: RoleCall, speaker: str | None) -> RoleCall:
    """A politician without a party at the deciding mention takes the party stated at another mention."""
    if call.role != "politician" or call.party or not speaker or speaker.split()[0].lower() in _DESCRIBING:
        return call  # (a description is no name: "one MP" is not the Labour MP named elsewhere)
    party = r.party_of(speaker)
    if not party:
        return call
    return RoleCall(call.role, party, f"{call.reason}; party {party} stated at another mention")


def _decide(ev: list[_Evidence], party: str | None, where: str) -> RoleCall | None:
    """The strongest role word, the nearest on a tie; the party from a party word or code next to a politician."""
    if party and not any(e.role == "politician" for e in ev):
        ev = [*ev, _Evidence("politician", PARTY_WEIGHT, 1, f"({party[0]}-...)", party)]
    if not ev:
        return None
    best = max(ev, key=lambda e: (e.weight, -e.distance))
    role = best.role
    if role != "politician":
        return RoleCall(role, None, f"{_ROLE_WORDS[role]}: {best.words!r} {where}")
    parties = [e.party for e in ev if e.party]
    p = party or (parties[0] if parties else None)
    extra = f", party {p}" if p else ""
    return RoleCall(role, p, f"{_ROLE_WORDS[role]}{extra}: {best.words!r} {where}")


_ROLE_WORDS = {
    "government": "government or official", "politician": "politician", "law_enforcement": "law enforcement or military",
    "expert": "expert or academic", "advocacy": "advocacy group or NGO", "business": "business",
    "citizen": "ordinary citizen or witness", "media": "news media", "anonymous": "anonymous", "document": "a document",
    "unknown": "unknown",
}


def role_words(role: str) -> str:
    """A role in plain words ("law enforcement or military")."""
    return _ROLE_WORDS.get(role, role)


# The reasons of two roles that later mentions of the same source take over.
_WITHHELD = "anonymous: the article withholds who the source is"
_UNDECIDED = (" is a title whose organisation decides the role, and the article names that organisation elsewhere or "
              "the lexicon does not know it")


_TITLED_ORG = " is an organisation the article does not describe (its first word is no one's title)"


def _source_head(doc: Document, first: int, last: int) -> int:
    """The head of a source noun phrase: its last word before an "of"/"from"/... complement ("a statement from the
    group": "statement")."""
    return next((k - 1 for k in range(first + 1, last + 1) if doc.words[k] in _HEAD_ENDERS), last)


def _attribution_role(r: _Reader, a: Any) -> RoleCall:
    doc = r.doc
    stype = a.source_type
    if stype == "media" and not (a.via and a.speaker):
        return RoleCall("media", None, "news media: the source is a news outlet")
    if stype == "media":
        # a relay ("al-Mayadeen quoted the minister as saying"): the role is the relayed speaker's, the medium is
        # the attribution's ``via``
        found = r.by_name(a.speaker)
        if found is not None:
            return found
        return RoleCall("unknown", None, f"unknown: the article does not say who {a.speaker} is")
    if a.source is None:
        if a.speaker:
            found = r.by_name(a.speaker)
            if found is not None:
                return found
        return RoleCall("unknown", None, "unknown: the attribution names no source")
    first, last = a.source
    if stype == "named_org" and " ".join(doc.words[first + (doc.words[first] == "the"):last + 1]) in r.places:
        return RoleCall("government", None, "government: a country or state speaks through its government")
    if stype == "named_org" and first < last and doc.words[first] in r.titles \
            and doc.original[doc.tok_start[first]].isupper() and not r.matches(first + 1, last):
        # a person's title opening an organisation's name ("General Motors") is no title of anyone's: only the words
        # in apposition describe it ("Admiral Holdings, a car insurer,"); a role word in the rest of the name does
        # ("Justice Ministry" is government)
        _, b = r.after(last)
        found = _decide(r.evidence(last + 1, b, first, last), None, "at this mention") if b > last else None
        name = doc.original[doc.tok_start[first]:doc.tok_end[last]]
        return found or RoleCall("unknown", None, f"unknown: {name!r}{_TITLED_ORG}")
    head = _source_head(doc, first, last)
    head_word = doc.words[head]
    if head_word in r.document_words or head_word.rstrip("s") in r.document_words:
        return RoleCall("document", None, f"a document: the source is {doc.original[doc.tok_start[first]:doc.tok_end[head]]!r}")
    if stype == "anonymous":
        if _withheld(r, a) or head_word in _ANONYMITY_HEADS:
            return RoleCall("anonymous", None, _WITHHELD)
    if stype == "pronoun":
        if a.speaker and a.speaker.lower() not in PRONOUNS:
            found = r.by_name(a.speaker)
            if found is not None:
                return RoleCall(found.role, found.party, f"{found.reason} (the pronoun refers to {a.speaker})")
            return RoleCall("unknown", None, f"unknown: the pronoun refers to {a.speaker}, whom the article does not describe")
        return RoleCall("unknown", None, "unknown: an unresolved pronoun")
    found = r.at(first, last)
    if found is not None:
        return found
    docs = [k for k in range(first, last + 1) if doc.words[k] in r.document_words]
    if docs:  # "the text of the resolution": a document word and no word of a role
        k = docs[-1]
        return RoleCall("document", None, f"a document: {doc.original[doc.tok_start[k]:doc.tok_end[k]]!r} in the source")
    if head_word in r.media_words:
        return RoleCall("media", None, f"news media: {doc.original[doc.tok_start[head]:doc.tok_end[head]]!r}")
    title = r.undecided.get((first, last))
    if stype == "anonymous" and title is None:
        # unnamed but not withheld ("critics said", "some say"): who they are is not said, which is not anonymity
        return RoleCall("unknown", None, "unknown: an unnamed source the article does not describe (and does not say "
                                         "it withholds)")
    if a.speaker:
        found = r.by_name(a.speaker)
        if found is not None:
            return found
    if title is not None:  # ("A spokesman for Ryanair": unnamed, but who it speaks for is said)
        return RoleCall("unknown", None, f"unknown: {title!r}{_UNDECIDED}")
    return RoleCall("unknown", None, "unknown: no word in the article says who the source is")


def _withheld(r: _Reader, a: Any) -> bool:
    """Does the sentence of the cue say the name is withheld ("spoke on condition of anonymity")?"""
    doc = r.doc
    s = doc.sentences[a.sentence] if 0 <= a.sentence < len(doc.sentences) else None
    if s is None:
        return False
    toks = doc.tokens_in(s.start, s.end)
    lo, hi = toks.start, min(toks.stop, toks.start + MAX_SENTENCE)
    return any(m.entry.category == "anonymity_phrase"
               for m in r.sources.find(doc.words[lo:hi], doc.original, doc.tok_start[lo:hi], doc.tok_end[lo:hi]))


def assign(doc: Document, attrs: Sequence[Any], calls: Sequence[Any], roles: Lexicon, sources: Lexicon,
           ) -> tuple[list[RoleCall], list[RoleCall | None]]:
    """The role of every attribution (same order as ``attrs``) and of every direct or partial quotation with a speaker
    (same order as ``calls``; ``None`` for the other quotations)."""
    r = _Reader(doc, roles, sources)
    out_a = []
    withheld: dict[str, str] = {}  # the head noun of each source whose name the article withholds -> that source
    for a in attrs:
        call = _with_party(r, _attribution_role(r, a), a.speaker)
        if a.source is not None and a.source_type in ("anonymous", "title_only"):
            first, last = a.source
            head = doc.words[_source_head(doc, first, last)]
            if call.reason == _WITHHELD:
                withheld.setdefault(head, doc.original[doc.tok_start[first]:doc.tok_end[last]])
            elif doc.words[first] == "the" and head in withheld:
                # "the official" after "an official ..., who spoke on condition of anonymity,": the definite noun
                # phrase refers back to the source the article introduced and withholds
                call = RoleCall("anonymous", None, f"anonymous: the same source as {withheld[head]!r}, whose name the "
                                                   "article withholds")
        out_a.append(call)
    by_speaker: dict[str, RoleCall] = {}
    undecided: dict[str, RoleCall] = {}  # speakers whose title was left undecided: the same reason for their quotes
    for a, call in zip(attrs, out_a):
        if a.speaker and (call.role != "unknown" or call.reason.endswith(_TITLED_ORG)):
            # (an organisation named with a title word: its quotations are not read by that word either)
            by_speaker.setdefault(a.speaker, call)
        elif a.speaker and call.reason.endswith(_UNDECIDED):
            undecided.setdefault(a.speaker, call)
    out_q: list[RoleCall | None] = []
    for c in calls:
        if c.kind not in ("direct", "partial") or not c.speaker:
            out_q.append(None)
            continue
        known = by_speaker.get(c.speaker)
        if known is None:
            found = r.by_name(c.speaker)
            known = _with_party(r, found, c.speaker) if found else None
        out_q.append(known or undecided.get(c.speaker)
                     or RoleCall("unknown", None, f"unknown: the article does not say who {c.speaker} is"))
    return out_a, out_q
