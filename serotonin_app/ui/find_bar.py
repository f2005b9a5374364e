"""Find in the current lesson (Ctrl+F): next, previous and a match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
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
from serotonin_app.content.text_fold import fold


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
        """Start and end of every match in the view's document.

        Case and accents are ignored, as in search: "animo" finds "ánimo". Folding keeps
        every character in place, and the document's plain text has one character per
        cursor position, so a match in the folded text is a selection in the document.
        """
        wanted = fold(self.box.text())
        if self.view is None or not wanted:
            return []
        text = fold(self.view.document().toPlainText())
        found = []
        start = text.find(wanted)
        while start >= 0:
            found.append((start, start + len(wanted)))
            start = text.find(wanted, start + len(wanted))
        return found

    def search(self, *, from_start: bool = False, backward: bool = False) -> None:
        """Select the next (or previous) match after the selection, wrapping around like a browser."""
        if self.view is None:
            return
        matches = self.matches()
        if matches:
            current = self.view.textCursor()
            if from_start:
                start, end = matches[0]
            elif backward:
                before = [m for m in matches if m[0] < current.selectionStart()]
                start, end = before[-1] if before else matches[-1]
            else:
                after = [m for m in matches if m[0] > current.selectionStart()]
                start, end = after[0] if after else matches[0]
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        elif from_start:
            self.view.setTextCursor(QTextCursor(self.view.document()))
        self._update_count(matches)

    def find_next(self) -> None:
        self.search()

    def find_previous(self) -> None:
        self.search(backward=True)

    def _update_count(self, matches: list[tuple[int, int]]) -> None:
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
