"""Lessons as a patient reads them: no citation marks unless staff ask, and a reading time."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.ui.main_window import MainWindow


def _text(window: MainWindow, lesson_id: str) -> str:
    window.navigator.open(Place("lesson", lesson_id))
    page = window.content_tabs.current_page()
    assert page is not None
    return page.view.toPlainText()


def test_citation_marks_show_only_with_show_sources(bundled_window: MainWindow, qtbot: QtBot) -> None:
    window = bundled_window
    assert not window.sources_action.isChecked()
    plain = _text(window, "neurotransmitters")
    body = plain.split("Sources")[0]
    assert "[S" not in body
    window.sources_action.trigger()
    assert "[S1]" in _text(window, "neurotransmitters")
    window.new_session()
    assert not window.sources_action.isChecked()
    assert "[S" not in _text(window, "neurotransmitters").split("Sources")[0]


def test_each_lesson_shows_its_reading_time_under_the_title(bundled_window: MainWindow) -> None:
    for lesson in bundled_window.library.lessons:
        text = _text(bundled_window, lesson.id)
        minutes = lesson.reading_minutes
        assert 1 <= minutes <= 30
        assert f"About {minutes} minutes to read" in text or (minutes == 1 and "About 1 minute" in text)
        assert text.index("to read") < text.index(lesson.sections[0].title)
