"""Provenance in one place: which versions an analysis was made with, and the key that tells whether a stored
article is current. Runs (:mod:`framing.corpus.runner`), ``framing runs``, the dashboard's cached stores
(:mod:`framing.workspace`) and every article report use these functions, so "the same engine" means one thing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing._native import source_path
from framing._version import __version__
from framing.config import CORPUS_CONFIG, Config
from framing.lexicons import Lexicons, default_lexicons

# The modules whose code decides the analysis (packages: every module in them). Editing any of them makes the
# stored articles stale; editing the comparison layer, the dashboard or the corpus package does not.
ENGINE_MODULES = ("framing.report", "framing.findings", "framing.explanations", "framing.config", "framing.lexicons",
                  "framing.inflect", "framing.tables", "framing.text", "framing.detect", "framing.detectors",
                  "framing.provenance")


def config_sha256(cfg: Config) -> str:
    global _last_config
    last = _last_config
    if last is not None and last[0] is cfg:  # the same object (every report of a run has the same one)
        return last[1]
    sha = hashlib.sha256(json.dumps(cfg.to_dict(), sort_keys=True).encode()).hexdigest()
    _last_config = (cfg, sha)
    return sha


# The last configuration hashed, by identity rather than equality: equal configurations can differ in their JSON
# (1 and 1.0), and the object kept alive here cannot be replaced by another at the same address.
_last_config: tuple[Config, str] | None = None


def versions(lex: Lexicons, cfg: Config) -> dict[str, Any]:
    """The versions every article report carries: the package's, the lexicons' (version and SHA-256) and the
    configuration's hash."""
    return {"framing": __version__, "lexicons": lex.versions(), "config_sha256": config_sha256(cfg)}


def engine_versions(lexicons: Lexicons, config: Config) -> dict[str, Any]:
    """:func:`versions` plus the SHA-256 of the engine's source files, so that an engine edited between releases
    (an editable install) never passes for the one that analysed the stored articles."""
    return {**versions(lexicons, config), "engine_sha256": engine_sha256()}


@lru_cache(maxsize=1)
def engine_sha256() -> str:
    """The SHA-256 of the source files of :data:`ENGINE_MODULES`, with their paths."""
    h = hashlib.sha256()
    for name in ENGINE_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        path = Path(spec.origin)
        if path.suffix != ".py":  # a module compiled by framing._native: its source, which the build matches
            path = source_path(name)
        for f in sorted(path.parent.rglob("*.py")) if path.name == "__init__.py" else [path]:
            h.update(f"{name}:{f.relative_to(path.parent).as_posix()}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def versions_key(vers: dict[str, Any]) -> str:
    """A short hash of the versions an article was analysed with."""
    return hashlib.sha256(json.dumps(vers, sort_keys=True).encode()).hexdigest()[:16]


def current_versions_key(lexicons: Lexicons | None = None, config: Config | None = None) -> str:
    """The versions key of an analysis made now (by default with the bundled lexicons and the corpus
    configuration): stored articles with another key are stale."""
    return versions_key(engine_versions(lexicons or default_lexicons(), config or CORPUS_CONFIG))
