"""The content library: every content folder loaded, overlaid and checked for load errors.

Loading reads front matter and headings only; Markdown is rendered later, on
demand, by :mod:`serotonin_app.content.render`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Protocol, TypeVar

from serotonin_app.content.checklist import Checklist, parse_checklist
from serotonin_app.content.front_matter import SourceFile, id_key
from serotonin_app.content.glossary import DEFAULT_TITLE, Glossary, parse_glossary
from serotonin_app.content.lesson import Lesson, parse_lesson
from serotonin_app.content.limits import (
    FILLED_FILE,
    MAX_FILE_BYTES,
    MAX_GLOSSARY_TERMS,
    MAX_PROBLEMS_PER_FILE,
    too_big,
)
from serotonin_app.content.messages import translate, translate_marked
from serotonin_app.content.problems import (
    Problem,
    capped,
    error,
    reraise_unexpected,
    unexpected,
    warning,
)
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.quiz_parse import parse_quiz
from serotonin_app.content.settings import PLACEHOLDER, ClinicSettings, load_settings
from serotonin_app.content.source import content_files, present, read_source, unreadable_folder

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


def filled_size(source: SourceFile, settings: ClinicSettings) -> int:
    """How many bytes the body will have once placeholders are filled, counted without filling them."""
    values = settings.placeholders()
    growth = sum(
        len(values[match.group(1)].encode()) - len(match.group(0))
        for match in PLACEHOLDER.finditer(source.body)
        if match.group(1) in values
    )
    return len(source.body.encode()) + growth


def fill_placeholders(source: SourceFile, settings: ClinicSettings) -> tuple[SourceFile, list[Problem]]:
    """Fill ``{clinic_name}`` and friends in the body and in text front-matter values."""
    body, unknown = settings.fill(source.body)
    problems = [
        warning(
            source.path,
            source.body_line + line - 1,
            translate("content.library", "unknown placeholder '{{{key}}}' (left as written)").format(key=key),
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
                    translate("content.library", "unknown placeholder '{{{key}}}' (left as written)").format(
                        key=name
                    ),
                )
                for _, name in unknown_meta
            )
    return replace(source, body=body, meta=meta), problems


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_HasId)


def _guarded(path: Path, problems: list[Problem], load: Callable[[], T]) -> T | None:
    """Run ``load`` for one file; anything it did not expect becomes a problem for that file.

    One broken file must never stop the app. Set ``SEROTONIN_APP_RAISE=1`` to see
    the traceback instead (the fuzz tests do).
    """
    try:
        return load()
    except Exception as exc:
        if reraise_unexpected():
            raise
        problems.append(unexpected(path, exc, "load"))
        return None


def _load_file(
    path: Path,
    root: Path,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[T | None, list[Problem]]],
    problems: list[Problem],
) -> tuple[T | None, SourceFile | None]:
    """Read, fill placeholders and parse one file; its problems (at most a hundred) go to ``problems``."""
    found: list[Problem] = []

    def load() -> tuple[T | None, SourceFile | None]:
        source, read_problems = read_source(path, root=root)
        found.extend(read_problems)
        if source is None:
            return None, None
        grown = filled_size(source, settings)
        if grown > MAX_FILE_BYTES:
            found.append(error(path, 1, too_big(FILLED_FILE, grown, MAX_FILE_BYTES)))
            return None, None
        source, fill_problems = fill_placeholders(source, settings)
        item, parse_problems = parse(source)
        found.extend(fill_problems + parse_problems)
        return item, source

    result = _guarded(path, found, load)
    problems.extend(capped(found, MAX_PROBLEMS_PER_FILE))
    return result if result is not None else (None, None)


def _load_kind(
    roots: Sequence[Path],
    folder: str,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[Item | None, list[Problem]]],
    problems: list[Problem],
) -> dict[str, Item]:
    """Load ``root/folder/*.md`` from every root; same id in a later root replaces.

    Ids that differ only in case or look-alike characters clash: on many disks
    their exported PDFs would be one file, and a reader cannot tell them apart.
    """
    items: dict[str, Item] = {}
    by_key: dict[str, tuple[str, Path]] = {}
    for root in roots:
        paths, list_problems = content_files(root, folder)
        problems.extend(list_problems)
        seen_here: dict[str, Path] = {}
        for path in paths:
            item, source = _load_file(path, root, settings, parse, problems)
            if item is None or source is None:
                continue
            line = source.line_of_key("id")
            if item.id in seen_here:
                message = translate(
                    "content.library", "duplicate id '{id}' (also used by {file}); file skipped"
                ).format(id=item.id, file=seen_here[item.id].name)
                problems.append(error(path, line, message))
                continue
            key = id_key(item.id)
            other_id, other_path = by_key.get(key, (item.id, path))
            if other_id != item.id:
                message = translate(
                    "content.library",
                    "id '{id}' clashes with '{other_id}' ({other_path}): ids must differ by more "
                    "than case or look-alike characters; use exactly the same id to replace a file",
                ).format(id=item.id, other_id=other_id, other_path=other_path)
                problems.append(error(path, line, message))
                continue
            seen_here[item.id] = path
            by_key[key] = (item.id, path)
            items[item.id] = item
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
            loaded = _guarded(path, problems, partial(load_settings, path, settings, root))
            if loaded is not None:
                settings = loaded[0]
                problems.extend(capped(loaded[1], MAX_PROBLEMS_PER_FILE))
    lessons = _load_kind(readable, "lessons", settings, parse_lesson, problems)
    quizzes = _load_kind(readable, "quizzes", settings, parse_quiz, problems)
    checklists = _load_kind(readable, "checklists", settings, parse_checklist, problems)
    glossary = Glossary(title=translate_marked("content.glossary", DEFAULT_TITLE))
    for root in readable:
        path = root / GLOSSARY_FILE
        parsed = (
            _load_file(path, root, settings, parse_glossary, problems)[0] if _named(path, problems) else None
        )
        if parsed is None:
            continue
        merged = glossary.merged(parsed)
        if len(merged.terms) > MAX_GLOSSARY_TERMS:
            message = translate(
                "content.library",
                "with this file the glossaries have {count:,} terms together; "
                "the limit is {limit:,}; file skipped",
            ).format(count=len(merged.terms), limit=MAX_GLOSSARY_TERMS)
            problems.append(error(path, 1, message))
            continue
        glossary = merged
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
