"""Search as you type (Ctrl+K): a box in the toolbar and a list of results under it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from serotonin_app.content.library import ContentLibrary

if TYPE_CHECKING:
    from serotonin_app.content.search import Hit, SearchIndex

KIND_NAMES = {"lesson": "Lesson", "glossary": "Glossary", "quiz": "Quiz", "checklist": "Checklist"}


class SearchPanel(QWidget):
    """The results list; the box lives in the toolbar and drives it."""

    hitChosen = Signal(object)  # noqa: N815 - Hit

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._index: SearchIndex | None = None
        self.hits: list[Hit] = []
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Search (Ctrl+K)"))
        self.box.setAccessibleName(self.tr("Search all lessons, quizzes, checklists and the glossary"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(260)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.returnPressed.connect(self._on_return)
        self.box.installEventFilter(self)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Number of search results"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._on_item)
        self.results.itemClicked.connect(self._on_item)
        self.results.currentRowChanged.connect(self._on_row_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        self.setMaximumHeight(280)
        self.hide()

    @property
    def index(self) -> SearchIndex:
        """Built on the first search, not at start-up."""
        if self._index is None:
            from serotonin_app.content.search import SearchIndex

            self._index = SearchIndex(self.library)
        return self._index

    def clear(self) -> None:
        self.box.setText("")  # unlike clear(), also forgets the undo history

    def _on_text_changed(self, text: str) -> None:
        self.results.clear()
        self.hits = self.index.search(text) if text.strip() else []
        for hit in self.hits:
            kind = self.tr(KIND_NAMES.get(hit.entry.kind, hit.entry.kind))
            label = QLabel(
                f"<b>{html.escape(hit.entry.title)}</b> <small>· {html.escape(kind)}: "
                f"{html.escape(hit.entry.where)}</small><br>{hit.snippet_html}"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.entry.title}, {kind}: {hit.snippet}")
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_rows()
        if self.hits:
            self.results.setCurrentRow(0)
            self._on_row_changed(0)
        count = len(self.hits)
        if not text.strip():
            self.status.clear()
        elif count:
            self.status.setText(
                self.tr("%1 results – Enter opens the first, ↓ to choose").replace("%1", str(count))
            )
        else:
            self.status.setText(self.tr("Nothing found. Try a shorter word."))
        self.setVisible(bool(text.strip()))

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped text at the list's width and the current zoom."""
        width = self.results.viewport().width()
        for index in range(self.results.count()):
            item = self.results.item(index)
            label = self.results.itemWidget(item)
            if isinstance(label, QLabel):
                label.setFont(self.results.font())
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 6))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_rows()

    def _on_row_changed(self, row: int) -> None:
        """Item labels draw their own text: give the chosen one the highlighted-text colour."""
        for index in range(self.results.count()):
            label = self.results.itemWidget(self.results.item(index))
            if label is not None:
                role = QPalette.ColorRole.HighlightedText if index == row else QPalette.ColorRole.Text
                palette = label.palette()
                colour = self.results.palette().color(role)
                palette.setColor(QPalette.ColorRole.WindowText, colour)
                palette.setColor(QPalette.ColorRole.Text, colour)
                label.setPalette(palette)

    def _on_return(self) -> None:
        row = max(0, self.results.currentRow())
        if self.hits:
            self.hitChosen.emit(self.hits[row])

    def _on_item(self, item: QListWidgetItem) -> None:
        self.hitChosen.emit(self.hits[self.results.row(item)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Up and Down in the box move through the results; Escape closes them."""
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(0, self.results.currentRow() + step), len(self.hits) - 1)
                self.results.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
        return super().eventFilter(watched, event)
