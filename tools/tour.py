"""Screenshots of every page of the app, in every colour scheme and size (``make tour``).

    python tools/tour.py [--out DIR] [--scheme S ...] [--size WxH[-zoomN] ...]
                         [--page NAME ...] [--resources DIR ...]

It writes ``<out>/<scheme>-<size>/<page>.png`` for a person to look through,
and every page of every handout that ``export all`` writes as
``<out>/pdf/<pdf name>-<n>.png`` (this part needs ``pdftoppm`` from
poppler-utils and is skipped without it).

``--page`` takes page names (the file names without ``.png``) or shell
patterns such as ``'quiz-*'``; a bare kind such as ``quiz``, ``lesson`` or
``checklist`` means all of its pages, and ``pdf`` means the handouts. Every
option takes one or more values and can be repeated; without it, everything.

The tour runs offscreen in one QApplication, with one window per scheme and
size. The scheme is set with ``MainWindow.set_scheme``; the system's light or
dark scheme is made to match as well (see :func:`system_scheme`), which is all
that older windows without ``set_scheme`` follow. It opens no network
connection and writes nothing outside ``--out`` and a temporary folder: windows
get private preferences there. Content comes from the bundled folder and the
``--resources`` folders only (the app's environment variable is ignored);
quizzes use a fixed seed and checklists fixed ticks.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import count
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from serotonin_app.cli import make_renderer, render_cache
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.navigation import Place
from serotonin_app.content.problems import Problem
from serotonin_app.content.quiz import Kind, Mode
from serotonin_app.i18n import install_language, register_content_languages
from serotonin_app.languages import ENGLISH, ui_languages
from serotonin_app.qt_app import application
from serotonin_app.resources import ENV_VAR, bundled_resources
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.quiz_view import QuizzesPage

SCHEMES = ("light", "dark", "high-contrast")
#: English, the shipped translation, and the right-to-left test pack's language.
LANGUAGES = ("en", "es", "ar")
ARABIC_PACK = Path(__file__).resolve().parent.parent / "tests" / "packs" / "arabic"
SIZES = ("1280x860", "1024x768", "1024x768-zoom200")
#: The answer order of every quiz: the same as ``export --seed 1``.
SEED = 1
#: ``MainWindow.set_zoom(step)`` scales the font by ``1 + ZOOM_STEP * step``.
ZOOM_STEP = 0.1
SEARCH_TEXT = "craving"
FIND_TEXT = "serotonin"
#: Two files that cannot load, so a window shows its "content files were skipped" bar.
BROKEN_PACK = {
    "lessons/broken-lesson.md": "---\nid: [not closed\ntitle: Broken\n---\n\n## A section\n\nText.\n",
    "checklists/broken-checklist.md": "---\ntitle: A checklist with no items\n---\n\nNothing to tick.\n",
}
PDF_HINT = "apt-get install poppler-utils"

Shot = tuple[str, QImage]


class TourError(Exception):
    """Something the developer must fix: a bad option or a failed export."""


@dataclass(frozen=True)
class Size:
    """A window size, optionally with the window's zoom in percent (``1024x768-zoom200``)."""

    width: int
    height: int
    #: 0: the window's own default zoom (the clinic's, or the app's).
    zoom_percent: int = 0

    @classmethod
    def parse(cls, text: str) -> Size:
        match = re.fullmatch(r"(\d+)x(\d+)(?:-zoom(\d+))?", text.strip())
        if match is None:
            raise ValueError(f"not WIDTHxHEIGHT or WIDTHxHEIGHT-zoomPERCENT: {text!r}")
        width, height, zoom = match.groups()
        return cls(int(width), int(height), int(zoom) if zoom else 0)

    @property
    def name(self) -> str:
        zoom = f"-zoom{self.zoom_percent}" if self.zoom_percent else ""
        return f"{self.width}x{self.height}{zoom}"

    @property
    def zoom_step(self) -> int | None:
        """The ``MainWindow.set_zoom`` step, or None for the window's default."""
        if not self.zoom_percent:
            return None
        return round((self.zoom_percent / 100 - 1) / ZOOM_STEP)


def _size_option(text: str) -> Size:
    try:
        return Size.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def matches(name: str, patterns: Sequence[str]) -> bool:
    """No patterns means every page; ``quiz`` means every ``quiz-…`` page."""
    return not patterns or any(
        fnmatch.fnmatchcase(name, pattern) or name.startswith(f"{pattern}-") for pattern in patterns
    )


def settle(rounds: int = 3) -> None:
    """Let layouts, zero-delay timers and ``deleteLater`` run, as an event loop would."""
    for _ in range(rounds):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


@contextmanager
def system_scheme() -> Iterator[Callable[[str], None]]:
    """Yield a function that makes the system's colour scheme light or dark; restored afterwards.

    ``QStyleHints.setColorScheme`` is used where the platform honours it. Qt's
    offscreen platform ignores it, so there the answer of ``colorScheme()`` is
    replaced on the style hints object, which the app asks. That object's
    Python wrapper must stay alive for this to hold, so it is kept here.
    """
    hints = QGuiApplication.styleHints()
    stand_in = vars(hints)
    app_palette = QApplication.palette()  # the window sets the application's palette

    def use(scheme: str) -> None:
        wanted = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
        stand_in.pop("colorScheme", None)
        hints.setColorScheme(wanted)
        QApplication.processEvents()
        if hints.colorScheme() != wanted:
            stand_in["colorScheme"] = lambda: wanted

    try:
        yield use
    finally:
        stand_in.pop("colorScheme", None)
        hints.setColorScheme(Qt.ColorScheme.Unknown)
        QApplication.setPalette(app_palette)


class Screens:
    """One window in one scheme and size; every page leaves it ready for the next."""

    _numbers = count()

    def __init__(
        self,
        library: ContentLibrary,
        problems: Sequence[Problem],
        scheme: str,
        size: Size,
        scratch: Path,
    ) -> None:
        self.library = library
        preferences = QSettings(
            str(scratch / f"preferences-{next(self._numbers)}.ini"), QSettings.Format.IniFormat
        )
        self.window = MainWindow(
            library,
            LessonRendering(library, render_cache(), make_renderer),
            problems,
            preferences=preferences,
        )
        set_scheme = getattr(self.window, "set_scheme", None)
        if callable(set_scheme):  # the window's own switch, where it has one
            set_scheme(scheme)
        else:  # older windows: the system's scheme (see system_scheme) and View → High contrast
            if self.window.contrast_action.isChecked() != (scheme == "high-contrast"):
                self.window.contrast_action.trigger()
            self.window.view_settings.apply_scheme()
        if size.zoom_step is not None:
            self.window.view_settings.set_zoom(size.zoom_step, save=False)
        self.size = size
        self.window.resize(size.width, size.height)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        settle()

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        settle()

    # -- helpers ---------------------------------------------------------------

    def grown(self) -> str:
        """The window's size if it had to grow past the size asked for (its minimum size), else ""."""
        now = self.window.size()
        if now.width() > self.size.width or now.height() > self.size.height:
            return f"{now.width()}x{now.height()}"
        return ""

    def grab(self, widget: QWidget | None = None) -> QImage:
        settle()
        return (widget or self.window).grab().toImage()

    def over_window(self, dialog: QWidget) -> QImage:
        """The dialog drawn in the middle of the window, with a thin frame (offscreen has no title bars)."""
        image = self.grab()
        shot = dialog.grab().toImage()
        x = max(0, (image.width() - shot.width()) // 2)
        y = max(0, (image.height() - shot.height()) // 2)
        painter = QPainter(image)
        painter.drawImage(x, y, shot)
        painter.setPen(QColor("#808080"))
        painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
        painter.end()
        return image

    def open(self, location: Place) -> None:
        if not self.window.navigator.open(location):
            raise TourError(f"the window cannot open {location}")
        settle()

    def open_first_lesson(self) -> None:
        if self.library.lessons:
            self.open(Place("lesson", self.library.lessons[0].id))

    def quizzes(self, quiz_id: str) -> QuizzesPage:
        self.open(Place("quiz", quiz_id))
        page = self.window.content_tabs.quizzes_page
        assert page is not None
        return page

    @staticmethod
    def choose(page: QuizzesPage, *, right: bool) -> None:
        """Choose answers with the quiz's own keys (1–9, Alt+Up): right, or wrong on purpose."""
        session = page.session
        assert session is not None
        question = session.current
        correct = question.correct
        if question.kind is Kind.SEQUENCE:
            if right:
                for target, index in enumerate(correct):
                    row = page.chosen().index(index)
                    page.pick(row + 1)
                    for _ in range(row - target):
                        page.move_item(-1)
            elif tuple(page.chosen()) == correct:
                page.pick(1)
                page.move_item(1)
            return
        order = session.answer_order()
        wrong = [index for index in order if index not in correct]
        if right:
            targets = list(correct) if question.kind is Kind.MULTIPLE else list(correct[:1])
        else:
            targets = wrong[:1] + (list(correct[:1]) if question.kind is Kind.MULTIPLE else [])
        for index in targets or order[:1]:
            page.pick(order.index(index) + 1)

    def practice_question(self, quiz_id: str) -> QuizzesPage:
        page = self.quizzes(quiz_id)
        page.start(Mode.PRACTICE, seed=SEED)
        settle()
        self.choose(page, right=False)
        return page

    def tick(self, checklist_id: str) -> None:
        """Open a checklist and tick the same items every time: every third, from the first."""
        self.open(Place("checklist", checklist_id))
        page = self.window.content_tabs.checklists_page
        assert page is not None
        for (_group, item), box in page.boxes.items():
            box.setChecked(item % 3 == 0)
        settle()

    def dialog(self, name: str, show: Callable[[], object]) -> list[Shot]:
        """Open a dialog the way a person would; shoot it alone and over the window; close it."""
        before = set(_open_dialogs())
        show()
        settle()
        opened = [dialog for dialog in _open_dialogs() if dialog not in before]
        if not opened:
            raise TourError(f"no dialog opened for {name}")
        dialog = opened[-1]
        shots = [(name, self.grab(dialog)), (f"{name}-window", self.over_window(dialog))]
        dialog.close()
        settle()
        return shots

    # -- pages -------------------------------------------------------------------

    def lesson(self, lesson_id: str) -> list[Shot]:
        self.open(Place("lesson", lesson_id))
        return [(f"lesson-{lesson_id}", self.grab())]

    def quiz_question(self, quiz_id: str) -> list[Shot]:
        self.practice_question(quiz_id)
        return [(f"quiz-{quiz_id}-question", self.grab())]

    def quiz_feedback(self, quiz_id: str) -> list[Shot]:
        self.practice_question(quiz_id).submit()
        return [(f"quiz-{quiz_id}-feedback", self.grab())]

    def quiz_results(self, quiz_id: str) -> list[Shot]:
        """A test with every other answer wrong, so the review shows both."""
        page = self.quizzes(quiz_id)
        page.start(Mode.TEST, seed=SEED)
        settle()
        session = page.session
        assert session is not None
        for number in range(session.total):
            self.choose(page, right=number % 2 == 0)
            page.submit()  # in a test, this saves the answer and goes on; after the last, the results
            settle()
        if page.session is None or not page.session.finished:
            raise TourError(f"quiz {quiz_id}: the results page did not open")
        return [(f"quiz-{quiz_id}-results", self.grab())]

    def checklist(self, checklist_id: str) -> list[Shot]:
        self.tick(checklist_id)
        return [(f"checklist-{checklist_id}", self.grab())]

    def glossary(self) -> list[Shot]:
        self.open(Place("glossary", ""))
        return [("glossary", self.grab())]

    def search(self) -> list[Shot]:
        self.open_first_lesson()
        self.window.focus_search()
        QTest.keyClicks(self.window.search_panel.box, SEARCH_TEXT)
        shot = self.grab()
        self.window.search_panel.clear()
        settle()
        return [("search", shot)]

    def find(self) -> list[Shot]:
        self.open_first_lesson()
        self.window.open_find()
        QTest.keyClicks(self.window.find_bar.box, FIND_TEXT)
        shot = self.grab()
        self.window.find_bar.close_bar()
        settle()
        return [("find", shot)]

    def about(self) -> list[Shot]:
        return self.dialog("about", self.window.about_action.trigger)

    def shortcuts(self) -> list[Shot]:
        return self.dialog("shortcuts", self.window.shortcuts_action.trigger)

    def print_preview(self) -> list[Shot]:
        """The print preview of the first checklist, with its ticks."""
        self.tick(self.library.checklists[0].id)
        return self.dialog("print-preview", self.window.preview_action.trigger)

    def problem_bar(self) -> list[Shot]:
        """Call on a window built with a broken pack: the bar, then its Details dialog."""
        bar = self.window.problem_bar
        if not bar.isVisible():
            raise TourError("the problem bar did not show for the broken pack")
        shots = [("problem-bar", self.grab())]
        return shots + self.dialog("problem-bar-details", bar.details_button.click)


def _open_dialogs() -> list[QDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog) and widget.isVisible()
    ]


@dataclass(frozen=True)
class Page:
    name: str
    take: Callable[[Screens], list[Shot]]
    #: Needs the window that was started with a broken pack.
    broken: bool = False


def tour_pages(library: ContentLibrary) -> list[Page]:
    """Every page the tour can show for this content, in the order they are taken."""
    pages = [
        Page(f"lesson-{lesson.id}", partial(Screens.lesson, lesson_id=lesson.id))
        for lesson in library.lessons
    ]
    for quiz in library.quizzes:
        pages += [
            Page(f"quiz-{quiz.id}-question", partial(Screens.quiz_question, quiz_id=quiz.id)),
            Page(f"quiz-{quiz.id}-feedback", partial(Screens.quiz_feedback, quiz_id=quiz.id)),
            Page(f"quiz-{quiz.id}-results", partial(Screens.quiz_results, quiz_id=quiz.id)),
        ]
    pages += [
        Page(f"checklist-{item.id}", partial(Screens.checklist, checklist_id=item.id))
        for item in library.checklists
    ]
    if library.glossary.terms:
        pages.append(Page("glossary", Screens.glossary))
    pages += [Page("search", Screens.search), Page("find", Screens.find)]
    pages += [Page("about", Screens.about), Page("shortcuts", Screens.shortcuts)]
    if library.checklists:
        pages.append(Page("print-preview", Screens.print_preview))
    pages.append(Page("problem-bar", Screens.problem_bar, broken=True))
    return pages


def _write(folder: Path, shots: list[Shot]) -> list[Path]:
    written = []
    for name, image in shots:
        path = folder / f"{name}.png"
        if not image.save(str(path)):
            raise TourError(f"could not write {path}")
        written.append(path)
    return written


# -- PDF handouts --------------------------------------------------------------


def _start_export(roots: Sequence[Path], scratch: Path, language: str) -> subprocess.Popen[str]:
    """The app's own ``export all``, in a second process while the screenshots are taken."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(scratch / "config"))
    env.pop(ENV_VAR, None)
    command = [
        *(sys.executable, "-m", "serotonin_app", "export", "all", "-o", str(scratch / "pdf")),
        *("--lang", language),
    ]
    for root in roots[1:]:
        command += ["--resources", str(root)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _pdf_pages(export: subprocess.Popen[str], pdftoppm: str, scratch: Path, folder: Path) -> list[Path]:
    """Wait for the export, then turn every PDF page into ``<pdf name>-<n>.png``."""
    _out, errors = export.communicate(timeout=600)
    if export.returncode != 0:
        raise TourError(f"export all failed (exit {export.returncode}):\n{errors.strip()}")
    pngs = scratch / "pdf-png"
    pngs.mkdir()
    for pdf in sorted((scratch / "pdf").glob("*.pdf")):
        subprocess.run(
            [pdftoppm, "-r", "60", "-png", str(pdf), str(pngs / pdf.stem)], check=True, capture_output=True
        )
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.png"):
        stale.unlink()
    written = []
    for png in sorted(pngs.glob("*.png")):
        match = re.fullmatch(r"(.+)-0*(\d+)\.png", png.name)
        target = folder / (f"{match[1]}-{match[2]}.png" if match else png.name)
        shutil.move(png, target)
        written.append(target)
    return written


# -- the tour ------------------------------------------------------------------


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


def _broken_library(
    roots: Sequence[Path], scratch: Path, language: str
) -> tuple[ContentLibrary, list[Problem]]:
    pack = scratch / "broken-pack"
    for relative, text in BROKEN_PACK.items():
        (pack / relative).parent.mkdir(parents=True, exist_ok=True)
        (pack / relative).write_text(text, encoding="utf-8")
    library, problems = load_library([*roots, pack])
    return library.in_language(language), problems


def _one_folder(
    folder: Path,
    chosen: Sequence[Page],
    windows: Sequence[tuple[Callable[[], Screens], bool]],
) -> tuple[list[Path], list[str]]:
    """Take the chosen pages in each window: (make the window, for the broken-pack pages?).

    Returns the files and notes for the developer, such as a window that could not be as small as asked.
    """
    written: list[Path] = []
    notes: list[str] = []
    for make, broken in windows:
        pages = [page for page in chosen if page.broken == broken]
        if not pages:
            continue
        screens = make()
        grown = ""
        try:
            for page in pages:
                written += _write(folder, page.take(screens))
                if not grown and screens.grown():
                    grown = screens.grown()
                    notes.append(f"the window grew to its minimum size {grown} on {page.name}")
        finally:
            screens.close()
    return written, notes


def run_tour(
    out: Path,
    *,
    schemes: Sequence[str] = (),
    sizes: Sequence[Size] = (),
    pages: Sequence[str] = (),
    resources: Sequence[Path] = (),
    languages: Sequence[str] = (),
    report: Callable[[str], None] = print,
) -> list[Path]:
    """Write the screenshots (and PDF pages) in each language; return the PNG files written.

    English goes straight under ``out``, another language under ``out/<code>``; the
    Arabic test pack (right to left) is added for ``ar``. Empty ``languages`` means
    English, Spanish and, when its test pack is there, Arabic.
    """
    languages = languages or [code for code in LANGUAGES if code != "ar" or ARABIC_PACK.is_dir()]
    written: list[Path] = []
    for language in languages:
        extra = [*resources, ARABIC_PACK] if language == "ar" and ARABIC_PACK.is_dir() else resources
        written += _run_language(
            out if language == ENGLISH else out / language,
            language,
            schemes=schemes,
            sizes=sizes,
            pages=pages,
            resources=extra,
            report=report,
        )
    install_language(ENGLISH)
    return written


def _run_language(
    out: Path,
    language: str,
    *,
    schemes: Sequence[str] = (),
    sizes: Sequence[Size] = (),
    pages: Sequence[str] = (),
    resources: Sequence[Path] = (),
    report: Callable[[str], None] = print,
) -> list[Path]:
    """Write the screenshots (and PDF pages) in one language; return the PNG files written.

    Empty ``schemes`` or ``sizes`` mean all of them; empty ``pages`` means every page and the PDFs.
    """
    started = time.monotonic()
    schemes = schemes or SCHEMES
    sizes = sizes or [Size.parse(size) for size in SIZES]
    unknown = sorted(set(schemes) - set(SCHEMES))
    if unknown:
        raise TourError(f"unknown scheme {', '.join(unknown)} (valid: {', '.join(SCHEMES)})")
    roots = [bundled_resources(), *resources]
    register_content_languages(ui_languages(roots), roots)  # as the app does before loading
    english, problems = load_library(roots)
    library = english.in_language(language)
    every_page = tour_pages(library)
    names = [page.name for page in every_page]
    unmatched = [p for p in pages if p != "pdf" and not any(matches(name, [p]) for name in names)]
    if unmatched:
        raise TourError(f"no page matches {', '.join(unmatched)} (pages: {', '.join(names)}, pdf)")
    chosen = [page for page in every_page if matches(page.name, pages)]
    with_pdf = matches("pdf", pages)
    pdftoppm = shutil.which("pdftoppm") if with_pdf else None
    application()
    install_language(language, roots)
    written: list[Path] = []
    folders = 0
    with tempfile.TemporaryDirectory(prefix="serotonin-tour-") as scratch_name:
        scratch = Path(scratch_name)
        export = _start_export(roots, scratch, language) if pdftoppm else None
        try:
            wants_broken = any(page.broken for page in chosen)
            broken = _broken_library(roots, scratch, language) if wants_broken else None
            with system_scheme() as use_scheme:
                for scheme in schemes if chosen else ():
                    use_scheme(scheme)
                    for size in sizes:
                        begun = time.monotonic()
                        folder = out / f"{scheme}-{size.name}"
                        folder.mkdir(parents=True, exist_ok=True)
                        if not pages:  # a full run leaves no page from an older run behind
                            for stale in folder.glob("*.png"):
                                stale.unlink()
                        windows = [
                            (partial(Screens, library, problems, scheme, size, scratch), False),
                            *([(partial(Screens, *broken, scheme, size, scratch), True)] if broken else []),
                        ]
                        here, notes = _one_folder(folder, chosen, windows)
                        took = time.monotonic() - begun
                        report("; ".join([f"{folder}: {_count(len(here), 'PNG')} ({took:.1f} s)", *notes]))
                        written += here
                        folders += 1
            if with_pdf and pdftoppm is None:
                report(f"skipped {out / 'pdf'}: pdftoppm is missing ({PDF_HINT})")
            elif export is not None and pdftoppm is not None:
                begun = time.monotonic()
                here = _pdf_pages(export, pdftoppm, scratch, out / "pdf")
                waited = time.monotonic() - begun
                report(f"{out / 'pdf'}: {_count(len(here), 'PNG')} ({waited:.1f} s after the screenshots)")
                written += here
                folders += 1
        finally:
            if export is not None and export.poll() is None:
                export.kill()
                export.communicate()
    elapsed = time.monotonic() - started
    report(f"tour: {_count(len(written), 'PNG')} in {_count(folders, 'folder')} under {out}, {elapsed:.0f} s")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/tour.py",
        description="Screenshots of every page of Serotonin Lessons in every scheme and size.",
    )
    parser.add_argument("--out", type=Path, default=Path("tour"), metavar="DIR", help="default: tour")
    parser.add_argument(
        "--scheme", dest="schemes", action="extend", nargs="+", choices=SCHEMES, metavar="S",
        help=f"one or more of {', '.join(SCHEMES)} (default: all)",
    )  # fmt: skip
    parser.add_argument(
        "--size", dest="sizes", action="extend", nargs="+", type=_size_option, metavar="WxH[-zoomN]",
        help=f"window size, optionally with the zoom in percent (default: {' '.join(SIZES)})",
    )  # fmt: skip
    parser.add_argument(
        "--page", dest="pages", action="extend", nargs="+", default=[], metavar="NAME",
        help="page names or patterns, a kind such as 'quiz', or 'pdf' (default: all)",
    )  # fmt: skip
    parser.add_argument(
        "--resources", action="extend", nargs="+", type=Path, default=[], metavar="DIR",
        help="extra content folders, as for the app",
    )  # fmt: skip
    parser.add_argument(
        "--lang", dest="languages", action="extend", nargs="+", default=[], metavar="CODE",
        help="languages to take (default: en, es, and ar from tests/packs/arabic when present)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for folder in args.resources:
        if not folder.is_dir():
            parser.error(f"--resources: not a folder: {folder}")
    # Before the QApplication exists: never a real window, never the user's settings.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="serotonin-tour-settings-") as settings:
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, settings)
        try:
            run_tour(
                args.out,
                schemes=args.schemes or (),
                sizes=args.sizes or (),
                pages=args.pages,
                resources=args.resources,
                languages=args.languages,
            )
        except TourError as exc:
            print(f"tour: error: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
