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
EXPORT_KINDS = ("lesson", "checklist", "quiz", "all")
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
    export = commands.add_parser("export", help="print handouts to PDF, with no window")
    export.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help="lesson, checklist, quiz or all")
    export.add_argument("id", nargs="?", metavar="ID", help="which lesson, checklist or quiz")
    export.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the PDF file (a folder for 'all')"
    )
    export.add_argument("--answer-key", action="store_true", help="quiz: print the answer key")
    export.add_argument(
        "--blank", action="store_true", help="checklist: print with empty boxes (the default here)"
    )
    export.add_argument("--page-size", choices=["A4", "Letter"], help="default: from the system locale")
    export.add_argument(
        "--seed", type=int, default=1, help="quiz: answer order (the key matches the same seed)"
    )
    _add_resources(export, "sub_resources")
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
    # A windowed program on Windows has no console: printing must not crash it.
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    try:
        args = build_parser().parse_args(argv)
        roots = content_roots([*args.resources, *getattr(args, "sub_resources", [])])
        if args.command == "check":
            return run_check(roots, strict=args.strict, as_json=args.json)
        if args.command == "export":
            return run_export(roots, args)
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


def run_export(roots: Sequence[Path], args: argparse.Namespace) -> int:
    """Write handouts to PDF offscreen; unknown ids are usage errors listing the valid ones."""
    library, problems = _load(roots)
    for problem in problems:
        print(problem, file=sys.stderr)
    kind, item_id, output = args.kind, args.id, Path(args.output)
    valid = {
        "lesson": [lesson.id for lesson in library.lessons],
        "checklist": [checklist.id for checklist in library.checklists],
        "quiz": [quiz.id for quiz in library.quizzes],
    }
    if kind == "all":
        if item_id:
            raise UsageError("export all takes no ID")
        if output.exists() and not output.is_dir():
            raise UsageError(f"-o: export all needs a folder, not a file: {output}")
    else:
        if not valid[kind]:
            plural = {"quiz": "quizzes"}.get(kind, f"{kind}s")
            raise UsageError(f"there are no {plural} to export")
        if item_id not in valid[kind]:
            what = f"unknown {kind} '{item_id}'" if item_id else f"export {kind} needs an ID"
            raise UsageError(f"{what} (valid: {', '.join(valid[kind])})")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # export never shows a window
    from serotonin_app.export import export_handouts

    try:
        for path, pages in export_handouts(
            library,
            kind,
            item_id,
            output,
            answer_key=args.answer_key,
            page_size=args.page_size,
            seed=args.seed,
        ):
            print(f"{path} ({pages} page{'' if pages == 1 else 's'})")
    except OSError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
