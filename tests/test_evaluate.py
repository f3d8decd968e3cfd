"""The evaluation code: the reference definitions on small known cases, the folds, and agreement with
``../shared/tools/reference_score.py`` on the shared data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing.evaluate import quotations as qv
from tests.conftest import ROOT, SHARED, need_shared

TEXT = 'He said "we will win," and called it "a disaster." The "experts" agreed.'


def gold(start: int, end: int, kind: str, speaker: str | None = None, note: str = "") -> dict:
    return {"start": start, "end": end, "kind": kind, "speaker": speaker, "note": note}


def pred(start: int, end: int, kind: str, speaker: str | None = None) -> dict:
    return {"type": "quote", "start": start, "end": end, "kind": kind, "speaker": speaker}


def spans(*words: str) -> list[tuple[int, int]]:
    out = []
    for w in words:
        s = TEXT.index(w)
        out.append((s, s + len(w)))
    return out


@pytest.mark.parametrize("g, p, ok", [
    ("Mohammad Baqeri", "Baqeri", True),      # one contains the other
    ("Gen. Mohammad Baqeri", "Mohammad Baqeri", True),
    ("the minister", "Baqeri", False),
    ("Vilsack, a former Iowa governor", "Tom Vilsack", False),  # the gold's last word is not in the prediction
    (None, "Baqeri", False),
    ("Baqeri", None, False),
])
def test_speaker_match_is_the_reference_rule(g, p, ok):
    assert qv.speaker_match(g, p) is ok


def test_score_counts_spans_scare_and_speakers():
    (a, b, c) = spans("we will win,", "a disaster.", "experts")
    article = {"id": "x", "text": TEXT, "quotes": [gold(*a, "direct", "He"), gold(*b, "partial", "He"),
                                                    gold(*c, "scare", note="UNSURE: could be partial")]}
    out = {"x": {"findings": [pred(*a, "direct", "he"), pred(*b, "scare"), pred(*c, "scare")]}}
    sure = qv.score([article], out, keep_unsure=False)
    assert (sure.spans, sure.span_f1) == (2, 1.0)
    assert (sure.scare_p, sure.scare_r) == (0.0, 0.0)  # the one scare call on a sure span is wrong
    assert sure.speaker_acc == 0.5
    every = qv.score([article], out, keep_unsure=True)
    assert every.spans == 3 and every.scare_p == 0.5 and every.scare_r == 1.0


def test_bootstrap_intervals_are_deterministic_and_hold_the_pooled_figure():
    (a, b, c) = spans("we will win,", "a disaster.", "experts")
    arts, out = [], {}
    for i in range(12):  # a third of the articles get the scare quote wrong, half get one speaker wrong
        arts.append({"id": f"x{i}", "text": TEXT, "quotes": [gold(*a, "direct", "He"), gold(*b, "partial", "He"),
                                                               gold(*c, "scare")]})
        out[f"x{i}"] = {"findings": [pred(*a, "direct", "He" if i % 2 else "Ann"), pred(*b, "partial", "He"),
                                     pred(*c, "scare" if i % 3 else "partial")]}
    pooled = qv.score(arts, out, keep_unsure=False)
    ci = qv.bootstrap(arts, out, keep_unsure=False, rounds=500)
    assert ci == qv.bootstrap(arts, out, keep_unsure=False, rounds=500)  # a fixed seed
    for key, value in (("scare_r", pooled.scare_r), ("scare_f1", pooled.scare_f1), ("speaker_acc", pooled.speaker_acc)):
        lo, hi = ci[key]
        assert lo <= value <= hi and lo < hi
    assert ci["scare_p"] == (1.0, 1.0)  # every scare call is right in every resample
    # the per-article counts add up to the pooled figures
    total = qv.Counts()
    for art in arts:
        total.add(qv.article_counts(art, out, keep_unsure=False))
    assert total.sp_ok / total.sp_n == pooled.speaker_acc and total.spans == 36


def test_a_span_matches_at_iou_09_and_unmatched_predictions_are_false_positives():
    (a,) = spans("a disaster.")  # 11 characters
    article = {"id": "x", "text": TEXT, "quotes": [gold(a[0], a[1], "partial", "He")]}
    near = {"x": {"findings": [pred(a[0] + 1, a[1], "partial", "He"), pred(0, 2, "scare")]}}  # IoU 10/11
    f = qv.score([article], near, keep_unsure=False)
    assert f.span_f1 == pytest.approx(2 / 3) and f.scare_p == 0.0 and f.speaker_acc == 1.0
    off = {"x": {"findings": [pred(a[0] + 2, a[1], "partial", "He")]}}  # IoU 9/11 < 0.9: no match
    assert qv.score([article], off, keep_unsure=False).span_f1 == 0.0


def test_the_dev2_split_is_stable_and_about_half():
    ids = [f"abp_{i:04d}" for i in range(400)]
    halves = [qv.in_check_half(i) for i in ids]
    assert halves == [qv.in_check_half(i) for i in ids]
    assert 150 < sum(halves) < 250


def test_our_labels_hold_offsets_and_labels_only():
    import json

    labelled = sorted(qv.OUR_WRITE_LABELS.parent.glob("labels_*.jsonl"))
    labelled += sorted(qv.OUR_CHECK_LABELS.parent.glob("labels_*.jsonl"))
    labelled += sorted(qv.OUR_SHORT_LABELS.parent.glob("labels_*.jsonl"))
    labelled += sorted(qv.OUR_CHECK40_LABELS.parent.glob("labels_*.jsonl"))
    for later in (qv.OUR_BLIND40_LABELS, qv.OUR_SHORT40_LABELS, qv.OUR_FRESH40_LABELS):
        labelled += sorted(later.parent.glob("labels_*.jsonl"))
    assert len(labelled) == 35
    for path in [qv.OUR_LABELS, qv.OUR_WRITE_LABELS, qv.OUR_CHECK_LABELS, qv.OUR_SHORT_LABELS, qv.OUR_CHECK40_LABELS,
                 qv.OUR_BLIND40_LABELS, qv.OUR_SHORT40_LABELS, qv.OUR_FRESH40_LABELS, *labelled]:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert set(rec) - {"labellers"} == {"id", "source", "quotes"} and rec["id"].startswith("abp_")
            for q in rec["quotes"]:
                assert set(q) == {"start", "end", "kind", "speaker", "cue", "unsure"} and q["start"] < q["end"]


@pytest.mark.shared
def test_folds_cover_the_shared_files_and_our_labels():
    data = need_shared("data", "quotes")
    folds = {f.name: f for f in qv.load_folds(data.parent)}
    assert len(folds["dev"].articles) == 66
    assert len(folds["dev2-a"].articles) + len(folds["dev2-b"].articles) == 50
    assert {f.role for f in folds.values()} == {"write", "check"}
    assert len(folds["allsides60"].articles) == 60 and folds["allsides60"].role == "check"
    assert len(folds["allsides30"].articles) == 30 and folds["allsides30"].role == "write"
    assert len(folds["check60"].articles) == 60 and folds["check60"].role == "check"
    assert len(folds["short35"].articles) == 35 and folds["short35"].role == "write"
    assert len(folds["check40"].articles) == 40 and folds["check40"].role == "check"
    assert len(folds["blind40"].articles) == 40 and folds["blind40"].role == "check"
    assert len(folds["short40"].articles) == 40 and folds["short40"].role == "write"
    assert len(folds["fresh40"].articles) == 40 and folds["fresh40"].role == "check"
    assert len(folds["write40"].articles) == 40 and folds["write40"].role == "write"
    assert len(folds["random40"].articles) == 40 and folds["random40"].role == "write"
    assert len(folds["words40"].articles) == 40 and folds["words40"].role == "write"
    assert len(folds["fragments40"].articles) == 40 and folds["fragments40"].role == "write"
    assert len(folds["unseen40"].articles) == 40 and folds["unseen40"].role == "write"
    assert len(folds["holdout40"].articles) == 40 and folds["holdout40"].role == "check"
    assert len(folds["sealed40"].articles) == 40 and folds["sealed40"].role == "write"
    assert len(folds["vault40"].articles) == 40 and folds["vault40"].role == "check"
    for a in folds["allsides60"].articles:  # every labelled span sits between quotation marks of the shared text
        for q in a["quotes"]:
            assert a["text"][q["start"] - 1] in qv_marks() and a["text"][q["end"]] in qv_marks()


def qv_marks() -> str:
    from framing.text.quotemarks import MARK_CHARS

    return MARK_CHARS


@pytest.mark.shared
@pytest.mark.slow
def test_pooled_figures_agree_with_the_reference_scorer():
    need_shared("tools", "reference_score.py")
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "reference_score.py"), "quotes"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    sure_line = next(x for x in ref.stdout.splitlines() if x.startswith("sure spans"))
    ours = subprocess.run([sys.executable, "-m", "framing", "evaluate", "quotes"], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    pooled = next(x for x in ours.stdout.splitlines() if x.strip().startswith("pooled ../shared")).split()
    # columns: name (two words), role, articles, spans, then each figure followed by its all-spans value
    span_f1, scare_p, scare_r, scare_f1, speaker = pooled[5], pooled[7], pooled[9], pooled[11], pooled[13]
    assert f"span F1={span_f1}" in sure_line and f"scare P={scare_p} R={scare_r} F1={scare_f1}" in sure_line
    assert f"speaker accuracy={speaker}" in sure_line


def test_evaluate_says_when_the_data_is_missing(tmp_path: Path, capsys):
    from framing.evaluate import run

    assert run("quotes", data=str(tmp_path / "nowhere")) == 2
    assert "not found" in capsys.readouterr().err


def test_role_labels_hold_offsets_and_labels_only_in_two_folds_by_hash():
    import hashlib
    import json

    from framing.evaluate.roles import LABELS
    from framing.findings import ROLES

    recs = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(recs) >= 300 and len({r["source"] for r in recs}) >= 10
    for r in recs:
        assert set(r) == {"id", "file", "source", "fold", "start", "end", "role", "party", "note"}
        assert r["id"].startswith("abp_") and 0 <= r["start"] < r["end"] and r["role"] in ROLES
        odd = int(hashlib.sha256(r["id"][4:].encode()).hexdigest(), 16) % 2 == 1
        assert r["fold"] == ("B" if odd else "A")
        assert r["party"] is None or r["role"] == "politician"


def test_second_role_labels_cover_the_same_mentions():
    from framing.evaluate.roles import LABELS, SECOND, agreement, read_labels
    from framing.findings import ROLES

    first, second = read_labels(LABELS), read_labels(SECOND)
    assert [(r["id"], r["start"], r["end"]) for r in second] == [(r["id"], r["start"], r["end"]) for r in first]
    for r in second:
        assert set(r) == {"id", "start", "end", "role", "party", "note"} and r["role"] in ROLES
        assert r["party"] is None or r["role"] == "politician"
    ag = agreement(first, second)
    assert ag.mentions == len(first) and 0 < ag.kappa <= ag.observed <= 1


@pytest.mark.parametrize("first, second, observed, kappa", [
    (["a", "a", "b", "b"], ["a", "a", "b", "b"], 1.0, 1.0),
    (["a", "a", "b", "b"], ["a", "b", "a", "b"], 0.5, 0.0),  # what the two frequencies give by chance
    (["a", "a", "a", "b"], ["a", "a", "a", "a"], 0.75, 0.0),
])
def test_agreement_is_cohens_kappa(first, second, observed, kappa):
    from framing.evaluate.roles import agreement

    def recs(roles):
        return [{"id": "x", "start": i, "end": i + 1, "role": r, "party": None} for i, r in enumerate(roles)]

    ag = agreement(recs(first), recs(second))
    assert ag.observed == pytest.approx(observed) and ag.kappa == pytest.approx(kappa)


@pytest.mark.shared
def test_role_figures_per_fold_and_pooled(capsys):
    data = need_shared("data", "allsides_articles")
    from framing.evaluate.roles import score

    figs = score(data.parent)
    a, b, pooled = figs["A"], figs["B"], figs["pooled"]
    assert a.mentions + b.mentions == pooled.mentions >= 300
    assert pooled.covered == a.covered + b.covered and pooled.correct == a.correct + b.correct
    assert 0 < pooled.coverage <= 1 and 0 < pooled.accuracy <= 1
    assert sum(pooled.confusion.values()) == pooled.mentions
    from framing.cli import main

    assert main(["evaluate", "roles", "--data", str(data.parent)]) == 0
    out = capsys.readouterr().out
    assert "fold A" in out and "fold B (held out)" in out and "pooled" in out and "labelled -> given" in out
    assert "two labellers, " in out and "Cohen's kappa" in out


def test_polnear_speakers_count_names_before_a_silver_description(tmp_path: Path):
    """The reference rule compares last words, so "Troy Jackson" for the silver source "Jackson, the superdelegate
    from Maine" is wrong; the figures count such cases apart, and leave the accuracy as the reference defines it."""
    text = 'Headline\n\n"We will win this state," said Jackson, the superdelegate from Maine.\n'
    src = "Jackson, the superdelegate from Maine"
    s0 = text.index(src)
    c0, c1 = text.index("We"), text.index(",")
    root = tmp_path / "dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(text, encoding="utf-8")
    cue = text.index("said")
    (root / "attributions" / "a_1.ann").write_text(
        f"T1\tSource {s0} {s0 + len(src)}\t{src}\nT2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {c0} {c1}\t{text[c0:c1]}\nT4\tAttribution {cue} {cue + 4}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")

    def analyse_all(records):
        return {r["id"]: {"findings": [{"type": "quote", "start": c0, "end": c1, "kind": "direct",
                                        "speaker": "Troy Jackson"}]} for r in records}

    f = qv.polnear_speakers(root, analyse_all)
    assert (f.quotations, f.speaker_acc, f.appositive) == (1, 0.0, 1)
    # the article holding the most wrong speakers, by count (its text is not shown: a check split's stays unread)
    assert f.worst == ("a", 1, 1)


def test_pronoun_labels_hold_offsets_and_names_only():
    import json

    from framing.evaluate.pronouns import DISTANCES, LABELS

    recs = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 150
    for r in recs:
        assert set(r) - {"note"} == {"id", "file", "pronoun_start", "pronoun", "referent", "distance"}
        assert r["pronoun"] in ("he", "she") and r["pronoun_start"] >= 0
        assert r["distance"] in DISTANCES or r["referent"] == "unclear"


def test_pronoun_labels_point_at_their_pronoun_and_are_scored():
    import gzip
    import json

    from framing.evaluate.pronouns import LABELS, score

    corpus = need_shared("data", "allsides_articles", "subset_articles.jsonl.gz")
    recs = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    ids = {r["id"] for r in recs}
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if "abp_" + str(row["ID"]) in ids:
                texts["abp_" + str(row["ID"])] = row["content_original"]
    for r in recs:
        s = r["pronoun_start"]
        assert texts[r["id"]][s:s + len(r["pronoun"])].lower() == r["pronoun"]
    fig = score(corpus.parents[1])
    assert fig is not None and fig.labelled == 148 and 0 < fig.found <= fig.labelled
    assert fig.correct == sum(v for (d, ok), v in fig.by_distance.items() if ok)


def test_the_two_labeller_sets_are_merged_from_their_labellers_files():
    import subprocess
    import sys

    script = qv.GOLD / "merge_labels.py"
    for folder in (qv.OUR_WRITE_LABELS.parent, qv.OUR_CHECK_LABELS.parent, qv.OUR_SHORT_LABELS.parent,
                   qv.OUR_CHECK40_LABELS.parent, qv.OUR_FRESH40_LABELS.parent, qv.OUR_SEALED40_LABELS.parent,
                   qv.OUR_VAULT40_LABELS.parent):
        run = subprocess.run([sys.executable, str(script), str(folder), "--check"], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert "Cohen's kappa" in run.stdout


@pytest.mark.shared
def test_the_selection_script_gives_the_labelled_articles():
    # the script runs as a script (its name must not shadow a standard module) and reproduces both sets, in order
    import json
    import subprocess
    import sys

    data = need_shared("data", "allsides_articles")
    script = qv.GOLD / "quotes_allsides30" / "selection.py"
    run = subprocess.run([sys.executable, str(script), "--shared", str(data.parent.parent), "--n", "90"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    chosen = [json.loads(line)["id"] for line in run.stdout.splitlines()]
    labelled = [json.loads(line)["id"] for p in (qv.OUR_WRITE_LABELS, qv.OUR_CHECK_LABELS)
                for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(chosen[:30]) == sorted(labelled[:30]) and sorted(chosen[30:]) == sorted(labelled[30:])


@pytest.mark.shared
@pytest.mark.parametrize("labels", [qv.OUR_SHORT_LABELS, qv.OUR_CHECK40_LABELS, qv.OUR_BLIND40_LABELS,
                                    qv.OUR_SHORT40_LABELS, qv.OUR_FRESH40_LABELS, qv.OUR_WRITE40_LABELS,
                                    qv.OUR_RANDOM40_LABELS, qv.OUR_WORDS40_LABELS, qv.OUR_FRAGMENTS40_LABELS,
                                    qv.OUR_UNSEEN40_LABELS, qv.OUR_HOLDOUT40_LABELS, qv.OUR_SEALED40_LABELS,
                                    qv.OUR_VAULT40_LABELS],
                         ids=["short35", "check40", "blind40", "short40", "fresh40", "write40", "random40", "words40",
                              "fragments40", "unseen40", "holdout40", "sealed40", "vault40"])
def test_the_selection_scripts_of_the_later_sets_give_their_labelled_articles(labels: Path):
    import json
    import subprocess
    import sys

    data = need_shared("data", "allsides_articles")
    script = labels.parent / "selection.py"
    run = subprocess.run([sys.executable, str(script), "--shared", str(data.parent.parent)], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    chosen = [json.loads(line)["id"] for line in run.stdout.splitlines()]
    labelled = [json.loads(line)["id"] for line in labels.read_text(encoding="utf-8").splitlines()]
    assert sorted(chosen) == sorted(labelled)


def test_a_missed_target_is_said_and_the_confusion_table_is_printed_whole(monkeypatch, tmp_path, capsys):
    import framing.evaluate as ev

    errors = {"wrong speaker": [f"example {i}" for i in range(5)],
              "confusion gold->predicted (write folds, sure spans)": [f"k{i} -> k{i + 1}: 1" for i in range(5)]}
    monkeypatch.setitem(ev.SCORERS, "quotes", lambda base: ev.Score("quotes", {}, "figures", errors, passed=False))
    assert ev.run("quotes", data=str(tmp_path), show_errors=2) == 1
    out, err = capsys.readouterr()
    assert out.count("example") == 2 and out.count(" -> k") == 5
    assert "not every target is met (quotes" in err


@pytest.mark.parametrize("text, chosen", [
    # two lower-case fragments in sentences with no reporting word
    ('The "reboot" failed. Its "recovery" was weak.', True),
    # one of them in a reporting sentence, the other a capitalised title
    ('The "reboot" failed, he said. The "Recovery Act" passed.', False),
    ('Critics called it a "reboot" and said the "recovery" was weak.', False),
])
def test_the_fragments_selection_keeps_unreported_lower_case_fragments(text: str, chosen: bool):
    from framing.evaluate.allsides import unreported_fragments
    from framing.text.quotemarks import pair_quotes

    assert unreported_fragments(text, list(pair_quotes(text)[0])) is chosen
