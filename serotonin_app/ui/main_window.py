"""The main window: lays out its collaborators, and handles kiosk mode, New session and closing.

Each job has its own object, handed what it needs (Mu's ``app.py`` composition
style): :class:`ContentTabs` (the tabs and their pages), :class:`Navigator`
(places, links, Back/Forward), :class:`LessonRendering` (lesson HTML),
:class:`ScreenHandouts` (print, preview, PDF), :class:`ViewSettings` (zoom and
colours) and the command table (menus, toolbar, shortcuts). Everything one
person did lives in a Qt-free :class:`ReaderSession`; New session and the idle
reset are one ``reset()`` of it, after which each page shows the empty session.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from serotonin_app import APP_NAME
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.navigation import Place
from serotonin_app.content.problems import Problem
from serotonin_app.content.session import ReaderSession
from serotonin_app.ui.commands import QUIZ_KEYS, WINDOW_KEYS, CommandTable, bind_keys
from serotonin_app.ui.content_tabs import ContentTabs
from serotonin_app.ui.find_bar import FindBar
from serotonin_app.ui.help_dialogs import about_dialog, help_line, shortcuts_dialog
from serotonin_app.ui.idle import IdleWatcher, close_leftovers
from serotonin_app.ui.language_menu import LanguageChooser
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.link_dialog import ExternalLinkDialog
from serotonin_app.ui.navigator import Navigator
from serotonin_app.ui.output_kind import Output
from serotonin_app.ui.page_factory import PageFactory
from serotonin_app.ui.problem_bar import ProblemBar
from serotonin_app.ui.screen_handouts import ScreenHandouts
from serotonin_app.ui.search_panel import SearchPanel
from serotonin_app.ui.view_settings import DEFAULT_ZOOM, ViewSettings, zoom_step
from serotonin_app.ui.window_commands import window_commands

#: Leaves kiosk mode; written in the README for staff.
STAFF_EXIT = "Ctrl+Alt+Shift+Q"
#: After the first lesson is painted, wait this long, then load the Markdown renderer
#: (LessonRendering.warm_up) and start indexing for search (SearchPanel.prepare_in_background):
#: long enough that start-up is over, short enough that nobody has clicked a second lesson yet.
WARM_UP_AFTER_MS = 400


class MainWindow(QMainWindow):
    """Shows the library; content, rendering and preferences are handed in by ``cli``.

    The library is seen in one language; choosing another, or New session when the
    person had chosen one, emits :attr:`languageRequested` (the language, and
    whether to start afresh) for the app to build the window again in it.
    """

    languageRequested = Signal(str, bool)  # noqa: N815

    # Made from the command table (ui/window_commands.py).
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

    def __init__(
        self,
        library: ContentLibrary,
        rendering: LessonRendering,
        problems: Sequence[Problem] = (),
        *,
        preferences: QSettings | None = None,
        kiosk: bool = False,
        languages: Sequence[str] = (),
        default_language: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        #: The clinic's language, which New session returns to.
        self.default_language = default_language or library.language
        self.language_chooser = LanguageChooser(languages or [library.language], library.language, self)
        self.language_chooser.chosen.connect(lambda code: self.languageRequested.emit(code, False))
        self.rendering = rendering
        self.problems = list(problems)
        self.kiosk = kiosk
        #: Only harmless preferences live here: zoom and window geometry.
        self.preferences = preferences if preferences is not None else QSettings()
        self._leaving = False
        self._warmed = False
        #: Everything the person at the PC did; memory only.
        self.session = ReaderSession()
        self.help_dialog: QDialog | None = None
        self.link_dialog: ExternalLinkDialog | None = None
        self.setWindowTitle(APP_NAME)  # a name, the same in every language
        self.resize(1100, 760)

        default_zoom = library.settings.default_zoom
        self.view_settings = ViewSettings(
            self,
            self.preferences,
            default_zoom=DEFAULT_ZOOM if default_zoom is None else zoom_step(default_zoom),
        )
        self.problem_bar = ProblemBar(problems)
        factory = PageFactory(library, self.session, rendering, self.view_settings, kiosk=kiosk, parent=self)
        self.content_tabs = ContentTabs(
            library,
            lesson_built=factory.lesson_built,
            quizzes=factory.quizzes,
            checklists=factory.checklists,
            glossary=factory.glossary,
            parent=self,
        )
        self.tabs = self.content_tabs.widget
        self.pages = self.content_tabs.pages
        self.navigator = Navigator(
            library,
            self.content_tabs,
            self.session.history,
            ensure_rendered=rendering.ensure_rendered,
            show_external=self.show_external_link,
            tell=lambda text: self.statusBar().showMessage(text, 6000),
            parent=self,
        )
        self.handouts = ScreenHandouts(
            self, library, self.content_tabs, rendering, kiosk=kiosk, status=self._show_status
        )
        factory.linkActivated.connect(self.navigator.follow_link)
        factory.sectionChosen.connect(self.navigator.open_section)
        factory.printRequested.connect(lambda blank: self.handouts.print_current(Output.PRINT, blank=blank))
        factory.worksheetRequested.connect(self.handouts.print_worksheet)
        self.search_panel = SearchPanel(library, self.session)
        self.search_panel.hitChosen.connect(self.navigator.open_hit)
        self.search_panel.hitChosen.connect(self.search_panel.hide)
        self.find_bar = FindBar(self.session)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.problem_bar, self.search_panel, self.content_tabs.strip):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self._build_commands()
        self.view_settings.attach(self.contrast_action, self.zoom_in_action, self.zoom_out_action)
        self.navigator.historyChanged.connect(self._update_actions)
        self.help_label = QLabel(help_line(library.settings))
        # Clinic settings are plain text: as rich text a pack could hide or fake the number.
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setAccessibleName(self.tr("Clinic and emergency number"))
        self.statusBar().addPermanentWidget(self.help_label, 1)
        self.session.reset(self._first_place())
        self._update_actions()
        self.idle: IdleWatcher | None = None
        if library.settings.idle_reset_minutes > 0:
            self.idle = IdleWatcher(self, round(library.settings.idle_reset_minutes * 60_000))
            self.idle.timedOut.connect(self.new_session)
            self.view_settings.schemeChanged.connect(self.idle.notice.set_scheme)
        self.view_settings.schemeChanged.connect(self.problem_bar.set_scheme)
        geometry = self.preferences.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.view_settings.restore()
        self.view_settings.apply_scheme()
        if kiosk:
            self._enter_kiosk()

    def _build_commands(self) -> None:
        self.commands = CommandTable(self, window_commands(self))
        for name, action in self.commands.actions.items():
            setattr(self, f"{name}_action", action)
        bind_keys(
            self, WINDOW_KEYS, {"tab": lambda keys: self.content_tabs.go_to(int(keys[-1]) - 1)}, page=False
        )
        QShortcut(QKeySequence(STAFF_EXIT), self).activated.connect(self.staff_exit)
        menus = {
            "file": self.tr("&File"),
            "go": self.tr("&Go"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
        }
        built = self.commands.build_menus(self.menuBar(), menus)
        self.toolbar = QToolBar(self.tr("Navigation"))
        self.toolbar.setObjectName("navigation")
        self.toolbar.setMovable(False)
        # Its context menu could hide it for the next person; New session shows it again anyway.
        self.toolbar.toggleViewAction().setEnabled(False)
        self.addToolBar(self.toolbar)
        self.commands.build_toolbar(self.toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search_panel.box)
        self.language_chooser.add_to(self.toolbar, built["view"])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Paint the window first, then fill in the visible lesson.
        QTimer.singleShot(0, self, self._render_current)

    def _render_current(self) -> None:
        page = self.content_tabs.current_page()
        if page is not None:
            self.rendering.ensure_rendered(page)
        if not self._warmed:
            self._warmed = True
            # Input is watched from the first paint on (zoom keys, the idle reset), not while
            # the window was being built.
            self.view_settings.listen()
            if self.idle is not None:
                self.idle.listen()
            QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        """Once start-up is over: load the renderer, then index for search while the reader reads."""
        self.rendering.warm_up()
        self.search_panel.prepare_in_background()

    def show_sources(self) -> None:
        """View → Show sources: citation marks in the lessons, for staff."""
        pages = self.pages.built()
        self.rendering.set_citations(self.sources_action.isChecked(), pages, self.content_tabs.current_page())

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.session.history.can_go_back())
        self.forward_action.setEnabled(self.session.history.can_go_forward())

    def show_external_link(self, address: str) -> None:
        """Never open or fetch: show the address so the reader can copy it."""
        self.link_dialog = ExternalLinkDialog(address, self)
        self.link_dialog.open()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def focus_search(self) -> None:
        self.search_panel.box.setFocus()
        self.search_panel.box.selectAll()

    def open_find(self) -> None:
        page = self.content_tabs.current_page()
        if page is not None:
            self.rendering.ensure_rendered(page)
            self.find_bar.open_for(page.view)

    # -- shared PC -----------------------------------------------------------------

    def _first_place(self) -> Place | None:
        return Place("lesson", self.library.lessons[0].id) if self.library.lessons else None

    def new_session(self) -> None:
        """Forget everything the last person did and go back to the first lesson."""
        first = self._first_place()
        self.session.reset(first)
        # Each page shows the now empty session; tabs never opened hold nothing and stay unbuilt.
        self.content_tabs.show_session()
        self.search_panel.show_session()
        self.find_bar.close_bar()
        self.handouts.close_dialogs()
        close_leftovers(keep=self)
        self.toolbar.show()
        self.menuBar().show()
        self.view_settings.reset()
        self.sources_action.setChecked(False)
        self.show_sources()
        self.navigator.restart(first)
        self.statusBar().showMessage(self.tr("New session: answers, ticks and searches were cleared."), 6000)
        if self.library.language != self.default_language:
            self.languageRequested.emit(self.default_language, True)

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
        self.preferences.setValue("view/zoom", self.view_settings.zoom)
        self.preferences.sync()
        if self.idle is not None:
            self.idle.stop()
        self.view_settings.stop()
        super().closeEvent(event)

    def show_shortcuts(self) -> None:
        self.help_dialog = shortcuts_dialog(self, self.commands.help_rows([*WINDOW_KEYS, *QUIZ_KEYS]))
        self.help_dialog.open()

    def show_about(self) -> None:
        self.help_dialog = about_dialog(self, self.library, self.problems)
        self.help_dialog.open()
