"""``check`` reads links in simple quiz fragments without rendering: it must find what the renderer finds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content.check import _simple_links
from serotonin_app.content.render import Renderer

RENDERER = Renderer()


def _rendered_links(text: str, first_line: int) -> list[tuple[str, bool, int]]:
    rendered = RENDERER.markdown(text, first_line=first_line)
    assert not rendered.removed_html
    return [(link.href, link.is_image, link.line) for link in rendered.links]


@pytest.mark.parametrize(
    "text",
    [
        "Less than half",
        "Because. [Read more](lesson:sleep#rest)",
        "It's *not* that. See [the lesson](lesson:neurotransmitters) and\n[the quiz](quiz:mood).",
        "Two on two lines: [one](lesson:a)\n\nand [two](lesson:b#c)",
        "- a list with [a link](lesson:x)\n- and another",
    ],
)
def test_simple_fragments_give_the_renderers_links(text: str) -> None:
    links = _simple_links(text, 7)
    assert links is not None
    assert [(link.href, link.is_image, link.line) for link in links] == _rendered_links(text, 7)


@pytest.mark.parametrize(
    "text",
    [
        "<b>bold</b>",
        "`[code](lesson:x)`",
        "[ref][1]\n\n[1]: lesson:x",
        '[titled](lesson:x "A title")',
        "    [indented code](lesson:x)",
        "\\[escaped](lesson:x)",
        "<https://example.org>",
        "[S1] cited",
        "A picture: ![a diagram](pictures/synapse.svg)",
    ],
)
def test_anything_else_is_rendered(text: str) -> None:
    assert _simple_links(text, 1) is None


_PIECES = [
    "a",
    " ",
    "\n",
    "[",
    "]",
    "(",
    ")",
    "!",
    "*",
    "- ",
    "1. ",
    "    ",
    "[x](lesson:a#b)",
    "![p](i.svg)",
]


@given(st.text(alphabet="ab []()!:#\n*-1.x", max_size=60) | st.lists(st.sampled_from(_PIECES)).map("".join))
def test_whenever_a_fragment_counts_as_simple_the_renderer_agrees(text: str) -> None:
    links = _simple_links(text, 3)
    if links is not None and text.strip():
        assert [(link.href, link.is_image, link.line) for link in links] == _rendered_links(text, 3)
