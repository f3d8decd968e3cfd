"""The README's set-up commands, the Makefile and `.ci/run` agree: CI runs exactly the README's test command, and
that command installs what the tests need (the pinned requirements, the package, Debian's Chromium when it can) or
says in one line why the browser tests are skipped."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT

ENSURE = ROOT / "tests" / "browser" / "ensure_chromium.sh"


def readme_setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]


def make_recipe(target: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    m = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n?)+)", text, flags=re.M)
    assert m, f"no recipe for {target} in the Makefile"
    return m.group(1)


def test_readme_has_the_two_commands() -> None:
    assert readme_setup_commands() == ["make dashboard", "make test"]


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    lines = [ln.strip() for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [ln for ln in lines if ln and not ln.startswith("#") and not ln.startswith(("set ", "cd "))]
    assert commands == ["FRAMING_REQUIRE_BROWSER=1 make test"], commands


def test_make_test_installs_what_the_tests_need() -> None:
    recipe = make_recipe("test")
    assert "tests/browser/ensure_chromium.sh" in recipe and "-m pytest" in recipe
    assert "FRAMING_REQUIRE_BROWSER" in recipe and "FRAMING_SKIP_BROWSER_REASON=no-chromium" in recipe
    install = make_recipe("$(BIN)/.installed")
    assert "-r requirements-dev.txt" in install and "-e ." in install
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")


def run_ensure(chromium: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FRAMING_CHROMIUM": str(chromium)}
    return subprocess.run(["sh", str(ENSURE)], env=env, capture_output=True, text=True, timeout=60)


def test_ensure_chromium_accepts_a_present_browser(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    proc = run_ensure(fake)
    assert proc.returncode == 0 and proc.stdout == ""


def test_ensure_chromium_says_in_one_line_why_it_skips(tmp_path: Path) -> None:
    proc = run_ensure(tmp_path / "no-such-chromium")  # a named binary is never installed by apt-get
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and "SKIPPED" in lines[0] and "apt-get install chromium" in lines[0]


def test_the_readme_python_example_runs_as_written(monkeypatch):
    # regression (new-user trial): the README's API example used an undefined `text` and a store the reader does
    # not have; it now runs on the bundled demo files, from the repository's root, as a new user would paste it
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md (the Python example)", "exec"), namespace)  # noqa: S102 (our own README)
    assert len(namespace["table"]) and len(namespace["pairs"]) and len(namespace["words"])  # type: ignore[arg-type]
