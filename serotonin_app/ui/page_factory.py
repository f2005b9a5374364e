"""Builds the pages, each showing the reader session, with their signals relayed to the window.

:class:`ContentTabs` calls it the first time a tab or lesson is opened, so none
of the page modules is imported at start-up. Pages and the navigator need each
other (a page's links open places; places open pages): the factory breaks the
circle by relaying every page's requests through its own signals, which the
window connects once the navigator and the handouts exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from serotonin_app.content.library import GLOSSARY_ID, ContentLibrary
from serotonin_app.content.session import ReaderSession
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.translation_note import translation_note
from serotonin_app.ui.view_settings import ViewSettings

if TYPE_CHECKING:
    from serotonin_app.ui.checklist_view import ChecklistsPage
    from serotonin_app.ui.glossary_view import GlossaryPage
    from serotonin_app.ui.quiz_view import QuizzesPage


class PageFactory(QObject):
    """Makes each page with what it needs, and passes on what its reader asks for."""

    #: A link was clicked in a lesson, quiz or checklist.
    linkActivated = Signal(str)  # noqa: N815
    #: A lesson's section list was used.
    sectionChosen = Signal(str)  # noqa: N815
    #: Print what is on screen; True for a blank checklist.
    printRequested = Signal(bool)  # noqa: N815
    #: Preview the quiz worksheet; True for the answer key.
    worksheetRequested = Signal(bool)  # noqa: N815

    def __init__(
        self,
        library: ContentLibrary,
        session: ReaderSession,
        rendering: LessonRendering,
        view_settings: ViewSettings,
        *,
        kiosk: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.session = session
        self.rendering = rendering
        self.view_settings = view_settings
        self.kiosk = kiosk

    def lesson_built(self, page: LessonPage) -> None:
        page.linkActivated.connect(self.linkActivated)
        page.sectionChosen.connect(self.sectionChosen)
        page.view.restyle()

    def quizzes(self) -> QuizzesPage:
        from serotonin_app.ui.quiz_view import QuizzesPage

        page = QuizzesPage(self.library, self.rendering.markdown_html, session=self.session)
        page.linkActivated.connect(self.linkActivated)
        page.printWorksheetRequested.connect(self.worksheetRequested)
        # Answer keys are for staff: a patient at a kiosk must not print or preview one.
        page.key_button.setVisible(not self.kiosk)
        page.printResultsRequested.connect(lambda _session: self.printRequested.emit(False))
        self.view_settings.restyle(page)
        return page

    def checklists(self) -> ChecklistsPage:
        from serotonin_app.ui.checklist_view import ChecklistsPage

        page = ChecklistsPage(self.library, self.rendering.markdown_html, self.session)
        page.set_scheme(self.view_settings.scheme)
        self.view_settings.schemeChanged.connect(page.set_scheme)
        page.printRequested.connect(self.printRequested)
        page.linkActivated.connect(self.linkActivated)
        self.view_settings.restyle(page)
        return page

    def glossary(self) -> GlossaryPage:
        from serotonin_app.ui.glossary_view import GlossaryPage

        note = translation_note(self.library, "glossary", GLOSSARY_ID)
        page = GlossaryPage(self.library.glossary, self.session, note=note)
        self.view_settings.restyle(page)
        return page
