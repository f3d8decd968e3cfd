"""Language identification (framing/text/language.py): the engine's own walk of py3langid's model gives exactly
py3langid's label and probability."""

from __future__ import annotations

import gzip
import itertools
import json
import random

import pytest

from framing import adversarial
from framing.config import DEFAULT
from framing.text import language
from tests.conftest import ROOT, SHARED

# Short texts in other languages and scripts, mixed texts, and texts the classifier handles specially (all capitals,
# no feature at all, lone surrogates, combining marks that NFC composes).
SAMPLES = [
    "Die Bundesregierung hat am Mittwoch neue Regeln für die Einwanderung beschlossen, sagte ein Sprecher.",
    "Le gouvernement a annoncé mercredi de nouvelles règles pour l'immigration, a déclaré un porte-parole.",
    "El gobierno anunció el miércoles nuevas normas de inmigración, dijo un portavoz del ministerio.",
    "Правительство объявило в среду о новых правилах иммиграции, сообщил представитель министерства.",
    "政府は水曜日、移民に関する新しい規則を発表したと報道官が述べた。",
    "新政府周三宣布了新的移民规定，一位发言人表示。",
    "الحكومة أعلنت يوم الأربعاء عن قواعد جديدة للهجرة، قال متحدث باسم الوزارة.",
    "Srpska vlada je u sredu objavila nova pravila, rekao je portparol ministarstva unutrašnjih poslova.",
    "Српска влада је у среду објавила нова правила, рекао је портпарол министарства унутрашњих послова.",
    "THE GOVERNMENT ANNOUNCED NEW RULES ON WEDNESDAY, A SPOKESMAN SAID TO REPORTERS IN THE CAPITAL.",
    "The senator said: « Nous ne céderons pas », and then he left the room without another word.",
    "Cafe\u0301 owners said the new rules would hurt business; the ministry said otherwise, twice over.",
    "\ud800 lone surrogate \udfff in a text that is otherwise English enough to be classified at all",
    "!!!! ???? .... ,,,, ;;;; :::: ---- ____ ==== ++++ **** #### @@@@ $$$$ %%%% ^^^^ &&&& abcdefghijklmnopqrst",
]


def _reference():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _texts() -> list[str]:
    texts = list(SAMPLES)
    texts += [make(600) for make in adversarial.FAMILIES.values()]
    rng = random.Random(7)
    texts += [adversarial.fuzz_text(rng) for _ in range(200)]
    demo = (ROOT / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in demo]
    corpus = SHARED / "data/allsides_articles/subset_articles.jsonl.gz"
    if corpus.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line).get("content_original") or "" for line in itertools.islice(fh, 300)]
    return texts


def test_the_same_label_and_probability_as_py3langid():
    ref = _reference()
    texts = _texts()
    samples = [t[: DEFAULT.language_sample_chars] for t in texts] + texts[: len(SAMPLES)] + [t[:40] for t in texts]
    for s in samples:
        assert language._classify(s) == ref.classify(s), s[:80]


@pytest.mark.parametrize("text, code", [
    (SAMPLES[0], "de"), (SAMPLES[1], "fr"), (SAMPLES[3], "ru"), ("Too short to tell.", "und"),
    ("The government announced new immigration rules on Wednesday, a spokesman for the ministry said.", "en"),
])
def test_identify(text, code):
    assert language.identify(text, DEFAULT).code == code


def test_the_cache_of_converted_rows_starts_again_when_full():
    import numpy as np

    ref = _reference()
    model = language._model.__wrapped__()  # a model of its own, with a cache of 700 rows
    model.cached = np.empty((700, model.ptc.shape[1]), dtype=np.float32)
    texts = [t[:500] for t in _texts()]
    texts.append(texts[-1] * 10)  # more features than the cache holds
    for s in texts:
        assert language._classify(s, model) == ref.classify(s), s[:80]
    assert 0 < model.n_cached <= 700


def _whole_sample(text: str) -> str:
    """The language identify gave before it read the first half of a long sample on its own: the whole sample."""
    sample = text[: DEFAULT.language_sample_chars]
    if sum(map(str.isalpha, sample)) < DEFAULT.min_language_letters:
        return language.UNDETERMINED
    code, p = language._classify(sample)
    return code if round(float(p), 4) >= DEFAULT.min_language_confidence else language.UNDETERMINED


def test_the_first_half_decides_only_english_and_gives_the_same_language():
    texts = _texts() + [t * 8 for t in SAMPLES]  # (the samples are short: repeated, they fill a whole sample)
    assert sum(len(t) >= DEFAULT.language_sample_chars for t in texts) > 100
    for t in texts:
        assert language.identify(t, DEFAULT).code == _whole_sample(t), t[:80]


def test_an_article_that_opens_in_english_is_english():
    # the documented limit: the first half of the sample decides when it is English enough
    english = "The White House said on Tuesday that the president would travel to Ohio next week to promote his plan. "
    german = "Die Bundesregierung hat am Mittwoch neue Regeln für die Einwanderung beschlossen, sagte ein Sprecher. "
    assert language.identify(english * 3 + german * 3, DEFAULT).code == "en"
    assert language.identify(german * 3 + english * 3, DEFAULT).code == "de"
