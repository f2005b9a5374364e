"""Reading content files safely: what may be opened, UTF-8, size limits and YAML front matter.

Content folders can come from anyone with a USB stick, so nothing here trusts
the file system: a file must be a regular file inside its content folder, it
is measured before it is read, and a named pipe is never opened (reading one
would wait forever).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from serotonin_app.content.limits import (
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_LINE_CHARS,
    MAX_NESTING,
    MAX_TITLE_CHARS,
    too_big,
)
from serotonin_app.content.problems import Problem, error, warning

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# A quote mark or list marker, with the space that ends it: each opens one more level.
_CONTAINER = re.compile(r">[ \t]?|[-*+][ \t]|[0-9]{1,9}[.)][ \t]")
# A line nested more than MAX_NESTING deep starts with more than MAX_NESTING of these
# characters (every level takes at least one), so only such lines are measured.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}", re.MULTILINE)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = (
    os.O_RDONLY
    # A FIFO swapped in after the check must not block the open; regular files ignore it.
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
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


# -- the file system ------------------------------------------------------------


def cannot_read(path: Path, reason: str, what: str = "file") -> Problem:
    """``path:1: error: cannot read file: reason``; ``what`` is "file" or "folder"."""
    return error(path, 1, f"cannot read {what}: {reason}")


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def _real_path(path: Path, root: Path, what: str) -> tuple[Path | None, Problem | None]:
    """``path`` with every link resolved, if it stays inside ``root``.

    ``what`` is "file" or "folder". A link that points nowhere, loops, or leaves
    the content folder is a problem, never silently skipped or followed.
    """
    is_link = False
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # Python 3.11 and 3.12 report a loop as RuntimeError
        return None, cannot_read(path, _unresolved(path, exc, is_link=is_link), what)
    try:
        real_root = root.resolve(strict=True)
    except (OSError, RuntimeError):
        real_root = root.absolute()
    if not real.is_relative_to(real_root):
        return None, error(
            path, 1, f"refused: this {what} is a link to {real}, outside the content folder {root}"
        )
    return real, None


def _unresolved(path: Path, exc: OSError | RuntimeError, *, is_link: bool) -> str:
    if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
        return "it is a link that loops back on itself"
    if is_link and exc.errno == errno.ENOENT:
        try:
            target = str(path.readlink())
        except OSError:
            target = "a missing file"
        return f"it is a link to {target}, which does not exist"
    return exc.strerror or str(exc)


def read_content(path: Path, root: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the regular file ``path`` inside ``root``, or None and why not.

    The size is checked with ``stat`` before reading, and at most ``limit + 1``
    bytes are ever read, so a huge or endless file costs nothing.
    """
    real, problem = _real_path(path, root, "file")
    if real is None:
        return None, [problem] if problem else []
    data: bytes | None = None
    try:
        kind = _kind_of(real.stat().st_mode)
        size = 0
        if kind is None:
            with os.fdopen(os.open(real, _OPEN_FLAGS), "rb") as handle:
                info = os.fstat(handle.fileno())
                kind = _kind_of(info.st_mode)  # replaced since the check above
                size = info.st_size
                if kind is None and size <= limit:
                    data = handle.read(limit + 1)
    except OSError as exc:
        return None, [cannot_read(path, exc.strerror or str(exc))]
    if kind is not None:
        return None, [cannot_read(path, f"it is {kind}, not a regular file")]
    if data is None or len(data) > limit:
        # Also a file that grew while being read, or one whose size stat does not know.
        return None, [error(path, 1, too_big("file", size if data is None else len(data), limit))]
    return data, []


def present(path: Path, what: str = "file") -> bool | Problem:
    """True if something (even a broken link) has this name, False if nothing, or why it cannot be told."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        return cannot_read(path, exc.strerror or str(exc), what)
    return True


def unreadable_folder(folder: Path) -> Problem | None:
    """Why the files in ``folder`` cannot be listed, or None when they can."""
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        return cannot_read(folder, exc.strerror or str(exc), "folder")
    return None


def content_files(root: Path, folder: str) -> tuple[list[Path], list[Problem]]:
    """The Markdown files in ``root/folder`` that are content (not README.md), sorted, and problems.

    A missing folder is fine: every folder of a pack is optional. Each file is
    checked when it is read; names that cannot be shown on one line are refused here.
    """
    directory = root / folder
    found = present(directory, "folder")
    if found is False:
        return [], []
    if isinstance(found, Problem):
        return [], [found]
    real, problem = _real_path(directory, root, "folder")
    if real is None:
        return [], [problem] if problem else []
    try:
        if not stat.S_ISDIR(real.stat().st_mode):
            return [], [cannot_read(directory, "it is a file, not a folder", "folder")]
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        return [], [cannot_read(directory, exc.strerror or str(exc), "folder")]
    files: list[Path] = []
    problems: list[Problem] = []
    for name in names:
        if Path(name).suffix.lower() != ".md" or Path(name).stem.lower() == "readme":
            continue
        try:
            name.encode()
        except UnicodeEncodeError:  # shown escaped, on its folder's line: it cannot be printed as it is
            problems.append(error(directory, 1, f"file name {name!a} is not valid UTF-8; rename the file"))
            continue
        bad = _bad_character(name, allow_dots=True)
        if bad is not None:
            problems.append(error(directory / name, 1, f"file name contains {bad}; rename the file"))
            continue
        files.append(directory / name)
    return files, problems


# -- text -------------------------------------------------------------------------


def decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with ``\\n`` line ends, or None when it is not UTF-8 or has a line that is too long."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [
            error(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE_CHARS:
        index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
        message = f"line is {len(lines[index]):,} characters long; the limit is {MAX_LINE_CHARS:,}"
        return None, [error(path, index + 1, message)]
    return text, []


def markdown_depth(line: str) -> int:
    """How deeply a Markdown line is nested.

    Each quote mark or list marker at its start (with the space that ends it) is
    one level, and so is each four columns of indentation among them.
    """
    depth = column = index = 0
    while index < len(line):
        char = line[index]
        if char == " ":
            column += 1
            index += 1
        elif char == "\t":
            column += 4 - column % 4
            index += 1
        elif marker := _CONTAINER.match(line, index):
            depth += 1
            index = marker.end()
        else:
            break
    return depth + column // 4


def nesting_problem(path: Path, text: str, first_line: int) -> Problem | None:
    """The first line of Markdown ``text`` nested deeper than the limit, as a problem."""
    for match in _DEEP_CANDIDATE.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else len(text)]
        depth = markdown_depth(line)
        if depth > MAX_NESTING:
            number = first_line + text.count("\n", 0, match.start())
            return error(
                path,
                number,
                f"lists and quotes are nested {depth} levels deep here; the limit is {MAX_NESTING}",
            )
    return None


def read_text(path: Path, root: Path | None = None) -> tuple[str | None, list[Problem]]:
    """The text of ``path`` inside ``root`` (default: its own folder), or None and why not."""
    raw, problems = read_content(path, path.parent if root is None else root)
    if raw is None:
        return None, problems
    return decode(path, raw)


def read_source(
    path: Path, *, root: Path | None = None, require_front_matter: bool = False
) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``path`` inside the content folder ``root`` (default: its own folder).

    Returns the file, or None with the problems that stop it loading.
    """
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [error(path, 1, "file is empty")]
    source, problems = parse_front_matter(path, text, require_front_matter=require_front_matter)
    if source is not None:
        deep = nesting_problem(path, source.body, source.body_line)
        if deep is not None:
            return None, [*problems, deep]
    return source, problems


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
            raise ConstructorError(None, None, f"the number {shown} is too large", node.start_mark)
        return int(value)

    def date(loader: Any, node: Any) -> object:
        try:
            return SafeConstructor.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            text = str(loader.construct_scalar(node))
            raise ConstructorError(
                None, None, f"'{text}' is not a real date (write YYYY-MM-DD)", node.start_mark
            ) from None

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", whole_number)
    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", date)
    return FrontMatterLoader


def _yaml_shape_problem(path: Path, block: str) -> Problem | None:
    """Anchors, aliases or deep nesting in a front-matter block, found before anything is built.

    An alias lets a 1 kB block stand for gigabytes of text once it is printed;
    nothing in front matter needs one.
    """
    import yaml

    depth = 0
    for event in yaml.parse(block, Loader=_loader()):
        line = 2 + (event.start_mark.line if event.start_mark is not None else 0)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return error(path, line, "front matter must not use YAML anchors or aliases ('&name', '*name')")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                return error(path, line, f"front matter is nested more than {MAX_NESTING} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def parse_front_matter(
    path: Path, text: str, *, require_front_matter: bool = False
) -> tuple[SourceFile | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if require_front_matter:
            return None, [error(path, 1, "missing front matter: the file must start with a '---' line")]
        return SourceFile(path, {}, text, 1), []
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return None, [error(path, 1, "front matter is not closed: add a '---' line after it")]
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
            line = min(2 + (mark.line if mark is not None else 0), max(2, end))
            problem = getattr(exc, "problem", None) or "invalid YAML"
            return None, [error(path, line, f"invalid front matter: {problem}")]
    else:
        meta = {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [error(path, 2, "front matter must be 'key: value' lines")]
    key_lines: dict[str, int] = {}
    for offset, text_line in enumerate(lines[1:end]):
        match = _KEY_LINE.match(text_line)
        if match:
            key_lines.setdefault(match.group(1), offset + 2)
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    for key, value in meta.items():
        if not isinstance(key, str):
            problems.append(warning(path, 2, f"front-matter key {key!r} is not text; ignored"))
            continue
        clean[key] = value
    body = "\n".join(lines[end + 1 :])
    # A file that ends on the closing fence has no body line: its problems go on the fence.
    body_line = end + 2 if end + 1 < len(lines) else end + 1
    return SourceFile(path, clean, body, body_line, key_lines), problems


def check_keys(source: SourceFile, known: Container[str]) -> list[Problem]:
    """Warn about front-matter keys this kind of file does not use."""
    return [
        warning(source.path, source.line_of_key(key), f"unknown front-matter key '{key}' (ignored)")
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
        problems.append(error(source.path, source.line_of_key(key), f"'{key}' must be text"))
        return default
    text = str(value).strip()
    if limit is not None and len(text) > limit:
        message = f"'{key}' is {len(text):,} characters long; the limit is {limit:,}"
        problems.append(error(source.path, source.line_of_key(key), message))
        return default
    return text


# -- ids --------------------------------------------------------------------------------


def _bad_character(text: str, *, allow_dots: bool = False) -> str | None:
    """What makes ``text`` unsafe as a file name or id, in words, or None."""
    for char in ("/", "\\"):
        if char in text:
            return f"'{char}'"
    if not allow_dots and ".." in text:
        return "'..'"
    for char in text:
        category = unicodedata.category(char)
        if category in {"Cc", "Cs"}:
            return f"a control character (U+{ord(char):04X})"
        if category in ("Cf", "Zl", "Zp") or char in _ALSO_INVISIBLE:
            return f"an invisible character (U+{ord(char):04X})"
    return None


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id, or None. Ids name exported files and appear in links."""
    if not value:
        return "'id' must not be empty"
    bad = _bad_character(value)
    if bad is not None:
        return f"'id' must not contain {bad}"
    if len(value) > MAX_ID_CHARS:
        return f"'id' is {len(value):,} characters long; the limit is {MAX_ID_CHARS}"
    return None


def id_key(value: str) -> str:
    """What ids are compared by: ids that differ only in case, look-alike or invisible characters clash."""
    visible = "".join(char for char in value if _bad_character(char) is None)
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
