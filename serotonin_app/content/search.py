"""Full-text search over lessons, glossary, quizzes and checklists. No Qt.

Matching ignores case and accents and strips word endings in the language of the
content (:mod:`text_fold`), so "craving" finds "cravings", "cafe" finds "café" and
"neurotransmisores" finds "neurotransmisor". The index is built on the
first search, not at start-up, and a step at a time (:meth:`SearchIndex.build`),
so that a window can keep taking keystrokes while a large clinic pack is read.

Every search does work bounded by the number of places that match, not by the
amount of text: words are looked up in an inverted index, at most
``SCORED_PLACES`` places are ranked by reading their text, and only the hits
shown get a snippet.
"""

from __future__ import annotations

import bisect
import html
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from serotonin_app.content.anchors import slugify
from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.markdown_text import headings, is_sources_heading, reading_lines
from serotonin_app.content.messages import translate
from serotonin_app.content.readability import plain_text, sentences
from serotonin_app.content.text_fold import fold, stemmer

_WORD = re.compile(r"\w+")
SNIPPET_CHARS = 70
#: Places ranked by reading their text, per search. More may match (a one-letter
#: search matches nearly everything); those with the words in their title come first.
SCORED_PLACES = 300
#: Characters of a place's text read to rank it: enough to count ten uses of a word.
SCORED_CHARS = 20_000
#: Characters of text made plain and split into words in one step of building the index.
STEP_CHARS = 50_000
#: Words checked when looking for the place to show in a snippet.
SNIPPET_WORDS = 5_000


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
    With ``build=False`` nothing is read until :meth:`build` is called. Words are
    stemmed in the library's language (the view a reader chose).
    """

    def __init__(self, library: ContentLibrary, *, build: bool = True) -> None:
        self.stem = stemmer(library.language)
        #: Characters of text to index, roughly: what building the index costs.
        self.size = (
            sum(len(lesson.body) for lesson in library.lessons)
            + sum(len(term.term) + len(term.definition) for term in library.glossary.terms)
            + sum(len(question.body) for quiz in library.quizzes for question in quiz.questions)
            + sum(
                len(item.text)
                for checklist in library.checklists
                for group in checklist.groups
                for item in group.items
            )
        )
        self._steps = self._indexing(library)
        self._entries: list[Entry] = []
        #: Stem -> indexes of the entries that use a word with that stem.
        self._postings: dict[str, set[int]] = {}
        self._vocabulary: list[str] = []
        self._titles: list[str] = []
        self._title_postings: dict[str, set[int]] = {}
        self._stems: dict[str, str] = {}
        self._prefixes: dict[str, frozenset[int]] = {}
        self.complete = False
        if build:
            self.build()

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    def build(self, seconds: float | None = None) -> bool:
        """Index the rest, or as much as fits in about ``seconds``; True once everything is indexed.

        Each step reads at most about ``STEP_CHARS`` characters, so a caller that
        gives a few milliseconds at a time never waits much longer than that.
        """
        if self.complete:
            return True
        deadline = None if seconds is None else time.perf_counter() + seconds
        for _ in self._steps:
            if deadline is not None and time.perf_counter() >= deadline:
                return False
        self._vocabulary = sorted(self._postings)
        self.complete = True
        return True

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        self.build()
        words = _WORD.findall(fold(query))
        if not words:
            return []
        wanted = [self._stem(w) for w in words]
        # Every word must match; the last may be half typed, so it matches a prefix.
        found = self._with_prefix(wanted[-1])
        for word in wanted[:-1]:
            found = found & self._postings.get(word, set())
        if not found:
            return []
        phrase = " ".join(words)
        # A title match is cheap to see and ranks high: those places are read first, then
        # the rest in order, up to SCORED_PLACES (with set operations, which run in C).
        titled = {i for i in found if phrase in self._titles[i]}
        for word in wanted:
            titled |= found & self._title_postings.get(word, set())
        ranked = sorted(titled, key=lambda i: (-self._title_score(i, phrase, wanted), i))
        ranked += sorted(found - titled)[: max(0, SCORED_PLACES - len(ranked))]
        entries = self._entries
        scored = [
            (self._title_score(i, phrase, wanted) if i in titled else 0, i) for i in ranked[:SCORED_PLACES]
        ]
        scored = [(score + _text_score(entries[i], phrase, words), i) for score, i in scored]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [
            _hit(self._entries[index], words, wanted, score, self.stem) for score, index in scored[:limit]
        ]

    def _title_score(self, index: int, phrase: str, wanted: list[str]) -> int:
        return 30 * (phrase in self._titles[index]) + 10 * sum(
            index in self._title_postings.get(w, ()) for w in wanted
        )

    def _with_prefix(self, prefix: str) -> frozenset[int]:
        """Entries with a word whose stem starts with ``prefix``."""
        cached = self._prefixes.get(prefix)
        if cached is None:
            places: set[int] = set()
            start = bisect.bisect_left(self._vocabulary, prefix)
            for word in self._vocabulary[start:]:
                if not word.startswith(prefix):
                    break
                places.update(self._postings[word])
            cached = frozenset(places)
            if len(self._prefixes) > 64:
                self._prefixes.clear()
            self._prefixes[prefix] = cached
        return cached

    def _stem(self, word: str) -> str:
        made = self._stems.get(word)
        if made is None:
            made = self._stems[word] = self.stem(word)
        return made

    def _add(self, entry: Entry) -> Iterator[None]:
        index = len(self._entries)
        self._entries.append(entry)
        title = fold(entry.title)
        self._titles.append(title)
        for word in set(_WORD.findall(title)):
            self._title_postings.setdefault(self._stem(word), set()).add(index)
        folded = entry.folded
        position = 0
        while position < len(folded):
            # Steps end at a line break, so that no word is cut in two.
            end = folded.find("\n", position + STEP_CHARS)
            end = len(folded) if end < 0 else end + 1
            for word in set(_WORD.findall(folded, position, end)):
                self._postings.setdefault(self._stem(word), set()).add(index)
            position = end
            yield

    def _indexing(self, library: ContentLibrary) -> Iterator[None]:
        for lesson in library.lessons:
            every = list(headings(lesson.body.split("\n")))
            yield
            lines = reading_lines(lesson.body.split("\n"), every)
            found = [h for h in every if h.level == 2]
            yield
            for number, heading in enumerate(found):
                if is_sources_heading(heading):
                    continue
                anchor = slugify(heading.text)
                section = next(
                    (s for s in lesson.sections if s.line == lesson.body_line + heading.index), None
                )
                end = found[number + 1].index if number + 1 < len(found) else len(lines)
                parts: list[str] = []
                for chunk in _plain_chunks(lines[heading.index + 1 : end]):
                    if chunk:
                        parts.append(chunk)
                    yield
                entry = Entry(
                    "lesson",
                    lesson.id,
                    section.anchor if section else anchor,
                    f"{lesson.title} › {heading.text}",
                    heading.text,
                    "\n".join(parts),
                )
                yield from self._add(entry)
        where = translate("content.search", "Glossary")
        for term in library.glossary.terms:
            yield from self._add(Entry("glossary", "", term.anchor, where, term.term, term.definition))
        for quiz in library.quizzes:
            for question in quiz.questions:
                # The question only: a hit or snippet from the answers, their comments, the hint
                # or the explanation would tell a patient the answer before they try.
                text = plain_text(question.body)
                yield from self._add(Entry("quiz", quiz.id, "", quiz.title, question.title, text))
        for checklist in library.checklists:
            for group in checklist.groups:
                text = "\n".join([item.text for item in group.items] + [plain_text(group.notes)])
                entry = Entry("checklist", checklist.id, group.anchor, checklist.title, group.title, text)
                yield from self._add(entry)


def _plain_chunks(lines: list[str]) -> Iterator[str]:
    """``sentences`` of ``lines``, a step of about ``STEP_CHARS`` characters at a time.

    ``lines`` are running text already (:func:`reading_lines`): no headings, no Sources.
    """
    start = 0
    while start < len(lines):
        end, size = start, 0
        while end < len(lines) and (size < STEP_CHARS or end == start):
            size += len(lines[end]) + 1
            end += 1
        yield sentences(lines[start:end])
        start = end


def _text_score(entry: Entry, phrase: str, words: list[str]) -> int:
    # Only the start of a long text is read: ten uses of a word already give the full score.
    folded = entry.folded
    return 5 * (folded.find(phrase, 0, SCORED_CHARS) >= 0) + min(
        10, sum(folded.count(w, 0, SCORED_CHARS) for w in words)
    )


def _hit(entry: Entry, words: list[str], wanted: list[str], score: int, stem: Callable[[str], str]) -> Hit:
    folded = entry.folded
    original = f"{entry.title}\n{entry.text}"
    title_end = len(entry.title)
    # An exact word beats a prefix, and a match in the text beats one in the title.
    exact_title = exact_text = prefix_title = prefix_text = None
    starts = re.compile(r"(?<!\w)" + re.escape(wanted[0]) + r"\w*")
    for count, match in enumerate(starts.finditer(folded)):
        in_text = match.start() > title_end
        if stem(match.group(0)) == wanted[0]:
            if in_text:
                exact_text = match
                break
            exact_title = exact_title or match
        elif match.group(0).startswith(words[0]):
            if in_text:
                prefix_text = prefix_text or match
            else:
                prefix_title = prefix_title or match
        if count >= SNIPPET_WORDS:
            break
    best = exact_text or exact_title or prefix_text or prefix_title
    if best is None:
        return Hit(entry, "", entry.text[:SNIPPET_CHARS], html.escape(entry.text[:SNIPPET_CHARS]), score)
    start, end = best.start(), best.end()
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


def stem_words(text: str, language: str = "en") -> frozenset[str]:
    stem = stemmer(language)
    return frozenset(stem(word) for word in _WORD.findall(fold(text)))


class GlossaryFilter:
    """:meth:`Glossary.search`, fast enough for every keystroke in a glossary of thousands of long terms.

    Like search it ignores case and accents and word endings in ``language``: each
    word typed matches where its stem is part of a term or definition. The folded
    names and texts are made once.
    """

    def __init__(self, glossary: Glossary, language: str = "en") -> None:
        self.terms = glossary.terms
        self.stem = stemmer(language)
        self._names = [fold(term.term) for term in self.terms]
        self._texts = [fold(f"{term.term} {term.definition}") for term in self.terms]

    def search(self, query: str) -> tuple[GlossaryTerm, ...]:
        """Terms whose name or definition contains every word typed, names first."""
        words = [self.stem(word) for word in fold(query).split()]
        if not words:
            return self.terms
        in_name = [i for i, name in enumerate(self._names) if all(w in name for w in words)]
        named = set(in_name)
        in_text = [
            i for i, text in enumerate(self._texts) if i not in named and all(w in text for w in words)
        ]
        return tuple(self.terms[i] for i in in_name + in_text)
