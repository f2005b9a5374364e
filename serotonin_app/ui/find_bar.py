"""Find in the current lesson (Ctrl+F): next, previous and a match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from serotonin_app.content.session import ReaderSession


class FindBar(QWidget):
    """A bar under the tabs; works on whichever text view it is given."""

    closed = Signal()

    def __init__(self, session: ReaderSession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Holds what was typed; the box shows it.
        self.session = session if session is not None else ReaderSession()
        self.view: QTextBrowser | None = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Find in this lesson"))
        self.box.setAccessibleName(self.tr("Find in this lesson"))
        self.box.textChanged.connect(self._on_text_changed)
        self.box.returnPressed.connect(self.find_next)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Matches"))
        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous match (Shift+Enter)"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next match (Enter)"))
        self.next_button.clicked.connect(self.find_next)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Close find"))
        close.clicked.connect(self.close_bar)
        shift_enter = QShortcut(QKeySequence("Shift+Return"), self.box)
        shift_enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        shift_enter.activated.connect(self.find_previous)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.box, self.count, self.previous_button, self.next_button, close):
            layout.addWidget(widget)
        self.hide()

    def _on_text_changed(self, text: str) -> None:
        self.session.find_text = text
        self.search(from_start=True)

    def open_for(self, view: QTextBrowser) -> None:
        self.view = view
        self.show()
        self.box.setFocus()
        self.box.selectAll()
        self.search(from_start=True)

    def close_bar(self) -> None:
        # Hiding a focused bar would hand focus to the next widget in the chain, the search
        # box, where digits meant for a quiz answer would land: give it back to the text.
        focus = QApplication.focusWidget()
        if self.view is not None and focus is not None and (focus is self or self.isAncestorOf(focus)):
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()
        self.box.setText("")  # unlike clear(), also forgets the undo history
        self.closed.emit()

    def matches(self) -> list[tuple[int, int]]:
        """Start and end of every match in the view's document."""
        if self.view is None or not self.box.text():
            return []
        document = self.view.document()
        found = []
        cursor = document.find(self.box.text(), 0)
        while not cursor.isNull():
            found.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = document.find(self.box.text(), cursor)
        return found

    def search(self, *, from_start: bool = False, backward: bool = False) -> None:
        if self.view is None:
            return
        text = self.box.text()
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = QTextCursor(self.view.document())
            self.view.setTextCursor(cursor)
        found = bool(text) and self.view.find(text, flags)
        if text and not found:
            # Wrap around, like a browser.
            cursor = QTextCursor(self.view.document())
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self.view.setTextCursor(cursor)
            found = self.view.find(text, flags)
        self._update_count()

    def find_next(self) -> None:
        self.search()

    def find_previous(self) -> None:
        self.search(backward=True)

    def _update_count(self) -> None:
        matches = self.matches()
        if not self.box.text():
            self.count.clear()
        elif not matches:
            self.count.setText(self.tr("No matches"))
        else:
            position = self.view.textCursor().selectionStart() if self.view else 0
            current = next((i for i, (start, _end) in enumerate(matches, 1) if start == position), 0)
            self.count.setText(
                self.tr("%1 of %2").replace("%1", str(current)).replace("%2", str(len(matches)))
            )
