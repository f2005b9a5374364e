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
    #: Text size each new person starts with, in percent of the system size; None: the app's default.
    default_zoom: int | None = None
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
KNOWN_KEYS = frozenset({*_STRING_KEYS, "crisis_lines", "idle_reset_minutes", "default_zoom"})
#: The window zooms from 70% to 250% of the system size.
ZOOM_RANGE = (70, 250)


def load_settings(path: Path, base: ClinicSettings) -> tuple[ClinicSettings, list[Problem]]:
    """Apply ``path`` on top of ``base``; on an error the whole file is skipped.

    Every way the file can be wrong (unreadable, not UTF-8, bad TOML, wrong types)
    comes back as an error with the best line we can find, never as a silent
    fallback to the defaults: a clinic must see that its numbers were not used.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return base, [error(path, 1, f"cannot read file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return base, [error(path, line, f"not valid UTF-8 at byte {exc.start}; save the file as UTF-8")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error(exc, text)
        return base, [error(path, line, f"invalid TOML: {message}")]
    except RecursionError:
        # tomllib recurses into nested arrays and inline tables.
        return base, [error(path, 1, "invalid TOML: values are nested too deeply")]
    return apply_settings(path, text, data, base)


def _toml_error(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line and the message without its position; Python 3.14 has them as attributes."""
    lineno = getattr(exc, "lineno", None)
    message = getattr(exc, "msg", None)
    if not isinstance(message, str):
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
    if not isinstance(lineno, int):
        match = re.search(r"at line (\d+)", str(exc))
        # "at end of document": the last line with anything on it is where the file broke off.
        lineno = int(match.group(1)) if match else text.rstrip().count("\n") + 1
    return max(lineno, 1), message


def key_line(text: str, key: str) -> int:
    """The line that sets top-level ``key`` in TOML ``text`` (``key =`` or ``[key]``), or 1."""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    # Top-level keys come before the first table header; later `name =` lines belong to a table.
    header = re.search(r"(?m)^[ \t]*\[", text)
    top = text[: header.start()] if header else text
    match = re.search(rf"(?m)^[ \t]*{name}[ \t]*[=.]", top) or re.search(
        rf"(?m)^[ \t]*\[\[?[ \t]*{name}[ \t]*[\].]", text
    )
    return text.count("\n", 0, match.start()) + 1 if match else 1


def setting_line(path: Path, key: str) -> int:
    """The line of ``key`` in the settings file ``path``, or 1 when it is not there or unreadable."""
    try:
        return key_line(path.read_bytes().decode("utf-8-sig"), key)
    except (OSError, UnicodeDecodeError):
        return 1


#: A QTimer interval is a 32-bit count of milliseconds; a day is far inside it.
MAX_IDLE_RESET_MINUTES = 24 * 60


def apply_settings(
    path: Path, text: str, data: dict[str, Any], base: ClinicSettings
) -> tuple[ClinicSettings, list[Problem]]:
    """Apply parsed ``data`` from ``path`` on top of ``base``; any error keeps ``base``."""
    problems: list[Problem] = []
    changes: dict[str, Any] = {}

    for key, value in data.items():
        if key not in KNOWN_KEYS:
            problems.append(warning(path, key_line(text, key), f"unknown setting '{key}' (ignored)"))
        elif key in _STRING_KEYS:
            if isinstance(value, str):
                changes[key] = value.strip()
            else:
                problems.append(error(path, key_line(text, key), f"'{key}' must be text in quotes"))
        elif key == "idle_reset_minutes":
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and 0 <= value <= MAX_IDLE_RESET_MINUTES
            ):
                changes[key] = value
            else:
                problems.append(
                    error(
                        path,
                        key_line(text, key),
                        "'idle_reset_minutes' must be a number of minutes "
                        f"from 0 to {MAX_IDLE_RESET_MINUTES}",
                    )
                )
        elif key == "default_zoom":
            low, high = ZOOM_RANGE
            if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
                changes[key] = value
            else:
                message = f"'default_zoom' must be a whole number of percent from {low} to {high}"
                problems.append(error(path, key_line(text, key), message))
        elif key == "crisis_lines":
            lines = _crisis_lines(value)
            if lines is None:
                problems.append(
                    error(
                        path,
                        key_line(text, key),
                        '\'crisis_lines\' must be a list of { name = "…", number = "…" }',
                    )
                )
            else:
                changes[key] = lines
    if changes.get("emergency_number", base.emergency_number) == "":
        problems.append(
            error(path, key_line(text, "emergency_number"), "'emergency_number' must not be empty")
        )
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
