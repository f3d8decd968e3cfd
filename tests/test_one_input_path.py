"""One input path: `framing analyse` and `framing run` read the same JSONL into the same ids and the same findings
(a property test over generated files)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.cli import main
from framing.corpus.store import open_store
from tests.test_properties import NEWSY

RECORD = st.fixed_dictionaries(
    {"text": NEWSY.filter(lambda t: t.strip() != "")},
    optional={"id": st.one_of(st.text(min_size=1, max_size=8), st.integers()), "source": st.sampled_from(
        ["Herald", "Courier", " Ledger "]), "outlet": st.just("Gazette"), "date": st.sampled_from(
        ["2020-01-02", "02/03/2021", "not a date"]), "title": st.text(max_size=10)})


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(RECORD, min_size=1, max_size=6))
def test_analyse_and_run_give_the_same_ids_and_findings(tmp_path_factory, records):
    tmp = tmp_path_factory.mktemp("one")
    src = tmp / "in.jsonl"
    # distinct texts and ids: a run sets aside a repeated text as a duplicate (and a reused id as an error), while
    # `analyse` analyses every line; on distinct records both must agree exactly
    records = [{**r, "text": f"{r['text']} Story {i}."} | ({"id": f"{i}-{r['id']}"} if "id" in r else {})
               for i, r in enumerate(records)]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp / "out.jsonl"
    main(["analyse", str(src), "-o", str(out), "--no-sentence-sentiment"])
    main(["run", str(src), "--db", str(tmp / "s.duckdb"), "--no-progress"])
    # JSON lines end with "\n" only: str.splitlines() would also split at U+0085 or U+2028 inside an id
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    by_analyse = {(r["id"], f["type"], f["start"], f["end"]) for r in reports for f in r["findings"]
                  if f["type"] != "sentiment"}
    with open_store(tmp / "s.duckdb", read_only=True) as store:
        arts = store.articles_frame()
        found = store.findings_frame()
    assert sorted(arts["article_id"]) == sorted({r["id"] for r in reports})
    assert {r["id"]: r["source"] for r in reports} == {
        a: s if isinstance(s, str) else None for a, s in zip(arts["article_id"], arts["source"])}
    assert by_analyse == set(zip(found["article_id"], found["type"], found["start"], found["end"]))
