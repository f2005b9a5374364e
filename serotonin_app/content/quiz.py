"""Quizzes: the model and the ``QuizSession`` state machine. No Qt, no Markdown.

The file format is quizdown's (bonartm/quizdown-js), parsed by
:mod:`serotonin_app.content.quiz_parse` when a quiz is first used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from random import Random


class Kind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SEQUENCE = "sequence"


class Mode(StrEnum):
    #: Feedback, comments and the explanation after each answer.
    PRACTICE = "practice"
    #: No feedback until the end.
    TEST = "test"


@dataclass(frozen=True)
class Answer:
    """One answer. Text fields are Markdown; ``text`` is the plain form for buttons."""

    text: str
    markdown: str
    correct: bool
    comment: str = ""


@dataclass(frozen=True)
class Question:
    """A question. ``body``, ``hint`` and ``explanation`` are Markdown, rendered when shown."""

    title: str
    kind: Kind
    answers: tuple[Answer, ...]
    #: 1-based line of the question's heading in its file.
    line: int
    body: str = ""
    hint: str = ""
    explanation: str = ""
    #: 1-based file line where the explanation starts (for link problems).
    explanation_line: int = 0

    @property
    def correct(self) -> tuple[int, ...]:
        """Indices of the right answers; for a sequence, the right order."""
        if self.kind is Kind.SEQUENCE:
            return tuple(range(len(self.answers)))
        return tuple(i for i, answer in enumerate(self.answers) if answer.correct)

    @property
    def is_true_false(self) -> bool:
        return self.kind is Kind.SINGLE and [a.text.casefold() for a in self.answers] in (
            ["true", "false"],
            ["false", "true"],
        )

    def is_right(self, chosen: Sequence[int]) -> bool:
        if self.kind is Kind.SEQUENCE:
            return tuple(chosen) == self.correct
        return set(chosen) == set(self.correct) and len(set(chosen)) == len(tuple(chosen))


@dataclass(frozen=True)
class QuizOptions:
    shuffle_answers: bool = True
    shuffle_questions: bool = False
    n_questions: int | None = None
    #: Percentage needed to pass; None means the quiz has no pass mark.
    passing_grade: int | None = None
    enable_retry: bool = True


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    #: The lesson this quiz belongs to ("" for none).
    lesson: str
    questions: tuple[Question, ...]
    options: QuizOptions = field(default_factory=QuizOptions)
    path: Path = Path()
    #: 1-based line of the ``lesson:`` key, for reporting an unknown lesson.
    lesson_line: int = 1


@dataclass(frozen=True)
class Response:
    #: Original answer indices: the set chosen, or for a sequence the order given.
    chosen: tuple[int, ...]
    correct: bool
    used_hint: bool = False


@dataclass(frozen=True)
class Feedback:
    correct: bool
    #: Comments (Markdown) of the chosen answers that have one.
    comments: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Review:
    question: Question
    chosen: tuple[int, ...]
    correct: bool


@dataclass(frozen=True)
class Result:
    score: int
    total: int
    passing_grade: int | None
    reviews: tuple[Review, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0

    @property
    def passed(self) -> bool | None:
        """None when the quiz has no pass mark."""
        return None if self.passing_grade is None else self.percent >= self.passing_grade

    @property
    def missed(self) -> tuple[Question, ...]:
        return tuple(review.question for review in self.reviews if not review.correct)


class QuizError(Exception):
    """A programming error: an action that is not allowed in the session's state."""


class QuizSession:
    """One person's run through a quiz: start, answer, hint, next, finish.

    The seed fixes question order, answer order and sequence shuffles, so a
    test or a printed worksheet can reproduce exactly what was shown.
    """

    def __init__(
        self,
        quiz: Quiz,
        mode: Mode = Mode.PRACTICE,
        seed: int = 0,
        *,
        only: Sequence[Question] | None = None,
    ) -> None:
        self.quiz = quiz
        self.mode = mode
        self.seed = seed
        import random  # only when a quiz starts: keeps start-up lean

        rng = random.Random(seed)
        questions = list(only) if only is not None else list(quiz.questions)
        if only is None and quiz.options.shuffle_questions:
            rng.shuffle(questions)
        if only is None and quiz.options.n_questions:
            questions = questions[: quiz.options.n_questions]
        self.questions: tuple[Question, ...] = tuple(questions)
        self._orders: list[tuple[int, ...]] = [self._display_order(q, rng) for q in self.questions]
        self._responses: dict[int, Response] = {}
        self._hints: set[int] = set()
        self._index = 0
        self._finished = False

    def _display_order(self, question: Question, rng: Random) -> tuple[int, ...]:
        order = list(range(len(question.answers)))
        if question.kind is Kind.SEQUENCE:
            # A sequence is always shuffled, and never shown already solved.
            for _ in range(20):
                rng.shuffle(order)
                if order != sorted(order) or len(order) < 2:
                    break
        elif self.quiz.options.shuffle_answers and not question.is_true_false:
            rng.shuffle(order)
        return tuple(order)

    # -- state -------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def index(self) -> int:
        """0-based position of the current question."""
        return self._index

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def current(self) -> Question:
        return self.questions[self._index]

    def answer_order(self, index: int | None = None) -> tuple[int, ...]:
        """Original answer indices in the order they are shown."""
        return self._orders[self._index if index is None else index]

    def response(self, index: int | None = None) -> Response | None:
        return self._responses.get(self._index if index is None else index)

    @property
    def answered(self) -> bool:
        return self._index in self._responses

    @property
    def score(self) -> int:
        return sum(1 for response in self._responses.values() if response.correct)

    @property
    def answered_count(self) -> int:
        return len(self._responses)

    # -- actions -----------------------------------------------------------

    def show_hint(self) -> str:
        """The current question's hint (Markdown), recorded as used."""
        self._require_open()
        self._hints.add(self._index)
        return self.current.hint

    def answer(self, chosen: Sequence[int]) -> Feedback:
        """Answer the current question once, with original answer indices."""
        self._require_open()
        if self.answered:
            raise QuizError("this question has already been answered")
        question = self.current
        valid = range(len(question.answers))
        if any(i not in valid for i in chosen):
            raise QuizError(f"answer index out of range: {list(chosen)}")
        if question.kind is Kind.SEQUENCE and sorted(chosen) != list(valid):
            raise QuizError("a sequence answer must use every item once")
        if question.kind is Kind.SINGLE and len(chosen) != 1:
            raise QuizError("a single-choice answer must choose exactly one")
        correct = question.is_right(chosen)
        self._responses[self._index] = Response(tuple(chosen), correct, self._index in self._hints)
        return self.feedback()

    def feedback(self) -> Feedback:
        """Feedback for the answered current question (shown at once in practice mode)."""
        response = self.response()
        if response is None:
            raise QuizError("the current question has not been answered")
        question = self.current
        comments = tuple(
            question.answers[i].comment
            for i in response.chosen
            if question.answers[i].comment and question.kind is not Kind.SEQUENCE
        )
        return Feedback(response.correct, comments, question.explanation)

    @property
    def has_next(self) -> bool:
        return self._index + 1 < self.total

    def next(self) -> Question:
        """Move on; only after answering the current question."""
        self._require_open()
        if not self.answered:
            raise QuizError("answer the current question first")
        if not self.has_next:
            raise QuizError("this was the last question")
        self._index += 1
        return self.current

    def finish(self) -> Result:
        """End the quiz once every question has been answered."""
        if len(self._responses) != self.total:
            raise QuizError("answer every question before finishing")
        self._finished = True
        return self.result()

    def result(self) -> Result:
        reviews = tuple(
            Review(question, self._responses[i].chosen, self._responses[i].correct)
            for i, question in enumerate(self.questions)
            if i in self._responses
        )
        return Result(self.score, self.total, self.quiz.options.passing_grade, reviews)

    def retry_missed(self, seed: int | None = None) -> QuizSession:
        """A new session with only the questions answered wrongly."""
        missed = self.result().missed
        if not missed:
            raise QuizError("no questions were missed")
        return QuizSession(self.quiz, self.mode, self.seed + 1 if seed is None else seed, only=missed)

    def restart(self, seed: int | None = None) -> QuizSession:
        return QuizSession(self.quiz, self.mode, self.seed + 1 if seed is None else seed)

    def _require_open(self) -> None:
        if self._finished:
            raise QuizError("the quiz is finished")
