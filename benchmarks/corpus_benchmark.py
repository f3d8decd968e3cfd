"""End-to-end benchmark of corpus runs: ingest + analyse + store, with 1 and 2 workers, against the engine alone.

Builds a corpus of N articles (default 100,000) by repeating the real AllSides subset
(``../shared/data/allsides_articles/subset_articles.jsonl.gz``, 5,063 articles) with distinct ids; each copy's
text gets a short distinct last line (``Copy 7.``) so that the copies are not set aside as duplicates. Then:

1. the engine's own single-core rate: ``framing.analyse`` on the 5,063 distinct texts, in this process, with the
   corpus config (the mix of texts is exactly the corpus's), measured before the first run and again after each
   run: this machine's speed drifts by up to 10% over minutes (a shared VM), so each run is compared with the mean
   of the two engine measurements on either side of it, and both are printed; the engine is also timed inside
   each run (the CPU time of ``framing.analyse`` in the workers, from the run's manifest), which shares the
   run's machine speed and so is not affected by the drift;
2. ``framing run`` on the corpus as a subprocess, for each worker count: wall time, articles/s, CPU seconds (all
   processes, and the run process alone: with 2 workers on 2 cores it limits the run), and peak memory (the sum of the resident sizes of the run and its worker processes, sampled every 0.5 s);
3. the stores of the runs compared (articles and findings must be identical);
4. the read API on the largest store: filters by source, date range and event.

It prints what it measured and the targets (speedup with 2 workers >= 1.7, peak memory < 1 GB, end-to-end rate
>= 80% of the engine's single-core rate x workers). Not a test: run it by hand on an otherwise idle machine.

    python benchmarks/corpus_benchmark.py                 # 100,000 articles, 1 and 2 workers (~25 min on 2 cores)
    python benchmarks/corpus_benchmark.py --articles 20000 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import SUBSET, build_corpus  # benchmarks/_common.py: a script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]

MAPPING = ["--text-field", "content_original", "--leaning-field", "bias_text", "--event-field", "group_key"]
# `framing run` as `python -m framing` runs it, then the CPU time of the run process alone (its DuckDB threads
# included, its workers not): the run process is what limits a run on 2 cores.
RUN = ("import resource, sys\n"
       "from framing.cli import main\n"
       "try:\n"
       "    sys.exit(main())\n"
       "finally:\n"
       "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
       "    print(f'run process CPU: {r.ru_utime + r.ru_stime:.3f} s', file=sys.stderr)\n")




def engine_rate(with_rows: bool = False) -> tuple[float, float | None, int]:
    """Articles/s of ``framing.analyse`` alone on the subset, and (if asked) of analyse + ``to_dict`` + the tidy
    rows."""
    import framing
    from framing.config import CORPUS_CONFIG
    from framing.tables import article_row, finding_rows

    texts = [json.loads(line)["content_original"] for line in gzip.open(SUBSET, "rt", encoding="utf-8")]
    lex = framing.default_lexicons()
    framing.analyse("Warm up the engine, officials said on Tuesday.", lexicons=lex, config=CORPUS_CONFIG)
    t0 = time.perf_counter()
    for i, text in enumerate(texts):  # the reports are not kept: a run does not keep them either
        framing.analyse(text, id=str(i), lexicons=lex, config=CORPUS_CONFIG)
    alone = len(texts) / (time.perf_counter() - t0)
    if not with_rows:
        return alone, None, len(texts)
    reports = [framing.analyse(text, id=str(i), lexicons=lex, config=CORPUS_CONFIG) for i, text in
               enumerate(texts[:1000])]
    t1 = time.perf_counter()
    for rep in reports:
        d = rep.to_dict()
        article_row(d)
        finding_rows(d)
    extra = (time.perf_counter() - t1) / len(reports)
    return alone, 1.0 / (1.0 / alone + extra), len(texts)


def run(corpus: Path, db: Path, workers: int, batch: int) -> dict[str, float]:
    import psutil

    cmd = [sys.executable, "-c", RUN, "run", str(corpus), "--db", str(db), "--workers", str(workers),
           "--no-progress", "--batch-size", str(batch), *MAPPING]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    ps = psutil.Process(proc.pid)
    peak = peak_pss = peak_main = 0
    procs: list[psutil.Process] = [ps]
    tick = 0
    while proc.poll() is None:  # light sampling (the sampler must not slow the run down): RSS every 0.5 s,
        if tick % 4 == 0:       # the process list and PSS (reads smaps) every 2 s
            try:
                procs = [ps, *ps.children(recursive=True)]
            except psutil.Error:
                pass
        rss = pss = 0
        for p in procs:
            try:
                if tick % 4 == 0:
                    info = p.memory_full_info()  # RSS counts shared libraries once per process; PSS shares them
                    pss += getattr(info, "pss", info.rss)
                    rss += info.rss
                else:
                    rss += p.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, rss)
        if tick % 4 == 0:
            peak_pss = max(peak_pss, pss)
        try:
            peak_main = max(peak_main, ps.memory_info().rss)
        except psutil.Error:
            pass
        tick += 1
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"framing run failed ({proc.returncode}):\n{err}")
    summary = next(line for line in err.splitlines() if " complete" in line)
    analysed = int(summary.split(" analysed")[0].rsplit(" ", 1)[1].replace(",", ""))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    main_cpu = float(next(line for line in err.splitlines() if line.startswith("run process CPU: ")).split()[3])
    return {"wall": wall, "analysed": analysed, "rate": analysed / wall, "cpu": cpu, "main_cpu": main_cpu,
            "peak_mb": peak / 2**20, "peak_pss_mb": peak_pss / 2**20,
            "peak_main_mb": peak_main / 2**20, "load_before": load, "summary": summary}


def engine_in_run(db: Path, analysed: int) -> float:
    """The engine's one-core rate as timed inside the run: articles per CPU second of ``framing.analyse`` in the
    workers (the manifest's ``engine_cpu_seconds``). Measured while the run ran, it shares the run's machine speed;
    two analyses in parallel on this machine take the same CPU time per article as one alone (measured)."""
    from framing.corpus.store import open_store

    with open_store(db, read_only=True) as st:
        run_id = int(st.runs()["run_id"].max())
        session = st.manifest(run_id)["timings"]["sessions"][-1]
    return analysed / session["engine_cpu_seconds"]


def same_tables(a: Path, b: Path) -> bool | None:
    """Are the articles, findings and ledgers of two stores identical? None when the engine changed between the
    two runs (their versions keys differ), which makes them incomparable."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{a}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{b}' AS b (READ_ONLY)")
    keys = con.execute("SELECT (SELECT list(DISTINCT versions_key) FROM a.articles), "
                       "(SELECT list(DISTINCT versions_key) FROM b.articles)").fetchall()[0]
    if sorted(keys[0]) != sorted(keys[1]):
        return None
    for t in ("articles", "findings", "records"):
        for x, y in (("a", "b"), ("b", "a")):
            (n,), = con.execute(f"SELECT count(*) FROM (SELECT * FROM {x}.{t} EXCEPT ALL SELECT * FROM {y}.{t})"
                                ).fetchall()
            if n:
                return False
    return True


def query_times(db: Path) -> tuple[dict[str, float], int, int]:
    from framing.corpus.store import open_store

    out = {}
    with open_store(db, read_only=True) as st:
        some = st.articles_frame(where={"source": "Politico"})
        event = some["event"].dropna().iloc[0]
        checks = {
            "articles_frame() all": lambda: st.articles_frame(),
            "articles_frame(source=Politico)": lambda: st.articles_frame(where={"source": "Politico"}),
            "articles_frame(date in one month)": lambda: st.articles_frame(where={"date": ("2020-03-01",
                                                                                          "2020-03-31")}),
            f"articles_frame(event={event})": lambda: st.articles_frame(where={"event": event}),
            "articles_frame(leaning=left, source in 3)": lambda: st.articles_frame(
                where={"leaning": "left", "source": ["CNN (Web News)", "Politico", "Vox"]}),
            "findings_frame(100 articles)": lambda: st.findings_frame(article_ids=some["article_id"][:100]),
            "texts(100 articles)": lambda: st.texts(some["article_id"][:100]),
        }
        for name, fn in checks.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t0)
            out[name] = statistics.median(times)
        n_rows = st.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        n_cols = len(st.articles_frame(where={"source": []}).columns)
    return out, n_rows, n_cols


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="corpus size (default 100,000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    ap.add_argument("--batch-size", type=int, default=250)
    ap.add_argument("--keep", metavar="DIR", help="build the corpus and stores here and keep them")
    args = ap.parse_args()
    if not SUBSET.exists():
        print(f"needs {SUBSET} (the project's shared data)", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="framing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; folder {work}")

    corpus = work / f"allsides_x{args.articles}.jsonl.gz"
    t0 = time.perf_counter()
    if not corpus.exists():
        build_corpus(args.articles, corpus)
    print(f"corpus: {args.articles:,} articles, {corpus.stat().st_size / 2**20:.0f} MB gzipped, built in "
          f"{time.perf_counter() - t0:.0f} s")

    alone, with_rows, n = engine_rate(with_rows=True)
    print(f"engine, one core, {n:,} distinct texts: {alone:.1f} articles/s (analyse alone), "
          f"{with_rows or 0:.1f} articles/s with to_dict() and the tidy rows")

    results = {}
    for w in args.workers:
        db = work / f"w{w}.duckdb"
        for f in (db, Path(f"{db}.wal")):
            f.unlink(missing_ok=True)
        r = run(corpus, db, w, args.batch_size)
        after = engine_rate()[0]
        r["engine"] = (alone + after) / 2
        r["ratio"] = r["rate"] / (r["engine"] * w)
        r["engine_in_run"] = engine_in_run(db, r["analysed"])
        r["ratio_in_run"] = r["rate"] / (r["engine_in_run"] * w)
        results[w] = r
        print(f"{w} worker(s): {r['analysed']:,} analysed in {r['wall']:.0f} s = {r['rate']:.1f} articles/s; "
              f"CPU {r['cpu']:.0f} s, of which the run process {r['main_cpu']:.1f} s "
              f"({r['main_cpu'] / r['analysed'] * 1000:.2f} ms an article); peak memory {r['peak_mb']:.0f} MB RSS, "
              f"{r['peak_pss_mb']:.0f} MB PSS (run process "
              f"{r['peak_main_mb']:.0f} MB RSS); load before {r['load_before']:.2f}; store {db.stat().st_size / 2**20:.0f} "
              f"MB; engine {alone:.1f} articles/s before the run, {after:.1f} after: {r['ratio']:.0%} of engine x {w}; "
              f"engine inside the run {r['engine_in_run']:.1f} articles per CPU second: {r['ratio_in_run']:.0%}")
        alone = after

    if 1 in results and 2 in results:
        speedup = results[2]["rate"] / results[1]["rate"]
        same = same_tables(work / "w1.duckdb", work / "w2.duckdb")
        verdict = "not compared: the engine changed between the runs" if same is None else same
        print(f"speedup with 2 workers: {speedup:.2f}x (target >= 1.7); stores identical: {verdict}")
    peak = max(r["peak_mb"] for r in results.values())
    pss = max(r["peak_pss_mb"] for r in results.values())
    print(f"peak memory, all processes: {peak:.0f} MB as summed RSS, {pss:.0f} MB as summed PSS (target < 1024 MB)")
    for w, r in results.items():
        print(f"end-to-end rate with {w}: {r['rate']:.1f} articles/s = {r['ratio']:.0%} of the engine's single-core "
              f"rate x {w} ({r['engine']:.1f} articles/s, mean of the measurements before and after) (target >= 80%)")
        print(f"  against the engine timed inside the same run: {r['ratio_in_run']:.0%} of {r['engine_in_run']:.1f} "
              f"articles/s x {w} (the CPU time of framing.analyse in the workers, so the machine's drift cancels)")

    biggest = work / f"w{max(results)}.duckdb"
    q, n_rows, n_cols = query_times(biggest)
    print(f"read API on {n_rows:,} articles ({n_cols} columns), median of 3:")
    for name, secs in q.items():
        print(f"  {name}: {secs * 1000:.0f} ms")
    if not args.keep:
        for f in work.iterdir():
            f.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
