"""Clinic settings from ``clinic.toml``: names, numbers and safety wording.

Safety wording is content, not code: every number a patient may need comes
from here, with defaults that never pretend to be a real local number.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeGuard

from serotonin_app.content.limits import (
    MAX_CRISIS_LINES,
    MAX_DISCLAIMER_CHARS,
    MAX_IDLE_RESET_MINUTES,
    MAX_NESTING,
    MAX_SETTING_CHARS,
    MIN_IDLE_RESET_MINUTES,
)
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_marked
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.source import read_text

_CONTEXT = "content.settings"
#: The defaults in English; a new ClinicSettings has them in the current language.
DEFAULT_EMERGENCY = QT_TRANSLATE_NOOP("content.settings", "your local emergency number")
DEFAULT_DISCLAIMER = QT_TRANSLATE_NOOP(
    "content.settings",
    "This sheet is for information. It is not a diagnosis. "
    "Only a clinician can assess you. Do not stop or change any medicine "
    "without talking to your prescriber.",
)
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# What the nesting scan stops at: brackets, braces, strings, comments and line ends.
_TOML_MARK = re.compile(r"""[\[\]{}"'#\n]""")
_BASIC_STRING_END = re.compile(r'["\\\n]')
_DIGITS = re.compile(r"\d+")
_KEY_NAME = r"""(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))"""
_TOML_KEY = re.compile(rf"[ \t]*{_KEY_NAME}[ \t]*[=.]")
_TOML_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*{_KEY_NAME}[ \t]*[\].]")
_TOML_TABLE_START = re.compile(r"[ \t]*\[")


def default_emergency() -> str:
    """The default emergency number's wording, in the current language."""
    return translate_marked(_CONTEXT, DEFAULT_EMERGENCY)


def default_disclaimer() -> str:
    """The default disclaimer, in the current language."""
    return translate_marked(_CONTEXT, DEFAULT_DISCLAIMER)


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
    emergency_number: str = field(default_factory=default_emergency)
    crisis_lines: tuple[CrisisLine, ...] = ()
    #: The urgent, non-emergency advice line (NHS 111, healthdirect, Poison Help…), if the clinic has one.
    advice_line: CrisisLine | None = None
    #: Minutes with no input before everything is cleared; 0 turns it off. Fractions are allowed.
    idle_reset_minutes: float = 10
    #: Text size each new person starts with, in percent of the system size; None: the app's default.
    default_zoom: int | None = None
    disclaimer: str = field(default_factory=default_disclaimer)
    #: The files the values came from, in the order they were applied.
    files: tuple[Path, ...] = field(default=(), compare=False)

    def placeholders(self) -> dict[str, str]:
        """Values for ``{key}`` placeholders in content files."""
        crisis = "; ".join(str(line) for line in self.crisis_lines) or (
            translate(
                "content.settings", "ask your clinic for a crisis line, or call {emergency_number}"
            ).format(emergency_number=self.emergency_number)
        )
        # A whole phrase: "Call {advice_line} now" reads well with and without a line.
        if self.advice_line:
            advice = translate(
                "content.settings", "your prescriber, your pharmacist or {name} on {number}"
            ).format(name=self.advice_line.name, number=self.advice_line.number)
        else:
            advice = translate("content.settings", "your prescriber or pharmacist")
        return {
            "clinic_name": self.name or translate("content.settings", "your clinic"),
            "clinic_phone": self.phone or translate("content.settings", "your clinic's phone number"),
            "emergency_number": self.emergency_number,
            "crisis_lines": crisis,
            "advice_line": advice,
            "disclaimer": self.disclaimer,
        }

    def fill(self, text: str) -> tuple[str, list[tuple[int, str]]]:
        """Fill ``{key}`` placeholders; return the text and ``(line, key)`` of unknown ones."""
        values = self.placeholders()
        unknown: list[tuple[int, str]] = []
        # Matches come in order, so counting lines from the last one keeps this linear.
        where = [0, 1]

        def substitute(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in values:
                return values[key]
            where[1] += text.count("\n", where[0], match.start())
            where[0] = match.start()
            unknown.append((where[1], key))
            return match.group(0)

        return PLACEHOLDER.sub(substitute, text), unknown


_STRING_KEYS = ("name", "phone", "emergency_number", "disclaimer")
KNOWN_KEYS = frozenset({*_STRING_KEYS, "crisis_lines", "advice_line", "idle_reset_minutes", "default_zoom"})
#: The window zooms from 70% to 250% of the system size.
ZOOM_RANGE = (70, 250)


def load_settings(
    path: Path, base: ClinicSettings, root: Path | None = None
) -> tuple[ClinicSettings, list[Problem]]:
    """Apply ``path`` (inside the content folder ``root``, default its own folder) on top of ``base``.

    On an error the whole file is skipped. Every way the file can be wrong
    (unreadable, too big, not UTF-8, bad TOML, wrong types, values out of range)
    comes back as an error with the best line we can find, never as a silent
    fallback to the defaults: a clinic must see that its numbers were not used.
    """
    text, problems = read_text(path, root)
    if text is None:
        return base, problems
    depth, line = toml_nesting(text, MAX_NESTING)
    if depth > MAX_NESTING:
        nested = translate("content.settings", "values are nested {depth} levels deep; the limit is {limit}")
        return base, [error(path, line, nested.format(depth=depth, limit=MAX_NESTING))]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, reason = _toml_error(exc, text)
        # tomllib's own words stay in English: Python has no translation for them.
        invalid = translate("content.settings", "invalid TOML: {error}")
        return base, [error(path, line, invalid.format(error=reason))]
    except ValueError:
        # Python refuses to turn more than 4,300 digits into a number, and tomllib lets that through.
        most = sys.get_int_max_str_digits()
        long = next((m for m in _DIGITS.finditer(text) if len(m.group(0)) > most), None)
        line = text.count("\n", 0, long.start()) + 1 if long else 1
        message = translate("content.settings", "invalid TOML: a number has more than {limit:,} digits")
        return base, [error(path, line, message.format(limit=most))]
    except RecursionError:  # the nesting scan above should have stopped this; never crash on it
        return base, [
            error(path, 1, translate("content.settings", "invalid TOML: values are nested too deeply"))
        ]
    return apply_settings(path, text, data, base)


def toml_nesting(text: str, limit: int) -> tuple[int, int]:
    """How deeply arrays and inline tables nest in TOML ``text``, and the line where they pass ``limit``.

    tomllib recurses once per level, so this is measured first, without
    recursion; brackets inside strings and comments do not count.
    """
    depth = deepest = 0
    line = deepest_line = 1
    index, end = 0, len(text)
    while (match := _TOML_MARK.search(text, index)) is not None:
        char, index = match.group(0), match.end()
        if char == "\n":
            line += 1
        elif char == "#":
            index = text.find("\n", index)
            index = end if index < 0 else index
        elif char in "[{":
            depth += 1
            if depth > limit and deepest <= limit:
                deepest_line = line
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
        else:
            start = index
            index = _string_end(text, index - 1)
            line += text.count("\n", start, index)
    return deepest, deepest_line


def _string_end(text: str, start: int) -> int:
    """Where the TOML string opening at ``start`` ends (or the end of ``text`` if it never does)."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        index = start + 3
        while True:
            close = text.find(quote * 3, index)
            if close < 0:
                return len(text)
            escapes = 0
            while quote == '"' and close - escapes - 1 >= index and text[close - escapes - 1] == "\\":
                escapes += 1
            if escapes % 2 == 0:
                # Up to two more quotes belong to the string: """a""""" is 'a""'.
                close += 3
                extra = 0
                while extra < 2 and text.startswith(quote, close):
                    close, extra = close + 1, extra + 1
                return close
            index = close + 1
    if quote == "'":
        close, newline = text.find("'", start + 1), text.find("\n", start + 1)
        if 0 <= newline < close or close < 0:
            return len(text) if newline < 0 else newline
        return close + 1
    index = start + 1
    while (match := _BASIC_STRING_END.search(text, index)) is not None:
        if match.group(0) == "\\":
            index = match.end() + 1
        elif match.group(0) == "\n":
            return match.start()
        else:
            return match.end()
    return len(text)


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
    return key_lines(text).get(key, 1)


def key_lines(text: str) -> dict[str, int]:
    """The line of every top-level key in TOML ``text``, found in one pass (a file may have thousands)."""
    found: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(text.split("\n"), 1):
        header = _TOML_HEADER.match(line)
        if header:
            in_table = True
            found.setdefault(next(g for g in header.groups() if g is not None), number)
        elif not in_table and (assignment := _TOML_KEY.match(line)):
            # Later `name =` lines belong to a table, not to the top level.
            found.setdefault(next(g for g in assignment.groups() if g is not None), number)
        elif _TOML_TABLE_START.match(line):
            in_table = True
    return found


def setting_line(path: Path, key: str) -> int:
    """The line of ``key`` in the settings file ``path``, or 1 when it is not there or unreadable."""
    text, _ = read_text(path)
    return 1 if text is None else key_line(text, key)


def apply_settings(
    path: Path, text: str, data: dict[str, Any], base: ClinicSettings
) -> tuple[ClinicSettings, list[Problem]]:
    """Apply parsed ``data`` from ``path`` on top of ``base``; any error keeps ``base``."""
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    lines = key_lines(text)

    for key, value in data.items():
        line = lines.get(key, 1)
        if key not in KNOWN_KEYS:
            message = translate("content.settings", "unknown setting '{key}' (ignored)").format(key=key)
            problems.append(warning(path, line, message))
        elif key in _STRING_KEYS:
            limit = MAX_DISCLAIMER_CHARS if key == "disclaimer" else MAX_SETTING_CHARS
            if not isinstance(value, str):
                message = translate("content.settings", "'{key}' must be text in quotes").format(key=key)
                problems.append(error(path, line, message))
            elif len(value.strip()) > limit:
                message = translate(
                    "content.settings", "'{key}' is {length:,} characters long; the limit is {limit:,}"
                ).format(key=key, length=len(value.strip()), limit=limit)
                problems.append(error(path, line, message))
            else:
                changes[key] = value.strip()
        elif key == "idle_reset_minutes":
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and (value == 0 or MIN_IDLE_RESET_MINUTES <= value <= MAX_IDLE_RESET_MINUTES)
            ):
                changes[key] = value
            else:
                message = translate(
                    "content.settings",
                    "'idle_reset_minutes' must be 0 (off) or a number of minutes from {low} to {high}",
                ).format(low=MIN_IDLE_RESET_MINUTES, high=MAX_IDLE_RESET_MINUTES)
                problems.append(error(path, line, message))
        elif key == "default_zoom":
            low, high = ZOOM_RANGE
            if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
                changes[key] = value
            else:
                message = translate(
                    "content.settings",
                    "'default_zoom' must be a whole number of percent from {low} to {high}",
                ).format(low=low, high=high)
                problems.append(error(path, line, message))
        elif key == "advice_line":
            advice = _crisis_lines([value]) if isinstance(value, dict) else None
            if advice is None:
                message = translate(
                    "content.settings",
                    '\'advice_line\' must be {{ name = "…", number = "…" }}, each up to {limit} characters',
                ).format(limit=MAX_SETTING_CHARS)
                problems.append(error(path, line, message))
            else:
                changes[key] = advice[0]
        elif key == "crisis_lines":
            crisis_lines = _crisis_lines(value)
            if isinstance(value, list) and len(value) > MAX_CRISIS_LINES:
                message = translate(
                    "content.settings", "'crisis_lines' has {count:,} lines; the limit is {limit}"
                ).format(count=len(value), limit=MAX_CRISIS_LINES)
                problems.append(error(path, line, message))
            elif crisis_lines is None:
                message = translate(
                    "content.settings",
                    '\'crisis_lines\' must be a list of {{ name = "…", number = "…" }}, '
                    "each up to {limit} characters",
                ).format(limit=MAX_SETTING_CHARS)
                problems.append(error(path, line, message))
            else:
                changes[key] = crisis_lines
    if changes.get("emergency_number", base.emergency_number) == "":
        message = translate("content.settings", "'emergency_number' must not be empty")
        problems.append(error(path, lines.get("emergency_number", 1), message))
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
        if not (_short_text(name) and _short_text(number)):
            return None
        lines.append(CrisisLine(name.strip(), number.strip()))
    return tuple(lines)


def _short_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and 0 < len(value.strip()) <= MAX_SETTING_CHARS
