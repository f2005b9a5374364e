"""Application-wide filters see input, and not the events of building a page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.ui.input_watch import paused, unwatch, watch


class Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return False


def _build_page() -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for number in range(20):
        layout.addWidget(QLabel(f"Line {number}"))
    return page


def test_building_a_page_while_paused_passes_no_event_through_the_filters(qtbot: QtBot) -> None:
    counter = Counter()
    watch(counter)
    watch(counter)  # once only
    try:
        _build_page().deleteLater()
        assert counter.seen > 20  # a filter sees the events of building widgets...
        counter.seen = 0
        with paused():
            page = _build_page()
        assert counter.seen == 0  # ...but not while paused
        qtbot.addWidget(page)
        QApplication.sendEvent(page, QEvent(QEvent.Type.User))
        assert counter.seen == 1  # and it is back afterwards, once
    finally:
        unwatch(counter)
    counter.seen = 0
    QApplication.sendEvent(page, QEvent(QEvent.Type.User))
    assert counter.seen == 0
