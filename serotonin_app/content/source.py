"""Reading content files safely: what may be opened, UTF-8, size limits and nesting.

Content folders can come from anyone with a USB stick, so nothing here trusts
the file system: a file must be a regular file inside its content folder, it
is measured before it is read, and a named pipe is never opened (reading one
would wait forever). The front matter of what is read is split off by
:mod:`~serotonin_app.content.front_matter`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Literal

from serotonin_app.content.front_matter import SourceFile, bad_character, parse_front_matter
from serotonin_app.content.limits import FILE, MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_NESTING, too_big
from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_marked
from serotonin_app.content.problems import Problem, error

_CONTEXT = "content.source"
# A quote mark or list marker, with the space that ends it: each opens one more level.
_CONTAINER = re.compile(r">[ \t]?|[-*+][ \t]|[0-9]{1,9}[.)][ \t]")
# A line nested more than MAX_NESTING deep starts with more than MAX_NESTING of these
# characters (every level takes at least one), so only such lines are measured.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}", re.MULTILINE)
#: What a file that is not a regular file is, in words (translated where it is shown).
_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("content.source", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("content.source", "a named pipe (FIFO)")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("content.source", "a character device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("content.source", "a block device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("content.source", "a socket")),
)
_OTHER_KIND = QT_TRANSLATE_NOOP("content.source", "not a regular file")
_OPEN_FLAGS = (
    os.O_RDONLY
    # A FIFO swapped in after the check must not block the open; regular files ignore it.
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
#: What cannot be read: a file or a folder.
What = Literal["file", "folder"]


# -- the file system ------------------------------------------------------------


def cannot_read(path: Path, reason: str, what: What = "file") -> Problem:
    """``path:1: error: cannot read file: reason``, or ``cannot read folder: reason``."""
    if what == "folder":
        message = translate("content.source", "cannot read folder: {reason}")
    else:
        message = translate("content.source", "cannot read file: {reason}")
    return error(path, 1, message.format(reason=reason))


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words (marked, not yet translated); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), _OTHER_KIND)


def _real_path(path: Path, root: Path, what: What) -> tuple[Path | None, Problem | None]:
    """``path`` with every link resolved, if it stays inside ``root``.

    A link that points nowhere, loops, or leaves
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
        if what == "folder":
            message = translate(
                "content.source",
                "refused: this folder is a link to {target}, outside the content folder {root}",
            )
        else:
            message = translate(
                "content.source",
                "refused: this file is a link to {target}, outside the content folder {root}",
            )
        return None, error(path, 1, message.format(target=real, root=root))
    return real, None


def _unresolved(path: Path, exc: OSError | RuntimeError, *, is_link: bool) -> str:
    if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
        return translate("content.source", "it is a link that loops back on itself")
    if is_link and exc.errno == errno.ENOENT:
        try:
            target = str(path.readlink())
        except OSError:
            target = translate("content.source", "a missing file")
        return translate("content.source", "it is a link to {target}, which does not exist").format(
            target=target
        )
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
                    # What stat says, and one byte more to see whether it grew. Asking for
                    # limit + 1 at once made Python set aside 1 MB for every small file read:
                    # a fifth of the time to load a pack of 4,000 files.
                    data = handle.read(size + 1)
                    if len(data) > size:  # longer than stat said (or stat does not know): read on
                        data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        return None, [cannot_read(path, exc.strerror or str(exc))]
    if kind is not None:
        reason = translate("content.source", "it is {kind}, not a regular file")
        return None, [cannot_read(path, reason.format(kind=translate_marked(_CONTEXT, kind)))]
    if data is None or len(data) > limit:
        # Also a file that grew while being read, or one whose size stat does not know.
        return None, [error(path, 1, too_big(FILE, size if data is None else len(data), limit))]
    return data, []


def present(path: Path, what: What = "file") -> bool | Problem:
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
            reason = translate("content.source", "it is a file, not a folder")
            return [], [cannot_read(directory, reason, "folder")]
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
            message = translate("content.source", "file name {name} is not valid UTF-8; rename the file")
            problems.append(error(directory, 1, message.format(name=ascii(name))))
            continue
        bad = bad_character(name, allow_dots=True)
        if bad is not None:
            message = translate("content.source", "file name contains {what}; rename the file")
            problems.append(error(directory / name, 1, message.format(what=bad)))
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
        message = translate("content.source", "not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
        return None, [error(path, line, message.format(byte=raw[exc.start]))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE_CHARS:
        index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
        message = translate("content.source", "line is {length:,} characters long; the limit is {limit:,}")
        return None, [error(path, index + 1, message.format(length=len(lines[index]), limit=MAX_LINE_CHARS))]
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
            message = translate(
                "content.source", "lists and quotes are nested {depth} levels deep here; the limit is {limit}"
            )
            return error(path, number, message.format(depth=depth, limit=MAX_NESTING))
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
        return None, [error(path, 1, translate("content.source", "file is empty"))]
    source, problems = parse_front_matter(path, text, require_front_matter=require_front_matter)
    if source is not None:
        deep = nesting_problem(path, source.body, source.body_line)
        if deep is not None:
            return None, [*problems, deep]
    return source, problems
