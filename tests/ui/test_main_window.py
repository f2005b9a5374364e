"""The main window as a reader uses it: tabs, sections, links, Back/Forward, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage, QTextCursor
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED, WritePack, lesson_text
from tests.ui.conftest import MakeWindow, click_link


def _anchor_top(page: LessonPage, anchor: str) -> int:
    """Where the heading with ``anchor`` is, relative to the top of the view."""
    document = page.view.document()
    block = document.begin()
    while block.isValid():
        fmt = block.charFormat()
        iterator = block.begin()
        names: list[str] = []
        while not iterator.atEnd():
            names += iterator.fragment().charFormat().anchorNames()
            iterator += 1
        if anchor in names + fmt.anchorNames():
            cursor = QTextCursor(block)
            return page.view.cursorRect(cursor).top()
        block = block.next()
    raise AssertionError(f"no anchor {anchor}")


def test_three_lesson_tabs_in_order(bundled_window: MainWindow) -> None:
    tabs = bundled_window.tabs
    assert bundled_window.windowTitle() == "Serotonin Lessons"
    assert [tabs.tabText(i) for i in range(tabs.count())][:3] == [
        "Neurotransmitters",
        "Serotonin, dopamine and addiction",
        "What helps low mood",
    ]
    assert not bundled_window.problem_bar.isVisible()


def test_visible_lesson_is_rendered_after_the_window_shows(qtbot: QtBot, bundled_window: MainWindow) -> None:
    first = bundled_window.pages["neurotransmitters"]
    qtbot.waitUntil(lambda: first.rendered)
    assert "What is a neurotransmitter?" in first.view.toPlainText()
    assert not bundled_window.pages["balancing"].rendered


def test_markdown_is_loaded_after_start_up_not_during_it(qtbot: QtBot, bundled_window: MainWindow) -> None:
    """The first lesson comes from the render cache; the renderer is made a moment later, when idle."""
    qtbot.waitUntil(lambda: bundled_window.pages["neurotransmitters"].rendered)
    assert bundled_window.rendering._renderer is None
    qtbot.waitUntil(lambda: bundled_window.rendering._renderer is not None, timeout=5000)
    page = bundled_window.pages["balancing"]
    bundled_window.tabs.setCurrentWidget(bundled_window.content_tabs.lessons["balancing"])
    qtbot.waitUntil(lambda: page.rendered)
    assert "serotonin" in page.view.toPlainText().lower()


def test_section_list_scrolls_to_the_section(
    qtbot: QtBot, make_window: MakeWindow, linked_pack: Path
) -> None:
    window = make_window([linked_pack])
    page = window.pages["one"]
    qtbot.waitUntil(lambda: page.rendered)
    row = [s.anchor for s in page.lesson.sections].index("sources")
    item = page.sections.item(row)
    qtbot.mouseClick(
        page.sections.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.sections.visualItemRect(item).center(),
    )
    qtbot.waitUntil(
        lambda: (
            abs(_anchor_top(page, "sources")) < 40
            or page.view.verticalScrollBar().value() == page.view.verticalScrollBar().maximum()
        )
    )
    assert page.view.verticalScrollBar().value() > 0


def test_internal_link_switches_tab_scrolls_and_back_returns(
    qtbot: QtBot, make_window: MakeWindow, linked_pack: Path
) -> None:
    window = make_window([linked_pack])
    one, two = window.pages["one"], window.pages["two"]
    qtbot.waitUntil(lambda: one.rendered)
    click_link(qtbot, one.view, "lesson:two#far-part")
    assert window.content_tabs.current_page() is two
    qtbot.waitUntil(lambda: abs(_anchor_top(two, "far-part")) < 40)
    assert two.view.verticalScrollBar().value() > 0

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.content_tabs.current_page() is one
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.content_tabs.current_page() is two
    assert window.session.history.current is not None and window.session.history.current.anchor == "far-part"


def test_switching_tabs_by_hand_is_a_history_step(qtbot: QtBot, bundled_window: MainWindow) -> None:
    bundled_window.tabs.setCurrentIndex(2)
    assert bundled_window.pages["balancing"].rendered
    bundled_window.back_action.trigger()
    assert bundled_window.tabs.currentIndex() == 0
    assert bundled_window.forward_action.isEnabled()


def test_external_link_is_shown_not_opened(
    qtbot: QtBot, make_window: MakeWindow, linked_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def record(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    window = make_window([linked_pack])
    page = window.pages["one"]
    qtbot.waitUntil(lambda: page.rendered)
    click_link(qtbot, page.view, "https://example.org/page")
    dialog = window.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.address.text() == "https://example.org/page"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://example.org/page"
    assert opened == []


def test_a_bad_file_still_opens_the_window_with_a_bar(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack
) -> None:
    pack = write_pack(
        {
            "lessons/broken.md": "---\ntitle: [oops\n---\n",
            "lessons/extra.md": lesson_text("extra", "Extra", 9, {"A": "b"}),
        }
    )
    window = make_window([BUNDLED, pack])
    assert list(window.pages) == ["neurotransmitters", "addiction", "balancing", "extra"]
    bar = window.problem_bar
    assert bar.isVisible()
    assert bar.label.text() == "1 content file was skipped"
    qtbot.mouseClick(bar.details_button, Qt.MouseButton.LeftButton)
    assert bar.dialog is not None and bar.dialog.isVisible()
    assert f"{pack / 'lessons' / 'broken.md'}:2: error: invalid front matter" in bar.details_text()
    bar.dialog.close()
    bar.hide()
    assert not bar.isVisible()


def test_glossary_term_tooltip_is_its_definition(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = bundled_window.pages["neurotransmitters"]
    qtbot.waitUntil(lambda: page.rendered)
    term = bundled_window.library.glossary.lookup("synapse")
    assert term is not None
    document = page.view.document()
    block = document.begin()
    tooltips: dict[str, str] = {}
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.anchorHref().startswith("glossary:"):
                tooltips.setdefault(fmt.anchorHref(), fmt.toolTip())
            iterator += 1
        block = block.next()
    assert tooltips[f"glossary:{term.anchor}"] == term.definition


def test_images_load_only_from_content_folders(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack, tmp_path: Path
) -> None:
    def png(path: Path, colour: str) -> None:
        image = QImage(30, 20, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        path.parent.mkdir(parents=True, exist_ok=True)
        assert image.save(str(path))

    def shows(colour: str) -> bool:
        grabbed = view.grab().toImage()
        return any(
            grabbed.pixelColor(x, y) == QColor(colour)
            for x in range(0, grabbed.width(), 3)
            for y in range(0, grabbed.height(), 3)
        )

    secret = tmp_path / "secret.png"
    png(secret, "#0000fe")
    text = "![ok](img/ok.png) ![no](../../secret.png) ![web](https://example.org/x.png)"
    pack = write_pack({"lessons/pic.md": lesson_text("pic", "Pic", 1, {"A": text})})
    png(pack / "lessons" / "img" / "ok.png", "#fe0000")
    window = make_window([pack])
    assert window.navigator.open(Place("lesson", "pic"))
    view = window.pages["pic"].view
    qtbot.waitUntil(lambda: window.pages["pic"].rendered)
    assert shows("#fe0000")
    assert not shows("#0000fe")
    assert "[Image: no]" in view.toPlainText() and "[Image: web]" in view.toPlainText()
    image = 2  # QTextDocument.ResourceType.ImageResource
    for refused in ("../../secret.png", secret.as_uri(), str(secret), "https://example.org/x.png"):
        resource = view.loadResource(image, QUrl(refused))
        assert isinstance(resource, QImage) and resource.isNull()


def test_a_clinic_pack_replaces_adds_and_names_the_clinic(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack
) -> None:
    pack = write_pack(
        {
            "clinic.toml": 'name = "Hillside Clinic"\nphone = "555 0100"\nemergency_number = "112"\n',
            "lessons/ours.md": lesson_text(
                "neurotransmitters", "Our own intro", 1, {"Welcome": "Call {emergency_number}."}
            ),
            "lessons/extra.md": lesson_text("extra", "Extra", 9, {"A": "b"}),
        }
    )
    window = make_window([BUNDLED, pack])
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(4)] == [
        "Our own intro",
        "Serotonin, dopamine and addiction",
        "What helps low mood",
        "Extra",
    ]
    page = window.pages["neurotransmitters"]
    qtbot.waitUntil(lambda: page.rendered)
    assert "Call 112." in page.view.toPlainText()
    assert window.help_label.text() == "Hillside Clinic · 555 0100  ·  In an emergency, call 112."
