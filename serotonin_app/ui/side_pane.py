"""A list on the left and content on the right, where the list keeps room for its words at any zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: Room for about this many average characters in the side list, at most a third of the width.
SIDE_CHARACTERS, SIDE_SHARE = 36, 0.34


class WrappingItems(QStyledItemDelegate):
    """Items as tall as their text wrapped at the list's own width.

    Qt's delegate measures wrapped text without knowing the width it will get,
    so a two-line title got one line of height and was drawn as "Supplements and herbal …".
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self.view) + 1
        width = max(40, self.view.viewport().width() - 2 * self.view.spacing() - 2 * margin)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, opt.text)
        return QSize(width, text.height() + 2 * margin)


class SidePaneSplitter(QSplitter):
    """At 200% a fixed 260-pixel list cut words like "Neurotransmitters" in half."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setChildrenCollapsible(False)

    def add_side_list(self, view: QListView) -> None:
        """The list on the left: wraps its items, never elides or scrolls sideways."""
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Without Adjust a list lays its items out once: after a zoom or a wider pane,
        # wrapped titles kept their old heights and were cut to "What is a …".
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setItemDelegate(WrappingItems(view))
        self.insertWidget(0, view)

    def fit_side_pane(self) -> None:
        if self.count() < 2:
            return
        total = sum(self.sizes()) or self.width()
        wanted = self.fontMetrics().averageCharWidth() * SIDE_CHARACTERS
        side = min(wanted, int(total * SIDE_SHARE))
        self.setSizes([side, max(1, total - side)])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_side_pane()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit_side_pane()
