"""Word choice: which terms set each group apart, which labels it gives the same actors, whom it quotes and how.

* :func:`distinctive_terms` -- log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn
  2008, "Fightin' Words", eq. 16-22), each group against all the others, with z-scores, counts and a
  keyword-in-context example; any number of groups.
* :func:`kwic` -- every occurrence of a term with its context and offsets into the original text.
* :func:`label_mentions` / :func:`actor_labels` -- the labels of the ``actor_labels`` lexicon's concept groups
  (armed groups: fighters / militants / terrorists ...) found in the texts, then counted per group.
* :func:`speakers` / :func:`reporting_verbs` -- who each group quotes (by name and source type) and with which
  verbs, from the attributions in the findings table.

What these cannot do: a distinctive term is distinctive of the *coverage* as much as of the style (an outlet
that covers floods more says "flood" more); compare outlets on the same events (:mod:`framing.compare.events`)
to separate the two. Labels are matched as words, without knowing whom they refer to ("the government" of
which country); the share of each label within its concept group is the comparable figure, not raw counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.compare.groups import By, group_articles
from framing.compare.settings import DEFAULT, CompareConfig
from framing.compare.terms import TermCounts, count_terms
from framing.lexicons import Lexicon, load_lexicon

TERM_COLUMNS = ("group", "n_articles", "rank", "term", "count", "count_rest", "rate", "rate_rest", "n_articles_with",
                "top_source_share", "log_odds", "z", "example_article_id", "example_start", "example_end", "example")


def _article_groups(articles: pd.DataFrame, by: By) -> tuple[pd.Series, tuple[str, ...]]:
    """article_id -> group label, and the grouping's warnings."""
    g = group_articles(articles, by)
    return pd.Series(g.labels.to_numpy(), index=articles["article_id"].astype(str).to_numpy()), g.warnings


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray, *, n_i: Any = None, n_j: Any = None,
                       a0: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio of each term between counts ``y_i`` and ``y_j`` with Dirichlet prior ``alpha``, and its z-score.

    ``delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))`` and
    ``var(delta) ~ 1 / (y_i + a) + 1 / (y_j + a)`` (Monroe et al. 2008, eq. 16 and 18). ``n_i``, ``n_j`` and
    ``a0`` default to the sums of ``y_i``, ``y_j`` and ``alpha``; give them (scalars or one per term) when the
    arrays hold only some of the terms.
    """
    y_i = np.asarray(y_i, dtype=float)
    y_j = np.asarray(y_j, dtype=float)
    alpha = np.asarray(alpha, dtype=float)
    a0 = alpha.sum() if a0 is None else a0
    n_i = y_i.sum() if n_i is None else n_i
    n_j = y_j.sum() if n_j is None else n_j
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log(y_i + alpha) - np.log(n_i + a0 - y_i - alpha)
                 - np.log(y_j + alpha) + np.log(n_j + a0 - y_j - alpha))
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(var)
    return delta, z


def log_odds_z_sql(*, prior_scale: float) -> str:
    """The z-score of :func:`log_odds_dirichlet` as :func:`rank_terms` computes it, as an SQL expression of a term's
    count ``n`` in its group, ``total`` in every group, the group's ``n_group`` terms and ``n_all`` (the terms of
    every group): what :meth:`~framing.corpus.store.Store.term_groups` ranks by in DuckDB before :func:`rank_terms`
    ranks (and filters by the top source's share) the first few of each group in numpy."""
    y, a = "CAST(n AS DOUBLE)", f"({float(prior_scale)!r} * total)"
    rest, a0 = "CAST(total - n AS DOUBLE)", f"({float(prior_scale)!r} * n_all)"
    # (greatest: a logarithm of zero is an error in SQL, -inf in numpy; neither ranks first)
    delta = (f"ln({y} + {a}) - ln(greatest(n_group + {a0} - {y} - {a}, 1e-300)) - ln({rest} + {a}) "
             f"+ ln(greatest(n_all - n_group + {a0} - {rest} - {a}, 1e-300))")
    return f"({delta}) / sqrt(1.0 / ({y} + {a}) + 1.0 / ({rest} + {a}))"


def distinctive_terms(articles: pd.DataFrame, texts: Mapping[str, str] | None = None, *, by: By = "source",
                      counts: TermCounts | None = None, top: int | None = None, ngrams: int = 2,
                      examples: bool = True, drop_own_name: bool = True,
                      config: CompareConfig | None = None) -> pd.DataFrame:
    """The terms most distinctive of each group against all other groups together, by z-score of the log-odds.

    Give ``texts`` (article_id -> text) or precomputed ``counts`` (:func:`framing.compare.terms.count_terms`,
    cache it in a dashboard). The prior is the corpus' own term frequencies scaled to ``prior_scale`` x the
    corpus size; terms seen fewer than ``min_term_count`` times in the corpus are not scored. Columns:
    ``group``, ``n_articles`` (the group's articles), ``rank``, ``term``, ``count`` (in the group), ``count_rest``,
    ``rate``/``rate_rest`` (per 1,000 terms), ``n_articles_with`` (the group's articles that use the term),
    ``log_odds``, ``z`` and an example (``example_article_id``,
    ``example_start``/``example_end`` offsets of the term in that article's text, ``example`` context).
    ``drop_own_name`` leaves out terms made only of words of the group's own label, or of those and the words outlets'
    names put beside them (an outlet naming itself: "the Tattler", "Capital Wire", "fox news" for Fox); a unigram is
    also left out when a listed bigram accounts for nearly all of its occurrences ("per" beside "per cent"). When a
    group holds several sources, a term more than ``max_source_share`` of whose uses come from one source is left
    out (house style or page furniture, not the group's word choice); ``top_source_share`` reports that share. A
    corpus with one group has nothing to compare against: the table is empty and says so in ``attrs["warnings"]``.
    """
    cfg = config or DEFAULT
    top = top or cfg.top_terms
    groups_of, warns = _article_groups(articles, by)
    if counts is None:
        if texts is None:
            raise ValueError("give texts (article_id -> text) or counts")
        counts = count_terms(texts, sorted(groups_of.index), ngrams=ngrams, min_count=cfg.min_term_count)
    ids = list(counts.article_ids)
    in_table = [a for a in ids if a in groups_of.index]
    rows_idx = counts.rows(in_table)
    labels = groups_of.loc[in_table].to_numpy(dtype=object).astype(str)
    names, codes = np.unique(labels, return_inverse=True)
    if len(names) < 2:
        return _one_group(list(warns))
    X = counts.matrix[rows_idx]
    G = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes)))
    Y = (G @ X).tocsr()
    D = (G @ (X > 0).astype(np.float64)).tocsr()  # articles containing each term
    top_share = None
    if "source" in articles.columns:
        src = articles.assign(_id=articles["article_id"].astype(str)).set_index("_id")["source"]
        top_share = _top_source_shares(labels, src.loc[in_table].astype(str).to_numpy(), names, X, Y)
    sizes = groups_of.value_counts().reindex(names, fill_value=0).to_numpy()
    out = score_terms(names, counts.terms, Y, D, top_share, top=top, drop_own_name=drop_own_name, config=cfg,
                      group_articles=sizes)
    Xc = X.tocsc()
    in_arr = np.array(in_table, dtype=object)
    col = {t: j for j, t in enumerate(counts.terms)}

    def candidates(name: str, term: str) -> list[str]:
        hits = Xc[:, col[term]].nonzero()[0]
        return sorted(in_arr[hits[labels[hits] == name]])[:EXAMPLE_CANDIDATES]

    return with_examples(out, candidates if examples else None, texts, list(warns), config=cfg)


# How many of a group's articles with a term (the first by id) are searched for an example of it in context.
EXAMPLE_CANDIDATES = 5


def _one_group(warnings: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(columns=list(TERM_COLUMNS))
    out.attrs["warnings"] = [*warnings, "only one group: distinctive terms need at least two groups to compare"]
    return out


def score_terms(names: np.ndarray, terms: np.ndarray, Y: sp.csr_matrix, D: sp.csr_matrix,
                top_share: list[np.ndarray] | None, *, top: int, group_articles: np.ndarray,
                drop_own_name: bool = True, config: CompareConfig | None = None) -> pd.DataFrame:
    """The ranking of :func:`distinctive_terms` from its sums: ``Y[g, j]``, how often group ``names[g]`` uses
    ``terms[j]`` (sorted), ``D[g, j]`` in how many of its articles, per group the top source's share of each
    term's uses (:func:`_top_source_shares`; None: no such check) and its articles (``group_articles``). Without the
    example columns."""
    cfg = config or DEFAULT
    total = np.asarray(Y.sum(axis=0)).ravel()
    c = Y.tocoo()
    keep = (c.data >= 2) & (total[c.col] >= cfg.min_term_count)
    g, j, y = c.row[keep], c.col[keep], c.data[keep]
    share = np.array([top_share[k][t] for k, t in zip(g, j, strict=True)], dtype=np.float64) \
        if top_share is not None else np.full(len(g), np.nan)
    return rank_terms(names, np.asarray(Y.sum(axis=1)).ravel(), g, terms[j], y, total[j],
                      np.asarray(D[g, j]).ravel(), share, top=top, group_articles=group_articles,
                      drop_own_name=drop_own_name, config=cfg)


def rank_terms(names: np.ndarray, n_words: np.ndarray, g: np.ndarray, terms: np.ndarray, y: np.ndarray,
               total: np.ndarray, d: np.ndarray, share: np.ndarray, *, top: int, group_articles: np.ndarray,
               drop_own_name: bool = True, config: CompareConfig | None = None) -> pd.DataFrame:
    """Each group's ``top`` terms by z-score, from the sums :func:`distinctive_terms` needs: ``names`` the groups
    (sorted), ``n_words`` their term counts (every term of the vocabulary), ``group_articles`` their articles (the
    table's ``n_articles``, which the charts choose groups by), and one row per candidate (a term a group
    uses at least twice, seen ``min_term_count`` times in all the groups): the group's index ``g``, the ``term``,
    its count ``y`` in the group, ``total`` in all, ``d`` the group's articles with it, and ``share`` the top source's
    share of the group's uses (NaN: one source). Without the example columns."""
    cfg = config or DEFAULT
    n_words = np.asarray(n_words, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    total = np.asarray(total, dtype=np.float64)
    n_all = n_words.sum()
    n_i = n_words[g]
    delta, z = log_odds_dirichlet(y, total - y, cfg.prior_scale * total, n_i=n_i, n_j=n_all - n_i,
                                  a0=cfg.prior_scale * n_all)
    ok = np.flatnonzero((z > 0) & ~(share > cfg.max_source_share))
    terms = np.asarray(terms).astype(str)
    # by group, then z descending; ties by term, so the order is deterministic
    ranked = ok[np.lexsort((terms[ok], -np.round(z[ok], 12), g[ok]))]
    bounds = np.searchsorted(g[ranked], np.arange(len(names) + 1))
    chosen: list[int] = []
    ranks: list[int] = []
    # (Python lists: the loop below reads single elements, which from numpy arrays are slow)
    term_list, y_list, ranked_list = terms.tolist(), y.tolist(), ranked.tolist()
    for k, name in enumerate(names):
        pick = _pick(ranked_list[bounds[k]:bounds[k + 1]], term_list, y_list, top,
                     _name_words(name) if drop_own_name else set())
        chosen += pick
        ranks += range(1, len(pick) + 1)
    o = np.array(chosen, dtype=np.int64)
    n_j = n_all - n_i[o]
    return pd.DataFrame({
        "group": np.asarray(names)[g[o]].astype(object),
        "n_articles": np.asarray(group_articles, dtype=np.int64)[g[o]], "rank": np.array(ranks, dtype=np.int64),
        "term": terms[o].astype(object), "count": y[o].astype(np.int64), "count_rest": (total - y)[o].astype(np.int64),
        "rate": y[o] * 1000 / np.maximum(n_i[o], 1), "rate_rest": (total - y)[o] * 1000 / np.maximum(n_j, 1),
        "n_articles_with": np.asarray(d)[o].astype(np.int64), "top_source_share": np.asarray(share, dtype=np.float64)[o],
        "log_odds": delta[o], "z": z[o],
    })


def with_examples(out: pd.DataFrame, candidates: Callable[[str, str], list[str]] | None,
                  texts: Mapping[str, str] | Callable[[list[str]], Mapping[str, str]] | None,
                  warnings: list[str], *, config: CompareConfig | None = None) -> pd.DataFrame:
    """The table of :func:`score_terms` with an example of each term: the first of its ``candidates`` (group, term
    -> article ids) whose text (``texts``, or a function that reads the texts of some ids) has a match."""
    cfg = config or DEFAULT
    ex_id: list[Any] = [None] * len(out)
    ex_s: list[Any] = [None] * len(out)
    ex_e: list[Any] = [None] * len(out)
    ex_t: list[str] = [""] * len(out)
    if candidates is not None and texts is not None:
        cands = [candidates(str(g), str(t)) for g, t in zip(out["group"], out["term"], strict=True)]
        tx = texts(sorted({a for c in cands for a in c})) if callable(texts) else texts
        for i, (term, ids) in enumerate(zip(out["term"], cands, strict=True)):
            if not ids:
                continue
            pat = _term_pattern(term)
            for a in ids:
                text = tx.get(a)
                m = pat.search(text) if isinstance(text, str) else None
                if m is not None:
                    hit = _hit(a, text, m, cfg.kwic_window)  # type: ignore[arg-type]
                    ex_id[i], ex_s[i], ex_e[i] = a, hit[1], hit[2]
                    ex_t[i] = f"{hit[3]}[{hit[4]}]{hit[5]}"
                    break
    out["example_article_id"] = ex_id
    out["example_start"] = pd.array(ex_s, dtype="Int64")
    out["example_end"] = pd.array(ex_e, dtype="Int64")
    out["example"] = ex_t
    out.attrs["warnings"] = warnings
    return out[list(TERM_COLUMNS)]


def _top_source_shares(labels: np.ndarray, sources: np.ndarray, names: np.ndarray, X: sp.csr_matrix,
                       Y: sp.csr_matrix) -> list[np.ndarray] | None:
    """Per group, the share of each term's uses that come from the group's most frequent user (NaN for a group
    of one source), from the rows ``X`` (articles, or sums of a source's articles) with their group ``labels`` and
    ``sources``; None when every group is one source."""
    keys = np.char.add(np.char.add(labels.astype(str), "\x1f"), sources.astype(str))
    knames, kcodes = np.unique(keys, return_inverse=True)
    key_group = np.searchsorted(names, np.array([k.split("\x1f")[0] for k in knames]))
    if np.bincount(key_group, minlength=len(names)).max() < 2:
        return None
    K = (sp.csr_matrix((np.ones(len(kcodes)), (kcodes, np.arange(len(kcodes)))), shape=(len(knames), len(kcodes)))
         @ X).tocsr()
    out = []
    for g in range(len(names)):
        rows = np.flatnonzero(key_group == g)
        y = Y[g].toarray().ravel()
        if len(rows) < 2:
            out.append(np.full(len(y), np.nan))
            continue
        top = K[rows].max(axis=0).toarray().ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            out.append(np.where(y > 0, top / y, np.nan))
    return out


def _name_words(label: str) -> set[str]:
    from framing.compare.terms import tokenize

    return set(tokenize(label))


# Words that outlets' names put beside the name itself ("Fox News", "the Daily Tattler", "Capital Wire"): with a word of
# the group's own label, a term of them is the outlet naming itself.
_MEDIA_NAME_WORDS = frozenset("""news times post daily weekly journal magazine network channel radio tv television online
    media press herald tribune gazette wire""".split())


def _pick(ranked: Sequence[int], terms: Sequence[str], y: Sequence[float], top: int, own: set[str]) -> list[int]:
    """The first ``top`` terms of a ranking, without self-references and without unigrams a bigram explains."""
    chosen: list[int] = []
    count_of = {terms[j]: y[j] for j in ranked[: top * 4]}
    bigram_words: dict[str, float] = {}
    for j in ranked[: top * 4]:
        t = terms[j]
        if " " in t:
            for w in t.split():
                bigram_words[w] = max(bigram_words.get(w, 0.0), y[j])
    for j in ranked:
        t = terms[j]
        words = t.split()
        if own and all(w in own or w in _MEDIA_NAME_WORDS for w in words) and any(w in own for w in words):
            continue  # the outlet naming itself: "tattler", and with the words of outlets' names, "fox news"
        if len(words) == 1 and bigram_words.get(t, 0.0) >= 0.8 * count_of.get(t, y[j]):
            continue
        chosen.append(j)
        if len(chosen) >= top:
            break
    return chosen


def _term_pattern(term: str) -> re.Pattern[str]:
    words = term.split()
    parts = []
    for w in words:
        esc = re.escape(w).replace("'", "['\u2019]").replace(r"\-", r"[\-\u2010\u2011]")
        parts.append(esc + r"(?:['\u2019]s)?")
    return re.compile(r"(?<![\w'\u2019\-])" + r"\s+".join(parts) + r"(?![\w\-])", re.IGNORECASE)


def kwic(texts: Mapping[str, str], term: str, *, article_ids: Sequence[str] | None = None,
         window: int = DEFAULT.kwic_window, limit: int | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (case-insensitive, whole words, a possessive 's allowed).

    Columns ``article_id``, ``start``, ``end`` (offsets into the original text, so ``text[start:end] == match``),
    ``left``, ``match``, ``right`` (up to ``window`` characters each side, line breaks shown as spaces).
    """
    pat = _term_pattern(term)
    rows = []
    for a in (article_ids if article_ids is not None else sorted(texts)):
        text = texts.get(a)
        if not isinstance(text, str):
            continue
        for m in pat.finditer(text):
            rows.append(_hit(a, text, m, window))
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows, columns=["article_id", "start", "end", "left", "match", "right"])
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "left", "match", "right"])


def _hit(a: str, text: str, m: re.Match[str], window: int) -> tuple[str, int, int, str, str, str]:
    """One occurrence as a row of :func:`kwic`."""
    s, e = m.start(), m.end()
    return (a, s, e, _flat(text[max(0, s - window):s], cut_left=s > window), m.group(),
            _flat(text[e:e + window], cut_right=e + window < len(text)))


def _flat(s: str, *, cut_left: bool = False, cut_right: bool = False) -> str:
    s = re.sub(r"\s+", " ", s)
    if cut_left:
        s = "\u2026" + s.lstrip()
    if cut_right:
        s = s.rstrip() + "\u2026"
    return s


# -- actor labels ----------------------------------------------------------------------------------------------

MENTION_COLUMNS = ("article_id", "concept", "label", "weight", "neutral", "start", "end", "text", "voice", "scare",
                   "sentence_start", "sentence_end")


def label_mentions(texts: Mapping[str, str], findings: pd.DataFrame | None = None, *,
                   article_ids: Sequence[str] | None = None, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every label of the ``actor_labels`` lexicon in the texts: one row per mention.

    ``label`` is the lexicon entry (its base form: "terrorist" for "terrorists"), ``concept`` its group,
    ``weight`` 0 for the neutral label. With the findings table, ``voice`` is ``quoted`` inside a quotation
    (direct, partial, title, name...) and ``scare`` is True inside scare quotes (the writer distancing from the
    label); without it, every mention is in the ``author`` voice.
    """
    from framing.compare.labelcount import mentions, quote_spans
    from framing.text.document import prepare

    lx = lexicon or load_lexicon("actor_labels")
    spans = _quote_spans(findings)
    rows = []
    for a in (article_ids if article_ids is not None else sorted(texts)):
        text = texts.get(a)
        if not isinstance(text, str) or not text:
            continue
        quoted, scare = quote_spans(spans.get(a, ()))
        rows += [(a, m.concept, m.label, m.weight, m.neutral, m.start, m.end, text[m.start:m.end],
                  "quoted" if m.quoted else "author", m.scare, m.sentence_start, m.sentence_end)
                 for m in mentions(prepare(text), lx, quoted, scare)]
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


def _quote_spans(findings: pd.DataFrame | None) -> dict[str, list[tuple[int, int, str]]]:
    """Each article's quotations, ``(start, end, kind)``."""
    if findings is None or findings.empty:
        return {}
    from framing.compare.labelcount import group_quotes

    q = findings[findings["type"] == "quote"]
    return group_quotes(zip(q["article_id"], q["type"], q["start"], q["end"], q["kind"], strict=True))


LABEL_COLUMNS = ("group", "concept", "label", "weight", "count", "share", "n_articles", "quoted", "scare",
                 "example_article_id", "example_start", "example_end", "example")


def actor_labels(mentions: pd.DataFrame, articles: pd.DataFrame, texts: Mapping[str, str] | None = None, *,
                 by: By = "source", concepts: Sequence[str] | None = None, max_example_chars: int = 300
                 ) -> pd.DataFrame:
    """Which label each group uses for each concept, how often, and its share of the concept's mentions.

    ``mentions`` is :func:`label_mentions`' table. Columns: ``group``, ``concept``, ``label``, ``weight``,
    ``count``, ``share`` (of the group's mentions of that concept), ``n_articles``, ``quoted`` (mentions inside
    quotations), ``scare`` (inside scare quotes), and an example sentence with the label's offsets.
    """
    groups_of, _ = _article_groups(articles, by)
    m = mentions[mentions["article_id"].isin(groups_of.index)].copy()
    if concepts is not None:
        m = m[m["concept"].isin(list(concepts))]
    if m.empty:
        return pd.DataFrame(columns=list(LABEL_COLUMNS))
    m["group"] = groups_of.loc[m["article_id"]].to_numpy()
    m = m.sort_values(["group", "concept", "label", "article_id", "start"], kind="stable")
    agg = m.groupby(["group", "concept", "label"], sort=True).agg(
        weight=("weight", "first"), count=("start", "size"), n_articles=("article_id", "nunique"),
        quoted=("voice", lambda v: int((v == "quoted").sum())), scare=("scare", "sum"),
        example_article_id=("article_id", "first"), example_start=("start", "first"), example_end=("end", "first"),
        sentence_start=("sentence_start", "first"), sentence_end=("sentence_end", "first"),
    ).reset_index()
    agg["share"] = agg["count"] / agg.groupby(["group", "concept"])["count"].transform("sum")
    examples = []
    for a, s, e, ss, se in zip(agg["example_article_id"], agg["example_start"], agg["example_end"],
                               agg["sentence_start"], agg["sentence_end"], strict=True):
        text = (texts or {}).get(a)
        examples.append(_sentence(text, int(s), int(e), int(ss), int(se), max_example_chars) if text else "")
    agg["example"] = examples
    agg["scare"] = agg["scare"].astype(np.int64)
    return agg[list(LABEL_COLUMNS)]


def _sentence(text: str, s: int, e: int, ss: int, se: int, limit: int) -> str:
    """The sentence around ``text[s:e]`` with the label in [brackets], cut to about ``limit`` characters."""
    ss, se = min(ss, s), max(se, e)
    if se - ss > limit:
        half = max(20, (limit - (e - s)) // 2)
        ss, se = max(ss, s - half), min(se, e + half)
    left = _flat(text[ss:s], cut_left=ss > 0 and text[ss - 1] not in "\n.!? ")
    right = _flat(text[e:se])
    return f"{left}[{text[s:e]}]{right}".strip()


# -- speakers and reporting verbs ------------------------------------------------------------------------------

NO_SOURCE = "(no stated source)"
SPEAKER_COLUMNS = ("group", "speaker", "source_type", "n_attributions", "share", "n_articles", "neutral",
                   "endorsing", "distancing", "discrediting", "direct", "verbs", "example_article_id",
                   "example_start", "example_end")


def _attributions(findings: pd.DataFrame, articles: pd.DataFrame, by: By) -> pd.DataFrame:
    groups_of, _ = _article_groups(articles, by)
    f = findings[(findings["type"] == "attribution") & findings["article_id"].astype(str).isin(groups_of.index)]
    f = f.copy()
    f["article_id"] = f["article_id"].astype(str)
    f["group"] = groups_of.loc[f["article_id"]].to_numpy()
    name = f["speaker"].where(f["speaker"].notna() & (f["speaker"].astype(str).str.strip() != ""), f["source"])
    name = name.where(name.notna(), NO_SOURCE).astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    f["speaker_name"] = name.where(name != "", NO_SOURCE)
    f["cue_lemma"] = f["cue_lemma"].fillna("").astype(str)
    f["stance"] = f["stance"].fillna("neutral").astype(str)
    f["source_type"] = f["source_type"].fillna("none").astype(str)
    return f.sort_values(["group", "article_id", "start"], kind="stable")


def speakers(findings: pd.DataFrame, articles: pd.DataFrame, *, by: By = "source", top: int | None = None
             ) -> pd.DataFrame:
    """Whom each group quotes or paraphrases: one row per group and speaker (the resolved name, else the source).

    ``source_type`` is the speaker's most frequent source type; the stance columns count attributions by the
    stance of their reporting verb; ``verbs`` lists the eight most used cues ("say 5; claim 2"; the full counts
    are in :func:`reporting_verbs`); ``share`` is of the group's
    attributions. ``top`` keeps the N most quoted speakers per group.
    """
    f = _attributions(findings, articles, by)
    if f.empty:
        return pd.DataFrame(columns=list(SPEAKER_COLUMNS))
    keys = ["group", "speaker_name"]
    f = f.assign(direct=f["direct"].fillna(False).astype(bool))
    # one aggregation per column over all speakers: a pandas loop over the speakers took most of a report's tables
    out = f.groupby(keys, sort=True).agg(n_attributions=("start", "size"), n_articles=("article_id", "nunique"),
                                         direct=("direct", "sum"), example_article_id=("article_id", "first"),
                                         example_start=("start", "first"), example_end=("end", "first"))
    stances = f.groupby([*keys, "stance"]).size().unstack(fill_value=0)
    for st in ("neutral", "endorsing", "distancing", "discrediting"):
        out[st] = stances[st] if st in stances.columns else 0
    types: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (g, sp_, t), n in f.groupby([*keys, "source_type"], sort=False).size().items():
        types.setdefault((g, sp_), []).append((t, int(n)))
    verbs: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (g, sp_, v), n in f.groupby([*keys, "cue_lemma"], sort=False).size().items():
        verbs.setdefault((g, sp_), []).append((v, int(n)))
    out["source_type"] = [min(types[k], key=lambda kv: (-kv[1], kv[0]))[0] for k in out.index]
    out["verbs"] = [_top_verbs(verbs[k]) for k in out.index]
    out = out.reset_index().rename(columns={"speaker_name": "speaker"})
    out["share"] = out["n_attributions"] / out["group"].map(f.groupby("group").size())
    for c in ("direct", "example_start", "example_end"):
        out[c] = out[c].astype(int)
    out = out[list(SPEAKER_COLUMNS)]
    out = out.sort_values(["group", "n_attributions", "speaker"], ascending=[True, False, True], kind="stable")
    if top is not None:
        out = out.groupby("group", sort=False).head(top)
    return out.reset_index(drop=True)


def _top_verbs(verbs: list[tuple[str, int]], k: int = 8) -> str:
    ranked = [(v, n) for v, n in sorted(verbs, key=lambda kv: (-kv[1], kv[0])) if v]
    more = f"; +{len(ranked) - k} more" if len(ranked) > k else ""
    return "; ".join(f"{v} {n}" for v, n in ranked[:k]) + more


VERB_COLUMNS = ("group", "cue_lemma", "stance", "count", "share", "n_speakers", "n_articles")


def reporting_verbs(findings: pd.DataFrame, articles: pd.DataFrame, *, by: By = "source") -> pd.DataFrame:
    """Which reporting verbs each group uses, with their stance class and share of the group's attributions."""
    f = _attributions(findings, articles, by)
    if f.empty:
        return pd.DataFrame(columns=list(VERB_COLUMNS))
    out = f.groupby(["group", "cue_lemma", "stance"], sort=True).agg(
        count=("start", "size"), n_speakers=("speaker_name", "nunique"), n_articles=("article_id", "nunique"),
    ).reset_index()
    out["share"] = out["count"] / out.groupby("group")["count"].transform("sum")
    out = out.sort_values(["group", "count", "cue_lemma"], ascending=[True, False, True], kind="stable")
    return out[list(VERB_COLUMNS)].reset_index(drop=True)
