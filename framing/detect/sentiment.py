"""Sentiment and subjectivity with TextBlob's default analyser (the pattern lexicon), per sentence and per article.

Each sentence is scored as ``TextBlob(sentence).sentiment`` scores it: TextBlob's lexicon and its ``assessments``
algorithm (adjectives with polarity, subjectivity and intensity; negations; intensifying adverbs; "!"), over the
tokens TextBlob's tokenizer produces. The tokenizer is re-implemented here token for token (a fast path for plain
words, TextBlob's own rules for the rest) because it is half of TextBlob's running time;
``tests/detect/test_sentiment.py`` checks that it gives the same tokens and scores as TextBlob.

The article's figure is the mean over all of the article's assessments. It equals ``TextBlob(article).sentiment``
except where a negation or an intensifier at the end of one sentence would have reached into the next;
``benchmarks/sentiment_agreement.py`` measures the difference on real articles.

Cannot: read sarcasm, sentiment towards a particular actor, or anything outside the lexicon's ~2,900 adjectives.
Polarity is a property of the wording, not a verdict on the article.
"""

from __future__ import annotations

import _imp
import importlib
import importlib.util
import re
import sys
import types
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.findings import SentenceSentiment
from framing.text.document import Document


@dataclass(frozen=True, slots=True)
class ArticleSentiment:
    polarity: float
    subjectivity: float
    n_assessed: int  # words the lexicon scored


@lru_cache(maxsize=1)
def _analyser() -> Any:
    """TextBlob's pattern analyser with its lexicon loaded into a plain dict (same data, no lazy-loading checks).

    Imported on first use: nothing happens at import time.
    """
    sentiment = _textblob()[0].sentiment

    # a subclass made with type() rather than a class statement: mypyc compiles this module and cannot compile
    # a class defined inside a function
    _Eager: Any = type("_Eager", (type(sentiment),), {"__contains__": dict.__contains__,
                                                      "__getitem__": dict.__getitem__, "get": dict.get})
    len(sentiment)  # forces TextBlob to load its lexicon
    eager = _Eager.__new__(_Eager)
    dict.update(eager, dict.items(sentiment))
    eager.__dict__.update(sentiment.__dict__)
    return eager


@dataclass(frozen=True, slots=True)
class _Tables:
    """TextBlob's lexicon and word lists as flat lookups for :func:`assess` (built once from the same data)."""

    words: dict[str, tuple[float, float, float, bool, str | None]]  # polarity, subjectivity, intensity, modifier, label
    negations: frozenset[str]
    emoticons: dict[str, float]  # lower-cased emoticon -> polarity (the first group listing it, as TextBlob looks)
    irony: str
    mood: str
    punctuation: str  # TextBlob's punctuation string: ``w not in`` it is a substring test, kept as TextBlob has it
    scored: frozenset[str]  # every token that starts an assessment: the lexicon's words, the emoticons and "(!)"
    special: frozenset[str]  # every token that does anything when no modifier or negation is pending


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    an = _analyser()
    tb = _tb()
    words = {}
    for w, entry in dict.items(an):
        if None in entry:
            p, s, i = entry[None]
            words[w] = (p, s, i, any(map(entry.__contains__, an.modifiers)), an.labeler.get(w))
    emoticons: dict[str, float] = {}
    for (_type, pol), faces in tb.EMOTICONS.items():
        for e in faces:
            emoticons.setdefault(e.lower(), pol)
    return _Tables(words, frozenset(an.negations), emoticons, tb.IRONY, tb.MOOD, tb.PUNCTUATION,
                   frozenset(words) | frozenset(emoticons) | {"(!)"},
                   frozenset(words) | frozenset(emoticons) | frozenset(an.negations) | {"(!)", "!"})


def assess(words: list[str]) -> list[tuple[list[str], float, float, str | None]]:
    """``TextBlob``'s ``Sentiment.assessments(words, negation=True)`` for untagged lower-cased tokens, step for step
    (the same chunks and the same floating-point operations in the same order), with one dictionary lookup per
    word instead of TextBlob's several; ``tests/detect/test_sentiment.py`` compares the two."""
    t = _tables()
    lex, negations, emoticons, punctuation, special = t.words, t.negations, t.emoticons, t.punctuation, t.special
    a: list[list[Any]] = []  # [words, polarity, subjectivity, intensity, negated (-1) or 1, label]
    m: str | None = None  # the preceding modifier ("very good")
    n: str | None = None  # the preceding negation ("not good")
    for w in words:
        if m is None and n is None and w not in special:
            continue  # nothing pending, and the word is not one the steps below act on: they would do nothing
        e = lex.get(w)
        if e is not None:
            p, s, i, is_modifier, label = e
            if m is None:
                a.append([[w], p, s, i, 1, label])
            else:
                last = a[-1]
                last[0].append(w)
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                last[3] = i
                last[5] = label
            if n is not None:
                last = a[-1]
                last[0].insert(0, n)
                last[3] = 1.0 / last[3]
                last[4] = -1
            m = w if is_modifier else None
            n = w if w in negations else None
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and m.endswith("ly"):
                a[-1][0].append(n)
                a[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and a:
                a[-1][0].append("!")
                a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, t.irony])
            if not w.isalpha() and len(w) <= 5 and w not in punctuation:
                pol = emoticons.get(w)
                if pol is not None:
                    a.append([[w], pol, 1.0, 1.0, 1, t.mood])
    return [(r[0], r[1] * -0.5 if r[4] < 0 else r[1], r[2], r[5]) for r in a]


@lru_cache(maxsize=1)
def _tb() -> Any:
    return _textblob()[1]


@lru_cache(maxsize=1)
def _textblob() -> tuple[Any, Any]:
    """TextBlob's ``en`` and ``_text`` modules, the only parts of TextBlob the engine uses.

    ``import textblob`` imports NLTK, which imports SciPy's statistics: about 2.5 s before the first article, in every
    process that analyses (a CLI call, a report, each worker). The two modules import nothing of that, so they are
    loaded from TextBlob's own files under a bare package, which is then taken out of ``sys.modules`` again: a later
    ``import textblob`` gets the real package, whole. When TextBlob is imported already, its modules are used."""
    if "textblob" not in sys.modules:
        spec = importlib.util.find_spec("textblob")
        if spec is not None and spec.submodule_search_locations:
            bare = types.ModuleType("textblob")
            bare.__path__ = list(spec.submodule_search_locations)
            names = ("textblob", "textblob._text", "textblob.en")
            _imp.acquire_lock()  # no other thread imports while the bare package stands in for the real one
            try:
                sys.modules["textblob"] = bare
                en_module = importlib.import_module("textblob.en")
                text_module = importlib.import_module("textblob._text")
            finally:
                for name in names:
                    sys.modules.pop(name, None)
                _imp.release_lock()
            return en_module, text_module
    from textblob import _text, en

    return en, _text


_CONTRACTIONS = re.compile(r"'d|'m|'s|'ll|'re|'ve|n't")
# TextBlob puts spaces around every quotation mark; one str.replace per mark present is ten times faster than
# str.translate with multi-character replacements, and the same (a replacement adds only spaces and its own mark)
_QUOTE_MARKS = ("\u201c", "\u201d", "\u2018", "\u2019", "'", '"')


def _space_quotes(s: str) -> str:
    for ch in _QUOTE_MARKS:
        if ch in s:
            s = s.replace(ch, " " + ch + " ")
    return s


def tokens(sentence: str, *, emoticons: bool = True) -> list[str]:
    """The lower-cased tokens ``TextBlob(sentence).sentiment`` assesses, as TextBlob's tokenizer splits them.

    ``emoticons=False`` skips the search for TextBlob's emoticons: for a sentence whose text holds no match of
    :func:`_maybe_emoticon` (:func:`_maybe_emoticons_at`)."""
    if "\n\n" in sentence or "\r\n\r\n" in sentence:
        # paragraph breaks become sentence markers in TextBlob's tokenizer: use it as it is
        return _lower(" ".join(_tb().find_tokens(sentence))).split()
    # TextBlob's contractions and quotation marks only add spaces inside a whitespace-separated chunk, and its
    # punctuation rules read one chunk at a time: so a sentence's tokens are its chunks' tokens in turn. A chunk of
    # letters and digits is its own token; the others ("said,", "Trump's", "U.S.") are split once per process
    out: list[str] = []  # (out.append, not a bound method kept aside: compiled, it is a native call)
    known = _CHUNKS
    for c in sentence.split():
        if c.isalnum():
            out.append(c)
        elif c[-1] in _PUNCT_SET and c[:-1].isalnum():
            # a word and one mark after it other than a full stop ("said,", "it?", "voters'"): the word and the mark,
            # as _chunk_tokens splits them, without a lookup in the cache of chunks
            out.append(c[:-1])
            out.append(c[-1])
        else:
            split = known.get(c)
            out += split if split is not None else _chunk_tokens(c)
    joined = " ".join(out)
    if "(" in joined:
        joined = _tb().RE_SARCASM.sub("(!)", joined)
    if emoticons and _maybe_emoticon().search(joined):
        joined = _tb().RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined)
    return _lower(joined).split()


# Python's own str.lower, called as a Python function (see _lower)
_PY_LOWER: Any = str.lower


def _lower(s: str) -> str:
    """``s.lower()`` as Python computes it. Compiled, ``s.lower()`` is mypyc's, which before Python 3.13 maps the
    characters of a text outside ASCII one by one, without Python's rule for a Greek capital sigma that ends a word
    ("ΟΔΟΣ" is "οδος" in Python, "οδοσ" in mypyc's): such a text goes through Python's method."""
    return s.lower() if s.isascii() else _PY_LOWER(s)


# The tokens of each distinct chunk that is not a plain word. Bounded: emptied when full, and only short chunks are
# kept, so that a process that analyses millions of articles keeps a few MB (the cache only saves work: the tokens
# are the same without it).
_CHUNKS: dict[str, tuple[str, ...]] = {}
_CHUNKS_MAX = 100_000
_CHUNK_CHARS = 64  # longer chunks (a URL, a run of marks with no space) are not kept, so that memory stays small


def _spaced(m: re.Match[str]) -> str:
    return " " + m.group(0)


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """TextBlob's tokens of one chunk without whitespace, as written (remembered in _CHUNKS)."""
    tb = _tb()
    s = _space_quotes(_CONTRACTIONS.sub(_spaced, chunk) if "'" in chunk else chunk)
    out: list[str] = []
    for t in s.split():
        if t.isalnum():
            out.append(t)
            continue
        # TextBlob strips leading and trailing punctuation one character at a time; the same with indices, so a
        # long run of punctuation costs its length, not its length squared
        n = len(t)
        i = 0
        while i < n and t[i] in _PUNCT_SET and not (n - i <= 3 and t[i:] in _REPLACE_KEYS):
            out.append(t[i])
            i += 1
        t = t[i:]
        tail: list[str] = []
        end = len(t)
        clean_upto = -1  # t[:end] can be an abbreviation only if end <= clean_upto (computed when first needed)
        while end and t[end - 1] in _PUNCT_DOT_SET and not (end <= 3 and t[:end] in _REPLACE_KEYS):
            if t[end - 1] in _PUNCT_SET:
                tail.append(t[end - 1])
                end -= 1
            if end >= 3 and t[end - 3:end] == "...":
                tail.append("...")
                end -= 3
                while end and t[end - 1] == ".":
                    end -= 1
            if end and t[end - 1] == ".":
                if clean_upto < 0:
                    clean_upto = _letters_and_dots_prefix(t)
                if end <= clean_upto:
                    head = t[:end]
                    if head in tb.ABBREVIATIONS or tb.RE_ABBR1.match(head) or tb.RE_ABBR2.match(head) \
                            or tb.RE_ABBR3.match(head):
                        break
                tail.append(".")
                end -= 1
        if end:
            out.append(t[:end])
        out.extend(reversed(tail))
    split = tuple(out)
    if len(chunk) <= _CHUNK_CHARS:
        if len(_CHUNKS) >= _CHUNKS_MAX:
            _CHUNKS.clear()
        _CHUNKS[chunk] = split
    return split


_PUNCT = tuple(".,;:!?()[]{}`''\"@#$^&*+-|=~_".replace(".", ""))
_PUNCT_DOT = _PUNCT + (".",)
_PUNCT_SET = frozenset(_PUNCT)
_PUNCT_DOT_SET = frozenset(_PUNCT_DOT)


def _letters_and_dots_prefix(t: str) -> int:
    """The length of the longest prefix of ``t`` that could be one of TextBlob's abbreviations: letters, full stops,
    and "|" (TextBlob's consonant pattern for "Mr." lists its letters joined by "|" inside a character class)."""
    for i, ch in enumerate(t):
        if ch != "." and ch != "|" and not ch.isalpha():
            return i
    return len(t)
_REPLACE_KEYS = frozenset(("'d", "'m", "'s", "'ll", "'re", "'ve", "n't"))


@lru_cache(maxsize=1)
def _maybe_emoticon() -> re.Pattern[str]:
    """A cheap pre-check: the first two characters of every TextBlob emoticon, with any whitespace between them.
    A text it does not match cannot match TextBlob's emoticon pattern once tokenized, nor can any of its sentences
    (tokenizing only adds and removes whitespace; the pattern allows one space between the characters).

    One alternative per first character, with its second characters as a class (a third faster to search than one
    alternative per pair; the same matches)."""
    seconds: dict[str, set[str]] = {}
    for faces in _tb().EMOTICONS.values():
        for e in faces:
            seconds.setdefault(e[0], set()).add(e[1] if len(e) > 1 else "")
    alternatives = [re.escape(c) if "" in after else re.escape(c) + r"\s*[" + "".join(map(re.escape, sorted(after)))
                    + "]" for c, after in sorted(seconds.items())]
    return re.compile("|".join(alternatives))


def _maybe_emoticons_at(text: str) -> list[tuple[int, int]]:
    """Every match of :func:`_maybe_emoticon` in ``text``, overlapping ones too, as (start, end): a sentence's tokens
    can match it only where the sentence's text does (tokenizing only adds and removes whitespace), so a sentence
    without one of these inside it needs no emoticon search. (At a given start every alternative ends at the same
    place: after the first character that is not whitespace.)"""
    pattern = _maybe_emoticon()
    out: list[tuple[int, int]] = []
    m = pattern.search(text)
    while m is not None:
        out.append((m.start(), m.end()))
        m = pattern.search(text, m.start() + 1)
    return out


def detect(doc: Document, *, per_sentence: bool = True) -> tuple[list[SentenceSentiment], ArticleSentiment]:
    """Per-sentence findings (when ``per_sentence``) and the article's polarity and subjectivity."""
    out: list[SentenceSentiment] = []
    sum_p = sum_s = 0.0
    n_all = 0
    text = doc.text
    # where the emoticon pre-check matches in the text (start, end), so that only a sentence holding one of these
    # matches is searched for emoticons (the same sentences that the pre-check on each one's tokens would pass)
    maybe = _maybe_emoticons_at(text)
    starts = [m[0] for m in maybe]
    scored = _tables().scored
    for sp in doc.sentences:
        emoticons = False
        k = bisect_left(starts, sp.start)
        while k < len(maybe) and maybe[k][0] < sp.end:
            if maybe[k][1] <= sp.end:
                emoticons = True
                break
            k += 1
        toks = tokens(text[sp.start:sp.end], emoticons=emoticons)
        # a sentence with no word the lexicon scores, no emoticon and no "(!)" has no assessments
        a = assess(toks) if not scored.isdisjoint(toks) else []
        n = len(a)
        if n:
            sp_sum = sum(x[1] for x in a)
            ss_sum = sum(x[2] for x in a)
            sum_p += sp_sum
            sum_s += ss_sum
            n_all += n
        else:
            sp_sum = ss_sum = 0.0
        if per_sentence:
            if n:
                pol, sub = sp_sum / n, ss_sum / n
                out.append(SentenceSentiment(sp.start, sp.end, doc.original[sp.start:sp.end], round(pol, 6),
                                             round(sub, 6), _explain(pol, sub, a)))
            else:  # (rounding a float to six places takes a few thousand instructions: not for zero)
                out.append(SentenceSentiment(sp.start, sp.end, doc.original[sp.start:sp.end], 0.0, 0.0,
                                             _explain(0.0, 0.0, a)))
    art = ArticleSentiment(round(sum_p / n_all, 6) if n_all else 0.0, round(sum_s / n_all, 6) if n_all else 0.0,
                           n_all)
    return out, art


def _explain(pol: float, sub: float, assessments: list) -> str:
    if not assessments:
        return "TextBlob found no opinion words in this sentence (polarity 0, subjectivity 0)."
    words = ", ".join(" ".join(x[0]) for x in assessments[:4])
    tone = "positive" if pol > 0.05 else "negative" if pol < -0.05 else "neutral"
    return (f"TextBlob polarity {pol:+.2f} ({tone}), subjectivity {sub:.2f}, from the opinion words: {words}"
            f"{' and more' if len(assessments) > 4 else ''}.")
