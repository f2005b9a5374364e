"""A text view for content: follows no link by itself, shows pictures only from the content folders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSizeF, QTimer, QUrl
from PySide6.QtGui import QFontDatabase, QImage, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from serotonin_app.content.local_files import place_pictures
from serotonin_app.pictures import IMAGE_RESOURCE, PictureLoader, reload_images
from serotonin_app.ui.style import active, document_css

MIN_IMAGE_SCALE, MAX_IMAGE_SCALE = 0.25, 4.0
#: CSS pixels. Narrower than this, a picture is cut off rather than shrunk to nothing.
MIN_PICTURE_WIDTH = 120.0
MAX_PICTURE_HEIGHT = 100_000.0


def label_html(html: str) -> str:
    """Content HTML for a rich-text ``QLabel``, which has no resource hook: pictures become alt text.

    Given an ``<img>``, a label's document reads the address from disk by itself, so
    checklist notes or a quiz hint could show any file on the PC.
    """
    return place_pictures(html, lambda _src: False)


class ContentBrowser(QTextBrowser):
    """Shows rendered content; every picture is resolved by ``content.local_files.local_file``.

    Pictures grow and shrink with the view's font, which the window's zoom
    sets; :meth:`set_image_scale` sets the factor directly. A picture is never
    wider than the view, so nobody has to scroll sideways to see it.
    """

    def __init__(
        self, roots: Sequence[Path] = (), base: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pictures = PictureLoader(roots, base)
        self._image_scale = self._font_scale()
        self._reloaded = False
        self._source_html = ""
        self._has_pictures = False
        self._fitted_width = 0.0
        # Fitting pictures redraws them: once the width settles, not on every step of a drag.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(100)
        self._fit_timer.timeout.connect(self._reload_images)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(document_css())

    def set_location(self, base: Path | None, roots: Sequence[Path] | None = None) -> None:
        """Where pictures in the next :meth:`setHtml` come from: the shown file's folder (and the roots)."""
        self._pictures = PictureLoader(self._pictures.roots if roots is None else roots, base)

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show ``text``; a picture that cannot be shown becomes its alt text."""
        if self._reloaded:
            # Pictures given at a zoom outlive setHtml and would stand in for new ones of the same name.
            self.document().clear()
            self._reloaded = False
        self._source_html = text
        prepared = self._pictures.prepare(text)
        super().setHtml(prepared)
        # Refused pictures are alt text by now: any <img> left is one that is shown. (Walking
        # the laid-out document to find them cost 5 ms of every lesson opened.)
        self._has_pictures = "<img" in prepared

    def restyle(self) -> None:
        """Show the same content again with the active scheme's style sheet, at the same place."""
        self.document().setDefaultStyleSheet(document_css())
        if self._source_html:
            position = self.verticalScrollBar().value()
            self.setHtml(self._source_html)
            self.verticalScrollBar().setValue(position)

    @property
    def image_scale(self) -> float:
        return self._image_scale

    def set_image_scale(self, factor: float) -> None:
        """Draw pictures at ``factor`` times their natural size and lay the text out again."""
        factor = max(MIN_IMAGE_SCALE, min(MAX_IMAGE_SCALE, factor))
        if abs(factor - self._image_scale) < 1e-3:
            return
        self._image_scale = factor
        self._reload_images()

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        """A ``QImage`` for pictures (empty when refused) and nothing else, so Qt never reads files itself."""
        if kind != IMAGE_RESOURCE:
            return QByteArray()
        return self._image(name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.set_image_scale(self._font_scale())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._has_pictures and abs(self._picture_width() - self._fitted_width) >= 1:
            self._fit_timer.start()

    def _reload_images(self) -> None:
        if self._has_pictures:
            reload_images(self.document(), self._image)
            self._reloaded = True

    def _image(self, name: QUrl | str) -> QImage:
        picture = self._pictures.picture(name)
        if picture is None:
            return QImage()
        self._fitted_width = self._picture_width()
        limit = QSizeF(self._fitted_width, MAX_PICTURE_HEIGHT)
        return picture.image(self._image_scale, self.devicePixelRatioF(), limit, ink=active().text)

    def _picture_width(self) -> float:
        """The text width, as if the scroll bar were shown: its coming and going must not refit pictures."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        margins = 2 * self.document().documentMargin()
        return max(MIN_PICTURE_WIDTH, self.contentsRect().width() - scroll_bar - margins)

    def _font_scale(self) -> float:
        """The view's font against the system's: 1.2 when the window is zoomed to 120 %."""
        # Not the application font: zooming changes that too, so dialogs follow the zoom.
        own, system = self.font(), QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        if own.pointSizeF() > 0 and system.pointSizeF() > 0:
            return own.pointSizeF() / system.pointSizeF()
        if own.pixelSize() > 0 and system.pixelSize() > 0:
            return own.pixelSize() / system.pixelSize()
        return 1.0
