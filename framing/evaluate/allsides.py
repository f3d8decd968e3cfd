"""The shared AllSides subset, read once: our labels name its articles by id and hold no text."""

from __future__ import annotations

import bisect
import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from framing.text.quotemarks import QuoteSpan, pair_quotes

# Where the subset sits under the shared data folder.
ALLSIDES = "allsides_articles/subset_articles.jsonl.gz"


def allsides_articles(path: Path, wanted: set[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(id, outlet, text) of each article in an AllSides ``.jsonl.gz`` (``wanted``: only these ids): the id is
    ``abp_<ID>`` as in the shared quotation sets, the text the ``content_original`` field byte for byte."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            aid = "abp_" + str(rec.get("ID"))
            if wanted is None or aid in wanted:
                yield aid, rec.get("source") or "", rec.get("content_original") or ""


def labelled_ids(paths: Iterable[Path]) -> set[str]:
    """The article ids of JSON-lines label files (each line an object with an ``id``)."""
    ids: set[str] = set()
    for p in paths:
        ids |= {json.loads(line)["id"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids


def walk_selection(corpus: Path, seed: str, skip: set[str], n: int,
                   keep: Callable[[str, list[QuoteSpan]], bool] | None = None) -> Iterator[dict[str, Any]]:
    """How our labelled sets choose their articles: AllSides articles not in ``skip``, 1,500 to 7,000 characters long,
    with 4 to 25 quotation pairs (the project's mark pairer) and passing ``keep(text, pairs)``, at most one per outlet,
    walked in the order of SHA-256(``seed`` + id); the first ``n`` as ``{"id", "source", "pairs"}`` (offsets only)."""
    records = {aid: (source, t) for aid, source, t in allsides_articles(corpus)
               if aid not in skip and 1500 <= len(t) <= 7000}
    outlets: set[str] = set()
    chosen = 0
    for aid in sorted(records, key=lambda a: hashlib.sha256((seed + a).encode()).hexdigest()):
        if chosen == n:
            return
        source, text = records[aid]
        if source in outlets:
            continue
        spans, _ = pair_quotes(text)
        if not 4 <= len(spans) <= 25 or (keep is not None and not keep(text, list(spans))):
            continue
        outlets.add(source)
        chosen += 1
        yield {"id": aid, "source": source, "pairs": [[s.start, s.end] for s in spans]}


def selection_main(root: Path, seed: str, labelled: Iterable[str], default_n: int,
                   keep: Callable[[str, list[QuoteSpan]], bool] | None = None) -> None:
    """The command line of a labelled set's ``selection.py`` in the checkout at ``root``: ``[--shared ../shared]
    [--n N]``; prints the chosen articles as JSON lines. ``labelled`` are the label files (under ``data/gold``) whose
    articles are never chosen again, besides the shared quotation files."""
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--n", type=int, default=default_n)
    args = ap.parse_args()
    skip = labelled_ids((args.shared / "data/quotes/quotes_dev.jsonl", args.shared / "data/quotes/quotes_dev2.jsonl",
                         *(root / "data/gold" / p for p in labelled)))
    for rec in walk_selection(args.shared / "data" / ALLSIDES, seed, skip, args.n, keep=keep):
        print(json.dumps(rec, sort_keys=True))


def short_quotations(text: str, spans: list[QuoteSpan]) -> bool:
    """The filter of the sets rich in short quotations (``quotes_short35``, ``quotes_short40``,
    ``quotes_write40``): at least three quotation pairs of four words or fewer."""
    return sum(len(re.findall(r"\w+", text[s.start:s.end])) <= 4 for s in spans) >= 3


def word_quotations(text: str, spans: list[QuoteSpan]) -> bool:
    """The filter of ``quotes_words40``: at least three quotation pairs of one or two words (where a scare quote, a
    term flag, a mention, a name and a partial quote are hardest to tell apart)."""
    return sum(1 <= len(re.findall(r"\w+", text[s.start:s.end])) <= 2 for s in spans) >= 3


# The commonest English reporting words, written out here (not the versioned lexicon) so that the selection of
# ``quotes_fragments40`` does not change when the lexicon does.
_REPORTING = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|according|call|calls|called|calling|add|adds|added|ask|asks|asked|"
    r"write|writes|wrote|describe|describes|described|claim|claims|claimed|argue|argues|argued|state|states|stated|"
    r"insist|insists|insisted|note|notes|noted|warn|warns|warned|explain|explains|explained|declare|declares|"
    r"declared|quote|quotes|quoted|tweet|tweets|tweeted|dub|dubbed|label|labeled|labelled|term|termed)\b",
    re.IGNORECASE)


def unreported_fragments(text: str, spans: list[QuoteSpan]) -> bool:
    """The filter of ``quotes_fragments40``: at least two quotation pairs of one to six words that open in lower case
    (a fragment, not a sentence) and stand in a sentence with none of the commonest reporting words. That is where a
    scare quote and a partial quote attributed from further away are told apart, and the earlier write folds held
    few sure scare quotes."""
    stops = [m.start() for m in re.finditer(r"[.!?\n]", text)]  # the sentence ends, found once
    reporting: dict[tuple[int, int], bool] = {}
    hits = 0
    for s in spans:
        inner = text[s.start:s.end]
        words = re.findall(r"\w+", inner)
        if not 1 <= len(words) <= 6 or not inner.lstrip()[:1].islower():
            continue
        i = bisect.bisect_left(stops, s.start - 1)  # the last end before the opening mark, the first after the closing
        j = bisect.bisect_left(stops, s.end + 1)
        if (i, j) not in reporting:  # (each sentence searched once, however many quotations it holds)
            sentence = text[stops[i - 1] + 1 if i else 0:stops[j] if j < len(stops) else len(text)]
            reporting[i, j] = _REPORTING.search(sentence) is not None
        hits += not reporting[i, j]
    return hits >= 2
