"""The language of an article, with py3langid (an offline character n-gram classifier of 97 languages; its model
ships in the package as a NumPy archive read without pickle).

The lexicons, rules and TextBlob's sentiment are English: an article in another language gets findings that mean
nothing (German "gut" read as an emotive English word). :func:`identify` names the language of the first
``language_sample_chars`` characters; a language other than English is only reported when the classifier gives it
at least ``min_language_confidence``, otherwise the article is ``und`` (undetermined: too short or mixed) and is
analysed as English. A text at least as long as the sample whose first half is English at that confidence is English
(with that half's probability) without reading the second half: the same language on every text measured
(``docs/design-measurements.md``), in less time.

Cannot: tell the languages of a mixed text apart (one label per article: an article that opens with a paragraph of
English is English, whatever follows), or identify reliably a text of a few words (those are mostly ``und``);
``docs/design-measurements.md`` has the measured error rates.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.config import Config

UNDETERMINED = "und"  # ISO 639-2's code for "undetermined"
ENGLISH = "en"

# Names of the languages news corpora most often hold, for messages (other codes are shown as they are).
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese", UNDETERMINED: "undetermined",
}


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1 (``en``, ``de``, ...) or ``und``
    probability: float  # the classifier's probability of its top language (also when that was not confident)

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)

    def is_english(self) -> bool:
        """English, or undetermined (analysed as English)."""
        return self.code in (ENGLISH, UNDETERMINED)


_CACHED_ROWS = 32768  # of 142 languages in single precision: 18.6 MB


class _Model:
    """py3langid's model (:mod:`py3langid.langid`, version 0.4.0 pinned), held for :func:`_classify`.

    The byte automaton is kept in ``bytes``, which compiled code reads without making a Python object per read
    (py3langid's ``array`` and lists give an int object for every lookup, and its lists of ints scatter them over
    the heap): ``nextmove`` is the transition table, a little-endian ``uint32`` next state per (row, byte);
    ``states`` holds 8 bytes per state, its row's offset in ``nextmove`` and 1 + the feature it completes (0: none).
    """

    def __init__(self, ptc: Any, pc: Any, classes: list[str], nextmove: bytes, states: bytes) -> None:
        import numpy as np

        self.ptc = ptc  # features x languages, float16
        self.pc = pc  # the languages' priors, float32
        self.classes = classes
        self.nextmove = nextmove
        self.states = states
        # The rows of ptc met so far, in single precision (_rows): converting a text's ~300 rows from half precision
        # on every call took a third of the classifier's time, and the whole table in single precision would take
        # 57 MB; English news uses about 20,000 of the 100,053 features.
        self.cached = np.empty((_CACHED_ROWS, ptc.shape[1]), dtype=np.float32)
        self.slot = np.full(ptc.shape[0], -1, dtype=np.intp)  # a feature's row in cached, or -1
        self.n_cached = 0
        self.lock = threading.Lock()  # analyses in threads (the dashboard) share the cache
        # a label listed twice (srl and sr): the second column is folded into the first, as py3langid does
        first: dict[str, int] = {}
        self.alias_pairs: list[tuple[int, int]] = []
        for i, c in enumerate(classes):
            if c in first:
                self.alias_pairs.append((first[c], i))
            else:
                first[c] = i


@lru_cache(maxsize=1)
def _model() -> _Model:
    """py3langid's bundled model, loaded on first use (about 0.7 s, once per process)."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    # every row of 256 transitions starts at row * 1024 in the table's bytes
    states = np.empty((len(row), 2), dtype="<u4")
    states[:, 0] = np.asarray(row, dtype=np.uint32) << 10
    states[:, 1] = np.asarray(output, dtype=np.int64) + 1
    table = np.asarray(nextmove, dtype="<u4")
    return _Model(ptc, pc, classes, table.tobytes(), states.tobytes())


def _features(m: _Model, data: bytes) -> dict[int, int]:
    """The model's features in ``data`` with their counts, in the order of their first occurrence: py3langid's
    ``visit_counts`` (its automaton walked over the bytes)."""
    nm = m.nextmove
    st = m.states
    counts: dict[int, int] = {}
    row = st[0] | (st[1] << 8) | (st[2] << 16) | (st[3] << 24)  # state 0's row
    for k in range(len(data)):
        j = row + (data[k] << 2)
        s = (nm[j] | (nm[j + 1] << 8) | (nm[j + 2] << 16) | (nm[j + 3] << 24)) << 3
        row = st[s] | (st[s + 1] << 8) | (st[s + 2] << 16) | (st[s + 3] << 24)
        f = st[s + 4] | (st[s + 5] << 8) | (st[s + 6] << 16) | (st[s + 7] << 24)
        if f:
            counts[f - 1] = counts.get(f - 1, 0) + 1
    return counts


def _rows(m: _Model, idx: Any) -> Any:
    """``m.ptc[idx]`` in single precision (the features in ``idx`` are distinct), through the model's cache of
    converted rows; the cache starts again when full. Half to single precision is exact: the same values."""
    import numpy as np

    with m.lock:
        slots = m.slot[idx]
        missing = idx[slots < 0]
        if len(missing):
            if len(missing) > len(m.cached):  # more features than the cache holds (a very long sample)
                return m.ptc[idx].astype(np.float32)
            if m.n_cached + len(missing) > len(m.cached):
                m.slot.fill(-1)
                m.n_cached = 0
                missing = idx
            new = np.arange(m.n_cached, m.n_cached + len(missing))
            m.cached[new] = m.ptc[missing]
            m.slot[missing] = new
            m.n_cached += len(missing)
            slots = m.slot[idx]
        return m.cached[slots]


def _classify(text: str, model: _Model | None = None) -> tuple[str, float]:
    """``LanguageIdentifier.classify(text)`` of py3langid with normalised probabilities: the same steps and the same
    NumPy operations in the same order, so the same label and probability (``tests/text/test_language.py``
    compares the two)."""
    import numpy as np

    m = model or _model()
    if text.isupper():
        text = text.lower()
    data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
    visits = _features(m, data)
    if visits:
        idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
        counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
        # the rows in single precision: NumPy casts a half-precision operand so before the product anyway (the same
        # sums), and a product with one takes four times as long
        scores = np.log1p(counts) @ _rows(m, idx) + m.pc
    else:
        scores = np.full(len(m.classes), 0.0, dtype=np.float32)
    scores *= 1.0 / math.sqrt(len(data) or 1)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for i, j in m.alias_pairs:
        scores[i] += scores[j]
        scores[j] = 0.0
    best = int(scores.argmax())
    return m.classes[best], float(scores[best])


def identify(text: str, cfg: Config) -> Language:
    """The language of ``text`` (see the module docstring)."""
    sample = text[: cfg.language_sample_chars]
    if sum(map(str.isalpha, sample)) < cfg.min_language_letters:
        return Language(UNDETERMINED, 0.0)
    if len(sample) == cfg.language_sample_chars:
        # A text as long as the sample or longer (an article, not a sentence), English at the confidence asked of any
        # language in the first half of the sample, is English: the second half is not read (nearly all English news;
        # other texts are classified on the whole sample, as before). The classifier's tables are large and read at
        # random, so this halves the memory an English article draws through the processor's caches.
        code, p = _classify(sample[: len(sample) // 2])
        p = round(float(p), 4)
        if code == ENGLISH and p >= cfg.min_language_confidence:
            return Language(ENGLISH, p)
    code, p = _classify(sample)
    p = round(float(p), 4)
    return Language(str(code) if p >= cfg.min_language_confidence else UNDETERMINED, p)
