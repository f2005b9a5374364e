"""Measurements that run inside one fresh process each (``benchmarks/run.py`` starts them).

Each function prints its figures as the last line of output, seconds separated by
spaces, so the parent can take medians over several new processes.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPH = (
    "Serotonin is a chemical messenger. Most of it is made in the gut, and brain cells make "
    "their own. It helps with sleep, appetite and mood. [S1]\n\n"
)


def generated_pack(folder: Path, lessons: int, questions: int) -> Path:
    """A large clinic pack: ``lessons`` lessons of about 2 KB and quizzes of 10 questions."""
    (folder / "lessons").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    for number in range(lessons):
        sections = "".join(f"## Part {part}\n\n{PARAGRAPH * 3}" for part in range(5))
        (folder / "lessons" / f"gen-{number:04}.md").write_text(
            f"---\nid: gen-{number:04}\ntitle: Generated lesson {number}\norder: {10 + number}\n"
            f"summary: A generated lesson.\n---\n\nIntro.\n\n{sections}## Sources\n\n- **S1** A source.\n",
            encoding="utf-8",
        )
    per_quiz = 10
    for number in range(questions // per_quiz):
        body = "".join(
            f"# Question {q} of quiz {number}?\n\n1. [ ] Wrong\n    > Not this one.\n"
            "1. [x] Right\n1. [ ] Also wrong\n\n"
            f"> Because. [Read more](lesson:gen-{number % max(1, lessons):04}#part-1)\n\n"
            for q in range(per_quiz)
        )
        (folder / "quizzes" / f"gen-{number:04}.md").write_text(
            f"---\ntitle: Quiz {number}\nlesson: gen-{number % max(1, lessons):04}\n---\n\n{body}",
            encoding="utf-8",
        )
    return folder


def _window(pack: Path | None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from serotonin_app.cli import _load, make_renderer, render_cache
    from serotonin_app.qt_app import application
    from serotonin_app.resources import bundled_resources
    from serotonin_app.ui.lesson_rendering import LessonRendering
    from serotonin_app.ui.main_window import MainWindow

    app = application()
    library, _ = _load([bundled_resources(), *([pack] if pack else [])])
    folder = tempfile.mkdtemp()
    rendering = LessonRendering(library, render_cache(), make_renderer)
    window = MainWindow(
        library, rendering, preferences=QSettings(f"{folder}/b.ini", QSettings.Format.IniFormat)
    )
    window.show()
    while (page := window.content_tabs.current_page()) is not None and not page.rendered:
        app.processEvents()
    app.processEvents()
    return app, library, window


def _after_warm_up(app, window) -> None:  # type: ignore[no-untyped-def]
    """Let the window do what it does once start-up is over: load the renderer, index for search."""
    deadline = time.perf_counter() + 60
    panel = window.search_panel
    while (window.rendering._renderer is None or not panel.index.complete) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)


def search(pack: str, when: str = "cold") -> None:
    """Type in the real search box with the pack loaded: first query until results shown, then each key.

    ``cold``: typed as soon as the window is up; ``warm``: after the window has indexed while idle.
    """
    from responsiveness import keystrokes

    app, _library, window = _window(Path(pack))
    if when == "warm":
        _after_warm_up(app, window)
    box = window.search_panel.box
    panel = window.search_panel
    start = time.perf_counter()
    keystrokes(box, "s", back=False)
    while panel.preparing:
        app.processEvents()
    first = time.perf_counter() - start
    if not panel.hits:
        raise SystemExit("search found nothing")
    further = keystrokes(box, "erotonin", back=False)
    print(first, statistics.median(further), max(further))


def first_uncached_lesson(pack: str, when: str = "cold") -> None:
    """Open a pack lesson (never in the render cache) in a fresh window: until it is painted.

    ``cold``: at once; ``warm``: after the window has loaded the renderer while idle.
    """
    from serotonin_app.content.navigation import Place

    app, library, window = _window(Path(pack))
    if when == "warm":
        _after_warm_up(app, window)
    lesson = next(item for item in library.lessons if item.id.startswith("gen-"))
    start = time.perf_counter()
    window.navigator.open(Place("lesson", lesson.id))
    while (page := window.content_tabs.current_page()) is None or not page.rendered:
        app.processEvents()
    window.repaint()
    app.processEvents()
    print(time.perf_counter() - start)


if __name__ == "__main__":
    {"search": search, "first_uncached_lesson": first_uncached_lesson}[sys.argv[1]](*sys.argv[2:])
