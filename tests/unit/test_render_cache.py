"""The bundled lessons' pre-rendered HTML: current, used, and bypassed when content changes."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.library import load_library
from serotonin_app.content.render import Renderer
from serotonin_app.content.render_cache import CACHE_FILE, RenderCache
from tests.conftest import BUNDLED, ROOT


def test_cache_gives_the_live_html_and_misses_on_any_change() -> None:
    library, _ = load_library([BUNDLED])
    cache = RenderCache(BUNDLED)
    lesson = library.lessons[0]
    assert cache.lesson_html(lesson, library.glossary) == Renderer(library.glossary).lesson(lesson).html
    assert cache.lesson_html(replace(lesson, body=lesson.body + "\nMore."), library.glossary) is None
    other = Glossary((*library.glossary.terms, GlossaryTerm("Neuron", "A nerve cell.", 1)))
    assert cache.lesson_html(lesson, other) is None


def test_missing_or_broken_cache_means_live_rendering(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    library, _ = load_library([BUNDLED])
    assert RenderCache(folder).lesson_html(library.lessons[0], library.glossary) is None
    (folder / CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert RenderCache(folder).lesson_html(library.lessons[0], library.glossary) is None


def test_window_shows_the_first_lesson_without_python_markdown() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from serotonin_app.content.library import load_library\n"
        "from serotonin_app.resources import bundled_resources\n"
        "from serotonin_app.cli import make_renderer, render_cache\n"
        "from serotonin_app.qt_app import application\n"
        "from serotonin_app.ui.lesson_rendering import LessonRendering\n"
        "from serotonin_app.ui.main_window import MainWindow\n"
        "app = application()\n"
        "library, _ = load_library([bundled_resources()])\n"
        "import tempfile\n"
        "prefs = QSettings(tempfile.mkdtemp() + '/p.ini', QSettings.Format.IniFormat)\n"
        "rendering = LessonRendering(library, render_cache(), make_renderer)\n"
        "window = MainWindow(library, rendering, preferences=prefs)\n"
        "window.show()\n"
        "page = window.content_tabs.current_page()\n"
        "rendering.ensure_rendered(page)\n"
        "text = page.view.toPlainText()\n"
        "print(page.rendered, 'What is a neurotransmitter?' in text, 'markdown' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split() == ["True", "True", "False"]
