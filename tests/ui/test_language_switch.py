"""View → Language: the window comes back in the chosen language, at the same place; New session returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from serotonin_app.cli import make_renderer, render_cache
from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place
from serotonin_app.i18n import install_language
from serotonin_app.languages import ENGLISH
from serotonin_app.ui.app import LanguageSwitcher
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED, WritePack, lesson_text


@pytest.fixture
def switcher(qtbot: QtBot, preferences: QSettings) -> Iterator[LanguageSwitcher]:
    library, problems = load_library([BUNDLED])
    switcher = LanguageSwitcher(
        library,
        problems,
        render_cache(),
        make_renderer,
        languages=["en", "es"],
        default="en",
        preferences=preferences,
    )
    yield switcher
    if switcher.window is not None:
        switcher.window.staff_exit()
    install_language(ENGLISH)


def _choose(qtbot: QtBot, switcher: LanguageSwitcher, name: str) -> MainWindow:
    """Pick a language from View → Language, as a reader would, and wait for the new window."""
    old = switcher.window
    assert old is not None
    (menu,) = [m for m in old.findChildren(QMenu) if m.title() in {"&Language", "&Idioma"}]
    (action,) = [a for a in menu.actions() if a.text() == name]
    with qtbot.waitSignal(switcher.switched, timeout=5000):
        action.trigger()
    window = switcher.window
    assert window is not None and window is not old
    qtbot.waitExposed(window)
    return window


def test_switching_language_keeps_the_section_and_translates_the_window(
    qtbot: QtBot, switcher: LanguageSwitcher
) -> None:
    window = switcher.open("en", Place("lesson", "balancing"))
    qtbot.waitExposed(window)
    english = window.library.lesson("balancing")
    assert english is not None
    third = english.sections[3]
    window.navigator.open(Place("lesson", "balancing", third.anchor))
    qtbot.waitUntil(lambda: window.content_tabs.current_page().section_shown() == third.anchor)  # type: ignore[union-attr]
    # The box on the toolbar names each language in itself, on the first screen.
    box = window.language_chooser.box
    assert box.isVisibleTo(window)
    assert [box.itemText(i) for i in range(box.count())] == ["English", "Español"]

    spanish = _choose(qtbot, switcher, "Español")
    assert spanish.library.language == "es"
    assert "&Archivo" in {menu.title() for menu in spanish.findChildren(QMenu)}
    page = spanish.content_tabs.current_page()
    assert page is not None and page.lesson.id == "balancing"
    translated = spanish.library.lesson("balancing")
    assert translated is not None and page.lesson is translated
    qtbot.waitUntil(lambda: page.rendered)
    assert translated.title in page.view.document().toPlainText()
    qtbot.waitUntil(lambda: page.section_shown() == translated.sections[3].anchor)
    # Not yet checked by a clinician: the lesson says so.
    assert spanish.library.translation("lesson", "balancing") is not None
    assert (
        "Un profesional de la salud todavía no ha revisado esta traducción."
        in page.view.document().toPlainText()
    )


def test_new_session_returns_to_the_clinics_language(qtbot: QtBot, switcher: LanguageSwitcher) -> None:
    window = switcher.open("en")
    qtbot.waitExposed(window)
    spanish = _choose(qtbot, switcher, "Español")
    with qtbot.waitSignal(switcher.switched, timeout=5000):
        spanish.new_session_action.trigger()
    back = switcher.window
    assert back is not None and back is not spanish
    window = back
    assert window.library.language == "en"
    assert window.session.is_empty
    page = window.content_tabs.current_page()
    assert page is not None and page.lesson.id == window.library.lessons[0].id


def test_a_page_with_no_translation_says_so(
    qtbot: QtBot, write_pack: WritePack, preferences: QSettings, tmp_path: Path
) -> None:
    root = write_pack({"lessons/only.md": lesson_text("only", "Only English", 1, {"One": "Text."})})
    library, problems = load_library([root])
    switcher = LanguageSwitcher(
        library, problems, None, make_renderer, languages=["en", "es"], default="es", preferences=preferences
    )
    try:
        window = switcher.open("es")
        qtbot.waitExposed(window)
        page = window.content_tabs.current_page()
        assert page is not None
        qtbot.waitUntil(lambda: page.rendered)
        text = page.view.document().toPlainText()
        assert "Only English" in text
        assert "Esta página todavía no está traducida, por eso se muestra en inglés." in text
    finally:
        switcher.window.staff_exit()  # type: ignore[union-attr]
        install_language(ENGLISH)


def test_find_and_search_in_spanish_ignore_accents(qtbot: QtBot, switcher: LanguageSwitcher) -> None:
    from PySide6.QtCore import Qt

    window = switcher.open("es", Place("lesson", "addiction"))
    qtbot.waitExposed(window)
    page = window.pages["addiction"]
    bar = window.find_bar
    bar.open_for(page.view)
    qtbot.keyClicks(bar.box, "animo")
    expected = page.view.toPlainText().casefold().count("ánimo")
    assert expected >= 3
    assert bar.count.text() == f"1 de {expected}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 de {expected}"
    assert page.view.textCursor().selectedText().casefold() == "ánimo"
    bar.close_bar()
    # Search (Ctrl+K) in the Spanish view finds Spanish text by a plural, without accents.
    window.search_panel.box.setText("recaptaciones")
    assert window.search_panel.hits
    assert any("recaptaci" in hit.snippet.casefold() for hit in window.search_panel.hits)
