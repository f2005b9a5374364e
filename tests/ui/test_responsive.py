"""The window stays responsive at the content limits, driven through the real widgets.

Generated content at the limits the loader allows (2,000 glossary terms with long
definitions, lessons near 1 MB, hostile Markdown) and the widgets that show it. These
tests assert what the reader sees and that the work done per keystroke is bounded;
how long it takes is measured in ``benchmarks/responsiveness.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place
from serotonin_app.content.text_fold import fold
from serotonin_app.content.text_fold import stem_english as stem
from serotonin_app.ui.glossary_view import PAGE_CHARS, PAGE_TERMS, GlossaryPage
from serotonin_app.ui.search_panel import INDEX_AT_ONCE, SearchPanel
from tests.conftest import BUNDLED, WritePack, lesson_text
from tests.ui.conftest import MakeWindow

VOCABULARY = [
    "serotonin",
    "dopamine",
    "receptor",
    "reuptake",
    "synapse",
    "craving",
    "mood",
    "sleep",
    "appetite",
    "brain",
    "gut",
    "neuron",
    "signal",
    "reward",
    "habit",
    "stress",
    "relapse",
    "recovery",
    "medicine",
    "dose",
    "tolerance",
    "withdrawal",
    "calm",
    "focus",
]
TERMS = 2_000


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


@pytest.fixture
def big_glossary(write_pack: WritePack) -> Path:
    """2,000 terms of about 440 characters each: just under the 1 MB file limit."""
    rng = random.Random(3)
    entries = "\n".join(f"Term {n:04} {_words(rng, 1)}\n:   {_words(rng, 58)}\n" for n in range(TERMS))
    return write_pack({"glossary.md": f"---\ntitle: Glossary\n---\n\n{entries}"})


@pytest.fixture
def glossary_page(qtbot: QtBot, big_glossary: Path) -> GlossaryPage:
    library, problems = load_library([big_glossary])
    assert len(library.glossary.terms) == TERMS, problems
    page = GlossaryPage(library.glossary)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _drawn_text(page: GlossaryPage) -> str:
    return page.view.toPlainText()


def test_glossary_draws_a_page_of_terms_not_all_of_them(glossary_page: GlossaryPage) -> None:
    page = glossary_page
    drawn = page.drawn_terms()
    assert drawn == [t.term for t in page.glossary.terms[: len(drawn)]]
    assert 0 < len(drawn) <= PAGE_TERMS
    assert sum(len(t.term) + len(t.definition) for t in page.glossary.terms[: len(drawn)]) <= 2 * PAGE_CHARS
    assert page.glossary.terms[-1].term not in _drawn_text(page)
    assert page.more.isVisible()
    assert f"1 to {len(drawn)} are shown" in page.count.text()


def test_typing_in_a_big_glossary_draws_only_the_first_matches(
    qtbot: QtBot, glossary_page: GlossaryPage
) -> None:
    page = glossary_page
    qtbot.keyClicks(page.search, "e")
    matching = page.shown_terms()
    assert len(matching) > PAGE_TERMS  # almost every definition has an "e"
    drawn = page.drawn_terms()
    assert drawn == matching[: len(drawn)] and len(drawn) <= PAGE_TERMS
    assert page.count.text().startswith(f"{len(matching)} of {TERMS} terms match")
    qtbot.keyClicks(page.search, "ceptor")  # "receptor"
    matching = page.shown_terms()
    for name in matching:
        term = page.glossary.lookup(name)
        assert term is not None and "eceptor" in f"{term.term} {term.definition}".casefold()
    # Terms named with the word come first, then those whose definition has it.
    named = [name for name in matching if "eceptor" in name.casefold()]
    assert matching[: len(named)] == named
    drawn_text = _drawn_text(page)
    assert all(name in drawn_text for name in page.drawn_terms())
    hidden = next(t.term for t in page.glossary.terms if t.term not in matching)
    assert hidden not in drawn_text


def test_one_term_typed_shows_just_that_term(qtbot: QtBot, glossary_page: GlossaryPage) -> None:
    page = glossary_page
    qtbot.keyClicks(page.search, "term 1234")
    assert page.drawn_terms() == page.shown_terms() == [page.glossary.terms[1234].term]
    assert page.count.text().startswith(f"1 of {TERMS} terms")
    assert not page.more.isVisible() and not page.earlier.isVisible()


def test_more_terms_are_a_click_away(qtbot: QtBot, glossary_page: GlossaryPage) -> None:
    page = glossary_page
    first = len(page.drawn_terms())
    page.more.click()
    assert len(page.drawn_terms()) > first
    assert page.glossary.terms[first].term in _drawn_text(page)


def test_a_link_to_a_term_far_down_shows_it_highlighted(qtbot: QtBot, glossary_page: GlossaryPage) -> None:
    page = glossary_page
    qtbot.keyClicks(page.search, "dopamine")
    last = page.glossary.terms[-1]
    assert page.show_term(last.anchor)
    assert page.search.text() == ""
    assert last.term in page.drawn_terms() and page.highlighted == last.anchor
    assert len(page.drawn_terms()) <= PAGE_TERMS
    assert page.earlier.isVisible()
    start = page.start
    page.earlier.click()
    assert page.start < start and last.term in page.drawn_terms()


def _big_lesson(number: int, size: int) -> str:
    rng = random.Random(number)
    sections = {
        f"Part {part}": "\n\n".join(f"{_words(rng, 50).capitalize()}." for _ in range(size // 190 // 380))
        for part in range(190)
    }
    return lesson_text(f"big-{number}", f"Big {number}", number + 1, sections)


def test_search_over_a_big_pack_builds_its_index_between_keystrokes(
    qtbot: QtBot, write_pack: WritePack
) -> None:
    files: dict[str, str | bytes] = {f"lessons/big-{n}.md": _big_lesson(n, 300_000) for n in range(3)}
    library, problems = load_library([write_pack(files)])
    assert len(library.lessons) == 3, problems
    panel = SearchPanel(library)
    qtbot.addWidget(panel)
    panel.box.show()
    panel.resize(800, 280)
    assert panel.index.size > INDEX_AT_ONCE
    qtbot.keyClicks(panel.box, "rec")
    # The first keystrokes return before the whole pack is indexed, and say so.
    assert panel.preparing and not panel.index.complete
    assert panel.hits == [] and panel.results.count() == 0
    assert panel.status.text() == "Getting the search ready…"
    qtbot.waitUntil(lambda: not panel.preparing, timeout=60_000)
    assert panel.index.complete
    hits = panel.hits
    assert 0 < len(hits) <= 30 and panel.results.count() == len(hits)
    for hit in hits:
        assert any(
            stem(word).startswith("rec") for word in fold(f"{hit.entry.title} {hit.entry.text}").split()
        )
    # Rows are kept from one keystroke to the next: only their text changes.
    labels = [panel.results.itemWidget(panel.results.item(row)) for row in range(panel.results.count())]
    qtbot.keyClicks(panel.box, "eptor")
    assert panel.results.count() <= len(labels)
    assert all(
        panel.results.itemWidget(panel.results.item(row)) is labels[row]
        for row in range(panel.results.count())
    )
    assert all("receptor" in hit.snippet.casefold() for hit in panel.hits)


def test_a_lesson_too_complex_to_render_shows_a_message(
    make_window: MakeWindow, write_pack: WritePack
) -> None:
    brackets = "\n".join(["[" * 9_000] * 6)
    pack = write_pack(
        {
            "lessons/fine.md": lesson_text("fine", "Fine", 1, {"Start": "A *normal* lesson."}),
            "lessons/hostile.md": lesson_text("hostile", "Hostile", 2, {"Start": "Hello.", "Trap": brackets}),
        }
    )
    window = make_window([pack])
    window.navigator.open(Place("lesson", "hostile"))
    page = window.pages["hostile"]
    assert window.content_tabs.current_page() is page
    text = page.view.toPlainText()
    assert "This lesson could not be shown. Please tell a member of staff." in text
    assert "[[[" not in text and page.unavailable and page.sections.count() == 0
    window.navigator.open(Place("lesson", "fine"))
    assert "A normal lesson." in window.pages["fine"].view.toPlainText()


def test_a_big_pack_is_indexed_while_idle_so_the_first_search_is_instant(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack
) -> None:
    files: dict[str, str | bytes] = {f"lessons/big-{n}.md": _big_lesson(n, 300_000) for n in range(3)}
    window = make_window([BUNDLED, write_pack(files)])
    panel = window.search_panel
    assert panel.index.size > INDEX_AT_ONCE and not panel.index.complete
    # Nobody types: the window indexes in slices once start-up is over.
    qtbot.waitUntil(lambda: panel.index.complete, timeout=60_000)
    assert not panel.preparing and not panel.isVisible()
    qtbot.keyClicks(panel.box, "rec")
    assert panel.hits and panel.status.text() != "Getting the search ready…"
