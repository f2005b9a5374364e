"""The plain note on a page shown in English to a reader of another language, or not yet checked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.translations import Kind


def translation_note(library: ContentLibrary, kind: Kind, item_id: str) -> str:
    """What the reader should know about this page's language, or "" when nothing.

    A page with no translation says so in the reader's language; a translation no
    clinician has checked yet says that, until its front matter records the review.
    """
    if library.untranslated(kind, item_id):
        # The language is not named: "al Español" would be wrong in Spanish, and such rules differ.
        return QCoreApplication.translate(
            "TranslationNote", "This page is not translated yet, so it is shown in English."
        )
    translation = library.translation(kind, item_id)
    if translation is not None and not translation.reviewed:
        return QCoreApplication.translate(
            "TranslationNote", "This translation has not yet been checked by a clinician."
        )
    return ""


def note_label(note: str) -> QLabel:
    """The note as a label: plain text (it names content), wrapped, in bold."""
    label = QLabel(note)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName("translation-note")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
