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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Layers, in the order their explanations are listed in a title.
LAYERS = ("quote", "loaded", "cue", "source")
LAYER_NAMES = {"quote": "Quotations", "loaded": "Loaded terms", "cue": "Attribution cues",
               "source": "Attributed sources"}

# Loaded-term categories: underline colours. Okabe & Ito's palette first, then Paul Tol's muted scheme, so that
# colours stay distinguishable under the common colour-vision deficiencies.
LOADED_COLOURS = {
    "actor_label": "#0072B2", "delegitimising": "#D55E00", "emotive": "#CC79A7", "pejorative": "#E69F00",
    "intensifier": "#56B4E9", "partisan": "#009E73", "conflict": "#882255", "euphemism": "#44AA99",
    "hedge": "#999933", "booster": "#332288", "doubt": "#777777",
}
QUOTE_BACKGROUNDS = {
    "direct": "#DCEBFA", "partial": "#E2F3DF", "scare": "#FFD9A0", "title": "#EEEEEE", "name": "#EEEEEE",
    "mention": "#EEEEEE", "other": "#EEEEEE",
}
STANCE_COLOURS = {"neutral": "#6B7280", "endorsing": "#009E73", "distancing": "#E69F00", "discrediting": "#D55E00"}
_DEFAULT_COLOUR = "#555555"
_DEFAULT_BACKGROUND = "#EEEEEE"

_QUOTE_WORDS = {
    "direct": "direct quotation", "partial": "partial quotation", "scare": "scare quote", "title": "quoted title",
    "name": "quoted name or nickname", "mention": "word quoted as a word", "other": "other quotation marks",
}
_SOURCE_TYPE_WORDS = {
    "named_person": "a named person", "named_org": "a named organisation", "title_only": "a role or description",
    "anonymous": "anonymous", "pronoun": "a pronoun", "media": "a media relay", "none": "no stated source",
}
_TOKEN = re.compile(r"[^a-z0-9_-]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Dark text on a light card, so that the highlight colours read the same in a light or a dark page theme.
_CARD = "background-color: #FFFFFF; color: #1F2328; border: 1px solid #E5E7EB; border-radius: 0.5rem;"
_CONTAINER_STYLE = f"{_CARD} white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; font-size: 1rem; " \
                   "padding: 0.75rem 1rem; max-width: 48rem;"


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``layer`` (``quote``, ``loaded``, ``cue``, ``source``), its ``key`` (the quotation
    kind, loaded-term category or verb stance), and the text shown on hover."""

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

    for i, f in enumerate(finding_dicts(findings)):
        t = f.get("type")
        expl = str(f.get("explanation") or "")
        if t == "loaded_term":
            cat = f.get("category") or "other"
            voice = f.get("voice")
            label = f"Loaded term: {cat}" + (f" ({voice} voice)" if voice else "")
            add(f.get("start"), f.get("end"), "loaded", cat, label, expl, i)
        elif t == "quote":
            kind = f.get("kind") or "other"
            add(f.get("start"), f.get("end"), "quote", kind, f"Quotation: {_QUOTE_WORDS.get(kind, kind)}", expl, i)
        elif t == "attribution":
            stance = f.get("stance") or "neutral"
            add(f.get("start"), f.get("end"), "cue", stance, f"Attribution cue: {stance} verb", expl, i)
            stype = f.get("source_type") or "none"
            cue = f.get("text") or ""
            add(f.get("source_start"), f.get("source_end"), "source", stype,
                f"Attributed source: {_SOURCE_TYPE_WORDS.get(stype, stype)}",
                f'The source of the attribution with the cue "{cue}".', i)
    out.sort(key=lambda m: (m.start, -m.end, LAYERS.index(m.layer), m.order))
    return out


def _style(active: list[Mark]) -> str:
    """The inline style of a stretch covered by these marks (one visual channel per layer)."""
    parts = []
    quotes = [m for m in active if m.layer == "quote"]
    if quotes:
        inner = min(quotes, key=lambda m: (m.end - m.start, -m.start))  # the innermost quotation
        parts.append(f"background-color: {QUOTE_BACKGROUNDS.get(inner.key, _DEFAULT_BACKGROUND)};")
    loaded = [m for m in active if m.layer == "loaded"]
    if loaded:
        parts.append(f"border-bottom: 3px solid {LOADED_COLOURS.get(loaded[0].key, _DEFAULT_COLOUR)}; "
                     "font-weight: 600;")
    cues = [m for m in active if m.layer == "cue"]
    if cues:
        parts.append(f"outline: 2px solid {STANCE_COLOURS.get(cues[0].key, _DEFAULT_COLOUR)}; "
                     "outline-offset: 1px; border-radius: 2px;")
    if any(m.layer == "source" for m in active):
        parts.append("font-style: italic; text-decoration: underline dotted; text-underline-offset: 4px;")
    return " ".join(parts)


def _title(active: list[Mark]) -> str:
    seen: set[tuple[str, str]] = set()
    lines = []
    for m in sorted(active, key=lambda m: (LAYERS.index(m.layer), m.order)):
        if (m.label, m.explanation) in seen:
            continue
        seen.add((m.label, m.explanation))
        lines.append(f"{m.label}. {m.explanation}".strip())
    return "\n".join(lines)


def article_html(text: str, findings: Any = (), *, layers: Iterable[str] = LAYERS,
                 categories: Iterable[str] | None = None) -> str:
    """The text as one ``<div>`` of escaped HTML, with the findings of the given ``layers`` highlighted.

    ``categories`` keeps only the loaded terms of these categories (None: all). Line breaks are kept (the
    container has ``white-space: pre-wrap``), so offsets into the text map one to one onto what is shown.
    """
    keep = set(layers)
    cats = None if categories is None else {_token(c) for c in categories}
    ms = [m for m in marks(findings, len(text))
          if m.layer in keep and (m.layer != "loaded" or cats is None or m.key in cats)]
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
        pieces.append(f'<span class="{classes}" style="{_style(active)}" title="{escape(_title(active))}">'
                      f"{chunk}</span>")
    pieces.append("</div>")
    return "".join(pieces)


def _swatch(style: str, label: str, count: int | None = None) -> str:
    n = f" <small>({count})</small>" if count is not None else ""
    return (f'<span style="margin-right: 1.2em; white-space: nowrap;"><span style="{style} padding: 0 0.3em;">'
            f"{escape(label)}</span>{n}</span>")


def legend_html(findings: Any = None) -> str:
    """The legend of the colours; with ``findings``, only what they contain, with counts."""
    counts: dict[tuple[str, str], int] | None = None
    if findings is not None:
        counts = {}
        for m in marks(findings):
            counts[(m.layer, m.key)] = counts.get((m.layer, m.key), 0) + 1

    def items(layer: str, keys: Iterable[str], style: Mapping[str, str]) -> list[str]:
        out = []
        for k in keys:
            n = None if counts is None else counts.get((layer, k), 0)
            if n == 0:
                continue
            out.append(_swatch(style[k], k.replace("_", " "), n))
        return out

    rows = [
        ("Quotations (background)", items("quote", QUOTE_BACKGROUNDS, {
            k: f"background-color: {v};" for k, v in QUOTE_BACKGROUNDS.items()})),
        ("Loaded terms (underline, by category)", items("loaded", LOADED_COLOURS, {
            k: f"border-bottom: 3px solid {v}; font-weight: 600;" for k, v in LOADED_COLOURS.items()})),
        ("Attribution cues (box, by the stance of the verb)", items("cue", STANCE_COLOURS, {
            k: f"outline: 2px solid {v}; outline-offset: 1px;" for k, v in STANCE_COLOURS.items()})),
    ]
    n_src = None if counts is None else sum(v for (layer, _), v in counts.items() if layer == "source")
    if n_src != 0:
        rows.append(("Attributed sources", [_swatch("font-style: italic; text-decoration: underline dotted;",
                                                    "who is quoted or paraphrased", n_src)]))
    body = "".join(f'<div style="margin: 0.15em 0;"><b>{escape(title)}:</b> {"".join(its)}</div>'
                   for title, its in rows if its)
    return f'<div class="fr-legend" style="{_CARD} font-size: 0.85rem; line-height: 1.8; padding: 0.4rem 0.8rem;">' \
           f"{body}</div>"



def findings_table(findings: Any) -> list[dict[str, Any]]:
    """One row per finding for a side list: ``n``, ``start``, ``end``, ``finding`` (what it is), ``text``,
    ``explanation``, in the order of the text (plain values, for any table widget)."""
    rows = []
    for f in finding_dicts(findings):
        t = f.get("type")
        if t == "loaded_term":
            what = f"loaded term: {f.get('category')} ({f.get('voice')})"
        elif t == "quote":
            what = f"quotation: {f.get('kind')}"
        elif t == "attribution":
            what = f"attribution: {f.get('stance')}, {f.get('source_type')}"
        else:
            continue
        rows.append({"start": _int(f.get("start")), "end": _int(f.get("end")), "finding": what,
                     "text": f.get("text"), "explanation": f.get("explanation")})
    rows.sort(key=lambda r: (r["start"] if r["start"] is not None else -1, r["end"] or 0))
    return [{"n": i + 1, **r} for i, r in enumerate(rows)]
