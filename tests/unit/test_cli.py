"""The command line: check output and exit codes, and usage errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from serotonin_app.cli import main
from serotonin_app.cli_args import EXIT_USAGE
from tests.conftest import BUNDLED, ROOT, WritePack, lesson_text

#: What a clinic adds to the bundled content before a roll-out: its name and numbers.
CLINIC_TOML = 'name = "Hillside Clinic"\nphone = "555 0100"\nemergency_number = "112"\n'


def test_check_strict_passes_on_bundled_content_and_prints_grades(
    write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_pack({"clinic.toml": CLINIC_TOML})
    assert main(["check", "--strict", "--resources", str(pack)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "3 lessons, 3 quizzes (45 questions), 2 checklists (31 items), 37 glossary terms"
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
    pack = write_pack({"lessons/e.md": "", "clinic.toml": CLINIC_TOML})
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


def usage_error(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """Run ``args``; it must exit 2 with exactly one ``serotonin-app: error:`` line."""
    assert main(args) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("serotonin-app: error: ")
    assert captured.out == ""
    return lines[0]


Calls = list[dict[str, Any]]


@pytest.fixture
def fake_export(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Stand in for :mod:`serotonin_app.export` so unit tests see what it was asked, without Qt."""
    calls: Calls = []

    def export_handouts(
        library: object, renderer: object, kind: str, item_id: str | None, output: Path, **options: Any
    ) -> list[tuple[Path, int]]:
        calls.append(
            {
                "kind": kind,
                "id": item_id,
                "output": output,
                "platform": os.environ["QT_QPA_PLATFORM"],
                **options,
            }
        )
        return [(output, 1)]

    module = types.ModuleType("serotonin_app.export")
    module.__dict__["export_handouts"] = export_handouts
    monkeypatch.setitem(sys.modules, "serotonin_app.export", module)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # run_export sets it; restored afterwards
    return calls


@pytest.fixture
def fake_self_test(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Stand in for :mod:`serotonin_app.ui.app`; records the Qt platform the self-test would get."""
    calls: Calls = []

    def self_test(
        library: object, problems: object, cache: object, make_renderer: object, *, report: object, lang: str
    ) -> tuple[list[str], int]:
        calls.append({"platform": os.environ.get("QT_QPA_PLATFORM"), "lang": lang})
        return [], 1

    module = types.ModuleType("serotonin_app.ui.app")
    module.__dict__["self_test"] = self_test
    monkeypatch.setitem(sys.modules, "serotonin_app.ui.app", module)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return calls


# 1. -o must be the right sort of path for the kind.


@pytest.mark.parametrize("name", ["x.pdf", "X.PDF"])
def test_export_all_to_a_pdf_name_is_a_usage_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    line = usage_error(capsys, ["export", "all", "-o", str(tmp_path / name)])
    assert "give a folder" in line
    assert list(tmp_path.iterdir()) == [] and fake_export == []


def test_export_all_to_an_existing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    (tmp_path / "handouts").write_text("not a folder")
    assert "needs a folder, not a file" in usage_error(
        capsys, ["export", "all", "-o", str(tmp_path / "handouts")]
    )
    assert fake_export == []


def test_export_one_handout_to_a_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    line = usage_error(capsys, ["export", "lesson", "addiction", "-o", str(tmp_path)])
    assert f"{tmp_path} is a folder" in line
    assert fake_export == []


def test_export_all_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    assert main(["export", "all", "-o", str(tmp_path / "handouts")]) == 0
    assert [(call["kind"], call["output"]) for call in fake_export] == [("all", tmp_path / "handouts")]


# 2. and 3. Options that do not apply to the kind are usage errors, never ignored.


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lesson", "addiction", "--answer-key"], "--answer-key does not apply to 'export lesson'"),
        (["checklist", "mood-symptoms", "--answer-key"], "--answer-key does not apply to 'export checklist'"),
        (["all", "--answer-key"], "--answer-key does not apply to 'export all'"),
        (["lesson", "addiction", "--blank"], "--blank does not apply to 'export lesson'"),
        (["quiz", "addiction", "--blank"], "--blank does not apply to 'export quiz'"),
        (["lesson", "addiction", "--seed", "3"], "--seed does not apply to 'export lesson'"),
        # Given explicitly, even with the default value: it is still a mistake.
        (["checklist", "mood-symptoms", "--seed", "1"], "--seed does not apply to 'export checklist'"),
        (["checklist", "mood-symptoms", "--citations"], "--citations does not apply to 'export checklist'"),
        (["quiz", "addiction", "--citations"], "--citations does not apply to 'export quiz'"),
    ],
)
def test_export_options_that_do_not_apply_are_usage_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    output = tmp_path / ("out" if args[0] == "all" else "out.pdf")
    assert message in usage_error(capsys, ["export", *args, "-o", str(output)])
    assert fake_export == [] and not output.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["lesson", "addiction"], {"citations": False, "answer_key": False, "seed": 1}),
        (["lesson", "addiction", "--citations"], {"citations": True}),
        (["checklist", "mood-symptoms", "--blank"], {"citations": False}),
        (["quiz", "addiction", "--answer-key", "--seed", "5"], {"answer_key": True, "seed": 5}),
        (["all", "--blank", "--citations", "--seed", "7"], {"citations": True, "seed": 7}),
    ],
)
def test_export_options_that_apply_are_passed_on(
    args: list[str],
    expected: dict[str, object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fake_export: Calls,
) -> None:
    output = tmp_path / ("out" if args[0] == "all" else "out.pdf")
    assert main(["export", *args, "-o", str(output)]) == 0, capsys.readouterr().err
    [call] = fake_export
    assert {key: call[key] for key in expected} == expected


def test_export_help_explains_blank_and_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "exported checklists are always blank" in text
    assert "keep the inline citation marks" in text


# 4. --lesson is checked wherever it is accepted, and refused where it means nothing.


def test_self_test_with_an_unknown_lesson_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], fake_self_test: Calls
) -> None:
    line = usage_error(capsys, ["--self-test", "--lesson", "nope"])
    assert "no lesson 'nope'" in line and "neurotransmitters" in line
    assert fake_self_test == []


def test_self_test_with_a_known_lesson_runs(
    capsys: pytest.CaptureFixture[str], fake_self_test: Calls
) -> None:
    assert main(["--self-test", "--lesson", "addiction"]) == 0
    assert len(fake_self_test) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lesson", "addiction", "check"], "--lesson does not apply to the 'check' command"),
        (["--lesson", "nope", "export", "lesson", "addiction", "-o", "x.pdf"], "--lesson does not apply"),
        (["--kiosk", "check"], "--kiosk does not apply to the 'check' command"),
        (["--self-test", "check"], "--self-test does not apply to the 'check' command"),
        (["--self-test", "--kiosk"], "--kiosk does not apply to --self-test"),
    ],
)
def test_window_options_with_a_command_are_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    assert message in usage_error(capsys, args)
    assert fake_export == []


# 5. check --json carries the verdict and the counts as numbers.


def test_check_json_has_the_verdict_and_counts(
    write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_pack({"clinic.toml": CLINIC_TOML})
    assert main(["check", "--json", "--strict", "--resources", str(pack)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is True
    assert payload["counts"] == {
        "lessons": 3,
        "quizzes": 3,
        "questions": 45,
        "checklists": 2,
        "items": 31,
        "glossary_terms": 37,
    }
    assert (
        payload["summary"]
        == "3 lessons, 3 quizzes (45 questions), 2 checklists (31 items), 37 glossary terms"
    )


def test_check_json_verdict_follows_strict(capsys: pytest.CaptureFixture[str]) -> None:
    # The bundled content alone has warnings (an unbranded clinic.toml) and no errors.
    assert main(["check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["check", "--json", "--strict"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_check_json_verdict_on_errors(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack({"lessons/e.md": ""})
    assert main(["check", "--json", "--resources", str(pack)]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


# 6. An empty QT_QPA_PLATFORM is no choice: run offscreen.


@pytest.mark.parametrize(("value", "expected"), [("", "offscreen"), ("minimal", "minimal")])
def test_self_test_runs_offscreen_when_the_platform_is_empty(
    value: str, expected: str, monkeypatch: pytest.MonkeyPatch, fake_self_test: Calls
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", value)
    assert main(["--self-test"]) == 0
    assert [call["platform"] for call in fake_self_test] == [expected]


def test_export_runs_offscreen_when_the_platform_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_export: Calls
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    assert main(["export", "lesson", "addiction", "-o", str(tmp_path / "a.pdf")]) == 0
    assert fake_export[0]["platform"] == "offscreen"


def test_self_test_with_an_empty_platform_needs_no_display() -> None:
    hidden = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    env = {k: v for k, v in os.environ.items() if k not in hidden} | {"QT_QPA_PLATFORM": ""}
    result = subprocess.run(
        [sys.executable, "-m", "serotonin_app", "--self-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed")


# 7. A broken clinic.toml is an error with its line, from loading.


def test_check_reports_a_broken_clinic_toml(
    write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    # Cut off at the end: tomllib says "at end of document", not a line number.
    pack = write_pack({"clinic.toml": 'name = "Hillside"\nphone = "555'})
    assert main(["check", "--resources", str(pack)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{pack / 'clinic.toml'}:2: error: invalid TOML: Unterminated string" in out


# 8. check warns about an unbranded clinic.toml.


def test_check_warns_about_each_default_in_the_bundled_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1
    out = capsys.readouterr().out.splitlines()
    clinic = BUNDLED / "clinic.toml"
    # The lines of the shipped defaults (name = "" is line 6 today), found the plain way.
    shipped = clinic.read_text(encoding="utf-8").splitlines()
    name, phone = shipped.index('name = ""') + 1, shipped.index('phone = ""') + 1
    emergency = 1  # not set at all: the default, in the reader's language, and the warning is on line 1
    expected = [
        f"{clinic}:{emergency}: warning: emergency number is still the default "
        "'your local emergency number'; add emergency_number = \"…\" to your pack's clinic.toml",
        f'{clinic}:{name}: warning: clinic name is not set; add name = "…" to your pack\'s clinic.toml',
        f'{clinic}:{phone}: warning: clinic phone is not set; add phone = "…" to your pack\'s clinic.toml',
    ]
    assert [line for line in out if ": warning: " in line] == expected * 2


def test_export_usage_error_stays_one_line_with_broken_content(
    write_pack: WritePack, tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_export: Calls
) -> None:
    pack = write_pack({"lessons/broken.md": ""})
    args = ["export", "lesson", "nope", "-o", str(tmp_path / "a.pdf"), "--resources", str(pack)]
    assert "unknown lesson 'nope'" in usage_error(capsys, args)


# --lang: a language that is not installed is a usage error; the chosen one reaches the export.


def test_unknown_language_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "xx", "--self-test"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'xx' is not installed" in err and "en" in err


def test_export_speaks_the_chosen_language(fake_export: Calls, tmp_path: Path) -> None:
    assert (
        main(["export", "--lang", "es", "checklist", "serotonin-syndrome", "-o", str(tmp_path / "x.pdf")])
        == 0
    )
    assert fake_export[-1]["lang"] == "es"


def test_without_lang_the_system_language_is_used_when_installed(
    fake_export: Calls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert main(["export", "checklist", "serotonin-syndrome", "-o", str(tmp_path / "x.pdf")]) == 0
    assert fake_export[-1]["lang"] == "es"
    monkeypatch.setenv("LANG", "xx_YY.UTF-8")  # not installed: English
    assert main(["export", "checklist", "serotonin-syndrome", "-o", str(tmp_path / "y.pdf")]) == 0
    assert fake_export[-1]["lang"] == "en"
