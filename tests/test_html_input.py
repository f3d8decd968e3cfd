"""HTML as it arrives: a saved page given to `framing analyse`, and text fields or pastes that turn out to be HTML,
are read as their main text (with a warning), and markup is never read as quotations."""

from __future__ import annotations

import json

from framing.cli import main
from framing.text.html import looks_like_html
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
