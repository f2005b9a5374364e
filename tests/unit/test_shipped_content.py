"""The files we ship: every one loads with no problem and every link resolves."""

from __future__ import annotations

import re

from serotonin_app.content.check import check_library
from serotonin_app.content.library import load_library
from serotonin_app.content.render import Renderer
from tests.conftest import BUNDLED

EXPECTED_LESSONS = ["neurotransmitters", "addiction", "balancing"]


def test_bundled_content_loads_and_checks_without_problems() -> None:
    library, problems = load_library([BUNDLED])
    problems += check_library(library).problems
    assert [str(p) for p in problems] == []
    assert [lesson.id for lesson in library.lessons] == EXPECTED_LESSONS
    assert [lesson.title for lesson in library.lessons] == [
        "Neurotransmitters",
        "Serotonin, dopamine and addiction",
        "Balancing serotonin",
    ]


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
