"""Search as you type (Ctrl+K): a box in the toolbar and a list of results under it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate_marked
from serotonin_app.content.session import ReaderSession

if TYPE_CHECKING:
    from serotonin_app.content.search import Hit, SearchIndex

KIND_NAMES = {
    "lesson": QT_TRANSLATE_NOOP("SearchPanel", "Lesson"),
    "glossary": QT_TRANSLATE_NOOP("SearchPanel", "Glossary"),
    "quiz": QT_TRANSLATE_NOOP("SearchPanel", "Quiz"),
    "checklist": QT_TRANSLATE_NOOP("SearchPanel", "Checklist"),
}
#: Seconds of index building per turn of the event loop: typing waits at most about this long.
INDEX_SLICE = 0.025
#: Content up to this many characters is indexed at once on the first keystroke, about
#: 80 ms' work, so its results show at once (the shipped content has about 60,000).
INDEX_AT_ONCE = 500_000


class SearchPanel(QWidget):
    """The results list; the box lives in the toolbar and drives it."""

    hitChosen = Signal(object)  # noqa: N815 - Hit

    def __init__(
        self, library: ContentLibrary, session: ReaderSession | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        #: Holds what was typed; the box shows it.
        self.session = session if session is not None else ReaderSession()
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
        # A large clinic pack takes seconds to index: a slice at a time, between keystrokes.
        self._indexing = QTimer(self)
        self._indexing.setInterval(0)
        self._indexing.timeout.connect(self._on_indexing_due)

    @property
    def index(self) -> SearchIndex:
        """Made on the first search, not at start-up, and built a slice at a time."""
        if self._index is None:
            from serotonin_app.content.search import SearchIndex

            self._index = SearchIndex(self.library, build=False)
        return self._index

    @property
    def preparing(self) -> bool:
        """True while the index is still being built for a search that was typed."""
        return self._indexing.isActive()

    def _index_ready(self) -> bool:
        index = self.index
        if index.complete:
            return True
        if self.preparing:
            return False
        return index.build(None if index.size <= INDEX_AT_ONCE else INDEX_SLICE)

    def prepare_in_background(self) -> None:
        """Build the index a slice at a time while nobody is typing, so the first search is instant.

        A large clinic pack takes seconds to index (2,000 lessons: about 2 s); started
        when the window is idle, it is ready before most people reach the search box.
        Someone who types sooner sees "Getting the search ready…", then the results.
        """
        if not self.index.complete and not self.preparing:
            self._indexing.start()

    def _on_indexing_due(self) -> None:
        if self.index.build(INDEX_SLICE):
            self._indexing.stop()
            if self.box.text().strip():
                self._on_text_changed(self.box.text())

    def clear(self) -> None:
        self.box.setText("")  # unlike clear(), also forgets the undo history

    def show_session(self) -> None:
        """Show the session's search text (empty after New session)."""
        self.box.setText(self.session.search_text)  # setText also forgets the undo history

    def _on_text_changed(self, text: str) -> None:
        self.session.search_text = text
        # Small content is indexed within the first keystroke; a large pack shows its
        # results when the index is ready, and typing goes on meanwhile.
        if text.strip() and not self._index_ready():
            self.hits = []
            self._keep_rows(0)
            self._indexing.start()
            self.status.setText(self.tr("Getting the search ready…"))
            self.show()
            return
        self.hits = self.index.search(text) if text.strip() else []
        self._keep_rows(len(self.hits))
        for row, hit in enumerate(self.hits):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            assert isinstance(label, QLabel)
            kind = translate_marked("SearchPanel", KIND_NAMES.get(hit.entry.kind, hit.entry.kind))
            label.setText(
                f"<b>{html.escape(hit.entry.title)}</b> <small>· {html.escape(kind)}: "
                f"{html.escape(hit.entry.where)}</small><br>{hit.snippet_html}"
            )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.entry.title}, {kind}: {hit.snippet}")
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

    def _keep_rows(self, count: int) -> None:
        """Exactly ``count`` result rows, reusing those there are: a new row costs more than a search."""
        while self.results.count() > count:
            self.results.takeItem(self.results.count() - 1)
        while self.results.count() < count:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item = QListWidgetItem()
            self.results.addItem(item)
            self.results.setItemWidget(item, label)

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
