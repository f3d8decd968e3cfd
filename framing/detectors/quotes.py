"""The quotations detector's declaration: every pair of quotation marks with its kind, speaker and cue."""

from __future__ import annotations

from collections import Counter
from typing import Any

from framing import explanations
from framing.detect.roles import role_words
from framing.detectors.base import Context, Detector, Layer, MarkSpec, Metric, MetricFamily, clip, rate
from framing.findings import QUOTE_KINDS, ROLES, SPEECH_KINDS, Quote

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
    for c, r in zip(ctx.quotations(), ctx.roles()[1]):
        q = c.span
        reason = r.reason if r else None
        out.append(Quote(q.start, q.end, doc.original[q.start:q.end], c.kind, c.speaker, c.cue, q.open_mark,
                         q.close_mark, q.depth, q.multi_paragraph, c.reason,
                         explanations.quote(c.kind, c.reason, c.speaker, c.cue, reason),
                         role=r.role if r else None, party=r.party if r else None, role_reason=reason))
    return out


def _by_role(ctx: Context) -> tuple[dict[str, int], dict[str, int]]:
    """Attributed quotations (direct or partial, with a speaker, outermost) and the words inside them, by role.

    A quotation inside a quotation is part of the outer speaker's words, so only outermost ones count."""
    n = dict.fromkeys(ROLES, 0)
    words = dict.fromkeys(ROLES, 0)
    for q in ctx.found["quote"]:
        if q.role is None or q.depth:
            continue
        n[q.role] += 1
        words[q.role] += len(ctx.doc.tokens_in(q.start, q.end))
    return n, words


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
    by_role, words_by_role = _by_role(ctx)
    return {
        "count": len(qf),
        "by_kind": {k: kinds[k] for k in QUOTE_KINDS},
        "scare_rate": rate(kinds["scare"], n_words, ctx.config.per_words),
        "quoted_words": quoted_words,
        "quoted_word_share": round(quoted_words / n_words, 4) if n_words else 0.0,
        "by_role": by_role,
        "words_by_role": words_by_role,
    }


def _row(q: dict[str, Any]) -> dict[str, Any]:
    return {**{f"q_{k}": q["by_kind"][k] for k in QUOTE_KINDS}, "quoted_words": q["quoted_words"],
            **{f"q_role_{r}": q["by_role"][r] for r in ROLES}, "q_attributed": sum(q["by_role"].values()),
            **{f"qw_role_{r}": q["words_by_role"][r] for r in ROLES},
            "qw_attributed": sum(q["words_by_role"].values())}


def _count_columns() -> list[tuple[str, str]]:
    cols = [*(f"q_{k}" for k in QUOTE_KINDS), "quoted_words", *(f"q_role_{r}" for r in ROLES), "q_attributed",
            *(f"qw_role_{r}" for r in ROLES), "qw_attributed"]
    return [(c, "BIGINT") for c in cols]


# Who is quoted, in the plural, for metric labels ("Quotations from politicians").
ROLE_LABELS = {
    "government": "government and officials", "politician": "politicians", "law_enforcement":
    "law enforcement and military", "expert": "experts and academics", "advocacy": "advocacy groups and NGOs",
    "business": "business", "citizen": "ordinary citizens and witnesses", "media": "news media",
    "anonymous": "anonymous sources", "document": "documents", "unknown": "speakers of unknown role",
}


def _metrics(per_words: int) -> list[Metric]:
    per = f"per {per_words:,} words"
    out = [Metric(f"quotes_{k}_rate", KIND_WORDS[k].capitalize(), "quotes", (f"q_{k}",), "n_words", per_words, per,
                  key=k) for k in QUOTE_KINDS]
    out.append(Metric("quoted_word_share", "Share of words inside direct or partial quotations", "quotes",
                      ("quoted_words",), "n_words", 1.0, "share of words"))
    out += [Metric(f"quote_role_{r}_share", f"Quotations from {ROLE_LABELS[r]}", "quote_role", (f"q_role_{r}",),
                   "q_attributed", 1.0, "share of attributed quotations", key=r, min_denominator="quotations")
            for r in ROLES]
    out += [Metric(f"quoted_words_role_{r}_share", f"Quoted words from {ROLE_LABELS[r]}", "quoted_words_role",
                   (f"qw_role_{r}",), "qw_attributed", 1.0, "share of words in attributed quotations", key=r)
            for r in ROLES]
    return out


def _marks(f: dict[str, Any]) -> list[MarkSpec]:
    kind = f.get("kind") or "other"
    return [MarkSpec(f.get("start"), f.get("end"), "quote", kind, f"Quotation: {_KIND_LABELS.get(kind, kind)}",
                     str(f.get("explanation") or ""))]


def _line(x: dict[str, Any]) -> str:
    role = f" [{role_words(x['role'])}" + (f", {x['party']}" if x.get("party") else "") + "]" if x.get("role") else ""
    who = f"  \u2014 {x['speaker']}" + (f" ({x['cue']})" if x.get("cue") else "") + role if x.get("speaker") else ""
    return f"{x['kind']:8} \u201c{clip(x['text'], 50)}\u201d{who}"


DETECTOR = Detector(
    type="quote", finding=Quote, step="quotations", detect=_detect, rank=0,
    columns=(("kind", "VARCHAR"), ("speaker", "VARCHAR"), ("cue", "VARCHAR"), ("open_mark", "VARCHAR"),
             ("close_mark", "VARCHAR"), ("depth", "INTEGER"), ("multi_paragraph", "BOOLEAN"), ("reason", "VARCHAR"),
             ("role", "VARCHAR"), ("party", "VARCHAR"), ("role_reason", "VARCHAR")),
    explanation_sql=explanations.quote_sql,
    metrics_key="quotes", summarise=_summarise,
    count_columns=_count_columns, row=_row,
    families=(MetricFamily("quotes", "Quotations", "quotes_scare_rate"),
              MetricFamily("quote_role", "Quotations by speaker role", "quote_role_politician_share"),
              MetricFamily("quoted_words_role", "Quoted words by speaker role", "quoted_words_role_politician_share")),
    metrics=_metrics,
    layers=(Layer("quote", "Quotations", "Quotations (background)", style="background-color: {colour};",
                  swatch="background-color: {colour};", colours=BACKGROUNDS, default_colour="#EEEEEE",
                  pick="innermost"),),
    marks=_marks,
    describe=lambda f: f"quotation: {f.get('kind')}",
    heading="quotations", line=_line,
)
