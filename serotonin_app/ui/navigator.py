"""Going places: links, Back/Forward, tab changes, section lists and search hits.

Every route into a place ends in :meth:`Navigator.open`, and what an ``href``
means is decided once, by :func:`serotonin_app.content.navigation.resolve`
(which ``check`` uses too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextFragment

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.navigation import External, History, Place, as_kind, resolve
from serotonin_app.ui.content_tabs import ContentTabs
from serotonin_app.ui.lesson_view import LessonPage, LessonTab

if TYPE_CHECKING:
    from serotonin_app.content.search import Hit


class Navigator(QObject):
    """Opens places in the tabs and keeps the session's Back/Forward history."""

    #: Back or Forward became possible or impossible.
    historyChanged = Signal()  # noqa: N815

    def __init__(
        self,
        library: ContentLibrary,
        tabs: ContentTabs,
        history: History,
        *,
        ensure_rendered: Callable[[LessonPage], None],
        show_external: Callable[[str], None],
        tell: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.tabs = tabs
        self.history = history
        self._ensure_rendered = ensure_rendered
        self._show_external = show_external
        self._tell = tell
        tabs.widget.currentChanged.connect(self._on_tab_changed)

    def open(self, place: Place, *, record: bool = True) -> bool:
        """Show a place; with ``record``, it becomes a step in Back/Forward."""
        tab = self.tabs.tab_for(place)
        if tab is None:
            return False
        if record:
            self.history.visit(place)
        self.tabs.show(tab)
        if isinstance(tab, LessonTab):
            page = tab.page
            self._ensure_rendered(page)
            page.scroll_to(place.anchor)
            # The page may not have its final size until the event loop runs.
            QTimer.singleShot(0, page, lambda: page.scroll_to(place.anchor))
        elif tab is self.tabs.quizzes and place.id:
            self.tabs.quizzes.content.open_quiz(place.id)
        elif tab is self.tabs.checklists and place.id:
            self.tabs.checklists.content.open_checklist(place.id)
        elif tab is self.tabs.glossary and place.anchor:
            glossary = self.tabs.glossary.content
            glossary.show_term(place.anchor)
            QTimer.singleShot(0, glossary, lambda: glossary.view.scrollToAnchor(place.anchor))
        self.historyChanged.emit()
        return True

    def back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.open(place, record=False)
        self.historyChanged.emit()

    def forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.open(place, record=False)
        self.historyChanged.emit()

    def restart(self, first: Place | None) -> None:
        """After the session's reset: show ``first``, already the history's only step."""
        if first is not None:
            self.open(first, record=False)
        self.historyChanged.emit()

    # -- where the routes come in ------------------------------------------------------

    def _on_tab_changed(self, _index: int) -> None:
        place = self.tabs.place_shown()
        if place is not None:
            self.open(place)

    def open_section(self, anchor: str) -> None:
        page = self.tabs.current_page()
        if page is not None:
            self.open(Place("lesson", page.lesson.id, anchor))

    def follow_link(self, href: str) -> None:
        """A link clicked in a lesson, quiz or checklist: resolved relative to the lesson on screen."""
        page = self.tabs.current_page()
        here = Place("lesson", page.lesson.id) if page is not None else None
        base = page.lesson.path.parent if page is not None else None
        resolved = resolve(href, self.library, current=here, base=base)
        if isinstance(resolved, Place):
            self.open(resolved)
        elif isinstance(resolved, External):
            self._show_external(resolved.address)
        else:
            self._tell(self.tr("This link does not lead anywhere."))

    def open_hit(self, hit: Hit) -> None:
        """Open a search result at its place and select the matched words."""
        entry = hit.entry
        self.open(Place(as_kind(entry.kind), entry.id, entry.anchor))
        page = self.tabs.current_page()
        if entry.kind == "lesson" and page is not None and hit.match:
            _select_after_anchor(page, entry.anchor, hit.match)


def _select_after_anchor(page: LessonPage, anchor: str, text: str) -> None:
    document = page.view.document()
    block = document.begin()
    start = 0
    while block.isValid():
        if anchor in block.charFormat().anchorNames() or any(
            anchor in fragment.charFormat().anchorNames() for fragment in _fragments(block)
        ):
            start = block.position()
            break
        block = block.next()
    cursor = document.find(text, start)
    if not cursor.isNull():
        page.view.setTextCursor(cursor)
        page.view.ensureCursorVisible()
        page.view.setFocus()


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    return fragments
