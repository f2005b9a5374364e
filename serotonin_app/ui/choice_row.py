"""A check box or radio button whose text wraps, for checklist items and quiz answers.

A plain ``QCheckBox`` never wraps its text: one long item made the whole
checklist scroll sideways at 1024×768 and more so when zoomed. Here the box
carries no text of its own (its accessible name is the text), and a
word-wrapped label beside it toggles it when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QSizePolicy, QWidget

from serotonin_app.ui.style import scale_indicator


class _ClickLabel(QLabel):
    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self.button = button

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()
            self.button.setFocus()
        super().mouseReleaseEvent(event)


class ChoiceRow(QWidget):
    """``button`` (no text) and a wrapping ``label`` that acts as its text."""

    def __init__(self, button: QAbstractButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        button.setText("")
        button.setAccessibleName(text)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        scale_indicator(button)
        self.label = _ClickLabel(text, button)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(button)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A new policy drops the word-wrap label's height-for-width flag, and then every row
        # was as tall as a two-line guess.
        policy.setHeightForWidth(True)
        self.label.setSizePolicy(policy)
        # Screen readers read the button; the label would only say the same again.
        self.label.setAccessibleName(text)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.toggled.connect(self._on_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 3, 2, 3)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def _on_toggled(self, on: bool) -> None:
        # A chosen answer is bold as well as ticked, so it shows without colour. Only the
        # weight is set, so the size still follows the window's zoom.
        font = QFont()
        font.setBold(on)
        self.label.setFont(font)
