"""What every step of the quotation classifier shares about one document: the text, the attributions indexed by
sentence and by content, paragraph starts, the article's speech mark and the words that are names."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from framing.config import Config
from framing.detect.attributions import Attr
from framing.text.document import Document
from framing.text.quotemarks import QuoteSpan
from framing.text.truecase import name_words

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u2033'


# What may stand between a cue and the quotation it introduces: an addressee or a time, then "," or ":"
# ("chanted,", "told reporters:", "said on Tuesday:"), never the writer's own words ("said the plan was").
_INTRO = re.compile(r"\s*[,:\u2014\u2015-]?\s*|(?:\s+(?:on|in|at|to|last|this|[A-Z][\w.'\u2019-]*|reporters|journalists|"
                    r"him|her|them|us|me|\w+day|morning|afternoon|evening|night|week|month|year)){1,4}\s*[,:\u2014\u2015]\s*")


@dataclass
class QuoteContext:
    doc: Document
    attrs: list[Attr]
    cfg: Config
    speech_nouns: frozenset[str]  # what someone says or writes ("comments", "claim", "statement")
    utterances: frozenset[str]  # of those, what someone says ("comments", "claim"), not documents
    heads: frozenset[str]  # nouns that head a source noun phrase ("statement", "commission", "senator")
    by_sentence: dict[int, list[Attr]] = field(init=False)
    by_content: list[Attr] = field(init=False)  # attributions with a content span, by where the content starts
    content_starts: list[int] = field(init=False)
    para_starts: list[int] = field(init=False)
    _headline_paras: dict[int, bool] = field(init=False, default_factory=dict)
    _quote_starts: list[int] = field(init=False)
    _introduced: set[int] = field(init=False)
    _quote_max_end: list[int] = field(init=False)
    _names: frozenset[str] | None = field(init=False)
    _speech_family: str | None = field(init=False)  # "" until computed
    # the content spans of speech said not to have happened ("did not say whether ..."): no words in them are given to
    # the sentence's subject
    # (sorted by start, with the greatest end so far: a quotation is inside one if the greatest end among those that
    # start before it reaches its end; one bisection a quotation)
    negated_starts: list[int] = field(init=False, default_factory=list)
    negated_max_end: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.by_sentence = {}
        for a in self.attrs:
            self.by_sentence.setdefault(a.sentence, []).append(a)
        self.by_content = sorted((a for a in self.attrs if a.content),
                                 key=lambda a: (a.content[0], a.cue_first))  # type: ignore[index]
        self.content_starts = [a.content[0] for a in self.by_content]  # type: ignore[index]
        self.para_starts = [p.start for p in self.doc.paragraphs]
        self._introduced = {a.quote.start for a in self.attrs
                            if a.quote is not None and self.doc.tok_end[a.cue_last] < a.quote.start
                            and _INTRO.fullmatch(self.text, self.doc.tok_end[a.cue_last], a.quote.start - 1)}
        self._quote_starts = [q.start for q in self.doc.quotes]
        self._quote_max_end = list(accumulate((q.end for q in self.doc.quotes), max))
        self._names = None
        self._speech_family = ""

    @property
    def text(self) -> str:
        return self.doc.text

    def set_negated(self, spans: list[tuple[int, int]]) -> None:
        """The content spans of speech said not to have happened ("did not say whether ...")."""
        spans = sorted(spans)
        self.negated_starts = [s for s, _ in spans]
        self.negated_max_end = list(accumulate((e for _, e in spans), max))

    def in_negated(self, q: QuoteSpan) -> bool:
        """Is the quotation inside the content of speech said not to have happened ("did not say whether the plan
        was 'dead'")? Its words are not the sentence's subject's."""
        k = bisect_right(self.negated_starts, q.start)
        return k > 0 and self.negated_max_end[k - 1] >= q.end

    # names and speech_family are computed once, on first use: plain properties over fields rather than
    # functools.cached_property, which code compiled with mypyc would call on every access
    @property
    def names(self) -> frozenset[str]:
        """Folded words this text writes as names (see :mod:`framing.text.truecase`)."""
        if self._names is None:
            self._names = name_words(self.doc)
        return self._names

    @property
    def speech_family(self) -> str | None:
        """The mark family ('d' double / 's' single) the article uses for long quotations of speech."""
        if self._speech_family == "":
            self._speech_family = self._count_speech_family()
        return self._speech_family

    def _count_speech_family(self) -> str | None:
        counts = {"d": 0, "s": 0}
        for q in self.doc.quotes:
            if q.depth == 0 and _has_words(self.text[q.start:q.end], 6):
                counts[family(q, self.text)] += 1
        if counts["d"] == counts["s"]:
            return None
        return "d" if counts["d"] > counts["s"] else "s"

    def introduced(self, q: QuoteSpan) -> bool:
        """Does a reporting cue introduce the quotation, with only adjuncts between ("chanted, '...'", "said: '...'")?"""
        return q.start in self._introduced

    def in_quote(self, offset: int) -> bool:
        """Is ``offset`` inside some quotation? (Quotations are sorted by start and nest or follow each other.)"""
        k = bisect_right(self._quote_starts, offset)
        return k > 0 and self._quote_max_end[k - 1] > offset

    def para_index(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def in_headline(self, q: QuoteSpan) -> bool:
        """Is the quotation in the first line of the text, or a line without a full stop (a headline or caption)?"""
        doc = self.doc
        k = self.para_index(q.start)
        if k < 0 or q.start >= doc.paragraphs[k].end:
            return False
        hit = self._headline_paras.get(k)
        if hit is None:
            p = doc.paragraphs[k]
            line = doc.text[p.start:p.end]
            # no full stop at the end: a headline, a caption, a related link; and the first line of a longer text,
            # when it is short, is the headline even with a full stop
            hit = line.rstrip().rstrip("\"'\u201d\u2019)")[-1:] not in (".", "!", "?") or (
                k == 0 and len(doc.paragraphs) > 1 and len(line.split()) <= 20)
            self._headline_paras[k] = hit
        return hit

    def cue_text(self, a: Attr) -> str:
        return self.text[self.doc.tok_start[a.cue_first]:self.doc.tok_end[a.cue_last]]


def _has_words(text: str, n: int) -> bool:
    """``len(WORD.findall(text)) >= n``, reading only up to the n-th word."""
    k = 0
    for _ in WORD.finditer(text):
        k += 1
        if k >= n:
            return True
    return False


def family(q: QuoteSpan, text: str) -> str:
    """'d' for a double mark (or a doubled single, NYT-style ''...''), 's' for a single one."""
    if q.open_mark in DOUBLE_MARKS:
        return "d"
    if q.start >= 2 and text[q.start - 2] in "'\u2018\u2019`":
        return "d"
    return "s"
