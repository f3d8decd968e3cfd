"""Build, check or remove the engine's compiled modules (:mod:`framing._native` says how they are used).

    python -m framing._compile build [--if-possible]   # make compile; make install runs it with --if-possible
    python -m framing._compile status                  # compiled, or pure Python and why
    python -m framing._compile clean                   # back to pure Python
"""

from __future__ import annotations

import argparse
import os
import shutil

from framing._native import BUILD_DIR, MODULES, build, can_build, status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m framing._compile", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("build", "status", "clean"))
    ap.add_argument("--if-possible", action="store_true",
                    help="build only when mypy, a C compiler and Python's headers are present (else say why in one "
                         "line and exit 0: the package works as pure Python); make install uses this")
    args = ap.parse_args(argv)
    if args.command == "status":
        print(status())
        return 0
    if args.command == "clean":
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        print(f"removed {BUILD_DIR}: the engine runs as pure Python")
        return 0
    if args.if_possible and os.environ.get("FRAMING_PURE_PYTHON") == "1":
        print("framing: FRAMING_PURE_PYTHON=1, engine modules not compiled (pure Python: same output, slower)")
        return 0
    why = can_build()
    if why is not None:
        print(f"framing: engine modules not compiled, {why}; the engine runs as pure Python (same output, slower)")
        return 0 if args.if_possible else 1
    print(f"framing: compiling {len(MODULES)} engine modules with mypyc (a few minutes) ...", flush=True)
    try:
        build()
    except RuntimeError as e:
        if not args.if_possible:
            raise
        print(f"framing: compiling failed, the engine runs as pure Python (same output, slower): {e}")
        return 0
    print(f"framing: compiled modules in {BUILD_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
