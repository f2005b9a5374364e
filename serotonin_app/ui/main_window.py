"""The main window: one tab per lesson, Back/Forward across tabs, a problem bar."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QVBoxLayout, QWidget

from serotonin_app import APP_NAME
from serotonin_app.content.history import History, Location
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.links import parse_target
from serotonin_app.content.problems import Problem
from serotonin_app.ui.glossary_view import GlossaryPage
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.link_dialog import ExternalLinkDialog
from serotonin_app.ui.problem_bar import ProblemBar
from serotonin_app.ui.quiz_view import QuizzesPage

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer


class MainWindow(QMainWindow):
    """Shows the library; all content comes from the model handed in by ``cli``."""

    locationChanged = Signal(object)  # noqa: N815 - Location

    def __init__(
        self,
        library: ContentLibrary,
        problems: Sequence[Problem] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.history = History()
        self._renderer: Renderer | None = None
        self.link_dialog: ExternalLinkDialog | None = None
        self.setWindowTitle(self.tr(APP_NAME))
        self.resize(1100, 760)

        self.problem_bar = ProblemBar(problems)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Lessons"))
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, LessonPage] = {}
        for lesson in library.lessons:
            page = LessonPage(lesson, library.roots)
            page.linkActivated.connect(self._on_link_activated)
            page.sectionChosen.connect(self._on_section_chosen)
            self.pages[lesson.id] = page
            index = self.tabs.addTab(page, lesson.title)
            self.tabs.setTabToolTip(index, lesson.summary)
        self.quizzes_page: QuizzesPage | None = None
        if library.quizzes:
            self.quizzes_page = QuizzesPage(library, self.markdown_html)
            self.quizzes_page.linkActivated.connect(self._on_link_activated)
            self.tabs.addTab(self.quizzes_page, self.tr("Quizzes"))
        self.glossary_page: GlossaryPage | None = None
        if library.glossary.terms:
            self.glossary_page = GlossaryPage(library.glossary)
            self.tabs.addTab(self.glossary_page, self.tr("Glossary"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.problem_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self.help_label = QLabel(self._help_text())
        self.help_label.setAccessibleName(self.tr("Clinic and emergency number"))
        self.statusBar().addPermanentWidget(self.help_label, 1)
        if library.lessons:
            self.history.visit(Location("lesson", library.lessons[0].id))
        self._update_actions()

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.back_action = QAction(self.tr("Back"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(self.tr("Forward"), self)
        self.forward_action.setShortcut(QKeySequence("Alt+Right"))
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_action.triggered.connect(self.go_forward)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        for action in (self.back_action, self.forward_action):
            widget = toolbar.widgetForAction(action)
            if widget is not None:
                widget.setAccessibleName(action.text())

    def _help_text(self) -> str:
        settings = self.library.settings
        emergency = self.tr("In an emergency, call %1.").replace("%1", settings.emergency_number)
        clinic = " · ".join(part for part in (settings.name, settings.phone) if part)
        return f"{clinic}  ·  {emergency}" if clinic else emergency

    # -- rendering ---------------------------------------------------------

    @property
    def renderer(self) -> Renderer:
        """Created on first use so python-markdown stays off the start-up path."""
        if self._renderer is None:
            from serotonin_app.content.render import Renderer

            self._renderer = Renderer(self.library.glossary)
        return self._renderer

    def markdown_html(self, text: str) -> str:
        return self.renderer.markdown(text).html if text else ""

    def ensure_rendered(self, page: LessonPage) -> None:
        if not page.rendered:
            page.show_rendered(self.renderer.lesson(page.lesson).html + self._quiz_links(page.lesson.id))

    def _quiz_links(self, lesson_id: str) -> str:
        """A "Test yourself" line after the lesson, for each quiz that belongs to it."""
        links = [
            f'<a href="quiz:{html.escape(quiz.id)}">{html.escape(quiz.title)}</a>'
            for quiz in self.library.quizzes_for(lesson_id)
        ]
        if not links:
            return ""
        label = html.escape(self.tr("Test yourself:"))
        return f'<p class="quiz-link"><b>{label}</b> {" · ".join(links)}</p>'

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        # Paint the window first, then fill in the visible lesson.
        QTimer.singleShot(0, self, self._render_current)

    def _render_current(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, LessonPage):
            self.ensure_rendered(page)

    # -- navigation --------------------------------------------------------

    def current_page(self) -> LessonPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, LessonPage) else None

    def open_location(self, location: Location, *, record: bool = True) -> bool:
        """Show a place; with ``record``, it becomes a step in Back/Forward."""
        page: QWidget | None = None
        if location.kind == "lesson":
            page = self.pages.get(location.id)
        elif location.kind == "glossary":
            page = self.glossary_page
        elif location.kind == "quiz":
            page = self.quizzes_page
        if page is None:
            return False
        if record:
            self.history.visit(location)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(page)
        self.tabs.blockSignals(False)
        if isinstance(page, LessonPage):
            self.ensure_rendered(page)
            lesson_page = page
            lesson_page.scroll_to(location.anchor)
            # The page may not have its final size until the event loop runs.
            QTimer.singleShot(0, page, lambda: lesson_page.scroll_to(location.anchor))
        elif isinstance(page, QuizzesPage) and location.id:
            page.open_quiz(location.id)
        elif isinstance(page, GlossaryPage) and location.anchor:
            glossary_page = page
            glossary_page.show_term(location.anchor)
            QTimer.singleShot(0, page, lambda: glossary_page.view.scrollToAnchor(location.anchor))
        self._update_actions()
        self.locationChanged.emit(location)
        return True

    def go_back(self) -> None:
        location = self.history.back()
        if location is not None:
            self.open_location(location, record=False)
        self._update_actions()

    def go_forward(self) -> None:
        location = self.history.forward()
        if location is not None:
            self.open_location(location, record=False)
        self._update_actions()

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, LessonPage):
            self.open_location(Location("lesson", page.lesson.id))
        elif isinstance(page, GlossaryPage):
            self.open_location(Location("glossary", ""))
        elif isinstance(page, QuizzesPage):
            self.open_location(Location("quiz", page.quiz.id if page.quiz else ""))

    def _on_section_chosen(self, anchor: str) -> None:
        page = self.current_page()
        if page is not None:
            self.open_location(Location("lesson", page.lesson.id, anchor))

    def _on_link_activated(self, href: str) -> None:
        target = parse_target(href)
        page = self.current_page()
        if target.kind == "lesson":
            self.open_location(Location("lesson", target.id, target.anchor))
        elif target.kind == "anchor" and page is not None:
            self.open_location(Location("lesson", page.lesson.id, target.anchor))
        elif target.kind == "quiz":
            self.open_location(Location("quiz", target.id))
        elif target.kind == "glossary":
            self.open_location(Location("glossary", "", target.id))
        elif target.kind == "external":
            self.show_external_link(target.address)

    def show_external_link(self, address: str) -> None:
        """Never open or fetch: show the address so the reader can copy it."""
        self.link_dialog = ExternalLinkDialog(address, self)
        self.link_dialog.open()
