"""The one place that lays out printed pages: print, preview, PDF and ``export`` all call it.

A handout is HTML laid out once by ``QTextDocument`` for the page size, then
painted page by page with a header (clinic name and phone, handout title) and
a footer ("Page x of y", print date, disclaimer). Boxes that must stay whole,
such as a checklist's urgent group, are moved to the next page if they would
be split.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSaveFile, QSizeF, Qt
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
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from serotonin_app import APP_NAME
from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.quiz import Kind, Quiz, QuizSession
from serotonin_app.content.render import Renderer
from serotonin_app.content.settings import ClinicSettings

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
#: Territories that use US Letter paper; everyone else gets A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})
KEEP_MARK = "keep-together-"
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
a { color: #000000; text-decoration: none; }
table.callout { margin-top: 6pt; margin-bottom: 6pt; border-style: solid; border-color: #000000; }
p.callout-title { font-weight: bold; margin-top: 0; }
p.fill { margin-top: 6pt; margin-bottom: 10pt; font-size: 12pt; }
td.box { font-size: 15pt; }
td.item { font-size: 12pt; }
table.urgent { border-style: solid; border-color: #000000; margin-top: 10pt; }
p.answer-key { font-weight: bold; }
p.instruction { font-style: italic; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


@dataclass(frozen=True)
class Handout:
    """What to print: a title for the header and the body as HTML."""

    title: str
    html: str
    #: Used for file names in ``export all``.
    name: str


def print_font(points: float) -> QFont:
    """The default font without ligatures, so words in the PDF can be found and copied."""
    font = QFont()
    font.setPointSizeF(points)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def default_page_size() -> str:
    """Letter where the system locale uses it, A4 everywhere else."""
    territory = QLocale.system().name().partition("_")[2]
    return "Letter" if territory in LETTER_TERRITORIES else "A4"


def _fill_lines() -> str:
    name, date = html.escape(tr("Name:")), html.escape(tr("Date:"))
    blank = "_" * 24
    return f'<p class="fill">{name} {blank}&nbsp;&nbsp;&nbsp;&nbsp;{date} {"_" * 14}</p>'


# -- handouts ------------------------------------------------------------------


def lesson_handout(lesson: Lesson, renderer: Renderer) -> Handout:
    body = renderer.markdown(lesson.body, first_line=lesson.body_line).html
    title = f"<h1>{html.escape(lesson.title)}</h1>"
    return Handout(lesson.title, title + _fill_lines() + body, f"lesson-{lesson.id}")


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
                f'<a name="{KEEP_MARK}{group_index}"></a><h2>⚠ {html.escape(group.title)}</h2>'
                f"{items}{notes}{numbers}</td></tr></table>"
            )
        else:
            parts.append(f"<h2>{html.escape(group.title)}</h2>{items}{notes}")
    return Handout(checklist.title, "".join(parts), f"checklist-{checklist.id}")


def _emergency_numbers(settings: ClinicSettings, already: str) -> str:
    """The emergency number and crisis lines, unless the box already shows them."""
    lines = []
    if settings.emergency_number not in already:
        lines.append(tr("Emergency: %1").replace("%1", settings.emergency_number))
    crisis = settings.placeholders()["crisis_lines"]
    if settings.crisis_lines and crisis not in already:
        lines.append(tr("Crisis lines: %1").replace("%1", crisis))
    return "".join(f"<p><b>{html.escape(line)}</b></p>" for line in lines)


def worksheet_handout(quiz: Quiz, renderer: Renderer, *, seed: int = 1, answer_key: bool = False) -> Handout:
    """The quiz on paper; the answer key has the same questions in the same order."""
    session = QuizSession(quiz, seed=seed)
    title = quiz.title + (" – " + tr("answer key") if answer_key else "")
    parts = [f"<h1>{html.escape(title)}</h1>", _fill_lines()]
    for number, question in enumerate(session.questions, start=1):
        parts.append(f"<h3>{number}. {html.escape(question.title)}</h3>")
        if question.body:
            parts.append(renderer.markdown(question.body).html)
        order = session.answer_order(number - 1)
        instruction = {
            Kind.SINGLE: tr("Choose one answer."),
            Kind.MULTIPLE: tr("Choose all that apply."),
            Kind.SEQUENCE: tr("Write 1, 2, 3… to put these in the right order."),
        }[question.kind]
        parts.append(f'<p class="instruction">{html.escape(instruction)}</p>')
        rows = []
        for index in order:
            answer = question.answers[index]
            if question.kind is Kind.SEQUENCE:
                box = f"{index + 1}" if answer_key else "____"
            elif answer_key and answer.correct:
                box = ANSWER_MARK if question.kind is Kind.SINGLE else TICKED
            else:
                box = CIRCLE if question.kind is Kind.SINGLE else BOX
            label = html.escape(answer.text)
            if answer_key and answer.correct and question.kind is not Kind.SEQUENCE:
                label = f"<b>{label} – {html.escape(tr('Answer'))}</b>"
            rows.append(
                f'<tr><td class="box" width="40" valign="top">{box}</td><td class="item">{label}</td></tr>'
            )
        parts.append(f'<table cellpadding="2" cellspacing="0" width="100%">{"".join(rows)}</table>')
        if answer_key:
            if question.kind is Kind.SEQUENCE:
                right = " → ".join(a.text for a in question.answers)
                parts.append(f'<p class="answer-key">{html.escape(tr("Answer"))}: {html.escape(right)}</p>')
            if question.explanation:
                parts.append(renderer.markdown(question.explanation).html)
    name = f"quiz-{quiz.id}-{'answer-key' if answer_key else 'worksheet'}"
    return Handout(title, "".join(parts), name)


def results_handout(session: QuizSession, renderer: Renderer, today: dt.date | None = None) -> Handout:
    """ "Print my results": score, date and each question with the answers. No name is stored."""
    result = session.result()
    day = (today or dt.date.today()).isoformat()
    title = tr("My results: %1").replace("%1", session.quiz.title)
    score = tr("Score: %1 of %2 (%3%)").replace("%1", str(result.score)).replace("%2", str(result.total))
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        _fill_lines(),
        f"<p><b>{html.escape(score.replace('%3', str(result.percent)))}</b> · {html.escape(day)}</p>",
    ]
    for number, review in enumerate(result.reviews, start=1):
        question = review.question
        separator = " → " if question.kind is Kind.SEQUENCE else "; "
        verdict = "✔ " + tr("Right") if review.correct else "✘ " + tr("Wrong")
        yours = separator.join(question.answers[i].text for i in review.chosen)
        right = separator.join(question.answers[i].text for i in question.correct)
        parts.append(f"<h3>{number}. {html.escape(question.title)}</h3>")
        parts.append(
            f"<p><b>{html.escape(verdict)}.</b> {html.escape(tr('Your answer:'))} {html.escape(yours)}</p>"
        )
        if not review.correct:
            parts.append(f"<p>{html.escape(tr('The right answer:'))} {html.escape(right)}</p>")
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
        self._keep_boxes_whole()

    def _document(self, body_html: str, css: str, width: float) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(print_font(11))
        document.setDefaultStyleSheet(css)
        document.setDocumentMargin(0)
        document.setHtml(body_html)
        document.setTextWidth(width)
        return document

    @property
    def page_count(self) -> int:
        return max(1, self.document.pageCount())

    def _keep_boxes_whole(self) -> None:
        """Move a box that would be split to the top of the next page (if it fits on one)."""
        page_height = self.body.height()
        layout = self.document.documentLayout()
        for _ in range(20):
            moved = False
            block = self.document.begin()
            while block.isValid():
                iterator = block.begin()
                names: list[str] = []
                while not iterator.atEnd():
                    names += iterator.fragment().charFormat().anchorNames()
                    iterator += 1
                table = (
                    QTextCursor(block).currentTable() if any(n.startswith(KEEP_MARK) for n in names) else None
                )
                if table is not None:
                    rect = layout.frameBoundingRect(table)
                    first, last = int(rect.top() // page_height), int((rect.bottom() - 1) // page_height)
                    policy = table.format().pageBreakPolicy()
                    if (
                        first != last
                        and rect.height() < page_height
                        and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                    ):
                        fmt = table.format()
                        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        table.setFormat(fmt)
                        moved = True
                        break
                block = block.next()
            if not moved:
                return

    def paint(self, painter: QPainter, printed_on: dt.date | None = None) -> int:
        """Paint every page; the device must already be open on ``painter``."""
        # ISO dates cannot be misread, whatever the clinic's country.
        day = (printed_on or dt.date.today()).isoformat()
        total = self.page_count
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Text, QColor("black"))
        context.palette = palette
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
        page_text = tr("Page %1 of %2").replace("%1", str(page)).replace("%2", str(total))
        printed = tr("Printed %1").replace("%1", day)
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
        footer.drawContents(painter)
        painter.restore()


def paint_handout(handout: Handout, settings: ClinicSettings, device: QPagedPaintDevice) -> int:
    """Lay out and paint a handout on a printer or PDF writer; returns the page count."""
    layout = PageLayout(handout, settings, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(tr("could not start printing"))
    try:
        return layout.paint(painter)
    finally:
        painter.end()


def _configure(device: QPagedPaintDevice, page_size: str) -> None:
    device.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def write_pdf(handout: Handout, settings: ClinicSettings, path: Path, page_size: str | None = None) -> int:
    """Write a PDF atomically: a failure leaves any existing file untouched."""
    target = QSaveFile(str(path))
    if not target.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {target.errorString()}")
    try:
        writer = QPdfWriter(target)
        writer.setTitle(handout.title)
        writer.setCreator(APP_NAME)
        writer.setResolution(300)
        _configure(writer, page_size or default_page_size())
        pages = paint_handout(handout, settings, writer)
        del writer  # finishes the PDF before the file is committed
    except BaseException:
        target.cancelWriting()
        target.commit()
        raise
    if not target.commit():
        raise OSError(f"cannot write {path}: {target.errorString()}")
    return pages
