"""An article's text as HTML with every finding highlighted by type, safe to show in a browser.

:func:`article_html` turns a text and its findings (``ArticleReport.findings``, finding dicts, or rows of the
findings table) into one ``<div>``: loaded terms are underlined in their category's colour, quotations have a
background by kind (scare quotes stand out), attribution cues are boxed in the colour of their stance, and the
sources of attributions are in italics. Every highlighted stretch carries the explanations of all the findings
that cover it in its ``title`` (shown on hover). :func:`legend_html` explains the colours and
:func:`findings_table` lists the findings for a side list.

Article text is untrusted. Every character of it goes through :func:`escape` (``html.escape`` with quotes, and
lone surrogates made U+FFFD so that the page can be encoded); the only tags are ``<div>`` and ``<span>``, the only
attributes ``class`` (tokens made of ``[a-z0-9_-]``), ``style`` (chosen from the constants below, never built
from the text) and ``title`` (escaped text). No URL-bearing attribute is ever written, so ``<script>``,
``onerror=``, ``javascript:`` URLs and Markdown links in an article are shown as the characters they are. The
output must be shown as HTML (``st.html``), never through a Markdown renderer, which would read the escaped
text's ``[text](url)`` as a link.

Does not: show per-sentence sentiment (it is a property of sentences, not a span worth marking), nor draw
overlapping findings of the same layer separately (the innermost quotation's background wins; its explanation
is still in the title).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from framing import detectors
from framing.detectors.base import Layer

_TOKEN = re.compile(r"[^a-z0-9_-]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Dark text on a light card, so that the highlight colours read the same in a light or a dark page theme.
_CARD = "background-color: #FFFFFF; color: #1F2328; border: 1px solid #E5E7EB; border-radius: 0.5rem;"
_CONTAINER_STYLE = f"{_CARD} white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; font-size: 1rem; " \
                   "padding: 0.75rem 1rem; max-width: 48rem;"


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``layer`` (``quote``, ``loaded``, ``cue``, ``source``: the layers the detectors declare),
    its ``key`` (the quotation kind, loaded-term category or verb stance), and the text shown on hover."""

    start: int
    end: int
    layer: str
    key: str
    label: str
    explanation: str
    order: int = 0  # position of the finding in its report, for a stable output


def escape(text: Any) -> str:
    """Untrusted text as HTML text or attribute content: ``& < > " '`` escaped, lone surrogates made U+FFFD."""
    s = str(text)
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    return html.escape(s, quote=True)


def _token(s: Any) -> str:
    return _TOKEN.sub("", str(s).lower()) or "x"


def _value(v: Any) -> Any:
    """None for the missing values of a table row (None, NaN, pandas' NA), else the value."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ in ("NAType", "NaTType"):
        return None
    return v


def finding_dicts(findings: Any) -> list[dict[str, Any]]:
    """Findings as plain dicts: from finding dataclasses (``to_dict()``), dicts, or a findings DataFrame."""
    if findings is None:
        return []
    if hasattr(findings, "columns") and hasattr(findings, "to_dict"):  # a DataFrame
        rows = findings.to_dict("records")
    else:
        rows = [f.to_dict() if hasattr(f, "to_dict") else dict(f) for f in findings]
    return [{k: _value(v) for k, v in r.items()} for r in rows]


def _int(v: Any) -> int | None:
    v = _value(v)
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def marks(findings: Any, text_length: int | None = None) -> list[Mark]:
    """The highlight spans of the findings; empty spans and spans outside ``[0, text_length]`` are left out."""
    out: list[Mark] = []

    def add(start: Any, end: Any, layer: str, key: Any, label: str, expl: str, order: int) -> None:
        s, e = _int(start), _int(end)
        if s is None or e is None or s < 0 or s >= e or (text_length is not None and e > text_length):
            return
        out.append(Mark(s, e, layer, _token(key), label, expl, order))

    decl = detectors.by_type()
    for i, f in enumerate(finding_dicts(findings)):
        d = decl.get(str(f.get("type")))
        if d is not None:
            for m in d.marks(f):
                add(m.start, m.end, m.layer, m.key, m.label, m.explanation, i)
    order = _layer_order()
    out.sort(key=lambda m: (m.start, -m.end, order.get(m.layer, len(order)), m.order))
    return out


def layer_names() -> dict[str, str]:
    """The highlight layers' names (``quote``, ``loaded``, ``cue``, ``source``, ...) and titles, in order."""
    return {layer.name: layer.title for layer in detectors.layers()}


def _layer_order() -> dict[str, int]:
    return {layer.name: k for k, layer in enumerate(detectors.layers())}


def _style(active: list[Mark], all_layers: Sequence[Layer]) -> str:
    """The inline style of a stretch covered by these marks (one visual channel per layer)."""
    parts = []
    for layer in all_layers:
        ms = [m for m in active if m.layer == layer.name]
        if not ms:
            continue
        m = min(ms, key=lambda m: (m.end - m.start, -m.start)) if layer.pick == "innermost" else ms[0]
        parts.append(layer.style.format(colour=layer.colours.get(m.key, layer.default_colour)))
    return " ".join(parts)


def _title(active: list[Mark], all_layers: Sequence[Layer]) -> str:
    seen: set[tuple[str, str]] = set()
    lines = []
    order = {layer.name: k for k, layer in enumerate(all_layers)}
    for m in sorted(active, key=lambda m: (order.get(m.layer, len(order)), m.order)):
        if (m.label, m.explanation) in seen:
            continue
        seen.add((m.label, m.explanation))
        lines.append(f"{m.label}. {m.explanation}".strip())
    return "\n".join(lines)


def article_html(text: str, findings: Any = (), *, layers: Iterable[str] | None = None,
                 categories: Iterable[str] | None = None, extra: Iterable[Mark] = (),
                 extra_layers: Sequence[Layer] = ()) -> str:
    """The text as one ``<div>`` of escaped HTML, with the findings of the given ``layers`` (None: all) highlighted.

    ``categories`` keeps only the loaded terms of these categories (None: all). ``extra`` are marks that do not come
    from findings (the shared and unique sentences of :mod:`framing.compare.coverage`), drawn with ``extra_layers``
    after the detectors' layers. Line breaks are kept (the container has ``white-space: pre-wrap``), so offsets into
    the text map one to one onto what is shown.
    """
    all_layers = (*detectors.layers(), *extra_layers)
    keep = set(layer_names() if layers is None else layers) | {layer.name for layer in extra_layers}
    cats = None if categories is None else {_token(c) for c in categories}
    found = marks(findings, len(text)) + [m for m in extra if 0 <= m.start < m.end <= len(text)]
    ms = [m for m in found if m.layer in keep and (m.layer != "loaded" or cats is None or m.key in cats)]
    # Sweep over the boundaries: each stretch between two boundaries is covered by a fixed set of marks.
    bounds = sorted({0, len(text), *(m.start for m in ms), *(m.end for m in ms)})
    starts: dict[int, list[Mark]] = {}
    for m in ms:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    pieces = [f'<div class="fr-article" style="{_CONTAINER_STYLE}">']
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        chunk = escape(text[a:b])
        if not active:
            pieces.append(chunk)
            continue
        classes = " ".join(["fr"] + sorted({f"fr-{m.layer} fr-{m.layer}-{m.key}" for m in active}))
        pieces.append(f'<span class="{classes}" style="{_style(active, all_layers)}" '
                      f'title="{escape(_title(active, all_layers))}">{chunk}</span>')
    pieces.append("</div>")
    return "".join(pieces)


def _swatch(style: str, label: str, count: int | None = None) -> str:
    n = f" <small>({count})</small>" if count is not None else ""
    return (f'<span style="margin-right: 1.2em; white-space: nowrap;"><span style="{style} padding: 0 0.3em;">'
            f"{escape(label)}</span>{n}</span>")


def legend_html(findings: Any = None, *, extra: Iterable[Mark] | None = None, extra_layers: Sequence[Layer] = ()
                ) -> str:
    """The legend of the colours; with ``findings``, only what they contain, with counts (``extra`` and
    ``extra_layers`` as in :func:`article_html`)."""
    counts: dict[tuple[str, str], int] | None = None
    if findings is not None:
        counts = {}
        for m in [*marks(findings), *(extra or ())]:
            counts[(m.layer, m.key)] = counts.get((m.layer, m.key), 0) + 1

    rows = []
    for layer in (*detectors.layers(), *extra_layers):
        if layer.summary is not None:
            n = None if counts is None else sum(v for (name, _), v in counts.items() if name == layer.name)
            its = [] if n == 0 else [_swatch(layer.swatch.format(colour=layer.default_colour), layer.summary, n)]
        else:
            its = _legend_items(layer, counts)
        rows.append((layer.legend, its))
    body = "".join(f'<div style="margin: 0.15em 0;"><b>{escape(title)}:</b> {"".join(its)}</div>'
                   for title, its in rows if its)
    return f'<div class="fr-legend" style="{_CARD} font-size: 0.85rem; line-height: 1.8; padding: 0.4rem 0.8rem;">' \
           f"{body}</div>"


def _legend_items(layer: Layer, counts: dict[tuple[str, str], int] | None) -> list[str]:
    out = []
    for k, colour in layer.colours.items():
        n = None if counts is None else counts.get((layer.name, k), 0)
        if n != 0:
            out.append(_swatch(layer.swatch.format(colour=colour), k.replace("_", " "), n))
    return out


def findings_table(findings: Any) -> list[dict[str, Any]]:
    """One row per finding for a side list: ``n``, ``start``, ``end``, ``finding`` (what it is), ``text``,
    ``explanation``, in the order of the text (plain values, for any table widget)."""
    rows = []
    decl = detectors.by_type()
    for f in finding_dicts(findings):
        d = decl.get(str(f.get("type")))
        if d is None or d.describe is None:
            continue
        rows.append({"start": _int(f.get("start")), "end": _int(f.get("end")), "finding": d.describe(f),
                     "text": f.get("text"), "explanation": f.get("explanation")})
    rows.sort(key=lambda r: (r["start"] if r["start"] is not None else -1, r["end"] or 0))
    return [{"n": i + 1, **r} for i, r in enumerate(rows)]
