"""The command line: check output and exit codes, and usage errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from serotonin_app.cli import main
from tests.conftest import ROOT, WritePack, lesson_text


def test_check_strict_passes_on_bundled_content_and_prints_grades(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "3 lessons, 3 quizzes (31 questions), 2 checklists (36 items), 25 glossary terms"
    grades = [line for line in out if "reading grade" in line]
    assert [line.split("/")[-1].split(":")[0] for line in grades] == [
        "neurotransmitters.md",
        "addiction.md",
        "balancing.md",
    ]
    for line in grades:
        assert float(line.split("reading grade ")[1].split()[0]) <= 8.0
    assert len(out) == 4  # no problems at all


def test_check_reports_bad_files_and_fails(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(
        {
            "lessons/broken.md": "---\ntitle: [oops\n---\n",
            "lessons/links.md": lesson_text("links", "Links", 9, {"Part": "Go [there](lesson:nowhere)."}),
        }
    )
    assert main(["check", "--resources", str(pack)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert f"{pack / 'lessons' / 'broken.md'}:2: error: invalid front matter" in "\n".join(lines)
    assert f"{pack / 'lessons' / 'links.md'}:12: error: link to unknown lesson 'nowhere'" in lines
    assert lines[-1].startswith("4 lessons")


def test_check_strict_fails_on_warnings(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack({"lessons/w.md": "---\ntitle: W\nflavour: x\n---\n\n## A\n\n## Sources\n"})
    assert main(["check", "--resources", str(pack)]) == 0
    assert main(["check", "--strict", "--resources", str(pack)]) == 1
    assert "warning: unknown front-matter key 'flavour'" in capsys.readouterr().out


def test_check_json(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    pack = write_pack({"lessons/e.md": ""})
    assert main(["check", "--json", "--resources", str(pack)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["problems"] == [
        {
            "path": str(pack / "lessons" / "e.md"),
            "line": 1,
            "severity": "error",
            "message": "file is empty",
        }
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["check", "--resources", "/no/such/folder"],
        ["frobnicate"],
        ["check", "--strict=yes"],
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "serotonin_app", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("serotonin-app: error: ")


def test_unknown_lesson_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lesson", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no lesson 'nope'" in err and "neurotransmitters" in err


def test_environment_folder_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEROTONIN_APP_RESOURCES", str(tmp_path / "missing"))
    assert main(["check"]) == 2


def test_environment_folders_are_loaded(
    monkeypatch: pytest.MonkeyPatch, write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_pack({"lessons/x.md": lesson_text("x", "Extra", 9, {"A": "b"})})
    monkeypatch.setenv("SEROTONIN_APP_RESOURCES", str(pack))
    assert main(["check"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("4 lessons")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from serotonin_app import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"serotonin-app {__version__}"
