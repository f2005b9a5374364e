"""A handout laid out for the page and painted page by page with a header and a footer.

The body is HTML laid out once by ``QTextDocument`` for the page size (then the
keep-together pass moves what must not be split), and painted page by page
with a header (clinic name and phone, handout title) and a footer ("Page x of
y", print date, disclaimer).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
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

#: Header and footer text is translated in the context "printing", as the handouts' is.
translate = QCoreApplication.translate


def print_font(points: float) -> QFont:
    """The default font without ligatures, so words in the PDF can be found and copied."""
    font = QFont()
    font.setPointSizeF(points)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


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
        keep_together(self.document, self.body.height())

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

    def paint(self, painter: QPainter, printed_on: dt.date | None = None) -> int:
        """Paint every page; the device must already be open on ``painter``."""
        # The month in words cannot be misread in any country, and is in the reader's language.
        date = printed_on or dt.date.today()
        day = QLocale().toString(QDate(date.year, date.month, date.day), QLocale.FormatType.LongFormat)
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
        notice = f"<b>{html.escape(self.handout.notice)}</b><br>" if self.handout.notice else ""
        footer_html = (
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="top">{notice}{html.escape(self.settings.disclaimer)}</td>'
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


def _paper_context() -> QAbstractTextDocumentLayout.PaintContext:
    """Black ink on white paper, whatever colour scheme the window shows."""
    context = QAbstractTextDocumentLayout.PaintContext()
    ink = QPalette(QColor("white"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.Link):
        ink.setColor(role, QColor("black"))
    context.palette = ink
    return context
