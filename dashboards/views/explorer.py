"""Article explorer: search and pick an article, read it with every finding highlighted and explained, and see
its figures beside its outlet's."""

import cached
import pandas as pd
import streamlit as st
import widgets

from framing.compare.metrics import HEADLINE
from framing.compare.stats import rate_columns
from framing.explore import Filters, article_vs_outlet
from framing.highlight import findings_table

ref, name = widgets.context()
filters = widgets.filter_bar(ref)

st.title("Article explorer")
query = st.text_input("Search titles, sources and ids", key="q", bind="query-params",
                      placeholder="words of the title or the source, e.g. border Sentinel")
hits = cached.search(ref, filters, query, 200)  # in the store: only the hits are read
ids = hits["article_id"].astype(str).tolist()
first = ids[0] if ids else None
wanted = st.query_params.get("article")
shown = hits
if wanted and wanted not in ids:
    extra = cached.article_rows(ref, (wanted,))
    if len(extra):  # a shared link to an article outside the current search still opens it
        ids.insert(0, wanted)
        shown = pd.concat([extra, hits], ignore_index=True)
if not ids:
    st.info("No article matches the search and the filters.")
    st.stop()
st.caption(f"{len(hits):,} article(s) match" + (" (the first 200 are listed)" if len(hits) >= 200 else ""))

rows = shown.set_index(shown["article_id"].astype(str))


def describe(aid: str) -> str:
    r = rows.loc[aid]
    title = r.get("title")
    return " · ".join(str(x) for x in (r.get("date"), r.get("source"), title if pd.notna(title) else aid)
                      if x is not None and pd.notna(x))


aid = widgets.choice("Article", ids, format_func=describe, key="article", default=first)
row = rows.loc[aid]
text = cached.texts(ref, (aid,)).get(aid)
if text is None:
    st.error("The store has no text for this article.")
    st.stop()
found = cached.findings(ref, (aid,))

widgets.show_text(row.get("title") if pd.notna(row.get("title")) else aid, "heading")
meta = [f"{k}: {row.get(k)}" for k in ("source", "date", "leaning", "event", "topic") if pd.notna(row.get(k))]
widgets.show_text(" · ".join(meta + [f"id: {aid}", f"{int(row['n_words']):,} words"]), "caption")
if pd.notna(row.get("url")):
    widgets.show_text(f"URL (shown as text, not a link): {row.get('url')}", "caption")

left, right = st.columns([3, 2])
with left:
    widgets.highlighted(text, found, key="explorer")
with right:
    st.markdown("**This article beside its outlet**")
    outlet = cached.numbers(ref, Filters(sources=(str(row["source"]),)) if pd.notna(row.get("source")) else filters,
                            rate_columns(HEADLINE, "source"))  # only the columns the comparison reads
    cmp = article_vs_outlet(aid, outlet)
    shown = cmp[["label", "article", "outlet", "compared"]].rename(columns={"label": "measure",
                                                                          "compared": "article is"})
    widgets.table(shown, column_config={"measure": st.column_config.TextColumn(width="medium")})
    widgets.downloads(None, cmp, f"{aid}-vs-outlet")
    n_outlet = int(cmp["n_articles"].iloc[0])
    widgets.show_text(f"Outlet: {'the only article' if n_outlet == 1 else f'all {n_outlet:,} articles'} of "
                      f"{row.get('source')} in the corpus. Above or below: this article lies outside the outlet's "
                      "95% interval over articles (bootstrap under 50 articles, delta-method normal from 50; in the "
                      "CSV).", "caption")
    st.markdown("**Findings** (hover over the text for the same explanations)")
    listing = pd.DataFrame(findings_table(found))
    widgets.table(listing, max_height=420)
    widgets.downloads(None, listing, f"{aid}-findings")
