"""Rendering within a time and depth budget: hostile Markdown becomes a clear refusal, never a hang.

Timings are in ``benchmarks/responsiveness.py``; these tests check what the renderer
decides. Each hostile text here took python-markdown from seconds to minutes (or ended
in a RecursionError) before the budget existed.
"""

from __future__ import annotations

import re
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.glossary_links import TermLinker
from serotonin_app.content.library import load_library
from serotonin_app.content.limits import MAX_LINE_CHARS, MAX_NESTING
from serotonin_app.content.render import Renderer
from serotonin_app.content.render_budget import (
    MAX_EMPHASIS_RUN,
    MAX_TABLE_NESTING,
    RenderTooComplexError,
    render_budget_problem,
)
from tests.conftest import BUNDLED, WritePack


def _lines(unit: str, count: int, width: int = 9_000) -> str:
    """``count`` characters of ``unit`` repeated, in lines the loader accepts."""
    text = unit * (count // len(unit))
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


INTRO = "A normal paragraph.\n\nAnother one, with a [link](lesson:x).\n\n"
HOSTILE = {
    "long line": ("a" * (MAX_LINE_CHARS + 1), "characters long"),
    "deep list": ("".join("  " * i + "- x\n" for i in range(200)), "nested"),
    "nested markers on one line": ("- " * 100 + "x", "nested 100 levels"),
    "deep quotes": ("> " * 60 + "x", "nested 60 levels"),
    "unmatched [": (_lines("[", 50_000), "'['"),
    "unmatched [a": (_lines("[a", 40_000), "'['"),
    "unmatched ![": (_lines("![", 40_000), "'['"),
    "nested [ ]": (_lines("[", 20_000) + "\na\n" + _lines("]", 20_000), "'['"),
    "links never closed": (_lines("[a](", 80_000), "')'"),
    "run of *": ("x " + "*" * 4_000 + "a" + "*" * 4_000, "4,000 '*' in a row"),
    "run of _": ("x " + "_" * 4_000 + "a" + "_" * 4_000, "4,000 '_' in a row"),
    "escaped backticks": (_lines("\\``", 60_000), "'`'"),
    "tags never closed": (_lines("<a ", 60_000), "'<'"),
    "autolinks never closed": (_lines("<http://", 160_000), "'<'"),
    "CDATA never closed": (_lines("<![CDATA[", 45_000), "'<'"),
    "line breaks in one paragraph": ("a  \n" * 250_000, "too much formatting"),
    "emphasis in one paragraph": (_lines("*a* ", 400_000), "too much formatting"),
    "callouts inside callouts": (
        "".join("    " * i + "!!! note\n" for i in range(MAX_TABLE_NESTING + 2)) + "x\n",
        "tables and callouts are nested",
    ),
    "tables inside tables": (
        "<table><tr><td>" * 20 + "x" + "</td></tr></table>" * 20,
        "tables and callouts are nested 20 levels",
    ),
    "divs inside divs": ("<div>\n\n" * 1_000, "HTML blocks are nested"),
    # python-markdown before 3.11.4 recursed ("nested too deeply"); 3.11.4 nests HTML blocks instead.
    "definitions that recurse": ("a\n: b\n" * 1_000, "nested"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_markdown_is_refused_with_a_reason(name: str) -> None:
    text, reason = HOSTILE[name]
    with pytest.raises(RenderTooComplexError) as refused:
        Renderer().markdown(INTRO + text, first_line=10)
    assert reason in refused.value.message
    assert refused.value.line >= 10
    assert str(refused.value).startswith(f"line {refused.value.line}: ")


def test_the_line_given_is_where_the_trouble_starts() -> None:
    text = INTRO + "x\n\n" + _lines("[", 50_000)
    problem = render_budget_problem(text, first_line=7)
    assert problem is not None
    assert problem.line == 7 + INTRO.count("\n") + 2
    deep = INTRO + "- a\n" + "    " * (MAX_NESTING + 1) + "- b\n"
    problem = render_budget_problem(deep, first_line=3)
    assert problem is not None and problem.line == 3 + INTRO.count("\n") + 1


def test_what_is_measured_before_rendering_needs_no_rendering() -> None:
    # The cheap measures answer for the constructs they know, in a fraction of the render time.
    assert render_budget_problem(_lines("[", 50_000)) is not None
    assert render_budget_problem("*" * 5_000) is None  # a rule, not emphasis
    assert render_budget_problem("Name: " + "_" * MAX_EMPHASIS_RUN) is None
    assert render_budget_problem("- " * MAX_NESTING + "x") is None


def test_shipped_content_is_well_within_the_budget() -> None:
    library, _ = load_library([BUNDLED])
    texts = [lesson.body for lesson in library.lessons]
    texts += [q.body for quiz in library.quizzes for q in quiz.questions]
    texts += [group.notes for checklist in library.checklists for group in checklist.groups]
    assert all(render_budget_problem(text) is None for text in texts)


def test_a_realistic_lesson_near_the_size_limit_passes_the_measures() -> None:
    paragraph = (
        "Serotonin is a **chemical messenger**. Most of it is made in the *gut*; see the "
        "[glossary](glossary:synapse) and `code`. [S1]\n\n- one\n- two [link](lesson:x#y)\n\n"
    )
    sections = "".join(f"## Part {n}\n\n{paragraph * 32}" for n in range(190))
    assert 900_000 < len(sections) < 1_000_000
    assert render_budget_problem(sections) is None


def test_the_time_limit_stops_what_the_measures_miss() -> None:
    # Headings on consecutive lines make python-markdown re-read the rest of the block for
    # each one: time that grows with the square of their number, and no measure knows it.
    slow = "".join(f"## Heading {n}\n" for n in range(20_000))
    assert render_budget_problem(slow) is None
    renderer = Renderer(time_budget=0.2)
    start = time.perf_counter()
    with pytest.raises(RenderTooComplexError, match=r"longer than 0\.2 seconds"):
        renderer.markdown(slow, first_line=4)
    assert time.perf_counter() - start < 60  # stopped, not run to the end (minutes)
    # The renderer is still usable, and nothing is raised later in unrelated code.
    assert renderer.markdown("Some *text*.").html == "<p>Some <em>text</em>.</p>"
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        sum(range(1000))


def test_a_refusal_is_remembered() -> None:
    renderer = Renderer()
    text = _lines("[", 50_000)
    with pytest.raises(RenderTooComplexError) as first:
        renderer.markdown(text)
    with pytest.raises(RenderTooComplexError) as second:
        renderer.markdown(text)
    assert second.value is first.value


def test_a_time_limit_that_runs_out_as_rendering_ends_is_never_raised_later() -> None:
    # Limits about as long as the rendering: the timer fires just before, during or just
    # after the end. Whichever happens, the exception is raised inside or not at all.
    renderer = Renderer()
    outcomes = set()
    for attempt in range(300):
        renderer.time_budget = 0.0005 + (attempt % 20) * 0.0002
        try:
            renderer.markdown(f"Paragraph {attempt} with *emphasis* and a [link](lesson:a).")
            outcomes.add("rendered")
        except RenderTooComplexError:
            outcomes.add("refused")
        sum(range(2000))  # plain Python work right after: where a late exception would land
    time.sleep(0.05)
    sum(range(100_000))
    assert "rendered" in outcomes


def test_the_time_limit_works_on_any_thread() -> None:
    results: list[str] = []

    def work() -> None:
        try:
            Renderer(time_budget=0.2).markdown("".join(f"## H {n}\n" for n in range(20_000)))
            results.append("rendered")
        except RenderTooComplexError as exc:
            results.append(exc.message)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(120)
    assert results and "longer than" in results[0]


def test_tables_nested_within_the_limit_render() -> None:
    text = "".join("    " * i + "!!! note\n" for i in range(MAX_TABLE_NESTING)) + "    " * 8 + "x\n"
    html = Renderer().markdown(text).html
    assert html.count('class="callout note"') == MAX_TABLE_NESTING


def test_links_in_a_long_lesson_get_their_own_lines() -> None:
    text = "\n\n".join(f"Paragraph {n}, see [the same](lesson:a#b)." for n in range(2_000))
    links = Renderer().markdown(text, first_line=5).links
    assert [link.line for link in links] == [5 + 2 * n for n in range(2_000)]


# -- glossary terms: found by first word, exactly as one big regular expression would --


def _regex_matches(terms: list[str], text: str) -> list[tuple[int, int]]:
    """What the renderer used before: one alternation of every term, longest first."""
    ordered = sorted(terms, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(t) for t in ordered) + r")(?![\w-])", re.IGNORECASE
    )
    return [m.span(1) for m in pattern.finditer(text)]


_WORDS = st.sampled_from(["sero", "serotonin", "Serotonin", "syndrome", "5-HT", "a", "ab", "(S)", "x-y"])


_TERMS = st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6, unique=True)
_TEXT = st.lists(st.one_of(_WORDS, st.sampled_from([" ", "-", ".", "\n", "sx", "é"])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(terms=_TERMS, text=_TEXT.map("".join))
def test_terms_are_found_as_the_single_pattern_found_them(terms: list[str], text: str) -> None:
    keys = {" ".join(t.casefold().split()) for t in terms}
    if len(keys) < len(terms):
        return  # the glossary keeps one term per key
    glossary = Glossary(tuple(GlossaryTerm(term, f"About {term}.", 1) for term in terms))
    linker = TermLinker(glossary)
    assert [(start, end) for start, end, _ in linker._matches(text)] == _regex_matches(terms, text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="[]()`*_<>!&\\#:-+>|{}. a1\n", max_size=400))
def test_any_markdown_renders_or_is_refused(text: str) -> None:
    try:
        Renderer(time_budget=10).markdown(text)
    except RenderTooComplexError as exc:
        assert exc.message


def test_check_says_why_a_lesson_cannot_be_shown(write_pack: WritePack) -> None:
    from serotonin_app.content.check import check_library
    from serotonin_app.content.library import load_library
    from tests.conftest import lesson_text

    pack = write_pack(
        {"lessons/bad.md": lesson_text("bad", "Bad", 1, {"Part": "\n\n".join(["[" * 9_000] * 4)})}
    )
    library, _ = load_library([pack])
    found = [p for p in check_library(library).problems if "cannot be shown" in p.message]
    assert len(found) == 1 and found[0].is_error and found[0].line > 1
