"""At 1024×768 and at every zoom step up to 200%: no sideways scrolling, every tab reachable."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Mode
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.view_settings import zoom_step
from tests.conftest import BUNDLED
from tests.ui.conftest import MakeWindow

ZOOMS = [100, 120, 150, 200]


def _places(window: MainWindow) -> list[tuple[str, Place]]:
    library = window.library
    places = [(f"lesson {lesson.id}", Place("lesson", lesson.id)) for lesson in library.lessons]
    places += [(f"checklist {item.id}", Place("checklist", item.id)) for item in library.checklists]
    places += [(f"quiz {quiz.id}", Place("quiz", quiz.id)) for quiz in library.quizzes]
    places.append(("glossary", Place("glossary", "")))
    return places


def _sideways(window: MainWindow) -> list[str]:
    """Views that scroll sideways, or whose page is wider than the view with the scroll bar turned off."""
    found = [
        f"{type(view).__name__} '{view.accessibleName()}'"
        for view in window.findChildren(QAbstractScrollArea)
        if view.isVisible() and view.horizontalScrollBar().isVisible()
    ]
    found += [
        f"{type(view).__name__} '{view.accessibleName()}' clips its page "
        f"({page.width()} > {view.viewport().width()} px)"
        for view in window.findChildren(QScrollArea)
        if view.isVisible() and (page := view.widget()) is not None and page.width() > view.viewport().width()
    ]
    return found


@pytest.mark.parametrize("percent", ZOOMS)
def test_no_view_scrolls_sideways_at_1024x768(make_window: MakeWindow, qtbot: QtBot, percent: int) -> None:
    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.view_settings.set_zoom(zoom_step(percent), save=False)
    found = []
    for name, location in _places(window):
        window.navigator.open(location)
        if location.kind == "quiz":
            page = window.content_tabs.quizzes_page
            assert page is not None
            page.start(Mode.PRACTICE, seed=2)
            qtbot.wait(20)
            found += [f"{name} question: {view}" for view in _sideways(window)]
            page.pick(1)
            page.submit()
        qtbot.wait(20)
        found += [f"{name}: {view}" for view in _sideways(window)]
    assert found == []


@pytest.mark.parametrize("percent", ZOOMS)
def test_every_tab_stays_visible_and_reachable(make_window: MakeWindow, qtbot: QtBot, percent: int) -> None:
    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.view_settings.set_zoom(zoom_step(percent), save=False)
    qtbot.wait(20)
    inside = QRect(QPoint(0, 0), window.size())
    buttons = window.content_tabs.strip.buttons()
    assert len(buttons) == window.tabs.count()
    for index, button in enumerate(buttons):
        top_left = button.mapTo(window, QPoint(0, 0))
        assert button.isVisible()
        assert inside.contains(QRect(top_left, button.size())), f"tab {button.text()} is cut off"
        assert button.width() >= button.sizeHint().width(), f"tab {button.text()} is squeezed"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.tabs.currentIndex() == index


def test_every_control_zooms(make_window: MakeWindow, qtbot: QtBot) -> None:
    """Checklist items, their boxes and quiz answers grow with the zoom, not only the titles."""
    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.navigator.open(Place("checklist", "mood-symptoms"))
    page = window.content_tabs.checklists_page
    assert page is not None
    box = next(iter(page.boxes.values()))
    row = box.parentWidget()
    label = getattr(row, "label", None)
    assert label is not None
    window.view_settings.set_zoom(zoom_step(100), save=False)
    qtbot.wait(10)
    small_text, small_box = label.fontInfo().pointSizeF(), box.sizeHint().height()
    window.view_settings.set_zoom(zoom_step(200), save=False)
    qtbot.wait(10)
    assert label.fontInfo().pointSizeF() >= 1.8 * small_text
    assert box.sizeHint().height() > 1.4 * small_box
    button = window.content_tabs.strip.buttons()[0]
    assert button.fontInfo().pointSizeF() >= 1.8 * small_text


@pytest.mark.parametrize("percent", [100, 200])
def test_answer_and_item_rows_are_as_tall_as_their_text(
    make_window: MakeWindow, qtbot: QtBot, percent: int
) -> None:
    """A row sized from a guess left big gaps under short answers."""
    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.view_settings.set_zoom(zoom_step(percent), save=False)
    window.navigator.open(Place("quiz", "addiction"))
    page = window.content_tabs.quizzes_page
    assert page is not None
    page.start(Mode.PRACTICE, seed=1)
    qtbot.wait(20)
    _assert_rows_fit(page.answer_rows)
    window.navigator.open(Place("checklist", "mood-symptoms"))
    checklists = window.content_tabs.checklists_page
    assert checklists is not None
    qtbot.wait(20)
    _assert_rows_fit([box.parentWidget() for box in checklists.boxes.values()])


def _assert_rows_fit(rows: Sequence[QWidget | None]) -> None:
    assert rows
    for row in rows:
        assert row is not None and row.isVisible()
        assert row.height() <= row.heightForWidth(row.width()) + 2, getattr(row, "text", lambda: "")()


@pytest.mark.parametrize("percent", [100, 200])
def test_side_list_items_are_tall_enough_for_their_wrapped_titles(
    make_window: MakeWindow, qtbot: QtBot, percent: int
) -> None:
    """A two-line section title once got one line of height and showed as "Supplements and herbal …"."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QListWidget

    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.view_settings.set_zoom(zoom_step(percent), save=False)
    short = []
    for name, location in _places(window):
        window.navigator.open(location)
        qtbot.wait(20)
        for view in window.findChildren(QListWidget):
            if not view.isVisible() or view.accessibleName() == "Search results":
                continue
            width = view.viewport().width() - 2 * view.spacing() - 4
            for row in range(view.count()):
                item = view.item(row)
                needed = view.fontMetrics().boundingRect(
                    QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text()
                )
                if view.visualItemRect(item).height() < needed.height():
                    short.append(f"{name}: {item.text()!r}")
    assert short == []
