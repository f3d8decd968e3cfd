"""framing: find loaded terms, scare quotes, attributions and sentiment in news articles, and compare sources.

>>> import framing
>>> report = framing.analyse('Critics slammed the "reform", officials said.')
>>> [f.type for f in report.findings if f.type != "sentiment"]
['loaded_term', 'quote', 'attribution']
"""

# First, before any engine module is imported: the engine's compiled modules, when they were built from exactly
# the current sources (framing/_native.py); otherwise the pure-Python ones, which give the same output.
from framing import _native

_native.activate()

from framing._version import __version__
from framing.config import Config
from framing.errors import ConfigError, FramingError, InputError, LexiconError
from framing.findings import Attribution, LoadedTerm, Quote, SentenceSentiment
from framing.lexicons import Lexicon, Lexicons, default_lexicons, load_lexicon
from framing.report import ArticleReport, analyse

__all__ = [
    "__version__",
    "analyse",
    "ArticleReport",
    "Config",
    "Lexicon",
    "Lexicons",
    "default_lexicons",
    "load_lexicon",
    "LoadedTerm",
    "Quote",
    "Attribution",
    "SentenceSentiment",
    "FramingError",
    "InputError",
    "LexiconError",
    "ConfigError",
]
