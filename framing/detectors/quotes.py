"""The quotations detector's declaration: every pair of quotation marks with its kind, speaker and cue."""

from __future__ import annotations

from collections import Counter
from typing import Any

from framing import explanations
from framing.detectors.base import Context, Detector, Layer, MarkSpec, Metric, MetricFamily, clip, rate
from framing.findings import QUOTE_KINDS, SPEECH_KINDS, Quote

KIND_WORDS = {
    "direct": "direct quotations", "partial": "partial quotations", "scare": "scare quotes", "title": "quoted titles",
    "name": "quoted names and nicknames", "mention": "words quoted as words", "other": "other quotation marks",
}
_KIND_LABELS = {
    "direct": "direct quotation", "partial": "partial quotation", "scare": "scare quote", "title": "quoted title",
    "name": "quoted name or nickname", "mention": "word quoted as a word", "other": "other quotation marks",
}
BACKGROUNDS = {
    "direct": "#DCEBFA", "partial": "#E2F3DF", "scare": "#FFD9A0", "title": "#EEEEEE", "name": "#EEEEEE",
    "mention": "#EEEEEE", "other": "#EEEEEE",
}


def _detect(ctx: Context) -> list[Quote]:
    doc = ctx.doc
    out = []
    for c in ctx.quotations():
        q = c.span
        out.append(Quote(q.start, q.end, doc.original[q.start:q.end], c.kind, c.speaker, c.cue, q.open_mark,
                         q.close_mark, q.depth, q.multi_paragraph, c.reason,
                         explanations.quote(c.kind, c.reason, c.speaker, c.cue)))
    return out


def _quoted_words(ctx: Context) -> int:
    """Words inside direct or partial quotations (outermost spans, so nested quotes are not counted twice)."""
    spans = sorted((q.start, q.end) for q in ctx.found["quote"] if q.kind in SPEECH_KINDS)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return sum(len(ctx.doc.tokens_in(s, e)) for s, e in merged)


def _summarise(ctx: Context, n_words: int) -> dict[str, Any]:
    qf: list[Quote] = ctx.found["quote"]
    kinds: Counter[str] = Counter(q.kind for q in qf)
    quoted_words = _quoted_words(ctx)
    return {
        "count": len(qf),
        "by_kind": {k: kinds[k] for k in QUOTE_KINDS},
        "scare_rate": rate(kinds["scare"], n_words, ctx.config.per_words),
        "quoted_words": quoted_words,
        "quoted_word_share": round(quoted_words / n_words, 4) if n_words else 0.0,
    }


def _row(q: dict[str, Any]) -> dict[str, Any]:
    return {**{f"q_{k}": q["by_kind"][k] for k in QUOTE_KINDS}, "quoted_words": q["quoted_words"]}


def _metrics(per_words: int) -> list[Metric]:
    per = f"per {per_words:,} words"
    out = [Metric(f"quotes_{k}_rate", KIND_WORDS[k].capitalize(), "quotes", (f"q_{k}",), "n_words", per_words, per,
                  key=k) for k in QUOTE_KINDS]
    out.append(Metric("quoted_word_share", "Share of words inside direct or partial quotations", "quotes",
                      ("quoted_words",), "n_words", 1.0, "share of words"))
    return out


def _marks(f: dict[str, Any]) -> list[MarkSpec]:
    kind = f.get("kind") or "other"
    return [MarkSpec(f.get("start"), f.get("end"), "quote", kind, f"Quotation: {_KIND_LABELS.get(kind, kind)}",
                     str(f.get("explanation") or ""))]


def _line(x: dict[str, Any]) -> str:
    who = f"  \u2014 {x['speaker']}" + (f" ({x['cue']})" if x.get("cue") else "") if x.get("speaker") else ""
    return f"{x['kind']:8} \u201c{clip(x['text'], 50)}\u201d{who}"


DETECTOR = Detector(
    type="quote", finding=Quote, step="quotations", detect=_detect, rank=0,
    columns=(("kind", "VARCHAR"), ("speaker", "VARCHAR"), ("cue", "VARCHAR"), ("open_mark", "VARCHAR"),
             ("close_mark", "VARCHAR"), ("depth", "INTEGER"), ("multi_paragraph", "BOOLEAN"), ("reason", "VARCHAR")),
    explanation_sql=explanations.quote_sql,
    metrics_key="quotes", summarise=_summarise,
    count_columns=lambda: [*((f"q_{k}", "BIGINT") for k in QUOTE_KINDS), ("quoted_words", "BIGINT")], row=_row,
    families=(MetricFamily("quotes", "Quotations", "quotes_scare_rate"),),
    metrics=_metrics,
    layers=(Layer("quote", "Quotations", "Quotations (background)", style="background-color: {colour};",
                  swatch="background-color: {colour};", colours=BACKGROUNDS, default_colour="#EEEEEE",
                  pick="innermost"),),
    marks=_marks,
    describe=lambda f: f"quotation: {f.get('kind')}",
    heading="quotations", line=_line,
)
