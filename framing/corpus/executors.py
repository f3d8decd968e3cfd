"""Where a run's batches are analysed: in the run process (:class:`InlineExecutor`), in a pool of worker processes on
this machine (:class:`PoolExecutor`) or on a Dask cluster (:mod:`framing.corpus.dask_engine`). The run loop
(:mod:`framing.corpus.runner`) sees only the :class:`Executor` protocol."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from framing.config import Config
from framing.corpus.worker import BatchResult, Task, analyse_batch, analyse_to_files, init_pool_worker
from framing.lexicons import Lexicons, default_lexicons
from framing.processes import process_pool

Engine = Literal["local", "dask"]
ENGINES = ("local", "dask")


class Handle(Protocol):
    def result(self) -> BatchResult: ...


class Executor(Protocol):
    """Runs :func:`framing.corpus.worker.analyse_batch` somewhere; ``window`` batches may be in flight."""

    window: int

    def submit(self, tasks: list[Task], run_id: int, versions_key: str, part: str) -> Handle: ...

    def close(self) -> None: ...


@dataclass
class _Done:
    value: BatchResult

    def result(self) -> BatchResult:
        return self.value


class InlineExecutor:
    """Analyse in this process (``--workers 1``)."""

    window = 1

    def __init__(self, lexicons: Lexicons | None, config: Config) -> None:
        self.lexicons = lexicons or default_lexicons()
        self.config = config

    def submit(self, tasks: list[Task], run_id: int, versions_key: str, part: str) -> Handle:
        return _Done(analyse_batch(tasks, run_id, versions_key, self.lexicons, self.config))

    def close(self) -> None:
        pass


class PoolExecutor:
    """Analyse in N worker processes on this machine (:func:`framing.processes.process_pool`: nothing is left
    running). Workers load the lexicons once, in their initializer; they hand each batch's tables back as Arrow IPC
    files (:func:`framing.corpus.worker.analyse_to_files`)."""

    def __init__(self, workers: int, lexicons: Lexicons | None, config: Config, commit_group: int) -> None:
        # Batches in flight: a worker has three more queued behind the one it analyses, so that it does not run dry
        # while the run process is inside a DuckDB checkpoint (figures: docs/design-measurements.md). With
        # commit_group batches taken out at a time, at least 4 x workers + 1 stay in flight.
        self.window = 4 * workers + commit_group
        self.pool = process_pool(workers, init_pool_worker, (lexicons, config))
        # The workers' result tables, four files per batch (see worker.analyse_to_files), deleted once committed. The
        # folder's name carries this process's id, so that the folders of runs killed before they could remove
        # theirs (SIGKILL, a power cut) are recognised and removed by the next run.
        remove_orphan_folders()
        self.folder = tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-")

    def submit(self, tasks: list[Task], run_id: int, versions_key: str, part: str) -> Handle:
        fut: Future[BatchResult] = self.pool.submit(analyse_to_files, tasks, run_id, versions_key, self.folder, part)
        return fut

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)


_FOLDER_PREFIX = "framing-run-"


# A folder unchanged for this long belongs to no running pool: a live one gets new files every few seconds. This
# keeps the folders of runs in another PID namespace (a container, another host on a shared TMPDIR), whose process
# ids mean nothing here.
_ORPHAN_AGE = 600.0


def remove_orphan_folders(tmp: str | None = None, *, min_age: float = _ORPHAN_AGE) -> list[str]:
    """Remove the temporary folders of pool runs whose process is gone and which have not changed for ``min_age``
    seconds; the paths removed. Any other folder is left alone."""
    removed = []
    now = time.time()
    for p in Path(tmp or tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*-*"):
        pid = p.name[len(_FOLDER_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or p.is_symlink() or not p.is_dir() or _alive(int(pid)):
            continue
        try:
            if now - max([p.stat().st_mtime, *(f.stat().st_mtime for f in p.iterdir())]) < min_age:
                continue
        except OSError:
            continue
        shutil.rmtree(p, ignore_errors=True)
        if not p.exists():
            removed.append(str(p))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or not ours to judge
    return True


def make_executor(engine: Engine, workers: int, scheduler: str | None, staging: str | Path | None, db: str | Path,
                  lexicons: Lexicons | None, cfg: Config, commit_group: int) -> Executor:
    """The executor of a run: Dask when asked, else a pool of ``workers`` processes, or this process for one."""
    if engine == "dask":
        from framing.corpus.dask_engine import DaskExecutor

        folder = Path(staging) if staging else Path(f"{db}.parts")
        scratch = None
        if not scheduler:
            # the local cluster's scratch files, in a folder named as the pool's, so that one left by a killed run
            # (SIGKILL) is removed by the next run as theirs are; the executor removes it when it closes
            remove_orphan_folders()
            scratch = tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-dask-")
        try:
            return DaskExecutor(scheduler=scheduler, workers=workers, staging=folder, lexicons=lexicons, config=cfg,
                                commit_group=commit_group, scratch=scratch)
        except BaseException:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
            raise
    if workers == 1:
        return InlineExecutor(lexicons, cfg)
    return PoolExecutor(workers, lexicons, cfg, commit_group)
