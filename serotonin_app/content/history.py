"""Back/Forward history across tabs, kept in memory only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in the app: a tab kind and id, and an optional anchor in it."""

    kind: str
    id: str
    anchor: str = ""


class History:
    """A browser-style history: visiting a new place drops the forward list."""

    def __init__(self) -> None:
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self._current: Location | None = None

    @property
    def current(self) -> Location | None:
        return self._current

    def visit(self, location: Location) -> None:
        if location == self._current:
            return
        if self._current is not None:
            self._back.append(self._current)
        self._current = location
        self._forward.clear()

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Location | None:
        if not self._back:
            return None
        if self._current is not None:
            self._forward.append(self._current)
        self._current = self._back.pop()
        return self._current

    def forward(self) -> Location | None:
        if not self._forward:
            return None
        if self._current is not None:
            self._back.append(self._current)
        self._current = self._forward.pop()
        return self._current

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self._current = None
