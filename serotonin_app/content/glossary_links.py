"""Links from the first use of each glossary term in a rendered lesson to its definition.

Works on python-markdown's element tree; imported only with the renderer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.markdown_text import is_sources_title
from serotonin_app.content.text_fold import fold, plural_endings, stemmer

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NO_TERMS = frozenset({"a", "code", "pre", "sup", *_HEADINGS})
_WORD = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"[\w-]")


class TermLinker:
    r"""Links the first use of each glossary term in each ``##`` section.

    A term matches without regard to case or accents where no letter, digit or
    hyphen touches it, also with a plural ending of ``language`` ("neurotransmisores"
    links "neurotransmisor"), and the longest term wins, as
    ``(?<![\w-])(term|...)(?:es|s)?(?![\w-])`` with the longest first would find them.
    Matching is by the stem of the first word instead: Python's ``re`` tries each of
    the alternatives at every position, which for 2,000 terms takes seconds for one
    long lesson.
    """

    def __init__(self, glossary: Glossary, language: str = "en") -> None:
        self.glossary = glossary
        self.stem = stemmer(language)
        self.endings = plural_endings(language)
        # Terms by the stem of their first word (or first character, when that is not a
        # word character), longest first; each as (folded text, length, term).
        self.candidates: dict[str, list[tuple[str, int, GlossaryTerm]]] = {}
        odd: set[str] = set()
        for term in sorted(glossary.terms, key=lambda t: (-len(t.term), fold(t.term))):
            folded = fold(term.term)
            if not folded:
                continue
            first = _WORD.match(folded)
            if first is None:
                odd.add(folded[0])
            key = self.stem(first.group()) if first else folded[0]
            self.candidates.setdefault(key, []).append((folded, len(term.term), term))
        odd_starts = "|[" + "".join(re.escape(c) for c in sorted(odd)) + "]" if odd else ""
        self.starts = re.compile(rf"(?<![\w-])(?:\w+{odd_starts})")
        self.used: set[str] = set()
        self.enabled = True

    def run(self, root: ET.Element) -> None:
        """Link terms in ``root``; a linker is reused for many documents (it is costly to make)."""
        self.used.clear()
        self.enabled = True
        self._walk(root)

    def _walk(self, parent: ET.Element) -> None:
        # By index: the links made are inserted into ``parent`` as we go.
        index = 0
        while index < len(parent):
            child = parent[index]
            index += 1
            if child.tag == "h2":
                self.used.clear()
                # Reference lists are not reading text: no glossary links there. A
                # translated lesson's "## Fuentes {: #sources }" is one too.
                self.enabled = child.get("id") != "sources" and not is_sources_title(
                    "".join(child.itertext())
                )
            if not self.enabled:
                continue
            if child.tag not in _NO_TERMS:
                child.text, made = self._link(child.text)
                for position, element in enumerate(made):
                    child.insert(position, element)
                self._walk(child)
            child.tail, made = self._link(child.tail)
            for element in made:
                parent.insert(index, element)
                index += 1

    def _matches(self, text: str) -> Iterator[tuple[int, int, GlossaryTerm]]:
        """Every term in ``text``, left to right, none overlapping."""
        taken = 0
        # Folding keeps every character's position, so a match in ``folded`` is one in ``text``.
        folded_text = fold(text)
        for start_match in self.starts.finditer(folded_text):
            start = start_match.start()
            if start < taken:
                continue
            word = start_match.group()
            key = self.stem(word) if _WORD.match(word) else word
            for folded, length, term in self.candidates.get(key, ()):
                end = self._end(folded_text, start, folded, length)
                if end is not None:
                    taken = end
                    yield start, end, term
                    break

    def _end(self, text: str, start: int, folded: str, length: int) -> int | None:
        """Where ``folded`` (or its plural) ends in ``text`` at ``start``, if it is there as a word."""
        end = start + length
        if not text.startswith(folded, start):
            return None
        if not _WORD_AFTER.match(text, end):
            return end
        for ending in self.endings:
            if text.startswith(ending, end) and not _WORD_AFTER.match(text, end + len(ending)):
                return end + len(ending)
        return None

    def _link(self, text: str | None) -> tuple[str | None, list[ET.Element]]:
        if not text:
            return text, []
        made: list[ET.Element] = []
        head: str | None = text
        current = text
        while True:
            match = next((m for m in self._matches(current) if m[2].key not in self.used), None)
            if match is None:
                break
            start, end, term = match
            self.used.add(term.key)
            link = ET.Element(
                "a", {"href": f"glossary:{term.anchor}", "class": "gloss", "title": term.definition}
            )
            link.text = current[start:end]
            link.tail = current[end:]
            if made:
                made[-1].tail = current[:start]
            else:
                head = current[:start]
            made.append(link)
            current = link.tail
        return head, made
