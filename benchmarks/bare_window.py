"""The size and start-up baseline: a bare PySide6 window with three tabs of text.

Frozen by benchmarks/bare.spec with the app's exclusions, and run unfrozen by
benchmarks/startup_child.py. With SEROTONIN_BENCH_T0 set it reports
"<seconds> <peak RSS KiB>" once painted and idle, as the app does, and quits.
"""

import os
import sys
import time
from pathlib import Path

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


def report() -> None:
    elapsed = time.time() - float(os.environ["SEROTONIN_BENCH_T0"])
    # VmHWM, as the app reports it: getrusage's peak survives exec, so it would be the parent's.
    with Path("/proc/self/status").open(encoding="ascii") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(f"{elapsed:.6f} {peak}", flush=True)
    app.quit()


if os.environ.get("SEROTONIN_BENCH_T0"):
    QTimer.singleShot(0, report)
sys.exit(app.exec())
