"""Markdown to safe, Qt-friendly HTML, within a time and depth budget.

This is the only module that imports python-markdown and nh3; it is imported
when a lesson is first shown or checked, never at start-up.

Python-markdown is not built for hostile input: some Markdown makes it take
time that grows with the square of the text (minutes for 50,000 ``[``) or
recurse until Python gives up, nh3 slows down the same way on deeply nested
HTML, and Qt lays out nested tables in time that doubles with each level.
So :meth:`Renderer.markdown` first measures, without rendering, what is
known to be costly (:func:`render_budget_problem`), and refuses it with
:class:`RenderTooComplexError`, which names the line. Whatever those measures
miss is stopped by a time limit (:class:`_TimeLimit`); a ``RecursionError``
becomes the same exception.
"""

from __future__ import annotations

import bisect
import ctypes
import html
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from types import TracebackType
from typing import Any

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from serotonin_app.content.anchors import slugify
from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.limits import MAX_LINE_CHARS, MAX_NESTING
from serotonin_app.content.local_files import image_alt_text
from serotonin_app.content.source import markdown_depth

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border"},
    "td": {"align", "colspan", "rowspan", "bgcolor", "width"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"lesson", "quiz", "checklist", "glossary", "http", "https", "mailto", "tel"})
CALLOUT_TITLES = {
    "note": "Good to know",
    "tip": "Good to know",
    "warning": "Talk to your clinician",
    "danger": "Get help now",
}
_CITATION = r"\[(S\d{1,3})\]"
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NO_TERMS = frozenset({"a", "code", "pre", "sup", *_HEADINGS})
_WORD = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"[\w-]")


def is_remote(src: str) -> bool:
    """True for any address with a scheme or host: only relative local files may load."""
    return bool(_REMOTE.match(src.strip()))


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    #: 1-based line in the file, best effort (the first place the address appears).
    line: int
    is_image: bool = False


@dataclass(frozen=True)
class Rendered:
    html: str
    links: tuple[Link, ...]
    #: ``(line, what)`` for each piece of raw HTML the sanitiser removes.
    removed_html: tuple[tuple[int, str], ...]
    #: Ids given to headings, in document order.
    anchors: tuple[str, ...]


class _CitationProcessor(InlineProcessor):
    """``[S12]`` becomes a small superscript citation."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - python-markdown's API
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element, int, int]:
        element = ET.Element("sup", {"class": "cite"})
        element.text = f"[{m.group(1)}]"
        return element, m.start(0), m.end(0)


class _DocumentProcessor(Treeprocessor):
    """Collects links, turns callouts into boxed tables, links glossary terms."""

    def __init__(self, md: markdown.Markdown, extension: _LessonExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        self._replace_remote_images(root)
        self.extension.links = [
            (
                el.get("src" if el.tag == "img" else "href", ""),
                "".join(el.itertext()) or el.get("alt", ""),
                el.tag == "img",
            )
            for el in root.iter()
            if el.tag in {"a", "img"}
        ]
        self.extension.anchors = [el.get("id", "") for el in root.iter() if el.tag in _HEADINGS]
        self._callouts(root)
        if self.extension.glossary is not None and self.extension.glossary.terms:
            _TermLinker(self.extension.glossary).run(root)

    @staticmethod
    def _replace_remote_images(root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img" and is_remote(child.get("src", "")):
                    span = ET.Element("span", {"class": "image-alt"})
                    span.text = image_alt_text(child.get("alt") or "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)

    @staticmethod
    def _callouts(root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                classes = child.get("class", "").split()
                if child.tag != "div" or "admonition" not in classes:
                    continue
                kind = next((c for c in classes if c != "admonition"), "note")
                table = ET.Element(
                    "table",
                    {
                        "class": f"callout {kind}",
                        "width": "100%",
                        "cellpadding": "10",
                        "cellspacing": "0",
                        "border": "1",
                    },
                )
                cell = ET.SubElement(ET.SubElement(table, "tr"), "td")
                for grandchild in list(child):
                    if grandchild.get("class") == "admonition-title":
                        grandchild.set("class", "callout-title")
                        title = "".join(grandchild.itertext()).strip()
                        # admonition's own default title is the type name; ours says what to do.
                        if not title or title == kind.capitalize():
                            grandchild.text = CALLOUT_TITLES.get(kind, kind.title())
                    cell.append(grandchild)
                table.tail = child.tail
                parent.remove(child)
                parent.insert(index, table)


class _TermLinker:
    r"""Links the first use of each glossary term in each ``##`` section.

    A term matches case-insensitively where no letter, digit or hyphen touches it, and
    the longest term wins, as ``(?<![\w-])(term|...)(?![\w-])`` with the longest
    first would find them. Matching is by first word instead: Python's ``re`` tries
    each of the alternatives at every position, which for 2,000 terms takes seconds
    for one long lesson.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        # Terms by their first word (or first character, when that is not a word
        # character), longest first; each as (lower-case text, length, term).
        self.candidates: dict[str, list[tuple[str, int, GlossaryTerm]]] = {}
        odd: set[str] = set()
        for term in sorted(glossary.terms, key=lambda t: (-len(t.term), t.term.lower())):
            folded = term.term.lower()
            if not folded:
                continue
            first = _WORD.match(folded)
            if first is None:
                odd.add(folded[0])
            key = first.group() if first else folded[0]
            self.candidates.setdefault(key, []).append((folded, len(term.term), term))
        odd_starts = "|[" + "".join(re.escape(c) for c in sorted(odd)) + "]" if odd else ""
        self.starts = re.compile(rf"(?<![\w-])(?:\w+{odd_starts})")
        self.used: set[str] = set()
        self.enabled = True

    def run(self, root: ET.Element) -> None:
        self._walk(root)

    def _walk(self, parent: ET.Element) -> None:
        # By index: the links made are inserted into ``parent`` as we go.
        index = 0
        while index < len(parent):
            child = parent[index]
            index += 1
            if child.tag == "h2":
                self.used.clear()
                # Reference lists are not reading text: no glossary links there.
                self.enabled = child.get("id") != "sources"
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
        for start_match in self.starts.finditer(text):
            start = start_match.start()
            if start < taken:
                continue
            word = start_match.group().lower()
            for folded, length, term in self.candidates.get(word, ()):
                end = start + length
                if text[start:end].lower() == folded and not _WORD_AFTER.match(text, end):
                    taken = end
                    yield start, end, term
                    break

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


class _LessonExtension(Extension):
    def __init__(self, glossary: Glossary | None) -> None:
        super().__init__()
        self.glossary = glossary
        self.links: list[tuple[str, str, bool]] = []
        self.anchors: list[str] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(_CitationProcessor(_CITATION, md), "citation", 175)
        md.treeprocessors.register(_DocumentProcessor(md, self), "serotonin_document", 5)


class _RawHtmlAudit(HTMLParser):
    """Finds what the sanitiser will remove from a raw HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.removed.append(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.removed.append(f"{name}= on <{tag}>")
            elif name in {"src", "href"} and value and tag == "img" and is_remote(value):
                self.removed.append(f"remote image {value}")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and is_remote(value):
        return None
    return value


def sanitise(document: str) -> str:
    """Keep a small safe subset of HTML: no scripts, frames, handlers or remote loads."""
    return str(
        nh3.clean(
            document,
            tags=set(ALLOWED_TAGS),
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=set(URL_SCHEMES),
            link_rel=None,
            attribute_filter=_attribute_filter,
            strip_comments=True,
        )
    )


#: Seconds one rendering may take before it is given up. A realistic lesson of 1 MB,
#: the largest file the loader accepts, takes about a second on a 2-core laptop from
#: 2020 (``benchmarks/responsiveness.py``); this leaves room for a slower clinic PC.
TIME_BUDGET = 5.0
#: Tables inside tables (a callout is a table too). Qt needs twice as long to lay out
#: each extra level: 0.05 s at 12 levels, 10 s at 20. The shipped lessons use 2.
MAX_TABLE_NESTING = 8
#: Block elements inside each other in the HTML, which nh3 needs time for that grows
#: with the square of the depth (20 s for 100,000 ``<div>``). Markdown reaches about
#: two per level of list or quote, so the loader's limit of 50 levels stays well below.
MAX_HTML_NESTING = 256
#: ``*`` or ``_`` in a row: python-markdown's emphasis parser recurses once for every
#: few of them and runs out of stack at about 2,000. Rules (``*****``) are not counted.
MAX_EMPHASIS_RUN = 200

# How far python-markdown's own loops may step through the text for each kind of
# construct, as estimated by the ``_*_steps`` functions below. Each figure is about
# two seconds of rendering on the laptop above; a realistic 1 MB lesson needs less
# than a twentieth of any of them, the shipped lessons a thousandth.
#: Each ``[`` is read up to its ``]``, or the end of the paragraph, by three link patterns.
_BRACKET_STEPS = 6_000_000
#: Each run of backticks is read up to a run as long, or the end of the paragraph.
_BACKTICK_STEPS = 25_000_000
#: Each ``](`` is read up to its ``)``, or the end of the paragraph.
_PAREN_STEPS = 20_000_000
#: Each ``<tag`` is read up to its ``>`` (``-->``, ``]]>``) by html.parser, across the whole text.
_TAG_STEPS = 3_000_000
#: Each inline match (link, code, emphasis, line break...) copies its whole paragraph.
_COPY_STEPS = 4_000_000_000

# Python-markdown formats inline text a paragraph, list item, table row or heading at a time.
_UNIT_BREAK = re.compile(r"\n(?:[ \t>]*\n)+|\n(?=[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|[|#:]))")
# Characters that can start an inline match, each counted alone; and a line break.
_MARKS = ("`", "\\", "[", "<", "&", "*", "_", "  \n")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
_PAREN = re.compile(r"\\.|[()]", re.DOTALL)
_LINK_OPEN = re.compile(r"\]\(")
_BACKTICKS = re.compile(r"`+")
_TAG_OPEN = re.compile(r"<(?:!\[|!--|[A-Za-z!?/])")
# A line nested more than MAX_NESTING deep starts with more than that many of these (each level
# takes at least one); the newline in front lets ``re`` jump from line to line.
_DEEP_CANDIDATE = re.compile(rf"\n[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}")
_RULE_LINE = re.compile(r"[ \t*_-]*")
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|blockquote|ul|ol|li|dl|dd|dt|table|tbody|thead|tfoot|tr|td|th|p|pre|h[1-6])\b",
    re.IGNORECASE,
)
_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


class RenderTooComplexError(Exception):
    """Markdown that cannot be rendered within the time and depth budget.

    ``message`` says why in plain English for ``check``; ``line`` is the 1-based
    line in the file where the costly part starts (best effort).
    """

    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.message = message
        self.line = line


def render_budget_problem(text: str, first_line: int = 1) -> RenderTooComplexError | None:
    """Why ``text`` would be too slow or too deep to render, found without rendering it; or None.

    Linear in the length of ``text`` and much faster than rendering it. Rendering
    can still run out of time on something these measures miss; use
    :meth:`Renderer.markdown` for the final word.
    """
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE_CHARS:
        index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
        return RenderTooComplexError(
            f"line is {len(lines[index]):,} characters long; the limit is {MAX_LINE_CHARS:,}",
            first_line + index,
        )
    for match in _DEEP_CANDIDATE.finditer("\n" + text):
        start = match.start()  # the line's start in ``text``, thanks to the newline put in front
        end = text.find("\n", start)
        depth = markdown_depth(text[start : end if end >= 0 else len(text)])
        if depth > MAX_NESTING:
            return RenderTooComplexError(
                f"lists and quotes are nested {depth} levels deep here; the limit is {MAX_NESTING}",
                first_line + text.count("\n", 0, start),
            )
    for mark in "*_":
        run = mark * (MAX_EMPHASIS_RUN + 1)
        found = text.find(run)
        while found >= 0:
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            end = end if end >= 0 else len(text)
            if not _RULE_LINE.fullmatch(text, start, end):
                length = end - found - len(text[found:end].lstrip(mark))
                return RenderTooComplexError(
                    f"{length:,} '{mark}' in a row; the limit is {MAX_EMPHASIS_RUN}",
                    first_line + text.count("\n", 0, found),
                )
            found = text.find(run, end)
    return _tag_problem(text, first_line) or _inline_problem(text, first_line)


def _tag_problem(text: str, first_line: int) -> RenderTooComplexError | None:
    if text.count("<") * len(text) <= _TAG_STEPS:
        return None  # cannot add up to the limit: skip the walk
    steps = 0
    ends: dict[str, int] = {}
    for match in _TAG_OPEN.finditer(text):
        start, opener = match.start(), match.group()
        close = "]]>" if opener == "<![" else "-->" if opener == "<!--" else ">"
        if ends.get(close, -1) < start:
            found = text.find(close, start)
            ends[close] = found if found >= 0 else len(text)
        steps += ends[close] - start
        if steps > _TAG_STEPS:
            return RenderTooComplexError(
                "too many '<' start an HTML tag that does not end with '>'; "
                "write '&lt;' for a '<' that is not part of a tag",
                first_line + text.count("\n", 0, start),
            )
    return None


def _marks(text: str) -> int:
    return sum(map(text.count, _MARKS))


def _inline_problem(text: str, first_line: int) -> RenderTooComplexError | None:
    # Upper bounds from the longest paragraph: when even they fit, no paragraph can go
    # over, and the shipped lessons (and most others) are done without a walk.
    longest = max(map(len, _UNIT_BREAK.split(text)))
    walk_copy = _marks(text) * longest > _COPY_STEPS
    walk_brackets = text.count("[") * longest > _BRACKET_STEPS
    walk_backticks = text.count("`") * longest > _BACKTICK_STEPS
    walk_parens = text.count("](") * longest > _PAREN_STEPS
    if not (walk_copy or walk_brackets or walk_backticks or walk_parens):
        return None
    copy = bracket = backtick = paren = 0
    line = first_line
    start = 0
    for unit_break in (*_UNIT_BREAK.finditer(text), None):
        end = unit_break.start() if unit_break else len(text)
        unit = text[start:end]
        if walk_copy:
            copy += _marks(unit) * len(unit)
            if copy > _COPY_STEPS:
                return RenderTooComplexError(
                    "this paragraph has too much formatting to render in time; "
                    "split it into shorter paragraphs with blank lines",
                    line,
                )
        if walk_brackets and "[" in unit:
            bracket += _bracket_steps(unit, _BRACKET_STEPS - bracket)
            if bracket > _BRACKET_STEPS:
                return RenderTooComplexError(
                    "too many '[' without a matching ']' (or inside each other) to render in time; "
                    "write '\\[' for a bracket that does not start a link",
                    line,
                )
        if walk_backticks and "`" in unit:
            backtick += _backtick_steps(unit, _BACKTICK_STEPS - backtick)
            if backtick > _BACKTICK_STEPS:
                return RenderTooComplexError(
                    "too many '`' without a matching '`' to render in time; "
                    "write '\\`' for a backtick that does not start code",
                    line,
                )
        if walk_parens and "](" in unit:
            paren += _paren_steps(unit, _PAREN_STEPS - paren)
            if paren > _PAREN_STEPS:
                return RenderTooComplexError(
                    "too many links whose '(' has no matching ')' to render in time", line
                )
        if unit_break is not None:
            line += unit.count("\n") + unit_break.group().count("\n")
            start = unit_break.end()
    return None


def _bracket_steps(unit: str, limit: int) -> int:
    """Characters read by link patterns: each ``[`` reads on until its ``]``, or to the end."""
    steps = depth = last = 0
    for match in _BRACKET.finditer(unit):
        if len(match.group()) == 2:
            continue  # escaped: python-markdown takes it out before links are looked for
        position = match.start()
        steps += depth * (position - last)
        last = position
        if match.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
        if steps > limit:
            break
    return steps + depth * (len(unit) - last)


def _backtick_steps(unit: str, limit: int) -> int:
    """Characters read looking for code spans: each opening run reads on to a run as long, or to the end."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(unit)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    steps = index = 0
    while index < len(runs) and steps <= limit:
        start, end = runs[index]
        # A backslash takes away the first backtick of a run; the rest still opens code.
        length = end - start - (start > 0 and unit[start - 1] == "\\")
        same = by_length.get(length, [])
        following = bisect.bisect_right(same, index)
        if length and following < len(same):
            closing = same[following]
            steps += runs[closing][0] - end
            index = closing + 1
        else:
            steps += (len(unit) - end) if length else 0
            index += 1
    return steps


def _paren_steps(unit: str, limit: int) -> int:
    """Characters read for link addresses: each ``](`` reads on to its ``)``, or to the end."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for match in _PAREN.finditer(unit):
        if match.group() == "(":
            opened.append(match.start())
        elif match.group() == ")" and opened:
            closing[opened.pop()] = match.start()
    steps = 0
    for match in _LINK_OPEN.finditer(unit):
        start = match.end() - 1
        steps += closing.get(start, len(unit)) - start
        if steps > limit:
            break
    return steps


def _nesting_problem(raw_html: str, first_line: int) -> RenderTooComplexError | None:
    """Blocks nested too deeply for nh3, in python-markdown's output (before nh3 sees it)."""
    depth = deepest = 0
    for match in _BLOCK_TAG.finditer(raw_html):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_HTML_NESTING:
            return RenderTooComplexError(
                f"HTML blocks are nested more than {MAX_HTML_NESTING} levels deep", first_line
            )
    return None


def _table_problem(clean_html: str, first_line: int) -> RenderTooComplexError | None:
    """Tables nested too deeply for Qt, in nh3's well-formed output."""
    depth = deepest = 0
    for match in _TABLE_TAG.finditer(clean_html):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_TABLE_NESTING:
        return RenderTooComplexError(
            f"tables and callouts are nested {deepest} levels deep; the limit is {MAX_TABLE_NESTING}",
            first_line,
        )
    return None


class _OutOfTime(BaseException):
    """Raised inside a rendering that ran over its time.

    A BaseException, so that no ``except Exception`` inside python-markdown catches it.
    """


def _async_exception_setter() -> Any:
    # Found once, here: a Python built without exported symbols (some embedded or frozen
    # builds) has no such function, and then the time limit cannot interrupt (the
    # measures before rendering still apply).
    try:
        return ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (AttributeError, OSError):  # pragma: no cover - not on the Pythons we ship
        return None


_SET_ASYNC_EXC = _async_exception_setter()


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``thread_id`` raise ``exception`` at its next bytecode; None takes a pending one back."""
    if _SET_ASYNC_EXC is not None:
        value = ctypes.py_object(exception) if exception is not None else None
        _SET_ASYNC_EXC(ctypes.c_ulong(thread_id), value)


class _TimeLimit:
    """Raises :class:`_OutOfTime` in the calling thread if the block is still running after ``seconds``.

    The rendering itself stays on the calling thread: python-markdown state, the
    stack size and the results are the same as without a limit, and only a timer
    thread is added, which sleeps unless the time runs out. It then asks CPython
    to raise the exception in the rendering thread (``PyThreadState_SetAsyncExc``,
    the same on Linux, Windows and macOS). That interrupts pure-Python work, which
    is all python-markdown does; a single long call into C (a regular expression,
    nh3) is only interrupted when it returns, which is why the measures in
    :func:`render_budget_problem` keep those calls short. Signals (``SIGALRM``) do
    not exist on Windows, and a separate process would have to import
    python-markdown again for every lesson (and be frozen with the bundle).

    Leaving the block in time takes back an exception that was asked for but not
    yet raised, under a lock the timer holds while it asks: so the exception is
    raised inside the block or not at all, never later in unrelated code.
    """

    def __init__(self, seconds: float) -> None:
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._running = True
        self._fired = False
        self._timer = threading.Timer(seconds, self._on_timeout)
        self._timer.daemon = True

    def __enter__(self) -> _TimeLimit:
        self._timer.start()
        return self

    def _on_timeout(self) -> None:
        with self._lock:
            if self._running:
                self._fired = True
                _raise_in_thread(self._thread_id, _OutOfTime)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._lock:
            self._running = False
            if self._fired:
                _raise_in_thread(self._thread_id, None)
        self._timer.cancel()


class _LineFinder:
    """Lines of things found in the text, in document order: each search starts where the last one ended.

    Looking each one up from the start would take time that grows with the square of
    the number of links in a long lesson.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self._position = self._next = 0
        self._line = first_line
        self._missing: set[str] = set()

    def line(self, needle: str) -> int:
        index = self.text.find(needle, self._next) if needle else -1
        if index < 0:
            # Not after the last one: the first place, as before; and a needle
            # written differently in the source is looked for only once.
            if not needle or needle in self._missing:
                return self.first_line
            index = self.text.find(needle)
            if index < 0:
                self._missing.add(needle)
                return self.first_line
            return self.first_line + self.text.count("\n", 0, index)
        self._line += self.text.count("\n", self._position, index)
        self._position = index
        self._next = index + 1  # the same address again is the next link's
        return self._line


class Renderer:
    """Renders Markdown the same way for the window, printing and ``check``.

    :meth:`markdown` and :meth:`lesson` raise :class:`RenderTooComplexError` for text that
    would take longer than ``time_budget`` seconds or nest too deeply; the refusal is
    remembered like a result.
    """

    def __init__(self, glossary: Glossary | None = None, *, time_budget: float = TIME_BUDGET) -> None:
        self.glossary = glossary
        self.time_budget = time_budget
        self._new_markdown()
        self._cache: dict[tuple[str, int], Rendered | RenderTooComplexError] = {}

    def _new_markdown(self) -> None:
        """A fresh converter: after an interrupted run, the old one's state cannot be trusted."""
        self._extension = _LessonExtension(self.glossary)
        self._md = markdown.Markdown(
            extensions=[
                TocExtension(slugify=slugify),
                # Instances, not names: naming an extension makes python-markdown scan
                # every installed package's entry points (about 30 ms).
                TableExtension(use_align_attribute=True),
                DefListExtension(),
                AttrListExtension(),
                SaneListExtension(),
                AdmonitionExtension(),
                self._extension,
            ],
            output_format="html",
        )

    def markdown(self, text: str, *, first_line: int = 1) -> Rendered:
        """Render a Markdown fragment whose first line is ``first_line`` in its file."""
        key = (text, first_line)
        cached = self._cache.get(key)
        if cached is None:
            try:
                cached = self._render(text, first_line)
            except RenderTooComplexError as problem:
                cached = problem
            self._cache[key] = cached
        if isinstance(cached, RenderTooComplexError):
            raise cached
        return cached

    def _render(self, text: str, first_line: int) -> Rendered:
        problem = render_budget_problem(text, first_line)
        if problem is not None:
            raise problem
        try:
            with _TimeLimit(self.time_budget):
                raw, links, removed, anchors = self._convert(text, first_line)
        except _OutOfTime:
            self._new_markdown()
            raise RenderTooComplexError(
                f"rendering took longer than {self.time_budget:g} seconds; "
                "split the text into shorter files or simplify it",
                first_line,
            ) from None
        except RecursionError:
            self._new_markdown()
            raise RenderTooComplexError(
                "the text is nested too deeply to render (lists, quotes, emphasis or definitions "
                "inside each other, or very long runs of them)",
                first_line,
            ) from None
        problem = _nesting_problem(raw, first_line)
        if problem is not None:
            raise problem
        clean = sanitise(raw)
        problem = _table_problem(clean, first_line)
        if problem is not None:
            raise problem
        return Rendered(clean, links, removed, anchors)

    def _convert(
        self, text: str, first_line: int
    ) -> tuple[str, tuple[Link, ...], tuple[tuple[int, str], ...], tuple[str, ...]]:
        """python-markdown's HTML and what was found on the way; all of it runs under the time limit."""
        self._md.reset()
        raw = self._md.convert(text)
        removed: list[tuple[int, str]] = []
        stash: list[Any] = list(self._md.htmlStash.rawHtmlBlocks)
        fragment_lines = _LineFinder(text, first_line)
        for fragment in stash:
            if not isinstance(fragment, str):
                continue
            audit = _RawHtmlAudit()
            audit.feed(fragment)
            line = fragment_lines.line(fragment.strip().split("\n")[0])
            removed.extend((line, what) for what in audit.removed)
        link_lines = _LineFinder(text, first_line)
        links = tuple(
            Link(href, label, link_lines.line(href), is_image)
            for href, label, is_image in self._extension.links
        )
        return raw, links, tuple(removed), tuple(self._extension.anchors)

    def lesson(self, lesson: Lesson) -> Rendered:
        """The lesson's body rendered, with its title as a top heading."""
        body = self.markdown(lesson.body, first_line=lesson.body_line)
        title = f'<h1 class="lesson-title">{html.escape(lesson.title)}</h1>'
        return Rendered(title + body.html, body.links, body.removed_html, body.anchors)
