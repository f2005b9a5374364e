"""Start-up measurement for ``make bench``, in the shipped program itself.

When ``SEROTONIN_BENCH_T0`` holds the launch time (``time.time()`` in the
benchmark's process), the window prints ``<seconds> <peak RSS KiB>`` once it is
painted and idle, and quits. The same code runs in the frozen bundle, so the
bundle is measured exactly as clinics run it. With ``SEROTONIN_BENCH_TABS=1``
every tab is opened once first (the memory after a whole tour). Nothing is
written anywhere; without the variable this module is never imported.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from serotonin_app.ui.main_window import MainWindow

T0_VAR = "SEROTONIN_BENCH_T0"
TABS_VAR = "SEROTONIN_BENCH_TABS"


def wanted() -> bool:
    return bool(os.environ.get(T0_VAR))


def peak_rss_kib() -> int:
    """Peak resident memory of this process in KiB (0 where the platform cannot tell).

    On Linux from ``VmHWM``: ``getrusage``'s peak survives ``exec``, so a process
    started by a big parent (the benchmark) would report the parent's peak.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def report_and_quit(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    elapsed = time.time() - float(os.environ[T0_VAR])
    if os.environ.get(TABS_VAR):
        _open_every_tab(window)
    print(f"{elapsed:.6f} {peak_rss_kib()}", flush=True)
    window.staff_exit()
    QApplication.quit()


def _open_every_tab(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    tabs = window.content_tabs.widget
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = window.content_tabs.current_page()
        while page is not None and not page.rendered:
            QApplication.processEvents()
        QApplication.processEvents()
