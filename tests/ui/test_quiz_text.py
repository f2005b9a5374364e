"""The words around a quiz question, once for the Quizzes tab and for paper."""

from __future__ import annotations

import html
import re

import pytest
from pytestqt.qtbot import QtBot

from serotonin_app import handouts
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.quiz import Answer, Feedback, Kind, Mode, Question, Quiz, QuizSession
from serotonin_app.content.render import Renderer
from serotonin_app.quiz_text import (
    BLANK,
    BOX,
    CIRCLE,
    DOT,
    TICKED,
    Medium,
    feedback_html,
    feedback_text,
    instruction,
    question_text,
    review_html,
    review_texts,
)
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import BUNDLED


def _question(kind: Kind, title: str = "Which?", explanation: str = "Because *so*.") -> Question:
    answers = (
        Answer("Alpha", "Alpha", True, "Yes, alpha."),
        Answer("Beta", "Beta", kind is Kind.MULTIPLE, ""),
        Answer("Gamma", "Gamma", False, "Not gamma."),
    )
    return Question(title, kind, answers, line=1, body="Pick *well*.", explanation=explanation)


def _quiz() -> Quiz:
    questions = (
        _question(Kind.SINGLE, "One"),
        _question(Kind.MULTIPLE, "Some"),
        _question(Kind.SEQUENCE, "Order"),
    )
    return Quiz("q", "Q", "lesson", questions)


def _text(html_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


def test_instructions_differ_only_for_ordering_between_screen_and_paper() -> None:
    for kind in (Kind.SINGLE, Kind.MULTIPLE):
        assert instruction(kind, Medium.SCREEN) == instruction(kind, Medium.PAPER)
    assert instruction(Kind.SINGLE, Medium.SCREEN) == "Choose one answer."
    assert instruction(Kind.MULTIPLE, Medium.PAPER) == "Choose all that apply."
    assert "move it up or down" in instruction(Kind.SEQUENCE, Medium.SCREEN)
    assert instruction(Kind.SEQUENCE, Medium.PAPER) == "Write 1, 2, 3… to put these in the right order."


def test_a_worksheet_question_has_empty_marks_and_no_answers() -> None:
    session = QuizSession(_quiz(), seed=3)
    single, multiple, sequence = (question_text(session, n, medium=Medium.PAPER) for n in range(3))
    assert {line.mark for line in single.answers} == {CIRCLE}
    assert {line.mark for line in multiple.answers} == {BOX}
    assert {line.mark for line in sequence.answers} == {BLANK}
    for shown in (single, multiple, sequence):
        assert not any(line.key for line in shown.answers)
        assert shown.key_line is None and shown.explanation == ""
        assert [line.number for line in shown.answers] == [1, 2, 3]
        order = session.answer_order(shown.number - 1)
        assert [line.index for line in shown.answers] == list(order)


def test_the_answer_key_fills_in_the_right_answers_and_explains() -> None:
    session = QuizSession(_quiz(), seed=3)
    single, multiple, sequence = (
        question_text(session, n, medium=Medium.PAPER, answer_key=True) for n in range(3)
    )
    marks = {line.text: (line.mark, line.key) for line in single.answers}
    assert marks == {"Alpha": (DOT, "Answer"), "Beta": (CIRCLE, ""), "Gamma": (CIRCLE, "")}
    assert {line.text: line.mark for line in multiple.answers} == {
        "Alpha": TICKED,
        "Beta": TICKED,
        "Gamma": BOX,
    }
    assert {line.text: line.mark for line in sequence.answers} == {"Alpha": "1", "Beta": "2", "Gamma": "3"}
    assert sequence.key_line is not None
    assert (sequence.key_line.label, sequence.key_line.text) == ("Answer:", "Alpha → Beta → Gamma")
    assert single.key_line is None and single.explanation == "Because *so*."


def test_the_screen_has_no_paper_marks() -> None:
    session = QuizSession(_quiz(), seed=3)
    shown = question_text(session)
    assert shown.number == 1 and shown.kind is Kind.SINGLE
    assert all(line.mark == "" and line.key == "" for line in shown.answers)


def test_practice_feedback_names_the_right_answer_only_when_wrong() -> None:
    question = _question(Kind.MULTIPLE)
    wrong = feedback_text(question, Feedback(False, ("Not gamma.",), "Because."))
    assert wrong.verdict.text == "✘ Not quite."
    assert wrong.right is not None and wrong.right.text == "Alpha; Beta"
    page = _text(feedback_html(wrong, lambda text: f"<p>{html.escape(text)}</p>"))
    assert page == "✘ Not quite. The right answer: Alpha; Beta Not gamma. Because."
    right = feedback_text(question, Feedback(True, (), ""))
    assert right.verdict.text == "✔ Right!" and right.right is None


def test_a_review_reads_the_same_on_screen_and_on_paper() -> None:
    session = QuizSession(_quiz(), seed=3)
    session.answer([2])  # wrong
    session.next()
    session.answer([0, 1])  # right
    session.next()
    session.answer([1, 0, 2])  # wrong order
    reviews = review_texts(session.finish())
    assert [review.verdict.text for review in reviews] == ["✘ Wrong", "✔ Right", "✘ Wrong"]
    assert reviews[2].yours.text == "Beta → Alpha → Gamma"
    assert reviews[2].right is not None and reviews[2].right.text == "Alpha → Beta → Gamma"
    assert reviews[1].right is None
    screen = review_html(reviews[0], lambda text: f"<p>{text}</p>")
    paper = review_html(reviews[0], anchor="keep-together-1")
    assert _text(screen) == "1. One ✘ Wrong. Your answer: Gamma The right answer: Alpha Because *so*."
    assert _text(paper) == "1. One ✘ Wrong. Your answer: Gamma The right answer: Alpha"
    assert '<a name="keep-together-1"></a>' in paper


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    library, _ = load_library([BUNDLED])
    return library


def test_the_tab_and_the_printed_results_say_the_same(
    qtbot: QtBot, bundled_window: MainWindow, library: ContentLibrary
) -> None:
    """One model: every line of "Print my results" is in the review on screen."""
    from serotonin_app.content.navigation import Place

    assert bundled_window.navigator.open(Place("quiz", "balancing"))
    page = bundled_window.content_tabs.quizzes_page
    assert page is not None
    page.start(Mode.TEST, seed=2)
    session = page.session
    assert session is not None
    while page.stack.currentWidget() is page.question_panel:
        page.pick(2)
        page.submit()
    screen = " ".join(page.results_panel.review_view.toPlainText().split())
    handout = handouts.results_handout(session, Renderer(library.glossary))
    questions = re.split(r"(?=<h3[ >])", handout.html)[1:]
    assert len(questions) == session.total
    for question in questions:
        assert _text(question) in screen
