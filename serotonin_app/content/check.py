"""Deep checks run by ``serotonin-app check``: rendering, links, images and HTML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from serotonin_app.content.anchors import slugify
from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.library import SETTINGS_FILE, ContentLibrary
from serotonin_app.content.limits import MAX_PROBLEMS_PER_FILE
from serotonin_app.content.links import parse_target
from serotonin_app.content.problems import Problem, capped, error, reraise_unexpected, unexpected, warning
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.readability import MAX_LESSON_GRADE, grade
from serotonin_app.content.render import Rendered, Renderer
from serotonin_app.content.settings import DEFAULT_EMERGENCY, setting_line


@dataclass(frozen=True)
class Report:
    """What ``check`` found beyond loading: problems, and each lesson's reading grade."""

    problems: list[Problem]
    grades: dict[Path, float]


def check_library(library: ContentLibrary, renderer: Renderer | None = None) -> Report:
    """Problems that need rendering, and an unbranded clinic.toml; the loader reports the rest.

    Each file is checked on its own: anything unexpected while checking one
    becomes a problem for that file, and the others are still checked.
    """
    renderer = renderer or Renderer(library.glossary)
    problems: list[Problem] = []
    grades: dict[Path, float] = {}
    for lesson in library.lessons:
        _guarded(lesson.path, problems, partial(_check_lesson, library, lesson, renderer, grades))
    for quiz in library.quizzes:
        _guarded(quiz.path, problems, partial(_check_quiz, library, quiz, renderer))
    for checklist in library.checklists:
        _guarded(checklist.path, problems, partial(_check_checklist, library, checklist, renderer))
    problems.extend(_check_branding(library))
    return Report(problems, grades)


def _guarded(path: Path, problems: list[Problem], check: Callable[[], list[Problem]]) -> None:
    try:
        problems.extend(capped(check(), MAX_PROBLEMS_PER_FILE))
    except Exception as exc:
        if reraise_unexpected():
            raise
        problems.append(unexpected(path, exc, "check"))


def _check_lesson(
    library: ContentLibrary, lesson: Lesson, renderer: Renderer, grades: dict[Path, float]
) -> list[Problem]:
    rendered = renderer.lesson(lesson)
    problems = _check_rendered(library, lesson.path, rendered, own_anchors=set(rendered.anchors))
    grades[lesson.path] = lesson_grade = grade(lesson.body)
    if lesson_grade > MAX_LESSON_GRADE:
        problems.append(
            warning(
                lesson.path,
                lesson.body_line,
                f"reading grade {lesson_grade:.1f} is above {MAX_LESSON_GRADE:.0f} "
                "(use shorter sentences and simpler words)",
            )
        )
    return problems


def _check_checklist(library: ContentLibrary, checklist: Checklist, renderer: Renderer) -> list[Problem]:
    problems: list[Problem] = []
    for group in checklist.groups:
        if group.notes:
            rendered = renderer.markdown(group.notes, first_line=group.line + len(group.items) + 1)
            problems.extend(_check_rendered(library, checklist.path, rendered, set()))
    return problems


def _check_branding(library: ContentLibrary) -> list[Problem]:
    """Warn when the clinic's name and numbers are still the defaults.

    Only ``check`` says this, not loading, so patients never see it in the window;
    clinic IT runs ``check --strict`` before a roll-out and must not ship an
    unbranded app by mistake. The warning points at the last ``clinic.toml``
    applied (the one a clinic edits), at the key's line when it is there.
    """
    settings = library.settings
    if settings.files:
        path = settings.files[-1]
    elif library.roots:
        path = library.roots[-1] / SETTINGS_FILE
    else:
        return []
    problems: list[Problem] = []
    if not settings.name:
        problems.append(
            warning(
                path,
                setting_line(path, "name"),
                'clinic name is not set; add name = "…" to your pack\'s clinic.toml',
            )
        )
    if not settings.phone:
        problems.append(
            warning(
                path,
                setting_line(path, "phone"),
                'clinic phone is not set; add phone = "…" to your pack\'s clinic.toml',
            )
        )
    if settings.emergency_number == DEFAULT_EMERGENCY:
        problems.append(
            warning(
                path,
                setting_line(path, "emergency_number"),
                "emergency number is still the default "
                f"'{DEFAULT_EMERGENCY}'; add emergency_number = \"…\" to your pack's clinic.toml",
            )
        )
    return problems


def _check_quiz(library: ContentLibrary, quiz: Quiz, renderer: Renderer) -> list[Problem]:
    problems: list[Problem] = []
    if quiz.lesson and library.lesson(quiz.lesson) is None:
        problems.append(error(quiz.path, quiz.lesson_line, f"quiz belongs to unknown lesson '{quiz.lesson}'"))
    for question in quiz.questions:
        parts = [(question.body, question.line + 1), (question.hint, question.line + 1)]
        parts += [(answer.markdown, question.line) for answer in question.answers]
        parts += [(answer.comment, question.line) for answer in question.answers]
        parts.append((question.explanation, question.explanation_line or question.line))
        for text, line in parts:
            if text:
                problems.extend(
                    _check_rendered(library, quiz.path, renderer.markdown(text, first_line=line), set())
                )
    return problems


def _check_rendered(
    library: ContentLibrary, path: Path, rendered: Rendered, own_anchors: set[str]
) -> list[Problem]:
    problems: list[Problem] = [
        warning(path, line, f"raw HTML removed by the sanitiser: {what}")
        for line, what in rendered.removed_html
    ]
    for link in rendered.links:
        message = link_problem(library, path, link.href, own_anchors, is_image=link.is_image)
        if message:
            problems.append(error(path, link.line, message))
    return problems


def link_problem(
    library: ContentLibrary, path: Path, href: str, own_anchors: set[str], *, is_image: bool = False
) -> str | None:
    """Why ``href`` does not resolve, or None when it does."""
    target = parse_target(href)
    if target.kind == "external":
        return None
    if target.kind == "anchor":
        return None if target.anchor in own_anchors else f"link to missing section '#{target.anchor}'"
    if target.kind == "file":
        if not target.id:
            return None
        file = (path.parent / target.id).resolve()
        inside = any(file.is_relative_to(root.resolve()) for root in library.roots)
        if not inside:
            return f"{'image' if is_image else 'link'} '{href}' points outside the content folders"
        if not file.is_file():
            return f"missing {'image' if is_image else 'file'} '{target.id}'"
        return None
    if target.kind == "lesson":
        lesson = library.lesson(target.id)
        if lesson is None:
            return f"link to unknown lesson '{target.id}'"
        if target.anchor and target.anchor not in lesson.anchors:
            return f"link to missing section '#{target.anchor}' in lesson '{target.id}'"
        return None
    if target.kind == "glossary":
        if slugify(target.id) not in library.glossary.anchors:
            return f"link to unknown glossary term '{target.id}'"
        return None
    if target.kind == "quiz":
        return None if library.quiz(target.id) else f"link to unknown quiz '{target.id}'"
    if target.kind == "checklist":
        return None if library.checklist(target.id) else f"link to unknown checklist '{target.id}'"
    return None
