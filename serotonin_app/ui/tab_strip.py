"""Tabs that wrap onto a second row instead of hiding behind scroll arrows.

A ``QTabBar`` keeps one row: at 1024×768 and zoomed, "Glossary" went behind
its scroll arrows. The strip shows one checkable button per tab of a
``QTabWidget`` (whose own bar is hidden) in a layout that wraps, so every tab
stays visible and reachable at any zoom. The current tab is bold and pressed,
not only coloured.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QSizePolicy, QTabWidget, QToolButton, QWidget

from serotonin_app.ui.flow_layout import FlowLayout


class TabStrip(QWidget):
    """Buttons for the tabs of ``tabs``, kept in step with its current index."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(tabs.setCurrentIndex)
        self.flow = FlowLayout(self)
        #: The index whose button shows as current, so a change restyles two buttons, not all.
        self._shown = -1
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Tabs"))
        tabs.tabBar().hide()
        tabs.currentChanged.connect(lambda _index: self.sync())

    def add(self, index: int) -> QToolButton:
        """A button for the tab at ``index`` (call after ``addTab``)."""
        button = QToolButton()
        button.setText(self.tabs.tabText(index))
        button.setToolTip(self.tabs.tabToolTip(index))
        button.setAccessibleName(self.tabs.tabText(index))
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.group.addButton(button, index)
        self.flow.addWidget(button)
        if index == self.tabs.currentIndex():
            self.sync()
        return button

    def buttons(self) -> list[QToolButton]:
        return [b for b in self.group.buttons() if isinstance(b, QToolButton)]

    def sync(self) -> None:
        """Show which tab is current (also when the tab widget's signals were blocked)."""
        index = self.tabs.currentIndex()
        # Only the button that was current and the one that is now change: with a clinic
        # pack of 2,000 lessons, restyling every button on each change cost seconds.
        for number in {self._shown, index}:
            button = self.group.button(number)
            if button is None:
                continue
            current = number == index
            button.setChecked(current)
            font = QFont()
            font.setBold(current)
            button.setFont(font)
        self._shown = index

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.flow.heightForWidth(width)
