"""framing.uploads: what a user pastes or uploads, read like `framing run` reads files, with clear errors."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc

import pytest

from framing.errors import InputError
from framing.uploads import (
    MAX_UPLOAD_BYTES,
    UPLOAD_SUFFIXES,
    UPLOAD_TYPES,
    analyse_records,
    parse_pasted,
    parse_upload,
    upload_suffix,
)

ARTICLE = 'Critics slammed the "reform", officials said.'


def jsonl(*rows: dict) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


@pytest.mark.parametrize("name, data, n", [
    ("one.txt", ARTICLE.encode(), 1),
    ("rows.csv", f'text,source,title\n"{ARTICLE.replace(chr(34), chr(34) * 2)}",Herald,T1\nSecond text here.,Ledger,\n'
     .encode(), 2),
    ("rows.tsv", b"body\tpublisher\nA text.\tHerald\nAnother text.\tLedger\n", 2),
    ("lines.jsonl", jsonl({"text": ARTICLE, "source": "Herald"}, {"text": "Another.", "id": "x2"}), 2),
    ("lines.ndjson", jsonl({"content": ARTICLE}), 1),
    ("bom.csv", "\ufefftext\nWith a byte order mark.\n".encode(), 1),
])
def test_every_supported_type_is_read(name, data, n):
    parsed = parse_upload(name, data)
    assert len(parsed.records) == n and not parsed.errors
    assert all(r.origin.startswith(name) for r in parsed.records)


def test_the_fields_are_mapped_as_framing_run_maps_them():
    parsed = parse_upload("a.csv", b"id,text,source,date,title\nk1,Some text.,Herald,4 May 2020,Title\n")
    r = parsed.records[0]
    assert (r.id, r.source, r.meta["date"], r.meta["title"]) == ("k1", "Herald", "2020-05-04", "Title")
    assert parse_upload("My Article (final).txt", b"Text.").records[0].id == "My_Article_final"


def test_bad_lines_are_listed_with_the_uploaded_name_and_line_and_the_rest_read():
    data = jsonl({"text": ARTICLE}) + b"{not json}\n" + jsonl({"title": "no text"}, {"text": ""}, {"text": "Fine."})
    parsed = parse_upload("mine.jsonl", data)
    assert len(parsed.records) == 2
    where = [e.origin for e in parsed.errors]
    assert where == ["mine.jsonl:2", "mine.jsonl:3", "mine.jsonl:4"]
    reasons = " | ".join(e.reason for e in parsed.errors)
    assert "not valid JSON" in reasons and "no text field" in reasons and "empty text" in reasons
    assert parsed.messages()[0].startswith("mine.jsonl:2: not valid JSON")
    assert "/tmp" not in " ".join(parsed.messages())  # the temporary path never shows


def test_a_csv_row_with_the_wrong_number_of_fields_names_its_line():
    parsed = parse_upload("x.csv", b"text,source\nGood text.,A\nBad, text, too many,B\nOther text.,C\n")
    assert len(parsed.records) == 2
    assert parsed.errors[0].origin == "x.csv:3" and "expected 2 fields" in parsed.errors[0].reason


def test_a_csv_without_a_text_column_says_which_columns_it_has():
    parsed = parse_upload("x.csv", b"headline,outlet\nA,B\n")
    assert not parsed.records
    assert "no text column" in parsed.errors[0].reason and "headline" in parsed.errors[0].reason


@pytest.mark.parametrize("name, data, message", [
    ("big.txt", b"x" * (MAX_UPLOAD_BYTES + 1), "more than the limit of 10.0 MB"),
    ("empty.txt", b"", "empty"),
    ("blank.csv", b"   \n\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("archive.jsonl.zip", b"PK\x03\x04", ".zip files are not accepted; upload the file as it is, or gzipped"),
    ("archive.tar.gz", gzip.compress(b"x"), "unsupported file type '.tar' inside the .gz file"),
    ("data.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
    ("noext", b"text", "unsupported file type '(no suffix)'"),
])
def test_files_that_cannot_be_used_raise_a_clear_error(name, data, message):
    with pytest.raises(InputError) as exc:
        parse_upload(name, data)
    assert message in str(exc.value) and name in str(exc.value)


# -- gzipped uploads ---------------------------------------------------------------------------------------------

CSV = f'text,source,title\n"{ARTICLE.replace(chr(34), chr(34) * 2)}",Herald,T1\nSecond text here.,Ledger,\n'.encode()


@pytest.mark.parametrize("name, data", [
    ("lines.jsonl.gz", jsonl({"id": "a1", "text": ARTICLE, "source": "Herald"}, {"id": "a2", "text": "Another."})),
    ("rows.CSV.GZ", CSV),
])
def test_a_gzipped_upload_is_read_as_the_file_it_holds(name, data):
    plain = parse_upload(name[:-3], data)
    parsed = parse_upload(name, gzip.compress(data))
    assert [(r.id, r.text, r.source, r.meta) for r in parsed.records] == [
        (r.id, r.text, r.source, r.meta) for r in plain.records]
    assert len(parsed.records) == 2 and not parsed.errors
    assert [r.origin.split(":")[0] for r in parsed.records] == [name, name]  # the uploaded name, never a temp path


def test_a_gzipped_upload_keeps_its_bad_lines_with_the_uploaded_name():
    parsed = parse_upload("mine.jsonl.gz", gzip.compress(jsonl({"text": ARTICLE}) + b"{not json}\n"))
    assert len(parsed.records) == 1 and parsed.messages()[0].startswith("mine.jsonl.gz:2: not valid JSON")


def test_a_gzipped_text_file_is_named_without_its_suffixes():
    assert parse_upload("My Article.txt.gz", gzip.compress(b"Text.")).records[0].id == "My_Article"


def test_a_gzip_bomb_is_refused_quickly_and_in_little_memory():
    """50 MB of zeros gzipped (50 KB) is refused once more than the limit is decompressed, never all of it."""
    bomb = gzip.compress(b"\0" * (50 << 20))
    assert len(bomb) < 100_000
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(InputError) as exc:
            parse_upload("bomb.jsonl.gz", bomb, max_bytes=1 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "bomb.jsonl.gz: decompressed, the file holds more than the limit of 1.0 MB" in str(exc.value)
    assert peak < 8 << 20  # a few times the limit at most (50 MB decompressed would be 50 MB)
    assert time.perf_counter() - start < 5  # (milliseconds in fact: a generous bound for slow machines)


def test_a_gzip_bomb_of_a_gigabyte_is_refused_at_the_default_limit():
    """Many gzip members of 10 MB of zeros each: 1 GB that takes seconds to decompress, refused after 10 MB."""
    member = gzip.compress(b"\0" * (10 << 20), 9)
    start = time.perf_counter()
    with pytest.raises(InputError, match="more than the limit of 10.0 MB"):
        parse_upload("bomb.csv.gz", member * 100)
    assert time.perf_counter() - start < 2


def test_a_gzipped_upload_within_the_limit_is_read_up_to_it():
    data = jsonl({"text": "x" * 1000})
    assert len(parse_upload("a.jsonl.gz", gzip.compress(data), max_bytes=len(data)).records) == 1
    with pytest.raises(InputError, match="more than the limit"):
        parse_upload("a.jsonl.gz", gzip.compress(data), max_bytes=len(data) - 1)


def test_a_truncated_gzip_upload_is_refused_with_its_name():
    data = gzip.compress(jsonl(*[{"text": f"Article number {i}, officials said."} for i in range(200)]))
    with pytest.raises(InputError) as exc:
        parse_upload("cut.jsonl.gz", data[: len(data) // 2])
    assert str(exc.value).startswith("cut.jsonl.gz: cannot read the gzip file: the compressed file ends early "
                                     "(truncated or corrupt)")


@pytest.mark.parametrize("name, data, message", [
    ("corrupt.jsonl.gz", lambda gz: gz[:20] + bytes(b ^ 0xFF for b in gz[20:40]) + gz[40:], "not a valid gzip file"),
    ("crc.csv.gz", lambda gz: gz[:-8] + b"\0\0\0\0" + gz[-4:], "not a valid gzip file (CRC check failed"),
    ("plain.jsonl.gz", lambda gz: b'{"text": "not gzipped at all"}\n', "not a valid gzip file (Not a gzipped file"),
    ("empty.txt.gz", lambda gz: gzip.compress(b" \n"), "the file is empty"),
    ("image.txt.gz", lambda gz: gzip.compress(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
])
def test_a_gzipped_upload_that_cannot_be_used_says_why(name, data, message):
    gz = gzip.compress(CSV if "csv" in name else jsonl(*[{"text": f"Text {i}."} for i in range(50)]))
    with pytest.raises(InputError) as exc:
        parse_upload(name, data(gz))
    assert str(exc.value).startswith(name) and message in str(exc.value)


def test_at_most_max_articles_are_kept_and_the_rest_listed():
    data = jsonl(*[{"text": f"Article number {i}."} for i in range(5)])
    parsed = parse_upload("many.jsonl", data, max_articles=3)
    assert len(parsed.records) == 3 and len(parsed.errors) == 2
    assert "at most 3 articles" in parsed.errors[0].reason


def test_uploads_read_every_format_the_engine_reads():
    from framing.corpus.ingest import FORMATS

    assert UPLOAD_TYPES is FORMATS
    assert upload_suffix("A.JSONL") == ".jsonl" and upload_suffix("A.JSONL.GZ") == ".jsonl"
    assert set(UPLOAD_SUFFIXES) == {*FORMATS, ".gz"}


def test_a_parquet_upload_is_read_like_a_run_reads_it(tmp_path):
    import pandas as pd

    pd.DataFrame({"text": ["One article.", "Another one."], "source": ["A", "B"]}).to_parquet(tmp_path / "x.parquet")
    parsed = parse_upload("x.parquet", (tmp_path / "x.parquet").read_bytes())
    assert [r.text for r in parsed.records] == ["One article.", "Another one."]
    assert [r.source for r in parsed.records] == ["A", "B"] and not parsed.errors


def test_an_html_upload_is_one_article_from_the_page():
    page = (b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>"
            + b"The council voted on the plan on Tuesday, officials said. " * 6 + b"</p></article></body></html>")
    parsed = parse_upload("page.html", page)
    assert len(parsed.records) == 1 and "The council voted" in parsed.records[0].text
    assert "<p>" not in parsed.records[0].text


def test_pasted_text_is_one_article_with_a_stable_id():
    a = parse_pasted(ARTICLE, title=" T ", source=" Herald ")
    b = parse_pasted(ARTICLE)
    assert a.records[0].id == b.records[0].id and a.records[0].id.startswith("pasted-")
    assert a.records[0].source == "Herald" and a.records[0].meta == {"title": "T"}
    assert b.records[0].source is None


@pytest.mark.parametrize("text, message", [("", "empty"), ("   \n", "empty"), ("\x00\x01" * 50, "binary"),
                                           ("x" * 20, "more than the limit")])
def test_pasted_text_that_cannot_be_analysed_says_why(text, message):
    with pytest.raises(InputError) as exc:
        parse_pasted(text, max_chars=10 if message == "more than the limit" else MAX_UPLOAD_BYTES)
    assert message in str(exc.value)


def test_analyse_records_reports_progress_and_gives_a_corpus():
    parsed = parse_upload("two.jsonl", jsonl({"text": ARTICLE, "source": "H"}, {"text": "The thugs rioted."}))
    seen = []
    corpus = analyse_records(parsed.records, progress=lambda i, n: seen.append((i, n)))
    assert seen == [(1, 2), (2, 2)]
    assert len(corpus.articles) == 2 and set(corpus.findings["type"]) >= {"loaded_term", "quote", "attribution"}
    assert corpus.texts[corpus.articles["article_id"].iloc[0]] == ARTICLE
    with pytest.raises(InputError):
        analyse_records([])


def test_an_upload_with_a_deeply_nested_line_lists_it_and_keeps_the_rest():
    from framing.uploads import parse_upload

    data = ('{"id": "a", "text": "First. He said so."}\n{"id": "b", "text": "x", "m": ' + "[" * 5000 + "]" * 5000
            + '}\n{"id": "c", "text": "Third. She said."}\n').encode()
    parsed = parse_upload("deep.jsonl", data)
    assert [r.id for r in parsed.records] == ["a", "c"]
    assert len(parsed.errors) == 1 and "deep.jsonl:2" in parsed.errors[0].message()
    assert "nested too deeply" in parsed.errors[0].message()


def test_an_upload_article_over_its_time_budget_is_left_out_with_the_reason(monkeypatch):
    from tests.test_report import _slow_sentiment

    _slow_sentiment(monkeypatch)
    parsed = parse_upload("a.jsonl", b'{"id": "a", "text": "Fine. He said so."}\n'
                                     b'{"id": "b", "text": "SLOW one. She said."}\n')
    failed: list = []
    corpus = analyse_records(parsed.records, failed=failed, time_budget=10)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert [(e.id, e.reason.split(" (")[0]) for e in failed] == [
        ("b", "the analysis took longer than its time budget of 10 s")]
    with pytest.raises(InputError, match="time budget"):
        analyse_records(parsed.records[1:], failed=[], time_budget=10)


GERMAN = "Die Regierung hat am Montag neue Maßnahmen angekündigt. Der Minister sagte, die Lage sei ernst."


def test_analysed_uploads_keep_every_articles_warnings():
    """Regression: the warnings of an upload (language, HTML extraction...) were only counted (n_warnings)."""
    from framing.explore import unread_language

    parsed = parse_upload("mixed.jsonl", jsonl({"id": "de", "text": GERMAN}, {"id": "en", "text": ARTICLE},
                                               {"id": "tags", "text": "<p>The <b>thugs</b> rioted, police said.</p>"}))
    corpus = analyse_records(parsed.records)
    w = corpus.article_warnings
    assert list(w.columns) == ["article_id", "warning"]
    assert w.groupby("article_id").size().to_dict() == corpus.articles.set_index("article_id")["n_warnings"][
        lambda n: n > 0].to_dict()
    assert w.loc[w["article_id"] == "de", "warning"].str.contains("in German").all()
    assert "en" not in set(w["article_id"]) and "tags" in set(w["article_id"])
    assert corpus.subset(["en", "tags"]).article_warnings["article_id"].unique().tolist() == ["tags"]
    assert unread_language(corpus.articles).tolist() == [True, False, False]


# -- the field mapping on the page -------------------------------------------------------------------------------

ALLSIDES = (b'ID,title,source,content_original,bias_text\n'
            b'a1,Plan,Daily Planet,"Critics slammed the ""reform"", officials said.",left\n'
            b'a2,,Ledger,The council voted on the plan on Tuesday.,\n')


def test_an_upload_without_a_usual_text_column_lists_its_columns():
    """Regression: an AllSides file (text in content_original) could not be read on the page at all."""
    parsed = parse_upload("allsides.csv", ALLSIDES)
    assert not parsed.records and parsed.lacks("text") and not parsed.lacks("source")
    assert [(c.name, c.filled) for c in parsed.columns] == [
        ("ID", 2), ("title", 1), ("source", 2), ("content_original", 2), ("bias_text", 1)]
    assert parsed.columns[3].example == 'Critics slammed the "reform", officials said.'
    assert parsed.found()["text"] is None and parsed.found()["source"] == "source"


def test_an_upload_is_read_with_the_fields_the_user_chose():
    from framing.corpus.fields import Mapping

    parsed = parse_upload("allsides.csv", ALLSIDES, mapping=Mapping(text="content_original", leaning="bias_text"))
    assert [(r.id, r.source, r.text[:7]) for r in parsed.records] == [("a1", "Daily Planet", "Critics"),
                                                                      ("a2", "Ledger", "The cou")]
    assert parsed.records[0].meta == {"title": "Plan", "leaning": "left"} and not parsed.errors
    assert parsed.found()["text"] == "content_original" and not parsed.lacks("text")
    lines = jsonl({"content_original": ARTICLE, "outlet_name": "Daily"}, {"content_original": "Another.", "x": 1})
    gz = parse_upload("a.jsonl.gz", gzip.compress(lines), mapping=Mapping(text="content_original", source="outlet_name"))
    assert [r.source for r in gz.records] == ["Daily", None] and not gz.errors
    assert [c.name for c in gz.columns] == ["content_original", "outlet_name", "x"]


def test_a_one_article_upload_has_no_columns_to_choose_from():
    parsed = parse_upload("one.txt", ARTICLE.encode())
    assert parsed.columns == () and parsed.found() == {} and not parsed.lacks("text")


@pytest.mark.parametrize("name, data, mapping, expected", [
    ("allsides.csv", ALLSIDES, {}, 'choose the column that holds the text under "Fields"'),
    ("lines.jsonl", jsonl({"body": ARTICLE}, {"content_original": "x"}), {},
     'choose the column that holds the text under "Fields"'),
    ("dates.csv", b"text,date\nA text.,04/05/2020\n", {}, 'give its format under "Fields" (Date format, e.g. %d/%m/%Y)'),
    ("dates.jsonl", jsonl({"text": "A text.", "date": "soon"}), {},
     'give its format under "Fields" (Date format, e.g. %d/%m/%Y)'),
    ("semi.csv", b"id;text;source\n1;A text, with commas.;X\n", {"delimiter": "|"},
     "the header looks delimited by ';': save the file with that delimiter replaced by commas"),
])
def test_upload_messages_say_what_to_choose_on_the_page_not_which_option_to_give(name, data, mapping, expected):
    """The reader's messages name options of `framing run` (--text-field, --date-format, --delimiter), which the page
    does not have."""
    import re

    from framing.corpus.fields import Mapping

    parsed = parse_upload(name, data, mapping=Mapping(**mapping))
    said = parsed.messages() + [w for r in parsed.records for w in r.warnings]
    assert any(expected in m for m in said), said
    assert not [m for m in said if re.search(r"(?<![\w-])--[a-z]", m)]
