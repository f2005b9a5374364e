"""Sources belong to the file that lists them: parsed from ``## Sources`` without Qt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content.library import load_library
from serotonin_app.content.sources import Source, parse_sources, source_text
from tests.conftest import BUNDLED, WritePack, lesson_text


def _lesson_with_sources(lesson_id: str, title: str, sources: str) -> str:
    text = lesson_text(lesson_id, title, 5, {"Body": "A fact. [S1] Another. [S2]"})
    return text.replace("- **S1** A source.\n", sources)


def test_two_packs_numbering_from_s1_keep_their_own_texts(write_pack: WritePack) -> None:
    first = write_pack(
        {
            "lessons/sleep.md": _lesson_with_sources(
                "sleep", "Sleep", "- **S1** Sleep book.\n- **S2** Sleep trial.\n"
            )
        }
    )
    second = write_pack(
        {
            "lessons/food.md": _lesson_with_sources(
                "food", "Food", "- **S1** Food guide.\n- **S2** Food survey.\n"
            )
        }
    )
    library, problems = load_library([BUNDLED, first, second])
    assert [str(p) for p in problems] == []
    sleep, food, bundled = (
        library.lesson("sleep"),
        library.lesson("food"),
        library.lesson("neurotransmitters"),
    )
    assert sleep is not None and food is not None and bundled is not None
    assert sleep.listed_sources == (Source("S1", "Sleep book."), Source("S2", "Sleep trial."))
    assert food.listed_sources == (Source("S1", "Food guide."), Source("S2", "Food survey."))
    assert bundled.listed_sources[0].key == "S1"
    assert bundled.listed_sources[0].text.startswith("Bamalan OA, Al Khalili Y. Physiology, Serotonin.")


def test_every_bundled_lesson_lists_the_sources_its_front_matter_names() -> None:
    library, _ = load_library([BUNDLED])
    for lesson in library.lessons:
        keys = [key for key, _ in lesson.listed_sources]
        assert keys == list(lesson.sources), lesson.id
        for key, text in lesson.listed_sources:
            assert text and not any(mark in text for mark in "*<>`"), (lesson.id, key)


def test_markdown_is_spelled_out_and_facts_review_notes_are_dropped() -> None:
    # Lines as FACTS.md writes them; a pack author may paste them unchanged.
    body = "\n".join(
        [
            "## Sources",
            "",
            "- **S1** Bamalan OA. *Physiology, Serotonin.* StatPearls. https://example.org/s (page read)",
            "- **S8** Schultz W. *Dialogues.* 2016. <https://example.org/pmc> "
            "(abstract read; title/pages per PMC record [unverified])",
            "- **S2** Berger M. Biology. (quoted via BioNumbers, <https://example.org/b>)",
            "- **S9** Report [unverified], see [the summary](https://example.org/sum) (secondary)",
        ]
    )
    assert parse_sources(body) == (
        Source("S1", "Bamalan OA. Physiology, Serotonin. StatPearls. https://example.org/s"),
        Source("S8", "Schultz W. Dialogues. 2016. https://example.org/pmc"),
        Source("S2", "Berger M. Biology. (quoted via BioNumbers, https://example.org/b)"),
        Source("S9", "Report, see the summary https://example.org/sum"),
    )


def test_only_the_sources_section_counts_and_items_may_wrap() -> None:
    body = "\n".join(
        [
            "## Facts",
            "",
            "- **S7** Not a source: a list in the lesson.",
            "",
            "## Sources",
            "",
            "Numbered as in our clinic's handbook.",
            "",
            "1. [S1] Smith J. A long title",
            "   that wraps onto a second line.",
            "2. Jones K. A source with no key.",
            "- S3: Lee P. Written with a colon.",
            "",
            "## Afterword",
            "",
            "- **S4** Not a source either.",
        ]
    )
    assert parse_sources(body) == (
        Source("S1", "Smith J. A long title that wraps onto a second line."),
        Source("", "Jones K. A source with no key."),
        Source("S3", "Lee P. Written with a colon."),
    )


def test_no_sources_section_means_no_sources() -> None:
    assert parse_sources("## Facts\n\n- **S1** A list item.\n") == ()
    assert source_text("  ") == ""


@given(st.text())
def test_any_text_gives_sources_not_an_exception(body: str) -> None:
    for key, text in parse_sources("## Sources\n\n" + body):
        assert key or text
