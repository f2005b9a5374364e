"""Parsing quizdown files into :class:`Quiz` models, with a line for every problem.

Quizdown's question syntax is a small, fixed part of Markdown (headings, one
answer list with optional task boxes, blockquotes), so the structure is read
line by line here, cheaply and with exact line numbers; the Markdown inside
each part is rendered by :mod:`serotonin_app.content.render` only when shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from serotonin_app.content.front_matter import SourceFile, content_header, text_value
from serotonin_app.content.limits import MAX_ANSWERS, MAX_QUESTIONS
from serotonin_app.content.markdown_text import (
    FenceTracker,
    match_heading,
    match_list_item,
    match_task,
    plain_heading,
    plain_inline,
)
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error
from serotonin_app.content.quiz import Answer, Kind, Question, Quiz, QuizOptions

OUR_KEYS = frozenset({"id", "title", "lesson", "reviewed", "sources"})
#: quizdown-js options. The ones we use are read; the rest are accepted silently.
QUIZDOWN_OPTIONS = frozenset(
    {
        "shuffleanswers", "shufflequestions", "nquestions", "passinggrade", "enableretry",
        "startonload", "primarycolor", "secondarycolor", "textcolor", "locale",
        "custompassmsg", "customfailmsg",
    }
)  # fmt: skip

# No pattern may try a run of characters in several ways before failing (see markdown_text.py).
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
_INDENTED = re.compile(r"^(?: {2,}|\t)(.*)$")


def option_key(key: str) -> str:
    """``shuffle_answers`` and ``shuffleAnswers`` are the same option."""
    return key.replace("_", "").replace("-", "").casefold()


class _QuizKeys:
    """The front-matter keys a quiz file may use: ours, and quizdown's options in any spelling."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in OUR_KEYS or option_key(key) in QUIZDOWN_OPTIONS)


@dataclass
class _Item:
    line: int
    ordered: bool
    task: bool
    checked: bool
    text: list[str]
    comment: list[str] = field(default_factory=list)


@dataclass
class _Block:
    heading: str
    line: int
    body: list[str] = field(default_factory=list)
    hint: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    explanation_line: int = 0
    items: list[_Item] = field(default_factory=list)
    lists: int = 0
    #: True while lines may still belong to the last answer.
    list_open: bool = False

    def current_text(self) -> list[str]:
        """Where a blank line or a fenced code line goes at this point."""
        if self.explanation:
            return self.explanation
        if self.list_open:
            return self.items[-1].text
        return self.body


def parse_quiz(source: SourceFile) -> tuple[Quiz | None, list[Problem]]:
    """A quiz from a read file; None when the file has an error."""
    path = source.path
    quiz_id, title, problems = content_header(source, _QuizKeys())
    lesson = text_value(source, "lesson", "", problems)
    options = _options(source, problems)
    blocks, count = _blocks(source, MAX_QUESTIONS)
    if count > MAX_QUESTIONS:
        message = translate(
            "content.quiz_parse", "quiz has {count:,} questions; the limit is {limit}"
        ).format(count=count, limit=MAX_QUESTIONS)
        return None, [*problems, error(path, blocks[MAX_QUESTIONS].line, message)]
    questions = [q for q in (_question(block, path, problems) for block in blocks) if q is not None]
    if not blocks:
        message = translate("content.quiz_parse", "no questions: start each question with a heading")
        problems.append(error(path, source.body_line, message))
    if any(p.is_error for p in problems):
        return None, problems
    quiz = Quiz(quiz_id, title, lesson, tuple(questions), options, path, source.line_of_key("lesson"))
    return quiz, problems


def _options(source: SourceFile, problems: list[Problem]) -> QuizOptions:
    values = {option_key(k): (k, v) for k, v in source.meta.items()}

    def flag(name: str, default: bool) -> bool:
        if name not in values:
            return default
        key, value = values[name]
        if isinstance(value, bool):
            return value
        message = translate("content.quiz_parse", "'{key}' must be true or false").format(key=key)
        problems.append(error(source.path, source.line_of_key(key), message))
        return default

    def number(name: str, low: int, high: int) -> int | None:
        if name not in values:
            return None
        key, value = values[name]
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        message = translate("content.quiz_parse", "'{key}' must be a number from {low} to {high}").format(
            key=key, low=low, high=high
        )
        problems.append(error(source.path, source.line_of_key(key), message))
        return None

    return QuizOptions(
        shuffle_answers=flag("shuffleanswers", True),
        shuffle_questions=flag("shufflequestions", False),
        n_questions=number("nquestions", 1, 10_000),
        passing_grade=number("passinggrade", 0, 100),
        enable_retry=flag("enableretry", True),
    )


def _blocks(source: SourceFile, limit: int) -> tuple[list[_Block], int]:
    """Split the body at headings and sort each line into body, hint, answers or explanation.

    Returns the first ``limit + 1`` questions and how many there are: a file of
    nothing but headings must not build a quarter of a million of them.
    """
    blocks: list[_Block] = []
    count = 0
    fences = FenceTracker()
    for offset, line in enumerate(source.body.split("\n")):
        number = source.body_line + offset
        in_code = fences.in_code(line)
        # A line of hashes alone is a heading with no text, as in quizdown.
        heading = None if in_code else match_heading(line)
        kept = count <= limit
        if heading:
            count += 1
            if kept:
                blocks.append(_Block(plain_heading(heading[1])[0], number))
        elif blocks and in_code:
            if kept:
                blocks[-1].current_text().append(line)
        elif blocks and kept:
            _classify(blocks[-1], line, number)
        # Text before the first question is ignored, as in quizdown.
    return blocks, count


def _classify(block: _Block, line: str, number: int) -> None:
    if not line.strip():
        block.current_text().append("")
        return
    item = match_list_item(line)
    if item and block.explanation:
        block.lists += 1  # a second list after the explanation: reported as an error
        return
    if item:
        if not block.list_open:
            block.lists += 1
            block.list_open = True
        _, marker, text = item
        task = match_task(text)
        checked, text = task if task else (False, text)
        block.items.append(_Item(number, marker[0].isdigit(), bool(task), checked, [text]))
        return
    indented = _INDENTED.match(line)
    if block.list_open and indented:
        quote = _QUOTE.match(indented.group(1))
        if quote:
            block.items[-1].comment.append(quote.group(1))
        else:
            block.items[-1].text.append(indented.group(1).strip())
        return
    quote = _QUOTE.match(line)
    if quote and block.items:
        block.list_open = False
        if not block.explanation:
            block.explanation_line = number
        block.explanation.append(quote.group(1))
    elif quote:
        block.hint.append(quote.group(1))
    else:
        # A paragraph after the list ends it; quizdown shows it with the question.
        block.list_open = False
        block.body.append(line)


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _question(block: _Block, path: Any, problems: list[Problem]) -> Question | None:
    shown = block.heading if len(block.heading) <= 60 else block.heading[:60] + "…"
    if not block.heading:
        message = translate(
            "content.quiz_parse", "question heading has no text: write the question after the '#'"
        )
        problems.append(error(path, block.line, message))
        return None
    if len(block.items) > MAX_ANSWERS:
        too_many = translate(
            "content.quiz_parse", "question '{question}' has {count:,} answers; the limit is {limit}"
        )
        text = too_many.format(question=shown, count=len(block.items), limit=MAX_ANSWERS)
        problems.append(error(path, block.items[MAX_ANSWERS].line, text))
        return None
    if not block.items:
        message = translate("content.quiz_parse", "question '{question}' has no answer list")
        problems.append(error(path, block.line, message.format(question=shown)))
        return None
    if block.lists > 1:
        message = translate("content.quiz_parse", "question '{question}' has more than one answer list")
        problems.append(error(path, block.line, message.format(question=shown)))
        return None
    first = block.items[0]
    if first.ordered and first.task:
        kind = Kind.SINGLE
    elif first.ordered:
        kind = Kind.SEQUENCE
    else:
        kind = Kind.MULTIPLE
    marked = [item for item in block.items if item.checked]
    if kind is Kind.SINGLE and len(marked) != 1:
        if not marked:
            message = translate(
                "content.quiz_parse",
                "question '{question}': single choice needs exactly one answer marked [x], found no answer",
            )
        else:
            message = translate(
                "content.quiz_parse",
                "question '{question}': single choice needs exactly one answer marked [x], "
                "found {count} answers",
            )
        problems.append(error(path, block.line, message.format(question=shown, count=len(marked))))
        return None
    if kind is Kind.MULTIPLE and not marked:
        message = translate(
            "content.quiz_parse",
            "question '{question}': multiple choice needs at least one answer marked [x]",
        )
        problems.append(error(path, block.line, message.format(question=shown)))
        return None
    if kind is Kind.SEQUENCE and len(block.items) < 2:
        message = translate(
            "content.quiz_parse", "question '{question}': a sequence needs at least two items"
        )
        problems.append(error(path, block.line, message.format(question=shown)))
        return None
    answers = tuple(
        Answer(plain_inline(_joined(item.text)), _joined(item.text), item.checked, _joined(item.comment))
        for item in block.items
    )
    if any(not answer.text for answer in answers):
        message = translate("content.quiz_parse", "question '{question}' has an empty answer")
        problems.append(error(path, block.line, message.format(question=shown)))
        return None
    return Question(
        title=block.heading,
        kind=kind,
        answers=answers,
        line=block.line,
        body=_joined(block.body),
        hint=_joined(block.hint),
        explanation=_joined(block.explanation),
        explanation_line=block.explanation_line,
    )
