"""The YAML front matter of a content file, the values read from it, and content ids.

:func:`parse_front_matter` splits decoded text into a :class:`SourceFile`; the
YAML is read by a safe loader that refuses anchors, aliases and deep nesting
before anything is built. Reading the file itself is :mod:`~serotonin_app.content.source`'s job.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from serotonin_app.content.limits import MAX_ID_CHARS, MAX_NESTING, MAX_TITLE_CHARS
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error, warning

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
#: Invisible characters that are not in Unicode's "format" category (Cf), which
#: already holds the zero-width (U+200B-U+200D, U+2060, U+FEFF) and direction marks
#: (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
_ALSO_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0")


@dataclass(frozen=True)
class SourceFile:
    """A decoded content file split into front matter and Markdown body."""

    path: Path
    meta: dict[str, Any]
    body: str
    #: 1-based line in the file where ``body`` starts.
    body_line: int
    #: 1-based file line of each top-level front-matter key.
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of_key(self, key: str) -> int:
        return self.key_lines.get(key, 1)


# -- front matter -------------------------------------------------------------------


@cache
def _loader() -> type[Any]:
    """libyaml's safe loader (about ten times faster), with numbers and dates that cannot crash."""
    import yaml
    from yaml.constructor import ConstructorError, SafeConstructor

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):  # type: ignore[misc]
        pass

    def whole_number(loader: Any, node: Any) -> int:
        text = str(loader.construct_scalar(node))
        # Python refuses to convert more than 4,300 digits, and a base-60 "1:2:3:…" grows without end.
        value = SafeConstructor.construct_yaml_int(loader, node) if len(text) <= 40 else None
        if value is None or abs(value) >= 2**63:
            shown = text if len(text) <= 20 else text[:20] + "…"
            message = translate("content.front_matter", "the number {number} is too large").format(
                number=shown
            )
            raise ConstructorError(None, None, message, node.start_mark)
        return int(value)

    def date(loader: Any, node: Any) -> object:
        try:
            return SafeConstructor.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            text = str(loader.construct_scalar(node))
            message = translate(
                "content.front_matter", "'{text}' is not a real date (write YYYY-MM-DD)"
            ).format(text=text)
            raise ConstructorError(None, None, message, node.start_mark) from None

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", whole_number)
    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", date)
    return FrontMatterLoader


def _plainly_shallow(block: str) -> bool:
    """True when ``block`` can hold no anchor, alias or deep nesting, as nearly every front matter.

    Anchors and aliases need ``&`` or ``*``, flow collections ``[`` or ``{``, and a
    sequence inside a sequence on one line ``- -`` (or ``? -``). Without those, each level of
    nesting needs more indentation, at most two levels (a mapping and a sequence)
    per indentation: indentation under MAX_NESTING / 2 - 1 stays under the limit.
    Reading the YAML events twice cost a tenth of loading a pack of 4,000 files.
    """
    if not _SHAPE_MARKS.isdisjoint(block) or _NESTED_DASH.search(block):
        return False
    deepest = max((len(line) - len(line.lstrip(" \t")) for line in block.split("\n")), default=0)
    return deepest < MAX_NESTING // 2 - 1


_SHAPE_MARKS = frozenset("&*[{")
# Two block indicators in one line's prefix ("- - x", "? - x", "- ? x") open two levels at once.
_NESTED_DASH = re.compile(r"^[ \t]*[-?][ \t]+[-?:](?:[ \t]|$)", re.MULTILINE)


def _file_line(block: str, mark: Any) -> int:
    """The file line of a YAML mark in the front-matter block (which starts on line 2).

    Counted from the mark's character index: YAML also breaks lines at U+2028, U+2029
    and U+0085, so its own line numbers can run past the end of the file.
    """
    index = getattr(mark, "index", None)
    if not isinstance(index, int):
        return 2
    return 2 + block.count("\n", 0, max(0, index))


def _yaml_shape_problem(path: Path, block: str) -> Problem | None:
    """Anchors, aliases or deep nesting in a front-matter block, found before anything is built.

    An alias lets a 1 kB block stand for gigabytes of text once it is printed;
    nothing in front matter needs one.
    """
    if _plainly_shallow(block):
        return None
    import yaml

    depth = 0
    for event in yaml.parse(block, Loader=_loader()):
        line = _file_line(block, event.start_mark)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = translate(
                "content.front_matter", "front matter must not use YAML anchors or aliases ('&name', '*name')"
            )
            return error(path, line, message)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                message = translate(
                    "content.front_matter", "front matter is nested more than {limit} levels deep"
                )
                return error(path, line, message.format(limit=MAX_NESTING))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def parse_front_matter(
    path: Path, text: str, *, require_front_matter: bool = False
) -> tuple[SourceFile | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if require_front_matter:
            message = translate(
                "content.front_matter", "missing front matter: the file must start with a '---' line"
            )
            return None, [error(path, 1, message)]
        return SourceFile(path, {}, text, 1), []
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        message = translate("content.front_matter", "front matter is not closed: add a '---' line after it")
        return None, [error(path, 1, message)]
    block = "\n".join(lines[1:end])
    meta: Any
    if block.strip():
        import yaml

        try:
            shape = _yaml_shape_problem(path, block)
            if shape is not None:
                return None, [shape]
            meta = yaml.load(block, Loader=_loader())  # a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            # Errors at the end of the block are reported on its last line, not the fence.
            line = min(_file_line(block, mark), max(2, end))
            # The YAML reader's own words are not translated; ours (numbers, dates) already are.
            problem = getattr(exc, "problem", None) or translate("content.front_matter", "invalid YAML")
            invalid = translate("content.front_matter", "invalid front matter: {problem}")
            return None, [error(path, line, invalid.format(problem=problem))]
    else:
        meta = {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [
            error(path, 2, translate("content.front_matter", "front matter must be 'key: value' lines"))
        ]
    key_lines: dict[str, int] = {}
    for offset, text_line in enumerate(lines[1:end]):
        match = _KEY_LINE.match(text_line)
        if match:
            key_lines.setdefault(match.group(1), offset + 2)
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    for key, value in meta.items():
        if not isinstance(key, str):
            message = translate("content.front_matter", "front-matter key {key} is not text; ignored")
            problems.append(warning(path, 2, message.format(key=repr(key))))
            continue
        clean[key] = value
    body = "\n".join(lines[end + 1 :])
    # A file that ends on the closing fence has no body line: its problems go on the fence.
    body_line = end + 2 if end + 1 < len(lines) else end + 1
    return SourceFile(path, clean, body, body_line, key_lines), problems


def check_keys(source: SourceFile, known: Container[str]) -> list[Problem]:
    """Warn about front-matter keys this kind of file does not use."""
    message = translate("content.front_matter", "unknown front-matter key '{key}' (ignored)")
    return [
        warning(source.path, source.line_of_key(key), message.format(key=key))
        for key in source.meta
        if key not in known
    ]


def text_value(
    source: SourceFile, key: str, default: str, problems: list[Problem], *, limit: int | None = None
) -> str:
    """A front-matter value that must be text; numbers and dates are accepted as text."""
    value = source.meta.get(key)
    if value is None:
        return default
    if isinstance(value, (dict, list, set)):
        message = translate("content.front_matter", "'{key}' must be text").format(key=key)
        problems.append(error(source.path, source.line_of_key(key), message))
        return default
    text = str(value).strip()
    if limit is not None and len(text) > limit:
        message = translate(
            "content.front_matter", "'{key}' is {length:,} characters long; the limit is {limit:,}"
        ).format(key=key, length=len(text), limit=limit)
        problems.append(error(source.path, source.line_of_key(key), message))
        return default
    return text


# -- ids --------------------------------------------------------------------------------


def bad_character(text: str, *, allow_dots: bool = False) -> str | None:
    """What makes ``text`` unsafe as a file name or id, in words, or None."""
    for char in ("/", "\\"):
        if char in text:
            return f"'{char}'"
    if not allow_dots and ".." in text:
        return "'..'"
    if text.isascii() and text.isprintable():
        return None  # no control or invisible character is printable ASCII
    for char in text:
        category = unicodedata.category(char)
        code = f"U+{ord(char):04X}"
        if category in {"Cc", "Cs"}:
            return translate("content.front_matter", "a control character ({code})").format(code=code)
        if category in ("Cf", "Zl", "Zp") or char in _ALSO_INVISIBLE:
            return translate("content.front_matter", "an invisible character ({code})").format(code=code)
    return None


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id, or None. Ids name exported files and appear in links."""
    if not value:
        return translate("content.front_matter", "'id' must not be empty")
    bad = bad_character(value)
    if bad is not None:
        return translate("content.front_matter", "'id' must not contain {what}").format(what=bad)
    if len(value) > MAX_ID_CHARS:
        message = translate(
            "content.front_matter", "'id' is {length:,} characters long; the limit is {limit}"
        )
        return message.format(length=len(value), limit=MAX_ID_CHARS)
    return None


def id_key(value: str) -> str:
    """What ids are compared by: ids that differ only in case, look-alike or invisible characters clash."""
    visible = "".join(char for char in value if bad_character(char) is None)
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", visible).casefold())


def content_id(source: SourceFile, problems: list[Problem]) -> str:
    """The file's ``id`` (by default the file name without ``.md``), checked; errors go to ``problems``."""
    value = text_value(source, "id", source.path.stem, problems)
    reason = id_problem(value)
    if reason is not None:
        problems.append(error(source.path, source.line_of_key("id"), reason))
    return value


def content_header(source: SourceFile, known: Container[str]) -> tuple[str, str, list[Problem]]:
    """What every lesson, quiz and checklist starts with: its ``id`` and ``title``, checked, and the problems.

    Keys not in ``known`` are warned about first; the title defaults to the file name made readable.
    """
    problems = check_keys(source, known)
    value = content_id(source, problems)
    title = text_value(source, "title", readable_name(source.path.stem), problems, limit=MAX_TITLE_CHARS)
    return value, title, problems


def readable_name(stem: str) -> str:
    """``balancing-serotonin`` -> ``Balancing serotonin``."""
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]
