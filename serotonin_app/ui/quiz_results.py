"""The results panel of the Quizzes tab: the score, a review of every answer, retry and print."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from serotonin_app.content.quiz import Result
from serotonin_app.quiz_text import RIGHT, WRONG, review_html, review_texts
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.quiz_question import quiz_browser, quiz_button

#: The Quizzes tab's words keep the context they had before the tab was split into panels.
translate = QCoreApplication.translate


class ResultsPanel(QWidget):
    """What the Quizzes page shows when a quiz is finished."""

    linkActivated = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.score_label.setAccessibleName(translate("QuizzesPage", "Your score"))
        self.review_view = quiz_browser(translate("QuizzesPage", "Review of your answers"))
        self.review_view.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        self.retry_button = quiz_button(translate("QuizzesPage", "Retry missed questions"))
        self.again_button = quiz_button(translate("QuizzesPage", "Start again"))
        self.print_button = quiz_button(
            translate("QuizzesPage", "Print my results…"), translate("QuizzesPage", "Print my results")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.score_label)
        layout.addWidget(self.review_view, 1)
        layout.addWidget(flow_row(self.retry_button, self.again_button, self.print_button))

    def clear(self) -> None:
        """Show no results: nothing of an earlier quiz stays, not even hidden."""
        self.score_label.clear()
        self.review_view.clear()

    def show_result(self, result: Result, markdown: Callable[[str], str], *, retry: bool) -> None:
        """The score and each question reviewed; ``retry`` offers the missed questions again."""
        text = (
            translate("QuizzesPage", "You got %1 of %2 right (%3%).")
            .replace("%1", str(result.score))
            .replace("%2", str(result.total))
            .replace("%3", str(result.percent))
        )
        if result.passed is not None:
            verdict = (
                translate("QuizzesPage", "Passed: the pass mark is %1%.")
                if result.passed
                else translate("QuizzesPage", "Not passed yet: the pass mark is %1%.")
            )
            symbol = RIGHT if result.passed else WRONG
            text += f" {symbol} " + verdict.replace("%1", str(result.passing_grade))
        self.score_label.setText(text)
        self.review_view.setHtml("".join(review_html(review, markdown) for review in review_texts(result)))
        self.retry_button.setEnabled(retry and bool(result.missed))
        self.again_button.setFocus()
