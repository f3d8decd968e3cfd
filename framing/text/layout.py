"""Hard-wrapped text: paragraphs whose lines were broken at a fixed width (wire copy, e-mail, text from PDFs).

News text normally puts one paragraph on a line, so a line break ends a paragraph, a sentence and any quotation
left open. Hard-wrapped text breaks lines every ~70 characters inside paragraphs and marks paragraphs with blank
lines (or an indented first line). ``unwrap`` tells the two apart for a whole document and returns a layout of
the same length in which the line breaks inside paragraphs are spaces, so that sentences and quotations can cross
them. Offsets are unchanged: findings are still reported against the original text.

The test, per document: at least half the single line breaks that do not come before an indented line fall inside
a sentence (the line does not end a sentence, or the next starts in lower case), at least a quarter of them are
followed by a line that starts in lower case, and the lines are of a similar, short width. In such a text a line
much shorter than the others that ends a sentence ends its paragraph, as does a blank line or an indented line.

Cannot: unwrap a document that mixes wrapped and unwrapped paragraphs when fewer than half its line breaks are
wraps, tell a paragraph whose last line happens to be nearly full from one that goes on, or tell a poem or a song
whose lines start in lower case from wrapped prose (a list, a table, an address or a poem whose lines start with
capitals is left alone).
"""

from __future__ import annotations

# At least this many line breaks between non-blank lines before a document can be called hard-wrapped.
MIN_BREAKS = 3
# The share of those breaks that must fall inside a sentence. Wire copy writes paragraphs of one or two sentences,
# two or three lines each: about one break in two ends a paragraph; text with a paragraph on a line has almost none.
MIN_WRAP_SHARE = 0.5
# The share of those breaks after which the next line starts in lower case: a wrap falls between two words of a
# sentence, and most English words are written in lower case; lists, tables, addresses, chat logs, subtitles and
# signatures start every line with a capital or a digit.
MIN_LOWER_SHARE = 0.25
# A line shorter than this share of the wrapping width that ends a sentence ends its paragraph (the last line of a
# paragraph stops anywhere; a wrapped line is within a long word of the width).
SHORT_LINE = 0.8
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
    breaks = wraps = lower = 0
    widths: list[int] = []
    for a, b in zip(lines, lines[1:]):
        a_s, b_s = a.rstrip(), b.strip()
        if a_s.strip():
            widths.append(len(a_s))
        if not a_s.strip() or not b_s or _starts_paragraph(b):
            continue  # (a blank line or an indented one marks a paragraph: no sign either way)
        breaks += 1
        lower += b_s[0].islower()
        if not a_s.endswith(_SENTENCE_END) or b_s[0].islower():
            wraps += 1
    if breaks < MIN_BREAKS or wraps < MIN_WRAP_SHARE * breaks or lower < MIN_LOWER_SHARE * breaks or not widths:
        return None
    widths.sort()
    width = widths[min(len(widths) - 1, int(0.9 * len(widths)))]
    if not WIDTH_RANGE[0] <= width <= WIDTH_RANGE[1]:
        return None
    out = list(text)
    pos = 0
    short = SHORT_LINE * width
    for a, b in zip(lines, lines[1:]):
        pos += len(a)  # the "\n" after line a
        a_s = a.rstrip()
        if a.strip() and b.strip() and not _starts_paragraph(b) \
                and not (a_s.endswith(_SENTENCE_END) and len(a_s) < short):
            out[pos] = " "
        pos += 1
    return "".join(out)


def _starts_paragraph(line: str) -> bool:
    """An indented first line or a list item starts a new paragraph even without a blank line before it."""
    return line.startswith(("  ", "\t")) or line.lstrip().startswith(_LIST_START)
