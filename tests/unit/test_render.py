"""Rendering: sanitising, citations, callouts, glossary links and collected links."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.markdown_text import heading_anchors, headings
from serotonin_app.content.render import Renderer, sanitise

GLOSSARY = Glossary(
    (
        GlossaryTerm("Neurotransmitter", "A chemical messenger between nerve cells.", 1),
        GlossaryTerm("Serotonin syndrome", "A reaction to too much serotonin activity.", 4),
        GlossaryTerm("Serotonin", "A messenger made mostly in the gut.", 7),
    )
)


def test_script_event_handlers_iframes_and_remote_images_are_removed() -> None:
    result = Renderer().markdown(
        'Hi <b onclick="steal()">there</b>\n\n<script>alert(1)</script>\n\n'
        '<iframe src="https://example.org"></iframe>\n\n'
        '<img src="http://example.org/track.png" alt="tracker"> <img src="//cdn/x.png">\n\n'
        "![local](images/brain.png) ![remote](https://example.org/a.png)\n"
    )
    html = result.html
    for forbidden in (
        "<script",
        "alert(1)",
        "onclick",
        "<iframe",
        "http://example.org",
        "//cdn",
        "https://example.org/a.png",
    ):
        assert forbidden not in html
    assert '<img alt="local" src="images/brain.png">' in html
    assert "[Image: remote]" in html
    removed = {what for _, what in result.removed_html}
    assert {"<script>", "onclick= on <b>", "<iframe>"} <= removed
    assert any(what.startswith("remote image") for what in removed)


def test_removed_html_reports_the_line() -> None:
    result = Renderer().markdown("Text\n\nMore\n\n<script>x()</script>\n", first_line=10)
    assert (14, "<script>") in result.removed_html


def test_sanitise_keeps_internal_links_and_drops_javascript() -> None:
    html = sanitise('<a href="lesson:a#b">ok</a><a href="javascript:alert(1)">bad</a>')
    assert 'href="lesson:a#b"' in html
    assert "javascript" not in html


def test_citations_become_superscripts() -> None:
    html = Renderer().markdown("Most is in the gut [S2][S43].").html
    assert '<sup class="cite">[S2]</sup><sup class="cite">[S43]</sup>' in html


def test_callouts_are_boxed_with_a_title_in_words() -> None:
    html = (
        Renderer().markdown('!!! danger "Get help now"\n    Call now.\n\n!!! warning\n    Ask first.\n').html
    )
    assert 'class="callout danger"' in html and "Get help now" in html
    assert 'class="callout warning"' in html and "Talk to your clinician" in html


def test_first_use_of_a_term_in_each_section_is_linked_with_its_definition() -> None:
    text = (
        "A neurotransmitter and another neurotransmitter.\n\n"
        "## Part\n\nSerotonin syndrome is not serotonin. `serotonin` in code.\n\n"
        "## Next\n\n[Serotonin](lesson:x) in a link; then Serotonin.\n"
    )
    html = Renderer(GLOSSARY).markdown(text).html
    assert html.count('href="glossary:neurotransmitter"') == 1
    assert 'title="A chemical messenger between nerve cells."' in html
    # The longer term wins, and each term is linked once per section.
    assert '<a class="gloss" href="glossary:serotonin-syndrome"' in html
    assert html.count('href="glossary:serotonin"') == 2
    assert "<code>serotonin</code>" in html


def test_headings_are_not_linked_to_the_glossary() -> None:
    html = Renderer(GLOSSARY).markdown("## Serotonin\n\nText.\n").html
    assert "glossary:" not in html


def test_links_and_images_are_collected_with_lines() -> None:
    result = Renderer().markdown("One\n\nSee [this](lesson:a#b).\n\n![pic](img/p.png)\n", first_line=5)
    assert [(link.href, link.line, link.is_image) for link in result.links] == [
        ("lesson:a#b", 7, False),
        ("img/p.png", 9, True),
    ]


def test_the_same_text_is_rendered_once() -> None:
    renderer = Renderer()
    assert renderer.markdown("Hello") is renderer.markdown("Hello")


def test_tables_and_definition_lists_render(tmp_path: Path) -> None:
    html = Renderer().markdown("| a | b |\n|---|--:|\n| 1 | 2 |\n\nTerm\n:   Def\n").html
    assert "<table>" in html and 'align="right"' in html
    assert "<dt>Term</dt>" in html


# -- the renderer reads headings and fences as the content model does ---------------------

_BLOCK_LINES = st.one_of(
    st.sampled_from(
        [
            *("```", "````", "~~~", "   ```", "  ~~~~", "## B", "   ## Indented", "#x", "# A #", "#######"),
            *("text", "## Fuentes {: #sources }", "## Sources", "# b {#b}", "## B {: .urgent }"),
            *("``` x`", "```py", "~~~ ~", "```~"),
        ]
    ),
    # Block structure only: how inline code and emphasis read in a heading is not tested here.
    st.text(alphabet="#~ \tab", max_size=10),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_BLOCK_LINES, st.sampled_from(["\n", "\n\n"])), max_size=14))
def test_rendered_heading_ids_are_the_anchors_the_model_knows(parts: list[tuple[str, str]]) -> None:
    body = "".join(line + end for line, end in parts)
    rendered = Renderer().markdown(body).html
    ids = set(re.findall(r'<h[1-6][^>]*\sid="([^"]*)"', rendered))
    assert ids == set(heading_anchors(list(headings(body.split("\n")))))


def test_fenced_code_is_code_and_headings_follow_commonmark() -> None:
    text = "#x is text\n\n   ## Indented\n\n```\n## in code\n````\n\n~~~\nnot closed\n"
    html = Renderer().markdown(text).html
    assert "<p>#x is text</p>" in html
    assert '<h2 id="indented">Indented</h2>' in html
    assert "<pre><code>## in code\n</code></pre>" in html
    assert "<pre><code>not closed\n</code></pre>" in html
