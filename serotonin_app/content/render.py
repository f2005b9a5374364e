"""Markdown to safe, Qt-friendly HTML, within a time and depth budget.

This is the only module that imports python-markdown (and, through
:mod:`~serotonin_app.content.sanitise`, nh3); it is imported when a lesson is
first shown or checked, never at start-up.

:meth:`Renderer.markdown` first measures, without rendering, what is known to
be costly (:mod:`~serotonin_app.content.render_budget`), and refuses it with
:class:`RenderTooComplexError`, which names the line. Whatever those measures
miss is stopped by a time limit (:mod:`~serotonin_app.content.time_limit`); a
``RecursionError`` becomes the same exception.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from serotonin_app.content.anchors import slugify
from serotonin_app.content.glossary import Glossary
from serotonin_app.content.glossary_links import TermLinker
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.local_files import image_alt_text
from serotonin_app.content.markdown_text import as_renderer_lines
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_in
from serotonin_app.content.render_budget import (
    TIME_BUDGET,
    RenderTooComplexError,
    html_nesting_problem,
    render_budget_problem,
    table_nesting_problem,
)
from serotonin_app.content.sanitise import RawHtmlAudit, is_remote, sanitise
from serotonin_app.content.time_limit import OutOfTime, TimeLimit
from serotonin_app.content.translations import SOURCE_LANGUAGE, file_language

# Imported from here by the window, ``check`` and printing.
__all__ = ["Link", "RenderTooComplexError", "Rendered", "Renderer", "render_budget_problem", "sanitise"]

#: The title of a callout written without one, by its kind (translated when it is rendered).
CALLOUT_TITLES = {
    "note": QT_TRANSLATE_NOOP("content.render", "Good to know"),
    "tip": QT_TRANSLATE_NOOP("content.render", "Good to know"),
    "warning": QT_TRANSLATE_NOOP("content.render", "Talk to your clinician"),
    "danger": QT_TRANSLATE_NOOP("content.render", "Get help now"),
}
_CITATION = r"\[(S\d{1,3})\]"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


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
        self._linker: tuple[tuple[int, str], TermLinker] | None = None

    def run(self, root: ET.Element) -> None:
        self._replace_remote_images(root, self.extension.language)
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
        self._callouts(root, self.extension.language)
        glossary = self.extension.glossary
        if glossary is not None and glossary.terms:
            # Made once per glossary and language: ``check`` renders 100,000 quiz fragments.
            key = (id(glossary), self.extension.language)
            if self._linker is None or self._linker[0] != key or self._linker[1].glossary is not glossary:
                self._linker = (key, TermLinker(glossary, self.extension.language))
            self._linker[1].run(root)

    @staticmethod
    def _replace_remote_images(root: ET.Element, language: str) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img" and is_remote(child.get("src", "")):
                    span = ET.Element("span", {"class": "image-alt"})
                    span.text = image_alt_text(child.get("alt") or "", language)
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)

    @staticmethod
    def _callouts(root: ET.Element, language: str) -> None:
        """Callouts as boxed tables; a default title is in the language of the text (``language``)."""
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
                            default = CALLOUT_TITLES.get(kind)
                            # An unknown kind is the author's own word: shown as written, not translated.
                            grandchild.text = (
                                translate_in(language, "content.render", default) if default else kind.title()
                            )
                    cell.append(grandchild)
                table.tail = child.tail
                parent.remove(child)
                parent.insert(index, table)


class _CommonMarkBlocks(Preprocessor):
    """Headings and fences read the way the content model reads them (see ``as_renderer_lines``)."""

    def run(self, lines: list[str]) -> list[str]:
        return as_renderer_lines(lines)


class _LessonExtension(Extension):
    def __init__(self, glossary: Glossary | None) -> None:
        super().__init__()
        self.glossary = glossary
        #: The language of the text being rendered: words the renderer adds are in it.
        self.language = SOURCE_LANGUAGE
        self.links: list[tuple[str, str, bool]] = []
        self.anchors: list[str] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(_CitationProcessor(_CITATION, md), "citation", 175)
        # After whitespace is normalised (30), before fenced code (25) and HTML blocks (20).
        md.preprocessors.register(_CommonMarkBlocks(md), "serotonin_blocks", 28)
        md.treeprocessors.register(_DocumentProcessor(md, self), "serotonin_document", 5)


class LineFinder:
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

    def __init__(
        self,
        glossary: Glossary | None = None,
        *,
        time_budget: float = TIME_BUDGET,
        language: str = SOURCE_LANGUAGE,
    ) -> None:
        self.glossary = glossary
        #: The language of text rendered without saying (quiz and checklist parts of this library's view).
        self.language = language
        self.time_budget = time_budget
        self._new_markdown()
        self._cache: dict[tuple[str, int, str], Rendered | RenderTooComplexError] = {}

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
                FencedCodeExtension(),
                AttrListExtension(),
                SaneListExtension(),
                AdmonitionExtension(),
                self._extension,
            ],
            output_format="html",
        )

    def markdown(self, text: str, *, first_line: int = 1, language: str = "") -> Rendered:
        """Render a Markdown fragment whose first line is ``first_line`` in its file.

        ``language`` is the text's (default: the renderer's): a callout's default
        title and a picture's stand-in text are written in it.
        """
        key = (text, first_line, language or self.language)
        cached = self._cache.get(key)
        if cached is None:
            self._extension.language = key[2]
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
            with TimeLimit(self.time_budget):
                raw, links, removed, anchors = self._convert(text, first_line)
        except OutOfTime:
            self._new_markdown()
            message = translate(
                "content.render",
                "rendering took longer than {seconds:g} seconds; "
                "split the text into shorter files or simplify it",
            )
            raise RenderTooComplexError(message.format(seconds=self.time_budget), first_line) from None
        except RecursionError:
            self._new_markdown()
            message = translate(
                "content.render",
                "the text is nested too deeply to render (lists, quotes, emphasis or definitions "
                "inside each other, or very long runs of them)",
            )
            raise RenderTooComplexError(message, first_line) from None
        problem = html_nesting_problem(raw, first_line)
        if problem is not None:
            raise problem
        clean = sanitise(raw)
        problem = table_nesting_problem(clean, first_line)
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
        fragment_lines = LineFinder(text, first_line)
        for fragment in stash:
            if not isinstance(fragment, str):
                continue
            audit = RawHtmlAudit()
            audit.feed(fragment)
            line = fragment_lines.line(fragment.strip().split("\n")[0])
            removed.extend((line, what) for what in audit.removed)
        link_lines = LineFinder(text, first_line)
        links = tuple(
            Link(href, label, link_lines.line(href), is_image)
            for href, label, is_image in self._extension.links
        )
        return raw, links, tuple(removed), tuple(self._extension.anchors)

    def lesson(self, lesson: Lesson) -> Rendered:
        """The lesson's body rendered, with its title as a top heading."""
        body = self.markdown(lesson.body, first_line=lesson.body_line, language=file_language(lesson.path))
        title = f'<h1 class="lesson-title">{html.escape(lesson.title)}</h1>'
        return Rendered(title + body.html, body.links, body.removed_html, body.anchors)
