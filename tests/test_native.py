"""The engine's compiled modules (framing/_native.py): the same output as pure Python, and never used when they are
older than their sources."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

import pytest

from framing import _compile, _native, adversarial
from tests.conftest import ROOT

SHARED_SEED = ROOT.parent / "shared" / "fixtures" / "seed_article.txt"

# Run in a fresh interpreter: every report of the demo corpus, the seed article when ../shared is there, the
# adversarial families at 3,000 characters and 300 fuzz texts, whole, as JSON lines, with the engine's state and its
# source hash.
_REPORTS = r"""
import json, random, sys
from pathlib import Path
import framing
from framing import _native, adversarial, provenance
root = Path(sys.argv[1])
lines = (root / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()
texts = [(json.loads(x)["id"], json.loads(x)["text"]) for x in lines]
seed = Path(sys.argv[2])
if seed.exists():
    texts.append(("seed", seed.read_text(encoding="utf-8")))
texts += [(name, make(3000)) for name, make in adversarial.FAMILIES.items()]
rng = random.Random(15)
texts += [(f"fuzz-{i}", adversarial.fuzz_text(rng)) for i in range(300)]
print(_native.status())
print(provenance.engine_sha256())
for i, t in texts:
    print(json.dumps(framing.analyse(t, id=i).to_dict(), sort_keys=True))  # ASCII: fuzz texts hold lone surrogates
"""


def _run(code: str, *args: str, pure: bool, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_PURE_PYTHON"}
    if pure:
        env["FRAMING_PURE_PYTHON"] = "1"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=True)


def _need_build() -> None:
    env = os.environ.pop("FRAMING_PURE_PYTHON", None)
    try:
        files, state = _native.check(_native.BUILD_DIR)
    finally:
        if env is not None:
            os.environ["FRAMING_PURE_PYTHON"] = env
    if files is None:
        pytest.skip(f"no usable compiled engine modules here ({state}); `make compile` builds them")


@pytest.mark.slow
def test_compiled_and_pure_python_give_identical_reports():
    _need_build()
    compiled = _run(_REPORTS, str(ROOT), str(SHARED_SEED), pure=False).stdout.splitlines()
    pure = _run(_REPORTS, str(ROOT), str(SHARED_SEED), pure=True).stdout.splitlines()
    assert compiled[0].startswith("compiled") and pure[0].startswith("pure Python")
    assert compiled[1] == pure[1]  # the same engine for the corpus store: its sources, not the compiled files
    assert len(compiled) == len(pure) >= 2 + 165 + len(adversarial.FAMILIES) + 300
    for c, p in zip(compiled[2:], pure[2:]):
        assert c == p, f"article {json.loads(p)['id']} differs between compiled and pure-Python modules"


@pytest.mark.slow
def test_golden_files_hold_in_the_other_mode():
    """This process runs the golden tests in one mode (compiled when built); here they run in the other."""
    _need_build()
    other_pure = _native.status().startswith("compiled")
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_PURE_PYTHON"}
    if other_pure:
        env["FRAMING_PURE_PYTHON"] = "1"
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_golden.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]


def _fake_build(tmp_path, **change):
    """A build folder whose manifest matches the current sources, with empty files standing for the modules."""
    files = {}
    for name in (*_native.MODULES, _native.GROUP + "__mypyc"):
        rel = _native._built_file(name)
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
        files[name] = rel.as_posix()
    manifest = {"modules": list(_native.MODULES), "suffix": _native._suffix(), "python": sys.version,
                "sources": _native._sources_sha256(), "files": files, **change}
    (tmp_path / _native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


def test_a_build_of_the_current_sources_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    files, state = _native.check(_fake_build(tmp_path))
    assert files is not None and state.startswith("compiled")
    assert files["framing.detect.quotes"] == tmp_path / "framing/detect/quotes" / ("__init__" + _native._suffix())


def test_a_build_older_than_one_source_is_not_used(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    sources = _native._sources_sha256()
    sources["framing.detect.attributions.cues"] = hashlib.sha256(b"the file before an edit").hexdigest()
    files, state = _native.check(_fake_build(tmp_path, sources=sources))
    assert files is None and "sources edited" in state


@pytest.mark.parametrize("change", [{"suffix": ".cpython-310-x86_64-linux-gnu.so"},
                                   {"modules": ["framing.text.segment"]}])
def test_a_build_for_another_python_or_module_list_is_not_used(tmp_path, monkeypatch, change):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    files, state = _native.check(_fake_build(tmp_path, **change))
    assert files is None and "another Python or module list" in state


def test_an_incomplete_build_is_not_used(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    build = _fake_build(tmp_path)
    (build / _native._built_file("framing.detect.roles")).unlink()
    files, state = _native.check(build)
    assert files is None and "incomplete" in state


def test_no_build_or_the_environment_variable_means_pure_python(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    assert _native.check(tmp_path) == (None, "pure Python (no compiled modules: make compile builds them)")
    monkeypatch.setenv("FRAMING_PURE_PYTHON", "1")
    assert _native.check(_fake_build(tmp_path)) == (None, "pure Python (FRAMING_PURE_PYTHON=1)")


def test_a_compiled_module_keeps_its_source_as_file():
    _need_build()
    out = _run("import framing.lexicons as m; print(m.__file__); print(m.__spec__.origin)", pure=False).stdout
    file, origin = out.split()
    assert file == str(ROOT / "framing" / "lexicons.py") and origin.endswith(_native._suffix())


def test_without_a_compiler_the_install_says_so_in_one_line_and_succeeds(monkeypatch, capsys):
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    monkeypatch.setattr(_native.shutil, "which", lambda name: None)
    monkeypatch.setattr(_compile, "build", lambda: pytest.fail("must not build without a compiler"))
    assert _compile.main(["build", "--if-possible"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "no C compiler" in lines[0] and "pure Python" in lines[0]
    assert _compile.main(["build"]) == 1  # `make compile` asked for it: a failure


def test_make_install_compiles_when_it_can():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = text.split("$(BIN)/.installed:", 1)[1].split("\n\n", 1)[0]
    assert "-m framing._compile build --if-possible" in install
    assert install.index("-e .") < install.index("framing._compile")


def test_compiled_modules_use_no_cached_property():
    """mypyc compiles a functools.cached_property into a plain property: its function runs on every access, which
    made the document's case profile quadratic once. Memoise by hand in the compiled modules (see Document._memo)."""
    used = re.compile(r"^\s*@(?:functools\.)?cached_property\b", re.M)
    users = [m for m in _native.MODULES if used.search(_native.source_path(m).read_text(encoding="utf-8"))]
    assert not users, f"functools.cached_property in compiled modules: {users}"


@pytest.mark.parametrize("cls, args", [
    ("framing.text.segment:Span", (1, 2)),
    ("framing.text.quotemarks:QuoteSpan", (1, 2, "\u201c", "\u201d", 0, False)),
    ("framing.text.quotemarks:_Mark", (3, "d", True, False, False)),
    ("framing.lexicons:Match", (0, 1, "an entry")),
    ("framing.detect.roles:RoleCall", ("expert", None, "a professor")),
    ("framing.detect.roles:_Evidence", ("expert", 1.0, 2, "professor")),
    ("framing.text.normalize:NormalizedText", ("Don\u2019t", "don't")),
    ("framing.findings:LoadedTerm", (0, 4, "evil", "evil", "emotive", 1.0, None, "author", "loaded_terms", "why")),
    ("framing.findings:Quote", (1, 5, "word", "scare", None, None, '"', '"', 0, False, "reason", "why")),
    ("framing.findings:Attribution", (0, 4, "said", "say", "neutral", "She", 5, 8, "pronoun", None, None, None, False,
                                      "why")),
    ("framing.findings:SentenceSentiment", (0, 9, "Good day.", 0.7, 0.6, "why")),
    ("framing.detect.quotes:QuoteCall", ("a span", "scare", None, None, "why")),
])
def test_records_with_their_own_init_are_still_frozen_dataclasses(cls, args):
    # they define __init__ so that compiled code runs it natively; what the dataclass gave them must be unchanged
    import dataclasses
    import importlib

    from framing import default_lexicons
    from framing.text.quotemarks import QuoteSpan

    module, name = cls.split(":")
    record = getattr(importlib.import_module(module), name)
    span = QuoteSpan(1, 2, "\u201c", "\u201d", 0, False)
    args = tuple(default_lexicons().loaded_terms.entries[0] if x == "an entry" else span if x == "a span" else x
                 for x in args)
    a, b = record(*args), record(*args)
    names = [f.name for f in dataclasses.fields(record)]
    assert [getattr(a, n) for n in names][:len(args)] == list(args)
    assert a == b and hash(a) == hash(b) and repr(a).startswith(f"{name}(")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(a, names[0], args[0])
    assert dataclasses.replace(a, **{names[0]: args[0]}) == a


def test_attr_has_its_own_init_and_is_still_a_mutable_dataclass():
    import dataclasses

    from framing.detect.attributions import Attr

    a = Attr(1, 2, "say", "neutral", 0)
    assert a == Attr(1, 2, "say", "neutral", 0, None, "none", None, None, None, None, None, None, None, False)
    assert [f.default for f in dataclasses.fields(Attr)][5:] == [None, "none", None, None, None, None, None, None, None,
                                                                 False]
    a.speaker = "She"
    assert dataclasses.replace(a, speaker=None) == Attr(1, 2, "say", "neutral", 0)
    assert repr(a).startswith("Attr(cue_first=1, cue_last=2, lemma='say'")


def test_findings_pickle_and_copy_by_their_fields():
    # the finding classes are compiled (a compiled class has no default pickling): reports cross process pools and
    # Streamlit's caches pickled
    import copy
    import pickle

    from framing import analyse
    from framing.findings import Attribution, SentenceSentiment

    report = analyse('The so-called "experts" slammed the plan, officials said. "We will win," she said.')
    assert {f.type for f in report.findings} == {"loaded_term", "quote", "attribution", "sentiment"}
    extra = [Attribution(0, 4, "said", "say", "neutral", None, None, None, "none", None, None, None, False, "why",
                         speaker="Jo", role="expert", party="D", role_reason="a professor"),
             SentenceSentiment(0, 9, "Good day.", 0.7, 0.6, "why")]
    for f in [*report.findings, *extra]:
        for twin in (pickle.loads(pickle.dumps(f)), copy.copy(f), copy.deepcopy(f)):
            assert type(twin) is type(f) and twin == f and twin.to_dict() == f.to_dict()
    assert pickle.loads(pickle.dumps(report)).to_dict() == report.to_dict()
