"""Section anchors, computed without python-markdown so start-up stays cheap.

The renderer passes :func:`slugify` to python-markdown's ``toc`` extension, so the
anchors the model knows and the ids in the rendered HTML are made by one function.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
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


def plain_heading(raw: str) -> tuple[str, str]:
    """Split a raw heading into reader text and its attribute list."""
    attributes = ""
    match = _ATTR_LIST.search(raw)
    if match and match.group(0).strip().startswith("{"):
        attributes = match.group(0).strip()
        raw = raw[: match.start()]
    text = _LINK.sub(r"\1", raw)
    text = _TAG.sub("", text)
    text = _INLINE_MARKS.sub("", text)
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
            text, attributes = plain_heading(match.group(2))
            yield Heading(len(match.group(1)), text, attributes, index)
