"""The interface translations: complete, with the placeholders of their English, compiled and current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from serotonin_app.languages import TRANSLATIONS, ui_languages
from tests.conftest import ROOT

TS_FILES = sorted(TRANSLATIONS.glob("serotonin_*.ts"))
#: A test pack's own interface strings (tests/packs/arabic): compiled by `make translations` too.
PACK_TS_FILES = sorted((ROOT / "tests" / "packs").glob("*/translations/serotonin_*.ts"))
BIN = Path(sys.executable).parent
#: Qt's %1 and Python's {name}/{name:spec}; {{ and }} are literal braces.
PLACEHOLDER = re.compile(r"%\d|\{[a-z_]*(?::[^}]*)?\}")


def _messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (name, message.findtext("source") or "", translation.text or "", translation.get("type"))
            )
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def test_every_shipped_language_has_its_compiled_file() -> None:
    assert TS_FILES, "no translations"
    assert {ts.stem.removeprefix("serotonin_") for ts in TS_FILES} == set(ui_languages()) - {"en"}


@pytest.mark.parametrize("ts", TS_FILES + PACK_TS_FILES, ids=lambda path: path.stem)
def test_every_translation_is_finished_and_keeps_its_placeholders(ts: Path) -> None:
    messages = _messages(ts)
    unfinished = [source for _, source, text, kind in messages if kind == "unfinished" or not text]
    assert unfinished == []
    wrong = [
        (source, text) for _, source, text, _ in messages if _placeholders(source) != _placeholders(text)
    ]
    assert wrong == []


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate is not installed")
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_the_code_has_no_string_the_translation_lacks(ts: Path, tmp_path: Path) -> None:
    """What `make translations` would add: nothing, or a string the code shows is still English."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
         "serotonin_app", "-ts", str(copy)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    missing = [(context, source) for context, source, text, kind in _messages(copy) if kind == "unfinished"]
    assert missing == [], "run `make translations` and translate the new strings"


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease is not installed")
@pytest.mark.parametrize("ts", TS_FILES + PACK_TS_FILES, ids=lambda path: path.stem)
def test_the_compiled_file_matches_its_source(ts: Path, tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-nounfinished", "-removeidentical", str(ts), "-qm", str(qm)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_no_translation_stands_for_two_different_texts(ts: Path) -> None:
    """A translation shared by unrelated texts was filed under the wrong one.

    "Choose one answer." once read "Listas de verificación" (Checklists) under
    every Spanish quiz question.
    """
    sources: dict[str, set[str]] = {}
    for _context, source, text, _kind in _messages(ts):
        if text:
            sources.setdefault(text, set()).add(source)
    assert {text: found for text, found in sources.items() if len(found) > 1} == {}
