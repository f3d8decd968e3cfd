"""Text that arrives as HTML: the main text of a page, extracted with trafilatura, offline.

Used by every input path (``framing analyse``, ``framing run``, dashboard uploads), for saved pages (``.html``) and
for text fields or ``.txt`` files that turn out to be HTML. Offsets of the findings are then offsets into the
extracted text, and the article carries a warning saying so; markup is never read as quotations. When the
extractor keeps a caption or a teaser while the page declares its body in JSON-LD (``articleBody``), that body is
the text; a text that stays short is flagged, so that a lost body is not counted as an article in silence.
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any
from urllib.parse import urlsplit

# A page, or text that is mostly markup: a doctype or <html> at the start, or many block tags.
# (a comment's body cannot run past its "-->": with ".*?" there, N comments could be grouped 2^N ways on a failing match)
_PAGE_START = re.compile(r"\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
# The tags that give a page its structure (paragraphs, sections, lists, headings): prose with a few inline tags
# or injected scripts is still prose, and is analysed as it is, markup escaped wherever it is shown.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|section|article|header|footer|nav|main|h[1-6]|table|tr|td|"
                        r"blockquote|figure|figcaption)\b[^<>]{0,500}>", re.IGNORECASE)
# Text with at least this many structural tags, making up at least this share of its characters, is HTML.
MIN_TAGS = 5
MIN_TAG_SHARE = 0.05

EXTRACTED = "an HTML page: its main text was extracted (trafilatura), and offsets are into the extracted text"
SHORT_PAGE = "short page text"  # the start of the warning below, which run summaries count
# A page whose text has fewer words than this probably lost its body: a news article's body is rarely under 80
# words, while a photo caption, a teaser, a paywall notice or a menu is.
SHORT_PAGE_WORDS = 80
# The page's JSON-LD articleBody replaces the extracted text when it has at least this many times its words: the
# extractor then kept a caption or a teaser and missed the body the page itself declares.
JSON_LD_FACTOR = 2.0
# JSON-LD blocks are looked for in the first this many characters of a page (pages larger than that are not news).
_JSON_LD_SCAN = 5_000_000
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LD_TYPE = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
# Second-level labels under which a country's domains are registered (bbc.co.uk, abc.net.au): the outlet's name is
# one label further left.
_SECOND_LEVEL = frozenset(("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"))


def looks_like_html(text: str) -> bool:
    """Is this text an HTML page or a fragment of markup rather than an article's text?"""
    head = text[:2000]
    if _PAGE_START.match(head):
        return True
    sample = text[:20000]
    tags = _BLOCK_TAG.findall(sample)
    return len(tags) >= MIN_TAGS and sum(map(len, tags)) >= MIN_TAG_SHARE * len(sample)


def extract(page: bytes | str) -> dict[str, Any] | None:
    """Main text and metadata of a page with trafilatura, offline: the page is given as bytes or text (never as a
    URL, which its date module would fetch) and only the extraction functions are called."""
    import trafilatura

    with warnings.catch_warnings():
        # htmldate hands dateutil dates with time-zone names it does not know ("EST5EDT", "CEST"), and dateutil warns
        # on stderr for every such page; the date is still read (without the zone, which is all we keep)
        warnings.filterwarnings("ignore", message=".*tzname.*identified but not understood.*")
        # the date from the page's markup first (meta tags, <time>, JSON-LD, the URL): htmldate's search of the
        # free text also takes a copyright line's year for the first of January ("Copyright 2024" -> 2024-01-01)
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                          include_images=False, include_links=False, deduplicate=False,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
        out: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
        if doc is not None and not out.get("date"):
            out["date"] = _text_date(page)
    notes: list[str] = []
    text = out.get("text") or ""
    n = len(text.split())
    body = json_ld_body(page if isinstance(page, str) else page.decode("utf-8", errors="replace"))
    if body is not None and len(body.split()) >= max(JSON_LD_FACTOR * n, 1):
        notes.append(f"the article text is the page's JSON-LD articleBody ({len(body.split()):,} words; the "
                     f"extracted main text had {n:,})")
        out["text"] = text = body
        n = len(body.split())
    if not text.strip():
        return None
    if n < SHORT_PAGE_WORDS:
        notes.append(f"{SHORT_PAGE} ({n:,} words): the article's body may not have been found (a caption, a teaser, "
                     "a paywall or a menu)")
    out["notes"] = notes
    out["domain"] = domain(out.get("url") or "", out.get("hostname") or "")
    return out


def _text_date(page: bytes | str) -> str | None:
    """A date the page's text states ("Published May 6, 2020"), for a page whose markup gives none; not a year alone,
    which htmldate turns into the first of January."""
    from htmldate import find_date

    try:
        found = find_date(page, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    if found and found.endswith("-01-01"):
        # the first of January only where the page says that day, not for a year standing alone
        text = page if isinstance(page, str) else page.decode("utf-8", errors="replace")
        return found if _FIRST_OF_JANUARY.search(text) else None
    return found


_FIRST_OF_JANUARY = re.compile(r"\b(?:jan(?:uary)?\.?\s+0?1(?:st)?\b|0?1(?:st)?\s+(?:of\s+)?jan(?:uary)?\b|"
                               r"\d{4}-01-01\b|0?1/0?1/\d{2,4}\b)", re.IGNORECASE)


def json_ld_body(page: str) -> str | None:
    """The longest ``articleBody`` of the page's JSON-LD blocks (``<script type="application/ld+json">``), as
    plain text, or None. One pass over the page: a block without its closing tag ends the search."""
    best: str | None = None
    low = page[:_JSON_LD_SCAN].translate(_ASCII_LOWER)  # str.lower() can change lengths ("İ"): offsets must hold
    at = 0
    while (start := low.find("<script", at)) >= 0:
        end_tag = low.find(">", start, start + 1000)
        if end_tag < 0:
            break
        close = low.find("</script", end_tag)
        if close < 0:
            break
        at = close + 8
        if not _LD_TYPE.search(low, start, end_tag):
            continue
        try:
            data = json.loads(page[end_tag + 1:close])
        except (ValueError, RecursionError):
            continue
        for body in _bodies(data, 0):
            if not looks_like_html(body) and len(body) > len(best or ""):
                best = body
    return (best.strip() or None) if best is not None else None


def _bodies(x: Any, depth: int) -> list[str]:
    """The ``articleBody`` strings of a JSON-LD value, through ``@graph`` and nested objects (a few levels)."""
    if depth > 6:
        return []
    if isinstance(x, list):
        return [b for v in x for b in _bodies(v, depth + 1)]
    if not isinstance(x, dict):
        return []
    out = [x["articleBody"]] if isinstance(x.get("articleBody"), str) else []
    return out + [b for v in x.values() if isinstance(v, (dict, list)) for b in _bodies(v, depth + 1)]


def domain(url: str, hostname: str = "") -> str | None:
    """The outlet's registered domain from a page's URL or host name: ``www.reuters.com`` and ``uk.reuters.com`` ->
    ``reuters.com``, ``www.bbc.co.uk`` -> ``bbc.co.uk``; None without either."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = (host or hostname).lower().strip(".")
    if not host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def html_text(text: str) -> tuple[str, dict[str, Any]] | None:
    """For HTML-looking text, the extracted main text and the page's metadata (``notes``: what a reader should know
    about the extraction); ``None`` when the text is not HTML or no main text could be found (the text is then
    analysed as it is, with the engine's markup warning)."""
    if not looks_like_html(text):
        return None
    doc = extract(text)
    if doc is None:
        return None
    return doc["text"], doc
