"""Section anchors, computed without python-markdown so start-up stays cheap.

The renderer passes :func:`slugify` to python-markdown's ``toc`` extension, so the
anchors the model knows and the ids in the rendered HTML are made by one function.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# Every pattern here runs on text from content packs, so none may try one run of
# characters in several ways before failing: ``(.*?)[ \t]*#*[ \t]*$`` did, and a
# heading followed by 3,000 spaces took 27 seconds. Closing hashes and spaces are
# stripped in code instead, and ``.*$`` after ``[ \t]+`` cannot fail.
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE_MARKS = re.compile(r"[*_`]")
_TAG = re.compile(r"<[^>]+>")


def slugify(value: str, separator: str = "-") -> str:
    """The same rule as python-markdown's default ``toc`` slugify."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def unique(slug: str, used: set[str]) -> str:
    """Make ``slug`` unique the way ``toc`` does (``name``, ``name_1``, ``name_2``...)."""
    candidate = slug or "section"
    counter = 0
    while candidate in used:
        counter += 1
        candidate = f"{slug}_{counter}"
    used.add(candidate)
    return candidate


@dataclass(frozen=True)
class Heading:
    level: int
    #: The heading as a reader sees it: inline Markdown and ``{: attr }`` lists removed.
    text: str
    #: The ``{: ... }`` attribute list, if any (e.g. ``{: .urgent }``).
    attributes: str
    #: 0-based index of the heading line within the text that was scanned.
    index: int


def heading_text(rest: str) -> str:
    """An ATX heading's text after its opening hashes: closing hashes and spaces removed."""
    return rest.rstrip(" \t").rstrip("#").rstrip(" \t")


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
    """Split a raw heading into reader text and its attribute list."""
    raw, attributes = split_attributes(raw)
    text = _INLINE_MARKS.sub("", strip_tags(strip_links(raw)))
    return text.strip(), attributes


def headings(lines: Iterable[str]) -> Iterator[Heading]:
    """ATX headings outside fenced code blocks."""
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0]
            elif marker[0] == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = _ATX.match(line)
        if match:
            text, attributes = plain_heading(heading_text(match.group(2)))
            yield Heading(len(match.group(1)), text, attributes, index)
