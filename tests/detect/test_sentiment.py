import json

import pytest
from textblob import TextBlob

import framing
from framing.detect.sentiment import tokens
from framing.text.document import prepare
from tests.conftest import ROOT

TRICKY = [
    "I don't think it's well-known. He said: \"Great!\" U.S. troops aren't good... (!) Mr. Smith\u2019s isn\u2019t bad",
    "It's not a good idea :) but 8) and (March 8) and 2018) and xD happened",
    "What a terrible, horrible, no good, very bad day!!!",
    "e.g. the a.m. vote; Med. school; Mr. T. De Smedt spoke.",
    "",
    "\u201cAwful\u201d \u2018really nice\u2019 'quite good' \"never bad\"",
]


@pytest.mark.parametrize("sentence", TRICKY)
def test_tokens_are_textblobs(sentence):
    from textblob.en import sentiment as tb

    assert tokens(sentence) == [w.lower() for w in " ".join(tb.tokenizer(sentence)).split()]


def test_sentence_scores_equal_textblob_on_the_demo_corpus():
    lines = (ROOT / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    for line in lines:
        text = json.loads(line)["text"]
        for f in framing.analyse(text).of_type("sentiment"):
            ref = TextBlob(f.text).sentiment
            assert f.polarity == pytest.approx(ref.polarity, abs=1e-6)
            assert f.subjectivity == pytest.approx(ref.subjectivity, abs=1e-6)


def test_article_figure_pools_the_sentences():
    text = "This is a wonderful plan. The result was terrible."
    r = framing.analyse(text)
    assert r.metrics["sentiment"]["polarity"] == pytest.approx(TextBlob(text).sentiment.polarity, abs=1e-6)
    assert len(r.of_type("sentiment")) == len(prepare(text).sentences) == 2


def test_assess_is_textblobs_assessments_on_random_token_runs():
    """The flat-table port gives TextBlob's chunks and floats exactly, modifiers, negations, "!" and emoticons
    included, on generated token sequences (and the real sentences above)."""
    import random

    from framing.detect.sentiment import _analyser, assess

    an = _analyser()
    vocab = sorted(dict.keys(an))[::7] + ["not", "no", "never", "n't", "!", "(!)", ":)", ":-(", ";)", ":d", "<3",
                                          "very", "really", "extremely", "a", "the", "''", "!?", "x", "it's", "'"]
    rng = random.Random(7)
    runs = [[rng.choice(vocab) for _ in range(rng.randint(0, 14))] for _ in range(5000)]
    runs += [tokens(s) for s in TRICKY]
    for run in runs:
        assert [tuple(x) for x in assess(run)] == [tuple(x) for x in an.assessments([(w, None) for w in run], True)]


def test_the_engine_does_not_import_nltk_and_leaves_textblob_whole():
    # TextBlob's package imports NLTK and SciPy's statistics (seconds per process); the engine loads only the two
    # modules it uses, and a later `import textblob` must still give the real package, scoring as the engine does
    import subprocess
    import sys

    script = """
import sys
import framing
r = framing.analyse("What a wonderful, terrible day. It was not good at all!")
assert "nltk" not in sys.modules and "scipy.stats" not in sys.modules, "nltk or scipy.stats imported"
assert "textblob" not in sys.modules, "a bare textblob package left behind"
import textblob.en
from textblob import TextBlob
assert textblob.en.sentiment is not None
for f in r.of_type("sentiment"):
    ref = TextBlob(f.text).sentiment
    assert abs(f.polarity - ref.polarity) < 1e-9 and abs(f.subjectivity - ref.subjectivity) < 1e-9, f.text
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


# Pieces that exercise every branch of TextBlob's tokenizer and assessments: contractions, curly and straight quotes,
# abbreviations, ellipses, runs of punctuation, emoticons (across spaces too), the sarcasm mark, negations,
# modifiers, "!", paragraph breaks and line breaks, letters outside ASCII.
_PIECES = ["good", "bad", "very", "really", "not", "never", "no", "don't", "isn't", "it's", "we'll", "Trump's",
           "Mr.", "U.S.", "e.g.", "a.m.", "Dr", "...", "!", "?", "(!)", "( ! )", ":)", ": )", ":-(", "XD", "x D",
           "<3", "O_o", "o_O", "8)", ";)", "(", ")", "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", ",", ".",
           "-", "--", "\u2014", "wonderful", "terrible", "extremely", "happily", "sadly", "caf\u00e9", "\u00e9lan",
           "IBM", "2018", "8th", "well-known", " ", "  ", "\n", "\n\n", "\t", "the", "a", "plan", "said", "x", "o",
           "voters'", "3\u00b2", "\u0130stanbul", "\u039f\u0394\u039f\u03a3"]


def _generated(seed: int, n: int, max_pieces: int = 40) -> list[str]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randint(0, max_pieces)
        out.append("".join(rng.choice(_PIECES) + rng.choice(("", " ", " ", " ")) for _ in range(k)))
    return out


def test_tokens_are_textblobs_on_generated_text(monkeypatch):
    """Chunk by chunk, with the chunk cache and without it (a cache that empties at every second entry), and with
    the emoticon search skipped only where the text-wide pre-check allows it."""
    from textblob.en import sentiment as tb

    from framing.detect import sentiment

    texts = _generated(11, 3000) + TRICKY
    for small in (False, True):
        if small:
            monkeypatch.setattr(sentiment, "_CHUNKS_MAX", 2)
            sentiment._CHUNKS.clear()
        for s in texts:
            ref = [w.lower() for w in " ".join(tb.tokenizer(s)).split()]
            assert tokens(s) == ref, s
            if not sentiment._maybe_emoticon().search(s):
                assert tokens(s, emoticons=False) == ref, s
    sentiment._CHUNKS.clear()


def test_the_emoticon_search_is_skipped_only_in_sentences_the_pre_check_finds_nothing_in():
    """A sentence whose text holds no match of the emoticon pre-check gets the same tokens without the search."""
    from framing.detect import sentiment

    for text in _generated(13, 600, max_pieces=120) + TRICKY:
        doc = prepare(text)
        maybe = sentiment._maybe_emoticons_at(doc.text)
        for sp in doc.sentences:
            s = doc.text[sp.start:sp.end]
            if not any(sp.start <= a and b <= sp.end for a, b in maybe):
                assert tokens(s, emoticons=False) == tokens(s), s


def test_sentence_scores_equal_textblobs_on_generated_and_real_text():
    """Every sentence's polarity and subjectivity are TextBlob's, rounded to six places, on generated articles
    (sentences without opinion words, negations and modifiers pending across words, emoticons) and real ones."""
    from framing.detect import sentiment

    texts = _generated(12, 400, max_pieces=120)
    path = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"
    if path.exists():
        import gzip
        import itertools

        with gzip.open(path, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line)["content_original"] for line in itertools.islice(fh, 60)]
    for text in texts:
        doc = prepare(text)
        found, _ = sentiment.detect(doc)
        assert len(found) == len(doc.sentences)
        for f in found:
            ref = TextBlob(doc.text[f.start:f.end]).sentiment
            assert (f.polarity, f.subjectivity) == (round(ref.polarity, 6), round(ref.subjectivity, 6)), f.text
