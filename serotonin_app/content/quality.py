"""``check --quality``: a psychoeducation linter for lessons, quizzes and checklists.

The rules follow what PEMAT-P (AHRQ's Patient Education Materials Assessment Tool)
and a clinical safety review ask of patient material. Each finding is a warning
(``path:line: warning: message``), and each lesson gets a score: the quality items
it meets out of the items that apply to it. The rules, their heuristics and their
limits are explained for authors in ``resources/README.md`` ("Quality check").

Everything works on the parsed library and the lessons' raw Markdown bodies, so
the section boundaries and anchors are the ones the app itself uses. No Qt here.
This module holds the structure, length, reading-grade, image and quiz rules and
runs them all; the safety rules are in ``quality_safety``, the term rule in
``quality_terms``, the lesson's sections in ``quality_text`` and the messages and
scores in ``quality_report``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from serotonin_app.content.lesson import Lesson
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.problems import Problem, reraise_unexpected, unexpected, warning
from serotonin_app.content.quality_report import (
    ALL_CONTENT,
    ITEMS,
    MESSAGES,
    QualityReport,
    Score,
    rule_message,
)
from serotonin_app.content.quality_safety import (
    MEDICINES,
    crisis_rule,
    has_reminder,
    medicine_rule,
    normalise_sign,
    sign_tiers,
)
from serotonin_app.content.quality_terms import is_candidate_term, is_explained, terms_rule
from serotonin_app.content.quality_text import IMAGE, Part, boxes, count_words, lesson_parts, without_images
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.readability import MAX_LESSON_GRADE, grade

# -- thresholds (documented in resources/README.md) -----------------------------------

MAX_SECTION_WORDS = 200
MAX_SECTION_GRADE = MAX_LESSON_GRADE
MAX_SAFETY_BOX_GRADE = 6.0
INTRO_HEADING = "in-this-lesson"
ACTIONS_HEADING = "what-you-can-do"

_SAFETY_KINDS = frozenset({"danger", "warning"})
_SECTION_LINK = re.compile(r"\]\(\s*lesson:[^)#\s]+#[^)\s]+")


# -- lesson rules ---------------------------------------------------------------------


def _structure(lesson: Lesson, score: Score) -> list[Problem]:
    anchors = {section.anchor for section in lesson.sections}
    problems: list[Problem] = []
    for key, anchor in (("intro", INTRO_HEADING), ("actions", ACTIONS_HEADING)):
        found = [] if anchor in anchors else [warning(lesson.path, lesson.body_line, rule_message(key))]
        problems += score.item(key, found)
    return problems


def _length_and_grade(lesson: Lesson, parts: list[Part], score: Score) -> list[Problem]:
    long: list[Problem] = []
    hard: list[Problem] = []
    hard_boxes: list[Problem] = []
    any_box = False
    for part in parts:
        words = count_words(part.text)
        if words > MAX_SECTION_WORDS:
            message = rule_message("words").format(section=part.title, words=words, limit=MAX_SECTION_WORDS)
            long.append(warning(lesson.path, part.line, message))
        section_grade = grade(without_images(part.text))
        if section_grade > MAX_SECTION_GRADE:
            message = rule_message("grade").format(
                section=part.title, grade=section_grade, limit=MAX_SECTION_GRADE
            )
            hard.append(warning(lesson.path, part.line, message))
        for box in boxes(part):
            if box.kind not in _SAFETY_KINDS:
                continue
            any_box = True
            box_grade = grade(without_images(box.markdown))
            if box_grade > MAX_SAFETY_BOX_GRADE:
                message = rule_message("box_grade").format(
                    kind=box.kind, grade=box_grade, limit=MAX_SAFETY_BOX_GRADE
                )
                hard_boxes.append(warning(lesson.path, box.line, message))
    problems = score.item("words", long) + score.item("grade", hard)
    if any_box:
        problems += score.item("box_grade", hard_boxes)
    return problems


def _images(lesson: Lesson, parts: list[Part], score: Score) -> list[Problem]:
    no_alt: list[Problem] = []
    no_caption: list[Problem] = []
    seen = False
    for part in parts:
        for offset, line in enumerate(part.lines):
            for match in IMAGE.finditer(line):
                seen = True
                alt, src = match.group(1), match.group(2)
                caption = match.group(3) if match.group(3) is not None else match.group(4)
                if not alt.strip():
                    no_alt.append(
                        warning(lesson.path, part.line + offset, rule_message("alt").format(src=src))
                    )
                if not (caption or "").strip():
                    no_caption.append(
                        warning(lesson.path, part.line + offset, rule_message("caption").format(src=src))
                    )
    if not seen:
        return []
    return score.item("alt", no_alt) + score.item("caption", no_caption)


# -- quizzes and checklists -----------------------------------------------------------


def _quiz_item(score: Score, quiz: Quiz) -> list[Problem]:
    return score.item("quiz_link", _quiz(quiz))


def _quiz(quiz: Quiz) -> list[Problem]:
    problems: list[Problem] = []
    for question in quiz.questions:
        if not _SECTION_LINK.search(question.explanation):
            line = question.explanation_line or question.line
            title = question.title if len(question.title) <= 60 else question.title[:57] + "…"
            problems.append(warning(quiz.path, line, rule_message("quiz_link").format(question=title)))
    return problems


# -- the whole check ------------------------------------------------------------------


def check_quality(library: ContentLibrary, branding: list[Problem] | None = None) -> QualityReport:
    """Every quality rule over the library.

    ``branding`` is what the normal ``check`` already reported about clinic settings
    left at their defaults: those warnings are printed once, by ``check``, and only
    counted here. When None they are worked out with ``check``'s own function.
    """
    if branding is None:
        from serotonin_app.content.check import _check_branding

        branding = _check_branding(library)
    problems: list[Problem] = []
    scores: list[Score] = []
    crisis_text = library.settings.placeholders()["crisis_lines"]
    for lesson in library.lessons:
        score = Score(lesson.id, lesson.path)
        scores.append(score)
        problems += _guarded(lesson.path, partial(_lesson, library, lesson, crisis_text, score))
    whole = Score(ALL_CONTENT, None)
    for quiz in library.quizzes:
        owner = next((s for s in scores if s.name == quiz.lesson), whole)
        problems += _guarded(quiz.path, partial(_quiz_item, owner, quiz))
    if any(group.urgent for checklist in library.checklists for group in checklist.groups):
        problems += whole.item("tiers", sign_tiers(library.checklists))
    whole.item("clinic", list(branding))
    scores.append(whole)
    return QualityReport(problems, scores)


def _guarded(path: Path, run: Callable[[], list[Problem]]) -> list[Problem]:
    """Anything unexpected while checking one file is a problem for that file; the rest go on."""
    try:
        return run()
    except Exception as exc:
        if reraise_unexpected():
            raise
        return [unexpected(path, exc, "check")]


def _lesson(library: ContentLibrary, lesson: Lesson, crisis_text: str, score: Score) -> list[Problem]:
    parts = lesson_parts(lesson)
    clinic_text = " ".join(library.settings.placeholders().values())
    return [
        *_structure(lesson, score),
        *_length_and_grade(lesson, parts, score),
        *terms_rule(lesson, parts, library.glossary, clinic_text, score),
        *_images(lesson, parts, score),
        *medicine_rule(lesson, parts, score),
        *crisis_rule(lesson, parts, crisis_text, score),
    ]


__all__ = [
    "ITEMS",
    "MEDICINES",
    "MESSAGES",
    "QualityReport",
    "Score",
    "check_quality",
    "count_words",
    "has_reminder",
    "is_candidate_term",
    "is_explained",
    "normalise_sign",
]
