"""Fixtures for pytest-qt tests: windows built from real content folders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from serotonin_app.cli import make_renderer, render_cache
from serotonin_app.content.library import load_library
from serotonin_app.i18n import register_content_languages
from serotonin_app.languages import ui_languages
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED, WritePack, lesson_text

MakeWindow = Callable[..., MainWindow]

LONG = "\n\n".join(f"Paragraph {n} about neurotransmitters and receptors." for n in range(40))


@pytest.fixture(autouse=True)
def _qapp_first(qapp: object) -> None:
    """Make pytest-qt's QApplication before any code under test makes a plain QGuiApplication."""


@pytest.fixture(autouse=True, scope="session")
def _content_languages() -> None:
    """As the app does before loading content: each file's placeholders in its own language."""
    register_content_languages(ui_languages())


@pytest.fixture
def preferences(tmp_path: Path) -> QSettings:
    """A private preferences file, so tests never touch the real one."""
    return QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: QtBot, preferences: QSettings) -> MakeWindow:
    def make(roots: Sequence[Path], *, kiosk: bool = False) -> MainWindow:
        library, problems = load_library(list(roots))
        window = MainWindow(
            library,
            LessonRendering(library, render_cache(), make_renderer),
            problems,
            preferences=preferences,
            kiosk=kiosk,
        )
        qtbot.addWidget(window)
        window.resize(900, 600)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def linked_pack(write_pack: WritePack) -> Path:
    """Two lessons with long sections and links between them."""
    return write_pack(
        {
            "lessons/one.md": lesson_text(
                "one",
                "Lesson one",
                1,
                {
                    "Start": "Go to [the far part](lesson:two#far-part). Or [the web](https://example.org/page).",
                    "Middle": LONG,
                },
            ),
            "lessons/two.md": lesson_text(
                "two", "Lesson two", 2, {"Near": LONG, "Far part": "The end.\n\n" + LONG}
            ),
        }
    )


@pytest.fixture
def bundled_window(make_window: MakeWindow) -> MainWindow:
    return make_window([BUNDLED])


def click_link(qtbot: QtBot, view: QTextBrowser, href: str) -> None:
    """Click the first link to ``href`` in ``view`` with the mouse, where it is drawn."""
    document = view.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                point = view.cursorRect(cursor).center()
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} in the view")
