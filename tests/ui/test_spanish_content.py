"""Spanish content as a patient gets it: every placeholder in Spanish, on screen and on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from serotonin_app.cli import main
from serotonin_app.i18n import install_language
from serotonin_app.languages import ENGLISH


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture(autouse=True)
def _back_to_english() -> object:
    yield
    install_language(ENGLISH)


def test_a_spanish_lesson_handout_has_no_english_safety_text(tmp_path: Path) -> None:
    out = tmp_path / "balancing-es.pdf"
    assert main(["export", "lesson", "balancing", "-o", str(out), "--lang", "es"]) == 0
    text = _pdf_text(out)
    assert "Qué ayuda con el ánimo bajo" in text
    # The placeholders of a Spanish file are filled in Spanish, whatever was loaded first.
    for english in ("your local emergency number", "your prescriber", "your clinic", "ask your clinic"):
        assert english not in text
    assert "número de emergencias de su zona" in text
    assert "Página 1 de" in text


def test_an_english_handout_has_no_spanish_safety_text(tmp_path: Path) -> None:
    out = tmp_path / "balancing-en.pdf"
    assert main(["export", "lesson", "balancing", "-o", str(out), "--lang", "en"]) == 0
    text = _pdf_text(out)
    assert "your local emergency number" in text
    assert "número" not in text and "Página" not in text


def test_words_the_renderer_adds_are_in_the_language_of_the_text() -> None:
    from serotonin_app.content.render import Renderer

    install_language("es")  # the window speaks Spanish
    text = "!!! danger\n\n    Call now.\n\n![a brain](https://example.org/x.png)\n"
    spanish = Renderer(language="es").markdown(text).html
    english = Renderer(language="es").markdown(text, language="en").html
    assert "Pida ayuda ahora" in spanish and "Get help now" not in spanish
    # An English page shown in a Spanish window keeps English words around its English text.
    assert "Get help now" in english and "[Image: a brain]" in english


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_lesson_handout_prints_to_its_last_source(tmp_path: Path, language: str) -> None:
    """Qt lays out the rest of a document lazily after a format change; a PDF must still hold it all."""
    from serotonin_app.content.library import load_library
    from tests.conftest import BUNDLED

    assert main(["export", "all", "-o", str(tmp_path), "--lang", language]) == 0
    library = load_library([BUNDLED])[0].in_language(language)
    for lesson in library.lessons:
        text = _pdf_text(tmp_path / f"lesson-{lesson.id}.pdf")
        last = lesson.listed_sources[-1]
        assert f"{last.key} " in text, (language, lesson.id, last.key)


def test_the_spanish_footer_dates_and_numbers_each_page_on_one_line(tmp_path: Path) -> None:
    """ "Impreso el 24 de noviembre de 2026" on one line (the weekday made it wrap), "Página 2 de 9"."""
    import datetime as dt

    from PySide6.QtCore import QLocale

    from tests.ui.test_print_layout import read_pdf

    pdf = tmp_path / "es.pdf"
    assert main(["export", "lesson", "neurotransmitters", "--lang", "es", "-o", str(pdf)]) == 0
    today = dt.date.today()
    month = QLocale("es").monthName(today.month)
    pages = read_pdf(pdf)
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        lines = [run.text.replace("\xa0", " ") for run in page.runs]
        assert f"Impreso el {today.day} de {month} de {today.year}" in lines, (number, lines[-6:])
        assert f"Página {number} de {len(pages)}" in lines
