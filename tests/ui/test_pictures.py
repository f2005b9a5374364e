"""Pictures in lessons: shown in the window, zoomed with it, printed, and never read from outside the pack."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QSize, QSizeF, QUrl
from PySide6.QtGui import QColor, QImage, QPageSize, QPdfWriter, QTextDocument
from pytestqt.qtbot import QtBot

from serotonin_app import printing
from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place
from serotonin_app.content.render import Renderer
from serotonin_app.pictures import IMAGE_RESOURCE, MAX_FILE_BYTES, image_names, open_picture
from serotonin_app.ui.content_browser import ContentBrowser
from serotonin_app.ui.lesson_view import LessonPage
from serotonin_app.ui.main_window import MainWindow
from tests.conftest import WritePack, lesson_text
from tests.ui.conftest import MakeWindow

PINK, GREEN, SECRET_BLUE = "#d02090", "#20b050", "#1020f0"
PNG_SIZE = (48, 24)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" viewBox="0 0 60 30">'
    f'<rect width="60" height="30" fill="{GREEN}"/></svg>'
)
PICTURES = (
    'A photo:\n\n![A pink box](images/photo.png "The pink box")\n\n'
    'A diagram:\n\n![A green diagram](images/diagram.svg "Serotonin, drawn")\n'
)


def save_png(path: Path, colour: str, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def count_colour(image: QImage, colour: str) -> int:
    """How many pixels are exactly ``colour``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(bytes(rgb.constBits())).cast("I")
    return pixels.tolist().count(QColor(colour).rgb())


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """Width and height of every image drawn on any page of a PDF."""
    found = []
    for page in PdfReader(str(path)).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        for reference in cast(DictionaryObject, resources.get("/XObject", DictionaryObject())).values():
            xobject = reference.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append((int(xobject["/Width"]), int(xobject["/Height"])))
    return found


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.fixture
def picture_pack(write_pack: WritePack) -> Path:
    pack = write_pack(
        {
            "lessons/pic.md": lesson_text("pic", "Pictures", 1, {"Look": PICTURES}),
            "lessons/images/diagram.svg": SVG,
        }
    )
    save_png(pack / "lessons" / "images" / "photo.png", PINK, *PNG_SIZE)
    return pack


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A picture outside every content folder, in a colour nothing else uses."""
    return save_png(tmp_path / "outside" / "secret.png", SECRET_BLUE, 40, 40)


def open_lesson(qtbot: QtBot, window: MainWindow, lesson_id: str) -> LessonPage:
    assert window.navigator.open(Place("lesson", lesson_id))
    page = window.pages[lesson_id]
    qtbot.waitUntil(lambda: page.rendered)
    page.view.verticalScrollBar().setValue(0)
    return page


def test_pack_pictures_show_in_the_window_with_their_captions(
    qtbot: QtBot, make_window: MakeWindow, picture_pack: Path
) -> None:
    window = make_window([picture_pack])
    view = open_lesson(qtbot, window, "pic").view
    # Built after the window restored its zoom (10 % a step), and already drawn at it.
    assert window.view_settings.zoom != 0
    assert view.image_scale == pytest.approx(1 + 0.1 * window.view_settings.zoom)
    shown = view.grab().toImage()
    assert count_colour(shown, PINK) > 0.9 * PNG_SIZE[0] * PNG_SIZE[1]
    assert count_colour(shown, GREEN) > 0.9 * 60 * 30
    lines = view.toPlainText().splitlines()
    assert lines[lines.index("The pink box") - 1] == "\N{OBJECT REPLACEMENT CHARACTER}"
    assert "Serotonin, drawn" in lines
    assert "[Image:" not in view.toPlainText()


def test_pictures_grow_with_the_window_zoom(
    qtbot: QtBot, make_window: MakeWindow, picture_pack: Path
) -> None:
    window = make_window([picture_pack])
    view = open_lesson(qtbot, window, "pic").view
    window.view_settings.set_zoom(0)
    assert view.image_scale == pytest.approx(1.0)
    before = count_colour(view.grab().toImage(), PINK)
    window.view_settings.set_zoom(10)
    assert view.image_scale == pytest.approx(2.0)
    qtbot.waitUntil(lambda: count_colour(view.grab().toImage(), PINK) > 3.5 * before)


def test_set_image_scale_draws_svg_at_the_new_size_and_lays_out_again(
    qtbot: QtBot, make_window: MakeWindow, picture_pack: Path
) -> None:
    window = make_window([picture_pack])
    view = open_lesson(qtbot, window, "pic").view
    view.set_image_scale(1.0)
    green_before = count_colour(view.grab().toImage(), GREEN)
    height_before = view.document().size().height()
    view.set_image_scale(3.0)
    image = view.loadResource(IMAGE_RESOURCE, QUrl("images/diagram.svg"))
    assert isinstance(image, QImage)
    # Drawn by the SVG renderer at the new size, not a small bitmap stretched.
    assert image.deviceIndependentSize() == QSizeF(180, 90)
    assert image.width() == round(180 * view.devicePixelRatioF())
    assert view.document().size().height() > height_before + 100
    qtbot.waitUntil(lambda: count_colour(view.grab().toImage(), GREEN) > 8 * green_before)


def test_a_wide_picture_fits_the_view_and_follows_its_width(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack
) -> None:
    pack = write_pack(
        {"lessons/wide.md": lesson_text("wide", "Wide", 1, {"Look": "![Wide](images/wide.png)"})}
    )
    save_png(pack / "lessons" / "images" / "wide.png", PINK, 3000, 100)
    window = make_window([pack])
    view = open_lesson(qtbot, window, "wide").view

    def picture_width() -> float:
        image = view.document().resource(IMAGE_RESOURCE, QUrl("images/wide.png"))
        assert isinstance(image, QImage)
        return image.deviceIndependentSize().width()

    def fits() -> bool:
        return view.horizontalScrollBar().maximum() == 0 and picture_width() <= view.viewport().width()

    assert fits()
    wide = picture_width()
    window.resize(600, 600)
    qtbot.waitUntil(lambda: fits() and picture_width() < wide - 200)
    window.resize(1100, 600)
    qtbot.waitUntil(lambda: fits() and picture_width() > wide)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_pictures_from_outside_the_pack_show_alt_text_and_load_nothing(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack, secret: Path
) -> None:
    references = {
        "Absolute": str(secret),
        "Escape": "../../outside/secret.png",
        "Linked": "images/link.png",
        "Broken": "images/broken.png",
    }
    text = "\n\n".join(f"![{alt}]({ref})" for alt, ref in references.items())
    pack = write_pack(
        {
            "lessons/bad.md": lesson_text("bad", "Bad", 1, {"Look": text}),
            "lessons/images/broken.png": b"not a png",
        }
    )
    (pack / "lessons" / "images" / "link.png").symlink_to(secret)
    # The escape really does point at the secret, so only the check stops it.
    assert (pack / "lessons" / references["Escape"]).resolve() == secret.resolve()
    window = make_window([pack])
    view = open_lesson(qtbot, window, "bad").view
    for alt, reference in references.items():
        resource = view.loadResource(IMAGE_RESOURCE, QUrl(reference))
        assert isinstance(resource, QImage) and resource.isNull(), alt
        assert f"[Image: {alt}]" in view.toPlainText()
    assert image_names(view.document()) == []
    assert count_colour(view.grab().toImage(), SECRET_BLUE) == 0


def test_a_view_with_no_content_folder_shows_every_picture_as_alt_text(
    qtbot: QtBot, picture_pack: Path
) -> None:
    """The quiz views start like this; they show pictures once given the quiz's folder."""
    view = ContentBrowser()
    qtbot.addWidget(view)
    html = '<p><img alt="A pink box" src="images/photo.png"></p>'
    view.setHtml(html)
    assert view.toPlainText() == "[Image: A pink box]"
    assert view.loadResource(IMAGE_RESOURCE, QUrl("images/photo.png")).isNull()
    view.set_location(picture_pack / "lessons", [picture_pack])
    view.setHtml(html)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert count_colour(view.grab().toImage(), PINK) > 0


def test_pictures_are_printed(picture_pack: Path, tmp_path: Path) -> None:
    library, _ = load_library([picture_pack])
    lesson = library.lesson("pic")
    assert lesson is not None
    handout = printing.lesson_handout(lesson, Renderer(library.glossary), roots=library.roots)
    out = tmp_path / "pic.pdf"
    printing.write_pdf(handout, library.settings, out, "A4")
    # The PNG keeps its own pixels; the SVG is drawn at the PDF's 300 dpi (60 CSS px = 0.625 in).
    assert sorted(pdf_images(out)) == [PNG_SIZE, (188, 94)]
    text = pdf_text(out)
    assert "The pink box" in text and "Serotonin, drawn" in text
    assert "[Image:" not in text


def test_a_lesson_printed_without_the_library_finds_pictures_in_its_own_folder(
    picture_pack: Path, tmp_path: Path
) -> None:
    library, _ = load_library([picture_pack])
    lesson = library.lesson("pic")
    assert lesson is not None
    out = tmp_path / "pic.pdf"
    printing.write_pdf(printing.lesson_handout(lesson, Renderer()), library.settings, out, "A4")
    assert len(pdf_images(out)) == 2


def test_a_wide_picture_is_printed_no_wider_than_the_body(write_pack: WritePack, tmp_path: Path) -> None:
    pack = write_pack(
        {"lessons/wide.md": lesson_text("wide", "Wide", 1, {"Look": "![Wide](images/wide.png)"})}
    )
    save_png(pack / "lessons" / "images" / "wide.png", PINK, 4000, 200)
    library, _ = load_library([pack])
    lesson = library.lesson("wide")
    assert lesson is not None
    writer = QPdfWriter(str(tmp_path / "wide.pdf"))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(printing.PAGE_SIZES["A4"]))
    layout = printing.PageLayout(printing.lesson_handout(lesson, Renderer()), library.settings, writer)
    assert 0.9 * layout.body.width() < layout.document.size().width() <= layout.body.width() + 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_printing_refuses_pictures_from_outside_the_pack(
    write_pack: WritePack, secret: Path, tmp_path: Path
) -> None:
    text = f"![Absolute]({secret})\n\n![Escape](../../outside/secret.png)\n\n![Linked](images/link.png)"
    pack = write_pack({"lessons/bad.md": lesson_text("bad", "Bad", 1, {"Look": text})})
    (pack / "lessons" / "images").mkdir()
    (pack / "lessons" / "images" / "link.png").symlink_to(secret)
    library, _ = load_library([pack])
    lesson = library.lesson("bad")
    assert lesson is not None
    out = tmp_path / "bad.pdf"
    printing.write_pdf(
        printing.lesson_handout(lesson, Renderer(), roots=library.roots), library.settings, out
    )
    assert pdf_images(out) == []
    text = pdf_text(out)
    assert "[Image: Absolute]" in text and "[Image: Escape]" in text and "[Image: Linked]" in text


def test_common_formats_decode_and_anything_else_is_refused(tmp_path: Path) -> None:
    jpeg = tmp_path / "photo.jpg"
    assert QImage(str(save_png(tmp_path / "p.png", PINK, 30, 20))).save(str(jpeg))
    svgz = tmp_path / "diagram.svgz"
    svgz.write_bytes(gzip.compress(SVG.encode()))
    assert (picture := open_picture(jpeg)) is not None and picture.size == QSize(30, 20)
    assert (picture := open_picture(svgz)) is not None and picture.svg == SVG.encode()
    (tmp_path / "text.png").write_text("hello", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body>hi</body></html>", encoding="utf-8")
    (tmp_path / "bomb.svgz").write_bytes(gzip.compress(b" " * (MAX_FILE_BYTES + 10)))
    # Qt would draw this file from anywhere on the disk; parsing it at all must not happen.
    outside = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
        f'<image href="{jpeg}" width="9" height="9"/></svg>'
    )
    (tmp_path / "outside.svg").write_text(outside, encoding="utf-8")
    (tmp_path / "cut.svg").write_text(SVG[: len(SVG) // 2], encoding="utf-8")
    unclosed = '<svg xmlns="http://www.w3.org/2000/svg"><g><g></svg>'
    (tmp_path / "empty.svg").write_text(unclosed, encoding="utf-8")
    for name in ("text.png", "page.html", "bomb.svgz", "outside.svg", "cut.svg", "empty.svg", "missing.png"):
        assert open_picture(tmp_path / name) is None, name


INK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40" viewBox="0 0 80 40">'
    '<rect width="80" height="40" fill="currentColor"/></svg>'
)


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_diagrams_drawn_in_current_colour_follow_the_scheme(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack, name: str
) -> None:
    """A diagram drawn in currentColor is the scheme's text colour on screen: black on black never."""
    from serotonin_app.ui.style import scheme

    pack = write_pack(
        {
            "lessons/ink.md": lesson_text("ink", "Ink", 1, {"Look": "![A box](images/ink.svg)"}),
            "lessons/images/ink.svg": INK_SVG,
        }
    )
    window = make_window([pack])
    window.view_settings.set_scheme(name)
    view = open_lesson(qtbot, window, "ink").view
    qtbot.wait(20)
    text = scheme(name).text
    assert count_colour(view.viewport().grab().toImage(), text) > 500


def test_diagrams_print_black_whatever_the_scheme(
    make_window: MakeWindow, write_pack: WritePack, tmp_path: Path
) -> None:
    from serotonin_app import printing
    from serotonin_app.content.render import Renderer

    pack = write_pack(
        {
            "lessons/ink.md": lesson_text("ink", "Ink", 1, {"Look": "![A box](images/ink.svg)"}),
            "lessons/images/ink.svg": INK_SVG,
        }
    )
    window = make_window([pack])
    window.view_settings.set_scheme("high-contrast")
    lesson = window.library.lesson("ink")
    assert lesson is not None
    handout = printing.lesson_handout(lesson, Renderer(), roots=window.library.roots)
    document = printing.PageLayout(
        handout, window.library.settings, QPdfWriter(str(tmp_path / "x.pdf"))
    ).document
    image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl("images/ink.svg"))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
