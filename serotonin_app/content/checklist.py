"""Printable checklists: ``##`` groups of GitHub task-list items, some marked urgent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from serotonin_app.content.anchors import slugify
from serotonin_app.content.front_matter import SourceFile, content_header, text_value
from serotonin_app.content.limits import MAX_CHECKLIST_ITEMS, MAX_HEADINGS
from serotonin_app.content.markdown_text import first_headings, headings, match_list_item, match_task
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error, warning

CHECKLIST_KEYS = frozenset({"id", "title", "intro", "reviewed", "sources"})
_URGENT = re.compile(r"(^|\s)\.urgent(\s|$)")
# The look-behind starts a match only at the first space of a run: without it, every
# space of a long run not followed by a citation would rescan the rest of the run.
_CITATION = re.compile(r"(?<!\s)\s*\[S\d+\]")


@dataclass(frozen=True)
class Item:
    text: str
    #: 1-based line in the file.
    line: int


@dataclass(frozen=True)
class Group:
    title: str
    anchor: str
    urgent: bool
    items: tuple[Item, ...]
    #: Markdown paragraphs written under the group (action lines, crisis numbers).
    notes: str
    line: int


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    intro: str
    groups: tuple[Group, ...]
    path: Path

    @property
    def items(self) -> tuple[tuple[int, int], ...]:
        """Keys ``(group index, item index)`` of every item, for tick state."""
        return tuple((g, i) for g, group in enumerate(self.groups) for i in range(len(group.items)))

    def item(self, key: tuple[int, int]) -> Item:
        return self.groups[key[0]].items[key[1]]


def parse_checklist(source: SourceFile) -> tuple[Checklist | None, list[Problem]]:
    """A checklist from a read file; None when the file has an error."""
    path = source.path
    checklist_id, title, problems = content_header(source, CHECKLIST_KEYS)
    intro = text_value(source, "intro", "", problems)
    lines = source.body.split("\n")
    found, count = first_headings((h for h in headings(lines) if h.level == 2), MAX_HEADINGS)
    if count > MAX_HEADINGS:
        message = translate(
            "content.checklist", "checklist has {count:,} groups; the limit is {limit}"
        ).format(count=count, limit=MAX_HEADINGS)
        return None, [*problems, error(path, source.body_line + found[MAX_HEADINGS].index, message)]
    groups: list[Group] = []
    for number, heading in enumerate(found):
        end = found[number + 1].index if number + 1 < len(found) else len(lines)
        items: list[Item] = []
        notes: list[str] = []
        for offset in range(heading.index + 1, end):
            line = lines[offset]
            item = match_list_item(line)
            task = match_task(item[2]) if item is not None and item[1] in "-*+" else None
            if task is not None:
                ticked, text = task
                if ticked:
                    problems.append(
                        warning(
                            path,
                            source.body_line + offset,
                            translate(
                                "content.checklist", "item is ticked in the file; it is shown unticked"
                            ),
                        )
                    )
                items.append(Item(_CITATION.sub("", text).strip(), source.body_line + offset))
            else:
                notes.append(line)
        urgent = bool(_URGENT.search(heading.attributes))
        note_text = "\n".join(notes).strip()
        if not items and not note_text:
            problems.append(
                warning(
                    path,
                    source.body_line + heading.index,
                    translate("content.checklist", "group '{group}' is empty").format(group=heading.text),
                )
            )
        groups.append(
            Group(
                heading.text,
                slugify(heading.text),
                urgent,
                tuple(items),
                note_text,
                source.body_line + heading.index,
            )
        )
    count = sum(len(group.items) for group in groups)
    if count > MAX_CHECKLIST_ITEMS:
        over = [item.line for group in groups for item in group.items][MAX_CHECKLIST_ITEMS]
        message = translate(
            "content.checklist", "checklist has {count:,} items; the limit is {limit}"
        ).format(count=count, limit=MAX_CHECKLIST_ITEMS)
        problems.append(error(path, over, message))
    if not any(group.items for group in groups):
        problems.append(
            error(
                path,
                source.body_line,
                translate(
                    "content.checklist", "no checklist items: write items as '- [ ] text' under '## ' groups"
                ),
            )
        )
    if any(p.is_error for p in problems):
        return None, problems
    return Checklist(checklist_id, title, intro, tuple(groups), path), problems
