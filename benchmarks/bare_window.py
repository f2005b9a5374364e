"""The size and start-up baseline: a bare PySide6 window with three tabs of text."""

import sys

from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser

app = QApplication(sys.argv)
tabs = QTabWidget()
for number in range(3):
    view = QTextBrowser()
    view.setPlainText(f"Lesson {number}")
    tabs.addTab(view, f"Lesson {number}")
tabs.show()
sys.exit(app.exec())
