"""A digest of the engine's output on real articles, to check that a change leaves every report byte-identical.

    python benchmarks/output_digest.py [--n 1000] [--code DIR] [--out FILE.jsonl]

Analyses the first N AllSides articles (or the demo corpus when ``../shared`` is absent) and prints the SHA-256 of
their reports as JSON lines (``to_dict()``, keys in order); ``--out`` keeps the lines to diff. ``--code DIR`` uses
the ``framing`` package of another checkout (``git worktree add DIR COMMIT``): equal digests, equal output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared/data/allsides_articles/subset_articles.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose framing package is used")
    ap.add_argument("--out", type=Path, help="write the reports here, one JSON line each")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.child:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--n", str(args.n), "--corpus",
               str(args.corpus)] + (["--out", str(args.out)] if args.out else [])
        env_path = str(args.code.resolve())
        out = subprocess.run(cmd, env={**_env(), "PYTHONPATH": env_path}, check=True, capture_output=True, text=True)
        print(out.stdout.strip())
        return
    import gzip
    import itertools

    import framing

    if args.corpus.exists():
        with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
            records = [json.loads(line) for line in itertools.islice(fh, args.n)]
        texts = [(r.get("content_original") or "", str(i)) for i, r in enumerate(records)]
    else:
        lines = (ROOT / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()[:args.n]
        texts = [(json.loads(line)["text"], json.loads(line)["id"]) for line in lines]
    h = hashlib.sha256()
    fh_out = args.out.open("w", encoding="utf-8") if args.out else None
    for text, i in texts:
        line = json.dumps(framing.analyse(text, id=i).to_dict(), ensure_ascii=False) + "\n"
        h.update(line.encode("utf-8"))
        if fh_out:
            fh_out.write(line)
    if fh_out:
        fh_out.close()
    print(f"{len(texts)} articles, framing from {Path(framing.__file__).parents[1]}: sha256 {h.hexdigest()}")


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    main()
