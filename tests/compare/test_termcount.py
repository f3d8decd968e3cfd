"""The corpus run's one-pass term counter (framing.compare.termcount) against the definitions it implements
(framing.compare.terms: tokens, stop words, bigrams), on example and generated texts."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.compare.termcount import count_terms_of
from framing.compare.terms import _spans, article_terms, stopwords, terms_of


def reference(text: str) -> tuple[list[str], list[int], list[int], list[int]]:
    """The terms as terms_of gives them, counted, with their first occurrences from the token spans."""
    stop = stopwords()
    counts = Counter(terms_of(text, ngrams=2))
    first: dict[str, tuple[int, int]] = {}
    toks = _spans(text)
    for w, _, s, e in toks:
        if w not in stop:
            first.setdefault(w, (s, e))
    for (w1, _, s, _), (w2, joined, _, e) in zip(toks, toks[1:], strict=False):
        if joined and w1 not in stop and w2 not in stop:
            first.setdefault(f"{w1} {w2}", (s, e))
    terms = sorted(counts)
    return terms, [counts[t] for t in terms], [first[t][0] for t in terms], [first[t][1] for t in terms]


EXAMPLES = [
    "",
    "The radical left's so-called reforms, said Kessel’s aide; radical left  again.\nRadical\nleft",
    "A b illegal migrants x illegal migrants: 12 illegal-migrants O'Neil o’neil's",
    "İstanbul mayor's office — the mayor’s 'office' said: mayor office, mayor  office",
    "__word__ word2word café déjà-vu CAFÉ déjà vu",
    "Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΜΙΛΗΣΕ ΣΗΜΕΡΑ",  # a word-final capital sigma lower-cases to ς
    "Jose\u0301 Mu\u0308ller met Jos\u00e9 M\u00fcller; \u0301stray mark, Ann-So\u0301fi",  # decomposed and composed
]


def test_examples_count_as_the_definitions_do() -> None:
    for text in EXAMPLES:
        assert count_terms_of(text.lower(), stopwords()) == reference(text), text
    terms, ns, starts, ends = count_terms_of(EXAMPLES[1].lower(), stopwords())
    assert dict(zip(terms, ns, strict=True))["radical left"] == 3  # across a double space and a line break
    i = terms.index("kessel")
    assert EXAMPLES[1][starts[i]:ends[i]] == "Kessel’s"


def test_a_word_in_decomposed_form_is_the_term_of_its_composed_form() -> None:
    # regression: a combining mark (U+0301 after "e") split the word, "José" in decomposed form gave "jose"
    text = EXAMPLES[-1]
    terms, ns, starts, ends = count_terms_of(text.lower(), stopwords())
    got = dict(zip(terms, ns, strict=True))
    assert got["jos\u00e9"] == 2 and got["m\u00fcller"] == 2 and got["jos\u00e9 m\u00fcller"] == 2
    assert "jose" not in got and "ller" not in got
    assert got["ann-s\u00f3fi"] == 1
    i = terms.index("m\u00fcller")
    assert text[starts[i]:ends[i]] == "Mu\u0308ller"  # offsets into the text as written


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ '’-.,\n\t\xa01_éİßΣσǅ\u0301\u0308") + ["the ", "said ", "left ", "radical ",
                                                                                  "ΛΟΓΟΣ "]),
                max_size=60).map("".join))
def test_any_text_counts_as_the_definitions_do(text: str) -> None:
    assert count_terms_of(text.lower(), stopwords()) == reference(text)


def test_article_terms_count_what_the_texts_counted_in_memory_count() -> None:
    text = "Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΜΙΛΗΣΕ. Radical left, radical left."
    out = article_terms([("a", text)])
    assert sorted(out["term"]) == sorted(set(terms_of(text, ngrams=2)))
    assert "πρωθυπουργος" in out["term"]


def test_article_terms_leave_offsets_out_when_lower_casing_changes_the_length() -> None:
    out = article_terms([("a", "İstanbul İstanbul news"), ("b", None), ("c", "Plain news here")])
    assert set(out["article_id"]) == {"a", "c"}
    rows = [(t, s) for a, t, s in zip(out["article_id"], out["term"], out["start"], strict=True) if a == "a"]
    assert rows and all(s is None for _, s in rows)
    assert ("news", 6) in [(t, s) for a, t, s in zip(out["article_id"], out["term"], out["start"], strict=True)
                           if a == "c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ '’-.,\n\t\xa01_éİßΣσǅ") + ["the ", "said ", "left ", "'s ", "’s "]),
                max_size=60).map("".join), st.booleans())
def test_unigrams_alone_are_the_unigrams_of_the_bigram_path(text: str, drop: bool) -> None:
    """terms_of with unigrams only skips the token offsets and spacing that bigrams need: the same terms in the same
    order as the unigrams terms_of gives with bigrams (which come after them, each with a space)."""
    both = terms_of(text, ngrams=2, drop_stopwords=drop)
    assert terms_of(text, drop_stopwords=drop) == [t for t in both if " " not in t]


def test_unigrams_of_the_examples_are_those_of_the_bigram_path() -> None:
    for text in EXAMPLES:
        assert terms_of(text) == [t for t in terms_of(text, ngrams=2) if " " not in t], text
