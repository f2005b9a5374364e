"""The PyInstaller bundle runs on its own: self-test, check and export, outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT


@pytest.mark.slow
def test_bundle_runs_self_test_check_and_export(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    folder = dist / "serotonin-app"
    suffix = ".exe" if sys.platform == "win32" else ""
    assert (folder / f"serotonin-app{suffix}").is_file()
    exe = folder / f"serotonin-cli{suffix}"  # the console twin, for command-line use
    assert (folder / "_internal" / "resources" / "lessons" / "balancing.md").is_file()
    # Only the shipped languages' translations: ours, and Qt's own for its dialogs.
    assert sorted(path.name for path in folder.rglob("*.qm")) == ["qtbase_es.qm", "serotonin_es.qm"]

    # A machine without the checkout or the venv: no Python paths, no display setting.
    elsewhere = tmp_path / "clinic-pc"
    elsewhere.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM", "SEROTONIN_APP_RESOURCES"}
    }
    env["HOME"] = str(elsewhere)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
        )

    self_test = run("--self-test")
    assert self_test.returncode == 0, self_test.stderr
    assert self_test.stdout.splitlines()[-1] == "self-test passed: 8 items"
    # The clinic's own pack, as IT deploys it: without one, check warns that the app is unbranded.
    pack = elsewhere / "clinic-pack"
    pack.mkdir()
    (pack / "clinic.toml").write_text(
        'name = "Hillside Clinic"\nphone = "555 0100"\nemergency_number = "112"\n', encoding="utf-8"
    )
    check = run("check", "--strict", "--resources", str(pack))
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1].startswith("3 lessons, 3 quizzes")
    export = run("export", "all", "-o", "handouts")
    assert export.returncode == 0, export.stderr
    assert len(list((elsewhere / "handouts").glob("*.pdf"))) == 11
    spanish = run("export", "--lang", "es", "checklist", "serotonin-syndrome", "-o", "es.pdf")
    assert spanish.returncode == 0, spanish.stderr
    footer = " ".join(PdfReader(elsewhere / "es.pdf").pages[0].extract_text().split())
    assert "Página 1 de" in footer, footer
    assert run("--bogus").returncode == 2
