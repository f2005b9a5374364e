"""The few Markdown block rules the content model reads without python-markdown.

Headings, fenced code, list items, the ``## Sources`` section and inline text as a
reader sees it: every parser, the search index and the quality check use these, so
they all agree on what is a heading and where a code block ends. The block rules
follow CommonMark (https://spec.commonmark.org/0.31.2/) for a line on its own; what
a line means inside a list or quote is not worked out here. Standard library only,
so it is cheap to import at start-up.

Every pattern here runs on text from content packs, so none may try one run of
characters in several ways before failing: ``(.*?)[ \\t]*#*[ \\t]*$`` did, and a
heading followed by 3,000 spaces took 27 seconds. Such work is done in code instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from serotonin_app.content.anchors import slugify, unique

#: The anchor of a Sources section, and what its title must slugify to.
SOURCES_ANCHOR = "sources"

# Up to three spaces (a tab is four columns: indented code), 1-6 '#', then a space,
# a tab or the end of the line.
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t](.*))?$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
#: A code block's language as python-markdown's fenced_code reads it.
_INFO_WORD = re.compile(r"[\w#.+-]+")
_LIST_ITEM = re.compile(r"( {0,3})([-*+]|[0-9]{1,9}[.)])[ \t]+(.*)$")
_TASK = re.compile(r"\[([ xX])\][ \t]+(.*)$")
_INLINE_MARKS = re.compile(r"[*_`]")
_TAG = re.compile(r"<[^>]+>")
#: An id in an attribute list, as python-markdown's attr_list reads one: ``#`` then a word.
_EXPLICIT_ID = re.compile(r"[{ \t:]#([^ \t=}]+)")


# -- headings ---------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    #: The heading as a reader sees it: inline Markdown and ``{: attr }`` lists removed.
    text: str
    #: The ``{: ... }`` attribute list, if any (e.g. ``{: .urgent }``).
    attributes: str
    #: 0-based index of the heading line within the lines that were scanned.
    index: int


def heading_text(rest: str) -> str:
    """An ATX heading's content after its opening hashes and the space after them.

    Spaces around it are removed, and so is a closing run of ``#`` when a space
    comes before it, or when it is all there is: ``# foo #`` and ``# foo`` are
    both "foo", ``# foo#`` is "foo#" (CommonMark).
    """
    text = rest.strip(" \t")
    closing = text.rstrip("#")
    if closing == "" or closing[-1] in " \t":
        text = closing.rstrip(" \t")
    return text


def match_heading(line: str) -> tuple[int, str] | None:
    """``(level, raw content)`` when ``line`` is an ATX heading on its own, else None.

    The content still holds inline Markdown and any ``{: attr }`` list; it may be "".
    Lines inside fenced code are not told apart here: :func:`headings` does that.
    """
    match = _ATX.match(line)
    if match is None:
        return None
    return len(match.group(1)), heading_text(match.group(2) or "")


def headings(lines: Iterable[str]) -> Iterator[Heading]:
    """ATX headings outside fenced code blocks, in order."""
    fences = FenceTracker()
    for index, line in enumerate(lines):
        if fences.in_code(line):
            continue
        found = match_heading(line)
        if found is not None:
            level, raw = found
            text, attributes = plain_heading(raw)
            yield Heading(level, text, attributes, index)


def explicit_id(attributes: str) -> str:
    """The ``#id`` in a heading's attribute list (``{: #sources }``), or ""."""
    match = _EXPLICIT_ID.search(attributes)
    return match.group(1) if match else ""


def anchor_of(heading: Heading) -> str:
    """The heading's anchor before it is made unique: its ``{: #id }``, else its slug."""
    return explicit_id(heading.attributes) or slugify(heading.text)


def heading_anchors(found: Sequence[Heading]) -> list[str]:
    """Each heading's anchor, as python-markdown's ``toc`` gives it in the rendered page.

    An ``{: #id }`` is kept as written (a translated lesson uses it to keep an
    anchor the app looks for, such as ``## Fuentes {: #sources }``); other headings
    get their slug, made unique against every anchor, the explicit ones included.
    """
    used = {explicit for heading in found if (explicit := explicit_id(heading.attributes))}
    return [explicit_id(heading.attributes) or unique(slugify(heading.text), used) for heading in found]


def first_headings(found: Iterator[Heading], limit: int) -> tuple[list[Heading], int]:
    """The first ``limit + 1`` headings of ``found``, and how many there are (the rest counted, not kept)."""
    kept = list(islice(found, limit + 1))
    return kept, len(kept) + sum(1 for _ in found)


# -- fenced code ------------------------------------------------------------------


class FenceTracker:
    """Tells, line by line, which lines belong to a fenced code block.

    A fence is three or more backticks or tildes, indented up to three spaces; a
    backtick fence's info string may hold no backtick. The block ends at a line
    of the same character, at least as many, with nothing after them but spaces,
    or at the end of the text.
    """

    def __init__(self) -> None:
        #: The opening fence's run of marks, while inside a block.
        self.fence = ""

    def in_code(self, line: str) -> bool:
        """Whether ``line``, the next line of the text, is part of a code block (fences included)."""
        match = _FENCE.match(line)
        if not self.fence:
            if match is None or (match.group(1)[0] == "`" and "`" in match.group(2)):
                return False
            self.fence = match.group(1)
        elif (
            match is not None
            and match.group(1)[0] == self.fence[0]
            and len(match.group(1)) >= len(self.fence)
            and not match.group(2).strip(" \t")
        ):
            self.fence = ""
        return True


def as_renderer_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` rewritten so python-markdown reads headings and fences as this module does.

    python-markdown (with ``fenced_code``) differs from CommonMark on a line on its
    own: it reads ``#x`` as a heading, not ``   ## x``, wants fences at the start of
    the line, closes a block only with the very same fence, and leaves a fence
    never closed as text. The renderer runs this first, so the anchors the model
    knows are the ids a reader can follow. Line numbers do not change; a closing
    fence may be added after the last line.
    """
    out: list[str] = []
    fences = FenceTracker()
    opening = ""
    for line in lines:
        was_open = bool(fences.fence)
        if fences.in_code(line):
            if not was_open:
                # At the start of the line, and only an info word python-markdown accepts.
                opening = fences.fence
                words = line.lstrip(" ")[len(opening) :].split()
                info = words[0] if words and _INFO_WORD.fullmatch(words[0]) else ""
                out.append(opening + info)
            elif not fences.fence:
                out.append(opening)
            else:
                out.append(line)
            continue
        if match_heading(line) is not None:
            out.append(line.lstrip(" "))
        elif line.startswith("#"):
            out.append("\\" + line)  # "#x": text, as CommonMark reads it
        else:
            out.append(line)
    if fences.fence:
        # Before the blank lines python-markdown adds at the end, or they join the code.
        end = len(out)
        while end > 0 and not out[end - 1].strip():
            end -= 1
        out.insert(end, opening)
    return out


# -- list items -------------------------------------------------------------------


def match_list_item(line: str) -> tuple[str, str, str] | None:
    """``(indent, marker, text)`` for a list item line not indented as code, else None.

    The marker is ``-``, ``*``, ``+`` or up to nine digits and ``.`` or ``)``; a
    space or tab must follow it.
    """
    match = _LIST_ITEM.match(line)
    return (match.group(1), match.group(2), match.group(3)) if match else None


def match_task(item_text: str) -> tuple[bool, str] | None:
    """``(ticked, text)`` for a task-list item's text (``[ ] text``, ``[x] text``), else None."""
    match = _TASK.match(item_text)
    return (match.group(1) in "xX", match.group(2)) if match else None


# -- the Sources section ----------------------------------------------------------


def is_sources_title(text: str) -> bool:
    """Whether a heading's reader text is "Sources" (any case, punctuation ignored)."""
    return slugify(text) == SOURCES_ANCHOR


def is_sources_heading(heading: Heading) -> bool:
    """A heading that starts a Sources section: level 2, anchor ``sources``.

    ``## Sources`` in English; another language keeps the anchor: ``## Fuentes {: #sources }``.
    """
    return heading.level == 2 and anchor_of(heading) == SOURCES_ANCHOR


def sources_sections(lines: Sequence[str], found: Iterable[Heading] | None = None) -> list[range]:
    """The index ranges of every Sources section: its heading up to the next heading of level 1 or 2.

    ``found`` is every heading of ``lines``, when already known.
    """
    sections: list[range] = []
    start: int | None = None
    for heading in headings(lines) if found is None else found:
        if heading.level <= 2:
            if start is not None:
                sections.append(range(start, heading.index))
            start = heading.index if is_sources_heading(heading) else None
    if start is not None:
        sections.append(range(start, len(lines)))
    return sections


def without_sources(lines: Sequence[str], found: Iterable[Heading] | None = None) -> list[str]:
    """``lines`` with every Sources section, heading included, made blank.

    Lines stay where they were, so indexes (and file lines) still match.
    ``found`` is every heading of ``lines``, when already known.
    """
    kept = list(lines)
    for section in sources_sections(lines, found):
        kept[section.start : section.stop] = [""] * len(section)
    return kept


def reading_lines(lines: Sequence[str], found: Iterable[Heading] | None = None) -> list[str]:
    """``lines`` with every heading and Sources section made blank: the running text.

    Lines stay where they were, so indexes (and file lines) still match.
    ``found`` is every heading of ``lines``, when already known.
    """
    found = list(headings(lines) if found is None else found)
    kept = without_sources(lines, found)
    for heading in found:
        kept[heading.index] = ""
    return kept


# -- inline text ------------------------------------------------------------------


def strip_links(text: str, *, images: bool = True, outside: Callable[[str], str] | None = None) -> str:
    """``[label](address)`` (and with ``images`` ``![alt](address)``) replaced by the label.

    ``outside`` is applied to the text between links; labels are kept as written.
    The same as substituting ``!?\\[([^\\]]*)\\]\\([^)]*\\)``, in one pass: that
    pattern rescans to the end of the text from every ``[`` that is not a link.
    """
    keep = outside or (lambda part: part)
    parts: list[str] = []
    copied = search = 0
    while (opening := text.find("[", search)) >= 0:
        closing = text.find("]", opening + 1)
        if closing < 0:
            break
        if not text.startswith("(", closing + 1):
            # Every "[" before this "]" ends at it too, and fails the same way.
            search = closing + 1
            continue
        end = text.find(")", closing + 2)
        if end < 0:
            break
        start = opening - 1 if images and opening > copied and text[opening - 1] == "!" else opening
        parts += [keep(text[copied:start]), text[opening + 1 : closing]]
        copied = search = end + 1
    parts.append(keep(text[copied:]))
    return "".join(parts)


def strip_tags(text: str) -> str:
    """Remove ``<…>`` tags. Only text up to the last ``>`` can hold one, so no ``<`` scans in vain."""
    last = text.rfind(">")
    return _TAG.sub("", text[: last + 1]) + text[last + 1 :]


def split_attributes(raw: str) -> tuple[str, str]:
    """``Title {: .urgent }`` -> (``Title ``, ``{: .urgent }``): a trailing attribute list, if any.

    The list is the last ``{`` … ``}`` with no other ``}`` inside, at the very end.
    """
    stripped = raw.rstrip()
    if not stripped.endswith("}"):
        return raw, ""
    previous = stripped.rfind("}", 0, len(stripped) - 1)
    opening = stripped.find("{", previous + 1, len(stripped) - 1)
    if opening < 0:
        return raw, ""
    return raw[:opening], stripped[opening:]


def plain_heading(raw: str) -> tuple[str, str]:
    """Split a heading's raw content into reader text and its attribute list."""
    raw, attributes = split_attributes(raw)
    text = _INLINE_MARKS.sub("", strip_tags(strip_links(raw)))
    return text.strip(), attributes


def plain_inline(markdown_text: str) -> str:
    """Inline Markdown as a reader sees it, on one line (for buttons, boxes and glossary entries).

    Links and images become their labels, kept as written; emphasis and code marks
    elsewhere are removed, and runs of white space become one space.
    """
    return " ".join(strip_links(markdown_text, outside=lambda text: _INLINE_MARKS.sub("", text)).split())
