"""Every key is written once: what Help lists is exactly what is bound, in the window and the quiz."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTextBrowser

from serotonin_app.content.messages import translate_marked
from serotonin_app.ui.commands import QUIZ_KEYS, WINDOW_KEYS
from serotonin_app.ui.main_window import MainWindow


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_shortcut_help_lists_every_bound_key(bundled_window: MainWindow) -> None:
    bundled_window.show_shortcuts()
    dialog = bundled_window.help_dialog
    assert dialog is not None
    view = dialog.findChild(QTextBrowser)
    assert view is not None
    text = view.toPlainText()
    for command in bundled_window.commands.commands:
        if command.keys:
            assert _native(command.keys[0]) in text, command.name
    for key in (*WINDOW_KEYS, *QUIZ_KEYS):
        assert (
            translate_marked("Commands", key.text) in text and translate_marked("Commands", key.label) in text
        )


def test_quiz_and_window_keys_are_bound_from_the_table(bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.quizzes_page
    assert page is not None
    quiz_bound = {shortcut.key().toString() for shortcut in page.findChildren(QShortcut)}
    window_bound = {
        shortcut.key().toString()
        for shortcut in bundled_window.findChildren(QShortcut)
        if shortcut.parent() is bundled_window
    }
    for key in QUIZ_KEYS:
        assert {QKeySequence(sequence).toString() for sequence in key.sequences} <= quiz_bound
    for key in WINDOW_KEYS:
        assert {QKeySequence(sequence).toString() for sequence in key.sequences} <= window_bound


def test_toolbar_and_menus_come_from_the_table(bundled_window: MainWindow) -> None:
    toolbar_texts = [action.text() for action in bundled_window.toolbar.actions() if action.text()]
    expected = [command.text for command in bundled_window.commands.commands if command.toolbar]
    assert toolbar_texts[: len(expected)] == expected
    assert expected[:2] == ["Back", "Forward"]
    menus = [action.text() for action in bundled_window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&View", "&Help"]
