"""Shared fixtures. Every test runs offscreen; no test needs a display or the network."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis profiles. "ci" (the default) keeps the whole fuzz suite under a minute on
# two cores; "fuzz" (HYPOTHESIS_PROFILE=fuzz, used by `make fuzz`) tries many more
# inputs. Neither has a deadline: a slow machine is not a bug, and the fuzz tests
# catch real hangs with their own generous time budget.
settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    deadline=None,
    print_blob=True,
    max_examples=2_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "resources"

WritePack = Callable[[dict[str, str | bytes]], Path]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.ui)


@pytest.fixture
def write_pack(tmp_path: Path) -> WritePack:
    """Write a content folder from ``{relative path: text}``; text is dedented."""
    counter = iter(range(1000))

    def write(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / f"pack{next(counter)}"
        root.mkdir()
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return root

    return write


def lesson_text(lesson_id: str, title: str, order: int, sections: dict[str, str]) -> str:
    """A small valid lesson for tests."""
    body = "\n\n".join(f"## {heading}\n\n{text}" for heading, text in sections.items())
    front = f"---\nid: {lesson_id}\ntitle: {title}\norder: {order}\nsummary: About {title}.\n---\n"
    return f"{front}\nIntro.\n\n{body}\n\n## Sources\n\n- **S1** A source.\n"
