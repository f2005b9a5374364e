"""The message table: every sentence ``content/`` builds for people goes through :func:`translate`.

Like Anki's ``col.tr``, this keeps the content package free of Qt while its
text can still be translated: by default :func:`translate` returns the English
text, and the window installs Qt's translator at start-up with
``set_translator(QCoreApplication.translate, code)``, after loading the ``.qm``
files and before the content is loaded.

Adding a message
----------------

Write the English text as a string literal, right inside the call, with named
``{placeholders}``; give the values to ``.format()`` on the result::

    translate("content.problems", "{count:,} more problems in this file are not shown").format(count=12)

``pyside6-lupdate`` finds exactly this shape, and only it (checked with
PySide 6 lupdate, and by ``tests/unit/test_translatable.py``):

- the context and the text are both literals (``translate(CONTEXT, "…")`` with a
  variable context is not found either); adjacent literals split over lines
  are joined (``"one " "text"``), so long messages may be split;
- the call has no keyword arguments: ``translate("c", "x {n}", n=3)`` is not
  found, so the values go in ``.format()`` after the call;
- an f-string is not a literal: lupdate would record ``{n}`` but the program
  would look up ``3``, and the translation would never be found.

The ``.format()`` of a translated :class:`Message` is safe: when a translation
has a placeholder the English text does not have, lacks one it has, or breaks
the format syntax (a translator's slip in a ``.qm``), the English text is
filled instead. A mistake in the English text itself is a programming error and
raises as usual. Call ``.format()`` on what :func:`translate` returned: a plain
``str`` (after ``.strip()``, say) has forgotten its English text.

Text defined at import time (a default value, a table of names) is marked with
:func:`QT_TRANSLATE_NOOP`, which lupdate finds and which returns the English
text unchanged; where it is shown, :func:`translate_marked` translates it.
Neither it nor :func:`translate_in` is read by lupdate, so their text is always
a name marked this way, never a literal (``tests/unit/test_translatable.py``).

Text in another language
------------------------

Some text follows the language of what it is filled into, not the interface:
an English lesson shown while the window speaks Spanish still says "your local
emergency number". :func:`translate_in` gives marked text in any language: the
current translator's when that is the language :func:`set_translator` was told,
else one given to :func:`register_language` (the window registers every
installed language), else English.

The context is the module's name inside ``serotonin_app`` (``content.settings``,
``content.problems``…), as ``printing.py`` uses ``printing``: a translator sees
where a sentence is used, and two modules never share a context by accident.

Plurals: lupdate's Python parser does not record Qt's ``%n`` plural forms, so a
count takes two literals, the singular and the plural, chosen in code
(see ``ContentLibrary.summary``); a language with more forms makes do with two.

Limitation: problems are built when the content is loaded, so their text is
in the language that was current at load time; changing the language means
loading the content again. (Clinic settings look their default wording up each
time it is read.)
"""

from __future__ import annotations

import string
from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


#: English: the language of every source text, which needs no translator.
ENGLISH = "en"
_translator: Translator = _english
_language = ENGLISH
#: Translators for languages other than the current one, by language code.
_registered: dict[str, Translator] = {}


def set_translator(translator: Translator | None, language: str = ENGLISH) -> None:
    """Translate into ``language`` with ``translator(context, text)`` from now on; None: English text.

    ``language`` is the code the translator speaks (``es``, ``pt_BR``); with no
    translator it still names the interface's language, whose text stays English.
    """
    global _translator, _language  # noqa: PLW0603 - one translator for the whole process, as Qt has
    _translator = translator or _english
    _language = language


def current_language() -> str:
    """The language :func:`set_translator` was last told (English until then)."""
    return _language


def register_language(language: str, translator: Translator | None) -> None:
    """Translate into ``language`` with ``translator`` when asked by :func:`translate_in`; None forgets it."""
    if translator is None:
        _registered.pop(language, None)
    else:
        _registered[language] = translator


class Message(str):
    """Translated text that remembers its English source, so :meth:`format` can fall back to it."""

    source: str

    def __new__(cls, text: str, source: str) -> Message:
        message = super().__new__(cls, text)
        message.source = source
        return message

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copy and pickle need both
        return str(self), self.source

    def format(self, *args: object, **kwargs: object) -> str:
        """Fill the placeholders; the English text is used when the translation's do not fit."""
        if str(self) != self.source and _fields(str(self)) == _fields(self.source):
            try:
                return str(self).format(*args, **kwargs)
            except (KeyError, IndexError, ValueError, AttributeError, TypeError):
                pass  # a broken translation must not stop the app: the English text is filled below
        return self.source.format(*args, **kwargs)


def _fields(template: str) -> frozenset[str] | None:
    """The placeholder names in ``template``, or None when its braces do not parse."""
    try:
        return frozenset(
            name.partition(".")[0].partition("[")[0]
            for _, name, _, _ in string.Formatter().parse(template)
            if name is not None
        )
    except ValueError:
        return None


def translate(context: str, text: str) -> Message:
    """``text`` in the current language; both arguments must be string literals (see above)."""
    return _looked_up(context, text)


def translate_marked(context: str, text: str) -> Message:
    """Translate ``text`` marked elsewhere with :func:`QT_TRANSLATE_NOOP` (lupdate found it there)."""
    return _looked_up(context, text)


def translate_in(language: str, context: str, text: str) -> Message:
    """``text``, marked with :func:`QT_TRANSLATE_NOOP`, in ``language`` whatever the current language.

    A regional code with no translator of its own (``es_MX``) uses its
    language's (``es``); with neither, the text stays English.
    """
    return _looked_up(context, text, _translator_for(language))


def _translator_for(language: str) -> Translator:
    for code in dict.fromkeys((language, language.partition("_")[0])):
        if code == _language:
            return _translator
        if code in _registered:
            return _registered[code]
    return _english


def _looked_up(context: str, text: str, translator: Translator | None = None) -> Message:
    # An empty translation means "not translated yet", as in Qt.
    return Message((translator or _translator)(context, text) or text, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a literal for translation where it is defined; :func:`translate_marked` translates it."""
    return text
