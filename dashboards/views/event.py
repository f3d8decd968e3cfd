"""Same event: one story, the outlets that covered it side by side, who each quotes, what each has that the others
do not (and lacks), and each outlet's article highlighted with its shared and unique sentences. The sidebar's filters
apply as on the other pages: the events listed are those of the articles they select, and only those articles of
the event are compared."""

import dataclasses

import cached
import pandas as pd
import streamlit as st
import widgets

from framing.compare.coverage import coverage_layer, coverage_marks
from framing.compare.markdown import esc

# Content the others share that an outlet lacks: the first this many pieces are listed under its article.
MAX_LACKING = 12

ref, name = widgets.context()
filters = widgets.filter_bar(ref)

st.title("Same event")
st.caption("Outlets that covered different stories differ for that reason too; on the same event, the differences "
           "left are choices of words, quotes and sources.")
events = cached.events(ref, filters)
# the filters beside the event, in words (the event filter gives way to the event chosen)
others = dataclasses.replace(filters, events=())
filtered = f"; {others.describe()}" if others.where() else ""
if events.empty and cached.options(ref)["events"]:
    st.warning("No event has articles that match these filters: widen the date range or select other sources.")
    st.stop()
if events.empty:
    st.info("This corpus has no event ids. Give the column that holds them when you open it, e.g. "
            "`framing dashboard --corpus FILE --event-field group_key`, or analyse it with "
            "`framing run FILE --db STORE --event-field NAME` (the `event` field of a JSONL record is read as is).")
    st.stop()

info = events.set_index("event")


def describe(ev: str) -> str:
    r = info.loc[ev]
    title = f": {r['title']}" if isinstance(r["title"], str) and r["title"] else ""
    return f"{ev} · {r['n_sources']} sources · {r['first_date']}{title}"[:160]


event = widgets.choice("Event", events["event"].astype(str).tolist(), format_func=describe, key="event_id")
r = info.loc[event]
widgets.show_text(f"{r['n_articles']} articles by {r['n_sources']} sources, {r['first_date']} to {r['last_date']}"
                  + (f" ({others.describe()})" if filtered else "")
                  + f". Headline shown above: the plainest one, from {r['title_source']}.", "caption")
title = f"{name}, event {event}{filtered}"

with st.spinner("Lining the outlets up..."):
    spec, view, arts = cached.event_tables(ref, event, filters, title)
if len(arts) < int(r["n_articles"]):
    widgets.show_text(f"This event has {int(r['n_articles']):,} articles{' that the filters select' if filtered else ''}"
                      f": compared here are {len(arts):,}, each outlet's first "
                      f"{arts['source'].value_counts(dropna=False).max():,} by date (the chart, the tables and the "
                      "articles below). The Compare page, filtered to this event, has every article's figures.",
                      "caption")
st.vega_lite_chart(spec, width="content", alt="same event chart")  # (three views side by side: their own widths)
widgets.show_text("Hover an outlet for its figures, loaded terms, labels and scare-quoted words.", "caption")


def event_png() -> bytes:  # the matplotlib chart, drawn when its download is asked for
    return cached.event_png(ref, event, filters, title)


widgets.downloads(event_png, view, f"{name}-event-{event}")
cols = ["group", "n_articles", "loaded_author_rate", "loaded_quoted_rate", "loaded_terms", "scare_quotes", "labels",
        "speakers", "verbs", "anonymous_share", "polarity", "subjectivity"]
widgets.table(view[[c for c in cols if c in view.columns]], max_height=520)

coverage = None
if int(r["n_sources"]) >= 2:
    with st.spinner("Comparing the outlets' sentences..."):
        coverage = cached.event_coverage(ref, event, filters)
    for w in coverage.warnings:
        st.warning(esc(w, limit=500), icon=":material/warning:")
    st.subheader("Who each outlet quotes")
    st.caption("Citations per speaker: attributions, and quotations that have no reporting verb of their own (a "
               "quotation with one is counted through its attribution). Names are made one within this event: "
               "titles and descriptions before a name are dropped, full names with the same first and last word are "
               "one person, and a lone surname is that person when only one person of the event has it.")
    widgets.table(coverage.speaker_table, max_height=420)
    widgets.downloads(None, coverage.speakers, f"{name}-event-{event}-speakers")
    st.subheader("What each outlet has that the others do not")
    st.caption(f"Each sentence is compared with every sentence of the other outlets' articles (TF-IDF cosine over "
               f"content words): *shared* when some other outlet has one at least {coverage.threshold:.2f} similar, "
               "*unique* otherwise, *short* (not compared) under three content words. *Lacking*: content two or more "
               "other outlets share and this outlet does not have. Lexical: a paraphrase in other words counts as "
               "unique.")
    cols = ["outlet", "sentences", "shared", "unique", "short", "unique_share", "speakers", "n_speakers_not_cited",
            "speakers_not_cited", "lacking"]
    widgets.table(coverage.outlets[cols], max_height=420)
    widgets.downloads(None, coverage.sentences, f"{name}-event-{event}-sentences")
else:
    st.info(f"One source covers this event{' among the filtered articles' if filtered else ''}: there is nothing to "
            "compare its coverage with.")

st.subheader("The articles, side by side")
arts = arts.assign(_label=arts["source"].astype("string").fillna("(missing)") + " · " + arts["article_id"].astype(str))
labels = arts["_label"].tolist()
# By default the outlets with the most and the fewest loaded terms in their own voice: the sharpest contrast.
order = arts.assign(_rate=arts["lt_author"] / arts["n_words"].clip(lower=1)).sort_values(["_rate", "_label"])
default = list(dict.fromkeys([order["_label"].iloc[-1], order["_label"].iloc[0]]))
chosen = st.multiselect("Outlets to read side by side", labels, default=default, key="ev_outlets",
                        max_selections=4)
if chosen:
    chosen_ids = [str(arts.loc[arts["_label"] == label, "article_id"].iloc[0]) for label in chosen]
    found = cached.findings(ref, tuple(chosen_ids))  # (whole: each finding's explanation is shown on hover)
    texts = cached.texts(ref, tuple(chosen_ids))
    layer = [coverage_layer()] if coverage is not None else []
    extra = {aid: coverage_marks(coverage.sentences, aid, coverage.threshold) if coverage is not None else []
             for aid in chosen_ids}
    widgets.legend(found[found["article_id"].isin(set(chosen_ids))],
                   extra=[m for aid in chosen_ids for m in extra[aid]], extra_layers=layer)
    cols = st.columns(len(chosen))
    for col, aid in zip(cols, chosen_ids, strict=True):
        a = arts[arts["article_id"].astype(str) == aid].iloc[0]
        with col:
            widgets.show_text(a["source"], "strong")
            widgets.show_text(a["title"] if pd.notna(a.get("title")) else aid, "heading")
            widgets.show_text(f"{a.get('date')} · {int(a['n_words']):,} words · id {aid}", "caption")
            if aid in texts:
                widgets.highlighted(texts[aid], found[found["article_id"] == aid], key=f"ev-{aid}",
                                    show_controls=False, with_legend=False, extra=extra[aid], extra_layers=layer)
            if coverage is not None:
                outlet = "(missing)" if pd.isna(a["source"]) else str(a["source"])
                lack = coverage.missing[coverage.missing["outlet"] == outlet]
                with st.expander(f"What other outlets share and this one lacks ({len(lack)})"):
                    if lack.empty:
                        widgets.show_text("Nothing that two or more other outlets share is missing here.",
                                          "caption")
                    for x in lack.head(MAX_LACKING).itertuples(index=False):
                        widgets.show_text(f"{x.present_in}:", "caption")
                        widgets.show_text(x.text)
                    if len(lack) > MAX_LACKING:
                        widgets.show_text(f"... and {len(lack) - MAX_LACKING} more (the sentences table has "
                                          "them all).", "caption")
