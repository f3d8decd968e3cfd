"""Regular expressions anchored at the end of a text (``...\\s*$``), tested by matching them backwards.

The detectors test the words right before a quotation mark with patterns that end in ``$`` ("the word",
"so-called", "said,"). ``pattern.search(before)`` tries a match at every position of ``before``, and a
case-insensitive alternation of words cannot be skipped ahead to a first character: each of some 60 start
positions tries each word. A pattern that can only match up to the end of its text matches it if and only if its
*reversal* (the same pattern read right to left) matches the reversed text at its start, which is a single attempt.

:class:`EndPattern` builds that reversal from the pattern's own parse, once, so it always follows the pattern as
written. Patterns it cannot reverse (look-arounds, back-references, or a ``$`` that is not the last thing on every
path) are searched as before. ``EndPattern(p).found(text) == bool(p.search(text))`` for every text
(``tests/text/test_endmatch.py``); it answers yes or no only, with no match object: which of several matches a
search would find, and its groups, are not kept by the reversal.
"""

from __future__ import annotations

import re
import re._compiler as _compiler  # the standard library's own compiler and parser of patterns (Python >= 3.11)
import re._constants as _c
import re._parser as _parser
from typing import Any

__all__ = ["EndPattern"]


class EndPattern:
    """``pattern``, tested only for a match that ends where the text ends (or before a final newline, as ``$`` allows)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.reversed: re.Pattern[str] | None = _reverse(pattern)

    def found(self, text: str) -> bool:
        """``bool(self.pattern.search(text))``."""
        rev = self.reversed
        if rev is None:
            return self.pattern.search(text) is not None
        r = text[::-1]
        if rev.match(r) is not None:
            return True
        # "$" also matches before a newline that ends the text
        return r[:1] == "\n" and rev.match(r, 1) is not None


class _Unsupported(Exception):
    """The pattern holds something this reversal does not handle; it is searched as written."""


def _reverse(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern read right to left, without its final ``$``, or None when it cannot be reversed."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.MULTILINE | re.VERBOSE):
        return None  # (VERBOSE would parse the same; it is left out only because no pattern here uses it)
    parsed: Any = _parser.parse(pattern.pattern, pattern.flags)
    try:
        reversed_parse = _reverse_seq(parsed.state, _strip_end(parsed.state, list(parsed.data)))
    except _Unsupported:
        return None
    out: re.Pattern[str] = _compiler.compile(reversed_parse, pattern.flags)
    return out


def _strip_end(state: Any, seq: list[Any]) -> list[Any]:
    """``seq`` without the ``$`` that ends every path through it (raises :class:`_Unsupported` when one does not)."""
    if not seq:
        raise _Unsupported("a path that does not end in $")
    op = seq[-1][0]
    av = seq[-1][1]
    if op is _c.AT and av is _c.AT_END:
        return seq[:-1]
    if op is _c.BRANCH:
        alternatives = [_parser.SubPattern(state, _strip_end(state, list(alt.data))) for alt in av[1]]
        return seq[:-1] + [(op, (av[0], alternatives))]
    if op is _c.SUBPATTERN:
        group, add_flags, del_flags, sub = av
        return seq[:-1] + [(op, (group, add_flags, del_flags,
                                 _parser.SubPattern(state, _strip_end(state, list(sub.data)))))]
    raise _Unsupported("a path that does not end in $")


# Operations that read one character (the same forwards and backwards) and zero-width tests that look at the
# characters on both sides symmetrically (a word boundary).
_ONE_CHARACTER = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY)
_SYMMETRIC_AT = (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY)


def _reverse_seq(state: Any, seq: list[Any]) -> Any:
    out = []
    for i in range(len(seq) - 1, -1, -1):
        op = seq[i][0]
        av = seq[i][1]
        if op in _ONE_CHARACTER:
            out.append((op, av))
        elif op is _c.AT and av in _SYMMETRIC_AT:
            out.append((op, av))
        elif op is _c.BRANCH:
            out.append((op, (av[0], [_reverse_seq(state, list(alt.data)) for alt in av[1]])))
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            out.append((op, (group, add_flags, del_flags, _reverse_seq(state, list(sub.data)))))
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
            lo, hi, sub = av
            out.append((op, (lo, hi, _reverse_seq(state, list(sub.data)))))
        else:
            raise _Unsupported(f"{op} {av}")
    return _parser.SubPattern(state, out)
