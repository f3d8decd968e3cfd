"""Hard-wrapped text: paragraphs whose lines were broken at a fixed width (wire copy, e-mail, text from PDFs).

News text normally puts one paragraph on a line, so a line break ends a paragraph, a sentence and any quotation
left open. Hard-wrapped text breaks lines every ~70 characters inside paragraphs and marks paragraphs with blank
lines (or an indented first line). ``unwrap`` tells the two apart for a whole document and returns a layout of
the same length in which the line breaks inside paragraphs are spaces, so that sentences and quotations can cross
them. Offsets are unchanged: findings are still reported against the original text.

The test, per document: most single line breaks fall inside a sentence (the line does not end a sentence, or the
next starts in lower case), and the lines are of a similar, short width.

Cannot: unwrap a document that mixes wrapped and unwrapped paragraphs when fewer than half its line breaks are
wraps, or tell a poem or a list written with one item per short line from wrapped prose (they are left alone
when their lines end sentences).
"""

from __future__ import annotations

# At least this many line breaks between non-blank lines before a document can be called hard-wrapped.
MIN_BREAKS = 3
# The share of those breaks that must fall inside a sentence.
MIN_WRAP_SHARE = 0.6
# Wrapped lines are short: the 90th percentile of line widths lies in this range (news paragraphs are longer).
WIDTH_RANGE = (30, 110)

_SENTENCE_END = tuple('.!?:;"\u201d\u2019\')]')
_LIST_START = ("-", "*", "\u2022", "\u2013", "\u2014", "\u2015", ">")


def unwrap(text: str) -> str | None:
    """The same-length layout of ``text`` with line breaks inside paragraphs turned into spaces, or ``None`` when
    the text is not hard-wrapped."""
    if text.count("\n") < MIN_BREAKS:
        return None
    lines = text.split("\n")
    breaks = wraps = 0
    widths: list[int] = []
    for a, b in zip(lines, lines[1:]):
        a_s, b_s = a.rstrip(), b.strip()
        if a_s.strip():
            widths.append(len(a_s))
        if not a_s.strip() or not b_s:
            continue
        breaks += 1
        if not a_s.endswith(_SENTENCE_END) or b_s[0].islower():
            wraps += 1
    if breaks < MIN_BREAKS or wraps < MIN_WRAP_SHARE * breaks or not widths:
        return None
    widths.sort()
    width = widths[min(len(widths) - 1, int(0.9 * len(widths)))]
    if not WIDTH_RANGE[0] <= width <= WIDTH_RANGE[1]:
        return None
    out = list(text)
    pos = 0
    for a, b in zip(lines, lines[1:]):
        pos += len(a)  # the "\n" after line a
        if a.strip() and b.strip() and not _starts_paragraph(b):
            out[pos] = " "
        pos += 1
    return "".join(out)


def _starts_paragraph(line: str) -> bool:
    """An indented first line or a list item starts a new paragraph even without a blank line before it."""
    return line.startswith(("  ", "\t")) or line.lstrip().startswith(_LIST_START)
