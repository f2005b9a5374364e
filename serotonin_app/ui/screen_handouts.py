"""The handout for what is on screen, and the Print, Preview and PDF commands that make it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.translations import Kind
from serotonin_app.ui.content_tabs import ContentTabs
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.lesson_view import LessonTab
from serotonin_app.ui.output_kind import Output

if TYPE_CHECKING:
    from serotonin_app.printing import Handout
    from serotonin_app.ui.handout_output import HandoutOutput


class ScreenHandouts:
    """Makes the handout for the current tab and hands it to :class:`HandoutOutput`.

    A lesson prints as a lesson, a checklist with the person's ticks (or blank), a
    quiz as a worksheet, or its results once finished. Printing modules are
    imported on first use, so they stay off the start-up path.
    """

    def __init__(
        self,
        window: QWidget,
        library: ContentLibrary,
        tabs: ContentTabs,
        rendering: LessonRendering,
        *,
        kiosk: bool,
        status: Callable[[str], None],
    ) -> None:
        self.window = window
        self.library = library
        self.tabs = tabs
        self.rendering = rendering
        self.kiosk = kiosk
        self._status = status
        self._output: HandoutOutput | None = None

    @property
    def output(self) -> HandoutOutput:
        """Print, preview and PDF; made on first use."""
        if self._output is None:
            from serotonin_app.ui.handout_output import HandoutOutput

            self._output = HandoutOutput(
                self.window, self.library.settings, kiosk=self.kiosk, status=self._status
            )
        return self._output

    def current(self, *, blank: bool = False, citations: bool = False) -> Handout | None:
        """The handout for what is on screen, with a footer line about its language when it needs one."""
        from serotonin_app.handouts import with_language_notice

        made = self._current(blank=blank, citations=citations)
        if made is None:
            return None
        handout, kind, item_id = made
        return with_language_notice(handout, self.library, kind, item_id)

    def _current(self, *, blank: bool, citations: bool) -> tuple[Handout, Kind, str] | None:
        """The handout for what is on screen: lesson, checklist (with ticks), quiz sheet or results."""
        from serotonin_app import printing

        renderer = self.rendering.renderer
        tab = self.tabs.widget.currentWidget()
        if isinstance(tab, LessonTab):
            return printing.lesson_handout(tab.lesson, renderer, citations=citations), "lesson", tab.lesson.id
        if self.tabs.checklists is not None and self.tabs.is_current(self.tabs.checklists):
            checklists = self.tabs.checklists.content
            if checklists.checklist is not None:
                ticks = set() if blank else checklists.ticked()
                checklist = checklists.checklist
                handout = printing.checklist_handout(checklist, renderer, self.library.settings, ticks)
                return handout, "checklist", checklist.id
        if self.tabs.quizzes is not None and self.tabs.is_current(self.tabs.quizzes):
            quizzes = self.tabs.quizzes.content
            if quizzes.quiz is not None:
                session = quizzes.session
                if session is not None and session.finished:
                    return printing.results_handout(session, renderer), "quiz", quizzes.quiz.id
                return printing.worksheet_handout(quizzes.quiz, renderer), "quiz", quizzes.quiz.id
        return None

    def _holds_answers(self, blank: bool) -> bool:
        """True when what is on screen would print the person's ticks or quiz answers."""
        if self.tabs.checklists is not None and self.tabs.is_current(self.tabs.checklists):
            return not blank and bool(self.tabs.checklists.content.ticked())
        if self.tabs.quizzes is not None and self.tabs.is_current(self.tabs.quizzes):
            session = self.tabs.quizzes.content.session
            return session is not None and session.finished
        return False

    def print_current(self, how: Output, *, blank: bool = False) -> None:
        handout = self.current(blank=blank)
        if handout is None:
            return
        remake = None
        if isinstance(self.tabs.widget.currentWidget(), LessonTab):

            def remake(citations: bool) -> Handout:
                made = self.current(citations=citations)
                assert made is not None
                return made

        self.output.output(handout, how, personal=self._holds_answers(blank), remake=remake)

    def print_worksheet(self, answer_key: bool) -> None:
        """The Quizzes tab's worksheet buttons; answer keys are for staff, never at a kiosk."""
        from serotonin_app import printing

        quizzes = self.tabs.quizzes.content if self.tabs.quizzes is not None else None
        if quizzes is not None and quizzes.quiz is not None and not (answer_key and self.kiosk):
            handout = printing.worksheet_handout(quizzes.quiz, self.rendering.renderer, answer_key=answer_key)
            self.output.output(handout, Output.PREVIEW)

    def close_dialogs(self) -> None:
        if self._output is not None:
            self._output.close_dialogs()
