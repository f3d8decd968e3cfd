"""One text's word-choice terms counted in one pass: what a corpus run does for every article it stores.

The same terms as :func:`framing.compare.terms.terms_of` with ``ngrams=2`` (tokens, stop words and bigrams are
defined there), counted, with the offsets of each term's first occurrence. It runs for every article of a corpus
run, so it is one loop over the text's tokens (the text split once by the token pattern, the separators kept) and
it is compiled with mypyc (``framing._native``); :mod:`framing.compare.terms` keeps the definitions it must agree
with, and a property test compares the two.
"""

from __future__ import annotations

import re
import unicodedata

# The combining marks that text in decomposed form (NFD) writes after a letter ("e" + U+0301 for "é"): the blocks of
# combining diacritics for Latin, Greek and Cyrillic letters. A mark belongs to its letter's word.
MARKS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
# A word token: letters (with the marks after them), inner apostrophes or hyphens joining runs of them ("so-called",
# "kessel's"). Each repetition of a group must take a mark or a joiner, so no text makes the pattern backtrack.
_LETTERS = f"[^\\W\\d_]+(?:{MARKS}+[^\\W\\d_]*)*"
TOKEN = f"{_LETTERS}(?:['\u2019\\-]{_LETTERS})*"

# TOKEN in a group, so that re.split keeps the tokens between the separators
_SPLIT = re.compile(f"({TOKEN})")
_MARK = re.compile(MARKS)


def count_terms_of(low: str, stop: frozenset[str]) -> tuple[list[str], list[int], list[int], list[int]]:
    """The terms of a lower-cased text ``low`` (``text.lower()``, made by the caller: compiled, ``str.lower`` would
    miss the Greek final sigma) -- unigrams that are not in ``stop`` and bigrams of two such words separated by spaces
    only -- sorted, with how often each occurs and the start and end of its first occurrence."""
    parts: list[str] = _SPLIT.split(low)  # separator, token, separator, token, ..., separator
    marked = _MARK.search(low) is not None  # a word in decomposed form: its term is the composed one
    n: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    pos = len(parts[0])
    prev = ""  # the previous token when it can begin a bigram (a content word), else ""
    prev_start = 0
    joined = False  # only spaces between the previous token and this one
    for i in range(1, len(parts), 2):
        w = parts[i]
        sep = parts[i + 1]
        s = pos
        e = s + len(w)
        pos = e + len(sep)
        if "\u2019" in w:
            w = w.replace("\u2019", "'")
        if marked:
            w = unicodedata.normalize("NFC", w)
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 2:  # a one-letter word is no term and breaks a bigram
            prev = ""
            joined = False
            continue
        if w in stop:
            prev = ""
        else:
            if w in n:
                n[w] += 1
            else:
                n[w] = 1
                first[w] = (s, e)
            if prev and joined:
                b = prev + " " + w
                if b in n:
                    n[b] += 1
                else:
                    n[b] = 1
                    first[b] = (prev_start, e)
            prev = w
            prev_start = s
        joined = sep.isspace()
    terms = sorted(n)
    return terms, [n[t] for t in terms], [first[t][0] for t in terms], [first[t][1] for t in terms]
