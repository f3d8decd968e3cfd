"""Distinctive terms (log-odds with an informative Dirichlet prior), KWIC, actor labels, speakers and verbs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.compare import wordchoice as wc
from framing.compare.terms import count_terms, terms_of, tokenize

from .helpers import article_rows, make_corpus


def toy():
    texts = {
        "a1": "The apple harvest was good. Apples and more apple pies.",
        "a2": "An apple a day. The apple market rose.",
        "a3": "Apple growers met the minister on Monday.",
        "b1": "The banana harvest was good. Banana boats arrived.",
        "b2": "A banana a day. The banana market rose.",
        "b3": "Banana growers met the minister on Monday.",
    }
    articles = article_rows([{"article_id": k, "source": "Orchard" if k[0] == "a" else "Plantation",
                              "n_words": 10} for k in texts])
    return articles, texts


def test_log_odds_formula_by_hand():
    y_i, y_j, alpha = np.array([5.0, 1.0]), np.array([1.0, 5.0]), np.array([1.0, 1.0])
    delta, z = wc.log_odds_dirichlet(y_i, y_j, alpha)
    # n_i = n_j = 6, a0 = 2: log(6/2) - log(2/6) for the first term
    assert delta[0] == pytest.approx(math.log(6 / 2) - math.log(2 / 6))
    assert z[0] == pytest.approx(delta[0] / math.sqrt(1 / 6 + 1 / 2))
    assert delta[1] == pytest.approx(-delta[0])


def test_the_obvious_distinctive_word_wins():
    articles, texts = toy()
    t = wc.distinctive_terms(articles, texts, top=3, drop_own_name=False,
                             config=wc.DEFAULT.__class__(min_term_count=2))
    first = t[t["rank"] == 1].set_index("group")["term"]
    assert first["Orchard"] == "apple"
    assert first["Plantation"] == "banana"
    row = t[(t["group"] == "Orchard") & (t["term"] == "apple")].iloc[0]
    assert row["count"] == 5 and row["count_rest"] == 0 and row["z"] > 0 and row["n_articles_with"] == 3
    # the example points at the term in the original text
    s, e = int(row["example_start"]), int(row["example_end"])
    assert texts[row["example_article_id"]][s:e].lower().startswith("apple")
    assert "[" in row["example"]
    # shared words are not distinctive
    assert "minister" not in set(t["term"])


def test_each_term_row_has_its_groups_articles():
    """n_articles is the group's articles (which the charts choose groups by), those without a distinctive term
    included; n_articles_with those that use the term."""
    articles, texts = toy()
    articles = pd.concat([articles, article_rows([{"article_id": "a4", "source": "Orchard", "n_words": 3}])])
    texts = {**texts, "a4": "Nothing here."}
    t = wc.distinctive_terms(articles, texts, top=3, config=wc.DEFAULT.__class__(min_term_count=2))
    assert t.groupby("group")["n_articles"].unique().map(list).to_dict() == {"Orchard": [4], "Plantation": [3]}
    assert list(t.columns) == list(wc.TERM_COLUMNS) and list(t.columns[:2]) == ["group", "n_articles"]


def test_distinctive_terms_for_many_groups_and_one_group():
    articles, texts = toy()
    articles = articles.assign(source=["A", "B", "C", "D", "E", "F"])
    t = wc.distinctive_terms(articles, texts, config=wc.DEFAULT.__class__(min_term_count=1))
    assert set(t["group"]) <= set("ABCDEF")
    one = wc.distinctive_terms(articles.assign(source="Only"), texts)
    assert one.empty and any("only one group" in w for w in one.attrs["warnings"])


def test_an_outlet_naming_itself_with_the_words_of_outlets_names_is_left_out():
    import pandas as pd

    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)],
                             "source": ["Fox", "Fox", "Fox", "Ledger", "Ledger", "Ledger"]})
    texts = {f"a{i}": ("Fox News reported on the border wall and the border wall again. Fox News said news matters."
                       if i < 3 else "The Ledger reported on rents and rents and the housing market.")
             for i in range(6)}
    t = wc.distinctive_terms(articles, texts, top=10, config=wc.DEFAULT.__class__(min_term_count=1))
    fox = set(t[t["group"] == "Fox"]["term"])
    assert "fox news" not in fox and "fox" not in fox and "border wall" in fox
    assert "news" in fox  # a word of outlets' names alone is no self-reference


def test_own_name_is_left_out(demo):
    t = wc.distinctive_terms(demo.articles, demo.texts)
    tattler = set(t[t["group"] == "The Daily Tattler"]["term"])
    assert "tattler" not in tattler and "fumed" in tattler
    assert "regime" in set(t[t["group"] == "Patriot Dispatch"]["term"])


def test_tokens_and_terms():
    assert tokenize("Kessel’s so-called “experts”, the U.S. and I") == ["kessel", "so-called", "experts", "the", "and"]
    assert terms_of("radical left, illegal migrants", ngrams=2)[-2:] == ["radical left", "illegal migrants"]
    assert "left illegal" not in terms_of("radical left, illegal migrants", ngrams=2)
    c = count_terms({"x": "apple apple pear", "y": "pear"}, min_count=2)
    assert list(c.terms) == ["apple", "pear"] and c.matrix.toarray().tolist() == [[2, 1], [0, 1]]


def test_kwic_offsets_are_exact():
    texts = {"a": "The regime’s army and the Regime.\nA regimen is not a regime", "b": "no match"}
    k = wc.kwic(texts, "regime", window=10)
    assert len(k) == 3
    for r in k.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.match
    assert "\n" not in "".join(k["left"]) + "".join(k["right"])
    assert wc.kwic(texts, "so-called").empty


def test_label_mentions_with_voice_and_scare_quotes():
    c = make_corpus([
        {"id": "x", "source": "S", "text": 'Militants attacked the post. "These terrorists will pay," the minister '
                                            'said. The so-called "peaceful protesters" gathered.'},
    ])
    m = wc.label_mentions(c.texts, c.findings)
    by_label = m.set_index("label")
    assert by_label.loc["militant", "voice"] == "author"
    assert by_label.loc["terrorist", "voice"] == "quoted"
    assert by_label.loc["militant", "concept"] == "armed_group" and by_label.loc["terrorist", "weight"] > 0
    assert bool(by_label.loc["peaceful protester", "scare"])
    for r in m.itertuples():
        assert c.texts[r.article_id][r.start:r.end] == r.text


def test_actor_label_table(demo):
    m = wc.label_mentions(demo.texts, demo.findings)
    t = wc.actor_labels(m, demo.articles, demo.texts)
    shares = t.groupby(["group", "concept"])["share"].sum()
    assert np.allclose(shares, 1.0)
    ksna = t[(t["group"] == "Kestrel State News Agency") & (t["concept"] == "armed_group")]
    assert "resistance fighter" in set(ksna["label"])
    row = t.iloc[0]
    assert row["example"] and "[" in row["example"]
    assert wc.actor_labels(m.iloc[:0], demo.articles).empty


def test_speakers_and_verbs(demo):
    sp = wc.speakers(demo.findings, demo.articles, top=5)
    assert set(sp.columns) == set(wc.SPEAKER_COLUMNS)
    assert sp.groupby("group").size().max() <= 5
    ksna = sp[sp["group"] == "Kestrel State News Agency"]
    assert (ksna["endorsing"] > 0).any()
    vb = wc.reporting_verbs(demo.findings, demo.articles)
    sentinel = vb[vb["group"] == "The Valdoria Sentinel"].set_index("cue_lemma")
    assert sentinel.loc["claim", "stance"] == "distancing"
    assert np.allclose(vb.groupby("group")["share"].sum(), 1.0)


def test_speakers_of_a_source_without_findings():
    articles = article_rows([{"article_id": "q", "source": "Quiet", "n_words": 5}])
    empty = pd.DataFrame(columns=["article_id", "type", "start", "end", "speaker", "source", "source_type",
                                  "cue_lemma", "stance", "direct"])
    assert wc.speakers(empty, articles).empty
    assert wc.reporting_verbs(empty, articles).empty
