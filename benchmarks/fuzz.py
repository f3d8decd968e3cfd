"""Fuzz the engine and the JSONL readers with generated inputs and print what was checked and what failed.

    python benchmarks/fuzz.py                      # 1,000,000 inputs: 800,000 texts + 200,000 JSON lines
    python benchmarks/fuzz.py --texts 20000 --lines 5000 --workers 1

Texts come from ``framing.adversarial.fuzz_text`` (pieces of news text and broken input in random order, or any code
points at all) and go through ``framing.analyse``: no exception, the output contract
(``framing.adversarial.contract_violations``: offsets inside the text, ``text == original[start:end]``, sources and
contents inside, JSON output), and byte-identical output when one text in ten is analysed again. JSON lines come
from ``fuzz_jsonl_line`` (odd fields, lines cut short, deep nesting, bad bytes, random bytes), are written to files
of 1,000 lines, and read by the reader that ``framing analyse``, ``framing run`` and uploads share: no exception, and
every non-blank line is accounted for once (a record or an error).

Inputs are generated from seeds (``--seed``, then one per chunk), so a run is reproducible; a failing input is
written to ``--failures`` (JSON lines with its seed) to be replayed. Not a test: ``tests/test_fuzz.py`` runs a short
version.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHUNK_TEXTS = 2000
CHUNK_LINES = 1000
AGAIN_EVERY = 10  # one text in this many is analysed twice to check that the output is byte-identical


def fuzz_texts(seed: int, n: int) -> dict:
    import framing
    from framing.adversarial import contract_violations, fuzz_text
    from framing.inputs import dumps

    rng = random.Random(seed)
    # the lexicons and the language model load on first use (the model only for a text of 20 letters or more): not
    # part of any input's time
    framing.analyse("Warm up the engine. The minister said so on Tuesday.")
    out = {"texts": 0, "chars": 0, "failures": [], "slowest": (0.0, 0)}
    for i in range(n):
        text = fuzz_text(rng)
        t0 = time.perf_counter()
        try:
            report = framing.analyse(text)
            problems = contract_violations(text, report)
            if i % AGAIN_EVERY == 0 and dumps(framing.analyse(text).to_dict()) != dumps(report.to_dict()):
                problems.append("the output differs when the same text is analysed again")
        except Exception as exc:  # what the fuzz run is looking for
            problems = [f"raised {type(exc).__name__}: {exc}"]
        took = time.perf_counter() - t0
        if took > out["slowest"][0]:
            out["slowest"] = (took, len(text))
        out["texts"] += 1
        out["chars"] += len(text)
        if problems:
            out["failures"].append({"seed": seed, "index": i, "text": text, "problems": problems[:5]})
    return out


def fuzz_lines(seed: int, n: int) -> dict:
    from framing.adversarial import fuzz_jsonl_line, reader_violations

    rng = random.Random(seed)
    lines = [fuzz_jsonl_line(rng) for _ in range(n)]
    with tempfile.TemporaryDirectory(prefix="framing-fuzz-") as tmp:
        path = str(Path(tmp) / f"fuzz-{seed}.jsonl")
        Path(path).write_bytes(b"\n".join(lines) + b"\n")
        try:
            problems = reader_violations(path, lines)
        except Exception as exc:
            problems = [f"raised {type(exc).__name__}: {exc}"]
    failures = [{"seed": seed, "lines": [x.decode("latin-1") for x in lines], "problems": problems[:5]}] \
        if problems else []
    return {"lines": n, "failures": failures}


def _run(job: tuple[str, int, int]) -> dict:
    kind, seed, n = job
    return fuzz_texts(seed, n) if kind == "texts" else fuzz_lines(seed, n)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=800_000)
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--failures", default="fuzz-failures.jsonl", help="where failing inputs are written")
    args = ap.parse_args()
    jobs = [("texts", args.seed * 1_000_003 + i, min(CHUNK_TEXTS, args.texts - i * CHUNK_TEXTS))
            for i in range((args.texts + CHUNK_TEXTS - 1) // CHUNK_TEXTS)]
    jobs += [("lines", args.seed * 1_000_033 + 500_000 + i, min(CHUNK_LINES, args.lines - i * CHUNK_LINES))
             for i in range((args.lines + CHUNK_LINES - 1) // CHUNK_LINES)]
    t0 = time.perf_counter()
    texts = chars = lines = 0
    slowest = (0.0, 0)
    failures: list[dict] = []
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        for k, res in enumerate(pool.imap_unordered(_run, jobs), 1):
            texts += res.get("texts", 0)
            chars += res.get("chars", 0)
            lines += res.get("lines", 0)
            slowest = max(slowest, res.get("slowest", (0.0, 0)))
            failures += res["failures"]
            if k % 50 == 0:
                print(f"  {texts:,} texts, {lines:,} lines, {len(failures)} failures, "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
    seconds = time.perf_counter() - t0
    if failures:
        with open(args.failures, "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(json.dumps(f, ensure_ascii=True) + "\n")
    print(f"fuzz run (seed {args.seed}, {args.workers} workers): {texts + lines:,} inputs in {seconds:.0f} s")
    print(f"  framing.analyse: {texts:,} texts ({chars:,} characters; one in {AGAIN_EVERY} analysed twice), "
          f"slowest {slowest[0] * 1000:.0f} ms ({slowest[1]:,} characters)")
    files = sum(1 for j in jobs if j[0] == "lines")
    print(f"  JSONL reader:    {lines:,} lines in {files:,} files")
    print(f"  failures: {len(failures)}" + (f" (written to {args.failures})" if failures else ""))
    for f in failures[:5]:
        print(f"    seed {f['seed']}: {f['problems']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
