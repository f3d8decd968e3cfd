"""Normalisation for matching, with a map back to the original text.

We normalise to *match* (curly and straight quotes, dashes, no-break spaces, case) and never to *report*:
every offset a detector reports is translated back into the original string with :meth:`NormalizedText.to_original`.

The common replacements are one character for one character, so the map is the identity and costs nothing.
A few characters change length when lower-cased or compatibility-folded (``"İ".lower()`` is two characters,
the ligature ``"ﬁ"`` folds to ``"fi"``); only then is an explicit index map built.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

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
_TABLE = FOLD_TABLE


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``norm`` is the text folded for matching; ``to_original`` maps an index in ``norm`` back."""

    original: str
    norm: str
    # _index[i] is the original offset of norm[i]; empty when the map is the identity (the usual case).
    _index: tuple[int, ...] = field(default=(), repr=False)

    def to_original(self, i: int) -> int:
        """Original offset of normalised index ``i`` (``len(norm)`` maps to ``len(original)``)."""
        if not self._index:
            return i
        if i >= len(self._index):
            return len(self.original)
        return self._index[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if not self._index:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        # The end maps to just past the original character that produced norm[end - 1], so a character that
        # expanded into several normalised ones is never split.
        return self._index[start], self._index[end - 1] + 1


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for matching. Deterministic and total: any ``str`` is accepted."""
    folded = text.translate(_TABLE).lower()
    # lower() never shortens a character, so equal lengths mean no character expanded: the map is the identity.
    if len(folded) == len(text):
        return NormalizedText(text, folded)
    return _slow_normalize(text)


def _slow_normalize(text: str) -> NormalizedText:
    """Character by character, recording where each normalised character came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        piece = ch.translate(_TABLE).lower()
        if len(piece) != 1:
            # Lower-casing expanded this character (e.g. "İ" -> "i̇"): keep its NFKC lower form and remember that
            # every piece of it came from original index i.
            piece = unicodedata.normalize("NFKC", ch).lower() or ch
        out.append(piece)
        index.extend([i] * len(piece))
    return NormalizedText(text, "".join(out), tuple(index))
