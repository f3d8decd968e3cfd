"""Same event, several outlets: grouping articles into stories and putting one story's coverage side by side.

* :func:`group_events` -- when articles carry no event id, group those about the same story: TF-IDF cosine
  similarity (sublinear term frequency, smoothed idf, computed here with scipy.sparse) between articles published
  within ``window_days`` of each other, merged by average linkage while the mean similarity between two groups
  stays above ``threshold``.
* :func:`evaluate_grouping` -- pairwise precision and recall of a grouping against gold groups (BASIL's
  triplets: docs/compare.md has the figures).
* :func:`event_view` -- for one event, each outlet's loaded terms, labels for the actors, whom it quotes and
  how, its scare quotes and its tone, one row per outlet.

What grouping cannot do: two stories on the same topic in the same week (two votes on the same bill) look alike
to word counts and may merge; an outlet's follow-up days later falls outside the window. The similarity is
lexical, so coverage that frames the same event in very different words is the hardest to group -- exactly the
coverage a framing comparison wants; check the groups before drawing conclusions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.compare.groups import parse_dates
from framing.compare.settings import DEFAULT, CompareConfig
from framing.compare.terms import TermCounts, count_terms
from framing.errors import ConfigError


def tfidf(counts: TermCounts) -> sp.csr_matrix:
    """Row-normalised TF-IDF: ``(1 + log tf) * (log((1 + n) / (1 + df)) + 1)``, each row scaled to unit length."""
    X = counts.matrix.astype(np.float64).tocsr()
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    X.data = 1.0 + np.log(X.data)
    X = X @ sp.diags(idf)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sp.diags(1.0 / norms) @ X).tocsr()


def similar_pairs(X: sp.csr_matrix, days: np.ndarray, *, window_days: int | None, threshold: float,
                  block: int = 2000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``i < j`` with cosine similarity >= ``threshold`` (rows of ``X`` unit length) and dates at most
    ``window_days`` apart (``days`` in days, NaN for no date: never paired when a window is set)."""
    n = X.shape[0]
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    d_sorted = days[order]
    Xs = X[order]
    rows_i, rows_j, sims_kept = [], [], []
    for b0 in range(0, n, block):
        b1 = min(n, b0 + block)
        if window_days is None:
            c0, c1 = b0, n
        else:
            if np.isnan(d_sorted[b0]):
                break
            hi_day = np.nanmax(d_sorted[b0:b1]) + window_days
            c0 = b0
            c1 = int(np.searchsorted(np.where(np.isnan(d_sorted), np.inf, d_sorted), hi_day, side="right"))
        sims = (Xs[b0:b1] @ Xs[c0:c1].T).tocoo()
        i = sims.row + b0
        j = sims.col + c0
        keep = (j > i) & (sims.data >= threshold)
        if window_days is not None:
            keep &= np.abs(d_sorted[j] - d_sorted[i]) <= window_days
        rows_i.append(order[i[keep]])
        rows_j.append(order[j[keep]])
        sims_kept.append(sims.data[keep])
    if not rows_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    i, j, s = np.concatenate(rows_i), np.concatenate(rows_j), np.concatenate(sims_kept)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    return lo, hi, s


def group_events(articles: pd.DataFrame, texts: Mapping[str, str] | None = None, *, date_column: str = "date",
                 window_days: int | None = -1, threshold: float | None = None, one_per_source: bool = False,
                 counts: TermCounts | None = None, config: CompareConfig | None = None) -> pd.Series:
    """A story id for every article (``S0001``...; an article alike to none is a story of its own).

    ``window_days=None`` ignores dates; the default (-1) takes ``event_window_days`` from the config. With a
    window, an article whose date does not parse is a story of its own. ``one_per_source`` never puts two
    articles of the same source in one story (right for BASIL-like triplets, wrong for a source's follow-ups).
    Returns a Series indexed by article_id, named ``story``.
    """
    if texts is None and counts is None:
        # (the articles table alone, or a Corpus passed whole: say what to pass)
        raise TypeError("group_events needs the articles' texts (or their term counts): "
                        "group_events(corpus.articles, corpus.texts)")
    cfg = config or DEFAULT
    thr = cfg.event_threshold if threshold is None else threshold
    win = cfg.event_window_days if window_days == -1 else window_days
    if not 0.0 < thr <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], not {thr}")
    ids = articles["article_id"].astype(str).tolist()
    if win is not None and date_column not in articles.columns:
        raise ConfigError(f"cannot group events within a date window: the articles table has no column "
                          f"{date_column!r}; pass window_days=None or a valid date_column")
    if counts is None:
        assert texts is not None  # (checked above)
        counts = count_terms(texts, ids, ngrams=1, min_count=1)
    X = tfidf(counts)
    cid = list(counts.article_ids)  # articles with text, in the order of ids
    pos_art = {a: i for i, a in enumerate(ids)}
    if win is not None:
        d = parse_dates(articles[date_column]).to_numpy()
        day = (d.astype("datetime64[D]").astype("float64"))
        day[np.isnat(d)] = np.nan
        days = np.array([day[pos_art[a]] for a in cid], dtype=float)
    else:
        days = np.zeros(len(cid))
    lo, hi, s = similar_pairs(X, days, window_days=win, threshold=thr / 2)
    src = articles["source"].astype(str).tolist() if "source" in articles.columns else [""] * len(ids)
    src_of = [src[pos_art[a]] for a in cid]
    labels = _average_link(len(cid), lo, hi, s, thr, src_of if one_per_source else None)
    # story ids in order of (first date, first article id), so they do not depend on the input order
    members: dict[int, list[int]] = {}
    for k, lab in enumerate(labels):
        members.setdefault(lab, []).append(k)
    first = sorted(members.values(), key=lambda m: (np.nanmin(days[m]) if not np.all(np.isnan(days[m])) else np.inf,
                                                     min(cid[k] for k in m)))
    story = {}
    for n, m in enumerate(first, 1):
        for k in m:
            story[cid[k]] = n
    nxt = len(first)
    out = []
    for a in sorted(ids):  # articles without text: a story each
        if a not in story:
            nxt += 1
            story[a] = nxt
    width = max(4, len(str(nxt)))
    out = [f"S{story[a]:0{width}d}" for a in ids]
    return pd.Series(out, index=pd.Index(ids, name="article_id"), name="story")


def _average_link(n: int, lo: np.ndarray, hi: np.ndarray, s: np.ndarray, thr: float,
                  sources: Sequence[str] | None) -> list[int]:
    """Average-link grouping: the pairs, most similar first, join their two groups when the groups' mean similarity
    over all their cross pairs (a missing pair counts 0) reaches ``thr`` and, with ``sources``, no source is in both.

    Each group keeps the sum of its similarities to every group it has a pair with, updated as groups join (the
    smaller one's sums go into the larger), so a pair is judged in constant time: the sum over the cross pairs had
    been recomputed for every pair, which took minutes on a thousand articles of one long-running story.
    """
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: list[dict[int, float]] = [{} for _ in range(n)]  # group -> {other group: sum of their pairs' similarities}
    for a, b, v in zip(lo.tolist(), hi.tolist(), s.tolist(), strict=True):
        links[a][b] = links[b][a] = v  # (one similarity per pair, as each pair is given once)
    srcs: list[set[str]] | None = [{x} for x in sources] if sources is not None else None
    order = np.lexsort((hi, lo, -s))
    for k in order:
        if s[k] < thr:
            break  # (most similar first: every pair after it is below the threshold too)
        a, b = label[lo[k]], label[hi[k]]
        if a == b:
            continue
        A, B = members[a], members[b]
        if srcs is not None and srcs[a] & srcs[b]:
            continue
        if links[a].get(b, 0.0) / (len(A) * len(B)) < thr:
            continue
        keep, drop = (a, b) if len(A) >= len(B) else (b, a)
        for i in members[drop]:
            label[i] = keep
        members[keep] = members[keep] + members.pop(drop)
        if srcs is not None:
            srcs[keep] |= srcs[drop]
        kept = links[keep]
        for c, v in links[drop].items():
            if c == keep:
                continue
            kept[c] = kept.get(c, 0.0) + v
            other = links[c]
            other[keep] = other.get(keep, 0.0) + v
            del other[drop]
        kept.pop(drop, None)
        links[drop] = {}
    return label


def evaluate_grouping(predicted: pd.Series, gold: pd.Series) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a grouping (both Series indexed by article id, same articles).

    A pair of articles counts as correct when both groupings put them together. ``exact`` is the share of gold
    groups recovered exactly (same members, nothing more).
    """
    common = sorted(set(predicted.index) & set(gold.index))
    p = predicted.loc[common].astype(str)
    g = gold.loc[common].astype(str)

    def pairs(s: pd.Series) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for _, m in s.groupby(s).groups.items():
            mm = sorted(m)
            out.update((mm[i], mm[j]) for i in range(len(mm)) for j in range(i + 1, len(mm)))
        return out

    pp, gp = pairs(p), pairs(g)
    tp = len(pp & gp)
    prec = tp / len(pp) if pp else 0.0
    rec = tp / len(gp) if gp else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    gold_sets = {frozenset(m) for _, m in g.groupby(g).groups.items()}
    pred_sets = {frozenset(m) for _, m in p.groupby(p).groups.items()}
    return {"precision": prec, "recall": rec, "f1": f1, "pairs_predicted": float(len(pp)),
            "pairs_gold": float(len(gp)), "pairs_correct": float(tp),
            "exact": len(gold_sets & pred_sets) / len(gold_sets) if gold_sets else 0.0,
            "n_articles": float(len(common)), "n_predicted_groups": float(p.nunique()),
            "n_gold_groups": float(g.nunique())}


# -- one event, side by side ----------------------------------------------------------------------------------

EVENT_COLUMNS = ("group", "n_articles", "n_words", "titles", "loaded_author_rate", "loaded_quoted_rate",
                 "loaded_terms", "scare_quotes", "n_scare_quotes", "labels", "speakers", "verbs", "anonymous_share",
                 "quote_roles", "polarity", "subjectivity")


def events_table(articles: pd.DataFrame, *, event_column: str = "event") -> pd.DataFrame:
    """One row per event: articles, sources, first and last date, the sources covering it, and one headline to
    tell a person what the event is, with its source: the headline of the article with the fewest loaded terms
    per word in the writer's voice (then the earliest, then by id) -- the plainest, though still one outlet's."""
    if event_column not in articles.columns:
        raise ConfigError(f"no column {event_column!r} in the articles table; valid columns are "
                          f"{sorted(articles.columns)}")
    a = articles[articles[event_column].notna()].copy()
    a["_ev"] = a[event_column].astype(str)
    a["_d"] = parse_dates(a["date"]) if "date" in a.columns else pd.NaT
    # a missing source is "(missing)", as in the comparisons' groups (it used to stop the table with a TypeError)
    a["_src"] = a["source"].astype("string").fillna("(missing)").astype(str) if "source" in a.columns else ""
    plain = (a["lt_author"] / a["n_words"].where(a["n_words"] > 0)) if {"lt_author", "n_words"} <= set(a) \
        else pd.Series(0.0, index=a.index)
    a["_plain"] = plain.fillna(float("inf"))
    # one pass over the articles (grouped and sorted once), not a loop over the events: linear in the corpus
    g = a.groupby("_ev", sort=True)
    out = pd.DataFrame({"n_articles": g.size(), "n_sources": g["_src"].nunique()})
    out["first_date"] = g["_d"].min().dt.strftime("%Y-%m-%d").fillna("")
    out["last_date"] = g["_d"].max().dt.strftime("%Y-%m-%d").fillna("")
    out["sources"] = a[["_ev", "_src"]].drop_duplicates().sort_values(["_ev", "_src"]).groupby("_ev")["_src"].agg(
        "; ".join)
    lead = a.sort_values(["_ev", "_plain", "_d", "article_id"], na_position="last").drop_duplicates("_ev")
    lead = lead.set_index("_ev")
    title = lead["title"].where(lead["title"].notna(), "").astype(str) if "title" in lead.columns \
        else pd.Series("", index=lead.index)
    out["title"] = title
    out["title_source"] = lead["_src"].where(title != "", "")
    out = out.rename_axis("event").reset_index()
    return out[["event", "n_articles", "n_sources", "first_date", "last_date", "sources", "title", "title_source"]]


def busiest_event(articles: pd.DataFrame, *, event_column: str = "event") -> str:
    """The event covered by the most sources (then the most articles, then the first id): a chart's default."""
    et = events_table(articles, event_column=event_column)
    if et.empty:
        raise ConfigError(f"no article has a value in {event_column!r}; pass --event-column")
    return str(et.sort_values(["n_sources", "n_articles", "event"], ascending=[False, False, True])
               .iloc[0]["event"])


_VIEW_FINDING_COLUMNS = ("type", "voice", "kind", "text", "speaker", "source", "cue_lemma", "source_type", "role",
                         "depth")
# The findings columns an event's view and coverage read (:func:`event_view`, the speakers of
# :func:`framing.compare.coverage.event_coverage`, the quotation spans of
# :func:`framing.compare.wordchoice.label_mentions`): a reader of a store asks for these only.
EVENT_FINDING_COLUMNS = ("article_id", "start", "end", *_VIEW_FINDING_COLUMNS, "cue")
# An event's view compares about this many of its articles at most (:func:`compared_articles`), so that an event of
# thousands of articles (a story clustered over months) is lined up in about a second rather than reading every
# article's findings and comparing every sentence.
MAX_EVENT_ARTICLES = 200
# The articles' columns an event's view reads (its chart, tables, coverage and side-by-side texts): on a large store,
# an event's articles read whole (a hundred columns, their input fields expanded) cost several times more.
EVENT_ARTICLE_COLUMNS = ("source", "title", "date", "event", "n_words", "lt_author", "polarity", "subjectivity")


def ordered_events(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`events_table`'s rows in the order a reader is offered them: the most sources first, then by event; the
    first is the view shown first."""
    return table.sort_values(["n_sources", "event"], ascending=[False, True]).reset_index(drop=True)


def compared_articles(articles: pd.DataFrame, limit: int = MAX_EVENT_ARTICLES) -> pd.DataFrame:
    """The articles of one event (rows of the articles table with ``source``, ``date`` and ``article_id``) that its
    view compares: all of them when they are at most ``limit``, else each outlet's first ones by date (then id), an
    equal share each (two at least), in their order in ``articles``."""
    if len(articles) <= limit:
        return articles
    per_source = max(2, limit // max(articles["source"].nunique(dropna=False), 1))
    first = articles.sort_values(["date", "article_id"], kind="stable", na_position="last") \
        .groupby("source", dropna=False, sort=False).head(per_source)
    return articles.loc[sorted(first.index)].reset_index(drop=True)


def event_view(articles: pd.DataFrame, findings: pd.DataFrame, event: str, *, mentions: pd.DataFrame | None = None,
               event_column: str = "event", by: str = "source", top: int = 5) -> pd.DataFrame:
    """The outlets covering ``event`` side by side: one row per ``by`` group (see ``EVENT_COLUMNS``).

    ``mentions`` (from :func:`framing.compare.wordchoice.label_mentions`) adds the actor labels. Figures are
    plain sums over the event's few articles: no intervals (one to three articles per outlet cannot carry one).
    """
    if event_column not in articles.columns:
        raise ConfigError(f"no column {event_column!r} in the articles table; valid columns are "
                          f"{sorted(articles.columns)}")
    if by not in articles.columns:
        raise ConfigError(f"cannot group by {by!r}: valid columns are {sorted(articles.columns)}")
    cols = [c for c in dict.fromkeys(("article_id", by, "n_words", "title", "polarity", "subjectivity"))
            if c in articles.columns]
    a = articles.loc[articles[event_column].astype(str) == str(event), cols]
    if a.empty:
        known = sorted(articles[event_column].dropna().astype(str).unique().tolist())
        raise ConfigError(f"no article has {event_column} = {event!r}; events: {known[:30]}")
    a["article_id"] = a["article_id"].astype(str)
    a["_g"] = a[by].astype(str).where(a[by].notna(), "(missing)")
    ids = set(a["article_id"])
    group_of = dict(zip(a["article_id"], a["_g"], strict=True))
    # the columns read below only, and findings split by group once: selecting rows of every column, group by
    # group, was most of the time of a view
    art = findings["article_id"].astype(str)
    keep = art.isin(ids)
    f = findings.loc[keep, [c for c in _VIEW_FINDING_COLUMNS if c in findings.columns]]
    f_of = dict(tuple(f.groupby(art[keep].map(group_of).to_numpy(), sort=False)))
    m_of: dict[str, pd.DataFrame] = {}
    if mentions is not None and not mentions.empty:
        keep = mentions["article_id"].isin(ids)
        m = mentions.loc[keep, ["concept", "label"]]
        m_of = dict(tuple(m.groupby(mentions.loc[keep, "article_id"].map(group_of).to_numpy(), sort=False)))
    rows = []
    for g, d in a.groupby("_g", sort=True):
        fg = f_of.get(g, f.iloc[:0])
        words = int(d["n_words"].sum())
        per = 1000.0 / words if words else np.nan
        lt = fg[fg["type"] == "loaded_term"]
        lt_a = lt[lt["voice"] == "author"]
        q = fg[fg["type"] == "quote"]
        scare = q[q["kind"] == "scare"]
        at = fg[fg["type"] == "attribution"]
        names = at["speaker"].where(at["speaker"].notna(), at["source"]).dropna().astype(str)
        mg = m_of.get(g)
        labels = "" if mg is None else "; ".join(f"{c}: {_top(x['label'], 3)}" for c, x in mg.groupby("concept"))
        rows.append((
            g, len(d), words, " | ".join(d["title"].dropna().astype(str)) if "title" in d else "",
            len(lt_a) * per, (len(lt) - len(lt_a)) * per, _top(lt_a["text"].str.lower(), top),
            _top(scare["text"], top), len(scare), labels, _top(names, top), _top(at["cue_lemma"].dropna(), top),
            (at["source_type"] == "anonymous").mean() if len(at) else np.nan, _roles(q),
            float(d["polarity"].mean()), float(d["subjectivity"].mean()),
        ))
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def _roles(q: pd.DataFrame) -> str:
    """Attributed quotations (outermost, with a speaker role) by role, with their share: "politician 4 (50%); ..."."""
    if "role" not in q.columns or "depth" not in q.columns:
        return ""
    roles = q.loc[q["role"].notna() & (q["depth"] == 0), "role"].astype(str)
    n = len(roles)
    c = Counter(roles)
    return "; ".join(f"{r} {k} ({k / n:.0%})" for r, k in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def _top(values: pd.Series | Sequence[str], k: int) -> str:
    c = Counter(str(v) for v in values if str(v).strip())
    return "; ".join(f"{t} {n}" if n > 1 else t for t, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:k])
