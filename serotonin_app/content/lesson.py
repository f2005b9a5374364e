"""Lessons: Markdown files with front matter, split into ``##`` sections."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from serotonin_app.content.front_matter import SourceFile, content_header, text_value
from serotonin_app.content.limits import MAX_HEADINGS
from serotonin_app.content.markdown_text import (
    SOURCES_ANCHOR,
    first_headings,
    heading_anchors,
    headings,
    without_sources,
)
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.sources import Source, parse_sources

LESSON_KEYS = frozenset({"id", "title", "order", "summary", "reviewed", "sources"})
SOURCES_HEADING = SOURCES_ANCHOR
READING_WORDS_PER_MINUTE = 200
_CITATION = re.compile(r"\[S\d{1,4}\]")
#: Lessons without ``order`` come after the bundled ones, which use 1, 2 and 3.
DEFAULT_ORDER = 1000
ORDER_RANGE = (-10_000, 10_000)


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

    # Asked once per link to this lesson by ``check``; the body never changes.
    @cached_property
    def reading_minutes(self) -> int:
        """About how long the lesson takes to read, Sources sections left out, at 200 words a minute.

        200 is a slow adult pace (easy text is often read at 230-250); a waiting room
        is not a quiet study, so the estimate errs long. Headings count as words read.
        """
        text = "\n".join(without_sources(self.body.split("\n")))
        words = len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", _CITATION.sub("", text)))
        return max(1, round(words / READING_WORDS_PER_MINUTE))

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Every id a link may point to: all headings, not only ``##`` sections."""
        return frozenset(heading_anchors(list(headings(self.body.split("\n")))))

    @property
    def listed_sources(self) -> tuple[Source, ...]:
        """The ``(key, text)`` pairs under this lesson's ``## Sources`` heading.

        A key means something only inside this lesson: a pack's ``S1`` is not the bundled ``S1``.
        """
        return parse_sources(self.body)


def parse_lesson(source: SourceFile) -> tuple[Lesson | None, list[Problem]]:
    """Build a lesson from a read file; None when the file has an error."""
    path = source.path
    lesson_id, title, problems = content_header(source, LESSON_KEYS)
    summary = text_value(source, "summary", "", problems)
    order_value = source.meta.get("order", DEFAULT_ORDER)
    low, high = ORDER_RANGE
    if isinstance(order_value, bool) or not isinstance(order_value, int) or not low <= order_value <= high:
        message = translate("content.lesson", "'order' must be a whole number from {low} to {high}").format(
            low=low, high=high
        )
        problems.append(error(path, source.line_of_key("order"), message))
        order_value = DEFAULT_ORDER
    reviewed_value = source.meta.get("reviewed", "")
    if isinstance(reviewed_value, dt.date):
        reviewed = reviewed_value.isoformat()
    else:
        reviewed = text_value(source, "reviewed", "", problems)
    sources_value = source.meta.get("sources", [])
    if isinstance(sources_value, str):
        sources_value = [s.strip() for s in sources_value.split(",") if s.strip()]
    if not isinstance(sources_value, list) or any(isinstance(s, (list, dict)) for s in sources_value):
        problems.append(
            error(
                path,
                source.line_of_key("sources"),
                translate("content.lesson", "'sources' must be a list such as [S1, S2]"),
            )
        )
        sources_value = []

    lines = source.body.split("\n")
    found, count = first_headings(headings(lines), MAX_HEADINGS)
    if count > MAX_HEADINGS:
        line = source.body_line + found[MAX_HEADINGS].index
        message = translate("content.lesson", "lesson has {count:,} headings; the limit is {limit}").format(
            count=count, limit=MAX_HEADINGS
        )
        return None, [*problems, error(path, line, message)]
    sections: list[Section] = []
    for heading, anchor in zip(found, heading_anchors(found), strict=True):
        if heading.level == 2:
            sections.append(Section(heading.text, anchor, source.body_line + heading.index))
    if not sections:
        problems.append(
            warning(path, source.body_line, translate("content.lesson", "lesson has no '## ' sections"))
        )
    elif SOURCES_HEADING not in {s.anchor for s in sections}:
        problems.append(
            warning(path, source.body_line, translate("content.lesson", "lesson has no '## Sources' section"))
        )
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
