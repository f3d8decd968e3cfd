"""What every input path yields, one per input item: a :class:`Record` (one article to analyse) or a
:class:`RecordError` (one item that cannot be analysed, with where it is and what is wrong)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    source: str | None
    origin: str  # "file:line" for messages
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordError:
    origin: str
    reason: str
    id: str | None = None

    def message(self) -> str:
        return f"{self.origin}: {self.reason}"
