"""The main window: one tab per lesson, Back/Forward across tabs, a problem bar."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageSize
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from serotonin_app import APP_NAME
from serotonin_app.content.history import History, Location
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.links import parse_target
from serotonin_app.content.problems import Problem
from serotonin_app.ui.checklist_view import ChecklistsPage
from serotonin_app.ui.glossary_view import GlossaryPage
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.link_dialog import ExternalLinkDialog
from serotonin_app.ui.problem_bar import ProblemBar
from serotonin_app.ui.quiz_view import QuizzesPage

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer
    from serotonin_app.printing import Handout


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
        self.preview_dialog: QDialog | None = None
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
            self.quizzes_page.printWorksheetRequested.connect(self._on_worksheet_print)
            self.quizzes_page.printResultsRequested.connect(lambda _session: self._print_current("print"))
            self.tabs.addTab(self.quizzes_page, self.tr("Quizzes"))
        self.checklists_page: ChecklistsPage | None = None
        if library.checklists:
            self.checklists_page = ChecklistsPage(library, self.markdown_html)
            self.checklists_page.printRequested.connect(self._on_checklist_print)
            self.checklists_page.linkActivated.connect(self._on_link_activated)
            self.tabs.addTab(self.checklists_page, self.tr("Checklists"))
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
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.setToolTip(self.tr("Print this page as a handout (Ctrl+P)"))
        self.print_action.triggered.connect(lambda: self._print_current("print"))
        self.preview_action = QAction(self.tr("Print preview…"), self)
        self.preview_action.triggered.connect(lambda: self._print_current("preview"))
        self.pdf_action = QAction(self.tr("Save as PDF…"), self)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.pdf_action.triggered.connect(lambda: self._print_current("pdf"))
        self.forward_action = QAction(self.tr("Forward"), self)
        self.forward_action.setShortcut(QKeySequence("Alt+Right"))
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_action.triggered.connect(self.go_forward)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.preview_action)
        toolbar.addAction(self.pdf_action)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.print_action, self.preview_action, self.pdf_action):
            file_menu.addAction(action)
        for action in (
            self.back_action,
            self.forward_action,
            self.print_action,
            self.preview_action,
            self.pdf_action,
        ):
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
        elif location.kind == "checklist":
            page = self.checklists_page
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
        elif isinstance(page, ChecklistsPage) and location.id:
            page.open_checklist(location.id)
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
        elif isinstance(page, ChecklistsPage):
            self.open_location(Location("checklist", page.checklist.id if page.checklist else ""))

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
        elif target.kind == "checklist":
            self.open_location(Location("checklist", target.id))
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

    # -- printing ------------------------------------------------------------

    def current_handout(self, *, blank: bool = False) -> Handout | None:
        """The handout for what is on screen: lesson, checklist (with ticks), quiz sheet or results."""
        from serotonin_app import printing

        page = self.tabs.currentWidget()
        if isinstance(page, LessonPage):
            return printing.lesson_handout(page.lesson, self.renderer)
        if isinstance(page, ChecklistsPage) and page.checklist is not None:
            ticks = set() if blank else page.ticked()
            return printing.checklist_handout(page.checklist, self.renderer, self.library.settings, ticks)
        if isinstance(page, QuizzesPage) and page.quiz is not None:
            session = page.session
            if session is not None and session.finished:
                return printing.results_handout(session, self.renderer)
            return printing.worksheet_handout(page.quiz, self.renderer)
        return None

    def _print_current(self, how: str, *, blank: bool = False) -> None:
        handout = self.current_handout(blank=blank)
        if handout is not None:
            self.output_handout(handout, how)

    def _on_worksheet_print(self, answer_key: bool) -> None:
        from serotonin_app import printing

        page = self.quizzes_page
        if page is not None and page.quiz is not None:
            handout = printing.worksheet_handout(page.quiz, self.renderer, answer_key=answer_key)
            self.output_handout(handout, "preview")

    def _on_checklist_print(self, blank: bool) -> None:
        self._print_current("print", blank=blank)

    def output_handout(self, handout: Handout, how: str) -> None:
        """Send a handout to the printer ("print"), a preview ("preview") or a PDF file ("pdf")."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        from serotonin_app import printing

        settings = self.library.settings
        if how == "pdf":
            self._save_pdf(handout)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(printing.PAGE_SIZES[printing.default_page_size()]))
        printer.setDocName(handout.title)
        if how == "preview":
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print preview: %1").replace("%1", handout.title))
            dialog.paintRequested.connect(lambda device: printing.paint_handout(handout, settings, device))
            self.preview_dialog = dialog
            dialog.open()
            return
        print_dialog = QPrintDialog(printer, self)
        if print_dialog.exec() == QPrintDialog.DialogCode.Accepted:
            printing.paint_handout(handout, settings, printer)

    def _save_pdf(self, handout: Handout) -> None:
        from serotonin_app import printing

        suggested = str(Path.home() / f"{handout.name}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            printing.write_pdf(handout, self.library.settings, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Could not save the PDF"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)
