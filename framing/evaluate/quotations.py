"""Quotation figures per fold: spans, scare quotes and speakers on the hand-labelled sets, speakers on PolNeAR.

The rules of the quotation layer were written while looking at some of this data and not at the rest. Figures on
data a rule was written from are optimistic (rules fitted to 66 articles scored 0.85 there and 0.62 on unseen ones),
so every figure is reported per fold:

* **write** folds, which rules may be written from: ``quotes_dev.jsonl`` (66 articles), half of
  ``quotes_dev2.jsonl`` (``dev2-a``), our own labels of 30 AllSides articles by two labellers each
  (``data/gold/quotes_allsides30/``) and PolNeAR's ``train`` split for speakers;
* **check** folds, which no rule was written from: the other half of ``quotes_dev2.jsonl`` (``dev2-b``), our own
  labels of 60 more AllSides articles (``data/gold/quotes_allsides60.jsonl``), 60 more by two labellers each
  (``data/gold/quotes_check60/``) and PolNeAR's ``dev`` split.

``quotes_dev2.jsonl`` is split by article: an article is in ``dev2-b`` when the SHA-256 of its id is odd. The
definitions are those of ``../shared/tools/reference_score.py`` (a span matches at IoU >= 0.9; "sure" leaves out
the spans the annotator marked UNSURE), so the pooled figures on both shared files agree with its ``quotes`` mode
and the PolNeAR dev figure with its ``polnear-quotes`` mode. Error examples are listed for the write folds only.
The pooled check figures come with 95% intervals from resampling the articles (:func:`bootstrap`): a fold of a few
hundred articles holds a few dozen sure scare quotes, so its scare figures move by several points with the sample.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.evaluate.allsides import ALLSIDES, allsides_articles
from framing.evaluate.polnear_data import polnear_articles

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
OUR_LABELS = GOLD / "quotes_allsides60.jsonl"
# 30 more AllSides articles, each labelled by two labellers; rules may be written from them (data/gold/README.md)
OUR_WRITE_LABELS = GOLD / "quotes_allsides30" / "merged.jsonl"
# 60 more, each labelled by two labellers, labelled after the rules of 2026-12-03 were written; no rule is written
# from them
OUR_CHECK_LABELS = GOLD / "quotes_check60" / "merged.jsonl"
# 35 AllSides articles rich in short quotations, two labellers each (data/gold/README.md): write data.
OUR_SHORT_LABELS = GOLD / "quotes_short35" / "merged.jsonl"
# 40 more, drawn like the 60 and labelled the same way on 2026-12-04: no rule is written from them
OUR_CHECK40_LABELS = GOLD / "quotes_check40" / "merged.jsonl"
# 40 more, labelled at the start of the session of 2026-12-04 (eighth) before its rules and measured once at its end
OUR_BLIND40_LABELS = GOLD / "quotes_blind40" / "merged.jsonl"
# 40 more rich in short quotations, labelled during the session of 2026-12-04 (ninth), measured once on its rules
# written before, then write data
OUR_SHORT40_LABELS = GOLD / "quotes_short40" / "merged.jsonl"
# A second blind check fold (2026-12-05): labelled during a session, measured once at its end.
OUR_FRESH40_LABELS = GOLD / "quotes_fresh40" / "merged.jsonl"
# 40 more rich in short quotations, two labellers each (data/gold/README.md): write data.
OUR_WRITE40_LABELS = GOLD / "quotes_write40" / "merged.jsonl"
# 40 more drawn like the check folds (not enriched), two labellers each: write data (2026-12-06, nineteenth session).
OUR_RANDOM40_LABELS = GOLD / "quotes_random40" / "merged.jsonl"
# 40 more rich in quotations of one or two words, two labellers each: write data (2026-12-06, nineteenth session).
OUR_WORDS40_LABELS = GOLD / "quotes_words40" / "merged.jsonl"
# 40 more rich in short lower-case fragments outside reporting sentences, two labellers each: write data (2026-12-06,
# twentieth session).
OUR_FRAGMENTS40_LABELS = GOLD / "quotes_fragments40" / "merged.jsonl"
# 40 more drawn like the check folds, two labellers each: labelled blind during the twentieth session and measured
# once at its end as check data (2026-12-06); write data since the twenty-first session.
OUR_UNSEEN40_LABELS = GOLD / "quotes_unseen40" / "merged.jsonl"
# 40 more drawn like the check folds, two labellers each: check data, labelled blind during the twenty-first session
# and measured once at its end (2026-12-06).
OUR_HOLDOUT40_LABELS = GOLD / "quotes_holdout40" / "merged.jsonl"
# 40 more drawn like the check folds, two labellers each: labelled blind during the twenty-sixth session and
# measured once as check data (2026-12-07); write data since, in the same session.
OUR_SEALED40_LABELS = GOLD / "quotes_sealed40" / "merged.jsonl"
# 40 more drawn like the check folds, two labellers each: check data, labelled blind at the end of the twenty-sixth
# session and measured once then, after all its rules (2026-12-07).
OUR_VAULT40_LABELS = GOLD / "quotes_vault40" / "merged.jsonl"

# PolNeAR does not resolve pronoun sources, so quotations whose gold source is a pronoun have no gold speaker.
PRONOUN_SOURCES = frozenset("""he she they it we i you his her their its our my your him them us me who which
    that""".split())


@dataclass(frozen=True)
class Fold:
    name: str
    role: str  # "write" or "check"
    articles: list[dict[str, Any]]
    note: str


@dataclass(frozen=True)
class QuoteFigures:
    articles: int
    spans: int
    span_f1: float
    scare_p: float
    scare_r: float
    scare_f1: float
    speaker_acc: float
    confusion: Counter[tuple[str, str]]

    @property
    def kind_acc(self) -> float:
        """The share of found spans given their gold kind (direct, partial, scare, title, name, mention, other)."""
        n = sum(self.confusion.values())
        return sum(v for (g, p), v in self.confusion.items() if g == p) / n if n else 0.0


def speaker_match(gold: str | None, pred: str | None) -> bool:
    """The reference scorer's rule: one name contains the other, or the gold's last word is in the prediction."""
    if not gold or not pred:
        return False
    g, p = gold.lower(), pred.lower()
    if g in p or p in g:
        return True
    gw, pw = re.findall(r"\w+", g), set(re.findall(r"\w+", p))
    return bool(gw) and gw[-1] in pw


def in_check_half(article_id: str) -> bool:
    """Is an article of ``quotes_dev2.jsonl`` in the check half (dev2-b)?"""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 1


def load_folds(data: Path) -> list[Fold]:
    """The hand-labelled quotation folds found under ``data`` (and our own labels when their texts are there)."""
    folds: list[Fold] = []
    qdir = data / "quotes"
    dev1 = _jsonl(qdir / "quotes_dev.jsonl")
    if dev1:
        folds.append(Fold("dev", "write", dev1, "quotes_dev.jsonl: the rules were written looking at it"))
    dev2 = _jsonl(qdir / "quotes_dev2.jsonl")
    if dev2:
        folds.append(Fold("dev2-a", "write", [a for a in dev2 if not in_check_half(a["id"])],
                          "quotes_dev2.jsonl, even half: rules may be written from it"))
        folds.append(Fold("dev2-b", "check", [a for a in dev2 if in_check_half(a["id"])],
                          "quotes_dev2.jsonl, odd half: no rule was written from it"))
    ours = _our_labels(data, tuple(path for _, _, path, _ in OUR_FOLDS))
    folds += [Fold(name, role, articles, note) for (name, role, _, note), articles in zip(OUR_FOLDS, ours, strict=True)
              if articles]
    return folds


# Our labelled folds, in the order `framing evaluate` lists them (write folds first): name, role, labels, note.
OUR_FOLDS: tuple[tuple[str, str, Path, str], ...] = (
    ("allsides30", "write", OUR_WRITE_LABELS,
     "data/gold/quotes_allsides30 (our labels, two labellers each): rules may be written from it"),
    ("short35", "write", OUR_SHORT_LABELS, "data/gold/quotes_short35 (our labels, two labellers each; articles rich "
                                           "in short quotations): rules may be written from it"),
    ("short40", "write", OUR_SHORT40_LABELS, "data/gold/quotes_short40 (our labels, two labellers each; articles "
                                             "rich in short quotations): rules may be written from it"),
    ("write40", "write", OUR_WRITE40_LABELS, "data/gold/quotes_write40 (our labels, two labellers each; articles "
                                             "rich in short quotations): rules may be written from it"),
    ("random40", "write", OUR_RANDOM40_LABELS, "data/gold/quotes_random40 (our labels, two labellers each; drawn like "
                                               "the check folds): rules may be written from it"),
    ("words40", "write", OUR_WORDS40_LABELS, "data/gold/quotes_words40 (our labels, two labellers each; articles "
                                             "rich in quotations of one or two words): rules may be written from it"),
    ("fragments40", "write", OUR_FRAGMENTS40_LABELS, "data/gold/quotes_fragments40 (our labels, two labellers each; "
                                                     "articles rich in short fragments outside reporting sentences): "
                                                     "rules may be written from it"),
    ("unseen40", "write", OUR_UNSEEN40_LABELS, "data/gold/quotes_unseen40 (our labels, two labellers each): a check "
                                               "fold measured once at the end of the twentieth session (2026-12-06), "
                                               "write data since the twenty-first: rules may be written from it"),
    ("sealed40", "write", OUR_SEALED40_LABELS, "data/gold/quotes_sealed40 (our labels, two labellers each): a "
                                               "check fold measured once in the twenty-sixth session (2026-12-07), "
                                               "write data since: rules may be written from it"),
    ("allsides60", "check", OUR_LABELS,
     "data/gold/quotes_allsides60.jsonl (our labels): no kind or speaker rule was written from it"),
    ("check60", "check", OUR_CHECK_LABELS,
     "data/gold/quotes_check60 (our labels, two labellers each): no rule was written from it"),
    ("check40", "check", OUR_CHECK40_LABELS,
     "data/gold/quotes_check40 (our labels, two labellers each): no rule was written from it"),
    ("blind40", "check", OUR_BLIND40_LABELS, "data/gold/quotes_blind40 (our labels, two labellers each): labelled "
                                             "before the rules of 2026-12-04 (eighth session), measured once after "
                                             "them"),
    ("fresh40", "check", OUR_FRESH40_LABELS, "data/gold/quotes_fresh40 (our labels, two labellers each): labelled "
                                             "during the session of 2026-12-05 (fourteenth), blind to the engine, "
                                             "measured once at its end"),
    ("holdout40", "check", OUR_HOLDOUT40_LABELS, "data/gold/quotes_holdout40 (our labels, two labellers each): "
                                                 "labelled during the session of 2026-12-06 (twenty-first), blind to "
                                                 "the engine, measured once at its end"),
    ("vault40", "check", OUR_VAULT40_LABELS, "data/gold/quotes_vault40 (our labels, two labellers each): labelled "
                                             "at the end of the session of 2026-12-07 (twenty-sixth), blind to the "
                                             "engine, measured once after all its rules"),
)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _our_labels(data: Path, paths: tuple[Path, ...]) -> list[list[dict[str, Any]]]:
    """Our label files, each joined with its texts from the shared AllSides corpus (the repository holds no text;
    the corpus is read once for all of them)."""
    labels = [_jsonl(p) for p in paths]
    corpus = data / ALLSIDES
    if not corpus.exists():
        return [[] for _ in paths]
    texts = {aid: text for aid, _, text in allsides_articles(corpus, {r["id"] for ls in labels for r in ls})}
    return [[{"id": r["id"], "source": r.get("source"), "text": texts[r["id"]],
              "quotes": [{**q, "note": "UNSURE" if q.get("unsure") else ""} for q in r["quotes"]]}
             for r in ls if r["id"] in texts] for ls in labels]


# Resamples for the intervals: enough that their ends barely move with the seed (docs/quotations.md).
BOOTSTRAP_ROUNDS = 4000


@dataclass
class Counts:
    """One article's (or a pool's) counts behind the figures of :func:`score`."""
    tp: int = 0  # spans found (IoU >= 0.9)
    fp: int = 0
    fn: int = 0
    stp: int = 0  # scare quotes
    sfp: int = 0
    sfn: int = 0
    sp_ok: int = 0  # direct and partial quotations given their speaker
    sp_n: int = 0
    spans: int = 0

    def add(self, o: Counts) -> None:
        for k in ("tp", "fp", "fn", "stp", "sfp", "sfn", "sp_ok", "sp_n", "spans"):
            setattr(self, k, getattr(self, k) + getattr(o, k))


def article_counts(a: dict[str, Any], out: dict[str, dict[str, Any]], keep_unsure: bool,
                   conf: Counter[tuple[str, str]] | None = None, errors: dict[str, list[str]] | None = None) -> Counts:
    """The counts of one labelled article against the engine's findings ``out`` (adding its kind confusion to
    ``conf`` and its errors to ``errors`` when given)."""
    c = Counts()
    text = a["text"]
    preds = [f for f in out[str(a["id"])].get("findings", []) if f.get("type") == "quote"]
    used: set[int] = set()
    for g in a["quotes"]:
        unsure = g.get("note", "").startswith("UNSURE")
        best = None
        for j, p in enumerate(preds):
            if j in used:
                continue
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            union = max(g["end"], p["end"]) - min(g["start"], p["start"])
            if union > 0 and inter / union >= 0.9:
                best = j
                break
        gs = g["kind"] == "scare"
        if unsure and not keep_unsure:
            if best is not None:
                used.add(best)
            continue
        c.spans += 1
        if best is None:
            c.fn += 1
            c.sfn += gs
            if g["kind"] in ("direct", "partial"):
                c.sp_n += 1
            continue
        used.add(best)
        c.tp += 1
        p = preds[best]
        if conf is not None:
            conf[(g["kind"], p.get("kind", ""))] += 1
        ps = p.get("kind") == "scare"
        c.stp += gs and ps
        c.sfp += ps and not gs
        c.sfn += gs and not ps
        if errors is not None and g["kind"] != p.get("kind"):
            errors[f"kind {g['kind']} predicted {p.get('kind')}"].append(
                f"{a['id']}: " + context(text, g["start"], g["end"], 70) + f"  | reason: {p.get('reason', '')}")
        if g["kind"] in ("direct", "partial"):
            c.sp_n += 1
            ok = speaker_match(g.get("speaker"), p.get("speaker"))
            c.sp_ok += ok
            if errors is not None and not ok:
                errors["wrong speaker"].append(f"{a['id']}: gold {g.get('speaker')!r} predicted "
                                               f"{p.get('speaker')!r}: " + context(text, g["start"], g["end"], 70))
    for j, p in enumerate(preds):
        if j not in used:
            c.fp += 1
            c.sfp += p.get("kind") == "scare"
    return c


def score(arts: list[dict[str, Any]], out: dict[str, dict[str, Any]], keep_unsure: bool,
          errors: dict[str, list[str]] | None = None) -> QuoteFigures:
    """Span F1, scare-quote P/R/F1 and speaker accuracy, as ``reference_score.py quotes`` defines them."""
    total = Counts()
    conf: Counter[tuple[str, str]] = Counter()
    for a in arts:
        total.add(article_counts(a, out, keep_unsure, conf, errors))
    span_f1 = prf(total.tp, total.fp, total.fn)[2]
    sp, sr, sf1 = prf(total.stp, total.sfp, total.sfn)
    return QuoteFigures(len(arts), total.spans, span_f1, sp, sr, sf1,
                        total.sp_ok / total.sp_n if total.sp_n else 0.0, conf)


def bootstrap(arts: list[dict[str, Any]], out: dict[str, dict[str, Any]], keep_unsure: bool,
              rounds: int = BOOTSTRAP_ROUNDS, seed: int = 20261205) -> dict[str, tuple[float, float]]:
    """95% intervals of scare P, R, F1 and speaker accuracy over ``arts``, by resampling the articles with
    replacement (``rounds`` times, a fixed seed: the same intervals on every run). Articles, not spans, are resampled:
    an article's quotations share its writer and its speakers."""
    import random

    per = [article_counts(a, out, keep_unsure) for a in arts]
    rng = random.Random(seed)
    values: dict[str, list[float]] = {"scare_p": [], "scare_r": [], "scare_f1": [], "speaker_acc": []}
    for _ in range(rounds):
        t = Counts()
        for _ in range(len(per)):
            t.add(per[rng.randrange(len(per))])
        p, r, f1 = prf(t.stp, t.sfp, t.sfn)
        values["scare_p"].append(p)
        values["scare_r"].append(r)
        values["scare_f1"].append(f1)
        values["speaker_acc"].append(t.sp_ok / t.sp_n if t.sp_n else 0.0)
    out_: dict[str, tuple[float, float]] = {}
    for k, v in values.items():
        v.sort()
        out_[k] = (v[int(0.025 * (len(v) - 1))], v[int(0.975 * (len(v) - 1))])
    return out_


@dataclass(frozen=True)
class SpeakerFigures:
    articles: int
    quotations: int  # direct and partial quotations inside a gold attribution with a named source
    speaker_acc: float
    inside: int  # quotations found inside gold attribution content
    scare_share: float  # of those, the share called scare
    # wrong by the reference rule, but the speaker is the name before a description the silver source includes
    # ("Jackson, the superdelegate from Maine" given as "Troy Jackson"): the rule compares the source's last word
    appositive: int = 0
    # the article that holds the most wrong speakers: its id, its wrong and its counted quotations (counts only: a
    # check split's articles are not printed otherwise)
    worst: tuple[str, int, int] | None = None


def polnear_speakers(root: Path, analyse_all: Callable[[list[dict[str, Any]]], dict[str, dict[str, Any]]],
                     errors: list[str] | None = None) -> SpeakerFigures | None:
    """Speakers of quotations with PolNeAR's attributions as silver data (``reference_score.py polnear-quotes``).

    A direct or partial quotation found inside a gold attribution's content gets that attribution's source as its
    speaker (pronoun sources left out); also the share of quotations inside gold reported speech called scare.
    """

    if not (root / "text").exists():
        return None
    records, golds = [], {}
    for stem, text, spans, rels in polnear_articles(root):
        gold = []
        for rel in rels:
            src, con = spans.get(rel.get("Source", "")), spans.get(rel.get("Content", ""))
            if src and con and src[1] and con[1]:
                s0, s1 = src[1][0][0], src[1][-1][1]
                gold.append((con[1][0][0], con[1][-1][1], text[s0:s1]))
        golds[stem] = (gold, text)
        records.append({"id": stem, "text": text})
    out = analyse_all(records)
    ok = n = scare = inside = appositive = 0
    wrong_in: Counter[str] = Counter()
    counted_in: Counter[str] = Counter()
    for aid, (gold, text) in golds.items():
        for q in (f for f in out[aid].get("findings", []) if f.get("type") == "quote"):
            g = [x for x in gold if x[0] <= q["start"] and q["end"] <= x[1] + 2]
            if not g:
                continue
            inside += 1
            scare += q.get("kind") == "scare"
            if q.get("kind") not in ("direct", "partial") or g[0][2].strip().lower() in PRONOUN_SOURCES:
                continue
            n += 1
            hit = speaker_match(g[0][2], q.get("speaker"))
            ok += hit
            counted_in[aid] += 1
            wrong_in[aid] += not hit
            head = re.split(r"[,(]", g[0][2], maxsplit=1)[0]
            appositive += not hit and head != g[0][2] and speaker_match(head, q.get("speaker"))
            if errors is not None and not hit:
                errors.append(f"{aid}: gold {g[0][2]!r} predicted {q.get('speaker')!r}: "
                              + context(text, q["start"], q["end"], 70))
    top = max(sorted(wrong_in), key=lambda a: wrong_in[a], default=None)
    worst = (top, wrong_in[top], counted_in[top]) if top is not None and wrong_in[top] else None
    return SpeakerFigures(len(golds), n, ok / n if n else 0.0, inside, scare / inside if inside else 0.0, appositive,
                          worst)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def context(text: str, s: int, e: int, w: int = 60) -> str:
    return (text[max(0, s - w):s] + "[" + text[s:e] + "]" + text[e:e + w]).replace("\n", " / ")


def fold_table(folds: list[Fold], out: dict[str, dict[str, Any]], keep_unsure: bool,
               errors: dict[str, list[str]] | None = None) -> list[tuple[Fold, QuoteFigures]]:
    """Figures per fold, then pooled rows: all shared articles (the reference scorer's pool), write and check."""
    rows = [(f, score(f.articles, out, keep_unsure, errors if f.role == "write" else None)) for f in folds]
    shared = [a for f in folds if f.name in ("dev", "dev2-a", "dev2-b") for a in f.articles]
    pools = [("pooled ../shared", "pool", shared, "both shared files, as reference_score.py quotes pools them"),
             ("pooled write", "pool", [a for f in folds if f.role == "write" for a in f.articles], "write folds"),
             ("pooled check", "pool", [a for f in folds if f.role == "check" for a in f.articles],
              "check folds: what to expect on new text")]
    for name, role, arts, note in pools:
        if arts:
            rows.append((Fold(name, role, arts, note), score(arts, out, keep_unsure)))
    return rows


def error_lists() -> dict[str, list[str]]:
    return defaultdict(list)
