"""The tabs: one per lesson, then Quizzes, Checklists and Glossary, each built when first needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.navigation import Place
from serotonin_app.ui.lazy_tab import LazyTab, Page
from serotonin_app.ui.lesson_view import LessonPage, LessonPages, LessonTab
from serotonin_app.ui.tab_strip import TabStrip

if TYPE_CHECKING:
    from serotonin_app.ui.checklist_view import ChecklistsPage
    from serotonin_app.ui.glossary_view import GlossaryPage
    from serotonin_app.ui.quiz_view import QuizzesPage


class ContentTabs(QObject):
    """Which tab shows which place; the pages themselves are made by the factories handed in.

    Quizzes, Checklists and Glossary are built the first time they are opened, and
    each lesson page the first time it is shown: start-up shows one lesson only.
    """

    def __init__(
        self,
        library: ContentLibrary,
        *,
        lesson_built: Callable[[LessonPage], None],
        quizzes: Callable[[], QuizzesPage],
        checklists: Callable[[], ChecklistsPage],
        glossary: Callable[[], GlossaryPage],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.widget = QTabWidget()
        self.widget.setAccessibleName(self.tr("Lessons"))
        self.widget.setDocumentMode(True)
        self.strip = TabStrip(self.widget)
        self.lessons: dict[str, LessonTab] = {}
        for lesson in library.lessons:
            tab = LessonTab(lesson, library.roots, lesson_built)
            self.lessons[lesson.id] = tab
            index = self.widget.addTab(tab, lesson.title)
            self.widget.setTabToolTip(index, lesson.summary)
            self.strip.add(index)
        #: Lesson pages by id; looking one up builds it.
        self.pages = LessonPages(self.lessons)
        self.quizzes = self._add(LazyTab(quizzes), bool(library.quizzes), self.tr("Quizzes"))
        self.checklists = self._add(LazyTab(checklists), bool(library.checklists), self.tr("Checklists"))
        self.glossary = self._add(LazyTab(glossary), bool(library.glossary.terms), self.tr("Glossary"))

    def _add(self, tab: LazyTab[Page], present: bool, title: str) -> LazyTab[Page] | None:
        if not present:
            return None
        self.strip.add(self.widget.addTab(tab, title))
        return tab

    # -- the pages, typed (building them if needed) ---------------------------------

    @property
    def quizzes_page(self) -> QuizzesPage | None:
        return self.quizzes.content if self.quizzes is not None else None

    @property
    def checklists_page(self) -> ChecklistsPage | None:
        return self.checklists.content if self.checklists is not None else None

    @property
    def glossary_page(self) -> GlossaryPage | None:
        return self.glossary.content if self.glossary is not None else None

    # -- what is where -------------------------------------------------------------

    def tab_for(self, place: Place) -> QWidget | None:
        if place.kind == "lesson":
            return self.lessons.get(place.id)
        return {"quiz": self.quizzes, "checklist": self.checklists, "glossary": self.glossary}[place.kind]

    def current_page(self) -> LessonPage | None:
        """The lesson page on screen, if a lesson tab is current."""
        tab = self.widget.currentWidget()
        return tab.page if isinstance(tab, LessonTab) else None

    def current_content(self) -> QWidget | None:
        """What the current tab shows (building it if needed)."""
        tab = self.widget.currentWidget()
        return tab.content if isinstance(tab, LazyTab) else tab

    def is_current(self, tab: LazyTab[Page] | None) -> bool:
        return tab is not None and tab is self.widget.currentWidget()

    def place_shown(self) -> Place | None:
        """The place the current tab shows: a lesson, or the quiz or checklist open in its tab."""
        tab = self.widget.currentWidget()
        if isinstance(tab, LessonTab):
            return Place("lesson", tab.lesson.id)
        if self.quizzes is not None and tab is self.quizzes:
            quiz = self.quizzes.content.quiz
            return Place("quiz", quiz.id if quiz else "")
        if self.checklists is not None and tab is self.checklists:
            checklist = self.checklists.content.checklist
            return Place("checklist", checklist.id if checklist else "")
        if self.glossary is not None and tab is self.glossary:
            return Place("glossary", "")
        return None

    def show_session(self) -> None:
        """After the session's reset: every built page shows it; tabs never opened stay unbuilt."""
        for tab in (self.quizzes, self.checklists, self.glossary):
            page = tab.built_content() if tab is not None else None
            if page is not None:
                page.show_session()
        for lesson in self.pages.built():
            lesson.back_to_top()

    # -- moving between tabs ---------------------------------------------------------

    def show(self, tab: QWidget) -> None:
        """Make ``tab`` current without reporting a tab change (the caller records the place)."""
        self.widget.blockSignals(True)
        self.widget.setCurrentWidget(tab)
        self.widget.blockSignals(False)
        self.strip.sync()
        self._focus_into(tab)

    def step(self, step: int) -> None:
        count = self.widget.count()
        if count:
            self.widget.setCurrentIndex((self.widget.currentIndex() + step) % count)

    def go_to(self, index: int) -> None:
        if index < self.widget.count():
            self.widget.setCurrentIndex(index)

    def _focus_into(self, tab: QWidget) -> None:
        """Keys go to the tab on screen, not to a search box or a tab that was left."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is tab or tab.isAncestorOf(focus)):
            return
        if isinstance(tab, LessonTab):
            tab.page.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.quizzes is not None and tab is self.quizzes:
            self.quizzes.content.focus_current()
        elif isinstance(tab, LazyTab):
            tab.content.setFocus(Qt.FocusReason.OtherFocusReason)
