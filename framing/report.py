"""Article scoring: run every detector on one article and assemble the report with its metrics.

This is the only module that knows the order of the detectors: quotation marks are paired first (in
``framing.text``), attributions are found next, quotation kinds use the attributions, and loaded terms use the
quotations for their voice. Aggregation over sources lives elsewhere (``framing.compare``).
"""

from __future__ import annotations

import re
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from framing import explanations
from framing.config import DEFAULT, Config
from framing.detect import attributions as attr_mod
from framing.detect import loaded_terms, quotes, sentiment
from framing.errors import InputError, TimeBudgetExceeded
from framing.findings import (
    QUOTE_KINDS,
    SOURCE_TYPES,
    STANCES,
    Attribution,
    Finding,
    LoadedTerm,
    Quote,
)
from framing.lexicons import CATEGORIES, Lexicons, default_lexicons
from framing.provenance import versions
from framing.text.document import Document, prepare

_TYPE_ORDER = {"quote": 0, "attribution": 1, "loaded_term": 2, "sentiment": 3}
QUOTED_KINDS = frozenset(("direct", "partial", "title", "name", "mention", "other"))
NAMING_KINDS = frozenset(("title", "name"))
_SPEECH_KINDS = ("direct", "partial")
_HTML = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|!--)>")


@dataclass(frozen=True)
class ArticleReport:
    id: str | None
    source: str | None
    text: str
    n_words: int
    findings: tuple[Finding, ...]
    metrics: dict[str, Any]
    versions: dict[str, Any]
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)  # title, date, url and any other input fields

    def of_type(self, t: str) -> list[Finding]:
        return [f for f in self.findings if f.type == t]

    def to_dict(self, *, include_text: bool = False, findings: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "source": self.source}
        d.update(self.meta)
        d["n_words"] = self.n_words
        if findings:
            d["findings"] = [f.to_dict() for f in self.findings]
        d["metrics"] = self.metrics
        d["versions"] = self.versions
        d["warnings"] = list(self.warnings)
        if include_text:
            d["text"] = self.text
        return d


def analyse(text: str, *, id: str | None = None, source: str | None = None, lexicons: Lexicons | None = None,
            config: Config | None = None, meta: dict[str, Any] | None = None,
            time_budget: float | None = None) -> ArticleReport:
    """Analyse one article. Any string is accepted; problems the engine can live with become ``warnings``.

    ``time_budget``: seconds the analysis may take; checked between the engine's steps (each linear in the text),
    it raises :class:`~framing.errors.TimeBudgetExceeded` at the first check past the budget.

    >>> r = analyse('The so-called "experts" slammed the plan, officials said.')
    >>> sorted({f.type for f in r.findings})
    ['attribution', 'loaded_term', 'quote', 'sentiment']
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    lex = lexicons or default_lexicons()
    cfg = config or DEFAULT
    check = _budget(time_budget, len(text))
    doc = prepare(text)
    check("reading the text")
    warnings = list(_text_warnings(text, cfg)) + list(doc.warnings)

    attrs = attr_mod.detect(doc, lex.reporting_verbs, lex.source_terms, cfg)
    check("attributions")
    calls = quotes.classify(doc, attrs, cfg, lex.source_terms)
    check("quotations")
    quote_findings = [_quote_finding(doc, c) for c in calls]
    kind_at = {c.span.start: c.kind for c in calls}
    attr_findings = [_attr_finding(doc, a, kind_at) for a in attrs]
    quoted_spans = sorted((c.span.start, c.span.end) for c in calls if c.kind in QUOTED_KINDS)
    # a loaded word that is part of the title of a work or a name ("Parasite", "Bombshell") is nobody's wording
    named_spans = sorted((c.span.start, c.span.end) for c in calls if c.kind in NAMING_KINDS)
    terms = loaded_terms.detect(doc, lex.loaded_terms, quoted_spans, named_spans)
    check("loaded terms")
    sent_findings, art_sent = sentiment.detect(doc, per_sentence=cfg.sentence_sentiment)
    check("sentiment")

    findings: list[Finding] = [*quote_findings, *attr_findings, *terms, *sent_findings]
    findings.sort(key=lambda f: (f.start, _TYPE_ORDER[f.type], f.end))
    metrics = _metrics(doc, terms, quote_findings, attr_findings, art_sent, calls, cfg)
    return ArticleReport(id, source, text, doc.word_count(), tuple(findings), metrics, versions(lex, cfg),
                         tuple(warnings), dict(meta or {}))


def failure_reason(exc: Exception) -> str:
    """Why the analysis of one record failed, as a record error says it everywhere (``framing analyse``, corpus
    runs, uploads): the time budget's own message, or the engine's exception with where it was raised."""
    if isinstance(exc, TimeBudgetExceeded):
        return str(exc)
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" (at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
    return f"the analysis failed: {type(exc).__name__}: {exc}{where}"


# The clock of time budgets (a name of its own so that tests can drive it).
_clock = time.monotonic


def _budget(seconds: float | None, n_chars: int) -> Callable[[str], None]:
    """A check to call after each step: raises TimeBudgetExceeded once ``seconds`` have passed since now."""
    if seconds is None:
        return lambda step: None
    deadline = _clock() + seconds

    def check(step: str) -> None:
        if _clock() >= deadline:
            raise TimeBudgetExceeded(f"the analysis took longer than its time budget of {seconds:g} s (stopped after "
                                     f"{step}; the text has {n_chars:,} characters)")
    return check


_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_warnings(text: str, cfg: Config) -> list[str]:
    out = []
    if not text.strip():
        out.append("empty text: nothing to analyse")
        return out
    if len(text) > cfg.long_article_chars:
        out.append(f"very long text ({len(text):,} characters): probably several articles or page furniture")
    sample = text[:20000]
    if not sample.isascii():
        foreign = len(_NON_ASCII_LETTER.findall(sample))
        if foreign and foreign / max(1, len(_LETTER.findall(sample))) > 1 - cfg.min_ascii_letter_share:
            out.append("the text does not look like English; the lexicons and rules are English, so expect few "
                       "findings")
        if _SURROGATE.search(text):
            out.append("the text contains lone surrogate code points (invalid Unicode); they are kept as they are")
        if "\ufffd" in text:
            out.append("the text contains U+FFFD replacement characters (where the input had bytes that were not valid UTF-8, or invalid Unicode)")
    ctrl = len(_CONTROL.findall(sample))
    if ctrl > 10:
        out.append(f"the text contains {ctrl} control characters; it may be binary data rather than text")
    if "<" in sample and len(_HTML.findall(sample)) >= 3:
        out.append("the text contains HTML markup; tags are analysed as plain text (strip markup before analysis)")
    return out


def _quote_finding(doc: Document, c: quotes.QuoteCall) -> Quote:
    q = c.span
    return Quote(q.start, q.end, doc.original[q.start:q.end], c.kind, c.speaker, c.cue,  # type: ignore[arg-type]
                 q.open_mark, q.close_mark, q.depth, q.multi_paragraph, c.reason,
                 explanations.quote(c.kind, c.reason, c.speaker, c.cue))


def _attr_finding(doc: Document, a: attr_mod.Attr, kind_at: dict[int, str]) -> Attribution:
    s, e = doc.tok_start[a.cue_first], doc.tok_end[a.cue_last]
    cue = doc.original[s:e]
    src = src_s = src_e = None
    if a.source is not None:
        src_s, src_e = doc.tok_start[a.source[0]], doc.tok_end[a.source[1]]
        src = doc.original[src_s:src_e]
    direct = a.quote is not None and kind_at.get(a.quote.start) == "direct"
    expl = explanations.attribution(cue, a.lemma, a.stance, a.source_type, src, a.speaker, a.via, direct)
    return Attribution(s, e, cue, a.lemma, a.stance, src, src_s, src_e, a.source_type,  # type: ignore[arg-type]
                       a.content[0] if a.content else None, a.content[1] if a.content else None,
                       a.via, direct, expl, speaker=a.speaker)


def _metrics(doc: Document, terms: list[LoadedTerm], qf: list[Quote], af: list[Attribution],
             art: sentiment.ArticleSentiment, calls: list[quotes.QuoteCall], cfg: Config) -> dict[str, Any]:
    n = doc.word_count()
    per = cfg.per_words

    def rate(k: float) -> float:
        return round(k * per / n, 4) if n else 0.0

    cats = CATEGORIES["loaded_terms"]
    by_cat = Counter(t.category for t in terms)
    by_cat_author = Counter(t.category for t in terms if t.voice == "author")
    by_cat_quoted = Counter(t.category for t in terms if t.voice == "quoted")
    kinds: Counter[str] = Counter(q.kind for q in qf)
    stances: Counter[str] = Counter(a.stance for a in af)
    stypes: Counter[str] = Counter(a.source_type for a in af)
    n_attr = len(af)
    named = stypes["named_person"] + stypes["named_org"]
    anonymous = stypes["anonymous"]
    second = sum(1 for a in af if a.via)
    quoted_words = _quoted_words(doc, calls)
    return {
        "n_words": n,
        "n_sentences": len(doc.sentences),
        "n_paragraphs": len(doc.paragraphs),
        "per_words": per,
        "loaded_terms": {
            "count": len(terms),
            "rate": rate(len(terms)),
            "author_count": sum(by_cat_author.values()),
            "author_rate": rate(sum(by_cat_author.values())),
            "quoted_count": sum(by_cat_quoted.values()),
            "quoted_rate": rate(sum(by_cat_quoted.values())),
            "weighted_rate": rate(sum(t.weight for t in terms)),
            "by_category": {c: {"count": by_cat[c], "rate": rate(by_cat[c]),
                                "author": by_cat_author[c], "quoted": by_cat_quoted[c]} for c in cats},
        },
        "quotes": {
            "count": len(qf),
            "by_kind": {k: kinds[k] for k in QUOTE_KINDS},
            "scare_rate": rate(kinds["scare"]),
            "quoted_words": quoted_words,
            "quoted_word_share": round(quoted_words / n, 4) if n else 0.0,
        },
        "attributions": {
            "count": n_attr,
            "rate": rate(n_attr),
            "by_stance": {s: stances[s] for s in STANCES},
            "by_source_type": {t: stypes[t] for t in SOURCE_TYPES},
            "named": named,
            "anonymous": anonymous,
            "second_hand": second,
            "anonymous_share": round(anonymous / n_attr, 4) if n_attr else None,
            "second_hand_share": round(second / n_attr, 4) if n_attr else None,
            "direct": sum(1 for a in af if a.direct),
        },
        "sentiment": {"polarity": art.polarity, "subjectivity": art.subjectivity, "n_assessed": art.n_assessed},
    }


def _quoted_words(doc: Document, calls: list[quotes.QuoteCall]) -> int:
    """Words inside direct or partial quotations (outermost spans, so nested quotes are not counted twice)."""
    spans = sorted((c.span.start, c.span.end) for c in calls if c.kind in _SPEECH_KINDS)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return sum(len(doc.tokens_in(s, e)) for s, e in merged)
