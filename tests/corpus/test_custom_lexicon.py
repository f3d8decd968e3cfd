"""`framing run --lexicon CSV`: a corpus analysed with the user's own loaded-terms lexicon, on every engine; its
staleness (rerun, switching lexicons) and what `framing runs`, the report and the comparison's notes say about it."""

from __future__ import annotations

import hashlib

import pytest

from framing.cli import main
from framing.corpus.runner import run_corpus
from framing.corpus.staleness import custom_lexicons, differences
from framing.corpus.store import open_store
from framing.provenance import engine_versions

from .conftest import assert_same_store, synthetic, write_jsonl

# Terms of our own, in the columns of every lexicon file; the synthetic articles contain both ("Story 3: ... of
# harbour 3 ...") and the bundled lexicon's "slammed", which this one does not have.
LEXICON = ("term,pos,forms,category,weight,neutral,exclude,flags,note\n"
           "harbour,noun,,emotive,0.4,port,,,a term of this test\n"
           "story,noun,,conflict,0.3,,,,another\n")
BUNDLED_ONLY = "slammed"


@pytest.fixture()
def files(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text(LEXICON, encoding="utf-8")
    return write_jsonl(tmp_path / "in.jsonl", synthetic(6)), lexicon, tmp_path / "s.duckdb"


def loaded_terms(db) -> set[str]:
    with open_store(db, read_only=True) as st:
        return {t.lower() for t in st.findings_frame(types=["loaded_term"])["text"]}


def bundled():
    """The bundled lexicons and the corpus configuration: what `framing run` analyses with by default."""
    from framing.config import CORPUS_CONFIG
    from framing.lexicons import default_lexicons

    return default_lexicons(), CORPUS_CONFIG


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_custom_lexicons_terms_are_found_and_the_bundled_ones_are_not(files, capsys):
    src, lexicon, db = files
    code, _, err = run(["run", str(src), "--db", str(db), "--lexicon", str(lexicon)], capsys)
    assert code == 0 and "6 analysed" in err
    assert f"loaded terms: the custom loaded_terms lexicon {lexicon} (2 entries, sha256 " in err
    assert loaded_terms(db) == {"harbour", "story"}  # not "slammed"
    with open_store(db, read_only=True) as st:
        m = st.manifest(1)
    # the manifest records the lexicon's version and hash (and, for people, its file)
    assert m["versions"]["lexicons"]["loaded_terms"] == {"version": "custom",
                                                         "sha256": hashlib.sha256(lexicon.read_bytes()).hexdigest()}
    assert m["lexicon_files"] == {"loaded_terms": str(lexicon)}
    assert m["versions"]["lexicons"]["reporting_verbs"] == engine_versions(*bundled())["lexicons"]["reporting_verbs"]


def test_rerun_analyses_nothing_and_switching_lexicons_analyses_again(files, capsys):
    src, lexicon, db = files
    custom = ["run", str(src), "--db", str(db), "--lexicon", str(lexicon)]
    assert run(custom, capsys)[0] == 0
    _, _, err = run(custom, capsys)
    assert "0 analysed, 6 up to date" in err  # the same lexicon: nothing again
    _, _, err = run(["run", str(src), "--db", str(db)], capsys)  # the bundled one: every article again
    assert "6 analysed, 0 up to date" in err
    assert BUNDLED_ONLY in loaded_terms(db) and "harbour" not in loaded_terms(db)
    with open_store(db, read_only=True) as st:
        assert set(st.records(3)["detail"]) == {"stale: analysed with other versions"}
    _, _, err = run(custom, capsys)  # and back
    assert "6 analysed, 0 up to date" in err and loaded_terms(db) == {"harbour", "story"}
    # the same terms in a file with other bytes is another lexicon (the hash decides, not the name or the path)
    edited = lexicon.with_name("edited.csv")
    edited.write_text(LEXICON.replace("a term of this test", "a note changed"), encoding="utf-8")
    _, _, err = run(["run", str(src), "--db", str(db), "--lexicon", str(edited)], capsys)
    assert "6 analysed, 0 up to date" in err


def test_a_pool_of_workers_uses_the_custom_lexicon(files, tmp_path):
    src, lexicon, db = files
    from dataclasses import replace

    from framing.lexicons import default_lexicons, load_file

    lex = replace(default_lexicons(), loaded_terms=load_file(lexicon, name="loaded_terms", kind="loaded_terms",
                                                             version="custom"))
    run_corpus([str(src)], db, lexicons=lex, batch_size=2)
    pool = tmp_path / "pool.duckdb"
    run_corpus([str(src)], pool, lexicons=lex, batch_size=2, workers=2)
    assert loaded_terms(pool) == {"harbour", "story"}
    assert_same_store(db, pool)


@pytest.mark.slow
def test_the_dask_engine_uses_the_custom_lexicon(files, capsys):
    pytest.importorskip("distributed")
    src, lexicon, db = files
    code, _, err = run(["run", str(src), "--db", str(db), "--lexicon", str(lexicon), "--engine", "dask",
                        "--workers", "1", "--batch-size", "3"], capsys)
    assert code == 0 and "6 analysed" in err
    assert loaded_terms(db) == {"harbour", "story"}


@pytest.mark.parametrize("content, said", [
    ("term,pos,forms,category,weight,neutral,exclude,note\nharbour,noun,,emotive,heavy,,,\n",
     ["1 error(s) in lexicon loaded_terms:", "bad.csv:2: weight 'heavy' is not a number"]),
    ("term,category\nharbour,emotive\n", ["bad.csv:1: the header must be exactly term,pos,forms"]),
    (b"term,pos,forms,category,weight,neutral,exclude,note\nharb\xffour,noun,,emotive,0.4,,,\n",
     ["bad.csv:2: not valid UTF-8"]),
    (None, ["bad.csv: cannot read lexicon: No such file"]),
])
def test_a_bad_lexicon_is_the_same_clear_error_as_for_analyse_and_starts_no_run(files, capsys, content, said):
    src, _, db = files
    bad = src.with_name("bad.csv")
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    code, _, err = run(["analyse", str(src), "-o", str(src.with_name("out.jsonl")), "--lexicon", str(bad)], capsys)
    assert code == 2 and all(s in err for s in said), err
    assert run(["run", str(src), "--db", str(db), "--lexicon", str(bad)], capsys) == (2, "", err)
    assert not db.exists()  # nothing started: no store, no failed run to resume
    assert run(["runs", "--db", str(db), "--lexicon", str(bad)], capsys) == (2, "", err)


def test_runs_says_what_the_stale_articles_were_analysed_with(files, capsys):
    src, lexicon, db = files
    sha = hashlib.sha256(lexicon.read_bytes()).hexdigest()[:12]
    run(["run", str(src), "--db", str(db), "--lexicon", str(lexicon)], capsys)
    _, out, _ = run(["runs", "--db", str(db)], capsys)
    assert "6 articles in the store; 6 stale against this framing" in out and "with the bundled lexicons:" in out
    assert f"  6 analysed with a custom loaded_terms lexicon (sha256 {sha})\n" in out
    assert "`framing runs` with the same --lexicon and --any-language options as their run" in out
    _, out, _ = run(["runs", "--db", str(db), "--lexicon", str(lexicon)], capsys)
    assert f"6 articles in the store, all current: analysed with this framing and the custom loaded_terms lexicon " \
           f"{lexicon} (2 entries, sha256 {sha})." in out

    more = write_jsonl(src.with_name("more.jsonl"), synthetic(4, start=6))
    run(["run", str(more), "--db", str(db), "--any-language"], capsys)
    _, out, _ = run(["runs", "--db", str(db), "--lexicon", str(lexicon)], capsys)
    assert "10 articles in the store; 4 stale against" in out
    assert "  4 analysed with the bundled loaded_terms lexicon (" in out and ") and --any-language\n" in out
    _, out, _ = run(["runs", "--db", str(db), "--any-language"], capsys)
    assert "  6 analysed with a custom loaded_terms lexicon (sha256 " in out
    assert "and the default settings (without --any-language)\n" in out


def test_differences_name_the_framing_lexicons_settings_and_engine_code():
    lex, cfg = bundled()
    now = engine_versions(lex, cfg)
    assert differences(now, now) == []
    assert differences({}, now) == []  # a store without a record of its versions
    old = {**now, "framing": "0.0.1", "config_sha256": "x"}
    assert differences(old, now) == ["framing 0.0.1"]  # (another release: settings and code differ anyway)
    custom = {**now, "lexicons": {**now["lexicons"], "loaded_terms": {"version": "custom", "sha256": "ab" * 32}}}
    assert differences(custom, now) == ["a custom loaded_terms lexicon (sha256 abababababab)"]
    assert differences(now, custom) == [f"the bundled loaded_terms lexicon ({lex.loaded_terms.version})"]
    assert differences({**now, "config_sha256": "0" * 64}, now) == ["other settings (config sha256 000000000000)"]
    assert differences({**now, "engine_sha256": "0" * 64}, now) == [
        "other engine code (this framing's source files were edited since)"]
    assert custom_lexicons([now, custom, custom]) == ["a custom loaded_terms lexicon (sha256 abababababab)"]
    # the bundled file given as --lexicon is a custom lexicon: its version is another, and so is the versions key
    copy = {**now, "lexicons": {**now["lexicons"], "loaded_terms": {"version": "custom",
                                                                    "sha256": lex.loaded_terms.sha256}}}
    assert differences(copy, now) == [f"a custom loaded_terms lexicon (sha256 {lex.loaded_terms.sha256[:12]})"]


def test_the_report_says_which_lexicon_the_findings_came_from(files, capsys):
    from framing.compare.corpus import load_corpus
    from framing.compare.reportgen import write_report
    from framing.compare.settings import CompareConfig

    src, lexicon, db = files
    run(["run", str(src), "--db", str(db), "--lexicon", str(lexicon)], capsys)
    out = src.with_name("report")
    md = write_report(load_corpus(db), out, config=CompareConfig(n_boot=0), charts=False).read_text(encoding="utf-8")
    assert "- Lexicons: the articles were analysed with a custom loaded\\_terms lexicon \\(sha256 " in md
    # half the store analysed again with the bundled lexicon: the mixed versions are a warning naming the custom one
    run(["run", str(write_jsonl(src.with_name("half.jsonl"), synthetic(3))), "--db", str(db)], capsys)
    (warn,) = [w for w in load_corpus(db).warnings if "different versions" in w]
    sha = hashlib.sha256(lexicon.read_bytes()).hexdigest()[:12]
    version = bundled()[0].loaded_terms.version
    assert f"lexicon loaded_terms {version} (3 articles), custom (sha256 {sha}) (3 articles)" in warn
    assert "given --lexicon CSV" in warn
    # and the Method section says how many were (it said "the articles" of them all)
    md = write_report(load_corpus(db), out, config=CompareConfig(n_boot=0), charts=False).read_text(encoding="utf-8")
    assert "- Lexicons: 3 of the 6 articles were analysed with a custom loaded\\_terms lexicon" in md
    assert "; the others' are the bundled lexicons' (see Warnings)." in md
