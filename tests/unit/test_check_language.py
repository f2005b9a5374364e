"""``check --lang CODE``: a language's table, stale and mismatched translations, per-language links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from serotonin_app.cli import main
from serotonin_app.content.language_check import check_language
from serotonin_app.content.library import load_library
from serotonin_app.content.translations import source_hash
from tests.conftest import BUNDLED, WritePack, lesson_text

ARABIC_PACK = Path(__file__).resolve().parents[1] / "packs" / "arabic"

QUIZ = """---
id: q
title: Quiz
lesson: one
---

# First?

1. [x] Yes
1. [ ] No

# Second?

1. [ ] A
1. [x] B
1. [ ] C
"""

CHECKLIST = """---
id: c
title: Signs
---

## Call now if… {: .urgent }
- [ ] One.
- [ ] Two.

## Talk about
- [ ] Three.
"""


def _spanish(text: str, english: str, *, stamp: str | None = None) -> str:
    """``text`` made a translation: front matter says what it was translated from."""
    stamp = source_hash(english.encode()) if stamp is None else stamp
    end = text.index("\n---\n", 3)
    return f'{text[:end]}\ntranslated_from: "{stamp}"{text[end:]}'


@pytest.fixture
def english() -> dict[str, str | bytes]:
    return {
        "lessons/one.md": lesson_text("one", "One", 1, {"Start": "Text.", "Far": "More."}),
        "lessons/two.md": lesson_text("two", "Two", 2, {"Start": "Text."}),
        "quizzes/q.md": QUIZ,
        "checklists/c.md": CHECKLIST,
    }


def _problems(root: Path, language: str = "es") -> list[str]:
    library, _ = load_library([root])
    return [f"{p.path.name}:{p.line}: {p.message}" for p in check_language(library, language).problems]


def test_the_table_counts_translated_files_and_unreviewed_ones(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    one = str(english["lessons/one.md"])
    root = write_pack(
        {**english, "lessons/one.es.md": _spanish(one.replace("title: One", "title: Uno"), one)}
    )
    library, _ = load_library([root])
    report = check_language(library, "es")
    assert report.present == {"lesson": (1, 2), "quiz": (0, 1), "checklist": (0, 1), "glossary": (0, 0)}
    assert report.unreviewed == [root / "lessons/one.es.md"]
    assert report.stale == [] and report.problems == []
    assert report.formula == "Szigriszt-Pazos (INFLESZ)"
    assert list(report.readability) == [root / "lessons/one.es.md"]
    assert "  lessons: 1 / 2" in report.table()


def test_a_translation_of_an_older_english_file_is_stale(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    one = str(english["lessons/one.md"])
    root = write_pack({**english, "lessons/one.es.md": _spanish(one, one, stamp="000000000000")})
    library, _ = load_library([root])
    report = check_language(library, "es")
    assert report.stale == [root / "lessons/one.es.md"]
    (problem,) = report.problems
    assert problem.line == 6 and "translated_from is 000000000000" in problem.message
    assert source_hash(one.encode()) in problem.message


def test_a_translation_without_its_hash_is_told_the_hash_to_add(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    one = str(english["lessons/one.md"])
    root = write_pack({**english, "lessons/one.es.md": one})
    (message,) = _problems(root)
    assert f'translated_from: "{source_hash(one.encode())}"' in message


def test_a_translated_quiz_must_ask_and_key_the_same(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    quiz = str(english["quizzes/q.md"])
    rekeyed = quiz.replace("1. [x] Yes\n1. [ ] No", "1. [ ] Sí\n1. [x] No")
    root = write_pack({**english, "quizzes/q.es.md": _spanish(rekeyed, quiz)})
    (message,) = _problems(root)
    assert "question 1:" in message and "here 2 of 2, in English 1 of 2" in message
    shorter = quiz[: quiz.index("# Second?")]
    root = write_pack({**english, "quizzes/q.es.md": _spanish(shorter, quiz)})
    (message,) = _problems(root)
    assert "has 1 questions; the English quiz has 2" in message


def test_a_translated_checklist_keeps_its_urgent_groups(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    checklist = str(english["checklists/c.md"])
    moved = checklist.replace("- [ ] Two.\n", "").replace("- [ ] Three.\n", "- [ ] Three.\n- [ ] Two.\n")
    root = write_pack({**english, "checklists/c.es.md": _spanish(moved, checklist)})
    (message,) = _problems(root)
    assert "urgent groups differ" in message and "here groups 1 (1), in English 1 (2)" in message


def test_links_in_a_translation_point_at_its_own_anchors(
    write_pack: WritePack, english: dict[str, str | bytes]
) -> None:
    one = str(english["lessons/one.md"])
    translated = lesson_text(
        "one", "Uno", 1, {"Inicio": "Vea [lejos](#lejos) y [far](#far).", "Lejos": "Más."}
    )
    root = write_pack({**english, "lessons/one.es.md": _spanish(translated, one)})
    library, _ = load_library([root])
    from serotonin_app.cli import make_renderer
    from serotonin_app.content.check import check_library

    report = check_language(
        library, "es", check_links=lambda view: check_library(view, make_renderer(view)).problems
    )
    messages = [p.message for p in report.problems]
    # "#far" is an English anchor: the Spanish lesson has no such section.
    assert len(messages) == 1 and "far" in messages[0], messages


def test_a_packs_interface_strings_are_counted_against_the_programs() -> None:
    library, _ = load_library([BUNDLED, ARABIC_PACK])
    report = check_language(library, "ar")
    assert report.ui_file == ARABIC_PACK / "translations" / "serotonin_ar.ts"
    assert report.ui_unfinished is not None and report.ui_unfinished > 100
    assert check_language(library, "es").ui_unfinished == 0


def test_check_lang_es_strict_passes_on_the_bundled_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clinic.toml").write_text(
        'name = "CI"\nphone = "1"\nemergency_number = "112"\n', encoding="utf-8"
    )
    assert main(["check", "--lang", "es", "--strict", "--resources", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "language es: files translated / in English" in out and "lessons: 3 / 3" in out
    assert "Szigriszt-Pazos (INFLESZ)" in out
    assert main(["check", "--lang", "es", "--json", "--resources", str(tmp_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    scores = payload["language"]["readability"]["scores"]
    assert len(scores) == 3 and all(score >= 65 for score in scores.values())


def test_check_lang_of_a_language_that_is_not_there_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--lang", "xx"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'xx' has no content or interface strings here" in err
