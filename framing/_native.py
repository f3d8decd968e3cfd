"""The engine's hot modules compiled with mypyc, used only while they match their sources.

``python -m framing._compile build`` (``make compile``; ``make install`` runs it when it can) compiles
:data:`MODULES` with mypyc into ``framing/_compiled/``, next to a ``manifest.json`` holding the SHA-256 of every
source file it was built from. At ``import framing``, :func:`activate` checks those hashes: when every source is
unchanged, an import hook loads the compiled modules in place of the ``.py`` files; when any of them was edited
since (an editable install is edited all the time), when the build is for another Python, when there is no build,
or when ``FRAMING_PURE_PYTHON=1`` is set, nothing is hooked and the engine runs as pure Python. Compiled code is
therefore never older than its source: all the modules, or none, because compiled modules call each other directly
and a module edited since the build would be bypassed.

The check is made once per process, at its start: a process started before an edit (a dashboard left running)
keeps the modules it loaded, compiled or not, until it is restarted; Streamlit's reloading of edited modules only
reaches pure-Python ones.

The compiled modules give byte-identical output (``tests/test_native.py`` compares the two on the golden articles);
they only run faster. Building needs mypy (a development requirement), a C compiler and Python's headers (Debian:
``gcc`` and ``python3-dev``); without them the build says so in one line and the package stays pure Python.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

# The modules compiled: the text layer and the detectors' rules (the engine's per-token loops), the lexicon matcher,
# the finding classes (built by the hundred per article) and the word-choice term counter (run on every article a
# corpus run stores). Not the report, the registry or anything a test replaces by monkeypatching: compiled code calls
# compiled functions directly, so a patched module attribute would be bypassed.
MODULES = (
    "framing.text.document", "framing.text.normalize", "framing.text.quotemarks", "framing.text.segment",
    "framing.text.truecase", "framing.text.layout", "framing.text.language", "framing.text.fastmatch",
    "framing.detect.sentiment", "framing.detect.loaded_terms", "framing.detect.roles",
    "framing.detect.attributions", "framing.detect.attributions._base", "framing.detect.attributions.content",
    "framing.detect.attributions.cues", "framing.detect.attributions.sources",
    "framing.detect.attributions.speakers",
    "framing.detect.quotes", "framing.detect.quotes._context", "framing.detect.quotes.frames",
    "framing.detect.quotes.speakers",
    "framing.lexicons", "framing.inflect", "framing.findings", "framing.compare.termcount",
)
GROUP = "framing_native"  # the name of mypyc's shared library (GROUP + "__mypyc"), which every module links to
PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR / "_compiled"
MANIFEST = "manifest.json"

# What activate() found, for `framing --version` and the tests: "compiled", "pure (...)".
_state = "pure (not checked yet)"


def source_path(module: str) -> Path:
    """The source file of one of :data:`MODULES` (a package's ``__init__.py``)."""
    path = PACKAGE_DIR.joinpath(*module.split(".")[1:])
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _sources_sha256() -> dict[str, str]:
    return {m: hashlib.sha256(source_path(m).read_bytes()).hexdigest() for m in MODULES}


def _suffix() -> str:
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def status() -> str:
    """``compiled (mypyc, N modules)`` or ``pure Python (why)``."""
    return _state


class _Loader(importlib.machinery.ExtensionFileLoader):
    """Loads a compiled module and gives it its source's ``__file__``, so that code finding files beside its module
    (the lexicons' ``data/`` folder) works as in pure Python; ``__spec__.origin`` stays the compiled file."""

    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        if module.__name__ in MODULES:
            module.__file__ = str(source_path(module.__name__))


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled modules (and mypyc's shared library) in the build folder, and nothing else."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = _Loader(fullname, str(file))
        package = fullname in MODULES and source_path(fullname).name == "__init__.py"
        return importlib.util.spec_from_file_location(
            fullname, file, loader=loader,
            submodule_search_locations=[str(source_path(fullname).parent)] if package else None)


def activate() -> None:
    """Hook the compiled modules in when they were built from exactly the current sources (see the module's
    docstring); otherwise leave the pure-Python modules. Called once, by ``framing/__init__.py``."""
    global _state
    if any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    files, _state = check(BUILD_DIR)
    if files is not None and any(m in sys.modules for m in MODULES):
        files, _state = None, "pure Python (engine modules were imported before framing)"
    if files is not None:
        sys.meta_path.insert(0, _Finder(files))


def check(build_dir: Path) -> tuple[dict[str, Path] | None, str]:
    """The compiled files of the build in ``build_dir`` by module name, when they may be used, and the state to
    report (``compiled (...)`` or ``pure Python (why)``)."""
    if os.environ.get("FRAMING_PURE_PYTHON") == "1":
        return None, "pure Python (FRAMING_PURE_PYTHON=1)"
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, "pure Python (no compiled modules: make compile builds them)"
    if manifest.get("suffix") != _suffix() or manifest.get("modules") != list(MODULES):
        return None, "pure Python (the compiled modules are for another Python or module list: make compile)"
    if manifest.get("sources") != _sources_sha256():
        return None, "pure Python (sources edited since the modules were compiled: make compile rebuilds them)"
    files = {name: build_dir / rel for name, rel in manifest.get("files", {}).items()}
    if set(files) != {*MODULES, GROUP + "__mypyc"} or not all(f.is_file() for f in files.values()):
        return None, "pure Python (the compiled modules are incomplete: make compile)"
    return files, f"compiled (mypyc, {len(MODULES)} modules)"


def can_build() -> str | None:
    """Why the modules cannot be compiled here (None when they can): mypy, a C compiler and Python's headers."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypy (mypyc) is not installed (pip install -r requirements-dev.txt)"
    cc = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]  # as setuptools chooses it
    if shutil.which(cc) is None:
        return f"no C compiler ({cc}; Debian: apt-get install gcc)"
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        return f"no Python headers in {include} (Debian: apt-get install python3-dev)"
    return None


def _built_file(name: str) -> Path:
    """Where setuptools puts the extension of module ``name`` (or of mypyc's shared library), relative to its
    build folder."""
    parts = name.split(".")
    if name in MODULES and source_path(name).name == "__init__.py":
        return Path(*parts, "__init__" + _suffix())
    return Path(*parts[:-1], parts[-1] + _suffix())


def build() -> None:
    """Compile :data:`MODULES` into ``framing/_compiled`` (replacing any earlier build) and write its manifest."""
    shutil.rmtree(BUILD_DIR, ignore_errors=True)  # no manifest while building: a half-built folder is never used
    sources = _sources_sha256()  # the sources as they were when compiled
    with tempfile.TemporaryDirectory(prefix="framing-mypyc-") as tmp:
        script = (
            "import sys\n"
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            "tmp, group = sys.argv[1], sys.argv[2]\n"
            "exts = mypycify(['--ignore-missing-imports', '--cache-dir', tmp + '/cache', *sys.argv[3:]],\n"
            "                target_dir=tmp + '/c', group_name=group)\n"
            "setup(name='framing-native', ext_modules=exts, script_args=['build_ext', '--build-lib', tmp + '/lib',\n"
            "      '--build-temp', tmp + '/obj'])\n")
        files = [str(source_path(m).relative_to(PACKAGE_DIR.parent)) for m in MODULES]
        proc = subprocess.run([sys.executable, "-c", script, tmp, GROUP, *files], cwd=PACKAGE_DIR.parent,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("mypyc failed:\n" + (proc.stdout + proc.stderr)[-4000:])
        if _sources_sha256() != sources:
            raise RuntimeError("a source file changed while it was being compiled: build again")
        lib = Path(tmp) / "lib"
        out: dict[str, str] = {}
        tmp_build = PACKAGE_DIR / "_compiled.tmp"
        shutil.rmtree(tmp_build, ignore_errors=True)
        for name in (*MODULES, GROUP + "__mypyc"):
            rel = _built_file(name)
            built = lib / rel
            if not built.is_file():
                raise RuntimeError(f"mypyc did not build {rel}")
            (tmp_build / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(built, tmp_build / rel)
            out[name] = rel.as_posix()
    manifest = {"modules": list(MODULES), "suffix": _suffix(), "python": sys.version, "sources": sources,
                "files": out}
    (tmp_build / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    tmp_build.rename(BUILD_DIR)
