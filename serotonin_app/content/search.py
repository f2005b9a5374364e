"""Full-text search over lessons, glossary, quizzes and checklists. No Qt.

Matching ignores case and accents and strips common English endings, so
"craving" finds "cravings" and "cafe" finds "café". The index is built on the
first search, not at start-up.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from serotonin_app.content.anchors import headings, slugify
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.readability import plain_text

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
SNIPPET_CHARS = 70


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
    return "".join(map(_fold_char, text))


def stem(word: str) -> str:
    """A cheap English stem: enough for plurals and -ing/-ed forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


@dataclass(frozen=True)
class Entry:
    """One searchable place: where it opens, what the reader sees, and its text."""

    kind: str  # "lesson", "glossary", "quiz" or "checklist"
    id: str
    anchor: str
    #: Where the place is, e.g. "Neurotransmitters › What dopamine does".
    where: str
    title: str
    text: str

    @cached_property
    def folded(self) -> str:
        return fold(f"{self.title}\n{self.text}")

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(word) for word in _WORD.findall(self.folded))


@dataclass(frozen=True)
class Hit:
    entry: Entry
    #: The matched words as they appear in the text (for highlighting when opened).
    match: str
    #: Plain-text snippet around the first match.
    snippet: str
    #: The same snippet as HTML with the match in bold.
    snippet_html: str
    score: int


class SearchIndex:
    """Every lesson section, glossary term, quiz question and checklist group.

    A quiz question is indexed by its title and body alone, never by its answers.
    """

    def __init__(self, library: ContentLibrary) -> None:
        self.entries: tuple[Entry, ...] = tuple(_entries(library))

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        words = [w for w in _WORD.findall(fold(query))]
        if not words:
            return []
        wanted = [stem(w) for w in words]
        hits = []
        for entry in self.entries:
            # Every word must match; the last may be half typed, so it matches a prefix.
            if not all(_matches(entry, w, last=i == len(wanted) - 1) for i, w in enumerate(wanted)):
                continue
            hits.append(_hit(entry, words, wanted))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]


def _matches(entry: Entry, wanted: str, *, last: bool) -> bool:
    if wanted in entry.stems:
        return True
    return last and any(word.startswith(wanted) for word in entry.stems)


def _hit(entry: Entry, words: list[str], wanted: list[str]) -> Hit:
    folded = entry.folded
    original = f"{entry.title}\n{entry.text}"
    start, end = -1, -1
    candidates = [m for m in _WORD.finditer(folded)]
    # An exact word beats a prefix, and a match in the text beats one in the title.
    for exact in (True, False):
        found = [
            m
            for m in candidates
            if (stem(m.group(0)) == wanted[0] if exact else m.group(0).startswith(words[0]))
        ]
        if found:
            best = next((m for m in found if m.start() > len(entry.title)), found[0])
            start, end = best.start(), best.end()
            break
    phrase = " ".join(words)
    title = fold(entry.title)
    score = (
        30 * (phrase in title)
        + 10 * sum(w in stem_words(entry.title) for w in wanted)
        + 5 * (phrase in folded)
        + min(10, sum(folded.count(w) for w in words))
    )
    if start < 0:
        return Hit(entry, "", entry.text[:SNIPPET_CHARS], html.escape(entry.text[:SNIPPET_CHARS]), score)
    text_start = max(0, start - SNIPPET_CHARS // 2)
    text_end = min(len(original), end + SNIPPET_CHARS)
    before, match_text, after = original[text_start:start], original[start:end], original[end:text_end]
    prefix = "…" if text_start else ""
    suffix = "…" if text_end < len(original) else ""
    snippet = " ".join(f"{prefix}{before}{match_text}{after}{suffix}".split())
    snippet_html = " ".join(
        f"{prefix}{html.escape(before)}<b>{html.escape(match_text)}</b>{html.escape(after)}{suffix}".split()
    )
    return Hit(entry, match_text, snippet, snippet_html, score)


def stem_words(text: str) -> frozenset[str]:
    return frozenset(stem(word) for word in _WORD.findall(fold(text)))


def _entries(library: ContentLibrary) -> list[Entry]:
    entries: list[Entry] = []
    for lesson in library.lessons:
        lines = lesson.body.split("\n")
        found = [h for h in headings(lines) if h.level == 2]
        for number, heading in enumerate(found):
            anchor = slugify(heading.text)
            if anchor == "sources":
                continue
            section = next((s for s in lesson.sections if s.line == lesson.body_line + heading.index), None)
            end = found[number + 1].index if number + 1 < len(found) else len(lines)
            text = plain_text("\n".join(lines[heading.index + 1 : end]))
            entries.append(
                Entry(
                    "lesson",
                    lesson.id,
                    section.anchor if section else anchor,
                    f"{lesson.title} › {heading.text}",
                    heading.text,
                    text,
                )
            )
    for term in library.glossary.terms:
        entries.append(Entry("glossary", "", term.anchor, "Glossary", term.term, term.definition))
    for quiz in library.quizzes:
        for question in quiz.questions:
            # The question only: a hit or snippet from the answers, their comments, the hint
            # or the explanation would tell a patient the answer before they try.
            text = plain_text(question.body)
            entries.append(Entry("quiz", quiz.id, "", quiz.title, question.title, text))
    for checklist in library.checklists:
        for group in checklist.groups:
            text = "\n".join([item.text for item in group.items] + [plain_text(group.notes)])
            entries.append(Entry("checklist", checklist.id, group.anchor, checklist.title, group.title, text))
    return entries
