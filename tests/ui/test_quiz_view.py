"""Taking quizzes with the keyboard only, in practice and test mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Kind, Mode
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.quiz_view import QuizzesPage
from tests.ui.conftest import click_link


def _page(window: MainWindow, quiz_id: str) -> QuizzesPage:
    assert window.navigator.open(Place("quiz", quiz_id))
    page = window.content_tabs.quizzes_page
    assert page is not None
    return page


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
    page = _page(bundled_window, "neurotransmitters")
    page.start(Mode.PRACTICE, seed=7)
    session = page.session
    assert session is not None
    total = session.total
    assert page.progress.text() == f"Question 1 of {total}"
    kinds = set()
    for number in range(1, total + 1):
        assert page.progress.text() == f"Question {number} of {total}"
        kinds.add(session.current.kind)
        if session.current.kind is Kind.MULTIPLE:
            assert page.instruction.text() == "Choose all that apply."
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        assert page.feedback_view.isVisible()
        feedback = page.feedback_view.toPlainText()
        assert feedback.startswith("✔ Right!")
        assert session.current.explanation.split("[S")[0].strip()[:30] in feedback
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    assert kinds == {Kind.SINGLE, Kind.MULTIPLE, Kind.SEQUENCE}
    assert page.stack.currentWidget() is page.results_panel
    assert page.score_label.text().startswith(f"You got {total} of {total} right (100%).")
    assert not page.retry_button.isEnabled()


def test_wrong_answer_shows_words_symbol_right_answer_and_comment(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    page = _page(bundled_window, "neurotransmitters")
    page.start(Mode.PRACTICE, seed=1)
    session = page.session
    assert session is not None
    while session.current.kind is not Kind.SINGLE or not any(
        a.comment and not a.correct for a in session.current.answers
    ):
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    question = session.current
    wrong = next(i for i, a in enumerate(question.answers) if a.comment and not a.correct)
    qtbot.keyClick(page.question_panel, Qt.Key(Qt.Key.Key_1 + session.answer_order().index(wrong)))
    qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    text = page.feedback_view.toPlainText()
    assert text.startswith("✘ Not quite.")
    assert "The right answer: " + question.answers[question.correct[0]].text in text
    assert question.answers[wrong].comment.split("[S")[0].strip()[:25] in text


def test_test_mode_hides_feedback_then_reviews_and_retries_missed(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    page = _page(bundled_window, "balancing")
    page.start(Mode.TEST, seed=3)
    session = page.session
    assert session is not None
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
        assert not page.feedback_view.isVisible()
    assert page.stack.currentWidget() is page.results_panel
    review = page.review_view.toPlainText()
    assert review.count("✔ Right.") == total - 1 and review.count("✘ Wrong.") == 1
    assert page.retry_button.isEnabled()
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert page.session is not None and page.session.total == 1
    assert page.progress.text() == "Question 1 of 1"


def test_hint_with_h(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = _page(bundled_window, "neurotransmitters")
    page.start(Mode.PRACTICE, seed=0)
    session = page.session
    assert session is not None
    while not session.current.hint:
        _answer_right_with_keys(qtbot, page)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
        qtbot.keyClick(page.question_panel, Qt.Key.Key_Return)
    assert page.hint_button.isEnabled()
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
