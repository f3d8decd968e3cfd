"""Lexicons: browse and search every entry; add or switch off loaded terms for this session and see the figures
of some articles change; download the lexicon, edited or not."""

import cached
import pandas as pd
import streamlit as st
import widgets

from framing.compare.markdown import esc
from framing.explore import edit_sample, lexicon_frame
from framing.lexicons import CATEGORIES, fold_words, read_index

# Articles re-analysed with the edited lexicon: enough to see a pattern, few enough for a second or two.
SAMPLE_SIZES = (5, 10, 20, 50)
# Articles searched for the edited terms, so that the sample shows the edits at work.
SEARCH_LIMIT = 2000

ref, name = widgets.context()
filters = widgets.filter_bar(ref)
st.title("Lexicons")
st.caption("The word lists behind the findings: tidy CSV files in data/lexicons/, versioned and hashed; every "
           "report records which version and file it used.")
if custom := cached.custom_lexicons(ref):
    st.info(f"This store's articles were analysed with {esc(', '.join(custom))} (`framing run --lexicon`): its "
            "findings come from that lexicon, not from the bundled one shown here, and the edits below start from the "
            "bundled one.", icon=":material/info:")

specs = read_index()
which = widgets.choice("Lexicon", list(specs), format_func=lambda n: f"{n} (version {specs[n].version})",
                       key="lexicon")
lx = cached.lexicon(which)
widgets.show_text(specs[which].description)
c1, c2 = st.columns([2, 3])
query = c1.text_input("Search terms, neutral alternatives and notes", key="lq", bind="query-params")
cats = c2.multiselect("Categories", list(CATEGORIES[lx.kind]), key="lcat", placeholder="all")
entries = lexicon_frame(lx, query=query, categories=cats or None)
widgets.show_text(f"{len(entries):,} of {len(lx.entries):,} entries · {lx.label}", "caption")
widgets.table(entries, max_height=380)
st.download_button(f"Download {which}.csv", lx.to_csv().encode("utf-8"), file_name=f"{which}.csv", mime="text/csv",
                   on_click="ignore", icon=":material/download:")

st.divider()
st.subheader("Edit the loaded terms for this session")
st.caption("Add a term or switch terms off, then see how the loaded-term figures of some articles change. Nothing "
           "is written to disk: download the edited lexicon to keep it (it validates with "
           "`framing lexicon validate FILE`, and `framing analyse --lexicon FILE` and `framing run --lexicon FILE` "
           "use it).")
loaded = cached.lexicon("loaded_terms")
added: list[tuple[str, str, float, str, str]] = st.session_state.setdefault("lex_added", [])
with st.form("add-term", clear_on_submit=True):
    f1, f2, f3 = st.columns([2, 2, 1])
    term = f1.text_input("Term (a word or phrase; inflected forms of a single word are found too)")
    category = f2.selectbox("Category", list(CATEGORIES["loaded_terms"]))
    weight = f3.number_input("Weight", 0.0, 1.0, 0.6, 0.05)
    f4, f5 = st.columns(2)
    neutral = f4.text_input("Neutral alternative (optional)")
    note = f5.text_input("Note (optional)")
    if st.form_submit_button("Add the term", icon=":material/add:"):
        if not fold_words(term):
            st.error("Give a term with at least one letter.")
        else:
            added[:] = [a for a in added if a[0].lower() != term.strip().lower()]
            added.append((term.strip(), category, float(weight), neutral.strip(), note.strip()))
disabled = st.multiselect("Switch off terms", sorted({e.term for e in loaded.entries}), key="lex_disabled",
                          placeholder="choose terms of the lexicon")
if added:
    st.markdown("**Terms you added**")
    widgets.table(pd.DataFrame(added, columns=["term", "category", "weight", "neutral", "note"]))
    if st.button("Remove the added terms", icon=":material/delete:"):
        added.clear()
        st.rerun()
if not added and not disabled:
    st.info("No edits yet: add a term or switch some off to compare.")
    st.stop()

edited = cached.edited_lexicons(tuple(added), tuple(disabled))
st.download_button("Download the edited loaded_terms.csv", edited.loaded_terms.to_csv().encode("utf-8"),
                   file_name="loaded_terms.edited.csv", mime="text/csv", on_click="ignore",
                   icon=":material/download:")
widgets.show_text(f"Edited lexicon: {edited.loaded_terms.label}, {len(edited.loaded_terms.entries):,} entries.",
                  "caption")

st.subheader("How the figures change")
n = st.segmented_control("Articles to re-analyse", SAMPLE_SIZES, default=20, key="lex_n") or 20
articles = cached.articles(ref, filters)
ids = articles["article_id"].astype(str).tolist()
pool = tuple(ids[:SEARCH_LIMIT])
tx = cached.texts(ref, pool)
sample = tuple(edit_sample({i: tx[i] for i in pool if i in tx}, cached.findings(ref, pool, ("loaded_term",)),
                           added=[a[0] for a in added], disabled=disabled, n=n))
with st.spinner(f"Analysing {len(sample)} articles with both lexicons..."):
    result = cached.rescored(ref, sample, tuple(added), tuple(disabled))
a = result.articles
m1, m2, m3 = st.columns(3)
m1.metric("Loaded terms in these articles", f"{a['loaded_after'].sum():,}",
          delta=f"{a['loaded_after'].sum() - a['loaded_before'].sum():+,}", delta_color="off")
mean0, mean1 = a["rate_before"].mean(), a["rate_after"].mean()
m2.metric("Mean rate per 1,000 words", f"{mean1:.2f}", delta=f"{mean1 - mean0:+.2f}", delta_color="off")
m3.metric("Articles whose figures changed", f"{int((a['loaded_after'] != a['loaded_before']).sum())} of {len(a)}")
widgets.table(a, max_height=360)
widgets.downloads(None, a, "lexicon-edit-articles")
if len(result.terms):
    st.markdown("**Terms whose counts changed**")
    widgets.table(result.terms)
