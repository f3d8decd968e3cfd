"""The store's per-batch lookup as the store grows: what a run asks before it analyses each batch.

    python benchmarks/store_lookup.py [--sizes 10000,100000,1000000] [--batch 512] [--out /tmp/lookup.duckdb]

Fills a store with synthetic article rows (ids, content hashes and versions keys only, written straight into the
``articles`` and ``records`` tables: the lookup reads nothing else) up to each size, then times
``Store.lookup`` for a batch of ids and hashes, half of them stored, half new, as a resumed or repeated run sends
them. Prints the median milliseconds per lookup at each size. A lookup that scans grows with the store; one that
reads the indexes stays flat.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus.store import open_store  # noqa: E402


def fill(store, start: int, stop: int) -> None:
    """Rows ``start``..``stop - 1`` of the synthetic corpus (one SQL statement per million rows)."""
    store.con.execute("BEGIN")
    store.con.execute(
        "INSERT INTO articles (article_id, content_hash, versions_key) "
        "SELECT 'a' || i::VARCHAR, md5(i::VARCHAR), 'v1' FROM range(?, ?) t(i)", [start, stop])
    store.con.execute(
        "INSERT INTO records (run_id, seq, article_id, content_hash, origin, status) "
        "SELECT 1, i, 'a' || i::VARCHAR, md5(i::VARCHAR), 'file:' || i::VARCHAR, 'analysed' FROM range(?, ?) t(i)",
        [start, stop])
    store.con.execute("COMMIT")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--out", type=Path, default=Path("/tmp/framing-lookup-bench.duckdb"))
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    for p in (args.out, Path(str(args.out) + ".wal")):
        if p.exists():
            os.remove(p)
    rng = random.Random(1)
    print(f"Store.lookup, batches of {args.batch} (half stored, half new), median of {args.repeat}")
    with open_store(args.out) as store:
        have = 0
        for size in sizes:
            fill(store, have, size)
            have = size
            times = []
            for _ in range(args.repeat):
                known = [rng.randrange(size) for _ in range(args.batch // 2)]
                new = range(size + 1, size + 1 + args.batch - len(known))
                ids = [f"a{i}" for i in known] + [f"new{i}" for i in new]
                hashes = [hashlib.md5(str(i).encode()).hexdigest() for i in known] + [f"{i:032x}" for i in new]
                t0 = time.perf_counter()
                store.lookup(1, ids, hashes)
                times.append(time.perf_counter() - t0)
            times.sort()
            print(f"  {size:>10,} articles: {times[len(times) // 2] * 1000:8.1f} ms per lookup")
    for p in (args.out, Path(str(args.out) + ".wal")):
        if p.exists():
            os.remove(p)


if __name__ == "__main__":
    main()
