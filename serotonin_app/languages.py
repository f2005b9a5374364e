"""Which languages are installed, without Qt (the command line checks ``--lang`` before Qt starts)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

#: The source language of every string and content file: always installed, needs no file.
ENGLISH = "en"
#: Our compiled interface strings, one ``serotonin_<lang>.qm`` per language (see :mod:`serotonin_app.i18n`).
TRANSLATIONS = Path(__file__).parent / "translations"
#: A language code as files name it: ``es``, ``ar``, ``pt_BR``.
CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


#: Where a content pack keeps its own interface strings: ``<pack>/translations/serotonin_<lang>.qm``.
PACK_TRANSLATIONS = "translations"


def translation_files(roots: Sequence[Path] = ()) -> dict[str, Path]:
    """Each language's compiled interface strings: ours, then each content pack's (later wins).

    A pack adds a language, or replaces ours, with ``translations/serotonin_<lang>.qm``
    beside its ``lessons/``. Only files inside the pack's folder count: a link out of
    it is ignored, as it is for every content file.
    """
    found: dict[str, Path] = {}
    for folder, owner in ((TRANSLATIONS, TRANSLATIONS), *((r / PACK_TRANSLATIONS, r) for r in roots)):
        if not folder.is_dir():
            continue
        inside = owner.resolve()
        for path in sorted(folder.glob("serotonin_*.qm")):
            code = path.stem.removeprefix("serotonin_")
            if CODE.fullmatch(code) and path.is_file() and path.resolve().is_relative_to(inside):
                found[code] = path
    return found


def ui_languages(roots: Sequence[Path] = ()) -> list[str]:
    """The languages the interface speaks: English, then each compiled translation (with packs')."""
    return [ENGLISH, *sorted(code for code in translation_files(roots) if code != ENGLISH)]


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
