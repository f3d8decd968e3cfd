"""Speed of ``framing report`` on the bundled demo corpus (165 articles, 18 charts in PNG and SVG), whole and by
stage.

1. The command as a user runs it (``python -m framing report data/demo/articles.jsonl -o DIR``), ``--repeat``
   times in a fresh process: wall time (median), and the CPU time of the command and the processes it started.
2. The same work in this process, stage by stage, the charts drawn here one after the other (``processes=1``) so
   that their time can be split: start-up imports, analysis of the corpus (``load_corpus``: the engine's first
   call loads its models), the tables (``build_report``), writing them (CSV and Parquet), the charts' figures
   (``framing.charts.draw``), their layout (the layout engine), drawing and writing the PNG, writing the SVG, and
   ``report.md`` with the manifest. Each stage's time excludes the stages timed inside it (the layout inside a
   ``savefig``, for example).

    python benchmarks/report_speed.py                 # 3 runs of the command, then the stages once
    python benchmarks/report_speed.py --repeat 5 --out /tmp/report-bench
    python benchmarks/report_speed.py --repeat 0 --cpu  # the stages only, in CPU seconds of this process

Another checkout is measured by putting it first on the path: ``PYTHONPATH=../old-checkout python
benchmarks/report_speed.py`` (the script says which ``framing`` it measured). Not a test: run it by hand,
preferably on an otherwise idle machine; it prints the load average, since other work on the cores inflates
every figure. On a shared machine, ``--cpu`` times the stages by this process' CPU time (``time.process_time``), less
sensitive to the others' work than wall time (though not immune: busy cores run slower), and comparisons are best
made by alternating runs of the two checkouts.
"""

from __future__ import annotations

import argparse
import inspect
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo" / "articles.jsonl"


def command_runs(out: Path, repeat: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of the command and its children) of each run of the command."""
    runs = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        # run outside the checkout: `-m` puts the working folder first on the path
        proc = subprocess.run([sys.executable, "-m", "framing", "report", str(DEMO), "-o", str(out)],
                              stderr=subprocess.PIPE, text=True, cwd=tempfile.gettempdir())
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"framing report failed ({proc.returncode}):\n{proc.stderr}")
        runs.append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return runs


class Stages:
    """Time by stage (``clock``: wall or CPU), each call's time less that of the timed calls inside it."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.seconds: Counter[str] = Counter()
        self._inner: list[float] = []  # per open call: time spent in timed calls inside it

    def wrap(self, owner: Any, name: str, stage: str | Callable[[tuple[Any, ...], dict[str, Any]], str]) -> None:
        """Time ``owner.name`` (a module function or a method) as ``stage`` (or ``stage(args, kwargs)``)."""
        if not hasattr(owner, name):
            return  # not in the checkout measured
        fn = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            self._inner.append(0.0)
            t0 = self.clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = self.clock() - t0
                inner = self._inner.pop()
                self.seconds[stage(args, kwargs) if callable(stage) else stage] += spent - inner
                if self._inner:
                    self._inner[-1] += spent

        setattr(owner, name, timed)


def stage_run(out: Path, clock: Callable[[], float] = time.perf_counter) -> tuple[list[tuple[str, float]], float]:
    """The stages of one report drawn in this process, in order, and the total."""
    t0 = clock()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    import framing.charts
    import framing.plots
    from framing.compare import reportgen
    from framing.compare.corpus import load_corpus

    imports = clock() - t0
    st = Stages(clock)
    st.wrap(reportgen, "build_report", "tables")
    st.wrap(reportgen, "write_table", "writing tables (CSV, Parquet)")
    st.wrap(framing.charts, "draw", "charts: figures")
    st.wrap(framing.charts, "_plot", "charts: figures")  # what draw_files calls (since 2026-12-03)
    st.wrap(ConstrainedLayoutEngine, "execute", "charts: layout")
    st.wrap(FigureCanvasAgg, "draw", "charts: PNG drawn")
    st.wrap(Figure, "savefig", lambda a, k: f"charts: {k.get('format')} written")
    st.wrap(framing.plots, "imsave", "charts: png written")  # where save_figure writes the PNG's pixels itself
    st.wrap(reportgen, "render_markdown", "report.md and manifest")
    st.wrap(reportgen, "_manifest", "report.md and manifest")
    t1 = clock()
    corpus = load_corpus(DEMO)
    analysis = clock() - t1
    serial = "processes" in inspect.signature(reportgen.write_report).parameters  # not before 2026-12-03
    kwargs: dict[str, Any] = {"processes": 1} if serial else {}
    t2 = clock()
    reportgen.write_report(corpus, out, **kwargs)
    write = clock() - t2
    order = ["tables", "writing tables (CSV, Parquet)", "charts: figures", "charts: layout", "charts: PNG drawn",
             "charts: png written", "charts: svg written", "report.md and manifest"]
    rows = [("start-up imports (framing, pandas, matplotlib)", imports), ("analysis (load_corpus)", analysis)]
    rows += [(k, st.seconds[k]) for k in order] + [(k, v) for k, v in st.seconds.items() if k not in order]
    rows.append(("other (folders, hashes, glue)", write - sum(st.seconds.values())))
    return rows, imports + analysis + write


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the command (default 3)")
    ap.add_argument("--out", type=Path, help="the report folder (default: a temporary folder, removed)")
    ap.add_argument("--cpu", action="store_true", help="time the stages in CPU seconds of this process, not wall")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="framing-report-bench-"))
    out = args.out or tmp / "report"
    try:
        found = subprocess.run([sys.executable, "-c", "import framing; print(framing.__file__, framing.__version__)"],
                               capture_output=True, text=True, check=True, cwd=tmp).stdout.strip()
        print(f"framing: {found}")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        if args.repeat > 0:
            runs = command_runs(out, args.repeat)
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(f"\n`framing report` on the demo corpus, {args.repeat} runs: wall {statistics.median(walls):.1f} s "
                  f"(median; {', '.join(f'{w:.1f}' for w in walls)}), CPU {statistics.median(cpus):.1f} s (command "
                  "and the processes it started)")
        rows, total = stage_run(tmp / "stages", time.process_time if args.cpu else time.perf_counter)
        print(f"\nStages, in one process, charts drawn one after the other ({'CPU ' if args.cpu else ''}seconds)\n")
        print("| stage | seconds |\n|---|---:|")
        for name, secs in rows:
            print(f"| {name} | {secs:.2f} |")
        print(f"| **total** | **{total:.2f}** |")
        print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
