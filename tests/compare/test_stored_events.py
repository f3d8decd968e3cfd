"""The Same event page's first view kept in a store (framing.compare.stored.keep_event_view): equal to the view
computed from the store, read only for the store's present state and the framing that kept it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.compare import stored
from framing.compare.events import ordered_events
from framing.compare.stored import event_view_of, kept_event_view
from framing.corpus.runner import run_corpus
from framing.corpus.store import open_store

from .conftest import DEMO

PARTS = ("outlets", "sentences", "matches", "missing", "speakers", "speaker_table")


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stored_events") / "demo.duckdb"
    run_corpus([str(DEMO)], db, batch_size=40)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    return db


def first_event(st: object) -> str:
    return str(ordered_events(st.events_table(None))["event"].iloc[0])  # type: ignore[attr-defined]


def test_the_kept_first_view_equals_the_view_computed_from_the_store(kept: Path) -> None:
    with open_store(kept, read_only=True) as st:
        event = first_event(st)
        got = kept_event_view(st, event)
        view, coverage = event_view_of(st, event)
        others = ordered_events(st.events_table(None))["event"].iloc[1:].astype(str)
        assert got is not None and all(kept_event_view(st, e) is None for e in others)  # the first event only
    pd.testing.assert_frame_equal(got[0], view)
    for part in PARTS:
        pd.testing.assert_frame_equal(getattr(got[1], part), getattr(coverage, part))
    assert (got[1].event, got[1].threshold, got[1].warnings) == (coverage.event, coverage.threshold, coverage.warnings)
    assert len(view) >= 2 and len(coverage.sentences) > 20


def test_the_kept_view_is_not_read_after_a_commit_or_by_other_code(kept: Path, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "s.duckdb"
    shutil.copy(kept, db)
    with open_store(db, read_only=True) as st:
        event = first_event(st)
        assert kept_event_view(st, event) is not None
        monkeypatch.setattr(framing, "__version__", framing.__version__ + "+other")
        stored._code_signature.cache_clear()
        assert kept_event_view(st, event) is None  # kept by another framing: computed instead
        monkeypatch.undo()
        stored._code_signature.cache_clear()
        assert kept_event_view(st, event) is not None
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"id": "new-1", "source": "Capital Wire", "event": event,
                                 "text": "The council said the vote would be held again next week."}) + "\n")
    run_corpus([str(extra)], db)  # a commit drops the kept answers (a run of this size keeps none again)
    with open_store(db, read_only=True) as st:
        assert kept_event_view(st, event) is None


def test_outlets_that_differ_by_case_or_are_named_like_a_column_are_kept_as_computed(tmp_path: Path) -> None:
    """DuckDB's column names ignore case: the wide speaker table (one column per outlet) is made again from the long
    one, and every table comes back with the column types it was kept with."""
    said = ['"We will rebuild the bridge," Mayor Ana Reyes said on Monday. The council agreed, Tomas Brandt said.',
            'Mayor Ana Reyes said the bridge "will be rebuilt." Tomas Brandt, a councillor, said the vote was close.']
    rows = [{"id": f"a{i}", "source": src, "event": "E1", "date": f"2026-03-0{i + 1}",
             "text": f"{said[i % 2]} Report {i}."}
            for i, src in enumerate(["Alpha News", "ALPHA NEWS", "Beta", "speaker", "total"])]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_corpus([str(tmp_path / "a.jsonl")], db)
    with open_store(db) as st:
        st.keep_answers(min_articles=0)
    with open_store(db, read_only=True) as st:
        got = kept_event_view(st, "E1")
        view, coverage = event_view_of(st, "E1")
    assert got is not None
    pd.testing.assert_frame_equal(got[0], view)
    for part in PARTS:
        pd.testing.assert_frame_equal(getattr(got[1], part), getattr(coverage, part))
    assert {"Alpha News", "ALPHA NEWS", "speaker (outlet)", "total (outlet)", "total"} <= set(coverage.speaker_table)


def test_a_first_view_that_fails_is_not_kept_and_the_other_answers_are(kept: Path, tmp_path: Path, monkeypatch,
                                                                       capsys) -> None:
    db = tmp_path / "s.duckdb"
    shutil.copy(kept, db)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(stored, "event_view_of", broken)
    with open_store(db) as st:
        assert st.keep_answers(min_articles=0) > 0
        assert kept_event_view(st, first_event(st)) is None
    assert "first view (event 'E02') could not be computed" in capsys.readouterr().err
