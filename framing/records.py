"""What every input path yields, one per input item: a :class:`Record` (one article to analyse) or a
:class:`RecordError` (one item that cannot be analysed, with where it is and what is wrong); and how the errors are
counted by the kind of their reason for a command's summary (:class:`ReasonCounts`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    source: str | None
    origin: str  # "file:line" for messages
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordError:
    origin: str
    reason: str
    id: str | None = None

    def message(self) -> str:
        return f"{self.origin}: {self.reason}"


# How the analysis' warning about U+FFFD characters begins (framing.report._text_warnings: not imported, so that the
# engine's hash, which decides when stored articles are stale, does not cover this module); an input's reader that
# replaced bad bytes has said so already, with the file and line. tests/test_cli.py checks that the two agree.
REPLACEMENT_WARNING = "the text contains U+FFFD replacement characters"


def input_warnings(read: tuple[str, ...] | list[str], analysed: list[str]) -> list[str]:
    """An article's warnings: its reader's (``Record.warnings``, with the file and line), then its analysis', less
    the analysis' note on U+FFFD characters when the reader has said where they came from (a Latin-1 file got two
    warnings that said the same)."""
    if any("replaced with U+FFFD" in w for w in read):
        analysed = [w for w in analysed if not w.startswith(REPLACEMENT_WARNING)]
    return [*read, *analysed]


# What makes one record's error message its own, replaced by "…" to find the reason's kind: where something else is
# ("at data.jsonl:3"), a value written with repr ('a1', "body") or a list of them ([...]), and a number.
_DETAIL = re.compile(r"""\bat [^\s()]+:\d[\d-]*"""  # an origin: file:line (or lines)
                     r"""|\[[^\[\]]*\]"""  # a list, e.g. of a record's field names
                     r"""|(?<!\w)'[^'\n]*'(?!\w)|(?<!\w)"[^"\n]*"(?!\w)"""  # a quoted value (not an apostrophe)
                     r"""|(?<![\w.-])\d[\d,]*(?:\.\d+)?(?![\w])""")  # a number (not in UTF-8 or 1e-09)


def reason_kind(reason: str) -> str:
    """The kind of a record error's reason: the message without what is particular to one record (its field names,
    id, line, column and other values), so that the errors of one kind are counted together.

    >>> reason_kind("no text field; the fields are ['a', 'b']; give the text field with --text-field NAME")
    'no text field; the fields are […]; give the text field with --text-field NAME'
    >>> reason_kind("the id 'a1' is already used by a different text at in.jsonl:3; give each article its own id")
    'the id … is already used by a different text at …; give each article its own id'
    """

    def placeholder(m: re.Match[str]) -> str:
        s = m.group(0)
        return "at …" if s.startswith("at ") else "[…]" if s.startswith("[") else "…"

    return _DETAIL.sub(placeholder, reason)


@dataclass(slots=True)
class ReasonCounts:
    """Record errors counted by the kind of their reason (:func:`reason_kind`), each with where it was first met."""

    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, tuple[int, str]] = field(default_factory=dict)  # kind -> (order, origin) of its first error

    def add(self, reason: str, origin: str, n: int = 1, order: int = 0) -> None:
        """Count ``n`` errors of this reason; ``order`` places ``origin`` among the others (input order)."""
        kind = reason_kind(reason)
        self.counts[kind] = self.counts.get(kind, 0) + n
        if kind not in self.first or order < self.first[kind][0]:
            self.first[kind] = (order, origin)

    def most_common(self) -> list[tuple[str, int, str]]:
        """``(kind, count, first origin)`` of every kind, most errors first, then by kind (deterministic)."""
        return sorted(((k, n, self.first[k][1]) for k, n in self.counts.items()), key=lambda t: (-t[1], t[0]))


def reason_lines(reasons: list[tuple[str, int, str]], shown: int = 3) -> list[str]:
    """The lines of a command's summary for the most common reasons (``(kind, count, first origin)``, as
    :meth:`ReasonCounts.most_common` gives them): the first ``shown``, then how many other reasons there are."""
    lines = [f"{n:,} x {kind} (first: {origin})" for kind, n, origin in reasons[:shown]]
    rest = reasons[shown:]
    if rest:
        lines.append(f"and {len(rest):,} other reason(s), {sum(n for _, n, _ in rest):,} item(s) in all")
    return lines
