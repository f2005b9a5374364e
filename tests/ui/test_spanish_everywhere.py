"""A Spanish reader finds no English on any page: interface, lessons, quizzes, checklists, glossary.

Every visible widget's text is read on every page the tour shows (a question, its
feedback and a quiz's results included), and English is recognised by its common
words. The references under "Fuentes" are citations of English papers and are
left out; nothing else is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTextBrowser,
    QWidget,
)

from serotonin_app.content.library import load_library
from serotonin_app.i18n import install_language
from serotonin_app.languages import ENGLISH
from tests.conftest import BUNDLED
from tools.tour import Screens, Size, settle, tour_pages

#: Words that are common in English and are not Spanish words.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|you|your|this|that|with|what|which|are|is|was|have|has|of|to|please|for|"
    r"not|how|when|why|about|from|will|can|call|help|next|back|print|search|find|page|quiz)\b",
    re.IGNORECASE,
)
SOURCES_HEADING = "Fuentes"
#: Pages with a dialog or a broken pack are left to the interface-string tests.
PAGES = ("lesson-", "quiz-", "checklist-", "glossary", "search", "find")


def _document_text(view: QTextBrowser) -> str:
    """The text of a lesson or glossary view, without the references under "Fuentes"."""
    text = view.document().toPlainText()
    cut = re.search(rf"^{SOURCES_HEADING}$", text, re.MULTILINE)
    return text[: cut.start()] if cut else text


def _plain(text: str) -> str:
    if "<" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read in the window now."""
    for menu in window.findChildren(QMenu):
        yield "menu", menu.title()
        for action in menu.actions():
            yield "menu item", action.text()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        name = type(widget).__name__
        if isinstance(widget, QTextBrowser):
            yield name, _document_text(widget)
        elif isinstance(widget, QLabel):
            yield name, _plain(widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText() + " " + widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                yield name, widget.item(row).text()
        yield f"{name} (accessible name)", widget.accessibleName()


@pytest.fixture
def screens(tmp_path: Path) -> Iterator[Screens]:
    library, problems = load_library([BUNDLED])
    spanish = library.in_language("es")
    install_language("es", spanish.roots)
    screens = Screens(spanish, problems, "light", Size.parse("1024x768"), tmp_path)
    yield screens
    screens.close()
    install_language(ENGLISH)


def test_no_english_on_any_page_in_spanish(screens: Screens) -> None:
    found: dict[str, set[str]] = {}
    pages = [page for page in tour_pages(screens.library) if page.name.startswith(PAGES)]
    assert len(pages) >= 15
    for page in pages:
        page.take(screens)
        settle()
        for where, text in _texts(screens.window):
            for line in text.splitlines():
                if ENGLISH_WORDS.search(line):
                    found.setdefault(page.name, set()).add(f"{where}: {line.strip()[:90]}")
    assert found == {}
