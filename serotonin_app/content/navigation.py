"""Where things are: one place record, one way to resolve a link, and Back/Forward history.

"What does this link mean" is decided here once, for the window's link
handler, Back/Forward, search hits and ``check``'s link validation.

Links a lesson may contain:

- ``lesson:ID#anchor``, ``quiz:ID``, ``checklist:ID``, ``glossary:TERM``;
- ``#anchor``: a section of the file the link is in;
- a relative path to another content file, ``addiction.md#withdrawal`` or
  ``../checklists/mood-symptoms.md``: the same as ``lesson:addiction#withdrawal``,
  so links also work when the Markdown is read on its own;
- ``http``, ``https``, ``mailto`` and ``tel`` addresses: shown, never opened.

Anything else (another file, ``file:``, ``javascript:``) leads nowhere, and
``check`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast, get_args
from urllib.parse import unquote

from serotonin_app.content.anchors import slugify
from serotonin_app.content.messages import translate

if TYPE_CHECKING:
    from serotonin_app.content.library import ContentLibrary

Kind = Literal["lesson", "quiz", "checklist", "glossary"]
KINDS: frozenset[str] = frozenset(get_args(Kind))
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def as_kind(value: str) -> Kind:
    """``value`` as a place kind; a programming error if it is not one."""
    if value not in KINDS:
        raise ValueError(f"not a kind of place: {value!r}")
    return cast("Kind", value)


@dataclass(frozen=True)
class Place:
    """A place in the app: a kind of tab, which item in it (a lesson, quiz…), and a section."""

    kind: Kind
    id: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class External:
    """An address outside the app: shown so it can be copied, never opened."""

    address: str


@dataclass(frozen=True)
class Nowhere:
    """A link that leads nowhere, and why (for ``check`` and the status bar)."""

    reason: str


Resolved = Place | External | Nowhere


def resolve(
    href: str,
    library: ContentLibrary | None = None,
    *,
    current: Place | None = None,
    base: Path | None = None,
) -> Resolved:
    """What ``href`` means in the file at ``current`` (folder ``base``); never raises.

    With a library, a place must exist: an unknown lesson, section, quiz,
    checklist or glossary term is ``Nowhere``.
    """
    href = href.strip()
    if not href:
        return Nowhere(translate("content.navigation", "empty link"))
    if href.startswith("#"):
        if current is None or current.kind != "lesson":
            return Nowhere(
                translate("content.navigation", "link to section '{link}' outside a lesson").format(link=href)
            )
        return _checked(Place("lesson", current.id, unquote(href[1:])), library)
    match = _SCHEME.match(href)
    if match is None:
        return _relative(href, library, base)
    scheme = match.group(1).lower()
    rest = href[match.end() :]
    if scheme in KINDS:
        item, _, anchor = rest.partition("#")
        if scheme == "glossary":
            return _checked(Place("glossary", "", unquote(item)), library)
        kind = cast("Kind", scheme)  # one of KINDS, checked just above
        return _checked(Place(kind, unquote(item), unquote(anchor)), library)
    if scheme in EXTERNAL_SCHEMES:
        return External(href)
    return Nowhere(translate("content.navigation", "'{scheme}:' links are not opened").format(scheme=scheme))


def _relative(href: str, library: ContentLibrary | None, base: Path | None) -> Resolved:
    path, _, anchor = href.partition("#")
    if library is None or base is None:
        return Nowhere(translate("content.navigation", "link to file '{file}'").format(file=path))
    try:
        target = (base / unquote(path)).resolve()
    except (OSError, ValueError):  # a NUL byte, a name the system refuses
        return Nowhere(
            translate("content.navigation", "link to file '{file}' that cannot exist").format(file=path)
        )
    if not any(target.is_relative_to(root.resolve()) for root in library.roots):
        return Nowhere(
            translate("content.navigation", "link '{link}' points outside the content folders").format(
                link=href
            )
        )
    for kind, items in (
        ("lesson", library.lessons),
        ("quiz", library.quizzes),
        ("checklist", library.checklists),
    ):
        for item in items:
            if item.path.resolve() == target:
                return _checked(Place(kind, item.id, unquote(anchor)), library)  # type: ignore[arg-type]
    if not target.is_file():
        return Nowhere(translate("content.navigation", "missing file '{file}'").format(file=path))
    message = translate(
        "content.navigation", "link to file '{file}': link to a lesson, quiz or checklist instead"
    )
    return Nowhere(message.format(file=path))


def _checked(place: Place, library: ContentLibrary | None) -> Resolved:
    """The place, or why it is not there."""
    if library is None:
        return place
    if place.kind == "lesson":
        lesson = library.lesson(place.id)
        if lesson is None:
            return Nowhere(
                translate("content.navigation", "link to unknown lesson '{id}'").format(id=place.id)
            )
        if place.anchor and place.anchor not in lesson.anchors:
            message = translate("content.navigation", "link to missing section '#{anchor}' in lesson '{id}'")
            return Nowhere(message.format(anchor=place.anchor, id=place.id))
    elif place.kind == "quiz" and library.quiz(place.id) is None:
        return Nowhere(translate("content.navigation", "link to unknown quiz '{id}'").format(id=place.id))
    elif place.kind == "checklist" and library.checklist(place.id) is None:
        return Nowhere(
            translate("content.navigation", "link to unknown checklist '{id}'").format(id=place.id)
        )
    elif place.kind == "glossary":
        anchor = slugify(place.anchor)
        if anchor not in {term.anchor for term in library.glossary.terms}:
            return Nowhere(
                translate("content.navigation", "link to unknown glossary term '{term}'").format(
                    term=place.anchor
                )
            )
        return Place("glossary", "", anchor)
    return place


class History:
    """Browser-style Back/Forward over places, in memory only: a new place drops the forward list."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._current: Place | None = None

    @property
    def current(self) -> Place | None:
        return self._current

    def visit(self, place: Place) -> None:
        if place == self._current:
            return
        if self._current is not None:
            self._back.append(self._current)
        self._current = place
        self._forward.clear()

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Place | None:
        return self._step(self._back, self._forward)

    def forward(self) -> Place | None:
        return self._step(self._forward, self._back)

    def _step(self, source: list[Place], other: list[Place]) -> Place | None:
        if not source:
            return None
        if self._current is not None:
            other.append(self._current)
        self._current = source.pop()
        return self._current

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self._current = None
