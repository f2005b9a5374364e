"""The window's command table: every menu item, toolbar button and shortcut, written once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from serotonin_app.ui.commands import Command
from serotonin_app.ui.output_kind import Output

if TYPE_CHECKING:
    from serotonin_app.ui.main_window import MainWindow


def window_commands(window: MainWindow) -> list[Command]:
    """Every window command, in toolbar order; each menu lists its own commands in this order."""
    translate = QCoreApplication.translate
    go = window.navigator

    def output(how: Output) -> Callable[[], None]:
        return lambda: window.handouts.print_current(how)

    def zoom(by: int | None) -> Callable[[], None]:
        """Zoom in or out a step, or back to the clinic's size with None (view settings come later)."""

        def run() -> None:
            view = window.view_settings
            view.set_zoom(view.default_zoom if by is None else view.zoom + by)

        return run

    return [
        Command("back", translate("MainWindow", "Back"), go.back, ("Alt+Left",), "go", toolbar=True),
        Command(
            "forward", translate("MainWindow", "Forward"), go.forward, ("Alt+Right",), "go", toolbar=True
        ),
        Command(
            "new_session",
            translate("MainWindow", "New session"),
            window.new_session,
            ("Ctrl+Shift+N",),
            "file",
            toolbar=True,
            separated=True,
            tip=translate("MainWindow", "Clear everything for the next person"),
        ),
        Command(
            "print",
            translate("MainWindow", "Print…"),
            output(Output.PRINT),
            ("Ctrl+P",),
            "file",
            toolbar=True,
            separated=True,
        ),
        Command("preview", translate("MainWindow", "Print preview…"), output(Output.PREVIEW), (), "file"),
        Command(
            "pdf",
            translate("MainWindow", "Save as PDF…"),
            output(Output.PDF),
            ("Ctrl+Shift+S",),
            "file",
            toolbar=True,
        ),
        Command("quit", translate("MainWindow", "Quit"), window.close, ("Ctrl+Q",), "file", separated=True),
        Command("search", translate("MainWindow", "Search…"), window.focus_search, ("Ctrl+K",), "go"),
        Command("find", translate("MainWindow", "Find in lesson…"), window.open_find, ("Ctrl+F",), "go"),
        Command(
            "next_tab",
            translate("MainWindow", "Next tab"),
            lambda: window.content_tabs.step(1),
            ("Ctrl+Tab",),
            "go",
        ),
        Command(
            "previous_tab",
            translate("MainWindow", "Previous tab"),
            lambda: window.content_tabs.step(-1),
            ("Ctrl+Shift+Tab",),
            "go",
        ),
        Command("zoom_in", translate("MainWindow", "Zoom in"), zoom(1), ("Ctrl+=", "Ctrl++"), "view"),
        Command("zoom_out", translate("MainWindow", "Zoom out"), zoom(-1), ("Ctrl+-",), "view"),
        Command("zoom_reset", translate("MainWindow", "Normal size"), zoom(None), ("Ctrl+0",), "view"),
        # Not saved, and off again for each new person.
        Command(
            "sources",
            translate("MainWindow", "Show sources"),
            window.show_sources,
            (),
            "view",
            checkable=True,
            separated=True,
        ),
        # ViewSettings listens to its toggled signal.
        Command(
            "contrast", translate("MainWindow", "High contrast"), lambda: None, (), "view", checkable=True
        ),
        Command(
            "shortcuts", translate("MainWindow", "Keyboard shortcuts"), window.show_shortcuts, ("F1",), "help"
        ),
        Command("about", translate("MainWindow", "About Serotonin Lessons"), window.show_about, (), "help"),
    ]
