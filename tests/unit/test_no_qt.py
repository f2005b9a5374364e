"""The content model must work without Qt (checks, export planning, future web use)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import BUNDLED, ROOT


def test_content_package_imports_and_runs_without_qt() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import importlib, pkgutil\n"
        "import serotonin_app.cli, serotonin_app.content as content\n"
        # Every module of the package, so a new one cannot slip Qt in unnoticed.
        "for module in pkgutil.walk_packages(content.__path__, 'serotonin_app.content.'):\n"
        "    importlib.import_module(module.name)\n"
        "from serotonin_app.content import check, library\n"
        f"lib, problems = library.load_library([Path({str(BUNDLED)!r})])\n"
        "check.check_library(lib)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_loading_content_does_not_import_markdown() -> None:
    """Start-up loads front matter and headings only; rendering is deferred."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from serotonin_app.content.library import load_library\n"
        f"load_library([Path({str(BUNDLED)!r})])\n"
        "print('markdown' in sys.modules, 'nh3' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False False"
