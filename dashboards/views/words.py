"""Word choice: the terms that set each group apart, the labels each gives the same kinds of actor, example
sentences for any term, and who each group quotes (quotations and quoted words by speaker role)."""

import cached
import streamlit as st
import widgets

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
with st.spinner("Scoring the terms..."):
    spec, terms = cached.terms_table(ref, filters, by, title)
for w in terms.attrs.get("warnings", []):
    widgets.show_text(w, "caption")


def terms_png() -> bytes:  # the matplotlib chart, drawn when its download is asked for
    return cached.terms_png(ref, filters, by, title)


widgets.filtering_chart(spec, ref, by, key="terms-chart", alt="distinctive terms chart")
widgets.show_text(f"Hover a bar for its figures; click a group's bar to show only its articles (it becomes the {by} "
                  "filter in the sidebar).", "caption")
widgets.downloads(terms_png, terms, f"{name}-distinctive-terms-by-{by}")
with st.expander("The table, with an example of each term in context", expanded=False):
    widgets.table(terms[["group", "rank", "term", "count", "rate", "rate_rest", "z", "example"]]
                  if len(terms) else terms, max_height=520)

st.subheader("Labels for the same actors")
st.caption("How each group names the same kind of actor (armed groups, governments, crowds, migrants...), from "
           "the actor-labels lexicon: the share of each label within its concept, with an example sentence. "
           "Labels are matched as words, without knowing whom they refer to.")
lex = cached.lexicon("actor_labels")
concepts = sorted({e.category for e in lex.entries})
concept = st.selectbox("Concept", ["(all)", *concepts], key="concept", bind="query-params")
with st.spinner("Finding the labels..."):
    labels, n_read, sampled = cached.labels_table(ref, filters, by)
    png2 = cached.labels_chart(ref, filters, by, None if concept == "(all)" else concept, title)
if sampled:
    st.caption(f"Read in a seeded sample of {n_read:,} of the {n_articles:,} articles.")
shown = labels if concept == "(all)" else labels[labels["concept"] == concept]
st.image(png2, width="stretch", alt="actor labels chart")
widgets.downloads(png2, shown, f"{name}-actor-labels-by-{by}")
with st.expander("The table, with an example sentence for each label", expanded=concept != "(all)"):
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
