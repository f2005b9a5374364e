"""Problems found in content files, reported as ``path:line: severity: message``."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from serotonin_app.content.messages import translate

# A problem is one line of ``check`` output; a newline, an escape code or a
# direction mark in a file name or a quoted value must not start a second line,
# reach the terminal, or make the line read backwards.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


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
        return f"{printable(str(self.path))}:{self.line}: {self.severity.value}: {printable(self.message)}"


def printable(text: str) -> str:
    """``text`` on one line, with control characters and broken surrogates spelled as escapes."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group(0))[1:-1], text)


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


#: Set to any value to let unexpected exceptions while loading escape, with their traceback.
RAISE_ENV = "SEROTONIN_APP_RAISE"


def reraise_unexpected() -> bool:
    return bool(os.environ.get(RAISE_ENV))


def unexpected(path: Path, exc: Exception, doing: Literal["load", "check"]) -> Problem:
    """``path:1: error: could not load this file: ValueError: …``; ``doing`` is "load" or "check".

    The exception's type stays in the message, so a programming error is still
    recognisable in a clinic's report.
    """
    detail = " ".join(str(exc).split())
    detail = detail if len(detail) <= 200 else detail[:200] + "…"
    if doing == "check":
        template = translate("content.problems", "could not check this file: {error}")
    else:
        template = translate("content.problems", "could not load this file: {error}")
    # The exception's name and its own words are not translated: they are for whoever fixes the bug.
    name = type(exc).__name__
    return error(path, 1, template.format(error=f"{name}: {detail}" if detail else name))


def capped(problems: Sequence[Problem], limit: int) -> list[Problem]:
    """At most ``limit`` problems of one file, errors first, then one line counting the rest.

    That line is an error when any problem left out was one, so the verdict does not change.
    """
    if len(problems) <= limit:
        return list(problems)
    ranked = sorted(range(len(problems)), key=lambda i: (not problems[i].is_error, i))
    kept = [problems[i] for i in sorted(ranked[:limit])]
    rest = [problems[i] for i in ranked[limit:]]
    message = translate("content.problems", "{count:,} more problems in this file are not shown").format(
        count=len(rest)
    )
    last = error if any(p.is_error for p in rest) else warning
    return [*kept, last(rest[0].path, rest[0].line, message)]
