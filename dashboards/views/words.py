"""Word choice: the terms that set each group apart, the labels each gives the same kinds of actor, example
sentences for any term, and who each group quotes (quotations and quoted words by speaker role)."""

from typing import Any

import cached
import streamlit as st
import widgets

from framing.chartstyle import TERM_GROUPS, most_articles

ref, name = widgets.context()
filters = widgets.filter_bar(ref)

st.title("Word choice")
by = widgets.grouping(ref)
n_articles = cached.count(ref, filters)
if not n_articles:
    st.warning("No article matches these filters.")
    st.stop()
title = f"{name}; {filters.describe()}"

st.subheader("Distinctive terms")
st.caption("For each group against all the others: terms ranked by the z-score of the log-odds ratio with an "
           "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). Distinctive of the coverage as much as of "
           "the style: a group that covers floods more says \"flood\" more.")
# The store keeps the words' counts per month: a date range of other days would count every selected text (minutes
# on a million articles), so the terms are counted by whole months unless the user asks for the exact days.
term_filters, term_title = filters, title
months = filters.whole_months()
if months != filters and cached.terms_by_month(ref, months, by):
    widgets.flag("exact_days")
    exact = st.toggle("Count the exact days", key="exact_days", bind="query-params",
                      help="Count the words of every selected article's text instead of the store's monthly counts: "
                           "the exact date range, slower on a large corpus.")
    if not exact:
        st.caption(f"Counted by whole months, {months.date_from or '...'} to {months.date_to or '...'}: the store "
                   "keeps the words' counts per month. The labels and speaker roles below, and the other pages, use "
                   "the exact days.")
        term_filters, term_title = months, f"{name}; {months.describe()}"
with st.spinner("Scoring the terms..."):
    spec, terms = cached.terms_table(ref, term_filters, by, term_title)
for w in terms.attrs.get("warnings", []):
    widgets.show_text(w, "caption")


def terms_png() -> bytes:  # the matplotlib chart, drawn when its download is asked for
    return cached.terms_png(ref, term_filters, by, term_title)


widgets.filtering_chart(spec, ref, by, key="terms-chart", alt="distinctive terms chart")
_, left_out = most_articles(terms, TERM_GROUPS) if len(terms) else ([], "")
widgets.show_text((f"The chart shows {left_out}; the table below and its CSV have every group's terms. " if left_out
                   else "") + f"Hover a bar for its figures; click a group's bar to show only its articles (it "
                  f"becomes the {by} filter in the sidebar).", "caption")


def terms_csv() -> bytes:  # the table with its examples, found when the download is asked for
    return cached.terms_examples(ref, term_filters, by).to_csv(index=False).encode("utf-8")


widgets.downloads(terms_png, terms_csv, f"{name}-distinctive-terms-by-{by}")
# The examples read a text per term: found when the table is opened (its state is in the URL)
widgets.flag("terms_table")
with st.expander("The table, with an example of each term in context", key="terms_table", bind="query-params",
                 on_change="rerun") as box:
    if box.open:
        full = cached.terms_examples(ref, term_filters, by)
        widgets.table(full[["group", "rank", "term", "count", "rate", "rate_rest", "z", "example"]]
                      if len(full) else full, max_height=520)

st.subheader("Labels for the same actors")
st.caption("How each group names the same kind of actor (armed groups, governments, crowds, migrants...), from "
           "the actor-labels lexicon: the share of each label within its concept, with an example sentence. "
           "Labels are matched as words, without knowing whom they refer to.")
lex = cached.lexicon("actor_labels")
concepts = sorted({e.category for e in lex.entries})
concept = widgets.choice("Concept", ["(all)", *concepts], key="concept")
picked = None if concept == "(all)" else concept
with st.spinner("Finding the labels..."):
    labels_spec, _, n_read, sampled = cached.labels_chart(ref, filters, by, picked, title)
if sampled:
    st.caption(f"Read in a seeded sample of {n_read:,} of the {n_articles:,} articles.")
widgets.filtering_chart(labels_spec, ref, by, key="labels-chart", alt="actor labels chart")


def labels_png() -> bytes:  # the matplotlib chart, drawn when its download is asked for
    return cached.labels_png(ref, filters, by, picked, title)


def of_concept(table: Any) -> Any:
    return table if concept == "(all)" else table[table["concept"] == concept]


def labels_csv() -> bytes:  # the table with its example sentences, found when the download is asked for
    return of_concept(cached.labels_table(ref, filters, by)[0]).to_csv(index=False).encode("utf-8")


widgets.downloads(labels_png, labels_csv, f"{name}-actor-labels-by-{by}")
widgets.flag("labels_table")
with st.expander("The table, with an example sentence for each label", expanded=concept != "(all)",
                 key="labels_table", bind="query-params", on_change="rerun") as box:
    if box.open:
        shown = of_concept(cached.labels_table(ref, filters, by)[0])
        cols = [c for c in ("group", "concept", "label", "weight", "count", "share", "quoted", "scare", "example")
                if c in shown.columns]
        widgets.table(shown[cols] if len(shown) else shown, max_height=520)

st.subheader("Example sentences")
term = st.text_input("A term to see in context", key="term", bind="query-params",
                     placeholder="e.g. regime, so-called, thugs")
if term.strip():
    hits = cached.occurrences(ref, filters, term.strip(), 200)
    st.caption(f"{len(hits):,} occurrence(s)" + (" (the first 200)" if len(hits) >= 200 else ""))
    widgets.table(hits, max_height=400)
    widgets.downloads(None, hits, f"{name}-kwic-{term}")

st.subheader("Who is quoted: speaker roles")
st.caption("The share of attributed quotations (direct or partial, with a speaker), and of their words, by the "
           "speaker's role, with 95% intervals over articles. The role is read from the article's own "
           "words (a title, an apposition, the first mention); unknown when the article does not say. Measured "
           "accuracy and limits: README, \"Speaker roles\".")
for family, unit in (("quote_role", "quotations"), ("quoted_words_role", "words")):
    with st.spinner("Computing the shares..."):
        kt = cached.role_table(ref, filters, by, family)
    if kt.empty:
        st.caption(f"No attributed quotation in these articles ({unit}).")
        continue
    widgets.table(kt.rename(columns={"denominator": unit}), max_height=400)
    widgets.downloads(None, kt, f"{name}-{family}-by-{by}")
