"""The language of an article, with py3langid (an offline character n-gram classifier of 97 languages; its model
ships in the package as a NumPy archive read without pickle).

The lexicons, rules and TextBlob's sentiment are English: an article in another language gets findings that mean
nothing (German "gut" read as an emotive English word). :func:`identify` names the language of the first
``language_sample_chars`` characters; a language other than English is only reported when the classifier gives it
at least ``min_language_confidence``, otherwise the article is ``und`` (undetermined: too short or mixed) and is
analysed as English.

Cannot: tell the languages of a mixed text apart (one label per article), or identify reliably a text of a few
words (those are mostly ``und``); ``docs/design-measurements.md`` has the measured error rates.
"""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's classifier with normalised probabilities, loaded on first use (about 0.7 s, once per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str, cfg: Config) -> Language:
    """The language of ``text`` (see the module docstring)."""
    sample = text[: cfg.language_sample_chars]
    if sum(map(str.isalpha, sample)) < cfg.min_language_letters:
        return Language(UNDETERMINED, 0.0)
    code, p = _identifier().classify(sample)
    p = round(float(p), 4)
    return Language(str(code) if p >= cfg.min_language_confidence else UNDETERMINED, p)
