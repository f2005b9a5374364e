"""Where things are in a TOML file: lines of keys and tables, and nesting depth, without parsing it.

tomllib reports neither the line of a key nor survives deep nesting, so
``clinic.toml`` problems find their lines here, in one pass over the text.
"""

from __future__ import annotations

import re
import tomllib

# What the nesting scan stops at: brackets, braces, strings, comments and line ends.
_TOML_MARK = re.compile(r"""[\[\]{}"'#\n]""")
_BASIC_STRING_END = re.compile(r'["\\\n]')
_KEY_NAME = r"""(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))"""
_TOML_KEY = re.compile(rf"[ \t]*{_KEY_NAME}[ \t]*[=.]")
_TOML_DOTTED_KEY = re.compile(rf"[ \t]*{_KEY_NAME}[ \t]*\.[ \t]*{_KEY_NAME}[ \t]*[=.]")
_TOML_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*{_KEY_NAME}[ \t]*[\].]")
# A header of one or two keys, whole: [es], [[crisis_lines]], [es.advice_line], [[es.crisis_lines]].
_TOML_SHORT_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*{_KEY_NAME}(?:[ \t]*\.[ \t]*{_KEY_NAME})?[ \t]*\]")
_TOML_TABLE_START = re.compile(r"[ \t]*\[")


def toml_nesting(text: str, limit: int) -> tuple[int, int]:
    """How deeply arrays and inline tables nest in TOML ``text``, and the line where they pass ``limit``.

    tomllib recurses once per level, so this is measured first, without
    recursion; brackets inside strings and comments do not count.
    """
    depth = deepest = 0
    line = deepest_line = 1
    index, end = 0, len(text)
    while (match := _TOML_MARK.search(text, index)) is not None:
        char, index = match.group(0), match.end()
        if char == "\n":
            line += 1
        elif char == "#":
            index = text.find("\n", index)
            index = end if index < 0 else index
        elif char in "[{":
            depth += 1
            if depth > limit and deepest <= limit:
                deepest_line = line
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
        else:
            start = index
            index = _string_end(text, index - 1)
            line += text.count("\n", start, index)
    return deepest, deepest_line


def _string_end(text: str, start: int) -> int:
    """Where the TOML string opening at ``start`` ends (or the end of ``text`` if it never does)."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        index = start + 3
        while True:
            close = text.find(quote * 3, index)
            if close < 0:
                return len(text)
            escapes = 0
            while quote == '"' and close - escapes - 1 >= index and text[close - escapes - 1] == "\\":
                escapes += 1
            if escapes % 2 == 0:
                # Up to two more quotes belong to the string: """a""""" is 'a""'.
                close += 3
                extra = 0
                while extra < 2 and text.startswith(quote, close):
                    close, extra = close + 1, extra + 1
                return close
            index = close + 1
    if quote == "'":
        close, newline = text.find("'", start + 1), text.find("\n", start + 1)
        if 0 <= newline < close or close < 0:
            return len(text) if newline < 0 else newline
        return close + 1
    index = start + 1
    while (match := _BASIC_STRING_END.search(text, index)) is not None:
        if match.group(0) == "\\":
            index = match.end() + 1
        elif match.group(0) == "\n":
            return match.start()
        else:
            return match.end()
    return len(text)


def toml_error(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line and the message without its position; Python 3.14 has them as attributes."""
    lineno = getattr(exc, "lineno", None)
    message = getattr(exc, "msg", None)
    if not isinstance(message, str):
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
    if not isinstance(lineno, int):
        match = re.search(r"at line (\d+)", str(exc))
        # "at end of document": the last line with anything on it is where the file broke off.
        lineno = int(match.group(1)) if match else text.rstrip().count("\n") + 1
    return max(lineno, 1), message


def key_line(text: str, key: str) -> int:
    """The line that sets top-level ``key`` in TOML ``text`` (``key =`` or ``[key]``), or 1."""
    return key_lines(text).get(key, 1)


def key_lines(text: str) -> dict[str, int]:
    """The line of every top-level key in TOML ``text``, found in one pass (a file may have thousands)."""
    return table_key_lines(text)[""]


def table_key_lines(text: str) -> dict[str, dict[str, int]]:
    """The line of every key in TOML ``text``, by table: ``""`` for the top level, ``"es"`` for ``[es]``.

    A table's keys are found under its ``[table]`` header, as ``table.key =``
    at the top level and as ``[table.key]`` or ``[[table.key]]`` headers; one
    pass, however many tables there are.
    """
    top: dict[str, int] = {}
    found: dict[str, dict[str, int]] = {"": top}
    table: str | None = ""  # "": the top level; None: a table whose keys are not tracked
    for number, line in enumerate(text.split("\n"), 1):
        header = _TOML_HEADER.match(line)
        if header:
            top.setdefault(_key(header.groups()), number)
            whole = _TOML_SHORT_HEADER.match(line)
            table = None
            if whole and whole.group(5, 6, 7) != (None, None, None):
                found.setdefault(_key(whole.group(2, 3, 4)), {}).setdefault(
                    _key(whole.group(5, 6, 7)), number
                )
            elif whole and whole.group(1) == "[":
                table = _key(whole.group(2, 3, 4))
                found.setdefault(table, {})
        elif table is not None and (assignment := _TOML_KEY.match(line)):
            # Later `name =` lines belong to a table, not to the top level.
            found[table].setdefault(_key(assignment.groups()), number)
            if table == "" and (dotted := _TOML_DOTTED_KEY.match(line)):
                found.setdefault(_key(dotted.groups()[:3]), {}).setdefault(_key(dotted.groups()[3:]), number)
        elif _TOML_TABLE_START.match(line):
            table = None
    return found


def _key(groups: tuple[str | None, ...]) -> str:
    """The key a ``_KEY_NAME`` matched: whichever of its quoted or bare groups took part."""
    return next(group for group in groups if group is not None)
