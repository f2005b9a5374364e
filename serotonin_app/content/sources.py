"""The sources a file lists under its ``## Sources`` heading, as plain text. No Qt.

Keys such as ``S12`` are numbered per file: a content pack may start again at
``S1``, so a source is only ever looked up in the file that cites it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from serotonin_app.content.markdown_text import match_list_item, sources_sections

_CONTINUATION = re.compile(r"^(?:[ \t]{2,})(\S.*)$")
#: ``**S12**``, ``[S12]`` or ``S12:`` at the start of an item; ``[text](url)`` is a link, not a key.
_KEY = re.compile(r"^(?:\*\*([^*\s]+?)\*\*|\[([^\]\s]+)\](?!\()|([A-Z]\d+):)[ \t]*:?[ \t]*")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_MARKS = re.compile(r"\*+|`")
# Review notes copied from FACTS.md, e.g. "(abstract read)", "(page read; secondary)"
# or "[unverified]": they record how a source was checked and mean nothing to a reader.
_REVIEW_NOTE = re.compile(
    r"[ \t]*\((?=[^()]*\b(?:read|seen|secondary|unverified)\b)[^()]*\)|[ \t]*\[unverified\]",
    re.IGNORECASE,
)


class Source(NamedTuple):
    """One listed source: its key as written (``S12``, or "" when it has none) and its text."""

    key: str
    text: str


def _spelled_link(match: re.Match[str]) -> str:
    label, address = match.group(1), match.group(2)
    return address if label.strip() in ("", address) else f"{label} {address}"


def source_text(markdown: str) -> str:
    """A source's Markdown as a reader sees it: links spelled out, review notes dropped."""
    text = _REVIEW_NOTE.sub("", markdown)
    text = _AUTOLINK.sub(r"\1", text)
    text = _LINK.sub(_spelled_link, text)
    text = _MARKS.sub("", text)
    return " ".join(text.split())


def parse_sources(body: str) -> tuple[Source, ...]:
    """The list items in the first ``## Sources`` section of a Markdown body, in file order."""
    lines = body.split("\n")
    sections = sources_sections(lines)
    if not sections:
        return ()
    items: list[list[str]] = []
    current: list[str] | None = None
    after_blank = False
    for line in lines[sections[0].start + 1 : sections[0].stop]:
        item = match_list_item(line)
        if item:
            current = [item[2]]
            items.append(current)
        elif current is not None and (continuation := _CONTINUATION.match(line)):
            current.append(continuation.group(1))
        elif current is not None and line.strip() and not after_blank:
            current.append(line.strip())  # Markdown's lazy continuation line
        elif line.strip():
            current = None  # a paragraph between items ends the item before it
        after_blank = not line.strip()
    sources: list[Source] = []
    for parts in items:
        raw = " ".join(parts).strip()
        if not raw:
            continue
        key_match = _KEY.match(raw)
        key = next((g for g in key_match.groups() if g), "") if key_match else ""
        text = source_text(raw[key_match.end() :] if key_match else raw)
        if key or text:
            sources.append(Source(key, text))
    return tuple(sources)


#: The marks content/render.py makes from ``[S12]``, with the space before them.
_CITATION_MARK = re.compile(r'\s*<sup class="cite">[^<]*</sup>')


def strip_citation_marks(html: str) -> str:
    """Rendered HTML without the ``[S12]`` marks: they are for staff, and unreadable on paper.

    The ``## Sources`` list stays; only the marks in the text go.
    """
    return _CITATION_MARK.sub("", html)
