"""The next person starts clean: default view, keys in the right place, no staff matters shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Kind, Mode
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.view_settings import DEFAULT_ZOOM, zoom_step
from tests.conftest import BUNDLED, WritePack
from tests.ui.conftest import MakeWindow


def _change_the_view(window: MainWindow) -> None:
    window.contrast_action.trigger()
    window.view_settings.set_zoom(DEFAULT_ZOOM + 6)
    assert window.view_settings.name == "high-contrast"


@pytest.mark.parametrize("how", ["new session", "idle reset"])
def test_the_next_person_gets_the_default_view(
    make_window: MakeWindow, qtbot: QtBot, write_pack: WritePack, how: str
) -> None:
    window = make_window([BUNDLED])
    _change_the_view(window)
    window.show_about()
    window.preview_action.trigger()
    if how == "new session":
        window.new_session_action.trigger()
    else:
        assert window.idle is not None
        window.idle.timedOut.emit()  # the countdown's end, without waiting for real timers
    assert window.view_settings.name == "light"
    assert not window.contrast_action.isChecked()
    assert window.view_settings.zoom == DEFAULT_ZOOM
    assert QApplication.palette().window().color().name() == "#efefef"
    assert window.handouts.output.preview_dialog is None
    assert window.help_dialog is None or not window.help_dialog.isVisible()


def test_clinic_default_zoom_is_where_each_person_starts(
    make_window: MakeWindow, write_pack: WritePack
) -> None:
    window = make_window([BUNDLED, write_pack({"clinic.toml": "default_zoom = 150\n"})])
    assert window.view_settings.default_zoom == zoom_step(150)
    window.view_settings.set_zoom(zoom_step(200))
    window.new_session()
    assert window.view_settings.zoom == zoom_step(150)


def test_closing_find_gives_the_keys_back_to_the_lesson(bundled_window: MainWindow, qtbot: QtBot) -> None:
    window = bundled_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.box.hasFocus()
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    focus = QApplication.focusWidget()
    assert focus is window.content_tabs.current_page().view  # type: ignore[union-attr]
    assert not isinstance(focus, QLineEdit)


def test_digits_answer_the_quiz_after_find_and_a_tab_switch(bundled_window: MainWindow, qtbot: QtBot) -> None:
    window = bundled_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    page = window.content_tabs.quizzes_page
    assert page is not None
    window.navigator.open(Place("quiz", "neurotransmitters"))
    page.start(Mode.PRACTICE, seed=1)
    while page.session is not None and page.session.current.kind is Kind.SEQUENCE:
        page.session.answer([0])
        page.go_next()
    window.navigator.open(Place("lesson", "neurotransmitters"))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the Quizzes tab
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert page.answer_buttons[1].isChecked()
    assert window.search_panel.box.text() == ""


def test_move_buttons_work_on_every_ordering_question(bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.quizzes_page
    assert page is not None
    sequences = 0
    for quiz in bundled_window.library.quizzes:
        bundled_window.navigator.open(Place("quiz", quiz.id))
        page.start(Mode.PRACTICE, seed=1)
        while page.session is not None and not page.session.finished:
            if page.session.current.kind is Kind.SEQUENCE:
                sequences += 1
                page.sequence_list.setCurrentRow(1)
                assert page.up_button.isEnabled() and page.down_button.isEnabled()
                page.sequence_list.setCurrentRow(0)
                assert not page.up_button.isEnabled() and page.down_button.isEnabled()
            page.pick(1)
            page.submit()
            assert not page.up_button.isEnabled() and not page.down_button.isEnabled()
            if not page.session.has_next:
                break
            page.go_next()
    assert sequences >= 2  # the bug showed on the second ordering question


@pytest.mark.parametrize("kiosk", [False, True])
def test_problem_bar_is_for_staff_in_kiosk_mode(
    make_window: MakeWindow, write_pack: WritePack, kiosk: bool
) -> None:
    pack = write_pack({"lessons/broken.md": "---\ntitle: [unclosed\n---\n\n## A\n\nText.\n"})
    window = make_window([BUNDLED, pack], kiosk=kiosk)
    assert window.problem_bar.isVisible() is (not kiosk)
    window.show_about()
    assert window.help_dialog is not None
    about = window.help_dialog.findChild(QTextBrowser)
    assert about is not None
    text = about.toPlainText()
    assert "Content problems (for staff)" in text
    assert "broken.md:" in text
