"""The Glossary tab: searchable by typing, opened at a term by a lesson's glossary link."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.ui.main_window import MainWindow
from tests.ui.conftest import click_link


def test_glossary_tab_lists_every_term(bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.glossary_page
    assert page is not None
    bundled_window.navigator.open(Place("glossary", ""))
    tabs = bundled_window.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Glossary"
    terms = bundled_window.library.glossary.terms
    assert len(terms) >= 25
    text = page.view.toPlainText()
    assert all(term.term in text and term.definition in text for term in terms)


def test_typing_filters_the_glossary(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.glossary_page
    assert page is not None
    bundled_window.navigator.open(Place("glossary", ""))
    qtbot.keyClicks(page.search, "reupt")
    shown = page.shown_terms()
    # The term itself comes first, then terms whose definition mentions it.
    assert shown[0] == "Reuptake"
    glossary = bundled_window.library.glossary
    for name in shown:
        term = glossary.lookup(name)
        assert term is not None and "reupt" in f"{term.term} {term.definition}".casefold()
    assert "Synapse" not in page.view.toPlainText()
    assert page.count.text().startswith(f"{len(shown)} of ")
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzz")
    assert "No glossary term matches" in page.view.toPlainText()


def test_a_glossary_link_opens_the_tab_at_the_term(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.glossary_page
    assert page is not None
    qtbot.keyClicks(page.search, "something")
    bundled_window.navigator.open(Place("lesson", "neurotransmitters"))
    click_link(qtbot, bundled_window.pages["neurotransmitters"].view, "glossary:serotonin-syndrome")
    assert bundled_window.content_tabs.current_content() is page
    assert page.search.text() == ""
    assert page.highlighted == "serotonin-syndrome"
    bundled_window.navigator.back()
    assert bundled_window.tabs.currentIndex() == 0
