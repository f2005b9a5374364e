"""A tab whose page is built the first time it is needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from serotonin_app.ui.input_watch import paused

Page = TypeVar("Page", bound=QWidget)


class LazyTab(QWidget, Generic[Page]):
    """Holds the place of a page in the tab widget until ``factory`` builds it.

    Start-up shows one lesson only: the other tabs, and every lesson in a large
    clinic pack, cost nothing until someone opens them. ``content`` is typed, so
    callers get the page's own class without casts.
    """

    def __init__(self, factory: Callable[[], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    @property
    def content(self) -> Page:
        """The page, built now if it was not yet."""
        if self._content is None:
            with paused():  # building a page is hundreds of events, none of them input
                self._content = self._factory()
            self._layout.addWidget(self._content)
            if self.isVisible():  # a layout would only show it on the next event
                self._content.show()
        return self._content

    def built_content(self) -> Page | None:
        """The page if it exists already; never builds it (for resets and restyling)."""
        return self._content
