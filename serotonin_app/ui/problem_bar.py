"""A dismissible bar that says which content files could not be loaded."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.library import skipped_files
from serotonin_app.content.problems import Problem
from serotonin_app.ui.style import Scheme, boxed_style, scheme


class ProblemBar(QFrame):
    """Hidden unless some files were skipped; lists ``path:line: message`` on demand."""

    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = list(problems)
        self.setObjectName("problemBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.set_scheme(scheme("light"))
        self.dialog: QDialog | None = None
        skipped = len(skipped_files(self.problems))
        # Built only when there is something to say: a selectable label alone cost about
        # 40 ms of every start-up, for a bar that nearly always stays hidden.
        if skipped:
            self._build(skipped)
        self.setVisible(skipped > 0)

    def _build(self, skipped: int) -> None:
        if skipped == 1:
            text = self.tr("1 content file was skipped")
        else:
            text = self.tr("%1 content files were skipped").replace("%1", str(skipped))
        self.label = QLabel(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Show which content files were skipped"))
        self.details_button.clicked.connect(self._on_details_clicked)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Dismiss"))
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(close)

    def set_scheme(self, colours: Scheme) -> None:
        self.setStyleSheet(boxed_style("#problemBar", colours.notice, border="1px"))

    def details_text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def _on_details_clicked(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Content problems"))
        text = QPlainTextEdit(self.details_text())
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Content problems"))
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(
                self.tr(
                    "These files were skipped or have warnings. "
                    "Run 'serotonin-app check' for the full report."
                )
            )
        )
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(720, 320)
        self.dialog = dialog
        dialog.open()
