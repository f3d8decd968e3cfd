"""Validity on real data: does our loaded-term rate track what annotators marked as lexical bias?

BASIL (Fan et al. 2019, dev half in ``../shared/data/basil``) has 45 events, each covered by Fox News, the New
York Times and HuffPost, with every biased span annotated per sentence as lexical (``lex``: the wording itself is
loaded) or informational (``inf``: the choice of facts), and whether the span is inside a quotation.

* :func:`basil_validity` -- per article, the Spearman correlation between our loaded-term rate (writer's voice,
  per 1,000 words) and the density of annotated lexical spans (outside quotations, per 1,000 words), with a
  bootstrap interval; per event, whether we order the three outlets' articles the way the annotations do.
* :func:`basil_event_grouping` -- how well :func:`framing.compare.events.group_events` recovers the triplets.

What the figures cannot say: BASIL annotates few lexical spans (215 in the dev half, most articles have 0-3), so
per-article densities are coarse and many ties remain; annotators marked bias *towards an entity*, which is
narrower than "loaded language"; and agreement on three-article rankings says nothing about outlets outside
BASIL's three.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.compare.corpus import Corpus, corpus_from_reports, file_info
from framing.compare.events import evaluate_grouping, group_events
from framing.compare.settings import DEFAULT, CompareConfig
from framing.errors import InputError

BASIL_FILES = ("basil_articles_dev.csv", "basil_sentences_dev.csv", "basil_spans_dev.csv")
SOURCE_NAMES = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def default_basil_dir() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "basil"


@dataclass(frozen=True)
class Basil:
    articles: pd.DataFrame  # article_id, event, source, date, title, main_event, text
    spans: pd.DataFrame  # article_id, bias_type, quote, ...
    files: tuple[Path, ...]


def load_basil(data_dir: str | Path | None = None) -> Basil:
    """BASIL dev: the articles with their texts (sentences joined, one paragraph per line) and the bias spans."""
    d = Path(data_dir) if data_dir else default_basil_dir()
    files = tuple(d / f for f in BASIL_FILES)
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise InputError(f"BASIL files not found: {missing} (the shared gold data lives in ../shared/data/basil)")
    arts = pd.read_csv(files[0])
    sents = pd.read_csv(files[1])
    spans = pd.read_csv(files[2])
    sents = sents.sort_values(["article_file", "para_idx", "sent_idx"], kind="stable")
    texts = {}
    for a, d_ in sents.groupby("article_file", sort=True):
        paras = d_.groupby("para_idx", sort=True)["text"].apply(lambda s: " ".join(str(t).strip() for t in s))
        texts[a] = "\n".join(paras.tolist())
    out = pd.DataFrame({
        "article_id": arts["article_file"].astype(str),
        "event": arts["triplet_uuid"].astype(str),
        "source": arts["source"].map(lambda s: SOURCE_NAMES.get(s, s)),
        "date": arts["date"].astype(str),
        "title": arts["title"].astype(str),
        "main_event": arts["main_event"].astype(str),
    })
    out["text"] = out["article_id"].map(texts)
    out = out[out["text"].notna()].reset_index(drop=True)
    spans = spans.rename(columns={"article_file": "article_id"})
    return Basil(out, spans, files)


def basil_corpus(basil: Basil | None = None, *, data_dir: str | Path | None = None) -> Corpus:
    """BASIL dev analysed by the engine, as a :class:`Corpus` (event = BASIL triplet)."""
    from framing.report import analyse

    b = basil or load_basil(data_dir)
    reports = []
    for row in b.articles.itertuples(index=False):
        meta = {"date": row.date, "event": row.event, "title": row.title, "main_event": row.main_event}
        reports.append(analyse(row.text, id=row.article_id, source=row.source, meta=meta).to_dict(include_text=True))
    return corpus_from_reports(reports, name="BASIL dev", inputs=[file_info(f) for f in b.files], origin="memory")


@dataclass(frozen=True)
class Validity:
    per_article: pd.DataFrame
    per_event: pd.DataFrame
    figures: dict[str, Any]


def basil_validity(data_dir: str | Path | None = None, *, corpus: Corpus | None = None,
                   config: CompareConfig | None = None) -> Validity:
    """Spearman correlation per article and ranking agreement per event between our rates and BASIL's spans."""
    cfg = config or DEFAULT
    b = load_basil(data_dir)
    c = corpus or basil_corpus(b)
    a = c.articles[["article_id", "source", "event", "n_words", "lt_author", "lt_count"]].copy()
    lex = b.spans[b.spans["bias_type"] == "lex"]
    n_lex = lex.groupby("article_id").size()
    n_lex_author = lex[lex["quote"].astype(str).str.lower() != "yes"].groupby("article_id").size()
    n_inf = b.spans[b.spans["bias_type"] == "inf"].groupby("article_id").size()
    a["lex_spans"] = a["article_id"].map(n_lex).fillna(0).astype(int)
    a["lex_spans_author"] = a["article_id"].map(n_lex_author).fillna(0).astype(int)
    a["inf_spans"] = a["article_id"].map(n_inf).fillna(0).astype(int)
    per = cfg.per_words / a["n_words"].where(a["n_words"] > 0)
    a["our_author_rate"] = a["lt_author"] * per
    a["our_rate"] = a["lt_count"] * per
    a["lex_density_author"] = a["lex_spans_author"] * per
    a["lex_density"] = a["lex_spans"] * per
    a["inf_density"] = a["inf_spans"] * per
    a = a.sort_values("article_id").reset_index(drop=True)
    rng = np.random.default_rng(cfg.seed)
    figures: dict[str, Any] = {"n_articles": len(a), "n_events": int(a["event"].nunique()),
                               "n_lex_spans": int(a["lex_spans"].sum()),
                               "n_lex_spans_author": int(a["lex_spans_author"].sum()),
                               "articles_without_lex_span": int((a["lex_spans"] == 0).sum())}
    for ours, gold in (("our_author_rate", "lex_density_author"), ("our_rate", "lex_density"),
                       ("our_author_rate", "inf_density")):
        rho, p, lo, hi = _spearman_ci(a[ours].to_numpy(), a[gold].to_numpy(), rng, cfg.n_boot, cfg.level)
        figures[f"spearman_{ours}_vs_{gold}"] = {"rho": rho, "p": p, "lo": lo, "hi": hi}
    ev = _event_agreement(a, "our_author_rate", "lex_density_author")
    figures.update(_summarise_events(ev))
    figures["mean_by_source"] = (a.groupby("source")[["our_author_rate", "lex_density_author"]].mean()
                                 .round(3).to_dict(orient="index"))
    return Validity(a, ev, figures)


def _spearman_ci(x: np.ndarray, y: np.ndarray, rng: np.random.Generator, n_boot: int, level: float
                 ) -> tuple[float, float, float, float]:
    from scipy.stats import spearmanr

    ok = ~(np.isnan(x) | np.isnan(y))
    x, y = x[ok], y[ok]
    res = spearmanr(x, y)
    rho, p = float(res.statistic), float(res.pvalue)
    boots = []
    n = len(x)
    for _ in range(n_boot):
        i = rng.integers(0, n, n)
        if np.ptp(x[i]) > 0 and np.ptp(y[i]) > 0:
            boots.append(spearmanr(x[i], y[i]).statistic)
    alpha = 1 - level
    lo, hi = (float(v) for v in np.quantile(boots, [alpha / 2, 1 - alpha / 2])) if boots else (math.nan, math.nan)
    return rho, p, lo, hi


def _event_agreement(a: pd.DataFrame, ours: str, gold: str) -> pd.DataFrame:
    rows = []
    for ev, d in a.groupby("event", sort=True):
        d = d.sort_values("article_id")
        o, g = d[ours].to_numpy(), d[gold].to_numpy()
        src = d["source"].tolist()
        agree = disagree = tie = 0.0
        for i in range(len(d)):
            for j in range(i + 1, len(d)):
                if g[i] == g[j]:
                    continue
                s_o = np.sign(o[i] - o[j])
                if s_o == 0:
                    tie += 1
                elif s_o == np.sign(g[i] - g[j]):
                    agree += 1
                else:
                    disagree += 1
        gmax = np.flatnonzero(g == g.max())
        omax = np.flatnonzero(o == o.max())
        rows.append((ev, len(d), _order(src, o), _order(src, g), agree, disagree, tie,
                     len(gmax) == 1, bool(len(gmax) == 1 and len(omax) == 1 and gmax[0] == omax[0])))
    return pd.DataFrame(rows, columns=["event", "n_articles", "our_order", "gold_order", "pairs_agree",
                                       "pairs_disagree", "pairs_tied_by_us", "gold_has_unique_top", "top_match"])


def _order(names: Sequence[str], values: np.ndarray) -> str:
    """``A > B = C``: names from the highest value down, ties joined by ``=``."""
    levels = sorted(set(values.tolist()), reverse=True)
    return " > ".join(" = ".join(sorted(n for n, v in zip(names, values, strict=True) if v == lv)) for lv in levels)


def _summarise_events(ev: pd.DataFrame) -> dict[str, Any]:
    from scipy.stats import binomtest

    agree, dis, tie = ev["pairs_agree"].sum(), ev["pairs_disagree"].sum(), ev["pairs_tied_by_us"].sum()
    ordered = agree + dis + tie
    uniq = ev[ev["gold_has_unique_top"]]
    decided = int(agree + dis)
    p = float(binomtest(int(agree), decided, 0.5).pvalue) if decided else math.nan
    return {
        "event_pairs_ordered_by_gold": int(ordered),
        "event_pairs_agree": int(agree), "event_pairs_disagree": int(dis), "event_pairs_tied_by_us": int(tie),
        # ties by us count half: the agreement a coin would reach is 0.5
        "event_pair_agreement": float((agree + 0.5 * tie) / ordered) if ordered else math.nan,
        "event_pair_agreement_p_binomial": p,
        "events_with_unique_gold_top": int(len(uniq)),
        "event_top_match": float(uniq["top_match"].mean()) if len(uniq) else math.nan,
        "event_top_match_chance": 1 / 3,
    }


def basil_event_grouping(data_dir: str | Path | None = None, *, thresholds: Sequence[float] = (0.1, 0.15, 0.2,
                         0.25, 0.3, 0.4), windows: Sequence[int | None] = (3, None),
                         one_per_source: Sequence[bool] = (False, True)) -> pd.DataFrame:
    """Pairwise precision/recall of event grouping against BASIL's triplets over a grid of settings."""
    b = load_basil(data_dir)
    arts = b.articles.drop(columns=["text"])
    texts = dict(zip(b.articles["article_id"], b.articles["text"], strict=True))
    gold = pd.Series(b.articles["event"].to_numpy(), index=b.articles["article_id"].to_numpy())
    rows = []
    for w in windows:
        for ops in one_per_source:
            for t in thresholds:
                pred = group_events(arts, texts, window_days=w, threshold=t, one_per_source=ops)
                r = evaluate_grouping(pred, gold)
                rows.append({"window_days": "none" if w is None else w, "one_per_source": ops, "threshold": t,
                             **{k: r[k] for k in ("precision", "recall", "f1", "exact", "n_predicted_groups")}})
    return pd.DataFrame(rows)


# -- same-event coverage: are sentences unique to one outlet richer in informational bias? ---------------------

@dataclass(frozen=True)
class CoverageLift:
    sentences: pd.DataFrame  # one row per sentence of every article: event, fold, label, inf, lex, best_similarity
    folds: pd.DataFrame  # per fold and pooled: counts, P(inf | unique), P(inf | shared), lift with its interval
    sensitivity: pd.DataFrame  # the pooled lift at other thresholds (reported, never used to choose)
    figures: dict[str, Any]


def basil_sentence_bias(b: Basil) -> pd.DataFrame:
    """BASIL's bias spans as offsets into the article texts of :func:`load_basil` (article_id, start, end,
    bias_type, quote), with ``ok`` telling whether the text at those offsets is the span's own text."""
    sents = pd.read_csv(b.files[1]).sort_values(["article_file", "para_idx", "sent_idx"], kind="stable")
    pos: dict[tuple[str, int], int] = {}  # (article, sent_idx) -> offset of the sentence's first character
    for a, d in sents.groupby("article_file", sort=True):
        off, last_para = 0, None
        for para, k, t in zip(d["para_idx"], d["sent_idx"], d["text"].map(str), strict=True):
            if last_para is not None:
                off += 1  # "\n" between paragraphs, " " between sentences (load_basil's joins)
            last_para = para
            pos[(str(a), int(k))] = off - (len(t) - len(t.lstrip()))
            off += len(t.strip())
    texts = dict(zip(b.articles["article_id"], b.articles["text"], strict=True))
    rows = []
    for r in b.spans.itertuples(index=False):
        key = (str(r.article_id), int(r.sent_idx)) if pd.notna(r.sent_idx) else None
        if key is None or key not in pos or key[0] not in texts:
            continue
        s, e = pos[key] + int(r.start), pos[key] + int(r.end)
        rows.append((key[0], s, e, r.bias_type, str(r.quote).lower() == "yes", texts[key[0]][s:e] == str(r.txt)))
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "bias_type", "quote", "ok"])


def _lift(d: pd.DataFrame, col: str) -> tuple[float, float, float]:
    u, s = d[d["label"] == "unique"][col], d[d["label"] == "shared"][col]
    pu = float(u.mean()) if len(u) else math.nan
    ps = float(s.mean()) if len(s) else math.nan
    return pu, ps, (pu / ps if ps > 0 else math.nan)


def _boot_lift(d: pd.DataFrame, col: str, rng: np.random.Generator, n_boot: int, level: float
               ) -> tuple[float, float]:
    """Percentile interval of the lift, resampling events (a sentence's label depends on its event's articles)."""
    ev = sorted(d["event"].unique())
    per = d.assign(_u=(d["label"] == "unique").astype(int), _s=(d["label"] == "shared").astype(int))
    per = per.assign(_ub=per["_u"] * per[col], _sb=per["_s"] * per[col])
    sums = per.groupby("event")[["_u", "_s", "_ub", "_sb"]].sum().reindex(ev).to_numpy(dtype=float)
    out = []
    for _ in range(n_boot):
        t = sums[rng.integers(0, len(ev), len(ev))].sum(axis=0)
        if t[0] > 0 and t[1] > 0 and t[3] > 0:
            out.append((t[2] / t[0]) / (t[3] / t[1]))
    if not out:
        return math.nan, math.nan
    alpha = 1 - level
    lo, hi = np.quantile(out, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


def basil_coverage_lift(data_dir: str | Path | None = None, *, config: CompareConfig | None = None,
                        sensitivity: Sequence[float] = (0.2, 0.3, 0.4, 0.5)) -> CoverageLift:
    """Sentences unique to one outlet against shared ones, on BASIL dev: P(informational bias | unique) /
    P(informational bias | shared), with a bootstrap interval over events.

    Folds: the events sorted by id, alternately ``choose`` and ``measure``. The threshold is chosen on the choose
    fold without reading a bias label: pseudo-events are made of the three outlets' articles on three *different*
    events, and the threshold is the smallest at which at most ``coverage_null_share`` of their sentences find a
    match (content "shared" by chance). The lift is then measured on the measure fold, on the choose fold, and
    pooled. A sentence carries bias when an annotated span of that type overlaps it (``inf``; ``inf_own``: the
    informational spans outside quotations only); lexical bias (``lex``) is given beside informational as a
    control. ``short`` sentences are counted but in neither group.
    """
    from framing.compare.coverage import label_sentences, match_sentences, sentence_table

    cfg = config or DEFAULT
    b = load_basil(data_dir)
    spans = basil_sentence_bias(b)
    texts = dict(zip(b.articles["article_id"], b.articles["text"], strict=True))
    arts = b.articles.sort_values(["event", "source", "article_id"])
    events = sorted(arts["event"].unique())
    fold_of = {e: ("choose" if i % 2 == 0 else "measure") for i, e in enumerate(events)}
    by_event = {e: list(zip(d["source"], d["article_id"], strict=True)) for e, d in arts.groupby("event", sort=True)}

    def matched(pairs: list[tuple[str, str]], ev: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        s = sentence_table(pairs, texts, event=ev, config=cfg)
        return s, match_sentences(s)

    real = {e: matched(by_event[e], e) for e in events}  # matches do not depend on the threshold: once

    # the null: outlet k's article from the event k places further on, within the choose fold
    choose = [e for e in events if fold_of[e] == "choose"]
    null_best = []
    for i, e in enumerate(choose):
        pairs = []
        for k, (src, _) in enumerate(sorted({p[0]: p for p in by_event[e]}.items())):
            other = choose[(i + k) % len(choose)]
            pairs += [p for p in by_event[other] if p[0] == src]
        s, m = matched(pairs, f"null-{i}")
        if not m.empty:
            null_best.append(m.groupby(["article_id", "sentence"])["similarity"].max().to_numpy())
    nb = np.concatenate(null_best) if null_best else np.zeros(0)
    # the smallest threshold, in steps of 0.01, with at most null_share of the null sentences at or above it
    grid = np.round(np.arange(0.01, 1.0001, 0.01), 2)
    share_at = {float(t): float((nb >= t).mean()) if len(nb) else 0.0 for t in grid}
    thr = next(float(t) for t in grid if share_at[float(t)] <= cfg.coverage_null_share)

    rows = []
    for e in events:
        s, m = real[e]
        lab = label_sentences(s, m, thr)
        sp = spans[spans["article_id"].isin(set(lab["article_id"]))]
        # inf_own: informational spans outside quotations, the writer's own choice of facts rather than a quoted one
        for kind, x in (("inf", sp[sp["bias_type"] == "inf"]), ("lex", sp[sp["bias_type"] == "lex"]),
                        ("inf_own", sp[(sp["bias_type"] == "inf") & ~sp["quote"]])):
            hit = []
            for aid, st, en in zip(lab["article_id"], lab["start"], lab["end"], strict=True):
                y = x[x["article_id"] == aid]
                hit.append(bool(((y["start"] < en) & (y["end"] > st)).any()))
            lab[kind] = np.array(hit, dtype=int)
        lab["fold"] = fold_of[e]
        rows.append(lab)
    sents = pd.concat(rows, ignore_index=True)

    # every interval draws the same resamples of events (its own generator from the seed), so that a figure does
    # not move when another row is added to the table
    n_boot = max(cfg.n_boot, 2000)
    table_rows = []
    for name, d in (("measure", sents[sents["fold"] == "measure"]), ("choose", sents[sents["fold"] == "choose"]),
                    ("pooled", sents)):
        for kind in ("inf", "inf_own", "lex"):
            pu, ps, lift = _lift(d, kind)
            lo, hi = _boot_lift(d, kind, np.random.default_rng(cfg.seed), n_boot, cfg.level)
            u, s_ = d[d["label"] == "unique"], d[d["label"] == "shared"]
            table_rows.append({"fold": name, "bias": kind, "events": int(d["event"].nunique()),
                               "sentences": len(d), "short": int((d["label"] == "short").sum()),
                               "unique": len(u), "shared": len(s_), "unique_biased": int(u[kind].sum()),
                               "shared_biased": int(s_[kind].sum()), "p_unique": pu, "p_shared": ps,
                               "lift": lift, "lo": lo, "hi": hi})
    folds = pd.DataFrame(table_rows)
    sens_rows = []
    for t in sensitivity:
        parts = []
        for e in events:
            s, m = real[e]
            parts.append(label_sentences(s, m, t)[["article_id", "sentence", "label"]])
        lab_t = pd.concat(parts, ignore_index=True)
        d = sents.drop(columns="label").merge(lab_t, on=["article_id", "sentence"])
        pu, ps, lift = _lift(d, "inf")
        lo, hi = _boot_lift(d, "inf", np.random.default_rng(cfg.seed), n_boot, cfg.level)
        sens_rows.append({"threshold": t, "unique": int((d["label"] == "unique").sum()),
                          "shared": int((d["label"] == "shared").sum()), "p_unique": pu, "p_shared": ps,
                          "lift": lift, "lo": lo, "hi": hi})
    figures = {"threshold": thr, "null_share_target": cfg.coverage_null_share,
               "null_sentences": int(len(nb)), "null_share_at_threshold": share_at[thr],
               "spans_mapped": int(spans["ok"].sum()), "spans_total": int(len(b.spans)),
               "events": len(events), "articles": int(len(b.articles)), "n_boot": n_boot}
    return CoverageLift(sents, folds, pd.DataFrame(sens_rows), figures)
