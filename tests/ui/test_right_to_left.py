"""Right-to-left languages, proved with the Arabic test pack (tests/packs/arabic).

The pack adds one lesson and a few interface strings as ``translations/serotonin_ar.qm``;
the window mirrors, the lesson runs right to left, and so does its PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.cli import main, make_renderer, offered_languages, render_cache
from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place, resolve
from serotonin_app.i18n import install_language, native_name
from serotonin_app.languages import ENGLISH, ui_languages
from serotonin_app.ui.app import LanguageSwitcher
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED
from tests.ui.test_print_layout import read_pdf

ARABIC_PACK = Path(__file__).resolve().parents[1] / "packs" / "arabic"
ARABIC_TITLE = "النواقل العصبية"


@pytest.fixture
def arabic_window(qtbot: QtBot, preferences: QSettings) -> Iterator[MainWindow]:
    library, problems = load_library([BUNDLED, ARABIC_PACK])
    switcher = LanguageSwitcher(
        library,
        problems,
        render_cache(),
        make_renderer,
        languages=offered_languages(library),
        default="ar",
        preferences=preferences,
    )
    window = switcher.open("ar", Place("lesson", "neurotransmitters"))
    window.resize(1024, 768)
    qtbot.waitExposed(window)
    yield window
    window.staff_exit()
    install_language(ENGLISH)


def _x(widget: QWidget, window: MainWindow) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_a_pack_adds_its_interface_language() -> None:
    assert "ar" not in ui_languages()
    assert "ar" in ui_languages([BUNDLED, ARABIC_PACK])
    library, _ = load_library([BUNDLED, ARABIC_PACK])
    assert "ar" in offered_languages(library)
    assert native_name("ar") == "العربية"


def test_the_window_mirrors_and_speaks_the_packs_strings(qtbot: QtBot, arabic_window: MainWindow) -> None:
    window = arabic_window
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The pack's own .qm: menu titles in Arabic, and what it does not translate stays English.
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&ملف" in titles and "&عرض" in titles
    # Mirrored geometry: the first tab is at the right, and the section list right of the text.
    first, second = window.content_tabs.strip.buttons()[:2]
    assert _x(first, window) > _x(second, window) + second.width() - 1
    page = window.content_tabs.current_page()
    assert page is not None
    qtbot.waitUntil(lambda: page.rendered)
    assert _x(page.sections, window) > _x(page.view, window)


def test_the_arabic_lesson_runs_right_to_left_and_its_sources_left_to_right(
    qtbot: QtBot, arabic_window: MainWindow
) -> None:
    page = arabic_window.content_tabs.current_page()
    assert page is not None and page.lesson.title == ARABIC_TITLE
    qtbot.waitUntil(lambda: page.rendered)
    document = page.view.document()
    directions = {}
    block = document.begin()
    while block.isValid():
        directions[block.text()] = block.textDirection()
        block = block.next()
    assert directions[ARABIC_TITLE] == Qt.LayoutDirection.RightToLeft
    assert directions["مسافة قصيرة"] == Qt.LayoutDirection.RightToLeft
    (source,) = [text for text in directions if text.startswith("S1 ")]
    assert directions[source] == Qt.LayoutDirection.LeftToRight
    # A heading in Arabic letters has an anchor in them, and a link to it leads there.
    anchor = "ما-هو-الناقل-العصبي"
    names, hrefs = set(), []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            names.update(char_format.anchorNames())
            if char_format.isAnchor() and char_format.anchorHref().startswith("#"):
                hrefs.append(char_format.anchorHref())
            iterator += 1
        block = block.next()
    assert anchor in names and hrefs
    resolved = resolve(
        QUrl(hrefs[0]).toString(), arabic_window.library, current=Place("lesson", page.lesson.id)
    )
    assert resolved == Place("lesson", "neurotransmitters", anchor)


def test_an_english_lesson_stays_left_to_right_in_the_arabic_window(
    qtbot: QtBot, arabic_window: MainWindow
) -> None:
    arabic_window.navigator.open(Place("lesson", "addiction"))
    page = arabic_window.pages["addiction"]
    qtbot.waitUntil(lambda: page.rendered)
    assert page.view.document().begin().textDirection() == Qt.LayoutDirection.LeftToRight


def test_the_arabic_handout_is_right_aligned_and_its_footer_mirrored(tmp_path: Path) -> None:
    pdf = tmp_path / "ar.pdf"
    english = tmp_path / "en.pdf"
    args = ["export", "lesson", "neurotransmitters", "--resources", str(ARABIC_PACK)]
    assert main([*args, "--lang", "ar", "-o", str(pdf)]) == 0
    assert main([*args, "-o", str(english)]) == 0
    (page,) = read_pdf(pdf)
    width = 595.0
    arabic = [
        run
        for run in page.runs
        if any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in run.text)
    ]
    assert arabic, "no Arabic text in the PDF"
    # The short heading "مسافة قصيرة" starts in the right half: the line is right-aligned.
    headings = [run for run in arabic if run.size > 12]
    assert headings and all(run.x > width / 2 for run in headings)
    # References are English, and stay at the left margin.
    (s1,) = [run for run in page.runs if run.text.startswith("S1")]
    assert s1.x < 60
    # Footer: page numbers in Arabic digits at the outer left; in English, at the right.
    numbers = [run for run in page.runs if "١" in run.text]  # "صفحة ١ من ١", in Arabic digits
    assert numbers and all(run.x < width / 2 for run in numbers)
    english_numbers = [
        run for run in read_pdf(english)[0].runs if run.text.replace("\xa0", " ").startswith("Page 1 of")
    ]
    assert english_numbers and english_numbers[0].x > width / 2


@pytest.mark.parametrize("html", ["<p>Only English here.</p>", "<p>Café, naïve, Ölçü: no Arabic.</p>"])
def test_a_left_to_right_document_without_arabic_keeps_every_paragraph_left_to_right(html: str) -> None:
    from PySide6.QtGui import QTextDocument

    from serotonin_app.text_direction import set_direction

    document = QTextDocument()
    document.setHtml(html)
    set_direction(document, Qt.LayoutDirection.LeftToRight)
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().layoutDirection() != Qt.LayoutDirection.RightToLeft
        block = block.next()


def test_an_arabic_paragraph_in_an_english_document_runs_right_to_left() -> None:
    from PySide6.QtGui import QTextDocument

    from serotonin_app.text_direction import set_direction

    document = QTextDocument()
    document.setHtml("<p>English first.</p><p>مرحبا بكم في العيادة.</p><p>English again.</p>")
    set_direction(document, Qt.LayoutDirection.LeftToRight)
    directions = []
    block = document.begin()
    while block.isValid():
        directions.append(block.blockFormat().layoutDirection())
        block = block.next()
    assert directions[1] == Qt.LayoutDirection.RightToLeft
    assert Qt.LayoutDirection.RightToLeft not in (directions[0], directions[2])
