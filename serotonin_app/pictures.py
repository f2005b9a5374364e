"""Pictures in content: decoded safely and drawn at the size they are shown or printed.

Only files that :func:`~serotonin_app.content.local_files.local_file` accepts
are read. SVG is rendered at the final size, so it stays sharp at every zoom
and on paper. Qt's text documents get a ``QImage`` for every request, an empty
one when a picture is refused, so they never go to the disk themselves.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import QImage, QImageReader, QTextDocument

from serotonin_app.content.local_files import local_file, place_pictures, svg_is_self_contained

IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value
#: Raster formats a lesson may use; SVG is handled on its own.
RASTER_FORMATS = frozenset({"png", "jpeg", "gif", "webp"})
#: Bigger files or pictures are refused rather than decoded: no lesson picture is this large,
#: and a tiny compressed file can otherwise ask for gigabytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000
#: The most pixels one picture is drawn with; a bigger request is drawn less sharply.
MAX_DRAWN_PIXELS = 16_000_000
#: Qt measures pictures in CSS pixels: 96 to the inch.
CSS_DPI = 96.0
#: What ``currentColor`` in an SVG is drawn in unless the view says otherwise: paper is white.
INK = "#000000"


@dataclass(frozen=True)
class Picture:
    """A decoded picture: its natural size in CSS pixels and how to draw it at any size."""

    size: QSize
    #: The SVG source, or None for a raster picture.
    svg: bytes | None = None
    raster: QImage | None = None

    def image(
        self,
        scale: float = 1.0,
        ratio: float = 1.0,
        max_size: QSizeF | None = None,
        *,
        upscale: bool = True,
        ink: str = INK,
    ) -> QImage:
        """The picture at ``scale`` times its natural size, at most ``max_size`` (both in CSS pixels).

        ``ratio`` is device pixels per CSS pixel (the screen's device pixel
        ratio, or dpi / 96 on paper). Without ``upscale``, a raster picture is
        never given more pixels than it has; the painter scales it instead.
        ``ink`` (``#rrggbb``) is what an SVG's ``currentColor`` is drawn in.
        """
        logical = QSizeF(self.size) * max(scale, 0.01)
        if max_size is not None and not max_size.isEmpty():
            logical = logical.boundedTo(QSizeF(logical).scaled(max_size, Qt.AspectRatioMode.KeepAspectRatio))
        pixels = logical * ratio
        if pixels.width() * pixels.height() > MAX_DRAWN_PIXELS:
            pixels = pixels * (MAX_DRAWN_PIXELS / (pixels.width() * pixels.height())) ** 0.5
        if self.raster is not None and not upscale and pixels.width() > self.raster.width():
            pixels = QSizeF(self.raster.size())
        target = QSize(max(1, round(pixels.width())), max(1, round(pixels.height())))
        if self.svg is not None:
            # Diagrams draw in currentColor, so they follow the scheme on screen and print black.
            image = _read(self.svg.replace(b"currentColor", ink.encode("ascii")), b"svg", target)
        elif self.raster is not None:
            image = self.raster
            if target != image.size():
                image = image.scaled(
                    target, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
        else:
            return QImage()
        if not image.isNull():
            image.setDevicePixelRatio(target.width() / max(logical.width(), 0.01))
        return image


def _read(data: bytes, fmt: bytes, scaled: QSize | None = None) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(fmt))
    if scaled is not None:
        reader.setScaledSize(scaled)
    return reader.read()


def open_picture(path: Path) -> Picture | None:
    """Decode a picture file, or None when it is too big, unreadable or not a picture we accept."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_FILE_BYTES:
        return None
    if data.startswith(b"\x1f\x8b"):  # .svgz
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = inflater.decompress(data, MAX_FILE_BYTES)
        except zlib.error:
            return None
        if inflater.unconsumed_tail:
            return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt == "svg":
        # Before Qt parses it: even reading an SVG's size loads the files its <image>s name.
        if not svg_is_self_contained(data):
            return None
        # Qt parses the whole document to give its size, and gives none when it cannot parse
        # it: a broken SVG is refused here without drawing it once more (each parse of the
        # bundled diagrams cost about 4 ms of the first lesson's display).
        size = reader.size()
        return Picture(size, svg=data) if not size.isEmpty() else None
    if fmt not in RASTER_FORMATS:
        return None
    size = reader.size()
    if size.isEmpty() or size.width() * size.height() > MAX_SOURCE_PIXELS:
        return None
    image = reader.read()
    return Picture(image.size(), raster=image) if not image.isNull() else None


class PictureLoader:
    """Pictures for one piece of content: the content roots and the folder of the file shown."""

    def __init__(self, roots: Sequence[Path] = (), base: Path | None = None) -> None:
        self.roots = tuple(roots)
        self.base = base
        self._pictures: dict[Path, Picture | None] = {}

    def locate(self, reference: str) -> Path | None:
        return local_file(self.roots, self.base, reference)

    def picture(self, reference: QUrl | str) -> Picture | None:
        """The picture a reference in the content means, or None if it is refused or unreadable."""
        if isinstance(reference, QUrl):
            reference = bytes(reference.toEncoded().data()).decode("ascii")
        path = self.locate(reference)
        if path is None:
            return None
        if path not in self._pictures:
            self._pictures[path] = open_picture(path)
        return self._pictures[path]

    def prepare(self, document: str) -> str:
        """``document`` with captions added and every refused picture replaced by its alt text."""
        self._pictures.clear()  # new content: read the files again
        return place_pictures(document, lambda src: self.picture(src) is not None)


def image_names(document: QTextDocument) -> list[str]:
    """The names of the pictures in a laid-out document, each once, in order."""
    names: dict[str, None] = {}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                names[fmt.toImageFormat().name()] = None
            iterator += 1
        block = block.next()
    return list(names)


def reload_images(document: QTextDocument, load: Callable[[QUrl], QImage]) -> None:
    """Give ``document`` fresh images (from ``load(url)``) and lay it out again, keeping the text as it is."""
    for name in image_names(document):
        url = QUrl(name)
        document.addResource(IMAGE_RESOURCE, url, load(url))
    document.markContentsDirty(0, document.characterCount())


class PictureDocument(QTextDocument):
    """A document for printing: pictures come from the content folders, at most ``max_size`` device pixels.

    Set the paint device (``documentLayout().setPaintDevice``) before the HTML,
    so pictures are drawn at the printer's resolution.
    """

    def __init__(
        self,
        roots: Sequence[Path] = (),
        base: Path | None = None,
        max_size: QSizeF | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pictures = PictureLoader(roots, base)
        self.max_size = max_size
        #: Each picture drawn once. Qt's own loadResource keeps what it loads, but an override
        #: is asked again every time the picture is laid out or painted: 39 renderings at
        #: 300 dpi for a lesson with three diagrams, most of its export time.
        self._images: dict[str, QImage] = {}

    def setHtml(self, html: str) -> None:  # noqa: N802 - Qt override
        self._images.clear()
        super().setHtml(self.pictures.prepare(html))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        if kind != IMAGE_RESOURCE:
            return QByteArray()
        key = name.toString() if isinstance(name, QUrl) else name
        if key not in self._images:
            self._images[key] = self._image(name)
        return self._images[key]

    def _image(self, name: QUrl | str) -> QImage:
        picture = self.pictures.picture(name)
        if picture is None:
            return QImage()
        device = self.documentLayout().paintDevice()
        # Qt scales every picture by dpi / 96 on a device, so the limit is given in CSS pixels.
        ratio = device.logicalDpiY() / CSS_DPI if device is not None else 1.0
        limit = self.max_size / ratio if self.max_size is not None else None
        return picture.image(1.0, ratio, limit, upscale=False)
