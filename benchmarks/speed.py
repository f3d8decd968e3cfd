"""Engine speed on real articles, one core: the whole engine, each stage, and TextBlob's sentiment alone.

    python benchmarks/speed.py [--n 600] [--corpus ../shared/data/allsides_articles/subset_articles.jsonl.gz]
    FRAMING_PURE_PYTHON=1 python benchmarks/speed.py     # the same without the compiled modules (make compile)

Prints articles/s and MB/s for ``framing.analyse`` and for each stage (text preparation, attributions, quotation
kinds, speaker roles, loaded terms, sentiment), and the ratio of the engine's rate to ``TextBlob(text).sentiment`` on the same
articles in the same run (machines differ; the ratio holds). Best of three passes per measurement, in CPU time of
the process (steadier than wall-clock time on a machine shared with other work); the load average is printed with
the figures. The engine and TextBlob are timed in alternate passes (engine, TextBlob, engine, ...), as
``../shared/tools/reference_score.py speed`` times them, so that a machine whose speed drifts over the run slows
both alike; the stages are timed after them. ``benchmarks/instructions.py`` counts instructions per stage instead
(deterministic).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import first_texts  # noqa: E402  (benchmarks/_common.py: a script's own folder is on sys.path)

import framing  # noqa: E402
from framing import _native  # noqa: E402
from framing.config import DEFAULT  # noqa: E402
from framing.detect import attributions, loaded_terms, quotes, roles, sentiment  # noqa: E402
from framing.text.document import prepare  # noqa: E402
from framing.text.language import identify  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"




def best_of(fn, items, passes: int = 3) -> float:
    best = float("inf")
    for _ in range(passes):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    from textblob import TextBlob

    texts = first_texts(args.corpus, args.n)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lex = framing.default_lexicons()
    for t in texts[:20]:  # warm up: lexicons, TextBlob's lexicon
        framing.analyse(t)
        _ = TextBlob(t).sentiment

    docs = [prepare(t) for t in texts]
    attrs = [attributions.detect(d, lex.reporting_verbs, lex.source_terms, DEFAULT) for d in docs]
    pairs = list(zip(docs, attrs))
    calls = [quotes.classify(d, a, DEFAULT, lex.source_terms) for d, a in pairs]
    quoted = [sorted((c.span.start, c.span.end) for c in cs if c.kind != "scare") for cs in calls]

    stages = {
        "whole engine: framing.analyse": (framing.analyse, texts),
        "text layer (normalise, tokens, sentences, quote pairing)": (prepare, texts),
        "language identification": (lambda t: identify(t, DEFAULT), texts),
        "attributions": (lambda d: attributions.detect(d, lex.reporting_verbs, lex.source_terms, DEFAULT), docs),
        "quotation kinds and speakers": (lambda p: quotes.classify(p[0], p[1], DEFAULT, lex.source_terms), pairs),
        "speaker roles": (lambda t: roles.assign(t[0], t[1], t[2], lex.roles, lex.source_terms),
                          list(zip(docs, attrs, calls))),
        "loaded terms": (lambda p: loaded_terms.detect(p[0], lex.loaded_terms, p[1]), list(zip(docs, quoted))),
        "sentiment (TextBlob lexicon, per sentence)": (lambda d: sentiment.detect(d), docs),
        "TextBlob(text).sentiment alone": (lambda t: TextBlob(t).sentiment, texts),
    }
    print(f"{len(texts)} articles, {mb:.2f} MB, one core, best of 3 passes (CPU time); load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; engine modules: {_native.status()}")
    whole, alone = "whole engine: framing.analyse", "TextBlob(text).sentiment alone"
    # the engine and TextBlob in alternate passes (the ratio's two terms under the same drift), then the stages
    best = {whole: float("inf"), alone: float("inf")}
    for _ in range(3):
        for name in best:
            best[name] = min(best[name], best_of(*stages[name], passes=1))
    rates = {}
    for name, (fn, items) in stages.items():
        dt = best[name] if name in best else best_of(fn, items)
        rates[name] = len(items) / dt
        print(f"  {name:58} {len(items) / dt:8.0f} articles/s {mb / dt:7.2f} MB/s")
    ratio = rates[whole] / rates[alone]
    print(f"ratio engine / TextBlob sentiment alone: {ratio:.2f} (issue 15: >= 1.0, goal 2); load average now "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
