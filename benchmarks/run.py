"""Timings and sizes, each against a baseline measured in the same run (``make bench``).

Run on an idle machine. Every start-up figure is the median of cold runs, each
a whole new process, with the app and the bare baseline window interleaved so
machine noise hits both alike. Nothing here is asserted: targets are printed
beside the measurements (see the packaging issue and the README).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHILD = Path(__file__).with_name("startup_child.py")
# Installed copies run from compiled bytecode (pip and PyInstaller compile it), so the
# benchmark does too: it compiles first and lets Python keep the .pyc files.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "QT_QPA_PLATFORM": "offscreen"
}


def start_once(kind: str, *extra: str) -> tuple[float, int]:
    env = {**ENV, "SEROTONIN_BENCH_T0": repr(time.time())}
    result = subprocess.run(
        [sys.executable, str(CHILD), kind, *extra],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = result.stdout.split()[-2:]
    return float(seconds), int(rss)


def starts(runs: int, *extra: str) -> dict[str, tuple[float, int]]:
    """Median start time and median peak RSS for the app and the bare window, interleaved."""
    samples: dict[str, list[tuple[float, int]]] = {"bare": [], "app": []}
    start_once("bare")  # warm the file cache for both, so every measured run is alike
    start_once("app", *extra)
    for _ in range(runs):
        samples["bare"].append(start_once("bare"))
        samples["app"].append(start_once("app", *extra))
    return {
        kind: (statistics.median(s for s, _ in values), int(statistics.median(r for _, r in values)))
        for kind, values in samples.items()
    }


def timed(function: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``function`` over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_call_in_new_process(code: str, repeat: int = 5) -> float:
    """Median of a cold measurement made by ``code`` (which prints seconds) in new processes."""
    values = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", code], env=ENV, cwd=ROOT, capture_output=True, text=True, check=True
        )
        values.append(float(result.stdout.split()[-1]))
    return statistics.median(values)


def generated_pack(folder: Path, lessons: int = 500, questions: int = 5000) -> Path:
    """A large clinic pack: many lessons and quizzes of realistic size."""
    (folder / "lessons").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    paragraph = (
        "Serotonin is a chemical messenger. Most of it is made in the gut, and brain cells make "
        "their own. It helps with sleep, appetite and mood. [S1]\n\n"
    )
    for number in range(lessons):
        sections = "".join(f"## Part {part}\n\n{paragraph * 3}" for part in range(5))
        (folder / "lessons" / f"gen-{number:03}.md").write_text(
            f"---\nid: gen-{number:03}\ntitle: Generated lesson {number}\norder: {10 + number}\n"
            f"summary: A generated lesson.\n---\n\nIntro.\n\n{sections}## Sources\n\n- **S1** A source.\n",
            encoding="utf-8",
        )
    per_quiz = 10
    for number in range(questions // per_quiz):
        body = "".join(
            f"# Question {q} of quiz {number}?\n\n1. [ ] Wrong\n    > Not this one.\n"
            "1. [x] Right\n1. [ ] Also wrong\n\n"
            f"> Because. [Read more](lesson:gen-{number % lessons:03}#part-1)\n\n"
            for q in range(per_quiz)
        )
        (folder / "quizzes" / f"gen-{number:03}.md").write_text(
            f"---\ntitle: Quiz {number}\nlesson: gen-{number % lessons:03}\n---\n\n{body}", encoding="utf-8"
        )
    return folder


def quiz_feedback_seconds() -> float:
    """Answer questions in the real Quizzes tab: median time from submit to feedback shown."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from serotonin_app.cli import make_renderer, render_cache
    from serotonin_app.content.library import load_library
    from serotonin_app.content.navigation import Place
    from serotonin_app.content.quiz import Mode
    from serotonin_app.qt_app import application
    from serotonin_app.resources import bundled_resources
    from serotonin_app.ui.lesson_rendering import LessonRendering
    from serotonin_app.ui.main_window import MainWindow

    app = application()
    library, _ = load_library([bundled_resources()])
    folder = tempfile.mkdtemp()
    rendering = LessonRendering(library, render_cache(), make_renderer)
    window = MainWindow(
        library, rendering, preferences=QSettings(f"{folder}/b.ini", QSettings.Format.IniFormat)
    )
    window.show()
    times = []
    for quiz in library.quizzes:
        window.navigator.open(Place("quiz", quiz.id))
        page = window.content_tabs.quizzes_page
        assert page is not None
        page.start(Mode.PRACTICE, seed=1)
        while page.session is not None and page.stack.currentWidget() is page.question_panel:
            page.pick(1)
            start = time.perf_counter()
            page.submit()
            QApplication.processEvents()
            times.append(time.perf_counter() - start)
            page.go_next()
    window.close()
    app.processEvents()
    return statistics.median(times)


def language_switch_seconds(switches: int = 6) -> float:
    """Switch the real window between English and Spanish at a lesson's section: median until painted."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from serotonin_app.cli import make_renderer, render_cache
    from serotonin_app.content.library import load_library
    from serotonin_app.content.navigation import Place
    from serotonin_app.qt_app import application
    from serotonin_app.resources import bundled_resources
    from serotonin_app.ui.app import LanguageSwitcher, same_place

    application()
    library, problems = load_library([bundled_resources()])
    folder = tempfile.mkdtemp()
    switcher = LanguageSwitcher(
        library,
        problems,
        render_cache(),
        make_renderer,
        languages=["en", "es"],
        default="en",
        preferences=QSettings(f"{folder}/b.ini", QSettings.Format.IniFormat),
    )
    window = switcher.open("en", Place("lesson", "balancing"))
    QApplication.processEvents()
    times = []
    for number in range(switches):
        language = "es" if number % 2 == 0 else "en"
        start = time.perf_counter()
        window = switcher.open(language, same_place(window, library.in_language(language)))
        page = window.content_tabs.current_page()
        while page is not None and not page.rendered:
            QApplication.processEvents()
        window.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    window.staff_exit()
    QApplication.processEvents()
    return statistics.median(times)


def folder_size(path: Path) -> int:
    """Bytes on disk, counting each file once (PyInstaller links some libraries)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def row(name: str, value: str, baseline: str, ratio: str, target: str) -> None:
    print(f"{name:<46} {value:>12} {baseline:>12} {ratio:>7}  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="cold starts of each kind (at least 10)")
    parser.add_argument(
        "--bundle", action="store_true", help="also build and measure the PyInstaller bundles"
    )
    args = parser.parse_args()
    runs = max(10, args.runs)
    compileall.compile_dir(ROOT / "serotonin_app", quiet=1)

    print(
        f"Python {sys.version.split()[0]} on {os.uname().sysname} {os.uname().machine}, {os.cpu_count()} CPUs"
    )
    row("measure", "value", "baseline", "ratio", "target")
    result = starts(runs)
    (app_s, app_rss), (bare_s, bare_rss) = result["app"], result["bare"]
    row(f"cold start to painted and idle ({runs} runs)", f"{app_s * 1000:.0f} ms", f"{bare_s * 1000:.0f} ms",
        f"{app_s / bare_s:.2f}x", "<= 1.25x bare QTabWidget window")  # fmt: skip
    row("peak RSS at that point", f"{app_rss / 1024:.1f} MiB", f"{bare_rss / 1024:.1f} MiB",
        f"{app_rss / bare_rss:.2f}x", "<= 1.2x")  # fmt: skip

    parse = first_call_in_new_process(
        "import time; from serotonin_app.content.library import load_library; "
        "from serotonin_app.resources import bundled_resources; t = time.perf_counter(); "
        "load_library([bundled_resources()]); print(time.perf_counter() - t)"
    )
    row("parse all bundled content (cold, in process)", f"{parse * 1000:.1f} ms", "-", "-", "<= 30 ms")

    with tempfile.TemporaryDirectory() as scratch:
        pack = generated_pack(Path(scratch) / "pack")
        load = first_call_in_new_process(
            "import time; from pathlib import Path; from serotonin_app.content.library import load_library; "
            "from serotonin_app.resources import bundled_resources; t = time.perf_counter(); "
            f"lib, _ = load_library([bundled_resources(), Path({str(pack)!r})]); "
            "print(time.perf_counter() - t)",
            repeat=3,
        )
        row("load 500 lessons + 5,000 questions", f"{load * 1000:.0f} ms", "-", "-", "<= 1 s")
        big = starts(max(10, runs // 2), "--resources", str(pack))
        (big_s, _), (big_bare, _) = big["app"], big["bare"]
        row("  cold start with that pack", f"{big_s * 1000:.0f} ms", f"{big_bare * 1000:.0f} ms",
            f"{big_s / big_bare:.2f}x", "<= 2x bare window")  # fmt: skip

        def export_all() -> None:
            subprocess.run(
                [sys.executable, "-m", "serotonin_app", "export", "all", "-o", str(Path(scratch) / "out")],
                env=ENV, cwd=ROOT, capture_output=True, check=True,
            )  # fmt: skip

        row("export all bundled handouts (whole process)", f"{timed(export_all, 3) * 1000:.0f} ms", "-", "-",
            "<= 2 s")  # fmt: skip

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    row("quiz answer until feedback shown (median)", f"{quiz_feedback_seconds() * 1000:.1f} ms", "-", "-",
        "<= 50 ms")  # fmt: skip

    row("switch language en <-> es, lesson painted (median)", f"{language_switch_seconds() * 1000:.0f} ms",
        "-", "-", "<= 300 ms")  # fmt: skip

    if args.bundle:
        bundles = ROOT / "build" / "bench"
        for spec in ("build.spec", "benchmarks/bare.spec"):
            subprocess.run(
                [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(bundles / "dist"),
                 "--workpath", str(bundles / "work"), str(ROOT / spec)],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
        app_size = folder_size(bundles / "dist" / "serotonin-app")
        bare_size = folder_size(bundles / "dist" / "bare-window")
        row("bundle size (one folder)", f"{app_size / 2**20:.1f} MiB", f"{bare_size / 2**20:.1f} MiB",
            f"{app_size / bare_size:.2f}x", "<= 1.2x bare window bundle")  # fmt: skip


if __name__ == "__main__":
    main()
