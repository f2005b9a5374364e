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
from typing import TYPE_CHECKING

from serotonin_app.cli_args import (
    DEFAULT_SEED,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    build_parser,
    check_options,
    requested_language,
)
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.problems import Problem
from serotonin_app.languages import ENGLISH, choose_language, system_language, ui_languages
from serotonin_app.resources import ENV_VAR, bundled_resources, env_resources

if TYPE_CHECKING:
    from serotonin_app.content.render import Renderer
    from serotonin_app.content.render_cache import RenderCache


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
        if args.command == "check":
            # Checked after loading: a pack may bring a language's content without its interface.
            return run_check(
                roots,
                strict=args.strict,
                as_json=args.json,
                quality=args.quality,
                lang=args.sub_lang or args.lang,
            )
        args.lang = requested_language(getattr(args, "sub_lang", None) or args.lang, roots)
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


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.message))


def run_check(
    roots: Sequence[Path],
    *,
    strict: bool = False,
    as_json: bool = False,
    quality: bool = False,
    lang: str | None = None,
) -> int:
    """Validate content; exit 1 on any error (and on warnings with ``strict``).

    With ``quality`` the psychoeducation rules run too: their findings are warnings
    like any other, and a table scores each lesson after the reading grades. With
    ``lang`` that language's translation is checked too, and a table says how far it is.
    """
    from serotonin_app.content.check import check_library
    from serotonin_app.content.language_check import LanguageReport, check_language
    from serotonin_app.content.quality import QualityReport, check_quality

    library, problems = load_library(roots)
    if lang is not None and lang not in {*library.languages, *ui_languages(roots)}:
        offered = ", ".join(sorted({*library.languages, *ui_languages(roots)}))
        raise UsageError(f"--lang: '{lang}' has no content or interface strings here (languages: {offered})")
    report = check_library(library)
    quality_report: QualityReport | None = check_quality(library) if quality else None
    language_report: LanguageReport | None = None
    if lang is not None:
        language_report = check_language(
            library, lang, check_links=lambda view: check_library(view, make_renderer(view)).problems
        )
    extra = [
        *(quality_report.problems if quality_report else []),
        *(language_report.problems if language_report else []),
    ]
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
        if language_report is not None:
            payload["language"] = language_report.as_json()
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
        if language_report is not None:
            for row in language_report.table():
                print(row)
        print(library.summary())
    return EXIT_FAILED if failed else EXIT_OK


def _load(roots: Sequence[Path]) -> tuple[ContentLibrary, list[Problem]]:
    """Load content for the window, the self-test or export, which start Qt anyway.

    The installed languages' translators come first, so each translated file's
    placeholders are filled in its own language (``check`` stays free of Qt, and
    fills them in English).
    """
    from serotonin_app.i18n import register_content_languages

    register_content_languages(ui_languages(roots), roots)
    library, problems = load_library(roots)
    return library, _sorted(problems)


def _check_lesson(library: ContentLibrary, lesson: str | None) -> None:
    if lesson is not None and library.lesson(lesson) is None:
        valid = ", ".join(item.id for item in library.lessons) or "none"
        raise UsageError(f"--lesson: no lesson '{lesson}' (valid: {valid})")


def make_renderer(library: ContentLibrary) -> Renderer:
    """The Markdown renderer; python-markdown is imported here, so only call it when rendering."""
    from serotonin_app.content.render import Renderer

    return Renderer(library.glossary, language=library.language)


def render_cache() -> RenderCache:
    """The bundled lessons, rendered ahead of time (``make cache``), so start-up needs no Markdown."""
    from serotonin_app.content.render_cache import RenderCache

    return RenderCache(bundled_resources())


def use_offscreen() -> None:
    """Run Qt offscreen unless a platform was chosen; an empty ``QT_QPA_PLATFORM`` is no choice."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def offered_languages(library: ContentLibrary) -> list[str]:
    """The languages a reader may choose: English, then those with interface strings or content."""
    return [ENGLISH, *sorted({*ui_languages(library.roots), *library.languages} - {ENGLISH})]


def language(requested: str | None, library: ContentLibrary) -> str:
    """``--lang`` if given, else the clinic's ``language``, else the system's if offered, else English."""
    return choose_language(
        requested,
        library.settings.language or None,
        system_language(dict(os.environ)),
        offered_languages(library),
    )


def run_gui(
    roots: Sequence[Path], *, lesson: str | None = None, kiosk: bool = False, lang: str | None = None
) -> int:
    library, problems = _load(roots)
    # For staff and logs; in kiosk mode patients do not see the problem bar.
    for problem in problems:
        print(problem, file=sys.stderr)
    _check_lesson(library, lesson)
    from serotonin_app.ui.app import run_window

    ready = None
    if os.environ.get("SEROTONIN_BENCH_T0"):  # `make bench` times this very path (startup_report.py)
        from serotonin_app.startup_report import report_and_quit

        ready = report_and_quit

    return run_window(
        library,
        problems,
        render_cache(),
        make_renderer,
        first_lesson=lesson,
        kiosk=kiosk,
        lang=language(lang, library),
        languages=offered_languages(library),
        ready=ready,
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
        library, problems, render_cache(), make_renderer, report=print, lang=language(lang, library)
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

    lang = language(args.lang, library)
    library = library.in_language(lang)
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
            lang=lang,
        ):
            print(f"{path} ({pages} page{'' if pages == 1 else 's'})")
    except OSError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
