"""``check --quality``'s safety rules: medicine reminders, crisis lines, one urgency per sign."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, warning
from serotonin_app.content.quality_report import Score, rule_message
from serotonin_app.content.quality_text import Part, boxes, reading_text, without_images

#: Medicines (and classes of medicine) that need a "do not stop or change" reminder.
#: Matched as whole words, case-insensitively, with an optional plural "s".
MEDICINES = (
    "antidepressant",
    "SSRI",
    "SNRI",
    "MAOI",
    "tricyclic",
    "sertraline",
    "fluoxetine",
    "citalopram",
    "escitalopram",
    "paroxetine",
    "fluvoxamine",
    "venlafaxine",
    "desvenlafaxine",
    "duloxetine",
    "mirtazapine",
    "trazodone",
    "vortioxetine",
    "bupropion",
    "amitriptyline",
    "clomipramine",
    "phenelzine",
    "moclobemide",
    "selegiline",
    "lithium",
    "tramadol",
    "triptan",
    "sumatriptan",
    "methadone",
    "buprenorphine",
    "naltrexone",
    "acamprosate",
    "disulfiram",
    "benzodiazepine",
    "diazepam",
    "alprazolam",
    "lorazepam",
    "clonazepam",
    "linezolid",
)

_CITATION = re.compile(r"\[S\d+\]")
_HARM = re.compile(
    r"\bsuicid\w*|\bself[- ]?harm\w*"
    r"|\b(?:hurt|hurting|harm|harming|injure|injuring|kill|killing)\s+(?:yourself|myself|themselves|himself|herself)\b"
    r"|\bend(?:ing)?\s+(?:your|my|their)\s+(?:own\s+)?life\b"
    r"|\bbetter\s+off\s+dead\b",
    re.IGNORECASE,
)
_REMINDER_VERB = re.compile(r"\b(?:stop|stopping|change|changing)\b", re.IGNORECASE)
_REMINDER_WHO = re.compile(r"\b(?:prescriber|doctor|clinician|GP|pharmacist)s?\b", re.IGNORECASE)
_REMINDER_NOT = re.compile(r"\b(?:do not|don't|never|only|without|unless)\b", re.IGNORECASE)
_MEDICINE = re.compile(r"\b(" + "|".join(re.escape(m) for m in MEDICINES) + r")s?\b", re.IGNORECASE)
_BLOCK_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_NORMALISE = re.compile(r"[^\w\s]")


def _blocks(text: str) -> Iterator[str]:
    """Paragraphs and list items: blank lines and list markers start a new block."""
    block: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or _BLOCK_START.match(line):
            if block:
                yield " ".join(block)
            block = [line] if line.strip() else []
        else:
            block.append(line.strip())
    if block:
        yield " ".join(block)


def has_reminder(text: str) -> bool:
    """A paragraph or list item that says not to stop or change a medicine without a prescriber."""
    return any(
        _REMINDER_VERB.search(block) and _REMINDER_WHO.search(block) and _REMINDER_NOT.search(block)
        for block in _blocks(text)
    )


def medicine_rule(lesson: Lesson, parts: list[Part], score: Score) -> list[Problem]:
    first: tuple[int, str] | None = None
    for part in parts:
        for offset, line in enumerate(part.lines[1:] if part.anchor else part.lines):
            match = _MEDICINE.search(without_images(line))
            if match:
                first = (part.line + offset + (1 if part.anchor else 0), match.group(0))
                break
        if first:
            break
    if first is None:
        return []
    text = "\n".join(part.text for part in parts)
    found = (
        []
        if has_reminder(text)
        else [warning(lesson.path, first[0], rule_message("medicine").format(name=first[1]))]
    )
    return score.item("medicine", found)


def crisis_rule(lesson: Lesson, parts: list[Part], crisis_text: str, score: Score) -> list[Problem]:
    """``crisis_text`` is what ``{crisis_lines}`` became: lesson bodies are already filled in."""
    missing: list[Problem] = []
    applies = False
    for part in parts:
        body = "\n".join(part.lines[1:] if part.anchor else part.lines)
        if not _HARM.search(reading_text(body)):
            continue
        applies = True
        if not any(crisis_text in box.markdown for box in boxes(part)):
            missing.append(warning(lesson.path, part.line, rule_message("crisis").format(section=part.title)))
    return score.item("crisis", missing) if applies else []


def normalise_sign(text: str) -> str:
    """Case, punctuation, citation marks and spaces do not make two signs different."""
    return " ".join(_NORMALISE.sub(" ", _CITATION.sub("", text).casefold()).split())


def sign_tiers(checklists: Iterable[Checklist]) -> list[Problem]:
    """Items that are in an urgent (``{: .urgent }``) group and also in a non-urgent one."""
    urgent: dict[str, tuple[Path, int]] = {}
    other: list[tuple[str, str, Path, int]] = []
    for checklist in checklists:
        for group in checklist.groups:
            for item in group.items:
                key = normalise_sign(item.text)
                if not key:
                    continue
                if group.urgent:
                    urgent.setdefault(key, (checklist.path, item.line))
                else:
                    other.append((key, item.text, checklist.path, item.line))
    problems: list[Problem] = []
    for key, text, path, line in other:
        if key in urgent:
            where = urgent[key]
            if where[0] == path:
                place = translate("content.quality_safety", "line {line}").format(line=where[1])
            else:
                place = f"{where[0].name}:{where[1]}"
            urgent_at = translate("content.quality_safety", "urgent at {place}").format(place=place)
            problems.append(warning(path, line, rule_message("tiers").format(sign=text, other=urgent_at)))
    return problems
