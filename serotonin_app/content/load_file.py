"""Loading one content file: read, fill the clinic's placeholders in its language, parse.

Anything a parser did not expect becomes a problem for that file, so one broken
file never stops the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from serotonin_app.content.front_matter import SourceFile
from serotonin_app.content.limits import FILLED_FILE, MAX_FILE_BYTES, MAX_PROBLEMS_PER_FILE, too_big
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, capped, error, reraise_unexpected, unexpected, warning
from serotonin_app.content.settings import PLACEHOLDER, ClinicSettings
from serotonin_app.content.source import read_source
from serotonin_app.content.translations import SOURCE_LANGUAGE, TRANSLATION_KEYS, file_language

T = TypeVar("T")


def filled_size(source: SourceFile, values: dict[str, str]) -> int:
    """How many bytes the body will have once ``values`` (:meth:`ClinicSettings.placeholders`) fill it."""
    growth = sum(
        len(values[match.group(1)].encode()) - len(match.group(0))
        for match in PLACEHOLDER.finditer(source.body)
        if match.group(1) in values
    )
    return len(source.body.encode()) + growth


def fill_placeholders(
    source: SourceFile, settings: ClinicSettings, values: dict[str, str] | None = None
) -> tuple[SourceFile, list[Problem]]:
    """Fill ``{clinic_name}`` and friends in the body and in text front-matter values."""
    if values is None:
        values = settings.placeholders()
    body, unknown = settings.fill(source.body, values)
    problems = [
        warning(
            source.path,
            source.body_line + line - 1,
            translate("content.library", "unknown placeholder '{{{key}}}' (left as written)").format(key=key),
        )
        for line, key in unknown
    ]
    meta = dict(source.meta)
    for key, value in source.meta.items():
        if isinstance(value, str) and "{" in value:
            meta[key], unknown_meta = settings.fill(value, values)
            problems.extend(
                warning(
                    source.path,
                    source.line_of_key(key),
                    translate("content.library", "unknown placeholder '{{{key}}}' (left as written)").format(
                        key=name
                    ),
                )
                for _, name in unknown_meta
            )
    return replace(source, body=body, meta=meta), problems


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_HasId)


def guarded(path: Path, problems: list[Problem], load: Callable[[], T]) -> T | None:
    """Run ``load`` for one file; anything it did not expect becomes a problem for that file.

    One broken file must never stop the app. Set ``SEROTONIN_APP_RAISE=1`` to see
    the traceback instead (the fuzz tests do).
    """
    try:
        return load()
    except Exception as exc:
        if reraise_unexpected():
            raise
        problems.append(unexpected(path, exc, "load"))
        return None


def load_file(
    path: Path,
    root: Path,
    settings: ClinicSettings,
    parse: Callable[[SourceFile], tuple[T | None, list[Problem]]],
    problems: list[Problem],
) -> tuple[T | None, SourceFile | None]:
    """Read, fill placeholders and parse one file; its problems (at most a hundred) go to ``problems``.

    Placeholders are filled in the file's own language, so an English lesson never
    says "Call el número de emergencias de su zona now". The returned source keeps
    a translation's own keys, which its parser does not know.
    """
    found: list[Problem] = []
    language = file_language(path)
    values = settings.for_language(language)

    def load() -> tuple[T | None, SourceFile | None]:
        source, read_problems = read_source(path, root=root)
        found.extend(read_problems)
        if source is None:
            return None, None
        filling = values.placeholders()
        grown = filled_size(source, filling)
        if grown > MAX_FILE_BYTES:
            found.append(error(path, 1, too_big(FILLED_FILE, grown, MAX_FILE_BYTES)))
            return None, None
        source, fill_problems = fill_placeholders(source, values, filling)
        parsed = source
        if language != SOURCE_LANGUAGE:
            parsed = replace(source, meta={k: v for k, v in source.meta.items() if k not in TRANSLATION_KEYS})
        item, parse_problems = parse(parsed)
        found.extend(fill_problems + parse_problems)
        return item, source

    result = guarded(path, found, load)
    problems.extend(capped(found, MAX_PROBLEMS_PER_FILE))
    return result if result is not None else (None, None)
