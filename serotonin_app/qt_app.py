"""The one Qt application, shared by the window, the self-test and the PDF export."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from serotonin_app import APP_NAME, __version__

#: Said by Qt's offscreen platform for every window; harmless, so not shown.
_QUIET = ("This plugin does not support propagateSizeHints",)


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not message.startswith(_QUIET):
        sys.stderr.write(f"{message}\n")


def application() -> QApplication:
    """The one QApplication, created on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_on_qt_message)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("serotonin-app")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Serotonin Lessons")
    app.setApplicationVersion(__version__)
    # Fusion looks the same on every OS and honours the dark and high-contrast palettes.
    app.setStyle("Fusion")
    return app
