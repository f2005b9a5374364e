"""Help → Keyboard shortcuts and About."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from serotonin_app import APP_NAME, __version__
from serotonin_app.content.library import ContentLibrary, skipped_files
from serotonin_app.content.problems import Problem
from serotonin_app.ui.style import document_css

ABOUT = (
    "Lessons about serotonin, dopamine and addiction. For information only: it is not a diagnosis. "
    "It works offline and keeps nothing personal."
)
_SOURCE = re.compile(r"^- \*\*(S\d+)\*\*\s*(.*)$")


def _dialog(parent: QWidget, title: str, body_html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setAccessibleName(title)
    view.document().setDefaultStyleSheet(document_css())
    view.setHtml(body_html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(640, 520)
    dialog.setProperty("text", view.toPlainText())
    return dialog


def shortcuts_dialog(parent: QWidget, rows: Sequence[tuple[str, str]]) -> QDialog:
    title = parent.tr("Keyboard shortcuts")
    body = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>" for keys, what in rows
    )
    intro = html.escape(
        parent.tr("Everything in this app works from the keyboard. Tab moves between controls.")
    )
    return _dialog(
        parent, title, f'<h2>{html.escape(title)}</h2><p>{intro}</p><table cellpadding="4">{body}</table>'
    )


def sources(library: ContentLibrary) -> list[tuple[str, str]]:
    """Every source cited by the lessons, once, in number order."""
    found: dict[str, str] = {}
    for lesson in library.lessons:
        in_sources = False
        for line in lesson.body.split("\n"):
            if line.startswith("## "):
                in_sources = line[3:].strip().casefold() == "sources"
                continue
            match = _SOURCE.match(line) if in_sources else None
            if match:
                found.setdefault(match.group(1), match.group(2))
    return sorted(found.items(), key=lambda item: int(item[0][1:]))


def about_dialog(parent: QWidget, library: ContentLibrary, problems: Sequence[Problem]) -> QDialog:
    title = parent.tr("About %1").replace("%1", APP_NAME)
    folders = "".join(f"<li>{html.escape(str(root))}</li>" for root in library.roots)
    skipped = len(skipped_files(problems))
    source_items = "".join(
        f"<li><b>{html.escape(key)}</b> {html.escape(re.sub(r'[<>*]', '', text))}</li>"
        for key, text in sources(library)
    )
    body = (
        f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2>"
        f"<p>{html.escape(parent.tr(ABOUT))}</p>"
        f"<h3>{html.escape(parent.tr('Content'))}</h3><p>{html.escape(library.summary())}"
        + (f" · {html.escape(parent.tr('%1 files skipped').replace('%1', str(skipped)))}" if skipped else "")
        + f"</p><h3>{html.escape(parent.tr('Content folders in use'))}</h3><ul>{folders}</ul>"
        f"<h3>{html.escape(parent.tr('Sources'))}</h3><ul>{source_items}</ul>"
    )
    return _dialog(parent, title, body)
