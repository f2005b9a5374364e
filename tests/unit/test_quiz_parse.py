"""quizdown syntax: every question type, hints, comments, explanations and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from serotonin_app.content.front_matter import parse_front_matter
from serotonin_app.content.library import load_library
from serotonin_app.content.quiz import Kind, Quiz
from serotonin_app.content.quiz_parse import parse_quiz
from tests.conftest import WritePack

# The examples from quizdown-js docs/syntax.md, unchanged.
QUIZDOWN_DOCS = """\
#### Who is the person in the picture?

![](https://upload.wikimedia.org/wikipedia/commons/thumb/9/9d/Sir_Tim_Berners-Lee.jpg/330px-Sir_Tim_Berners-Lee.jpg)

> In 1990, he published the [worlds first website](http://info.cern.ch/hypertext/WWW/TheProject.html).

1. [x] Tim Berners-Lee
    > This is the correct answer!
1. [ ] Alan Turing
1. [ ] Barbara Liskov
1. [ ] Larry Page
    > This is not Larry Page ;)

### What's the capital of Germany?

> It's the _largest_ city in Germany...

-   [x] Berlin
    > this is the correct answer.
-   [ ] Frankfurt
-   [ ] Paris
    > Paris is the capital of France.
-   [ ] Cologne

### Select your superpower!

There exist many superpowers in the world but one of them is better than everything else. Do you find it?

1. [ ] Enhanced Strength
1. [ ] Levitation
1. [x] Shapeshifting
    > Correct. This the best superpower!

## Please bring the following into sequence!

That's **super easy**!

> Three is larger than one...

1. One
2. Two
3. Three
4. Four
5. Five
"""


def _parse(text: str, name: str = "quiz.md") -> tuple[Quiz | None, list[str]]:
    source, problems = parse_front_matter(Path(name), text)
    assert source is not None, problems
    quiz, more = parse_quiz(source)
    return quiz, [f"{p.line}: {p.severity.value}: {p.message}" for p in problems + more]


def test_quizdown_documentation_examples_load_unchanged() -> None:
    quiz, problems = _parse(QUIZDOWN_DOCS, "web-basics.md")
    assert problems == []
    assert quiz is not None
    assert (quiz.id, quiz.title, quiz.lesson) == ("web-basics", "Web basics", "")
    who, capital, superpower, sequence = quiz.questions
    assert who.kind is Kind.SINGLE and who.correct == (0,) and who.line == 1
    assert "upload.wikimedia.org" in who.body
    assert who.hint.startswith("In 1990")
    assert who.answers[0].comment == "This is the correct answer!"
    assert who.answers[3].comment == "This is not Larry Page ;)"
    assert capital.kind is Kind.MULTIPLE and capital.correct == (0,)
    assert capital.hint == "It's the _largest_ city in Germany..."
    assert capital.answers[2].comment == "Paris is the capital of France."
    assert superpower.body.startswith("There exist many superpowers")
    assert superpower.correct == (2,)
    assert sequence.kind is Kind.SEQUENCE
    assert [a.text for a in sequence.answers] == ["One", "Two", "Three", "Four", "Five"]
    assert sequence.body == "That's **super easy**!"
    assert sequence.hint == "Three is larger than one..."


def test_explanation_after_the_list_and_true_false() -> None:
    quiz, problems = _parse(
        "---\nid: t\nlesson: neurotransmitters\n---\n\n# Serotonin crosses into the brain.\n\n"
        "1. [ ] True\n1. [x] False\n    > Right: it cannot.\n\n> It cannot cross the barrier. [S5]\n"
        "> See [where](lesson:neurotransmitters#where-serotonin-is-found).\n"
    )
    assert problems == []
    assert quiz is not None
    question = quiz.questions[0]
    assert question.is_true_false
    assert question.explanation.startswith("It cannot cross the barrier. [S5]\nSee [where]")
    assert question.explanation_line == 12
    assert question.answers[1].comment == "Right: it cannot."


def test_options_in_camel_and_snake_case_and_unknown_quizdown_options() -> None:
    quiz, problems = _parse(
        "---\nshuffle_answers: false\nshuffleQuestions: true\nnQuestions: 1\npassingGrade: 80\n"
        "enable_retry: false\nprimaryColor: steelblue\nlocale: de\n---\n# Q\n1. [x] A\n1. [ ] B\n"
    )
    assert problems == []
    assert quiz is not None
    options = quiz.options
    assert (options.shuffle_answers, options.shuffle_questions, options.n_questions) == (False, True, 1)
    assert (options.passing_grade, options.enable_retry) == (80, False)


def test_defaults() -> None:
    quiz, _ = _parse("# Q\n1. [x] A\n1. [ ] B\n")
    assert quiz is not None
    assert quiz.options.shuffle_answers and not quiz.options.shuffle_questions
    assert quiz.options.passing_grade is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Q\nJust text.\n", "1: error: question 'Q' has no answer list"),
        (
            "# Q\n1. [ ] A\n1. [ ] B\n",
            "1: error: question 'Q': single choice needs exactly one answer marked [x], found no answer",
        ),
        (
            "\n# Q\n1. [x] A\n1. [x] B\n",
            "2: error: question 'Q': single choice needs exactly one answer marked [x], found 2 answers",
        ),
        (
            "# Q\n- [ ] A\n- [ ] B\n",
            "1: error: question 'Q': multiple choice needs at least one answer marked [x]",
        ),
        ("# Q\n1. Only\n", "1: error: question 'Q': a sequence needs at least two items"),
        ("Intro only\n", "1: error: no questions: start each question with a heading"),
        (
            "---\npassingGrade: high\n---\n# Q\n1. [x] A\n",
            "2: error: 'passingGrade' must be a number from 0 to 100",
        ),
        ("---\ncolour: red\n---\n# Q\n1. [x] A\n", "2: warning: unknown front-matter key 'colour' (ignored)"),
        ("# Q\n1. [x] A\n\nText\n\n1. [ ] B\n", "1: error: question 'Q' has more than one answer list"),
    ],
)
def test_errors_have_their_line(text: str, expected: str) -> None:
    _, problems = _parse(text)
    assert expected in problems


def test_check_reports_unknown_lesson_and_broken_explanation_link(write_pack: WritePack) -> None:
    from serotonin_app.content.check import check_library

    pack = write_pack(
        {
            "quizzes/q.md": (
                "---\nlesson: nowhere\n---\n\n# Q\n\n1. [x] A\n1. [ ] B\n\n"
                "> See [this](lesson:balancing#nope).\n"
            ),
        }
    )
    library, problems = load_library([pack])
    assert problems == []
    found = [(p.path.name, p.line, p.message) for p in check_library(library).problems]
    assert ("q.md", 2, "quiz belongs to unknown lesson 'nowhere'") in found
    assert ("q.md", 10, "link to unknown lesson 'balancing'") in found


def test_bundled_quizzes() -> None:
    from tests.conftest import BUNDLED

    library, _ = load_library([BUNDLED])
    assert [quiz.lesson for quiz in library.quizzes] == ["neurotransmitters", "addiction", "balancing"]
    questions = [q for quiz in library.quizzes for q in quiz.questions]
    assert len(questions) >= 24
    kinds = {q.kind for q in questions}
    assert kinds == {Kind.SINGLE, Kind.MULTIPLE, Kind.SEQUENCE}
    assert any(q.is_true_false for q in questions)
    for question in questions:
        assert question.explanation, question.title
        assert "](lesson:" in question.explanation, question.title
