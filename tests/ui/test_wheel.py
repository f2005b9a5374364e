"""The installed wheel finds its content, checks it, and prints a handout (which starts Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_and_finds_the_content(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("serotonin_lessons-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "serotonin_app/resources/lessons/neurotransmitters.md" in names
    assert "serotonin_app/resources/glossary.md" in names

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = "from serotonin_app.resources import bundled_resources; print(bundled_resources())"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=outside,
        env={**os.environ, "PYTHONPATH": str(site)},
        check=True,
    )
    assert Path(result.stdout.strip()) == site / "serotonin_app" / "resources"
    check = subprocess.run(
        [sys.executable, "-m", "serotonin_app", "check"],
        capture_output=True,
        text=True,
        cwd=outside,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip().splitlines()[-1].startswith("3 lessons")
    export = subprocess.run(
        [sys.executable, "-m", "serotonin_app", "export", "checklist", "serotonin-syndrome", "-o", "x.pdf"],
        capture_output=True,
        text=True,
        cwd=outside,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert export.returncode == 0, export.stderr
    assert (outside / "x.pdf").read_bytes().startswith(b"%PDF")
