"""The Checklists tab: real checkboxes, a count of ticked items, Clear. Ticks live in memory only."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.session import ReaderSession, Tick
from serotonin_app.ui.choice_row import ChoiceRow
from serotonin_app.ui.content_browser import label_html
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.side_pane import SidePaneSplitter
from serotonin_app.ui.style import Scheme, boxed_style, scheme
from serotonin_app.ui.translation_note import note_label, translation_note

ID_ROLE = Qt.ItemDataRole.UserRole


def _bold() -> QFont:
    """Bold at whatever size the window's zoom gives (only the weight is set)."""
    font = QFont()
    font.setBold(True)
    return font


def _regular() -> QFont:
    font = QFont()
    font.setBold(False)
    return font


class ChecklistsPage(SidePaneSplitter):
    """A list of checklists and the chosen one with its boxes."""

    linkActivated = Signal(str)  # noqa: N815
    printRequested = Signal(bool)  # noqa: N815 - blank?

    def __init__(
        self,
        library: ContentLibrary,
        render: Callable[[str], str],
        session: ReaderSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        #: Holds the ticks (memory only); this page shows them.
        self.session = session
        self.to_html = render
        self.checklist: Checklist | None = None
        self.scheme = scheme("light")
        self.urgent_boxes: list[QGroupBox] = []
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Checklists"))
        for checklist in library.checklists:
            item = QListWidgetItem(checklist.title)
            item.setData(ID_ROLE, checklist.id)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._on_current_item)

        right = QWidget()
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Ticked items"))
        self.clear_button = QPushButton(self.tr("Clear ticks"))
        self.clear_button.setAccessibleName(self.tr("Clear all ticks"))
        self.clear_button.clicked.connect(self.clear)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print this checklist with my ticks"))
        self.print_button.clicked.connect(lambda: self.printRequested.emit(False))
        self.print_blank_button = QPushButton(self.tr("Print blank…"))
        self.print_blank_button.setAccessibleName(self.tr("Print this checklist with empty boxes"))
        self.print_blank_button.clicked.connect(lambda: self.printRequested.emit(True))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # Items wrap; nothing here is ever wider than the view.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Checklist items"))
        layout = QVBoxLayout(right)
        layout.addWidget(self.count_label)
        layout.addWidget(flow_row(self.clear_button, self.print_button, self.print_blank_button))
        layout.addWidget(self.scroll_area, 1)
        self.add_side_list(self.list)
        self.addWidget(right)
        self.setStretchFactor(1, 1)
        self.setSizes([260, 800])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Built when first shown, so start-up does not pay for it.
        if self.checklist is None and self.library.checklists:
            self.list.setCurrentRow(0)
        super().showEvent(event)

    def open_checklist(self, checklist_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == checklist_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def ticked(self) -> set[Tick]:
        """A copy of the shown checklist's ticks."""
        return set(self.session.ticked(self.checklist.id)) if self.checklist else set()

    def clear(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)

    def show_session(self) -> None:
        """Show the session's ticks again, from the first checklist (after New session cleared them)."""
        if self.checklist is None:
            return
        if self.library.checklists and self.list.currentRow() != 0:
            self.list.setCurrentRow(0)
        else:
            self._show(self.checklist)

    def _on_current_item(self, item: QListWidgetItem | None) -> None:
        checklist = self.library.checklist(str(item.data(ID_ROLE))) if item else None
        if checklist is not None:
            self._show(checklist)

    def _show(self, checklist: Checklist) -> None:
        self.checklist = checklist
        ticked = self.session.ticked(checklist.id)
        self.boxes = {}
        self.urgent_boxes = []
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(f"<h1>{html.escape(checklist.title)}</h1>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        note = translation_note(self.library, "checklist", checklist.id)
        if note:
            layout.addWidget(note_label(note))
        if checklist.intro:
            intro = QLabel(checklist.intro)
            intro.setTextFormat(Qt.TextFormat.PlainText)  # front-matter text, never markup
            intro.setWordWrap(True)
            layout.addWidget(intro)
        for group_index, group in enumerate(checklist.groups):
            # The title is a wrapping label inside the box, not the box's own title: that
            # never wraps, and at 200% zoom a long one made the whole page wider than the view.
            box = QGroupBox()
            box.setAccessibleName(group.title)
            if group.urgent:
                box.setAccessibleDescription(self.tr("Urgent: get help now if any of these is true"))
                box.setObjectName("urgent")
                self.urgent_boxes.append(box)
            group_layout = QVBoxLayout(box)
            heading = QLabel(("⚠ " if group.urgent else "") + group.title)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            heading.setFont(_bold())
            group_layout.addWidget(heading)
            for item_index, item in enumerate(group.items):
                key = (group_index, item_index)
                check = QCheckBox()
                row = ChoiceRow(check, item.text)
                row.setFont(_regular())
                check.setChecked(key in ticked)
                check.toggled.connect(lambda on, key=key: self._on_toggled(key, on))
                group_layout.addWidget(row)
                self.boxes[key] = check
            if group.notes:
                notes = QLabel(label_html(self.to_html(group.notes)))
                notes.setTextFormat(Qt.TextFormat.RichText)
                notes.setWordWrap(True)
                notes.setFont(_regular())
                notes.linkActivated.connect(self.linkActivated)
                group_layout.addWidget(notes)
            layout.addWidget(box)
        self._style_urgent_boxes()
        layout.addStretch(1)
        self.scroll_area.setWidget(page)
        self._update_count()

    def set_scheme(self, colours: Scheme) -> None:
        """Urgent boxes get the scheme's urgent colour; everything else follows the palette."""
        self.scheme = colours
        self._style_urgent_boxes()

    def _style_urgent_boxes(self) -> None:
        style = boxed_style("QGroupBox#urgent", self.scheme.urgent, border="3px")
        style += " QGroupBox#urgent { padding-top: 0.3em; }"
        for box in self.urgent_boxes:
            box.setStyleSheet(style)

    def _on_toggled(self, key: Tick, on: bool) -> None:
        if self.checklist is None:
            return
        self.session.set_tick(self.checklist.id, key, on)
        self._update_count()

    def _update_count(self) -> None:
        count = len(self.ticked())
        total = len(self.boxes)
        self.count_label.setText(
            self.tr("%1 of %2 ticked").replace("%1", str(count)).replace("%2", str(total))
        )
        self.clear_button.setEnabled(count > 0)
