"""The committed start-up cache is what the renderer makes now, in every language.

Here, not in tests/unit: the Spanish lessons' placeholders are filled in Spanish
only with the Qt translators registered (tests/ui/conftest.py does, as the app does).
"""

from __future__ import annotations

import json

from serotonin_app.content.library import load_library
from serotonin_app.content.render_cache import CACHE_FILE, RenderCache, build
from tests.conftest import BUNDLED


def test_committed_cache_matches_the_renderer() -> None:
    """Fails after a lesson or the renderer changes until `make cache` is run."""
    committed = json.loads((BUNDLED / CACHE_FILE).read_text(encoding="utf-8"))
    assert committed == build(BUNDLED)


def test_every_spanish_lesson_starts_from_the_cache() -> None:
    english, _ = load_library([BUNDLED])
    spanish = english.in_language("es")
    cache = RenderCache(BUNDLED)
    assert all(cache.lesson_html(lesson, spanish.glossary) for lesson in spanish.lessons)
