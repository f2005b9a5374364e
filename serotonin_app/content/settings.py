"""Clinic settings from ``clinic.toml``: names, numbers and safety wording.

Safety wording is content, not code: every number a patient may need comes
from here, with defaults that never pretend to be a real local number.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from serotonin_app.content.problems import Problem, error, warning

DEFAULT_EMERGENCY = "your local emergency number"
DEFAULT_DISCLAIMER = (
    "This sheet is for information. It is not a diagnosis. "
    "Only a clinician can assess you. Do not stop or change any medicine "
    "without talking to your prescriber."
)
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str

    def __str__(self) -> str:
        return f"{self.name}: {self.number}"


@dataclass(frozen=True)
class ClinicSettings:
    name: str = ""
    phone: str = ""
    emergency_number: str = DEFAULT_EMERGENCY
    crisis_lines: tuple[CrisisLine, ...] = ()
    #: Minutes with no input before everything is cleared; 0 turns it off. Fractions are allowed.
    idle_reset_minutes: float = 10
    disclaimer: str = DEFAULT_DISCLAIMER
    #: The files the values came from, in the order they were applied.
    files: tuple[Path, ...] = field(default=(), compare=False)

    def placeholders(self) -> dict[str, str]:
        """Values for ``{key}`` placeholders in content files."""
        crisis = "; ".join(str(line) for line in self.crisis_lines) or (
            f"ask your clinic for a crisis line, or call {self.emergency_number}"
        )
        return {
            "clinic_name": self.name or "your clinic",
            "clinic_phone": self.phone or "your clinic's phone number",
            "emergency_number": self.emergency_number,
            "crisis_lines": crisis,
            "disclaimer": self.disclaimer,
        }

    def fill(self, text: str) -> tuple[str, list[tuple[int, str]]]:
        """Fill ``{key}`` placeholders; return the text and ``(line, key)`` of unknown ones."""
        values = self.placeholders()
        unknown: list[tuple[int, str]] = []

        def substitute(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in values:
                return values[key]
            unknown.append((text.count("\n", 0, match.start()) + 1, key))
            return match.group(0)

        return _PLACEHOLDER.sub(substitute, text), unknown


_STRING_KEYS = ("name", "phone", "emergency_number", "disclaimer")
KNOWN_KEYS = frozenset({*_STRING_KEYS, "crisis_lines", "idle_reset_minutes"})


def load_settings(path: Path, base: ClinicSettings) -> tuple[ClinicSettings, list[Problem]]:
    """Apply ``path`` on top of ``base``; on an error the whole file is skipped."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return base, [error(path, 1, f"cannot read file: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return base, [error(path, 1, f"not valid UTF-8 at byte {exc.start}; save the file as UTF-8")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        return base, [error(path, line, f"invalid TOML: {message}")]
    return apply_settings(path, text, data, base)


def apply_settings(
    path: Path, text: str, data: dict[str, Any], base: ClinicSettings
) -> tuple[ClinicSettings, list[Problem]]:
    problems: list[Problem] = []
    changes: dict[str, Any] = {}

    def line(key: str) -> int:
        match = re.search(rf"(?m)^\s*{re.escape(key)}\s*=", text)
        return text.count("\n", 0, match.start()) + 1 if match else 1

    for key, value in data.items():
        if key not in KNOWN_KEYS:
            problems.append(warning(path, line(key), f"unknown setting '{key}' (ignored)"))
        elif key in _STRING_KEYS:
            if isinstance(value, str):
                changes[key] = value.strip()
            else:
                problems.append(error(path, line(key), f"'{key}' must be text in quotes"))
        elif key == "idle_reset_minutes":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
                changes[key] = value
            else:
                problems.append(
                    error(path, line(key), "'idle_reset_minutes' must be a number of minutes, 0 or more")
                )
        elif key == "crisis_lines":
            lines = _crisis_lines(value)
            if lines is None:
                problems.append(
                    error(
                        path,
                        line(key),
                        '\'crisis_lines\' must be a list of { name = "…", number = "…" }',
                    )
                )
            else:
                changes[key] = lines
    if changes.get("emergency_number", base.emergency_number) == "":
        problems.append(error(path, line("emergency_number"), "'emergency_number' must not be empty"))
    if any(p.is_error for p in problems):
        return base, problems
    return replace(base, **changes, files=(*base.files, path)), problems


def _crisis_lines(value: object) -> tuple[CrisisLine, ...] | None:
    if not isinstance(value, list):
        return None
    lines = []
    for item in value:
        if not isinstance(item, dict):
            return None
        name, number = item.get("name"), item.get("number")
        if not isinstance(name, str) or not isinstance(number, str) or not name.strip() or not number.strip():
            return None
        lines.append(CrisisLine(name.strip(), number.strip()))
    return tuple(lines)
