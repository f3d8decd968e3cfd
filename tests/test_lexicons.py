import pytest

from framing.errors import LexiconError
from framing.lexicons import COLUMNS, Entry, Lexicon, load_file, load_lexicon, parse_csv, validate

# Most examples here are written in the format before the flags column, which is still read (with no flags).
HEADER = "term,pos,forms,category,weight,neutral,exclude,note\n"


def lex(rows: str) -> Lexicon:
    entries, errors = parse_csv(HEADER + rows, kind="loaded_terms", source="t.csv")
    assert errors == []
    return Lexicon("t", "loaded_terms", "0", "x", tuple(entries))


def found(lexicon: Lexicon, text: str) -> list[str]:
    from framing.text.document import prepare

    d = prepare(text)
    return [text[d.tok_start[m.first]:d.tok_end[m.last]]
            for m in lexicon.find(d.words, d.text, d.tok_start, d.tok_end)]


@pytest.mark.parametrize(
    "rows, text, expected",
    [
        ("slam,verb,,emotive,0.8,criticise,,\n", "She slammed it; they slam; slamming doors", ["slammed", "slam",
                                                                                            "slamming"]),
        ("thug,noun,,actor_label,0.8,,,\n", "Thugs and a thug", ["Thugs", "thug"]),
        ("thief,noun,thieves,pejorative,0.8,,,\n", "two thieves", ["thieves"]),
        ("lash out,verb,,emotive,0.8,,,\n", "he lashed out at them", ["lashed out"]),
        ("so-called,adj,,delegitimising,0.6,,,\n", "the so called experts and so\u2011called ones",
         ["so called", "so\u2011called"]),
        ("bizarre,adj,,pejorative,0.8,,,\n", "a bizarre and bizarrely", ["bizarre", "bizarrely"]),
        ("axis of resistance,phrase,,conflict,0.9,,,\nresistance,noun,,conflict,0.3,,,\n",
         "the Axis of Resistance and resistance", ["Axis of Resistance", "resistance"]),
        ("blast,verb,,emotive,0.8,,bomb blast|blast radius,\n", "a bomb blast; he blasted them; blast radius",
         ["blasted"]),
        ("has-been,noun,,pejorative,0.9,,,\n", "It has been a has-been.", ["has-been"]),
        ("axis of resistance,phrase,,conflict,0.9,,,\n", "axis, of resistance", []),
        ("don't,phrase,,booster,0.5,,,\n", "don\u2019t and don't", ["don\u2019t", "don't"]),
    ],
)
def test_matching(rows, text, expected):
    assert found(lex(rows), text) == expected


def test_errors_name_the_line_and_the_fix():
    bad = HEADER + "ok,noun,,emotive,0.5,,,\nx,verbb,,emotive,2,,,\n,noun,,emotive,0.5,,,\ny,noun,,nosuch,0.5,,,\n"
    _, errors = parse_csv(bad, kind="loaded_terms", source="f.csv")
    assert errors[0].startswith("f.csv:3:") and "pos 'verbb'" in errors[0] and "weight 2" in errors[0]
    assert errors[1].startswith("f.csv:4:") and "empty" in errors[1]
    assert errors[2].startswith("f.csv:5:") and "category 'nosuch'" in errors[2]


def test_wrong_header_and_field_count():
    assert "header must be exactly" in parse_csv("a,b\n", kind="loaded_terms", source="f")[1][0]
    errs = parse_csv(HEADER + "a,noun,emotive\n", kind="loaded_terms", source="f")[1]
    assert "expected 8 fields, found 3" in errs[0]


def test_duplicates_and_bad_excludes_are_errors():
    rows = "far-right,adj,,partisan,0.5,,,\nfar right,adj,,partisan,0.5,,,\nblast,verb,,emotive,0.5,,big bang,\n"
    errs = parse_csv(HEADER + rows, kind="loaded_terms", source="f")[1]
    assert any("duplicate of line 2" in e for e in errs)
    assert any("'big bang' does not contain the term" in e for e in errs)


def test_load_file_raises_with_every_error(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(HEADER + "x,noun,,emotive,zero,,,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.csv:2: weight 'zero' is not a number"):
        load_file(p, name="bad", kind="loaded_terms", version="1")
    p.write_bytes(b"\xff\xfe" + HEADER.encode())
    with pytest.raises(LexiconError, match="not valid UTF-8"):
        load_file(p, name="bad", kind="loaded_terms", version="1")


def test_bundled_lexicons_are_valid_versioned_and_hashed():
    assert validate() == []
    lt = load_lexicon("loaded_terms")
    assert len(lt.entries) >= 1500
    assert len(lt.sha256) == 64 and lt.version
    cats = {e.category for e in lt.entries}
    assert {"actor_label", "delegitimising", "emotive", "intensifier", "partisan", "conflict", "euphemism",
            "hedge", "booster"} <= cats
    rv = load_lexicon("reporting_verbs")
    assert {e.category for e in rv.entries} == {"neutral", "endorsing", "distancing", "discrediting"}


def test_with_changes_adds_disables_and_changes_identity():
    base = lex("slam,verb,,emotive,0.8,,,\nthug,noun,,actor_label,0.8,,,\n")
    edited = base.with_changes(add=[Entry("rioter", "noun", "actor_label", 0.7)], disable=["thug"])
    assert found(edited, "thugs and rioters slammed") == ["rioters", "slammed"]
    assert edited.version.endswith("+edited") and edited.sha256 != base.sha256
    assert "rioter" in edited.to_csv()


def test_the_flags_column_is_read_and_checked_per_kind():
    text = ",".join(COLUMNS) + "\nadd,verb,,neutral,0.1,,,needs_evidence,\ncontinue,verb,,neutral,0.1,,,quote_only|bogus,\n"
    entries, errors = parse_csv(text, kind="reporting_verbs", source="rv.csv")
    assert [(e.term, e.flags) for e in entries] == [("add", ("needs_evidence",))]
    assert errors == ["rv.csv:3: flag 'bogus' is not one of needs_evidence, quote_only"]
    _, errors = parse_csv(",".join(COLUMNS) + "\nslam,verb,,emotive,0.8,,,needs_evidence,\n", kind="loaded_terms",
                          source="lt.csv")
    assert errors == ["lt.csv:2: flag 'needs_evidence' is not one of (none for this kind)"]


def test_the_engines_rules_read_their_words_from_the_lexicons():
    rv, st = load_lexicon("reporting_verbs"), load_lexicon("source_terms")
    flagged = {f: {e.term for e in rv.entries if f in e.flags} for f in ("needs_evidence", "quote_only")}
    assert {"add", "note", "report", "put it"} <= flagged["needs_evidence"]
    # verbs that report speech only beside a quotation: continuing, remembering, and manners of speaking
    assert flagged["quote_only"] == {"continue", "remember", "bark", "growl", "hiss", "roar", "thunder", "interject",
                                     "laugh", "sigh", "gasp", "cry", "chime in", "fire back", "hit back",
                                     "shoot back", "read"}
    assert {"president", "spokesman"} <= {e.term for e in st.entries if "single_holder" in e.flags}
    assert all(e.category == "role" for e in st.entries if "single_holder" in e.flags)


def test_to_csv_round_trips_flags():
    from framing.lexicons import to_csv

    lx = load_lexicon("reporting_verbs")
    entries, errors = parse_csv(to_csv(lx.entries), kind="reporting_verbs", source="x")
    assert errors == [] and [(e.term, e.flags) for e in entries] == [(e.term, e.flags) for e in lx.entries]


def test_the_speaker_roles_lexicon_is_bundled_valid_and_checked():
    lx = load_lexicon("speaker_roles")
    assert lx.kind == "speaker_roles" and len(lx.sha256) == 64 and lx.version
    cats = {e.category for e in lx.entries}
    assert cats == {"government", "politician", "law_enforcement", "expert", "advocacy", "business", "citizen",
                    "media", "party"}
    assert all(0 < e.weight <= 1 for e in lx.entries)
    # party entries: the term is the party's name as findings give it, its other spellings are forms
    parties = {e.term: e.forms for e in lx.entries if e.category == "party"}
    assert "gop" in parties["Republican"] and "democrat" in parties["Democratic"]
    # a role that is not one of the kind's categories is an error naming the line
    _, errors = parse_csv("term,pos,forms,category,weight,neutral,exclude,flags,note\n"
                          "senator,noun,,senate_person,1,,,,\n", kind="speaker_roles", source="r.csv")
    assert errors and errors[0].startswith("r.csv:2:") and "senate_person" in errors[0]
    from framing.lexicons import default_lexicons

    assert "speaker_roles" in default_lexicons().versions()


def test_the_sources_table_states_each_lexicons_version_and_size():
    # data/lexicons/SOURCES.md's table is what people read first; it must say what the files hold
    import re

    from framing.lexicons import data_dir, read_index

    text = (data_dir() / "lexicons" / "SOURCES.md").read_text(encoding="utf-8")
    for name, spec in read_index().items():
        row = re.search(r"^\| `" + re.escape(spec.file) + r"` \| \w+ \| ([\d,]+) \| ([\d.]+) \|", text, re.M)
        assert row, f"SOURCES.md has no table row for {spec.file}"
        assert row.group(2) == spec.version, spec.file
        assert int(row.group(1).replace(",", "")) == len(load_lexicon(name).entries), spec.file


def test_lexicons_cross_to_worker_processes_as_plain_values(tmp_path):
    # a pool's initializer and a Dask scatter pickle them; the frozen dataclasses, compiled, cannot be unpickled
    # attribute by attribute, so the lexicons travel as plain values and are built again
    import pickle
    from dataclasses import replace

    from framing.lexicons import default_lexicons, load_file

    path = tmp_path / "mine.csv"
    path.write_text("term,pos,forms,category,weight,neutral,exclude,flags,note\n"
                    "harbour,noun,harbours,emotive,0.5,port,,,a test term\n", encoding="utf-8")
    lex = replace(default_lexicons(), loaded_terms=load_file(path, name="loaded_terms", kind="loaded_terms",
                                                             version="custom"))
    back = pickle.loads(pickle.dumps(lex))
    assert back.versions() == lex.versions()
    assert back.loaded_terms.entries == lex.loaded_terms.entries and back.loaded_terms.path == str(path)
    assert [m.entry.term for m in back.loaded_terms.find(["the", "harbours"])] == ["harbour"]
