"""A shared PC keeps nothing of the last person: only zoom and window size are written."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SESSION = r"""
import os
from serotonin_app.cli import content_roots, make_renderer, render_cache
from serotonin_app.content.navigation import Place
from serotonin_app.content.library import load_library
from serotonin_app.content.quiz import Mode
from serotonin_app.qt_app import application
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.main_window import MainWindow

app = application()
library, problems = load_library(content_roots([]))
rendering = LessonRendering(library, render_cache(), make_renderer)
window = MainWindow(library, rendering, problems)  # the real preferences, under $HOME
window.show()
app.processEvents()
quizzes = window.content_tabs.quizzes_page
window.navigator.open(Place("quiz", "neurotransmitters"))
quizzes.start(Mode.TEST, seed=4)
while True:
    quizzes.pick(1)
    quizzes.submit()
    if quizzes.stack.currentWidget() is quizzes.results_panel:
        break
window.navigator.open(Place("checklist", "mood-symptoms"))
for box in list(window.content_tabs.checklists_page.boxes.values())[:3]:
    box.setChecked(True)
window.search_panel.box.setText("suicide")
window.content_tabs.glossary_page.search.setText("craving")
window.navigator.open(Place("lesson", "balancing", "exercise"))
window.open_find()
window.find_bar.box.setText("sleep")
window.view_settings.set_zoom(window.view_settings.zoom + 3)
app.processEvents()
window.close()
app.processEvents()
print("session done")
"""


def test_only_zoom_and_geometry_are_written_under_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-c", SESSION], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "session done" in result.stdout
    written = sorted(str(path.relative_to(home)) for path in home.rglob("*") if path.is_file())
    assert written == [".config/Serotonin Lessons/serotonin-app.conf"]
    preferences = configparser.ConfigParser()
    preferences.read(home / ".config" / "Serotonin Lessons" / "serotonin-app.conf")
    keys = {f"{section}/{key}" for section in preferences.sections() for key in preferences[section]}
    assert keys == {"view/zoom", "window/geometry"}
    text = (home / ".config" / "Serotonin Lessons" / "serotonin-app.conf").read_text()
    for private in ("suicide", "craving", "sleep", "mood", "neurotransmitters"):
        assert private not in text.casefold()
