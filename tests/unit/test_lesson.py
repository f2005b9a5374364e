"""Lessons: sections, anchors that match python-markdown's toc, and front-matter checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown.extensions.toc import slugify as toc_slugify

from serotonin_app.content.anchors import slugify
from serotonin_app.content.front_matter import parse_front_matter
from serotonin_app.content.lesson import parse_lesson
from serotonin_app.content.render import Renderer


def _lesson(text: str, name: str = "x.md"):  # type: ignore[no-untyped-def]
    source, problems = parse_front_matter(Path(name), text)
    assert source is not None, problems
    return parse_lesson(source)


@pytest.mark.parametrize(
    "heading",
    [
        "What is a neurotransmitter?",
        "Is depression caused by low serotonin?",
        "Serotonin, dopamine and addiction",
        "Starting, side effects and stopping",
        "Café – naïve 5-HTP (SSRIs)",
        "  Spaces   and--dashes ",
    ],
)
def test_slugify_matches_python_markdown(heading: str) -> None:
    assert slugify(heading) == toc_slugify(heading, "-")


def test_sections_have_anchors_lines_and_titles() -> None:
    lesson, problems = _lesson(
        "---\nid: n\ntitle: N\norder: 2\n---\n\nIntro\n\n## What is a neurotransmitter?\n\nText\n\n"
        "### Detail\n\n## How **it** works {: #mechanism }\n\n## Sources\n\n- S1\n"
    )
    assert problems == []
    assert lesson is not None
    assert [(s.title, s.anchor, s.line) for s in lesson.sections] == [
        ("What is a neurotransmitter?", "what-is-a-neurotransmitter", 9),
        # An id written in the attribute list is the anchor, as in the rendered page.
        ("How it works", "mechanism", 15),
        ("Sources", "sources", 17),
    ]
    assert "detail" in lesson.anchors


def test_model_anchors_equal_rendered_ids() -> None:
    text = "## Same\n\n## Same\n\n### Why? (really)\n\n## Sources\n"
    lesson, _ = _lesson(text)
    assert lesson is not None
    rendered = Renderer().lesson(lesson)
    assert set(rendered.anchors) == lesson.anchors
    assert [s.anchor for s in lesson.sections] == ["same", "same_1", "sources"]


def test_headings_inside_code_fences_are_not_sections() -> None:
    lesson, _ = _lesson("## Real\n\n```\n## Not a heading\n```\n\n## Sources\n")
    assert lesson is not None
    assert [s.title for s in lesson.sections] == ["Real", "Sources"]


def test_defaults_from_the_file_name() -> None:
    lesson, problems = _lesson("## Part\n\n## Sources\n", name="balancing-serotonin.md")
    assert lesson is not None and problems == []
    assert (lesson.id, lesson.title, lesson.order) == (
        "balancing-serotonin",
        "Balancing serotonin",
        1000,
    )


def test_bad_order_is_an_error_at_its_line() -> None:
    lesson, problems = _lesson("---\ntitle: T\norder: first\n---\n## A\n")
    assert lesson is None
    assert [(p.line, p.message) for p in problems if p.is_error] == [
        (3, "'order' must be a whole number from -10000 to 10000")
    ]


def test_unknown_key_is_a_warning_at_its_line() -> None:
    lesson, problems = _lesson("---\ntitle: T\ncolour: red\n---\n## A\n\n## Sources\n")
    assert lesson is not None
    assert [(p.line, p.severity.value) for p in problems] == [(3, "warning")]
    assert "colour" in problems[0].message


def test_missing_sources_section_is_a_warning() -> None:
    lesson, problems = _lesson("## Only part\n")
    assert lesson is not None
    assert any("Sources" in p.message and not p.is_error for p in problems)
