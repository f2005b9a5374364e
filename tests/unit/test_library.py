"""Loading several folders: overlays, duplicates, README files, placeholders, settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from serotonin_app.content.library import load_library, skipped_files
from serotonin_app.content.settings import DEFAULT_EMERGENCY
from serotonin_app.content.toml_lines import key_line
from tests.conftest import BUNDLED, WritePack, lesson_text


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


# Every way clinic.toml can be wrong is an error from loading, with the best line we have,
# and the whole file is skipped: the clinic's numbers are never silently replaced.


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # tomllib says "at end of document" here: the last line is where the file broke off.
        ('name = "A"\nphone = "555', 2, "invalid TOML: Unterminated string"),
        (
            'name = "A"\ncrisis_lines = [\n  { name = "x", number = "1" },\n\n',
            3,
            "invalid TOML: Invalid value",
        ),
        ('name = "A"\nname = "B"\n', 2, "invalid TOML: Cannot overwrite a value"),
        # A table header where text belongs: the header's line, not line 1.
        ('phone = "1"\n\n[name]\nfirst = "A"\n', 3, "'name' must be text in quotes"),
        ('phone = "1"\n"emergency_number" = 112\n', 2, "'emergency_number' must be text in quotes"),
        ("phone = 5551234\n", 1, "'phone' must be text in quotes"),
        ('name = "A"\nidle_reset_minutes = inf\n', 2, "'idle_reset_minutes' must be 0 (off) or a number"),
        ('name = "A"\nidle_reset_minutes = 1e12\n', 2, "'idle_reset_minutes' must be 0 (off) or a number"),
        ('name = "A"\ncrisis_lines = ["999"]\n', 2, "'crisis_lines' must be a list of"),
        ('name = "A"\nemergency_number = "  "\n', 2, "'emergency_number' must not be empty"),
        ("x = " + "[" * 5000, 1, "values are nested 5000 levels deep; the limit is 50"),
    ],
)
def test_broken_settings_are_errors_with_their_line(
    write_pack: WritePack, text: str, line: int, message: str
) -> None:
    root = write_pack({"clinic.toml": text})
    library, problems = load_library([BUNDLED, root])
    assert [(p.path, p.line, p.is_error) for p in problems] == [(root / "clinic.toml", line, True)]
    assert problems[0].message.startswith(message), problems[0].message
    assert "(at " not in problems[0].message  # the position is in path:line already
    assert library.settings.name == "" and library.settings.emergency_number == DEFAULT_EMERGENCY


def test_settings_that_are_not_utf8_report_the_line(write_pack: WritePack) -> None:
    root = write_pack(
        {"clinic.toml": 'name = "A"\nphone = "1"\nemergency_number = "\xe9"\n'.encode("latin-1")}
    )
    _, problems = load_library([root])
    assert [(p.line, p.is_error) for p in problems] == [(3, True)]
    assert "not valid UTF-8" in problems[0].message


def test_a_folder_named_clinic_toml_is_reported(write_pack: WritePack) -> None:
    root = write_pack({"clinic.toml/README.md": "not settings"})
    _, problems = load_library([root])
    assert [(p.path, p.line, p.is_error) for p in problems] == [(root / "clinic.toml", 1, True)]
    assert problems[0].message.startswith("cannot read file")


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need extra rights on Windows")
def test_a_broken_link_named_clinic_toml_is_reported(write_pack: WritePack, tmp_path: Path) -> None:
    root = write_pack({})
    (root / "clinic.toml").symlink_to(tmp_path / "gone.toml")
    _, problems = load_library([root])
    assert [(p.path.name, p.is_error) for p in problems] == [("clinic.toml", True)]
    assert problems[0].message.startswith("cannot read file")


def test_crisis_lines_as_an_array_of_tables(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "clinic.toml": 'name = "A"\n\n[[crisis_lines]]\nname = "Line"\nnumber = "3"\n',
        }
    )
    library, problems = load_library([root])
    assert problems == []
    assert library.settings.name == "A"
    assert [str(line) for line in library.settings.crisis_lines] == ["Line: 3"]


def test_key_line_finds_top_level_keys_only() -> None:
    text = 'phone = "1"\n\n[[crisis_lines]]\nname = "Line"\nnumber = "3"\n'
    assert key_line(text, "phone") == 1
    assert key_line(text, "crisis_lines") == 3
    assert key_line(text, "name") == 1  # the crisis line's name is not the clinic's
    assert key_line('  "name" = "A"\n', "name") == 1
    assert key_line('x = 1\nname.first = "A"\n', "name") == 2


def test_counts_are_what_summary_says(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/a.md": lesson_text("a", "A", 1, {"B": "c"}),
            "glossary.md": "Synapse\n:   A gap.\n",
        }
    )
    library, _ = load_library([root])
    counts = library.counts()
    assert (counts.lessons, counts.quizzes, counts.questions, counts.checklists, counts.items) == (
        1,
        0,
        0,
        0,
        0,
    )
    assert counts.glossary_terms == 1
    assert library.summary() == "1 lesson, 0 quizzes (0 questions), 0 checklists (0 items), 1 glossary term"
