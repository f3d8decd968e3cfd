"""HTML as it arrives: a saved page given to `framing analyse`, and text fields or pastes that turn out to be HTML,
are read as their main text (with a warning), and markup is never read as quotations."""

from __future__ import annotations

import json

import pytest

from framing.cli import main
from framing.text.html import extract, looks_like_html
from framing.uploads import parse_pasted

PAGE = """<!DOCTYPE html><html><head><title>Minister backs deal</title>
<meta property="og:site_name" content="Example Times"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister backs deal</h1>
<p class="story-body">The minister said on Tuesday that the agreement was "a powerful message" to its rivals.</p>
<p>"We will strengthen our cooperation," she told reporters in the capital after the talks ended late on Monday.</p>
<p>Critics called the plan a "so-called reform" and said it would fail, according to officials.</p>
</article><footer>Copyright</footer></body></html>
"""


def analyse_file(tmp_path, name: str, content: str, capsys) -> list[dict]:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def test_a_saved_page_is_analysed_as_its_main_text(tmp_path, capsys):
    (rec,) = analyse_file(tmp_path, "page.html", PAGE, capsys)
    quotes = [f["text"] for f in rec["findings"] if f["type"] == "quote"]
    assert quotes == ["a powerful message", "We will strengthen our cooperation,", "so-called reform"]
    assert "story-body" not in quotes and "/world" not in quotes
    assert rec["id"] == "page" and rec["source"] == "Example Times" and rec["title"] == "Minister backs deal"
    assert any("extracted" in w for w in rec["warnings"])


def test_html_in_a_jsonl_text_field_is_extracted_too(tmp_path, capsys):
    line = json.dumps({"id": "a1", "text": PAGE})
    (rec,) = analyse_file(tmp_path, "in.jsonl", line + "\n", capsys)
    assert [f["text"] for f in rec["findings"] if f["type"] == "quote"][0] == "a powerful message"
    assert any("in.jsonl:1" in w and "extracted" in w for w in rec["warnings"])


def test_pasted_html_is_extracted_and_plain_text_is_not():
    parsed = parse_pasted(PAGE)
    assert "<p" not in parsed.records[0].text and parsed.records[0].warnings
    plain = parse_pasted('The minister said the deal was "a powerful message".')
    assert plain.records[0].warnings == ()


def test_what_counts_as_html():
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>One.</p><p>Two.</p><div>Three</div><p>Four.</p><p>Five.</p>")
    assert not looks_like_html('He wrote <b>bold</b> and said "x < y".')
    assert not looks_like_html("Plain news text. " * 50)
    # prose with injected inline tags stays prose (its markup is escaped wherever it is shown)
    assert not looks_like_html('The plan, officials said. <script>x()</script> <img src=x onerror=y> <a href="z">a</a> '
                               '<b>b</b> <i>i</i> <iframe src="q"></iframe> <style>s{}</style>')


# -- pages whose body the extractor misses ---------------------------------------------------------------------------

BODY = "The council voted on Tuesday to approve the plan after a long debate, officials said. " * 20


def _ld_page(body: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
                                                                  {"@type": "NewsArticle", "articleBody": body}]})
    return (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            "<p>The council chamber on Tuesday. Photo: staff.</p></article></body></html>")


def test_the_json_ld_article_body_replaces_a_caption(monkeypatch):
    """When the extractor keeps a caption (here forced) while the page declares its body in JSON-LD, the body is
    the text, and the warning says where it came from."""
    import trafilatura

    from framing.text import html

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda page, **kw: {"text": "The council chamber on Tuesday."})
    doc = html.extract(_ld_page(BODY))
    assert doc["text"] == BODY.strip()
    assert doc["notes"] == ["the article text is the page's JSON-LD articleBody (300 words; the extracted main text "
                            "had 5)"]


def test_json_ld_is_read_in_one_pass_whatever_the_page():
    from framing.text.html import json_ld_body

    assert json_ld_body(_ld_page(BODY)) == BODY.strip()
    assert json_ld_body("<script>" * 200_000) is None  # no closing tag: the search ends
    assert json_ld_body('<script type="application/ld+json">' + "[" * 100_000 + "</script>") is None
    assert json_ld_body('<script type="application/ld+json">{"articleBody": "<p>markup</p>' * 3 + '"}</script>') is None


def test_a_page_with_little_text_is_flagged_in_the_record_and_the_run_summary(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "teaser.html").write_text(
        "<html><head><title>B</title></head><body><article><h1>B</h1><p>Subscribe to read the rest of this story "
        "about the council vote today.</p></article></body></html>", encoding="utf-8")
    (pages / "full.html").write_text(f"<html><body><article><p>{BODY}</p></article></body></html>",
                                     encoding="utf-8")
    assert main(["run", str(pages), "--db", str(tmp_path / "s.duckdb")]) == 0
    assert "1 HTML pages with short text (body not found?)" in capsys.readouterr().err


def test_the_outlet_domain_of_a_page():
    from framing.text.html import domain

    assert domain("https://uk.reuters.com/article/x") == "reuters.com"
    assert domain("", "www.bbc.co.uk") == "bbc.co.uk"
    assert domain("https://www.abc.net.au/news/1") == "abc.net.au"
    assert domain("") is None


def test_a_page_with_a_time_zone_name_gives_no_dateutil_warning(recwarn):
    from framing.text.html import extract

    page = ('<html><head><meta property="article:published_time" content="Mon, 04 May 2020 10:00:00 CEST">'
            f"</head><body><article><p>{BODY}</p></article></body></html>")
    assert extract(page) is not None
    assert not [w for w in recwarn if "tzname" in str(w.message)]


def test_page_detection_is_linear_on_many_comments():
    """"<!---->" repeated: the old pattern grouped N comments 2^N ways before failing (minutes at 30, and this test
    would not finish); now it is one pass."""
    from framing.text.html import looks_like_html

    assert not looks_like_html("<!---->" * 5000 + "x")
    assert looks_like_html("<!-- a --> <!-- b --><!DOCTYPE html><html>")


def test_json_ld_offsets_hold_after_letters_whose_lower_case_is_longer():
    from framing.text.html import json_ld_body

    ld = json.dumps({"articleBody": BODY})
    assert json_ld_body(f'<title>İstanbul İzmir</title><script type="application/ld+json">{ld}</script>') == \
        BODY.strip()


@pytest.mark.parametrize("extra, date", [
    ("", None),  # a copyright line's year is no publication date (htmldate would give 2024-01-01)
    ("<meta property='article:published_time' content='2021-03-04T10:00:00Z'>", "2021-03-04"),  # the markup's
])
def test_a_page_date_comes_from_what_the_page_states_not_a_copyright_year(extra, date):
    body = "<p>" + " ".join(["The council met on Monday and voted to approve the new budget for the city."] * 8)
    page = (f"<html><head><title>Council votes</title>{extra}</head><body><article><h1>Council votes</h1>{body}"
            "</p></article><footer>Copyright 2024 Example Herald</footer></body></html>")
    assert extract(page).get("date") == date
    # a day the text states is kept when the markup has none
    dated = page.replace("<h1>Council votes</h1>", "<h1>Council votes</h1><p>Published May 6, 2020</p>")
    assert extract(dated).get("date") == (date or "2020-05-06")
    # and the first of January when the page says that day
    new_year = page.replace("<h1>Council votes</h1>", "<h1>Council votes</h1><p>Published January 1, 2020</p>")
    assert extract(new_year).get("date") == (date or "2020-01-01")
