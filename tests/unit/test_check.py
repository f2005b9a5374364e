"""Every kind of problem ``check`` reports, with the exact ``path:line``."""

from __future__ import annotations

from pathlib import Path

import pytest

from serotonin_app.cli import main
from serotonin_app.content.check import check_library
from serotonin_app.content.library import load_library
from serotonin_app.content.readability import grade, plain_text
from tests.conftest import BUNDLED, WritePack

BAD_LESSON = """\
---
id: bad
title: Bad
flavour: mint
---

Intro {unknown_key}.

## Links

[a](lesson:nowhere) [b](lesson:bad#nowhere) [c](#missing) [d](quiz:none)
[e](checklist:none) [f](glossary:no-such-term) [g](lesson:bad#links)

![pic](images/missing.png) ![ok](images/ok.png) [web](https://example.org)

<span onclick="x()">hi</span>

<iframe src="https://example.org"></iframe>
"""

HARD_LESSON = """\
---
title: Hard
---

## Hard words

Notwithstanding considerable methodological heterogeneity, contemporary neuropsychopharmacological
investigations demonstrate that serotonergic neurotransmission constitutes an extraordinarily
multidimensional regulatory infrastructure, simultaneously influencing gastrointestinal motility,
thermoregulatory homeostasis, and affective phenomenology.

## Sources

- **S1** A source.
"""


def test_each_problem_kind_with_its_line(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(
        {
            "lessons/bad.md": BAD_LESSON,
            "lessons/hard.md": HARD_LESSON,
            "lessons/twin.md": "---\nid: bad\ntitle: Twin\n---\n## A\n",
            "lessons/images/ok.png": b"\x89PNG",
            "glossary.md": "Term\n:   A definition.\n",
        }
    )
    assert main(["check", "--resources", str(pack)]) == 1
    out = capsys.readouterr().out
    bad, hard, twin = (str(pack / "lessons" / name) for name in ("bad.md", "hard.md", "twin.md"))
    expected = [
        f"{bad}:4: warning: unknown front-matter key 'flavour' (ignored)",
        f"{bad}:7: warning: unknown placeholder '{{unknown_key}}' (left as written)",
        f"{bad}:6: warning: lesson has no '## Sources' section",
        f"{bad}:11: error: link to unknown lesson 'nowhere'",
        f"{bad}:11: error: link to missing section '#nowhere' in lesson 'bad'",
        f"{bad}:11: error: link to missing section '#missing'",
        f"{bad}:11: error: link to unknown quiz 'none'",
        f"{bad}:12: error: link to unknown checklist 'none'",
        f"{bad}:12: error: link to unknown glossary term 'no-such-term'",
        f"{bad}:14: error: missing image 'images/missing.png'",
        f"{bad}:16: warning: raw HTML removed by the sanitiser: onclick= on <span>",
        f"{bad}:18: warning: raw HTML removed by the sanitiser: <iframe>",
        f"{twin}:2: error: duplicate id 'bad' (also used by bad.md); file skipped",
    ]
    lines = out.splitlines()
    for line in expected:
        assert line in lines
    assert not any("images/ok.png" in line or "lesson:bad#links" in line for line in lines)
    assert any(line.startswith(f"{hard}:4: warning: reading grade ") for line in lines)
    assert f"{hard}: reading grade " in out


def test_readability_ignores_sources_citations_and_links() -> None:
    text = (
        "## A\n\nThe cat sat [S1]. See [the mat](lesson:x#y) <https://example.org>.\n\n"
        "## Sources\n\n- Long words everywhere.\n"
    )
    assert plain_text(text) == "The cat sat . See the mat ."
    assert grade("## A\n\nThe cat sat on the mat. It was a good cat.\n") < 3


def _branding(roots: list[Path]) -> list[tuple[Path, int, str]]:
    library, problems = load_library(roots)
    assert problems == []  # loading, and so the window, never says this to patients
    return [
        (p.path, p.line, p.message.split(";")[0]) for p in check_library(library).problems if not p.is_error
    ]


def test_branding_warnings_point_at_the_last_clinic_toml(write_pack: WritePack) -> None:
    pack = write_pack({"clinic.toml": '# Hillside\n\nname = "Hillside Clinic"\nphone = ""\n'})
    clinic = pack / "clinic.toml"
    assert _branding([BUNDLED, pack]) == [
        (clinic, 4, "clinic phone is not set"),  # set to "" here
        (clinic, 1, "emergency number is still the default 'your local emergency number'"),  # add it here
    ]


def test_branding_warnings_without_any_clinic_toml(write_pack: WritePack) -> None:
    pack = write_pack({"lessons/a.md": "---\ntitle: A\n---\n\n## A\n\n## Sources\n"})
    clinic = pack / "clinic.toml"
    assert [line for _, line, _ in _branding([pack])] == [1, 1, 1]
    assert {path for path, _, _ in _branding([pack])} == {clinic}


def test_branding_is_clean_when_the_clinic_is_set(write_pack: WritePack) -> None:
    pack = write_pack({"clinic.toml": 'name = "H"\nphone = "1"\nemergency_number = "112"\n'})
    assert _branding([BUNDLED, pack]) == []


def test_branding_warnings_fail_strict_check(
    write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_pack({"clinic.toml": 'phone = "1"\nemergency_number = "112"\n'})
    assert main(["check", "--resources", str(pack)]) == 0
    assert main(["check", "--strict", "--resources", str(pack)]) == 1
    out = capsys.readouterr().out.splitlines()
    message = 'clinic name is not set; add name = "…" to your pack\'s clinic.toml'
    assert f"{pack / 'clinic.toml'}:1: warning: {message}" in out
