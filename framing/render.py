"""A readable plain-text view of an article report, for people at a terminal (``framing analyse --format text``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

_WIDTH = 70


def _clip(s: str, n: int = _WIDTH) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def render_text(report: dict[str, Any]) -> str:
    """Findings grouped by type, with offsets, labels and the speaker or neutral alternative."""
    f = report["findings"]
    m = report["metrics"]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for x in f:
        by_type.setdefault(x["type"], []).append(x)
    kinds = Counter(q["kind"] for q in by_type.get("quote", []))
    lines = [
        f"{report.get('id')}  ({report.get('source') or 'no source'}; {report['n_words']} words)",
        f"  {m['loaded_terms']['count']} loaded terms ({m['loaded_terms']['rate']:.1f} per {m['per_words']} words, "
        f"{m['loaded_terms']['author_count']} in the writer's voice), "
        f"{m['quotes']['count']} quotations ({', '.join(f'{n} {k}' for k, n in kinds.most_common()) or 'none'}), "
        f"{m['attributions']['count']} attributions",
    ]
    if by_type.get("loaded_term"):
        lines.append("  loaded terms")
        for x in by_type["loaded_term"]:
            alt = f"  (neutral: {x['neutral']})" if x.get("neutral") else ""
            lines.append(f"    [{x['start']}:{x['end']}] {_clip(x['text'], 30)!r:32} {x['category']:15} "
                         f"{x['voice']:7}{alt}")
    if by_type.get("quote"):
        lines.append("  quotations")
        for x in by_type["quote"]:
            who = f"  \u2014 {x['speaker']}" + (f" ({x['cue']})" if x.get("cue") else "") if x.get("speaker") else ""
            lines.append(f"    [{x['start']}:{x['end']}] {x['kind']:8} \u201c{_clip(x['text'], 50)}\u201d{who}")
    if by_type.get("attribution"):
        lines.append("  attributions")
        for x in by_type["attribution"]:
            src = x.get("source") or "(no source)"
            extra = f", taken to be {x['speaker']}" if x.get("speaker") and x["speaker"] != x.get("source") else ""
            via = f", via {x['via']}" if x.get("via") else ""
            lines.append(f"    [{x['start']}:{x['end']}] {_clip(x['text'], 30)!r:32} {x['stance']:12} "
                         f"{x['source_type']:12} {_clip(src, 40)}{extra}{via}")
    s = m["sentiment"]
    lines.append(f"  sentiment: polarity {s['polarity']:+.3f}, subjectivity {s['subjectivity']:.3f} "
                 f"(TextBlob, {s['n_assessed']} opinion words)")
    for w in report.get("warnings") or ():
        lines.append(f"  warning: {w}")
    return "\n".join(lines) + "\n"
