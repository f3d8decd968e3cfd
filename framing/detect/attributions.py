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

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from framing.config import Config
from framing.lexicons import Lexicon, fold_words
from framing.text.document import Document
from framing.text.quotemarks import MARK_CHARS, QuoteSpan

# ----------------------------------------------------------------------------------------------- word classes
# Closed classes of English function words: grammar, not judgement, so they live here rather than in a lexicon.
PRONOUNS = frozenset("he she they it we i you who which".split())
PERSON_PRONOUNS = frozenset("he she".split())
_OBJECT_PRONOUNS = frozenset("you me us him her them it".split())
DETERMINERS = frozenset(
    """the a an his her their its our my your this that these those some many several few each every another
    other both all any no such one two three four five six seven eight nine ten dozens hundreds thousands
    most""".split()
)
# Words that may stand between a subject and its reporting verb ("Trump has also repeatedly said").
SKIP_BEFORE_CUE = frozenset(
    """also has have had was were is are be been being will would could should may might must can did does do not
    never t later then again previously repeatedly recently reportedly once earlier first publicly privately
    separately frequently often even just only still already now subsequently further quickly angrily simply
    himself herself themselves itself yesterday today tonight last week month year""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
# Words after a cue that introduce time or manner before the content ("said on Wednesday that").
SKIP_AFTER_CUE = frozenset(
    """on in at during last this late early earlier later also again on monday tuesday wednesday thursday friday
    saturday sunday today yesterday tonight morning afternoon evening night week weekend month year statement
    interview a an the his her their its press conference briefing speech email phone call post tweet letter
    recently publicly privately repeatedly""".split()
)
NP_LINKERS = frozenset("of for at and & de del della di da du al el bin ibn van von der den la le los las".split())
SENTENCE_STOPPERS = frozenset(
    """that which who whom whose because but and or if when while although though as since after before until
    than so to in on at by with from into about over under between against during without within through""".split()
)
# Determiners that make a following verb form a noun ("the claim", "his remarks", "such reports").
NOUN_MAKERS = frozenset(
    """the a an his her their its our my your these those such no any every each new latest recent earlier
    previous same public official press widespread numerous several many unfounded false""".split()
)
# Ambiguous cue verbs need evidence of reported content next to them; others are speech acts as verbs.
NEEDS_EVIDENCE = frozenset(
    """add note report state post cite answer point out maintain echo question reject signal indicate suggest
    estimate promise protest describe reveal confirm mention observe explain announce recall repeat write ask call
    predict propose recommend reply respond comment counter agree joke charge admit acknowledge concede confess
    demand threaten pledge vow wonder urge""".split()
)
PREPOSITIONS = frozenset(
    """of in on at under with without from into onto upon about over after before for by through during against
    among between beyond within""".split()
)
AUXILIARIES = frozenset("is was are were be been being am kept keeps keep started start began begin".split())
ADDRESSEES = frozenset("reporters journalists him her them us me lawmakers supporters viewers listeners".split())
ORG_SUFFIXES = frozenset(
    """inc corp corporation co ltd llc plc group party ministry department agency committee council commission
    association union foundation institute university college bank company fund office court army police
    government administration movement coalition campaign network""".split()
)

_SAYING = frozenset(("saying", "telling", "stating", "adding", "writing", "describing", "warning", "explaining"))


@dataclass
class Attr:
    """A mutable working record; :mod:`framing.report` turns it into an :class:`Attribution` finding."""

    cue_first: int  # token indices of the cue, inclusive
    cue_last: int
    lemma: str
    stance: str
    sentence: int
    source: tuple[int, int] | None = None  # token indices, inclusive
    source_type: str = "none"
    speaker: str | None = None  # resolved name (or the source text when nothing better is known)
    content: tuple[int, int] | None = None  # character offsets
    quote: QuoteSpan | None = None  # the adjacent quotation, when the content is one
    via: str | None = None
    via_span: tuple[int, int] | None = None
    host: Attr | None = None  # the attribution whose subject a participle or coordinated verb shares


class _Ctx:
    """Per-document helpers shared by the steps below."""

    def __init__(self, doc: Document, sources: Lexicon, cfg: Config) -> None:
        self.doc = doc
        self.text = doc.text
        self.cfg = cfg
        self.words = _word_classes(sources)
        self.single = self.words.single
        self.phrases = self.words.phrases
        self.attrs: list[Attr] = []
        self.attr_starts: list[int] = []
        self.para_starts = [p.start for p in doc.paragraphs]
        self._title_lines: dict[int, bool] = {}
        self._full_names: dict[str, tuple[str | None, int]] = {}
        self.speakers: set[str] = set()  # full names of the named people quoted so far
        self._quote_starts = [q.start for q in doc.quotes]
        self._quote_max_end = list(accumulate((q.end for q in doc.quotes), max))
        top = [q for q in doc.quotes if q.depth == 0]
        # outermost quotations (disjoint, so sorted by both start and end), with their opening-mark offsets
        self.top_quotes = (top, [q.start - 1 for q in top], [q.end for q in top])
        self._cap_index: dict[str, list[int]] | None = None

    def raw(self, i: int) -> str:
        return self.text[self.doc.tok_start[i]:self.doc.tok_end[i]]

    def gap(self, i: int) -> str:
        """Raw text between token i-1 and token i."""
        d = self.doc
        if i <= 0:
            return d.text[:d.tok_start[0]] if d.tok_start else ""
        if i >= len(d.tok_start):
            return d.text[d.tok_end[-1]:]
        return d.text[d.tok_end[i - 1]:d.tok_start[i]]

    def capitalised_positions(self, raw: str) -> list[int]:
        """Token indices where the exact capitalised word ``raw`` occurs (index built on first use)."""
        if self._cap_index is None:
            idx: dict[str, list[int]] = {}
            d = self.doc
            for i, (s, e) in enumerate(zip(d.tok_start, d.tok_end)):
                if d.text[s:s + 1].isupper():
                    idx.setdefault(d.text[s:e], []).append(i)
            self._cap_index = idx
        return self._cap_index.get(raw, [])

    def cap(self, i: int) -> bool:
        """Is token i capitalised, or the hyphenated tail of a capitalised word ("Chun-ying")?"""
        if self.text[self.doc.tok_start[i]:self.doc.tok_start[i] + 1].isupper():
            return True
        return i > 0 and self.gap(i) == "-" and self.cap(i - 1)

    def in_quote(self, i: int) -> bool:
        return self.offset_in_quote(self.doc.tok_start[i])

    def offset_in_quote(self, s: int) -> bool:
        # quotations are sorted by start: s is inside one iff some quotation starting at or before s ends after it
        k = bisect_right(self._quote_starts, s)
        return k > 0 and self._quote_max_end[k - 1] > s

    def sent_tokens(self, si: int) -> range:
        sp = self.doc.sentences[si]
        return self.doc.tokens_in(sp.start, sp.end)


@dataclass(frozen=True)
class _WordClasses:
    """Word sets derived from the source-terms lexicon, built once per lexicon."""

    single: dict[str, frozenset[str]]  # category -> one-word terms (and their plurals); .get(c, frozenset())
    phrases: dict[str, frozenset[tuple[str, ...]]]  # category -> all terms as word tuples
    anonymity: re.Pattern[str]  # any anonymity phrase, in folded text
    media_phrases: dict[int, frozenset[tuple[str, ...]]]  # length -> media terms of that many words
    heads: frozenset[str]  # nouns that can head a source noun phrase (roles, groups, organisations, media, documents)
    speaker_heads: frozenset[str]  # roles, unnamed sources and organisations: nouns for someone who can speak


@lru_cache(maxsize=8)
def _word_classes(sources: Lexicon) -> _WordClasses:
    by_cat: dict[str, set[tuple[str, ...]]] = {}
    for e in sources.entries:
        by_cat.setdefault(e.category, set()).add(fold_words(e.term))
    single = {c: {w[0] for w in ws if len(w) == 1} for c, ws in by_cat.items()}
    for c in ("anonymous", "role", "organisation", "media", "document"):
        single[c] = single.get(c, set()) | {w + "s" for w in single.get(c, set())}
    anon = sorted((" ".join(p) for p in by_cat.get("anonymity_phrase", ())), key=len, reverse=True)
    media: dict[int, set[tuple[str, ...]]] = {}
    for p in by_cat.get("media", ()):
        media.setdefault(len(p), set()).add(p)
    speaker_heads = frozenset(single.get("role", set()) | single.get("anonymous", set())
                              | single.get("organisation", set()))
    return _WordClasses(
        {c: frozenset(v) for c, v in single.items()},
        {c: frozenset(v) for c, v in by_cat.items()},
        re.compile("|".join(re.escape(a) for a in anon) or "(?!)"),
        {n: frozenset(v) for n, v in media.items()},
        speaker_heads | single.get("media", set()) | single.get("document", set()),
        speaker_heads,
    )


def detect(doc: Document, verbs: Lexicon, sources: Lexicon, cfg: Config) -> list[Attr]:
    """Attributions in ``doc``, in text order."""
    if not doc.words:
        return []
    ctx = _Ctx(doc, sources, cfg)
    out: list[Attr] = []
    taken: set[int] = set()
    for a in _relays(ctx):
        out.append(a)
        taken.update(range(a.cue_first, a.cue_last + 1))
    for m in verbs.find(doc.words, doc.text, doc.tok_start, doc.tok_end):
        if m.first in taken:
            continue
        if not _is_cue(ctx, m.first, m.last, m.entry.term):
            continue
        si = doc.sentence_of(doc.tok_start[m.first])
        out.append(Attr(m.first, m.last, m.entry.term, m.entry.category, si))
    out.sort(key=lambda a: a.cue_first)
    ctx.attrs = out
    ctx.attr_starts = [a.cue_first for a in out]
    for a in out:
        if a.source is None and a.lemma not in ("quoted as",):
            _find_source(ctx, a)
        _find_content(ctx, a)
    _classify_and_resolve(ctx, out)
    _chains(ctx, out)
    return out


# ---------------------------------------------------------------------------------------------------- cues
def _is_cue(ctx: _Ctx, first: int, last: int, lemma: str) -> bool:
    w = ctx.doc.words
    prev = w[first - 1] if first > 0 else ""
    nxt = w[last + 1] if last + 1 < len(w) else ""
    form = w[first]
    if lemma == "according to":
        # "according to plan", "according to schedule" are not attributions
        return nxt not in ("plan", "schedule", "script", "tradition", "law")
    if ctx.cap(first) and not _sentence_initial(ctx, first) and not _in_title_case_line(ctx, first):
        return False  # "the United States", "Call of Duty": a capitalised word mid-sentence is a name
    if prev == "so" and ctx.gap(first).strip() in ("-", ""):
        return False  # so-called
    if prev in PREPOSITIONS and _gap_is_space(ctx, first):
        return False  # "under stress", "in response", "of note": a noun after a preposition
    if prev == "all" and form == "told":
        return False
    if ctx.gap(first).rstrip().endswith(("<", "</")):
        return False  # markup: <tweet ...>
    if ctx.in_quote(first):
        return False  # reporting inside a quotation belongs to the quoted speaker's own words
    if prev in NOUN_MAKERS and _gap_is_space(ctx, first):
        return False  # "the claim", "his remarks", "the said"
    if lemma in _NOUN_TOO and not form.endswith(("ed", "ing")) and form not in _IRREGULAR_PAST:
        # "tweets", "claims", "calls" are nouns as often as verbs ("an explosive charge"): the verb needs a
        # subject that can speak right before it
        if not _person_subject(ctx, first) and not _in_title_case_line(ctx, first):
            return False
    if lemma in ("call", "brand", "label", "dub", "term"):
        # "called for", "called on", "called the plan 'a disaster'", "branded him a traitor"
        return nxt in ("for", "on", "upon") or _quote_within(ctx, last, 8) or (
            nxt in ("it", "him", "her", "them", "this", "that", "himself", "herself") and lemma != "call"
            or nxt in ("it", "him", "her", "them") and last + 2 < len(w) and w[last + 2] in ("a", "an", "the")
            or _person_subject(ctx, first) and form.endswith("ed"))
    if lemma in ("describe", "characterise", "characterize", "portray"):
        return _word_within(ctx, last, ("as",), 10) or _quote_within(ctx, last, 8) or (
            _person_subject(ctx, first) and form.endswith(("ed", "d")))
    if lemma in ("find", "show", "conclude"):
        return nxt == "that" or (nxt in ("in", "on") and _word_within(ctx, last, ("that",), 6))
    if form.endswith("ing") and lemma != "according to":
        # a participle reports speech after a comma, an auxiliary or a preposition (", adding that", "was saying",
        # "by telling them"); elsewhere an -ing form is usually a noun or adjective ("the American prattling")
        g = ctx.gap(first)
        if not ("," in g or "\u2014" in g or prev in AUXILIARIES or prev in (
                "and", "by", "while", "after", "before", "without", "when", "also", "for", "from", "about", "of")):
            return _has_evidence(ctx, first, last)
    if form in ("said", "says", "say") and nxt in ("to",) and last + 2 < len(w) and w[last + 2] == "be":
        return True  # "is said to be" -- an attribution without a source
    if lemma in NEEDS_EVIDENCE:
        # ambiguous verbs ("added", "noted", "reported") count with reported content next to them, or in the past
        # tense after a subject that can speak ("Trump responded by ...", "she acknowledged it was unlikely")
        if _has_evidence(ctx, first, last):
            return True
        if lemma in ("add", "post", "note", "state", "report") and not _has_evidence(ctx, first, last):
            return False  # "added 200 jobs", "posted a loss", "reported earnings": objects, not speech
        return (form.endswith("ed") or form in _IRREGULAR_PAST) and _person_subject(ctx, first)
    return True


def _person_subject(ctx: _Ctx, first: int) -> bool:
    """Is there a subject that can speak right before token ``first`` (a name, a pronoun, a role or group)?"""
    d = ctx.doc
    si = d.sentence_of(d.tok_start[first])
    subj = _subject_before(ctx, first, si)
    if subj is None:
        return False
    w = d.words
    head = w[subj[1]]
    if head in PRONOUNS:
        return head not in ("it", "which")
    return ctx.cap(subj[1]) or head in ctx.words.speaker_heads


# Lemmas whose base and -s forms are common nouns ("a tweet", "the claims", "his remarks").
_NOUN_TOO = frozenset(
    """tweet post claim call remark comment report note answer reply charge promise vow pledge rant estimate
    protest question demand quip joke boast complaint blame mock defend label brand term dub""".split()
)


_IRREGULAR_PAST = frozenset("said told wrote written found shown swore sworn".split())


def _in_title_case_line(ctx: _Ctx, i: int) -> bool:
    """Is token i on a headline-like line where most words are capitalised ("Clinton Calls Violence 'Genocide'")?"""
    d = ctx.doc
    k = bisect_right(ctx.para_starts, d.tok_start[i]) - 1
    if k < 0:
        return False
    hit = ctx._title_lines.get(k)
    if hit is not None:
        return hit
    para = d.paragraphs[k]
    toks = d.tokens_in(para.start, para.end)
    if len(toks) < 3 or len(toks) > 25:
        result = False
    else:
        caps = sum(1 for t in toks if ctx.cap(t) or d.words[t] in _SMALL_WORDS)
        result = caps >= 0.8 * len(toks)
    ctx._title_lines[k] = result
    return result


_SMALL_WORDS = frozenset("a an the of and or for to in on at by with from as is vs s t".split())


def _sentence_initial(ctx: _Ctx, i: int) -> bool:
    d = ctx.doc
    si = d.sentence_of(d.tok_start[i])
    if si < 0:
        return True
    return not d.text[d.sentences[si].start:d.tok_start[i]].strip(" \"'\u201c\u2018([-\u2014")


def _gap_is_space(ctx: _Ctx, i: int) -> bool:
    g = ctx.gap(i)
    return g.isspace() and "\n" not in g


def _quote_within(ctx: _Ctx, last: int, n: int) -> bool:
    d = ctx.doc
    s = d.tok_end[last]
    e = d.tok_end[min(last + n, len(d.tok_end) - 1)]
    si = d.sentence_of(s)
    if si >= 0:
        e = min(e, d.sentences[si].end)
    return any(s <= q.start - 1 < e for q in d.quotes)


def _word_within(ctx: _Ctx, last: int, words: tuple[str, ...], n: int) -> bool:
    w = ctx.doc.words
    return any(x in words for x in w[last + 1:last + 1 + n])


def _has_evidence(ctx: _Ctx, first: int, last: int) -> bool:
    """Reported content next to an ambiguous verb: a quote, "that", ":" or "," after it, or it ends the clause."""
    d = ctx.doc
    w = d.words
    j = last + 1
    # skip time and manner adjuncts ("noted on Wednesday that", "added in a statement:")
    steps = 0
    while j < len(w) and steps < 6 and w[j] in SKIP_AFTER_CUE and not _punct_gap(ctx, j):
        j += 1
        steps += 1
    after = ctx.gap(j) if j < len(w) else d.text[d.tok_end[last]:]
    after = after.lstrip(" ")
    if after[:1] in (",", ":", ";", ".", "!", "?", "\u2014", "\u2013") or (after[:1] and after[0] in MARK_CHARS):
        return True
    if j < len(w) and w[j] in ("that", "how", "whether", "why", "what"):
        return True
    if j >= len(w) or "\n" in after:
        return True
    # content before: `"...," he added` / `..., the report noted`
    before = ctx.text[max(0, d.tok_start[first] - 60):d.tok_start[first]]
    return bool(re.search(r"[,\"\u201d\u2019']\s*(?:[\w.\u2019'-]+\s+){0,6}$", before)) and _clause_end(ctx, last)


def _punct_gap(ctx: _Ctx, i: int) -> bool:
    g = ctx.gap(i)
    return bool(g.strip())


def _clause_end(ctx: _Ctx, last: int) -> bool:
    """Does the clause end soon after the cue (allowing a short time adjunct)?"""
    d = ctx.doc
    w = d.words
    j = last + 1
    k = 0
    while j < len(w) and k < 4 and not _punct_gap(ctx, j):
        if w[j] not in SKIP_AFTER_CUE:
            return False
        j += 1
        k += 1
    return True


def _relays(ctx: _Ctx) -> list[Attr]:
    """'X quoted Y as saying' and 'Y was quoted (by X) as saying': cue from "quoted" to "saying"."""
    d = ctx.doc
    w = d.words
    out: list[Attr] = []
    for i, word in enumerate(w):
        if word != "quoted":
            continue
        # find "as saying" within the sentence
        si = d.sentence_of(d.tok_start[i])
        end_tok = ctx.sent_tokens(si).stop if si >= 0 else len(w)
        k = None
        for j in range(i + 1, min(end_tok - 1, i + 1 + ctx.cfg.max_source_words + 3)):
            if w[j] == "as" and w[j + 1] in _SAYING:
                k = j + 1
                break
        if k is None:
            continue
        a = Attr(i, k, "quoted as", "neutral", si)
        passive = i > 0 and w[i - 1] in ("was", "were", "been", "being", "is", "are")
        if passive:
            # "Y was quoted by X as saying"
            by = next((j for j in range(i + 1, k) if w[j] == "by"), None)
            if by is not None and by + 1 < k - 1:
                a.via_span = (by + 1, k - 2)
            subj = _subject_before(ctx, i - 1, si)
            if subj:
                a.source = subj
        else:
            if i + 1 <= k - 2:
                a.source = (i + 1, k - 2)
            subj = _subject_before(ctx, i, si)
            if subj:
                a.via_span = subj
        if a.via_span:
            a.via = _span_text(ctx, a.via_span)
            a.source_type = "media"
        out.append(a)
    return out


# ------------------------------------------------------------------------------------------------- sources
def _find_source(ctx: _Ctx, a: Attr) -> None:
    d = ctx.doc
    w = d.words
    si = a.sentence
    if a.lemma == "according to":
        a.source = _np_after(ctx, a.cue_last, si, allow_pp=True)
        return
    if a.cue_first > 0 and d.words[a.cue_first - 1] in ("is", "are", "was", "were", "been", "being") and \
            a.cue_last + 1 < len(d.words) and d.words[a.cue_last + 1] == "by":
        a.source = _np_after(ctx, a.cue_last + 1, si, allow_pp=False)  # "X was accused by Brussels of ..."
        return
    before_gap = ctx.gap(a.cue_first)
    inverted = any(c in before_gap for c in "\"\u201d\u2019'")
    # a participle after a comma or a coordinated verb shares the subject of the clause before it:
    # "He described X as Y, adding that ..." / "The two sides underlined ... and said ..."
    w = d.words
    form = w[a.cue_first]
    prev = w[a.cue_first - 1] if a.cue_first else ""
    if (form.endswith("ing") and ("," in before_gap or "\u2014" in before_gap)) or prev == "and":
        host = _host_clause_source(ctx, a)
        if host is not None:
            a.source = host.source
            a.host = host
            return
        if form.endswith("ing"):
            subj = _sentence_subject(ctx, si)
            if subj is not None:
                a.source = subj
                return
    if form.endswith("ing") and prev in ("after", "before", "by", "for", "while", "when", "without", "from"):
        # "... suffered injuries after reporting 'auditory sensations'": the subject of the main clause
        subj = _sentence_subject(ctx, si)
        if subj is not None and subj[1] < a.cue_first:
            a.source = subj
            return
    if not inverted:
        subj = _subject_before(ctx, a.cue_first, si)
        if subj:
            a.source = subj
            return
    if (inverted or _sentence_initial(ctx, a.cue_first)) and a.lemma not in ("tell", "ask", "call", "urge",
                                                                           "accuse", "blame", "thank"):
        # `"...," said the minister` / `Said Smith: ...`; otherwise the noun phrase after a verb is its object
        # (and "told you", "asked them" always take an object)
        np = _np_after(ctx, a.cue_last, si, allow_pp=False)
        if np and not (np[0] == np[1] and d.words[np[0]] in _OBJECT_PRONOUNS):
            a.source = np
            return
    if inverted:
        subj = _subject_before(ctx, a.cue_first, si)
        if subj:
            a.source = subj


def _host_clause_source(ctx: _Ctx, a: Attr) -> Attr | None:
    """The attribution earlier in the same sentence whose subject a participle or coordinated verb shares."""
    k = bisect_right(ctx.attr_starts, a.cue_first - 1)  # attributions whose cue starts before this one
    for b in reversed(ctx.attrs[max(0, k - 20):k]):
        if b.sentence != a.sentence:
            break
        if b.source is not None:
            return b
    return None


def _sentence_subject(ctx: _Ctx, si: int) -> tuple[int, int] | None:
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
    if w[k] in PRONOUNS and w[k] not in ("who", "which", "it"):
        return (k, k)
    if w[k] in PREPOSITIONS or w[k] == "over":
        return None  # "Over in Norvask, ...": a sentence that starts with an adverbial, not with its subject
    start = k
    end = None
    while k < sent.stop and k - start < ctx.cfg.max_source_words:
        if k > start and _punct_gap(ctx, k) and ctx.gap(k).strip() not in ("'", "\u2019", "-", "."):
            break
        if ctx.cap(k) or w[k] in DETERMINERS or w[k] in NP_LINKERS or w[k] == "s":
            if ctx.cap(k):
                end = k
            k += 1
            continue
        break
    if end is None:
        return None
    return (start, end)


def _subject_before(ctx: _Ctx, cue: int, si: int) -> tuple[int, int] | None:
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
        if _punct_gap(ctx, j + 1) and g not in ("'", "\u2019"):
            break
        if w[j] in SKIP_BEFORE_CUE or (w[j].endswith("ly") and not ctx.cap(j) and len(w[j]) > 4):
            j -= 1
            continue
        if (w[j] in WEEKDAYS or w[j] in MONTHS) and j - 1 >= lo and w[j - 1] in ("on", "in", "last"):
            j -= 2
            continue
        if w[j] in WEEKDAYS or w[j] in ("morning", "afternoon", "evening", "night"):
            j -= 1  # "Trump Tuesday said", "a tweet Tuesday morning calling"
            continue
        if w[j].isdigit() and j - 2 >= lo and w[j - 1] in MONTHS and w[j - 2] == "on":
            j -= 3
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
        if not ("," in g or "\u2014" in g):
            break
        if step and not (w[j].isdigit() and "," in ctx.gap(j)):
            break  # only an age ("Chase, 27, a Tinder user, said") stands between two parentheticals
        p = j
        while p >= lo and not ("," in ctx.gap(p) or "\u2014" in ctx.gap(p)):
            p -= 1
        if not (lo < p <= j):
            return None
        head = w[p]
        dash = "\u2014" in g and "\u2014" in ctx.gap(p)  # a parenthetical between dashes, whatever it says
        participle = head.endswith("ed") or head in ("known", "based", "born", "seen", "titled", "called")
        if dash or participle or head in DETERMINERS or head in (
                "who", "which", "for", "in", "on", "meanwhile", "however", "too", "though", "speaking", "citing",
                "whose") or head in ctx.single.get("role", ()) or _looks_like_age(w, p, j):
            j = p - 1
        else:
            return None
    if j < lo:
        return None
    if ctx.in_quote(j):
        return None
    if w[j] in PRONOUNS and w[j] not in ("who", "which"):
        return (j, j)
    if w[j] == "that" and j - 1 >= lo and not _punct_gap(ctx, j):
        j -= 1  # "a joint statement that stressed": relative "that" right before the verb
    # an anonymity phrase or relative clause right before the verb: "an official who declined to be named said"
    rel = None
    for k in range(j, max(lo - 1, j - 12), -1):
        if _punct_gap(ctx, k + 1) and k != j:
            break
        if w[k] in ("who", "which") and k > lo:
            rel = k
            break
    if rel is not None:
        j = rel - 1
    return _np_before(ctx, j, lo)


def _looks_like_age(w: Sequence[str], p: int, j: int) -> bool:
    return p == j and w[p].isdigit()


def _np_before(ctx: _Ctx, j: int, lo: int) -> tuple[int, int] | None:
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
            g = ctx.gap(k + 1)
            if g.strip() and g.strip() not in ("'", "\u2019", "-", "\u2019s"):
                break
        word = w[k]
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
                return (k, end)
            return None
        if ctx.cap(k) and word not in PRONOUNS:
            lower_run = 0
        elif word in NP_LINKERS and k - 1 >= lo and k < end and (ctx.cap(k - 1) or w[k - 1] in heads) \
                and (ctx.cap(k + 1) or w[k + 1] in heads or w[k + 1] in DETERMINERS):
            pass
        elif word in heads or (k < end and lower_run < 3 and word not in SENTENCE_STOPPERS
                               and word not in PRONOUNS and word not in SKIP_BEFORE_CUE and _is_modifier_slot(ctx, k, end)):
            lower_run += 1
        else:
            break
        k -= 1
        count += 1
    start = k + 1
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


def _det_noun(ctx: _Ctx, end: int, lo: int) -> tuple[int, int] | None:
    """"a headline", "the new ad", "the group's report": a determiner and up to two modifiers before ``end``."""
    w = ctx.doc.words
    if w[end] in SENTENCE_STOPPERS or w[end] in SKIP_BEFORE_CUE or w[end] in DETERMINERS or \
            w[end].endswith("ly") or w[end] in NP_LINKERS:
        return None
    for k in range(end - 1, max(lo - 1, end - 4), -1):
        if _punct_gap(ctx, k + 1) and ctx.gap(k + 1).strip() not in ("'", "\u2019", "-"):
            return None
        if w[k] in DETERMINERS:
            while k > lo and w[k - 1] in DETERMINERS and not _punct_gap(ctx, k):
                k -= 1  # "the two sides", "all the other parties"
            return (k, end)
        if w[k] in SENTENCE_STOPPERS or w[k] in PRONOUNS:
            return None
    return None


def _is_modifier_slot(ctx: _Ctx, k: int, end: int) -> bool:
    """A lower-case word left of an NP head may be a modifier ("senior", "administration") if a head follows."""
    w = ctx.doc.words
    heads = ctx.words.heads
    return any(w[x] in heads or ctx.cap(x) for x in range(k + 1, end + 1))


def _np_after(ctx: _Ctx, last: int, si: int, allow_pp: bool) -> tuple[int, int] | None:
    """A noun phrase right after token ``last`` ("said the minister", "according to a statement from X")."""
    d = ctx.doc
    w = d.words
    sent = ctx.sent_tokens(si) if si >= 0 else range(0, len(w))
    hi = sent.stop
    k = last + 1
    if k >= hi or (_punct_gap(ctx, k) and ctx.gap(k).strip() not in ("",)):
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
        if word in DETERMINERS or ctx.cap(k) or word in heads or word in PRONOUNS and k == start:
            if word not in DETERMINERS:
                end = k
            if word in PRONOUNS:
                break
        elif word in NP_LINKERS or (allow_pp and word in ("from", "by", "in", "at", "with")):
            pass
        elif end is None and count < 4 and word not in SENTENCE_STOPPERS and word not in SKIP_AFTER_CUE:
            pass  # modifiers before the head ("a senior official")
        elif end is not None and word not in SENTENCE_STOPPERS and word not in SKIP_AFTER_CUE and count < 8 \
                and allow_pp:
            end = k
        else:
            break
        k += 1
        count += 1
    if end is None:
        return None
    return (start, end)


def _span_text(ctx: _Ctx, span: tuple[int, int]) -> str:
    d = ctx.doc
    return d.text[d.tok_start[span[0]]:d.tok_end[span[1]]]


# ------------------------------------------------------------------------------------------------- content
def _find_content(ctx: _Ctx, a: Attr) -> None:
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
        if len(between) <= 5 and "\n" not in between and _PUNCT_ONLY.fullmatch(between):
            a.content = (q.start, q.end)
            a.quote = q
            return
    # a quotation starting right after the cue (and source): `Smith said: "..."`, `said, "..."`
    after_lo = hi
    k = bisect_right(top_starts, after_lo)  # the first outermost quotation whose mark is at or after after_lo
    if k < len(top):
        q = top[k]
        between = text[after_lo:q.start - 1]
        if len(between) <= 60 and not re.search(r"[.!?\n]", between) and _only_adjuncts(between):
            a.content = (q.start, q.end)
            a.quote = q
            return
    if a.sentence < 0:
        return
    sent = d.sentences[a.sentence]
    # "The New York Times reports:" at the end of a paragraph introduces the quotation that opens the next one
    tail = text[hi:sent.end]
    if tail.rstrip().endswith(":") and _only_adjuncts(tail.rstrip()[:-1]):
        k = bisect_right(top_starts, sent.end)
        nxt = top[k] if k < len(top) else None
        if nxt is not None and d.sentence_of(nxt.start - 1) == a.sentence + 1:
            a.content = (nxt.start, nxt.end)
            a.quote = nxt
            return
    # content after the cue: "said (on Wednesday) (that) ..."
    rest = text[hi:sent.end]
    m = re.match(r"[\s,:]*(?:(?:on|in|at|during|last|this|late|early|earlier|later)\s+[\w.\s]{0,40}?\s+)?"
                 r"(?:that\s+)?", rest)
    start = hi + (m.end() if m else 0)
    body = text[start:sent.end].rstrip(" .!?\"\u201d\u2019'")
    if len(body.split()) >= 3:
        a.content = (start, start + len(body))
        return
    # content before: "The deal is good, the minister said."
    head = text[sent.start:lo].rstrip(" ,\u2014-")
    if len(head.split()) >= 3:
        s = sent.start
        a.content = (s, s + len(head))


_PUNCT_ONLY = re.compile(r"[\s,.!?;:\u2014\u2013\-'\u2019\"\u201d]*")


def _only_adjuncts(between: str) -> bool:
    b = between.strip(" ,:\u2014-")
    if not b:
        return True
    words = re.findall(r"[\w']+", b.lower())
    return len(words) <= 8 and all(x in SKIP_AFTER_CUE or x in ADDRESSEES or x in ("that", "to") or x[:1].isalpha()
                                   and x not in ("and", "but", "because") for x in words)


# ------------------------------------------------------------------------------------ types and resolution
def _classify_and_resolve(ctx: _Ctx, attrs: list[Attr]) -> None:
    last_person: str | None = None
    last_group: str | None = None
    for a in attrs:
        quoted = ctx.in_quote(a.cue_first)
        if a.source is None:
            if a.source_type != "media":
                a.source_type = "none"
            continue
        st = _source_type(ctx, a)
        if a.source_type != "media":
            a.source_type = st
        text = _span_text(ctx, a.source)
        if a.host is not None:
            a.source_type, a.speaker = a.host.source_type, a.host.speaker  # the host is resolved already
            continue
        if st == "pronoun":
            pr = ctx.doc.words[a.source[0]]
            if pr in PERSON_PRONOUNS:
                a.speaker = (_subject_name(ctx, a, a.sentence) or _known_person_before(ctx, a) or last_person
                             or _nearest_person(ctx, a.source[0]))
            else:
                a.speaker = last_group
        elif st == "named_person":
            a.speaker = _full_name(ctx, a.source)
            if not quoted:
                last_person = a.speaker
                ctx.speakers.add(a.speaker)
        elif st == "title_only":
            a.speaker = _resolve_title(ctx, a.source) or (last_person if _is_person_role(ctx, a.source) else None) \
                or text
            if a.speaker != text and not quoted:
                last_person = a.speaker
        else:
            a.speaker = text
            if st in ("named_org", "anonymous") and not quoted:
                last_group = text


def _source_type(ctx: _Ctx, a: Attr) -> str:
    d = ctx.doc
    s, e = a.source  # type: ignore[misc]
    w = d.words
    toks = list(range(s, e + 1))
    if len(toks) == 1 and w[s] in PRONOUNS:
        return "pronoun"
    words = [w[i] for i in toks]
    folded = tuple(words)
    if _has_media(ctx, folded) and any(ctx.cap(i) for i in toks):
        return "media"
    # anonymity phrases in the sentence, right after the source or the cue
    sent = d.sentences[a.sentence] if a.sentence >= 0 else None
    if sent is not None:
        window = d.folded[d.tok_start[s]:min(sent.end, d.tok_end[a.cue_last] + 80)]
        if ctx.words.anonymity.search(window):
            return "anonymous"
    role = ctx.single.get("role", frozenset())
    org = ctx.single.get("organisation", frozenset())
    anon = ctx.single.get("anonymous", frozenset())
    names = [i for i in toks if ctx.cap(i) and w[i] not in role and w[i] not in org and w[i] not in DETERMINERS
             and w[i] not in anon and w[i] not in ctx.single.get("media", ())
             and w[i] not in NP_LINKERS and w[i] not in MONTHS and w[i] not in WEEKDAYS
             and not (i + 1 <= e and not ctx.cap(i + 1) and w[i + 1] in role | anon | org)]
    head = words[-1]
    if names:
        if any(w[i] in org or w[i] in ORG_SUFFIXES for i in toks) and not any(w[i] in role for i in toks):
            return "named_org"
        last_raw = ctx.raw(e)
        if len(last_raw) >= 2 and last_raw.isupper():
            return "named_org"  # NATO, WHO
        if last_raw.endswith("s") and last_raw[:-1] in ("Republican", "Democrat", "Conservative", "Liberal"):
            return "named_org"
        if last_raw.endswith(("ans", "ists", "ites")) and len(names) == 1 and head not in role:
            return "named_org"  # Republicans, Democrats, Iranians
        return "named_person"
    first = words[0]
    indefinite = first in ("a", "an", "some", "one", "several", "many", "two", "three", "few", "other", "others")
    plural = head.endswith("s") and head[:-1] in (role | anon | org)
    if head in ctx.single.get("document", ()) and head not in anon:
        return "title_only"  # "a joint statement", "the report": described, not named
    if head in anon and head not in role:
        return "anonymous"
    if head in role or head in org:
        return "anonymous" if indefinite or plural else "title_only"
    if first in DETERMINERS and not indefinite:
        return "title_only"
    return "anonymous"


def _has_media(ctx: _Ctx, words: tuple[str, ...]) -> bool:
    for n, phrases in ctx.words.media_phrases.items():
        for i in range(len(words) - n + 1):
            if words[i:i + n] in phrases:
                return True
    return False


_NAME_RE_CACHE: dict[str, re.Pattern[str]] = {}


def _name_tokens(ctx: _Ctx, span: tuple[int, int]) -> list[int]:
    """The tokens of a person's name inside an NP: capitalised, after the last role word."""
    w = ctx.doc.words
    role = ctx.single.get("role", frozenset())
    toks = [i for i in range(span[0], span[1] + 1)]
    last_role = max((i for i in toks if w[i] in role), default=span[0] - 1)
    out = [i for i in toks if i > last_role and ctx.cap(i) and w[i] not in DETERMINERS]
    if not out:
        out = [i for i in toks if ctx.cap(i) and w[i] not in role and w[i] not in DETERMINERS]
    return out


def _full_name(ctx: _Ctx, span: tuple[int, int]) -> str:
    """The fullest form of the name the article has used so far ("Baqeri" -> "Mohammad Baqeri")."""
    d = ctx.doc
    toks = _name_tokens(ctx, span)
    if not toks:
        return _span_text(ctx, span)
    name = d.text[d.tok_start[toks[0]]:d.tok_end[toks[-1]]]
    if len(toks) > 1:
        return name
    last = ctx.raw(toks[0])
    role = ctx.single.get("role", frozenset())
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
        if _in_title_case_line(ctx, p):
            continue  # a headline capitalises every word: "Endorses Rick Perry" is not a name
        # up to three capitalised words right before an earlier mention, minus titles: "Major General Mohammad"
        parts: list[int] = []
        k = p - 1
        while k >= 0 and len(parts) < 3 and ctx.cap(k) and ctx.gap(k + 1).isspace():
            parts.insert(0, k)
            k -= 1
        keep: list[str] = []
        for i in reversed(parts):
            wi = d.words[i]
            if wi in role or wi in DETERMINERS or wi in NP_LINKERS:
                break
            keep.insert(0, ctx.raw(i))
        if keep and not any(x.lower() in ("mr", "mrs", "ms", "dr") for x in keep):
            full = " ".join(keep + [last])
            ctx._full_names[last] = (full, n_seen)
            return full
    else:
        ctx._full_names[last] = (None, len(positions))
    return name


_NAME_SEQ = re.compile(r"(?<![\w\u2019'])((?:[A-Z][\w\u2019'.-]*)(?:\s+(?:[A-Z][\w\u2019'.-]*|de|van|von|al|bin|la|le|da))*)")


def _nearest_person(ctx: _Ctx, tok: int) -> str | None:
    """The closest person-like name before token ``tok`` outside quotations, within the last three sentences."""
    d = ctx.doc
    si = d.sentence_of(d.tok_start[tok])
    hi = d.tok_start[tok]
    # the last two sentences, but never more than 600 characters back (a pronoun refers to a recent mention)
    lo = max(d.sentences[max(0, si - 2)].start if si >= 0 else 0, hi - 600)
    role = ctx.single.get("role", frozenset())
    org = ctx.single.get("organisation", frozenset()) | ORG_SUFFIXES
    media = ctx.single.get("media", frozenset())
    anon = ctx.single.get("anonymous", frozenset())
    best = None
    for m in _NAME_SEQ.finditer(d.text, lo, hi):
        if ctx.offset_in_quote(m.start()):
            continue
        parts = m.group(1).split()
        # drop leading roles and sentence-initial function words: "Republican U.S. House Speaker Paul Ryan"
        last_role = max((i for i, p in enumerate(parts) if p.lower().strip(".") in role), default=-1)
        parts = parts[last_role + 1:]
        parts = [p for p in parts if p.lower() not in DETERMINERS and p.lower() not in _SMALL_WORDS]
        after = d.text[m.end():m.end() + 2]
        if after[:1] in ("'", "\u2019") or (len(parts) == 1 and re.match(r" [a-z]", after) and
                                             parts[0].lower().endswith(("an", "ese", "ish", "ic", "i"))):
            continue  # a possessive ("Obama's staff") or an adjective of nationality ("Syrian minister")
        if not parts:
            continue
        low = [p.lower().strip(".,\u2019'") for p in parts]
        if any(x in org or x in media for x in low) or all(x in anon or x in MONTHS or x in WEEKDAYS
                                                           or x in PRONOUNS for x in low):
            continue
        if len(parts) == 1 and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Minister)\.?\s+$",
                                             d.text[max(0, m.start() - 12):m.start()]):
            # a lone capitalised word is too often a place, a month or a nationality, unless the article gives it
            # in full elsewhere ("Obama" -> "Michelle Obama")
            k = d.token_at_or_after(m.start())
            full = _full_name(ctx, (k, k)) if k < len(d.words) else ""
            if len(full.split()) < 2:
                continue
            parts = full.split()
        if _in_title_case_line(ctx, d.token_at_or_after(m.start())):
            continue
        if m.start() == d.sentences[d.sentence_of(m.start())].start and len(parts) == 1 \
                and parts[0].lower() in _COMMON_STARTERS:
            continue
        best = " ".join(parts).rstrip(".,")
    if best is None:
        return None
    return best


_PERSON_ROLES = frozenset("""president minister secretary senator governor mayor spokesman spokeswoman spokesperson
    chairman chairwoman chief director general commander ambassador leader lawmaker candidate nominee premier
    chancellor king queen prince judge prosecutor sheriff commissioner congressman congresswoman""".split())


def _subject_name(ctx: _Ctx, a: Attr, si: int) -> str | None:
    """The named subject of sentence ``si`` (the pronoun's own sentence, or the one before), when it starts with
    one before the pronoun ("Power also made headlines ... after she called ...")."""
    if si < 0 or si < a.sentence - 1:
        return None
    subj = _sentence_subject(ctx, si)
    if subj is None or a.source is None or subj[1] >= a.source[0]:
        return None
    w = ctx.doc.words
    toks = range(subj[0], subj[1] + 1)
    if any(w[t] in ctx.words.heads or w[t] in PRONOUNS for t in toks) or ctx.in_quote(subj[0]):
        return None
    if w[subj[0]] in _COMMON_STARTERS or w[subj[0]] in PREPOSITIONS or w[subj[0]] in SENTENCE_STOPPERS:
        return None  # "To be sure, ...", "In March, ...": the sentence does not start with its subject
    names = [t for t in toks if ctx.cap(t) and w[t] not in DETERMINERS and w[t] not in NP_LINKERS]
    if not names or _in_title_case_line(ctx, subj[0]):
        return None
    if w[names[0]].endswith(("ing", "ed")):
        return None  # "Speaking to reporters, he said", "Asked about it, she said"
    name = _full_name(ctx, (names[0], names[-1]))
    return name if len(name.split()) >= 2 else None  # a lone word is too often a place or a party


def _known_person_before(ctx: _Ctx, a: Attr) -> str | None:
    """The first name in the pronoun's sentence, before it, of someone already quoted as a named speaker
    ("... before the fundraiser Pelosi also gave a speech ... in which she accused ...")."""
    d = ctx.doc
    if a.source is None or a.sentence < 0:
        return None
    w = d.words
    for t in ctx.sent_tokens(a.sentence):
        if t >= a.source[0]:
            break
        if not ctx.cap(t) or _sentence_initial(ctx, t) or ctx.in_quote(t) or w[t] in ctx.words.heads \
                or w[t] in DETERMINERS or w[t] in MONTHS or w[t] in WEEKDAYS or w[t] in _COMMON_STARTERS:
            continue
        if t + 1 < len(w) and ctx.cap(t + 1) and ctx.gap(t + 1).isspace():
            continue  # part of a longer capitalised name: only a lone surname is looked up
        full = _full_name(ctx, (t, t))
        if full in ctx.speakers:
            return full
        before = w[t - 1] if t > 0 else ""
        if len(full.split()) >= 2 and before not in DETERMINERS and before not in PREPOSITIONS:
            return full  # a subject, not "in the Tessaly Valley"
    return None


def _is_person_role(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """Is the NP headed by a role a single person holds ("the president", "the Iranian commander")?"""
    w = ctx.doc.words
    return w[span[1]] in _PERSON_ROLES and w[span[0]] in ("the", "this")


_COMMON_STARTERS = frozenset("""but and so yet however meanwhile still then now after before when while if as
    in on at for this that these those there here his her their our its it i we they he she you""".split())


def _resolve_title(ctx: _Ctx, span: tuple[int, int]) -> str | None:
    """A title-only source ("the Syrian minister") resolved to a name introduced with that title earlier."""
    d = ctx.doc
    w = d.words
    role = ctx.single.get("role", frozenset())
    roles = [w[i] for i in range(span[0], span[1] + 1) if w[i] in role]
    if not roles:
        return None
    before = d.text[:d.tok_start[span[0]]]
    best = None
    for r in roles:
        pat = _NAME_RE_CACHE.get(r)
        if pat is None:
            # the role in any case, then one to four capitalised words (only the role ignores case)
            pat = re.compile(r"\b(?i:" + re.escape(r) + r")\s+((?:[A-Z][\w\u2019'-]*(?:\s|$)){1,4})")
            _NAME_RE_CACHE[r] = pat
        for m in pat.finditer(before):
            name = m.group(1).strip()
            parts = [p.rstrip(".,") for p in name.split() if p[:1].isupper() and p.lower().strip(".") not in role]
            if parts:
                best = " ".join(parts)
    return best


def _chains(ctx: _Ctx, attrs: list[Attr]) -> None:
    """A cue inside the content of a media source's report is second-hand: mark ``via``."""
    d = ctx.doc
    for outer in attrs:
        if outer.content is None or outer.source_type not in ("media",) or outer.via is not None:
            continue
        for inner in attrs:
            if inner is outer or inner.via is not None:
                continue
            cs = d.tok_start[inner.cue_first]
            if outer.content[0] <= cs < outer.content[1]:
                inner.via = outer.speaker
