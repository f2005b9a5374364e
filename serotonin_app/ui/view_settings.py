"""Zoom and colour schemes for one window, and the event filter that zooms every view.

The scheme is applied to the whole application (palette, style, document
CSS), so dialogs and widgets with their own style sheets follow it too. The
clinic's default view (zoom from ``clinic.toml``, the system's colours) comes
back with :meth:`ViewSettings.reset` for each new person.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from serotonin_app.ui.content_browser import ContentBrowser
from serotonin_app.ui.input_watch import unwatch, watch
from serotonin_app.ui.style import SchemeStyle, document_css, palette, scheme, set_active

#: Zoom steps of 10% of the system font size.
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = -3, 15, 0.1
#: Patients start a little above the system size unless the clinic says otherwise.
DEFAULT_ZOOM = 2

_style: SchemeStyle | None = None


def install_style(app: QApplication) -> None:
    """Fusion with visible indicators in every scheme, once per application."""
    global _style  # noqa: PLW0603 - one style object for the one application
    if not isinstance(app.style(), SchemeStyle):
        _style = SchemeStyle("Fusion")
        app.setStyle(_style)


_system_font: QFont | None = None


def system_font() -> QFont:
    """The application font before any zoom (zoom changes the application font)."""
    global _system_font  # noqa: PLW0603 - remembered once per process
    if _system_font is None:
        _system_font = QFont(QApplication.font())
    return QFont(_system_font)


def zoom_step(percent: float) -> int:
    """The nearest zoom step for a percentage of the system font size (200 → 10)."""
    return round((percent / 100 - 1) / ZOOM_STEP)


class ViewSettings(QObject):
    """Owns the zoom level and the colour scheme; tells whoever draws colours when they change."""

    schemeChanged = Signal(object)  # noqa: N815 - style.Scheme

    # The View menu's actions, from the command table: see attach().
    contrast_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction

    def __init__(self, window: QWidget, preferences: QSettings, *, default_zoom: int = DEFAULT_ZOOM) -> None:
        super().__init__(window)
        self.window = window
        self.preferences = preferences
        self.default_zoom = max(MIN_ZOOM, min(MAX_ZOOM, default_zoom))
        self.zoom = self.default_zoom
        self.base_font = system_font()
        #: "light" or "dark" chosen by the program (tests, the tour); None follows the system.
        self.forced: str | None = None
        self.scheme = scheme("light")
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply_scheme())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_style(app)

    def listen(self) -> None:
        """From now on Ctrl+wheel and the zoom keys zoom every view (an application-wide event filter).

        Called once the window is shown: every event passes through a filter, and building
        and showing the window alone makes about 1,400 of them.
        """
        watch(self)

    def attach(self, contrast: QAction, zoom_in: QAction, zoom_out: QAction) -> None:
        """Take the View menu's actions (made later than this object, by the command table)."""
        self.contrast_action = contrast
        self.zoom_in_action, self.zoom_out_action = zoom_in, zoom_out
        contrast.toggled.connect(lambda _on: self.apply_scheme())

    @property
    def name(self) -> str:
        return self.scheme.name

    # -- zoom ----------------------------------------------------------------------

    def restore(self) -> None:
        try:
            zoom = int(str(self.preferences.value("view/zoom", self.default_zoom)))
        except ValueError:
            zoom = self.default_zoom
        self.set_zoom(zoom, save=False)

    def set_zoom(self, step: int, *, save: bool = True) -> None:
        """Every view follows the window font; lesson styles use relative sizes."""
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, step))
        font = QFont(self.base_font)
        size = self.base_font.pointSizeF() if self.base_font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * self.factor)
        self.window.setFont(font)
        # Dialogs are windows of their own and do not inherit the window's font.
        QApplication.setFont(font)
        self.zoom_out_action.setEnabled(self.zoom > MIN_ZOOM)
        self.zoom_in_action.setEnabled(self.zoom < MAX_ZOOM)
        if save:
            self.preferences.setValue("view/zoom", self.zoom)

    @property
    def factor(self) -> float:
        return 1 + ZOOM_STEP * self.zoom

    def take_over(self, other: ViewSettings) -> None:
        """The zoom and colours of ``other``, the settings of the window this one replaces."""
        self.set_zoom(other.zoom)
        self.set_scheme("high-contrast" if other.contrast_action.isChecked() else other.forced)

    # -- colours ---------------------------------------------------------------------

    def set_scheme(self, name: str | None) -> None:
        """Choose "light", "dark" or "high-contrast"; None follows the system's light or dark."""
        self.forced = name if name in {"light", "dark"} else None
        with_signals = self.contrast_action.blockSignals(True)
        self.contrast_action.setChecked(name == "high-contrast")
        self.contrast_action.blockSignals(with_signals)
        self.apply_scheme()

    def apply_scheme(self) -> None:
        """High contrast when chosen; otherwise the forced or the system's light or dark scheme."""
        if self.contrast_action.isChecked():
            name = "high-contrast"
        elif self.forced is not None:
            name = self.forced
        else:
            dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
            name = "dark" if dark else "light"
        self.scheme = scheme(name)
        set_active(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette(name))
        self.window.setPalette(palette(name))
        self.restyle(self.window)
        self.schemeChanged.emit(self.scheme)

    def restyle(self, root: QWidget) -> None:
        """Give every text view under ``root`` the scheme's document style sheet."""
        css = document_css(self.scheme.name)
        for view in root.findChildren(QTextBrowser):
            if isinstance(view, ContentBrowser):
                view.restyle()
            else:
                view.document().setDefaultStyleSheet(css)

    def reset(self) -> None:
        """The clinic's default view for the next person: default zoom, the system's colours."""
        self.set_scheme(None)
        self.set_zoom(self.default_zoom)

    # -- input -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ctrl+wheel and the zoom keys anywhere in this window zoom everything, not only one view."""
        in_window = isinstance(watched, QWidget) and watched.window() is self.window
        if not in_window:
            return False
        zoom_keys = (QKeySequence.StandardKey.ZoomIn, QKeySequence.StandardKey.ZoomOut)
        # Text views zoom only themselves on these keys; take them first.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = next((1 - 2 * i for i, key in enumerate(zoom_keys) if event.matches(key)), 0)
            if step:
                self.set_zoom(self.zoom + step)
                return True
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self.zoom + (1 if delta > 0 else -1))
            return True
        return False

    def stop(self) -> None:
        unwatch(self)
