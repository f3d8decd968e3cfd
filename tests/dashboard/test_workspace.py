"""framing.workspace and `framing dashboard`: which data the dashboard opens, the cached store of a corpus
(built once, rebuilt when the corpus or the versions change), and the command that starts the server."""

from __future__ import annotations

import json
import shutil

import pytest

from framing import workspace
from framing.cli import main
from framing.dashboard_cli import SERVER_MAX_UPLOAD_MB, app_path
from framing.errors import ConfigError, InputError
from framing.uploads import MAX_UPLOAD_BYTES
from tests.dashboard.conftest import DEMO, HOSTILE


def test_the_demo_corpus_is_the_default():
    c = workspace.choose_data(environ={})
    assert c.kind == "demo" and c.path == DEMO.resolve() and c.name == "demo corpus"
    assert "invented" in c.label


def test_arguments_win_over_the_environment_and_the_environment_over_the_demo(store, tmp_path):
    env = {"FRAMING_DB": str(store)}
    assert workspace.choose_data(environ=env).kind == "db"
    assert workspace.choose_data(corpus=HOSTILE, environ=env).kind == "corpus"
    env = {"FRAMING_CORPUS": str(HOSTILE), "FRAMING_MAPPING": '{"text": "text"}'}
    c = workspace.choose_data(environ=env)
    assert (c.kind, c.mapping, c.name) == ("corpus", (("text", "text"),), "hostile")


@pytest.mark.parametrize("kwargs, error, message", [
    ({"db": "/no/such.duckdb"}, InputError, "no such store"),
    ({"corpus": "/no/such.jsonl"}, InputError, "no such file"),
    ({"corpus": DEMO, "db": DEMO}, ConfigError, "not both"),
    ({"corpus": DEMO, "mapping": {"txt": "body"}}, ConfigError, "unknown mapping option"),
    ({"environ": {"FRAMING_CORPUS": str(DEMO), "FRAMING_MAPPING": "{bad"}}, ConfigError, "not valid JSON"),
    ({"environ": {"FRAMING_CORPUS": str(DEMO), "FRAMING_MAPPING": "[1]"}}, ConfigError, "JSON object"),
])
def test_bad_choices_say_what_is_wrong(kwargs, error, message):
    kwargs.setdefault("environ", {})
    with pytest.raises(error) as exc:
        workspace.choose_data(**kwargs)
    assert message in str(exc.value)


def test_unsupported_corpus_type_is_refused(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK")
    with pytest.raises(InputError, match="unsupported input type"):
        workspace.choose_data(corpus=bad, environ={})


def test_cache_dir(monkeypatch, tmp_path):
    assert workspace.cache_dir({"FRAMING_CACHE": str(tmp_path)}) == tmp_path
    assert workspace.cache_dir({}).parts[-2:] == (".cache", "framing")


def test_a_corpus_is_analysed_once_into_the_cache_and_again_when_it_changes(tmp_path):
    corpus = tmp_path / "mine.jsonl"
    shutil.copy(HOSTILE, corpus)
    cache = tmp_path / "cache"
    choice = workspace.choose_data(corpus=corpus, environ={})
    seen: list[tuple[float, str]] = []
    path = workspace.ensure_store(choice, progress=lambda f, m: seen.append((f, m)), cache=cache)
    assert path.parent == cache and path.name.startswith("mine-") and workspace.store_ready(path)
    assert seen[0][0] == 0.0 and seen[-1][0] == 1.0 and "2 analysed" in seen[-1][1]
    mtime = path.stat().st_mtime_ns
    assert workspace.ensure_store(choice, progress=lambda f, m: seen.append((f, m)), cache=cache) == path
    assert path.stat().st_mtime_ns == mtime  # ready: nothing analysed again
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "new", "text": "A third article, officials said."}) + "\n")
    path2 = workspace.ensure_store(choice, cache=cache)
    assert path2 != path and workspace.store_ready(path2)
    assert not path.exists()  # the stale store of the old corpus is removed
    mapped = workspace.choose_data(corpus=corpus, mapping={"source": "title"}, environ={})
    assert workspace.store_path(mapped, cache=cache) != path2  # another mapping, another store


def test_an_interrupted_build_is_not_ready_and_resumes(tmp_path, monkeypatch):
    from framing.corpus import runner

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Article {i}, officials said."}) + "\n"
                              for i in range(25 * (runner.COMMIT_GROUP + 2))), encoding="utf-8")  # 2 commits
    choice = workspace.choose_data(corpus=corpus, environ={})
    calls = {"n": 0}
    real = runner._commit

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "_commit", failing)
    with pytest.raises(KeyboardInterrupt):
        workspace.ensure_store(choice, cache=tmp_path / "cache")
    path = workspace.store_path(choice, cache=tmp_path / "cache")
    assert path.exists() and not workspace.store_ready(path)
    monkeypatch.setattr(runner, "_commit", real)
    assert workspace.ensure_store(choice, cache=tmp_path / "cache") == path and workspace.store_ready(path)


def test_a_store_is_used_as_it_is(store):
    choice = workspace.choose_data(db=store, environ={})
    assert workspace.ensure_store(choice) == store.resolve()


# -- framing dashboard -----------------------------------------------------------------------------------------

def command(capsys, *args: str) -> dict:
    assert main(["dashboard", *args, "--print-command"]) == 0
    return json.loads(capsys.readouterr().out)


def test_dashboard_starts_streamlit_on_localhost_without_usage_statistics(capsys, monkeypatch):
    for k in ("FRAMING_DB", "FRAMING_CORPUS", "FRAMING_MAPPING"):
        monkeypatch.delenv(k, raising=False)
    out = command(capsys)
    cmd = out["command"]
    assert cmd[1:4] == ["-m", "framing.dashboard_server", "run"] and cmd[4] == str(app_path())
    opts = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert opts["--server.address"] == "127.0.0.1" and opts["--server.port"] == "8501"
    assert opts["--server.headless"] == "true" and opts["--browser.gatherUsageStats"] == "false"
    assert opts["--client.showErrorDetails"] == "none"
    assert out["environment"]["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert not any(k in out["environment"] for k in ("FRAMING_DB", "FRAMING_CORPUS"))


def test_dashboard_passes_the_corpus_or_the_store_to_the_app(capsys, store, monkeypatch):
    monkeypatch.setenv("FRAMING_DB", "/stale/value.duckdb")
    out = command(capsys, "--corpus", str(HOSTILE), "--text-field", "text", "--port", "8600")
    env = out["environment"]
    assert env["FRAMING_CORPUS"] == str(HOSTILE.resolve()) and "FRAMING_DB" not in env
    assert json.loads(env["FRAMING_MAPPING"]) == {"text": "text"}
    assert "8600" in out["command"]
    out = command(capsys, "--db", str(store), "--address", "0.0.0.0")
    assert out["environment"]["FRAMING_DB"] == str(store.resolve())
    assert out["command"][out["command"].index("--server.address") + 1] == "0.0.0.0"


@pytest.mark.parametrize("args, message", [
    (["--db", "/no/such.duckdb"], "no such store"),
    (["--corpus", "/no/such.jsonl"], "no such file"),
    (["--port", "0"], "invalid port"),
])
def test_dashboard_checks_its_arguments_before_starting(capsys, monkeypatch, args, message):
    monkeypatch.delenv("FRAMING_DB", raising=False)
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    assert main(["dashboard", *args, "--print-command"]) == 2
    assert message in capsys.readouterr().err


def test_dashboard_checks_the_environment_too(capsys, monkeypatch):
    monkeypatch.setenv("FRAMING_DB", "/no/such.duckdb")
    assert main(["dashboard", "--print-command"]) == 2
    assert "no such store" in capsys.readouterr().err


def test_the_upload_limits_agree():
    assert SERVER_MAX_UPLOAD_MB * 1024 * 1024 == MAX_UPLOAD_BYTES
    config = (app_path().parents[1] / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert f"maxUploadSize = {SERVER_MAX_UPLOAD_MB}" in config and "gatherUsageStats = false" in config
    assert 'address = "127.0.0.1"' in config


def test_the_cached_store_key_changes_with_the_engine_source(monkeypatch):
    from framing import provenance

    choice = workspace.choose_data(environ={})
    before = workspace.store_key(choice)
    monkeypatch.setattr(provenance, "engine_sha256", lambda: "an engine edited since")
    assert workspace.store_key(choice) != before
