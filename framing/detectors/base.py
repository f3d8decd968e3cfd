"""What a detector declares, in one place, so that everything downstream of it follows from the declaration.

A :class:`Detector` names its finding type and class, the step that finds them, its columns in the findings
table (with their SQL types and the SQL of its explanation), its section of an article report's metrics, its
columns in the articles table, the comparison metrics built on those columns, and the highlight layers that show
its findings. :mod:`framing.detectors` lists the detectors; the article report, the tables, the corpus store, the
comparison metrics, the highlighter and the terminal view all read that list. ``docs/extending.md`` is the guide.

This module is low in the package: it imports the engine's text and detection modules, and nothing that reads
the registry (report, tables, store, comparisons, highlighting) imports it back through here.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from framing.config import Config
from framing.lexicons import Lexicons
from framing.text.document import Document

Family = str  # a metric family: "loaded", "quotes", "stance", ...
ONE = "__one__"  # a comparison denominator: a column of ones (articles)


@dataclass(frozen=True, slots=True)
class Metric:
    """A comparison metric: ``value = scale * sum(numerator columns) / sum(denominator column)`` over a group's
    articles (see :mod:`framing.compare.metrics`)."""

    name: str
    label: str  # what is measured, for titles and tables
    family: Family
    numerator: tuple[str, ...]  # articles-table columns summed
    denominator: str  # articles-table column summed (ONE = articles)
    scale: float
    unit: str  # "per 1,000 words", "share of attributions", ...
    key: str = ""  # the category, quotation kind, stance or source type
    voice: str = "all"  # loaded terms: all, author or quoted
    min_denominator: str = "words"  # which low-n rule applies: words, attributions, quotations or articles


@dataclass(frozen=True, slots=True)
class MetricFamily:
    """A group of comparison metrics, as the dashboard offers it: a label and the metric shown first."""

    name: str
    label: str
    headline: str


@dataclass(frozen=True, slots=True)
class Layer:
    """How the highlighter shows one kind of mark: one visual channel, a colour per key.

    ``style`` and ``swatch`` are CSS with ``{colour}``; when several marks of the layer cover a stretch, ``pick``
    says whose colour wins (the first listed, or the innermost, i.e. shortest, span).
    """

    name: str  # a CSS class token: [a-z0-9_-]
    title: str  # the layer's name in the layer picker ("Quotations")
    legend: str  # the legend's row title ("Quotations (background)")
    style: str
    swatch: str
    colours: Mapping[str, str] = field(default_factory=dict)  # key -> colour, in legend order
    default_colour: str = "#555555"
    pick: Literal["first", "innermost"] = "first"
    summary: str | None = None  # one swatch for the whole layer, with this label, instead of one per key


@dataclass(frozen=True, slots=True)
class MarkSpec:
    """A span a finding asks the highlighter to mark (offsets may be missing: the highlighter checks them)."""

    start: Any
    end: Any
    layer: str
    key: str
    label: str
    explanation: str


class Context:
    """One article on its way through the detectors: the prepared text, the lexicons and config, the findings of
    the detectors that ran before, and the intermediate analyses some detectors share, each made once on first
    use (the attribution cues, which quotation kinds need; the quotation kinds, which attributions and loaded terms
    need)."""

    def __init__(self, doc: Document, lexicons: Lexicons, config: Config) -> None:
        self.doc = doc
        self.lexicons = lexicons
        self.config = config
        self.found: dict[str, list[Any]] = {}  # finding type -> its findings
        self.notes: dict[str, Any] = {}  # what a detector keeps for its own metrics (e.g. the article sentiment)
        self._attrs: list[Any] | None = None
        self._calls: list[Any] | None = None
        self._roles: tuple[list[Any], list[Any]] | None = None

    def attributions(self) -> list[Any]:
        """The attribution working records (:class:`framing.detect.attributions.Attr`)."""
        if self._attrs is None:
            from framing.detect import attributions

            self._attrs = attributions.detect(self.doc, self.lexicons.reporting_verbs, self.lexicons.source_terms,
                                              self.config)
        return self._attrs

    def quotations(self) -> list[Any]:
        """The kind, speaker and cue of every quotation (:class:`framing.detect.quotes.QuoteCall`)."""
        if self._calls is None:
            from framing.detect import quotes

            self._calls = quotes.classify(self.doc, self.attributions(), self.config, self.lexicons.source_terms)
        return self._calls

    def roles(self) -> tuple[list[Any], list[Any]]:
        """The speaker role of every attribution and of every quotation (:class:`framing.detect.roles.RoleCall`, None
        for a quotation that is not speech with a speaker), in the orders of :meth:`attributions` and
        :meth:`quotations`."""
        if self._roles is None:
            from framing.detect import roles

            self._roles = roles.assign(self.doc, self.attributions(), self.quotations(), self.lexicons.roles,
                                       self.lexicons.source_terms)
        return self._roles


@dataclass(frozen=True)
class Detector:
    """Everything the package needs to know about one kind of finding. See ``docs/extending.md``."""

    type: str  # the findings' ``type`` field
    finding: builtins.type  # its frozen dataclass (framing.findings)
    step: str  # what the time budget names when it stops after this detector ("loaded terms")
    detect: Callable[[Context], list[Any]]
    # findings that start at the same offset are listed by this rank (a quotation before the cue inside it, before
    # a loaded word the cue also is)
    rank: int
    # its own columns in the findings table, (name, SQL type), in order; () = its findings are not stored
    columns: tuple[tuple[str, str], ...] = ()
    explanation_sql: Callable[[], str] | None = None  # DuckDB expression over those columns (the store's explanation)
    metrics_key: str = ""  # its section of an article report's ``metrics``
    summarise: Callable[[Context, int], dict[str, Any]] | None = None  # that section (the int: the article's words)
    count_columns: Callable[[], list[tuple[str, str]]] = lambda: []  # its columns of the articles table
    row: Callable[[dict[str, Any]], dict[str, Any]] = lambda section: {}  # those columns from its section
    families: tuple[MetricFamily, ...] = ()
    metrics: Callable[[int], list[Metric]] = lambda per_words: []  # comparison metrics for a per-N-words rate
    layers: tuple[Layer, ...] = ()
    marks: Callable[[dict[str, Any]], Iterable[MarkSpec]] = lambda finding: ()  # from a finding dict
    describe: Callable[[dict[str, Any]], str] | None = None  # one short line for a findings list
    heading: str = ""  # the terminal view's heading for its findings
    line: Callable[[dict[str, Any]], str] | None = None  # one finding in the terminal view (after its offsets)


def rate(count: float, n_words: int, per_words: int) -> float:
    """A count per ``per_words`` words, as every report section rounds it."""
    return round(count * per_words / n_words, 4) if n_words else 0.0


def clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"
