"""Application-wide event filters, paused while the program builds widgets.

The zoom keys and the idle reset watch every event of the application. Every
event then crosses into Python, and building a page makes hundreds of them
(children added, polished, laid out), none of them input: opening a lesson page
took about 30 ms more with the filters on. :func:`paused` takes them off while a
page is built; no key press or wheel turn can happen in the meantime, as the
event loop does not run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject

_filters: list[QObject] = []


def watch(watcher: QObject) -> None:
    """Install ``watcher`` as an application-wide event filter (once)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    app.removeEventFilter(watcher)
    app.installEventFilter(watcher)
    if watcher not in _filters:
        _filters.append(watcher)
        watcher.destroyed.connect(lambda: _forget(watcher))


def unwatch(watcher: QObject) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.removeEventFilter(watcher)
    _forget(watcher)


def _forget(watcher: QObject) -> None:
    if watcher in _filters:
        _filters.remove(watcher)


@contextmanager
def paused() -> Iterator[None]:
    """No application-wide filter sees the events of the block (building widgets, not input)."""
    app = QCoreApplication.instance()
    active = list(_filters) if app is not None else []
    for watcher in active:
        app.removeEventFilter(watcher)  # type: ignore[union-attr]
    try:
        yield
    finally:
        for watcher in active:
            if watcher in _filters:
                app.installEventFilter(watcher)  # type: ignore[union-attr]
