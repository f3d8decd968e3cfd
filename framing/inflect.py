"""Regular English inflections for lexicon entries, so a lexicon lists lemmas and still matches the forms in text.

Nouns get a plural on their last word; verbs get -s, -ed and -ing forms on their first word ("lash out" ->
"lashed out"); one-word adjectives get their -ly adverb ("bizarre" -> "bizarrely"). Where spelling is uncertain (consonant doubling: "slam" -> "slammed", but "visit" -> "visited")
both candidates are generated: a form that is not a word never matches anything, so over-generation is harmless,
and the lexicon's ``forms`` column covers irregular forms (fought, torn, thieves).
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def noun_forms(word: str) -> list[str]:
    """Plural candidates of a noun."""
    if not word.isalpha():
        return [word + "s"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    if word.endswith("fe"):
        return [word + "s", word[:-2] + "ves"]
    if word.endswith("f") and not word.endswith("ff"):
        return [word + "s", word[:-1] + "ves"]
    return [word + "s"]


def verb_forms(word: str) -> list[str]:
    """Third person, past and gerund candidates of a verb."""
    if not word.isalpha() or len(word) < 2:
        return [word + "s", word + "ed", word + "ing"]
    out: list[str] = []
    # third person singular
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.append(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out.append(word[:-1] + "ies")
    else:
        out.append(word + "s")
    # past and gerund
    if word.endswith("ie"):
        out += [word + "d", word[:-2] + "ying"]
    elif word.endswith("ee") or word.endswith("ye") or word.endswith("oe"):
        out += [word + "d", word + "ing"]
    elif word.endswith("e"):
        out += [word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out += [word[:-1] + "ied", word + "ing"]
    else:
        out += [word + "ed", word + "ing"]
        if _cvc(word):
            last = word[-1]
            out += [word + last + "ed", word + last + "ing"]
        if word.endswith("c"):
            out += [word + "ked", word + "king"]  # panic -> panicked
    return out


def adverb_forms(word: str) -> list[str]:
    """-ly adverb candidates of an adjective (bizarre -> bizarrely, dramatic -> dramatically, angry -> angrily)."""
    if not word.isalpha() or len(word) < 3 or word.endswith("ly"):
        return []
    if word.endswith("ic"):
        return [word + "ally", word + "ly"]
    if word.endswith("le") and word[-3] not in _VOWELS:
        return [word[:-1] + "y"]
    if word.endswith("y") and word[-2] not in _VOWELS:
        return [word[:-1] + "ily"]
    if word.endswith("ll"):
        return [word + "y"]
    return [word + "ly"]


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant (doubling candidates: slam, drop, rebel, label)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def expand(words: tuple[str, ...], pos: str) -> list[tuple[str, ...]]:
    """All inflected variants of a (tokenised) lexicon term, the term itself first."""
    out = [words]
    if not words:
        return out
    if pos == "noun":
        out += [words[:-1] + (f,) for f in noun_forms(words[-1])]
    elif pos == "verb":
        out += [(f,) + words[1:] for f in verb_forms(words[0])]
    elif pos == "adj" and len(words) == 1:
        out += [(f,) for f in adverb_forms(words[0])]
    return out
