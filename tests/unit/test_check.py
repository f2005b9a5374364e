"""Every kind of problem ``check`` reports, with the exact ``path:line``."""

from __future__ import annotations

import pytest

from serotonin_app.cli import main
from serotonin_app.content.readability import grade, plain_text
from tests.conftest import WritePack

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
