"""The Dask engine: the same batches, analysed on a Dask cluster, partition by partition.

The machine that runs ``framing run`` reads the inputs, sets aside duplicates and up-to-date articles (it owns
the store) and sends each batch of records to the cluster as one task. The task analyses the batch with
:func:`framing.corpus.worker.analyse_to_files` -- exactly what a local worker does -- writing two Parquet files
(the batch's articles and findings) to the staging folder; the store imports them in input order, in one
transaction per batch, and deletes them. Resume, staleness and the ledger are the same as for a local run.

On a real cluster the staging folder must be shared by the workers and this machine (NFS, a cluster file
system); the workers need ``framing`` installed (same version), and nothing else: the bundled lexicons are loaded
once per worker process, custom lexicons are sent once to every worker (``Client.scatter``).

Does not: read the inputs on the cluster (they are read here, streaming), or write to object stores (s3://...).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

from framing.config import Config
from framing.corpus.worker import Task, analyse_to_files
from framing.errors import ConfigError, RunError
from framing.lexicons import Lexicons

# Seconds to wait for the scheduler at --scheduler ADDRESS before giving up with a clear message.
_CONNECT_TIMEOUT = 30


def check_options(scheduler: str | None, staging: str | Path | None) -> None:
    """Raise :class:`~framing.errors.ConfigError` for a scheduler address Dask cannot read (``tcp://host:8786``) or
    a staging folder that cannot be one (a file, a path under a file, an object store URL, a folder this user cannot
    write), before a run starts: nothing is connected to or created here."""
    try:
        from distributed.comm.addressing import parse_address
        from distributed.comm.registry import backends
    except ImportError as exc:
        raise ConfigError("--engine dask needs the distributed package (pip install 'dask[distributed]'); "
                          "without it use --engine local") from exc
    if scheduler is not None:
        problem = None
        scheme, loc = parse_address(scheduler.strip())  # (protocol://)location; tcp when none is given
        host, colon, port = loc.rpartition(":")
        if scheme not in backends or scheme == "inproc":
            problem = f"unknown protocol {scheme!r}; use one of {', '.join(sorted(set(backends) - {'inproc'}))}"
        elif not colon:
            problem = "no port: the address is host:port"
        elif not host.strip("[]"):
            problem = "no host"
        elif not re.fullmatch(r"[\w.\-]+|\[[0-9a-fA-F:.]+\]", host):
            problem = f"{host!r} is not a host name or IP address"
        elif not port.isdigit() or not 0 < int(port) < 65536:
            problem = f"the port {port!r} is not a number from 1 to 65535"
        if problem:
            raise ConfigError(f"invalid value for --scheduler: {scheduler!r} ({problem}); give the address the Dask "
                              "scheduler prints, e.g. tcp://10.0.0.5:8786 (or no --scheduler for a local cluster)")
    if staging is not None:
        _check_staging(str(staging))


def _check_staging(staging: str) -> None:
    def bad(why: str) -> ConfigError:
        return ConfigError(f"invalid value for --staging: {staging!r}: {why}; give a folder this machine can write "
                           "and every Dask worker can read and write (default: DB.parts beside the store)")

    if not staging.strip():
        raise bad("an empty path")
    if "://" in staging:
        raise bad("object stores and URLs are not supported, only a folder of the file system (shared by NFS or a "
                  "cluster file system on a real cluster)")
    p = Path(staging)
    if p.exists():
        if not p.is_dir():
            raise bad("it is a file, not a folder")
        if not os.access(p, os.W_OK | os.X_OK):
            raise bad("this user cannot write in it")
        return
    parent = next((a for a in p.absolute().parents if a.exists()), None)
    if parent is None or not parent.is_dir():
        raise bad(f"{parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise bad(f"it does not exist and this user cannot create it in {parent}")


class DaskExecutor:
    """Submit batches to a Dask cluster: the scheduler at ``scheduler``, or a new ``LocalCluster`` of
    ``workers`` single-threaded processes (closed at the end) whose scheduler and workers keep their scratch files
    in ``scratch``, a folder of this run that :meth:`close` removes (Dask's default, ``dask-scratch-space`` in the
    temporary folder, stayed behind every run)."""

    def __init__(self, *, scheduler: str | None, workers: int, staging: Path, lexicons: Lexicons | None,
                 config: Config, commit_group: int, scratch: str | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.cluster: Any = None
        self.client: Any = None
        self.scratch = scratch
        self.staging = staging
        staging.mkdir(parents=True, exist_ok=True)  # (before a cluster is started for nothing)
        try:
            if scheduler:
                try:
                    self.client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    raise RunError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start it with "
                                   "`dask scheduler` (or give no --scheduler for a local cluster)") from exc
            else:
                # threads_per_worker=1: the engine is pure Python, so one process per core is what scales. The
                # temporary directory is read by the scheduler (in this process) when it starts and handed to the
                # worker processes with the rest of the configuration.
                with dask.config.set({"temporary-directory": scratch} if scratch else {}):
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=None, silence_logs=logging.ERROR,
                                                local_directory=scratch)
                self.client = Client(self.cluster)
            n = sum(self.client.nthreads().values()) or workers
            # Two batches per worker thread, plus the group the run process takes out at a time to commit.
            self.window = 2 * n + commit_group
            self.config = config
            self.lexicons = self.client.scatter(lexicons, broadcast=True) if lexicons is not None else None
        except BaseException:
            self.close()  # the cluster started, its scratch folder: nothing left running or behind
            raise

    def submit(self, tasks: list[Task], run_id: int, versions_key: str, part: str) -> Any:
        return self.client.submit(analyse_to_files, tasks, run_id, versions_key, str(self.staging), part,
                                  fmt="parquet", lexicons=self.lexicons, config=self.config, pure=False)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        try:
            self.staging.rmdir()  # only when empty: partitions of an interrupted run stay for inspection
        except OSError:
            pass
