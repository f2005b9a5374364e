"""Translated content files: ``name.<lang>.md`` beside the English, loaded as another language's view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from serotonin_app.content import messages
from serotonin_app.content.library import load_library
from serotonin_app.content.translations import file_language, source_hash
from tests.conftest import BUNDLED, WritePack, lesson_text


def _translated(lesson_id: str, title: str, order: int, extra: str = "") -> str:
    text = lesson_text(lesson_id, title, order, {"Uno": "Texto."})
    return text.replace("---\n\n", f'translated_from: "abcdef123456"\n{extra}---\n\n', 1)


@pytest.fixture
def spanish_messages() -> Iterator[None]:
    """A Spanish translator for the content message table, as i18n registers one from the .qm."""
    words = {"your local emergency number": "el número de emergencias de su zona"}
    messages.register_language("es", lambda _context, text: words.get(text, ""))
    yield
    messages.register_language("es", None)


def test_file_language_is_the_suffix_before_md() -> None:
    assert file_language(Path("lessons/a.es.md")) == "es"
    assert file_language(Path("lessons/a.pt_BR.md")) == "pt_BR"
    assert file_language(Path("lessons/a.md")) == "en"
    # Not a language: longer, numbered or capitalised suffixes are part of the name.
    assert file_language(Path("lessons/notes.old.md")) == "en"
    assert file_language(Path("lessons/a.v2.md")) == "en"


def test_a_translation_replaces_its_english_file_only_in_its_language(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/a.md": lesson_text("a", "Alpha", 1, {"One": "x"}),
            "lessons/b.md": lesson_text("b", "Beta", 2, {"One": "x"}),
            "lessons/a.es.md": _translated("a", "Alfa", 1),
        }
    )
    library, problems = load_library([root])
    # The translation's own keys are not unknown keys, and its id is not a duplicate.
    assert problems == []
    assert [lesson.title for lesson in library.lessons] == ["Alpha", "Beta"]
    assert library.languages == ("en", "es")
    spanish = library.in_language("es")
    assert [lesson.title for lesson in spanish.lessons] == ["Alfa", "Beta"]
    assert spanish.language == "es" and spanish.in_language("en") is library
    record = spanish.translation("lesson", "a")
    assert record is not None
    assert (record.translated_from, record.reviewed, record.translated_from_line) == ("abcdef123456", "", 6)
    assert not spanish.untranslated("lesson", "a")
    assert spanish.untranslated("lesson", "b")
    assert not library.untranslated("lesson", "b") and library.translation("lesson", "a") is None


def test_a_language_with_no_files_shows_everything_in_english(write_pack: WritePack) -> None:
    root = write_pack({"lessons/a.md": lesson_text("a", "Alpha", 1, {"One": "x"})})
    library, _ = load_library([root])
    polish = library.in_language("pl")
    assert [lesson.title for lesson in polish.lessons] == ["Alpha"]
    assert polish.untranslated("lesson", "a")


def test_review_date_and_a_lesson_only_in_one_language(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/a.md": lesson_text("a", "Alpha", 2, {"One": "x"}),
            "lessons/a.es.md": _translated("a", "Alfa", 2, "translation_reviewed: 2026-12-01\n"),
            "lessons/solo.es.md": _translated("solo", "Solo en español", 1),
        }
    )
    library, problems = load_library([root])
    assert problems == []
    assert [lesson.id for lesson in library.lessons] == ["a"]
    spanish = library.in_language("es")
    assert [lesson.id for lesson in spanish.lessons] == ["solo", "a"]
    record = spanish.translation("lesson", "a")
    assert record is not None and record.reviewed == "2026-12-01"


def test_ids_clash_within_a_language_not_across(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/a.es.md": _translated("a", "Uno", 1),
            "lessons/b.es.md": _translated("a", "Dos", 1),
        }
    )
    _, problems = load_library([root])
    assert [(p.path.name, "duplicate id 'a'" in p.message) for p in problems] == [("b.es.md", True)]


def test_glossary_translation_and_placeholders_in_the_files_language(
    write_pack: WritePack, spanish_messages: None
) -> None:
    root = write_pack(
        {
            "lessons/a.md": lesson_text("a", "Alpha", 1, {"One": "Call {emergency_number}."}),
            "lessons/a.es.md": _translated("a", "Alfa", 1).replace("Texto.", "Llame al {emergency_number}."),
            "glossary.md": "Serotonin\n:   A messenger.\n",
            "glossary.es.md": "---\ntranslated_from: x\n---\nSerotonina\n:   Un mensajero.\n",
        }
    )
    library, problems = load_library([root])
    assert problems == []
    spanish = library.in_language("es")
    assert [term.term for term in spanish.glossary.terms] == ["Serotonina"]
    assert [term.term for term in library.glossary.terms] == ["Serotonin"]
    assert spanish.translation("glossary", "glossary") is not None
    # Each file in its own language, whatever the interface speaks.
    english_body = library.lessons[0].body
    spanish_body = spanish.lessons[0].body
    assert "Call your local emergency number." in english_body
    assert "Llame al el número de emergencias de su zona." in spanish_body


def test_the_bundled_spanish_translations_load_without_problems() -> None:
    library, problems = load_library([BUNDLED])
    assert [p for p in problems if ".es." in p.path.name] == []
    spanish = library.in_language("es")
    for kind, items in (
        ("lesson", spanish.lessons),
        ("quiz", spanish.quizzes),
        ("checklist", spanish.checklists),
    ):
        for item in items:
            assert spanish.translation(kind, item.id) is not None, (kind, item.id)  # type: ignore[arg-type]
    assert spanish.translation("glossary", "glossary") is not None
    assert len(spanish.glossary.terms) == len(library.glossary.terms)


def test_source_hash_is_twelve_hex_digits_of_sha256() -> None:
    assert source_hash(b"") == "e3b0c44298fc"
