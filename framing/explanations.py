"""The plain-language explanation of each finding, written from the finding's own fields.

Every explanation is a function of fields the finding carries (a quotation's classifier ``reason`` included), so
it can be written twice from one set of phrases: in Python, when an article is analysed, and in SQL, by the
corpus store, whose ``findings.explanation`` is a computed column (``*_sql``, joined by
:func:`framing.detectors.explanation_sql`) rather than stored text (stored,
they were over a third of a store's bytes: docs/design-measurements.md). ``tests/test_explanations.py`` checks
that the two spell every finding of the demo corpus (and of the first 600 AllSides articles, when present) the same.

Cannot: explain the per-sentence sentiment (:mod:`framing.detect.sentiment` writes those from the words TextBlob
scored, which no finding field holds; they are not in the store).
"""

from __future__ import annotations

STANCE_WORDS = {
    "neutral": "the neutral class",
    "endorsing": "the endorsing class (it presents the content as true or important)",
    "distancing": "the distancing class (the writer does not vouch for the content)",
    "discrediting": "the discrediting class (admission, mockery or emotive attack)",
}
TYPE_WORDS = {
    "named_person": "a named person",
    "named_org": "a named organisation or group",
    "title_only": "a source identified only by role or description",
    "anonymous": "an anonymous or unnamed source",
    "pronoun": "a pronoun",
    "media": "a media relay",
    "none": "no stated source",
}
_AUTHOR = "; it is in the writer's own voice."
_QUOTED = "; it is inside someone else's words (a quotation, or a post embedded from social media), not the writer's voice."
_DIRECT = "; the content is a direct quotation."
_NEGATED = "; the sentence says this was not said (\"did not say\", \"refused to say\"): no words are given to the source"


def loaded_term(text: str, lexicon: str, category: str, term: str, weight: float, neutral: str | None,
                voice: str) -> str:
    out = f'"{text}" is in the {lexicon} lexicon as {category.replace("_", " ")} (entry "{term}", weight {weight:g})'
    if neutral:
        out += f'; a neutral alternative is "{neutral}"'
    return out + (_QUOTED if voice == "quoted" else _AUTHOR)


def quote(kind: str, reason: str, speaker: str | None, cue: str | None, role_reason: str | None = None) -> str:
    out = f"Quotation marked {kind}: {reason}"
    if speaker:
        out += f"; speaker {speaker}"
        if cue:
            out += f' (cue "{cue}")'
    return out + "." + role_sentence(role_reason)


def role_sentence(role_reason: str | None) -> str:
    """The speaker's role, as the last sentence of an explanation."""
    return f" Speaker role: {role_reason}." if role_reason else ""


def _role_sql() -> str:
    return f"CASE WHEN {sql_given('role_reason')} THEN ' Speaker role: ' || role_reason || '.' ELSE '' END"


def attribution(cue: str, lemma: str, stance: str, source_type: str, source: str | None, speaker: str | None,
                via: str | None, direct: bool, role_reason: str | None = None, negated: bool = False) -> str:
    out = f'Cue "{cue}" (lemma "{lemma}") is in {STANCE_WORDS.get(stance, stance)}; the source is ' \
          f"{TYPE_WORDS.get(source_type, source_type)}"
    if source:
        out += f' ("{source}"'
        if speaker and speaker != source:
            out += f", taken to be {speaker}"
        out += ")"
    if via:
        out += f"; second-hand, relayed via {via}"
    if negated:
        out += _NEGATED
    return out + (_DIRECT if direct else ".") + role_sentence(role_reason)


def sql_literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def sql_words(col: str, table: dict[str, str]) -> str:
    """A column's value put into words by a table (the value itself when the table lacks it)."""
    whens = " ".join(f"WHEN {sql_literal(k)} THEN {sql_literal(v)}" for k, v in table.items())
    return f"CASE {col} {whens} ELSE {col} END"


def sql_given(col: str) -> str:
    """Python's truthiness of an optional string, in SQL."""
    return f"coalesce({col}, '') <> ''"


def loaded_term_sql() -> str:
    """:func:`loaded_term` as a DuckDB expression over the findings table's columns."""
    return ("'\"' || \"text\" || '\" is in the ' || lexicon || ' lexicon as ' || replace(category, '_', ' ') || "
            "' (entry \"' || term || '\", weight ' || format('{:g}', weight) || ')' || "
            f"CASE WHEN {sql_given('neutral')} THEN '; a neutral alternative is \"' || neutral || '\"' ELSE '' END || "
            f"CASE WHEN voice = 'quoted' THEN {sql_literal(_QUOTED)} ELSE {sql_literal(_AUTHOR)} END")


def quote_sql() -> str:
    """:func:`quote` as a DuckDB expression."""
    return ("'Quotation marked ' || kind || ': ' || reason || "
            f"CASE WHEN {sql_given('speaker')} THEN '; speaker ' || speaker || "
            f"CASE WHEN {sql_given('cue')} THEN ' (cue \"' || cue || '\")' ELSE '' END ELSE '' END || '.' || "
            f"{_role_sql()}")


def attribution_sql() -> str:
    """:func:`attribution` as a DuckDB expression."""
    return ("'Cue \"' || \"text\" || '\" (lemma \"' || cue_lemma || '\") is in ' || "
            f"{sql_words('stance', STANCE_WORDS)} || '; the source is ' || {sql_words('source_type', TYPE_WORDS)} || "
            f"CASE WHEN {sql_given('source')} THEN ' (\"' || source || '\"' || "
            f"CASE WHEN {sql_given('speaker')} AND speaker <> source THEN ', taken to be ' || speaker ELSE '' END || ')' "
            "ELSE '' END || "
            f"CASE WHEN {sql_given('via')} THEN '; second-hand, relayed via ' || via ELSE '' END || "
            f"CASE WHEN negated THEN {sql_literal(_NEGATED)} ELSE '' END || "
            f"CASE WHEN direct THEN {sql_literal(_DIRECT)} ELSE '.' END || {_role_sql()}")
