"""The package's exceptions: one root, so callers can catch everything framing raises."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class FramingError(Exception):
    """Root of every error this package raises on purpose."""


class LexiconError(FramingError):
    """A lexicon file is malformed. The message names the file, the line and how to fix it."""


class InputError(FramingError):
    """An input file or record cannot be read. The message names the file and line (or record)."""


class RunError(FramingError):
    """A corpus run stopped before the end. The message says why; committed batches are kept and the run resumes."""


class TimeBudgetExceeded(FramingError):
    """The analysis of one text took longer than the time budget it was given. The message names the budget, the
    step after which it stopped and the text's length."""


class ConfigError(FramingError):
    """An option has an invalid value. The message lists the valid values."""


def value_invalid_msg(name: str, value: object, valid: object) -> str:
    """A uniform message for a bad option value that lists what would have been accepted."""
    return f"invalid value for {name}: {value!r}; valid values are {valid!r}"


def from_options(cls: type[T], options: dict[str, Any], what: str) -> T:
    """``cls(**options)`` for a dataclass of options, refusing names it does not have with a message that lists
    the valid ones (``what`` names them: "config option", "mapping option"...)."""
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(f"unknown {what}(s) {unknown}; valid options are {sorted(known)}")
    return cls(**options)


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM): raised like Ctrl-C's KeyboardInterrupt, so that the same cleanup runs
    (a corpus run abandons the batches in flight, marks itself interrupted and can be resumed)."""
