"""Instructions per stage of the engine, counted by callgrind: a deterministic measure for a machine shared with
other work (wall-clock times there vary with the load; instruction counts do not).

    python benchmarks/instructions.py [--n 40] [--code DIR]
    FRAMING_PURE_PYTHON=1 python benchmarks/instructions.py    # without the compiled modules (make compile)

Runs itself under ``valgrind --tool=callgrind`` (valgrind must be installed), analyses the first N AllSides articles
after a warm-up (or the demo corpus when ``../shared`` is absent) once with ``framing.analyse``, then each stage
alone on the same articles, and ``TextBlob(text).sentiment`` alone; prints the instructions of each, per article,
and the ratio of TextBlob's to the engine's. The stages' inputs are made before they are counted. ``--code DIR``
measures the ``framing`` package of another checkout (a commit to compare with: ``git worktree add DIR COMMIT``).
Takes a few minutes (callgrind runs Python about 50 times slower).
"""

from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import first_texts  # benchmarks/_common.py: a script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"

# The stages, in the order they run; each is separated from the next by a call of time.sleep(0), before which
# callgrind writes out what it has counted so far (--dump-before=time_sleep).
STAGES = ("start-up, warm-up and the stages' inputs", "whole engine: framing.analyse",
          "text layer (normalise, tokens, sentences, quote pairing)", "language identification", "attributions",
          "quotation kinds and speakers", "speaker roles", "loaded terms", "sentiment (TextBlob lexicon, per sentence)",
          "TextBlob(text).sentiment alone")


def _child(n: int, corpus: Path) -> None:
    """The measured process: each stage between two time.sleep(0) calls."""
    from textblob import TextBlob

    import framing
    from framing.config import DEFAULT
    from framing.detect import attributions, loaded_terms, quotes, roles, sentiment
    from framing.text.document import prepare
    from framing.text.language import identify

    texts = first_texts(corpus, n + 1)
    warm, texts = texts[n], texts[:n]
    lex = framing.default_lexicons()
    framing.analyse(warm)  # lexicons, TextBlob's lexicon, the language model
    _ = TextBlob(warm).sentiment
    docs = [prepare(t) for t in texts]
    attrs = [attributions.detect(d, lex.reporting_verbs, lex.source_terms, DEFAULT) for d in docs]
    adocs = [prepare(t) for t in texts]  # fresh documents: their cached properties are made inside the stages
    calls = [quotes.classify(d, a, DEFAULT, lex.source_terms) for d, a in zip(docs, attrs)]
    quoted = [sorted((c.span.start, c.span.end) for c in cs if c.kind != "scare") for cs in calls]
    chunks = getattr(sentiment, "_CHUNKS", None)
    if chunks is not None:
        chunks.clear()  # the sentiment stage starts as the engine did: with only the warm-up article seen
    time.sleep(0)
    for t in texts:
        framing.analyse(t)
    time.sleep(0)
    for t in texts:
        prepare(t)
    time.sleep(0)
    for t in texts:
        identify(t, DEFAULT)
    time.sleep(0)
    for d in adocs:
        attributions.detect(d, lex.reporting_verbs, lex.source_terms, DEFAULT)
    time.sleep(0)
    for d, a in zip(docs, attrs):
        quotes.classify(d, a, DEFAULT, lex.source_terms)
    time.sleep(0)
    for d, a, c in zip(docs, attrs, calls):
        roles.assign(d, a, c, lex.roles, lex.source_terms)
    time.sleep(0)
    for d, q in zip(docs, quoted):
        loaded_terms.detect(d, lex.loaded_terms, q)
    time.sleep(0)
    if chunks is not None:
        chunks.clear()
    for d in docs:
        sentiment.detect(d)
    time.sleep(0)
    for t in texts:
        _ = TextBlob(t).sentiment
    time.sleep(0)




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose framing package is measured")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.n, args.corpus)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        env = {**os.environ, "PYTHONPATH": str(args.code.resolve())}
        cmd = ["valgrind", "--tool=callgrind", "--dump-before=time_sleep", f"--callgrind-out-file={out}",
               sys.executable, str(Path(__file__).resolve()), "--child", "--n", str(args.n), "--corpus",
               str(args.corpus)]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        parts = sorted(glob.glob(out + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]))
        counts = [_total(p) for p in parts]
    if len(counts) < len(STAGES):
        sys.exit(f"expected {len(STAGES)} parts from callgrind, got {len(counts)}")
    # (run in the measured checkout: a "-c" script has the current folder first on its path)
    state = subprocess.run([sys.executable, "-c", "import framing._native as n; print(n.status())"], env=env,
                           cwd=args.code, capture_output=True, text=True).stdout.strip() \
        or "pure Python (a checkout without them)"
    print(f"{args.n} articles, code from {args.code.resolve()}, instructions counted by callgrind; engine modules: "
          f"{state}")
    for name, c in zip(STAGES[1:], counts[1:len(STAGES)]):
        print(f"  {name:58} {c / 1e6:9,.0f} M  {c / args.n / 1e6:7.2f} M per article")
    engine, tb = counts[1], counts[len(STAGES) - 1]
    print(f"ratio TextBlob sentiment alone / engine (instructions; >= 1 means the engine is at least as fast): "
          f"{tb / engine:.2f}")


def _total(path: str) -> int:
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    raise ValueError(f"no totals in {path}")


if __name__ == "__main__":
    main()
