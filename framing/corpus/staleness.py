"""What stored articles were analysed with, and how it differs from an analysis made now, in words.

A stored article is *stale* when its versions key (:func:`framing.provenance.versions_key`) is not the key of an
analysis made now with the lexicons and settings the user means: the bundled lexicons, or a custom loaded-terms
lexicon (``--lexicon CSV``), with or without ``--any-language``. A store analysed with a custom lexicon is current
against that lexicon and stale against the bundled one; ``framing runs`` and the comparison's notes say which
lexicon or setting differs, so that such a store is not taken for an out-of-date one.

The versions compared are the dicts of :func:`framing.provenance.engine_versions` (``framing``, ``lexicons``: name ->
``version`` and ``sha256``, ``config_sha256``, ``engine_sha256``), as ``Store.article_versions`` returns them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from framing.config import CORPUS_CONFIG
from framing.errors import LexiconError

# The version a lexicon loaded from a user's file gets (``framing analyse/run/runs --lexicon CSV``): its SHA-256 tells
# one file from another.
CUSTOM = "custom"
# What a run with ``--any-language`` is called in :func:`differences`.
ANY_LANGUAGE = "--any-language"


def is_bundled(name: str, v: Mapping[str, Any]) -> bool:
    """Whether ``v`` (``version`` and ``sha256``) is this framing's bundled lexicon ``name``, byte for byte and by
    version (a copy of the bundled file given as ``--lexicon`` is a custom lexicon: its version is ``custom``)."""
    from framing.lexicons import load_lexicon

    try:
        bundled = load_lexicon(name)
    except LexiconError:  # a lexicon this framing does not bundle
        return False
    return v.get("sha256") == bundled.sha256 and v.get("version") == bundled.version


def lexicon_words(name: str, v: Mapping[str, Any]) -> str:
    """``the bundled loaded_terms lexicon (1.3)``, ``a custom loaded_terms lexicon (sha256 0123456789ab)`` or, for
    another version (an older bundled one, one edited in the dashboard), ``the loaded_terms lexicon 1.2+edited
    (sha256 0123456789ab)``."""
    version = str(v.get("version") or "?")
    sha = str(v.get("sha256") or "")[:12]
    if is_bundled(name, v):
        return f"the bundled {name} lexicon ({version})"
    if version == CUSTOM:
        return f"a custom {name} lexicon (sha256 {sha})"
    return f"the {name} lexicon {version} (sha256 {sha})"


def custom_lexicons(analyses: Iterable[Mapping[str, Any]]) -> list[str]:
    """:func:`lexicon_words` of every custom lexicon (``--lexicon CSV``) of these analyses (versions dicts), each
    once, in order: what the notes of the report and the dashboard name when a store's findings came from one."""
    out: list[str] = []
    for vers in analyses:
        for name, v in sorted((vers.get("lexicons") or {}).items()):
            words = lexicon_words(name, v)
            if v.get("version") == CUSTOM and words not in out:
                out.append(words)
    return out


def _settings_words(config_sha256: str) -> str:
    """The settings of a run by their configuration hash: ``--any-language``, ``the default settings (without
    --any-language)`` or ``other settings (config sha256 ...)`` (a configuration made in Python)."""
    from framing.provenance import config_sha256 as sha_of

    if config_sha256 == sha_of(replace(CORPUS_CONFIG, english_only=False)):
        return ANY_LANGUAGE
    if config_sha256 == sha_of(CORPUS_CONFIG):
        return "the default settings (without --any-language)"
    return f"other settings (config sha256 {config_sha256[:12]})"


def differences(stored: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """What the ``stored`` analysis had that ``current`` has not, one phrase each: ``framing 0.3.0``, ``a custom
    loaded_terms lexicon (sha256 ...)``, ``--any-language``, ``other settings (config sha256 ...)``, ``other engine
    code``. Settings and engine code are compared only between equal framing versions (another release differs in
    both anyway). Empty when the stored analysis is unknown (a store without its versions) or the same."""
    if not stored.get("framing"):
        return []
    out: list[str] = []
    same_release = stored["framing"] == current.get("framing")
    if not same_release:
        out.append(f"framing {stored['framing']}")
    now = current.get("lexicons") or {}
    for name, v in sorted((stored.get("lexicons") or {}).items()):
        if v != now.get(name):  # (the version is part of the versions key too)
            out.append(lexicon_words(name, v))
    if same_release and stored.get("config_sha256") != current.get("config_sha256"):
        out.append(_settings_words(str(stored.get("config_sha256") or "")))
    if same_release and not out and stored.get("engine_sha256") != current.get("engine_sha256"):
        out.append("other engine code (this framing's source files were edited since)")
    return out


# The phrases of :func:`differences` that a run's options make: a custom or the bundled lexicon, the settings of
# --any-language or without it.
_OPTION_PHRASES = ("a custom ", "the bundled ", ANY_LANGUAGE, "the default settings")


def stale_report(analyses: list[dict[str, Any]], current: Mapping[str, Any], current_key: str, *,
                 against: str) -> list[str]:
    """The lines ``framing runs`` prints about the store's articles: how many there are, how many are stale against
    the ``current`` versions (``against`` says what they are: "the bundled lexicons", "the custom loaded_terms lexicon
    FILE (sha256 ...)"), and for each set of other versions what it had. ``analyses``: ``Store.article_versions()``."""
    total = sum(int(a["n_articles"]) for a in analyses)
    stale = [a for a in analyses if a["versions_key"] != current_key]
    n_stale = sum(int(a["n_articles"]) for a in stale)
    if not total:
        return ["no articles in the store yet."]
    if not n_stale:
        return [f"{total:,} articles in the store, all current: analysed with this framing and {against}."]
    lines = [f"{total:,} articles in the store; {n_stale:,} stale against this framing ({current.get('framing')}) "
             f"with {against}:"]
    other_options = False  # a set of versions that differs from the current one only in a lexicon or settings
    for a in stale:
        diff = differences(a, current)
        lines.append(f"  {int(a['n_articles']):,} analysed with {_and(diff) or 'versions the store has no record of'}")
        other_options |= bool(diff) and all(d.startswith(_OPTION_PHRASES) for d in diff)
    if other_options:
        lines.append("Articles analysed with another lexicon or settings are current against those: `framing runs` "
                     "with the same --lexicon and --any-language options as their run checks them against what it "
                     "used.")
    lines.append("`framing run` on their inputs analyses the stale ones again, with the lexicons and settings it is "
                 "given (the bundled lexicons unless --lexicon CSV).")
    return lines


def _and(phrases: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return ", ".join(phrases[:-1]) + " and " + phrases[-1] if len(phrases) > 1 else "".join(phrases)
