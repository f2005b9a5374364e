"""Loading several folders: overlays, duplicates, README files, placeholders, settings."""

from __future__ import annotations

from serotonin_app.content.library import load_library, skipped_files
from serotonin_app.content.settings import DEFAULT_EMERGENCY
from tests.conftest import WritePack, lesson_text


def test_lessons_are_ordered_by_order_then_title(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/b.md": lesson_text("b", "Bee", 2, {"One": "x"}),
            "lessons/a.md": lesson_text("a", "Ay", 3, {"One": "x"}),
            "lessons/c.md": lesson_text("c", "Sea", 1, {"One": "x"}),
        }
    )
    library, problems = load_library([root])
    assert problems == []
    assert [lesson.title for lesson in library.lessons] == ["Sea", "Bee", "Ay"]


def test_later_folder_replaces_same_id_and_adds_new(write_pack: WritePack) -> None:
    base = write_pack({"lessons/a.md": lesson_text("a", "Original", 1, {"One": "x"})})
    pack = write_pack(
        {
            "lessons/replacement.md": lesson_text("a", "Clinic version", 1, {"One": "x"}),
            "lessons/extra.md": lesson_text("extra", "Extra", 5, {"One": "x"}),
        }
    )
    library, problems = load_library([base, pack])
    assert problems == []
    assert [lesson.title for lesson in library.lessons] == ["Clinic version", "Extra"]


def test_duplicate_id_in_one_folder_is_an_error(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/a.md": lesson_text("same", "First", 1, {"One": "x"}),
            "lessons/b.md": lesson_text("same", "Second", 2, {"One": "x"}),
        }
    )
    library, problems = load_library([root])
    assert [lesson.title for lesson in library.lessons] == ["First"]
    assert [(p.path.name, p.line) for p in problems] == [("b.md", 2)]
    assert "duplicate id 'same'" in problems[0].message


def test_readme_files_are_not_content(write_pack: WritePack) -> None:
    root = write_pack({"lessons/README.md": "# How to write lessons\n", "README.md": "x"})
    library, problems = load_library([root])
    assert library.lessons == () and problems == []


def test_placeholders_are_filled_from_settings(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "clinic.toml": 'name = "Riverside Clinic"\nemergency_number = "112"\n',
            "lessons/a.md": lesson_text(
                "a", "A", 1, {"Help": "Call {emergency_number}. {clinic_name}. {nope}."}
            ),
        }
    )
    library, problems = load_library([root])
    assert "Call 112. Riverside Clinic. {nope}." in library.lessons[0].body
    assert [(p.line, p.severity.value) for p in problems] == [(12, "warning")]
    assert "{nope}" in problems[0].message


def test_settings_default_and_overlay(write_pack: WritePack) -> None:
    base = write_pack({"clinic.toml": 'name = "Base"\nphone = "1"\n'})
    pack = write_pack({"clinic.toml": 'phone = "2"\ncrisis_lines = [{ name = "Line", number = "3" }]\n'})
    library, problems = load_library([base, pack])
    assert problems == []
    settings = library.settings
    assert (settings.name, settings.phone, settings.emergency_number) == (
        "Base",
        "2",
        DEFAULT_EMERGENCY,
    )
    assert [str(line) for line in settings.crisis_lines] == ["Line: 3"]


def test_bad_settings_file_is_skipped_with_its_line(write_pack: WritePack) -> None:
    root = write_pack({"clinic.toml": 'name = "A"\nidle_reset_minutes = "ten"\n'})
    library, problems = load_library([root])
    assert library.settings.name == ""
    assert [(p.path.name, p.line) for p in problems] == [("clinic.toml", 2)]


def test_invalid_toml_reports_its_line(write_pack: WritePack) -> None:
    root = write_pack({"clinic.toml": 'name = "A"\nphone = \n'})
    _, problems = load_library([root])
    assert [(p.path.name, p.line, p.is_error) for p in problems] == [("clinic.toml", 2, True)]


def test_skipped_files_lists_each_file_once(write_pack: WritePack) -> None:
    root = write_pack({"lessons/a.md": "---\norder: x\nid: [\n---\n", "lessons/b.md": ""})
    _, problems = load_library([root])
    assert [path.name for path in skipped_files(problems)] == ["a.md", "b.md"]


def test_glossary_overlay_and_lookup(write_pack: WritePack) -> None:
    base = write_pack({"glossary.md": "Synapse\n:   A gap.\n\nReceptor\n:   A docking spot.\n"})
    pack = write_pack({"glossary.md": "synapse\n:   The tiny gap between nerve cells.\n"})
    library, problems = load_library([base, pack])
    assert problems == []
    assert [t.term for t in library.glossary.terms] == ["Receptor", "synapse"]
    term = library.glossary.lookup("SYNAPSE")
    assert term is not None and term.definition == "The tiny gap between nerve cells."
