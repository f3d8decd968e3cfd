"""Overview: the corpus at a glance, and where its data came from."""

import cached
import streamlit as st
import widgets

from framing.workspace import demo_corpus

ref, name = widgets.context()
choice = cached.data_choice()
s, sources = cached.overview(ref)

st.title("Overview")
st.markdown("How do outlets frame the news? `framing` finds **loaded terms**, **scare quotes**, **direct and "
            "partial quotes** and **who is quoted, with which verb**, in every article, and compares sources "
            "with intervals. Its figures are *signals of framing*, not verdicts of bias.")
if choice.kind == "demo":
    st.info("This is the bundled **demo corpus**: invented articles by ten fictional outlets about seventeen "
            "invented events, written to show what the analyser sees. It is not evidence about real media. "
            "Open your own corpus with `framing dashboard --corpus PATH` or a store with "
            "`framing dashboard --db PATH`.", icon=":material/info:")

# the dates as two figures: "2026-01-12 to 2026-09-14" as one was cut off in a 1400-pixel window
c = st.columns([1, 1, 1.2, 1, 1.3, 1.3])
c[0].metric("Articles", f"{s['articles']:,}")
c[1].metric("Sources", f"{s['sources']:,}")
c[2].metric("Words", f"{s['words']:,}")
c[3].metric("Events", f"{s['events']:,}" if s["events"] else "none")
c[4].metric("First date", s["first_date"] or "none")
c[5].metric("Last date", s["last_date"] or "none")

st.subheader("Sources")
widgets.table(sources, max_height=600)
widgets.downloads(None, sources, f"{name}-sources")

st.subheader("Where the data came from")
runs, manifest, errors, inputs = cached.runs(ref)
widgets.show_text(f"Data: {choice.label}" + ("." if choice.kind == "db" else f", analysed into the cached store "
                                                                          f"{ref[0]}."))
if choice.kind == "demo":
    with st.expander("About the demo corpus (data/demo/README.md)"):
        st.markdown((demo_corpus().parent / "README.md").read_text(encoding="utf-8"))  # our own file, trusted
if len(inputs):
    st.markdown("**Inputs** of every run (with their SHA-256, so that a figure can be traced to the exact file, and "
                "the runs that read each):")
    widgets.table(inputs)
vers = manifest.get("versions") or {}
if vers:
    lex = vers.get("lexicons", {})
    widgets.show_text(f"Analysis: framing {vers.get('framing', '?')}; lexicons "
                      + ", ".join(f"{k} {v.get('version')} (sha256 {str(v.get('sha256'))[:12]})"
                                  for k, v in lex.items()) + ".")
st.markdown("**Runs** of the store (each `framing run` that wrote to it):")
widgets.table(runs)
if len(errors):
    st.warning(f"{len(errors):,} input item(s) could not be analysed; they are listed below with the reason.")
    widgets.table(errors.head(1000))
with st.expander("Full manifest of the last run (JSON)"):
    st.json(manifest, expanded=False)
