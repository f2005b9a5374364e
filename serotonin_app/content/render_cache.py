"""Pre-rendered HTML for the bundled lessons, so start-up does not need python-markdown.

Rendering the first lesson costs about 100 ms (importing python-markdown and
nh3, then converting), which is most of the gap between our start-up and a bare
Qt window. The bundled lessons are rendered ahead of time into
``resources/rendered-cache.json`` by ``make cache`` (``serotonin_app.make_cache``). Each entry is keyed by a
hash of everything the HTML depends on in the content (title, body with the
clinic's placeholders filled in, and the glossary), so a clinic pack that
changes any of it simply misses the cache and renders live. A test fails when
the committed cache no longer matches what the renderer produces.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from serotonin_app.content.glossary import Glossary
from serotonin_app.content.lesson import Lesson

CACHE_FILE = "rendered-cache.json"
#: Bump when the shape of the cache file changes.
FORMAT = 1


def lesson_key(lesson: Lesson, glossary: Glossary) -> str:
    terms = [(term.term, term.definition) for term in glossary.terms]
    payload = json.dumps([FORMAT, lesson.title, lesson.body, lesson.body_line, terms], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class RenderCache:
    """Looks up a lesson's HTML in the bundled cache; loaded on first use."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILE
        self._entries: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._entries is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                entries = data.get("lessons", {}) if data.get("format") == FORMAT else {}
                self._entries = {str(k): str(v) for k, v in entries.items()}
            except (OSError, ValueError, AttributeError):
                self._entries = {}  # no cache, or a broken one: render live
        return self._entries

    def lesson_html(self, lesson: Lesson, glossary: Glossary) -> str | None:
        return self._load().get(lesson_key(lesson, glossary))


def build(folder: Path) -> dict[str, object]:
    """Render every lesson in ``folder`` alone (no packs, default settings), in every language.

    A language's view has its translated lessons and the English ones it shows
    with its own glossary. Translated files' placeholders are filled in their
    language only when its translator is registered (``serotonin_app.make_cache``
    does that); otherwise those entries simply never match and render live.
    """
    from serotonin_app.content.library import load_library
    from serotonin_app.content.render import Renderer

    english, _ = load_library([folder])
    lessons: dict[str, str] = {}
    for language in english.languages:
        library = english.in_language(language)
        renderer = Renderer(library.glossary, language=language)
        for lesson in library.lessons:
            lessons.setdefault(lesson_key(lesson, library.glossary), renderer.lesson(lesson).html)
    return {"format": FORMAT, "lessons": lessons}


def write(folder: Path) -> Path:
    """Write the cache atomically into ``folder``."""
    text = json.dumps(build(folder), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target = folder / CACHE_FILE
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".rendered-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    Path(temporary).chmod(0o644)  # readable by every user of an installed copy
    Path(temporary).replace(target)
    return target
