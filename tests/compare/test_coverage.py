"""Same-event coverage: speakers by outlet with names made one, shared and unique sentences, content an outlet lacks."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.compare.coverage import (
    LABELS,
    _sentences,
    clean_speaker,
    coverage_layer,
    coverage_marks,
    event_coverage,
    match_sentences,
    normalise_speakers,
    sentence_table,
    speaker_table,
    speakers_by_outlet,
)
from framing.compare.settings import CompareConfig
from framing.errors import ConfigError
from framing.highlight import article_html

SHARED = "The finance minister resigned on Tuesday after the budget vote failed in parliament."
ALPHA = SHARED + " Farmers blocked three motorways near the capital overnight."
BETA = ("The finance minister resigned Tuesday after the parliament budget vote failed. "
        "Critics called the pension cuts cruel and reckless.")
GAMMA = ("Angry farmers blocked three motorways near the capital overnight, police said. "
         "Bakeries reported record sales of bread rolls.")


def articles(**texts: str) -> tuple[pd.DataFrame, dict[str, str]]:
    rows = [{"article_id": f"a-{o.lower()}", "source": o, "event": "E1", "date": "2026-01-01"} for o in texts]
    return pd.DataFrame(rows), {f"a-{o.lower()}": t for o, t in texts.items()}


NO_FINDINGS = pd.DataFrame(columns=["article_id", "type", "speaker", "source", "source_type", "kind", "cue"])


def labels_of(cov, outlet: str) -> list[str]:  # noqa: ANN001
    s = cov.sentences
    return s[s["outlet"] == outlet].sort_values("sentence")["label"].tolist()


# -- sentences ------------------------------------------------------------------------------------------------

def test_two_outlets_share_one_sentence_and_each_has_one_of_its_own():
    a, texts = articles(Alpha=ALPHA, Beta=BETA)
    cov = event_coverage(a, NO_FINDINGS, texts, "E1")
    assert labels_of(cov, "Alpha") == ["shared", "unique"]
    assert labels_of(cov, "Beta") == ["shared", "unique"]
    s = cov.sentences.set_index(["outlet", "sentence"])
    assert s.at[("Alpha", 0), "shared_with"] == "Beta" and s.at[("Alpha", 0), "best_similarity"] > 0.5
    assert s.at[("Alpha", 1), "best_similarity"] < cov.threshold and s.at[("Alpha", 1), "shared_with"] == ""
    # the best match of Alpha's first sentence is Beta's first, with offsets into Beta's text
    m = cov.matches[(cov.matches["outlet"] == "Alpha") & (cov.matches["sentence"] == 0)].iloc[0]
    assert texts["a-beta"][m["other_start"]:m["other_end"]].startswith("The finance minister resigned Tuesday")
    o = cov.outlets.set_index("outlet")
    assert o.at["Alpha", "shared"] == 1 and o.at["Alpha", "unique"] == 1 and o.at["Alpha", "unique_share"] == 0.5
    # two outlets: nothing is shared by two *other* outlets, so nothing is lacking
    assert cov.missing.empty and (o["lacking"] == 0).all()


def test_content_two_other_outlets_share_is_what_the_third_lacks_listed_once():
    a, texts = articles(Alpha=ALPHA, Beta=BETA, Gamma=GAMMA)
    cov = event_coverage(a, NO_FINDINGS, texts, "E1")
    assert labels_of(cov, "Alpha") == ["shared", "shared"]  # the minister with Beta, the farmers with Gamma
    assert labels_of(cov, "Gamma") == ["shared", "unique"]
    lack = cov.missing
    # Beta lacks the farmers (Alpha and Gamma have them): listed once, from the first outlet that has it
    beta = lack[lack["outlet"] == "Beta"]
    assert len(beta) == 1
    row = beta.iloc[0]
    assert row["from_outlet"] == "Alpha" and row["present_in"] == "Alpha; Gamma" and row["n_outlets"] == 2
    assert row["text"] == "Farmers blocked three motorways near the capital overnight."
    # Gamma lacks the minister's resignation (Alpha and Beta); Alpha lacks nothing two others share
    assert lack[lack["outlet"] == "Gamma"]["text"].str.startswith("The finance minister").tolist() == [True]
    assert lack[lack["outlet"] == "Alpha"].empty
    assert cov.outlets.set_index("outlet")["lacking"].to_dict() == {"Alpha": 0, "Beta": 1, "Gamma": 1}


def test_short_sentences_are_labelled_short_and_not_compared():
    a, texts = articles(Alpha=SHARED + " He declined.", Beta=SHARED + " He declined.")
    cov = event_coverage(a, NO_FINDINGS, texts, "E1")
    assert labels_of(cov, "Alpha") == ["shared", "short"]
    assert len(cov.matches) == 2  # one compared sentence per outlet, against the other outlet


def test_one_outlet_is_a_clear_error_and_an_unknown_event_lists_the_events():
    a, texts = articles(Alpha=ALPHA)
    with pytest.raises(ConfigError, match="one source only"):
        event_coverage(a, NO_FINDINGS, texts, "E1")
    with pytest.raises(ConfigError, match="events: \\['E1'\\]"):
        event_coverage(a, NO_FINDINGS, texts, "E9")


def test_a_huge_event_is_cut_with_a_warning_never_silently():
    a, texts = articles(Alpha=ALPHA, Beta=BETA, Gamma=GAMMA)
    cov = event_coverage(a, NO_FINDINGS, texts, "E1", config=CompareConfig(coverage_max_articles=2))
    assert set(cov.sentences["outlet"]) == {"Alpha", "Beta"}
    assert len(cov.warnings) == 1 and "has 3 articles" in cov.warnings[0] and "a-gamma" in cov.warnings[0]
    cov = event_coverage(a, NO_FINDINGS, texts, "E1", config=CompareConfig(coverage_max_sentences=3))
    assert "sentences to compare" in cov.warnings[0]
    assert (cov.sentences["label"] == "short").sum() == 3  # six comparable sentences, the last three not compared


# any articles: every sentence labelled once, offsets valid, matches point into the other outlet's text
WORDS = st.sampled_from("minister budget vote farmers motorway police said Tuesday capital the a of . , ! ? \" \n"
                        .split(" ") + ["\n", ". ", "Mr. ", "U.S. "])
TEXT = st.lists(WORDS, min_size=0, max_size=60).map(lambda ws: " ".join(ws))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=2, max_size=4))
def test_property_every_sentence_is_labelled_once_with_valid_offsets(texts_list):
    a, texts = articles(**{f"O{i}": t for i, t in enumerate(texts_list)})
    cov = event_coverage(a, NO_FINDINGS, texts, "E1")
    s = cov.sentences
    assert not s.duplicated(["article_id", "sentence"]).any()
    assert set(s["label"]) <= set(LABELS)
    for r in s.itertuples(index=False):
        assert 0 <= r.start < r.end <= len(texts[r.article_id]) and texts[r.article_id][r.start:r.end] == r.text
    from framing.text.document import prepare

    assert len(s) == sum(len(prepare(t).sentences) for t in texts.values())
    for r in cov.matches.itertuples(index=False):
        assert r.other_outlet != r.outlet and 0.0 <= r.similarity <= 1.0 + 1e-9
        if r.other_article_id is not None and not pd.isna(r.other_article_id):
            t = texts[r.other_article_id]
            assert 0 <= r.other_start < r.other_end <= len(t)
    o = cov.outlets
    assert (o["shared"] + o["unique"] + o["short"] == o["sentences"]).all()
    # the sentences' terms, listed once while they are split, give the matches counting them again gives
    pairs = list(zip(a["source"], a["article_id"], strict=True))
    sents, terms = _sentences(pairs, texts, "E1", None)
    assert sents.equals(sentence_table(pairs, texts, event="E1"))
    assert match_sentences(sents, terms).equals(match_sentences(sents))


# -- speakers -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("Mr. Steele", "Steele"),
    ("NRSC spokesman Brian Walsh", "Brian Walsh"),
    ("Senate Majority Leader Harry Reid", "Harry Reid"),
    ("Representative Darrell Issa of California", "Darrell Issa"),
    ("top cop Dana Roux", "Dana Roux"),
    ("Green Left\u2019s Amira Sandoval", "Amira Sandoval"),
    ("the White House", "White House"),
    ("Steele\u2019s", "Steele"),
    ("Bank of America", "Bank of America"),  # "of" after one word: part of the name
    ("officials", "officials"),
    ("But Mr", ""),  # the name was lost
])
def test_clean_speaker(raw, clean):
    assert clean_speaker(raw) == clean


def test_speaker_names_are_made_one_within_an_event_by_the_stated_rule():
    names = normalise_speakers(["Biden", "Joe Biden", "Mr. Biden", "Clinton", "Bill Clinton", "Hillary Clinton",
                                "James E. Clyburn", "James Clyburn", "James Clyburn", "officials", "Officials"])
    assert names["Biden"] == names["Mr. Biden"] == names["Joe Biden"] == "Joe Biden"  # the full form shown
    assert names["Clinton"] == "Clinton"  # two Clintons: a lone surname stays on its own
    assert names["Bill Clinton"] == "Bill Clinton" and names["Hillary Clinton"] == "Hillary Clinton"
    assert names["James E. Clyburn"] == names["James Clyburn"] == "James Clyburn"  # the most cited full form
    assert names["officials"] == names["Officials"]
    assert normalise_speakers(["Biden"]) == {"Biden": "Biden"}  # no full name in the event: nothing to join


def finding(aid: str, type_: str, **kw: object) -> dict[str, object]:
    return {"article_id": aid, "type": type_, "speaker": None, "source": None, "source_type": None, "kind": None,
            "cue": None, **kw}


def test_speakers_by_outlet_counts_citations_and_who_each_outlet_leaves_out():
    f = pd.DataFrame([
        finding("a1", "attribution", source="Mr. Biden", speaker="Mr. Biden", source_type="named_person"),
        finding("a1", "quote", kind="direct", speaker="Mr. Biden", cue="said"),  # through its attribution
        finding("a1", "quote", kind="direct", speaker="Biden", cue=None),  # no cue: counts itself
        finding("a1", "quote", kind="scare", speaker="Biden"),  # not a citation
        finding("a1", "attribution", source="he", speaker="he", source_type="pronoun"),  # unresolved: left out
        finding("a1", "attribution", source_type="none"),
        finding("b1", "attribution", source="President Joe Biden", speaker="Joe Biden", source_type="named_person"),
        finding("b1", "attribution", source="officials", speaker="officials", source_type="anonymous"),
        finding("c1", "attribution", source="officials", speaker="officials", source_type="anonymous"),
        # a quotation counted through an attribution of another name: no citation of its own, no row
        finding("c1", "quote", kind="partial", speaker="Rubio", cue="said"),
    ])
    outlet_of = {"a1": "A", "b1": "B", "c1": "C"}
    long = speakers_by_outlet(f, outlet_of, event="E1")
    wide = speaker_table(long)
    assert wide.to_dict("records") == [
        {"speaker": "Joe Biden", "A": 2, "B": 1, "C": 0, "total": 3},
        {"speaker": "officials", "A": 0, "B": 1, "C": 1, "total": 2},
    ]
    assert long[long["speaker"] == "Rubio"]["quotes"].sum() == 1  # (the long table keeps it)
    a = long[(long["speaker"] == "Joe Biden") & (long["outlet"] == "A")].iloc[0]
    assert (a["quotes"], a["attributions"], a["citations"]) == (2, 1, 2)
    assert a["names"] == "Biden; Joe Biden; Mr. Biden"  # every form merged into the speaker, in any outlet
    from framing.compare.coverage import outlet_summary

    sents = pd.DataFrame({"outlet": ["A", "B", "C"], "article_id": ["a1", "b1", "c1"], "label": ["unique"] * 3})
    summary = outlet_summary(sents, long, pd.DataFrame(columns=["outlet"]), event="E1").set_index("outlet")
    assert summary.at["A", "speakers_not_cited"] == "officials"  # cited by B and C, not by A
    assert summary.at["C", "speakers_not_cited"] == "Joe Biden"
    assert summary.at["B", "speakers_not_cited"] == "" and summary.at["B", "speakers"] == 2


# -- on the demo corpus, and highlighted -----------------------------------------------------------------------

def test_demo_event_coverage_is_consistent(demo):
    cov = event_coverage(demo.articles, demo.findings, demo.texts, "E04")
    assert len(cov.outlets) == demo.articles[demo.articles["event"] == "E04"]["source"].nunique()
    assert cov.speaker_table["total"].iloc[0] == cov.speaker_table["total"].max() >= 5
    # speakers each outlet does not cite are cited by some other outlet
    for r in cov.outlets.itertuples(index=False):
        for sp in filter(None, r.speakers_not_cited.split("; ")):
            d = cov.speakers[cov.speakers["speaker"] == sp]
            assert d.loc[d["outlet"] == r.outlet, "citations"].sum() == 0 and d["citations"].sum() > 0
    # lacking content: below the threshold in the lacking outlet, at or above it in another
    m = cov.matches.set_index(["article_id", "sentence", "other_outlet"])["similarity"]
    for r in cov.missing.head(30).itertuples(index=False):
        assert m[(r.article_id, r.sentence, r.outlet)] < cov.threshold
        assert r.n_outlets >= 2 and r.from_outlet in r.present_in.split("; ") and r.outlet not in r.present_in


def test_coverage_marks_are_highlighted_escaped():
    text = 'The finance minister <script>alert(1)</script> resigned on Tuesday after the budget vote failed.'
    a, texts = articles(Alpha=text + " Farmers blocked three motorways near the capital overnight.", Beta=BETA)
    cov = event_coverage(a, NO_FINDINGS, texts, "E1")
    marks = coverage_marks(cov.sentences, "a-alpha", cov.threshold)
    assert [m.key for m in marks] == ["shared", "unique"]
    html = article_html(texts["a-alpha"], [], extra=marks, extra_layers=[coverage_layer()])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="fr fr-coverage fr-coverage-unique"' in html and "border-top: 3px solid #D55E00" in html
    assert "Unique to this outlet" in html and "Shared. Another outlet has a sentence like it: Beta" in html


def test_an_event_read_with_its_findings_columns_only_is_the_same(demo):
    """The Same event page reads only EVENT_FINDING_COLUMNS of an event's findings from a store: the view, the
    actor labels and the coverage made from those columns equal those made from every column."""
    from framing.compare import event_view, label_mentions
    from framing.compare.events import EVENT_FINDING_COLUMNS

    narrow = demo.findings[list(EVENT_FINDING_COLUMNS)]
    for event in ("E01", "E04"):
        wide_m, narrow_m = label_mentions(demo.texts, demo.findings), label_mentions(demo.texts, narrow)
        pd.testing.assert_frame_equal(wide_m, narrow_m)
        pd.testing.assert_frame_equal(event_view(demo.articles, demo.findings, event, mentions=wide_m),
                                      event_view(demo.articles, narrow, event, mentions=narrow_m))
        wide, thin = (event_coverage(demo.articles, f, demo.texts, event) for f in (demo.findings, narrow))
        for part in ("outlets", "sentences", "speakers", "speaker_table", "missing"):
            pd.testing.assert_frame_equal(getattr(wide, part), getattr(thin, part))
