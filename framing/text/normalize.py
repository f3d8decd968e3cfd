"""Normalisation for matching, with a map back to the original text.

We normalise to *match* (curly and straight quotes, dashes, no-break spaces, case) and never to *report*: every
replacement is one character for one character, so an offset found in the folded text is the same offset in the
original, and findings always report original text (``text[start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass

# One-for-one replacements applied before lower-casing. Apostrophe-like and quote-like marks fold to the straight
# forms so that "don’t" and "don't" match the same lexicon entry; dashes and hyphens fold to "-"; every kind of
# space folds to " ". Quotation-mark *pairing* does not use this table: it looks at the original marks.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "\u0060": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00ad": "-",  # a soft hyphen inside a word behaves as a hyphen for matching
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u3000": " ", "\t": " ",
}
FOLD_TABLE = str.maketrans(_FOLD)
# The characters texts write between the parts of a compound ("so-called", "so\u2011called", "so\u2013called"): the
# hyphen, the soft hyphen, the Unicode hyphens, the figure and en dashes and the minus sign (not the em dash, which
# sets off a phrase).
COMPOUND_HYPHENS = "-\u00ad\u2010\u2011\u2012\u2013\u2212"
_TABLE = FOLD_TABLE


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``norm`` is the text folded for matching, character for character: ``len(norm) == len(original)``.

    Folding never changes the length (a character whose lower case would be longer, such as "İ", folds to its
    first character), so the offset map back to the original is the identity: an offset found in ``norm`` *is*
    the offset in the original text.
    """

    original: str
    norm: str

    # An explicit __init__ (the dataclass keeps it): run natively when compiled (see framing.text.segment.Span).
    def __init__(self, original: str, norm: str) -> None:
        object.__setattr__(self, "original", original)
        object.__setattr__(self, "norm", norm)

    def to_original(self, i: int) -> int:
        """Original offset of normalised index ``i``."""
        return i

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        return start, end


# The same replacements as (key, value) pairs: one str.replace per character present is about thirty times faster
# than str.translate on non-ASCII text, and gives the same string (no replacement is itself a key).
_FOLD_PAIRS = tuple(_FOLD.items())
# The pairs whose key is ASCII (the backtick and the tab): all an ASCII text can hold.
_ASCII_PAIRS = tuple((k, v) for k, v in _FOLD_PAIRS if k.isascii())


def fold_marks(text: str) -> str:
    """``text.translate(FOLD_TABLE)``, computed faster."""
    for k, v in _ASCII_PAIRS if text.isascii() else _FOLD_PAIRS:
        if k in text:
            text = text.replace(k, v)
    return text


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for matching. Deterministic and total: any ``str`` is accepted."""
    folded = fold_marks(text).lower()
    # lower() never shortens a character, so equal lengths mean no character expanded.
    if len(folded) != len(text):
        folded = "".join(_fold_char(ch) for ch in text)
    return NormalizedText(text, folded)


def _fold_char(ch: str) -> str:
    piece = ch.translate(_TABLE).lower()
    return piece if len(piece) == 1 else piece[0]  # "İ".lower() is "i" + a combining dot: keep "i"
