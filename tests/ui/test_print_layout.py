"""Page breaks in printed handouts, checked where a reader sees them.

Each PDF is read back with pypdf, collecting every piece of text with its page,
position, size and font. Boxes, questions and headings are found in the
handout's own HTML and looked for on the pages.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from serotonin_app import handouts, page_layout, printing
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.quiz import Kind, QuizSession
from serotonin_app.content.render import Renderer
from serotonin_app.resources import bundled_resources

SIZES = ["A4", "Letter"]
MM = 72 / 25.4
CITATION = re.compile(r"\[S\d{1,3}\]")


class Text(NamedTuple):
    """One run of text as the PDF draws it; ``y`` grows upwards, in points."""

    text: str
    x: float
    y: float
    size: float
    bold: bool


class Page(NamedTuple):
    runs: list[Text]
    height: float

    @property
    def squashed(self) -> str:
        """All text in drawing order with no white space, so line breaks cannot hide a match."""
        return squash("".join(run.text for run in self.runs))

    def body(self) -> list[Text]:
        """Runs between the header and the footer."""
        top = self.height - (page_layout.MARGIN_MM * 0.7 + page_layout.HEADER_MM + 3) * MM
        bottom = (page_layout.MARGIN_MM * 0.6 + page_layout.FOOTER_MM + 3) * MM
        return [run for run in self.runs if bottom < run.y < top and run.text.strip()]

    def lines(self) -> list[list[Text]]:
        """Body runs grouped into lines (a kerned word can be drawn in two runs), top first."""
        found: list[list[Text]] = []
        for run in sorted(self.body(), key=lambda run: (-run.y, run.x)):
            if found and abs(found[-1][0].y - run.y) < 0.5:
                found[-1].append(run)
            else:
                found.append([run])
        return found


def squash(text: str) -> str:
    return "".join(text.split())


def joined(line: list[Text]) -> str:
    return squash("".join(run.text for run in line))


def read_pdf(path: Path) -> list[Page]:
    pages = []
    for pdf_page in PdfReader(str(path)).pages:
        page = Page([], float(pdf_page.mediabox.height))
        pdf_page.extract_text(visitor_text=functools.partial(_collect, page.runs))
        pages.append(page)
    return pages


def _collect(  # noqa: PLR0917 - pypdf passes these positionally
    runs: list[Text], text: str, cm: list[float], tm: list[float], font: Any, size: float
) -> None:
    if not text:
        return
    # The text matrix places the run inside the current transformation; the result is in points.
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    points = size * abs(tm[3] * cm[3])
    bold = font is not None and "Bold" in str(font.get("/BaseFont", ""))
    runs.append(Text(text.replace("\t", " "), x, y, points, bold))


class _Parts(HTMLParser):
    """The text of boxes (``<table class="callout …">``, ``<table class="urgent">``) and of headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.boxes: list[str] = []
        self.headings: list[str] = []
        self._tables: list[bool] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            classes = (dict(attrs).get("class") or "").split()
            self._tables.append("callout" in classes or "urgent" in classes)
            if self._tables[-1]:
                self.boxes.append("")
        elif tag in {"h1", "h2", "h3"}:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._tables.pop()
        elif tag in {"h1", "h2", "h3"} and self._heading is not None:
            self.headings.append(squash("".join(self._heading)))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if any(self._tables):
            self.boxes[-1] += squash(data)
        if self._heading is not None:
            self._heading.append(data)


def parts(handout: handouts.Handout) -> _Parts:
    parser = _Parts()
    parser.feed(handout.html)
    parser.close()
    assert parser.headings
    return parser


def questions(handout: handouts.Handout) -> list[str]:
    """Each question's printed text: from its heading to the next question's."""
    pieces = re.split(r"(?=<h3[ >])", handout.html)[1:]
    return [squash(html.unescape(re.sub(r"<[^>]+>", "", piece))) for piece in pieces]


def pages_holding(pages: list[Page], text: str) -> list[int]:
    return [number for number, page in enumerate(pages, start=1) if text in page.squashed]


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    library, problems = load_library([bundled_resources()])
    assert library.lessons and library.checklists and library.quizzes, problems
    return library


@pytest.fixture(scope="module")
def renderer(library: ContentLibrary) -> Renderer:
    return Renderer(library.glossary)


def every_handout(library: ContentLibrary, renderer: Renderer) -> Iterator[handouts.Handout]:
    for lesson in library.lessons:
        yield handouts.lesson_handout(lesson, renderer)
    for checklist in library.checklists:
        yield handouts.checklist_handout(checklist, renderer, library.settings)
    for quiz in library.quizzes:
        yield handouts.worksheet_handout(quiz, renderer)
        yield handouts.worksheet_handout(quiz, renderer, answer_key=True)
        # "Print my results" twice, with a different mix of right and wrong answers.
        for shown in (False, True):
            session = QuizSession(quiz, seed=1)
            while True:
                question = session.current
                choices = list(session.answer_order() if shown else question.correct)
                session.answer(choices if question.kind is Kind.SEQUENCE else choices[:1])
                if not session.has_next:
                    break
                session.next()
            session.finish()
            yield handouts.results_handout(session, renderer)


def write(handout: handouts.Handout, library: ContentLibrary, folder: Path, size: str) -> list[Page]:
    path = folder / f"{handout.name}-{size}.pdf"
    printing.write_pdf(handout, library.settings, path, size)
    return read_pdf(path)


@pytest.mark.parametrize("size", SIZES)
def test_boxes_are_never_split(
    size: str, library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """Every urgent group and lesson callout has all its text on one page."""
    checked = 0
    boxed = [handouts.lesson_handout(lesson, renderer) for lesson in library.lessons] + [
        handouts.checklist_handout(checklist, renderer, library.settings) for checklist in library.checklists
    ]
    for handout in boxed:
        pages = write(handout, library, tmp_path, size)
        for box in parts(handout).boxes:
            assert len(pages_holding(pages, box)) == 1, (handout.name, size, box[:60])
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("size", SIZES)
def test_a_box_that_ends_a_handout_is_not_alone_on_its_page(
    size: str, library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """The urgent box at the end of a checklist shares its page with the text before it."""
    for checklist in library.checklists:
        handout = handouts.checklist_handout(checklist, renderer, library.settings)
        pages = write(handout, library, tmp_path, size)
        [number] = pages_holding(pages, parts(handout).boxes[-1])
        lines = [joined(line) for line in pages[number - 1].lines()]
        box_top = next(n for n, line in enumerate(lines) if line.startswith("⚠"))
        assert box_top >= 2, (handout.name, size, lines[:3])


@pytest.mark.parametrize("size", SIZES)
def test_no_page_ends_with_a_heading(
    size: str, library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """Lessons, checklists, worksheets, answer keys and results: a heading always has text under it."""
    checked = 0
    for handout in every_handout(library, renderer):
        headings = parts(handout).headings
        pages = write(handout, library, tmp_path, size)
        for number, page in enumerate(pages[:-1], start=1):
            last = page.lines()[-1]
            text = joined(last)
            is_heading = all(run.bold for run in last) and any(text in heading for heading in headings)
            assert not is_heading, (handout.name, size, number, text)
            checked += 1
    assert checked >= 20


def test_a_heading_never_ends_a_page_wherever_it_falls(library: ContentLibrary, tmp_path: Path) -> None:
    """A spacer grows in small steps, pushing a heading past the foot of page 1.

    Every case is met on the way, including the one where Qt itself moves the line
    under the heading to the next page.
    """
    before = "".join(f"<p>Line {n} of a long text.</p>" for n in range(21))
    after = "".join(f"<p>More {n}.</p>" for n in range(10))
    for size in range(4, 48, 2):
        body = (
            f'<h1>Title</h1><p style="font-size: {size}pt">Spacer</p>{before}'
            "<h2>Moving heading</h2><p>The first line under it. The second line under it is here.</p>"
            f"{after}"
        )
        pages = write(handouts.Handout("Sweep", body, f"sweep-{size}"), library, tmp_path, "A4")
        for page in pages[:-1]:
            assert joined(page.lines()[-1]) != "Movingheading", size


@pytest.mark.parametrize("answer_key", [False, True], ids=["worksheet", "answer-key"])
@pytest.mark.parametrize("size", SIZES)
def test_each_question_stays_on_one_page(
    size: str, answer_key: bool, library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """Heading, body, instruction, every answer and (in the key) the explanation, together."""
    checked = 0
    for quiz in library.quizzes:
        handout = handouts.worksheet_handout(quiz, renderer, answer_key=answer_key)
        pages = write(handout, library, tmp_path, size)
        printed = questions(handout)
        assert len(printed) == len(quiz.questions)
        for number, question in enumerate(printed, start=1):
            assert len(pages_holding(pages, question)) == 1, (handout.name, size, number)
            checked += 1
    assert checked >= 25


def test_ordering_blanks_are_one_clean_line_each(
    library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """Each sequence item has its writing blank on its own row, and no stray "_" line under it."""
    checked = 0
    for quiz in library.quizzes:
        sequence = [q for q in quiz.questions if q.kind is Kind.SEQUENCE]
        if not sequence:
            continue
        pages = write(handouts.worksheet_handout(quiz, renderer), library, tmp_path, "A4")
        lines = [line for page in pages for line in page.lines()]
        for line in lines:
            assert joined(line).strip("_"), f"a line of only underscores in {quiz.id}"
        for question in sequence:
            for answer in question.answers:
                # One blank, then the item, on one line: nothing wrapped onto a line of its own.
                assert "____" + squash(answer.text) in [joined(line) for line in lines], (
                    quiz.id,
                    answer.text,
                )
                checked += 1
    assert checked >= 5


def test_lessons_leave_out_citation_marks_and_end_with_a_compact_source_list(
    library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    for lesson in library.lessons:
        assert CITATION.search(lesson.body), lesson.id
        plain = write(handouts.lesson_handout(lesson, renderer), library, tmp_path, "A4")
        text = " ".join(run.text for page in plain for run in page.runs)
        assert not CITATION.search(text), lesson.id
        marked = write(handouts.lesson_handout(lesson, renderer, citations=True), library, tmp_path, "A4")
        assert CITATION.search(" ".join(run.text for page in marked for run in page.runs)), lesson.id
        # The sources are still listed, last, in small type.
        lines = [line for page in plain for line in page.lines()]
        start = next(n for n, line in enumerate(lines) if joined(line) == "Sources")
        sources = [run for line in lines[start + 1 :] for run in line]
        assert sources and all(run.size < 8.5 for run in sources), lesson.id
        assert re.match(r"S\d+", squash(sources[0].text)), lesson.id
        body = [run.size for line in lines[:start] for run in line if not run.bold]
        assert min(body) >= 10.5, lesson.id


@pytest.mark.parametrize("size", SIZES)
def test_the_balancing_lesson_is_much_shorter_on_paper(
    size: str, library: ContentLibrary, renderer: Renderer, tmp_path: Path
) -> None:
    """It was 11 pages, 4.5 of them sources; the marks and the long source list were the bulk.

    The rewritten lesson has two diagrams, so the page count alone says little: what
    matters is that the sources take little paper and the lesson is shorter than before.
    """
    lesson = library.lesson("balancing")
    assert lesson is not None
    pages = write(handouts.lesson_handout(lesson, renderer), library, tmp_path, size)
    assert len(pages) < 11
    sources_start = max(
        i for i, page in enumerate(pages) if any(joined(line) == "Sources" for line in page.lines())
    )
    assert len(pages) - sources_start <= 2, "the source list should take at most about a page"
    # The last page is not empty. (On A4 the rewritten lesson ends with three lines of
    # sources on a page of their own: a known waste of paper, not a split safety box.)
    assert len(pages[-1].lines()) >= 3


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LC_PAPER": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "A4"),
        ({"LC_PAPER": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "Letter"),
        ({"LC_PAPER": "en_CA", "LANG": "en_GB.UTF-8"}, "Letter"),
        ({"LC_ALL": "fr_FR.UTF-8", "LC_PAPER": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "A4"),
        ({"LC_ALL": "es_MX.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "Letter"),
        ({"LANG": "en_US.UTF-8"}, "Letter"),
        ({"LC_PAPER": "C.UTF-8", "LANG": "en_US.UTF-8"}, "A4"),
        ({"LC_PAPER": "", "LANG": "en_PH.UTF-8"}, "Letter"),
    ],
)
def test_lc_paper_decides_the_paper_before_lang(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert printing.default_page_size() == expected


@pytest.mark.parametrize(("system", "expected"), [("en_US", "Letter"), ("de_DE", "A4")])
def test_the_system_locale_decides_when_no_variable_is_set(
    system: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows, where none of LC_ALL, LC_PAPER and LANG is usually set."""
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)

    class Locale:
        @staticmethod
        def system() -> QLocale:
            return QLocale(system)

    monkeypatch.setattr(printing, "QLocale", Locale)
    assert printing.default_page_size() == expected
