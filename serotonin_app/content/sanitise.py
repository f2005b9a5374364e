"""The small, safe subset of HTML that lessons may show, and what falls outside it.

nh3 is imported here, so this module is imported only with the renderer, never at start-up.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

from serotonin_app.content.messages import translate

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border"},
    "td": {"align", "colspan", "rowspan", "bgcolor", "width"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"lesson", "quiz", "checklist", "glossary", "http", "https", "mailto", "tel"})
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")


def is_remote(src: str) -> bool:
    """True for any address with a scheme or host: only relative local files may load."""
    return bool(_REMOTE.match(src.strip()))


class RawHtmlAudit(HTMLParser):
    """Finds what the sanitiser will remove from a raw HTML fragment, in words for ``check``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.removed.append(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.removed.append(
                    translate("content.sanitise", "{attribute}= on <{tag}>").format(attribute=name, tag=tag)
                )
            elif name in {"src", "href"} and value and tag == "img" and is_remote(value):
                self.removed.append(
                    translate("content.sanitise", "remote image {address}").format(address=value)
                )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and is_remote(value):
        return None
    return value


def sanitise(document: str) -> str:
    """Keep a small safe subset of HTML: no scripts, frames, handlers or remote loads."""
    return str(
        nh3.clean(
            document,
            tags=set(ALLOWED_TAGS),
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=set(URL_SCHEMES),
            link_rel=None,
            attribute_filter=_attribute_filter,
            strip_comments=True,
        )
    )
