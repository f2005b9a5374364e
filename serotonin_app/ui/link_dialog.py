"""Shows an external link's address so it can be copied; the app never opens it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ExternalLinkDialog(QDialog):
    """A small dialog with the address, a Copy button and Close."""

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Web address"))
        self.setAccessibleName(self.tr("Web address"))
        message = QLabel(
            self.tr(
                "This app works offline and does not open web pages. "
                "You can copy the address and open it on another device."
            )
        )
        message.setWordWrap(True)
        self.address = QLineEdit(address)
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Address"))
        self.address.selectAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy address"))
        self.copy_button.setAccessibleName(self.tr("Copy address"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.address)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self.copy_button.setText(self.tr("Copied"))
