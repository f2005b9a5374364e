"""A lesson tab: the section list beside a text view that handles its own links."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape as html_escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from serotonin_app.content.lesson import Lesson
from serotonin_app.content.translations import file_language
from serotonin_app.i18n import is_right_to_left
from serotonin_app.text_direction import set_direction
from serotonin_app.ui.content_browser import ContentBrowser
from serotonin_app.ui.lazy_tab import LazyTab
from serotonin_app.ui.side_pane import SidePaneSplitter
from serotonin_app.ui.style import document_css

ANCHOR_ROLE = Qt.ItemDataRole.UserRole


class LessonView(ContentBrowser):
    """Never follows a link by itself and shows pictures only from the content folders."""

    linkActivated = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, roots: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(roots, parent=parent)
        self.document().setDefaultStyleSheet(document_css())
        self.anchorClicked.connect(self._on_anchor_clicked)

    def show_html(
        self, html: str, base: Path, direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight
    ) -> None:
        """Show a lesson's HTML; its pictures are looked up relative to ``base``, the lesson's folder.

        ``direction`` is the text's, which may differ from the window's: an English lesson
        not yet translated runs left to right in an Arabic window, and an Arabic one right
        to left in an English window.
        """
        self.set_location(base)
        self.setHtml(html)
        set_direction(self.document(), direction)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        # Qt gives the text the window's direction when that changes; the text keeps its own.
        option = self.document().defaultTextOption()
        direction = option.textDirection()
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            option.setTextDirection(direction)
            self.document().setDefaultTextOption(option)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self.linkActivated.emit(url.toString())


class LessonPage(SidePaneSplitter):
    """One tab: section list on the left, lesson text on the right; rendered when first shown."""

    linkActivated = Signal(str)  # noqa: N815
    sectionChosen = Signal(str)  # noqa: N815

    def __init__(self, lesson: Lesson, roots: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson = lesson
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections of %1").replace("%1", lesson.title))
        for section in lesson.sections:
            item = QListWidgetItem(section.title)
            item.setData(ANCHOR_ROLE, section.anchor)
            self.sections.addItem(item)
        self.sections.setSpacing(2)
        self.sections.itemActivated.connect(self._on_section_item)
        self.sections.itemClicked.connect(self._on_section_item)
        self.view = LessonView(roots)
        self.view.setAccessibleName(lesson.title)
        self.view.setAccessibleDescription(lesson.summary)
        self.view.document().setDocumentMargin(18)
        self.view.linkActivated.connect(self.linkActivated)
        self.add_side_list(self.sections)
        self.addWidget(self.view)
        self.setStretchFactor(1, 1)
        self.setSizes([260, 800])
        self.rendered = False
        self.unavailable = False

    @property
    def direction(self) -> Qt.LayoutDirection:
        """The lesson text's direction, from the language of its file."""
        right_to_left = is_right_to_left(file_language(self.lesson.path))
        return Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight

    def show_rendered(self, html: str) -> None:
        self.view.show_html(html, self.lesson.path.parent, self.direction)
        self.rendered = True

    def show_unavailable(self) -> None:
        """A plain message instead of a lesson that cannot be rendered (``check`` says why)."""
        title = html_escape(self.lesson.title)
        message = html_escape(self.tr("This lesson could not be shown. Please tell a member of staff."))
        self.view.show_html(
            f'<h1 class="lesson-title">{title}</h1><p class="unavailable">{message}</p>',
            self.lesson.path.parent,
            self.layoutDirection(),
        )
        self.sections.clear()  # nothing to jump to
        # Marked as rendered too: trying again would only keep the window busy again.
        self.rendered = True
        self.unavailable = True

    def scroll_to(self, anchor: str) -> None:
        if anchor:
            self.view.scrollToAnchor(anchor)
        else:
            self.view.verticalScrollBar().setValue(0)
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            if item.data(ANCHOR_ROLE) == anchor:
                self.sections.setCurrentRow(row)

    def section_shown(self) -> str:
        """The anchor of the section at the top of the view ("" above the first one)."""
        if not self.rendered:
            return ""
        document = self.view.document()
        layout = document.documentLayout()
        top = self.view.verticalScrollBar().value() + 4
        anchors = {section.anchor for section in self.lesson.sections}
        shown = ""
        block = document.begin()
        while block.isValid() and layout.blockBoundingRect(block).top() <= top:
            fragment = block.begin()
            while not fragment.atEnd():
                names = fragment.fragment().charFormat().anchorNames()
                shown = next((name for name in names if name in anchors), shown)
                fragment += 1
            block = block.next()
        return shown

    def back_to_top(self) -> None:
        """The start of the lesson, nothing selected (for the next person)."""
        self.view.verticalScrollBar().setValue(0)
        self.view.setTextCursor(QTextCursor(self.view.document()))
        self.sections.clearSelection()

    def _on_section_item(self, item: QListWidgetItem) -> None:
        self.sectionChosen.emit(str(item.data(ANCHOR_ROLE)))


class LessonTab(LazyTab[LessonPage]):
    """A lesson's tab: its page is built when first needed.

    With hundreds of lessons in a clinic pack, building every page at start-up
    would cost more than the whole window; most are never opened.
    """

    def __init__(
        self,
        lesson: Lesson,
        roots: Sequence[Path],
        on_built: Callable[[LessonPage], None],
        parent: QWidget | None = None,
    ) -> None:
        self.lesson = lesson

        def build() -> LessonPage:
            page = LessonPage(lesson, roots)
            on_built(page)
            return page

        super().__init__(build, parent)

    @property
    def page(self) -> LessonPage:
        return self.content


class LessonPages(Mapping[str, LessonPage]):
    """Lesson pages by id; looking one up builds it."""

    def __init__(self, tabs: dict[str, LessonTab]) -> None:
        self.tabs = tabs

    def __getitem__(self, lesson_id: str) -> LessonPage:
        return self.tabs[lesson_id].page

    def __iter__(self) -> Iterator[str]:
        return iter(self.tabs)

    def __len__(self) -> int:
        return len(self.tabs)

    def built(self) -> list[LessonPage]:
        """Only the pages that exist already (for resets and restyling)."""
        return [page for tab in self.tabs.values() if (page := tab.built_content()) is not None]
