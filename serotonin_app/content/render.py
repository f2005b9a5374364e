"""Markdown to safe, Qt-friendly HTML.

This is the only module that imports python-markdown and nh3; it is imported
when a lesson is first shown or checked, never at start-up.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
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
from serotonin_app.content.glossary import Glossary
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.local_files import image_alt_text
from serotonin_app.content.problems import line_of

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
    """Links the first use of each glossary term in each ``##`` section."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        terms = sorted((t.term for t in glossary.terms), key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(t) for t in terms) + r")(?![\w-])", re.IGNORECASE
        )
        self.used: set[str] = set()
        self.enabled = True

    def run(self, root: ET.Element) -> None:
        self._walk(root)

    def _walk(self, parent: ET.Element) -> None:
        for child in list(parent):
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
            index = list(parent).index(child)
            for offset, element in enumerate(made, start=1):
                parent.insert(index + offset, element)

    def _link(self, text: str | None) -> tuple[str | None, list[ET.Element]]:
        if not text:
            return text, []
        made: list[ET.Element] = []
        head: str | None = text
        position = 0
        current = text
        while True:
            match = next(
                (
                    m
                    for m in self.pattern.finditer(current, position)
                    if self._key(m.group(1)) not in self.used
                ),
                None,
            )
            if match is None:
                break
            term = self.glossary.lookup(match.group(1))
            assert term is not None  # the pattern only matches glossary terms
            self.used.add(term.key)
            link = ET.Element(
                "a", {"href": f"glossary:{term.anchor}", "class": "gloss", "title": term.definition}
            )
            link.text = match.group(1)
            link.tail = current[match.end() :]
            if made:
                made[-1].tail = current[: match.start()]
            else:
                head = current[: match.start()]
            made.append(link)
            current, position = link.tail, 0
        return head, made

    def _key(self, text: str) -> str:
        term = self.glossary.lookup(text)
        return term.key if term else text.casefold()


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


class Renderer:
    """Renders Markdown the same way for the window, printing and ``check``."""

    def __init__(self, glossary: Glossary | None = None) -> None:
        self._extension = _LessonExtension(glossary)
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
        self._cache: dict[tuple[str, int], Rendered] = {}

    def markdown(self, text: str, *, first_line: int = 1) -> Rendered:
        """Render a Markdown fragment whose first line is ``first_line`` in its file."""
        key = (text, first_line)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._md.reset()
        raw = self._md.convert(text)
        removed: list[tuple[int, str]] = []
        stash: list[Any] = list(self._md.htmlStash.rawHtmlBlocks)
        for fragment in stash:
            if not isinstance(fragment, str):
                continue
            audit = _RawHtmlAudit()
            audit.feed(fragment)
            line = line_of(text, fragment.strip().split("\n")[0], first_line)
            removed.extend((line, what) for what in audit.removed)
        links = tuple(
            Link(href, label, line_of(text, href, first_line), is_image)
            for href, label, is_image in self._extension.links
        )
        rendered = Rendered(sanitise(raw), links, tuple(removed), tuple(self._extension.anchors))
        self._cache[key] = rendered
        return rendered

    def lesson(self, lesson: Lesson) -> Rendered:
        """The lesson's body rendered, with its title as a top heading."""
        body = self.markdown(lesson.body, first_line=lesson.body_line)
        title = f'<h1 class="lesson-title">{html.escape(lesson.title)}</h1>'
        return Rendered(title + body.html, body.links, body.removed_html, body.anchors)
