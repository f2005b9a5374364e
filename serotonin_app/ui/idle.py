"""Idle reset for shared PCs: after some minutes with no input, count down, then start afresh."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLabel, QMenu, QVBoxLayout, QWidget

from serotonin_app.ui.input_watch import unwatch, watch
from serotonin_app.ui.style import Scheme, boxed_style, scheme

#: Events that mean a person is using the PC.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleNotice(QFrame):
    """ "Still there? Touch any key" with the seconds left, over the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleNotice")
        self.set_scheme(scheme("light"))
        self.title = QLabel(self.tr("Still there? Touch any key."))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = QLabel()
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds.setAccessibleName(self.tr("Seconds until the app clears itself"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.title)
        layout.addWidget(self.seconds)
        self.hide()

    def set_scheme(self, colours: Scheme) -> None:
        self.setStyleSheet(boxed_style("#idleNotice", colours.notice, border="3px"))

    def show_seconds(self, seconds: int) -> None:
        self.seconds.setText(
            self.tr("In %1 seconds this app clears your answers and ticks for the next person.").replace(
                "%1", str(seconds)
            )
        )
        # Half as large again as the window's text, whatever the zoom.
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(self.font().pointSizeF(), 1.0) * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 3)
        self.show()
        self.raise_()


class IdleWatcher(QObject):
    """Watches the whole application for input; emits ``timedOut`` after the countdown."""

    timedOut = Signal()  # noqa: N815
    countdownStarted = Signal()  # noqa: N815

    def __init__(self, window: QWidget, idle_ms: int, countdown_seconds: int = 30) -> None:
        super().__init__(window)
        self.notice = IdleNotice(window)
        self.countdown_seconds = countdown_seconds
        self.remaining = 0
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self._on_idle)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._on_tick)
        self.idle.start()

    def listen(self) -> None:
        """From now on any input restarts the wait (an application-wide event filter).

        Called once the window is shown, so the thousand events of building it do not
        each pass through Python.
        """
        watch(self)

    @property
    def counting_down(self) -> bool:
        return self.tick.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY:
            self.restart()
        return False

    def restart(self) -> None:
        self.tick.stop()
        self.notice.hide()
        self.idle.start()

    def stop(self) -> None:
        self.idle.stop()
        self.tick.stop()
        unwatch(self)

    def _on_idle(self) -> None:
        self.remaining = self.countdown_seconds
        self.notice.show_seconds(self.remaining)
        self.tick.start()
        self.countdownStarted.emit()

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.notice.show_seconds(self.remaining)
            return
        self.tick.stop()
        self.notice.hide()
        self.timedOut.emit()
        self.idle.start()


def close_leftovers(keep: QWidget) -> None:
    """Close every dialog, menu and popup the last person opened (New session, idle reset)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    while (popup := app.activePopupWidget()) is not None:
        popup.close()
        if popup.isVisible():  # would not close: do not loop for ever
            break
    for widget in app.topLevelWidgets():
        if widget is not keep and widget.isVisible() and isinstance(widget, (QDialog, QMenu)):
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()
