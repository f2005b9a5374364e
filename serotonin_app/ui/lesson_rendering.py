"""Turning lessons into what a lesson page shows: cached HTML, or python-markdown on first use."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.render_cache import RenderCache
from serotonin_app.content.sources import strip_citation_marks
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.translation_note import translation_note

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer


class LessonRendering(QObject):
    """Fills lesson pages: from the render cache when it can, else with a renderer made on first use.

    ``cli`` (the composition root) hands in the cache of the bundled lessons and
    the function that makes the renderer, so python-markdown stays off the
    start-up path and tests can hand in their own.
    """

    def __init__(
        self,
        library: ContentLibrary,
        cache: RenderCache | None,
        renderer_factory: Callable[[ContentLibrary], Renderer],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.cache = cache
        self._factory = renderer_factory
        self._renderer: Renderer | None = None
        #: Citation marks are for staff (View → Show sources); off for each new person.
        self.citations = False

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            self._renderer = self._factory(self.library)
        return self._renderer

    def warm_up(self) -> None:
        """Load python-markdown and the renderer now, while the reader is reading the first page.

        Called once, a moment after the window is painted and idle (:class:`MainWindow`):
        then the first lesson not in the render cache, and the first quiz, open without
        that wait (about 80 ms on a clinic PC), and start-up itself still pays nothing.
        """
        self.renderer.markdown("*warm*")

    def markdown_html(self, text: str) -> str:
        return self.renderer.markdown(text).html if text else ""

    def ensure_rendered(self, page: LessonPage) -> None:
        """Fill ``page`` once; a lesson too complex to render shows a plain message instead."""
        if page.rendered:
            return
        lesson = page.lesson
        body = self.cache.lesson_html(lesson, self.library.glossary) if self.cache is not None else None
        if body is None:
            from serotonin_app.content.render import RenderTooComplexError

            try:
                body = self.renderer.lesson(lesson).html
            except RenderTooComplexError:
                # Too slow or too deep to render: a message, not a frozen window (check says why).
                page.show_unavailable()
                return
        if not self.citations:
            body = strip_citation_marks(body)
        note = translation_note(self.library, "lesson", lesson.id)
        body = self._under_title(body, lesson.reading_minutes, note)
        page.show_rendered(body + self._quiz_links(lesson.id))

    def set_citations(self, on: bool, built: list[LessonPage], current: LessonPage | None) -> None:
        """Show or hide citation marks: the current page at once, the others when next shown."""
        self.citations = on
        for page in built:
            # A lesson too complex to render stays a message: trying again would only freeze the window.
            if not page.unavailable:
                page.rendered = False
        if current is not None:
            self.ensure_rendered(current)

    def _under_title(self, body: str, minutes: int, note: str) -> str:
        """The lesson's estimated reading time under its title, and the translation note if any."""
        text = self.tr("About 1 minute to read") if minutes == 1 else self.tr("About %1 minutes to read")
        line = f'<p class="reading-time"><i>{html.escape(text.replace("%1", str(minutes)))}</i></p>'
        if note:
            line += f'<p class="translation-note"><b>{html.escape(note)}</b></p>'
        title_end = body.find("</h1>")
        if title_end < 0:
            return line + body
        return body[: title_end + 5] + line + body[title_end + 5 :]

    def _quiz_links(self, lesson_id: str) -> str:
        """A "Test yourself" line after the lesson, for each quiz that belongs to it."""
        links = [
            f'<a href="quiz:{html.escape(quiz.id)}">{html.escape(quiz.title)}</a>'
            for quiz in self.library.quizzes_for(lesson_id)
        ]
        if not links:
            return ""
        label = html.escape(self.tr("Test yourself:"))
        return f'<p class="quiz-link"><b>{label}</b> {" · ".join(links)}</p>'
