"""The case profile and the capitalised tokens, computed with C-level scans, equal the plain per-token definition."""

import gzip
import itertools
import json
import random

from framing.text.document import prepare
from framing.text.truecase import _opens_sentence, compute_case_profile
from tests.conftest import ROOT


def _reference(doc):
    # the definition, token by token (the engine's code before it was made faster)
    text, tok_start, tok_end, words = doc.text, doc.tok_start, doc.tok_end, doc.words
    firsts = [text[s] if not (s and text[s - 1] in "@#/._") else "" for s in tok_start]
    lower = {w for w, c in zip(words, firsts) if c.islower()}
    starts = set(doc.sent_starts)
    capital = set()
    for i, c in enumerate(firsts):
        if c.isupper():
            s = tok_start[i]
            if s not in starts and not _opens_sentence(text, tok_end[i - 1] if i else -1, s, starts):
                capital.add(words[i])
    return frozenset(capital), frozenset(lower)


def _texts():
    rng = random.Random(5)
    pieces = ["@Foo", "#Bar", "a/B", "x.Y", "_Z", ".Net", "Hello", "world", ". ", "\n", "\n\n", " ", "said", "Mr.",
              "\u201cLast", "\u0130stanbul", "x@Y.com", "(", "Smith", "smith", "BBC", "e.g.", "\u00c9lan", "-", "3D"]
    out = ["".join(rng.choice(pieces) + rng.choice(("", " ")) for _ in range(rng.randint(0, 80)))
           for _ in range(2000)]
    path = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            out += [json.loads(line)["content_original"] for line in itertools.islice(fh, 100)]
    out += [json.loads(line)["text"] for line in (ROOT / "data/demo/articles.jsonl").read_text().splitlines()]
    return out


def test_case_profile_and_capital_tokens_equal_the_definition():
    for text in _texts():
        doc = prepare(text)
        assert compute_case_profile(doc) == _reference(doc), text
        assert doc.capital_tokens == [i for i, s in enumerate(doc.tok_start) if doc.text[s].isupper()], text
