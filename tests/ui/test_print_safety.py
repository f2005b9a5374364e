"""Print never writes a file, and every print, preview and PDF failure gives a plain message.

A release defaulted to Qt's "Print to File (PDF)" on a PC with no printer and
silently wrote a patient's ticked checklist into the home folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.ui import handout_output
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED
from tests.ui.conftest import MakeWindow


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the working folder point at an empty folder whose files we can count."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    return home


def _files(folder: Path) -> list[str]:
    return sorted(str(Path(root, name)) for root, _, names in os.walk(folder) for name in names)


def _ticked_checklist(window: MainWindow) -> None:
    window.navigator.open(Place("checklist", "mood-symptoms"))
    page = window.content_tabs.checklists_page
    assert page is not None
    for box in list(page.boxes.values())[:3]:
        box.setChecked(True)


@pytest.fixture
def no_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handout_output, "available_printers", list)


@pytest.mark.parametrize("kiosk", [False, True])
def test_print_with_no_printer_says_so_and_writes_nothing(
    make_window: MakeWindow, qtbot: QtBot, watched: Path, no_printer: None, kiosk: bool
) -> None:
    window = make_window([BUNDLED], kiosk=kiosk)
    _ticked_checklist(window)
    for trigger in (window.print_action.trigger, window.content_tabs.checklists_page.print_button.click):  # type: ignore[union-attr]
        trigger()
        box = window.handouts.output.message_box
        assert box is not None and box.isVisible()
        assert "No printer is set up on this computer" in box.text()
        buttons = [button.text() for button in box.buttons()]
        assert ("Save as PDF…" in buttons) is (not kiosk)
        if kiosk:
            assert "ask a member of staff" in box.text()
        box.reject()
    qtbot.wait(50)
    assert _files(watched) == []


def test_print_dialog_never_offers_print_to_file(
    make_window: MakeWindow, qtbot: QtBot, watched: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handout_output, "available_printers", lambda: ["Front desk"])
    window = make_window([BUNDLED])
    _ticked_checklist(window)
    window.print_action.trigger()
    dialog = window.handouts.output.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
    dialog.reject()
    assert _files(watched) == []


def test_a_printer_that_would_write_a_file_is_refused(bundled_window: MainWindow, watched: Path) -> None:
    handout = bundled_window.handouts.current()
    assert handout is not None
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(watched / "answers.pdf"))
    assert bundled_window.handouts.output.paint(handout, printer) is False
    box = bundled_window.handouts.output.message_box
    assert box is not None and "Printing to a file is turned off" in box.text()
    assert _files(watched) == []


def test_injected_print_failure_gives_a_message(
    bundled_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> int:
        raise OSError("could not start printing")

    monkeypatch.setattr(handout_output, "paint_handout", fail)
    monkeypatch.setattr(handout_output, "writes_a_file", lambda _printer: False)
    handout = bundled_window.handouts.current()
    assert handout is not None
    assert bundled_window.handouts.output.paint(handout, QPrinter()) is False
    box = bundled_window.handouts.output.message_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Could not print"
    assert "Check that the printer is on" in box.text()


def test_injected_pdf_failure_gives_a_message(
    bundled_window: MainWindow, monkeypatch: pytest.MonkeyPatch, watched: Path
) -> None:
    def fail(*_args: object) -> int:
        raise OSError("No space left on device")

    monkeypatch.setattr(handout_output, "write_pdf", fail)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(watched / "x.pdf"), ""))
    )
    bundled_window.pdf_action.trigger()
    box = bundled_window.handouts.output.message_box
    assert box is not None and box.windowTitle() == "Could not save the PDF"
    assert "No space left on device" in box.text()


def test_injected_preview_failure_says_so(
    bundled_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> int:
        raise RuntimeError("painter failed")

    monkeypatch.setattr(handout_output, "paint_handout", fail)
    bundled_window.preview_action.trigger()
    dialog = bundled_window.handouts.output.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.failed)
    assert dialog.pages_label.text() == "The preview could not be drawn."


def test_saving_ticks_to_a_file_says_the_file_will_hold_them(
    make_window: MakeWindow, qtbot: QtBot, watched: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    def choose(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append(True)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window = make_window([BUNDLED])
    _ticked_checklist(window)
    window.pdf_action.trigger()
    box = window.handouts.output.message_box
    assert box is not None and box.isVisible()
    assert "will hold your ticks" in box.text()
    assert not asked  # no file chooser until the person says yes
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not asked
    window.pdf_action.trigger()
    box = window.handouts.output.message_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Save).click()
    assert asked == [True]
    assert _files(watched) == []


def test_preview_is_ours_and_offers_citations_for_lessons(bundled_window: MainWindow, qtbot: QtBot) -> None:
    bundled_window.navigator.open(Place("lesson", "balancing"))
    bundled_window.preview_action.trigger()
    dialog = bundled_window.handouts.output.preview_dialog
    assert dialog is not None and not isinstance(dialog, QPrintPreviewDialog)
    assert dialog.citations.isVisibleTo(dialog)
    without = dialog.handout.html.count('class="cite"')
    dialog.citations.setChecked(True)
    assert dialog.handout.html.count('class="cite"') > without
    dialog.reject()
    bundled_window.navigator.open(Place("checklist", "mood-symptoms"))
    bundled_window.preview_action.trigger()
    dialog = bundled_window.handouts.output.preview_dialog
    assert dialog is not None and not dialog.citations.isVisibleTo(dialog)
