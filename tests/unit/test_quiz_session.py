"""The QuizSession state machine: every question type and mode, retry, and invariants."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serotonin_app.content.quiz import Answer, Kind, Mode, Question, Quiz, QuizError, QuizOptions, QuizSession


def _answers(*specs: tuple[str, bool, str]) -> tuple[Answer, ...]:
    return tuple(Answer(text, text, correct, comment) for text, correct, comment in specs)


SINGLE = Question(
    "Where is most serotonin made?",
    Kind.SINGLE,
    _answers(("Brain", False, "Only a little."), ("Gut", True, ""), ("Liver", False, "")),
    1,
    hint="Think of digestion.",
    explanation="About 90–95% is made in the gut.",
)
MULTIPLE = Question(
    "Which are SSRIs?",
    Kind.MULTIPLE,
    _answers(("Sertraline", True, ""), ("Fluoxetine", True, ""), ("Mirtazapine", False, "It is not.")),
    10,
    explanation="Sertraline and fluoxetine.",
)
SEQUENCE = Question(
    "Put in order",
    Kind.SEQUENCE,
    _answers(("Tryptophan", False, ""), ("5-HTP", False, ""), ("Serotonin", False, "")),
    20,
    explanation="Tryptophan, then 5-HTP, then serotonin.",
)
TRUE_FALSE = Question(
    "Serotonin crosses into the brain.", Kind.SINGLE, _answers(("True", False, ""), ("False", True, "")), 30
)
QUIZ = Quiz(
    "q",
    "Quiz",
    "lesson",
    (SINGLE, MULTIPLE, SEQUENCE, TRUE_FALSE),
    QuizOptions(passing_grade=75),
    Path("q.md"),
)


def test_practice_run_with_feedback_score_and_pass() -> None:
    session = QuizSession(QUIZ, Mode.PRACTICE, seed=1)
    assert (session.index, session.total) == (0, 4)
    feedback = session.answer([0])
    assert not feedback.correct
    assert feedback.comments == ("Only a little.",)
    assert feedback.explanation == "About 90–95% is made in the gut."
    session.next()
    assert session.answer([1, 0]).correct  # multiple choice: exactly the marked set
    session.next()
    assert session.answer([0, 1, 2]).correct
    session.next()
    assert session.answer([1]).correct
    assert not session.has_next
    result = session.finish()
    assert (result.score, result.total, result.percent, result.passed) == (3, 4, 75, True)
    assert [review.correct for review in result.reviews] == [False, True, True, True]
    assert result.reviews[0].chosen == (0,)
    assert result.missed == (SINGLE,)


def test_multiple_choice_needs_exactly_the_marked_set() -> None:
    assert not MULTIPLE.is_right([0])
    assert not MULTIPLE.is_right([0, 1, 2])
    assert MULTIPLE.is_right([1, 0])


def test_sequence_is_shown_shuffled_and_right_only_in_order() -> None:
    quiz = replace(QUIZ, questions=(SEQUENCE,))
    for seed in range(20):
        session = QuizSession(quiz, seed=seed)
        assert session.answer_order() != (0, 1, 2)
    session = QuizSession(quiz, seed=3)
    assert not session.answer([1, 0, 2]).correct
    with pytest.raises(QuizError):
        QuizSession(quiz).answer([0, 0, 1])


def test_the_seed_reproduces_question_and_answer_order() -> None:
    quiz = replace(QUIZ, options=QuizOptions(shuffle_questions=True))
    first, second = QuizSession(quiz, seed=42), QuizSession(quiz, seed=42)
    assert first.questions == second.questions
    assert [first.answer_order(i) for i in range(4)] == [second.answer_order(i) for i in range(4)]
    orders = {tuple(q.title for q in QuizSession(quiz, seed=s).questions) for s in range(30)}
    assert len(orders) > 1


def test_true_false_keeps_its_order_and_no_shuffle_keeps_all() -> None:
    assert all(QuizSession(QUIZ, seed=s).answer_order(3) == (0, 1) for s in range(10))
    quiz = replace(QUIZ, options=QuizOptions(shuffle_answers=False))
    assert QuizSession(quiz, seed=5).answer_order(0) == (0, 1, 2)


def test_n_questions_limits_the_session() -> None:
    quiz = replace(QUIZ, options=QuizOptions(n_questions=2))
    assert QuizSession(quiz).total == 2


def test_test_mode_records_answers_and_hints() -> None:
    session = QuizSession(QUIZ, Mode.TEST)
    assert session.show_hint() == "Think of digestion."
    session.answer([1])
    assert session.response() is not None and session.response().used_hint  # type: ignore[union-attr]


def test_rules_of_the_state_machine() -> None:
    session = QuizSession(QUIZ)
    with pytest.raises(QuizError):
        session.next()
    with pytest.raises(QuizError):
        session.finish()
    with pytest.raises(QuizError):
        session.answer([0, 1])  # single choice takes one
    session.answer([1])
    with pytest.raises(QuizError):
        session.answer([1])


def test_retry_missed_and_restart() -> None:
    session = QuizSession(QUIZ, seed=9)
    for chosen in ([0], [0], [0, 1, 2], [1]):
        session.answer(chosen)
        if session.has_next:
            session.next()
    result = session.finish()
    assert [q.title for q in result.missed] == [SINGLE.title, MULTIPLE.title]
    retry = session.retry_missed()
    assert retry.questions == (SINGLE, MULTIPLE)
    assert retry.answered_count == 0
    assert session.restart().total == 4
    with pytest.raises(QuizError):
        session.answer([1])


actions = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.lists(st.integers(0, 3), max_size=4)),
        st.tuples(st.just("next"), st.just([])),
        st.tuples(st.just("hint"), st.just([])),
        st.tuples(st.just("finish"), st.just([])),
    ),
    max_size=40,
)


@settings(max_examples=300)
@given(actions, st.integers(0, 1000), st.sampled_from(list(Mode)))
def test_random_actions_keep_the_invariants(
    steps: list[tuple[str, list[int]]], seed: int, mode: Mode
) -> None:
    session = QuizSession(replace(QUIZ, options=QuizOptions(shuffle_questions=True)), mode, seed)
    for action, chosen in steps:
        before = session.answered_count
        try:
            if action == "answer":
                session.answer(chosen)
                assert session.answered_count == before + 1
            elif action == "next":
                session.next()
            elif action == "hint":
                session.show_hint()
            else:
                session.finish()
        except QuizError:
            assert session.answered_count == before
        assert 0 <= session.score <= session.answered_count <= session.total
        assert 0 <= session.index < session.total
        assert session.answered_count >= session.index  # never ahead of the answers
    result = session.result()
    assert result.score <= result.total
    assert len({id(r.question) for r in result.reviews}) == len(result.reviews)  # each answered once
