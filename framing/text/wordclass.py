"""The usual word class of an English word, from the tagger lexicon TextBlob ships (``textblob/en/en-lexicon.txt``,
the lexicon of Brill's tagger: each word's most frequent Penn Treebank tag in tagged English text).

Used where the text itself cannot tell a name from an ordinary word: a capitalised word that opens a sentence and
is never written capitalised elsewhere in the article ("Despite ...", "Polls show", "Students said"). English
capitalises every sentence's first word, so only the word's usual class says whether it names someone.

The file is read from the installed TextBlob package (the version requirements.txt pins; another version's lexicon
may class some words otherwise) the first time a word is looked up, and nothing of it is copied into this project.
Without the file every word is "unknown", no rule that uses it applies, and a warning says so once.
"""

from __future__ import annotations

import importlib.util
import os
import warnings

_TAGS: dict[str, str] | None = None


def _tags() -> dict[str, str]:
    global _TAGS
    if _TAGS is None:
        tags: dict[str, str] = {}
        spec = importlib.util.find_spec("textblob")  # finds the package without importing it (NLTK is slow)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                path = os.path.join(folder, "en", "en-lexicon.txt")
                if os.path.exists(path):
                    with open(path, encoding="utf-8") as f:
                        for line in f.read().splitlines():
                            word, _, tag = line.partition(" ")
                            if tag and not word.startswith(";;;"):
                                tags[word] = tag
                    break
        if not tags:
            warnings.warn("framing: TextBlob's tagger lexicon (textblob/en/en-lexicon.txt) was not found: a capitalised "
                          "word opening a sentence is read as a possible name whatever its class", stacklevel=2)
        _TAGS = tags
    return _TAGS


def tag(word: str) -> str:
    """The word's usual Penn Treebank tag as written ("Despite" -> "IN", "engineers" -> "NNS"), else the tag of its
    lower-case form; "" when English lexicons do not know it (most names)."""
    tags = _tags()
    t = tags.get(word)
    if t is None and word[:1].isupper():
        t = tags.get(word.lower())
    return t or ""


def opener_class(word: str) -> str:
    """What a capitalised word that opens a sentence usually is, when it is an ordinary English word: "closed" (a
    preposition, conjunction, adverb, determiner, modal or wh-word: "Despite", "Once", "Neither", "Why"), "verb"
    ("Let", "Imagine"), "adjective" ("Needless", "Former", "Last"), "plural" ("Polls", "Students"); else "" (a
    name, a singular common noun, or a word the lexicon does not know). A singular noun is left as a possible name:
    English puts no bare singular noun before a verb as its subject, so "Holder said" names someone. A word in
    capitals throughout ("WHO") and one the lexicon knows capitalised as a name ("Warren", "Banks") are never
    ordinary words here."""
    if len(word) < 2 or not word[:1].isupper() or word.isupper():
        return ""
    t = tag(word)
    if t in _CLOSED:
        return "closed"
    if t.startswith("VB"):
        return "verb"
    if t.startswith("JJ"):
        return "adjective"
    return "plural" if t == "NNS" else ""


# Penn Treebank tags of the closed word classes.
_CLOSED = frozenset(("IN", "RB", "RBR", "RBS", "CC", "DT", "PDT", "WRB", "WDT", "WP", "WP$", "MD", "TO", "EX", "UH"))


def plural_noun(word: str) -> bool:
    """Is the lower-case word usually a plural common noun ("engineers", "analysts")?"""
    return _tags().get(word) == "NNS"


def common_noun(word: str) -> bool:
    """Is the lower-case word usually a common noun ("state", "communications")?"""
    return _tags().get(word) in ("NN", "NNS")
