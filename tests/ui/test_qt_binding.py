"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 does)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.resize(10, 10)
    # Other threads may hold a few references; a leak would lose all 2000.
    assert sys.getrefcount(None) - before > -100
