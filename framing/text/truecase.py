"""Which capitalised words of a text are names: the classic truecasing test, done once per document.

A capitalised word at the start of a sentence may be a name ("Biden said") or an ordinary word ("Last week",
"Instead", "Housing costs"). English capitalises names wherever they stand, so a word the text writes capitalised
in the middle of a sentence and never in lower case is taken to be a name.

Cannot: tell a name that only ever opens sentences (it is not a name here), or a capitalised common word in a
headline-style line (headline lines are skipped, so they never make a word a name).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.text.document import Document


def name_words(doc: Document) -> frozenset[str]:
    """Folded forms of the words written capitalised mid-sentence and never lower-case."""
    capital, lower = case_profile(doc)
    return frozenset(capital - lower)


def lower_words(doc: Document) -> frozenset[str]:
    """Folded forms of the words the text writes in lower case somewhere."""
    return case_profile(doc)[1]


def case_profile(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """The folded words written capitalised mid-sentence, and those written in lower case (cached on the document)."""
    return doc.case_profile


def compute_case_profile(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    text = doc.text
    tok_start, tok_end, words = doc.tok_start, doc.tok_end, doc.words
    # a handle, hashtag, address or file name keeps its own case ("@wikileaks"): such tokens count for neither set.
    # (the marks are found in one scan of the text, and the token right after each one, if any, by bisection)
    firsts = doc.first_chars
    handles = []
    for m in _AFTER_MARK.finditer(text):
        k = bisect_left(tok_start, m.end())
        if k < len(tok_start) and tok_start[k] == m.end():
            handles.append(k)
    if handles:
        firsts = list(firsts)
        for k in handles:
            firsts[k] = ""
    lower: set[str] = set()
    starts = set(doc.sent_starts)
    capital: set[str] = set()
    for i, c in enumerate(firsts):
        if is_lower(c):
            lower.add(words[i])
        elif is_upper(c):  # capitalised tokens are a small share: only they are looked at closely
            s = tok_start[i]
            if s not in starts and not _opens_sentence(text, tok_end[i - 1] if i else -1, s, starts):
                capital.add(words[i])
    return frozenset(capital), frozenset(lower)


# A token's first character is tested many times per article: ASCII (most of them) by its code, natively when
# compiled, the rest by str.isupper and str.islower (the same answers; "" for no character is neither).
def is_upper(c: str) -> bool:
    """``c.isupper()`` for a one-character string (or "")."""
    if len(c) == 1:
        o = ord(c)
        if o < 128:
            return 65 <= o <= 90
    return c.isupper()


def is_lower(c: str) -> bool:
    """``c.islower()`` for a one-character string (or "")."""
    if len(c) == 1:
        o = ord(c)
        if o < 128:
            return 97 <= o <= 122
    return c.islower()


# (only a mark with something other than whitespace after it can have a token right after it)
_AFTER_MARK = re.compile(r"[@#/._](?=\S)")


def _opens_sentence(text: str, prev_end: int, s: int, starts: set[int]) -> bool:
    """Does the token at ``s`` open a sentence or a line behind quotation marks or brackets ("“Last week ...")?"""
    gap = text[max(prev_end, 0):s] if prev_end >= 0 else text[:s]
    if "\n" in gap or prev_end < 0:
        return True
    stripped = gap.strip()
    if not stripped:
        return False
    if stripped[-1] in "\u201c\u2018([":
        return True  # an opening mark or bracket
    core = stripped.rstrip("\"'\u201d\u2019)]").rstrip()
    return not core or core[-1] in ".!?:;\u2014\u2015\u2013-\u2026"


def name_case(doc: Document, name: str) -> str:
    """A name written in capitals ("MCCONNELL", "REV. AL SHARPTON") as the text writes it elsewhere, word by word
    ("McConnell", "Rev. Al Sharpton"): the first token of the same folded word that is capitalised and not in
    capitals throughout; a word the text writes no other way is title-cased ("Mcconnell")."""
    forms = doc.cased_forms
    out = []
    for word in name.split():
        core = word.rstrip(".'\u2019-")
        found = forms.get(core.lower())
        out.append(found + word[len(core):] if found else word.title())
    return " ".join(out)


def compute_cased_forms(doc: Document) -> dict[str, str]:
    """Folded word -> its first form in the text that is capitalised and not in capitals throughout."""
    text = doc.text
    forms: dict[str, str] = {}
    for i in doc.capital_tokens:
        w = doc.words[i]
        if w not in forms:
            raw = text[doc.tok_start[i]:doc.tok_end[i]]
            if not raw.isupper() and raw.lower() == w:
                forms[w] = raw
    return forms
