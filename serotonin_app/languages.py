"""Which languages are installed, without Qt (the command line checks ``--lang`` before Qt starts)."""

from __future__ import annotations

import re
from pathlib import Path

#: The source language of every string and content file: always installed, needs no file.
ENGLISH = "en"
#: Our compiled interface strings, one ``serotonin_<lang>.qm`` per language (see :mod:`serotonin_app.i18n`).
TRANSLATIONS = Path(__file__).parent / "translations"
#: A language code as files name it: ``es``, ``ar``, ``pt_BR``.
CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def ui_languages() -> list[str]:
    """The languages the interface speaks: English, then each compiled translation."""
    found = sorted(path.stem.removeprefix("serotonin_") for path in TRANSLATIONS.glob("serotonin_*.qm"))
    return [ENGLISH, *(code for code in found if CODE.fullmatch(code))]


def system_language(environ: dict[str, str]) -> str | None:
    """The language of the system's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), as a bare code."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0]
            return None if code in {"C", "POSIX"} else code.split("_")[0].lower()
    return None


def choose_language(
    requested: str | None, clinic: str | None, system: str | None, installed: list[str]
) -> str:
    """``--lang`` if given (checked by the caller), else the clinic's, else the system's, else English."""
    if requested:
        return requested
    for code in (clinic, system):
        if code and code in installed:
            return code
    return ENGLISH


#: Each language's name in itself, as a person looking for it would read it. Qt's own names
#: add the country ("español de España"), which would wrongly exclude most Spanish speakers.
NATIVE_NAMES = {
    "ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fa": "فارسی",
    "fr": "Français", "he": "עברית", "hi": "हिन्दी", "it": "Italiano", "ko": "한국어",
    "pa": "ਪੰਜਾਬੀ", "pl": "Polski", "pt": "Português", "ru": "Русский", "so": "Soomaali",
    "tl": "Tagalog", "ur": "اردو", "vi": "Tiếng Việt", "zh": "中文",
}  # fmt: skip
