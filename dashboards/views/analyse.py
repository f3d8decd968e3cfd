"""Analyse your own articles: paste a text or upload a file, analysed with the same engine, and compare it with
the corpus."""

import cached
import pandas as pd
import streamlit as st
import widgets

from framing import plots
from framing.compare import METRICS
from framing.compare.markdown import esc
from framing.corpus.fields import CANDIDATES, Mapping
from framing.explore import language_name, unread_language
from framing.uploads import (
    FIELDS_SECTION,
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
           f"{MAX_UPLOAD_ARTICLES:,} articles): it is analysed here with the same engine as the corpus and the bundled "
           "lexicons, kept for this session only, and compared with the corpus.")
if custom := cached.custom_lexicons(ref):
    st.warning(f"The corpus was analysed with {esc(', '.join(custom))} (`framing run --lexicon`), not the bundled "
               "one that analyses your articles here: their loaded-term figures are not comparable with the corpus'. "
               "To compare them, add your articles to the store with `framing run` and the same `--lexicon`.",
               icon=":material/warning:")

# The article fields a user maps to the columns of an uploaded file (framing run's --text-field, --source-field...),
# with the keys of their widgets; the choice is kept in the session until another file is uploaded.
FIELDS = {"text": "Text", "source": "Source", "date": "Date", "title": "Title"}
FIELD_KEYS = (*(f"map_{f}" for f in FIELDS), "map_date_format")
NONE = ""  # the choice of an optional field that no column of the file is


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


def read_upload(file, mapping: Mapping) -> None:  # noqa: ANN001
    """Read the uploaded file with this field mapping; analyse it, unless no column is its text (then the page asks
    which column is, under Fields)."""
    st.session_state.pop("upload", None)  # the articles read before, with other fields
    parsed = parse_upload(file.name, file.getvalue(), mapping=mapping)
    st.session_state["upload_fields"] = (parsed.columns, parsed.found())
    if not parsed.lacks("text"):
        analyse(parsed, file.name)


def submit_fields() -> None:
    """The fields chosen under Fields: read the file again with them (on the next run of the page, where its
    messages go)."""
    text = st.session_state.get("map_text")
    if text is None:
        st.session_state["upload_no_text"] = True
        return
    picked = {f: st.session_state.get(f"map_{f}") or None for f in FIELDS if f != "text"}
    st.session_state["upload_pending"] = Mapping(text=text, **picked,
                                                 date_format=st.session_state.get("map_date_format", "").strip() or None)


def choose_fields(file) -> None:  # noqa: ANN001
    """The columns of a file of rows or objects, and which of them holds the text, the source, the date and the title
    (framing run's field mapping). Opened, with a message saying what to choose, when no column has one of the usual
    names of the text or of the source."""
    kept = st.session_state.get("upload_fields")
    if not kept or not kept[0]:
        return  # a one-article file (.txt, .html), or one that could not be read
    columns, found = kept
    names = [c.name for c in columns]
    if found["text"] is None:
        st.warning(esc(f"{file.name}: no column has one of the usual names of the article text "
                       f"({', '.join(CANDIDATES['text'])}). Choose the column that holds the text under "
                       f"\"{FIELDS_SECTION}\" below, then press \"Analyse with these fields\".", limit=1000),
                   icon=":material/table_view:")
    elif found["source"] is None:
        st.info(f"No column has one of the usual names of the outlet ({', '.join(CANDIDATES['source'])}), so your "
                f"articles are compared as one group. If a column names each article's outlet, choose it as the Source "
                f"under \"{FIELDS_SECTION}\" below, then press \"Analyse with these fields\".",
                icon=":material/table_view:")
    if st.session_state.pop("upload_no_text", False):
        st.error("Choose the column that holds the article text (Text), then press \"Analyse with these fields\".")
    with st.expander(f"{FIELDS_SECTION}: which column holds the text, the source, the date and the title",
                     expanded=found["text"] is None or found["source"] is None, icon=":material/table_view:"):
        widgets.table(pd.DataFrame([{"column": c.name, "rows with a value": c.filled, "first value": c.example}
                                    for c in columns]), max_height=300)
        with st.form("fields", border=False):
            st.selectbox("Text (required)", names, index=names.index(found["text"]) if found["text"] else None,
                         placeholder="Choose the column that holds the article text", key="map_text")
            for box, f in zip(st.columns(3), ("source", "date", "title"), strict=True):
                # a field the reader finds by one of its usual names is preselected; otherwise none is
                options = names if found[f] else [NONE, *names]
                box.selectbox(f"{FIELDS[f]} (optional)", options, index=options.index(found[f]) if found[f] else 0,
                              format_func=lambda n: n or "(none)", key=f"map_{f}")
            st.text_input("Date format (optional)", placeholder="e.g. %d/%m/%Y", key="map_date_format",
                          help="How the dates are written, when they are not ISO (2020-05-04) or a written month "
                               "(4 May 2020): %d day, %m month, %Y year, as in Python's strptime. 04/05/2020 is "
                               "ambiguous without it.")
            st.form_submit_button("Analyse with these fields", icon=":material/play_arrow:", on_click=submit_fields)


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
                f"`title`, `date`, `id`; if yours are under other names, choose them under {FIELDS_SECTION}. .jsonl / "
                ".ndjson: one JSON object per line with the same fields. Each may be gzipped (.jsonl.gz, .csv.gz...).")
    file = st.file_uploader("File", type=[t.lstrip(".") for t in UPLOAD_SUFFIXES], key="file")
    if file is not None:
        if st.session_state.get("upload_file") != file.file_id:  # a new file: read with the usual field names
            st.session_state["upload_file"] = file.file_id
            for k in ("upload", "upload_fields", "upload_no_text", *FIELD_KEYS):
                st.session_state.pop(k, None)
            st.session_state["upload_pending"] = Mapping()
        pending = st.session_state.pop("upload_pending", None)
        if pending is not None:
            widgets.run(lambda: read_upload(file, pending))
        choose_fields(file)

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
st.caption("Articles in a language other than English are left out of this comparison, yours and the corpus': the "
           "lexicons and rules are English, so such articles have no findings (or findings that mean little), and "
           "their rates would say nothing about their wording.")
if unread.any():
    counts = a.loc[unread, "language"].astype(str).map(language_name).value_counts()
    langs = counts.loc[sorted(counts.index, key=lambda k: (-counts[k], k))]  # (ties in a fixed order)
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
