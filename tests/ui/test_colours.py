"""Text is readable in every colour scheme: contrast by numbers, and text pixels on screen.

A release once showed the checklist black on black in high contrast while
every widget-state test passed, so these tests look at colours and pixels.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Kind, Mode
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.style import SCHEMES, document_css, palette, scheme
from tests.conftest import BUNDLED
from tests.ui.conftest import MakeWindow

HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def luminance(colour: str | QColor) -> float:
    """WCAG 2 relative luminance."""
    colour = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str | QColor, second: str | QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def minimum(name: str) -> float:
    return 7.0 if name == "high-contrast" else 4.5


@pytest.mark.parametrize("name", SCHEMES)
def test_every_text_colour_has_enough_contrast(name: str) -> None:
    colours = scheme(name)
    low = [
        f"{what}: {text} on {background} is {contrast(text, background):.1f}:1"
        for what, text, background in colours.text_pairs()
        if contrast(text, background) < minimum(name)
    ]
    assert low == []


@pytest.mark.parametrize("name", SCHEMES)
def test_palette_roles_have_enough_contrast(name: str) -> None:
    qt = palette(name)
    role = qt.ColorRole
    pairs = [
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
        (role.Link, role.Base),
        (role.PlaceholderText, role.Base),
    ]
    low = [
        f"{fg.name} on {bg.name}" for fg, bg in pairs if contrast(qt.color(fg), qt.color(bg)) < minimum(name)
    ]
    assert low == []


@pytest.mark.parametrize("name", SCHEMES)
def test_document_css_colours_have_enough_contrast(name: str) -> None:
    """Each CSS rule's text colour against its own background, or the page's base colour."""
    base = scheme(name).base
    low = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", document_css(name)):
        declarations = dict(
            (key.strip(), value.strip())
            for key, _, value in (part.partition(":") for part in body.split(";"))
            if value.strip()
        )
        text = declarations.get("color")
        if text is None:
            continue
        background = declarations.get("background-color", base)
        if contrast(text, background) < minimum(name):
            low.append(f"{selector.strip()}: {text} on {background}")
    assert low == []


def _open_everything(window: MainWindow) -> None:
    for location in (
        Place("checklist", "serotonin-syndrome"),
        Place("quiz", "neurotransmitters"),
        Place("glossary", ""),
        Place("lesson", "balancing"),
    ):
        window.navigator.open(location)


@pytest.mark.parametrize("name", SCHEMES)
def test_style_sheets_use_only_the_schemes_colours(
    bundled_window: MainWindow, qtbot: QtBot, name: str
) -> None:
    """No fixed colours: whatever a style sheet or document names comes from the active scheme."""
    _open_everything(bundled_window)
    bundled_window.view_settings.set_scheme(name)
    allowed = {value.lower() for value in HEX.findall(repr(scheme(name)))}
    foreign = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for widget in [bundled_window, *bundled_window.findChildren(QWidget)]:
        for colour in HEX.findall(widget.styleSheet()):
            if colour.lower() not in allowed:
                foreign.append(f"{type(widget).__name__} {widget.objectName()}: {colour}")
    for colour in HEX.findall(app.styleSheet() + document_css(name)):
        if colour.lower() not in allowed:
            foreign.append(f"application or document: {colour}")
    assert foreign == []


def text_pixels(image: QImage, colour: QColor, tolerance: int = 60) -> int:
    """How many pixels are close to ``colour`` (anti-aliased text has a solid core)."""
    count = 0
    step = 1
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                <= tolerance
            ):
                count += 1
    return count


def small_window(make_window: MakeWindow, name: str) -> MainWindow:
    """The shipped content at 1024×768 in scheme ``name``."""
    window = make_window([BUNDLED])
    window.resize(1024, 768)
    window.view_settings.set_scheme(name)
    return window


@pytest.mark.parametrize("name", SCHEMES)
def test_checklist_items_show_their_text(make_window: MakeWindow, qtbot: QtBot, name: str) -> None:
    window = small_window(make_window, name)
    page = window.content_tabs.checklists_page
    assert page is not None
    text = QColor(scheme(name).text)
    for checklist in window.library.checklists:
        window.navigator.open(Place("checklist", checklist.id))
        for key, box in page.boxes.items():
            box.setChecked(key[1] % 2 == 0)
        qtbot.wait(10)
        for key, box in page.boxes.items():
            row = box.parentWidget()
            assert row is not None
            page.scroll_area.ensureWidgetVisible(row)
            image = row.grab().toImage()
            assert text_pixels(image, text) > 40, f"{checklist.id} item {key} shows no text in {name}"


@pytest.mark.parametrize("name", SCHEMES)
def test_quiz_answers_show_their_text_and_the_chosen_one(
    make_window: MakeWindow, qtbot: QtBot, name: str
) -> None:
    window = small_window(make_window, name)
    page = window.content_tabs.quizzes_page
    assert page is not None
    text = QColor(scheme(name).text)
    for quiz in window.library.quizzes:
        window.navigator.open(Place("quiz", quiz.id))
        page.start(Mode.PRACTICE, seed=1)
        while page.session is not None and page.session.current.kind is Kind.SEQUENCE:
            page.session.answer([0])
            page.go_next()
        assert page.answer_buttons
        page.pick(1)
        qtbot.wait(10)
        for row in page.answer_rows:
            assert text_pixels(row.grab().toImage(), text) > 40, f"{quiz.id}: an answer shows no text"
        # The indicator of the chosen answer is drawn in the text colour, not a faint dot.
        chosen = page.answer_buttons[0].grab().toImage()
        unchosen = page.answer_buttons[1].grab().toImage()
        assert text_pixels(chosen, text) > text_pixels(unchosen, text)


@pytest.mark.parametrize("name", SCHEMES)
def test_handouts_print_black_text_whatever_the_window_scheme(
    bundled_window: MainWindow, tmp_path: Path, name: str
) -> None:
    """Printing from a window in high contrast once gave white footers on white paper."""
    from pypdf import PdfReader

    from serotonin_app import printing

    bundled_window.view_settings.set_scheme(name)
    bundled_window.navigator.open(Place("checklist", "mood-symptoms"))
    handout = bundled_window.handouts.current()
    assert handout is not None
    path = tmp_path / "sheet.pdf"
    printing.write_pdf(handout, bundled_window.library.settings, path)
    fill: list[float] = []
    not_black: list[str] = []

    def before(operator: bytes, operands: list[object], *_: object) -> None:
        if operator in {b"rg", b"g", b"k", b"sc", b"scn"}:
            fill[:] = [float(value) for value in operands if isinstance(value, (int, float))]

    def text(value: str, *_: object) -> None:
        ink = fill[:3] if len(fill) != 4 else [1 - fill[3]] * 3  # CMYK: K is the black
        if value.strip() and any(channel > 0.2 for channel in ink):
            not_black.append(f"{value.strip()[:30]} {fill}")

    for page in PdfReader(path).pages:
        page.extract_text(visitor_operand_before=before, visitor_text=text)
    assert not_black == []
