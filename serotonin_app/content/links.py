"""Internal link addresses: ``lesson:ID#anchor``, ``quiz:ID``, ``checklist:ID``, ``glossary:TERM``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

INTERNAL_SCHEMES = frozenset({"lesson", "quiz", "checklist", "glossary"})
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class Target:
    """Where a link points: ``kind`` is an internal scheme, "external", "anchor" or "file"."""

    kind: str
    id: str = ""
    anchor: str = ""
    address: str = ""


def parse_target(href: str) -> Target:
    """Classify a link address; never raises."""
    href = href.strip()
    match = _SCHEME.match(href)
    if href.startswith("#"):
        return Target("anchor", anchor=unquote(href[1:]), address=href)
    if match is None:
        path, _, anchor = href.partition("#")
        return Target("file", id=unquote(path), anchor=unquote(anchor), address=href)
    scheme = match.group(1).lower()
    rest = href[match.end() :]
    if scheme in INTERNAL_SCHEMES:
        target_id, _, anchor = rest.partition("#")
        return Target(scheme, id=unquote(target_id), anchor=unquote(anchor), address=href)
    return Target("external", address=href)
