"""Smoke test for ``make tour``: one scheme and size, a few pages, into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from serotonin_app.content.library import load_library
from tests.conftest import BUNDLED
from tools.tour import Size, run_tour


def _colours(image: QImage, samples: int = 40) -> set[int]:
    """The colours on a grid of points across the image."""
    return {
        image.pixel(image.width() * x // samples, image.height() * y // samples)
        for x in range(samples)
        for y in range(samples)
    }


def test_tour_writes_non_blank_screenshots(tmp_path: Path) -> None:
    library, _problems = load_library([BUNDLED])
    lesson, checklist = library.lessons[0].id, library.checklists[0].id
    lines: list[str] = []

    written = run_tour(
        tmp_path,
        schemes=["light"],
        sizes=[Size.parse("1024x768")],
        pages=[f"lesson-{lesson}", f"checklist-{checklist}", "about"],
        languages=["en"],
        report=lines.append,
    )

    folder = tmp_path / "light-1024x768"
    names = {f"lesson-{lesson}", f"checklist-{checklist}", "about", "about-window"}
    assert sorted(written) == sorted(folder / f"{name}.png" for name in names)
    for path in written:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert len(_colours(image)) > 1, f"{path.name} is a single colour"
    window_shot = QImage(str(folder / f"lesson-{lesson}.png"))
    assert (window_shot.width(), window_shot.height()) == (1024, 768)
    assert lines[0].startswith(f"{folder}: 4 PNGs")
    assert lines[-1].startswith("tour: 4 PNGs in 1 folder ")
    assert not (tmp_path / "pdf").exists()


def test_the_tour_takes_another_language_into_its_own_folder(tmp_path: Path) -> None:
    lines: list[str] = []
    written = run_tour(
        tmp_path,
        schemes=["dark"],
        sizes=[Size.parse("1024x768")],
        pages=["lesson-neurotransmitters"],
        languages=["es"],
        report=lines.append,
    )
    assert written == [tmp_path / "es" / "dark-1024x768" / "lesson-neurotransmitters.png"]
    assert len(_colours(QImage(str(written[0])))) > 1
