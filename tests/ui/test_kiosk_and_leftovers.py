"""Kiosk mode holds, content cannot show files or fake numbers, and nothing of the last person stays.

An adversarial run reached a file chooser from the kiosk's print preview,
showed files from anywhere on disk in checklist notes and hints, faked the
emergency number with rich text in clinic.toml, and found the previous
person's searches in Ctrl+Z and their folder history in QtProject.conf.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFileDialog, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Mode
from serotonin_app.ui import handout_output
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED, WritePack
from tests.ui.conftest import MakeWindow


class Watcher:
    """Every top-level window that appears while a test runs."""

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget not in self.seen:
                self.seen.append(widget)

    def escapes(self) -> list[str]:
        self._look()
        found = []
        for widget in self.seen:
            if isinstance(widget, QFileDialog):
                found.append("file dialog")
            if isinstance(widget, QPrintDialog):
                if widget.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile):
                    found.append("print dialog with print-to-file")
                for combo in widget.findChildren(QComboBox):
                    items = [combo.itemText(i) for i in range(combo.count())]
                    found += [f"printer choice {item!r}" for item in items if "file" in item.lower()]
        return found


@pytest.fixture
def watcher() -> Iterator[Watcher]:
    watching = Watcher()
    yield watching
    watching.timer.stop()


@pytest.mark.parametrize("printers", [[], ["Front desk"]])
def test_no_kiosk_path_reaches_a_file_chooser(
    make_window: MakeWindow,
    qtbot: QtBot,
    watcher: Watcher,
    monkeypatch: pytest.MonkeyPatch,
    printers: list[str],
) -> None:
    monkeypatch.setattr(handout_output, "available_printers", lambda: list(printers))
    window = make_window([BUNDLED], kiosk=True)
    output = window.handouts.output

    def settle_and_close() -> None:
        qtbot.wait(30)
        for dialog in (output.print_dialog, output.message_box):
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    # Print, Ctrl+P, Save as PDF (hidden, but its shortcut), the preview and its own Print button.
    for trigger in (window.print_action.trigger, window.pdf_action.trigger):
        trigger()
        settle_and_close()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle_and_close()
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    settle_and_close()
    window.preview_action.trigger()
    preview = output.preview_dialog
    assert preview is not None
    preview.print_button.click()
    settle_and_close()
    preview.reject()
    # The Quizzes tab: worksheet, the answer key (staff only), and results.
    window.navigator.open(Place("quiz", "addiction"))
    quizzes = window.content_tabs.quizzes_page
    assert quizzes is not None
    assert not quizzes.key_button.isVisibleTo(quizzes)
    quizzes.worksheet_button.click()
    assert output.preview_dialog is not None and "answer key" not in output.preview_dialog.handout.title
    output.preview_dialog.print_button.click()
    settle_and_close()
    output.preview_dialog.reject()
    quizzes.key_button.click()  # even if reached somehow, no key is shown
    assert output.preview_dialog is None or not output.preview_dialog.isVisible()
    quizzes.start(Mode.TEST, seed=1)
    while quizzes.session is not None and not quizzes.session.finished:
        quizzes.pick(1)
        quizzes.submit()
    quizzes.print_button.click()
    settle_and_close()
    # Checklist print buttons.
    window.navigator.open(Place("checklist", "mood-symptoms"))
    checklists = window.content_tabs.checklists_page
    assert checklists is not None
    next(iter(checklists.boxes.values())).setChecked(True)
    for button in (checklists.print_button, checklists.print_blank_button):
        button.click()
        settle_and_close()
    assert watcher.escapes() == []


# A popup menu asks the offscreen platform for things it cannot do; harmless here.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_new_session_closes_every_dialog_menu_and_popup_and_restores_the_toolbar(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window([BUNDLED], kiosk=True)
    window.show_about()
    window.show_shortcuts()
    window.preview_action.trigger()
    window.show_external_link("https://example.org")
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    window.toolbar.hide()
    window.new_session()
    qtbot.wait(20)
    open_windows = [
        type(widget).__name__
        for widget in QApplication.topLevelWidgets()
        if widget is not window and widget.isVisible() and isinstance(widget, (QDialog, QMenu))
    ]
    assert open_windows == []
    assert QApplication.activePopupWidget() is None
    assert window.toolbar.isVisible()
    assert not window.toolbar.toggleViewAction().isEnabled()


def test_idle_reset_closes_dialogs_too(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window([BUNDLED], kiosk=True)
    window.show_about()
    assert window.idle is not None
    window.idle.timedOut.emit()
    qtbot.wait(10)
    assert window.help_dialog is None or not window.help_dialog.isVisible()


def test_clinic_settings_are_plain_text_everywhere(make_window: MakeWindow, write_pack: WritePack) -> None:
    fake = "<span style='font-size:1px'>112</span> 555-FAKE"
    pack = write_pack({"clinic.toml": f'name = "Clinic"\nemergency_number = "{fake}"\n'})
    window = make_window([BUNDLED, pack])
    assert window.help_label.textFormat() == Qt.TextFormat.PlainText
    assert fake in window.help_label.text()


@pytest.fixture
def secret_picture(tmp_path: Path) -> Path:
    """A picture outside every content folder, in a colour nothing else uses."""
    path = tmp_path / "outside" / "secret.png"
    path.parent.mkdir()
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(0xFF00FF)
    assert image.save(str(path))
    return path


def _magenta_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).name() == "#ff00ff"
    )


def test_checklist_notes_intro_and_quiz_hints_never_load_files(
    make_window: MakeWindow, write_pack: WritePack, secret_picture: Path, qtbot: QtBot
) -> None:
    image = f"![secret]({secret_picture})"
    relative = f"![relative]({os.path.relpath(secret_picture)})"
    pack = write_pack(
        {
            "checklists/evil.md": (
                "---\ntitle: Evil\nintro: <b>bold</b> <img src='" + str(secret_picture) + "'>\n---\n\n"
                f"## Group\n\n- [ ] Item\n\n{image} {relative} <img src='{secret_picture}'>\n"
            ),
            "quizzes/evil.md": (
                f"---\ntitle: Evil quiz\n---\n\n# Which?\n\n> {image}\n\n1. [x] Yes\n1. [ ] No\n"
            ),
        }
    )
    window = make_window([BUNDLED, pack])
    window.resize(1024, 768)
    window.navigator.open(Place("checklist", "evil"))
    checklists = window.content_tabs.checklists_page
    assert checklists is not None
    qtbot.wait(20)
    shown = checklists.scroll_area.widget()
    assert shown is not None
    labels = shown.findChildren(QLabel)
    assert any(
        "<b>bold</b>" in label.text() and label.textFormat() == Qt.TextFormat.PlainText for label in labels
    )
    assert all(
        str(secret_picture) not in label.text() or label.textFormat() == Qt.TextFormat.PlainText
        for label in labels
    )
    assert _magenta_pixels(checklists) == 0
    window.navigator.open(Place("quiz", "evil"))
    quizzes = window.content_tabs.quizzes_page
    assert quizzes is not None
    quizzes.start(Mode.PRACTICE, seed=1)
    quizzes.show_hint()
    qtbot.wait(20)
    assert "<img" not in quizzes.hint_label.text()
    assert _magenta_pixels(quizzes) == 0


def test_new_session_clears_undo_histories(bundled_window: MainWindow, qtbot: QtBot) -> None:
    window = bundled_window
    glossary = window.content_tabs.glossary_page
    assert glossary is not None
    qtbot.keyClicks(glossary.search, "synapse")
    qtbot.keyClicks(window.search_panel.box, "dopamine")
    window.navigator.open(Place("lesson", "balancing"))
    window.open_find()
    qtbot.keyClicks(window.find_bar.box, "sleep")
    window.new_session()
    for box in (glossary.search, window.search_panel.box, window.find_bar.box):
        assert box.text() == ""
        assert not box.isUndoAvailable()
        box.undo()
        assert box.text() == ""


def test_save_as_pdf_leaves_no_file_dialog_history(
    bundled_window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app may write its preferences and the file the person chose, nothing else."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    # Qt computes its settings folder once per process: point it at this HOME, then back.
    original = str(Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).parent)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / ".config"))
    chosen = home / "my-handout.pdf"

    def choose() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.selectFile(str(chosen))
                widget.accept()
                return
        QTimer.singleShot(20, choose)

    QTimer.singleShot(50, choose)
    bundled_window.pdf_action.trigger()
    try:
        qtbot.waitUntil(chosen.exists, timeout=5000)
        written = sorted(str(path.relative_to(home)) for path in home.rglob("*") if path.is_file())
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, original)
    assert written == ["my-handout.pdf"]


def test_a_full_disk_and_a_device_give_plain_reasons(
    bundled_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from serotonin_app import printing

    handout = bundled_window.handouts.current()
    assert handout is not None
    if Path("/dev/full").exists():
        with pytest.raises(OSError, match="not a regular file"):
            printing.write_pdf(handout, bundled_window.library.settings, Path("/dev/full"))

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "sheet.pdf"
    with pytest.raises(OSError, match="No space left on device"):
        printing.write_pdf(handout, bundled_window.library.settings, target)
    assert list(tmp_path.iterdir()) == []
