"""Finding a command's processes on Linux (through /proc), for the tests that stop commands and check that nothing
of them is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _ppids() -> dict[int, int]:
    out = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            out[int(d.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
    return out


def descendants(pid: int) -> set[int]:
    """The processes started by ``pid``, and theirs."""
    ppids, found, todo = _ppids(), set(), [pid]
    while todo:
        p = todo.pop()
        for child, parent in ppids.items():
            if parent == p and child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"  # a zombie has exited; only its exit status waits to be collected


def still_alive_after(pids: set[int], seconds: float) -> set[int]:
    """Those of ``pids`` still running ``seconds`` from now (or as soon as none is)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = {p for p in pids if alive(p)}
        if not left:
            return left
        time.sleep(0.2)
    return {p for p in pids if alive(p)}


def stop(proc: subprocess.Popen[str], pids: set[int], sig: signal.Signals, *, group: bool = False) -> set[int]:
    """Send ``sig`` to ``proc`` (to its whole process group with ``group``, as a terminal's Ctrl-C does), wait for it,
    and return those of ``pids`` still alive 10 s later."""
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    return still_alive_after(pids, 10.0)


@contextmanager
def reaped(proc: subprocess.Popen[str]) -> Iterator[None]:
    """Whatever the test found, kill what is left of ``proc`` and its processes afterwards."""
    try:
        yield
    finally:
        for p in {proc.pid} | descendants(proc.pid):
            if alive(p):
                os.kill(p, signal.SIGKILL)
