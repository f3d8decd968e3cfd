"""A readable plain-text view of an article report, for people at a terminal (``framing analyse --format text``)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

from framing import detectors


def _plain(value: str, limit: int = 200) -> str:
    """A metadata value on one line of a terminal: control characters (line breaks, escape sequences) as spaces."""
    out = "".join(" " if unicodedata.category(c) == "Cc" else c for c in value[:limit])
    return out + ("\u2026" if len(value) > limit else "")


def render_text(report: dict[str, Any]) -> str:
    """A summary line, then the findings grouped by type (each detector's ``line``, in registry order), then the
    article's sentiment and the warnings."""
    f = report["findings"]
    m = report["metrics"]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for x in f:
        by_type.setdefault(x["type"], []).append(x)
    kinds = Counter(q["kind"] for q in by_type.get("quote", []))
    about = [_plain(report.get("source") or "no source")]  # (the title, date and event a stored article has)
    about += [_plain(f"{k} {report[k]}" if k == "event" else str(report[k])) for k in ("date", "event")
              if report.get(k)]
    lines = [
        f"{report.get('id')}  ({'; '.join(about)}; {report['n_words']} words)",
        f"  {m['loaded_terms']['count']} loaded terms ({m['loaded_terms']['rate']:.1f} per {m['per_words']} words, "
        f"{m['loaded_terms']['author_count']} in the writer's voice), "
        f"{m['quotes']['count']} quotations ({', '.join(f'{n} {k}' for k, n in kinds.most_common()) or 'none'}), "
        f"{m['attributions']['count']} attributions",
    ]
    if report.get("title"):
        lines.insert(1, f"  {_plain(str(report['title']))}")
    for d in detectors.DETECTORS:
        if d.line is not None and by_type.get(d.type):
            lines.append(f"  {d.heading}")
            lines += [f"    [{x['start']}:{x['end']}] {d.line(x)}" for x in by_type[d.type]]
    s = m["sentiment"]
    if s.get("polarity") is None:  # not analysed: a text in another language
        lines.append("  sentiment: not assessed")
    else:
        lines.append(f"  sentiment: polarity {s['polarity']:+.3f}, subjectivity {s['subjectivity']:.3f} "
                     f"(TextBlob, {s['n_assessed']} opinion words)")
    for w in report.get("warnings") or ():
        lines.append(f"  warning: {w}")
    return "\n".join(lines) + "\n"
