"""Readers, field mapping, dates, ids and bad input: every input item gives one record or one error."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import socket
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import need_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.ingest import (
    Mapping,
    _has_surrogates,
    content_hash,
    describe_inputs,
    hash_id,
    input_columns,
    parse_date,
    read_inputs,
    unusable,
)
from framing.errors import ConfigError, InputError
from framing.records import Record, RecordError

from .conftest import write_jsonl

TEXT = 'The minister said the "reform" was needed, officials said.'


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RecordError)]


# -- formats -------------------------------------------------------------------------------------------------


def test_record_estimate_of_a_large_gz_is_sampled_and_of_a_small_one_exact(tmp_path, monkeypatch):
    import framing.corpus.ingest as ingest_mod

    rows = [{"id": f"a{i}", "text": f"Article {i}. " + "words " * (i % 40)} for i in range(3000)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    assert describe_inputs([str(gz)])[0].records == 3000  # smaller than the sample: every line counted
    assert describe_inputs([str(src)])[0].records == 3000  # plain files are always counted
    monkeypatch.setattr(ingest_mod, "_COUNT_SAMPLE", 1)  # count only the first chunk read
    monkeypatch.setattr(ingest_mod, "_HASH_CHUNK", 4096)
    info = describe_inputs([str(gz)])[0]
    assert info.records != 3000 and abs(info.records - 3000) < 300
    assert info.sha256 == hashlib.sha256(gz.read_bytes()).hexdigest()  # the hash still covers the whole file
    assert info.bytes == gz.stat().st_size


def test_jsonl_and_gz_read_the_same(tmp_path):
    rows = [{"id": "a", "text": TEXT, "source": "X", "date": "2026-01-02", "extra": 3},
            {"id": "b", "text": TEXT + " More.", "outlet": "Y"}]
    plain = write_jsonl(tmp_path / "c.jsonl", rows)
    gz = tmp_path / "c.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = list(read_inputs([str(plain)])), list(read_inputs([str(gz)]))
    assert [(r.id, r.text, r.source, r.meta) for r in a] == [(r.id, r.text, r.source, r.meta) for r in b]
    assert a[0].meta == {"date": "2026-01-02", "extra": 3}
    assert a[1].source == "Y"  # "outlet" is one of the usual names of the source


def test_csv_tsv_and_gz(tmp_path):
    (tmp_path / "a.csv").write_text('id,text,source\n1,"Hello, ""world"" said Tom.",X\n2,"Line one.\nLine two.",Y\n')
    (tmp_path / "b.tsv").write_text("id\ttext\tsource\n3\tTab separated text, he said.\tZ\n")
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(b"ID;Body;Publisher\n4;Semicolons here, she said.;W\n"))
    recs, errs = split(read_inputs([str(tmp_path / n) for n in ("a.csv", "b.tsv", "c.csv.gz")]))
    assert not errs
    assert [(r.id, r.source) for r in recs] == [("1", "X"), ("2", "Y"), ("3", "Z"), ("4", "W")]
    assert recs[0].text == 'Hello, "world" said Tom.'
    assert recs[1].text == "Line one.\nLine two." and recs[1].origin.endswith("a.csv:3-4")


def test_parquet_streams_rows_and_keeps_types(tmp_path):

    t = pa.table({"article_id": ["p1", "p2"], "content": [TEXT, TEXT + " Again."], "publisher": ["A", "B"],
                  "published": [dt.date(2026, 3, 1), None], "score": [1.5, 2.0]})
    pq.write_table(t, tmp_path / "x.parquet")
    recs, errs = split(read_inputs([str(tmp_path / "x.parquet")]))
    assert not errs
    assert [(r.id, r.source, r.meta.get("date")) for r in recs] == [("p1", "A", "2026-03-01"), ("p2", "B", None)]
    assert recs[0].meta["score"] == 1.5 and recs[1].origin.endswith("x.parquet:row 2")


def test_folder_of_txt_and_html_with_binary_files(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(TEXT)
    (folder / "sub" / "two.txt.gz").write_bytes(gzip.compress(TEXT.encode() + b" Two."))
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (folder / ".hidden.txt").write_text("ignored")
    recs, errs = split(read_inputs([str(folder)]))
    assert [r.id for r in recs] == ["one", "sub/two"]
    assert sorted(Path(e.origin).name for e in errs) == ["blob.txt", "image.png"]
    assert all("binary" in e.reason for e in errs)


HTML = """<!DOCTYPE html><html><head><title>Storm hits coast | The Herald</title>
<meta property="og:site_name" content="The Herald"><link rel="canonical" href="https://example.org/storm">
<meta name="date" content="2024-03-05"></head><body><nav>Home | World | Sport</nav><article><h1>Storm hits coast</h1>
<p>The storm "devastated" the town, officials said on Tuesday. Residents were told to stay indoors while crews
worked to restore power to thousands of homes across the region.</p><p>"We have never seen anything like it,"
said Mayor Jane Doe, who described the damage as catastrophic. Critics slammed the slow response.</p></article>
<footer>Copyright 2024 The Herald. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata_without_network(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    (tmp_path / "storm.html").write_text(HTML)
    (tmp_path / "empty.htm").write_text("<html><head><title>x</title></head><body><script>var a;</script></body></html>")
    recs, errs = split(read_inputs([str(tmp_path)]))
    (r,) = recs
    # the outlet is the page's domain (page metadata names outlets inconsistently); its own name is kept
    assert r.id == "storm" and r.source == "example.org" and r.meta["sitename"] == "The Herald"
    assert r.meta["domain"] == "example.org"
    assert r.meta["title"] == "Storm hits coast" and r.meta["date"] == "2024-03-05"
    assert r.meta["url"] == "https://example.org/storm"
    assert "devastated" in r.text and "Copyright" not in r.text and "Menu" not in r.text
    assert len(errs) == 1 and "no article text" in errs[0].reason
    (by_name,) = split(read_inputs([str(tmp_path / "storm.html")], Mapping(source="sitename")))[0]
    assert by_name.source == "The Herald"


# -- field mapping, ids, dates -------------------------------------------------------------------------------


def test_explicit_mapping_and_case_insensitive_usual_names(tmp_path):
    rows = [{"ID": "k1", "content_original": TEXT, "Source": "S", "bias_text": "left", "Title": "T"}]
    p = write_jsonl(tmp_path / "a.jsonl", rows)
    (r,) = read_inputs([str(p)], Mapping(text="content_original", leaning="bias_text"))
    assert (r.id, r.source, r.meta) == ("k1", "S", {"title": "T", "leaning": "left"})
    _, errs = split(read_inputs([str(p)]))  # no usual text column: a clear error
    assert "no text field" in errs[0].reason and "--text-field" in errs[0].reason


def test_input_columns_are_the_fields_of_the_rows_before_mapping(tmp_path):
    """What the dashboard's upload page lets a user map the text, source... from (framing.uploads)."""
    csv = tmp_path / "a.csv.gz"
    with gzip.open(csv, "wt", encoding="utf-8") as fh:
        fh.write('ID,content_original,outlet\nk1,"A long text, with a comma.",Herald\nk2,Another text.,\n')
    assert [(c.name, c.filled, c.example) for c in input_columns(str(csv))] == [
        ("ID", 2, "k1"), ("content_original", 2, "A long text, with a comma."), ("outlet", 1, "Herald")]
    lines = tmp_path / "b.jsonl"
    lines.write_text(json.dumps({"body": "x " * 100, "n": None, "tags": ["a", "b"]}) + "\n{not json}\n"
                     + json.dumps({"outlet": "Y"}) + "\n", encoding="utf-8")
    cols = input_columns(str(lines))
    assert [(c.name, c.filled) for c in cols] == [("body", 1), ("n", 0), ("tags", 1), ("outlet", 1)]
    assert cols[0].example == "x " * 39 + "x…" and cols[2].example == '["a", "b"]'
    assert [c.name for c in input_columns(str(lines), limit=1)] == ["body", "n", "tags"]
    semi = tmp_path / "s.csv"
    semi.write_text("a;b\n1;2\n", encoding="utf-8")
    assert [c.name for c in input_columns(str(semi), Mapping(delimiter="|"))] == ["a;b"]
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    assert input_columns(str(tmp_path / "t.txt")) == () and input_columns(str(tmp_path)) == ()


def test_fields_that_collide_with_table_columns_are_renamed(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "polarity": 0.3, "lt_count": 9, "headline": "H",
                                            "title": "T"}])
    (r,) = read_inputs([str(p)])
    assert r.meta == {"title": "T", "input_polarity": 0.3, "input_lt_count": 9, "headline": "H"}


def test_id_from_content_hash_is_stable_and_whitespace_blind(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}, {"text": "  " + TEXT.replace(" ", "\n ") + "\n"}])
    a, b = read_inputs([str(p)])
    assert a.id == b.id == hash_id(TEXT) and len(a.id) == 16
    assert content_hash(a.text) == content_hash(b.text)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-01-02", "2026-01-02"),
        ("2026-01-02T23:30:00-05:00", "2026-01-02"),
        ("2026-01-02 10:00:00 UTC", "2026-01-02"),
        ("Mon, 04 May 2020 10:00:00 GMT", "2020-05-04"),
        ("4 May 2020", "2020-05-04"),
        ("May 4, 2020", "2020-05-04"),
        ("2020/05/04", "2020-05-04"),
        ("04.05.2020", "2020-05-04"),
        ("25/12/2020", "2020-12-25"),
        ("12/25/2020", "2020-12-25"),
        (1588586400, "2020-05-04"),
        (1588586400000, "2020-05-04"),
        ("", None),
    ],
)
def test_dates_to_iso(value, expected):
    assert parse_date(value)[0] == expected


@pytest.mark.parametrize("value", ["04/05/2020", "yesterday", "2020-13-45", True, 42])
def test_bad_or_ambiguous_dates_say_why(value):
    iso, why = parse_date(value)
    assert iso is None and why


@pytest.mark.parametrize("value, why", [
    ("0001-11-30", "implausible date '0001-11-30': the year 1 is before 1800"),  # a placeholder stored as valid
    ("1799-12-31", "the year 1799 is before 1800"),
    ("2101-01-01", "the year 2101 is after 2100"),
    (99_999_999_999, "implausible date '99999999999': the year 5138"),  # seconds read as a timestamp
    ("4/18/18", "date '4/18/18' has a two-digit year, which is not read as it stands; it looks like "
                "month/day/year: give --date-format %m/%d/%y"),
    ("18/4/18", "looks like day/month/year: give --date-format %d/%m/%y"),
    ("4-5-18", "give --date-format %m-%d-%y (month first) or %d-%m-%y (day first)"),
])
def test_implausible_years_and_two_digit_years_are_not_dates_and_say_why(value, why):
    # regression (a user's trial): "0001-11-30" was stored as a date (a report's header said "published 1-11-30 to
    # ..."), and "4/18/18" was "unrecognised" with no word of the option that reads it
    iso, reason = parse_date(value)
    assert iso is None and why in reason


def test_plausible_dates_at_the_bounds_and_a_two_digit_year_with_its_format():
    assert parse_date("1851-09-18") == ("1851-09-18", None)
    assert parse_date("2100-12-31") == ("2100-12-31", None)
    assert parse_date("4/18/18", "%m/%d/%y") == ("2018-04-18", None)


def test_date_format_option_and_bad_date_kept_raw(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "date": "04/05/2020"}])
    (r,) = read_inputs([str(p)])
    assert "date" not in r.meta and r.meta["date_raw"] == "04/05/2020" and "ambiguous" in r.warnings[0]
    (r,) = read_inputs([str(p)], Mapping(date_format="%d/%m/%Y"))
    assert r.meta["date"] == "2020-05-04"
    # an ISO date reads one way only: a format given for the file's other dates leaves it as it is (a new user's
    # file lost its correct ISO dates to --date-format); other dates that do not match are still refused
    assert parse_date("2026-03-04", "%d/%m/%Y") == ("2026-03-04", None)
    assert parse_date("2026-03-04T10:00:00Z", "%d/%m/%Y") == ("2026-03-04", None)
    assert parse_date("March 4, 2026", "%d/%m/%Y") == (None, "date 'March 4, 2026' does not match the format '%d/%m/%Y'")


def test_group_rows_into_articles(tmp_path):
    (tmp_path / "s.csv").write_text(
        "doc,para,sent,text,source,n_spans\n"
        "d1,0,0,First sentence.,X,1\nd1,1,2,Third sentence.,X,0\nd1,0,1,Second sentence.,X,2\n"
        "d2,0,0,Only one.,Y,0\n")
    recs, errs = split(read_inputs([str(tmp_path / "s.csv")],
                                   Mapping(group_by="doc", paragraph_field="para", order_by="sent")))
    assert not errs
    assert [(r.id, r.text) for r in recs] == [("d1", "First sentence. Second sentence.\n\nThird sentence."),
                                              ("d2", "Only one.")]
    assert recs[0].meta == {} and recs[0].origin.endswith("s.csv:2-4")  # per-sentence fields are dropped


@pytest.mark.parametrize("opts, column", [(dict(paragraph_field="paragraph"), "paragraph_field column 'paragraph'"),
                                          (dict(order_by="sentence"), "order_by column 'sentence'")])
def test_a_misspelt_column_that_orders_a_group_is_an_error(tmp_path, opts, column):
    """Regression (a user's trial): a misspelt --paragraph-field or --order-by joined each article's rows in file
    order as one paragraph, and said nothing."""
    (tmp_path / "s.csv").write_text("doc,para,sent,text\nd1,0,0,First sentence.\n")
    recs, errs = split(read_inputs([str(tmp_path / "s.csv")], Mapping(group_by="doc", **opts)))
    assert not recs and len(errs) == 1 and f"no {column}" in errs[0].reason


def test_metadata_join_fills_missing_fields(tmp_path):
    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "a1.txt").write_text(TEXT)
    (folder / "a2.txt").write_text(TEXT + " Two.")
    (tmp_path / "meta.tsv").write_text("filename\tpublisher\tpublication_date\ta1_only\n"
                                       "a1\tBreitbart\t2016-09-12\tyes\n")
    recs, _ = split(read_inputs([str(folder)], Mapping(metadata=str(tmp_path / "meta.tsv"), metadata_key="filename",
                                                       source="publisher", date="publication_date")))
    assert [(r.id, r.source, r.meta) for r in recs] == [("a1", "Breitbart", {"date": "2016-09-12", "a1_only": "yes"}),
                                                        ("a2", None, {})]


def test_mapping_options_are_validated():
    with pytest.raises(ConfigError, match="delimiter"):
        Mapping(delimiter=";;")
    with pytest.raises(ConfigError, match="group_by"):
        Mapping(order_by="sent")
    with pytest.raises(ConfigError, match="valid options"):
        Mapping.from_dict({"txt": "x"})


# -- bad input -------------------------------------------------------------------------------------------------


def test_missing_path_or_unsupported_type_stops_before_reading(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.jsonl")]))
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unsupported input type"):
        describe_inputs([str(tmp_path / "a.docx")])


def test_one_bad_line_in_ten_thousand(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": f"Text number {i}."}) for i in range(10_000)]
    lines[6_789] = '{"id": "broken", "text": "no closing quote}'
    p = tmp_path / "big.jsonl"
    p.write_text("\n".join(lines) + "\n")
    recs, errs = split(read_inputs([str(p)]))
    assert len(recs) == 9_999
    (e,) = errs
    assert e.origin == f"{p}:6790" and "not valid JSON" in e.reason


def test_truncated_gz_keeps_the_good_records(tmp_path):
    data = "".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} {i} " + "x" * 300}) + "\n" for i in range(400))
    blob = gzip.compress(data.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(blob[: len(blob) // 2])
    recs, errs = split(read_inputs([str(p)]))
    assert 0 < len(recs) < 400 and [r.id for r in recs] == [f"r{i}" for i in range(len(recs))]
    (e,) = errs
    assert "truncated" in e.reason and "rest of the file" in e.reason


@pytest.mark.parametrize("flip_at", [0.25, 0.5, 0.9])
def test_a_gz_damaged_in_the_middle_stores_no_text_and_is_one_error(tmp_path, flip_at):
    from framing.inputs import read

    data = "".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} {i} " + "x" * 300}) + "\n" for i in range(400))
    blob = bytearray(gzip.compress(data.encode()))
    at = int(len(blob) * flip_at)
    for i in range(at, at + 32):  # damage inside the compressed data: garbage may come out before the error
        blob[i] ^= 0x55
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(bytes(blob))
    for items in (list(read_inputs([str(p)])), list(read(str(p)))):
        recs, errs = split(items)
        assert recs == []
        (e,) = errs
        assert e.origin == str(p) and e.reason.startswith("damaged gzip file")


def test_csv_with_unbalanced_quote_names_the_lines(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('id,text\n1,"Good one."\n2,"Broken "quote" here."\n3,"Fine too."\n4,"Never closed.\n5,"x"\n')
    recs, errs = split(read_inputs([str(p)]))
    assert [r.id for r in recs] == ["1", "3"]
    assert [e.origin.rsplit(":", 1)[1] for e in errs] == ["3", "5-6"]
    assert all("quotation mark" in e.reason for e in errs)


def test_csv_with_wrong_delimiter_says_which_one(tmp_path):
    p = tmp_path / "semi.csv"
    p.write_text("id;text;source\n1;A text, with commas, said Tom.;X\n")
    (r,) = read_inputs([str(p)])  # sniffed from the header
    assert r.text == "A text, with commas, said Tom."
    (e,) = read_inputs([str(p)], Mapping(delimiter="|"))
    assert isinstance(e, RecordError) and "--delimiter ';'" in e.reason and e.origin.endswith(":1")


def test_csv_row_with_wrong_field_count(tmp_path):
    p = tmp_path / "n.csv"
    p.write_text("id,text,source\n1,Fine text.,X\n2,Too,many,fields,here\n")
    recs, errs = split(read_inputs([str(p)]))
    assert [r.id for r in recs] == ["1"] and "expected 3 fields" in errs[0].reason and errs[0].origin.endswith(":3")


def test_parquet_without_text_column(tmp_path):
    pq.write_table(pa.table({"id": ["a", "b"], "headline": ["x", "y"]}), tmp_path / "nt.parquet")
    (e,) = read_inputs([str(tmp_path / "nt.parquet")])
    assert isinstance(e, RecordError)
    assert "no text column" in e.reason and "headline" in e.reason and "2 rows were not read" in e.reason


def test_corrupt_parquet(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 this is not parquet")
    (e,) = read_inputs([str(tmp_path / "bad.parquet")])
    assert isinstance(e, RecordError) and "not a readable Parquet file" in e.reason


def test_bad_records_in_jsonl(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_bytes(b'[1, 2]\n{"text": 5}\n{"text": "   "}\n{"text": "\\u0000\\u0001 binary"}\n\n'
                  b'{"text": "Caf\xe9 ok, she said."}\n')
    recs, errs = split(read_inputs([str(p)]))
    assert [e.origin.rsplit(":", 1)[1] for e in errs] == ["1", "2", "3", "4"]
    assert ["JSON object", "must be a string", "empty text", "binary"] == [
        next(k for k in ("JSON object", "must be a string", "empty text", "binary") if k in e.reason) for e in errs]
    (r,) = recs
    assert r.text.startswith("Caf\u00e9") and "not valid UTF-8" in r.warnings[0]  # (read as Windows-1252)


def test_lone_surrogates_are_replaced_keeping_offsets(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "Bad \\ud800 char, he said.", "note": "x\\udfff"}\n')
    (r,) = read_inputs([str(p)])
    assert r.text == "Bad \ufffd char, he said." and r.meta["note"] == "x\ufffd" and "surrogates" in r.warnings[0]


# Any character, lone surrogates and control characters included, with plain text around them.
_ANY_TEXT = st.text(alphabet=st.one_of(st.characters(codec=None, exclude_categories=()),
                                       st.sampled_from("\ud800\udfff\x00\x01\x0b\x0c\x1f\t\n\r é’")),
                    max_size=60)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_surrogate_and_binary_checks_match_their_definitions(s):
    # The fast checks (strict UTF-8 encoding; deleting control bytes) against the plain regular expressions.
    assert _has_surrogates(s) == bool(re.search("[\ud800-\udfff]", s))
    sample = s[:10000]
    ctrl = len(re.findall("[\x00-\x08\x0b\x0e-\x1f]", sample))
    binary = s.strip() and ("\x00" in sample or ctrl / len(sample) > 0.05)
    assert (unusable(s) is not None) == (not s.strip() or bool(binary))
    if unusable(s) and "control characters" in unusable(s):
        assert f"({ctrl} control characters" in unusable(s)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.dictionaries(st.text(max_size=3),
                                                                                         st.integers())),
                min_size=1, max_size=8))
def test_every_line_gives_one_item(tmp_path, values):
    p = tmp_path / "h.jsonl"
    lines = [json.dumps({"id": f"i{n}", "text": v}) for n, v in enumerate(values)]
    p.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(p)]))
    assert len(items) == len(values)
    assert [i.origin for i in items] == [f"{p}:{n + 1}" for n in range(len(values))]


# -- the shared corpora, without hand conversion ---------------------------------------------------------------

SHARED_RECIPES = {
    "allsides": (["allsides_articles/subset_articles.jsonl.gz"],
                 dict(text="content_original", leaning="bias_text"), 5063),
    "polnear": (["polnear/dev/text", "polnear/train/text"],
                dict(metadata="polnear/metadata.tsv", metadata_key="filename", source="publisher",
                     date="publication_date"), 924),
    "basil": (["basil/basil_sentences_dev.csv"],
              dict(group_by="article_file", paragraph_field="para_idx", order_by="sent_idx", event="triplet_uuid",
                   metadata="basil/basil_articles_dev.csv", metadata_key="article_file"), 135),
}


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(SHARED_RECIPES))
def test_shared_corpora_recipes(name):
    paths, opts, n = SHARED_RECIPES[name]
    base = need_shared("data")
    opts = {k: str(base / v) if k == "metadata" else v for k, v in opts.items()}
    recs, errs = split(read_inputs([str(base / p) for p in paths], Mapping(**opts)))
    assert not errs and len(recs) == n
    assert len({r.id for r in recs}) == n
    assert all(r.source for r in recs)
    assert sum(1 for r in recs if r.meta.get("date")) > 0.8 * n  # 741 AllSides articles have no date
    if name == "basil":
        assert {r.source for r in recs} == {"fox", "nyt", "hpo"} and all(r.meta.get("event") for r in recs)
        assert len({r.meta["event"] for r in recs}) == 45  # (main_event, spelt three ways, gave 57)
        assert all("\n\n" in r.text for r in recs if r.origin.count("-") and len(r.text) > 2000)
    if name == "allsides":
        assert {r.meta["leaning"] for r in recs} == {"left", "center", "right"}


# -- the exports of other tools, without field flags ----------------------------------------------------------------

def test_a_folder_of_news_please_json_files(tmp_path):
    """news-please writes one .json object per article: maintext, source_domain, date_publish, and its own
    "language" (kept as input_language: language is the engine's)."""
    for k in range(2):
        (tmp_path / f"article{k}.json").write_text(json.dumps({
            "title": f"Title {k}", "maintext": f"The council voted on plan {k}, officials said.",
            "source_domain": "www.example-news.com", "date_publish": "2019-10-29 15:30:00", "language": "en",
            "authors": ["A. Writer"]}), encoding="utf-8")
    recs, errs = split(read_inputs([str(tmp_path)]))
    assert not errs
    assert [(r.id, r.source, r.meta["date"], r.meta["title"]) for r in recs] == [
        ("article0", "www.example-news.com", "2019-10-29", "Title 0"),
        ("article1", "www.example-news.com", "2019-10-29", "Title 1")]
    assert recs[0].meta["input_language"] == "en"


def test_a_json_array_of_media_cloud_stories_with_a_bad_item(tmp_path):
    p = tmp_path / "stories.json"
    p.write_text(json.dumps([
        {"stories_id": 11, "media_name": "Daily A", "publish_date": "2020-05-04 10:00:00",
         "story_text": "Officials said the plan would pass."},
        "not an object",
        {"stories_id": 12, "media_name": "Daily B", "publish_date": "2020-05-05", "story_text": "Critics objected."},
    ]), encoding="utf-8")
    recs, errs = split(read_inputs([str(p)]))
    assert [(r.id, r.source, r.meta["date"]) for r in recs] == [("11", "Daily A", "2020-05-04"),
                                                                 ("12", "Daily B", "2020-05-05")]
    assert [(e.origin, e.reason) for e in errs] == [(f"{p}:item 2", "expected a JSON object (one article), found str")]


@pytest.mark.parametrize("content, reason", [
    ("{not json", "not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)"),
    ("42", "expected a JSON object (one article) or an array of objects, found int"),
])
def test_a_bad_json_file_is_one_error(tmp_path, content, reason):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    recs, errs = split(read_inputs([str(p)]))
    assert not recs and [(e.origin, e.reason) for e in errs] == [(str(p), reason)]


def test_gdelt_columns_and_compact_dates(tmp_path):
    p = tmp_path / "gkg.csv"
    p.write_text("GKGRECORDID,DATE,SourceCommonName,DocumentIdentifier,text\n"
                 "20191029153000-1,20191029153000,example.org,https://example.org/x,The minister said talks failed.\n",
                 encoding="utf-8")
    (r,), errs = split(read_inputs([str(p)]))
    assert not errs
    assert (r.id, r.source, r.meta["date"], r.meta["url"]) == ("20191029153000-1", "example.org", "2019-10-29",
                                                               "https://example.org/x")


@pytest.mark.parametrize("value, date", [
    (20191029153000, "2019-10-29"), ("20191029", "2019-10-29"), (1588586400, "2020-05-04"),
    (1588586400000, "2020-05-04"),
])
def test_compact_and_numeric_dates(value, date):
    assert parse_date(value) == (date, None)


def test_a_hugging_face_dataset_folder_and_a_feather_file(tmp_path):
    """save_to_disk writes Arrow IPC streams beside dataset_info.json and state.json (skipped: no articles)."""
    t = pa.table({"text": ["The council voted, officials said.", "Critics slammed the plan."], "label": [0, 1],
                  "source": ["A", "B"]})
    d = tmp_path / "hf" / "train"
    d.mkdir(parents=True)
    with pa.OSFile(str(d / "data-00000-of-00001.arrow"), "wb") as f, pa.ipc.new_stream(f, t.schema) as w:
        w.write_table(t)
    (d / "dataset_info.json").write_text('{"citation": ""}', encoding="utf-8")
    (d / "state.json").write_text('{"_data_files": []}', encoding="utf-8")
    with pa.OSFile(str(tmp_path / "more.feather"), "wb") as f, pa.ipc.new_file(f, t.schema) as w:
        w.write_table(t)
    recs, errs = split(read_inputs([str(tmp_path / "hf"), str(tmp_path / "more.feather")]))
    assert not errs
    assert [(r.source, r.meta["label"], r.origin.rsplit(":", 1)[1]) for r in recs] == [
        ("A", 0, "row 1"), ("B", 1, "row 2"), ("A", 0, "row 1"), ("B", 1, "row 2")]


def test_a_headerless_gdelt_gkg_file_joins_as_metadata(tmp_path):
    from framing.corpus.formats import GDELT_GKG_COLUMNS

    row = ["20191029153000-1", "20191029153000", "1", "example.org", "https://example.org/x"] + \
        [""] * (len(GDELT_GKG_COLUMNS) - 5)
    gkg = tmp_path / "20191029153000.gkg.csv"
    gkg.write_text("\t".join(row) + "\n", encoding="utf-8")
    src = write_jsonl(tmp_path / "texts.jsonl", [{"id": "https://example.org/x", "text": "The talks failed."}])
    (r,) = read_inputs([str(src)], Mapping(metadata=str(gkg), metadata_key="DocumentIdentifier"))
    assert (r.source, r.meta["date"], r.meta["GKGRECORDID"]) == ("example.org", "2019-10-29", "20191029153000-1")
    (e,) = read_inputs([str(gkg)])  # read as a corpus, it has no text: one error that says so
    assert isinstance(e, RecordError) and "no text column" in e.reason


def test_values_no_reader_foresaw_are_record_errors_not_a_stopped_run(tmp_path):
    """An integer of more than 4,300 digits (Python refuses to convert it), a timestamp out of Python's range."""
    (tmp_path / "big.json").write_text('{"text": "A text.", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    (tmp_path / "big.jsonl").write_text('{"text": "A text.", "n": ' + "9" * 5000 + '}\n{"text": "Fine."}\n',
                                        encoding="utf-8")
    t = pa.table({"text": ["A text."], "when": pa.array([2 ** 62], type=pa.timestamp("s"))})
    with pa.OSFile(str(tmp_path / "ts.arrow"), "wb") as f, pa.ipc.new_file(f, t.schema) as w:
        w.write_table(t)
    recs, errs = split(read_inputs([str(tmp_path)]))
    assert [r.text for r in recs] == ["Fine."]
    assert sorted(e.origin.rsplit("/", 1)[1] for e in errs) == ["big.json", "big.jsonl:1", "ts.arrow:row 1"]


def test_a_gdelt_field_may_start_with_a_quotation_mark(tmp_path):
    from framing.corpus.formats import GDELT_GKG_COLUMNS

    rows = [["r1", "20191029153000", "1", "a.org", "https://a.org/x", '"quoted'], ["r2", "20191029", "1", "b.org",
                                                                                   "https://b.org/y", "plain"]]
    gkg = tmp_path / "x.gkg.csv"
    gkg.write_text("".join("\t".join(r + [""] * (len(GDELT_GKG_COLUMNS) - len(r))) + "\n" for r in rows),
                   encoding="utf-8")
    src = write_jsonl(tmp_path / "t.jsonl", [{"id": "https://b.org/y", "text": "The talks failed."}])
    (r,) = read_inputs([str(src)], Mapping(metadata=str(gkg), metadata_key="DocumentIdentifier"))
    assert r.source == "b.org"


def test_a_hugging_face_dataset_dict_folder(tmp_path):
    t = pa.table({"text": ["The council voted, officials said."]})
    for split_name in ("train", "test"):
        (tmp_path / split_name).mkdir()
        with pa.OSFile(str(tmp_path / split_name / "data-00000-of-00001.arrow"), "wb") as f, \
                pa.ipc.new_stream(f, t.schema) as w:
            w.write_table(t)
    (tmp_path / "dataset_dict.json").write_text('{"splits": ["test", "train"]}', encoding="utf-8")
    recs, errs = split(read_inputs([str(tmp_path)]))
    assert len(recs) == 2 and not errs


def test_metadata_rows_that_match_no_record_are_counted(tmp_path):
    # regression (a user's trial): a metadata row whose key is no article's id was joined to nothing, unsaid
    from framing.corpus.ingest import MetadataUse, metadata_warning

    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "a1.txt").write_text(TEXT)
    (folder / "a2.txt").write_text(TEXT + " Two.")
    (tmp_path / "meta.tsv").write_text("filename\tpublisher\na1\tX\nb7\tY\na2\tZ\nb8\tV\nb9\tU\nb10\tT\na1\tW\n")
    use = MetadataUse()
    mp = Mapping(metadata=str(tmp_path / "meta.tsv"), metadata_key="filename", source="publisher")
    recs, _ = split(read_inputs([str(folder)], mp, metadata_use=use))
    assert [r.source for r in recs] == ["X", "Z"]  # the first row of a repeated key is used
    assert use.unmatched() == ["b7", "b8", "b9", "b10"]
    d = use.to_dict()
    assert d == {"file": str(tmp_path / "meta.tsv"), "rows": 7, "joined": 2, "unmatched": 4,
                 "unmatched_keys": ["b7", "b8", "b9"], "repeated": 1}
    warn = metadata_warning(d)
    assert warn is not None and "4 of the 7 row(s) of the metadata file" in warn
    assert "match no article (keys 'b7', 'b8', 'b9', ...)" in warn and "--metadata-key" in warn
    assert "1 row(s) of the metadata file" in warn and "repeat the key of an earlier row" in warn
    # one object over several reads (framing analyse reads its inputs one by one): a row is unmatched only if no
    # read took it up
    use = MetadataUse()
    for name in ("a1.txt", "a2.txt"):
        split(read_inputs([str(folder / name)], mp, metadata_use=use))
    assert use.unmatched() == ["b7", "b8", "b9", "b10"]
    # a metadata row with only its key still counts as joined
    (tmp_path / "keys.csv").write_text("filename\na1\na2\n")
    use = MetadataUse()
    split(read_inputs([str(folder)], Mapping(metadata=str(tmp_path / "keys.csv"), metadata_key="filename"),
                      metadata_use=use))
    assert use.unmatched() == [] and metadata_warning(use.to_dict()) is None


def test_an_empty_folder_is_an_error_not_zero_articles(tmp_path):
    # regression (new-user trial): `framing analyse emptydir` said nothing and exited 0, as if it held no articles
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.txt").write_text("The mayor said so.", encoding="utf-8")
    recs, errs = split(read_inputs([str(tmp_path / "empty")]))
    assert recs == [] and [(e.origin, e.reason) for e in errs] == [
        (str(tmp_path / "empty"), "empty folder (no files to read; hidden files are left out)")]


def test_a_text_longer_than_one_articles_limit_is_an_error_naming_its_line_and_the_others_are_read(tmp_path):
    from framing.corpus.formats import MAX_ARTICLE_CHARS

    big = "Officials said the bridge closed. " * (MAX_ARTICLE_CHARS // 34 + 1)
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                           (("a", "Officials said it was fine."), ("b", big))) + "\n", encoding="utf-8")
    (tmp_path / "book.txt").write_text(big, encoding="utf-8")
    recs, errs = split(read_inputs([str(p), str(tmp_path / "book.txt")]))
    assert [r.id for r in recs] == ["a"]
    assert [e.origin for e in errs] == [f"{p}:2", str(tmp_path / "book.txt")]
    assert all(f"{len(big):,} characters, more than one article's limit of {MAX_ARTICLE_CHARS:,}" in e.reason
               and "split it into articles" in e.reason for e in errs)
