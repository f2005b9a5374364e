"""Taking quizzes with the keyboard only, in practice and test mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton, QStyle, QTextBrowser
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Kind, Mode, Question, QuizSession
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.quiz_view import QuizzesPage
from tests.ui.conftest import click_link


def _page(window: MainWindow, quiz_id: str) -> QuizzesPage:
    assert window.navigator.open(Place("quiz", quiz_id))
    page = window.content_tabs.quizzes_page
    assert page is not None
    return page


def _started(window: MainWindow, quiz_id: str, mode: Mode, seed: int) -> tuple[QuizzesPage, QuizSession]:
    page = _page(window, quiz_id)
    page.start(mode, seed)
    assert page.session is not None
    return page, page.session


def _answer_right_with_keys(qtbot: QtBot, page: QuizzesPage) -> None:
    """Use the number keys (and Alt+Up/Down for sequences) to give the right answer."""
    session = page.session
    assert session is not None
    question = session.current
    panel = page.question_panel
    if question.kind is Kind.SEQUENCE:
        for target, wanted in enumerate(question.correct):
            row = page.chosen().index(wanted)
            qtbot.keyClick(panel, Qt.Key(Qt.Key.Key_1 + row))
            for _ in range(row - target):
                qtbot.keyClick(page.sequence_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    else:
        for position, index in enumerate(session.answer_order(), start=1):
            if index in question.correct:
                qtbot.keyClick(panel, Qt.Key(Qt.Key.Key_0 + position))
    assert sorted(page.chosen()) == sorted(question.correct) or question.kind is Kind.SEQUENCE
    assert question.is_right(page.chosen())


def _skip_to(qtbot: QtBot, page: QuizzesPage, wanted: Callable[[Question], bool]) -> None:
    """Answer right and go on (practice mode) until the current question is one ``wanted``."""
    session = page.session
    assert session is not None
    while not wanted(session.current):
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)


def test_quizzes_tab_lists_quizzes_by_lesson(bundled_window: MainWindow) -> None:
    page = bundled_window.content_tabs.quizzes_page
    assert page is not None
    rows = [page.quiz_list.item(row) for row in range(page.quiz_list.count())]
    headings = [item.text() for item in rows if not item.flags() & Qt.ItemFlag.ItemIsSelectable]
    assert headings == ["Neurotransmitters", "Serotonin, dopamine and addiction", "What helps low mood"]
    count = len(bundled_window.library.quizzes[0].questions)
    assert rows[1].text() == f"Neurotransmitters quiz ({count} questions)"
    assert rows[1].font().bold() is False and rows[0].font().bold() is True


def test_lesson_ends_with_a_link_to_its_quiz(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = bundled_window.pages["addiction"]
    bundled_window.navigator.open(Place("lesson", "addiction"))
    assert "Test yourself: Serotonin, dopamine and addiction quiz" in page.view.toPlainText()
    click_link(qtbot, page.view, "quiz:addiction")
    quizzes = bundled_window.content_tabs.quizzes_page
    assert bundled_window.content_tabs.current_content() is quizzes
    assert quizzes is not None and quizzes.quiz is not None and quizzes.quiz.id == "addiction"


def test_practice_with_keyboard_only_gives_feedback_and_full_score(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    page, session = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 7)
    total = session.total
    assert page.question_panel.progress.text() == f"Question 1 of {total}"
    kinds = set()
    for number in range(1, total + 1):
        assert page.question_panel.progress.text() == f"Question {number} of {total}"
        kinds.add(session.current.kind)
        if session.current.kind is Kind.MULTIPLE:
            assert page.question_panel.instruction.text() == "Choose all that apply."
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        assert page.question_panel.feedback_view.isVisible()
        feedback = page.question_panel.feedback_view.toPlainText()
        assert feedback.startswith("✔ Right!")
        assert session.current.explanation.split("[S")[0].strip()[:30] in feedback
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    assert kinds == {Kind.SINGLE, Kind.MULTIPLE, Kind.SEQUENCE}
    assert page.stack.currentWidget() is page.results_panel
    assert page.results_panel.score_label.text().startswith(f"You got {total} of {total} right (100%).")
    assert not page.results_panel.retry_button.isEnabled()


def test_wrong_answer_shows_words_symbol_right_answer_and_comment(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    page, session = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 1)
    _skip_to(
        qtbot,
        page,
        lambda question: (
            question.kind is Kind.SINGLE and any(a.comment and not a.correct for a in question.answers)
        ),
    )
    question = session.current
    wrong = next(i for i, a in enumerate(question.answers) if a.comment and not a.correct)
    qtbot.keyClick(page.question_panel, Qt.Key(Qt.Key.Key_1 + session.answer_order().index(wrong)))
    qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    text = page.question_panel.feedback_view.toPlainText()
    assert text.startswith("✘ Not quite.")
    assert "The right answer: " + question.answers[question.correct[0]].text in text
    assert question.answers[wrong].comment.split("[S")[0].strip()[:25] in text


def test_test_mode_hides_feedback_then_reviews_and_retries_missed(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    page, session = _started(bundled_window, "balancing", Mode.TEST, 3)
    total = session.total
    for number in range(total):
        if number == 0:
            # Get the first one wrong on purpose: choose an answer that is not right.
            question = session.current
            wrong_position = next(
                pos for pos, idx in enumerate(session.answer_order(), 1) if idx not in question.correct
            )
            if question.kind is Kind.MULTIPLE:
                for button in page.answer_buttons:
                    if isinstance(button, QCheckBox) and button.isChecked():
                        button.setChecked(False)
            qtbot.keyClick(page.question_panel, Qt.Key(Qt.Key.Key_0 + wrong_position))
        else:
            _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        assert not page.question_panel.feedback_view.isVisible()
    assert page.stack.currentWidget() is page.results_panel
    review = page.results_panel.review_view.toPlainText()
    assert review.count("✔ Right.") == total - 1 and review.count("✘ Wrong.") == 1
    assert page.results_panel.retry_button.isEnabled()
    qtbot.mouseClick(page.results_panel.retry_button, Qt.MouseButton.LeftButton)
    assert page.session is not None and page.session.total == 1
    assert page.question_panel.progress.text() == "Question 1 of 1"


def test_hint_with_h(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page, _ = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 0)
    _skip_to(qtbot, page, lambda question: bool(question.hint))
    assert page.question_panel.hint_button.isEnabled()
    qtbot.keyClick(page.question_panel, Qt.Key.Key_H)
    assert page.hint_label.isVisible()
    assert page.hint_label.text().startswith("Hint:")


def test_leaving_the_tab_keeps_the_session(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = _page(bundled_window, "neurotransmitters")
    page.start(Mode.PRACTICE, seed=0)
    _answer_right_with_keys(qtbot, page)
    qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    session = page.session
    bundled_window.navigator.open(Place("lesson", "balancing"))
    bundled_window.navigator.open(Place("quiz", "neurotransmitters"))
    assert page.session is session and session is not None and session.answered_count == 1


def _every_text(page: QuizzesPage) -> str:
    """Whatever the page holds in its labels, views and lists, shown or hidden."""
    # Answer rows are deleted when control returns to the event loop, as it does for a person.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [view.toPlainText() for view in page.findChildren(QTextBrowser)]
    texts += [page.sequence_list.item(row).text() for row in range(page.sequence_list.count())]
    return "\n".join(texts)


@pytest.mark.parametrize("finish", [False, True], ids=["under-way", "finished"])
def test_after_a_session_reset_no_previous_answer_is_shown(
    qtbot: QtBot, bundled_window: MainWindow, finish: bool
) -> None:
    page, session = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 1)
    while True:
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        if not finish or not session.has_next:
            break
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    if finish:
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        assert page.stack.currentWidget() is page.results_panel
    answered = session.current
    right = answered.answers[answered.correct[0]].text
    assert right in _every_text(page)

    page.reader.reset()
    page.show_session()
    assert page.session is None
    assert page.stack.currentWidget() is page.start_panel
    assert page.answer_buttons == [] and page.sequence_list.count() == 0
    shown = _every_text(page)
    assert right not in shown and "Right" not in shown and "Question 1 of" not in shown
    assert page.results_panel.score_label.text() == ""


def test_the_page_shows_the_session_it_is_given(qtbot: QtBot, bundled_window: MainWindow) -> None:
    """The answers live in the reader session: a second page on the same session shows them."""
    first, session = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 7)
    _skip_to(qtbot, first, lambda question: question.kind is Kind.SEQUENCE)
    _answer_right_with_keys(qtbot, first)
    qtbot.keyClick(first.question_panel, Qt.Key.Key_Return)
    chosen = first.chosen()
    library = bundled_window.library
    second = QuizzesPage(library, first.to_html, session=first.reader)
    qtbot.addWidget(second)
    assert second.session is session and second.quiz is session.quiz
    assert second.stack.currentWidget() is second.question_panel
    assert second.chosen() == chosen
    assert second.question_panel.feedback_view.toPlainText().startswith("✔ Right!")
    assert not second.question_panel.open and not second.up_button.isEnabled()
    assert second.question_panel.progress.text() == first.question_panel.progress.text()


def test_a_page_without_a_session_makes_its_own(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = QuizzesPage(bundled_window.library, lambda text: text)
    qtbot.addWidget(page)
    page.start(Mode.TEST, seed=1)
    assert page.session is page.reader.quiz and page.session is not None
    assert page.reader is not bundled_window.session


def test_answer_circles_and_boxes_grow_with_the_zoom(qtbot: QtBot, bundled_window: MainWindow) -> None:
    """Indicators are as tall as the text at every zoom, so a shaky hand can still hit them."""
    page, _session = _started(bundled_window, "neurotransmitters", Mode.PRACTICE, 7)
    sizes = []
    for zoom in (0, 10):
        bundled_window.view_settings.set_zoom(zoom, save=False)
        qtbot.wait(10)
        button = page.question_panel.answer_buttons[0]
        metric = (
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
            if isinstance(button, QRadioButton)
            else QStyle.PixelMetric.PM_IndicatorWidth
        )
        size = button.style().pixelMetric(metric, None, button)
        assert size >= round(button.fontMetrics().height() * 0.85)
        sizes.append(size)
    assert sizes[1] > sizes[0] * 1.5
