"""Lessons: Markdown files with front matter, split into ``##`` sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from serotonin_app.content.anchors import headings, slugify, unique
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.source import SourceFile, check_keys, readable_name, text_value
from serotonin_app.content.sources import Source, parse_sources

LESSON_KEYS = frozenset({"id", "title", "order", "summary", "reviewed", "sources"})
SOURCES_HEADING = "sources"


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    #: 1-based line of the heading in the file.
    line: int


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    order: int
    summary: str
    #: The Markdown body with clinic placeholders already filled in.
    body: str
    sections: tuple[Section, ...]
    path: Path
    #: 1-based file line where ``body`` starts, for reporting problems in it.
    body_line: int
    reviewed: str = ""
    #: The source keys named in the front matter (``sources: [S1, S2]``).
    sources: tuple[str, ...] = ()

    @property
    def anchors(self) -> frozenset[str]:
        """Every id a link may point to: all headings, not only ``##`` sections."""
        used: set[str] = set()
        for heading in headings(self.body.split("\n")):
            unique(slugify(heading.text), used)
        return frozenset(used)

    @property
    def listed_sources(self) -> tuple[Source, ...]:
        """The ``(key, text)`` pairs under this lesson's ``## Sources`` heading.

        A key means something only inside this lesson: a pack's ``S1`` is not the bundled ``S1``.
        """
        return parse_sources(self.body)


def parse_lesson(source: SourceFile) -> tuple[Lesson | None, list[Problem]]:
    """Build a lesson from a read file; None when the file has an error."""
    path = source.path
    problems = check_keys(source, LESSON_KEYS)
    lesson_id = text_value(source, "id", path.stem, problems)
    title = text_value(source, "title", readable_name(path.stem), problems)
    summary = text_value(source, "summary", "", problems)
    order_value = source.meta.get("order", 1000)
    if isinstance(order_value, bool) or not isinstance(order_value, int):
        problems.append(error(path, source.line_of_key("order"), "'order' must be a whole number"))
        order_value = 1000
    reviewed_value = source.meta.get("reviewed", "")
    reviewed = reviewed_value.isoformat() if isinstance(reviewed_value, dt.date) else str(reviewed_value)
    sources_value = source.meta.get("sources", [])
    if isinstance(sources_value, str):
        sources_value = [s.strip() for s in sources_value.split(",") if s.strip()]
    if not isinstance(sources_value, list):
        problems.append(
            error(path, source.line_of_key("sources"), "'sources' must be a list such as [S1, S2]")
        )
        sources_value = []
    if not lesson_id:
        problems.append(error(path, source.line_of_key("id"), "'id' must not be empty"))

    lines = source.body.split("\n")
    used: set[str] = set()
    sections: list[Section] = []
    for heading in headings(lines):
        anchor = unique(slugify(heading.text), used)
        if heading.level == 2:
            sections.append(Section(heading.text, anchor, source.body_line + heading.index))
    if not sections:
        problems.append(warning(path, source.body_line, "lesson has no '## ' sections"))
    elif SOURCES_HEADING not in {s.anchor for s in sections}:
        problems.append(warning(path, source.body_line, "lesson has no '## Sources' section"))
    if any(p.is_error for p in problems):
        return None, problems
    lesson = Lesson(
        id=lesson_id,
        title=title,
        order=order_value,
        summary=summary,
        body=source.body,
        sections=tuple(sections),
        path=path,
        body_line=source.body_line,
        reviewed=reviewed,
        sources=tuple(str(s) for s in sources_value),
    )
    return lesson, problems
