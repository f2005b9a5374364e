"""Deep checks run by ``serotonin-app check``: rendering, links, images and HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import unquote

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.library import SETTINGS_FILE, ContentLibrary
from serotonin_app.content.limits import MAX_PROBLEMS_PER_FILE
from serotonin_app.content.local_files import local_file
from serotonin_app.content.messages import translate
from serotonin_app.content.navigation import Nowhere, resolve
from serotonin_app.content.problems import Problem, capped, error, reraise_unexpected, unexpected, warning
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.readability import MAX_LESSON_GRADE, grade
from serotonin_app.content.render import LineFinder, Link, Rendered, Renderer, RenderTooComplexError
from serotonin_app.content.settings import DEFAULT_EMERGENCY, default_emergency, setting_line
from serotonin_app.content.translations import SOURCE_LANGUAGE, file_language


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
    except RenderTooComplexError as exc:
        # The window shows "could not be shown" for such a file; check says why and where.
        message = translate("content.check", "cannot be shown: {reason}").format(reason=exc.message)
        problems.append(error(path, exc.line, message))
    except Exception as exc:
        if reraise_unexpected():
            raise
        problems.append(unexpected(path, exc, "check"))


def _check_lesson(
    library: ContentLibrary, lesson: Lesson, renderer: Renderer, grades: dict[Path, float]
) -> list[Problem]:
    rendered = renderer.lesson(lesson)
    problems = _check_rendered(library, lesson.path, rendered, own_anchors=set(rendered.anchors))
    if file_language(lesson.path) != SOURCE_LANGUAGE:
        return problems  # Flesch-Kincaid is for English; `check --lang` scores translations
    grades[lesson.path] = lesson_grade = grade(lesson.body)
    if lesson_grade > MAX_LESSON_GRADE:
        problems.append(
            warning(
                lesson.path,
                lesson.body_line,
                translate(
                    "content.check",
                    "reading grade {grade:.1f} is above {limit:.0f} "
                    "(use shorter sentences and simpler words)",
                ).format(grade=lesson_grade, limit=MAX_LESSON_GRADE),
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
                translate(
                    "content.check", 'clinic name is not set; add name = "…" to your pack\'s clinic.toml'
                ),
            )
        )
    if not settings.phone:
        problems.append(
            warning(
                path,
                setting_line(path, "phone"),
                translate(
                    "content.check", 'clinic phone is not set; add phone = "…" to your pack\'s clinic.toml'
                ),
            )
        )
    if settings.emergency_number in {DEFAULT_EMERGENCY, default_emergency()}:
        problems.append(
            warning(
                path,
                setting_line(path, "emergency_number"),
                translate(
                    "content.check",
                    "emergency number is still the default "
                    "'{default}'; add emergency_number = \"…\" to your pack's clinic.toml",
                ).format(default=settings.emergency_number),
            )
        )
    return problems


def _check_quiz(library: ContentLibrary, quiz: Quiz, renderer: Renderer) -> list[Problem]:
    problems: list[Problem] = []
    if quiz.lesson and library.lesson(quiz.lesson) is None:
        message = translate("content.check", "quiz belongs to unknown lesson '{lesson}'").format(
            lesson=quiz.lesson
        )
        problems.append(error(quiz.path, quiz.lesson_line, message))
    for question in quiz.questions:
        parts = [(question.body, question.line + 1), (question.hint, question.line + 1)]
        parts += [(answer.markdown, question.line) for answer in question.answers]
        parts += [(answer.comment, question.line) for answer in question.answers]
        parts.append((question.explanation, question.explanation_line or question.line))
        for text, line in parts:
            if not text:
                continue
            links = _simple_links(text, line)
            if links is None:
                rendered = renderer.markdown(text, first_line=line)
            else:
                rendered = Rendered("", links, (), ())
            problems.extend(_check_rendered(library, quiz.path, rendered, set()))
    return problems


#: Characters that make a fragment more than plain text and simple links: HTML, code,
#: escapes, entities, autolinks, quotes. (Link titles and reference links leave a bracket over.)
_NOT_SIMPLE = frozenset("<>`\\&")
_SIMPLE_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([A-Za-z0-9:/#._~%+=?-]+)\)")
#: Longer fragments are rendered: python-markdown is the judge of anything unusual.
_SIMPLE_FRAGMENT_CHARS = 2_000


def _simple_links(text: str, first_line: int) -> tuple[Link, ...] | None:
    """The links in a quiz fragment that is plain text with ``[text](target)`` links; None otherwise.

    Such a fragment ("Because. [Read more](lesson:sleep#rest)") holds exactly these
    links and no HTML, so the renderer could find nothing else: a pack of 20,000
    questions has over 100,000 fragments, and rendering each took most of ``check``'s
    time. Anything else (HTML, code, reference links, indented blocks, any bracket
    left over) is rendered and checked as before.
    """
    if len(text) > _SIMPLE_FRAGMENT_CHARS or not _NOT_SIMPLE.isdisjoint(text) or "![" in text:
        return None  # pictures are rendered: a remote one becomes a stand-in, not a link
    if "[" not in text and "]" not in text:
        return ()  # no link syntax at all: most answers ("Less than half")
    if any(line.startswith(("    ", "\t")) for line in text.split("\n")):
        return None
    found = list(_SIMPLE_LINK.finditer(text))
    rest = _SIMPLE_LINK.sub("", text)
    if "[" in rest or "]" in rest:
        return None
    lines = LineFinder(text, first_line)  # the renderer's own rule for a link's line
    return tuple(Link(match.group(2), match.group(1), lines.line(match.group(2))) for match in found)


def _check_rendered(
    library: ContentLibrary, path: Path, rendered: Rendered, own_anchors: set[str]
) -> list[Problem]:
    problems: list[Problem] = [
        warning(
            path,
            line,
            translate("content.check", "raw HTML removed by the sanitiser: {what}").format(what=what),
        )
        for line, what in rendered.removed_html
    ]
    for link in rendered.links:
        message = link_problem(library, path, link.href, own_anchors, is_image=link.is_image)
        if message:
            problems.append(error(path, link.line, message))
    return problems


#: A picture is shown on screen and printed: 1 MB is far above any diagram (the bundled ones are
#: under 6 kB) and keeps a pack from making every lesson slow to open.
MAX_IMAGE_BYTES = 1_000_000
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def link_problem(
    library: ContentLibrary, path: Path, href: str, own_anchors: set[str], *, is_image: bool = False
) -> str | None:
    """Why ``href`` (in the file at ``path``) leads nowhere, or None when it resolves.

    What a link means is decided by content/navigation.resolve, the same function the
    window's link handler uses.
    """
    if is_image:
        return image_problem(library, path, href)
    bare = href.strip()
    if bare.startswith("#"):
        anchor = unquote(bare[1:])
        if anchor in own_anchors:
            return None
        return translate("content.check", "link to missing section '#{anchor}'").format(anchor=anchor)
    resolved = resolve(href, library, base=path.parent)
    return resolved.reason if isinstance(resolved, Nowhere) else None


def image_problem(library: ContentLibrary, path: Path, reference: str) -> str | None:
    """Why a picture will not show, checked with the window's and printing's own loader rule."""
    if _SCHEME.match(reference.strip()):
        return None  # a remote picture is never loaded; its alt text is shown, as documented
    file = local_file(library.roots, path.parent, reference)
    if file is None:
        try:
            target = (path.parent / unquote(reference.partition("#")[0])).resolve()
        except (OSError, ValueError):
            return translate("content.check", "image '{image}' cannot be a file").format(image=reference)
        if not any(target.is_relative_to(root.resolve()) for root in library.roots):
            message = translate("content.check", "image '{image}' points outside the content folders")
            return message.format(image=reference)
        if not target.is_file():
            return translate("content.check", "missing image '{image}'").format(image=reference)
        message = translate("content.check", "image '{image}' is not allowed (a link, or not a regular file)")
        return message.format(image=reference)
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        message = translate("content.check", "image '{image}' is {size:.1f} MB; the limit is {limit} MB")
        return message.format(image=reference, size=size / 1_000_000, limit=MAX_IMAGE_BYTES // 1_000_000)
    return None
