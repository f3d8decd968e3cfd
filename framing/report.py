"""Article scoring: run every detector of the registry (:mod:`framing.detectors`) on one article and assemble the
report with its metrics.

Quotation marks are paired when the text is prepared (``framing.text``); the detectors then run in registry order,
and the analyses several of them share (attribution cues, which quotation kinds use; quotation kinds, which
attributions and loaded terms use) are made once, on first use, by the :class:`~framing.detectors.base.Context`.
Aggregation over sources lives elsewhere (``framing.compare``).
"""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from framing import detectors
from framing.config import DEFAULT, Config
from framing.detectors.base import Context
from framing.errors import InputError, TimeBudgetExceeded
from framing.findings import Finding
from framing.lexicons import Lexicons, default_lexicons
from framing.provenance import versions
from framing.text.document import Document, prepare
from framing.text.language import identify

_HTML = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|!--)>")
# HTML character references left in a text (a CMS or CSV export that did not decode them): "&quot;", "&#8220;",
# "&#x201C;", "&rsquo;". A named one counts only when HTML defines the name ("AT&T;" is no reference).
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")


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
    language: str = "und"  # ISO 639-1 code, or "und" (undetermined: analysed as English)

    def of_type(self, t: str) -> list[Finding]:
        return [f for f in self.findings if f.type == t]

    def to_dict(self, *, include_text: bool = False, findings: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "source": self.source}
        d.update(self.meta)
        d["n_words"] = self.n_words
        d["language"] = self.language
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
    return analyse_document(text, id=id, source=source, lexicons=lexicons, config=config, meta=meta,
                            time_budget=time_budget)[0]


def analyse_document(text: str, *, id: str | None = None, source: str | None = None,
                     lexicons: Lexicons | None = None, config: Config | None = None,
                     meta: dict[str, Any] | None = None, time_budget: float | None = None
                     ) -> tuple[ArticleReport, Document]:
    """:func:`analyse`, with the prepared document it read (tokens, sentences): for a caller that reads more from
    the same text (a corpus worker counting actor labels) without preparing it again."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    lex = lexicons or default_lexicons()
    cfg = config or DEFAULT
    check = _budget(time_budget, len(text))
    doc = prepare(text)
    lang = identify(text, cfg)
    check("reading the text")
    warnings = list(_text_warnings(text, cfg)) + list(doc.warnings)
    skip = cfg.english_only and not lang.is_english()
    if not lang.is_english():
        warnings.append(f"the text is in {lang.name} ({lang.code}, probability {lang.probability:.2f}); the lexicons "
                        "and rules are English, so "
                        + ("it has no findings (to analyse it anyway: --any-language on the command line, "
                           "english_only=False in Python)" if skip else "its findings mean little"))

    ctx = Context(doc, lex, cfg)
    for d in detectors.DETECTORS:
        ctx.found[d.type] = [] if skip else d.detect(ctx)
        check(d.step)

    rank = {d.type: d.rank for d in detectors.DETECTORS}
    findings: list[Finding] = [f for found in ctx.found.values() for f in found]
    findings.sort(key=lambda f: (f.start, rank[f.type], f.end))
    n = doc.word_count()
    metrics: dict[str, Any] = {"n_words": n, "n_sentences": len(doc.sentences), "n_paragraphs": len(doc.paragraphs),
                               "per_words": cfg.per_words}
    for d in detectors.DETECTORS:
        if d.summarise is not None:
            metrics[d.metrics_key] = d.summarise(ctx, n)
    return ArticleReport(id, source, text, n, tuple(findings), metrics, versions(lex, cfg), tuple(warnings),
                         dict(meta or {}), lang.code), doc


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
        if _SURROGATE.search(text):
            out.append("the text contains lone surrogate code points (invalid Unicode); they are kept as they are")
        if "\ufffd" in text:
            out.append("the text contains U+FFFD replacement characters (where the input had bytes that were not valid UTF-8, or invalid Unicode)")
    ctrl = len(_CONTROL.findall(sample))
    if ctrl > 10:
        out.append(f"the text contains {ctrl} control characters; it may be binary data rather than text")
    if "<" in sample and len(_HTML.findall(sample)) >= 3:
        out.append("the text contains HTML markup; tags are analysed as plain text (strip markup before analysis)")
    if "&" in sample:
        from html.entities import html5

        refs = sum(1 for m in _CHAR_REF.finditer(sample) if m.group(1) is None or m.group(1) + ";" in html5)
        if refs:
            where = f" in its first {len(sample):,} characters" if len(text) > len(sample) else ""
            out.append(f"the text contains {refs} HTML character reference(s) such as &quot; or &#8220;{where}; they are "
                       "read as written, so a quotation mark written this way is not seen as one (decode them before "
                       "analysis: html.unescape in Python)")
    return out
