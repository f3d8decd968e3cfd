"""`framing run`, `framing runs` and `framing export` through the command line."""

from __future__ import annotations

import json

import pytest

from framing.cli import build_parser, main
from framing.corpus.store import open_store

from .conftest import DEMO, synthetic, write_jsonl


@pytest.mark.parametrize("command", ["run", "runs", "show", "export"])
def test_every_command_has_help_with_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"framing {command} " in out.split("examples:")[1]


def test_parser_knows_the_corpus_commands():
    args = build_parser().parse_args(["run", "x.jsonl", "--db", "s.duckdb", "--workers", "2", "--text-field",
                                      "body", "--engine", "dask", "--scheduler", "tcp://h:8786"])
    assert (args.command, args.workers, args.map_text, args.engine) == ("run", 2, "body", "dask")


def test_run_runs_export(tmp_path, capsys):
    db = str(tmp_path / "c.duckdb")
    src = tmp_path / "in.csv"
    src.write_text("Body;Outlet;When;bias\n"
                   '"The minister said the plan was good, officials said.";A;2026-01-02;left\n'
                   '"The minister said the plan was good, officials said.";B;2026-01-03;right\n'
                   '"Critics slammed the ""reform"".";B;02/01/2026;right\n"unclosed;C;x;y\n')
    code = main(["run", str(src), "--db", db, "--text-field", "Body", "--source-field", "Outlet", "--date-field",
                 "When", "--leaning-field", "bias", "--date-format", "%d/%m/%Y"])
    err = capsys.readouterr().err
    assert code == 3
    assert "run 1 complete: 4 input items: 2 analysed, 0 up to date, 1 duplicates, 1 errors" in err
    assert f"framing runs --db {db} --errors 1" in err

    assert main(["runs", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "complete" in out and "n_duplicates" in out and "all current" in out
    assert main(["runs", "--db", db, "--errors"]) == 0
    assert "quotation mark" in capsys.readouterr().out
    assert main(["runs", "--db", db, "--duplicates", "1"]) == 0
    assert "duplicate_of" in capsys.readouterr().out
    assert main(["runs", "--db", db, "--manifest", "1"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["mapping"]["text"] == "Body" and m["counts"]["input"] == 4

    assert main(["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "out"), "--tables", "articles"]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "out" / "articles.csv"),
                                               str(tmp_path / "out" / "manifest.json")]
    text = (tmp_path / "out" / "articles.csv").read_text()
    assert "2026-01-02" in text and "2026-01-02" in text.split("\n")[2]  # 02/01/2026 read as day first


def test_run_twice_and_workers(tmp_path, capsys):
    db = str(tmp_path / "d.duckdb")
    src = str(write_jsonl(tmp_path / "in.jsonl", synthetic(20)))
    assert main(["run", src, "--db", db, "--workers", "2", "--batch-size", "4"]) == 0
    assert main(["run", src, "--db", db]) == 0
    assert "0 analysed, 20 up to date" in capsys.readouterr().err


def test_errors_are_clear_and_exit_2(tmp_path, capsys):
    assert main(["runs", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "f").write_text("x")
    assert main(["run", str(DEMO), "--db", str(tmp_path / "f" / "x.duckdb")]) == 2
    assert "not an existing folder" in capsys.readouterr().err
    db = tmp_path / "bad.duckdb"
    db.write_bytes(b"garbage" * 1000)
    assert main(["run", str(DEMO), "--db", str(db)]) == 2
    assert "corrupted" in capsys.readouterr().err
    assert main(["runs", "--db", str(db), "--manifest", "3"]) == 2



@pytest.mark.parametrize("option, value, message", [
    ("--batch-size", "0", "argument --batch-size: must be 1 or more, not 0"),  # 0 was the default batch, unsaid
    ("--workers", "-2", "argument --workers: must be 1 or more, not -2"),
])
def test_a_run_count_option_out_of_range_is_an_error_naming_it(tmp_path, capsys, option, value, message):
    db = tmp_path / "x.duckdb"
    with pytest.raises(SystemExit) as exc:
        main(["run", str(DEMO), "--db", str(db), option, value])
    assert exc.value.code == 2 and message in capsys.readouterr().err and not db.exists()


GERMAN = "Der Stadtrat hat am Dienstag über den Plan abgestimmt, sagten Beamte; die Opposition nannte ihn gut."


def test_the_run_summary_counts_languages_and_says_why_records_failed(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "de1", "text": GERMAN}, {"id": "en1", "text": "The council voted on Tuesday, officials said."},
        {"id": "x1", "body_text": "no usual text field"}, {"id": "x2", "body_text": "nor here"},
    ]) + "\n", encoding="utf-8")
    assert main(["run", str(path), "--db", str(tmp_path / "s.duckdb")]) == 3
    err = capsys.readouterr().err
    assert "2 analysed" in err and "1 not in English (de 1)" in err
    assert "2 x no text field" in err and f"(first: {path}:3)" in err


def test_a_comparison_can_keep_only_some_languages(tmp_path):
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": f"de{i}", "source": "A", "text": GERMAN} for i in range(2)] + \
        [{"id": f"en{i}", "source": "B", "text": "The council voted on Tuesday, officials said."} for i in range(2)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "all"), "--no-charts", "--n-boot", "0"]) == 0
    md = (tmp_path / "all" / "report.md").read_text(encoding="utf-8")
    assert r"2 articles are not in English \(de 2\)" in md  # Markdown-escaped
    assert main(["report", str(path), "-o", str(tmp_path / "en"), "--no-charts", "--n-boot", "0",
                 "--language", "en,und"]) == 0
    md = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    assert "not in English" not in md and "2 articles from 1 source" in md


def test_show_prints_a_stored_article_as_analyse_does(tmp_path, capsys):
    import framing

    db = str(tmp_path / "s.duckdb")
    text = 'Critics slammed the "reform", officials said. "It is a disaster," Mayor Ana Ruiz said.'
    src = write_jsonl(tmp_path / "one.jsonl", [{"id": "a1", "source": "Wire", "title": "T", "text": text}])
    assert main(["run", str(src), "--db", db]) == 0
    capsys.readouterr()
    assert main(["show", "--db", db, "a1", "--format", "jsonl"]) == 0
    shown = json.loads(capsys.readouterr().out)
    fresh = framing.analyse(text, id="a1", source="Wire").to_dict()
    assert shown["findings"] == [f for f in fresh["findings"] if f["type"] != "sentiment"]
    assert (shown["source"], shown["title"], shown["language"], shown["text"]) == ("Wire", "T", "en", text)
    assert main(["show", "--db", db, "a1", "nope"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("a1  (Wire; 14 words)") and "[47:64] direct" in out
    assert "no article with id 'nope'" in err


def test_show_jsonl_writes_numeric_and_boolean_input_fields(tmp_path, capsys):
    # regression: an integer input field (AllSides' rank) came out of the store as numpy's int64, and `framing show
    # --format jsonl` failed with "Object of type int64 is not JSON serializable"
    db = str(tmp_path / "s.duckdb")
    src = write_jsonl(tmp_path / "n.jsonl", [
        {"id": "a1", "text": "The mayor said the plan was fine.", "rank": 5, "score": 0.5, "paywall": True},
        {"id": "a2", "text": "Critics said the plan was bad.", "rank": 7}])
    assert main(["run", str(src), "--db", db]) == 0
    capsys.readouterr()
    assert main(["show", "--db", db, "a1", "a2", "--format", "jsonl"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["rank"], first["score"], first["paywall"]) == (5, 0.5, True)
    assert type(first["rank"]) is int and type(first["paywall"]) is bool
    assert second["rank"] == 7 and "score" not in second and "paywall" not in second


def test_the_run_counts_its_errors_by_kind_of_reason(tmp_path, capsys):
    # regression: the summary grouped errors by their whole message, so 7 "no text field" errors whose records had
    # other fields showed as "5 x"; ties were cut at 3 in no set order, and a duplicate-id error was left out
    rows = [{"id": f"n{i}", "body_html": "x", **({"extra": 1} if i < 5 else {})} for i in range(7)]
    rows += [{"id": "d", "text": "One text."}, {"id": "d", "text": "Another text."}]
    rows += [{"id": {"x": 1}, "text": "An object id."}, {"id": "s", "source": [1], "text": "A list source."},
             {"id": "t", "text": 5}]
    src = write_jsonl(tmp_path / "bad.jsonl", rows)
    with open(src, "a", encoding="utf-8") as fh:
        fh.write("not json\nnope\n")
    assert main(["run", str(src), "--db", str(tmp_path / "s.duckdb")]) == 3
    err = capsys.readouterr().err
    shown = [line.split("framing:   ", 1)[1] for line in err.splitlines() if line.startswith("framing:   ")]
    assert shown[0].startswith("7 x no text field (looked for") and "the fields are […]" in shown[0]
    assert shown[0].endswith(f"(first: {src}:1)")
    assert shown[1].startswith("2 x not valid JSON")
    # four reasons of one error each, in the order of their text, then how many others there are
    assert shown[2].startswith("1 x the id field must be")
    assert shown[3] == "and 3 other reason(s), 3 item(s) in all"
    with open_store(tmp_path / "s.duckdb", read_only=True) as st:
        kinds = st.error_reasons(1)
    assert [n for _, n, _ in kinds] == [7, 2, 1, 1, 1, 1]
    assert any(k.startswith("the id … is already used by a different text at …") for k, _, _ in kinds)


def test_runs_lists_errors_without_nan_and_duplicates_with_where_the_first_copy_was(tmp_path, capsys):
    # regression: a missing article_id was printed as NaN, and a duplicate did not say where its first copy came from
    src = tmp_path / "d.jsonl"
    src.write_text('{"id": "a", "text": "The mayor said the plan was fine."}\n'
                   '{"id": "b", "text": "The mayor said the plan was fine."}\nnope\n', encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert main(["run", str(src), "--db", db]) == 3
    capsys.readouterr()
    assert main(["runs", "--db", db, "--errors"]) == 0
    out = capsys.readouterr().out
    assert "NaN" not in out and "None" not in out and f"{src}:3     (none)" in out
    assert main(["runs", "--db", db, "--duplicates", "1"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["run_id", "seq", "origin", "article_id", "duplicate_of", "first_origin"]
    assert row.split() == ["1", "2", f"{src}:2", "b", "a", f"{src}:1"]


def test_the_run_says_where_each_field_came_from_and_what_is_missing(tmp_path, capsys):
    src = tmp_path / "m.csv"
    src.write_text("outlet,published,content\nA,2020-05-04,The council voted on Tuesday.\n"
                   ",garbage,Officials said the plan was bad.\nB,,Critics slammed it.\n", encoding="utf-8")
    assert main(["run", str(src), "--db", str(tmp_path / "s.duckdb")]) == 0
    err = capsys.readouterr().err
    assert ("fields: text <- content (3); source <- outlet (2); date <- published (2); missing: source 1, date 2, "
            "1 dates unreadable (kept as date_raw)") in err


def test_the_run_counts_implausible_and_two_digit_year_dates_and_names_the_option(tmp_path, capsys):
    # regression (a user's trial): "0001-11-30" was stored as a date, and "4/18/18" got no hint
    src = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "date": "0001-11-30", "text": "The council voted on Tuesday."},
        {"id": "b", "date": "4/18/18", "text": "Critics slammed the plan, officials said."},
        {"id": "c", "date": "4/19/18", "text": "The mayor said the plan was fine."},
        {"id": "d", "date": "2018-04-20", "text": "Officials said it was fine."}])
    db = str(tmp_path / "d.duckdb")
    assert main(["run", str(src), "--db", db]) == 0
    err = capsys.readouterr().err
    assert ("missing: source 4, date 3, 3 dates unreadable (kept as date_raw; 1 with a year before 1800 or after "
            "2100, 2 with a two-digit year)") in err
    assert ("warning: 2 date(s) with a two-digit year were not read (kept as date_raw): the first, date '4/18/18' "
            "has a two-digit year, which is not read as it stands; it looks like month/day/year: give --date-format "
            "%m/%d/%y\n") in err
    assert "warning: 1 date(s) with a year before 1800 or after" in err
    with open_store(db, read_only=True) as st:
        arts = st.articles_frame().set_index("article_id")
        assert arts["date"].isna().sum() == 3 and str(arts.at["d", "date"])[:10] == "2018-04-20"
    # the option the warning names reads them
    assert main(["run", str(src), "--db", str(tmp_path / "e.duckdb"), "--date-format", "%m/%d/%y"]) == 0
    assert "with a two-digit year" not in capsys.readouterr().err


def test_the_run_counts_and_warns_about_metadata_rows_that_match_no_article(tmp_path, capsys):
    # regression (a user's trial): rows of --metadata whose key is no article's id were neither counted nor said
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": "The council voted on Tuesday."},
                                              {"id": "a2", "text": "Critics slammed the plan, officials said."}])
    (tmp_path / "meta.csv").write_text("doc,outlet\na1,X\nzz1,Y\na2,Z\nzz2,W\n", encoding="utf-8")
    db = str(tmp_path / "m.duckdb")
    args = ["run", str(src), "--db", db, "--metadata", str(tmp_path / "meta.csv"), "--metadata-key", "doc",
            "--source-field", "outlet"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"metadata: 2 of the 4 row(s) of {tmp_path / 'meta.csv'} joined to articles" in err
    assert (f"warning: 2 of the 4 row(s) of the metadata file {tmp_path / 'meta.csv'} match no article (keys "
            "'zz1', 'zz2')") in err
    with open_store(db, read_only=True) as st:
        assert st.manifest(1)["metadata_join"]["unmatched"] == 2
    assert main(args) == 0  # the same run again: nothing to analyse, every row still accounted for
    assert "warning: 2 of the 4 row(s)" in capsys.readouterr().err
    # framing analyse says it too, over all its inputs
    assert main(["analyse", str(src), "-o", str(tmp_path / "out.jsonl"), "--metadata", str(tmp_path / "meta.csv"),
                 "--metadata-key", "doc"]) == 0
    assert "warning: 2 of the 4 row(s) of the metadata file" in capsys.readouterr().err


def test_metadata_is_joined_to_articles_read_from_stdin(tmp_path, capsys, monkeypatch):
    # regression (a review): `framing analyse - --metadata m.csv` joined nothing and said nothing
    import io
    import sys

    (tmp_path / "meta.csv").write_text("doc,outlet\na1,X\nzz1,Y\n", encoding="utf-8")
    lines = b'{"id": "a1", "text": "The council voted on Tuesday."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    out = tmp_path / "out.jsonl"
    assert main(["analyse", "-", "-o", str(out), "--metadata", str(tmp_path / "meta.csv"), "--metadata-key", "doc",
                 "--source-field", "outlet"]) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["source"] == "X"
    assert "warning: 1 of the 2 row(s) of the metadata file" in capsys.readouterr().err


def test_a_report_without_sources_names_the_columns_to_group_by(tmp_path):
    rows = [{"id": f"a{i}", "media": "AB"[i % 2], "text": f"Officials said plan {i} was bad."} for i in range(4)]
    src = write_jsonl(tmp_path / "ns.jsonl", rows)
    assert main(["report", str(src), "-o", str(tmp_path / "r"), "--no-charts", "--n-boot", "0"]) == 0
    md = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert r"no article has a 'source' value: try \-\-by with one of \['media'\]" in md
