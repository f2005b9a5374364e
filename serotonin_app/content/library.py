"""The content library: every content folder loaded, overlaid and checked for load errors.

Loading reads front matter and headings only; Markdown is rendered later, on
demand, by :mod:`serotonin_app.content.render`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar

from serotonin_app.content.checklist import Checklist, parse_checklist
from serotonin_app.content.glossary import Glossary, parse_glossary
from serotonin_app.content.lesson import Lesson, parse_lesson
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.quiz_parse import parse_quiz
from serotonin_app.content.settings import ClinicSettings, load_settings
from serotonin_app.content.source import SourceFile, read_source

SETTINGS_FILE = "clinic.toml"
GLOSSARY_FILE = "glossary.md"
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

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return next((quiz for quiz in self.quizzes if quiz.id == quiz_id), None)

    def checklist(self, checklist_id: str) -> Checklist | None:
        return next((item for item in self.checklists if item.id == checklist_id), None)

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
        return (
            f"{_count(counts.lessons, 'lesson')}, {_count(counts.quizzes, 'quiz', 'quizzes')} "
            f"({_count(counts.questions, 'question')}), "
            f"{_count(counts.checklists, 'checklist')} ({_count(counts.items, 'item')}), "
            f"{_count(counts.glossary_terms, 'glossary term')}"
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


def _count(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def is_content_file(path: Path) -> bool:
    """Markdown files, except authoring guides such as README.md."""
    return path.suffix.lower() == ".md" and path.stem.lower() != "readme" and path.is_file()


def fill_placeholders(source: SourceFile, settings: ClinicSettings) -> tuple[SourceFile, list[Problem]]:
    """Fill ``{clinic_name}`` and friends in the body and in text front-matter values."""
    body, unknown = settings.fill(source.body)
    problems = [
        warning(
            source.path,
            source.body_line + line - 1,
            f"unknown placeholder '{{{key}}}' (left as written)",
        )
        for line, key in unknown
    ]
    meta = dict(source.meta)
    for key, value in source.meta.items():
        if isinstance(value, str):
            meta[key], unknown_meta = settings.fill(value)
            problems.extend(
                warning(
                    source.path,
                    source.line_of_key(key),
                    f"unknown placeholder '{{{name}}}' (left as written)",
                )
                for _, name in unknown_meta
            )
    return replace(source, body=body, meta=meta), problems


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_HasId)


def _load_file(
    path: Path,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[T | None, list[Problem]]],
    problems: list[Problem],
) -> tuple[T | None, SourceFile | None]:
    """Read, fill placeholders and parse one file; problems are added to ``problems``."""
    source, read_problems = read_source(path)
    problems.extend(read_problems)
    if source is None:
        return None, None
    source, fill_problems = fill_placeholders(source, settings)
    item, parse_problems = parse(source)
    problems.extend(fill_problems + parse_problems)
    return item, source


def _load_kind(
    roots: Sequence[Path],
    folder: str,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[Item | None, list[Problem]]],
    problems: list[Problem],
) -> dict[str, Item]:
    """Load ``root/folder/*.md`` from every root; same id in a later root replaces."""
    items: dict[str, Item] = {}
    for root in roots:
        directory = root / folder
        if not directory.is_dir():
            continue
        seen_here: dict[str, Path] = {}
        for path in sorted(directory.iterdir()):
            if not is_content_file(path):
                continue
            item, source = _load_file(path, settings, parse, problems)
            if item is None or source is None:
                continue
            if item.id in seen_here:
                message = f"duplicate id '{item.id}' (also used by {seen_here[item.id].name}); file skipped"
                problems.append(error(path, source.line_of_key("id"), message))
                continue
            seen_here[item.id] = path
            items[item.id] = item
    return items


def load_library(roots: Sequence[Path]) -> tuple[ContentLibrary, list[Problem]]:
    """Load content folders in order; return the library and every problem found."""
    problems: list[Problem] = []
    settings = ClinicSettings()
    for root in roots:
        path = root / SETTINGS_FILE
        # Not is_file(): a folder or a broken link by that name must be reported, not skipped.
        if path.exists() or path.is_symlink():
            settings, settings_problems = load_settings(path, settings)
            problems.extend(settings_problems)
    lessons = _load_kind(roots, "lessons", settings, parse_lesson, problems)
    quizzes = _load_kind(roots, "quizzes", settings, parse_quiz, problems)
    checklists = _load_kind(roots, "checklists", settings, parse_checklist, problems)
    glossary = Glossary()
    for root in roots:
        path = root / GLOSSARY_FILE
        parsed = _load_file(path, settings, parse_glossary, problems)[0] if path.is_file() else None
        if parsed is not None:
            glossary = glossary.merged(parsed)
    ordered = tuple(sorted(lessons.values(), key=lambda lesson: (lesson.order, lesson.title.casefold())))
    lesson_order = {lesson.id: index for index, lesson in enumerate(ordered)}
    quiz_order = sorted(
        quizzes.values(), key=lambda q: (lesson_order.get(q.lesson, len(lesson_order)), q.title.casefold())
    )
    library = ContentLibrary(
        tuple(roots),
        settings,
        ordered,
        glossary,
        tuple(quiz_order),
        tuple(sorted(checklists.values(), key=lambda c: c.title.casefold())),
    )
    return library, problems


def skipped_files(problems: Sequence[Problem]) -> list[Path]:
    """Files that did not load because of an error, in first-seen order."""
    return list(dict.fromkeys(p.path for p in problems if p.is_error))
