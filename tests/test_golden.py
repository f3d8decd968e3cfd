"""Golden files: the seed article (structure only: offsets and labels, no third-party text) and the demo corpus.

Regenerate only on purpose, after checking the differences: ``FRAMING_UPDATE_GOLDEN=1 python -m pytest
tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os

import framing
from tests.conftest import ROOT, need_shared

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("FRAMING_UPDATE_GOLDEN") == "1"
LABELS = ("kind", "category", "voice", "stance", "cue_lemma", "source_type", "source_start", "source_end",
          "content_start", "content_end", "direct", "role", "party")


def project(report: dict, *, with_names: bool) -> list[dict]:
    out = []
    for f in report["findings"]:
        if f["type"] == "sentiment":
            continue
        row = {"type": f["type"], "start": f["start"], "end": f["end"]}
        row.update({k: f[k] for k in LABELS if k in f})
        if with_names:
            row.update({k: f[k] for k in ("term", "speaker", "via") if k in f})
        out.append(row)
    return out


def check(name: str, data: object) -> None:
    path = GOLDEN / name
    if isinstance(data, dict):  # one line per article keeps the file small and its diffs readable
        text = "".join(json.dumps({"id": k, "findings": v}, ensure_ascii=False, sort_keys=True) + "\n"
                       for k, v in data.items())
    else:
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{name} is missing; write it with FRAMING_UPDATE_GOLDEN=1 and review it before committing"
    assert path.read_text(encoding="utf-8") == text, (
        f"{name} changed; if the change is intended, rerun with FRAMING_UPDATE_GOLDEN=1 and review the diff")


def test_seed_article_golden():
    text = need_shared("fixtures", "seed_article.txt").read_text(encoding="utf-8")
    check("seed_structure.json", project(framing.analyse(text, id="seed").to_dict(), with_names=False))


def test_seed_article_checks_from_the_issue():
    text = need_shared("fixtures", "seed_article.txt").read_text(encoding="utf-8")
    r = framing.analyse(text)
    q = {f.text: f for f in r.of_type("quote")}
    assert q["Israel"].kind == "scare" and q["Israeli"].kind == "scare"
    assert q["illegally"].kind == "partial" and q["powerful partner"].kind == "partial"
    assert q["powerful partner"].speaker.endswith("Ayoub")
    direct = [f for f in r.of_type("quote") if f.kind == "direct"]
    assert [f.speaker.split()[-1] for f in direct] == ["Baqeri", "Baqeri", "Ayoub"]
    assert not any(f.end - f.start < 3 for f in r.of_type("quote"))  # no quote from Syria's or al-Assad’s
    relay = [a for a in r.of_type("attribution") if a.source_type == "media"]
    assert relay and "al-Mayadeen" in relay[0].via and relay[0].speaker.endswith("Ayoub")
    he = next(a for a in r.of_type("attribution") if a.text == "added")
    assert he.source == "he" and he.speaker.endswith("Baqeri")
    stances = {a.text: a.stance for a in r.of_type("attribution")}
    assert stances["lauded"] == "endorsing" and stances["stressed"] == "endorsing"
    assert stances["underlined"] == "endorsing" and stances["described"] == "neutral"
    lt = {f.text.lower(): f for f in r.of_type("loaded_term")}
    for term in ("takfiri", "axis of resistance", "prattling", "terrorists", "aggression"):
        assert term in lt, term
    assert lt["axis of resistance"].voice == "quoted" and lt["prattling"].voice == "quoted"
    assert lt["terrorists"].voice == "author"


def test_demo_corpus_golden():
    lines = (ROOT / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()
    data = {}
    for line in lines:
        rec = json.loads(line)
        data[rec["id"]] = project(framing.analyse(rec["text"], id=rec["id"]).to_dict(), with_names=True)
    check("demo_findings.jsonl", data)


def test_a_missing_golden_file_fails_and_is_not_written(monkeypatch, tmp_path):
    import pytest

    monkeypatch.setitem(globals(), "GOLDEN", tmp_path)
    monkeypatch.setitem(globals(), "UPDATE", False)
    with pytest.raises(AssertionError, match="is missing"):
        check("nothing_here.json", {"a": []})
    assert not (tmp_path / "nothing_here.json").exists()
