"""Faster ways to ask the same question of a regular expression: does it match at the end of a text, or at its start?

The detectors test the words right before a quotation mark with patterns that end in ``$`` ("the word",
"so-called", "said,") and the words right after it with patterns anchored at its start ("... rally", "means").
Two things made those slow, and each has an exact remedy here, built once from the pattern's own parse (so it
always follows the pattern as written):

* ``pattern.search(before)`` tries a match at every position of ``before``; a case-insensitive alternation of words
  cannot be skipped ahead to a first character, so each of some 60 positions tries each word. A pattern that can
  only match up to the end of its text matches it if and only if its *reversal* (the same pattern read right to
  left) matches the reversed text at its start: one attempt (:class:`EndPattern`).
* A case-insensitive alternation tries every word in full; a case-sensitive one rejects a word on its first
  character. On an ASCII text, a case-insensitive pattern whose letters are ASCII gives the same answers as the
  same pattern in lower case, case-sensitive, on the text in lower case (:class:`EndPattern` and
  :class:`StartPattern`; other texts use the pattern as it is).

A pattern that cannot be reversed (look-arounds, back-references, a ``$`` that is not the last thing on every path)
or folded (a letter outside ASCII, a range of letters other than within ``A-Z`` or ``a-z``) is used as written.
Both answer yes or no only, with no match object: which of several matches a search would find, and its groups,
are not kept. ``tests/text/test_fastmatch.py`` compares the answers with the patterns' own.
"""

from __future__ import annotations

import re
import re._compiler as _compiler  # the standard library's own compiler and parser of patterns (Python >= 3.11)
import re._constants as _c
import re._parser as _parser
from typing import Any

__all__ = ["EndPattern", "StartPattern"]


class EndPattern:
    """``bool(pattern.search(text))`` for a ``pattern`` that ends in ``$``: is there a match that ends where the text
    ends (or before a final newline, as ``$`` allows)?"""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.reversed: re.Pattern[str] | None = _reverse(pattern, fold=False)
        # the reversal in lower case, for ASCII texts in lower case (None: no case to fold, or it cannot be)
        self.folded: re.Pattern[str] | None = _reverse(pattern, fold=True) if pattern.flags & re.IGNORECASE else None

    def found(self, text: str) -> bool:
        """``bool(self.pattern.search(text))``."""
        rev = self.reversed
        if rev is None:
            return self.pattern.search(text) is not None
        if self.folded is not None and text.isascii():
            rev = self.folded
            text = text.lower()
        r = text[::-1]
        if rev.match(r) is not None:
            return True
        # "$" also matches before a newline that ends the text
        return r[:1] == "\n" and rev.match(r, 1) is not None


class StartPattern:
    """``bool(pattern.match(text))``, with the pattern folded to lower case for ASCII texts when it ignores case."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.folded: re.Pattern[str] | None = _folded(pattern) if pattern.flags & re.IGNORECASE else None

    def found(self, text: str) -> bool:
        """``bool(self.pattern.match(text))``."""
        if self.folded is not None and text.isascii():
            return self.folded.match(text.lower()) is not None
        return self.pattern.match(text) is not None


class _Unsupported(Exception):
    """The pattern holds something this module does not transform; it is used as written."""


def _parse(pattern: re.Pattern[str], fold: bool) -> Any:
    """The pattern's parse; with ``fold``, without the flag to ignore case (it is then compiled case-sensitive)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.MULTILINE | re.VERBOSE | re.LOCALE):
        raise _Unsupported("flags")  # (VERBOSE would parse the same; it is left out only because no pattern uses it)
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if fold:
        parsed.state.flags &= ~re.IGNORECASE
    return parsed


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern in lower case, case-sensitive (for ASCII texts in lower case), or None when it cannot be."""
    try:
        parsed = _parse(pattern, fold=True)
        data = _fold_seq(parsed.state, list(parsed.data))
    except _Unsupported:
        return None
    out: re.Pattern[str] = _compiler.compile(data, pattern.flags & ~re.IGNORECASE)
    return out


def _reverse(pattern: re.Pattern[str], fold: bool) -> re.Pattern[str] | None:
    """The pattern read right to left without its final ``$`` (with ``fold``, also in lower case), or None when it
    cannot be."""
    try:
        parsed = _parse(pattern, fold)
        data = _reverse_seq(parsed.state, _strip_end(parsed.state, list(parsed.data)))
        if fold:
            data = _fold_seq(parsed.state, list(data.data))
    except _Unsupported:
        return None
    out: re.Pattern[str] = _compiler.compile(data, pattern.flags & ~re.IGNORECASE if fold else pattern.flags)
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
    out: list[Any] = []
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


def _fold_char(code: int) -> int:
    """A literal character of a case-insensitive pattern, as the case-sensitive pattern for lower-cased ASCII texts
    has it: an ASCII letter in lower case; any other character must have no case at all (an ASCII text holds none of
    it, and ignoring case could not make it match an ASCII letter, as the Kelvin sign matches "k")."""
    if code < 128:
        return code + 32 if 65 <= code <= 90 else code
    ch = chr(code)
    if ch.lower() != ch or ch.upper() != ch:
        raise _Unsupported(f"a letter outside ASCII: {ch!r}")
    return code


def _fold_set(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for i in range(len(items)):
        op = items[i][0]
        av = items[i][1]
        if op is _c.LITERAL:
            out.append((op, _fold_char(av)))
        elif op is _c.RANGE:
            lo, hi = av
            if 65 <= lo <= hi <= 90:
                out.append((op, (lo + 32, hi + 32)))
            elif 97 <= lo <= hi <= 122:
                out.append((op, av))
            elif hi - lo < 4096:  # no letter, or none with a case
                for code in range(lo, hi + 1):
                    if _fold_char(code) != code:
                        raise _Unsupported(f"a range of letters: {av}")
                    if 97 <= code <= 122:
                        raise _Unsupported(f"a range of letters: {av}")
                out.append((op, av))
            else:
                raise _Unsupported(f"a range of letters: {av}")
        elif op is _c.CATEGORY or op is _c.NEGATE:
            out.append((op, av))  # (\w, \s, \d read no case)
        else:
            raise _Unsupported(f"{op} {av}")
    return out


def _fold_seq(state: Any, seq: list[Any]) -> Any:
    out: list[Any] = []
    for i in range(len(seq)):
        op = seq[i][0]
        av = seq[i][1]
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            out.append((op, _fold_char(av)))
        elif op is _c.IN:
            out.append((op, _fold_set(list(av))))
        elif op is _c.ANY or op is _c.AT:
            out.append((op, av))
        elif op is _c.BRANCH:
            out.append((op, (av[0], [_fold_seq(state, list(alt.data)) for alt in av[1]])))
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _Unsupported("a group that sets its own case flag")
            out.append((op, (group, add_flags, del_flags, _fold_seq(state, list(sub.data)))))
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
            lo, hi, sub = av
            out.append((op, (lo, hi, _fold_seq(state, list(sub.data)))))
        else:
            raise _Unsupported(f"{op} {av}")
    return _parser.SubPattern(state, out)
