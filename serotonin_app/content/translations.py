"""Translated content files: which language a file is in, and what it translates.

A translation sits beside its source with the language before ``.md``
(``lessons/neurotransmitters.es.md``, ``glossary.es.md``), the convention Hugo and
mkdocs-static-i18n use, so a pack can add one translated file and nothing else.
It has the same ``id`` as the English file it translates. Its front matter may say
which version of the English it was made from and when a clinician checked it::

    translated_from: "613c8ce2eb5d"   # source_hash() of the English file
    translation_reviewed: 2026-12-01

Files without a language suffix are English, the source language.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from serotonin_app.content.checklist import Checklist
    from serotonin_app.content.glossary import Glossary
    from serotonin_app.content.lesson import Lesson
    from serotonin_app.content.quiz import Quiz

#: The language every file without a suffix, and every string in the code, is written in.
SOURCE_LANGUAGE = "en"
#: A language suffix: two letters, optionally a region (``es``, ``pt_BR``). Two letters only,
#: so a name like ``notes.old.md`` is not mistaken for a language.
LANGUAGE_SUFFIX = re.compile(r"[a-z]{2}(?:_[A-Z]{2})?")
#: Front-matter keys only a translation has.
TRANSLATION_KEYS = frozenset({"translated_from", "translation_reviewed"})
#: How many hex digits of the English file's SHA-256 a translation records.
HASH_DIGITS = 12

Kind = Literal["lesson", "quiz", "checklist", "glossary"]


def file_language(path: Path) -> str:
    """The language a content file is written in: its suffix before ``.md``, else English."""
    stem_suffix = Path(path.stem).suffix[1:]
    return stem_suffix if LANGUAGE_SUFFIX.fullmatch(stem_suffix) else SOURCE_LANGUAGE


def source_hash(data: bytes) -> str:
    """What ``translated_from`` records for an English file with these bytes."""
    return hashlib.sha256(data).hexdigest()[:HASH_DIGITS]


@dataclass(frozen=True)
class Translation:
    """One translated file: what it translates and whether a clinician has checked it."""

    language: str
    path: Path
    #: The ``translated_from`` hash as written ("" when missing).
    translated_from: str = ""
    #: The ``translation_reviewed`` date as written ("" while not reviewed).
    reviewed: str = ""
    #: File lines of the two keys, for problems (1 when missing).
    translated_from_line: int = 1


@dataclass(frozen=True)
class Translated:
    """Everything loaded in one language other than English, by id (later folders winning)."""

    lessons: Mapping[str, Lesson] = field(default_factory=dict)
    quizzes: Mapping[str, Quiz] = field(default_factory=dict)
    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    glossary: Glossary | None = None
    files: Mapping[tuple[Kind, str], Translation] = field(default_factory=dict)


def translation_of(meta: Mapping[str, object], path: Path, key_lines: Mapping[str, int]) -> Translation:
    """The translation record of a file in another language, from its front matter."""
    return Translation(
        language=file_language(path),
        path=path,
        translated_from=_text(meta.get("translated_from")),
        reviewed=_text(meta.get("translation_reviewed")),
        translated_from_line=key_lines.get("translated_from", 1),
    )


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()
