"""The command table: every command and key written once, for menus, toolbar, shortcuts and help.

Like Anki's reviewer key table, the table is data: the window builds its
actions, menus and toolbar from it, pages bind their keys from it, and
Help → Keyboard shortcuts lists it, so a shortcut cannot be changed in one
place and forgotten in another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate_marked


@dataclass(frozen=True)
class Command:
    """A window action: its name (``<name>_action`` on the window), text, keys and where it shows."""

    name: str
    text: str
    slot: Callable[[], object]
    keys: tuple[str, ...] = ()
    #: The menu it is listed in ("file", "go", "view", "help"), or "" for keys only.
    menu: str = ""
    toolbar: bool = False
    #: A line above it in its menu or the toolbar.
    separated: bool = False
    tip: str = ""
    checkable: bool = False


@dataclass(frozen=True)
class Key:
    """A key that is not a window action: it works inside one page, or it only needs explaining."""

    #: What the key does on its page (a name the page binds), or "" for help only.
    does: str
    sequences: tuple[str, ...]
    #: How Help shows the keys, e.g. "1 … 9"; translated when it is a word ("Enter").
    label: str
    text: str


#: Keys of the Quizzes tab (bound by ui/quiz_view.py) and of the window that are not actions.
QUIZ_KEYS = (
    Key("choose", tuple(str(n) for n in range(1, 10)), "1 … 9",
        QT_TRANSLATE_NOOP("Commands", "Quiz: choose an answer")),
    Key("", (), QT_TRANSLATE_NOOP("Commands", "Space"),
        QT_TRANSLATE_NOOP("Commands", "Quiz: tick or untick the chosen answer")),
    Key("enter", ("Return", "Enter"), QT_TRANSLATE_NOOP("Commands", "Enter"),
        QT_TRANSLATE_NOOP("Commands", "Quiz: check the answer, then go on")),
    Key("hint", ("H",), "H", QT_TRANSLATE_NOOP("Commands", "Quiz: show the hint")),
    Key("up", ("Alt+Up",), "Alt+Up", QT_TRANSLATE_NOOP("Commands", "Quiz: move an item up")),
    Key("down", ("Alt+Down",), "Alt+Down", QT_TRANSLATE_NOOP("Commands", "Quiz: move an item down")),
)  # fmt: skip
WINDOW_KEYS = (
    Key("tab", tuple(f"Ctrl+{n}" for n in range(1, 10)), "Ctrl+1 … Ctrl+9",
        QT_TRANSLATE_NOOP("Commands", "Go to tab 1 to 9")),
    Key("", (), QT_TRANSLATE_NOOP("Commands", "Ctrl+wheel"), QT_TRANSLATE_NOOP("Commands", "Zoom")),
)  # fmt: skip


def bind_keys(
    owner: QWidget, keys: Sequence[Key], handlers: Mapping[str, Callable[[str], object]], *, page: bool
) -> list[QShortcut]:
    """Shortcuts for ``keys`` on ``owner``; ``handlers[does](sequence)`` runs when one is pressed."""
    made = []
    for key in keys:
        handler = handlers.get(key.does)
        if handler is None:
            continue
        for sequence in key.sequences:
            shortcut = QShortcut(QKeySequence(sequence), owner)
            if page:
                # Anywhere in the page, so the keys answer wherever focus is in that tab.
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda handler=handler, sequence=sequence: handler(sequence))
            made.append(shortcut)
    return made


class CommandTable(QObject):
    """Actions built from a list of commands; the window's menus, toolbar and help come from it."""

    def __init__(self, window: QWidget, commands: Sequence[Command]) -> None:
        super().__init__(window)
        self.commands = tuple(commands)
        self.actions: dict[str, QAction] = {}
        for command in self.commands:
            action = QAction(command.text, window)
            if command.keys:
                action.setShortcuts([QKeySequence(keys) for keys in command.keys])
                shown = QKeySequence(command.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{command.tip or command.text.rstrip('…')} ({shown})")
            action.setCheckable(command.checkable)
            if command.checkable:
                action.toggled.connect(lambda _on, slot=command.slot: slot())
            else:
                action.triggered.connect(lambda _checked=False, slot=command.slot: slot())
            window.addAction(action)  # shortcuts work where no menu or toolbar shows the action
            self.actions[command.name] = action

    def build_menus(self, bar: QMenuBar, titles: Mapping[str, str]) -> dict[str, QMenu]:
        """One menu per title, in the order given, each listing its commands in table order."""
        menus: dict[str, QMenu] = {}
        for menu_id, title in titles.items():
            menu = menus[menu_id] = bar.addMenu(title)
            for command in self.commands:
                if command.menu == menu_id:
                    if command.separated:
                        menu.addSeparator()
                    menu.addAction(self.actions[command.name])
        return menus

    def build_toolbar(self, toolbar: QToolBar) -> None:
        for command in self.commands:
            if command.toolbar:
                if command.separated:
                    toolbar.addSeparator()
                action = self.actions[command.name]
                toolbar.addAction(action)
                widget = toolbar.widgetForAction(action)
                if widget is not None:
                    widget.setAccessibleName(action.text().rstrip("…"))

    def help_rows(self, extra: Sequence[Key] = ()) -> list[tuple[str, str]]:
        """(keys, what they do) for every shown command with keys, then ``extra``."""
        rows = []
        for command in self.commands:
            action = self.actions[command.name]
            if command.keys and action.isVisible():  # kiosk mode hides Save as PDF and Quit
                keys = QKeySequence(command.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((keys, action.text().rstrip("…")))
        rows += [
            (translate_marked("Commands", key.label), translate_marked("Commands", key.text)) for key in extra
        ]
        return rows
