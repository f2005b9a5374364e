"""Handouts as a reader gets them: PDFs read back with pypdf, and the print preview."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from serotonin_app import handouts, printing
from serotonin_app.cli import main
from serotonin_app.cli_args import UsageError
from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place
from serotonin_app.content.render import Renderer
from serotonin_app.qt_app import application
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED, WritePack, lesson_text
from tests.ui.conftest import MakeWindow

CLINIC = """\
name = "Riverside Community Clinic"
phone = "01234 567890"
emergency_number = "999"
crisis_lines = [{ name = "Samaritans", number = "116 123" }]
disclaimer = "Test disclaimer: this is not a diagnosis."
"""


def pages(path: Path) -> list[str]:
    """Each page's text with white space normalised, as a reader would search it."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def clinic_pack(write_pack: WritePack) -> Path:
    return write_pack({"clinic.toml": CLINIC})


def test_checklist_pdf_has_title_items_clinic_numbers_pages_and_disclaimer(
    clinic_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    assert (
        main(["export", "checklist", "serotonin-syndrome", "-o", str(out), "--resources", str(clinic_pack)])
        == 0
    )
    assert f"{out} (" in capsys.readouterr().out
    text = pages(out)
    whole = " ".join(text)
    library, _ = load_library([BUNDLED, clinic_pack])
    checklist = library.checklist("serotonin-syndrome")
    assert checklist is not None
    assert "Serotonin syndrome: warning signs" in text[0]
    for group in checklist.groups:
        for item in group.items:
            assert squash(item.text) in whole
    assert "Call 999 now if" in whole
    assert text[0].count("Riverside Community Clinic · 01234 567890") == 1
    assert all("Test disclaimer: this is not a diagnosis." in page for page in text)
    assert f"Page 1 of {len(text)}" in text[0]
    assert "Name: ____" in text[0] and "Date: ____" in text[0]
    assert "☑" not in whole


def test_mood_checklist_shows_crisis_lines_from_settings(clinic_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "mood.pdf"
    assert (
        main(["export", "checklist", "mood-symptoms", "-o", str(out), "--resources", str(clinic_pack)]) == 0
    )
    whole = " ".join(pages(out))
    assert "Call 999 or a crisis line now" in whole
    assert "Samaritans: 116 123" in whole
    assert "low serotonin" not in whole.casefold()


def test_urgent_box_is_never_split_across_pages(tmp_path: Path) -> None:
    library, _ = load_library([BUNDLED])
    application()
    renderer = Renderer(library.glossary)
    for checklist in library.checklists:
        urgent = next(group for group in checklist.groups if group.urgent)
        out = tmp_path / f"{checklist.id}.pdf"
        printing.write_pdf(
            handouts.checklist_handout(checklist, renderer, library.settings), library.settings, out, "A4"
        )
        text = pages(out)
        lines = [urgent.title.split("{")[0].strip()[:20]] + [squash(item.text) for item in urgent.items]
        on_pages = {number for number, page in enumerate(text) for line in lines if line in page}
        assert len(on_pages) == 1, (checklist.id, on_pages)


def test_ticks_printed_match_the_screen(qtbot: QtBot, bundled_window: MainWindow, tmp_path: Path) -> None:
    bundled_window.navigator.open(Place("checklist", "serotonin-syndrome"))
    page = bundled_window.content_tabs.checklists_page
    assert page is not None
    keys = list(page.boxes)
    for key in (keys[1], keys[4]):
        box = page.boxes[key]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert page.count_label.text() == f"2 of {len(keys)} ticked"
    handout = bundled_window.handouts.current()
    assert handout is not None
    out = tmp_path / "ticked.pdf"
    printing.write_pdf(handout, bundled_window.library.settings, out)
    whole = " ".join(pages(out))
    checklist = page.checklist
    assert checklist is not None
    assert whole.count("☑") == 2
    for key in (keys[1], keys[4]):
        assert f"☑ {squash(checklist.item(key).text)}" in whole
    blank = bundled_window.handouts.current(blank=True)
    assert blank is not None
    printing.write_pdf(blank, bundled_window.library.settings, out)
    assert "☑" not in " ".join(pages(out))
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.ticked() == set()


def test_long_lesson_spans_pages_with_page_x_of_y(tmp_path: Path) -> None:
    out = tmp_path / "balancing.pdf"
    assert main(["export", "lesson", "balancing", "-o", str(out), "--page-size", "Letter"]) == 0
    text = pages(out)
    assert len(text) > 3
    for number, page in enumerate(text, start=1):
        assert f"Page {number} of {len(text)}" in page
    assert text[0].startswith("Serotonin Lessons What helps low mood")
    reader = PdfReader(str(out))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (612, 792)  # US Letter in points


def test_worksheet_and_answer_key_have_the_same_questions(tmp_path: Path) -> None:
    sheet, key = tmp_path / "sheet.pdf", tmp_path / "key.pdf"
    assert main(["export", "quiz", "balancing", "-o", str(sheet), "--page-size", "A4"]) == 0
    assert main(["export", "quiz", "balancing", "-o", str(key), "--answer-key", "--page-size", "A4"]) == 0
    sheet_text, key_text = " ".join(pages(sheet)), " ".join(pages(key))
    library, _ = load_library([BUNDLED])
    quiz = library.quiz("balancing")
    assert quiz is not None
    positions_sheet = [sheet_text.index(squash(q.title)) for q in quiz.questions]
    positions_key = [key_text.index(squash(q.title)) for q in quiz.questions]
    assert sorted(range(len(quiz.questions)), key=positions_sheet.__getitem__) == sorted(
        range(len(quiz.questions)), key=positions_key.__getitem__
    )
    assert "– Answer" not in sheet_text and "☑" not in sheet_text
    assert "Read more" not in sheet_text
    for question in quiz.questions:
        for answer in question.answers:
            if answer.correct and question.kind.value != "sequence":
                assert f"{squash(answer.text)} – Answer" in key_text
    assert "Read more" in key_text
    assert "answer key" in key_text


def test_export_all_writes_every_handout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "handouts"
    assert main(["export", "all", "-o", str(folder)]) == 0
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(
        [
            "checklist-mood-symptoms.pdf",
            "checklist-serotonin-syndrome.pdf",
            "lesson-addiction.pdf",
            "lesson-balancing.pdf",
            "lesson-neurotransmitters.pdf",
            *(
                f"quiz-{q}-{k}.pdf"
                for q in ("addiction", "balancing", "neurotransmitters")
                for k in ("worksheet", "answer-key")
            ),
        ]
    )
    assert all(pages(folder / name) for name in names)


def test_unknown_id_exits_2_listing_valid_ids(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["export", "checklist", "nope", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "unknown checklist 'nope'" in err and "mood-symptoms, serotonin-syndrome" in err
    assert main(["export", "lesson", "-o", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_export_quiz_without_quizzes_exits_2(write_pack: WritePack, tmp_path: Path) -> None:
    """A clinic pack used on its own, with no quizzes in it."""
    import argparse

    from serotonin_app import cli

    pack = write_pack({"lessons/a.md": lesson_text("a", "A", 1, {"B": "c"})})
    args = argparse.Namespace(
        kind="quiz", id="x", output=str(tmp_path / "q.pdf"), answer_key=False, page_size=None, seed=1
    )
    with pytest.raises(UsageError, match="there are no quizzes to export"):
        cli.run_export([pack], args)


def test_read_only_folder_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    # root ignores folder permissions; /proc refuses new files even to root.
    target = (Path("/proc") if os.geteuid() == 0 else folder) / "handout.pdf"
    try:
        assert main(["export", "lesson", "addiction", "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"serotonin-app: error: cannot write {target}")
        assert len(err.strip().splitlines()) == 1
        assert not target.exists()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_missing_folder_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "x.pdf"
    assert main(["export", "lesson", "addiction", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("serotonin-app: error: cannot write") and "Traceback" not in err
    assert not target.parent.exists()


def test_a_failure_never_replaces_a_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "good.pdf"
    assert main(["export", "lesson", "addiction", "-o", str(out)]) == 0
    before = out.read_bytes()

    def broken(*_args: object) -> int:
        raise OSError("the printer ran out of paper")

    monkeypatch.setattr(printing, "paint_handout", broken)
    assert main(["export", "lesson", "neurotransmitters", "-o", str(out)]) == 1
    assert "ran out of paper" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["good.pdf"]


def test_print_preview_opens_with_the_page_count(
    qtbot: QtBot, bundled_window: MainWindow, tmp_path: Path
) -> None:
    bundled_window.navigator.open(Place("lesson", "neurotransmitters"))
    handout = bundled_window.handouts.current()
    assert handout is not None
    expected = printing.write_pdf(
        handout, bundled_window.library.settings, tmp_path / "n.pdf", printing.default_page_size()
    )
    bundled_window.preview_action.trigger()
    dialog = bundled_window.handouts.output.preview_dialog
    assert dialog is not None and dialog.isVisible()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    assert preview.pageCount() == expected
    dialog.close()


def test_save_as_pdf_from_the_window(
    qtbot: QtBot, make_window: MakeWindow, clinic_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window([BUNDLED, clinic_pack])
    target = tmp_path / "from-window"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)")
    )
    window.navigator.open(Place("quiz", "addiction"))
    window.pdf_action.trigger()
    text = " ".join(pages(tmp_path / "from-window.pdf"))
    assert "Serotonin, dopamine and addiction quiz" in text
    assert "Riverside Community Clinic" in text
