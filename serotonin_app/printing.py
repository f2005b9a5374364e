"""The one place that lays out printed pages: print, preview, PDF and ``export`` all call it.

A handout is HTML laid out once by ``QTextDocument`` for the page size, then
painted page by page with a header (clinic name and phone, handout title) and
a footer ("Page x of y", print date, disclaimer). Whatever must be read
together is moved whole to the next page rather than split: a box (an urgent
group, a lesson callout), a quiz question with its answers, a heading with what
follows it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)

from serotonin_app import APP_NAME
from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.quiz import Kind, Quiz, QuizSession
from serotonin_app.content.render import Renderer
from serotonin_app.content.settings import ClinicSettings
from serotonin_app.content.sources import strip_citation_marks
from serotonin_app.pictures import PictureDocument

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
#: Territories that use US Letter paper; everyone else gets A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})
#: An anchor named ``keep-together-…`` starts a part kept on one page: the table it
#: is in, or at the top level everything up to the next such anchor.
KEEP_MARK = "keep-together-"
#: Headings up to this level are never the last line on a page.
KEEP_HEADING_LEVEL = 3
#: Every handout is laid out at this resolution: on paper, in PDFs and in the preview.
PDF_DPI = 300
MARGIN_MM = 16
HEADER_MM = 14
FOOTER_MM = 18
BOX, TICKED, CIRCLE, ANSWER_MARK = "☐", "☑", "○", "●"

PRINT_CSS = """
body { font-size: 11pt; color: #000000; }
h1 { font-size: 18pt; margin-bottom: 4pt; }
h2 { font-size: 13.5pt; margin-top: 12pt; margin-bottom: 3pt; }
h3 { font-size: 12pt; margin-top: 10pt; margin-bottom: 2pt; }
p, li { line-height: 130%; }
sup.cite { font-size: 6.5pt; }
div.sources h2 { font-size: 11pt; margin-top: 10pt; margin-bottom: 2pt; }
div.sources ul, div.sources ol { -qt-list-indent: 0; list-style-type: none; }
div.sources li { font-size: 7.5pt; line-height: 100%; margin-top: 0; margin-bottom: 1pt; }
a { color: #000000; text-decoration: none; }
table.callout { margin-top: 6pt; margin-bottom: 6pt; border-style: solid; border-color: #000000; }
p.callout-title { font-weight: bold; margin-top: 0; }
p.fill { margin-top: 6pt; margin-bottom: 10pt; font-size: 12pt; }
td.box { font-size: 15pt; }
td.blank { font-size: 12pt; }
td.item { font-size: 12pt; }
table.urgent { border-style: solid; border-color: #000000; margin-top: 10pt; }
p.answer-key { font-weight: bold; }
p.instruction { font-style: italic; }
"""


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


def print_font(points: float) -> QFont:
    """The default font without ligatures, so words in the PDF can be found and copied."""
    font = QFont()
    font.setPointSizeF(points)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def default_page_size() -> str:
    """Letter where the paper locale uses it, A4 everywhere else."""
    # POSIX precedence. QLocale.system() follows LC_NUMERIC and friends, never
    # LC_PAPER, so someone who set only their paper would get the wrong size.
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value:
            # "en_US.UTF-8", "sr_RS@latin"; "C" and "POSIX" have no territory.
            territory = value.partition(".")[0].partition("@")[0].partition("_")[2]
            break
    else:
        # Windows usually sets none of them.
        territory = QLocale.system().name().partition("_")[2]
    return "Letter" if territory.upper() in LETTER_TERRITORIES else "A4"


def _fill_lines() -> str:
    name, date = html.escape(translate("printing", "Name:")), html.escape(translate("printing", "Date:"))
    blank = "_" * 24
    return f'<p class="fill">{name} {blank}&nbsp;&nbsp;&nbsp;&nbsp;{date} {"_" * 14}</p>'


# -- handouts ------------------------------------------------------------------


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
    for number, question in enumerate(session.questions, start=1):
        parts.append(f'<h3><a name="{KEEP_MARK}{number}"></a>{number}. {html.escape(question.title)}</h3>')
        if question.body:
            parts.append(renderer.markdown(question.body).html)
        order = session.answer_order(number - 1)
        instruction = {
            Kind.SINGLE: translate("printing", "Choose one answer."),
            Kind.MULTIPLE: translate("printing", "Choose all that apply."),
            Kind.SEQUENCE: translate("printing", "Write 1, 2, 3… to put these in the right order."),
        }[question.kind]
        parts.append(f'<p class="instruction">{html.escape(instruction)}</p>')
        rows = []
        for index in order:
            answer = question.answers[index]
            label = html.escape(answer.text)
            if question.kind is Kind.SEQUENCE:
                # Text size, not box size, and no wrapping: a 15 pt blank broke onto a second line.
                blank = f"{index + 1}" if answer_key else "____"
                rows.append(
                    f'<tr><td class="blank" width="48" valign="top" nowrap>{blank}</td>'
                    f'<td class="item">{label}</td></tr>'
                )
                continue
            if answer_key and answer.correct:
                box = ANSWER_MARK if question.kind is Kind.SINGLE else TICKED
            else:
                box = CIRCLE if question.kind is Kind.SINGLE else BOX
            if answer_key and answer.correct:
                answer_word = html.escape(translate("printing", "Answer"))
                label = f"<b>{label} – {answer_word}</b>"
            rows.append(
                f'<tr><td class="box" width="40" valign="top">{box}</td><td class="item">{label}</td></tr>'
            )
        parts.append(f'<table cellpadding="2" cellspacing="0" width="100%">{"".join(rows)}</table>')
        if answer_key:
            if question.kind is Kind.SEQUENCE:
                right = " → ".join(a.text for a in question.answers)
                answer_word = html.escape(translate("printing", "Answer"))
                parts.append(f'<p class="answer-key">{answer_word}: {html.escape(right)}</p>')
            if question.explanation:
                parts.append(renderer.markdown(question.explanation).html)
    name = f"quiz-{quiz.id}-{'answer-key' if answer_key else 'worksheet'}"
    return Handout(title, "".join(parts), name)


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
    for number, review in enumerate(result.reviews, start=1):
        question = review.question
        separator = " → " if question.kind is Kind.SEQUENCE else "; "
        verdict = (
            "✔ " + translate("printing", "Right") if review.correct else "✘ " + translate("printing", "Wrong")
        )
        your_answer = translate("printing", "Your answer:")
        right_answer = translate("printing", "The right answer:")
        yours = separator.join(question.answers[i].text for i in review.chosen)
        right = separator.join(question.answers[i].text for i in question.correct)
        parts.append(f'<h3><a name="{KEEP_MARK}{number}"></a>{number}. {html.escape(question.title)}</h3>')
        parts.append(f"<p><b>{html.escape(verdict)}.</b> {html.escape(your_answer)} {html.escape(yours)}</p>")
        if not review.correct:
            parts.append(f"<p>{html.escape(right_answer)} {html.escape(right)}</p>")
    return Handout(title, "".join(parts), f"results-{session.quiz.id}")


# -- layout and painting -------------------------------------------------------


class PageLayout:
    """A handout laid out for one device: the body document and the page geometry."""

    def __init__(self, handout: Handout, settings: ClinicSettings, device: QPagedPaintDevice) -> None:
        self.handout = handout
        self.settings = settings
        self.device = device
        dpi = device.logicalDpiY()
        self.mm = dpi / 25.4
        width, height = device.width(), device.height()
        margin = MARGIN_MM * self.mm
        self.page = QRectF(0, 0, width, height)
        self.header = QRectF(margin, margin * 0.7, width - 2 * margin, HEADER_MM * self.mm)
        self.footer = QRectF(
            margin, height - margin * 0.6 - FOOTER_MM * self.mm, width - 2 * margin, FOOTER_MM * self.mm
        )
        self.body = QRectF(margin, self.header.bottom() + 3 * self.mm, width - 2 * margin, 0)
        self.body.setBottom(self.footer.top() - 3 * self.mm)
        self.document = self._document(handout.html, PRINT_CSS, self.body.width())
        self.document.setPageSize(QSizeF(self.body.width(), self.body.height()))
        self._keep_together()

    def _document(self, body_html: str, css: str, width: float) -> QTextDocument:
        # Pictures fit the body; the document reads them itself only through content/local_files.py.
        limit = QSizeF(width, self.body.height())
        document = PictureDocument(self.handout.roots, self.handout.base, limit)
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(print_font(11))
        document.setDefaultStyleSheet(css)
        document.setDocumentMargin(0)
        document.setHtml(body_html)
        _heading_sizes_from_css(document)
        document.setTextWidth(width)
        return document

    @property
    def page_count(self) -> int:
        return max(1, self.document.pageCount())

    def _keep_together(self) -> None:
        """Move each part that would be split to the top of the next page, if it fits on one.

        The headings just before a part move with it, so no move leaves a heading at
        the foot of a page. A move shifts only what comes after it, so one pass in
        document order settles every part without undoing an earlier one.
        """
        items = _top_level(self.document)
        for part in _parts(items):
            if self._on_one_page(items, part):
                continue
            start = part.start
            while (before := _previous_filled(items, start)) is not None and _heading_level(items[before]):
                start = before
            policy = _page_break_policy(items[start])
            if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                continue  # already at the top of a page, so it cannot fit on one
            page = int((self._top(items[start]) + 1) // self.body.height())
            _set_page_break_policy(items[start], policy | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            first = items[start]
            if int((self._top(first) + 1) // self.body.height()) > page + 1 and isinstance(first, QTextBlock):
                # The block's first line straddled the foot of the page (Qt does not carry such
                # a line over), and a break sent the block two pages on, leaving a page with one
                # clipped line. Push the block down to the top of the next page instead.
                _set_page_break_policy(items[start], policy)
                self._push_to_next_page(first, page)
                continue
            if not self._on_one_page(items, _Part(start, part.end, part.whole)):
                # Too tall for any page: a move would only add white space.
                _set_page_break_policy(items[start], policy)

    def _push_to_next_page(self, block: QTextBlock, page: int) -> None:
        gap = (page + 1) * self.body.height() - self._top(block)
        cursor = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setTopMargin(fmt.topMargin() + gap + 1)
        cursor.setBlockFormat(fmt)

    def _on_one_page(self, items: list[_Item], part: _Part) -> bool:
        page_height = self.body.height()
        top = self._top(items[part.start])
        bottom = self._bottom(items[part.end], whole=part.whole)
        # Qt places lines in 1/64 steps: a line moved to a new page can start a hair above it.
        return int((top + 1) // page_height) == int((bottom - 1) // page_height)

    def _top(self, item: _Item) -> float:
        if isinstance(item, QTextFrame):
            return self.document.documentLayout().frameBoundingRect(item).top()
        return self._line_rect(item, 0).top()

    def _bottom(self, item: _Item, *, whole: bool) -> float:
        """Where the item ends, or with ``whole=False`` where its first line ends."""
        if isinstance(item, QTextFrame):
            if whole:
                return self.document.documentLayout().frameBoundingRect(item).bottom()
            return self._line_rect(item.firstCursorPosition().block(), 0).bottom()
        return self._line_rect(item, item.layout().lineCount() - 1 if whole else 0).bottom()

    def _line_rect(self, block: QTextBlock, index: int) -> QRectF:
        """A line of a block in document coordinates: Qt moves lines, not blocks, to the next page."""
        # The block's rect starts where its layout does; a moved line sits further down in it.
        rect = self.document.documentLayout().blockBoundingRect(block)
        text_layout = block.layout()
        if text_layout.lineCount() == 0:
            return rect
        return text_layout.lineAt(index).rect().translated(rect.topLeft())

    def paint(self, painter: QPainter, printed_on: dt.date | None = None) -> int:
        """Paint every page; the device must already be open on ``painter``."""
        # ISO dates cannot be misread, whatever the clinic's country.
        day = (printed_on or dt.date.today()).isoformat()
        total = self.page_count
        context = _paper_context()
        for page in range(total):
            if page:
                self.device.newPage()
            # Header first, so text read back from the PDF comes in reading order.
            self._paint_header(painter)
            painter.save()
            painter.translate(self.body.left(), self.body.top() - page * self.body.height())
            context.clip = QRectF(0, page * self.body.height(), self.body.width(), self.body.height())
            painter.setClipRect(context.clip)
            self.document.documentLayout().draw(painter, context)
            painter.restore()
            self._paint_footer(painter, page + 1, total, day)
        return total

    def _paint_header(self, painter: QPainter) -> None:
        settings = self.settings
        clinic = settings.name or APP_NAME
        if settings.phone:
            clinic += f" · {settings.phone}"
        painter.save()
        painter.setPen(QColor("black"))
        font = print_font(10)
        font.setBold(True)
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.header, flags, clinic)
        font.setBold(False)
        painter.setFont(font)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.header, right, self.handout.title)
        painter.drawLine(self.header.bottomLeft(), self.header.bottomRight())
        painter.restore()

    def _paint_footer(self, painter: QPainter, page: int, total: int, day: str) -> None:
        page_text = translate("printing", "Page %1 of %2").replace("%1", str(page)).replace("%2", str(total))
        printed = translate("printing", "Printed %1").replace("%1", day)
        footer_html = (
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="top">{html.escape(self.settings.disclaimer)}</td>'
            f'<td valign="top" align="right" width="30%">'
            f"{html.escape(page_text)}<br>{html.escape(printed)}</td>"
            f"</tr></table>"
        )
        footer = self._document(footer_html, "body { font-size: 8pt; color: #000000; }", self.footer.width())
        painter.save()
        painter.setPen(QColor("black"))
        painter.drawLine(self.footer.topLeft(), self.footer.topRight())
        painter.translate(self.footer.left(), self.footer.top() + 1.5 * self.mm)
        # drawContents() would take the application's palette: white text in high contrast.
        footer.documentLayout().draw(painter, _paper_context())
        painter.restore()


def _heading_sizes_from_css(document: QTextDocument) -> None:
    """Give headings the point size PRINT_CSS asks for.

    Qt keeps its own size step for ``<h1>``…``<h6>`` next to a CSS ``font-size`` in
    points, and the step wins: an h2 came out at 16.5 pt instead of 13.5 pt.
    """
    runs = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                char_format = fragment.charFormat()
                if char_format.hasProperty(QTextFormat.Property.FontPointSize):
                    char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                    runs.append((fragment.position(), fragment.length(), char_format))
                fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, char_format in runs:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char_format)


# -- keeping parts together ------------------------------------------------------

#: A top-level piece of the body: a block, or a frame such as a table.
_Item = QTextBlock | QTextFrame


@dataclass(frozen=True)
class _Part:
    """Items ``start`` to ``end`` that belong on one page; of the last, all or only its first line."""

    start: int
    end: int
    whole: bool


def _top_level(document: QTextDocument) -> list[_Item]:
    items: list[_Item] = []
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        items.append(frame if frame is not None else iterator.currentBlock())
        iterator += 1
    return items


def _parts(items: list[_Item]) -> list[_Part]:
    """What must not be split, in document order and the longest first where two start together.

    A box (a table with a border, such as an urgent group or a lesson callout) and
    a section opened by a keep mark (a quiz question) stay whole. A box that ends
    the handout keeps the block before it, so it is never stranded alone on the
    last page. A heading stays with the first line of what follows.
    """
    parts: set[_Part] = set()
    marks = [index for index, item in enumerate(items) if _has_keep_mark(item)]
    for number, start in enumerate(marks):
        if isinstance(items[start], QTextFrame):
            parts.add(_Part(start, start, True))
        else:
            stop = marks[number + 1] if number + 1 < len(marks) else len(items)
            end = _previous_filled(items, stop)
            parts.add(_Part(start, start if end is None else max(start, end), True))
    boxes = [index for index, item in enumerate(items) if _is_box(item)]
    parts.update(_Part(index, index, True) for index in boxes)
    last = _previous_filled(items, len(items))
    if boxes and last == boxes[-1] and (before := _previous_filled(items, last)) is not None:
        parts.add(_Part(before, last, True))
    for index, item in enumerate(items):
        following = _next_filled(items, index)
        if _heading_level(item) and following is not None:
            parts.add(_Part(index, following, False))
    return sorted(parts, key=lambda part: (part.start, -part.end, not part.whole))


def _filled(item: _Item) -> bool:
    """False for the empty blocks Qt leaves after tables, which take no room worth keeping."""
    return isinstance(item, QTextFrame) or bool(item.text().strip())


def _next_filled(items: list[_Item], index: int) -> int | None:
    return next((n for n in range(index + 1, len(items)) if _filled(items[n])), None)


def _previous_filled(items: list[_Item], index: int) -> int | None:
    return next((n for n in range(index - 1, -1, -1) if _filled(items[n])), None)


def _is_box(item: _Item) -> bool:
    return isinstance(item, QTextFrame) and item.frameFormat().border() > 0


def _heading_level(item: _Item) -> int:
    """1 to KEEP_HEADING_LEVEL for a heading kept with what follows, else 0."""
    level = item.blockFormat().headingLevel() if isinstance(item, QTextBlock) else 0
    return level if level <= KEEP_HEADING_LEVEL else 0


def _has_keep_mark(item: _Item) -> bool:
    if isinstance(item, QTextFrame):
        block = item.firstCursorPosition().block()
        end = item.lastPosition()
    else:
        block, end = item, item.position()
    while block.isValid() and block.position() <= end:
        fragments = block.begin()
        while not fragments.atEnd():
            if any(name.startswith(KEEP_MARK) for name in fragments.fragment().charFormat().anchorNames()):
                return True
            fragments += 1
        block = block.next()
    return False


def _page_break_policy(item: _Item) -> QTextFormat.PageBreakFlag:
    if isinstance(item, QTextFrame):
        return item.frameFormat().pageBreakPolicy()
    return item.blockFormat().pageBreakPolicy()


def _set_page_break_policy(item: _Item, policy: QTextFormat.PageBreakFlag) -> None:
    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        frame_format.setPageBreakPolicy(policy)
        item.setFrameFormat(frame_format)
    else:
        block_format = item.blockFormat()
        block_format.setPageBreakPolicy(policy)
        QTextCursor(item).setBlockFormat(block_format)


def _paper_context() -> QAbstractTextDocumentLayout.PaintContext:
    """Black ink on white paper, whatever colour scheme the window shows."""
    context = QAbstractTextDocumentLayout.PaintContext()
    ink = QPalette(QColor("white"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.Link):
        ink.setColor(role, QColor("black"))
    context.palette = ink
    return context


def paint_handout(handout: Handout, settings: ClinicSettings, device: QPagedPaintDevice) -> int:
    """Lay out and paint a handout on a printer or PDF writer; returns the page count."""
    layout = PageLayout(handout, settings, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("printing", "could not start printing"))
    try:
        return layout.paint(painter)
    finally:
        painter.end()


def configure_page(device: QPagedPaintDevice, page_size: str) -> None:
    """The one page set-up for printers, PDFs and the preview: paper size, no device margins."""
    device.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def write_pdf(handout: Handout, settings: ClinicSettings, path: Path, page_size: str | None = None) -> int:
    """Write a PDF atomically: a failure leaves any existing file untouched."""
    if path.exists() and not path.is_file():
        # A device such as /dev/full, a folder or a pipe: never write a handout into one.
        raise OSError(f"cannot write {path}: not a regular file")
    # Laid out in memory, then written by Python: QSaveFile said "Unknown error" for a full disk,
    # where the system's own words ("No space left on device") tell the person what to do.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(handout.title)
    writer.setCreator(APP_NAME)
    writer.setResolution(PDF_DPI)
    configure_page(writer, page_size or default_page_size())
    pages = paint_handout(handout, settings, writer)
    del writer  # finishes the PDF
    write_atomically(path, bytes(buffer.data().data()))
    return pages


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file beside ``path`` and rename it over ``path``."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        # mkstemp makes the file private; a handout gets the mode any new file would get.
        Path(temporary).chmod(path.stat().st_mode & 0o777 if path.exists() else _new_file_mode())
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
