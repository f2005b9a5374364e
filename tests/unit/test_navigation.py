"""One place record, one link resolver, Back/Forward, and a reader session that resets to nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import External, History, Nowhere, Place, resolve
from serotonin_app.content.quiz import Mode
from serotonin_app.content.session import ReaderSession
from tests.conftest import BUNDLED, WritePack, lesson_text

LIBRARY, _ = load_library([BUNDLED])
FIRST = LIBRARY.lessons[0]
HERE = Place("lesson", FIRST.id)


def test_internal_links_resolve_to_places() -> None:
    anchor = FIRST.sections[0].anchor
    assert resolve(f"lesson:{FIRST.id}#{anchor}", LIBRARY) == Place("lesson", FIRST.id, anchor)
    assert resolve(f"#{anchor}", LIBRARY, current=HERE) == Place("lesson", FIRST.id, anchor)
    quiz, checklist = LIBRARY.quizzes[0], LIBRARY.checklists[0]
    assert resolve(f"quiz:{quiz.id}", LIBRARY) == Place("quiz", quiz.id)
    assert resolve(f"checklist:{checklist.id}", LIBRARY) == Place("checklist", checklist.id)
    term = LIBRARY.glossary.terms[0]
    assert resolve(f"glossary:{term.term}", LIBRARY) == Place("glossary", "", term.anchor)


def test_missing_places_say_why() -> None:
    assert resolve("lesson:nope", LIBRARY) == Nowhere("link to unknown lesson 'nope'")
    assert isinstance(resolve(f"lesson:{FIRST.id}#nope", LIBRARY), Nowhere)
    assert isinstance(resolve("#nope", LIBRARY, current=HERE), Nowhere)
    assert isinstance(resolve("quiz:nope", LIBRARY), Nowhere)
    assert isinstance(resolve("glossary:not a term", LIBRARY), Nowhere)
    assert isinstance(resolve("javascript:alert(1)", LIBRARY), Nowhere)
    assert isinstance(resolve("file:///etc/passwd", LIBRARY), Nowhere)


def test_external_addresses_are_shown_not_opened() -> None:
    assert resolve("https://example.org/a", LIBRARY) == External("https://example.org/a")
    assert resolve("tel:112", LIBRARY) == External("tel:112")


def test_relative_links_to_content_files_are_the_same_as_internal_links(write_pack: WritePack) -> None:
    pack = write_pack(
        {
            "lessons/one.md": lesson_text("one", "One", 1, {"Start": "See [two](two.md#far)."}),
            "lessons/two.md": lesson_text("two", "Two", 2, {"Far": "Here."}),
            "lessons/notes.txt": "not content",
        }
    )
    library, _ = load_library([pack])
    base = pack / "lessons"
    assert resolve("two.md#far", library, base=base) == Place("lesson", "two", "far")
    assert isinstance(resolve("notes.txt", library, base=base), Nowhere)
    assert isinstance(resolve("missing.md", library, base=base), Nowhere)
    assert "outside" in str(resolve("../../../../etc/passwd", library, base=base))


@given(st.text(max_size=200))
def test_any_link_resolves_or_says_why(href: str) -> None:
    result = resolve(href, LIBRARY, current=HERE, base=BUNDLED / "lessons")
    assert isinstance(result, (Place, External, Nowhere))


def test_history_goes_back_and_forward_and_a_new_place_drops_forward() -> None:
    history = History()
    a, b, c = Place("lesson", "a"), Place("quiz", "b"), Place("checklist", "c")
    for place in (a, b, c):
        history.visit(place)
    assert history.back() == b and history.back() == a and history.back() is None
    assert history.forward() == b
    history.visit(Place("glossary"))
    assert not history.can_go_forward() and history.current == Place("glossary")


def test_reset_leaves_nothing_of_the_previous_person() -> None:
    session = ReaderSession()
    first = Place("lesson", FIRST.id)
    session.reset(first)
    assert session.is_empty
    quiz = session.start_quiz(LIBRARY.quizzes[0], Mode.PRACTICE)
    quiz.answer([0])
    session.set_tick("mood-symptoms", (0, 1), True)
    session.search_text, session.find_text, session.glossary_filter = "dopamine", "sleep", "syn"
    session.visit(Place("quiz", LIBRARY.quizzes[0].id))
    seeds_before = session.seeds
    assert not session.is_empty
    session.reset(first)
    assert session.is_empty
    assert session.quiz is None and session.ticks == {}
    assert session.history.current == first
    assert session.seeds is not seeds_before


def test_ticks_are_kept_per_checklist() -> None:
    session = ReaderSession()
    session.set_tick("a", (0, 0), True)
    session.set_tick("b", (1, 2), True)
    session.set_tick("a", (0, 0), False)
    assert session.ticked("a") == set() and session.ticked("b") == {(1, 2)}


def test_a_path_is_not_needed_for_internal_links() -> None:
    assert resolve("lesson:x") == Place("lesson", "x")
    assert isinstance(resolve("x.md"), Nowhere)
