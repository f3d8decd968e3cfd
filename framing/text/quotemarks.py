"""Quotation-mark pairing.

Finds every pair of quotation marks in a text: straight and curly, double and single, « », „ “, ‹ ›, primes and
backticks; nested quotes; doubled marks (NYT-style ``''word''``); mismatched pairs (“…' or '…"); quotations that
run over several paragraphs with an opening mark at the start of each paragraph and one closing mark at the end.

Marks inside markup tags (``<p class="story-body">``) pair only with each other, around attribute values, so
markup never throws the pairing of the text off. Apostrophes are told apart from
single quotation marks by their surroundings: between letters (don’t, Syria’s,
al-Assad’s), year elisions (the ’90s, '08), common elisions ('em, 'til, rock 'n' roll) and plural possessives
(voters’) when no single quotation is open.

It never raises. A mark that cannot be paired becomes a warning naming its offset; so does a pair with nothing
between its marks (``""``), which is not a quotation.

Inside an open single quotation, an "s" mark before a lower-case word is a plural possessive when a mark placed as
only a closing mark is follows (``'the teachers' contracts,' she said``, ``‘the markets’ detriment.’``).

Cannot: tell a possessive apostrophe after "s" from a closing single quote when no surely closing mark follows it
(``‘the voters’ choice’ and`` closes early); pair German-style »…« quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "d"
SINGLE = "s"

# mark -> (family, direction): direction "o" opening, "c" closing, "n" neutral (straight, decided by context).
_MARKS: dict[str, tuple[str, str]] = {
    '"': (DOUBLE, "n"), "\u201c": (DOUBLE, "o"), "\u201d": (DOUBLE, "c"), "\u201e": (DOUBLE, "o"),
    "\u201f": (DOUBLE, "o"), "\u00ab": (DOUBLE, "o"), "\u00bb": (DOUBLE, "c"), "\u2033": (DOUBLE, "n"),
    "'": (SINGLE, "n"), "\u2018": (SINGLE, "o"), "\u2019": (SINGLE, "c"), "\u201a": (SINGLE, "o"),
    "\u201b": (SINGLE, "o"), "\u2039": (SINGLE, "o"), "\u203a": (SINGLE, "c"), "\u2032": (SINGLE, "n"),
    "`": (SINGLE, "o"), "\u00b4": (SINGLE, "c"),
}
MARK_CHARS = "".join(_MARKS)
_MARK_RE = re.compile("[" + re.escape(MARK_CHARS) + "]")

# Characters before an opening mark / after a closing mark that do not stop it from opening / closing.
_OPEN_PREV = set("([{<\u2014\u2015\u2013-/:;,=\u2026") | set(MARK_CHARS)
_CLOSE_NEXT = set(".,;:!?)]}>\u2014\u2015\u2013-/\u2026*") | set(MARK_CHARS)

# Elisions written with a leading apostrophe ('em, 'til, rock 'n' roll): not quotation marks.
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|bout|round|n|nuff|kay|sup|ya|cept)\b", re.IGNORECASE)
_YEAR = re.compile(r"\d\d(?:s\b|\b)")


# The deepest nesting reported (0 is an outermost quotation). News text nests two or three deep at most ("He said,
# 'They told me "no"'"); deeper pairs are dropped with a warning.
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One paired quotation: content is ``text[start:end]``, marks at ``start - 1`` and ``end``."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    depth: int
    multi_paragraph: bool

    # An explicit __init__ (the dataclass keeps it): code compiled with mypyc runs it natively, where the dataclass's
    # generated one ran as interpreted Python; same fields, still frozen (see framing.text.segment.Span).
    def __init__(self, start: int, end: int, open_mark: str, close_mark: str, depth: int,
                 multi_paragraph: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "open_mark", open_mark)
        object.__setattr__(self, "close_mark", close_mark)
        object.__setattr__(self, "depth", depth)
        object.__setattr__(self, "multi_paragraph", multi_paragraph)


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int  # offset of the mark (the inner one of a doubled pair)
    family: str
    can_open: bool
    can_close: bool
    maybe_apostrophe: bool  # a closing single after a letter: a plural possessive unless a quote is open

    def __init__(self, pos: int, family: str, can_open: bool, can_close: bool, maybe_apostrophe: bool) -> None:
        object.__setattr__(self, "pos", pos)  # (natively when compiled, as QuoteSpan's)
        object.__setattr__(self, "family", family)
        object.__setattr__(self, "can_open", can_open)
        object.__setattr__(self, "can_close", can_close)
        object.__setattr__(self, "maybe_apostrophe", maybe_apostrophe)


@dataclass(slots=True)
class _Open:
    mark: _Mark
    continued: bool = False  # reopened at the start of a later paragraph


# Warnings about single marks listed per text; the rest are counted in one further warning.
MAX_MARK_WARNINGS = 20


def pair_quotes(text: str) -> tuple[list[QuoteSpan], list[str]]:
    """All quotation pairs in ``text`` (sorted by start, outer before inner) and warnings for unpaired marks."""
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    if not _MARK_RE.search(text):
        return spans, warnings
    lines = _lines(text)
    carry: _Open | None = None  # an outermost quotation still open at the end of the previous paragraph
    for li, (ls, le) in enumerate(lines):
        marks = _marks_in(text, ls, le)
        if "<" in text[ls:le]:
            spans.extend(_attribute_values(text, ls, le))
        stack: list[_Open] = []
        if carry is not None:
            first = marks[0] if marks else None
            if first is not None and first.pos == _first_non_space(text, ls, le) and first.can_open \
                    and first.family == carry.mark.family:
                carry.continued = True
                stack.append(carry)
                marks = marks[1:]
            else:
                warnings.append(_unpaired(text, carry.mark.pos, "opening"))
            carry = None
        stray_closers: list[_Mark] = []
        soft_closers: list[_Mark] = []  # closing singles taken as possessive apostrophes (voters’)
        closer_later = _single_closer_later(text, marks)
        for k, mk in enumerate(marks):
            if mk.maybe_apostrophe and closer_later[k] and _plural_possessive(text, mk.pos):
                # "'We will fix the teachers' contracts first,' she said": an "s'" before a lower-case word is a
                # plural possessive when a mark that surely closes a single quotation follows (before any single
                # mark that can only open; "chanted 'no more cuts' outside the teachers' union": the first mark
                # closes). With no single quotation open it would only be kept for a mismatched pair (“...'), which
                # that later mark closes as well.
                continue
            if mk.can_close and _close(text, mk, stack, spans, warnings):
                continue
            if mk.can_open:
                stack.append(_Open(mk))
            elif mk.maybe_apostrophe:
                soft_closers.append(mk)
            elif mk.can_close:
                stray_closers.append(mk)
            else:
                warnings.append(_unpaired(text, mk.pos, "stray"))
        nxt = lines[li + 1] if li + 1 < len(lines) else None
        if stack and nxt is not None and _starts_with_open(text, nxt, stack[0].mark.family):
            # A quotation that runs on into the next paragraph: keep the outermost, drop what was nested in it.
            carry = stack[0]
            for op in stack[1:]:
                warnings.append(_unpaired(text, op.mark.pos, "opening"))
            stack = []
        # Mismatched pairs (“…' or '…"): an opening mark left open pairs with the next unused closing mark,
        # a stray closing mark first, else a closing single taken for an apostrophe. Both lists and the openers are
        # in text order, so one forward pointer per list does it.
        i_stray = i_soft = 0
        for op in stack:
            while i_stray < len(stray_closers) and stray_closers[i_stray].pos <= op.mark.pos:
                warnings.append(_unpaired(text, stray_closers[i_stray].pos, "closing"))
                i_stray += 1
            while i_soft < len(soft_closers) and soft_closers[i_soft].pos <= op.mark.pos:
                i_soft += 1
            if i_stray < len(stray_closers):
                spans.append(_span(text, op, stray_closers[i_stray], depth=0))
                i_stray += 1
            elif i_soft < len(soft_closers):
                spans.append(_span(text, op, soft_closers[i_soft], depth=0))
                i_soft += 1
            else:
                warnings.append(_unpaired(text, op.mark.pos, "opening"))
        for c in stray_closers[i_stray:]:
            warnings.append(_unpaired(text, c.pos, "closing"))
    if carry is not None:
        warnings.append(_unpaired(text, carry.mark.pos, "opening"))
    empty = [s for s in spans if s.start == s.end]
    if empty:
        # a pair of marks with nothing between them quotes nothing: not a quotation, and never a zero-length finding
        warnings.extend(f"empty quotation marks {text[s.start - 1]}{text[s.end]} at offset {s.start - 1}"
                        for s in empty)
        spans = [s for s in spans if s.start < s.end]
    if len(warnings) > MAX_MARK_WARNINGS:
        # a text of a thousand stray marks gets the first few by offset and a count, not a thousand lines
        more = len(warnings) - MAX_MARK_WARNINGS
        warnings = warnings[:MAX_MARK_WARNINGS] + [f"{more:,} more unpaired or empty quotation marks not listed"]
    spans = _fix_depths(spans)
    deep = sum(1 for s in spans if s.depth > MAX_DEPTH)
    if deep:
        # every quotation holds the text of those inside it, so unbounded nesting would make the work (and the
        # findings) grow with the square of the text: pairs nested deeper than this are not reported
        warnings.append(f"{deep} quotation pairs nested more than {MAX_DEPTH + 1} deep were not reported")
        spans = [s for s in spans if s.depth <= MAX_DEPTH]
    return spans, warnings


def _single_closer_later(text: str, marks: list[_Mark]) -> list[bool]:
    """For each mark of a line: does a single mark that surely closes (:func:`_sure_close`) come after it, before any
    single mark that can only open? (One pass from the end: linear in the marks.)"""
    out = [False] * len(marks)
    later = False
    for k in range(len(marks) - 1, -1, -1):
        out[k] = later
        mk = marks[k]
        if mk.family == SINGLE:
            if mk.can_close and _sure_close(text, mk.pos):
                later = True
            elif mk.can_open and not mk.can_close:
                later = False
    return out


def _sure_close(text: str, pos: int) -> bool:
    """Is the mark at ``pos`` placed as only a closing mark is: after the quotation's own punctuation ("first,'",
    "abysmal.’"), before a sentence's ("interest'."), or at the end of its line? Not after an "s" (a plural possessive
    stands anywhere: "the taxpayers'.") nor after an initialism ("the U.S.' response")."""
    prev = text[pos - 1:pos]
    if prev in ("s", "S") or prev == "." and text[pos - 2:pos - 1].isupper() and text[pos - 3:pos - 2] in (".", " "):
        return False
    return prev in _END_INSIDE or text[pos + 1:pos + 2] in _END_AFTER or text[pos + 1:pos + 2] in ("", "\n")


# Punctuation a quotation ends with inside its closing mark, and punctuation that follows a closing mark.
_END_INSIDE = frozenset(".,!?;:\u2026")
_END_AFTER = frozenset(".,!?;:)")


def _plural_possessive(text: str, pos: int) -> bool:
    """Is the single mark at ``pos`` written as a plural possessive: after an "s", then a space and a lower-case
    word ("the teachers' contracts")?"""
    return text[pos - 1:pos] in ("s", "S") and text[pos + 1:pos + 2] == " " and text[pos + 2:pos + 3].islower()


def _close(text: str, mk: _Mark, stack: list[_Open], spans: list[QuoteSpan], warnings: list[str]) -> bool:
    """Close the innermost open quotation of the same family, if any. Returns True when ``mk`` was used."""
    for k in range(len(stack) - 1, -1, -1):
        op = stack[k]
        if op.mark.family != mk.family:
            continue
        # Quotations opened inside this one and never closed are unpaired.
        for inner in stack[k + 1:]:
            warnings.append(_unpaired(text, inner.mark.pos, "opening"))
        del stack[k:]
        spans.append(_span(text, op, mk, depth=0))
        return True
    return False


def opening_start(text: str, q: QuoteSpan) -> int:
    """The offset of the first character of ``q``'s opening mark: ``q.start - 2`` for a doubled pair (``''word''``,
    ````word''``), whose reported mark is the inner one, ``q.start - 1`` otherwise."""
    i = q.start - 1
    if i >= 1 and _MARKS.get(text[i], ("", ""))[0] == SINGLE and _MARKS.get(text[i - 1], ("", ""))[0] == SINGLE:
        return i - 1
    return i


def _span(text: str, op: _Open, close: _Mark, depth: int) -> QuoteSpan:
    return QuoteSpan(op.mark.pos + 1, close.pos, text[op.mark.pos], text[close.pos], depth, op.continued)


def _fix_depths(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Sort by start (outer first) and set each span's nesting depth."""
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[QuoteSpan] = []
    open_ends: list[int] = []
    for s in spans:
        while open_ends and open_ends[-1] <= s.start - 1:
            open_ends.pop()
        depth = len(open_ends)
        out.append(QuoteSpan(s.start, s.end, s.open_mark, s.close_mark, depth, s.multi_paragraph))
        open_ends.append(s.end + 1)
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _first_non_space(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


def _starts_with_open(text: str, line: tuple[int, int], family: str) -> bool:
    i = _first_non_space(text, *line)
    ch = text[i] if i < line[1] else ""
    fam = _MARKS.get(ch)
    return fam is not None and fam[0] == family and fam[1] in "on"


# Markup tags (<p class="story-body">, <tweet id="...">): their attribute quotes are not quotations.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,1000})?/?>")


def _marks_in(text: str, start: int, end: int) -> list[_Mark]:
    """Classify every quotation mark of one line; apostrophes and the marks inside markup tags are left out."""
    out: list[_Mark] = []
    positions = [m.start() for m in _MARK_RE.finditer(text, start, end)]
    if positions and "<" in text[start:end]:
        tags = [m.span() for m in _TAG.finditer(text, start, end)]
        if tags:
            positions = _outside(positions, tags)
    skip: set[int] = set()
    for idx, i in enumerate(positions):
        if i in skip:
            continue
        ch = text[i]
        family, direction = _MARKS[ch]
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        # A doubled single mark (''word'' or ’’) acts as one double mark at the inner position.
        if family == SINGLE and idx + 1 < len(positions) and positions[idx + 1] == i + 1 \
                and _MARKS[text[i + 1]][0] == SINGLE:
            after = text[i + 2] if i + 2 < end else ""
            opens = bool(after) and not after.isspace() and (not prev or prev.isspace() or prev in _OPEN_PREV)
            closes = bool(prev) and not prev.isspace() and (not after or after.isspace() or after in _CLOSE_NEXT)
            if opens != closes:
                skip.add(i + 1)
                out.append(_Mark(i + 1 if opens else i, DOUBLE, opens, closes, False))
                continue
        if family == SINGLE:
            if prev.isalnum() and nxt.isalpha():
                continue  # don't, Syria's, al-Assad’s
            if prev and prev in ".)" and nxt in ("s", "S") and not text[i + 2:i + 3].isalpha():
                continue  # Corp.’s, Jr.’s
            if (not prev or not prev.isalnum()) and nxt.isdigit() and _YEAR.match(text, i + 1, end):
                continue  # the ’90s, '08
            if (not prev or prev.isspace() or prev in "(-") and _ELISIONS.match(text, i + 1, end) \
                    and not _closes_soon(text, i + 1, end):
                continue  # 'em, 'til, 'n'
        can_open = bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in _OPEN_PREV)
        can_close = bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_NEXT)
        if direction == "o" and not can_open and not can_close:
            # A curly opening mark glued to the previous word, or followed by a stray space: still an opening.
            can_open = bool(nxt) and (not nxt.isspace() or not prev or prev.isspace())
        elif direction == "c" and not can_open and not can_close:
            can_close = bool(prev) and (not prev.isspace() or not nxt or nxt.isspace())
        elif direction == "o" and can_open:
            can_close = False
        elif direction == "c" and can_close:
            can_open = False
        if not can_open and not can_close and direction == "n" and prev.isspace() and not nxt:
            # a straight mark after a space that ends its line opens nothing: it can only close (`... Secretary
            # Clinton "` closing a question at the end of its paragraph)
            can_close = True
        elif not can_open and not can_close and direction == "n" and (
                (family == DOUBLE and prev.isalnum() and nxt.isalnum())  # "news"letter
                or (family == DOUBLE and prev in ".!?," and nxt.isupper())  # lost paragraph break: `ad."You choose`
                or (prev.isspace() and nxt.isspace())):  # a mark with a stray space on both sides
            # Decided by the stack: it closes an open quotation of its family, and opens one otherwise.
            can_open = can_close = True
        maybe_apostrophe = family == SINGLE and can_close and not can_open and prev.isalpha()
        out.append(_Mark(i, family, can_open, can_close, maybe_apostrophe))
    return out


_ATTRIBUTE = re.compile("=\\s*([" + re.escape(MARK_CHARS) + "])([^" + re.escape(MARK_CHARS) + "<>]+)([" +
                        re.escape(MARK_CHARS) + "])")


def _attribute_values(text: str, start: int, end: int) -> list[QuoteSpan]:
    """The quoted attribute values of the markup tags on one line (``<tweet id="750366792434978816">``): quotation
    pairs of their own, which never pair with the marks of the text around them."""
    out: list[QuoteSpan] = []
    for tag in _TAG.finditer(text, start, end):
        for m in _ATTRIBUTE.finditer(text, tag.start(), tag.end()):
            out.append(QuoteSpan(m.start(2), m.end(2), m.group(1), m.group(3), 0, False))
    return out


def _outside(positions: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The positions not inside any of the (sorted, disjoint) spans."""
    out: list[int] = []
    k = 0
    for p in positions:
        while k < len(spans) and spans[k][1] <= p:
            k += 1
        if k < len(spans) and spans[k][0] <= p:
            continue
        out.append(p)
    return out


def _closes_soon(text: str, i: int, end: int) -> bool:
    """For "'n'" and similar: is there a closing single mark right after a short word (a real quote like 'no')?"""
    m = re.match(r"[A-Za-z]{1,6}['\u2019](?=[\s.,;:!?]|$)", text[i:end])
    return m is not None and m.group(0)[:-1].lower() not in ("n",)


def _unpaired(text: str, pos: int, what: str) -> str:
    return f"unpaired {what} quotation mark {text[pos]!r} at offset {pos}"
