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
from typing import Any

from serotonin_app.content.limits import (
    MAX_IDLE_RESET_MINUTES,
    MAX_NESTING,
    MIN_IDLE_RESET_MINUTES,
)
from serotonin_app.content.messages import (
    QT_TRANSLATE_NOOP,
    Message,
    current_language,
    translate,
    translate_in,
)
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.settings_values import STRING_KEYS, CrisisLine, text_value
from serotonin_app.content.source import read_text
from serotonin_app.content.toml_lines import key_line, table_key_lines, toml_error, toml_nesting

_CONTEXT = "content.settings"
#: Said where content has {emergency_number} and the clinic gave no number ("Call … now").
DEFAULT_EMERGENCY = QT_TRANSLATE_NOOP("content.settings", "your local emergency number")
DEFAULT_DISCLAIMER = QT_TRANSLATE_NOOP(
    "content.settings",
    "This sheet is for information. It is not a diagnosis. "
    "Only a clinician can assess you. Do not stop or change any medicine "
    "without talking to your prescriber.",
)
DEFAULT_CLINIC_NAME = QT_TRANSLATE_NOOP("content.settings", "your clinic")
DEFAULT_CLINIC_PHONE = QT_TRANSLATE_NOOP("content.settings", "your clinic's phone number")
DEFAULT_CRISIS_LINES = QT_TRANSLATE_NOOP(
    "content.settings", "ask your clinic for a crisis line, or call {emergency_number}"
)
# Whole phrases: "Call {advice_line} now" reads well with and without a line.
ADVICE_WITH_LINE = QT_TRANSLATE_NOOP(
    "content.settings", "your prescriber, your pharmacist or {name} on {number}"
)
DEFAULT_ADVICE = QT_TRANSLATE_NOOP("content.settings", "your prescriber or pharmacist")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
"""A language code as ``language =`` and the ``[es]`` tables give it: ``es``, ``ar``, ``pt_BR``."""
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_DIGITS = re.compile(r"\d+")


def default_emergency(language: str = "") -> str:
    """The default emergency number's wording in ``language`` ("": the current language)."""
    return _say(language, DEFAULT_EMERGENCY)


def default_disclaimer(language: str = "") -> str:
    """The default disclaimer in ``language`` ("": the current language)."""
    return _say(language, DEFAULT_DISCLAIMER)


def _say(language: str, text: str) -> Message:
    """``text``, marked with QT_TRANSLATE_NOOP above, in ``language`` ("": the current language)."""
    return translate_in(language or current_language(), _CONTEXT, text)


@dataclass(frozen=True)
class ClinicTexts:
    """The settings a clinic can give per language; None where this layer leaves them unset."""

    name: str | None = None
    phone: str | None = None
    emergency_number: str | None = None
    disclaimer: str | None = None
    crisis_lines: tuple[CrisisLine, ...] | None = None
    """An empty tuple is a setting too: "no crisis lines" (the placeholder then asks the clinic)."""
    advice_line: CrisisLine | None = None
    """The urgent, non-emergency advice line (NHS 111, healthdirect, Poison Help…), if the clinic has one."""

    def over(self, base: ClinicTexts) -> ClinicTexts:
        """These values, with ``base``'s where these are unset."""
        changes = {key: getattr(self, key) for key in LANGUAGE_KEYS if getattr(self, key) is not None}
        return replace(base, **changes)


@dataclass(frozen=True)
class ClinicSettings:
    """Every ``clinic.toml`` applied, with the text settings read out in one language.

    ``name``, ``phone``, ``emergency_number``, ``disclaimer``, ``crisis_lines``
    and ``advice_line`` are in :attr:`text_language`: that language's table
    (``[es_MX]`` over ``[es]``), else the top-level value, else the default
    wording translated into that language. Plain settings follow the interface's
    language at the time they are read; :meth:`for_language` fixes one, so a
    file is filled in its own language whatever the interface speaks.
    """

    texts: ClinicTexts = ClinicTexts()
    """The top-level text settings, for every language."""
    translations: tuple[tuple[str, ClinicTexts], ...] = ()
    """The ``[es]`` tables as (language, text settings), sorted by language; they win over :attr:`texts`."""
    language: str = ""
    """The clinic's default language (``language = "es"``); "" when not set."""
    idle_reset_minutes: float = 10
    """Minutes with no input before everything is cleared; 0 turns it off. Fractions are allowed."""
    default_zoom: int | None = None
    """Text size each new person starts with, in percent of the system size; None: the app's default."""
    text_language: str = ""
    """The language the text settings are read in; "": the interface's, whenever they are read."""
    files: tuple[Path, ...] = field(default=(), compare=False)
    """The files the values came from, in the order they were applied."""

    def for_language(self, language: str) -> ClinicSettings:
        """These settings read in ``language``: its table's values, and the defaults in that language."""
        return replace(self, text_language=language)

    def reading_language(self) -> str:
        """The language the text settings come out in now."""
        return self.text_language or current_language()

    def clinic_texts(self) -> ClinicTexts:
        """What the clinic set for this language, its tables over the top level; None where defaults apply."""
        language = self.reading_language()
        tables = dict(self.translations)
        texts = self.texts
        # A regional table (es_MX) refines its language's (es).
        for code in dict.fromkeys((language.partition("_")[0], language)):
            if code in tables:
                texts = tables[code].over(texts)
        return texts

    @property
    def name(self) -> str:
        """The clinic's name; "" when not set."""
        return self.clinic_texts().name or ""

    @property
    def phone(self) -> str:
        """The clinic's phone number; "" when not set."""
        return self.clinic_texts().phone or ""

    @property
    def emergency_number(self) -> str:
        """The emergency number, or "your local emergency number" in this language."""
        return self.placeholders()["emergency_number"]

    @property
    def disclaimer(self) -> str:
        """The disclaimer printed on every handout, the default one in this language when not set."""
        return self.placeholders()["disclaimer"]

    @property
    def crisis_lines(self) -> tuple[CrisisLine, ...]:
        """The crisis lines, none when not set."""
        return self.clinic_texts().crisis_lines or ()

    @property
    def advice_line(self) -> CrisisLine | None:
        """The urgent, non-emergency advice line (NHS 111, healthdirect…), if the clinic has one."""
        return self.clinic_texts().advice_line

    def placeholders(self) -> dict[str, str]:
        """Values for ``{key}`` placeholders in content files, in this settings' language."""
        texts, language = self.clinic_texts(), self.reading_language()
        emergency = texts.emergency_number or _say(language, DEFAULT_EMERGENCY)
        crisis = "; ".join(str(line) for line in texts.crisis_lines or ()) or (
            _say(language, DEFAULT_CRISIS_LINES).format(emergency_number=emergency)
        )
        if texts.advice_line:
            advice = _say(language, ADVICE_WITH_LINE).format(
                name=texts.advice_line.name, number=texts.advice_line.number
            )
        else:
            advice = _say(language, DEFAULT_ADVICE)
        return {
            "clinic_name": texts.name or _say(language, DEFAULT_CLINIC_NAME),
            "clinic_phone": texts.phone or _say(language, DEFAULT_CLINIC_PHONE),
            "emergency_number": emergency,
            "crisis_lines": crisis,
            "advice_line": advice,
            # An empty disclaimer is the clinic's choice; only an unset one gets the default.
            "disclaimer": _say(language, DEFAULT_DISCLAIMER)
            if texts.disclaimer is None
            else texts.disclaimer,
        }

    def fill(self, text: str, values: dict[str, str] | None = None) -> tuple[str, list[tuple[int, str]]]:
        """Fill ``{key}`` placeholders; return the text and ``(line, key)`` of unknown ones.

        ``values`` are :meth:`placeholders`, when the caller has them already (a file's
        body and each of its front-matter values are filled with one set).
        """
        if values is None:
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


LANGUAGE_KEYS = (*STRING_KEYS, "crisis_lines", "advice_line")
"""What a language table (``[es]``) may set: the fields of :class:`ClinicTexts`."""
KNOWN_KEYS = frozenset({*LANGUAGE_KEYS, "language", "idle_reset_minutes", "default_zoom"})
"""The top-level keys, besides the language tables."""
ZOOM_RANGE = (70, 250)
"""The window zooms from 70% to 250% of the system size."""


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
        line, reason = toml_error(exc, text)
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


def setting_line(path: Path, key: str) -> int:
    """The line of ``key`` in the settings file ``path``, or 1 when it is not there or unreadable."""
    text, _ = read_text(path)
    return 1 if text is None else key_line(text, key)


def apply_settings(
    path: Path, text: str, data: dict[str, Any], base: ClinicSettings
) -> tuple[ClinicSettings, list[Problem]]:
    """Apply parsed ``data`` from ``path`` on top of ``base``; any error keeps ``base``."""
    problems: list[Problem] = []
    texts: dict[str, Any] = {}
    tables: dict[str, dict[str, Any]] = {}
    changes: dict[str, Any] = {}
    lines = table_key_lines(text)

    for key, value in data.items():
        line = lines[""].get(key, 1)
        if key in LANGUAGE_KEYS:
            good, problem = text_value(path, line, key, value)
            if problem is None:
                texts[key] = good
            else:
                problems.append(problem)
        elif key == "language":
            if isinstance(value, str) and LANGUAGE_CODE.fullmatch(value.strip()):
                changes[key] = value.strip()
            else:
                not_code = translate(
                    "content.settings", "'language' must be a language code such as 'es' or 'pt_BR' (ignored)"
                )
                problems.append(warning(path, line, not_code))
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
        elif isinstance(value, dict) and LANGUAGE_CODE.fullmatch(key):
            tables[key], found = _language_table(path, key, value, lines.get(key, {}), line)
            problems.extend(found)
        else:
            message = translate("content.settings", "unknown setting '{key}' (ignored)").format(key=key)
            problems.append(warning(path, line, message))
    if any(p.is_error for p in problems):
        return base, problems
    # Per key and per language: what this file leaves unset keeps its earlier value.
    translations = dict(base.translations)
    for language, table in tables.items():
        translations[language] = replace(translations.get(language, ClinicTexts()), **table)
    settings = replace(
        base,
        texts=replace(base.texts, **texts),
        translations=tuple(sorted(translations.items())),
        **changes,
        files=(*base.files, path),
    )
    return settings, problems


def _language_table(
    path: Path, language: str, table: dict[str, Any], lines: dict[str, int], line: int
) -> tuple[dict[str, Any], list[Problem]]:
    """The good values of the ``[language]`` table on ``line`` (``lines`` has its keys'), and its problems."""
    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in table.items():
        where = lines.get(key, line)
        if key in LANGUAGE_KEYS:
            good, problem = text_value(path, where, key, value)
            if problem is None:
                changes[key] = good
            else:
                problems.append(problem)
        elif key in KNOWN_KEYS:
            # Most likely written below a [table] by mistake: TOML puts it in that table.
            cannot = translate(
                "content.settings",
                "'{key}' cannot be set per language; move it above the first [table] in the file (ignored)",
            )
            problems.append(warning(path, where, cannot.format(key=key)))
        else:
            unknown = translate("content.settings", "unknown setting '{key}' (ignored)")
            problems.append(warning(path, where, unknown.format(key=f"{language}.{key}")))
    return changes, problems
