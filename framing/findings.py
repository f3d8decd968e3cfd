"""Findings: frozen records of what a detector found, with character offsets into the original text.

Every finding has ``start``/``end`` (Python string offsets, end exclusive) such that
``original_text[start:end] == finding.text``, a ``type`` and a one-sentence ``explanation``.
``to_dict()`` gives the JSON output contract (see README, "Output").
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Literal

Voice = Literal["author", "quoted"]
QuoteKind = Literal["direct", "partial", "scare", "title", "name", "mention", "other"]
Stance = Literal["neutral", "endorsing", "distancing", "discrediting"]
SourceType = Literal["named_person", "named_org", "title_only", "anonymous", "pronoun", "media", "none"]
Role = Literal["government", "politician", "law_enforcement", "expert", "advocacy", "business", "citizen", "media",
               "anonymous", "document", "unknown"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "scare", "title", "name", "mention", "other")
STANCES: tuple[str, ...] = ("neutral", "endorsing", "distancing", "discrediting")
SOURCE_TYPES: tuple[str, ...] = ("named_person", "named_org", "title_only", "anonymous", "pronoun", "media", "none")
ROLES: tuple[str, ...] = ("government", "politician", "law_enforcement", "expert", "advocacy", "business", "citizen",
                          "media", "anonymous", "document", "unknown")
# Quotations of someone else's words (a loaded word inside one is in the quoted voice): every kind but scare quotes.
QUOTED_KINDS = frozenset(("direct", "partial", "title", "name", "mention", "other"))
NAMING_KINDS = frozenset(("title", "name"))  # the title of a work or a name: nobody's wording
SPEECH_KINDS = ("direct", "partial")  # what a speaker said, word for word


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A lexicon term found in the text."""

    start: int
    end: int
    text: str
    term: str  # the lexicon entry (its base form)
    category: str
    weight: float
    neutral: str | None  # a neutral alternative, when the lexicon gives one
    voice: Voice  # "quoted" when inside a direct, partial or nested quotation
    lexicon: str  # name of the lexicon the entry came from
    explanation: str
    type: Literal["loaded_term"] = "loaded_term"

    # An explicit __init__ (the dataclass keeps it), in every finding class: this module is compiled with mypyc
    # (framing/_native.py), which runs it natively where the dataclass's generated one ran as interpreted Python; the
    # same parameters, still frozen (see framing.text.segment.Span). __reduce__ pickles a finding by its fields (a
    # compiled class has no default one).
    def __init__(self, start: int, end: int, text: str, term: str, category: str, weight: float, neutral: str | None,
                 voice: Voice, lexicon: str, explanation: str, type: Literal["loaded_term"] = "loaded_term") -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "term", term)
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "weight", weight)
        object.__setattr__(self, "neutral", neutral)
        object.__setattr__(self, "voice", voice)
        object.__setattr__(self, "lexicon", lexicon)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "type", type)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        return finding_dict(self)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span; ``start``/``end`` cover the content without the quotation marks."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    cue: str | None
    open_mark: str
    close_mark: str
    depth: int  # 0 for an outermost quotation, 1 for a quote inside a quote, ...
    multi_paragraph: bool
    reason: str  # why the classifier chose the kind (also the core of the explanation)
    explanation: str
    type: Literal["quote"] = "quote"
    # the speaker's role (framing.detect.roles; direct and partial quotations with a speaker), the party when the
    # article states it, and why, in plain words
    role: Role | None = None
    party: str | None = None
    role_reason: str | None = None

    def __init__(self, start: int, end: int, text: str, kind: QuoteKind, speaker: str | None, cue: str | None,
                 open_mark: str, close_mark: str, depth: int, multi_paragraph: bool, reason: str, explanation: str,
                 type: Literal["quote"] = "quote", role: Role | None = None, party: str | None = None,
                 role_reason: str | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "open_mark", open_mark)
        object.__setattr__(self, "close_mark", close_mark)
        object.__setattr__(self, "depth", depth)
        object.__setattr__(self, "multi_paragraph", multi_paragraph)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "party", party)
        object.__setattr__(self, "role_reason", role_reason)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        return finding_dict(self)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting event: who said (or wrote, or is reported to have said) what, with which cue.

    ``start``/``end`` are the cue's span (e.g. "said", "according to", "quoted ... as saying").
    """

    start: int
    end: int
    text: str
    cue_lemma: str
    stance: Stance
    source: str | None
    source_start: int | None
    source_end: int | None
    source_type: SourceType
    content_start: int | None
    content_end: int | None
    via: str | None  # the relaying medium of a second-hand chain ("al-Mayadeen TV channel")
    direct: bool  # True when the content is a direct quotation
    explanation: str
    type: Literal["attribution"] = "attribution"
    # who the source is taken to be: the fullest name for a surname, a pronoun or a title resolved to the
    # named speaker it refers to, else the source text
    speaker: str | None = None
    # the source's role (framing.detect.roles), the party when the article states it, and why, in plain words
    role: Role | None = None
    party: str | None = None
    role_reason: str | None = None
    # the sentence says the speech did not happen ("did not say", "refused to say", "has not commented"): the
    # reporting event is kept (PolNeAR annotates it), but no words are the source's
    negated: bool = False

    def __init__(self, start: int, end: int, text: str, cue_lemma: str, stance: Stance, source: str | None,
                 source_start: int | None, source_end: int | None, source_type: SourceType,
                 content_start: int | None, content_end: int | None, via: str | None, direct: bool, explanation: str,
                 type: Literal["attribution"] = "attribution", speaker: str | None = None, role: Role | None = None,
                 party: str | None = None, role_reason: str | None = None, negated: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "cue_lemma", cue_lemma)
        object.__setattr__(self, "stance", stance)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "source_start", source_start)
        object.__setattr__(self, "source_end", source_end)
        object.__setattr__(self, "source_type", source_type)
        object.__setattr__(self, "content_start", content_start)
        object.__setattr__(self, "content_end", content_end)
        object.__setattr__(self, "via", via)
        object.__setattr__(self, "direct", direct)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "party", party)
        object.__setattr__(self, "role_reason", role_reason)
        object.__setattr__(self, "negated", negated)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        return finding_dict(self)


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """TextBlob (pattern) polarity and subjectivity of one sentence."""

    start: int
    end: int
    text: str
    polarity: float
    subjectivity: float
    explanation: str
    type: Literal["sentiment"] = "sentiment"

    def __init__(self, start: int, end: int, text: str, polarity: float, subjectivity: float, explanation: str,
                 type: Literal["sentiment"] = "sentiment") -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "polarity", polarity)
        object.__setattr__(self, "subjectivity", subjectivity)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "type", type)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        return finding_dict(self)


Finding = LoadedTerm | Quote | Attribution | SentenceSentiment


_HEAD = ("type", "start", "end", "text", "explanation")


def finding_dict(finding: Any) -> dict[str, Any]:
    """The contract's field order: type, start, end, text, explanation, then the type's own fields.

    Every field is a str, int, float, bool or None, so a shallow copy is the whole dict (``dataclasses.asdict``
    would deep-copy each value for nothing). The names and a getter of each finding class are made once.
    """
    spec = _ORDER.get(type(finding))
    if spec is None:
        names = _HEAD + tuple(f.name for f in fields(finding) if f.name not in _HEAD)
        spec = _ORDER[type(finding)] = (names, attrgetter(*names))
    return dict(zip(spec[0], spec[1](finding)))


_ORDER: dict[type, tuple[tuple[str, ...], attrgetter[Any]]] = {}


def _reduce(finding: Any) -> tuple[Any, tuple[Any, ...]]:
    """How pickle and copy rebuild a finding: its class called with its fields in order (the __init__ parameters)."""
    return type(finding), tuple(getattr(finding, f.name) for f in fields(finding))
