"""Reading content files: UTF-8 decoding and YAML front matter with file line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from serotonin_app.content.problems import Problem, error, warning

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


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


def read_source(path: Path, *, require_front_matter: bool = False) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``path``; return the file, or None with the problems that stop it loading."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(path, 1, f"cannot read file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [
            error(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [error(path, 1, "file is empty")]
    return parse_front_matter(path, text, require_front_matter=require_front_matter)


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
            # libyaml's C loader is about ten times faster; same safe subset.
            meta = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
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
    return SourceFile(path, clean, body, end + 2, key_lines), problems


def check_keys(source: SourceFile, known: frozenset[str]) -> list[Problem]:
    """Warn about front-matter keys this kind of file does not use."""
    return [
        warning(source.path, source.line_of_key(key), f"unknown front-matter key '{key}' (ignored)")
        for key in source.meta
        if key not in known
    ]


def text_value(source: SourceFile, key: str, default: str, problems: list[Problem]) -> str:
    """A front-matter value that must be text; numbers and dates are accepted as text."""
    value = source.meta.get(key)
    if value is None:
        return default
    if isinstance(value, (dict, list)):
        problems.append(error(source.path, source.line_of_key(key), f"'{key}' must be text"))
        return default
    return str(value).strip()


def readable_name(stem: str) -> str:
    """``balancing-serotonin`` -> ``Balancing serotonin``."""
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]
