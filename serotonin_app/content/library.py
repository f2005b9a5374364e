"""The content library: every content folder loaded, overlaid and checked for load errors.

Loading reads front matter and headings only; Markdown is rendered later, on
demand, by :mod:`serotonin_app.content.render`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import TypeVar

from serotonin_app.content.checklist import Checklist, parse_checklist
from serotonin_app.content.front_matter import SourceFile, id_key
from serotonin_app.content.glossary import DEFAULT_TITLE, Glossary, parse_glossary
from serotonin_app.content.lesson import Lesson, parse_lesson
from serotonin_app.content.limits import (
    MAX_GLOSSARY_TERMS,
    MAX_PROBLEMS_PER_FILE,
)
from serotonin_app.content.load_file import Item, guarded, load_file
from serotonin_app.content.messages import translate, translate_marked
from serotonin_app.content.problems import (
    Problem,
    capped,
    error,
)
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.quiz_parse import parse_quiz
from serotonin_app.content.settings import ClinicSettings, load_settings
from serotonin_app.content.source import content_files, present, unreadable_folder
from serotonin_app.content.translations import (
    SOURCE_LANGUAGE,
    Kind,
    Translated,
    Translation,
    file_language,
    translation_of,
)

SETTINGS_FILE = "clinic.toml"
GLOSSARY_FILE = "glossary.md"
#: The id a glossary's translation record is filed under.
GLOSSARY_ID = "glossary"
#: ``glossary.md`` and its translations (``glossary.es.md``).
_GLOSSARY_NAME = re.compile(r"glossary(?:\.[a-z]{2}(?:_[A-Z]{2})?)?\.md")
_NO_TRANSLATIONS = Translated()
T = TypeVar("T")


@dataclass(frozen=True)
class ContentLibrary:
    """Everything that loaded from the content folders, later folders winning."""

    roots: tuple[Path, ...]
    settings: ClinicSettings
    lessons: tuple[Lesson, ...]
    glossary: Glossary
    quizzes: tuple[Quiz, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    #: The language this library is seen in (:meth:`in_language`); its content is in it where translated.
    language: str = SOURCE_LANGUAGE
    #: Every other language's translated files. The same in every view.
    translated: Mapping[str, Translated] = field(default_factory=dict, compare=False, repr=False)
    #: The library in English, of which this one is a view; None for the English library itself.
    original: ContentLibrary | None = field(default=None, compare=False, repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        """English, then every language that has at least one translated file."""
        return (SOURCE_LANGUAGE, *sorted(self.translated))

    def in_language(self, language: str) -> ContentLibrary:
        """This content as a reader of ``language`` sees it.

        Each item is its translation where there is one, else the English one (the
        window then says it is not translated yet); items only written in that
        language come too. The clinic's settings are those for that language.
        """
        english = self.original or self
        if language == SOURCE_LANGUAGE:
            return english
        found = english.translated.get(language, _NO_TRANSLATIONS)
        lessons, quizzes, checklists = ordered(
            _with(english.lessons, found.lessons),
            _with(english.quizzes, found.quizzes),
            _with(english.checklists, found.checklists),
        )
        return replace(
            english,
            settings=english.settings.for_language(language),
            lessons=lessons,
            glossary=found.glossary or english.glossary,
            quizzes=quizzes,
            checklists=checklists,
            language=language,
            original=english,
        )

    def translation(self, kind: Kind, item_id: str) -> Translation | None:
        """The translation shown for this item in this library's language, if it is one."""
        if self.language == SOURCE_LANGUAGE:
            return None
        english = self.original or self
        return english.translated.get(self.language, _NO_TRANSLATIONS).files.get((kind, item_id))

    def untranslated(self, kind: Kind, item_id: str) -> bool:
        """Whether this item is shown in English to a reader of another language."""
        return self.language != SOURCE_LANGUAGE and self.translation(kind, item_id) is None

    def lesson(self, lesson_id: str) -> Lesson | None:
        return self._lessons.get(lesson_id)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._quizzes.get(quiz_id)

    def checklist(self, checklist_id: str) -> Checklist | None:
        return self._checklists.get(checklist_id)

    # Looked up once per link by ``check``: a dictionary keeps a page of links fast.
    @cached_property
    def _lessons(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in reversed(self.lessons)}

    @cached_property
    def _quizzes(self) -> dict[str, Quiz]:
        return {quiz.id: quiz for quiz in reversed(self.quizzes)}

    @cached_property
    def _checklists(self) -> dict[str, Checklist]:
        return {item.id: item for item in reversed(self.checklists)}

    def quizzes_for(self, lesson_id: str) -> tuple[Quiz, ...]:
        return tuple(quiz for quiz in self.quizzes if quiz.lesson == lesson_id)

    def counts(self) -> Counts:
        """How much loaded, as numbers (``check --json`` prints them)."""
        return Counts(
            lessons=len(self.lessons),
            quizzes=len(self.quizzes),
            questions=sum(len(quiz.questions) for quiz in self.quizzes),
            checklists=len(self.checklists),
            items=sum(len(checklist.items) for checklist in self.checklists),
            glossary_terms=len(self.glossary.terms),
        )

    def summary(self) -> str:
        """One line counting what loaded, as printed by ``check``."""
        counts = self.counts()
        return translate(
            "content.library", "{lessons}, {quizzes} ({questions}), {checklists} ({items}), {terms}"
        ).format(
            lessons=_count(
                counts.lessons,
                translate("content.library", "{n} lesson"),
                translate("content.library", "{n} lessons"),
            ),
            quizzes=_count(
                counts.quizzes,
                translate("content.library", "{n} quiz"),
                translate("content.library", "{n} quizzes"),
            ),
            questions=_count(
                counts.questions,
                translate("content.library", "{n} question"),
                translate("content.library", "{n} questions"),
            ),
            checklists=_count(
                counts.checklists,
                translate("content.library", "{n} checklist"),
                translate("content.library", "{n} checklists"),
            ),
            items=_count(
                counts.items,
                translate("content.library", "{n} item"),
                translate("content.library", "{n} items"),
            ),
            terms=_count(
                counts.glossary_terms,
                translate("content.library", "{n} glossary term"),
                translate("content.library", "{n} glossary terms"),
            ),
        )


@dataclass(frozen=True)
class Counts:
    """What a library holds; the field names are the keys of ``check --json``'s ``counts``."""

    lessons: int
    quizzes: int
    questions: int
    checklists: int
    items: int
    glossary_terms: int


def _count(number: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated ``{n} …`` texts) filled with ``number``."""
    return (one if number == 1 else many).format(n=number)


def _load_kind(
    roots: Sequence[Path],
    folder: str,
    *,
    kind: Kind,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[Item | None, list[Problem]]],
    problems: list[Problem],
    records: dict[str, dict[tuple[Kind, str], Translation]],
) -> dict[str, dict[str, Item]]:
    """Load ``root/folder/*.md`` from every root, by language then id; same id in a later root replaces.

    Ids that differ only in case or look-alike characters clash: on many disks
    their exported PDFs would be one file, and a reader cannot tell them apart.
    Each language is a separate set of ids: ``x.es.md`` translates the ``x`` with
    the same id. A translated file's record goes to ``records``.
    """
    items: dict[str, dict[str, Item]] = {}
    by_key: dict[tuple[str, str], tuple[str, Path]] = {}
    for root in roots:
        paths, list_problems = content_files(root, folder)
        problems.extend(list_problems)
        seen_here: dict[tuple[str, str], Path] = {}
        for path in paths:
            item, source = load_file(path, root, settings, parse, problems)
            if item is None or source is None:
                continue
            language = file_language(path)
            line = source.line_of_key("id")
            if (language, item.id) in seen_here:
                message = translate(
                    "content.library", "duplicate id '{id}' (also used by {file}); file skipped"
                ).format(id=item.id, file=seen_here[language, item.id].name)
                problems.append(error(path, line, message))
                continue
            key = (language, id_key(item.id))
            other_id, other_path = by_key.get(key, (item.id, path))
            if other_id != item.id:
                message = translate(
                    "content.library",
                    "id '{id}' clashes with '{other_id}' ({other_path}): ids must differ by more "
                    "than case or look-alike characters; use exactly the same id to replace a file",
                ).format(id=item.id, other_id=other_id, other_path=other_path)
                problems.append(error(path, line, message))
                continue
            seen_here[language, item.id] = path
            by_key[key] = (item.id, path)
            items.setdefault(language, {})[item.id] = item
            if language != SOURCE_LANGUAGE:
                records.setdefault(language, {})[kind, item.id] = translation_of(
                    source.meta, path, source.key_lines
                )
    return items


def _readable_roots(roots: Sequence[Path], problems: list[Problem]) -> list[Path]:
    """The roots whose files can be listed; each other one is one problem, not one per file."""
    readable = []
    for root in roots:
        problem = unreadable_folder(root)
        if problem is None:
            readable.append(root)
        else:
            problems.append(problem)
    return readable


def load_library(roots: Sequence[Path]) -> tuple[ContentLibrary, list[Problem]]:
    """Load content folders in order; return the library and every problem found."""
    problems: list[Problem] = []
    settings = ClinicSettings()
    readable = _readable_roots(roots, problems)
    for root in readable:
        path = root / SETTINGS_FILE
        # Not is_file(): a folder, a pipe or a broken link by that name must be reported, not skipped.
        if _named(path, problems):
            loaded = guarded(path, problems, partial(load_settings, path, settings, root))
            if loaded is not None:
                settings = loaded[0]
                problems.extend(capped(loaded[1], MAX_PROBLEMS_PER_FILE))
    records: dict[str, dict[tuple[Kind, str], Translation]] = {}

    def load(
        folder: str, kind: Kind, parse: Callable[[SourceFile], tuple[Item | None, list[Problem]]]
    ) -> dict[str, dict[str, Item]]:
        return _load_kind(
            readable, folder, kind=kind, settings=settings, parse=parse, problems=problems, records=records
        )

    lessons = load("lessons", "lesson", parse_lesson)
    quizzes = load("quizzes", "quiz", parse_quiz)
    checklists = load("checklists", "checklist", parse_checklist)
    glossaries = _load_glossaries(readable, settings, problems, records)
    english = lessons.get(SOURCE_LANGUAGE, {})
    ordered_lessons, ordered_quizzes, ordered_checklists = ordered(
        english, quizzes.get(SOURCE_LANGUAGE, {}), checklists.get(SOURCE_LANGUAGE, {})
    )
    languages = sorted({*lessons, *quizzes, *checklists, *glossaries} - {SOURCE_LANGUAGE})
    translated = {
        language: Translated(
            lessons=lessons.get(language, {}),
            quizzes=quizzes.get(language, {}),
            checklists=checklists.get(language, {}),
            glossary=glossaries.get(language),
            files=records.get(language, {}),
        )
        for language in languages
    }
    library = ContentLibrary(
        tuple(roots),
        settings,
        ordered_lessons,
        glossaries.get(SOURCE_LANGUAGE) or _empty_glossary(),
        ordered_quizzes,
        ordered_checklists,
        translated=translated,
    )
    return library, problems


def _empty_glossary() -> Glossary:
    return Glossary(title=translate_marked("content.glossary", DEFAULT_TITLE))


def _load_glossaries(
    roots: Sequence[Path],
    settings: ClinicSettings,
    problems: list[Problem],
    records: dict[str, dict[tuple[Kind, str], Translation]],
) -> dict[str, Glossary]:
    """``glossary.md`` and its translations from every root, merged per language in root order."""
    glossaries: dict[str, Glossary] = {}
    for root in roots:
        # The root itself was listed already: a problem listing it is reported once, there.
        paths, _ = content_files(root, ".")
        for path in paths:
            if not _GLOSSARY_NAME.fullmatch(path.name):
                continue
            parsed, source = load_file(path, root, settings, parse_glossary, problems)
            if parsed is None or source is None:
                continue
            language = file_language(path)
            merged = glossaries.get(language, _empty_glossary()).merged(parsed)
            if len(merged.terms) > MAX_GLOSSARY_TERMS:
                message = translate(
                    "content.library",
                    "with this file the glossaries have {count:,} terms together; "
                    "the limit is {limit:,}; file skipped",
                ).format(count=len(merged.terms), limit=MAX_GLOSSARY_TERMS)
                problems.append(error(path, 1, message))
                continue
            glossaries[language] = merged
            if language != SOURCE_LANGUAGE:
                records.setdefault(language, {})["glossary", GLOSSARY_ID] = translation_of(
                    source.meta, path, source.key_lines
                )
    return glossaries


def _with(english: Sequence[Item], translated: Mapping[str, Item]) -> dict[str, Item]:
    """English items by id with their translations in their place, then items only translated."""
    items = {item.id: translated.get(item.id, item) for item in english}
    for item_id, item in translated.items():
        items.setdefault(item_id, item)
    return items


def ordered(
    lessons: Mapping[str, Lesson], quizzes: Mapping[str, Quiz], checklists: Mapping[str, Checklist]
) -> tuple[tuple[Lesson, ...], tuple[Quiz, ...], tuple[Checklist, ...]]:
    """Lessons by ``order`` then title; quizzes in their lesson's order; checklists by title."""
    by_order = tuple(sorted(lessons.values(), key=lambda lesson: (lesson.order, lesson.title.casefold())))
    lesson_order = {lesson.id: index for index, lesson in enumerate(by_order)}
    quiz_order = sorted(
        quizzes.values(), key=lambda q: (lesson_order.get(q.lesson, len(lesson_order)), q.title.casefold())
    )
    return by_order, tuple(quiz_order), tuple(sorted(checklists.values(), key=lambda c: c.title.casefold()))


def _named(path: Path, problems: list[Problem]) -> bool:
    """Whether anything has this name; a name that cannot even be looked up is a problem."""
    found = present(path)
    if isinstance(found, Problem):
        problems.append(found)
        return False
    return found


def skipped_files(problems: Sequence[Problem]) -> list[Path]:
    """Files that did not load because of an error, in first-seen order."""
    return list(dict.fromkeys(p.path for p in problems if p.is_error))
