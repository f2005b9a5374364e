"""The Quizzes tab: choose a quiz, take it in practice or test mode, review, retry.

All scoring is done by :class:`~serotonin_app.content.quiz.QuizSession`; this
module only shows its state and forwards what the user does.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSizeF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.quiz import Kind, Mode, Quiz, QuizSession, Result
from serotonin_app.content.session import ReaderSession
from serotonin_app.ui.choice_row import ChoiceRow
from serotonin_app.ui.commands import QUIZ_KEYS, bind_keys
from serotonin_app.ui.content_browser import ContentBrowser, label_html
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.side_pane import SidePaneSplitter

QUIZ_ROLE = Qt.ItemDataRole.UserRole
RIGHT, WRONG = "✔", "✘"


def _browser(name: str) -> ContentBrowser:
    view = ContentBrowser()  # pictures: from the quiz's folder, set when a quiz opens
    view.setAccessibleName(name)
    return view


def fit_to_text(view: QTextBrowser) -> None:
    """Make ``view`` exactly as tall as its text at its current width; it never scrolls itself."""
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit(size: QSizeF) -> None:
        frame = 2 * view.frameWidth()
        view.setFixedHeight(max(1, round(size.height())) + frame)

    view.document().documentLayout().documentSizeChanged.connect(fit)


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
        self.quiz: Quiz | None = None
        self.answer_buttons: list[QAbstractButton] = []
        self.answer_rows: list[ChoiceRow] = []

        # A list, not a tree: a tree view cuts long quiz names off instead of wrapping them.
        self.quiz_list = QListWidget()
        self.quiz_list.setAccessibleName(self.tr("Quizzes"))
        self._fill_list()
        self.quiz_list.itemActivated.connect(self._on_list_item)
        self.quiz_list.itemClicked.connect(self._on_list_item)

        self.stack = QStackedWidget()
        self.start_panel = self._build_start_panel()
        self.question_panel = self._build_question_panel()
        self.results_panel = self._build_results_panel()
        for panel in (self.start_panel, self.question_panel, self.results_panel):
            self.stack.addWidget(panel)
        self.add_side_list(self.quiz_list)
        self.addWidget(self.stack)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 800])
        if library.quizzes:
            self.open_quiz(library.quizzes[0].id)

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

    def _button(self, text: str, accessible: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible or text.replace("&", ""))
        return button

    def _build_start_panel(self) -> QWidget:
        panel = QWidget()
        self.start_title = QLabel()
        self.start_title.setWordWrap(True)
        self.start_title.setTextFormat(Qt.TextFormat.RichText)
        self.start_info = QLabel()
        self.start_info.setTextFormat(Qt.TextFormat.PlainText)  # titles from content, never markup
        self.start_info.setWordWrap(True)
        self.practice_button = self._button(
            self.tr("Start practice"), self.tr("Start practice: feedback after each question")
        )
        self.test_button = self._button(self.tr("Start test"), self.tr("Start test: results at the end"))
        self.practice_button.clicked.connect(lambda: self.start(Mode.PRACTICE))
        self.test_button.clicked.connect(lambda: self.start(Mode.TEST))
        explain = QLabel(
            self.tr(
                "Practice shows if you were right, and why, after each question. "
                "Test shows your results at the end. Your answers are not saved."
            )
        )
        explain.setWordWrap(True)
        self.worksheet_button = self._button(
            self.tr("Print worksheet…"), self.tr("Print a worksheet for a group")
        )
        self.key_button = self._button(self.tr("Print answer key…"), self.tr("Print the answer key"))
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

    def _build_question_panel(self) -> QWidget:
        panel = QWidget()
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.question_view = _browser(self.tr("Question"))
        self.question_view.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        self.hint_button = self._button(self.tr("Hint (H)"), self.tr("Show a hint"))
        self.hint_button.clicked.connect(self.show_hint)
        self.hint_label = QLabel()
        self.hint_label.setTextFormat(Qt.TextFormat.RichText)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName(self.tr("Hint"))
        self.instruction = QLabel()
        self.instruction.setAccessibleName(self.tr("How to answer"))
        self.answers_box = QWidget()
        self.answers_layout = QVBoxLayout(self.answers_box)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.button_group: QButtonGroup | None = None
        self.sequence_list = QListWidget()
        self.sequence_list.setAccessibleName(self.tr("Items to put in order"))
        self.sequence_list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.sequence_list.setWordWrap(True)
        self.sequence_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sequence_list.currentRowChanged.connect(lambda _row: self._update_moves())
        self.up_button = self._button(self.tr("Move up (Alt+Up)"), self.tr("Move the chosen item up"))
        self.down_button = self._button(self.tr("Move down (Alt+Down)"), self.tr("Move the chosen item down"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.sequence_box = QWidget()
        sequence_layout = QHBoxLayout(self.sequence_box)
        sequence_layout.setContentsMargins(0, 0, 0, 0)
        sequence_layout.addWidget(self.sequence_list, 1)
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        sequence_layout.addLayout(moves)
        self.feedback_view = _browser(self.tr("Feedback"))
        self.feedback_view.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        self.submit_button = self._button(self.tr("Check answer (Enter)"), self.tr("Check answer"))
        self.submit_button.clicked.connect(self.submit)
        self.next_button = self._button(self.tr("Next question (Enter)"), self.tr("Next question"))
        self.next_button.clicked.connect(self.go_next)
        # The question and feedback are as tall as their text, so the answers sit right under
        # the question; the whole panel scrolls when it is taller than the window.
        fit_to_text(self.question_view)
        fit_to_text(self.feedback_view)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.progress)
        layout.addWidget(self.question_view)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.instruction)
        layout.addWidget(self.answers_box)
        layout.addWidget(self.sequence_box)
        layout.addWidget(self.feedback_view)
        layout.addWidget(flow_row(self.submit_button, self.next_button, self.hint_button))
        layout.addStretch(1)
        self.question_scroll = QScrollArea()
        self.question_scroll.setAccessibleName(self.tr("Question and answers"))
        self.question_scroll.setWidget(content)
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.question_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.question_scroll)

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
        return panel

    def _build_results_panel(self) -> QWidget:
        panel = QWidget()
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.score_label.setAccessibleName(self.tr("Your score"))
        self.review_view = _browser(self.tr("Review of your answers"))
        self.review_view.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        self.retry_button = self._button(self.tr("Retry missed questions"))
        self.again_button = self._button(self.tr("Start again"))
        self.print_button = self._button(self.tr("Print my results…"), self.tr("Print my results"))
        self.retry_button.clicked.connect(self.retry_missed)
        self.again_button.clicked.connect(self.start_again)
        self.print_button.clicked.connect(lambda: self.printResultsRequested.emit(self.session))
        layout = QVBoxLayout(panel)
        layout.addWidget(self.score_label)
        layout.addWidget(self.review_view, 1)
        layout.addWidget(flow_row(self.retry_button, self.again_button, self.print_button))
        return panel

    # -- actions -----------------------------------------------------------

    def open_quiz(self, quiz_id: str) -> bool:
        """Select a quiz; its session, if one is under way, is kept."""
        quiz = self.library.quiz(quiz_id)
        if quiz is None:
            return False
        self._select_in_list(quiz_id)
        if self.session is not None and self.session.quiz.id == quiz_id:
            return True
        self.quiz = quiz
        self.session = None
        for view in (self.question_view, self.feedback_view, self.review_view):
            view.set_location(quiz.path.parent, self.library.roots)
        lesson = self.library.lesson(quiz.lesson)
        self.start_title.setText(f"<h1>{html.escape(quiz.title)}</h1>")
        info = self.tr("%1 questions").replace("%1", str(len(quiz.questions)))
        if lesson is not None:
            info += " · " + self.tr("about the lesson “%1”").replace("%1", lesson.title)
        if quiz.options.passing_grade is not None:
            info += " · " + self.tr("pass mark %1%").replace("%1", str(quiz.options.passing_grade))
        self.start_info.setText(info)
        self.stack.setCurrentWidget(self.start_panel)
        return True

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
            if self.next_button.isVisible():
                self.next_button.setFocus()
            else:
                (self.answer_buttons[0] if self.answer_buttons else self.sequence_list).setFocus()
        elif current is self.results_panel:
            self.again_button.setFocus()
        else:
            self.practice_button.setFocus()

    @property
    def session(self) -> QuizSession | None:
        """The quiz under way, held by the reader session."""
        return self.reader.quiz

    @session.setter
    def session(self, value: QuizSession | None) -> None:
        self.reader.quiz = value

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

    def show_session(self) -> None:
        """Show the reader session again: after New session, no quiz is under way."""
        self.quiz = None
        if self.library.quizzes:
            self.open_quiz(self.library.quizzes[0].id)

    def _show_question(self) -> None:
        session = self.session
        assert session is not None
        question = session.current
        self.stack.setCurrentWidget(self.question_panel)
        self.progress.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(session.index + 1))
            .replace("%2", str(session.total))
        )
        self.question_view.setHtml(f"<h2>{html.escape(question.title)}</h2>" + self.to_html(question.body))
        self.hint_label.clear()
        self.hint_label.hide()
        self.hint_button.setEnabled(bool(question.hint))
        instructions = {
            Kind.SINGLE: self.tr("Choose one answer."),
            Kind.MULTIPLE: self.tr("Choose all that apply."),
            Kind.SEQUENCE: self.tr("Put these in the right order. Choose an item, then move it up or down."),
        }
        self.instruction.setText(instructions[question.kind])
        self._clear_answers()
        order = session.answer_order()
        if question.kind is Kind.SEQUENCE:
            self.sequence_box.show()
            self.answers_box.hide()
            for position, index in enumerate(order, start=1):
                self.sequence_list.addItem(f"{question.answers[index].text}")
                self.sequence_list.item(position - 1).setData(QUIZ_ROLE, index)
            self.sequence_list.setCurrentRow(0)
            self._update_moves()
        else:
            self.sequence_box.hide()
            self.answers_box.show()
            self.button_group = QButtonGroup(self)
            self.button_group.setExclusive(question.kind is Kind.SINGLE)
            for position, index in enumerate(order, start=1):
                button: QAbstractButton = QRadioButton() if question.kind is Kind.SINGLE else QCheckBox()
                row = ChoiceRow(button, f"{position}. {question.answers[index].text}")
                button.setAccessibleName(question.answers[index].text)
                button.setProperty("answer_index", index)
                self.button_group.addButton(button)
                self.answers_layout.addWidget(row)
                self.answer_rows.append(row)
                self.answer_buttons.append(button)
        self.feedback_view.clear()
        self.feedback_view.hide()
        self.submit_button.setText(
            self.tr("Check answer (Enter)")
            if session.mode is Mode.PRACTICE
            else self.tr("Save answer (Enter)")
        )
        self.submit_button.show()
        self.next_button.hide()
        self.question_panel.setFocus()
        (self.answer_buttons[0] if self.answer_buttons else self.sequence_list).setFocus()

    def _clear_answers(self) -> None:
        for row in self.answer_rows:
            self.answers_layout.removeWidget(row)
            row.deleteLater()
        self.answer_rows = []
        self.answer_buttons = []
        self.button_group = None
        self.sequence_list.clear()

    def chosen(self) -> list[int]:
        """What the user has chosen, as original answer indices."""
        if self.session is not None and self.session.current.kind is Kind.SEQUENCE:
            return [
                int(self.sequence_list.item(row).data(QUIZ_ROLE)) for row in range(self.sequence_list.count())
            ]
        return [int(b.property("answer_index")) for b in self.answer_buttons if b.isChecked()]

    def pick(self, number: int) -> None:
        """Keys 1–9: choose (or toggle) the answer shown with that number."""
        if (
            self.session is None
            or self.session.answered
            or self.stack.currentWidget() is not self.question_panel
        ):
            return
        if self.session.current.kind is Kind.SEQUENCE:
            if number <= self.sequence_list.count():
                self.sequence_list.setCurrentRow(number - 1)
            return
        if number <= len(self.answer_buttons):
            button = self.answer_buttons[number - 1]
            if isinstance(button, QCheckBox):
                button.toggle()
            else:
                button.setChecked(True)
            button.setFocus()

    def move_item(self, step: int) -> None:
        row = self.sequence_list.currentRow()
        target = row + step
        if (
            row < 0
            or not 0 <= target < self.sequence_list.count()
            or (self.session and self.session.answered)
        ):
            return
        item = self.sequence_list.takeItem(row)
        self.sequence_list.insertItem(target, item)
        self.sequence_list.setCurrentRow(target)

    def _update_moves(self) -> None:
        """Move up/down work while the order can still change and there is room to move."""
        open_question = self.session is not None and not self.session.answered
        row, count = self.sequence_list.currentRow(), self.sequence_list.count()
        self.up_button.setEnabled(open_question and row > 0)
        self.down_button.setEnabled(open_question and 0 <= row < count - 1)

    def show_hint(self) -> None:
        if (
            self.session is None
            or not self.session.current.hint
            or self.stack.currentWidget() is not self.question_panel
        ):
            return
        hint = label_html(self.to_html(self.session.show_hint()))
        self.hint_label.setText(html.escape(self.tr("Hint:")) + " " + hint)
        self.hint_label.show()

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
            self.instruction.setText(self.tr("Choose an answer first."))
            return
        feedback = session.answer(chosen)
        for button in self.answer_buttons:
            button.setEnabled(False)
        self._update_moves()
        if session.mode is Mode.TEST:
            self.go_next()
            return
        question = session.current
        verdict = f"{RIGHT} {self.tr('Right!')}" if feedback.correct else f"{WRONG} {self.tr('Not quite.')}"
        parts = [f"<p><b>{html.escape(verdict)}</b></p>"]
        if not feedback.correct:
            right = html.escape(self._answer_text(question.correct))
            parts.append(f"<p>{html.escape(self.tr('The right answer:'))} {right}</p>")
        parts += [self.to_html(comment) for comment in feedback.comments]
        if feedback.explanation:
            parts.append(self.to_html(feedback.explanation))
        self.feedback_view.setHtml("".join(parts))
        self.feedback_view.setAccessibleDescription(verdict)
        self.feedback_view.show()
        self.submit_button.hide()
        self.next_button.setText(
            self.tr("Next question (Enter)") if session.has_next else self.tr("See results (Enter)")
        )
        self.next_button.show()
        self.next_button.setFocus()
        # Zoomed, the feedback can push the button below the window: bring it into view.
        self.question_scroll.ensureWidgetVisible(self.next_button)

    def _answer_text(self, indices: tuple[int, ...] | list[int]) -> str:
        assert self.session is not None
        answers = self.session.current.answers
        separator = " → " if self.session.current.kind is Kind.SEQUENCE else "; "
        return separator.join(answers[i].text for i in indices)

    def go_next(self) -> None:
        session = self.session
        if session is None or not session.answered:
            return
        if session.has_next:
            session.next()
            self._show_question()
        else:
            self._show_results(session.finish())

    def _show_results(self, result: Result) -> None:
        session = self.session
        assert session is not None
        self.stack.setCurrentWidget(self.results_panel)
        text = self.tr("You got %1 of %2 right (%3%).").replace("%1", str(result.score))
        text = text.replace("%2", str(result.total)).replace("%3", str(result.percent))
        if result.passed is not None:
            mark = str(result.passing_grade)
            verdict = (
                self.tr("Passed: the pass mark is %1%.")
                if result.passed
                else self.tr("Not passed yet: the pass mark is %1%.")
            )
            text += " " + (RIGHT if result.passed else WRONG) + " " + verdict.replace("%1", mark)
        self.score_label.setText(text)
        parts = []
        for number, review in enumerate(result.reviews, start=1):
            question = review.question
            symbol, word = (RIGHT, self.tr("Right")) if review.correct else (WRONG, self.tr("Wrong"))
            separator = " → " if question.kind is Kind.SEQUENCE else "; "
            yours = separator.join(question.answers[i].text for i in review.chosen)
            right = separator.join(question.answers[i].text for i in question.correct)
            parts.append(f"<h3>{number}. {html.escape(question.title)}</h3>")
            label = html.escape(self.tr("Your answer:"))
            parts.append(f"<p><b>{symbol} {html.escape(word)}.</b> {label} {html.escape(yours)}</p>")
            if not review.correct:
                parts.append(f"<p>{html.escape(self.tr('The right answer:'))} {html.escape(right)}</p>")
            if question.explanation:
                parts.append(self.to_html(question.explanation))
        self.review_view.setHtml("".join(parts))
        self.retry_button.setEnabled(bool(result.missed) and session.quiz.options.enable_retry)
        self.again_button.setFocus()
