"""framing report and framing chart through the command line."""

from __future__ import annotations

import json

import pytest

from framing.cli import main

from .conftest import DEMO


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    """Three events of the demo corpus (about 30 articles) as a .jsonl corpus."""
    p = tmp_path_factory.mktemp("cli") / "three-events.jsonl"
    lines = [ln for ln in DEMO.read_text(encoding="utf-8").splitlines()
             if json.loads(ln)["event"] in ("E01", "E02", "E04")]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_report_command(corpus_file, tmp_path, capsys):
    out = tmp_path / "rep"
    assert main(["report", str(corpus_file), "-o", str(out), "--no-charts", "--n-boot", "100", "--seed", "7"]) == 0
    assert (out / "report.md").exists() and (out / "tables" / "rates.parquet").exists()
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert man["seed"] == 7
    assert man["command"][:5] == ["framing", "report", str(corpus_file), "-o", str(out)]
    assert "--seed" in man["command"] and "--no-charts" in man["command"]
    assert "wrote" in capsys.readouterr().err


def test_report_and_chart_take_the_inputs_and_field_mapping_of_framing_run(tmp_path, capsys):
    # regression: `framing report` said "give the text field with --text-field NAME" and then refused the option;
    # CSV files and folders were "unsupported input"
    rows = tmp_path / "allsides.jsonl"
    rows.write_text("".join(json.dumps({"ID": f"x{i}", "source": s, "bias_text": b,
                                        "content_original": f"Officials said plan {i} failed; critics slammed it."})
                            + "\n" for i, (s, b) in enumerate([("A", "left"), ("B", "right"), ("A", "left")])),
                    encoding="utf-8")
    assert main(["report", str(rows), "-o", str(tmp_path / "r0"), "--no-charts"]) == 2
    assert "--text-field NAME" in capsys.readouterr().err
    out = tmp_path / "r1"
    assert main(["report", str(rows), "-o", str(out), "--no-charts", "--n-boot", "0", "--text-field",
                 "content_original", "--leaning-field", "bias_text", "--by", "leaning"]) == 0
    assert "(3 articles)" in capsys.readouterr().err
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    # the manifest's command line names the options as they are typed
    assert man["command"][5:9] == ["--leaning-field", "bias_text", "--text-field", "content_original"]

    csv = tmp_path / "news.csv"
    csv.write_text('body;outlet\n"The mayor said the plan was fine.";A\n"Critics slammed the plan.";B\n',
                   encoding="utf-8")
    assert main(["chart", "rates", str(csv), "-o", str(tmp_path / "c.svg"), "--text-field", "body",
                 "--source-field", "outlet", "--delimiter", ";", "--n-boot", "0"]) == 0
    assert (tmp_path / "c.svg").exists()
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor said the plan was fine.", encoding="utf-8")
    assert main(["report", str(folder), "-o", str(tmp_path / "r2"), "--no-charts", "--n-boot", "0"]) == 0


@pytest.mark.parametrize("kind, extra", [
    ("rates", ["--metric", "quotes_scare_rate"]),
    ("heatmap", ["--voice", "quoted"]),
    ("stances", []),
    ("event", ["--event", "E04"]),
    ("time", ["--freq", "day", "--by", "leaning"]),
])
def test_chart_command(corpus_file, tmp_path, kind, extra):
    out = tmp_path / f"{kind}.v1.svg"
    assert main(["chart", kind, str(corpus_file), "-o", str(out), "--n-boot", "100", *extra]) == 0
    assert out.exists() and out.read_text(encoding="utf-8").startswith("<?xml")


def test_bad_options_are_clear_errors(corpus_file, tmp_path, capsys):
    assert main(["report", str(corpus_file), "-o", str(tmp_path / "r"), "--by", "outlet", "--no-charts"]) == 2
    assert "valid columns are" in capsys.readouterr().err
    assert main(["chart", "rates", str(corpus_file), "-o", str(tmp_path / "x.gif")]) == 2
    assert "valid types" in capsys.readouterr().err
    assert main(["chart", "rates", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x.png")]) == 2
    assert "no such file" in capsys.readouterr().err
    # a column bucketed by date must hold dates (a user's trial: "source:month" put every article in one group)
    assert main(["report", str(corpus_file), "-o", str(tmp_path / "rb"), "--by", "source:month", "--no-charts"]) == 2
    assert "give 'source,date:month'" in capsys.readouterr().err
    # a chart format checked before anything is written (a user's trial: matplotlib failed halfway, leaving a
    # half-written folder that the next try refused)
    for formats in ("png,bmp", ""):
        out = tmp_path / f"r-{formats or 'none'}"
        assert main(["report", str(corpus_file), "-o", str(out), "--formats", formats]) == 2
        assert "invalid value for --formats" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("command", ["report", "chart"])
def test_help_has_examples(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and f"framing {command} " in text


@pytest.mark.parametrize("option, value, message", [
    ("--max-events", "-1", "argument --max-events: must be 0 or more, not -1"),  # head(-1) dropped the last event
    ("--limit", "0", "argument --limit: must be 1 or more, not 0"),
    ("--workers", "0", "argument --workers: must be 1 or more, not 0"),
    ("--n-boot", "-5", "argument --n-boot: must be 0 or more, not -5"),
    ("--max-events", "two", "argument --max-events: 'two' is not a whole number"),
])
def test_a_count_option_out_of_range_is_an_error_naming_it(corpus_file, tmp_path, capsys, option, value, message):
    # regression (a user's trial): --max-events -1 was accepted silently
    out = tmp_path / "r"
    with pytest.raises(SystemExit) as exc:
        main(["report", str(corpus_file), "-o", str(out), "--no-charts", option, value])
    assert exc.value.code == 2 and message in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("dpi", ["0", "-3"])
def test_a_chart_resolution_below_one_is_an_error_before_anything_is_read(corpus_file, tmp_path, capsys, dpi):
    # regression (a review): --dpi 0 ended in matplotlib's traceback after the whole corpus was analysed
    with pytest.raises(SystemExit) as exc:
        main(["chart", "rates", str(corpus_file), "-o", str(tmp_path / "c.png"), "--dpi", dpi])
    assert exc.value.code == 2 and f"argument --dpi: must be 1 or more, not {dpi}" in capsys.readouterr().err


@pytest.mark.parametrize("by, what", [("leaning,,source", "an empty column name"),
                                      ("leaning,", "an empty column name"),
                                      ("date:", "an empty date bucket in 'date:'")])
def test_an_empty_grouping_name_is_an_error(corpus_file, tmp_path, capsys, by, what):
    # regression (a user's trial): --by leaning,,source grouped by leaning and source, the empty name dropped unsaid
    out = tmp_path / "r"
    assert main(["report", str(corpus_file), "-o", str(out), "--no-charts", "--by", by]) == 2
    assert f"invalid value for --by: {by!r} has {what}" in capsys.readouterr().err and not out.exists()
    assert main(["chart", "rates", str(corpus_file), "-o", str(tmp_path / "c.png"), "--by", by]) == 2
    assert "invalid value for --by" in capsys.readouterr().err


def test_report_exits_3_when_records_were_skipped_and_draws_a_corpus_without_quotations(tmp_path, capsys):
    # one article without a quotation (every share of the quotations by role is undefined) and one bad line
    f = tmp_path / "small.jsonl"
    f.write_text('{"id": "a1", "source": "Herald", "text": "The council met on Tuesday. Nobody spoke."}\nnot json\n',
                 encoding="utf-8")
    out = tmp_path / "rep"
    assert main(["report", str(f), "-o", str(out), "--n-boot", "50", "--formats", "png"]) == 3
    err = capsys.readouterr().err
    assert "small.jsonl:2" in err and "1 input record(s) could not be analysed" in err
    assert (out / "report.md").exists()
