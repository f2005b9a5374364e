"""``check --quality``: each rule fires on a small pack, and the shipped content passes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import pytest

from serotonin_app.cli import main
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.quality import (
    MESSAGES,
    QualityReport,
    check_quality,
    count_words,
    has_reminder,
    is_candidate_term,
    is_explained,
    normalise_sign,
)
from tests.conftest import BUNDLED, WritePack

CLINIC = (
    'name = "T"\nphone = "1"\nemergency_number = "112"\n'
    'crisis_lines = [{ name = "Line", number = "999 000" }]\n'
)

GLOSSARY = """\
---
title: Glossary
---

Synapse
:   The gap between two nerve cells.

SSRI
:   A kind of antidepressant.
"""

SOURCES = "\n## Sources\n\n- **S1** A source.\n"


def lesson(body: str, *, lesson_id: str = "demo", framed: bool = True) -> str:
    """A lesson file; ``framed`` adds 'In this lesson' and 'What you can do' around ``body``."""
    front = f"---\nid: {lesson_id}\ntitle: Demo\norder: 1\n---\n\n"
    if framed:
        body = f"## In this lesson\n\n- One point.\n\n{body}\n\n## What you can do\n\n- Ask us.\n"
    return front + body + SOURCES


def run(write_pack: WritePack, files: dict[str, str]) -> tuple[ContentLibrary, QualityReport]:
    pack = write_pack({"clinic.toml": CLINIC, "glossary.md": GLOSSARY, **files})
    library, problems = load_library([pack])
    assert not [p for p in problems if p.is_error], problems
    return library, check_quality(library)


def messages(report: QualityReport) -> list[str]:
    return [p.message for p in report.problems]


def rule_hits(report: QualityReport, rule: str) -> list[str]:
    prefix = MESSAGES[rule].split("{")[0][:20]
    return [m for m in messages(report) if prefix in m] if prefix else []


def unmet(report: QualityReport, name: str) -> list[str]:
    return next(cast("list[str]", row["unmet"]) for row in report.as_json() if row["name"] == name)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> QualityReport:
    """The bundled content as IT deploys it: with a clinic pack that sets name, phone and number."""
    pack = tmp_path_factory.mktemp("clinic")
    (pack / "clinic.toml").write_text('name = "T"\nphone = "1"\nemergency_number = "112"\n', encoding="utf-8")
    library, _ = load_library([BUNDLED, pack])
    return check_quality(library)


def shipped_findings(report: QualityReport, *keys: str) -> list[str]:
    return [str(p) for p in report.problems if any(MESSAGES[k].split("'")[0] in p.message for k in keys)]


# -- structure --------------------------------------------------------------------------


def test_missing_intro_and_actions_sections(write_pack: WritePack) -> None:
    _, report = run(write_pack, {"lessons/demo.md": lesson("## Body\n\nShort text.", framed=False)})
    assert MESSAGES["intro"] in messages(report)
    assert MESSAGES["actions"] in messages(report)
    assert {"In this lesson", "What you can do"} <= set(unmet(report, "demo"))
    assert all(p.line == 6 and p.severity.value == "warning" for p in report.problems if "'## " in p.message)


def test_framed_lesson_has_no_structure_findings(write_pack: WritePack) -> None:
    _, report = run(write_pack, {"lessons/demo.md": lesson("## Body\n\nShort text.")})
    assert report.problems == []
    assert report.table()[0].split() == ["demo", "5/5", "100%"]


def test_shipped_lessons_have_intro_and_actions(shipped: QualityReport) -> None:
    assert not [
        p for p in shipped.problems if "'## In this lesson'" in p.message or "What you can do'" in p.message
    ]


# -- length and reading grade -----------------------------------------------------------


def test_section_over_200_words(write_pack: WritePack) -> None:
    long_text = " ".join(["The cat sat on the mat."] * 34)  # 204 words
    _, report = run(write_pack, {"lessons/demo.md": lesson(f"## Long one\n\n{long_text}")})
    found = [p for p in report.problems if "words" in p.message]
    assert [p.message for p in found] == [
        "section 'Long one' has 204 words; keep each section to 200 or fewer (split or cut it)"
    ]
    assert found[0].line == 11  # the heading


def test_word_count_ignores_citations_link_targets_and_images() -> None:
    text = 'One two [S12][S3] [three](lesson:x#y).\n\n![alt words here](images/a.svg "A caption")\n'
    assert count_words(text) == 3


def test_section_above_grade_8_and_box_above_grade_6(write_pack: WritePack) -> None:
    hard = (
        "Pharmacological interventions targeting serotonergic neurotransmission demonstrate "
        "considerable heterogeneity regarding therapeutic effectiveness across populations."
    )
    box = (
        '!!! warning "Talk to your clinician"\n'
        "    Discontinuation of antidepressant medication occasionally precipitates "
        "uncomfortable physiological manifestations.\n"
    )
    _, report = run(
        write_pack,
        {"lessons/demo.md": lesson(f"## Hard\n\n{hard}\n\n## Easy\n\nIt is fine.\n\n## Box\n\n{box}")},
    )
    grades = [m for m in messages(report) if "reads at grade" in m]
    assert any(m.startswith("section 'Hard' reads at grade") for m in grades)
    assert any(m.startswith("'warning' box reads at grade") for m in grades)
    assert not any(m.startswith("section 'Easy'") for m in grades)


def test_shipped_sections_are_short_and_plain(shipped: QualityReport) -> None:
    assert not [
        str(p) for p in shipped.problems if "words; keep" in p.message or "reads at grade" in p.message
    ]


# -- terms ------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["5-HIAA", "MAO-A", "L-DOPA", "SSRIs", "5-HT2A", "decarboxylase", "VTA"])
def test_technical_looking_words_are_candidates(token: str) -> None:
    assert is_candidate_term(token)


@pytest.mark.parametrize(
    "token", ["serotonin", "long-term", "increase", "diagnosis", "NHS", "UK", "1-2", "I"]
)
def test_everyday_words_are_not_candidates(token: str) -> None:
    assert not is_candidate_term(token)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Tyrosine is turned into ", ", a substance made on the way."),
        ("An enzyme called ", " breaks serotonin down."),
        ("The gap is ", " (5-hydroxy-indole acetic acid)."),
        ("Light boxes are not approved by the US regulator (", ")."),
        ("", " is a medicine that stops an enzyme."),
        ("", ": a receptor type."),
        ("Psychedelics include ", " and psilocybin."),
    ],
)
def test_explained_on_first_use(before: str, after: str) -> None:
    assert is_explained(before, after)


@pytest.mark.parametrize(("before", "after"), [("Levels of ", " were high."), ("", " blocks the pump.")])
def test_not_explained(before: str, after: str) -> None:
    assert not is_explained(before, after)


def test_unexplained_term_is_reported_once_at_first_use(write_pack: WritePack) -> None:
    body = (
        "## Body\n\nLevels of 5-HIAA were high. Then 5-HIAA fell.\n\n"
        "An enzyme called MAO-A breaks it down. SSRIs act on the synapse."
    )
    _, report = run(write_pack, {"lessons/demo.md": lesson(body)})
    terms = [p for p in report.problems if "glossary" in p.message]
    assert [(p.line, p.message.split("'")[1]) for p in terms] == [(13, "5-HIAA")]
    assert "terms explained" in unmet(report, "demo")


def test_clinic_details_filled_in_are_not_terms(write_pack: WritePack) -> None:
    pack = write_pack(
        {
            "clinic.toml": 'name = "NRC Clinic"\nphone = "01234 5678"\nemergency_number = "112"\n',
            "lessons/demo.md": lesson("## Body\n\nCall {clinic_name} on {clinic_phone}."),
        }
    )
    library, _ = load_library([pack])
    assert check_quality(library).problems == []


def test_glossary_link_counts_as_glossary(write_pack: WritePack) -> None:
    body = "## Body\n\nLevels of [5-HIAA](glossary:synapse) were high."
    _, report = run(write_pack, {"lessons/demo.md": lesson(body)})
    assert report.problems == []


def test_shipped_terms_are_explained_or_in_glossary(shipped: QualityReport) -> None:
    found = [str(p) for p in shipped.problems if "not explained where it is first used" in p.message]
    assert found == []


# -- images -----------------------------------------------------------------------------


def test_image_without_alt_or_caption(write_pack: WritePack) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
    body = (
        '## Body\n\n![](images/a.svg "A caption")\n\n![A cat](images/a.svg)\n\n![A cat](images/a.svg "Cat.")'
    )
    _, report = run(write_pack, {"lessons/demo.md": lesson(body), "lessons/images/a.svg": svg})
    found = [(p.line, p.message) for p in report.problems]
    assert found == [
        (13, MESSAGES["alt"].format(src="images/a.svg")),
        (15, MESSAGES["caption"].format(src="images/a.svg")),
    ]
    assert {"image alt text", "image captions"} <= set(unmet(report, "demo"))


def test_shipped_images_have_alt_and_caption(shipped: QualityReport) -> None:
    assert not [str(p) for p in shipped.problems if p.message.startswith("image '")]


# -- medicines --------------------------------------------------------------------------


def test_medicine_without_reminder(write_pack: WritePack) -> None:
    _, report = run(write_pack, {"lessons/demo.md": lesson("## Body\n\nSertraline is an SSRI.")})
    assert [(p.line, p.message) for p in report.problems] == [
        (13, MESSAGES["medicine"].format(name="Sertraline"))
    ]


@pytest.mark.parametrize(
    "reminder",
    [
        "Do not stop or change it without talking to your prescriber.",
        "- Keep taking it. Do not stop it unless a doctor tells you to.",
        '!!! warning "Talk to your clinician"\n'
        "    Do not stop or change your medicine on your own. Talk to your prescriber first.",
    ],
)
def test_medicine_with_reminder(write_pack: WritePack, reminder: str) -> None:
    _, report = run(
        write_pack, {"lessons/demo.md": lesson(f"## Body\n\nSertraline is an SSRI.\n\n{reminder}")}
    )
    assert report.problems == []


def test_reminder_must_name_who() -> None:
    assert not has_reminder("Do not stop taking it suddenly.")
    assert has_reminder("Only stop or change them with your prescriber.")


def test_shipped_lessons_remind_about_prescriber(shipped: QualityReport) -> None:
    assert not [str(p) for p in shipped.problems if "names a medicine" in p.message]


# -- crisis lines -----------------------------------------------------------------------


def test_suicide_without_crisis_box(write_pack: WritePack) -> None:
    body = (
        "## Low mood\n\nSome people have thoughts of suicide.\n\n"
        '!!! warning "Talk to your clinician"\n    Tell someone.\n\n'
        "## Hurting yourself\n\nIf you want to hurt yourself, crisis lines: {crisis_lines}\n\n"
        "## With a box\n\nThoughts of suicide are common.\n\n"
        '!!! danger "Get help now"\n    Crisis lines: {crisis_lines}\n'
    )
    _, report = run(write_pack, {"lessons/demo.md": lesson(body)})
    found = [(p.line, p.message) for p in report.problems]
    assert found == [
        (11, MESSAGES["crisis"].format(section="Low mood")),
        (18, MESSAGES["crisis"].format(section="Hurting yourself")),
    ]


def test_shipped_suicide_sections_show_crisis_lines(shipped: QualityReport) -> None:
    assert not [str(p) for p in shipped.problems if "self-harm" in p.message]


# -- urgency tiers ----------------------------------------------------------------------


CHECKLIST = """\
---
id: signs
title: Signs
---

## Call {emergency_number} now {: .urgent }
- [ ] Seeing or hearing things that are not there.
- [ ] A seizure (fit).

## Call your prescriber today
- [ ] seeing or hearing things that are NOT there [S1]
- [ ] Shivering.
"""


def test_sign_in_two_tiers(write_pack: WritePack) -> None:
    other = "---\nid: other\n---\n\n## Later\n- [ ] A seizure, (fit)\n"
    _, report = run(
        write_pack,
        {
            "lessons/demo.md": lesson("## Body\n\nText."),
            "checklists/signs.md": CHECKLIST,
            "checklists/other.md": other,
        },
    )
    found = sorted((p.path.name, p.line, p.message) for p in report.problems)
    assert found == [
        ("other.md", 6, MESSAGES["tiers"].format(sign="A seizure, (fit)", other="urgent at signs.md:8")),
        (
            "signs.md",
            11,
            MESSAGES["tiers"].format(
                sign="seeing or hearing things that are NOT there", other="urgent at line 7"
            ),
        ),
    ]
    assert unmet(report, "(all content)") == ["one urgency per sign"]


def test_normalise_sign() -> None:
    assert normalise_sign("A seizure (fit). [S3]") == normalise_sign("a SEIZURE, fit")


def test_shipped_signs_have_one_tier(shipped: QualityReport) -> None:
    assert not [str(p) for p in shipped.problems if "give each sign one urgency" in p.message]


# -- quizzes ----------------------------------------------------------------------------


QUIZ = """\
---
id: demo
lesson: demo
---

# Linked?

1. [x] Yes
1. [ ] No

> Read more: [Body](lesson:demo#body)

# Not linked?

1. [x] Yes
1. [ ] No

> Read the whole [lesson](lesson:demo).
"""


def test_quiz_explanation_without_section_link(write_pack: WritePack) -> None:
    _, report = run(write_pack, {"lessons/demo.md": lesson("## Body\n\nText."), "quizzes/demo.md": QUIZ})
    assert [(p.path.name, p.line, p.message) for p in report.problems] == [
        ("demo.md", 18, MESSAGES["quiz_link"].format(question="Not linked?"))
    ]
    assert unmet(report, "demo") == ["quiz explanations link to sections"]


def test_shipped_quiz_explanations_link_to_sections(shipped: QualityReport) -> None:
    assert not [str(p) for p in shipped.problems if "(lesson:ID#anchor)" in p.message]


# -- clinic settings and the command line -----------------------------------------------


def test_clinic_defaults_are_counted_not_repeated(
    write_pack: WritePack, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_pack({"lessons/demo.md": lesson("## Body\n\nText.")})
    assert main(["check", "--quality", "--resources", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.count("clinic name is not set") == 1
    assert out.count("clinic phone is not set") == 1
    row = next(line for line in out.splitlines() if line.startswith("(all content)"))
    assert row.split() == ["(all", "content)", "1/2", "50%"]


def test_strict_fails_on_a_quality_finding(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack({"clinic.toml": CLINIC, "lessons/demo.md": lesson("## Body\n\nText.", framed=False)})
    assert main(["check", "--quality", "--resources", str(pack)]) == 0
    out = capsys.readouterr().out
    assert f"demo.md:6: warning: {MESSAGES['intro']}" in out
    assert "quality: items met / items that apply" in out
    assert main(["check", "--quality", "--strict", "--resources", str(pack)]) == 1


def test_json_has_quality_scores(write_pack: WritePack, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack({"clinic.toml": CLINIC, "lessons/demo.md": lesson("## Body\n\nText.", framed=False)})
    main(["check", "--quality", "--json", "--resources", str(pack)])
    payload = json.loads(capsys.readouterr().out)
    demo = next(row for row in payload["quality"] if row["name"] == "demo")
    assert demo["unmet"] == ["In this lesson", "What you can do"]
    assert demo["met"] == demo["applies"] - 2
    main(["check", "--json", "--resources", str(pack)])
    assert "quality" not in json.loads(capsys.readouterr().out)


def test_shipped_table(shipped: QualityReport) -> None:
    rows = {line.split()[0]: line.split()[1:] for line in shipped.table()}
    assert set(rows) == {"neurotransmitters", "addiction", "balancing", "(all"}
    assert rows["neurotransmitters"] == ["11/11", "100%"]
    assert rows["balancing"] == ["11/11", "100%"]
    assert rows["(all"] == ["content)", "2/2", "100%"]


def test_problem_lines_use_the_file_path(shipped: QualityReport) -> None:
    assert all(isinstance(p.path, Path) and p.line >= 1 for p in shipped.problems)
