"""The glossary: a python-markdown definition list of terms and plain definitions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from serotonin_app.content.anchors import slugify
from serotonin_app.content.front_matter import SourceFile, check_keys, text_value
from serotonin_app.content.limits import MAX_GLOSSARY_TERMS, MAX_TITLE_CHARS
from serotonin_app.content.markdown_text import plain_inline, without_sources
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_marked
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.text_fold import collation_key
from serotonin_app.content.translations import SOURCE_LANGUAGE, file_language

GLOSSARY_KEYS = frozenset({"title", "reviewed", "sources"})
#: The title of a glossary whose file does not give one (translated when a glossary is read).
DEFAULT_TITLE = QT_TRANSLATE_NOOP("content.glossary", "Glossary")
_DEFINITION = re.compile(r"^:[ \t]+(.*)$")
_CONTINUATION = re.compile(r"^(?: {4}|\t)(.*)$")


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    #: 1-based line of the term in its file.
    line: int

    @property
    def key(self) -> str:
        """Case-insensitive identity used by ``glossary:TERM`` links and overrides."""
        return glossary_key(self.term)

    @property
    def anchor(self) -> str:
        return slugify(self.term)


def glossary_key(term: str) -> str:
    return " ".join(term.casefold().split())


@dataclass(frozen=True)
class Glossary:
    #: In dictionary order for ``language`` (:func:`text_fold.collation_key`).
    terms: tuple[GlossaryTerm, ...] = ()
    title: str = DEFAULT_TITLE
    #: The language the terms are written in (``glossary.<lang>.md``).
    language: str = SOURCE_LANGUAGE

    def lookup(self, term: str) -> GlossaryTerm | None:
        return self._by_key.get(glossary_key(term))

    def by_anchor(self, anchor: str) -> GlossaryTerm | None:
        """The term a ``glossary:ANCHOR`` link points to (the term text works too)."""
        return self._by_anchor.get(slugify(anchor))

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Every anchor a ``glossary:`` link may name."""
        return frozenset(self._by_anchor)

    # Rendering looks a term up for every word that may be one, and check for every
    # link: with up to 2,000 terms a scan each time would make both slow.
    @cached_property
    def _by_key(self) -> dict[str, GlossaryTerm]:
        return {t.key: t for t in reversed(self.terms)}

    @cached_property
    def _by_anchor(self) -> dict[str, GlossaryTerm]:
        return {t.anchor: t for t in reversed(self.terms)}

    def merged(self, other: Glossary) -> Glossary:
        """``other``'s terms replace same-named ones here; new terms are added."""
        by_key = {t.key: t for t in self.terms}
        by_key.update({t.key: t for t in other.terms})
        return Glossary(_in_order(by_key.values(), other.language), other.title, other.language)


def parse_glossary(source: SourceFile) -> tuple[Glossary | None, list[Problem]]:
    """Parse term/definition pairs; a ``## Sources`` section is not read."""
    path = source.path
    problems = check_keys(source, GLOSSARY_KEYS)
    lines = without_sources(source.body.split("\n"))
    stop = len(lines)
    # Keyed by the term, so a later definition replaces an earlier one in constant time.
    terms: dict[str, GlossaryTerm] = {}
    seen: dict[str, int] = {}
    index = 0
    while index < stop:
        line = lines[index]
        definition_match = _DEFINITION.match(line)
        if definition_match:
            term_line = lines[index - 1].strip() if index > 0 else ""
            if not term_line or term_line.startswith("#"):
                problems.append(
                    error(
                        path,
                        source.body_line + index,
                        translate("content.glossary", "definition has no term on the line above"),
                    )
                )
                index += 1
                continue
            parts = [definition_match.group(1).strip()]
            index += 1
            while index < stop and (continuation := _CONTINUATION.match(lines[index])):
                parts.append(continuation.group(1).strip())
                index += 1
            term = plain_inline(term_line)
            file_line = source.body_line + index - len(parts) - 1
            key = glossary_key(term)
            if not slugify(term):
                problems.append(
                    error(
                        path,
                        file_line,
                        translate(
                            "content.glossary",
                            "term '{term}' has no letters or digits a link can use "
                            "(its anchor would be empty)",
                        ).format(term=term),
                    )
                )
                continue
            if key in seen:
                problems.append(
                    warning(
                        path,
                        file_line,
                        translate(
                            "content.glossary",
                            "term '{term}' is defined again (first on line {line}); the later one is used",
                        ).format(term=term, line=seen[key]),
                    )
                )
                del terms[key]
            seen[key] = file_line
            terms[key] = GlossaryTerm(term, plain_inline(" ".join(parts)), file_line)
            continue
        index += 1
    if not terms:
        problems.append(
            warning(
                path,
                source.body_line,
                translate(
                    "content.glossary",
                    "no glossary terms found (write a term, then ':   definition' on the next line)",
                ),
            )
        )
    if len(terms) > MAX_GLOSSARY_TERMS:
        first_over = sorted(term.line for term in terms.values())[MAX_GLOSSARY_TERMS]
        message = translate(
            "content.glossary", "the glossary has {count:,} terms; the limit is {limit:,}"
        ).format(count=len(terms), limit=MAX_GLOSSARY_TERMS)
        problems.append(error(path, first_over, message))
    default = translate_marked("content.glossary", DEFAULT_TITLE)
    title = text_value(source, "title", default, problems, limit=MAX_TITLE_CHARS) or default
    if any(p.is_error for p in problems):
        return None, problems
    language = file_language(path)
    return Glossary(_in_order(terms.values(), language), title, language), problems


def _in_order(terms: Iterable[GlossaryTerm], language: str) -> tuple[GlossaryTerm, ...]:
    return tuple(sorted(terms, key=lambda t: collation_key(t.term, language)))
