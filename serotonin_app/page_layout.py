"""A handout laid out for the page and painted page by page with a header and a footer.

The body is HTML laid out once by ``QTextDocument`` for the page size (then the
keep-together pass moves what must not be split), and painted page by page
with a header (clinic name and phone, handout title) and a footer ("Page x of
y", print date, disclaimer).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from serotonin_app import APP_NAME
from serotonin_app.content.settings import ClinicSettings
from serotonin_app.handouts import Handout
from serotonin_app.keep_together import keep_together
from serotonin_app.pictures import PictureDocument
from serotonin_app.text_direction import set_direction

MARGIN_MM = 16
HEADER_MM = 14
FOOTER_MM = 18

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

FOOTER_CSS = (
    "body { font-size: 8pt; color: #000000; } p { margin-top: 0; margin-bottom: 0; } "
    # Qt's table columns come out narrower than asked: the page and date lines must not wrap.
    "td.numbers p { white-space: nowrap; }"
)

#: Header and footer text is translated in the context "printing", as the handouts' is.
translate = QCoreApplication.translate


def long_date_format(locale: QLocale) -> str:
    """The locale's long date without the weekday: "24 de noviembre de 2026", "November 24, 2026".

    The month in words cannot be misread in any country; the weekday only made the
    footer's date wrap to a second line.
    """
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    return re.sub(r"d{4}[,،]?\s*", "", pattern).strip(" ,،") or pattern


def print_font(points: float) -> QFont:
    """The default font without ligatures, so words in the PDF can be found and copied."""
    font = QFont()
    font.setPointSizeF(points)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


class PageLayout:
    """A handout laid out for one device: the body document and the page geometry."""

    def __init__(
        self,
        handout: Handout,
        settings: ClinicSettings,
        device: QPagedPaintDevice,
        printed_on: dt.date | None = None,
    ) -> None:
        self.handout = handout
        self.settings = settings
        self.device = device
        dpi = device.logicalDpiY()
        self.mm = dpi / 25.4
        # The month in words cannot be misread in any country, and is in the reader's language.
        date = printed_on or dt.date.today()
        self.day = QLocale().toString(QDate(date.year, date.month, date.day), long_date_format(QLocale()))
        #: The body runs in its text's direction; header and footer (interface language) in the window's.
        self.body_direction = (
            Qt.LayoutDirection.RightToLeft if handout.right_to_left else Qt.LayoutDirection.LeftToRight
        )
        self.frame_direction = QGuiApplication.layoutDirection()
        width, height = device.width(), device.height()
        margin = MARGIN_MM * self.mm
        self.page = QRectF(0, 0, width, height)
        self.header = QRectF(margin, margin * 0.7, width - 2 * margin, HEADER_MM * self.mm)
        self.footer = QRectF(margin, 0, width - 2 * margin, FOOTER_MM * self.mm)
        self.body = QRectF(margin, self.header.bottom() + 3 * self.mm, width - 2 * margin, 0)
        # A long notice and disclaimer in a wordy language take more lines: the footer grows
        # (with the largest page numbers it can show) and the body gives way.
        sample = self._footer_document(99, 99)
        self.footer.setHeight(max(FOOTER_MM * self.mm, sample.size().height() + 2.5 * self.mm))
        self.footer.moveBottom(height - margin * 0.6)
        self.body.setBottom(self.footer.top() - 3 * self.mm)
        self.document = self._document(handout.html, PRINT_CSS, self.body.width(), self.body_direction)
        self.document.setPageSize(QSizeF(self.body.width(), self.body.height()))
        keep_together(self.document, self.body.height())

    def _document(
        self, body_html: str, css: str, width: float, direction: Qt.LayoutDirection
    ) -> QTextDocument:
        # Pictures fit the body; the document reads them itself only through content/local_files.py.
        limit = QSizeF(width, self.body.height())
        document = PictureDocument(self.handout.roots, self.handout.base, limit)
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(print_font(11))
        document.setDefaultStyleSheet(css)
        document.setDocumentMargin(0)
        document.setHtml(body_html)
        set_direction(document, direction)
        _heading_sizes_from_css(document)
        document.setTextWidth(width)
        return document

    @property
    def page_count(self) -> int:
        return max(1, self.document.pageCount())

    def paint(self, painter: QPainter) -> int:
        """Paint every page; the device must already be open on ``painter``."""
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
            self._paint_footer(painter, page + 1, total)
        return total

    def _paint_header(self, painter: QPainter) -> None:
        settings = self.settings
        clinic = settings.name or APP_NAME
        if settings.phone:
            clinic += f" · {settings.phone}"
        painter.save()
        # Left and right swap in a right-to-left language: the clinic comes first, where reading starts.
        painter.setLayoutDirection(self.frame_direction)
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

    def _footer_document(self, page: int, total: int) -> QTextDocument:
        # Numbers in the reader's digits, as the date is ("صفحة ١ من ٣").
        locale = QLocale()
        page_text = (
            translate("printing", "Page %1 of %2")
            .replace("%1", locale.toString(page))
            .replace("%2", locale.toString(total))
        )
        printed = translate("printing", "Printed %1").replace("%1", self.day)
        # The page and date column is as wide as its longer line, so neither wraps.
        metrics = QFontMetricsF(print_font(8), self.device)
        needed = max(metrics.horizontalAdvance(page_text), metrics.horizontalAdvance(printed))
        # In percent: Qt reads a bare width as CSS pixels, not the printer's dots. Qt also makes
        # such a column a little narrower than asked, so its lines are kept from wrapping too.
        column = min(50, max(25, math.ceil(100 * (needed + 8 * self.mm) / self.footer.width())))
        # Paragraphs, not lines: each takes its own script's direction (an English disclaimer
        # under an Arabic notice still reads left to right).
        notice = f"<p><b>{html.escape(self.handout.notice)}</b></p>" if self.handout.notice else ""
        words = (
            f'<td valign="top" width="{100 - column}%">'
            f"{notice}<p>{html.escape(self.settings.disclaimer)}</p></td>"
        )
        # Qt does not mirror a table's columns: in a right-to-left language the words come first
        # on the right, where reading starts, and the page number sits at the outer left edge.
        right_to_left = self.frame_direction == Qt.LayoutDirection.RightToLeft
        outer = "left" if right_to_left else "right"
        numbers = (
            f'<td class="numbers" valign="top" align="{outer}" width="{column}%">'
            f"<p>{html.escape(page_text)}</p><p>{html.escape(printed)}</p></td>"
        )
        cells = f"{numbers}{words}" if right_to_left else f"{words}{numbers}"
        footer_html = f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'
        return self._document(footer_html, FOOTER_CSS, self.footer.width(), self.frame_direction)

    def _paint_footer(self, painter: QPainter, page: int, total: int) -> None:
        footer = self._footer_document(page, total)
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


def _paper_context() -> QAbstractTextDocumentLayout.PaintContext:
    """Black ink on white paper, whatever colour scheme the window shows."""
    context = QAbstractTextDocumentLayout.PaintContext()
    ink = QPalette(QColor("white"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.Link):
        ink.setColor(role, QColor("black"))
    context.palette = ink
    return context
