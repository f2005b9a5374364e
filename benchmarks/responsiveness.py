"""Rendering and typing at the content limits (``python benchmarks/responsiveness.py``).

Measures, on the code in this checkout:

- rendering each shipped lesson live (no start-up cache), and a realistic 1 MB lesson;
- hostile Markdown that makes python-markdown super-linear or recurse: how long until the
  renderer gives up (or answers), each in a new process with a hard timeout;
- the Glossary tab with 2,000 terms and long definitions (1 MB): first show, each keystroke,
  opening a term from a link;
- the search box over 50 lessons of about 1 MB each: the first keystroke (which builds the
  index) and each one after it.

Nothing is asserted; targets are printed beside the figures. Run on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Kept under the loader's 1 MB limit per file, with lines well under 10,000 characters.
LESSON_BYTES = 950_000
GLOSSARY_TERMS = 2_000
#: Words in each definition: about 440 characters, so 2,000 terms stay under 1 MB.
DEFINITION_WORDS = 58


def _lines(unit: str, count: int, width: int = 9_000) -> str:
    """``count`` characters of ``unit`` repeated, in lines of ``width`` (within the loader's line limit)."""
    text = unit * (count // len(unit))
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


HOSTILE: dict[str, str] = {
    # From the issue, as one line (the loader refuses lines over 10,000 characters; the renderer too).
    "50,000 [ on one line": "[" * 50_000,
    "10,000-deep list": "".join("  " * i + "- x\n" for i in range(10_000)),
    # The same kinds within the line limit: lines of 9,000 characters, one paragraph.
    "50,000 [": _lines("[", 50_000),
    "40,000 [a": _lines("[a", 40_000),
    "40,000 ![": _lines("![", 40_000),
    "20,000 [ then 20,000 ]": _lines("[", 20_000) + "\n" + _lines("]", 20_000),
    "20,000 [a](": _lines("[a](", 80_000),
    "20,000 *": _lines("*", 20_000),
    "4,000 * + a + 4,000 *": "*" * 4_000 + "a" + "*" * 4_000,
    "4,000 _ + a + 4,000 _": "_" * 4_000 + "a" + "_" * 4_000,
    "50,000 `": _lines("`", 50_000),
    "20,000 \\``": _lines("\\``", 60_000),
    "50,000 <": _lines("<", 50_000),
    "20,000 '<a '": _lines("<a ", 60_000),
    "20,000 '<http://'": _lines("<http://", 160_000),
    "5,000 '<![CDATA['": _lines("<![CDATA[", 45_000),
    "'- ' x 5,000 on one line": "- " * 4_999 + "x",
    "'1. ' x 3,000 on one line": "1. " * 3_000 + "x",
    "'> ' x 4,000 on one line": "> " * 4_000 + "x",
    "5,000 lines '>'*i": "".join(">" * i + " x\n" for i in range(1, 5_000)),
    "250,000 line breaks in one paragraph": "a  \n" * 250_000,
    "100,000 *a* in one paragraph": _lines("*a* ", 400_000),
    # Found while measuring; no measure before rendering catches these: the time limit does.
    "20,000 headings without blank lines": "".join(f"## A {i}\n" for i in range(20_000)),
    "3,000 '{: ' on a heading, 100 times": ("# a " + "{: " * 3_000 + "\n\n") * 100,
    "1,000 definitions without blank lines": "a\n: b\n" * 1_000,
    "300,000 paragraphs": "a\n\n" * 300_000,
    "20 callouts inside each other": "".join("    " * i + "!!! note\n" for i in range(21)) + "x\n",
    "20 HTML tables inside each other": "<table><tr><td>" * 20 + "x" + "</td></tr></table>" * 20,
    "100,000 <div> inside each other, one paragraph": "<div>\n" * 100_000,
    "100,000 <div> inside each other, 100,000 blocks": "<div>\n\n" * 100_000,
}


VOCABULARY = re.findall(
    r"\w+",
    "serotonin dopamine receptor reuptake synapse craving mood sleep appetite brain gut neuron "
    "signal reward habit stress relapse recovery medicine dose tolerance withdrawal calm focus "
    "energy anxiety support clinic nurse family exercise sunlight routine",
)


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


def big_lesson(number: int, target: int = LESSON_BYTES) -> str:
    """A realistic lesson of about ``target`` bytes: sections of paragraphs, lists and links.

    It has 190 sections, under the loader's limit of 200 headings.
    """
    rng = random.Random(number)
    front = (
        f"---\nid: big-{number:02}\ntitle: Big lesson {number}\norder: {100 + number}\nsummary: Big.\n---\n\n"
    )
    parts = [front, "Intro.\n\n"]
    per_section = target // 190 - 800  # a block of about 700 bytes may go over
    for part in range(190):
        parts.append(f"## Part {part} {words(rng, 2)}\n\n")
        section = 0
        while section < per_section:
            block = (
                f"{words(rng, 60).capitalize()}. See [the glossary](glossary:synapse). [S1]\n\n"
                f"- {words(rng, 8)}\n- **{words(rng, 3)}** {words(rng, 8)}\n- *{words(rng, 2)}*\n\n"
                f"{words(rng, 40).capitalize()}.\n\n"
            )
            parts.append(block)
            section += len(block.encode("utf-8"))
    parts.append("## Sources\n\n- **S1** A source.\n")
    return "".join(parts)


def big_glossary(terms: int = GLOSSARY_TERMS) -> str:
    """Terms named like medical words (made-up ones, and the vocabulary the lessons use), long definitions."""
    rng = random.Random(7)
    syllables = re.findall(r"\w+", "ser to nin do pa mine re cep tor syn ap se neu ro gly cor ti sol my el")
    names = list(dict.fromkeys(VOCABULARY))
    while len(names) < terms:
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.3:
            name += " " + "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
        if name not in names:
            names.append(name)
    entries = [f"{name.capitalize()}\n:   {words(rng, DEFINITION_WORDS)}\n" for name in names[:terms]]
    return "---\ntitle: Glossary\n---\n\n" + "\n".join(entries)


def timed(function: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``function`` over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, value: str, target: str = "") -> None:
    print(f"{name:<52} {value:>16}  {target}", flush=True)


def shipped_lessons() -> None:
    from serotonin_app.content.lesson import Lesson
    from serotonin_app.content.library import load_library
    from serotonin_app.content.render import Renderer
    from serotonin_app.resources import bundled_resources

    library, _ = load_library([bundled_resources()])
    Renderer(library.glossary).lesson(library.lessons[0])  # imports and first-use costs
    total = 0.0
    for lesson in library.lessons:
        # A new renderer each time: the renderer remembers what it rendered.
        renderers = iter([Renderer(library.glossary) for _ in range(21)])

        def render(lesson: Lesson = lesson, renderers: Iterator[Renderer] = renderers) -> None:
            next(renderers).lesson(lesson)

        seconds = timed(render, 21)
        total += seconds
        row(f"render shipped lesson {lesson.id} ({len(lesson.body):,} chars)", f"{seconds * 1000:.1f} ms")
    row("  all shipped lessons", f"{total * 1000:.1f} ms", "no slower than before")


def big_lesson_shown(scratch: Path) -> None:
    """A realistic lesson near the 1 MB limit: rendering it, then showing it in a lesson tab."""
    from PySide6.QtWidgets import QApplication

    from serotonin_app.content.library import load_library
    from serotonin_app.content.render import Renderer
    from serotonin_app.resources import bundled_resources
    from serotonin_app.ui.lesson_view import LessonPage

    app = QApplication.instance() or QApplication([])
    (scratch / "lessons").mkdir()
    (scratch / "lessons" / "big-00.md").write_text(big_lesson(0), encoding="utf-8")
    library, problems = load_library([bundled_resources(), scratch])
    lesson = library.lesson("big-00")
    if lesson is None:
        raise SystemExit(f"the generated lesson did not load: {problems[:3]}")
    start = time.perf_counter()
    html = Renderer(library.glossary).lesson(lesson).html
    rendered = time.perf_counter() - start
    row(f"render a realistic lesson of {len(lesson.body.encode()):,} bytes", f"{rendered:.2f} s")
    page = LessonPage(lesson, library.roots)
    page.resize(1000, 700)
    page.show()
    app.processEvents()
    start = time.perf_counter()
    page.show_rendered(html)
    app.processEvents()
    row("  then show it in a lesson tab", f"{time.perf_counter() - start:.2f} s")
    page.close()
    (scratch / "glossary.md").write_text(big_glossary(), encoding="utf-8")
    library, _ = load_library([scratch])
    lesson = library.lesson("big-00")
    assert lesson is not None
    start = time.perf_counter()
    Renderer(library.glossary).lesson(lesson)
    row(f"  render it with a glossary of {len(library.glossary.terms):,} terms",
        f"{time.perf_counter() - start:.2f} s")  # fmt: skip


HOSTILE_CHILD = """
import sys, time
from serotonin_app.content.render import Renderer
text = sys.stdin.read()
renderer = Renderer()
start = time.perf_counter()
try:
    renderer.markdown(text)
    outcome = "rendered"
except Exception as exc:
    outcome = type(exc).__name__ + ": " + getattr(exc, "message", str(exc))[:40]
print(time.perf_counter() - start, outcome)
"""


def hostile(timeout: float) -> None:
    for name, text in HOSTILE.items():
        try:
            result = subprocess.run(
                [sys.executable, "-c", HOSTILE_CHILD],
                input=text,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
            seconds, _, outcome = result.stdout.strip().partition(" ")
            value = f"{float(seconds):.2f} s  {outcome}" if outcome else f"crashed ({result.returncode})"
        except subprocess.TimeoutExpired:
            value = f"> {timeout:.0f} s"
        print(f"hostile: {name:<40} {value}", flush=True)


def keystrokes(box: QLineEdit, text: str, *, back: bool = True) -> list[float]:
    """Type ``text`` one key at a time, and with ``back`` delete it again; seconds per key until idle."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    times = []
    for key in [*text, *([Qt.Key.Key_Backspace] * len(text) * back)]:
        start = time.perf_counter()
        if isinstance(key, str):
            QTest.keyClicks(box, key)
        else:
            QTest.keyClick(box, key)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return times


def glossary_typing(scratch: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from serotonin_app.content.library import load_library
    from serotonin_app.ui.glossary_view import GlossaryPage

    app = QApplication.instance() or QApplication([])
    (scratch / "glossary.md").write_text(big_glossary(), encoding="utf-8")
    library, problems = load_library([scratch])
    glossary = library.glossary
    if len(glossary.terms) != GLOSSARY_TERMS:
        raise SystemExit(f"the generated glossary did not load: {problems[:3]}")
    size = sum(len(t.term) + len(t.definition) for t in glossary.terms)
    page = GlossaryPage(glossary)
    page.resize(900, 700)
    start = time.perf_counter()
    page.show()
    app.processEvents()
    row(f"glossary of {len(glossary.terms):,} terms ({size:,} chars): first show",
        f"{(time.perf_counter() - start) * 1000:.0f} ms")  # fmt: skip
    times = keystrokes(page.search, "reupt")
    row("  keystroke 'reupt' then 5 backspaces: median", f"{statistics.median(times) * 1000:.1f} ms",
        "< 100 ms")  # fmt: skip
    row("  ... slowest", f"{max(times) * 1000:.1f} ms", "< 100 ms")
    last = glossary.terms[-1]
    start = time.perf_counter()
    page.show_term(last.anchor)
    app.processEvents()
    row("  open the last term from a link", f"{(time.perf_counter() - start) * 1000:.0f} ms")
    page.close()


def search_typing(scratch: Path, lessons: int) -> None:
    from PySide6.QtWidgets import QApplication

    from serotonin_app.content.library import load_library
    from serotonin_app.ui.search_panel import SearchPanel

    app = QApplication.instance() or QApplication([])
    (scratch / "lessons").mkdir()
    for number in range(lessons):
        (scratch / "lessons" / f"big-{number:02}.md").write_text(big_lesson(number), encoding="utf-8")
    (scratch / "glossary.md").write_text(big_glossary(), encoding="utf-8")
    start = time.perf_counter()
    library, _ = load_library([scratch])
    row(
        f"load {len(library.lessons)} lessons of ~1 MB + big glossary", f"{time.perf_counter() - start:.1f} s"
    )
    panel = SearchPanel(library)
    panel.box.show()
    panel.resize(900, 280)
    start = time.perf_counter()
    first = keystrokes(panel.box, "r", back=False)[0]
    row("search: first keystroke (starts the index)", f"{first * 1000:.0f} ms", "< 100 ms")
    during = keystrokes(panel.box, "ec", back=False)
    turns = []
    while getattr(panel, "preparing", False):  # older code built the index in the first keystroke
        turn = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - turn)
    row("  keystrokes while the index is built: slowest", f"{max(during) * 1000:.0f} ms", "< 100 ms")
    row("  longest turn of the event loop meanwhile", f"{max(turns, default=0) * 1000:.0f} ms", "< 100 ms")
    row("  until the index is ready", f"{time.perf_counter() - start:.1f} s")
    times = keystrokes(panel.box, "eptor craving")
    found = keystrokes(panel.box, "eptor craving", back=False)
    row(f"  results for {panel.box.text()!r}", str(len(panel.hits)))
    times += found
    row("  keystrokes to 'receptor craving' and back: median", f"{statistics.median(times) * 1000:.1f} ms",
        "< 100 ms")  # fmt: skip
    row("  ... slowest", f"{max(times) * 1000:.1f} ms", "< 100 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a hostile case is cut off")
    parser.add_argument("--lessons", type=int, default=50, help="lessons of ~1 MB for the search measure")
    parser.add_argument("--only", choices=["render", "hostile", "glossary", "search"], action="append")
    args = parser.parse_args()
    only = set(args.only or ["render", "hostile", "glossary", "search"])
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("render", "glossary", "search"):
            (Path(scratch) / name).mkdir()
        if "render" in only:
            shipped_lessons()
            big_lesson_shown(Path(scratch) / "render")
        if "hostile" in only:
            hostile(args.timeout)
        if "glossary" in only:
            glossary_typing(Path(scratch) / "glossary")
        if "search" in only:
            search_typing(Path(scratch) / "search", args.lessons)


if __name__ == "__main__":
    main()
