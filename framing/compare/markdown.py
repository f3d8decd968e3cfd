"""Markdown for reports, with every piece of article text escaped.

Titles, contexts, speaker names and source names come from the articles: untrusted. :func:`esc` makes such text
inert in Markdown and in the HTML a Markdown renderer produces: HTML special characters become entities,
Markdown punctuation is backslash-escaped, line breaks become spaces (so a cell cannot end a table row), and
``://`` and ``www.`` are broken so that no link is made automatically.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>-])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def esc(text: Any, *, limit: int | None = None) -> str:
    """Untrusted text as inert Markdown on one line (``limit`` characters at most, before escaping)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = _CONTROL.sub("", str(text))
    s = " ".join(s.split())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "\u2026"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = s.replace("://", ":&#47;&#47;").replace("www.", "www&#46;").replace("WWW.", "WWW&#46;")
    return s


def fmt(v: Any, digits: int = 3) -> str:
    """A number for a table: fixed significant digits, blank for NaN."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, (int,)) or (isinstance(v, float) and v.is_integer() and abs(v) >= 1000):
        return f"{int(v):,}"
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        if v != 0 and abs(v) < 0.001:
            return f"{v:.1e}"
        return f"{v:.{digits}g}" if abs(v) >= 1 else f"{v:.{digits}f}".rstrip("0").rstrip(".") or "0"
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def interval(v: float, lo: float, hi: float, digits: int = 3) -> str:
    """``v [lo, hi]``, or ``v (no interval)`` when none could be computed."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if any(x is None or (isinstance(x, float) and math.isnan(x)) for x in (lo, hi)):
        return f"{fmt(v, digits)} (no interval)"  # (either end missing: a half interval would read as a whole one)
    # an end within a millionth of the interval's width of zero is zero: floating-point residue of the computation
    # ("[5.7e-08, 1.09]"), not a bound anyone could read
    width = abs(float(hi) - float(lo))
    lo, hi = (0.0 if abs(float(x)) <= 1e-6 * width else x for x in (lo, hi))
    return f"{fmt(v, digits)} [{fmt(lo, digits)}, {fmt(hi, digits)}]"


def table(rows: Sequence[Sequence[str]], header: Sequence[str], align: str | None = None) -> str:
    """A Markdown table from already escaped cells (``align``: one of ``l``/``r`` per column)."""
    if not rows:
        return "_(no rows)_\n"
    al = align or "l" * len(header)
    sep = ["---:" if a == "r" else "---" for a in al]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"
