"""The Quizzes tab: choose a quiz, take it in practice or test mode, review, retry.

All scoring is done by :class:`~serotonin_app.content.quiz.QuizSession`, held by the
reader session; the words come from :mod:`serotonin_app.quiz_text`. This page
shows the session's state in its panels (start, :class:`QuestionPanel`,
:class:`ResultsPanel`) and forwards what the user does.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.quiz import Mode, Quiz, QuizSession
from serotonin_app.content.session import ReaderSession
from serotonin_app.quiz_text import feedback_html, feedback_text, question_text
from serotonin_app.ui.choice_row import ChoiceRow
from serotonin_app.ui.commands import QUIZ_KEYS, bind_keys
from serotonin_app.ui.content_browser import label_html
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.quiz_question import QuestionPanel, quiz_button
from serotonin_app.ui.quiz_results import ResultsPanel
from serotonin_app.ui.side_pane import SidePaneSplitter
from serotonin_app.ui.translation_note import translation_note

QUIZ_ROLE = Qt.ItemDataRole.UserRole


class QuizzesPage(SidePaneSplitter):
    """Quiz list on the left; start, question and results panels on the right."""

    linkActivated = Signal(str)  # noqa: N815
    printResultsRequested = Signal(object)  # noqa: N815 - (QuizSession)
    printWorksheetRequested = Signal(bool)  # noqa: N815 - answer key?

    def __init__(
        self,
        library: ContentLibrary,
        render: Callable[[str], str],
        parent: QWidget | None = None,
        *,
        session: ReaderSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.to_html = render
        #: Holds the quiz under way and its answers (memory only); this page shows it.
        self.reader = session if session is not None else ReaderSession()
        #: The quiz chosen in the list (its session, if any, is in ``reader``).
        self.quiz: Quiz | None = None

        # A list, not a tree: a tree view cuts long quiz names off instead of wrapping them.
        self.quiz_list = QListWidget()
        self.quiz_list.setAccessibleName(self.tr("Quizzes"))
        self._fill_list()
        self.quiz_list.itemActivated.connect(self._on_list_item)
        self.quiz_list.itemClicked.connect(self._on_list_item)

        self.stack = QStackedWidget()
        self.start_panel = self._build_start_panel()
        self.question_panel = QuestionPanel()
        self.question_panel.linkActivated.connect(self.linkActivated)
        self.question_panel.hint_button.clicked.connect(self.show_hint)
        self.question_panel.submit_button.clicked.connect(self.submit)
        self.question_panel.next_button.clicked.connect(self.go_next)
        self.results_panel = ResultsPanel()
        self.results_panel.linkActivated.connect(self.linkActivated)
        self.results_panel.retry_button.clicked.connect(self.retry_missed)
        self.results_panel.again_button.clicked.connect(self.start_again)
        self.results_panel.print_button.clicked.connect(lambda: self.printResultsRequested.emit(self.session))
        for panel in (self.start_panel, self.question_panel, self.results_panel):
            self.stack.addWidget(panel)
        self.add_side_list(self.quiz_list)
        self.addWidget(self.stack)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 800])
        bind_keys(
            self,
            QUIZ_KEYS,
            {
                "choose": lambda keys: self.pick(int(keys)),
                "enter": lambda _keys: self.enter(),
                "hint": lambda _keys: self.show_hint(),
                "up": lambda _keys: self.move_item(-1),
                "down": lambda _keys: self.move_item(1),
            },
            page=True,
        )
        self.show_session()

    # -- building ----------------------------------------------------------

    def _fill_list(self) -> None:
        """Quizzes under the title of their lesson (a bold heading that cannot be chosen)."""
        by_group: dict[str, list[Quiz]] = {}
        for quiz in self.library.quizzes:
            lesson = self.library.lesson(quiz.lesson)
            by_group.setdefault(lesson.title if lesson else self.tr("Other quizzes"), []).append(quiz)
        heading_font = QFont()
        heading_font.setBold(True)
        for group_title, quizzes in by_group.items():
            heading = QListWidgetItem(group_title)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFont(heading_font)
            self.quiz_list.addItem(heading)
            for quiz in quizzes:
                count = str(len(quiz.questions))
                label = self.tr("%1 (%2 questions)").replace("%1", quiz.title).replace("%2", count)
                item = QListWidgetItem(label)
                item.setData(QUIZ_ROLE, quiz.id)
                self.quiz_list.addItem(item)

    def _build_start_panel(self) -> QWidget:
        panel = QWidget()
        self.start_title = QLabel()
        self.start_title.setWordWrap(True)
        self.start_title.setTextFormat(Qt.TextFormat.RichText)
        self.start_info = QLabel()
        self.start_info.setTextFormat(Qt.TextFormat.PlainText)  # titles from content, never markup
        self.start_info.setWordWrap(True)
        self.practice_button = quiz_button(
            self.tr("Start practice"), self.tr("Start practice: feedback after each question")
        )
        self.test_button = quiz_button(self.tr("Start test"), self.tr("Start test: results at the end"))
        self.practice_button.clicked.connect(lambda: self.start(Mode.PRACTICE))
        self.test_button.clicked.connect(lambda: self.start(Mode.TEST))
        explain = QLabel(
            self.tr(
                "Practice shows if you were right, and why, after each question. "
                "Test shows your results at the end. Your answers are not saved."
            )
        )
        explain.setWordWrap(True)
        self.worksheet_button = quiz_button(
            self.tr("Print worksheet…"), self.tr("Print a worksheet for a group")
        )
        self.key_button = quiz_button(self.tr("Print answer key…"), self.tr("Print the answer key"))
        self.worksheet_button.clicked.connect(lambda: self.printWorksheetRequested.emit(False))
        self.key_button.clicked.connect(lambda: self.printWorksheetRequested.emit(True))
        layout = QVBoxLayout(panel)
        layout.addWidget(self.start_title)
        layout.addWidget(self.start_info)
        layout.addWidget(explain)
        layout.addWidget(flow_row(self.practice_button, self.test_button))
        layout.addWidget(flow_row(self.worksheet_button, self.key_button))
        layout.addStretch(1)
        return panel

    # -- what the tests, tools and the window reach through the page -------

    @property
    def answer_buttons(self) -> list[QAbstractButton]:
        return self.question_panel.answer_buttons

    @property
    def answer_rows(self) -> list[ChoiceRow]:
        return self.question_panel.answer_rows

    @property
    def sequence_list(self) -> QListWidget:
        return self.question_panel.sequence_list

    @property
    def up_button(self) -> QAbstractButton:
        return self.question_panel.up_button

    @property
    def down_button(self) -> QAbstractButton:
        return self.question_panel.down_button

    @property
    def hint_label(self) -> QLabel:
        return self.question_panel.hint_label

    @property
    def print_button(self) -> QAbstractButton:
        return self.results_panel.print_button

    # -- actions -----------------------------------------------------------

    @property
    def session(self) -> QuizSession | None:
        """The quiz under way, held by the reader session."""
        return self.reader.quiz

    @session.setter
    def session(self, value: QuizSession | None) -> None:
        self.reader.quiz = value

    def open_quiz(self, quiz_id: str) -> bool:
        """Select a quiz; its session, if one is under way, is kept."""
        quiz = self.library.quiz(quiz_id)
        if quiz is None:
            return False
        self._select_in_list(quiz_id)
        if self.session is not None and self.session.quiz.id == quiz_id:
            return True
        self.session = None
        self._show_start(quiz)
        return True

    def _show_start(self, quiz: Quiz) -> None:
        """The start panel of ``quiz``; the question and results of any earlier quiz are cleared."""
        self.quiz = quiz
        self.question_panel.clear()
        self.results_panel.clear()
        for view in (
            self.question_panel.question_view,
            self.question_panel.feedback_view,
            self.results_panel.review_view,
        ):
            view.set_location(quiz.path.parent, self.library.roots)
        lesson = self.library.lesson(quiz.lesson)
        self.start_title.setText(f"<h1>{html.escape(quiz.title)}</h1>")
        info = self.tr("%1 questions").replace("%1", str(len(quiz.questions)))
        if lesson is not None:
            info += " · " + self.tr("about the lesson “%1”").replace("%1", lesson.title)
        if quiz.options.passing_grade is not None:
            info += " · " + self.tr("pass mark %1%").replace("%1", str(quiz.options.passing_grade))
        note = translation_note(self.library, "quiz", quiz.id)
        self.start_info.setText(f"{info}\n\n{note}" if note else info)
        self.stack.setCurrentWidget(self.start_panel)

    def show_session(self) -> None:
        """Show what the reader session holds: its quiz under way, or (after New session) the first quiz."""
        session = self.session
        if session is None:
            self.quiz = None
            if self.library.quizzes:
                self.open_quiz(self.library.quizzes[0].id)
            return
        self._select_in_list(session.quiz.id)
        self._show_start(session.quiz)
        if session.finished:
            self._show_results()
        else:
            self._show_question()

    def _select_in_list(self, quiz_id: str) -> None:
        for row in range(self.quiz_list.count()):
            if self.quiz_list.item(row).data(QUIZ_ROLE) == quiz_id:
                self.quiz_list.setCurrentRow(row)

    def _on_list_item(self, item: QListWidgetItem) -> None:
        quiz_id = item.data(QUIZ_ROLE)
        if quiz_id:
            self.open_quiz(str(quiz_id))

    def focus_current(self) -> None:
        """Put the keyboard focus where the current panel expects the next key."""
        current = self.stack.currentWidget()
        if current is self.question_panel:
            if self.question_panel.next_button.isVisible():
                self.question_panel.next_button.setFocus()
            else:
                self.question_panel.focus_answers()
        elif current is self.results_panel:
            self.results_panel.again_button.setFocus()
        else:
            self.practice_button.setFocus()

    def start(self, mode: Mode, seed: int | None = None) -> None:
        if self.quiz is None:
            return
        self.reader.start_quiz(self.quiz, mode, seed)
        self._show_question()

    def start_again(self) -> None:
        if self.session is not None:
            self.session = self.session.restart()
            self._show_question()

    def retry_missed(self) -> None:
        if self.session is not None and self.session.result().missed:
            self.session = self.session.retry_missed()
            self._show_question()

    def _show_question(self) -> None:
        """The session's current question; answered already, with its answer (and in practice, feedback)."""
        session = self.session
        assert session is not None
        question = session.current
        self.stack.setCurrentWidget(self.question_panel)
        progress = (
            self.tr("Question %1 of %2")
            .replace("%1", str(session.index + 1))
            .replace("%2", str(session.total))
        )
        self.question_panel.show_question(
            question_text(session),
            progress=progress,
            body_html=f"<h2>{html.escape(question.title)}</h2>" + self.to_html(question.body),
            hint=bool(question.hint),
            practice=session.mode is Mode.PRACTICE,
        )
        response = session.response()
        if response is not None:
            self.question_panel.show_chosen(response.chosen)
            self._show_answered()

    def _on_question_panel(self) -> bool:
        return self.session is not None and self.stack.currentWidget() is self.question_panel

    def chosen(self) -> list[int]:
        """What the user has chosen, as original answer indices."""
        return self.question_panel.chosen()

    def pick(self, number: int) -> None:
        """Keys 1–9: choose (or toggle) the answer shown with that number."""
        if self._on_question_panel():
            self.question_panel.pick(number)

    def move_item(self, step: int) -> None:
        self.question_panel.move_item(step)

    def show_hint(self) -> None:
        if not self._on_question_panel() or self.session is None or not self.session.current.hint:
            return
        self.question_panel.show_hint(label_html(self.to_html(self.session.show_hint())))

    def enter(self) -> None:
        """Enter submits; after practice feedback, Enter moves on."""
        if self.session is None:
            return
        if self.session.answered:
            self.go_next()
        else:
            self.submit()

    def submit(self) -> None:
        session = self.session
        if session is None or session.answered:
            return
        chosen = self.chosen()
        if not chosen:
            self.question_panel.ask_for_answer()
            return
        session.answer(chosen)
        if session.mode is Mode.TEST:
            self.question_panel.close_answer()
            self.go_next()
        else:
            self._show_answered()

    def _show_answered(self) -> None:
        """Close the answered question; in practice, say whether it was right and why."""
        session = self.session
        assert session is not None
        self.question_panel.close_answer()
        if session.mode is Mode.PRACTICE:
            feedback = feedback_text(session.current, session.feedback())
            self.question_panel.show_feedback(
                feedback_html(feedback, self.to_html), feedback.verdict.text, last=not session.has_next
            )

    def go_next(self) -> None:
        session = self.session
        if session is None or not session.answered:
            return
        if session.has_next:
            session.next()
            self._show_question()
        else:
            session.finish()
            self._show_results()

    def _show_results(self) -> None:
        session = self.session
        assert session is not None
        self.stack.setCurrentWidget(self.results_panel)
        retry = session.quiz.options.enable_retry
        self.results_panel.show_result(session.result(), self.to_html, retry=retry)
