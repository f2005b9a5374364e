"""Creating the Qt application, running the window and the offscreen self-test."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.navigation import Place
from serotonin_app.content.problems import Problem
from serotonin_app.content.quiz import Mode, Quiz, QuizSession
from serotonin_app.content.render_cache import RenderCache
from serotonin_app.i18n import install_language
from serotonin_app.languages import ENGLISH
from serotonin_app.qt_app import application
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer


def run_window(
    library: ContentLibrary,
    problems: Sequence[Problem],
    cache: RenderCache | None,
    make_renderer: Callable[[ContentLibrary], Renderer],
    *,
    first_lesson: str | None = None,
    kiosk: bool = False,
    preferences: QSettings | None = None,
    ready: Callable[[MainWindow], None] | None = None,
    lang: str = ENGLISH,
) -> int:
    """Show the window and run until it closes; ``ready`` is called once it is painted and idle."""
    app = application()
    install_language(lang)
    window = MainWindow(
        library,
        LessonRendering(library, cache, make_renderer),
        problems,
        kiosk=kiosk,
        preferences=preferences,
    )
    if first_lesson:
        window.navigator.open(Place("lesson", first_lesson))
    if kiosk:
        window.showFullScreen()
    else:
        window.show()
    if ready is not None:
        _when_idle(window, ready)
    return app.exec()


def _when_idle(window: MainWindow, ready: Callable[[MainWindow], None]) -> None:
    """Call ``ready`` after the visible lesson is rendered and the event queue is empty."""
    page = window.content_tabs.current_page()

    def check() -> None:
        if page is not None and not page.rendered:
            QTimer.singleShot(0, check)
        else:
            QTimer.singleShot(0, lambda: ready(window))

    QTimer.singleShot(0, check)


def self_test(
    library: ContentLibrary,
    problems: Sequence[Problem],
    cache: RenderCache | None,
    make_renderer: Callable[[ContentLibrary], Renderer],
    *,
    report: Callable[[str], None],
    lang: str = ENGLISH,
) -> tuple[list[str], int]:
    """Render every lesson in the real window; return failures and the number passed."""
    app = application()
    install_language(lang)
    import tempfile

    # The self-test must not touch the user's preferences.
    scratch = tempfile.TemporaryDirectory()
    preferences = QSettings(str(Path(scratch.name) / "self-test.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        library, LessonRendering(library, cache, make_renderer), problems, preferences=preferences
    )
    window.show()
    failures: list[str] = []
    passed = 0
    for lesson in library.lessons:
        try:
            window.navigator.open(Place("lesson", lesson.id))
            app.processEvents()
            page = window.pages[lesson.id]
            text = page.view.document().toPlainText()
            missing = [s.title for s in lesson.sections if s.title not in text]
            if not page.rendered or lesson.title not in text or missing:
                failures.append(f"lesson {lesson.id}: missing {missing or 'text'}")
                continue
        except Exception as exc:
            failures.append(f"lesson {lesson.id}: {type(exc).__name__}: {exc}")
            continue
        report(f"ok lesson {lesson.id}")
        passed += 1
    checks: list[tuple[str, Callable[[], str]]] = [
        *((f"quiz {quiz.id}", partial(_check_quiz, quiz)) for quiz in library.quizzes),
        *((f"checklist {item.id}", partial(_check_checklist, window, item)) for item in library.checklists),
    ]
    for name, check in checks:
        try:
            problem = check()
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            failures.append(f"{name}: {problem}")
        else:
            report(f"ok {name}")
            passed += 1
    if not library.lessons:
        failures.append("no lessons loaded")
    window.close()
    scratch.cleanup()
    return failures, passed


def _check_quiz(quiz: Quiz) -> str:
    """Answer every question correctly through the engine; the score must be full."""
    session = QuizSession(quiz, Mode.TEST, seed=0)
    for index in range(session.total):
        session.answer(session.current.correct)
        if index + 1 < session.total:
            session.next()
    result = session.finish()
    return (
        ""
        if result.score == result.total == len(session.questions) > 0
        else f"score {result.score}/{result.total}"
    )


def _check_checklist(window: MainWindow, checklist: Checklist) -> str:
    """Lay out the printed handout (in memory) and find every item on it."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from serotonin_app.printing import PageLayout, checklist_handout

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    handout = checklist_handout(checklist, window.rendering.renderer, window.library.settings)
    layout = PageLayout(handout, window.library.settings, writer)
    text = " ".join(layout.document.toPlainText().split())
    missing = [
        item.text
        for group in checklist.groups
        for item in group.items
        if " ".join(item.text.split()) not in text
    ]
    return f"missing items {missing}" if missing else ""
