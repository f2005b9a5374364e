"""One cold start, run as its own process by benchmarks/run.py.

Usage: startup_child.py app|bare [--resources DIR]. Prints "<wall seconds> <peak RSS KiB>"
when the window is painted and idle, measured from the parent's launch time in
SEROTONIN_BENCH_T0.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def report() -> None:
    elapsed = time.time() - float(os.environ["SEROTONIN_BENCH_T0"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{elapsed:.6f} {peak}", flush=True)


def bare() -> None:
    """The baseline: a PySide6 QTabWidget window with three tabs of text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser

    app = QApplication(sys.argv[:1])
    tabs = QTabWidget()
    for number in range(3):
        view = QTextBrowser()
        view.setPlainText(f"Lesson {number}\n\n" + "Some text about neurotransmitters. " * 200)
        tabs.addTab(view, f"Lesson {number}")
    tabs.resize(1100, 760)
    tabs.show()

    def done() -> None:
        report()
        app.quit()

    QTimer.singleShot(0, done)
    app.exec()


def app(extra: list[str]) -> None:
    """The real start-up path: parse arguments, load content, show the window."""
    from serotonin_app.cli import _load, content_roots, make_renderer, render_cache

    roots = content_roots(extra)
    library, problems = _load(roots)
    from PySide6.QtCore import QSettings

    from serotonin_app.qt_app import application
    from serotonin_app.ui.app import run_window

    folder = Path(tempfile.mkdtemp())
    preferences = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)

    def ready(window: object) -> None:
        report()
        application().quit()

    run_window(library, problems, render_cache(), make_renderer, preferences=preferences, ready=ready)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[3:] if len(sys.argv) > 3 else [])
