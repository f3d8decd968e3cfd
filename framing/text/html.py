"""Text that arrives as HTML: the main text of a page, extracted with trafilatura, offline.

Used by every input path (``framing analyse``, ``framing run``, dashboard uploads), for saved pages (``.html``) and
for text fields or ``.txt`` files that turn out to be HTML. Offsets of the findings are then offsets into the
extracted text, and the article carries a warning saying so; markup is never read as quotations.
"""

from __future__ import annotations

import re
from typing import Any

# A page, or text that is mostly markup: a doctype or <html> at the start, or many block tags.
_PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
# The tags that give a page its structure (paragraphs, sections, lists, headings): prose with a few inline tags
# or injected scripts is still prose, and is analysed as it is, markup escaped wherever it is shown.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|section|article|header|footer|nav|main|h[1-6]|table|tr|td|"
                        r"blockquote|figure|figcaption)\b[^<>]{0,500}>", re.IGNORECASE)
# Text with at least this many structural tags, making up at least this share of its characters, is HTML.
MIN_TAGS = 5
MIN_TAG_SHARE = 0.05

EXTRACTED = "an HTML page: its main text was extracted (trafilatura), and offsets are into the extracted text"


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

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False, deduplicate=False)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def html_text(text: str) -> tuple[str, dict[str, Any]] | None:
    """For HTML-looking text, the extracted main text and the page's metadata; ``None`` when the text is not HTML
    or no main text could be found (the text is then analysed as it is, with the engine's markup warning)."""
    if not looks_like_html(text):
        return None
    doc = extract(text)
    body = (doc or {}).get("text") or ""
    if not body.strip():
        return None
    return body, doc or {}
