"""Which local file a picture reference means, and what to show when there is none.

Every view that shows content (the lesson view, the quiz views, printing) asks
:func:`local_file` before it reads a picture, so no lesson, quiz or clinic pack
can make the app read a file outside the content folders.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote

from serotonin_app.content.messages import QT_TRANSLATE_NOOP, current_language, translate_in

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Quoted values are matched whole, so a ">" inside alt text does not end the tag.
_IMG_TAG = re.compile(r"""<img(?=[\s/>])((?:"[^"]*"|'[^']*'|[^'">])*)>""", re.IGNORECASE)
_PICTURE_PARAGRAPH = re.compile(r"<p>(?=\s*" + _IMG_TAG.pattern + r"\s*</p>)", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_BLOCK_END = re.compile(r"\s*(?:</(?:p|td|th|li|dd|dt|div|h[1-6]|blockquote)\s*>|$)", re.IGNORECASE)
_SVG_HREF = re.compile(r"""(?:^|\s)(?:[\w.-]+:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SVG_URL = re.compile(r"""url\(\s*["']?\s*([^)"'\s]*)""", re.IGNORECASE)


def local_file(roots: Sequence[Path], base: Path | None, reference: str) -> Path | None:
    """The regular file ``reference`` names, relative to the folder ``base``, if it is inside a root.

    The result has every symlink resolved, so a link that points out of the
    content folders is refused. So are absolute paths, ``..`` escapes, any
    scheme (``file:``, ``http:``, ``data:``, ``qrc:``…) and, with no ``base``,
    everything: a reference is never looked up in the working folder.
    """
    if base is None or not roots:
        return None
    text = reference.strip()
    if not text or _SCHEME.match(text) or text.startswith(("/", "\\")):
        return None
    # A query or fragment never names another file; percent-escapes do (%2e%2e is "..").
    text = unquote(text.split("#", 1)[0].split("?", 1)[0])
    if not text or "\x00" in text or text.startswith(("/", "\\")) or _SCHEME.match(text):
        return None
    relative = Path(text)
    if relative.is_absolute() or relative.drive or relative.root:
        return None
    try:
        candidate = (base / relative).resolve(strict=True)
        inside = any(candidate.is_relative_to(root.resolve(strict=True)) for root in roots if root.exists())
        return candidate if inside and candidate.is_file() else None
    except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, or a name the OS rejects
        return None


#: What is shown (and printed) instead of a picture, and when it has no description.
_NOT_SHOWN = QT_TRANSLATE_NOOP("content.local_files", "not shown")
_IMAGE = QT_TRANSLATE_NOOP("content.local_files", "[Image: {alt}]")


def image_alt_text(alt: str, language: str = "") -> str:
    """What is shown (and printed) instead of a picture that cannot be shown, in ``language``.

    "" is the interface's language; a lesson's pictures use the lesson's.
    """
    language = language or current_language()
    shown = alt.strip() or translate_in(language, "content.local_files", _NOT_SHOWN)
    return translate_in(language, "content.local_files", _IMAGE).format(alt=shown)


def place_pictures(document: str, usable: Callable[[str], bool]) -> str:
    """Give each ``<img>`` its caption, and turn each one ``usable`` refuses into its alt text.

    A refused picture must never reach Qt as an ``<img>``: Qt would leave a
    blank, or a broken-image icon, and on some answers it reads the address
    from the disk by itself.
    The picture's title (``![alt](x.svg "caption")``) becomes a line under it.
    """

    def replace(match: re.Match[str]) -> str:
        attributes = _attributes(match.group(1))
        src = attributes.get("src", "")
        shown = match.group(0)
        if not (src and usable(src)):
            alt = html.escape(image_alt_text(attributes.get("alt", "")))
            shown = f'<span class="image-alt">{alt}</span>'
        caption = attributes.get("title", "").strip()
        if not caption:
            return shown
        # The caption is one line of its own, whatever follows the picture in the paragraph.
        after = "" if _BLOCK_END.match(document, match.end()) else "<br>"
        return f'{shown}<br><span class="caption"><i>{html.escape(caption)}</i></span>{after}'

    # Body text has a proportional line height; a picture on its own gets none, or a gap opens under it.
    document = _PICTURE_PARAGRAPH.sub('<p class="picture" style="line-height: 100%">', document)
    return _IMG_TAG.sub(replace, document)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(name, html.unescape(value))
    return found


def svg_is_self_contained(data: bytes) -> bool:
    """True when an SVG refers to nothing outside itself.

    Qt's SVG renderer reads any file an ``<image href="…">`` names, anywhere on
    the disk, so a picture may only link to its own parts (``#id``) or embed
    images as ``data:image/…``. Entity declarations could hide such a link.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "<!entity" in text.lower():
        return False
    for match in _SVG_HREF.finditer(text):
        value = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if not (value.startswith("#") or value.lower().startswith("data:image/")):
            return False
    return all(match.group(1).startswith("#") for match in _SVG_URL.finditer(text))
