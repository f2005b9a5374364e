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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measures import _window, generated_pack  # noqa: E402

BARE = [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
APP = [sys.executable, "-m", "serotonin_app"]
MEASURES = [sys.executable, str(Path(__file__).with_name("measures.py"))]
# Installed copies run from compiled bytecode (pip and PyInstaller compile it), so the
# benchmark does too: it compiles first and lets Python keep the .pyc files. Settings go
# to a scratch folder, so every start is a first start and nothing of the developer's is read.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "QT_QPA_PLATFORM": "offscreen",
    "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="bench-config-"),
}


def start_once(command: list[str], tabs: bool = False) -> tuple[float, int]:
    """One cold start of ``command``: seconds from launch until painted and idle, peak RSS in KiB."""
    env = {**ENV, "SEROTONIN_BENCH_T0": repr(time.time())} | ({"SEROTONIN_BENCH_TABS": "1"} if tabs else {})
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, rss = result.stdout.split()[-2:]
    return float(seconds), int(rss)


def starts(runs: int, commands: dict[str, list[str]], tabs: bool = False) -> dict[str, tuple[float, int]]:
    """Median start time and median peak RSS of each command, interleaved run by run."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache for each, so every measured run is alike
        start_once(command, tabs)
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(start_once(command, tabs and name != "bare"))
    return {
        name: (statistics.median(s for s, _ in values), int(statistics.median(r for _, r in values)))
        for name, values in samples.items()
    }


def timed(function: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``function`` over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quiz_feedback_seconds() -> float:
    """Answer questions in the real Quizzes tab: median time from submit to feedback shown."""
    from PySide6.QtWidgets import QApplication

    from serotonin_app.content.navigation import Place
    from serotonin_app.content.quiz import Mode

    app, library, window = _window(None)
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
    print(f"{name:<52} {value:>11} {baseline:>11} {ratio:>7}  {target}", flush=True)


def ratio_row(name: str, value: float, baseline: float, target: float, unit: str = "ms") -> None:
    """A row measured against a baseline, with the ratio and whether it meets ``target``."""
    ratio = value / baseline
    met = "met" if ratio <= target else "NOT MET"
    scale, fmt = (1000, "{:.0f} ms") if unit == "ms" else (1 / 1024, "{:.1f} MiB")
    row(name, fmt.format(value * scale), fmt.format(baseline * scale), f"{ratio:.2f}x",
        f"<= {target:g}x ({met})")  # fmt: skip


def limit_row(name: str, seconds: float, limit: float) -> None:
    """A row with an absolute limit in seconds."""
    met = "met" if seconds <= limit else "NOT MET"
    value = f"{seconds:.1f} s" if limit >= 1 else f"{seconds * 1000:.0f} ms"
    shown = f"{limit:g} s" if limit >= 1 else f"{limit * 1000:.0f} ms"
    row(name, value, "-", "-", f"<= {shown} ({met})")


def measure(name: str, *args: str, repeat: int = 3) -> list[float]:
    """Medians of the figures ``measures.py name args`` prints, each run in a new process."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [*MEASURES, name, *args], env=ENV, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise SystemExit(f"measures.py {name} failed:\n{result.stderr[-2000:]}")
        runs.append([float(value) for value in result.stdout.split("\n")[-2].split()])
    return [statistics.median(column) for column in zip(*runs, strict=True)]


def machine() -> str:
    import platform

    import PySide6

    memory = ""
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as info:
            memory = f", {int(info.readline().split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.node()}: {platform.system()} {platform.release()} {cpu}, {os.cpu_count()} CPUs{memory}; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )


#: Lessons in each generated pack of the curve (10 quiz questions per lesson).
CURVE = (0, 50, 500, 2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="cold starts of each kind (at least 10)")
    parser.add_argument(
        "--bundle", action="store_true", help="also build and measure the PyInstaller bundles"
    )
    args = parser.parse_args()
    runs = max(10, args.runs)
    compileall.compile_dir(ROOT / "serotonin_app", quiet=1)

    print(machine())
    row("measure", "value", "baseline", "ratio", "target")
    result = starts(runs, {"bare": BARE, "app": APP})
    (app_s, app_rss), (bare_s, bare_rss) = result["app"], result["bare"]
    ratio_row(f"cold start until painted and idle ({runs} runs)", app_s, bare_s, 1.25)
    ratio_row("peak RSS at that point", app_rss, bare_rss, 1.3, unit="MiB")
    toured = starts(max(5, runs // 3), {"bare": BARE, "app": APP}, tabs=True)
    ratio_row("peak RSS after opening every tab once", toured["app"][1], toured["bare"][1], 1.6, unit="MiB")

    with tempfile.TemporaryDirectory() as scratch:
        packs = {
            lessons: generated_pack(Path(scratch) / f"pack-{lessons}", lessons, lessons * 10)
            for lessons in CURVE
            if lessons
        }
        print("window start with a generated pack (lessons / questions):")
        for lessons in CURVE:
            extra = ["--resources", str(packs[lessons])] if lessons else []
            timed_starts = starts(max(5, runs // 3), {"bare": BARE, "app": APP + extra})
            target = {500: 2.0, 2000: 3.0}.get(lessons, 1.25 if not lessons else 0)
            name = f"  {lessons:>5,} / {lessons * 10:>6,}"
            if target:
                ratio_row(name, timed_starts["app"][0], timed_starts["bare"][0], target)
            else:
                value, base = timed_starts["app"][0], timed_starts["bare"][0]
                row(name, f"{value * 1000:.0f} ms", f"{base * 1000:.0f} ms", f"{value / base:.2f}x",
                    "(curve)")  # fmt: skip
        biggest = str(packs[CURVE[-1]])

        def check_pack() -> None:
            subprocess.run(
                [*APP, "check", "--resources", biggest], env=ENV, cwd=ROOT, capture_output=True, check=False
            )

        limit_row(f"check on the {CURVE[-1]:,}-lesson pack (whole process)", timed(check_pack, 1), 10)
        first, further, slowest = measure("search", biggest, "cold")
        limit_row(f"search, {CURVE[-1]:,}-lesson pack: first query, typed at once", first, 0.3)
        warm_first, _, _ = measure("search", biggest, "warm")
        limit_row("  first query once the window has indexed while idle", warm_first, 0.3)
        limit_row("  each further keystroke (median)", further, 0.1)
        limit_row("  ... slowest keystroke", slowest, 0.1)
        (uncached,) = measure("first_uncached_lesson", str(packs[50]), "cold", repeat=5)
        limit_row("first open of a lesson not in the render cache, at once", uncached, 0.1)
        (uncached,) = measure("first_uncached_lesson", str(packs[50]), "warm", repeat=5)
        limit_row("  the same once the window has loaded the renderer", uncached, 0.1)

        def export_all() -> None:
            subprocess.run(
                [*APP, "export", "all", "-o", str(Path(scratch) / "out")],
                env=ENV, cwd=ROOT, capture_output=True, check=True,
            )  # fmt: skip

        limit_row("export all bundled handouts (whole process)", timed(export_all, 3), 2)

    limit_row("quiz answer until feedback shown (median)", quiz_feedback_seconds(), 0.05)
    limit_row("switch language en <-> es, lesson painted (median)", language_switch_seconds(), 0.3)

    if args.bundle:
        bundles = ROOT / "build" / "bench"
        for spec in ("build.spec", "benchmarks/bare.spec"):
            subprocess.run(
                [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(bundles / "dist"),
                 "--workpath", str(bundles / "work"), str(ROOT / spec)],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
        frozen_app = [str(bundles / "dist" / "serotonin-app" / "serotonin-app")]
        frozen_bare = [str(bundles / "dist" / "bare-window" / "bare-window")]
        frozen = starts(runs, {"bare": frozen_bare, "app": frozen_app})
        ratio_row("frozen bundle: cold start until painted and idle", frozen["app"][0], frozen["bare"][0],
                  1.25)  # fmt: skip
        ratio_row("frozen bundle: peak RSS at that point", frozen["app"][1], frozen["bare"][1], 1.3,
                  unit="MiB")  # fmt: skip
        app_size = folder_size(bundles / "dist" / "serotonin-app")
        bare_size = folder_size(bundles / "dist" / "bare-window")
        ratio_row("bundle size (one folder, Spanish and pictures in)", app_size / 2**10, bare_size / 2**10,
                  1.2, unit="MiB")  # fmt: skip


if __name__ == "__main__":
    main()
