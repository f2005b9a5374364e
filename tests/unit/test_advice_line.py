"""The clinic's urgent, non-emergency advice line fills {advice_line}, with a safe fallback."""

from __future__ import annotations

from serotonin_app.content.library import load_library
from tests.conftest import BUNDLED, WritePack


def test_without_a_line_content_says_prescriber_or_pharmacist() -> None:
    library, _ = load_library([BUNDLED])
    assert library.settings.placeholders()["advice_line"] == "your prescriber or pharmacist"
    checklist = library.checklist("serotonin-syndrome")
    assert checklist is not None
    assert any("your prescriber or pharmacist" in group.title for group in checklist.groups)


def test_a_clinic_line_is_named_with_its_number(write_pack: WritePack) -> None:
    pack = write_pack({"clinic.toml": 'advice_line = { name = "NHS 111", number = "111" }\n'})
    library, problems = load_library([BUNDLED, pack])
    assert problems == []
    phrase = "your prescriber, your pharmacist or NHS 111 on 111"
    assert library.settings.placeholders()["advice_line"] == phrase
    lesson = library.lesson("balancing")
    assert lesson is not None and phrase in lesson.body


def test_a_malformed_line_is_an_error_with_its_line(write_pack: WritePack) -> None:
    pack = write_pack({"clinic.toml": 'name = "X"\nadvice_line = "111"\n'})
    _, problems = load_library([BUNDLED, pack])
    assert [(p.line, p.is_error) for p in problems if "advice_line" in p.message] == [(2, True)]
