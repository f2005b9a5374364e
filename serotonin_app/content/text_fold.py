"""Matching words the way a reader types them: without case or accents, and by stem. No Qt.

Search, find in a lesson, the glossary filter and glossary links all match through
these functions, so "animo" finds "ánimo", "serotonina" finds "Serotonina" and
"neurotransmisores" finds "neurotransmisor" in every one of them.

The stemmers are light on purpose: they strip plural and a few word endings and
never guess at roots, so two different words are rarely made one. The Spanish one
is the "light" stemmer of Savoy (2002), as Lucene's ``SpanishLightStemmer`` has it:
plural ``-s``/``-es``/``-ces`` and the final gender vowel.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

_ENGLISH_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
#: Endings a term may take in running text and still be the term ("neurotransmisor(es)").
PLURAL_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("es", "s"), "es": ("es", "s")}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in base if not unicodedata.combining(c)).casefold()
    # One character in, one out, so positions map back to the original text.
    return kept[:1] if kept else char


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` with the same length in characters."""
    if text.isascii():
        return text.lower()
    # One table for the characters this text uses: translate() then runs in C.
    return text.translate({ord(char): _fold_char(char) for char in set(text)})


def stem_english(word: str) -> str:
    """A cheap English stem of a folded word: enough for plurals and -ing/-ed forms."""
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def stem_spanish(word: str) -> str:
    """Savoy's light Spanish stem of a folded word: "serotoninas" and "serotonina" give "serotonin"."""
    if len(word) < 5:
        return word
    last = word[-1]
    if last in "oae":
        return word[:-1]
    if last == "s":
        if word.endswith("eses"):
            return word[:-2]
        if word.endswith("ces"):
            return word[:-3] + "z"
        if word[-2] in "oae":
            return word[:-2]
    return word


_STEMMERS: dict[str, Callable[[str], str]] = {"en": stem_english, "es": stem_spanish}


def stemmer(language: str) -> Callable[[str], str]:
    """The stemmer for ``language`` (``es``, ``pt_BR``…); a language without one matches whole words."""
    return _STEMMERS.get(language.split("_", maxsplit=1)[0], _whole_word)


def _whole_word(word: str) -> str:
    return word


def plural_endings(language: str) -> tuple[str, ...]:
    return PLURAL_ENDINGS.get(language.split("_", maxsplit=1)[0], ())


def collation_key(text: str, language: str = "en") -> tuple[str, str]:
    """Dictionary order for ``language``: accents do not move a word ("ánimo" sorts with "a").

    Spanish puts "ñ" after "n" as a letter of its own; ties keep a stable order by the text.
    """
    if language.split("_", maxsplit=1)[0] == "es":
        # A character above every letter, after "n": "nube" < "ñu" < "oído".
        return fold(text.replace("ñ", "n\U0010ffff").replace("Ñ", "N\U0010ffff")), text
    return fold(text), text
