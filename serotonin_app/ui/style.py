"""Colours, document styles and widget style sheets for the light, dark and high-contrast schemes.

Every colour the app paints comes from one :class:`Scheme` record: the Qt
palette, the lesson CSS, the few widget style sheets and the notices. Nothing
else names a colour, so a test can check the contrast of every text colour
against the background it is drawn on.

The palette is set on the application, not on the window: a widget with its
own style sheet takes the application's palette, and dialogs (print, About,
message boxes) must follow the scheme too.

Sizes in style sheets are relative (``x-large``, ``em``) or absent, so the
window's zoom, which sets the font, scales every view. Meaning never rests on
colour alone: callouts and urgent boxes have titles in words and a ⚠ mark, and
quiz feedback uses words and symbols.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

SCHEMES = ("light", "dark", "high-contrast")


@dataclass(frozen=True)
class Box:
    """A framed box: callouts, urgent checklist groups, notices."""

    border: str
    background: str
    text: str


@dataclass(frozen=True)
class Scheme:
    """All colours of one scheme, as ``#rrggbb``."""

    name: str
    window: str
    text: str
    base: str
    alternate: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    gloss: str
    disabled: str
    placeholder: str
    #: Search-result headings found in the glossary.
    mark: str
    mark_text: str
    #: Urgent checklist groups on screen: a thick border in this colour, text as usual.
    urgent: str
    callouts: dict[str, Box] = field(default_factory=dict)
    #: The problem bar and the idle notice.
    notice: Box = Box("#000000", "#ffffff", "#000000")

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Every (what, text colour, background) pair the app draws, for contrast checks."""
        pairs = [
            ("window text", self.text, self.window),
            ("text", self.text, self.base),
            ("alternate rows", self.text, self.alternate),
            ("button text", self.text, self.button),
            ("selected text", self.highlighted_text, self.highlight),
            ("link", self.link, self.base),
            ("link on window", self.link, self.window),
            ("glossary link", self.gloss, self.base),
            ("placeholder", self.placeholder, self.base),
            ("search mark", self.mark_text, self.mark),
            ("urgent border", self.urgent, self.window),
            ("notice", self.notice.text, self.notice.background),
        ]
        for kind, box in self.callouts.items():
            pairs += [
                (f"{kind} callout", box.text, box.background),
                (f"link in {kind} callout", self.link, box.background),
                (f"glossary link in {kind} callout", self.gloss, box.background),
            ]
        return pairs


_LIGHT = Scheme(
    name="light",
    window="#efefef", text="#000000", base="#ffffff", alternate="#f5f5f5", button="#e6e6e6",
    highlight="#1f5f99", highlighted_text="#ffffff", link="#1a4f8b", gloss="#22553a",
    disabled="#6b6b6b", placeholder="#5f5f5f", mark="#fff2a8", mark_text="#000000", urgent="#b3261e",
    callouts={
        "note": Box("#2f6f9f", "#eef5fb", "#111111"),
        "warning": Box("#9a6700", "#fff6dd", "#111111"),
        "danger": Box("#b3261e", "#fdecea", "#111111"),
    },
    notice=Box("#7a5b00", "#fff3cd", "#1b1b1b"),
)  # fmt: skip
_DARK = Scheme(
    name="dark",
    window="#202124", text="#e8eaed", base="#17181a", alternate="#26282b", button="#2d2e31",
    highlight="#8ab4f8", highlighted_text="#000000", link="#8ab4f8", gloss="#a8dab5",
    disabled="#9aa0a6", placeholder="#9aa0a6", mark="#5c4d00", mark_text="#ffffff", urgent="#f28b82",
    callouts={
        "note": Box("#8ab4f8", "#1c2a3d", "#e8eaed"),
        "warning": Box("#f9ab00", "#33290b", "#e8eaed"),
        "danger": Box("#f28b82", "#3c1b19", "#e8eaed"),
    },
    notice=Box("#f9ab00", "#33290b", "#e8eaed"),
)  # fmt: skip
_HIGH_CONTRAST = Scheme(
    name="high-contrast",
    window="#000000", text="#ffffff", base="#000000", alternate="#000000", button="#3a3a3a",
    highlight="#ffff00", highlighted_text="#000000", link="#ffff00", gloss="#00ffff",
    disabled="#c0c0c0", placeholder="#d0d0d0", mark="#ffff00", mark_text="#000000", urgent="#ffff00",
    callouts={
        "note": Box("#ffffff", "#000000", "#ffffff"),
        "warning": Box("#ffff00", "#000000", "#ffffff"),
        "danger": Box("#ffff00", "#000000", "#ffffff"),
    },
    notice=Box("#ffff00", "#000000", "#ffffff"),
)  # fmt: skip
_SCHEMES = {scheme.name: scheme for scheme in (_LIGHT, _DARK, _HIGH_CONTRAST)}


#: The scheme the window shows; views made later take their document CSS from it.
_active = "light"


def set_active(name: str) -> None:
    global _active  # noqa: PLW0603 - one window, one active scheme
    _active = name


def active() -> Scheme:
    return scheme(_active)


def scheme(name: str) -> Scheme:
    """The scheme called ``name``; unknown names get the light one."""
    return _SCHEMES.get(name, _LIGHT)


_BASE_CSS = """
h1 { font-size: xx-large; margin-bottom: 6px; }
h2 { font-size: x-large; margin-top: 16px; margin-bottom: 4px; }
h3 { font-size: large; margin-top: 10px; margin-bottom: 2px; }
p, li { line-height: 140%; }
sup.cite { font-size: x-small; }
a.gloss { text-decoration: none; }
table.callout { margin-top: 8px; margin-bottom: 8px; border-style: solid; }
p.callout-title { font-weight: bold; margin-top: 0; }
span.image-alt { font-style: italic; }
"""


def document_css(name: str | None = None) -> str:
    """The style sheet for lesson, glossary and quiz text in a colour scheme (default: the active one)."""
    colours = scheme(_active if name is None else name)
    rules = [
        _BASE_CSS,
        f"a {{ color: {colours.link}; }}",
        f"a.gloss {{ color: {colours.gloss}; }}",
    ]
    note = colours.callouts["note"]
    for kind, box in [*colours.callouts.items(), ("tip", note)]:
        rules.append(
            f"table.{kind} {{ border-color: {box.border}; background-color: {box.background};"
            f" color: {box.text}; }}"
        )
    rules.append(f"h3.highlight {{ background-color: {colours.mark}; color: {colours.mark_text}; }}")
    return "\n".join(rules)


def palette(name: str) -> QPalette:
    """The Qt palette for a scheme, for every colour group."""
    colours = scheme(name)
    result = QPalette()
    role = QPalette.ColorRole
    for roles, value in (
        ((role.Window,), colours.window),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText), colours.text),
        ((role.Base, role.ToolTipBase), colours.base),
        ((role.AlternateBase,), colours.alternate),
        ((role.Button,), colours.button),
        ((role.Highlight,), colours.highlight),
        ((role.HighlightedText,), colours.highlighted_text),
        ((role.Link, role.LinkVisited), colours.link),
        ((role.PlaceholderText,), colours.placeholder),
        # Fusion draws frames and indicator outlines from these.
        ((role.Light, role.Midlight), colours.button),
        ((role.Mid, role.Dark, role.Shadow), colours.disabled),
    ):
        for each in roles:
            result.setColor(each, QColor(value))
    for each in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours.disabled))
    return result


def boxed_style(selector: str, box: Box | str, *, border: str = "2px") -> str:
    """A widget style sheet for a framed box; colours come from the scheme, sizes from the font."""
    if isinstance(box, str):
        return f"{selector} {{ border: {border} solid {box}; border-radius: 4px; }}"
    return (
        f"{selector} {{ border: {border} solid {box.border}; border-radius: 6px;"
        f" background-color: {box.background}; color: {box.text}; }}"
        f" {selector} QLabel {{ color: {box.text}; background: transparent; }}"
    )


class SchemeStyle(QProxyStyle):
    """Fusion, with radio and check indicators outlined in the text colour, and framed text fields.

    Fusion draws indicator outlines a shade darker than the window, which is
    invisible on black: in high contrast the quiz's radio buttons had no
    circles and a chosen answer was a faint dot. Only drawing is overridden here:
    Qt asks a style for sizes thousands of times while a window is built, and a
    Python ``pixelMetric`` for every widget cost about 60 ms of each start-up.
    Indicators get their size from :class:`IndicatorStyle`, set on them alone.
    """

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            # Fusion's frame is a shade of the window colour: invisible on black.
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()
            return
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not radio and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        colour = option.palette.color(group, QPalette.ColorRole.Text)
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if radio:
            painter.drawEllipse(rect)
            if option.state & QStyle.StateFlag.State_On:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                inset = rect.width() * 0.27
                painter.drawEllipse(rect.adjusted(inset, inset, -inset, -inset))
        else:
            painter.drawRoundedRect(rect, 1.5, 1.5)
        painter.restore()


class IndicatorStyle(SchemeStyle):
    """The scheme style for a check box or radio button whose indicator grows with its text."""

    _SCALED = frozenset(
        {
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        }
    )

    def pixelMetric(  # noqa: N802 - Qt override
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        """Tick boxes and radio circles grow with the text, so zoom makes them easier to hit."""
        size = super().pixelMetric(metric, option, widget)
        if metric in self._SCALED and widget is not None:
            return max(size, round(widget.fontMetrics().height() * 0.85))
        return size


_indicator_style: IndicatorStyle | None = None


def scale_indicator(button: QWidget) -> None:
    """Give ``button`` (a check box or radio button) an indicator as tall as its text, at any zoom."""
    global _indicator_style  # noqa: PLW0603 - one style object, shared by every such button
    if _indicator_style is None:
        _indicator_style = IndicatorStyle("Fusion")
    button.setStyle(_indicator_style)
