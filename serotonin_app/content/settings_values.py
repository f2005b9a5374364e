"""The text settings' values from ``clinic.toml``, checked: names, numbers, crisis lines.

The same checks serve the top level and each language's table (``[es]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from serotonin_app.content.limits import MAX_CRISIS_LINES, MAX_DISCLAIMER_CHARS, MAX_SETTING_CHARS
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error

#: Settings that are one line of text (the disclaimer may be longer).
STRING_KEYS = ("name", "phone", "emergency_number", "disclaimer")


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str

    def __str__(self) -> str:
        return f"{self.name}: {self.number}"


def text_value(path: Path, line: int, key: str, value: object) -> tuple[Any, Problem | None]:
    """The checked value of the text setting ``key`` and None, or None and the error in it."""
    if key in STRING_KEYS:
        limit = MAX_DISCLAIMER_CHARS if key == "disclaimer" else MAX_SETTING_CHARS
        if not isinstance(value, str):
            message = translate("content.settings", "'{key}' must be text in quotes").format(key=key)
        elif len(value.strip()) > limit:
            message = translate(
                "content.settings", "'{key}' is {length:,} characters long; the limit is {limit:,}"
            ).format(key=key, length=len(value.strip()), limit=limit)
        elif key == "emergency_number" and not value.strip():
            message = translate("content.settings", "'emergency_number' must not be empty")
        else:
            return value.strip(), None
    elif key == "advice_line":
        advice = _crisis_lines([value]) if isinstance(value, dict) else None
        if advice is not None:
            return advice[0], None
        message = translate(
            "content.settings",
            '\'advice_line\' must be {{ name = "…", number = "…" }}, each up to {limit} characters',
        ).format(limit=MAX_SETTING_CHARS)
    else:
        crisis_lines = _crisis_lines(value)
        if isinstance(value, list) and len(value) > MAX_CRISIS_LINES:
            message = translate(
                "content.settings", "'crisis_lines' has {count:,} lines; the limit is {limit}"
            ).format(count=len(value), limit=MAX_CRISIS_LINES)
        elif crisis_lines is None:
            message = translate(
                "content.settings",
                '\'crisis_lines\' must be a list of {{ name = "…", number = "…" }}, '
                "each up to {limit} characters",
            ).format(limit=MAX_SETTING_CHARS)
        else:
            return crisis_lines, None
    return None, error(path, line, message)


def _crisis_lines(value: object) -> tuple[CrisisLine, ...] | None:
    if not isinstance(value, list):
        return None
    lines = []
    for item in value:
        if not isinstance(item, dict):
            return None
        name, number = item.get("name"), item.get("number")
        if not (_short_text(name) and _short_text(number)):
            return None
        lines.append(CrisisLine(name.strip(), number.strip()))
    return tuple(lines)


def _short_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and 0 < len(value.strip()) <= MAX_SETTING_CHARS
