"""A lesson as ``check --quality`` reads it: its ``##`` sections, callout boxes and reading text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from serotonin_app.content.lesson import Lesson
from serotonin_app.content.markdown_text import SOURCES_ANCHOR
from serotonin_app.content.readability import plain_text

_CALLOUT = re.compile(r'^!!!\s+(\w+)(?:\s+"[^"]*")?\s*$')
IMAGE = re.compile(r'!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"([^"]*)"|\'([^\']*)\'))?\s*\)')


@dataclass(frozen=True)
class Part:
    """A ``##`` section (or the text before the first one) as raw Markdown lines."""

    title: str
    anchor: str
    #: File line of the part's first line (the heading, or the body's first line).
    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def lesson_parts(lesson: Lesson) -> list[Part]:
    """The introduction (if any text) and each ``##`` section but Sources, from ``lesson.sections``."""
    lines = lesson.body.split("\n")
    starts = [section.line - lesson.body_line for section in lesson.sections]
    parts: list[Part] = []
    intro = lines[: starts[0]] if starts else lines
    if any(line.strip() for line in intro):
        parts.append(Part("introduction", "", lesson.body_line, tuple(intro)))
    for number, section in enumerate(lesson.sections):
        if section.anchor == SOURCES_ANCHOR:
            continue
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        # The heading line is kept so that line numbers count from it; it is not reading text.
        parts.append(Part(section.title, section.anchor, section.line, tuple(lines[starts[number] : end])))
    return parts


@dataclass(frozen=True)
class Box:
    kind: str
    line: int
    markdown: str


def boxes(part: Part) -> Iterator[Box]:
    """``!!! kind "Title"`` callouts: the title line and the indented lines under it."""
    index = 0
    lines = part.lines
    while index < len(lines):
        match = _CALLOUT.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(("    ", "\t"))):
            end += 1
        body = [line[4:] if line.startswith("    ") else line.lstrip("\t") for line in lines[index + 1 : end]]
        yield Box(match.group(1).lower(), part.line + index, "\n".join([lines[index], *body]))
        index = end


def without_images(markdown_text: str) -> str:
    return IMAGE.sub("", markdown_text)


def reading_text(markdown_text: str) -> str:
    """What ``readability`` reads: no headings, citations, link targets or markup; no images."""
    return plain_text(without_images(markdown_text))


def count_words(markdown_text: str) -> int:
    """Words a reader reads: images, citation marks, link targets and markup are not counted."""
    return len(re.findall(r"[^\W_]+(?:['’.,-][^\W_]+)*", reading_text(markdown_text)))
