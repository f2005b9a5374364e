"""The words around a quiz question, written once for the Quizzes tab and for paper.

The tab and the handouts (worksheet, answer key, "Print my results") show the
same pieces: how to answer, the answers with their marks, whether an answer was
right, the right answer, comments and the explanation. This module turns a
question, an answer's feedback or a review into those pieces; the widgets and
the printed HTML only lay them out. Text from the quiz stays as the quiz gives
it (titles and answers plain, bodies and explanations Markdown): whoever shows
a piece escapes or renders it.

Interface words are translated in the context "QuizText", each a literal so
``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from serotonin_app.content.quiz import Feedback, Kind, Question, QuizSession, Result, Review

translate = QCoreApplication.translate

RIGHT, WRONG = "✔", "✘"
#: Paper marks: a choice to circle or tick, and the answer key's filled-in forms.
CIRCLE, DOT, BOX, TICKED = "○", "●", "☐", "☑"
#: Where a worksheet's reader writes an item's place in a sequence.
BLANK = "____"


class Medium(Enum):
    """Where a question is answered: on screen with the mouse and keys, or on paper with a pen."""

    SCREEN = "screen"
    PAPER = "paper"


@dataclass(frozen=True)
class AnswerLine:
    """One answer as shown: its number, its original index and its plain text."""

    number: int
    index: int
    text: str
    #: Paper only: the circle, box or blank before the text; the answer key fills in the right ones.
    mark: str = ""
    #: On an answer key, "Answer" after a right choice (printed in bold with it).
    key: str = ""


@dataclass(frozen=True)
class Labelled:
    """A label and the quiz's own plain text after it, such as "Your answer: …"."""

    label: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """Whether an answer was right, as a symbol and words (never by colour alone)."""

    correct: bool
    words: str

    @property
    def text(self) -> str:
        return f"{RIGHT if self.correct else WRONG} {self.words}"


@dataclass(frozen=True)
class QuestionText:
    """A question to answer: on screen, or on a worksheet or answer key."""

    number: int
    title: str
    kind: Kind
    #: Markdown.
    body: str
    instruction: str
    answers: tuple[AnswerLine, ...]
    #: Answer key of a sequence: the right order.
    key_line: Labelled | None = None
    #: Markdown; only on an answer key.
    explanation: str = ""


@dataclass(frozen=True)
class FeedbackText:
    """What practice mode shows right after an answer."""

    verdict: Verdict
    #: Only when the answer was wrong.
    right: Labelled | None
    #: Markdown: the comments of the chosen answers, then the explanation.
    comments: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class ReviewText:
    """One answered question in the results, on screen and in "Print my results"."""

    number: int
    title: str
    verdict: Verdict
    yours: Labelled
    #: Only when the answer was wrong.
    right: Labelled | None
    #: Markdown.
    explanation: str


def instruction(kind: Kind, medium: Medium) -> str:
    """How to answer a question of ``kind``; ordering differs between a list on screen and a pen."""
    if kind is Kind.SINGLE:
        return translate("QuizText", "Choose one answer.")
    if kind is Kind.MULTIPLE:
        return translate("QuizText", "Choose all that apply.")
    if medium is Medium.PAPER:
        return translate("QuizText", "Write 1, 2, 3… to put these in the right order.")
    return translate("QuizText", "Put these in the right order. Choose an item, then move it up or down.")


def answer_text(question: Question, indices: Sequence[int]) -> str:
    """Answers by original index, as one line: a sequence with arrows, a choice with semicolons."""
    separator = " → " if question.kind is Kind.SEQUENCE else "; "
    return separator.join(question.answers[index].text for index in indices)


def _right_answer(question: Question) -> Labelled:
    return Labelled(translate("QuizText", "The right answer:"), answer_text(question, question.correct))


def _answer_line(question: Question, number: int, index: int, medium: Medium, answer_key: bool) -> AnswerLine:
    text = question.answers[index].text
    if medium is Medium.SCREEN:
        return AnswerLine(number, index, text)
    if question.kind is Kind.SEQUENCE:
        # The original order is the right one.
        return AnswerLine(number, index, text, str(index + 1) if answer_key else BLANK)
    right = answer_key and question.answers[index].correct
    filled, empty = (DOT, CIRCLE) if question.kind is Kind.SINGLE else (TICKED, BOX)
    mark = filled if right else empty
    return AnswerLine(number, index, text, mark, translate("QuizText", "Answer") if right else "")


def question_text(
    session: QuizSession,
    index: int | None = None,
    *,
    medium: Medium = Medium.SCREEN,
    answer_key: bool = False,
) -> QuestionText:
    """Question ``index`` of ``session`` (by default the current one), its answers in the session's order."""
    number = session.index if index is None else index
    question = session.questions[number]
    answers = tuple(
        _answer_line(question, position, answer, medium, answer_key)
        for position, answer in enumerate(session.answer_order(number), start=1)
    )
    key_line = None
    if answer_key and question.kind is Kind.SEQUENCE:
        label = translate("QuizText", "Answer") + ":"
        key_line = Labelled(label, answer_text(question, question.correct))
    return QuestionText(
        number + 1,
        question.title,
        question.kind,
        question.body,
        instruction(question.kind, medium),
        answers,
        key_line,
        question.explanation if answer_key else "",
    )


def feedback_text(question: Question, feedback: Feedback) -> FeedbackText:
    """Practice feedback on an answer to ``question``."""
    if feedback.correct:
        verdict = Verdict(True, translate("QuizText", "Right!"))
    else:
        verdict = Verdict(False, translate("QuizText", "Not quite."))
    right = None if feedback.correct else _right_answer(question)
    return FeedbackText(verdict, right, feedback.comments, feedback.explanation)


def review_text(number: int, review: Review) -> ReviewText:
    """Question ``number`` (from 1) of the results: the verdict, the answer given and the right one."""
    question = review.question
    if review.correct:
        verdict = Verdict(True, translate("QuizText", "Right"))
    else:
        verdict = Verdict(False, translate("QuizText", "Wrong"))
    return ReviewText(
        number,
        question.title,
        verdict,
        Labelled(translate("QuizText", "Your answer:"), answer_text(question, review.chosen)),
        None if review.correct else _right_answer(question),
        question.explanation,
    )


def review_texts(result: Result) -> tuple[ReviewText, ...]:
    return tuple(review_text(number, review) for number, review in enumerate(result.reviews, start=1))


# -- HTML, the same on screen and on paper --------------------------------------------


def labelled_html(line: Labelled, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{html.escape(line.label)} {html.escape(line.text)}</p>"


def heading_html(number: int, title: str, anchor: str = "") -> str:
    """``<h3>`` with the question's number; ``anchor`` names the place (printing keeps parts by it)."""
    named = f'<a name="{anchor}"></a>' if anchor else ""
    return f"<h3>{named}{number}. {html.escape(title)}</h3>"


def review_html(review: ReviewText, markdown: Callable[[str], str] | None = None, *, anchor: str = "") -> str:
    """A reviewed question; ``markdown`` renders its explanation, and without it there is none."""
    parts = [
        heading_html(review.number, review.title, anchor),
        f"<p><b>{html.escape(review.verdict.text)}.</b> "
        f"{html.escape(review.yours.label)} {html.escape(review.yours.text)}</p>",
    ]
    if review.right is not None:
        parts.append(labelled_html(review.right))
    if markdown is not None and review.explanation:
        parts.append(markdown(review.explanation))
    return "".join(parts)


def feedback_html(feedback: FeedbackText, markdown: Callable[[str], str]) -> str:
    parts = [f"<p><b>{html.escape(feedback.verdict.text)}</b></p>"]
    if feedback.right is not None:
        parts.append(labelled_html(feedback.right))
    parts += [markdown(comment) for comment in feedback.comments]
    if feedback.explanation:
        parts.append(markdown(feedback.explanation))
    return "".join(parts)
