import gzip
import json
import signal
import subprocess
import sys

import pytest

from framing.cli import build_parser, main
from tests.conftest import ROOT


def subcommands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


def test_every_command_has_help_with_an_example(capsys):
    for name, p in subcommands().items():
        text = p.format_help()
        assert "example" in text.lower(), f"`framing {name} --help` has no example"


def run(args, capsys, stdin=None, monkeypatch=None):
    rc = main(args)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_analyse_a_text_file(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text('Officials said the "experts" slammed the plan.', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rc, _, err = run(["analyse", str(p), "-o", str(out)], capsys)
    assert rc == 0 and "analysed 1 article" in err
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["id"] == "a" and {f["type"] for f in rec["findings"]} >= {"quote", "attribution", "loaded_term"}


def test_bad_records_are_listed_with_file_and_line_and_the_rest_analysed(tmp_path, capsys):
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ok1", "text": "The regime said nothing."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "num", "text": 5}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"text": "Second good one.", "source": "X"}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rc, _, err = run(["analyse", str(p), "-o", str(out)], capsys)
    assert rc == 3
    for line in (2, 3, 4, 5):
        assert f"in.jsonl:{line}:" in err
    assert "not valid JSON" in err and "no text field" in err and "must be a string" in err and "empty" in err
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    from framing.corpus.ingest import hash_id

    assert ids == ["ok1", hash_id("Second good one.")]  # without an id, the id comes from the text (as in `run`)
    assert "analysed 2 article(s), 4 could not be analysed" in err


def test_a_missing_input_is_a_usage_error_in_analyse_as_in_run(tmp_path, capsys):
    # regression (new-user trial, 2026-12-07): `analyse` exited 3 ("1 could not be analysed"), `run` 2
    missing = tmp_path / "nonexistent.jsonl"
    for cmd in (["analyse", str(missing), "-o", str(tmp_path / "o.jsonl")],
                ["run", str(missing), "--db", str(tmp_path / "s.duckdb")]):
        rc, _, err = run(cmd, capsys)
        assert rc == 2 and f"{missing}: no such file or folder" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_errors_file_lists_every_bad_record(tmp_path, capsys):
    p = tmp_path / "in.jsonl"
    p.write_text('{"text": "fine"}\n[1, 2]\n', encoding="utf-8")
    errs = tmp_path / "errors.jsonl"
    rc, _, _ = run(["analyse", str(p), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errs)], capsys)
    assert rc == 3
    e = json.loads(errs.read_text(encoding="utf-8"))
    assert e["origin"].endswith("in.jsonl:2") and "JSON object" in e["reason"]


def test_invalid_utf8_and_binary_files(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The regime \xff\xfe said so.\nSecond line.")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "o.jsonl"
    rc, _, err = run(["analyse", str(bad), str(binary), "-o", str(out)], capsys)
    assert rc == 3 and "bin.txt" in err and "binary" in err
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert any("not valid UTF-8" in w and "bad.txt:1" in w for w in rec["warnings"])


def test_gzipped_jsonl_and_missing_file(tmp_path, capsys):
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "text": "Hello there."}) + "\n")
    rc, out, err = run(["analyse", str(p)], capsys)
    assert rc == 0 and json.loads(out.splitlines()[0])["id"] == "g"
    # a missing file is a usage error named before anything is analysed (as in `framing run`)
    rc, out, err = run(["analyse", str(p), str(tmp_path / "missing.txt")], capsys)
    assert rc == 2 and "missing.txt: no such file or folder" in err and out == ""


def test_stdin_to_stdout_through_python_m():
    proc = subprocess.run([sys.executable, "-m", "framing", "analyse", "-", "-o", "-"], cwd=ROOT,
                          input=json.dumps({"id": "s", "text": "Critics slammed it."}) + "\n",
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "s"


def test_lexicon_validate_reports_line_numbers(tmp_path, capsys):
    p = tmp_path / "mine.csv"
    p.write_text("term,pos,forms,category,weight,neutral,exclude,note\nthug,noun,,emotive,heavy,,,\n",
                 encoding="utf-8")
    rc, out, _ = run(["lexicon", "validate", str(p)], capsys)
    assert rc == 1 and "mine.csv:2:" in out and "weight 'heavy'" in out
    rc, out, _ = run(["lexicon", "validate"], capsys)
    assert rc == 0 and "all bundled lexicons valid" in out
    rc, out, _ = run(["lexicon", "validate", str(ROOT / "data/lexicons/reporting_verbs.csv")], capsys)
    assert rc == 0 and out.startswith("valid: ") and "reporting_verbs.csv" in out
    rc, out, _ = run(["lexicon", "validate", str(tmp_path / "missing.csv")], capsys)
    assert rc == 1 and "missing.csv: no such file" in out


def test_custom_lexicon_replaces_the_bundled_one(tmp_path, capsys):
    p = tmp_path / "mine.csv"
    p.write_text("term,pos,forms,category,weight,neutral,exclude,note\nwidget,noun,,emotive,0.5,,,\n",
                 encoding="utf-8")
    t = tmp_path / "a.txt"
    t.write_text("The regime sold widgets.", encoding="utf-8")
    rc, out, _ = run(["analyse", str(t), "--lexicon", str(p)], capsys)
    terms = [f["text"] for f in json.loads(out)["findings"] if f["type"] == "loaded_term"]
    assert rc == 0 and terms == ["widgets"]
    assert json.loads(out)["versions"]["lexicons"]["loaded_terms"]["version"] == "custom"


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    t = tmp_path / "a.txt"
    t.write_text("Hello.", encoding="utf-8")
    rc, _, err = run(["analyse", str(t), "-o", str(tmp_path / "no" / "such" / "dir" / "o.jsonl")], capsys)
    assert rc == 2 and "cannot write" in err


@pytest.mark.parametrize("args", [["--version"], ["analyse", "--help"]])
def test_version_and_help_exit_cleanly(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0


def deeply_nested_jsonl(path):
    lines = ['{"id": "a", "text": "First. He said so."}',
             '{"id": "b", "text": "x", "m": ' + "[" * 5000 + "]" * 5000 + "}",
             '{"id": "c", "text": "Third. She said."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_deeply_nested_record_is_one_error_not_a_crash(tmp_path, capsys):
    src = deeply_nested_jsonl(tmp_path / "deep.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["analyse", str(src), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"{src}:2" in err and "nested too deeply" in err
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "c"]
    assert main(["run", str(src), "--db", str(tmp_path / "s.duckdb")]) == 3
    assert "2 analysed, 0 up to date, 0 duplicates, 1 errors" in capsys.readouterr().err


def test_a_line_break_inside_a_json_string_is_named_plainly(tmp_path, capsys):
    # regression: json's "Invalid control character at column 34" (the line break) said nothing useful
    src = tmp_path / "split.jsonl"
    src.write_text('{"id": "a", "text": "The mayor said\n it."}\n{"id": "b", "text": "Fine, he said."}\n',
                   encoding="utf-8")
    assert main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert f"{src}:1: not valid JSON (unterminated string: the line ends inside a string, a line break" in err


def test_plain_text_on_stdin_says_that_stdin_takes_json_lines(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Just some text.\n")))
    assert main(["analyse", "-", "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert "<stdin>:1: not valid JSON (Expecting value at column 1); stdin must be JSON lines" in err
    assert "give a text file by its path" in err


def test_a_latin1_file_gets_one_warning_about_its_bytes(tmp_path, capsys):
    # regression: the reader's warning (with file and line) and the analysis' warning said the same (one warning
    # here also checks that framing.records.REPLACEMENT_WARNING still begins the analysis' own); a byte Windows-1252
    # leaves undefined (0x81) is still U+FFFD
    for name, content in [("l.jsonl", b'{"id": "a", "text": "Caf\x81 owners said it was fine."}\n'),
                          ("l.txt", b"Caf\x81 owners said it was fine.")]:
        src, out = tmp_path / name, tmp_path / f"{name}.out"
        src.write_bytes(content)
        assert main(["analyse", str(src), "-o", str(out)]) == 0
        [warning] = json.loads(out.read_text(encoding="utf-8"))["warnings"]
        assert warning.startswith(f"{src}:1: ") and "replaced with U+FFFD" in warning
    capsys.readouterr()


@pytest.mark.parametrize("name", ["w.csv", "w.txt", "w.jsonl", "w.json"])
def test_a_windows_1252_file_is_read_as_written_with_a_warning(tmp_path, capsys, name):
    # regression (new-user trial): Excel's "CSV" on Windows (Windows-1252) lost every curly quotation mark to U+FFFD,
    # and with them every quotation, with only a warning about replacement characters
    text = "Workers at the caf\u00e9 said the offer was \u201cnot serious\u201d \u2013 and left."
    doc = {"w.csv": f'id,body\na1,"{text}"\n', "w.txt": text,
           "w.jsonl": json.dumps({"id": "a1", "text": text}, ensure_ascii=False) + "\n",
           "w.json": json.dumps({"id": "a1", "text": text}, ensure_ascii=False)}[name]
    src, out = tmp_path / name, tmp_path / f"{name}.out"
    src.write_bytes(doc.encode("cp1252"))
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    [quote] = [f for f in rec["findings"] if f["type"] == "quote"]
    assert text[quote["start"]:quote["end"]] == "not serious"
    [warning] = rec["warnings"]
    assert warning.startswith(str(src)) and "not valid UTF-8" in warning and "Windows-1252" in warning
    assert "U+FFFD" not in warning
    capsys.readouterr()


def test_a_nul_byte_in_json_is_named_plainly(tmp_path, capsys):
    src = tmp_path / "nul.jsonl"
    src.write_bytes(b'{"id": "a", "text": "x\x00y"}\n')
    assert main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert "Invalid control character at column" in err and "at at" not in err


def _both_paths(src, tmp_path, capsys):
    """What `analyse` and `run` say about one input file: (analyse's stderr, run's error reasons, analysed ids)."""
    from framing.corpus.store import open_store

    out = tmp_path / "out.jsonl"
    main(["analyse", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    db = tmp_path / "s.duckdb"
    main(["run", str(src), "--db", str(db), "--no-progress"])
    capsys.readouterr()
    with open_store(db, read_only=True) as st:
        reasons = list(st.records(None, status="error")["detail"])
        stored = st.articles_frame()
    return err, reasons, out.read_text(encoding="utf-8").splitlines(), stored


@pytest.mark.parametrize("content", [
    gzip.compress(b'{"id": "a", "text": "One. He said so."}\n' * 200),  # gzipped, without the .gz suffix
    bytes(range(256)) * 40,  # binary
])
def test_a_binary_file_named_jsonl_is_one_error_in_both_paths(tmp_path, capsys, content):
    src = tmp_path / "data.jsonl"
    src.write_bytes(content)
    err, reasons, lines, _ = _both_paths(src, tmp_path, capsys)
    assert err.count("skipped") == 1 and "looks like a binary file" in err and lines == []
    assert len(reasons) == 1 and reasons[0].startswith("looks like a binary file")
    # the .gz hint only for gzip's own bytes under a name without .gz
    assert ("needs the .gz suffix" in reasons[0]) == (content[:2] == b"\x1f\x8b")


def test_a_binary_file_inside_a_gz_is_not_told_to_get_a_gz_suffix(tmp_path, capsys):
    src = tmp_path / "data.jsonl.gz"
    src.write_bytes(gzip.compress(bytes(range(256)) * 40))
    rc, _, err = run(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert rc == 3 and "looks like a binary file" in err and ".gz suffix" not in err


def test_an_empty_jsonl_file_is_an_error_as_an_empty_csv_is(tmp_path, capsys):
    for name, content in (("empty.jsonl", "\n\n"), ("empty.csv", "")):
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        rc, _, err = run(["analyse", str(p), "-o", str(tmp_path / "o.jsonl")], capsys)
        assert rc == 3 and f"{name}: empty file" in err, err


def test_a_pipe_that_brings_no_records_is_no_error():
    proc = subprocess.run([sys.executable, "-m", "framing", "analyse", "-"], input=b"", capture_output=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0 and b"empty file" not in proc.stderr


def test_analyse_takes_the_field_mapping_its_messages_point_to(tmp_path, capsys):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"ID": "x1", "outlet_name": "Daily", "content_original": "He said it was fine."}) + "\n",
                 encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rc, _, err = run(["analyse", str(p), "-o", str(out)], capsys)
    assert rc == 3 and "--text-field NAME" in err
    rc, _, err = run(["analyse", str(p), "-o", str(out), "--text-field", "content_original", "--source-field",
                      "outlet_name"], capsys)
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rc == 0 and (rec["id"], rec["source"]) == ("x1", "Daily")


def test_analyse_lists_the_first_skipped_records_and_counts_the_rest_by_reason(tmp_path, capsys):
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps({"id": f"r{i}", "body_html": "x"}) + "\n" for i in range(25)), encoding="utf-8")
    rc, _, err = run(["analyse", str(p), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert rc == 3 and err.count("framing: skipped") == 10
    assert "15 more skipped record(s) not listed" in err and "25 x no text field" in err


def test_analyse_counts_skipped_records_by_kind_of_reason(tmp_path, capsys):
    # regression: records without text but with other field names were counted as different reasons
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps({"id": f"r{i}", f"field{i % 4}": "x"}) + "\n" for i in range(12)) + "nope\n",
                 encoding="utf-8")
    rc, _, err = run(["analyse", str(p), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert rc == 3 and "12 x no text field" in err and "the fields are […]" in err
    assert "1 x not valid JSON (Expecting value at column …)" in err


def test_odd_ids_sources_and_lone_surrogates_follow_one_rule_in_both_paths(tmp_path, capsys):
    src = tmp_path / "odd.jsonl"
    src.write_text('{"id": {"a": 1}, "text": "One. He said so."}\n'
                   '{"id": "b", "source": ["x"], "text": "Two. She said."}\n'
                   '{"id": "c", "source": 7, "text": "Three \\ud800 here. They said."}\n', encoding="utf-8")
    err, reasons, lines, stored = _both_paths(src, tmp_path, capsys)
    expected = ["the id field must be a string or a number, found an object",
                "the source field must be a string or a number, found a list"]
    assert reasons == expected and all(r in err for r in expected)
    [line] = lines
    row = json.loads(line)
    assert row["id"] == "c" and row["source"] == "7" and "\ud800" not in line and "\\ud800" not in line
    assert any("lone surrogates" in w and "U+FFFD" in w for w in row["warnings"])
    assert list(stored["article_id"]) == ["c"] and list(stored["source"]) == ["7"]


def test_analyse_gives_an_error_per_record_over_its_time_budget_and_goes_on(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "One. He said so."}\n{"id": "b", "text": "Two. She said."}\n')
    rc = main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl"), "--record-seconds", "1e-9"])
    err = capsys.readouterr().err
    assert rc == 3 and err.count("longer than its time budget of 1e-09 s") == 2
    assert main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")]) == 0


@pytest.mark.parametrize("sig, status, said", [(signal.SIGTERM, 143, "stopped (SIGTERM)"),
                                               (signal.SIGINT, 130, "interrupted")])
def test_a_stop_that_surfaces_as_another_error_is_still_a_stop(monkeypatch, capsys, sig, status, said):
    # a signal that arrives while a C extension works (matplotlib drawing) can come out as that extension's own error
    # ("Invalid bounding box"): the command was stopped, it did not fail
    import os
    import time

    import framing.cli as cli

    def drawing(args):
        try:
            os.kill(os.getpid(), sig)
            time.sleep(5)
        except KeyboardInterrupt:
            raise ValueError("Invalid bounding box") from None

    monkeypatch.setattr(cli, "cmd_analyse", drawing)
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (a test runner may ignore it)
    try:
        assert cli.main(["analyse", "-"]) == status
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back as it was
    finally:
        signal.signal(signal.SIGINT, previous)
    assert said in capsys.readouterr().err


def test_an_error_without_a_stop_is_still_an_error(monkeypatch):
    import framing.cli as cli

    def failing(args):
        raise ValueError("a real bug")

    monkeypatch.setattr(cli, "cmd_analyse", failing)
    with pytest.raises(ValueError, match="a real bug"):
        cli.main(["analyse", "-"])


def test_a_stop_signal_whose_exception_was_lost_still_decides_the_exit_status(monkeypatch, capsys):
    # C code that calls back into Python can swallow the KeyboardInterrupt a Ctrl-C raises there: the handler has
    # recorded the signal, the command runs on to its end, and the exit status must still say it was interrupted
    import framing.cli as cli

    def lost_ctrl_c(args):
        cli._stops.append("SIGINT")  # what the handler records before its exception is lost
        return 0

    monkeypatch.setattr(cli, "cmd_lexicon_list", lost_ctrl_c)
    assert main(["lexicon", "list"]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "its output is complete" in err


def test_analyse_warns_when_an_id_repeats(tmp_path, capsys):
    p = tmp_path / "dup.jsonl"
    p.write_text('{"id": "a1", "text": "One text here."}\n{"id": "a1", "text": "Another text here."}\n',
                 encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rc, _, err = run(["analyse", str(p), "-o", str(out)], capsys)
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert rc == 0 and "1 record(s) have the id of an earlier record" in err
    assert not any("same id" in w for w in first["warnings"])
    assert any("dup.jsonl:2: an earlier record has the same id 'a1'" in w for w in second["warnings"])


@pytest.mark.parametrize("command", ["analyse", "run"])
@pytest.mark.parametrize("value", ["-1", "nan", "soon"])
def test_a_time_budget_that_is_no_budget_is_refused(command, value, tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text('"We will win," the mayor said.', encoding="utf-8")
    extra = ["--db", str(tmp_path / "s.duckdb")] if command == "run" else []
    with pytest.raises(SystemExit) as e:
        main([command, str(f), "--record-seconds", value, *extra])
    assert e.value.code == 2
    assert "--record-seconds" in capsys.readouterr().err


def test_a_json_line_missing_its_closing_brace_is_named_at_the_end_of_the_line(tmp_path, capsys):
    # regression (new-user trial, 2026-12-07): json counts the line break read with the line as a line of its own,
    # and the message said "at column 1" for an error at the end of the line
    src = tmp_path / "open.jsonl"
    src.write_text('{"id": "a", "text": "Fine, he said."}\n{"id": "b", "text": "The mayor said it."\n',
                   encoding="utf-8")
    assert main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert f"{src}:2: not valid JSON (Expecting ',' delimiter at the end of the line: is a closing }} or ] missing?)" \
        in err
    src.write_text('{"id": "a", "text": "Fine." "x": 1}\n', encoding="utf-8")
    main(["analyse", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert "Expecting ',' delimiter at column 29)" in capsys.readouterr().err
