"""Colours and document styles for the light, dark and high-contrast schemes.

Sizes in the document style sheet are relative (``x-large``), so the window's
zoom, which sets the font, scales every view. Meaning never rests on colour
alone: callouts have titles in words and quiz feedback uses words and symbols.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

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

#: Callout boxes keep dark text on a light background in every scheme.
_CALLOUTS = {
    "light": {
        "note": ("#2f6f9f", "#eef5fb"),
        "warning": ("#9a6700", "#fff6dd"),
        "danger": ("#b3261e", "#fdecea"),
    },
    "dark": {
        "note": ("#8ab4f8", "#e8f0fe"),
        "warning": ("#f9ab00", "#fef7e0"),
        "danger": ("#f28b82", "#fce8e6"),
    },
    "high-contrast": {
        "note": ("#ffffff", "#ffffff"),
        "warning": ("#ffff00", "#ffffff"),
        "danger": ("#ffff00", "#ffffff"),
    },
}
#: Link and glossary-link colours; QTextDocument takes them from the style sheet, not the palette.
_LINKS = {
    "light": ("#1a4f8b", "#22553a"),
    "dark": ("#8ab4f8", "#a8dab5"),
    "high-contrast": ("#ffff00", "#00ffff"),
}
_HIGHLIGHT = {"light": "#fff2a8", "dark": "#5c4d00", "high-contrast": "#ffff00"}


def document_css(scheme: str = "light") -> str:
    """The style sheet for lesson, glossary and quiz text in a colour scheme."""
    callouts = _CALLOUTS.get(scheme, _CALLOUTS["light"])
    link, gloss = _LINKS.get(scheme, _LINKS["light"])
    rules = [_BASE_CSS, f"a {{ color: {link}; }}", f"a.gloss {{ color: {gloss}; }}"]
    # Links inside light callout boxes need the light scheme's dark colours.
    rules.append(f"table.callout a {{ color: {_LINKS['light'][0]}; }}")
    for kind, (border, background) in callouts.items():
        rules.append(
            f"table.{kind} {{ border-color: {border}; background-color: {background}; color: #111111; }}"
        )
    border, background = callouts["note"]
    rules.append(f"table.tip {{ border-color: {border}; background-color: {background}; color: #111111; }}")
    highlight_text = "#000000" if scheme != "dark" else "#ffffff"
    rules.append(
        f"h3.highlight {{ background-color: {_HIGHLIGHT.get(scheme, '#fff2a8')}; color: {highlight_text}; }}"
    )
    return "\n".join(rules)


def scheme_palette(scheme: str) -> QPalette:
    """The window palette for a scheme; "light" is the style's own."""
    from PySide6.QtWidgets import QApplication

    palette = QApplication.style().standardPalette()
    if scheme == "light":
        return palette
    colours = (
        {
            "window": "#000000", "text": "#ffffff", "base": "#000000", "alternate": "#1a1a1a",
            "button": "#000000", "highlight": "#ffff00", "highlighted_text": "#000000",
            "link": "#ffff00", "disabled": "#c0c0c0", "placeholder": "#d0d0d0",
        }
        if scheme == "high-contrast"
        else {
            "window": "#202124", "text": "#e8eaed", "base": "#17181a", "alternate": "#26282b",
            "button": "#2d2e31", "highlight": "#8ab4f8", "highlighted_text": "#000000",
            "link": "#8ab4f8", "disabled": "#80868b", "placeholder": "#9aa0a6",
        }
    )  # fmt: skip
    role = QPalette.ColorRole
    for roles, name in (
        ((role.Window,), "window"),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText), "text"),
        ((role.Base, role.ToolTipBase), "base"),
        ((role.AlternateBase,), "alternate"),
        ((role.Button,), "button"),
        ((role.Highlight,), "highlight"),
        ((role.HighlightedText,), "highlighted_text"),
        ((role.Link, role.LinkVisited), "link"),
        ((role.PlaceholderText,), "placeholder"),
    ):
        for each in roles:
            palette.setColor(each, QColor(colours[name]))
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours["disabled"]))
    return palette
