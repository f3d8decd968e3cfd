"""The dashboard's server process (framing.dashboard_server): what it imports in the background covers what the pages
import, so that the first visitor of a new server does not wait for the libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.dashboard.conftest import APP

# Run in a new interpreter (this one has imported everything already): preload, then every page's first view in
# AppTest; print the framing modules and the packages that the pages imported after the preload.
SCRIPT = """
import json, sys
from framing.dashboard_server import preload
from streamlit.testing.v1 import AppTest
preload()
before = set(sys.modules)
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.run()
errors = [str(e.value) for e in at.exception]
for page in ("compare", "explorer", "words", "event", "lexicons", "analyse"):
    at.switch_page(f"views/{page}.py")
    at.run()
    errors += [str(e.value) for e in at.exception]
new = set(sys.modules) - before
# our modules, and any package imported for the first time (its own submodules, loaded lazily, are small)
late = sorted(m for m in new if m.split(".")[0] == "framing" or (
    "." not in m and not m.startswith("_") and m not in sys.stdlib_module_names
    and m not in ("cached", "widgets", "cython_runtime")))
print(json.dumps({"late": late, "errors": errors}))
"""


def test_the_preload_covers_every_page_first_view(store: Path, tmp_path: Path) -> None:
    env = {**os.environ, "FRAMING_DB": str(store), "FRAMING_CACHE": str(tmp_path / "cache")}
    env.pop("FRAMING_CORPUS", None)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(APP)], env=env, capture_output=True, text=True,
                         timeout=600, cwd=Path(APP).parent.parent)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["errors"] == []
    assert got["late"] == [], str(got["late"]) + ": ""imported by the pages after framing.dashboard_server.preload(): add them to PRELOAD"


def test_the_server_module_runs_streamlit_with_the_arguments_it_is_given(tmp_path: Path) -> None:
    # `--version` is answered by Streamlit's command line itself: the hand-over works without starting a server
    out = subprocess.run([sys.executable, "-m", "framing.dashboard_server", "--version"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("Streamlit, version ")


def test_a_page_run_waits_for_the_background_import() -> None:
    script = ("import sys\n"
              "from framing.dashboard_server import PRELOAD, start_preload, wait_for_preload\n"
              "start_preload()\n"
              "wait_for_preload()\n"
              "print(sorted(m for m in PRELOAD if m not in sys.modules and m != 'threadpoolctl'))\n")
    # (PRELOAD_AFTER may still be importing when the wait is over: that is its point)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_a_module_that_fails_to_import_is_skipped_with_a_warning(tmp_path: Path, monkeypatch, capsys) -> None:
    from framing import dashboard_server

    (tmp_path / "framing_test_broken_mod.py").write_text("raise RuntimeError('broken on purpose')\n", encoding="utf-8")
    (tmp_path / "framing_test_fine_mod.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    dashboard_server.preload(("framing_test_not_installed", "framing_test_broken_mod", "framing_test_fine_mod"))
    assert "framing_test_fine_mod" in sys.modules  # the ones after it are still imported
    err = capsys.readouterr().err
    assert "framing_test_broken_mod" in err and "RuntimeError: broken on purpose" in err
    assert "framing_test_not_installed" not in err  # an optional package that is absent: no warning
    sys.modules.pop("framing_test_fine_mod", None)
