"""Which article ids and content hashes the store may hold, answered in memory.

Before it analyses a batch, a run asks the store which of the batch's ids and texts it already holds
(:meth:`framing.corpus.store.Store.lookup`). Without an index that question scans the id and hash columns, so its
cost grows with the store. This filter holds a 64-bit fingerprint of every stored id and content hash (8 bytes each,
16 MB a million articles): a key whose fingerprint is absent is certainly not stored, and only the others are asked
of the database. A new article (the common case: a fresh corpus, or new coverage added to a store) then costs a
binary search, whatever the store's size.

The filter never misses a stored key: it is filled from the store when first used and told of every article
inserted after that. It may hold keys that are no longer stored (a replaced article, a rolled-back batch) and two
keys may share a fingerprint; both only send a key to the database, which gives the exact answer. So the run's
output does not depend on the filter at all, only its speed does.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

# New fingerprints wait in a set and are merged into the sorted array when the set reaches this size: a merge costs
# the array's length, so merges stay rare (each is ~10 ms at a million keys) and the set stays small.
MERGE_AT = 65_536


_MASK = (1 << 64) - 1


def fingerprint(key: str) -> int:
    """A 64-bit fingerprint of an id or a content hash: Python's own string hash, computed in C. It differs between
    processes (hash randomisation), which does not matter here: a filter lives in one process and is never written
    anywhere, and it only decides which keys are asked of the database, never the answer."""
    return hash(key) & _MASK


class KeySet:
    """The fingerprints of one kind of key (ids, or content hashes)."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._sorted = np.sort(np.fromiter((fingerprint(k) for k in keys), dtype=np.uint64))
        self._recent: set[int] = set()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def add(self, keys: Iterable[str]) -> None:
        self._recent.update(fingerprint(k) for k in keys)
        if len(self._recent) >= MERGE_AT:
            merged = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            self._sorted = np.sort(np.concatenate((self._sorted, merged)))
            self._recent.clear()

    def maybe(self, keys: list[str]) -> list[str]:
        """The keys that may be stored (all stored keys among them, in order), the others left out."""
        if not keys:
            return []
        fps = np.fromiter((fingerprint(k) for k in keys), dtype=np.uint64, count=len(keys))
        arr = self._sorted
        if len(arr):
            pos = np.searchsorted(arr, fps)
            hit = arr[np.minimum(pos, len(arr) - 1)] == fps
        else:
            hit = np.zeros(len(keys), dtype=bool)
        recent = self._recent
        return [k for k, h, f in zip(keys, hit.tolist(), fps.tolist()) if h or f in recent]
