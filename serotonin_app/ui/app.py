"""Creating the Qt application, running the window and the offscreen self-test."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QApplication

from serotonin_app import APP_NAME, __version__
from serotonin_app.content.history import Location
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.problems import Problem
from serotonin_app.ui.main_window import MainWindow


def application() -> QApplication:
    """The one QApplication, created on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("serotonin-app")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Serotonin Lessons")
    app.setApplicationVersion(__version__)
    return app


def run_window(
    library: ContentLibrary,
    problems: Sequence[Problem],
    *,
    first_lesson: str | None = None,
    kiosk: bool = False,
) -> int:
    app = application()
    window = MainWindow(library, problems)
    if first_lesson:
        window.open_location(Location("lesson", first_lesson))
    if kiosk:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()


def self_test(
    library: ContentLibrary,
    problems: Sequence[Problem],
    report: Callable[[str], None],
) -> tuple[list[str], int]:
    """Render every lesson in the real window; return failures and the number passed."""
    app = application()
    window = MainWindow(library, problems)
    window.show()
    failures: list[str] = []
    passed = 0
    for lesson in library.lessons:
        try:
            window.open_location(Location("lesson", lesson.id))
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
    if not library.lessons:
        failures.append("no lessons loaded")
    window.close()
    return failures, passed
