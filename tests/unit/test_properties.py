"""Any input gives a model or problems, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serotonin_app.content.front_matter import parse_front_matter
from serotonin_app.content.glossary import parse_glossary
from serotonin_app.content.lesson import parse_lesson
from serotonin_app.content.render import Renderer
from serotonin_app.content.settings import ClinicSettings, load_settings

PATH = Path("any.md")
markdownish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "---",
                "## Heading",
                "# Q",
                "title: x",
                "id: [",
                "- [x] a",
                ":   def",
                "```",
                "<b>",
                "{x}",
                "!!! note",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=25,
).map("\n".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_any_text_as_a_lesson(text: str) -> None:
    source, problems = parse_front_matter(PATH, text)
    if source is None:
        assert problems and all(p.is_error for p in problems)
        return
    lesson, more = parse_lesson(source)
    assert lesson is not None or any(p.is_error for p in problems + more)
    if lesson is not None:
        Renderer().lesson(lesson)


@settings(max_examples=150)
@given(markdownish)
def test_any_text_as_a_glossary(text: str) -> None:
    source, _ = parse_front_matter(PATH, text)
    if source is not None:
        glossary, more = parse_glossary(source)
        assert glossary is not None or any(p.is_error for p in more)


@settings(max_examples=150)
@given(st.text(max_size=200))
def test_any_text_as_settings(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.toml"
        path.write_text(text, encoding="utf-8")
        result, problems = load_settings(path, ClinicSettings())
        assert isinstance(result, ClinicSettings)
        assert all(p.line >= 1 for p in problems)
