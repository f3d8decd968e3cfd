"""The store's per-batch lookup as the store grows: what a run asks before it analyses each batch.

    python benchmarks/store_lookup.py [--sizes 10000,100000,1000000] [--batch 512] [--out /tmp/lookup.duckdb]

Fills a store with synthetic article rows (ids, content hashes and versions keys only, written straight into the
``articles`` and ``records`` tables: the lookup reads nothing else) up to each size, then times reading the stored
keys into the in-memory filter (once per run, ``framing.corpus.keyfilter``) and ``Store.lookup`` for batches of
ids and hashes that are all new (a fresh corpus, new coverage), half stored and all stored (a resumed or repeated
run). Prints the median milliseconds per lookup at each size. Keys the filter rules out cost a binary search;
keys that may be stored are asked of the database, which scans the id and hash columns.
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
    print(f"Store.lookup, batches of {args.batch}, median of {args.repeat}; load average "
          f"{os.getloadavg()[0]:.2f}")
    print(f"  {'articles':>10}  {'filter load':>11}  {'all new':>9}  {'half new':>9}  {'all stored':>10}  (ms)")
    with open_store(args.out) as store:
        have = 0
        for size in sizes:
            fill(store, have, size)
            have = size
            store._keys = None  # the rows were written around the store's insert path: read them again
            t0 = time.perf_counter()
            store._stored_keys()
            load = time.perf_counter() - t0
            row = []
            for share_known in (0, args.batch // 2, args.batch):
                times = []
                for _ in range(args.repeat):
                    known = [rng.randrange(size) for _ in range(share_known)]
                    new = range(size + 1, size + 1 + args.batch - len(known))
                    ids = [f"a{i}" for i in known] + [f"new{i}" for i in new]
                    hashes = [hashlib.md5(str(i).encode()).hexdigest() for i in known] + [f"{i:032x}" for i in new]
                    t0 = time.perf_counter()
                    store.lookup(1, ids, hashes)
                    times.append(time.perf_counter() - t0)
                times.sort()
                row.append(times[len(times) // 2] * 1000)
            print(f"  {size:>10,}  {load * 1000:11.0f}  {row[0]:9.2f}  {row[1]:9.1f}  {row[2]:10.1f}")
    for p in (args.out, Path(str(args.out) + ".wal")):
        if p.exists():
            os.remove(p)


if __name__ == "__main__":
    main()
