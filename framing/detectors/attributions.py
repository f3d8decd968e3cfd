"""The attributions detector's declaration: reporting events with their cue, stance, source and content."""

from __future__ import annotations

from collections import Counter
from typing import Any

from framing import explanations
from framing.detect.roles import role_words
from framing.detectors.base import Context, Detector, Layer, MarkSpec, Metric, MetricFamily, clip, rate
from framing.findings import SOURCE_TYPES, STANCES, Attribution

TYPE_WORDS = {
    "named_person": "named people", "named_org": "named organisations", "title_only": "sources named by role only",
    "anonymous": "anonymous sources", "pronoun": "unresolved pronouns", "media": "media relays",
    "none": "no stated source",
}
_SOURCE_LABELS = {
    "named_person": "a named person", "named_org": "a named organisation", "title_only": "a role or description",
    "anonymous": "anonymous", "pronoun": "a pronoun", "media": "a media relay", "none": "no stated source",
}
STANCE_COLOURS = {"neutral": "#6B7280", "endorsing": "#009E73", "distancing": "#E69F00", "discrediting": "#D55E00"}
_SHARE = "share of attributions"


def _detect(ctx: Context) -> list[Attribution]:
    doc = ctx.doc
    kind_at = {c.span.start: c.kind for c in ctx.quotations()}
    out = []
    roles = ctx.roles()[0]
    for a, r in zip(ctx.attributions(), roles):
        s, e = doc.tok_start[a.cue_first], doc.tok_end[a.cue_last]
        cue = doc.original[s:e]
        src = src_s = src_e = None
        if a.source is not None:
            src_s, src_e = doc.tok_start[a.source[0]], doc.tok_end[a.source[1]]
            src = doc.original[src_s:src_e]
        direct = a.quote is not None and kind_at.get(a.quote.start) == "direct"
        expl = explanations.attribution(cue, a.lemma, a.stance, a.source_type, src, a.speaker, a.via, direct,
                                        r.reason, a.negated)
        out.append(Attribution(s, e, cue, a.lemma, a.stance, src, src_s, src_e, a.source_type,
                               a.content[0] if a.content else None, a.content[1] if a.content else None,
                               a.via, direct, expl, speaker=a.speaker, role=r.role, party=r.party,
                               role_reason=r.reason, negated=a.negated))
    return out


def _summarise(ctx: Context, n_words: int) -> dict[str, Any]:
    af: list[Attribution] = ctx.found["attribution"]
    stances: Counter[str] = Counter(a.stance for a in af)
    stypes: Counter[str] = Counter(a.source_type for a in af)
    n = len(af)
    anonymous = stypes["anonymous"]
    second = sum(1 for a in af if a.via)
    return {
        "count": n,
        "rate": rate(n, n_words, ctx.config.per_words),
        "by_stance": {s: stances[s] for s in STANCES},
        "by_source_type": {t: stypes[t] for t in SOURCE_TYPES},
        "named": stypes["named_person"] + stypes["named_org"],
        "anonymous": anonymous,
        "second_hand": second,
        "anonymous_share": round(anonymous / n, 4) if n else None,
        "second_hand_share": round(second / n, 4) if n else None,
        "direct": sum(1 for a in af if a.direct),
        "negated": sum(1 for a in af if a.negated),
    }


def _count_columns() -> list[tuple[str, str]]:
    cols = ["attr_count", *(f"attr_{s}" for s in STANCES), *(f"src_{t}" for t in SOURCE_TYPES),
            "attr_second_hand", "attr_direct", "attr_negated"]
    return [(c, "BIGINT") for c in cols]


def _row(at: dict[str, Any]) -> dict[str, Any]:
    row = {"attr_count": at["count"]}
    row.update({f"attr_{s}": at["by_stance"][s] for s in STANCES})
    row.update({f"src_{t}": at["by_source_type"][t] for t in SOURCE_TYPES})
    row["attr_second_hand"] = at["second_hand"]
    row["attr_direct"] = at["direct"]
    row["attr_negated"] = at.get("negated", 0)
    return row


def _metrics(per_words: int) -> list[Metric]:
    out = [Metric("attributions_rate", "Attributions (reported speech)", "attributions", ("attr_count",), "n_words",
                  per_words, f"per {per_words:,} words")]
    for name, label, cols in (
            ("named_share", "Named sources (people and organisations)", ("src_named_person", "src_named_org")),
            ("second_hand_share", "Second-hand attributions (relayed by a medium)", ("attr_second_hand",)),
            ("direct_share", "Attributions with a direct quotation", ("attr_direct",)),
            ("negated_share", "Speech said not to have happened (did not say, refused to say)", ("attr_negated",))):
        out.append(Metric(name, label, "attributions", cols, "attr_count", 1.0, _SHARE,
                          min_denominator="attributions"))
    out += [Metric(f"stance_{s}_share", f"Attributions with a {s} reporting verb", "stance", (f"attr_{s}",),
                   "attr_count", 1.0, _SHARE, key=s, min_denominator="attributions") for s in STANCES]
    out += [Metric(f"source_{t}_share", f"Attributions to {TYPE_WORDS[t]}", "source_type", (f"src_{t}",),
                   "attr_count", 1.0, _SHARE, key=t, min_denominator="attributions") for t in SOURCE_TYPES]
    return out


def _marks(f: dict[str, Any]) -> list[MarkSpec]:
    stance = f.get("stance") or "neutral"
    stype = f.get("source_type") or "none"
    return [MarkSpec(f.get("start"), f.get("end"), "cue", stance, f"Attribution cue: {stance} verb",
                     str(f.get("explanation") or "")),
            MarkSpec(f.get("source_start"), f.get("source_end"), "source", stype,
                     f"Attributed source: {_SOURCE_LABELS.get(stype, stype)}",
                     f'The source of the attribution with the cue "{f.get("text") or ""}".')]


def _line(x: dict[str, Any]) -> str:
    src = x.get("source") or "(no source)"
    extra = f", taken to be {x['speaker']}" if x.get("speaker") and x["speaker"] != x.get("source") else ""
    via = f", via {x['via']}" if x.get("via") else ""
    role = f" [{role_words(x['role'])}" + (f", {x['party']}" if x.get("party") else "") + "]" if x.get("role") else ""
    return f"{clip(x['text'], 30)!r:32} {x['stance']:12} {x['source_type']:12} {clip(src, 40)}{extra}{via}{role}"


DETECTOR = Detector(
    type="attribution", finding=Attribution, step="attributions", detect=_detect, rank=1,
    columns=(("speaker", "VARCHAR"), ("cue_lemma", "VARCHAR"), ("stance", "VARCHAR"), ("source", "VARCHAR"),
             ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("source_type", "VARCHAR"),
             ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("via", "VARCHAR"), ("direct", "BOOLEAN"),
             ("role", "VARCHAR"), ("party", "VARCHAR"), ("role_reason", "VARCHAR"), ("negated", "BOOLEAN")),
    explanation_sql=explanations.attribution_sql,
    metrics_key="attributions", summarise=_summarise, count_columns=_count_columns, row=_row,
    families=(MetricFamily("attributions", "Attributions", "named_share"),
              MetricFamily("stance", "Reporting verbs by stance", "stance_distancing_share"),
              MetricFamily("source_type", "Sources by type", "source_anonymous_share")),
    metrics=_metrics,
    layers=(Layer("cue", "Attribution cues", "Attribution cues (box, by the stance of the verb)",
                  style="outline: 2px solid {colour}; outline-offset: 1px; border-radius: 2px;",
                  swatch="outline: 2px solid {colour}; outline-offset: 1px;", colours=STANCE_COLOURS),
            Layer("source", "Attributed sources", "Attributed sources",
                  style="font-style: italic; text-decoration: underline dotted; text-underline-offset: 4px;",
                  swatch="font-style: italic; text-decoration: underline dotted;",
                  summary="who is quoted or paraphrased")),
    marks=_marks,
    describe=lambda f: (f"attribution: {f.get('stance') or 'neutral'} verb; source: "
                        f"{_SOURCE_LABELS.get(f.get('source_type') or 'none', f.get('source_type'))}"),
    heading="attributions", line=_line,
)
