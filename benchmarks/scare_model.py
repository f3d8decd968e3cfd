"""Could a model over the engine's own evidence call scare quotes better than its rules? A check, not a feature.

For every quotation the engine finds in the labelled quotation folds (``framing evaluate quotes``' folds: the two
shared files and our own labels), a set of general features is taken from what the engine and the text say about
it: the kind and the reason the engine gave, the number of words, capitals and final punctuation inside the marks,
a speaker or cue found, a determiner or a naming frame ('so-called', 'dubbed', 'the term') before it, an attribution
in the paragraph or one whose content covers it, the same words quoted elsewhere in the article, a loaded term
inside, function words and pronouns inside. With ``--words`` the quoted words and the words on either side are
added as features too.

A logistic model (L2 penalty ``--penalty``, Newton's method, no other dependency than numpy) is fitted on the
quotations of the **write** folds, whose sure labels say scare or not (a quotation matching an unsure span is left
out, one matching no span is not scare), and measured on the **check** folds beside the engine's own calls: scare
P / R / F1 as ``framing evaluate quotes`` counts them (sure spans the engine did not find count as missed) at
several probability thresholds. The engine's figures here are its figures on the same folds.

    python benchmarks/scare_model.py                      # needs ../shared/data (the two shared quotation files)
    python benchmarks/scare_model.py --words --penalty 3

Not a test: it prints what it measured. The findings and their date are in docs/quotations.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from framing.evaluate import default_data
from framing.evaluate.quotations import Fold, load_folds, prf
from framing.report import analyse

DETERMINERS = frozenset("the a an this that these those its their his her our my your some any no of".split())
FRAMES = frozenset("so-called called dubbed term word words label phrase titled named headlined slogan branded "
                   "known".split())
FUNCTION = frozenset("the a an of to in on for and or but is are was were be been being have has had do does did "
                     "will would can could should may might must not no that this these those it its with as at by "
                     "from than then so if".split())
PRONOUNS = frozenset("i we you he she they me us him her them my our your his their".split())
WORD = re.compile(r"[\w'-]+")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def reason_class(reason: str | None) -> str:
    """The engine's reason without its particulars (the quoted words, the cue in brackets): a class of evidence."""
    r = re.sub(r"\(.*?\)", "", reason or "")
    return re.sub(r"'[^']*'|\"[^\"]*\"", "", r).strip()[:60]


def features(text: str, q: dict[str, Any], found: list[dict[str, Any]], words: bool) -> dict[str, float]:
    s, e = q["start"], q["end"]
    inner = text[s:e]
    ws = WORD.findall(inner)
    n = len(ws)
    before = WORD.findall(text[max(0, s - 60):max(0, s - 1)])
    after = WORD.findall(text[e + 1:e + 40])
    b1 = before[-1].lower() if before else ""
    b2 = before[-2].lower() if len(before) > 1 else ""
    p_start = text.rfind("\n", 0, s)
    p_end = text.find("\n", e) if text.find("\n", e) >= 0 else len(text)
    atts = [f for f in found if f["type"] == "attribution"]
    quotes = [f for f in found if f["type"] == "quote"]
    in_para = sum(1 for a in atts if p_start <= a["start"] < p_end)
    f: dict[str, Any] = {
        "bias": 1, "kind " + str(q.get("kind")): 1, "reason " + reason_class(q.get("reason")): 1,
        "1 word": n == 1, "2 words": n == 2, "3-4 words": 3 <= n <= 4, "5-8 words": 5 <= n <= 8, "9+ words": n >= 9,
        "capital first": inner[:1].isupper(), "every word capitalised": n > 0 and all(w[:1].isupper() for w in ws),
        "lower case": inner == inner.lower(), "ends in punctuation": inner.rstrip()[-1:] in (".", ",", "!", "?"),
        "speaker": q.get("speaker") is not None, "cue": q.get("cue") is not None,
        "determiner before": b1 in DETERMINERS, "determiner two before": b2 in DETERMINERS,
        "naming frame before": b1 in FRAMES or b2 in FRAMES,
        "opens a sentence": s <= 1 or bool(re.search(r"(^|[.!?]\s*|\n\s*)$", text[max(0, s - 4):s - 1])),
        "comma after": text[e + 1:e + 2] == ",", "period after": text[e + 1:e + 2] == ".",
        "same words quoted elsewhere": any(o is not q and text[o["start"]:o["end"]].lower() == inner.lower()
                                           for o in quotes),
        "attribution in paragraph": in_para > 0, "2+ attributions in paragraph": in_para > 1,
        "inside an attribution's content": any(a.get("content_start") is not None and a["content_start"] <= s
                                               and e <= a["content_end"] for a in atts),
        "single marks": q.get("open_mark") in ("'", "\u2018"), "nested": (q.get("depth") or 0) > 0,
        "loaded term inside": any(x["type"] == "loaded_term" and s <= x["start"] and x["end"] <= e for x in found),
        "many function words": n > 0 and sum(w.lower() in FUNCTION for w in ws) / n >= 0.4,
        "function word": any(w.lower() in FUNCTION for w in ws), "pronoun": any(w.lower() in PRONOUNS for w in ws),
    }
    if words:
        for w in {x.lower() for x in ws}:
            f["word " + w] = 1
        f["before " + b1] = 1
        f["after " + (after[0].lower() if after else "")] = 1
    return {k: float(v) for k, v in f.items() if v}


def examples(folds: list[Fold], role: str, out: dict[str, dict[str, Any]], words: bool
             ) -> tuple[list[dict[str, float]], list[int], list[bool], int]:
    """Features, sure labels (1 = scare) and the engine's calls for the quotations found in the ``role`` folds, and
    the sure scare spans the engine did not find (missed whatever the model says)."""
    feats, labels, engine, missed = [], [], [], 0
    for fold in folds:
        if fold.role != role:
            continue
        for a in fold.articles:
            found = out[str(a["id"])]["findings"]
            quotes = [f for f in found if f["type"] == "quote"]
            match: dict[int, dict[str, Any]] = {}
            for g in a["quotes"]:  # the scorer's matching: the first unused quotation with IoU >= 0.9
                for j, p in enumerate(quotes):
                    inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
                    union = max(g["end"], p["end"]) - min(g["start"], p["start"])
                    if j not in match and union > 0 and inter / union >= 0.9:
                        match[j] = g
                        break
                else:
                    missed += g["kind"] == "scare" and not g.get("note", "").startswith("UNSURE")
            for j, p in enumerate(quotes):
                g = match.get(j)
                if g is not None and g.get("note", "").startswith("UNSURE"):
                    continue
                feats.append(features(a["text"], p, found, words))
                labels.append(int(g is not None and g["kind"] == "scare"))
                engine.append(p.get("kind") == "scare")
    return feats, labels, engine, missed


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + penalty * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def figures(called: np.ndarray, y: np.ndarray, missed: int) -> str:
    tp = int((called & (y == 1)).sum())
    fp = int((called & (y == 0)).sum())
    fn = int((~called & (y == 1)).sum()) + missed
    p, r, f1 = prf(tp, fp, fn)
    return f"{p:.3f} / {r:.3f} / {f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--words", action="store_true", help="the quoted words and their neighbours as features too")
    ap.add_argument("--penalty", type=float, default=1.0, help="L2 penalty (default 1)")
    args = ap.parse_args(argv)
    data = Path(args.data) if args.data else default_data()
    if not (data / "quotes" / "quotes_dev.jsonl").exists():
        print(f"scare_model: no quotation files in {data}", file=sys.stderr)
        return 2
    folds = load_folds(data)
    arts = [a for f in folds for a in f.articles]
    print(f"analysing {len(arts)} articles...", file=sys.stderr)
    out = {str(a["id"]): analyse(a["text"], id=str(a["id"]), source=a.get("source")).to_dict() for a in arts}
    fw, yw, ew, mw = examples(folds, "write", out, args.words)
    fc, yc, ec, mc = examples(folds, "check", out, args.words)
    seen = Counter(k for f in fw for k in f)
    names = sorted(k for k, n in seen.items() if n >= 3)  # features seen at least three times in the write folds
    col = {k: i for i, k in enumerate(names)}

    def matrix(fs: list[dict[str, float]]) -> np.ndarray:
        m = np.zeros((len(fs), len(names)))
        for i, f in enumerate(fs):
            for k, v in f.items():
                if k in col:
                    m[i, col[k]] = v
        return m

    xw, xc = matrix(fw), matrix(fc)
    w = fit(xw, np.array(yw, dtype=float), args.penalty)
    print(f"{len(names)} features{' (with words)' if args.words else ''}, penalty {args.penalty:g}; fitted on "
          f"{len(yw):,} write-fold quotations ({sum(yw)} sure scare), measured on {len(yc):,} check-fold quotations "
          f"({sum(yc)} sure scare; sure scare spans not found: write {mw}, check {mc})")
    print(f"{'scare P / R / F1':<24}{'write folds':>24}{'check folds':>24}")
    print(f"{'engine (its rules)':<24}{figures(np.array(ew), np.array(yw), mw):>24}"
          f"{figures(np.array(ec), np.array(yc), mc):>24}")
    pw, pc = 1 / (1 + np.exp(-(xw @ w))), 1 / (1 + np.exp(-(xc @ w)))
    for t in THRESHOLDS:
        print(f"{f'model, p >= {t:g}':<24}{figures(pw >= t, np.array(yw), mw):>24}"
              f"{figures(pc >= t, np.array(yc), mc):>24}")
    print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in sorted(zip(names, w), key=lambda x: -abs(x[1]))[:12]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
