"""Compare two folders written by ``framing report``: every file byte for byte, ``manifest.json`` as JSON without
what is expected to differ between two runs (``created``, and the output folder named in ``command``).

    python benchmarks/compare_reports.py BEFORE_DIR AFTER_DIR

Prints each file that is missing on one side or differs (and, for the manifest, which keys), then a summary line;
the exit status is 1 when anything differs. Used to check that a change to how the report is made leaves what it
writes as it was (docs/design-measurements.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _manifest(path: Path) -> dict[str, Any]:
    m = json.loads(path.read_text(encoding="utf-8"))
    m.pop("created", None)
    cmd = m.get("command")
    if isinstance(cmd, list) and "-o" in cmd:  # the folder the report was written to
        cmd[cmd.index("-o") + 1] = "OUT"
    return m


def compare(before: Path, after: Path) -> list[str]:
    """One line per difference (an empty list: the same report)."""
    names = {p.relative_to(before).as_posix() for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()}
    out = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            out.append(f"{name}: only in {'after' if b.is_file() else 'before'}")
        elif name == "manifest.json":
            ma, mb = _manifest(a), _manifest(b)
            keys = sorted(k for k in ma.keys() | mb.keys() if ma.get(k) != mb.get(k))
            if keys:
                out.append(f"{name}: differs in {', '.join(keys)}")
        elif a.read_bytes() != b.read_bytes():
            out.append(f"{name}: differs ({a.stat().st_size:,} and {b.stat().st_size:,} bytes)")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args()
    n = sum(1 for p in args.before.rglob("*") if p.is_file())
    diffs = compare(args.before, args.after)
    for line in diffs:
        print(line)
    print(f"{n} files in {args.before}: " + (f"{len(diffs)} differ" if diffs else
                                              "all identical (manifest.json apart from created and the folder)"))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
