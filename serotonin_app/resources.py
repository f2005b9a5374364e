"""Where the bundled content lives: a PyInstaller bundle, an installed wheel or a checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "SEROTONIN_APP_RESOURCES"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_resources() -> Path:
    """The folder holding the content that ships with the app.

    Order matters: a frozen bundle unpacks to ``sys._MEIPASS``; the wheel puts the
    folder inside the package (``force-include`` in pyproject.toml); a checkout or
    an editable install has it beside the package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "lessons").is_dir():
            return candidate
    return candidates[-1]


def env_resources(environ: dict[str, str] | None = None) -> list[Path]:
    """Extra content folders named in ``SEROTONIN_APP_RESOURCES`` (os.pathsep-separated)."""
    value = (environ if environ is not None else dict(os.environ)).get(ENV_VAR, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]
