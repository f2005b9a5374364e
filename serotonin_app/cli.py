"""Command line: the one composition root.

Arguments are parsed and content is loaded before Qt is imported, so ``check``
and usage errors never pay for Qt, and ``--version`` is instant.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from serotonin_app import APP_NAME, __version__
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.problems import Problem
from serotonin_app.languages import choose_language, system_language, ui_languages
from serotonin_app.resources import ENV_VAR, bundled_resources, env_resources

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer
    from serotonin_app.content.render_cache import RenderCache

PROG = "serotonin-app"
EXPORT_KINDS = ("lesson", "checklist", "quiz", "all")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: The quiz answer order when ``--seed`` is not given, so every plain worksheet matches one key.
DEFAULT_SEED = 1
#: Which ``export`` kinds each option means something for. Anything else is a usage
#: error rather than silently ignored, so a handout is never printed other than asked.
EXPORT_OPTIONS = {
    "answer_key": ("--answer-key", ("quiz",)),
    "blank": ("--blank", ("checklist", "all")),
    "citations": ("--citations", ("lesson", "all")),
    "seed": ("--seed", ("quiz", "all")),
}


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
    parser.add_argument(
        "--lesson",
        metavar="ID",
        help="open this lesson first (window only; --self-test checks that it exists)",
    )
    _add_lang(parser, "lang")
    parser.add_argument(
        "--kiosk", action="store_true", help="full screen for a shared waiting-room PC (window only)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, build the window, render every lesson, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = commands.add_parser("check", help="validate content folders and report problems")
    _add_resources(check, "sub_resources")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--quality",
        action="store_true",
        help="also lint lessons for patient education quality (PEMAT and safety rules) "
        "and print each lesson's score",
    )
    check.add_argument(
        "--json",
        action="store_true",
        help="print JSON: ok (the exit code's verdict), problems, grades, counts and summary",
    )
    export = commands.add_parser("export", help="print handouts to PDF, with no window")
    _add_lang(export, "sub_lang")
    export.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help="lesson, checklist, quiz or all")
    export.add_argument("id", nargs="?", metavar="ID", help="which lesson, checklist or quiz")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the PDF file, not a folder; for 'all' a folder (created if missing), not a file or *.pdf",
    )
    export.add_argument(
        "--answer-key",
        action="store_true",
        help="quiz only: print the answer key instead of the worksheet ('all' writes both)",
    )
    export.add_argument(
        "--blank",
        action="store_true",
        help="checklist or all: exported checklists are always blank (there are no ticks "
        "on the command line); accepted to say so explicitly",
    )
    export.add_argument(
        "--citations",
        action="store_true",
        help="lesson or all: keep the inline citation marks in lessons (default: left out)",
    )
    export.add_argument("--page-size", choices=["A4", "Letter"], help="default: from the system locale")
    export.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=f"quiz or all: answer order (default {DEFAULT_SEED}; a worksheet and its key "
        "made with the same seed match)",
    )
    _add_resources(export, "sub_resources")
    return parser


def _add_lang(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--lang",
        dest=dest,
        metavar="CODE",
        help="the language to use, such as es (default: the clinic's 'language', else the system's, else en)",
    )


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
        check_options(args)
        roots = content_roots([*args.resources, *getattr(args, "sub_resources", [])])
        args.lang = _requested_language(getattr(args, "sub_lang", None) or args.lang)
        if args.command == "check":
            return run_check(roots, strict=args.strict, as_json=args.json, quality=args.quality)
        if args.command == "export":
            return run_export(roots, args)
        if args.self_test:
            return run_self_test(roots, lesson=args.lesson, lang=args.lang)
        return run_gui(roots, lesson=args.lesson, kiosk=args.kiosk, lang=args.lang)
    except UsageError as exc:
        print(f"{PROG}: error: {exc} (see '{PROG} --help')", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        return 130


def check_options(args: argparse.Namespace) -> None:
    """Refuse options that would be silently ignored: they are usage errors, not no-ops.

    Only what needs no content is checked here; unknown ids are found after loading.
    """
    window_options = (
        ("--lesson", args.lesson is not None),
        ("--kiosk", args.kiosk),
        ("--self-test", args.self_test),
    )
    if args.command is not None:
        for flag, given in window_options:
            if given:
                raise UsageError(f"{flag} does not apply to the '{args.command}' command")
    elif args.self_test and args.kiosk:
        raise UsageError("--kiosk does not apply to --self-test, which runs offscreen")
    if args.command == "export":
        _check_export_options(args)


def _requested_language(code: str | None) -> str | None:
    """``--lang``, checked against the installed languages before anything is loaded."""
    if code is None:
        return None
    installed = ui_languages()
    if code not in installed:
        raise UsageError(f"--lang: '{code}' is not installed (installed: {', '.join(installed)})")
    return code


def _check_export_options(args: argparse.Namespace) -> None:
    """Options that do not fit the kind, and an ``-o`` that is the wrong sort of path."""
    kind = args.kind
    for dest, (flag, kinds) in EXPORT_OPTIONS.items():
        value = getattr(args, dest)
        if value is None or value is False or kind in kinds:
            continue
        if dest == "answer_key" and kind == "all":
            raise UsageError(
                "--answer-key does not apply to 'export all', which writes every worksheet and its key"
            )
        raise UsageError(f"{flag} does not apply to 'export {kind}' (only to: {', '.join(kinds)})")
    output = Path(args.output)
    if kind == "all":
        if args.id:
            raise UsageError("export all takes no ID")
        if output.suffix.lower() == ".pdf":
            raise UsageError(
                f"-o: export all writes one PDF per handout into a folder; give a folder, not {output}"
            )
        if output.exists() and not output.is_dir():
            raise UsageError(f"-o: export all needs a folder, not a file: {output}")
    elif output.is_dir():
        raise UsageError(
            f"-o: {output} is a folder; give the PDF file to write, such as {output / 'handout.pdf'}"
        )


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.message))


def run_check(
    roots: Sequence[Path], *, strict: bool = False, as_json: bool = False, quality: bool = False
) -> int:
    """Validate content; exit 1 on any error (and on warnings with ``strict``).

    With ``quality`` the psychoeducation rules run too: their findings are warnings
    like any other, and a table scores each lesson after the reading grades.
    """
    from serotonin_app.content.check import check_library
    from serotonin_app.content.quality import QualityReport, check_quality

    library, problems = load_library(roots)
    report = check_library(library)
    quality_report: QualityReport | None = check_quality(library) if quality else None
    extra = quality_report.problems if quality_report else []
    problems = _sorted([*problems, *report.problems, *extra])
    failed = any(p.is_error for p in problems) or (strict and bool(problems))
    if as_json:
        payload = {
            "ok": not failed,
            "problems": [
                {"path": str(p.path), "line": p.line, "severity": p.severity.value, "message": p.message}
                for p in problems
            ],
            "grades": {str(path): value for path, value in report.grades.items()},
            "counts": dataclasses.asdict(library.counts()),
            "summary": library.summary(),
        }
        if quality_report is not None:
            payload["quality"] = quality_report.as_json()
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        for path, value in report.grades.items():
            print(f"{path}: reading grade {value:.1f} (Flesch-Kincaid)")
        if quality_report is not None:
            print("quality: items met / items that apply")
            for row in quality_report.table():
                print(row)
        print(library.summary())
    return EXIT_FAILED if failed else EXIT_OK


def _load(roots: Sequence[Path]) -> tuple[ContentLibrary, list[Problem]]:
    library, problems = load_library(roots)
    return library, _sorted(problems)


def _check_lesson(library: ContentLibrary, lesson: str | None) -> None:
    if lesson is not None and library.lesson(lesson) is None:
        valid = ", ".join(item.id for item in library.lessons) or "none"
        raise UsageError(f"--lesson: no lesson '{lesson}' (valid: {valid})")


def make_renderer(library: ContentLibrary) -> Renderer:
    """The Markdown renderer; python-markdown is imported here, so only call it when rendering."""
    from serotonin_app.content.render import Renderer

    return Renderer(library.glossary)


def render_cache() -> RenderCache:
    """The bundled lessons, rendered ahead of time (``make cache``), so start-up needs no Markdown."""
    from serotonin_app.content.render_cache import RenderCache

    return RenderCache(bundled_resources())


def use_offscreen() -> None:
    """Run Qt offscreen unless a platform was chosen; an empty ``QT_QPA_PLATFORM`` is no choice."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def language(requested: str | None) -> str:
    """``--lang`` if given, else the system's language if installed, else English (no Qt needed)."""
    return choose_language(requested, None, system_language(dict(os.environ)), ui_languages())


def run_gui(
    roots: Sequence[Path], *, lesson: str | None = None, kiosk: bool = False, lang: str | None = None
) -> int:
    library, problems = _load(roots)
    # For staff and logs; in kiosk mode patients do not see the problem bar.
    for problem in problems:
        print(problem, file=sys.stderr)
    _check_lesson(library, lesson)
    from serotonin_app.ui.app import run_window

    return run_window(
        library,
        problems,
        render_cache(),
        make_renderer,
        first_lesson=lesson,
        kiosk=kiosk,
        lang=language(lang),
    )


def run_self_test(roots: Sequence[Path], *, lesson: str | None = None, lang: str | None = None) -> int:
    """Build the real window offscreen and render every lesson in it.

    ``lesson`` is only checked, as the window would check it: every lesson is rendered anyway.
    A platform set in ``QT_QPA_PLATFORM`` is kept, so the bundle's real plugin can be tested.
    """
    use_offscreen()
    library, problems = _load(roots)
    _check_lesson(library, lesson)
    for problem in problems:
        print(problem, file=sys.stderr)
    from serotonin_app.ui.app import self_test

    failures, passed = self_test(
        library, problems, render_cache(), make_renderer, report=print, lang=language(lang)
    )
    if failures:
        for failure in failures:
            print(f"FAILED {failure}")
        print(f"self-test failed: {len(failures)} of {len(failures) + passed} items")
        return EXIT_FAILED
    print(f"self-test passed: {passed} items")
    return EXIT_OK


def run_export(roots: Sequence[Path], args: argparse.Namespace) -> int:
    """Write handouts to PDF offscreen; unknown ids are usage errors listing the valid ones.

    ``args`` are the parsed ``export`` arguments, already accepted by :func:`check_options`.
    """
    library, problems = _load(roots)
    kind, item_id, output = args.kind, args.id, Path(args.output)
    valid = {
        "lesson": [lesson.id for lesson in library.lessons],
        "checklist": [checklist.id for checklist in library.checklists],
        "quiz": [quiz.id for quiz in library.quizzes],
    }
    if kind != "all":
        if not valid[kind]:
            plural = {"quiz": "quizzes"}.get(kind, f"{kind}s")
            raise UsageError(f"there are no {plural} to export")
        if item_id not in valid[kind]:
            what = f"unknown {kind} '{item_id}'" if item_id else f"export {kind} needs an ID"
            raise UsageError(f"{what} (valid: {', '.join(valid[kind])})")
    # After the usage checks, so a usage error stays the one line on stderr.
    for problem in problems:
        print(problem, file=sys.stderr)
    # Forced, not use_offscreen(): export never shows a window, even in a desktop session
    # that sets QT_QPA_PLATFORM=wayland, and must work over ssh with no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from serotonin_app.export import export_handouts

    try:
        for path, pages in export_handouts(
            library,
            make_renderer(library),
            kind,
            item_id,
            output,
            answer_key=args.answer_key,
            citations=args.citations,
            page_size=args.page_size,
            seed=DEFAULT_SEED if args.seed is None else args.seed,
            lang=language(args.lang),
        ):
            print(f"{path} ({pages} page{'' if pages == 1 else 's'})")
    except OSError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
