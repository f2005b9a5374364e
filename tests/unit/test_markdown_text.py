"""The one set of Markdown block rules the content model reads by itself (CommonMark, line by line)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content.markdown_text import (
    FenceTracker,
    first_headings,
    headings,
    is_sources_title,
    match_heading,
    match_list_item,
    match_task,
    plain_heading,
    plain_inline,
    reading_lines,
    sources_sections,
    without_sources,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # CommonMark 0.31.2, section 4.2 (ATX headings).
        ("# foo", (1, "foo")),
        ("###### foo", (6, "foo")),
        ("####### foo", None),
        ("#5 bolt", None),
        ("#hashtag", None),
        ("#\tfoo", (1, "foo")),
        ("#                  foo                     ", (1, "foo")),
        (" ### foo", (3, "foo")),
        ("   # foo", (1, "foo")),
        ("    # foo", None),
        ("\t# foo", None),
        ("## foo ##", (2, "foo")),
        ("  ###   bar    ###", (3, "bar")),
        ("# foo ##################################", (1, "foo")),
        ("##### foo ##", (5, "foo")),
        ("### foo ###     ", (3, "foo")),
        ("### foo ### b", (3, "foo ### b")),
        ("# foo#", (1, "foo#")),
        ("### foo \\###", (3, "foo \\###")),
        ("## ", (2, "")),
        ("#", (1, "")),
        ("### ###", (3, "")),
        ("foo # bar", None),
    ],
)
def test_headings_follow_commonmark(line: str, expected: tuple[int, str] | None) -> None:
    assert match_heading(line) == expected


def test_heading_text_drops_markup_and_keeps_the_attribute_list() -> None:
    [heading] = headings(["## How **it** [works](lesson:x) <b>now</b> {: .urgent }"])
    assert (heading.level, heading.text, heading.attributes) == (2, "How it works now", "{: .urgent }")


@pytest.mark.parametrize(
    ("lines", "inside"),
    [
        # A fence closes only with the same character, at least as many, and nothing after.
        (["```", "~~~", "# a", "```"], [True, True, True, True]),
        (["````", "```", "# a", "````", "# b"], [True, True, True, True, False]),
        (["```", "``` not closing", "```"], [True, True, True]),
        (["~~~", "~~~~~  ", "# b"], [True, True, False]),
        # Indented up to three spaces; four is indented code, not a fence.
        (["   ```", "x", "   ```"], [True, True, True]),
        (["    ```", "# a"], [False, False]),
        # A backtick fence's info string holds no backtick: this is inline code.
        (["``` a`b", "# a"], [False, False]),
        (["~~~ a`b", "# a"], [True, True]),
        # Two are not enough; an unclosed fence runs to the end.
        (["``", "# a"], [False, False]),
        (["```python", "# a", "# b"], [True, True, True]),
    ],
)
def test_fences_follow_commonmark(lines: list[str], inside: list[bool]) -> None:
    fences = FenceTracker()
    assert [fences.in_code(line) for line in lines] == inside


def test_headings_inside_fences_are_not_headings() -> None:
    lines = ["# One", "````", "# code", "```", "# still code", "````", "## Two"]
    assert [(h.level, h.text, h.index) for h in headings(lines)] == [(1, "One", 0), (2, "Two", 6)]


def test_first_headings_counts_the_rest_without_keeping_them() -> None:
    found, count = first_headings(headings([f"## {n}" for n in range(10)]), 3)
    assert [h.text for h in found] == ["0", "1", "2", "3"]
    assert count == 10


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- item", ("", "-", "item")),
        ("   * item", ("   ", "*", "item")),
        ("+\titem", ("", "+", "item")),
        ("12. item", ("", "12.", "item")),
        ("3) item", ("", "3)", "item")),
        ("1234567890. too long", None),
        ("    - code", None),
        ("-item", None),
        ("**bold**", None),
    ],
)
def test_list_items(line: str, expected: tuple[str, str, str] | None) -> None:
    assert match_list_item(line) == expected


def test_task_items() -> None:
    assert match_task("[ ] open") == (False, "open")
    assert match_task("[X] done") == (True, "done")
    assert match_task("[link](x) text") is None


def test_the_sources_section_is_a_level_two_heading_up_to_the_next_one() -> None:
    lines = [
        "## Read",  # 0
        "### Sources",  # 1: not level 2, not a Sources section
        "text",  # 2
        "## Sources:",  # 3
        "- S1",  # 4
        "### More",  # 5: still inside
        "## After",  # 6
        "```",  # 7
        "## Sources",  # 8: code, not a heading
        "```",  # 9
        "# SOURCES",  # 10: level 1
    ]
    assert sources_sections(lines) == [range(3, 6)]
    assert without_sources(lines)[2:8] == ["text", "", "", "", "## After", "```"]
    assert reading_lines(lines) == ["", "", "text", "", "", "", "", "```", "## Sources", "```", ""]
    assert is_sources_title("Sources") and is_sources_title("sources:") and not is_sources_title("Source")


def test_plain_inline_keeps_labels_as_written() -> None:
    assert plain_inline("Take **one** [snake_case](x) ![a *pic*](p.png)  `now`") == (
        "Take one snake_case a *pic* now"
    )
    assert plain_heading("A [b_c](x) {: #id }") == ("A bc", "{: #id }")


# -- properties ----------------------------------------------------------------------

_LINES = st.lists(
    st.one_of(
        st.sampled_from(["```", "````", "~~~", "``` x`", "   ```", "    ```", "## Sources", "# A", "## B"]),
        st.text(alphabet="#`~ \tab-*[]()!{}:", max_size=12),
    ),
    max_size=30,
)


@given(_LINES)
def test_heading_scans_agree_and_keep_line_positions(lines: list[str]) -> None:
    found = list(headings(lines))
    assert [h.index for h in found] == sorted({h.index for h in found})
    assert all(1 <= h.level <= 6 and match_heading(lines[h.index]) is not None for h in found)
    # Passing the headings already found gives the same answer as scanning again.
    assert reading_lines(lines, found) == reading_lines(lines)
    assert sources_sections(lines, found) == sources_sections(lines)
    kept = reading_lines(lines)
    assert len(kept) == len(lines)
    assert all(line in ("", original) for line, original in zip(kept, lines, strict=True))
    for section in sources_sections(lines):
        assert all(not kept[index] for index in section)


@given(_LINES)
def test_a_closed_fence_hides_nothing_after_it(lines: list[str]) -> None:
    fences = FenceTracker()
    for line in lines:
        fences.in_code(line)
    found = list(headings([*lines, "# after"]))
    after_found = bool(found) and found[-1].index == len(lines)
    assert after_found == (not fences.fence)


@given(st.text(alphabet="# \tab`*_[]()!", max_size=40))
def test_heading_content_has_no_outer_space_or_separated_closing_hashes(line: str) -> None:
    found = match_heading(line)
    if found is None:
        return
    _, content = found
    assert content == content.strip(" \t")
    assert not re.search(r"(?:^|[ \t])#+$", content)
