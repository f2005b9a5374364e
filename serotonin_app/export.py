"""Headless export of handouts to PDF: the command line's side of :mod:`printing`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.render import Renderer
from serotonin_app.handouts import with_language_notice
from serotonin_app.i18n import install_language
from serotonin_app.languages import ENGLISH
from serotonin_app.printing import (
    Handout,
    checklist_handout,
    lesson_handout,
    worksheet_handout,
    write_pdf,
)
from serotonin_app.qt_app import application


def handouts(
    library: ContentLibrary,
    renderer: Renderer,
    kind: str,
    item_id: str | None,
    *,
    answer_key: bool = False,
    seed: int = 1,
    citations: bool = False,
) -> Iterator[Handout]:
    """The handouts to export: one, or for ``all`` every handout the library has.

    ``citations`` keeps the [S12] marks in lessons; the source list is printed either way.
    """
    if kind in {"lesson", "all"}:
        for lesson in library.lessons:
            if kind == "all" or lesson.id == item_id:
                handout = lesson_handout(lesson, renderer, citations=citations)
                yield with_language_notice(handout, library, "lesson", lesson.id)
    if kind in {"checklist", "all"}:
        for checklist in library.checklists:
            if kind == "all" or checklist.id == item_id:
                handout = checklist_handout(checklist, renderer, library.settings)
                yield with_language_notice(handout, library, "checklist", checklist.id)
    if kind in {"quiz", "all"}:
        for quiz in library.quizzes:
            keys = (False, True) if kind == "all" else (answer_key,) if quiz.id == item_id else ()
            for key in keys:
                handout = worksheet_handout(quiz, renderer, seed=seed, answer_key=key)
                yield with_language_notice(handout, library, "quiz", quiz.id)


def export_handouts(
    library: ContentLibrary,
    renderer: Renderer,
    kind: str,
    item_id: str | None,
    output: Path,
    *,
    answer_key: bool = False,
    page_size: str | None = None,
    seed: int = 1,
    citations: bool = False,
    lang: str = ENGLISH,
) -> Iterator[tuple[Path, int]]:
    """Write the PDFs; yields each path with its page count. ``all`` writes into a folder."""
    application()  # printing needs one; the caller chose the offscreen platform
    install_language(lang, library.roots)  # handout headers, footers and dates
    if kind == "all":
        output.mkdir(parents=True, exist_ok=True)
    for handout in handouts(
        library, renderer, kind, item_id, answer_key=answer_key, seed=seed, citations=citations
    ):
        path = output / f"{handout.name}.pdf" if kind == "all" else output
        yield path, write_pdf(handout, library.settings, path, page_size)
