"""The files we ship: every one loads with no problem and every link resolves."""

from __future__ import annotations

import re
from pathlib import Path

from serotonin_app.content.check import check_library
from serotonin_app.content.library import load_library
from serotonin_app.content.messages import register_language
from serotonin_app.content.render import Renderer
from serotonin_app.content.settings import (
    DEFAULT_DISCLAIMER,
    DEFAULT_EMERGENCY,
    ClinicSettings,
    load_settings,
)
from tests.conftest import BUNDLED, WritePack

EXPECTED_LESSONS = ["neurotransmitters", "addiction", "balancing"]


def test_bundled_content_loads_and_checks_without_problems(write_pack: WritePack) -> None:
    # As deployed: the bundled content plus a clinic's pack with its name and numbers.
    pack = write_pack(
        {"clinic.toml": 'name = "Hillside Clinic"\nphone = "555 0100"\nemergency_number = "112"\n'}
    )
    library, problems = load_library([BUNDLED, pack])
    problems += check_library(library).problems
    assert [str(p) for p in problems] == []
    assert [lesson.id for lesson in library.lessons] == EXPECTED_LESSONS
    assert [lesson.title for lesson in library.lessons] == [
        "Neurotransmitters",
        "Serotonin, dopamine and addiction",
        "What helps low mood",
    ]


def test_bundled_content_alone_warns_only_that_the_clinic_is_not_set() -> None:
    """Loading (what the window shows) is clean; ``check`` asks for the clinic's details."""
    library, problems = load_library([BUNDLED])
    assert problems == []
    warnings = check_library(library).problems
    assert all(not p.is_error and p.path == BUNDLED / "clinic.toml" for p in warnings)
    shipped = (BUNDLED / "clinic.toml").read_text(encoding="utf-8").splitlines()
    assert [(p.line, p.message.split(";")[0]) for p in warnings] == [
        (shipped.index('name = ""') + 1, "clinic name is not set"),
        (shipped.index('phone = ""') + 1, "clinic phone is not set"),
        (
            1,  # unset, so the default applies in the reader's language
            "emergency number is still the default 'your local emergency number'",
        ),
    ]


def test_the_bundled_settings_leave_the_default_wording_to_each_language() -> None:
    """Unset, the emergency number and disclaimer are said in the language of what shows them."""
    library, _ = load_library([BUNDLED])
    assert (library.settings.texts.emergency_number, library.settings.texts.disclaimer) == (None, None)
    spanish = {
        DEFAULT_DISCLAIMER: "Esta hoja es solo informativa.",
        DEFAULT_EMERGENCY: "el número de emergencias",
    }
    register_language("es", lambda context, text: spanish.get(text, ""))
    try:
        es = library.settings.for_language("es")
        assert (es.disclaimer, es.emergency_number) == (
            "Esta hoja es solo informativa.",
            "el número de emergencias",
        )
    finally:
        register_language("es", None)
    assert library.settings.for_language("en").disclaimer == DEFAULT_DISCLAIMER


def test_the_examples_in_the_bundled_clinic_toml_are_valid(tmp_path: Path) -> None:
    """Uncommented, every example setting in the shipped file loads with no problem."""
    shipped = (BUNDLED / "clinic.toml").read_text(encoding="utf-8")
    keys = "emergency_number|disclaimer|default_zoom|advice_line|language|name|crisis_lines"
    example = re.compile(rf"^# ((?:{keys}) = |\[es\]$)", re.MULTILINE)
    uncommented = example.sub(r"\1", shipped)
    assert uncommented.count("\n[es]\n") == 1 and 'language = "es"' in uncommented
    path = tmp_path / "clinic.toml"
    path.write_text(uncommented, encoding="utf-8")
    settings, problems = load_settings(path, ClinicSettings())
    assert problems == []
    assert settings.language == "es"
    es, en = settings.for_language("es"), settings.for_language("en")
    assert es.emergency_number == en.emergency_number == "911"  # not in [es]: the top-level value
    assert es.name and es.disclaimer != en.disclaimer and es.crisis_lines != en.crisis_lines
    assert en.advice_line is not None and es.advice_line == en.advice_line


def test_every_lesson_cites_only_sources_it_lists() -> None:
    library, _ = load_library([BUNDLED])
    for lesson in library.lessons:
        cited = set(re.findall(r"\[(S\d+)\]", lesson.body))
        sources_part = lesson.body.split("## Sources", 1)[1]
        listed = set(re.findall(r"\*\*(S\d+)\*\*", sources_part))
        assert cited, lesson.id
        assert cited == listed == set(lesson.sources), lesson.id


def test_section_anchors_match_the_rendered_ids() -> None:
    library, _ = load_library([BUNDLED])
    renderer = Renderer(library.glossary)
    for lesson in library.lessons:
        assert set(renderer.lesson(lesson).anchors) == lesson.anchors


def test_no_seed_myths_in_the_lessons() -> None:
    library, _ = load_library([BUNDLED])
    for lesson in library.lessons:
        text = lesson.body.casefold()
        assert "happy hormone" not in text
        assert "signs of low serotonin" not in text
        assert "serotonin-boosting" not in text
