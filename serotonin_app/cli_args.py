"""The command line's arguments and the usage checks that need no content.

A mistake found here is a :class:`UsageError`: one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from serotonin_app import APP_NAME, __version__
from serotonin_app.languages import ui_languages
from serotonin_app.resources import ENV_VAR

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
    _add_lang(check, "sub_lang")
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


def requested_language(code: str | None, roots: Sequence[Path] = ()) -> str | None:
    """``--lang``, checked against the installed languages (ours and the packs') before content is loaded."""
    if code is None:
        return None
    installed = ui_languages(roots)
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
