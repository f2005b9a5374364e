"""Help → Keyboard shortcuts and About.

These are functions, not a QObject's methods, so their text is translated under the
context "HelpDialogs" (``parent.tr`` would be filed by lupdate under "parent" but looked
up under the parent's class name, and never found).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from serotonin_app import APP_NAME, __version__
from serotonin_app.content.library import ContentLibrary, skipped_files
from serotonin_app.content.problems import Problem
from serotonin_app.content.settings import ClinicSettings
from serotonin_app.ui.content_browser import ContentBrowser

# On a smaller screen the dialog shrinks to fit and its text scrolls instead of running off-screen.
_DIALOG_SIZE = QSize(640, 520)


def _dialog(parent: QWidget, title: str, body_html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    view = ContentBrowser()
    view.setAccessibleName(title)
    view.setHtml(body_html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    screen = parent.screen().availableGeometry()
    dialog.resize(_DIALOG_SIZE.boundedTo(QSize(screen.width() * 9 // 10, screen.height() * 9 // 10)))
    dialog.setProperty("text", view.toPlainText())
    return dialog


def shortcuts_dialog(parent: QWidget, rows: Sequence[tuple[str, str]]) -> QDialog:
    title = QCoreApplication.translate("HelpDialogs", "Keyboard shortcuts")
    body = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>" for keys, what in rows
    )
    intro = html.escape(
        QCoreApplication.translate(
            "HelpDialogs", "Everything in this app works from the keyboard. Tab moves between controls."
        )
    )
    return _dialog(
        parent, title, f'<h2>{html.escape(title)}</h2><p>{intro}</p><table cellpadding="4">{body}</table>'
    )


def _sources_html(library: ContentLibrary) -> str:
    """Each lesson's own sources under its title: keys such as S1 count only within one lesson."""
    parts = []
    for lesson in library.lessons:
        items = "".join(
            f"<li><b>{html.escape(key)}</b> {html.escape(text)}</li>"
            if key
            else f"<li>{html.escape(text)}</li>"
            for key, text in lesson.listed_sources
        )
        if items:
            parts.append(f"<h4>{html.escape(lesson.title)}</h4><ul>{items}</ul>")
    if not parts:
        none = QCoreApplication.translate("HelpDialogs", "No lesson lists its sources.")
        return f"<p>{html.escape(none)}</p>"
    intro = QCoreApplication.translate(
        "HelpDialogs", "Each lesson lists the sources it cites. The numbers count within that lesson."
    )
    return f"<p>{html.escape(intro)}</p>" + "".join(parts)


def _problems_html(problems: Sequence[Problem]) -> str:
    """Every content problem, for staff: in kiosk mode this is where they are shown."""
    if not problems:
        return ""
    heading = html.escape(QCoreApplication.translate("HelpDialogs", "Content problems (for staff)"))
    items = "".join(f"<li>{html.escape(str(problem))}</li>" for problem in problems)
    return f"<h3>{heading}</h3><ul>{items}</ul>"


def about_dialog(parent: QWidget, library: ContentLibrary, problems: Sequence[Problem]) -> QDialog:
    # Every text is fetched before the HTML is put together: lupdate does not look inside f-strings.
    title = QCoreApplication.translate("HelpDialogs", "About %1").replace("%1", APP_NAME)
    folders = "".join(f"<li>{html.escape(str(root))}</li>" for root in library.roots)
    skipped = len(skipped_files(problems))
    about = QCoreApplication.translate(
        "HelpDialogs",
        "Lessons about serotonin, dopamine and addiction. For information only: "
        "it is not a diagnosis. It works offline and keeps nothing personal.",
    )
    content = QCoreApplication.translate("HelpDialogs", "Content")
    skipped_text = QCoreApplication.translate("HelpDialogs", "%1 files skipped").replace("%1", str(skipped))
    in_use = QCoreApplication.translate("HelpDialogs", "Content folders in use")
    sources = QCoreApplication.translate("HelpDialogs", "Sources")
    body = (
        f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2><p>{html.escape(about)}</p>"
        f"<h3>{html.escape(content)}</h3><p>{html.escape(library.summary())}"
        + (f" · {html.escape(skipped_text)}" if skipped else "")
        + "</p>"
        + _problems_html(problems)
        + f"<h3>{html.escape(in_use)}</h3><ul>{folders}</ul>"
        f"<h3>{html.escape(sources)}</h3>{_sources_html(library)}"
    )
    return _dialog(parent, title, body)


def help_line(settings: ClinicSettings) -> str:
    """The status bar's line: the clinic's name and phone when set, and the emergency number."""
    emergency = QCoreApplication.translate("MainWindow", "In an emergency, call %1.").replace(
        "%1", settings.emergency_number
    )
    clinic = " · ".join(part for part in (settings.name, settings.phone) if part)
    return f"{clinic}  ·  {emergency}" if clinic else emergency
