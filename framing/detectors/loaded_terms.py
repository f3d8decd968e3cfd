"""The loaded-terms detector's declaration: lexicon matches, counted by category and voice."""

from __future__ import annotations

from collections import Counter
from typing import Any

from framing import explanations
from framing.detect import loaded_terms
from framing.detectors.base import Context, Detector, Layer, MarkSpec, Metric, MetricFamily, clip, rate
from framing.findings import NAMING_KINDS, QUOTED_KINDS, LoadedTerm
from framing.lexicons import CATEGORIES
from framing.text.embeds import find_embeds

CATEGORY_WORDS = {
    "actor_label": "actor labels", "delegitimising": "delegitimising markers", "emotive": "emotive words",
    "pejorative": "pejorative words", "intensifier": "intensifiers", "partisan": "partisan vocabulary",
    "conflict": "conflict vocabulary", "euphemism": "euphemisms", "hedge": "hedges", "booster": "boosters",
    "doubt": "doubt markers",
}
VOICE_WORDS = {"all": "", "author": ", writer's own voice", "quoted": ", inside quotations"}
# Underline colours: Okabe & Ito's palette first, then Paul Tol's muted scheme, so that colours stay
# distinguishable under the common colour-vision deficiencies.
COLOURS = {
    "actor_label": "#0072B2", "delegitimising": "#D55E00", "emotive": "#CC79A7", "pejorative": "#E69F00",
    "intensifier": "#56B4E9", "partisan": "#009E73", "conflict": "#882255", "euphemism": "#44AA99",
    "hedge": "#999933", "booster": "#332288", "doubt": "#777777",
}


def _categories() -> tuple[str, ...]:
    return CATEGORIES["loaded_terms"]


def _detect(ctx: Context) -> list[LoadedTerm]:
    calls = ctx.quotations()
    # other people's words: quotations, and posts embedded from social media (their words, not the writer's)
    quoted = sorted([(c.span.start, c.span.end) for c in calls if c.kind in QUOTED_KINDS]
                    + [(e.start, e.end) for e in find_embeds(ctx.doc.text, ctx.doc.para_starts)])
    # a loaded word that is part of the title of a work or a name ("Parasite", "Bombshell") is nobody's wording
    named = sorted((c.span.start, c.span.end) for c in calls if c.kind in NAMING_KINDS)
    return loaded_terms.detect(ctx.doc, ctx.lexicons.loaded_terms, quoted, named)


def _summarise(ctx: Context, n_words: int) -> dict[str, Any]:
    terms: list[LoadedTerm] = ctx.found["loaded_term"]
    per = ctx.config.per_words
    by_cat = Counter(t.category for t in terms)
    author = Counter(t.category for t in terms if t.voice == "author")
    quoted = Counter(t.category for t in terms if t.voice == "quoted")
    n_author, n_quoted = sum(author.values()), sum(quoted.values())
    return {
        "count": len(terms),
        "rate": rate(len(terms), n_words, per),
        "author_count": n_author,
        "author_rate": rate(n_author, n_words, per),
        "quoted_count": n_quoted,
        "quoted_rate": rate(n_quoted, n_words, per),
        "weighted_rate": rate(sum(t.weight for t in terms), n_words, per),
        "by_category": {c: {"count": by_cat[c], "rate": rate(by_cat[c], n_words, per),
                            "author": author[c], "quoted": quoted[c]} for c in _categories()},
    }


def _count_columns() -> list[tuple[str, str]]:
    cols = ["lt_count", "lt_author", "lt_quoted"]
    for c in _categories():
        cols += [f"lt_{c}", f"lt_{c}_author", f"lt_{c}_quoted"]
    return [(c, "BIGINT") for c in cols]


def _row(lt: dict[str, Any]) -> dict[str, Any]:
    row = {"lt_count": lt["count"], "lt_author": lt["author_count"], "lt_quoted": lt["quoted_count"]}
    for c in _categories():
        bc = lt["by_category"][c]
        row[f"lt_{c}"] = bc["count"]
        row[f"lt_{c}_author"] = bc["author"]
        row[f"lt_{c}_quoted"] = bc["quoted"]
    return row


def _metrics(per_words: int) -> list[Metric]:
    per = f"per {per_words:,} words"
    out = []
    for voice, col in (("all", "lt_count"), ("author", "lt_author"), ("quoted", "lt_quoted")):
        name = "loaded_rate" if voice == "all" else f"loaded_{voice}_rate"
        out.append(Metric(name, f"Loaded terms{VOICE_WORDS[voice]}", "loaded", (col,), "n_words", per_words, per,
                          voice=voice))
    for c in _categories():
        for voice in ("all", "author", "quoted"):
            col = f"lt_{c}" if voice == "all" else f"lt_{c}_{voice}"
            name = f"loaded_{c}_rate" if voice == "all" else f"loaded_{c}_{voice}_rate"
            out.append(Metric(name, f"Loaded terms: {CATEGORY_WORDS.get(c, c)}{VOICE_WORDS[voice]}",
                              "loaded_category", (col,), "n_words", per_words, per, key=c, voice=voice))
    return out


def _marks(f: dict[str, Any]) -> list[MarkSpec]:
    cat = f.get("category") or "other"
    voice = f.get("voice")
    label = f"Loaded term: {cat}" + (f" ({voice} voice)" if voice else "")
    return [MarkSpec(f.get("start"), f.get("end"), "loaded", cat, label, str(f.get("explanation") or ""))]


def _line(x: dict[str, Any]) -> str:
    alt = f"  (neutral: {x['neutral']})" if x.get("neutral") else ""
    return f"{clip(x['text'], 30)!r:32} {x['category']:15} {x['voice']:7}{alt}"


DETECTOR = Detector(
    type="loaded_term", finding=LoadedTerm, step="loaded terms", detect=_detect, rank=2,
    columns=(("category", "VARCHAR"), ("weight", "DOUBLE"), ("term", "VARCHAR"), ("neutral", "VARCHAR"),
             ("voice", "VARCHAR"), ("lexicon", "VARCHAR")),
    explanation_sql=explanations.loaded_term_sql,
    metrics_key="loaded_terms", summarise=_summarise, count_columns=_count_columns, row=_row,
    families=(MetricFamily("loaded", "Loaded terms", "loaded_author_rate"),
              MetricFamily("loaded_category", "Loaded terms by category", "loaded_emotive_author_rate")),
    metrics=_metrics,
    layers=(Layer("loaded", "Loaded terms", "Loaded terms (underline, by category)",
                  style="border-bottom: 3px solid {colour}; font-weight: 600;",
                  swatch="border-bottom: 3px solid {colour}; font-weight: 600;", colours=COLOURS),),
    marks=_marks,
    describe=lambda f: f"loaded term: {f.get('category')}{VOICE_WORDS.get(f.get('voice') or 'all', '')}",
    heading="loaded terms", line=_line,
)
