"""Counting terms: the article x term matrix that word choice (log-odds) and event grouping (TF-IDF) score.

Tokens are lower-cased runs of letters with inner apostrophes or hyphens ("so-called", "kessel's" -> "kessel"):
a fast regular expression rather than the engine's full segmentation, so that 50,000 articles are counted in
seconds. A word written in decomposed form (NFD: "jose" and U+0301) is the same term as in composed form ("josé").
Bigrams are two tokens separated only by spaces (punctuation breaks a bigram), kept only when neither is a stop word
("illegal migrants", "radical left").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.compare.termcount import MARKS, TOKEN, count_terms_of

if TYPE_CHECKING:
    # (imported where a matrix is made: a corpus run's workers count terms with terms_arrow alone, and scipy would
    # cost each of them ~20 MB of memory it never uses)
    import scipy.sparse as sp

_TOKEN = re.compile(TOKEN)
_MARK = re.compile(MARKS)
# The terms counted for word choice, as the store keeps them (framing.corpus.store, tables ``terms`` and
# ``terms_month``): change it with the tokeniser, the stop words or the n-gram length, so that a store's counts are
# made again rather than mixed with counts of other terms.
TERMS_VERSION = "terms-3: unigrams and bigrams, stopwords.txt, first occurrence, decomposed words composed"
# The n-gram length of the stored counts (what the Word choice page scores).
STORED_NGRAMS = 2


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop words (``framing/compare/stopwords.txt``), read once."""
    path = Path(__file__).with_name("stopwords.txt")
    words = (ln.strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; curly apostrophes become straight ones and a possessive 's is dropped."""
    return [w for w, _ in _tokens(text)]


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Tokens with a flag: is the token separated from the previous one by spaces only?"""
    return [(w, joined) for w, joined, _, _ in _spans(text)]


def _spans(text: str) -> list[tuple[str, bool, int, int]]:
    """Tokens with that flag and their offsets in the lower-cased text (a possessive 's inside the span)."""
    out = []
    low = text.lower()
    marked = _MARK.search(low) is not None
    prev_end = -1
    for m in _TOKEN.finditer(low):
        w = m.group().replace("\u2019", "'")
        if marked:
            w = unicodedata.normalize("NFC", w)
        if w.endswith("'s"):
            w = w[:-2]
        joined = prev_end >= 0 and not low[prev_end:m.start()].strip()
        prev_end = m.end()
        if len(w) > 1:
            out.append((w, joined, m.start(), m.end()))
        else:
            prev_end = -1  # a dropped one-letter word breaks a bigram too
    return out


def terms_of(text: str, *, ngrams: int = 1, drop_stopwords: bool = True) -> list[str]:
    """The terms of one text: unigrams (without stop words) and, with ``ngrams=2``, bigrams of content words."""
    stop = stopwords() if drop_stopwords else frozenset()
    if ngrams < 2:  # (unigrams need neither the offsets nor the spacing that _spans works out for bigrams)
        out = []
        low = text.lower()
        marked = _MARK.search(low) is not None
        for w in _TOKEN.findall(low):
            w = w.replace("\u2019", "'")
            if marked:
                w = unicodedata.normalize("NFC", w)
            if w.endswith("'s"):
                w = w[:-2]
            if len(w) > 1 and w not in stop:
                out.append(w)
        return out
    toks = _tokens(text)
    out = [t for t, _ in toks if t not in stop]
    if ngrams >= 2:
        out += [f"{a} {b}" for (a, _), (b, joined) in zip(toks, toks[1:], strict=False)
                if joined and a not in stop and b not in stop]
    return out


def article_terms(texts: Iterable[tuple[str, str | None]]) -> dict[str, list[Any]]:
    """Each article's terms (as :func:`terms_of` gives them with ``ngrams=2``), how often each occurs and where it
    first does, as columns: ``article_id``, ``term`` (an article's in sorted order), ``n``, and ``start``/``end``,
    the offsets of the first occurrence in the original text (None when lower-casing changed the text's length, so
    that offsets into the lower-cased text would not be offsets into it): what the store adds to its term counts
    (counted by :func:`framing.compare.termcount.count_terms_of`)."""
    out: dict[str, list[Any]] = {"article_id": [], "term": [], "n": [], "start": [], "end": []}
    stop = stopwords()
    for a, text in texts:
        if not isinstance(text, str):
            continue
        low = text.lower()
        terms, ns, starts, ends = count_terms_of(low, stop)
        out["article_id"] += [a] * len(terms)
        out["term"] += terms
        out["n"] += ns
        same = len(low) == len(text)
        out["start"] += starts if same else [None] * len(terms)
        out["end"] += ends if same else [None] * len(terms)
    return out


def terms_arrow(texts: Iterable[tuple[str, str | None]]) -> Any:
    """:func:`article_terms` as an Arrow table (the columns the store's term tables are added from)."""
    import pyarrow as pa

    schema = pa.schema([("article_id", pa.string()), ("term", pa.string()), ("n", pa.int64()),
                        ("start", pa.int32()), ("end", pa.int32())])
    batches = []
    it = iter(texts)
    # a few articles at a time: their counts as Python lists are several times the size of the Arrow columns (a
    # batch of 250 news articles holds ~130,000 terms), and would otherwise all be alive at once
    while piece := list(islice(it, _ARROW_CHUNK)):
        counts = article_terms(piece)
        batches.append(pa.record_batch([pa.array(counts[f.name], f.type) for f in schema], schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


# Articles whose counts are made into Arrow columns at once (terms_arrow).
_ARROW_CHUNK = 16


@dataclass(frozen=True)
class TermCounts:
    """Term counts per article: ``matrix[i, j]`` is how often ``terms[j]`` occurs in ``article_ids[i]``."""

    matrix: sp.csr_matrix
    terms: np.ndarray  # str, sorted
    article_ids: tuple[str, ...]
    ngrams: int

    def rows(self, article_ids: Sequence[str]) -> np.ndarray:
        """Row indices of the given articles (those without text are left out)."""
        pos = {a: i for i, a in enumerate(self.article_ids)}
        return np.array([pos[a] for a in article_ids if a in pos], dtype=np.int64)


def count_terms(texts: Mapping[str, str], article_ids: Iterable[str] | None = None, *, ngrams: int = 1,
                drop_stopwords: bool = True, min_count: int = 1) -> TermCounts:
    """Count the terms of every article (``article_ids`` in that order; default: every text, sorted by id).

    ``min_count`` drops terms seen fewer times in the whole corpus (they cannot be distinctive, and they make up
    most of a vocabulary).
    """
    ids = tuple(sorted(texts)) if article_ids is None else tuple(a for a in article_ids if a in texts)
    return count_term_lists([terms_of(texts[a], ngrams=ngrams, drop_stopwords=drop_stopwords) for a in ids], ids,
                            ngrams=ngrams, min_count=min_count)


def count_term_lists(terms: Sequence[Sequence[str]], article_ids: Sequence[str], *, ngrams: int = 1,
                     min_count: int = 1) -> TermCounts:
    """:func:`count_terms` from each article's terms already listed (``terms[i]`` those of ``article_ids[i]``, as
    :func:`terms_of` gives them with ``ngrams``)."""
    import scipy.sparse as sp

    ids = tuple(article_ids)
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for listed in terms:
        for t in listed:
            indices.append(vocab.setdefault(t, len(vocab)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int32)
    m = sp.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
                      shape=(len(ids), len(vocab)))
    m.sum_duplicates()
    vocabulary = np.array(list(vocab), dtype=object)
    # sort the vocabulary so that the matrix does not depend on the order terms were first seen
    order = np.argsort(vocabulary.astype(str), kind="stable")
    keep = order
    if min_count > 1 and len(vocabulary):
        totals = np.asarray(m.sum(axis=0)).ravel()
        keep = order[totals[order] >= min_count]
    m = m[:, keep].tocsr()
    return TermCounts(m, vocabulary[keep].astype(str), ids, ngrams)
