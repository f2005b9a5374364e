"""What goes on paper: each handout as HTML with a title, ready for the page layout.

Lessons, checklists (blank or ticked as on screen), quiz worksheets and answer
keys, and "Print my results". The words around a quiz question come from
:mod:`serotonin_app.quiz_text`, the same pieces the Quizzes tab shows.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.quiz import Kind, Quiz, QuizSession
from serotonin_app.content.render import Renderer
from serotonin_app.content.settings import ClinicSettings
from serotonin_app.content.sources import strip_citation_marks
from serotonin_app.content.translations import SOURCE_LANGUAGE
from serotonin_app.content.translations import Kind as ContentKind
from serotonin_app.i18n import is_right_to_left
from serotonin_app.keep_together import KEEP_MARK
from serotonin_app.quiz_text import (
    AnswerLine,
    Medium,
    heading_html,
    labelled_html,
    question_text,
    review_html,
    review_texts,
)

#: A checklist item's box, blank and ticked.
BOX, TICKED = "☐", "☑"

#: Handout text is translated in the context "printing"; lupdate reads translate("printing", "…").
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Handout:
    """What to print: a title for the header and the body as HTML."""

    title: str
    html: str
    #: Used for file names in ``export all``.
    name: str
    #: Pictures are looked up relative to ``base`` and only inside ``roots`` (see content/local_files.py).
    base: Path | None = None
    roots: tuple[Path, ...] = ()
    #: A line for the footer of every page about the handout's language, or "".
    notice: str = ""
    #: The body is in a right-to-left language (Arabic, Hebrew, Persian, Urdu).
    right_to_left: bool = False


def with_language_notice(
    handout: Handout, library: ContentLibrary, kind: ContentKind, item_id: str
) -> Handout:
    """The handout in its language's direction, with a footer line when its text is English for a
    reader of another language, or a translation no clinician has checked yet (until
    ``translation_reviewed`` is set).
    """
    translation = library.translation(kind, item_id)
    if library.untranslated(kind, item_id):
        notice = translate("printing", "This handout is not translated yet, so it is printed in English.")
    elif translation is not None and not translation.reviewed:
        notice = translate("printing", "Translation not yet checked by a clinician.")
    else:
        notice = ""
    language = translation.language if translation is not None else SOURCE_LANGUAGE
    return replace(handout, notice=notice, right_to_left=is_right_to_left(language))


def _fill_lines() -> str:
    name, date = html.escape(translate("printing", "Name:")), html.escape(translate("printing", "Date:"))
    blank = "_" * 24
    return f'<p class="fill">{name} {blank}&nbsp;&nbsp;&nbsp;&nbsp;{date} {"_" * 14}</p>'


#: The marks content/render.py makes from ``[S12]``, with the space before them.
#: A lesson's ``## Sources`` section, up to the next ``##`` heading or the end.
_SOURCES = re.compile(r'<h2 id="sources">.*?(?=<h2[ >]|\Z)', re.DOTALL)


def lesson_handout(
    lesson: Lesson, renderer: Renderer, *, citations: bool = False, roots: Collection[Path] = ()
) -> Handout:
    """The lesson ending with a compact source list; ``citations`` keeps the [S12] marks."""
    body = renderer.markdown(lesson.body, first_line=lesson.body_line).html
    if not citations:
        # Marks at 6.5 pt are too small to read on paper; the source list stays.
        body = strip_citation_marks(body)
    body = _SOURCES.sub(lambda m: f'<div class="sources">{m.group(0)}</div>', body, count=1)
    title = f"<h1>{html.escape(lesson.title)}</h1>"
    # Without the library's roots, the lesson's own content folder (lessons live in <root>/lessons/).
    picture_roots = tuple(roots) or (lesson.path.parent.parent,)
    return Handout(
        lesson.title, title + _fill_lines() + body, f"lesson-{lesson.id}", lesson.path.parent, picture_roots
    )


def checklist_handout(
    checklist: Checklist,
    renderer: Renderer,
    settings: ClinicSettings,
    ticked: Collection[tuple[int, int]] = (),
) -> Handout:
    """The checklist with boxes ticked as on screen (pass no ticks to print it blank)."""
    parts = [f"<h1>{html.escape(checklist.title)}</h1>"]
    if checklist.intro:
        parts.append(f"<p>{html.escape(checklist.intro)}</p>")
    parts.append(_fill_lines())
    for group_index, group in enumerate(checklist.groups):
        rows = []
        for item_index, item in enumerate(group.items):
            box = TICKED if (group_index, item_index) in ticked else BOX
            rows.append(
                f'<tr><td class="box" width="28" valign="top">{box}</td>'
                f'<td class="item" valign="top">{html.escape(item.text)}</td></tr>'
            )
        items = f'<table cellpadding="3" cellspacing="0" width="100%">{"".join(rows)}</table>' if rows else ""
        notes = renderer.markdown(group.notes).html if group.notes else ""
        if group.urgent:
            numbers = _emergency_numbers(settings, f"{group.title} {group.notes}")
            parts.append(
                f'<table class="urgent" border="2" cellpadding="10" cellspacing="0" width="100%"><tr><td>'
                f"<h2>⚠ {html.escape(group.title)}</h2>"
                f"{items}{notes}{numbers}</td></tr></table>"
            )
        else:
            parts.append(f"<h2>{html.escape(group.title)}</h2>{items}{notes}")
    return Handout(checklist.title, "".join(parts), f"checklist-{checklist.id}")


def _emergency_numbers(settings: ClinicSettings, already: str) -> str:
    """The emergency number and crisis lines, unless the box already shows them."""
    lines = []
    if settings.emergency_number not in already:
        lines.append(translate("printing", "Emergency: %1").replace("%1", settings.emergency_number))
    crisis = settings.placeholders()["crisis_lines"]
    if settings.crisis_lines and crisis not in already:
        lines.append(translate("printing", "Crisis lines: %1").replace("%1", crisis))
    return "".join(f"<p><b>{html.escape(line)}</b></p>" for line in lines)


def worksheet_handout(quiz: Quiz, renderer: Renderer, *, seed: int = 1, answer_key: bool = False) -> Handout:
    """The quiz on paper; the answer key has the same questions in the same order."""
    session = QuizSession(quiz, seed=seed)
    title = quiz.title + (" – " + translate("printing", "answer key") if answer_key else "")
    parts = [f"<h1>{html.escape(title)}</h1>", _fill_lines()]
    for index in range(session.total):
        question = question_text(session, index, medium=Medium.PAPER, answer_key=answer_key)
        parts.append(heading_html(question.number, question.title, f"{KEEP_MARK}{question.number}"))
        if question.body:
            parts.append(renderer.markdown(question.body).html)
        parts.append(f'<p class="instruction">{html.escape(question.instruction)}</p>')
        ordering = question.kind is Kind.SEQUENCE
        rows = "".join(_answer_row(line, ordering=ordering) for line in question.answers)
        parts.append(f'<table cellpadding="2" cellspacing="0" width="100%">{rows}</table>')
        if question.key_line is not None:
            parts.append(labelled_html(question.key_line, "answer-key"))
        if question.explanation:
            parts.append(renderer.markdown(question.explanation).html)
    name = f"quiz-{quiz.id}-{'answer-key' if answer_key else 'worksheet'}"
    return Handout(title, "".join(parts), name)


def _answer_row(line: AnswerLine, *, ordering: bool) -> str:
    label = html.escape(line.text)
    if ordering:
        # Text size, not box size, and no wrapping: a 15 pt blank broke onto a second line.
        return (
            f'<tr><td class="blank" width="48" valign="top" nowrap>{line.mark}</td>'
            f'<td class="item">{label}</td></tr>'
        )
    if line.key:
        label = f"<b>{label} – {html.escape(line.key)}</b>"
    return f'<tr><td class="box" width="40" valign="top">{line.mark}</td><td class="item">{label}</td></tr>'


def results_handout(session: QuizSession, renderer: Renderer, today: dt.date | None = None) -> Handout:
    """ "Print my results": score, date and each question with the answers. No name is stored."""
    result = session.result()
    day = (today or dt.date.today()).isoformat()
    title = translate("printing", "My results: %1").replace("%1", session.quiz.title)
    score = (
        translate("printing", "Score: %1 of %2 (%3%)")
        .replace("%1", str(result.score))
        .replace("%2", str(result.total))
    )
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        _fill_lines(),
        f"<p><b>{html.escape(score.replace('%3', str(result.percent)))}</b> · {html.escape(day)}</p>",
    ]
    # Without the explanations the Quizzes tab shows: a line or two a question.
    parts += [review_html(review, anchor=f"{KEEP_MARK}{review.number}") for review in review_texts(result)]
    return Handout(title, "".join(parts), f"results-{session.quiz.id}")
