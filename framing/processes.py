"""Our own pools of worker processes (a corpus run's analysis, a report's charts), which leave nothing behind.

Workers are started with ``spawn`` (safe with threads, and the same on every platform). They leave Ctrl-C to the
process that started them, which stops its pool and says so, and they exit on their own when that process is
gone, however it died (SIGKILL included): a pool's queues are pipes whose ends the worker itself holds, so it would
otherwise wait on them forever.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# How often a worker checks that the process that started it is still alive, in seconds.
PARENT_CHECK_SECONDS = 0.5


def process_pool(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
                 ) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each set up by ``initializer(*initargs)`` once it can no longer be left
    behind. Shut it down with ``cancel_futures=True`` when its work is abandoned (Ctrl-C, an error).

    ``initargs`` are written to each worker as it starts: beyond a pipe's 64 KB, ``submit`` waits until the worker
    has read them, once its imports are done. Large data is better sent with the tasks."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init, initargs=(os.getpid(), initializer, initargs))


def _init(parent_pid: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), name="framing-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _exit_with_parent(parent_pid: int) -> None:
    # A process whose parent died is handed to another (init, or a subreaper): its parent id changes.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
