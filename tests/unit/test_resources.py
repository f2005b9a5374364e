"""The bundled content is found from a checkout and from an installed wheel."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from serotonin_app.resources import bundled_resources, env_resources
from tests.conftest import BUNDLED


def test_checkout_finds_the_resources_folder() -> None:
    assert bundled_resources() == BUNDLED
    assert (bundled_resources() / "lessons" / "neurotransmitters.md").is_file()


def test_environment_variable_is_split_on_the_path_separator(tmp_path: Path) -> None:
    value = os.pathsep.join([str(tmp_path / "a"), "", str(tmp_path / "b")])
    assert env_resources({"SEROTONIN_APP_RESOURCES": value}) == [tmp_path / "a", tmp_path / "b"]


def test_frozen_bundle_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "lessons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_resources() == tmp_path / "resources"
