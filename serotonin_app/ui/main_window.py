"""The main window: one tab per lesson, Back/Forward across tabs, a problem bar."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextCursor,
    QTextFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from serotonin_app import APP_NAME
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.navigation import External, History, Kind, Place, as_kind, resolve
from serotonin_app.content.problems import Problem
from serotonin_app.content.render_cache import RenderCache
from serotonin_app.content.sources import strip_citation_marks
from serotonin_app.resources import bundled_resources
from serotonin_app.ui.commands import QUIZ_KEYS, WINDOW_KEYS, Command, CommandTable, bind_keys
from serotonin_app.ui.find_bar import FindBar
from serotonin_app.ui.help_dialogs import about_dialog, shortcuts_dialog
from serotonin_app.ui.idle import IdleWatcher
from serotonin_app.ui.lesson_view import LazyTab, LessonPage, LessonPages, LessonTab
from serotonin_app.ui.link_dialog import ExternalLinkDialog
from serotonin_app.ui.output_kind import Output
from serotonin_app.ui.problem_bar import ProblemBar
from serotonin_app.ui.search_panel import SearchPanel
from serotonin_app.ui.style import document_css
from serotonin_app.ui.tab_strip import TabStrip
from serotonin_app.ui.view_settings import DEFAULT_ZOOM, ViewSettings, zoom_step

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer
    from serotonin_app.content.search import Hit
    from serotonin_app.printing import Handout
    from serotonin_app.ui.checklist_view import ChecklistsPage
    from serotonin_app.ui.glossary_view import GlossaryPage
    from serotonin_app.ui.handout_output import HandoutOutput
    from serotonin_app.ui.quiz_view import QuizzesPage


#: Leaves kiosk mode; written in the README for staff.
STAFF_EXIT = "Ctrl+Alt+Shift+Q"


class MainWindow(QMainWindow):
    """Shows the library; all content comes from the model handed in by ``cli``."""

    # Made from the command table (ui/commands.py).
    new_session_action: QAction
    print_action: QAction
    preview_action: QAction
    pdf_action: QAction
    quit_action: QAction
    back_action: QAction
    forward_action: QAction
    search_action: QAction
    find_action: QAction
    next_tab_action: QAction
    previous_tab_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    contrast_action: QAction
    sources_action: QAction
    shortcuts_action: QAction
    about_action: QAction

    locationChanged = Signal(object)  # noqa: N815 - Place

    def __init__(
        self,
        library: ContentLibrary,
        problems: Sequence[Problem] = (),
        parent: QWidget | None = None,
        *,
        preferences: QSettings | None = None,
        kiosk: bool = False,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.problems = list(problems)
        self.kiosk = kiosk
        #: Only harmless preferences live here: zoom and window geometry.
        self.preferences = preferences if preferences is not None else QSettings()
        self._leaving = False
        self.history = History()
        # Bundled lessons come pre-rendered; see content/render_cache.py.
        self.render_cache = RenderCache(bundled_resources())
        self._renderer: Renderer | None = None
        self.link_dialog: ExternalLinkDialog | None = None
        self.help_dialog: QDialog | None = None
        self.setWindowTitle(self.tr(APP_NAME))
        self.resize(1100, 760)

        self.problem_bar = ProblemBar(problems)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Lessons"))
        self.tabs.setDocumentMode(True)
        self.tab_strip = TabStrip(self.tabs)
        self.lesson_tabs: dict[str, LessonTab] = {}
        for lesson in library.lessons:
            tab = LessonTab(lesson, library.roots, self._connect_page)
            self.lesson_tabs[lesson.id] = tab
            index = self.tabs.addTab(tab, lesson.title)
            self.tabs.setTabToolTip(index, lesson.summary)
            self.tab_strip.add(index)
        self.pages = LessonPages(self.lesson_tabs)
        # The other tabs are built when first opened: start-up shows one lesson only.
        self.lazy_tabs: dict[Kind, LazyTab] = {}
        tabs: tuple[tuple[Kind, str, bool, Callable[[], QWidget]], ...] = (
            ("quiz", self.tr("Quizzes"), bool(library.quizzes), self._make_quizzes),
            ("checklist", self.tr("Checklists"), bool(library.checklists), self._make_checklists),
            ("glossary", self.tr("Glossary"), bool(library.glossary.terms), self._make_glossary),
        )
        for kind, title, present, factory in tabs:
            if present:
                self.lazy_tabs[kind] = LazyTab(factory)
                self.tab_strip.add(self.tabs.addTab(self.lazy_tabs[kind], title))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.search_panel = SearchPanel(library)
        self.search_panel.hitChosen.connect(self.open_hit)
        self.find_bar = FindBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.problem_bar)
        layout.addWidget(self.search_panel)
        layout.addWidget(self.tab_strip)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self._build_commands()
        self.help_label = QLabel(self._help_text())
        # Clinic settings are plain text: as rich text a pack could hide or fake the number.
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setAccessibleName(self.tr("Clinic and emergency number"))
        self.statusBar().addPermanentWidget(self.help_label, 1)
        if library.lessons:
            self.history.visit(Place("lesson", library.lessons[0].id))
        self._update_actions()
        self.idle: IdleWatcher | None = None
        if library.settings.idle_reset_minutes > 0:
            self.idle = IdleWatcher(self, round(library.settings.idle_reset_minutes * 60_000))
            self.idle.timedOut.connect(self.new_session)
        self._output: HandoutOutput | None = None
        default_zoom = library.settings.default_zoom
        self.view_settings = ViewSettings(
            self,
            self.preferences,
            self.contrast_action,
            self.zoom_in_action,
            self.zoom_out_action,
            default_zoom=DEFAULT_ZOOM if default_zoom is None else zoom_step(default_zoom),
        )
        self.view_settings.schemeChanged.connect(self.problem_bar.set_scheme)
        if self.idle is not None:
            self.view_settings.schemeChanged.connect(self.idle.notice.set_scheme)
        self._restore_preferences()
        self.view_settings.apply_scheme()
        if kiosk:
            self._enter_kiosk()

    def _command_list(self) -> list[Command]:
        """Every window command, in menu and toolbar order."""
        zoom = self.set_zoom

        def output(how: Output) -> Callable[[], None]:
            return lambda: self._print_current(how)

        # Table order is toolbar order; each menu lists its own commands in this order.
        return [
            Command("back", self.tr("Back"), self.go_back, ("Alt+Left",), "go", toolbar=True),
            Command("forward", self.tr("Forward"), self.go_forward, ("Alt+Right",), "go", toolbar=True),
            Command("new_session", self.tr("New session"), self.new_session, ("Ctrl+Shift+N",), "file",
                    toolbar=True, separated=True, tip=self.tr("Clear everything for the next person")),
            Command("print", self.tr("Print…"), output(Output.PRINT), ("Ctrl+P",), "file", toolbar=True,
                    separated=True),
            Command("preview", self.tr("Print preview…"), output(Output.PREVIEW), (), "file"),
            Command("pdf", self.tr("Save as PDF…"), output(Output.PDF), ("Ctrl+Shift+S",), "file",
                    toolbar=True),
            Command("quit", self.tr("Quit"), self.close, ("Ctrl+Q",), "file", separated=True),
            Command("search", self.tr("Search…"), self.focus_search, ("Ctrl+K",), "go"),
            Command("find", self.tr("Find in lesson…"), self.open_find, ("Ctrl+F",), "go"),
            Command("next_tab", self.tr("Next tab"), lambda: self._step_tab(1), ("Ctrl+Tab",), "go"),
            Command("previous_tab", self.tr("Previous tab"), lambda: self._step_tab(-1),
                    ("Ctrl+Shift+Tab",), "go"),
            Command("zoom_in", self.tr("Zoom in"), lambda: zoom(self.view_settings.zoom + 1),
                    ("Ctrl+=", "Ctrl++"), "view"),
            Command("zoom_out", self.tr("Zoom out"), lambda: zoom(self.view_settings.zoom - 1),
                    ("Ctrl+-",), "view"),
            Command("zoom_reset", self.tr("Normal size"), lambda: zoom(self.view_settings.default_zoom),
                    ("Ctrl+0",), "view"),
            # Not saved, and off again for each new person.
            Command("sources", self.tr("Show sources"), self._on_sources_toggled, (), "view", checkable=True,
                    separated=True),
            # ViewSettings listens to its toggled signal.
            Command("contrast", self.tr("High contrast"), lambda: None, (), "view", checkable=True),
            Command("shortcuts", self.tr("Keyboard shortcuts"), self.show_shortcuts, ("F1",), "help"),
            Command("about", self.tr("About Serotonin Lessons"), self.show_about, (), "help"),
        ]  # fmt: skip

    def _build_commands(self) -> None:
        self.commands = CommandTable(self, self._command_list())
        for name, action in self.commands.actions.items():
            setattr(self, f"{name}_action", action)
        bind_keys(self, WINDOW_KEYS, {"tab": lambda keys: self._go_to_tab(int(keys[-1]) - 1)}, page=False)
        staff = QShortcut(QKeySequence(STAFF_EXIT), self)
        staff.activated.connect(self.staff_exit)
        menus = {
            "file": self.tr("&File"),
            "go": self.tr("&Go"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
        }
        self.commands.build_menus(self.menuBar(), menus)
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        # Its context menu could hide it for the next person; New session shows it again anyway.
        toolbar.toggleViewAction().setEnabled(False)
        self.toolbar = toolbar
        self.addToolBar(toolbar)
        self.commands.build_toolbar(toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_panel.box)

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

    def _make_quizzes(self) -> QWidget:
        from serotonin_app.ui.quiz_view import QuizzesPage

        page = QuizzesPage(self.library, self.markdown_html)
        page.linkActivated.connect(self._on_link_activated)
        page.printWorksheetRequested.connect(self._on_worksheet_print)
        # Answer keys are for staff: a patient at a kiosk must not print or preview one.
        page.key_button.setVisible(not self.kiosk)
        page.printResultsRequested.connect(lambda _session: self._print_current(Output.PRINT))
        return self._styled(page)

    def _make_checklists(self) -> QWidget:
        from serotonin_app.ui.checklist_view import ChecklistsPage

        page = ChecklistsPage(self.library, self.markdown_html)
        page.set_scheme(self.view_settings.scheme)
        self.view_settings.schemeChanged.connect(page.set_scheme)
        page.printRequested.connect(self._on_checklist_print)
        page.linkActivated.connect(self._on_link_activated)
        return self._styled(page)

    def _make_glossary(self) -> QWidget:
        from serotonin_app.ui.glossary_view import GlossaryPage

        return self._styled(GlossaryPage(self.library.glossary))

    def _styled(self, page: QWidget) -> QWidget:
        self.view_settings.restyle(page)
        return page

    def _lazy(self, kind: Kind, built_only: bool = False) -> QWidget | None:
        tab = self.lazy_tabs.get(kind)
        if tab is None or (built_only and not tab.built):
            return None
        return tab.content

    @property
    def quizzes_page(self) -> QuizzesPage | None:
        return cast("QuizzesPage | None", self._lazy("quiz"))

    @property
    def checklists_page(self) -> ChecklistsPage | None:
        return cast("ChecklistsPage | None", self._lazy("checklist"))

    @property
    def glossary_page(self) -> GlossaryPage | None:
        return cast("GlossaryPage | None", self._lazy("glossary"))

    def current_content(self) -> QWidget | None:
        """What the current tab shows (building it if needed)."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, LessonTab):
            return tab.page
        if isinstance(tab, LazyTab):
            return tab.content
        return tab

    def _connect_page(self, page: LessonPage) -> None:
        page.linkActivated.connect(self._on_link_activated)
        page.sectionChosen.connect(self._on_section_chosen)
        page.view.document().setDefaultStyleSheet(document_css(self.scheme))

    def ensure_rendered(self, page: LessonPage) -> None:
        if not page.rendered:
            lesson = page.lesson
            body = self.render_cache.lesson_html(lesson, self.library.glossary)
            if body is None:
                from serotonin_app.content.render import RenderTooComplexError

                try:
                    body = self.renderer.lesson(lesson).html
                except RenderTooComplexError:
                    # Too slow or too deep to render: a message, not a frozen window (check says why).
                    page.show_unavailable()
                    return
            if not self.sources_action.isChecked():
                body = strip_citation_marks(body)  # citation marks are for staff: View → Show sources
            page.show_rendered(self._reading_time(body, lesson.reading_minutes) + self._quiz_links(lesson.id))

    def _reading_time(self, body: str, minutes: int) -> str:
        """The lesson's estimated reading time, under its title."""
        text = self.tr("About 1 minute to read") if minutes == 1 else self.tr("About %1 minutes to read")
        line = f'<p class="reading-time"><i>{html.escape(text.replace("%1", str(minutes)))}</i></p>'
        title_end = body.find("</h1>")
        if title_end < 0:
            return line + body
        return body[: title_end + 5] + line + body[title_end + 5 :]

    def _on_sources_toggled(self) -> None:
        for page in self.pages.built():
            if page.rendered:
                page.rendered = False
                if page is self.current_page():
                    self.ensure_rendered(page)

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
        page = self.current_page()
        if page is not None:
            self.ensure_rendered(page)

    # -- navigation --------------------------------------------------------

    def current_page(self) -> LessonPage | None:
        tab = self.tabs.currentWidget()
        return tab.page if isinstance(tab, LessonTab) else None

    def open_location(self, location: Place, *, record: bool = True) -> bool:
        """Show a place; with ``record``, it becomes a step in Back/Forward."""
        tab: QWidget | None = (
            self.lesson_tabs.get(location.id)
            if location.kind == "lesson"
            else self.lazy_tabs.get(location.kind)
        )
        if tab is None:
            return False
        if record:
            self.history.visit(location)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(tab)
        self.tabs.blockSignals(False)
        self.tab_strip.sync()
        self._focus_into(tab)
        page = tab.content if isinstance(tab, LazyTab) and not isinstance(tab, LessonTab) else tab
        if isinstance(page, LessonTab):
            lesson_page = page.page
            self.ensure_rendered(lesson_page)
            lesson_page.scroll_to(location.anchor)
            # The page may not have its final size until the event loop runs.
            QTimer.singleShot(0, lesson_page, lambda: lesson_page.scroll_to(location.anchor))
        elif location.kind == "quiz" and location.id:
            cast("QuizzesPage", page).open_quiz(location.id)
        elif location.kind == "checklist" and location.id:
            cast("ChecklistsPage", page).open_checklist(location.id)
        elif location.kind == "glossary" and location.anchor:
            glossary_page = cast("GlossaryPage", page)
            glossary_page.show_term(location.anchor)
            QTimer.singleShot(0, page, lambda: glossary_page.view.scrollToAnchor(location.anchor))
        self._update_actions()
        self.locationChanged.emit(location)
        return True

    def _focus_into(self, tab: QWidget) -> None:
        """Keys go to the tab on screen, not to a search box or a tab that was left."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is tab or tab.isAncestorOf(focus)):
            return
        if isinstance(tab, LessonTab):
            tab.page.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif tab is self.lazy_tabs.get("quiz") and self.quizzes_page is not None:
            self.quizzes_page.focus_current()
        elif isinstance(tab, LazyTab):
            tab.content.setFocus(Qt.FocusReason.OtherFocusReason)

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
        tab = self.tabs.widget(index)
        if isinstance(tab, LessonTab):
            self.open_location(Place("lesson", tab.lesson.id))
            return
        kind = next((kind for kind, lazy in self.lazy_tabs.items() if lazy is tab), None)
        if kind == "quiz":
            quiz = cast("QuizzesPage", self._lazy(kind)).quiz
            self.open_location(Place(kind, quiz.id if quiz else ""))
        elif kind == "checklist":
            checklist = cast("ChecklistsPage", self._lazy(kind)).checklist
            self.open_location(Place(kind, checklist.id if checklist else ""))
        elif kind:
            self.open_location(Place(kind, ""))

    def _on_section_chosen(self, anchor: str) -> None:
        page = self.current_page()
        if page is not None:
            self.open_location(Place("lesson", page.lesson.id, anchor))

    def _on_link_activated(self, href: str) -> None:
        page = self.current_page()
        here = Place("lesson", page.lesson.id) if page is not None else None
        base = page.lesson.path.parent if page is not None else None
        resolved = resolve(href, self.library, current=here, base=base)
        if isinstance(resolved, Place):
            self.open_location(resolved)
        elif isinstance(resolved, External):
            self.show_external_link(resolved.address)
        else:
            self.statusBar().showMessage(self.tr("This link does not lead anywhere."), 6000)

    def show_external_link(self, address: str) -> None:
        """Never open or fetch: show the address so the reader can copy it."""
        self.link_dialog = ExternalLinkDialog(address, self)
        self.link_dialog.open()

    # -- printing ------------------------------------------------------------

    def current_handout(self, *, blank: bool = False, citations: bool = False) -> Handout | None:
        """The handout for what is on screen: lesson, checklist (with ticks), quiz sheet or results."""
        from serotonin_app import printing

        tab = self.tabs.currentWidget()
        if isinstance(tab, LessonTab):
            return printing.lesson_handout(tab.lesson, self.renderer, citations=citations)
        checklists = self.checklists_page if tab is self.lazy_tabs.get("checklist") else None
        if checklists is not None and checklists.checklist is not None:
            ticks = set() if blank else checklists.ticked()
            return printing.checklist_handout(
                checklists.checklist, self.renderer, self.library.settings, ticks
            )
        page = self.quizzes_page if tab is self.lazy_tabs.get("quiz") else None
        if page is not None and page.quiz is not None:
            session = page.session
            if session is not None and session.finished:
                return printing.results_handout(session, self.renderer)
            return printing.worksheet_handout(page.quiz, self.renderer)
        return None

    def _holds_answers(self, blank: bool) -> bool:
        """True when what is on screen would print the person's ticks or quiz answers."""
        tab = self.tabs.currentWidget()
        checklists = self.checklists_page if tab is self.lazy_tabs.get("checklist") else None
        if checklists is not None:
            return not blank and bool(checklists.ticked())
        quizzes = self.quizzes_page if tab is self.lazy_tabs.get("quiz") else None
        return quizzes is not None and quizzes.session is not None and quizzes.session.finished

    def _print_current(self, how: Output, *, blank: bool = False) -> None:
        handout = self.current_handout(blank=blank)
        if handout is None:
            return
        remake = None
        if isinstance(self.tabs.currentWidget(), LessonTab):

            def remake(citations: bool) -> Handout:
                made = self.current_handout(citations=citations)
                assert made is not None
                return made

        self.output.output(handout, how, personal=self._holds_answers(blank), remake=remake)

    def _on_worksheet_print(self, answer_key: bool) -> None:
        from serotonin_app import printing

        page = self.quizzes_page
        if page is not None and page.quiz is not None and not (answer_key and self.kiosk):
            handout = printing.worksheet_handout(page.quiz, self.renderer, answer_key=answer_key)
            self.output.output(handout, Output.PREVIEW)

    def _on_checklist_print(self, blank: bool) -> None:
        self._print_current(Output.PRINT, blank=blank)

    @property
    def output(self) -> HandoutOutput:
        """Print, preview and PDF; made on first use, so printing stays off the start-up path."""
        if self._output is None:
            from serotonin_app.ui.handout_output import HandoutOutput

            self._output = HandoutOutput(
                self, self.library.settings, kiosk=self.kiosk, status=self._show_status
            )
        return self._output

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- reading comfort -------------------------------------------------------

    def _restore_preferences(self) -> None:
        geometry = self.preferences.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.view_settings.restore()

    @property
    def zoom(self) -> int:
        return self.view_settings.zoom

    @property
    def scheme(self) -> str:
        return self.view_settings.name

    def set_zoom(self, step: int, *, save: bool = True) -> None:
        self.view_settings.set_zoom(step, save=save)

    def set_scheme(self, name: str | None) -> None:
        """Force "light", "dark" or "high-contrast"; None follows the system (View → High contrast)."""
        self.view_settings.set_scheme(name)

    def apply_scheme(self) -> None:
        self.view_settings.apply_scheme()

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _go_to_tab(self, index: int) -> None:
        if index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # -- finding -----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_panel.box.setFocus()
        self.search_panel.box.selectAll()

    def open_find(self) -> None:
        page = self.current_page()
        if page is not None:
            self.ensure_rendered(page)
            self.find_bar.open_for(page.view)

    def open_hit(self, hit: Hit) -> None:
        """Open a search result at its place and select the matched words."""
        entry = hit.entry
        self.open_location(Place(as_kind(entry.kind), entry.id, entry.anchor))
        page = self.current_page()
        if entry.kind == "lesson" and page is not None and hit.match:
            self._select_after_anchor(page, entry.anchor, hit.match)
        self.search_panel.hide()

    def _select_after_anchor(self, page: LessonPage, anchor: str, text: str) -> None:
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

    # -- shared PC -----------------------------------------------------------------

    def new_session(self) -> None:
        """Forget everything the last person did and go back to the first lesson."""
        # Tabs never opened hold nothing to clear, so they are not built here.
        quizzes = cast("QuizzesPage | None", self._lazy("quiz", built_only=True))
        checklists = cast("ChecklistsPage | None", self._lazy("checklist", built_only=True))
        glossary = cast("GlossaryPage | None", self._lazy("glossary", built_only=True))
        if quizzes is not None:
            quizzes.reset()
        if checklists is not None:
            checklists.reset()
        if glossary is not None:
            glossary.search.setText("")  # unlike clear(), also forgets the undo history
        self.search_panel.clear()
        self.find_bar.close_bar()
        if self._output is not None:
            self._output.close_dialogs()
        self._close_everything_open()
        self.toolbar.show()
        self.menuBar().show()
        self.view_settings.reset()
        self.sources_action.setChecked(False)
        for page in self.pages.built():
            page.view.verticalScrollBar().setValue(0)
            page.view.setTextCursor(QTextCursor(page.view.document()))
            page.sections.clearSelection()
        self.history.clear()
        if self.library.lessons:
            self.open_location(Place("lesson", self.library.lessons[0].id))
        self._update_actions()
        self.statusBar().showMessage(self.tr("New session: answers, ticks and searches were cleared."), 6000)

    def _close_everything_open(self) -> None:
        """Every dialog, menu and popup the last person opened goes (New session, idle reset)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        while (popup := app.activePopupWidget()) is not None:
            popup.close()
            if popup.isVisible():  # would not close: do not loop for ever
                break
        for widget in app.topLevelWidgets():
            if widget is not self and widget.isVisible() and isinstance(widget, (QDialog, QMenu)):
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()

    def _enter_kiosk(self) -> None:
        """Full screen, no quitting by the usual keys, no file dialogs."""
        for action in (self.pdf_action, self.quit_action):
            action.setVisible(False)
            action.setEnabled(False)
        self.quit_action.setShortcut(QKeySequence())
        # Skipped files are a matter for staff: Help → About and stderr list them.
        self.problem_bar.hide()

    def staff_exit(self) -> None:
        """The staff key combination (documented in the README) closes even a kiosk."""
        self._leaving = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.kiosk and not self._leaving:
            event.ignore()
            return
        self.preferences.setValue("window/geometry", self.saveGeometry())
        self.preferences.setValue("view/zoom", self.zoom)
        self.preferences.sync()
        if self.idle is not None:
            self.idle.stop()
        self.view_settings.stop()
        super().closeEvent(event)

    # -- help ----------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        self.help_dialog = shortcuts_dialog(self, self.commands.help_rows([*WINDOW_KEYS, *QUIZ_KEYS]))
        self.help_dialog.open()

    def show_about(self) -> None:
        self.help_dialog = about_dialog(self, self.library, self.problems)
        self.help_dialog.open()


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    return fragments
