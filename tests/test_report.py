import json

import pytest

import framing
from framing.inputs import dumps
from tests.conftest import ROOT

FINDING_FIELDS = {
    "loaded_term": {"category", "weight", "term", "voice"},
    "quote": {"kind", "speaker", "cue"},
    "attribution": {"cue_lemma", "stance", "source", "source_start", "source_end", "source_type", "content_start",
                    "content_end", "via", "direct"},
    "sentiment": {"polarity", "subjectivity"},
}


def demo_texts(n=30):
    lines = (ROOT / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(x) for x in lines]


def test_output_contract_on_the_demo_corpus():
    for rec in demo_texts():
        d = framing.analyse(rec["text"], id=rec["id"], source=rec["source"]).to_dict()
        assert {"id", "source", "n_words", "findings", "metrics", "versions"} <= set(d)
        assert d["versions"]["framing"] == framing.__version__
        assert set(d["versions"]["lexicons"]) >= {"loaded_terms", "reporting_verbs", "source_terms"}
        for f in d["findings"]:
            assert {"type", "start", "end", "text", "explanation"} <= set(f)
            assert FINDING_FIELDS[f["type"]] <= set(f)
            assert rec["text"][f["start"]:f["end"]] == f["text"]
            assert f["explanation"].strip()
            if f["type"] == "attribution" and f["source"] is not None:
                assert rec["text"][f["source_start"]:f["source_end"]] == f["source"]


def test_metrics_add_up():
    for rec in demo_texts(10):
        r = framing.analyse(rec["text"])
        m = r.metrics
        lt = m["loaded_terms"]
        assert lt["count"] == lt["author_count"] + lt["quoted_count"] == len(r.of_type("loaded_term"))
        assert sum(c["count"] for c in lt["by_category"].values()) == lt["count"]
        assert sum(m["quotes"]["by_kind"].values()) == len(r.of_type("quote"))
        at = m["attributions"]
        assert sum(at["by_stance"].values()) == sum(at["by_source_type"].values()) == at["count"]
        assert lt["rate"] == pytest.approx(lt["count"] * 1000 / r.n_words, abs=1e-3)
        assert 0 <= m["quotes"]["quoted_word_share"] <= 1


def test_output_is_deterministic():
    rec = demo_texts(1)[0]
    a = dumps(framing.analyse(rec["text"], id="x").to_dict())
    b = dumps(framing.analyse(rec["text"], id="x").to_dict())
    assert a == b


@pytest.mark.parametrize(
    "text, warning",
    [
        ("", "empty text"),
        ("   \n\t ", "empty text"),
        ("Это статья на русском языке о политике.", "the text is in Russian (ru, probability"),
        ("<p>One</p><p>Two</p><div>Three</div> text", "HTML markup"),
        ("broken \ufffd bytes", "U+FFFD"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ('He said "never closed.', "unpaired opening quotation mark"),
        ("Officials said the vote was &#8220;rigged&#8221; and called it a &quot;sham&quot;.",
         "the text contains 4 HTML character reference(s)"),
        ("The R&amp;D budget grew, officials said.", "1 HTML character reference(s)"),
        ("He said &apos;no&apos; and left.", "2 HTML character reference(s)"),  # (an HTML5 name)
    ],
)
def test_problems_become_warnings(text, warning):
    r = framing.analyse(text)
    assert any(warning in w for w in r.warnings)


@pytest.mark.parametrize("text", ["AT&T and Q&A; were named, officials said.", "Fees &c; are due, & more."])
def test_an_ampersand_that_is_no_character_reference_gives_no_warning(text):
    assert not [w for w in framing.analyse(text).warnings if "character reference" in w]


@pytest.mark.parametrize("text, language", [
    ("The council voted on the plan on Tuesday, officials said, and the mayor called it a disaster.", "en"),
    ("Der Stadtrat hat am Dienstag über den Plan abgestimmt, sagten Beamte; die Opposition nannte ihn gut.", "de"),
    ("Le conseil municipal a voté mardi sur le projet, ont déclaré des responsables de la ville.", "fr"),
    ("El consejo municipal votó el martes sobre el plan, dijeron los funcionarios de la ciudad.", "es"),
    ("Trump", "und"),  # too few letters to tell
    ("", "und"),
])
def test_every_report_names_its_language(text, language):
    assert framing.analyse(text).language == language
    assert framing.analyse(text).to_dict()["language"] == language


def test_an_article_in_another_language_gets_no_english_findings_unless_asked():
    text = "Der Stadtrat hat am Dienstag über den Plan abgestimmt, sagten Beamte; die Opposition nannte ihn gut."
    r = framing.analyse(text)
    assert r.findings == () and r.metrics["loaded_terms"]["count"] == 0
    assert r.metrics["sentiment"]["polarity"] is None  # no tone, rather than a neutral one
    assert "the text is in German (de, probability" in r.warnings[0] and "no findings" in r.warnings[0]
    anyway = framing.analyse(text, config=framing.Config(english_only=False))
    assert anyway.language == "de" and anyway.findings and "findings mean little" in anyway.warnings[0]


def test_non_string_input_is_a_clear_error():
    with pytest.raises(framing.InputError, match="must be a str"):
        framing.analyse(b"bytes")  # type: ignore[arg-type]


@pytest.mark.slow
def test_a_5_mb_article_is_analysed_with_a_warning():
    rec = demo_texts(40)
    text = "\n\n".join(r["text"] for r in rec)
    text = (text * (5_000_000 // len(text) + 1))[:5_000_000]
    r = framing.analyse(text)
    assert r.n_words > 500_000 and len(r.findings) > 10_000
    assert any("very long text" in w for w in r.warnings)
    assert all(text[f.start:f.end] == f.text for f in r.findings[:2000])


def _slow_sentiment(monkeypatch, marker="SLOW"):
    """A fake clock that jumps 1,000 s whenever the sentiment step sees ``marker`` in the text."""
    from framing import report
    from framing.detect import sentiment

    now = [0.0]
    monkeypatch.setattr(report, "_clock", lambda: now[0])
    real = sentiment.detect

    def detect(doc, **kw):
        if marker in doc.text:
            now[0] += 1000.0
        return real(doc, **kw)

    monkeypatch.setattr(sentiment, "detect", detect)


def test_a_time_budget_stops_the_analysis_after_the_step_that_ran_over(monkeypatch):
    from framing.errors import TimeBudgetExceeded

    _slow_sentiment(monkeypatch)
    assert framing.analyse("Quick. He said so.", time_budget=10).findings
    with pytest.raises(TimeBudgetExceeded) as exc:
        framing.analyse("SLOW text. He said so.", time_budget=10)
    assert str(exc.value) == ("the analysis took longer than its time budget of 10 s (stopped after sentiment; the "
                              "text has 22 characters)")
    framing.analyse("SLOW text. He said so.")  # no budget: no check


def test_a_zero_time_budget_stops_after_the_first_step():
    from framing.errors import TimeBudgetExceeded

    with pytest.raises(TimeBudgetExceeded, match="stopped after reading the text"):
        framing.analyse("Any text. He said so.", time_budget=0)
