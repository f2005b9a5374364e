"""``--self-test`` builds the real window offscreen and renders every lesson."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, WritePack, lesson_text


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "serotonin_app", "--self-test", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_self_test_on_bundled_content() -> None:
    result = _run()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ok lesson neurotransmitters",
        "ok lesson addiction",
        "ok lesson balancing",
        "ok quiz neurotransmitters",
        "ok quiz addiction",
        "ok quiz balancing",
        "ok checklist mood-symptoms",
        "ok checklist serotonin-syndrome",
        "self-test passed: 8 items",
    ]
    assert result.stderr == ""


def test_self_test_with_a_pack(write_pack: WritePack) -> None:
    pack = write_pack(
        {
            "clinic.toml": 'name = "Hillside Clinic"\n',
            "lessons/x.md": lesson_text("x", "Extra", 9, {"A": "b"}),
            "lessons/neurotransmitters.md": lesson_text("neurotransmitters", "Our own intro", 1, {"A": "b"}),
        }
    )
    result = _run("--resources", str(pack))
    assert result.returncode == 0
    lessons = [line for line in result.stdout.splitlines() if line.startswith("ok lesson")]
    assert lessons == [
        "ok lesson neurotransmitters",
        "ok lesson addiction",
        "ok lesson balancing",
        "ok lesson x",
    ]
    assert result.stdout.splitlines()[-1] == "self-test passed: 9 items"
