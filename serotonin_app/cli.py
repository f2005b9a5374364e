"""Command line: the one composition root.

Arguments are parsed and content is loaded before Qt is imported, so ``check``
and usage errors never pay for Qt, and ``--version`` is instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from serotonin_app import APP_NAME, __version__
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.problems import Problem
from serotonin_app.resources import ENV_VAR, bundled_resources, env_resources

PROG = "serotonin-app"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake on the command line: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=f"{APP_NAME}: offline lessons on serotonin, dopamine and addiction.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_resources(parser, "resources")
    parser.add_argument("--lesson", metavar="ID", help="open this lesson first")
    parser.add_argument("--kiosk", action="store_true", help="full screen for a shared waiting-room PC")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, build the window, render every lesson, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = commands.add_parser("check", help="validate content folders and report problems")
    _add_resources(check, "sub_resources")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--json", action="store_true", help="print problems as JSON")
    return parser


def _add_resources(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--resources",
        dest=dest,
        metavar="DIR",
        action="append",
        default=[],
        help=f"add a content folder (repeatable; later folders win). Also: {ENV_VAR}",
    )


def content_roots(extra: Sequence[str]) -> list[Path]:
    """Bundled content, then the environment's folders, then ``--resources`` folders."""
    roots = [bundled_resources()]
    for path in env_resources():
        if not path.is_dir():
            raise UsageError(f"{ENV_VAR} names a folder that does not exist: {path}")
        roots.append(path)
    for name in extra:
        path = Path(name).expanduser()
        if not path.is_dir():
            raise UsageError(f"--resources: not a folder: {name}")
        roots.append(path)
    return roots


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``serotonin-app`` and ``python -m serotonin_app``."""
    try:
        args = build_parser().parse_args(argv)
        roots = content_roots([*args.resources, *getattr(args, "sub_resources", [])])
        if args.command == "check":
            return run_check(roots, strict=args.strict, as_json=args.json)
        if args.self_test:
            return run_self_test(roots)
        return run_gui(roots, lesson=args.lesson, kiosk=args.kiosk)
    except UsageError as exc:
        print(f"{PROG}: error: {exc} (see '{PROG} --help')", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        return 130


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.message))


def run_check(roots: Sequence[Path], *, strict: bool = False, as_json: bool = False) -> int:
    """Validate content; exit 1 on any error (and on warnings with ``strict``)."""
    from serotonin_app.content.check import check_library

    library, problems = load_library(roots)
    report = check_library(library)
    problems = _sorted([*problems, *report.problems])
    if as_json:
        payload = {
            "problems": [
                {"path": str(p.path), "line": p.line, "severity": p.severity.value, "message": p.message}
                for p in problems
            ],
            "grades": {str(path): value for path, value in report.grades.items()},
            "summary": library.summary(),
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        for path, value in report.grades.items():
            print(f"{path}: reading grade {value:.1f} (Flesch-Kincaid)")
        print(library.summary())
    failed = any(p.is_error for p in problems) or (strict and bool(problems))
    return EXIT_FAILED if failed else EXIT_OK


def _load(roots: Sequence[Path]) -> tuple[ContentLibrary, list[Problem]]:
    library, problems = load_library(roots)
    return library, _sorted(problems)


def run_gui(roots: Sequence[Path], *, lesson: str | None = None, kiosk: bool = False) -> int:
    library, problems = _load(roots)
    if lesson is not None and library.lesson(lesson) is None:
        valid = ", ".join(item.id for item in library.lessons) or "none"
        raise UsageError(f"--lesson: no lesson '{lesson}' (valid: {valid})")
    from serotonin_app.ui.app import run_window

    return run_window(library, problems, first_lesson=lesson, kiosk=kiosk)


def run_self_test(roots: Sequence[Path]) -> int:
    """Build the real window offscreen and render every lesson in it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    library, problems = _load(roots)
    for problem in problems:
        print(problem, file=sys.stderr)
    from serotonin_app.ui.app import self_test

    failures, passed = self_test(library, problems, report=print)
    if failures:
        for failure in failures:
            print(f"FAILED {failure}")
        print(f"self-test failed: {len(failures)} of {len(failures) + passed} items")
        return EXIT_FAILED
    print(f"self-test passed: {passed} items")
    return EXIT_OK
