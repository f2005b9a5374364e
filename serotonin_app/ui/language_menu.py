"""Choosing the language: a box on the toolbar, seen on the first screen, and View → Language.

Each language is named in itself ("English", "Español"), so a reader who does not
read the current language can still find theirs. Choosing one only asks: the
app's :class:`~serotonin_app.ui.app.LanguageSwitcher` builds the window again in
that language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar

from serotonin_app.i18n import native_name


class LanguageChooser(QObject):
    """The installed languages as a toolbar box and a menu; ``chosen`` says which one was picked."""

    chosen = Signal(str)

    def __init__(self, languages: Sequence[str], current: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.languages = list(languages)
        self.current = current
        self.box = QComboBox()
        self.box.setAccessibleName(self.tr("Language"))
        self.box.setToolTip(self.tr("Language"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for code in self.languages:
            self.box.addItem(native_name(code), code)
            action = QAction(native_name(code), self.group)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
        self.box.setCurrentIndex(self.languages.index(current) if current in self.languages else 0)
        self.box.activated.connect(lambda index: self._choose(str(self.box.itemData(index))))
        self.group.triggered.connect(lambda action: self._choose(str(action.data())))

    def add_to(self, toolbar: QToolBar, view_menu: QMenu) -> None:
        """Show the chooser, when there is a choice: on the toolbar and under View."""
        if len(self.languages) < 2:
            return
        toolbar.addWidget(self.box)
        menu = view_menu.addMenu(self.tr("&Language"))
        menu.addActions(self.group.actions())
        view_menu.insertSeparator(menu.menuAction())

    def _choose(self, code: str) -> None:
        if code != self.current:
            self.chosen.emit(code)
