"""A large store in minutes: an analysed store's rows replicated in DuckDB SQL as new, distinct articles.

Analysing a million articles takes most of an hour on two cores; the dashboard's speed depends on the store's
size, not on how its rows were made. This copies a store built by ``framing run`` (the AllSides subset, as
``benchmarks/dashboard_speed.py`` builds it) and adds copies of its articles until the store has N, each copy as
``framing run`` would have stored the same input repeated the way ``benchmarks/_common.build_corpus`` repeats it:

- the id of copy k is the base id with its copy number replaced (``ID-0`` -> ``ID-k``; other ids get ``-k``);
- its text is the base text followed by the line ``Copy k.`` (so every text is distinct), and its content hash
  is the hash of that text (:func:`framing.corpus.ingest.content_hash`, computed in Python);
- its findings and actor labels (``article_labels``) are the base article's (the copy line is at the end: every
  offset still points at the same characters; it holds no label); its counts are the base article's, with ``n_words`` and ``n_sentences`` increased by what the
  engine counts for the copy line (measured once by analysing a base text with and without it);
- sources and the other metadata are kept; so are dates, unless ``spread_days`` (``--spread-days``) moves copy k's
  date by ``(37 k mod spread_days) - spread_days // 2`` days: kept, every copy of an article falls in its cell of the
  store's ``cells`` table (source, leaning, topic, event, language, day), so a million articles would have the
  cells of 5,063; spread over a year, they have about as many cells as a corpus that size (the benchmark's case);
- a ledger row (``analysed``, ``new``) is added to the base run for every copy, and the run's ``committed`` count
  becomes the store's; the copies' sums are added to the ``cells`` table in the same transaction as the copies,
  as ``framing run`` adds an article's, and the table is compacted at the end; so are their term counts (tables
  ``terms`` and ``terms_month``): a copy's terms are its base text's with the copy line, counted once per base
  article in Python (every copy line has the same terms: digits are not words), and added at the end in one SQL
  pass over the copies grouped by base article and cell (their count and first id), not copy by copy; each copy's
  text is compressed into ``text_blobs`` at the end (``Store.build_text_blobs``), as ``framing run`` does per batch.

The result is checked with the store's own readiness test (:func:`framing.workspace.store_ready`) and counts.

    python benchmarks/replicate_store.py BASE.duckdb OUT.duckdb --articles 1000000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Copies added per transaction: bounds DuckDB's memory (a copy of the AllSides subset is ~5,000 articles and ~0.3
# million findings).
COPIES_PER_COMMIT = 10


def copy_line_counts(text: str) -> tuple[int, int]:
    """What the copy line adds to ``n_words`` and ``n_sentences``, measured with the engine on one text."""
    from framing.report import analyse

    a, b = analyse(text), analyse(f"{text}\n\nCopy 7.")
    return b.n_words - a.n_words, b.metrics["n_sentences"] - a.metrics["n_sentences"]


def replicate(base: Path, out: Path, n: int, *, log: bool = True, spread_days: int = 0) -> Path:
    """Write ``out``: ``base`` with its articles replicated until the store holds ``n`` (``n`` at least the base's
    size), copy k's date moved as the module says when ``spread_days`` is positive. ``out`` is replaced."""
    import pyarrow as pa

    from framing.corpus import open_store
    from framing.corpus.ingest import content_hash
    from framing.corpus.store import Store

    for f in (out, Path(f"{out}.wal")):
        f.unlink(missing_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    shutil.copyfile(base, tmp)
    t0 = time.perf_counter()
    with Store(tmp, memory_limit="1GB") as st:
        con = st.con
        runs = con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()
        if not runs or runs[-1][1] != "complete":
            raise SystemExit(f"{base}: its last run is not complete; finish it with `framing run` first")
        run_id = int(runs[-1][0])
        # the base articles in input order (their ledger rows in the last run), numbered from 0 as `i`
        con.execute("CREATE TEMP TABLE _order AS SELECT article_id, row_number() OVER (ORDER BY seq) - 1 AS i "
                    "FROM records WHERE run_id = ? AND status IN ('analysed', 'up_to_date')", [run_id])
        con.execute("CREATE TEMP TABLE _base AS SELECT * FROM articles")
        con.execute("CREATE TEMP TABLE _base_f AS SELECT * EXCLUDE (explanation) FROM findings")
        con.execute("CREATE TEMP TABLE _base_l AS SELECT * FROM article_labels")
        base_n = int(con.execute("SELECT count(*) FROM _base").fetchone()[0])  # type: ignore[index]
        if n < base_n:
            raise SystemExit(f"--articles {n}: the base store already has {base_n:,} articles")
        if base_n != int(con.execute("SELECT count(*) FROM _order JOIN _base USING (article_id)"
                                     ).fetchone()[0]):  # type: ignore[index]
            raise SystemExit(f"{base}: its last run does not cover every article of the store")
        texts = [r[0] for r in con.execute("SELECT text FROM _order JOIN _base USING (article_id) ORDER BY i"
                                           ).fetchall()]
        longest = max(range(base_n), key=lambda i: len(texts[i]))
        dw, ds = copy_line_counts(texts[longest])
        seq0 = int(con.execute("SELECT coalesce(max(seq), -1) + 1 FROM records").fetchone()[0])  # type: ignore[index]
        no0 = int(con.execute("SELECT coalesce(max(article_no), 0) FROM articles").fetchone()[0])  # type: ignore[index]
        art_cols = [c for c in st.columns("articles")]
        find_cols = [c for c in st.columns("findings") if c != "explanation"]
        normal = [" ".join(t.split()) for t in texts]
        # the terms of any copy of base article i (its text and a copy line), as framing run's store counts them
        from framing.compare.terms import article_terms

        order_ids = [r[0] for r in con.execute("SELECT article_id FROM _order ORDER BY i").fetchall()]
        ct = article_terms(zip(order_ids, (f"{t}\n\nCopy 1." for t in texts), strict=True))
        ct["base_id"] = ct.pop("article_id")
        con.register("_ct", pa.table(ct))
        con.execute("CREATE TEMP TABLE _copy_terms AS SELECT * FROM _ct")
        con.unregister("_ct")
        con.execute("CREATE TEMP TABLE _all_map (base_id VARCHAR, new_id VARCHAR)")
        copies = -(-n // base_n)  # including copy 0, the base
        k = 1
        while k < copies:
            ks = list(range(k, min(copies, k + COPIES_PER_COMMIT)))
            rows = {"k": [], "i": [], "content_hash": []}
            for c in ks:
                take = min(base_n, n - c * base_n)
                for i in range(take):
                    rows["k"].append(c)
                    rows["i"].append(i)
                    # as content_hash(text + "\n\nCopy c."): white space made one space
                    rows["content_hash"].append(content_hash(f"{normal[i]} Copy {c}."))
            con.register("_copies", pa.table(rows))
            new_id = "CASE WHEN ends_with(b.article_id, '-0') THEN left(b.article_id, length(b.article_id) - 2) || '-' || c.k " \
                     "ELSE b.article_id || '-' || c.k END"
            art_sel = []
            for col in art_cols:
                expr = {"article_id": f"{new_id}", "text": "b.text || chr(10) || chr(10) || 'Copy ' || c.k || '.'",
                        "content_hash": "c.content_hash", "n_words": f"b.n_words + {dw}",
                        "n_sentences": f"b.n_sentences + {ds}", "article_no": "c.no",
                        "date": (f"CAST(b.date + to_days(CAST((37 * c.k) % {spread_days} - {spread_days // 2} AS "
                                 "INTEGER)) AS DATE)" if spread_days > 0 else "b.date")}.get(col, f'b."{col}"')
                art_sel.append(f'{expr} AS "{col}"')
            con.execute("BEGIN")
            # (copy k of base article i is numbered as framing run would number it: in the order written)
            con.execute("CREATE TEMP TABLE _map AS SELECT c.k, c.i, c.content_hash, b.article_id AS base_id, "
                        f"{new_id} AS new_id, {no0} + (c.k - 1) * {base_n} + c.i + 1 AS no "
                        "FROM _copies c JOIN _order b USING (i)")
            con.execute(f"INSERT INTO articles BY NAME SELECT {', '.join(art_sel)} FROM _map c JOIN _base b "
                        "ON b.article_id = c.base_id ORDER BY c.k, c.i")
            fsel = ", ".join({"article_id": "c.new_id AS article_id", "article_no": "c.no AS article_no"}.get(
                col, f'f."{col}"') for col in find_cols)
            con.execute(f"INSERT INTO findings BY NAME SELECT {fsel} FROM _map c JOIN _base_f f "
                        "ON f.article_id = c.base_id ORDER BY c.k, c.i, f.seq")
            con.execute("INSERT INTO article_labels BY NAME SELECT l.* REPLACE (c.new_id AS article_id) FROM _map c "
                        "JOIN _base_l l ON l.article_id = c.base_id ORDER BY c.k, c.i, l.concept, l.label")
            st.add_cells("articles", set(art_cols), where=" WHERE article_id IN (SELECT new_id FROM _map)")
            con.execute("INSERT INTO _all_map SELECT base_id, new_id FROM _map")
            con.execute(f"INSERT INTO records SELECT {run_id}, {seq0} + (c.k - 1) * {base_n} + c.i, "
                        "'replicated copy ' || c.k || ' of ' || c.base_id, c.new_id, c.content_hash, 'analysed', "
                        "'new' FROM _map c ORDER BY c.k, c.i")
            total = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
            con.execute("UPDATE runs SET committed = committed + ? WHERE run_id = ?",
                        [len(rows["k"]), run_id])
            con.execute("DROP TABLE _map")
            con.execute("COMMIT")
            con.unregister("_copies")
            if log:
                print(f"  {total:,} articles [{time.perf_counter() - t0:.0f} s, load {os.getloadavg()[0]:.1f}]",
                      flush=True)
            k = ks[-1] + 1
        con.execute("BEGIN")
        add_copy_terms(st, set(art_cols))
        con.execute("COMMIT")
        st.compact_cells()
        st.compact_terms()
        st.build_text_blobs()  # the copies' texts, each compressed on its own (Store.texts reads them by id)
        st.record_labels()  # (every copy's labels were added with it)
        st.keep_answers()  # the dashboard's first views, as a complete run keeps them
        st.checkpoint()
    tmp.rename(out)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    with open_store(out, read_only=True) as st:
        got = st.con.execute("SELECT count(*), count(DISTINCT article_id), count(DISTINCT content_hash) "
                             "FROM articles").fetchone()
        cells = st.has_cells()
    from framing.workspace import store_ready

    if got != (n, n, n) or not store_ready(out) or not cells:
        raise SystemExit(f"{out}: replication gave (articles, distinct ids, distinct hashes) {got} (wanted {n:,} "
                         "each), or the store is not ready, or its cells do not hold every article")
    return out


def add_copy_terms(st: object, have: set[str]) -> None:
    """Add the copies' term counts to the store's term tables (what ``framing run`` adds article by article): the
    copies grouped by base article and cell (how many, the first id), times the base article's copy terms."""
    from framing.corpus.store import TERM_ID, TERM_TABLES

    con = st.con  # type: ignore[attr-defined]
    keys = ("source", "leaning", "topic", "language")
    sel = ", ".join(f'a."{k}"' if k in have else f'CAST(NULL AS VARCHAR) AS "{k}"' for k in keys)
    con.execute(f"CREATE TEMP TABLE _groups AS SELECT m.base_id, {sel}, "
                "CAST(date_trunc('month', CAST(a.date AS DATE)) AS DATE) AS date, count(*) AS c, "
                "min(a.article_id) AS first_id FROM _all_map m JOIN articles a ON a.article_id = m.new_id GROUP BY ALL")
    st.add_vocabulary("_copy_terms")  # type: ignore[attr-defined]
    for table, cols in TERM_TABLES.items():
        k = ", ".join(f'"{c}"' for c in cols)
        gk = ", ".join(f'g."{c}"' for c in cols)
        con.execute(f"INSERT INTO {table} BY NAME WITH g AS (SELECT base_id, {k}, sum(c) AS c, min(first_id) AS "
                    f"first_id FROM _groups GROUP BY ALL) SELECT {gk}, {TERM_ID}(t.term) AS term_id, sum(t.n * g.c) AS n, "
                    "sum(g.c) AS n_articles, min(g.first_id) AS first_id, arg_min(t.start, g.first_id) AS first_start, "
                    'arg_min(t."end", g.first_id) AS first_end FROM g JOIN _copy_terms t ON t.base_id = g.base_id '
                    "GROUP BY ALL")
    con.execute("DROP TABLE _groups")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path, help="a store built by `framing run` (its last run complete)")
    ap.add_argument("out", type=Path, help="the store to write (replaced)")
    ap.add_argument("--articles", type=int, required=True, help="how many articles the new store holds")
    ap.add_argument("--spread-days", type=int, default=0, metavar="D",
                    help="move copy k's date by (37 k mod D) - D // 2 days (default 0: dates kept)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    replicate(args.base, args.out, args.articles, spread_days=args.spread_days)
    print(f"{args.out}: {args.articles:,} articles, {args.out.stat().st_size / 2**30:.1f} GB "
          f"[{time.perf_counter() - t0:.0f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
