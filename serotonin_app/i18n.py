"""Which language the program speaks: Qt's translators for our strings and Qt's own dialogs.

Our interface strings live in ``translations/serotonin_<lang>.ts`` (made and
refreshed by ``make translations`` with ``pyside6-lupdate``, checked in), and are
compiled to ``.qm`` by ``pyside6-lrelease``; the ``.qm`` files are committed too, and
a test fails when one is older than its ``.ts``. Qt's own dialogs (print, file)
come from Qt's bundled ``qtbase_<lang>.qm``. Text built in ``content/`` goes through
:mod:`serotonin_app.content.messages`, which is pointed at Qt's translator here.

English is the source language: it needs no file and is always installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from serotonin_app.content import messages
from serotonin_app.languages import ENGLISH, NATIVE_NAMES, translation_files

_installed: list[QTranslator] = []


def native_name(code: str) -> str:
    """The language's name in that language ("Español"); Qt's name for languages not in our table."""
    if code in NATIVE_NAMES:
        return NATIVE_NAMES[code]
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def is_right_to_left(code: str) -> bool:
    return QLocale(code).textDirection() == Qt.LayoutDirection.RightToLeft


def install_language(code: str, roots: Sequence[Path] = ()) -> None:
    """Speak ``code`` from now on: our strings, Qt's dialogs, number and date formats, text direction.

    Our strings come from the bundled translations or a content pack's among ``roots``
    (:func:`languages.translation_files`). Missing files are not errors: whatever has
    no translation stays English.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if code != ENGLISH:
        ours = translation_files(roots).get(code)
        for folder, name in (
            (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}"),
            *(((str(ours.parent), ours.stem),) if ours else ()),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(code))
    messages.set_translator(QCoreApplication.translate if _installed else None, code)
    if isinstance(app, QGuiApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft if is_right_to_left(code) else Qt.LayoutDirection.LeftToRight
        )
        QGuiApplication.setLayoutDirection(direction)


_content_translators: dict[str, QTranslator] = {}


def register_content_languages(codes: Sequence[str], roots: Sequence[Path] = ()) -> None:
    """Let content text be read out in each of ``codes`` whatever the interface speaks.

    Placeholders are filled in the language of their file (a Spanish lesson says
    "el número de emergencias de su zona" in an English window), so the content
    message table needs a translator per language, not only the installed one.
    Call before loading content; translators are loaded, never installed.
    """
    files = translation_files(roots)
    for code in codes:
        if code == ENGLISH or code in _content_translators or code not in files:
            continue
        translator = QTranslator()
        if translator.load(files[code].stem, str(files[code].parent)):
            _content_translators[code] = translator
            messages.register_language(code, partial(_lookup, translator))


def _lookup(translator: QTranslator, context: str, text: str) -> str:
    return translator.translate(context, text) or ""
