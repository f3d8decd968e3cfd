"""framing.highlight: findings as escaped HTML. The security-critical part of the dashboard, so: tables of hostile
texts, and properties over any text (only our tags and attributes, the text comes back exactly)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import detectors
from framing.highlight import (
    article_html,
    escape,
    findings_table,
    legend_html,
    marks,
)

ALLOWED_TAGS = {"div", "span", "b", "small"}
ALLOWED_ATTRS = {"class", "style", "title"}
OUR_STYLES = {c for layer in detectors.layers() for c in layer.colours.values()}
LOADED_COLOURS = next(layer.colours for layer in detectors.layers() if layer.name == "loaded")


class Parsed(HTMLParser):
    """Every tag and attribute, and the text as a browser would show it (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing tag {tag!r} in the output")

    def handle_comment(self, data: str) -> None:
        raise AssertionError("a comment in the output")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError("a declaration in the output")

    def handle_pi(self, data: str) -> None:
        raise AssertionError("a processing instruction in the output")


def parse(out: str) -> Parsed:
    p = Parsed()
    p.feed(out)
    p.close()
    assert p.depth == 0, "unbalanced tags"
    return p


def assert_safe(out: str, text: str) -> None:
    """Only our tags and attributes; no URL or event-handler attribute; the shown text is the input text."""
    p = parse(out)
    assert set(p.tags) <= ALLOWED_TAGS
    assert {name for name, _ in p.attrs} <= ALLOWED_ATTRS
    for name, value in p.attrs:
        assert value is not None
        if name == "class":
            assert all(tok.replace("-", "").replace("_", "").isalnum() for tok in value.split())
        if name in ("class", "style"):
            assert "javascript:" not in value.lower() and "url(" not in value.lower() and "expression" not in value
    assert "".join(p.text) == re.sub("[\ud800-\udfff]", "\ufffd", text)  # lone surrogates become U+FFFD


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "visit javascript:alert(1) now",
    '<a href="javascript:alert(1)">x</a>',
    "\" onmouseover=\"alert(1)\" x=\"",
    "' onfocus='alert(1)",
    "&lt;script&gt; already escaped &amp;",
    "<!-- comment --> <![CDATA[x]]> <?php x ?>",
    "<style>body{display:none}</style>",
    "</span></div><script>alert(1)</script>",
    "lone surrogate \ud800 here",
    "null \x00 and bell \x07",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_escaped_with_and_without_findings(text):
    for found in ((), framing.analyse(text).findings):
        out = article_html(text, found)
        assert "<script" not in out and "<img" not in out and "<a " not in out and "<style" not in out
        assert "<!--" not in out and "<!" not in out and "<?" not in out
        assert_safe(out, text)


def test_the_script_fixture_article_is_shown_as_text_and_highlighted():
    text = ('The so-called "experts" slammed it, officials said. <script>alert(1)</script> '
            '<img src=x onerror=alert(1)> [click](javascript:alert(1)) and javascript:alert(2)')
    out = article_html(text, framing.analyse(text).findings)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "[click](javascript:alert(1))" in out  # literal: st.html never reads Markdown
    assert 'class="fr fr-loaded fr-loaded-doubt"' in out
    assert_safe(out, text)


def test_title_and_explanations_are_escaped():
    text = 'She called them "<b>thugs</b>" and said "no".'
    found = [{"type": "loaded_term", "start": 0, "end": 3, "text": "She", "category": "emotive", "voice": "author",
              "explanation": '"><script>alert(1)</script><span title="'}]
    out = article_html(text, found)
    assert "<script" not in out
    assert 'title="Loaded term: emotive (author voice). &quot;&gt;&lt;script&gt;' in out
    assert_safe(out, text)


def test_a_hostile_category_cannot_make_a_class_or_a_style():
    text = "abc def"
    found = [{"type": "loaded_term", "start": 0, "end": 3, "category": '" onclick="alert(1)', "explanation": "x"},
             {"type": "quote", "start": 4, "end": 7, "kind": "scare;background:url(javascript:alert(1))"}]
    out = article_html(text, found)
    assert 'onclick="' not in out
    p = parse(out)
    classes = " ".join(v or "" for k, v in p.attrs if k == "class").split()
    assert "fr-loaded-onclickalert1" in classes  # a class token keeps letters, digits, - and _ only
    styles = " ".join(v or "" for k, v in p.attrs if k == "style")
    assert "url(" not in styles and "javascript" not in styles  # styles are our constants; unknown keys get grey
    assert_safe(out, text)


@pytest.mark.parametrize("found", [
    [{"type": "quote", "start": -1, "end": 3}],
    [{"type": "quote", "start": 2, "end": 99}],
    [{"type": "quote", "start": 3, "end": 3}],
    [{"type": "quote", "start": 4, "end": 2}],
    [{"type": "quote", "start": None, "end": 2}],
    [{"type": "quote", "start": "x", "end": 2}],
    [{"type": "attribution", "start": 0, "end": 2, "source_start": float("nan"), "source_end": None}],
    [{"type": "sentiment", "start": 0, "end": 5, "polarity": 0.1}],
    [{"type": "unknown", "start": 0, "end": 5}],
])
def test_bad_offsets_and_other_types_are_left_out(found):
    text = "hello"
    out = article_html(text, found)
    assert_safe(out, text)
    assert all(0 <= m.start < m.end <= len(text) for m in marks(found, len(text)))


def test_overlapping_and_nested_findings_keep_every_explanation():
    text = 'He said "they are thugs, so-called \'heroes\'" today.'
    r = framing.analyse(text)
    out = article_html(text, r.findings)
    assert_safe(out, text)
    p = parse(out)
    titles = " ".join(v or "" for k, v in p.attrs if k == "title")
    for f in r.findings:
        if f.type in ("loaded_term", "quote", "attribution"):
            assert f.explanation in titles


def test_layers_and_categories_choose_what_is_highlighted():
    text = 'Critics slammed the "reform", officials said.'
    found = framing.analyse(text).findings
    only_quotes = article_html(text, found, layers=["quote"])
    assert "fr-quote" in only_quotes and "fr-loaded" not in only_quotes and "fr-cue" not in only_quotes
    none = article_html(text, found, layers=[])
    assert "<span" not in none
    cats = {m.key for m in marks(found) if m.layer == "loaded"}
    assert cats
    no_cats = article_html(text, found, categories=[])
    assert "fr-loaded" not in no_cats and "fr-cue" in no_cats


def test_findings_from_a_dataframe_and_from_dicts_give_the_same_html():
    import pandas as pd

    text = 'Critics slammed the "reform", officials said.'
    r = framing.analyse(text)
    dicts = [f.to_dict() for f in r.findings if f.type != "sentiment"]
    frame = pd.DataFrame(dicts)
    assert article_html(text, r.findings) == article_html(text, dicts) == article_html(text, frame)


def test_legend_lists_only_what_the_article_has_with_counts():
    text = 'Critics slammed the "reform", officials said.'
    found = framing.analyse(text).findings
    legend = legend_html(found)
    assert "emotive" in legend and "(1)" in legend and "pejorative" not in legend
    assert_safe(legend, "".join(parse(legend).text))
    full = legend_html()
    assert all(k.replace("_", " ") in full for k in LOADED_COLOURS)


def test_findings_table_is_in_text_order_and_numbered():
    text = 'Critics slammed the "reform", officials said.'
    rows = findings_table(framing.analyse(text).findings)
    assert [r["n"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert {r["finding"].split(":")[0] for r in rows} == {"loaded term", "quotation", "attribution"}


def test_escape_handles_quotes_and_surrogates():
    assert escape('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert escape("\udc80") == "\ufffd"
    assert html.unescape(escape("plain text")) == "plain text"


# -- properties --------------------------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    [h + ' "word" said ' + h for h in HOSTILE])


@given(TEXT)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_with_its_real_findings_is_safe(text):
    out = article_html(text, framing.analyse(text).findings)
    assert_safe(out, text)
    # nothing the input brings is markup: every < and > of the output belongs to our own tags
    stripped = out.replace("</div>", "").replace("</span>", "")
    stripped = re.sub(r'<(div|span) class="[a-z0-9_ -]+" style="[^"<>]*"( title="[^"<>]*")?>', "", stripped)
    stripped = re.sub(r'<div class="fr-article" style="[^"<>]*">', "", stripped)
    assert "<" not in stripped and ">" not in stripped


@st.composite
def text_and_spans(draw):
    text = draw(st.text(max_size=80))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(-3, n + 3), st.integers(-3, n + 3),
                                    st.sampled_from(["loaded_term", "quote", "attribution"]),
                                    st.text(max_size=20)), max_size=12))
    found = [{"type": t, "start": s, "end": e, "category": k, "kind": k, "stance": k, "voice": "author",
              "source_start": s, "source_end": e, "explanation": k} for s, e, t, k in spans]
    return text, found


@given(text_and_spans())
@settings(max_examples=200, deadline=None)
def test_any_spans_on_any_text_give_safe_balanced_html_that_shows_the_text(data):
    text, found = data
    out = article_html(text, found)
    assert_safe(out, text)
    assert out == article_html(text, found)  # deterministic
