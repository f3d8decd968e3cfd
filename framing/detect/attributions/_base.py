"""Shared pieces of the attribution detector: closed word classes, the working record and per-document helpers."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from framing.config import Config
from framing.lexicons import Lexicon, fold_words
from framing.text.document import Document
from framing.text.quotemarks import QuoteSpan
from framing.text.segment import NO_BREAK_AFTER
from framing.text.truecase import name_case, name_words
from framing.text.wordclass import opener_class, tag

# ----------------------------------------------------------------------------------------------- word classes
# Closed classes of English function words: grammar, not judgement, so they live here rather than in a lexicon.
# Gender-neutral singular pronouns of one person (neopronouns), subject forms: "zie said", "xe told reporters".
NEOPRONOUNS = frozenset("ze zie xe ey".split())


PRONOUNS = frozenset("he she they it we i you who which".split()) | NEOPRONOUNS


PERSON_PRONOUNS = frozenset("he she".split()) | NEOPRONOUNS
# Pronouns that can be the subject of a reporting verb about a person or people ("he said", "they told").
SUBJECT_PRONOUNS = PERSON_PRONOUNS | frozenset(("they", "we", "i"))
# Focusing and stance adverbs stand before a subject without being part of it ("Even Okafor admitted", "Only the
# ministry said", "Perhaps Brandt knew", "On Capitol Hill, even Republican lawmakers ...", "Even Sunday, he ...").
FOCUS_ADVERBS = frozenset("even only also just perhaps maybe indeed".split())


# Conjunctions that open a sentence before its subject ("And Trump said", "But the minister said").
OPENING_CONJUNCTIONS = frozenset("and but yet so".split())


# Attribution phrases whose source follows them ("according to the ministry", "in the words of a senior adviser").
SOURCE_AFTER_PHRASES = frozenset(("according to", "in the words of"))


OBJECT_PRONOUNS = frozenset("you me us him her them it".split())


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


# Words ending in -ly that are not adverbs: nouns ("a lawyer for the family said", "an ally of the president") and
# adjectives that stand for a noun ("the elderly", "the weekly said").
_LY_NOT_ADVERBS = frozenset("""family ally assembly rally supply reply monopoly bully anomaly july fly belly jelly lily
    homily folly holly elderly daily weekly monthly quarterly biweekly""".split())


def dashed(gap: str) -> bool:
    """Does the text between two tokens hold an em dash, or a horizontal bar (U+2015), which some outlets use for it?"""
    return "\u2014" in gap or "\u2015" in gap


def ly_adverb(word: str) -> bool:
    """Does a lower-cased word look like an -ly adverb ("repeatedly", "angrily")?"""
    return word.endswith("ly") and word not in _LY_NOT_ADVERBS


# Titles abbreviated before a name, and the role each stands for ("Gov. Gavin Newsom ... the governor said").
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                       "col": "colonel", "capt": "captain", "adm": "admiral", "supt": "superintendent",
                       "prof": "professor", "atty": "attorney", "amb": "ambassador"}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Nouns for relatives, who share a surname, with their gender ("" for either).
KINSHIP = {**dict.fromkeys("""son sons father brother brothers husband dad grandson grandfather widower uncle nephew
    stepson stepfather""".split(), "he"),
           **dict.fromkeys("""daughter daughters mother sister sisters wife mom granddaughter grandmother widow aunt
    niece stepdaughter stepmother""".split(), "she"),
           **dict.fromkeys("parent parents sibling siblings cousin cousins spouse children child".split(), "")}


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
# The linkers that open a complement of the noun ("Ruth Almer of the Nurses' Union", "a spokesman for the agency").
OF_FOR_AT = frozenset(("of", "for", "at"))


SENTENCE_STOPPERS = frozenset(
    """that which who whom whose because but and or if when while although though as since after before until
    than so to in on at by with from into about over under between against during without within through""".split()
)


# Determiners that make a following verb form a noun ("the claim", "his remarks", "such reports").
NOUN_MAKERS = frozenset(
    """the a an his her their its our my your own these those such no any every each new latest recent earlier
    previous same public official press widespread numerous several many unfounded false""".split()
)


# The adjectives among them: after these a past tense is a verb with its subject ("the official said").
NOUN_MAKING_ADJECTIVES = frozenset("new latest recent earlier previous same public official press widespread numerous "
                                   "several many unfounded false".split())


# Ambiguous cue verbs need evidence of reported content next to them; others are speech acts as verbs.
PREPOSITIONS = frozenset(
    """of in on at under with without from into onto upon about over after before for by through during against
    among between beyond within""".split()
)


BE_FORMS = frozenset("be been being is are was were".split())  # the forms of "be" (a passive's auxiliary)
AUXILIARIES = frozenset("is was are were be been being am kept keeps keep started start began begin".split())


ADDRESSEES = frozenset("reporters journalists him her them us me lawmakers supporters viewers listeners".split())


# The first halves of contracted negatives as the tokeniser splits them ("didn't" -> "didn", "t"; "can't" -> "can").
CONTRACTED_NEGATIVES = frozenset("""didn doesn don hasn haven hadn wouldn couldn won can isn wasn aren weren shouldn
    mustn needn""".split())


SAYING = frozenset(("saying", "telling", "stating", "adding", "writing", "describing", "warning", "explaining"))


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
    # whom a passive verb of telling addressed ("Harris was asked ..."): no source, but someone a later pronoun means
    addressee: tuple[int, int] | None = None
    negated: bool = False  # "did not say", "refused to say": the sentence says the speech did not happen

    # An explicit __init__ (the dataclass keeps it): compiled with mypyc it runs natively, where the dataclass's
    # generated one ran as interpreted Python; the same fields and defaults (see framing.text.segment.Span).
    def __init__(self, cue_first: int, cue_last: int, lemma: str, stance: str, sentence: int,
                 source: tuple[int, int] | None = None, source_type: str = "none", speaker: str | None = None,
                 content: tuple[int, int] | None = None, quote: QuoteSpan | None = None, via: str | None = None,
                 via_span: tuple[int, int] | None = None, host: Attr | None = None,
                 addressee: tuple[int, int] | None = None, negated: bool = False) -> None:
        self.cue_first = cue_first
        self.cue_last = cue_last
        self.lemma = lemma
        self.stance = stance
        self.sentence = sentence
        self.source = source
        self.source_type = source_type
        self.speaker = speaker
        self.content = content
        self.quote = quote
        self.via = via
        self.via_span = via_span
        self.host = host
        self.addressee = addressee
        self.negated = negated


class Ctx:
    """Per-document helpers shared by the steps below."""

    def __init__(self, doc: Document, sources: Lexicon, cfg: Config) -> None:
        self.doc = doc
        self.text = doc.text
        self.cfg = cfg
        self.words = _with_accented_first_names(word_classes(sources), doc)
        self.single = self.words.single
        self.phrases = self.words.phrases
        self.attrs: list[Attr] = []
        self.attr_starts: list[int] = []
        self.para_starts = [p.start for p in doc.paragraphs]
        self._title_lines: dict[int, bool] = {}
        self._full_names: dict[str, tuple[str | None, int]] = {}
        self._first_words: dict[str, frozenset[str]] = {}  # surname -> capitalised words right before it, anywhere
        self._kinship: frozenset[str] | None = None
        self.speakers: set[str] = set()  # full names of the named people quoted so far
        self.pronoun_of: dict[str, str] = {}  # full name -> the "he" or "she" the text has used for that person
        # single capitalised words the article makes a source ("Kugelmass says"), found when first needed
        self.lone_sources: set[str] | None = None
        self._quote_starts = [q.start for q in doc.quotes]
        self.quote_opens = [q.start - 1 for q in doc.quotes]  # opening-mark offsets, sorted
        self._quote_max_end = list(accumulate((q.end for q in doc.quotes), max))
        top = [q for q in doc.quotes if q.depth == 0]
        # outermost quotations (disjoint, so sorted by both start and end), with their opening-mark offsets
        self.top_quotes = (top, [q.start - 1 for q in top], [q.end for q in top])
        self._cap_index: dict[str, list[int]] | None = None
        self._roles: dict[str, list[int]] | None = None
        self._names: frozenset[str] | None = None
        self._genders: dict[str, str] | None = None
        self._acronyms: dict[str, str] | None = None
        self._outlets: tuple[list[int], list[str]] | None = None
        self.opening_first: dict[int, bool] = {}  # sentence -> does its first token open it (sentence_initial)
        # sentence -> its first lone capitalised words that may be a person named before a pronoun (speakers)
        self.person_candidates: dict[int, list[int]] = {}
        # paragraph -> where its transcript label ends and the name it gives, or None (transcript_speaker)
        self.transcript_labels: dict[int, tuple[int, str] | None] = {}
        # the text between consecutive tokens, and which tokens count as capitalised: read hundreds of times per
        # article, so made once
        # (plain loops over indices: compiled, they slice natively, where map() over slice objects did not)
        text, starts, ends = doc.text, doc.tok_start, doc.tok_end
        n = len(starts)
        gaps = [text[:starts[0]] if n else ""]
        for i in range(1, n):
            gaps.append(text[ends[i - 1]:starts[i]])
        if n:
            gaps.append(text[ends[n - 1]:])
        self._gaps = gaps
        caps = [False] * n
        for i in doc.capital_tokens:
            caps[i] = True
        for i in range(1, n):  # in order: a tail makes the next
            if not caps[i] and caps[i - 1] and gaps[i] == "-":
                caps[i] = True  # a hyphenated tail of a capitalised word ("Chun-ying")
        self._caps = caps

    @property
    def kinship(self) -> frozenset[str]:
        """The genders ("he", "she") of the relatives the text speaks of, who share surnames: a kinship noun after a
        possessive ("his son", "the senator's wife", "their parents" for both), not "a couple of", "their parent
        company" or "the father of the bill". Computed once."""
        if self._kinship is None:
            w = self.doc.words
            found: set[str] = set()
            for i in range(1, len(w)):
                gender = KINSHIP.get(w[i])
                if gender is None or not (w[i - 1] in ("his", "her", "their") or possessive_s(self, i - 1)):
                    continue
                if i + 1 < len(w) and self.gap(i + 1) == " " and tag(w[i + 1]).startswith("NN") \
                        and not self.cap(i + 1):
                    continue  # a modifier of the noun after it, not a relative: "their parent company"
                found.update(("he", "she") if gender == "" else (gender,))
            self._kinship = frozenset(found)
        return self._kinship

    @property
    def genders(self) -> dict[str, str]:
        """Surnames the text gives an honorific ("Mr Kessel" -> "he", "Ms. Roe" -> "she"); computed once. A surname
        written with both is left out."""
        if self._genders is None:
            found: dict[str, str] = {}
            text = self.text
            for m in _HONORIFIC.finditer(text):
                if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
                    continue  # inside a word ("UMr ...")
                g = "he" if m.group(1) in ("r", "ister") else "she"
                surname = m.group(2).removesuffix("'s").removesuffix("\u2019s")  # ("Mr. Trump's remarks")
                found[surname] = g if found.get(surname, g) == g else "?"
            self._genders = {k: v for k, v in found.items() if v != "?"}
        return self._genders

    @property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the text defines in brackets after the name they stand for ("the Human Rights Campaign (HRC)"
        -> {"HRC": "Human Rights Campaign"}); the first definition wins; computed once."""
        if self._acronyms is None:
            found: dict[str, str] = {}
            text = self.text
            for m in _ACRONYM.finditer(text):
                short = m.group(1)
                if short in found:
                    continue
                words = text[max(0, m.start() - 160):m.start()].split()
                letters = [c for c in short if c.isalpha()]
                k = len(words)
                parts: list[str] = []
                while k > 0 and letters:
                    word = words[k - 1].strip(",;")
                    if word.lower() in _ACRONYM_SMALL and parts:
                        parts.insert(0, word)
                    elif word[:1] == letters[-1] and word[:1].isupper():
                        parts.insert(0, word)
                        letters.pop()
                    else:
                        break
                    k -= 1
                if not letters and len(parts) >= 2:
                    found[short] = " ".join(parts)
            self._acronyms = found
        return self._acronyms

    @property
    def names(self) -> frozenset[str]:
        """Folded words this text writes as names (see :mod:`framing.text.truecase`); computed once (not a
        functools.cached_property, which code compiled with mypyc would call on every access)."""
        if self._names is None:
            self._names = name_words(self.doc)
        return self._names

    def role_positions(self) -> dict[str, list[int]]:
        """Token indices of every one-word role ("minister", "spokesman"), by role (built on first use); a title
        abbreviated before a name counts as its role ("Gov." as "governor")."""
        if self._roles is None:
            roles = self.single.get("role", frozenset())
            idx: dict[str, list[int]] = {}
            for i, word in enumerate(self.doc.words):
                if word in roles:
                    idx.setdefault(word, []).append(i)
                elif word in TITLE_ABBREVIATIONS and self.gap(i + 1).startswith(".") and self.cap(i) \
                        and TITLE_ABBREVIATIONS[word] in roles:  # (capitalised: "a sales rep." is no title)
                    idx.setdefault(TITLE_ABBREVIATIONS[word], []).append(i)
            self._roles = idx
        return self._roles

    def outlet_mentions(self) -> tuple[list[int], list[str]]:
        """Where the text names a news outlet outside quotations ("The Economist", "the New York Times"): the
        token indices, sorted, and the names as written (with "The" when the lexicon's name begins with it, and a
        capitalised media noun after it: "Bloomberg News"); built on first use. A lexicon name inside a longer run
        of capitalised words is part of another name ("Michael Bloomberg", "the Sun Belt") and no mention."""
        if self._outlets is None:
            d = self.doc
            w = d.words
            names = self.words.outlet_names
            media_nouns = self.single.get("media", frozenset())
            sizes = sorted(names, reverse=True)
            at: list[int] = []
            found: list[str] = []
            last_end = -1
            for i in d.capital_tokens:
                if i <= last_end or w[i] == "the" or self.in_quote(i):
                    continue
                for n in sizes:
                    # the lexicon's names may begin with "the", which the text writes in either case
                    words = w[i:i + n]
                    if len(words) == n and words in names[n] and all(self.cap(t) for t in range(i, i + n)):
                        first, last = i, i + n - 1
                    elif n > 1 and i > 0 and w[i - 1] == "the" and ("the",) + w[i:i + n - 1] in names[n] \
                            and all(self.cap(t) for t in range(i, i + n - 1)):
                        first, last = i - 1, i + n - 2
                    else:
                        continue
                    while last + 1 < len(w) and self.cap(last + 1) and w[last + 1] in media_nouns \
                            and self.gap(last + 1) == " ":
                        last += 1  # "Bloomberg News", "Fox News Channel"
                    # (sentence-initial words are capitalised too: there, only a name before counts, "Michael
                    # Bloomberg", not "When CNN")
                    before = first > 0 and self.cap(first - 1) and self.gap(first) == " " and w[first - 1] != "the" \
                        and (not sentence_initial(self, first - 1) or w[first - 1] in self.names
                             or w[first - 1] in self.words.first_names)
                    after = last + 1 < len(w) and self.cap(last + 1) and self.gap(last + 1) == " "
                    if not before and not after:
                        at.append(i)
                        found.append(self.text[d.tok_start[first]:d.tok_end[last]])
                    last_end = last
                    break
            self._outlets = (at, found)
        return self._outlets

    def raw(self, i: int) -> str:
        return self.text[self.doc.tok_start[i]:self.doc.tok_end[i]]

    def gap(self, i: int) -> str:
        """Raw text between token i-1 and token i (before the first token for i <= 0, after the last for i >= n)."""
        gaps = self._gaps
        return gaps[0 if i < 0 else i if i < len(gaps) else -1]

    def capitalised_positions(self, raw: str) -> list[int]:
        """Token indices where the exact capitalised word ``raw`` occurs (index built on first use)."""
        if self._cap_index is None:
            idx: dict[str, list[int]] = {}
            d = self.doc
            for i in d.capital_tokens:
                idx.setdefault(d.text[d.tok_start[i]:d.tok_end[i]], []).append(i)
            self._cap_index = idx
        return self._cap_index.get(raw, [])

    def cap(self, i: int) -> bool:
        """Is token i capitalised, or the hyphenated tail of a capitalised word ("Chun-ying")?"""
        return self._caps[i]

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
class WordClasses:
    """Word sets derived from the source-terms lexicon, built once per lexicon."""

    single: dict[str, frozenset[str]]  # category -> one-word terms (and their plurals); .get(c, frozenset())
    phrases: dict[str, frozenset[tuple[str, ...]]]  # category -> all terms as word tuples
    anonymity: re.Pattern[str]  # any anonymity phrase, in folded text
    anonymity_words: frozenset[str]  # the words of the anonymity phrases that are clauses ("who asked not to ...")
    media_phrases: dict[int, frozenset[tuple[str, ...]]]  # length -> media terms of that many words
    heads: frozenset[str]  # nouns that can head a source noun phrase (roles, groups, organisations, media, documents)
    speaker_heads: frozenset[str]  # roles, unnamed sources and organisations: nouns for someone who can speak
    speech_nouns: frozenset[str]  # what someone says or writes: utterances and documents ("comments", "statement")
    single_holder: frozenset[str]  # roles one person holds ("president"): entries flagged single_holder
    outlet_names: dict[int, frozenset[tuple[str, ...]]]  # length -> names of news outlets (media phrases, not nouns)
    first_names: dict[str, str]  # folded first name -> "he" or "she" (categories first_name_he, first_name_she)
    org_names: frozenset[tuple[str, ...]]  # organisations' own names ("pentagon", "white house"): flagged proper_name


@lru_cache(maxsize=8)
def word_classes(sources: Lexicon) -> WordClasses:
    by_cat: dict[str, set[tuple[str, ...]]] = {}
    for e in sources.entries:
        # an entry's irregular forms are the same word ("ally" / "allies", "businessman" / "businessmen")
        by_cat.setdefault(e.category, set()).update(fold_words(x) for x in (e.term, *e.forms))
    single = {c: {w[0] for w in ws if len(w) == 1} for c, ws in by_cat.items()}
    for c in ("anonymous", "role", "organisation", "media", "document", "utterance"):
        single[c] = single.get(c, set()) | {w + "s" for w in single.get(c, set())}
    anon = sorted((" ".join(p) for p in by_cat.get("anonymity_phrase", ())), key=len, reverse=True)
    media: dict[int, set[tuple[str, ...]]] = {}
    for p in by_cat.get("media", ()):
        media.setdefault(len(p), set()).add(p)
    outlets: dict[int, set[tuple[str, ...]]] = {}
    for e in sources.entries:
        if e.category == "media" and e.pos == "phrase":  # a name ("the economist"), not a noun ("paper")
            p = fold_words(e.term)
            outlets.setdefault(len(p), set()).add(p)
    speaker_heads = frozenset(single.get("role", set()) | single.get("anonymous", set())
                              | single.get("organisation", set()))
    return WordClasses(
        {c: frozenset(v) for c, v in single.items()},
        {c: frozenset(v) for c, v in by_cat.items()},
        re.compile("|".join(re.escape(a) for a in anon) or "(?!)"),
        frozenset(x for a in anon if a.startswith(("who ", "speaking ")) for x in a.split()),
        {n: frozenset(v) for n, v in media.items()},
        speaker_heads | single.get("media", set()) | single.get("document", set()),
        speaker_heads,
        frozenset(single.get("utterance", set()) | single.get("document", set())),
        frozenset(w for e in sources.entries if "single_holder" in e.flags for w in fold_words(e.term)[-1:]),
        {n: frozenset(v) for n, v in outlets.items()},
        {w[0]: g for g in ("he", "she") for w in by_cat.get("first_name_" + g, ())},
        frozenset(fold_words(e.term) for e in sources.entries if "proper_name" in e.flags),
    )


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _with_accented_first_names(words: WordClasses, doc: Document) -> WordClasses:
    """``words`` with the document's accented spellings of the lexicon's first names ("josé", "zoë", "renée" in
    composed or decomposed form): English news writes a name with or without its accents, and the lexicon lists it
    without them."""
    folded = doc.folded  # (curly quotation marks and dashes folded: most texts are ASCII here)
    if folded.isascii():
        return words
    found: set[str] = set()  # the words holding such a letter (each found once: the search goes on after it)
    pos = 0
    while (m := _NON_ASCII.search(folded, pos)) is not None:
        t = bisect_right(doc.tok_start, m.start()) - 1
        if t >= 0 and doc.tok_end[t] > m.start():
            found.add(doc.words[t])
            pos = doc.tok_end[t]
        else:
            pos = m.end()
    extra = {w: g for w in found if (g := words.first_names.get(_unaccented(w))) is not None}
    return replace(words, first_names={**words.first_names, **extra}) if extra else words


def _unaccented(word: str) -> str:
    """``word`` without its accents ("josé" -> "jose")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# A transcript's speaker label opening a paragraph: "TRUMP: ...", "REV. MARTIN LUTHER KING JR: ..." (its words of
# bounded length, so that matching it at a paragraph's start stays linear however long a run of capitals it holds).
TRANSCRIPT = re.compile(r"\s{0,40}([A-Z][A-Z.'\u2019-]{1,40}(?: [A-Z][A-Z.'\u2019-]{1,40}){0,2}):\s")
# Labels of a story's type or of a list of links before a headline's colon, whole: no one speaks there ("Exclusive:
# '...' says Senator Smith", "More: ..."); a name that begins like one speaks ("New York Times: '...'").
HEADLINE_KICKERS = frozenset(("exclusive", "breaking", "breaking news", "watch", "video", "videos", "photos", "poll",
                              "analysis", "opinion", "update", "updated", "live", "report", "editorial", "review",
                              "explainer", "interview", "podcast", "listen", "read more", "see also", "also read",
                              "the latest", "fact check", "factcheck", "new", "just in", "more", "related",
                              "recommended"))


def transcript_speaker(ctx: Ctx, i: int) -> str | None:
    """The speaker the label of the transcript paragraph holding token ``i`` names ("TRUMP: Look, ... I said"), in
    the case the article writes the name elsewhere ("McConnell"); None when the paragraph opens with no label, or
    with one that names no one (:func:`_names_someone`). Found once per paragraph."""
    d = ctx.doc
    k = bisect_right(ctx.para_starts, d.tok_start[i]) - 1
    if k < 0:
        return None
    if k not in ctx.transcript_labels:
        m = TRANSCRIPT.match(d.text, d.paragraphs[k].start)
        named = m is not None and _names_someone(ctx, m.group(1))
        ctx.transcript_labels[k] = (m.end(), name_case(d, m.group(1))) if m is not None and named else None
    found = ctx.transcript_labels[k]
    return found[1] if found is not None and found[0] <= d.tok_start[i] else None


def _names_someone(ctx: Ctx, label: str) -> bool:
    """Can a transcript label name a speaker? Not a story's type ("UPDATE:", "OPINION:"), a place (a dateline,
    "LONDON:"), two letters ("NB:"), an ordinary noun ("QUESTION:", "MODERATOR:"), or a phrase with a function word,
    verb or adjective in it ("READ IN FULL:"); "THE PRESIDENT:" names someone."""
    words = label.title().split()
    folded = " ".join(label.lower().split())
    if folded in HEADLINE_KICKERS or fold_words(label) in ctx.words.phrases.get("place", frozenset()):
        return False
    if len(words) == 1:
        t = tag(words[0])
        return len(words[0].rstrip(".")) > 2 and not (t.startswith("NN") and not t.startswith("NNP")) \
            and opener_class(words[0]) == ""
    rest = words[1:] if words[0] == "The" else words
    return not any(opener_class(w) in ("closed", "verb", "adjective") for w in rest)


def in_title_case_line(ctx: Ctx, i: int) -> bool:
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
        caps = sum(1 for t in toks if ctx.cap(t) or d.words[t] in SMALL_WORDS)
        result = caps >= 0.8 * len(toks)
    ctx._title_lines[k] = result
    return result


SMALL_WORDS = frozenset("a an the of and or for to in on at by with from as is vs s t".split())


def common_opener(ctx: Ctx, i: int) -> str:
    """The class of token ``i`` (:func:`framing.text.wordclass.opener_class`) when it opens its sentence capitalised
    and the article never writes it capitalised elsewhere: English capitalises every sentence's first word, so
    "Despite", "Polls" or "Needless" there is an ordinary word, not a name. "" otherwise."""
    if not ctx.cap(i) or ctx.doc.words[i] in ctx.doc.case_profile[0] or not sentence_initial(ctx, i):
        return ""
    d = ctx.doc
    return opener_class(d.text[d.tok_start[i]:d.tok_end[i]])


def sentence_initial(ctx: Ctx, i: int) -> bool:
    """Is token ``i`` the sentence's first word, with at most opening marks, brackets and dashes before it? Only the
    sentence's first token can be (a token is a word), so the text before it is read once per sentence, not once per
    call: a sentence of a million characters (hard-wrapped lines with no full stop) stays linear."""
    d = ctx.doc
    si = d.sentence_of(d.tok_start[i])
    if si < 0:
        return True
    if ctx.sent_tokens(si).start != i:
        return False
    known = ctx.opening_first.get(si)
    if known is None:
        known = not d.text[d.sentences[si].start:d.tok_start[i]].strip(" \"'\u201c\u2018([-\u2014\u2015")
        ctx.opening_first[si] = known
    return known


def gap_is_space(ctx: Ctx, i: int) -> bool:
    g = ctx.gap(i)
    return g.isspace() and "\n" not in g


def contracted_negation(ctx: Ctx, t: int) -> bool:
    """Is token ``t`` the "t" of a contracted negative ("didn't" -> "didn", "t"; "can’t")?"""
    return ctx.doc.words[t] == "t" and t > 0 and ctx.doc.words[t - 1] in CONTRACTED_NEGATIVES \
        and ctx.gap(t) in ("'", "\u2019")


def possessive_s(ctx: Ctx, t: int) -> bool:
    """Is token ``t`` the "s" of a possessive ("Obama's", "Obama’s")?"""
    return ctx.doc.words[t] == "s" and ctx.gap(t).strip() in ("'", "\u2019")


def punct_gap(ctx: Ctx, i: int) -> bool:
    g = ctx.gap(i)
    return bool(g.strip())


# Words that cannot be inside the subject of an absolute "with" clause ("with X saying"): a verb, a preposition or a
# conjunction between "with" and the participle means the participle belongs elsewhere.
_NOT_IN_WITH_SUBJECT = frozenset(("is", "are", "was", "were", "be", "been", "has", "have", "had", "in", "on", "at",
                                  "to", "for", "from", "by", "and", "or", "but", "that", "which", "who"))


def with_subject(ctx: Ctx, first: int) -> tuple[int, int] | None:
    """The subject of an absolute "with" clause ending right before the participle at ``first``: "the talks
    collapsed, with the minister saying ..." -> "the minister" (at most six words, no punctuation between; "with"
    after a comma or a dash, or at the start of the sentence)."""
    w = ctx.doc.words
    if punct_gap(ctx, first):
        return None  # "he came with his wife, saying ...": the participle follows a comma, not the subject
    for k in range(first - 2, max(-1, first - 8), -1):
        if punct_gap(ctx, k + 1) or w[k + 1] in _NOT_IN_WITH_SUBJECT:
            return None
        if w[k] == "with":
            # the clause is set off by a comma or a dash, or opens the sentence; without one, "with" is a plain
            # preposition and the participle a reduced relative clause ("share codes with callers claiming to be ...")
            g = ctx.gap(k)
            return (k + 1, first - 1) if "," in g or dashed(g) or sentence_initial(ctx, k) else None
    return None


# An honorific that tells a person's gender, and the surname after it.
# (It opens with a literal "M", which the regular-expression engine finds fast; a word boundary before it is checked
# by the caller.)
# An acronym in brackets: "(HRC)", "(ACLU)", "(AT&T)" is too rare to matter.
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
# Words an organisation's name may hold that its acronym skips.
_ACRONYM_SMALL = frozenset(("of", "for", "and", "the", "on", "in", "to", "&"))
_HONORIFIC = re.compile(r"M(r|ister|rs|s|iss)\b\.?\s+(?:[A-Z]\.\s+)*([A-Z][\w'\u2019-]+)")


def span_text(ctx: Ctx, span: tuple[int, int]) -> str:
    d = ctx.doc
    return d.text[d.tok_start[span[0]]:d.tok_end[span[1]]]


COMMON_STARTERS = frozenset("""but and so yet however meanwhile still then now after before when while if as
    in on at for this that these those there here his her their our its it i we they he she you""".split())


# A speaker's name or description is copied into every finding it speaks: bounded, so that a text of one giant "word"
# before a verb and many quotations does not make the output grow with the square of the text. No English word is
# longer than MAX_WORD_CHARS; no name or description of a speaker longer than MAX_SPEAKER_CHARS.
MAX_WORD_CHARS = 40
MAX_SPEAKER_CHARS = 200


_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof"))


def untitled_speaker(name: str, roles: frozenset[str]) -> str:
    """A speaker's name without the titles before it when a first name and a surname remain ("Gov. Mark Dunn",
    "Professor Anna Cole", "Mr. Tom Okafor" -> "Mark Dunn", "Anna Cole", "Tom Okafor"): a speaker is the name,
    and a title with a surname alone ("Mr. Arden", "Sen. Booker") keeps it, as it tells relatives apart."""
    words = name.split(" ")
    k = 0
    while k < len(words) - 2 and words[k][:1].isupper() and (
            (t := words[k].rstrip(".").lower()) in roles or t in TITLE_ABBREVIATIONS or t in _HONORIFICS):
        k += 1
    rest = words[k:]
    if not k or not all(w[:1].isupper() for w in rest) or any(w.rstrip(".").lower() in roles for w in rest):
        return name
    return " ".join(rest)


def bounded_speaker(name: str) -> str:
    """``name`` without anything up to its last overlong word, and at most MAX_SPEAKER_CHARS long (its end kept: a
    name ends a noun phrase); unchanged when it is already short."""
    if len(name) <= MAX_SPEAKER_CHARS:
        return name
    words = name.split()
    last_long = max((i for i, w in enumerate(words) if len(w) > MAX_WORD_CHARS), default=-1)
    out = " ".join(words[last_long + 1:])
    if len(out) > MAX_SPEAKER_CHARS:
        cut = out.find(" ", len(out) - MAX_SPEAKER_CHARS)
        out = out[cut + 1:] if cut >= 0 else out[-MAX_SPEAKER_CHARS:]
    return out


def abbreviation(ctx: Ctx, i: int) -> bool:
    """Is token i a title or an initial whose full stop belongs to a name ("Gov. Deval Patrick", "George W. Bush")?"""
    raw = ctx.raw(i)
    return raw.lower() in NO_BREAK_AFTER or (len(raw) == 1 and raw.isupper())
