"""Analyse your own articles: paste a text or upload a file, analysed with the same engine, and compare it with
the corpus."""

import cached
import pandas as pd
import streamlit as st
import widgets

from framing import plots
from framing.compare import METRICS
from framing.compare.markdown import esc
from framing.explore import language_name, unread_language
from framing.uploads import (
    MAX_UPLOAD_ARTICLES,
    MAX_UPLOAD_BYTES,
    UPLOAD_SUFFIXES,
    analyse_records,
    parse_pasted,
    parse_upload,
)

ref, name = widgets.context()
st.title("Analyse your own articles")
st.caption(f"Paste an article or upload a file (up to {MAX_UPLOAD_BYTES // 2**20} MB, once decompressed, and "
           f"{MAX_UPLOAD_ARTICLES:,} articles): it is analysed here with the same engine and lexicons as the corpus, kept for this session "
           "only, and compared with the corpus.")


def analyse(parsed, label: str) -> None:  # noqa: ANN001
    """Analyse the parsed articles with a progress bar and keep them for this session."""
    if parsed.errors:
        st.warning(f"{len(parsed.errors):,} line(s) or row(s) could not be analysed:")
        widgets.table(pd.DataFrame([{"where": e.origin, "reason": e.reason} for e in parsed.errors]))
    if not parsed.records:
        st.error("Nothing to analyse: no line or row of the file holds an article.")
        return
    bar = st.progress(0.0, text=f"Analysing {len(parsed.records)} article(s)...")
    failed: list = []
    corpus = analyse_records(parsed.records, name=label, failed=failed,
                             progress=lambda i, n: bar.progress(i / n, text=f"Analysed {i} of {n}"))
    bar.empty()
    if failed:
        st.warning(f"{len(failed):,} article(s) could not be analysed and were left out:")
        widgets.table(pd.DataFrame([{"where": e.origin, "reason": e.reason} for e in failed]))
    st.session_state["upload"] = corpus
    st.session_state["upload_label"] = label


paste, upload = st.tabs(["Paste a text", "Upload a file"])
with paste:
    with st.form("paste"):
        text = st.text_area("Article text", height=220, placeholder="Paste the text of one article here")
        c1, c2 = st.columns(2)
        title = c1.text_input("Title (optional)")
        source = c2.text_input("Source (optional)", placeholder="e.g. the outlet's name")
        if st.form_submit_button("Analyse", icon=":material/play_arrow:", type="primary"):
            widgets.run(lambda: analyse(parse_pasted(text, title=title, source=source), "pasted text"))
with upload:
    st.markdown(".txt: one article; .html / .htm: one saved page (its article text is extracted). .csv / .tsv / "
                ".parquet: one article per row, with a `text` column (or `content`, `body`), optional `source`, "
                "`title`, `date`, `id`. .jsonl / .ndjson: one JSON object per line with the same fields. Each may be "
                "gzipped (.jsonl.gz, .csv.gz...).")
    file = st.file_uploader("File", type=[t.lstrip(".") for t in UPLOAD_SUFFIXES], key="file")
    if file is not None and st.session_state.get("upload_file") != file.file_id:
        st.session_state["upload_file"] = file.file_id
        widgets.run(lambda: analyse(parse_upload(file.name, file.getvalue()), file.name))

corpus = st.session_state.get("upload")
if corpus is None:
    st.stop()

st.divider()
label = st.session_state.get("upload_label", "your articles")
st.subheader("Your articles")
widgets.show_text(label, "caption")
a = corpus.articles
summary = a[[c for c in ("article_id", "source", "title", "language", "n_words", "lt_author", "lt_quoted", "q_scare",
                         "attr_count", "polarity", "subjectivity", "n_warnings") if c in a.columns]]
widgets.table(summary)
titles = dict(zip(a["article_id"].astype(str), a["title"] if "title" in a.columns else a["article_id"], strict=True))

# Every warning of every article (the language, the HTML extraction, markup taken out...), as `framing analyse`
# prints them: counted in our words, listed as table cells (text, never Markdown or HTML).
warned = corpus.article_warnings.assign(title=lambda w: w["article_id"].map(titles))
if len(warned):
    n_warned = warned["article_id"].nunique()
    st.warning(f"{n_warned:,} of your {len(a):,} article(s) {'has' if n_warned == 1 else 'have'} warnings "
               f"({len(warned):,} in all): read them before trusting the figures.", icon=":material/warning:")
    widgets.table(warned[["article_id", "title", "warning"]],
                  column_config={"warning": st.column_config.TextColumn(width="large")})
else:
    st.caption("No warnings: every article was read as English text, as it was given.")

aid = st.selectbox("Read one", list(titles), key="upload_article",
                   format_func=lambda i: f"{i} · {titles[i]}" if isinstance(titles[i], str) and titles[i] != i else i)
for w in warned.loc[warned["article_id"] == aid, "warning"]:
    widgets.show_text(f"Warning: {w}", "warning")
found = corpus.findings[corpus.findings["article_id"] == aid]
widgets.highlighted(corpus.texts[aid], found, key="upload")

st.subheader("Beside the corpus")
# An article in a language the engine does not read has no findings: plotted, it would look like the most neutral
# writing of all. It is left out, and the page says which and why.
unread = unread_language(a)
st.caption("Articles in a language other than English are left out of this comparison: the lexicons and rules are "
           "English, so they have no findings, and their zero rates would say nothing about their wording.")
if unread.any():
    langs = a.loc[unread, "language"].astype(str).map(language_name).value_counts()
    st.warning(f"Left out of this comparison: {int(unread.sum()):,} of your {len(a):,} article(s), in "
               + esc(", ".join(f"{k} ({n:,})" for k, n in langs.items()))
               + ". They are listed below; their findings would all be zero.", icon=":material/translate:")
    widgets.table(a.loc[unread, [c for c in ("article_id", "title", "language") if c in a.columns]])
compared = a[~unread]
if compared.empty:
    st.info("None of your articles is in English: there is nothing to compare with the corpus.")
    st.stop()
labels = {m.name: f"{m.label} ({m.unit})" for m in METRICS}
metric = st.selectbox("Measure", list(labels), format_func=labels.get, key="upload_metric",
                      index=list(labels).index("loaded_author_rate"))
with st.spinner("Comparing..."):
    r = cached.upload_rates(ref, compared, metric)
fig = plots.plot_rates(r, metric, corpus=f"{name} + {label}")
png = cached.png(fig)
left, right = st.columns([3, 2])
left.image(png, width="stretch", alt="your articles beside the corpus")
table = r[["group", "value", "lo", "hi", "n_articles", "low_n", "note"]]
widgets.downloads(png, table, f"{label}-vs-{name}-{metric}", where=left)
with right:
    widgets.table(table, max_height=480)
    st.caption("Your articles are the groups marked \"(uploaded)\". One article has no interval: resampling one "
               "article tells nothing.")
