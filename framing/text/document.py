"""The segments layer: one article's text prepared once for every detector.

``prepare(text)`` normalises the text for matching, finds word tokens, paragraphs, sentences and quotation pairs.
All offsets point into the original text. Hard-wrapped text is read through a same-length layout whose line breaks
inside paragraphs are spaces (:mod:`framing.text.layout`); findings take their text from the original.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from framing.text.layout import unwrap
from framing.text.normalize import NormalizedText, normalize
from framing.text.quotemarks import QuoteSpan, pair_quotes
from framing.text.segment import Span, paragraphs, sentences, tokens
from framing.text.truecase import compute_case_profile, compute_cased_forms, is_upper


class _Memo:
    """A document's values computed on first use (a mutable holder inside the frozen :class:`Document`)."""

    def __init__(self) -> None:
        self.first_chars: list[str] | None = None
        self.capital_tokens: list[int] | None = None
        self.case_profile: tuple[frozenset[str], frozenset[str]] | None = None
        self.para_starts: list[int] | None = None
        self.cased_forms: dict[str, str] | None = None


@dataclass(frozen=True)
class Document:
    text: str  # the layout the detectors read: the input, with line breaks inside hard-wrapped paragraphs as spaces
    original: str  # the input as given; findings report their text from it (same length, same offsets)
    norm: NormalizedText
    # word tokens: parallel tuples of original start, original end and folded form
    tok_start: tuple[int, ...]
    tok_end: tuple[int, ...]
    words: tuple[str, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotes: tuple[QuoteSpan, ...]
    warnings: tuple[str, ...]
    sent_starts: tuple[int, ...]

    # Computed on first use and kept (see _Memo): plain properties, not functools.cached_property, because code
    # compiled with mypyc calls a cached_property's function on every access instead of reading its cache. They are
    # plain loops rather than map() over builtins: compiled, a loop runs natively, where map() calls each builtin
    # through Python's generic call.
    _memo: _Memo = field(default_factory=_Memo, init=False, repr=False, compare=False)

    @property
    def first_chars(self) -> list[str]:
        """The first character of every token, in the layout text (computed once)."""
        m = self._memo
        if m.first_chars is None:
            text = self.text
            m.first_chars = [text[i] for i in self.tok_start]
        return m.first_chars

    @property
    def capital_tokens(self) -> list[int]:
        """Indices of the tokens whose first character is upper case (computed once)."""
        m = self._memo
        if m.capital_tokens is None:
            m.capital_tokens = [i for i, c in enumerate(self.first_chars) if is_upper(c)]
        return m.capital_tokens

    @property
    def case_profile(self) -> tuple[frozenset[str], frozenset[str]]:
        """Words written capitalised mid-sentence, and words written in lower case (:mod:`framing.text.truecase`)."""
        m = self._memo
        if m.case_profile is None:
            m.case_profile = compute_case_profile(self)
        return m.case_profile

    @property
    def cased_forms(self) -> dict[str, str]:
        """Folded word -> its first capitalised form in the text that is not in capitals throughout (computed
        once; :func:`framing.text.truecase.name_case`)."""
        m = self._memo
        if m.cased_forms is None:
            m.cased_forms = compute_cased_forms(self)
        return m.cased_forms

    @property
    def folded(self) -> str:
        return self.norm.norm

    @property
    def para_starts(self) -> list[int]:
        m = self._memo
        if m.para_starts is None:
            m.para_starts = [p.start for p in self.paragraphs]
        return m.para_starts

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or last starting before) ``offset``; -1 before the first."""
        return bisect_right(self.para_starts, offset) - 1

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``; -1 before the first."""
        return _bisect_right(self.sent_starts, offset) - 1

    def token_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return _bisect_right(self.tok_start, offset - 1)

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens lying inside [start, end)."""
        i = _bisect_right(self.tok_start, start - 1)
        j = _bisect_right(self.tok_start, end - 1)
        while j > i and self.tok_end[j - 1] > end:
            j -= 1
        return range(i, j)

    def word_count(self) -> int:
        return len(self.words)


def _bisect_right(a: tuple[int, ...], x: int) -> int:
    """``bisect.bisect_right(a, x)``, the same steps written out: compiled, a native loop over the tuple, where a call
    of the bisect module's function went through Python's generic call and compared boxed ints."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def prepare(text: str) -> Document:
    """Prepare ``text`` for the detectors. Total: any ``str`` is accepted."""
    original = text
    layout = unwrap(text)
    text = layout if layout is not None else text
    norm = normalize(text)
    starts, ends, words = tokens(norm)
    paras = paragraphs(text)
    sents = sentences(text, paras)
    quotes, warnings = pair_quotes(text)
    if layout is not None:
        warnings.insert(0, "hard-wrapped text: line breaks inside paragraphs were read as spaces (a paragraph ends "
                           "at a blank line, before an indented line, or after a short line that ends a sentence)")
    return Document(
        text=text,
        original=original,
        norm=norm,
        tok_start=tuple(starts),
        tok_end=tuple(ends),
        words=tuple(words),
        paragraphs=tuple(paras),
        sentences=tuple(sents),
        quotes=tuple(quotes),
        warnings=tuple(warnings),
        sent_starts=tuple(s.start for s in sents),
    )
