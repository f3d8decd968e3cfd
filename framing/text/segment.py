"""Paragraphs, sentences and word tokens, all as offsets into the original text.

Paragraphs are the text's non-empty lines: news text puts one paragraph per line (often with blank lines between),
and headlines, datelines and captions sit on lines of their own. Hard-wrapped text (a newline every ~70
characters inside a paragraph) is therefore split too finely; that is a known limit.

Sentences are found by a rule-based splitter (sentence-final punctuation, optional closing quotes or brackets,
whitespace, then something that can start a sentence), with exceptions for titles, initials and common
abbreviations. ``framing evaluate basil-sentences`` scores it (and NLTK's punkt, when installed) on BASIL's gold sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from framing.text.normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    # An explicit __init__ (the dataclass keeps it): code compiled with mypyc runs it natively, where the dataclass's
    # generated one ran as interpreted Python; same fields, still frozen. Each field is set with object.__setattr__
    # written out with the field's name, which mypyc compiles to a direct store (through an alias of it, each field
    # was a call into Python).
    def __init__(self, start: int, end: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


# Words after which a full stop does not end a sentence: titles, honorifics, and abbreviations that are nearly
# always followed by more of the same sentence (a name, a number, a place).
NO_BREAK_AFTER = frozenset(
    """mr mrs ms dr prof gen lt col capt cmdr sgt cpl pvt maj adm rep reps sen sens gov govt pres supt insp det
    st ste rev hon fr jr sr mt ft no nos vol vols fig figs p pp ch sec art para approx ca cf al vs v
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy dept univ assn corp inc ltd co bros messrs mme mlle
    ariz calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa
    tenn tex va vt wash wis wyo""".split()
)

# Sentence starters that make a boundary after an initialism ("in the U.S. The ...") likely.
_STARTERS = frozenset(
    """the a an he she it they we i but and or so in on at this that these those his her their its our my there
    however meanwhile still yet if when while after before as for mr mrs ms dr""".split()
)

# Sentence-final punctuation, optional closing quotes/brackets, then whitespace (or end). A match starts only at
# the beginning of a run of marks (the look-behind after its first mark: no mark before it), and the quantifiers
# never give back (possessive), so a long run of dots with no space after it is scanned once, not once per dot. The
# pattern opens with the marks' character class, so the search skips to the next mark in C (a pattern opening with
# the look-behind was tried at every character, four times slower).
_BOUNDARY = re.compile(r"""([.!?\u2026](?<![.!?\u2026].)[.!?\u2026]*+)(["'\u201d\u2019\u00bb)\]]*+)(\s+)""")
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w.'\u2019-]*[^\W_])?)\.?$")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.){2,}$")
_TOKEN = re.compile(r"[^\W_]+")
# Every ASCII character to itself if a letter or digit, else to a space: a full table, so that str.translate never
# looks up a missing key (it raises and catches an exception for each)
_NOT_ALNUM_ASCII = "".join(c if c.isalnum() else " " for c in map(chr, range(128)))


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines, trimmed of surrounding whitespace, as spans of the original text."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Span(s, e))
        pos = end + 1
    return out


def sentences(text: str, paras: list[Span] | None = None) -> list[Span]:
    """Sentences as spans of the original text (never crossing a paragraph boundary)."""
    out: list[Span] = []
    for para in paras if paras is not None else paragraphs(text):
        out.extend(_split_paragraph(text, para.start, para.end))
    return out


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end:
            break
        if not _can_start(text, nxt, end):
            continue
        if m.group(1) == "." and not m.group(2) and _is_abbreviation(text, s, m.start(), nxt, end):
            continue
        cut = m.start(3)
        if cut > s:
            out.append(Span(s, cut))
        s = nxt
    if s < end:
        out.append(Span(s, end))
    return out


def _can_start(text: str, i: int, end: int) -> bool:
    """Can a sentence start at text[i]? An upper-case letter or digit, or an opening mark or bracket before one."""
    j = i
    while j < end and text[j] in "\"'\u201c\u2018\u00ab([\u201e":
        j += 1
    if j >= end:
        return False
    ch = text[j]
    return ch.isupper() or ch.isdigit() or (j > i and ch.isalpha())


def _is_abbreviation(text: str, s: int, dot: int, nxt: int, end: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation rather than a sentence end?"""
    lo = max(s, dot - 40)  # the word before the dot is short: never scan the whole sentence
    # neither pattern below matches a space, and both end at the dot: a match starts after the last space
    lo = max(lo, text.rfind(" ", lo, dot) + 1)
    m = _WORD_BEFORE.search(text, lo, dot + 1)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in NO_BREAK_AFTER:
        # "No." ends a sentence unless a number follows ("No. 10").
        if low == "no":
            return text[nxt:nxt + 1].isdigit()
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    if _INITIALISM.search(text, lo, dot + 1):
        # "U.S." ends the sentence only when a typical sentence starter follows.
        nm = _TOKEN.match(text, nxt, end)
        return not (nm and nm.group(0).lower() in _STARTERS)
    return False


def tokens(norm: NormalizedText) -> tuple[list[int], list[int], list[str]]:
    """Word tokens (letters and digits, with the combining marks that follow them; hyphens, apostrophes and punctuation
    separate them).

    Returns parallel lists: start and end offsets into the *original* text, and the folded (lower-cased, quote-
    and dash-normalised) form used for matching.
    """
    folded = norm.norm  # folding keeps every offset, so spans in it are spans in the original
    # Tokens are the runs of characters for which str.isalnum() holds (the regular expression [^\W_]+), with the
    # combining marks after them (:func:`_ascii_stand_in`). Every other
    # character is made a space (str.translate, in C, for ASCII; the few others of a text first stand in as "a" or
    # " "), and the text is split at each space: a part is a token or empty, and each part and its space advance the
    # offset. Three to four times as fast as splitting with the regular expression, and the same tokens.
    ascii_text = folded.isascii()
    plain = folded if ascii_text else _ascii_stand_in(folded)
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    pos = 0
    for part in plain.translate(_NOT_ALNUM_ASCII).split(" "):
        if part:
            starts.append(pos)
            words.append(part if ascii_text else folded[pos:pos + len(part)])
            pos += len(part)
            ends.append(pos)
        pos += 1
    return starts, ends, words


def _ascii_stand_in(folded: str) -> str:
    """``folded`` with every character outside ASCII made "a" if it is a letter or digit, or a combining mark right
    after one (text in decomposed form writes "ö" as "o" and U+0308, and Indic scripts write vowel signs as marks: a
    mark belongs to its letter's word), else " " (the same length: the ASCII codec's "replace" makes each such
    character one "?", and the text's own question marks are kept)."""
    b = bytearray(folded.encode("ascii", "replace"))
    i = b.find(b"?")
    while i >= 0:
        c = folded[i]
        if c != "?":
            if c.isalnum():
                b[i] = 97
            else:
                prev = b[i - 1] if i > 0 else 32
                in_word = 48 <= prev <= 57 or 65 <= prev <= 90 or 97 <= prev <= 122
                b[i] = 97 if in_word and unicodedata.category(c)[0] == "M" else 32
        i = b.find(b"?", i + 1)
    return b.decode("ascii")
