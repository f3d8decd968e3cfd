"""Same event: one story, the outlets that covered it side by side, and each outlet's article highlighted."""

import cached
import pandas as pd
import streamlit as st
import widgets

ref, name = widgets.context()

st.title("Same event")
st.caption("Outlets that covered different stories differ for that reason too; on the same event, the differences "
           "left are choices of words, quotes and sources.")
events = cached.events(ref)
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
widgets.show_text(f"{r['n_articles']} articles by {r['n_sources']} sources, {r['first_date']} to {r['last_date']}. "
                  f"Headline shown above: the plainest one, from {r['title_source']}.", "caption")

with st.spinner("Lining the outlets up..."):
    png, view, arts = cached.event_tables(ref, event, f"{name}, event {event}")
st.image(png, width="stretch", alt="same event chart")
widgets.downloads(png, view, f"{name}-event-{event}")
cols = ["group", "n_articles", "loaded_author_rate", "loaded_quoted_rate", "loaded_terms", "scare_quotes", "labels",
        "speakers", "verbs", "anonymous_share", "polarity", "subjectivity"]
widgets.table(view[[c for c in cols if c in view.columns]], max_height=520)

st.subheader("The articles, side by side")
ids = tuple(arts["article_id"].astype(str))
texts = cached.texts(ref, ids)
found = cached.findings(ref, ids)
arts = arts.assign(_label=arts["source"].astype("string").fillna("(missing)") + " · " + arts["article_id"].astype(str))
labels = arts["_label"].tolist()
# By default the outlets with the most and the fewest loaded terms in their own voice: the sharpest contrast.
order = arts.assign(_rate=arts["lt_author"] / arts["n_words"].clip(lower=1)).sort_values(["_rate", "_label"])
default = list(dict.fromkeys([order["_label"].iloc[-1], order["_label"].iloc[0]]))
chosen = st.multiselect("Outlets to read side by side", labels, default=default, key="ev_outlets",
                        max_selections=4)
if chosen:
    widgets.legend(found[found["article_id"].isin(set(arts.loc[arts["_label"].isin(chosen), "article_id"]))])
    cols = st.columns(len(chosen))
    for col, label in zip(cols, chosen, strict=True):
        a = arts[arts["_label"] == label].iloc[0]
        aid = str(a["article_id"])
        with col:
            widgets.show_text(a["source"], "strong")
            widgets.show_text(a["title"] if pd.notna(a.get("title")) else aid, "heading")
            widgets.show_text(f"{a.get('date')} · {int(a['n_words']):,} words · id {aid}", "caption")
            if aid in texts:
                widgets.highlighted(texts[aid], found[found["article_id"] == aid], key=f"ev-{aid}",
                                    show_controls=False, with_legend=False)
