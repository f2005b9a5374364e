"""The question panel of the Quizzes tab: the question, its answers, a hint and practice feedback.

It shows the pieces :mod:`serotonin_app.quiz_text` makes and reports nothing but
what is chosen: the Quizzes page decides what happens and keeps the answers in
the reader session.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSizeF, Qt, Signal
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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.quiz import Kind
from serotonin_app.quiz_text import QuestionText
from serotonin_app.ui.choice_row import ChoiceRow
from serotonin_app.ui.content_browser import ContentBrowser
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.input_watch import paused

#: The Quizzes tab's words keep the context they had before the tab was split into panels.
translate = QCoreApplication.translate
#: Where a sequence item keeps its original answer index.
ANSWER_ROLE = Qt.ItemDataRole.UserRole


def quiz_browser(name: str) -> ContentBrowser:
    """A view for quiz content; its pictures come from the quiz's folder, set when a quiz opens."""
    view = ContentBrowser()
    view.setAccessibleName(name)
    return view


def quiz_button(text: str, accessible: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible or text.replace("&", ""))
    return button


def fit_to_text(view: QTextBrowser) -> None:
    """Make ``view`` exactly as tall as its text at its current width; it never scrolls itself."""
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit(size: QSizeF) -> None:
        frame = 2 * view.frameWidth()
        view.setFixedHeight(max(1, round(size.height())) + frame)

    view.document().documentLayout().documentSizeChanged.connect(fit)


class QuestionPanel(QWidget):
    """One question: radio buttons, check boxes or a list to put in order, then feedback."""

    linkActivated = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer_buttons: list[QAbstractButton] = []
        self.answer_rows: list[ChoiceRow] = []
        self.button_group: QButtonGroup | None = None
        #: The kind of question shown, if any.
        self.kind: Kind | None = None
        #: False once the shown question is answered: nothing can be chosen or moved then.
        self.open = False
        self.progress = QLabel()
        self.progress.setAccessibleName(translate("QuizzesPage", "Progress"))
        self.question_view = quiz_browser(translate("QuizzesPage", "Question"))
        self.hint_button = quiz_button(
            translate("QuizzesPage", "Hint (H)"), translate("QuizzesPage", "Show a hint")
        )
        self.hint_label = QLabel()
        self.hint_label.setTextFormat(Qt.TextFormat.RichText)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName(translate("QuizzesPage", "Hint"))
        self.instruction = QLabel()
        self.instruction.setAccessibleName(translate("QuizzesPage", "How to answer"))
        self.answers_box = QWidget()
        self.answers_layout = QVBoxLayout(self.answers_box)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.sequence_box = self._build_sequence_box()
        self.feedback_view = quiz_browser(translate("QuizzesPage", "Feedback"))
        self.submit_button = quiz_button(
            translate("QuizzesPage", "Check answer (Enter)"), translate("QuizzesPage", "Check answer")
        )
        self.next_button = quiz_button(
            translate("QuizzesPage", "Next question (Enter)"), translate("QuizzesPage", "Next question")
        )
        for view in (self.question_view, self.feedback_view):
            view.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
            # As tall as their text, so the answers sit right under the question; the whole
            # panel scrolls when it is taller than the window.
            fit_to_text(view)
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
        self.question_scroll.setAccessibleName(translate("QuizzesPage", "Question and answers"))
        self.question_scroll.setWidget(content)
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.question_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.question_scroll)

    def _build_sequence_box(self) -> QWidget:
        self.sequence_list = QListWidget()
        self.sequence_list.setAccessibleName(translate("QuizzesPage", "Items to put in order"))
        self.sequence_list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.sequence_list.setWordWrap(True)
        self.sequence_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sequence_list.currentRowChanged.connect(lambda _row: self.update_moves())
        self.up_button = quiz_button(
            translate("QuizzesPage", "Move up (Alt+Up)"), translate("QuizzesPage", "Move the chosen item up")
        )
        self.down_button = quiz_button(
            translate("QuizzesPage", "Move down (Alt+Down)"),
            translate("QuizzesPage", "Move the chosen item down"),
        )
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        box = QWidget()
        sequence_layout = QHBoxLayout(box)
        sequence_layout.setContentsMargins(0, 0, 0, 0)
        sequence_layout.addWidget(self.sequence_list, 1)
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        sequence_layout.addLayout(moves)
        return box

    @property
    def ordering(self) -> bool:
        """True while a sequence question is shown."""
        return self.kind is Kind.SEQUENCE

    def show_question(
        self, question: QuestionText, *, progress: str, body_html: str, hint: bool, practice: bool
    ) -> None:
        """Show ``question`` open for an answer; ``body_html`` is its title and body, rendered."""
        # Hundreds of events build the answers, none of them input: no filter needs them.
        with paused():
            self.kind = question.kind
            self.open = True
            self.progress.setText(progress)
            self.question_view.setHtml(body_html)
            self.hint_label.clear()
            self.hint_label.hide()
            self.hint_button.setEnabled(hint)
            self.instruction.setText(question.instruction)
            self._clear_answers()
            if question.kind is Kind.SEQUENCE:
                self.sequence_box.show()
                self.answers_box.hide()
                for line in question.answers:
                    self._add_item(line.index, line.text)
                self.sequence_list.setCurrentRow(0)
                self.update_moves()
            else:
                self.sequence_box.hide()
                self.answers_box.show()
                self.button_group = QButtonGroup(self)
                self.button_group.setExclusive(question.kind is Kind.SINGLE)
                for line in question.answers:
                    button: QAbstractButton = QRadioButton() if question.kind is Kind.SINGLE else QCheckBox()
                    row = ChoiceRow(button, f"{line.number}. {line.text}")
                    button.setAccessibleName(line.text)
                    button.setProperty("answer_index", line.index)
                    self.button_group.addButton(button)
                    self.answers_layout.addWidget(row)
                    self.answer_rows.append(row)
                    self.answer_buttons.append(button)
            self.feedback_view.clear()
            self.feedback_view.hide()
            self.submit_button.setText(
                translate("QuizzesPage", "Check answer (Enter)")
                if practice
                else translate("QuizzesPage", "Save answer (Enter)")
            )
            self.submit_button.show()
            self.next_button.hide()
            self.setFocus()
            self.focus_answers()

    def clear(self) -> None:
        """Show no question: nothing of an earlier one stays, not even hidden."""
        self.kind = None
        self.open = False
        self._clear_answers()
        for view in (self.question_view, self.feedback_view):
            view.clear()
        for label in (self.progress, self.hint_label, self.instruction):
            label.clear()

    def _add_item(self, index: int, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ANSWER_ROLE, index)
        self.sequence_list.addItem(item)

    def _clear_answers(self) -> None:
        for row in self.answer_rows:
            self.answers_layout.removeWidget(row)
            row.deleteLater()
        self.answer_rows = []
        self.answer_buttons = []
        self.button_group = None
        self.sequence_list.clear()

    def focus_answers(self) -> None:
        (self.answer_buttons[0] if self.answer_buttons else self.sequence_list).setFocus()

    def chosen(self) -> list[int]:
        """What is chosen, as original answer indices: for a sequence, in the order shown."""
        if self.ordering:
            return [int(item.data(ANSWER_ROLE)) for item in self._items()]
        return [int(b.property("answer_index")) for b in self.answer_buttons if b.isChecked()]

    def _items(self) -> list[QListWidgetItem]:
        return [self.sequence_list.item(row) for row in range(self.sequence_list.count())]

    def show_chosen(self, chosen: tuple[int, ...]) -> None:
        """Show an answer given before: ``chosen`` ticked, or the sequence in that order."""
        if self.ordering:
            texts = {int(item.data(ANSWER_ROLE)): item.text() for item in self._items()}
            self.sequence_list.clear()
            for index in chosen:
                self._add_item(index, texts[index])
            return
        for button in self.answer_buttons:
            button.setChecked(int(button.property("answer_index")) in chosen)

    def pick(self, number: int) -> None:
        """Choose (or toggle) the answer shown with ``number``; in a sequence, select that item."""
        if not self.open:
            return
        if self.ordering:
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
        if row < 0 or not 0 <= target < self.sequence_list.count() or not self.open:
            return
        item = self.sequence_list.takeItem(row)
        self.sequence_list.insertItem(target, item)
        self.sequence_list.setCurrentRow(target)

    def update_moves(self) -> None:
        """Move up/down work while the order can still change and there is room to move."""
        row, count = self.sequence_list.currentRow(), self.sequence_list.count()
        self.up_button.setEnabled(self.open and row > 0)
        self.down_button.setEnabled(self.open and 0 <= row < count - 1)

    def show_hint(self, hint_html: str) -> None:
        self.hint_label.setText(html.escape(translate("QuizzesPage", "Hint:")) + " " + hint_html)
        self.hint_label.show()

    def ask_for_answer(self) -> None:
        self.instruction.setText(translate("QuizzesPage", "Choose an answer first."))

    def close_answer(self) -> None:
        """The answer is given: nothing can be chosen or moved any more."""
        self.open = False
        for button in self.answer_buttons:
            button.setEnabled(False)
        self.update_moves()

    def show_feedback(self, feedback_html: str, verdict: str, *, last: bool) -> None:
        self.feedback_view.setHtml(feedback_html)
        self.feedback_view.setAccessibleDescription(verdict)
        self.feedback_view.show()
        self.submit_button.hide()
        self.next_button.setText(
            translate("QuizzesPage", "See results (Enter)")
            if last
            else translate("QuizzesPage", "Next question (Enter)")
        )
        self.next_button.show()
        self.next_button.setFocus()
        # Zoomed, the feedback can push the button below the window: bring it into view.
        self.question_scroll.ensureWidgetVisible(self.next_button)
