"""Creating the Qt application, running the window and the offscreen self-test."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

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
    languages: Sequence[str] = (),
) -> int:
    """Show the window in ``lang`` and run until it closes; ``ready`` is called once it is painted and idle.

    ``library`` is the content in English with its translations; ``languages`` are
    those a reader may choose (``lang`` is also the clinic's default, which New
    session returns to).
    """
    app = application()
    switcher = LanguageSwitcher(
        library,
        problems,
        cache,
        make_renderer,
        languages=languages or [lang],
        default=lang,
        kiosk=kiosk,
        preferences=preferences,
    )
    window = switcher.open(lang, Place("lesson", first_lesson) if first_lesson else None)
    if ready is not None:
        _when_idle(window, ready)
    return app.exec()


class LanguageSwitcher(QObject):
    """Owns the window: another language builds it again, in that language, at the same place.

    A new window is simpler and surer than re-translating every widget: every
    string is looked up again, and each page is the translated one. The place is
    kept (the same section of a lesson, when the translation has the same
    sections); answers and ticks are not, as the questions and items are
    different text. The zoom and colours stay.
    """

    switched = Signal(object)  # the new MainWindow

    def __init__(
        self,
        library: ContentLibrary,
        problems: Sequence[Problem],
        cache: RenderCache | None,
        make_renderer: Callable[[ContentLibrary], Renderer],
        *,
        languages: Sequence[str],
        default: str,
        kiosk: bool = False,
        preferences: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.problems = list(problems)
        self.cache = cache
        self.make_renderer = make_renderer
        self.languages = list(languages)
        self.default = default
        self.kiosk = kiosk
        self.preferences = preferences
        self.window: MainWindow | None = None

    def open(self, language: str, place: Place | None = None, *, fresh: bool = False) -> MainWindow:
        """Show the window in ``language`` at ``place``; the old one, if any, closes."""
        install_language(language, self.library.roots)
        library = self.library.in_language(language)
        window = MainWindow(
            library,
            LessonRendering(library, self.cache, self.make_renderer),
            self.problems,
            kiosk=self.kiosk,
            preferences=self.preferences,
            languages=self.languages,
            default_language=self.default,
        )
        window.languageRequested.connect(self._requested)
        old, self.window = self.window, window
        if old is not None:
            window.setGeometry(old.geometry())
            if not fresh:
                window.view_settings.take_over(old.view_settings)
        if self.kiosk:
            window.showFullScreen()
        else:
            window.show()
        if place is not None:  # once shown, so a section can scroll to the top of the view
            window.navigator.open(place)
        if old is not None:
            old.staff_exit()  # closes even in kiosk mode; the new window is already up
            old.deleteLater()
        self.switched.emit(window)
        return window

    def _requested(self, language: str, fresh: bool) -> None:
        old = self.window
        place = None if fresh or old is None else same_place(old, self.library.in_language(language))
        # Queued: the old window's signal handler must return before that window goes.
        QTimer.singleShot(0, lambda: self.open(language, place, fresh=fresh))


def same_place(window: MainWindow, library: ContentLibrary) -> Place | None:
    """Where ``window`` is, in ``library``: the same lesson and section (by position), quiz or checklist."""
    shown = window.content_tabs.place_shown()
    if shown is None:
        return None
    page = window.content_tabs.current_page()
    lesson = library.lesson(shown.id) if shown.kind == "lesson" else None
    if page is None or lesson is None:
        return shown
    anchors = [section.anchor for section in page.lesson.sections]
    anchor = page.section_shown()
    if anchor in anchors and len(lesson.sections) == len(anchors):
        return Place("lesson", lesson.id, lesson.sections[anchors.index(anchor)].anchor)
    return Place("lesson", lesson.id)


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
    install_language(lang, library.roots)
    library = library.in_language(lang)
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
