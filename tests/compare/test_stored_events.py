"""The Same event page's first view kept in a store (framing.compare.stored.keep_event_view): equal to the view
computed from the store, read only for the store's present state and the framing that kept it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import framing
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
        assert kept_event_view(st, event) is None  # kept by another framing: computed instead
        monkeypatch.undo()
        assert kept_event_view(st, event) is not None
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"id": "new-1", "source": "Capital Wire", "event": event,
                                 "text": "The council said the vote would be held again next week."}) + "\n")
    run_corpus([str(extra)], db)  # a commit drops the kept answers (a run of this size keeps none again)
    with open_store(db, read_only=True) as st:
        assert kept_event_view(st, event) is None
