"""Problems found in content files, reported as ``path:line: severity: message``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a content file. Errors skip the file; warnings do not."""

    path: Path
    line: int
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.message}"


def error(path: Path, line: int, message: str) -> Problem:
    return Problem(path, line, message, Severity.ERROR)


def warning(path: Path, line: int, message: str) -> Problem:
    return Problem(path, line, message, Severity.WARNING)


def line_of(text: str, needle: str, start_line: int = 1) -> int:
    """The 1-based line of ``needle`` in ``text`` (numbered from ``start_line``), or ``start_line``."""
    index = text.find(needle)
    if index < 0:
        return start_line
    return start_line + text.count("\n", 0, index)
