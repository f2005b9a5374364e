"""How costly a piece of Markdown is to render, measured without rendering it.

Python-markdown is not built for hostile input: some Markdown makes it take
time that grows with the square of the text (minutes for 50,000 ``[``) or
recurse until Python gives up, nh3 slows down the same way on deeply nested
HTML, and Qt lays out nested tables in time that doubles with each level.
:func:`render_budget_problem` finds what is known to be costly before rendering,
and :func:`html_nesting_problem` and :func:`table_nesting_problem` check the HTML
made; each answers with a :class:`RenderTooComplexError` that names the line.
No python-markdown here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from serotonin_app.content.limits import MAX_LINE_CHARS, MAX_NESTING
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_marked
from serotonin_app.content.source import markdown_depth

#: Seconds one rendering may take before it is given up. A realistic lesson of 1 MB,
#: the largest file the loader accepts, takes about a second on a 2-core laptop from
#: 2020 (``benchmarks/responsiveness.py``); this leaves room for a slower clinic PC.
TIME_BUDGET = 5.0
#: Tables inside tables (a callout is a table too). Qt needs twice as long to lay out
#: each extra level: 0.05 s at 12 levels, 10 s at 20. The shipped lessons use 2.
MAX_TABLE_NESTING = 8
#: Block elements inside each other in the HTML, which nh3 needs time for that grows
#: with the square of the depth (20 s for 100,000 ``<div>``). Markdown reaches about
#: two per level of list or quote, so the loader's limit of 50 levels stays well below.
MAX_HTML_NESTING = 256
#: ``*`` or ``_`` in a row: python-markdown's emphasis parser recurses once for every
#: few of them and runs out of stack at about 2,000. Rules (``*****``) are not counted.
MAX_EMPHASIS_RUN = 200

# How far python-markdown's own loops may step through the text for each kind of
# construct, as estimated by the ``_*_steps`` functions below. Each figure is about
# two seconds of rendering on the laptop above; a realistic 1 MB lesson needs less
# than a twentieth of any of them, the shipped lessons a thousandth.
#: Each ``[`` is read up to its ``]``, or the end of the paragraph, by three link patterns.
_BRACKET_STEPS = 6_000_000
#: Each run of backticks is read up to a run as long, or the end of the paragraph.
_BACKTICK_STEPS = 25_000_000
#: Each ``](`` is read up to its ``)``, or the end of the paragraph.
_PAREN_STEPS = 20_000_000
#: Each ``<tag`` is read up to its ``>`` (``-->``, ``]]>``) by html.parser, across the whole text.
_TAG_STEPS = 3_000_000
#: Each inline match (link, code, emphasis, line break...) copies its whole paragraph.
_COPY_STEPS = 4_000_000_000

# Python-markdown formats inline text a paragraph, list item, table row or heading at a time.
_UNIT_BREAK = re.compile(r"\n(?:[ \t>]*\n)+|\n(?=[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|[|#:]))")
# Characters that can start an inline match, each counted alone; and a line break.
_MARKS = ("`", "\\", "[", "<", "&", "*", "_", "  \n")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
_PAREN = re.compile(r"\\.|[()]", re.DOTALL)
_LINK_OPEN = re.compile(r"\]\(")
_BACKTICKS = re.compile(r"`+")
_TAG_OPEN = re.compile(r"<(?:!\[|!--|[A-Za-z!?/])")
# A line nested more than MAX_NESTING deep starts with more than that many of these (each level
# takes at least one); the newline in front lets ``re`` jump from line to line.
_DEEP_CANDIDATE = re.compile(rf"\n[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}")
_RULE_LINE = re.compile(r"[ \t*_-]*")
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|blockquote|ul|ol|li|dl|dd|dt|table|tbody|thead|tfoot|tr|td|th|p|pre|h[1-6])\b",
    re.IGNORECASE,
)
_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


class RenderTooComplexError(Exception):
    """Markdown that cannot be rendered within the time and depth budget.

    ``message`` says why in plain words for ``check``; ``line`` is the 1-based
    line in the file where the costly part starts (best effort).
    """

    def __init__(self, message: str, line: int) -> None:
        super().__init__(
            translate("content.render_budget", "line {line}: {message}").format(line=line, message=message)
        )
        self.message = message
        self.line = line


def render_budget_problem(text: str, first_line: int = 1) -> RenderTooComplexError | None:
    """Why ``text`` would be too slow or too deep to render, found without rendering it; or None.

    Linear in the length of ``text`` and much faster than rendering it. Rendering
    can still run out of time on something these measures miss; use
    :meth:`Renderer.markdown` for the final word.
    """
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE_CHARS:
        index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
        message = translate(
            "content.render_budget", "line is {length:,} characters long; the limit is {limit:,}"
        )
        return RenderTooComplexError(
            message.format(length=len(lines[index]), limit=MAX_LINE_CHARS), first_line + index
        )
    for match in _DEEP_CANDIDATE.finditer("\n" + text):
        start = match.start()  # the line's start in ``text``, thanks to the newline put in front
        end = text.find("\n", start)
        depth = markdown_depth(text[start : end if end >= 0 else len(text)])
        if depth > MAX_NESTING:
            message = translate(
                "content.render_budget",
                "lists and quotes are nested {depth} levels deep here; the limit is {limit}",
            )
            return RenderTooComplexError(
                message.format(depth=depth, limit=MAX_NESTING), first_line + text.count("\n", 0, start)
            )
    for mark in "*_":
        run = mark * (MAX_EMPHASIS_RUN + 1)
        found = text.find(run)
        while found >= 0:
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            end = end if end >= 0 else len(text)
            if not _RULE_LINE.fullmatch(text, start, end):
                length = end - found - len(text[found:end].lstrip(mark))
                message = translate(
                    "content.render_budget", "{count:,} '{mark}' in a row; the limit is {limit}"
                )
                return RenderTooComplexError(
                    message.format(count=length, mark=mark, limit=MAX_EMPHASIS_RUN),
                    first_line + text.count("\n", 0, found),
                )
            found = text.find(run, end)
    return _tag_problem(text, first_line) or _inline_problem(text, first_line)


def _tag_problem(text: str, first_line: int) -> RenderTooComplexError | None:
    if text.count("<") * len(text) <= _TAG_STEPS:
        return None  # cannot add up to the limit: skip the walk
    steps = 0
    ends: dict[str, int] = {}
    for match in _TAG_OPEN.finditer(text):
        start, opener = match.start(), match.group()
        close = "]]>" if opener == "<![" else "-->" if opener == "<!--" else ">"
        if ends.get(close, -1) < start:
            found = text.find(close, start)
            ends[close] = found if found >= 0 else len(text)
        steps += ends[close] - start
        if steps > _TAG_STEPS:
            message = translate(
                "content.render_budget",
                "too many '<' start an HTML tag that does not end with '>'; "
                "write '&lt;' for a '<' that is not part of a tag",
            )
            return RenderTooComplexError(message, first_line + text.count("\n", 0, start))
    return None


def _marks(text: str) -> int:
    return sum(map(text.count, _MARKS))


@dataclass(frozen=True)
class _Walk:
    """One kind of inline work python-markdown repeats, measured a paragraph at a time."""

    #: What starts the work; "" for work every paragraph costs.
    mark: str
    #: Steps allowed over the whole text.
    limit: int
    #: Steps for one paragraph, given how many are still allowed (it may stop counting past that).
    steps: Callable[[str, int], int]
    #: Why the text is refused, marked with ``QT_TRANSLATE_NOOP`` and translated when it is.
    message: str

    def first(self, text: str) -> int:
        """How many times the work starts in ``text``."""
        return _marks(text) if not self.mark else text.count(self.mark)


def _inline_problem(text: str, first_line: int) -> RenderTooComplexError | None:
    # Upper bounds from the longest paragraph: when even they fit, no paragraph can go
    # over, and the shipped lessons (and most others) are done without a walk.
    longest = max(map(len, _UNIT_BREAK.split(text)))
    walks = [walk for walk in _WALKS if walk.first(text) * longest > walk.limit]
    if not walks:
        return None
    used = [0] * len(walks)
    line = first_line
    start = 0
    for unit_break in (*_UNIT_BREAK.finditer(text), None):
        end = unit_break.start() if unit_break else len(text)
        unit = text[start:end]
        for number, walk in enumerate(walks):
            if walk.mark in unit:
                used[number] += walk.steps(unit, walk.limit - used[number])
                if used[number] > walk.limit:
                    return RenderTooComplexError(
                        translate_marked("content.render_budget", walk.message), line
                    )
        if unit_break is not None:
            line += unit.count("\n") + unit_break.group().count("\n")
            start = unit_break.end()
    return None


def _bracket_steps(unit: str, limit: int) -> int:
    """Characters read by link patterns: each ``[`` reads on until its ``]``, or to the end."""
    steps = depth = last = 0
    for match in _BRACKET.finditer(unit):
        if len(match.group()) == 2:
            continue  # escaped: python-markdown takes it out before links are looked for
        position = match.start()
        steps += depth * (position - last)
        last = position
        if match.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
        if steps > limit:
            break
    return steps + depth * (len(unit) - last)


def _backtick_steps(unit: str, limit: int) -> int:
    """Characters read looking for code spans: each opening run reads on to a run as long, or to the end."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(unit)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    steps = index = 0
    while index < len(runs) and steps <= limit:
        start, end = runs[index]
        # A backslash takes away the first backtick of a run; the rest still opens code.
        length = end - start - (start > 0 and unit[start - 1] == "\\")
        same = by_length.get(length, [])
        following = bisect.bisect_right(same, index)
        if length and following < len(same):
            closing = same[following]
            steps += runs[closing][0] - end
            index = closing + 1
        else:
            steps += (len(unit) - end) if length else 0
            index += 1
    return steps


def _paren_steps(unit: str, limit: int) -> int:
    """Characters read for link addresses: each ``](`` reads on to its ``)``, or to the end."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for match in _PAREN.finditer(unit):
        if match.group() == "(":
            opened.append(match.start())
        elif match.group() == ")" and opened:
            closing[opened.pop()] = match.start()
    steps = 0
    for match in _LINK_OPEN.finditer(unit):
        start = match.end() - 1
        steps += closing.get(start, len(unit)) - start
        if steps > limit:
            break
    return steps


_WALKS = (
    _Walk(
        "",
        _COPY_STEPS,
        lambda unit, _limit: _marks(unit) * len(unit),
        QT_TRANSLATE_NOOP(
            "content.render_budget",
            "this paragraph has too much formatting to render in time; "
            "split it into shorter paragraphs with blank lines",
        ),
    ),
    _Walk(
        "[",
        _BRACKET_STEPS,
        _bracket_steps,
        QT_TRANSLATE_NOOP(
            "content.render_budget",
            "too many '[' without a matching ']' (or inside each other) to render in time; "
            "write '\\[' for a bracket that does not start a link",
        ),
    ),
    _Walk(
        "`",
        _BACKTICK_STEPS,
        _backtick_steps,
        QT_TRANSLATE_NOOP(
            "content.render_budget",
            "too many '`' without a matching '`' to render in time; "
            "write '\\`' for a backtick that does not start code",
        ),
    ),
    _Walk(
        "](",
        _PAREN_STEPS,
        _paren_steps,
        QT_TRANSLATE_NOOP(
            "content.render_budget", "too many links whose '(' has no matching ')' to render in time"
        ),
    ),
)


def _deepest(tags: re.Pattern[str], html: str, stop: int | None = None) -> int:
    """How deeply the elements ``tags`` finds nest (group 1 is "/" on an end tag); stops past ``stop``."""
    depth = deepest = 0
    for match in tags.finditer(html):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if stop is not None and deepest > stop:
            break
    return deepest


def html_nesting_problem(raw_html: str, first_line: int) -> RenderTooComplexError | None:
    """Blocks nested too deeply for nh3, in python-markdown's output (before nh3 sees it)."""
    if _deepest(_BLOCK_TAG, raw_html, MAX_HTML_NESTING) > MAX_HTML_NESTING:
        message = translate("content.render_budget", "HTML blocks are nested more than {limit} levels deep")
        return RenderTooComplexError(message.format(limit=MAX_HTML_NESTING), first_line)
    return None


def table_nesting_problem(clean_html: str, first_line: int) -> RenderTooComplexError | None:
    """Tables nested too deeply for Qt, in nh3's well-formed output."""
    deepest = _deepest(_TABLE_TAG, clean_html)
    if deepest > MAX_TABLE_NESTING:
        message = translate(
            "content.render_budget",
            "tables and callouts are nested {depth} levels deep; the limit is {limit}",
        )
        return RenderTooComplexError(message.format(depth=deepest, limit=MAX_TABLE_NESTING), first_line)
    return None
