"""Finding a command's processes on Linux (through /proc), for the tests that stop commands and check that nothing
of them is left running."""

from __future__ import annotations

import time
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
