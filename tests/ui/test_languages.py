"""The interface in another language: no English string of ours is left on screen."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.i18n import install_language, native_name
from serotonin_app.languages import ENGLISH, TRANSLATIONS
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED
from tests.ui.conftest import MakeWindow


def _translated_sources(code: str) -> set[str]:
    """English strings that the language's file translates into something else."""
    root = ET.parse(TRANSLATIONS / f"serotonin_{code}.ts").getroot()
    return {
        source
        for message in root.iter("message")
        if (source := message.findtext("source") or "") and (message.findtext("translation") or "") != source
    }


def _shown_texts(window: MainWindow) -> Iterator[str]:
    """Every interface text on screen or in a menu: actions, buttons, labels, box hints (not content)."""
    for menu in window.findChildren(QMenu):
        yield menu.title()
    for action in window.commands.actions.values():
        yield action.text()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        rich = isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText  # content
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and not rich):
            yield widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        yield widget.accessibleName()


@pytest.fixture
def spanish() -> Iterator[None]:
    install_language("es")
    yield
    install_language(ENGLISH)


@pytest.mark.usefixtures("spanish")
def test_no_english_interface_text_is_left_in_spanish(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window([BUNDLED])
    english = _translated_sources("es")
    left = set()
    for place in (
        Place("lesson", "neurotransmitters"),
        Place("quiz", ""),
        Place("checklist", ""),
        Place("glossary", ""),
    ):
        window.navigator.open(place)
        qtbot.wait(10)
        left |= {text for text in _shown_texts(window) if text in english}
    assert "&Archivo" in {menu.title() for menu in window.findChildren(QMenu)}
    assert left == set()


def test_languages_are_named_in_their_own_language() -> None:
    assert native_name("es") == "Español"
    assert native_name("en") == "English"
    assert native_name("ar") == "العربية"


def test_a_spanish_handout_has_spanish_headers_and_footers(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from serotonin_app.cli import make_renderer
    from serotonin_app.content.library import load_library
    from serotonin_app.export import export_handouts

    library, _ = load_library([BUNDLED])
    try:
        ((path, pages),) = export_handouts(
            library, make_renderer(library), "checklist", "serotonin-syndrome", tmp_path / "es.pdf", lang="es"
        )
    finally:
        install_language(ENGLISH)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert f"Página 1 de {pages}" in text and f"Página {pages} de {pages}" in text and "Impreso el" in text
    assert "Page 1 of" not in text and "Printed" not in text
