"""load_corpus: articles in any input format (with a field mapping), a .jsonl of reports, a DuckDB store, and bad
input."""

from __future__ import annotations

import json

import pytest

from framing.compare.corpus import load_corpus
from framing.errors import InputError

from .conftest import DEMO


def test_jsonl_corpus(demo):
    assert demo.n_articles == 165 and demo.origin == "jsonl"
    assert demo.name == "demo/articles"
    assert demo.inputs[0]["sha256"] and demo.inputs[0]["bytes"] > 0
    assert {"event", "leaning", "topic", "date"} <= set(demo.articles.columns)
    assert set(demo.texts) == set(demo.articles["article_id"])
    assert "lexicons" in demo.versions


def test_reports_jsonl_and_bad_records(tmp_path):
    from framing.report import analyse

    recs = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:3]]
    p = tmp_path / "reports.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for r in recs:
            d = analyse(r["text"], id=r["id"], source=r["source"], meta={"event": r["event"]}).to_dict(
                include_text=True)
            fh.write(json.dumps(d) + "\n")
    c = load_corpus(p)
    assert c.origin == "reports" and c.n_articles == 3 and len(c.texts) == 3

    bad = tmp_path / "mixed.jsonl"
    bad.write_text('{"id": "a", "text": "Officials said the plan failed.", "source": "X"}\nnot json\n'
                   '{"id": "a", "text": "Critics claimed it worked.", "source": "Y"}\n', encoding="utf-8")
    c = load_corpus(bad)
    assert c.n_articles == 2
    assert any("not valid JSON" in w for w in c.warnings)
    assert any("more than once" in w for w in c.warnings)
    assert sorted(c.articles["article_id"]) == ["a", "a#2"]


@pytest.mark.parametrize("name, content, message", [
    ("missing.jsonl", None, "no such file"),
    ("corpus.xlsx", "a,b\n", "unsupported input; give articles as `framing run` reads them"),
    ("empty.jsonl", "\n", "no article could be analysed"),
    ("no-text.csv", "a,b\n1,2\n", "no article could be analysed.*no text column"),
])
def test_bad_inputs(tmp_path, name, content, message):
    p = tmp_path / name
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_corpus(p)


def test_any_input_framing_run_reads_with_its_field_mapping(tmp_path):
    # regression: load_corpus read .jsonl only, and without a field mapping, so `framing report` could not read a
    # CSV, a folder, or AllSides' rows (text in content_original) although its message said to give --text-field
    from framing.corpus.fields import Mapping

    csv = tmp_path / "news.csv"
    csv.write_text('body,outlet,bias\n"The mayor said the plan was fine.",A,left\n'
                   '"Critics slammed the plan, officials said.",B,right\n', encoding="utf-8")
    c = load_corpus(csv, mapping=Mapping(text="body", source="outlet", leaning="bias"))
    assert c.n_articles == 2 and c.name == "news" and c.origin == "jsonl"
    assert sorted(c.articles["source"]) == ["A", "B"] and sorted(c.articles["leaning"]) == ["left", "right"]
    assert c.inputs[0]["format"] == "csv" and c.inputs[0]["sha256"]

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor said the plan was fine.", encoding="utf-8")
    (folder / "b.txt").write_text("Critics slammed the plan.", encoding="utf-8")
    c = load_corpus(folder)
    assert c.n_articles == 2 and c.name == "texts" and c.inputs[0]["files"] == 2

    rows = tmp_path / "allsides.jsonl"
    rows.write_text(json.dumps({"ID": "x1", "source": "S", "content_original": "Officials said it failed."}) + "\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="give the text field with --text-field NAME"):
        load_corpus(rows)
    assert load_corpus(rows, mapping=Mapping(text="content_original")).articles["article_id"].tolist() == ["x1"]


def test_a_field_mapping_with_a_store_or_reports_is_an_error(tmp_path):
    from framing.corpus.fields import Mapping
    from framing.corpus.runner import run_corpus
    from framing.errors import ConfigError
    from framing.report import analyse

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Officials said the plan failed."}) + "\n", encoding="utf-8")
    run_corpus([str(src)], tmp_path / "s.duckdb", progress=False)
    with pytest.raises(ConfigError, match="give them to `framing run` instead"):
        load_corpus(tmp_path / "s.duckdb", mapping=Mapping(text="body"))
    reports = tmp_path / "reports.jsonl"
    reports.write_text(json.dumps(analyse("Officials said it.", id="r").to_dict(include_text=True)) + "\n",
                       encoding="utf-8")
    with pytest.raises(ConfigError, match="holds reports"):
        load_corpus(reports, mapping=Mapping(text="body"))
    assert load_corpus(reports, mapping=Mapping()).n_articles == 1  # no option given: the empty mapping


def test_duckdb_store(tmp_path, demo):
    runner = pytest.importorskip("framing.corpus.runner")
    db = tmp_path / "demo.duckdb"
    runner.run_corpus([str(DEMO)], db, progress=False)
    c = load_corpus(db)
    assert c.origin == "duckdb" and c.n_articles == 165
    assert set(c.texts) == set(c.articles["article_id"])
    assert c.versions.get("store_run") == 1 and "versions" in c.versions
    a = c.articles.set_index("article_id").sort_index()
    b = demo.articles.set_index("article_id").sort_index()
    assert (a["lt_author"] == b["lt_author"]).all()
    assert len(c.findings) == len(demo.findings)


def test_articles_analysed_now_warn_about_metadata_rows_that_match_none(tmp_path):
    from framing.corpus.fields import Mapping

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor said the plan was fine.", encoding="utf-8")
    (folder / "b.txt").write_text("Critics slammed the plan.", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("file,outlet\na,A\nb,B\nc,C\n", encoding="utf-8")
    mp = Mapping(metadata=str(tmp_path / "meta.csv"), metadata_key="file", source="outlet")
    c = load_corpus(folder, mapping=mp)
    assert sorted(c.articles["source"]) == ["A", "B"]
    assert any("1 of the 3 row(s) of the metadata file" in w and "(keys 'c')" in w for w in c.warnings)
    # after --limit the other records were not read: their rows are not said to match nothing
    assert not any("metadata file" in w for w in load_corpus(folder, mapping=mp, limit=1).warnings)


def test_a_store_analysed_with_two_lexicon_versions_is_warned_about_and_each_is_listed(tmp_path):
    # regression (a user's trial): a report on a store whose articles were analysed with different lexicon versions
    # said nothing, and its manifest named only the last run's versions
    from dataclasses import replace

    from framing.compare.reportgen import write_report
    from framing.compare.settings import CompareConfig
    from framing.corpus.runner import run_corpus
    from framing.lexicons import default_lexicons, load_file

    rows = [{"id": f"a{i}", "source": "AB"[i % 2], "text": f"Officials said plan {i} was bad; critics slammed it."}
            for i in range(5)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows[:3]), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in rows[3:]), encoding="utf-8")
    lex = default_lexicons()
    old = replace(lex, loaded_terms=load_file(lex.loaded_terms.path, name="loaded_terms", kind="loaded_terms",
                                              version="0.9-old"))
    db = tmp_path / "mixed.duckdb"
    run_corpus([str(first)], db, lexicons=old)
    c = load_corpus(db)
    assert not any("different versions" in w for w in c.warnings)  # one set of versions: nothing to say
    run_corpus([str(second)], db)
    c = load_corpus(db)
    (warn,) = [w for w in c.warnings if "different versions" in w]
    assert f"lexicon loaded_terms 0.9-old (3 articles), {lex.loaded_terms.version} (2 articles)" in warn
    assert "lexicon reporting_verbs" not in warn  # the same in both
    listed = {v["lexicons"]["loaded_terms"]["version"]: v["n_articles"] for v in c.versions["analysed_with"]}
    assert listed == {"0.9-old": 3, lex.loaded_terms.version: 2}
    out = tmp_path / "rep"
    md = write_report(c, out, config=CompareConfig(n_boot=0), charts=False).read_text(encoding="utf-8")
    assert "different versions: lexicon loaded\\_terms 0.9\\-old \\(3 articles\\)" in md
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [v["n_articles"] for v in man["analysis"]["analysed_with"]] == [3, 2]
    assert warn in man["warnings"]


def test_a_corpus_passed_where_a_table_belongs_says_which_tables_to_pass(small):
    from framing.compare import distinctive_terms, group_events, pairwise_differences, rates, speakers

    calls = [lambda: rates(small), lambda: pairwise_differences(small), lambda: distinctive_terms(small),
             lambda: speakers(small, small), lambda: group_events(small, small.texts)]
    for call in calls:
        with pytest.raises((AttributeError, TypeError), match=r"a Corpus is not a table .*corpus\.articles, corpus\.texts"):
            call()
    # the whole corpus alone, where the articles and their texts belong
    with pytest.raises(TypeError, match=r"group_events needs the articles' texts .*corpus\.articles, corpus\.texts"):
        group_events(small)
    # the corpus's own attributes and a plain missing one behave as before
    assert small.n_articles == len(small.articles) and not hasattr(small, "columns")
    with pytest.raises(AttributeError, match="'Corpus' object has no attribute 'nonsense'"):
        small.nonsense  # noqa: B018
