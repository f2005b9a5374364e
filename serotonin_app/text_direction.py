"""Each paragraph in the direction of its own script, in documents on screen and on paper.

A document takes its language's direction (:func:`set_direction`), but an Arabic
lesson still holds paragraphs with no Arabic in them: the references under Sources,
an English disclaimer the clinic has not translated. Forced right to left, such a
paragraph is right-aligned and its full stop jumps to the wrong end
(".without talking to your prescriber"). So a paragraph written only in scripts of
the other direction gets that direction; a paragraph that mixes both keeps the
document's.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


@lru_cache(maxsize=4096)
def _strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return "R" if kind in {"R", "AL"} else "L" if kind == "L" else ""


def script_direction(text: str) -> Qt.LayoutDirection | None:
    """LTR or RTL when every letter in ``text`` runs that way; None when it mixes both or has none."""
    found = {_strong(char) for char in text if not char.isascii() or char.isalpha()} - {""}
    if found == {"L"}:
        return LTR
    if found == {"R"}:
        return RTL
    return None


def _has_right_to_left(text: str) -> bool:
    """Whether any letter in ``text`` runs right to left (each distinct character looked at once)."""
    return not text.isascii() and any(_strong(char) == "R" for char in set(text) if not char.isascii())


def set_direction(document: QTextDocument, direction: Qt.LayoutDirection) -> None:
    """``direction`` for the document, and each paragraph written in one direction only in that one.

    Call after the document's text is set.
    """
    option = document.defaultTextOption()
    option.setTextDirection(direction)
    document.setDefaultTextOption(option)
    if direction == LTR and not _has_right_to_left(document.toPlainText()):
        return  # no paragraph can run the other way: the usual case, and a lesson's first paint
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        own = script_direction(block.text())
        if own is not None and own != direction and block.blockFormat().layoutDirection() != own:
            block_format = block.blockFormat()
            block_format.setLayoutDirection(own)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)
        block = block.next()
