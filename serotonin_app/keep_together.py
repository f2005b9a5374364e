"""The keep-together pass: whatever must be read together is moved whole to the next page.

A box (an urgent group, a lesson callout), a quiz question with its answers and
a heading with the first line of what follows are never split across pages
when they fit on one. The pass works on a ``QTextDocument`` already laid out
for the page size: it sets page breaks and, where Qt would leave a clipped line
behind, a top margin.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame

#: An anchor named ``keep-together-…`` starts a part kept on one page: the table it
#: is in, or at the top level everything up to the next such anchor.
KEEP_MARK = "keep-together-"
#: Headings up to this level are never the last line on a page.
KEEP_HEADING_LEVEL = 3

#: After format changes Qt may lay out only the start of what follows and leave the
#: rest to its event loop, which a PDF export never runs: the rest is measured, and
#: printed, as nothing (a Spanish lesson lost its last section and its Sources). The
#: pass is repeated on a whole new layout until nothing moves, at most this often.
_PASSES = 4

#: A top-level piece of the body: a block, or a frame such as a table.
_Item = QTextBlock | QTextFrame


@dataclass(frozen=True)
class _Part:
    """Items ``start`` to ``end`` that belong on one page; of the last, all or only its first line."""

    start: int
    end: int
    whole: bool


def keep_together(document: QTextDocument, page_height: float) -> None:
    """Move each part of ``document`` that would be split to the top of the next page, if it fits on one."""
    for _ in range(_PASSES):
        moved = _Pass(document, page_height).run()
        if not _partly_laid_out(document) and not moved:
            break
        # What Qt left unlaid was measured as nothing: lay it all out and look again.
        _lay_out_all(document)


class _Pass:
    """One pass over a document laid out in pages ``page_height`` tall."""

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self.document = document
        self.page_height = page_height

    def run(self) -> bool:
        """Move each part that would be split to the top of the next page, if it fits on one; say if any did.

        The headings just before a part move with it, so no move leaves a heading at
        the foot of a page. A move shifts only what comes after it, so one pass in
        document order settles every part without undoing an earlier one.
        """
        items = _top_level(self.document)
        moved = False
        for part in _parts(items):
            if self._on_one_page(items, part):
                continue
            start = part.start
            while (before := _previous_filled(items, start)) is not None and _heading_level(items[before]):
                start = before
            policy = _page_break_policy(items[start])
            if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                continue  # already at the top of a page, so it cannot fit on one
            page = int((self._top(items[start]) + 1) // self.page_height)
            _set_page_break_policy(items[start], policy | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            first = items[start]
            if int((self._top(first) + 1) // self.page_height) > page + 1 and isinstance(first, QTextBlock):
                # The block's first line straddled the foot of the page (Qt does not carry such
                # a line over), and a break sent the block two pages on, leaving a page with one
                # clipped line. Push the block down to the top of the next page instead.
                _set_page_break_policy(items[start], policy)
                self._push_to_next_page(first, page)
                moved = True
                continue
            if not self._on_one_page(items, _Part(start, part.end, part.whole)):
                # Too tall for any page: a move would only add white space.
                _set_page_break_policy(items[start], policy)
            else:
                moved = True
        return moved

    def _push_to_next_page(self, block: QTextBlock, page: int) -> None:
        gap = (page + 1) * self.page_height - self._top(block)
        cursor = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setTopMargin(fmt.topMargin() + gap + 1)
        cursor.setBlockFormat(fmt)

    def _on_one_page(self, items: list[_Item], part: _Part) -> bool:
        page_height = self.page_height
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


def _lay_out_all(document: QTextDocument) -> None:
    """Lay the whole document out again now (setting the page size again does)."""
    document.setPageSize(document.pageSize())


def _partly_laid_out(document: QTextDocument) -> bool:
    """Whether a block with text has no lines: Qt stopped laying out before it."""
    block = document.lastBlock()
    while block.isValid():
        if block.text().strip() and block.layout().lineCount() == 0:
            return True
        block = block.previous()
    return False
