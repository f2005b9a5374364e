"""What ``check --quality`` reports: its messages, the items each lesson is scored on, and the table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from serotonin_app.content.messages import QT_TRANSLATE_NOOP, Message, translate_marked
from serotonin_app.content.problems import Problem

# -- what users see: every message in one place -----------------------------------

#: The English templates, by rule; :func:`message` gives one in the current language.
#: The headings they name ('## In this lesson') are matched in English in the lesson text.
MESSAGES = {
    "intro": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "lesson has no '## In this lesson' section: start with 3 to 5 short bullets",
    ),
    "actions": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "lesson has no '## What you can do' section: end (before Sources) with concrete steps",
    ),
    "words": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "section '{section}' has {words} words; keep each section to {limit} or fewer (split or cut it)",
    ),
    "grade": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "section '{section}' reads at grade {grade:.1f}; aim for {limit:.0f} or below "
        "(shorter sentences, simpler words)",
    ),
    "box_grade": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "'{kind}' box reads at grade {grade:.1f}; safety boxes should be grade {limit:.0f} or below",
    ),
    "term": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "'{term}' is not in the glossary and is not explained where it is first used "
        "(explain it in the same sentence, or add it to the glossary)",
    ),
    "alt": QT_TRANSLATE_NOOP(
        "content.quality_report", "image '{src}' has no alt text: describe the picture inside ![…]"
    ),
    "caption": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "image '{src}' has no caption: add one after the file name, ![…]({src} \"Caption\")",
    ),
    "medicine": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "lesson names a medicine ('{name}') but never says not to stop or change it without the prescriber",
    ),
    "crisis": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "section '{section}' mentions suicide or self-harm but has no box showing {{crisis_lines}}",
    ),
    "tiers": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "sign '{sign}' is in an urgent group and also in a non-urgent group ({other}); "
        "give each sign one urgency",
    ),
    "quiz_link": QT_TRANSLATE_NOOP(
        "content.quality_report",
        "question '{question}' has no explanation linking to a lesson section (lesson:ID#anchor)",
    ),
}

#: Item names, as listed in the per-lesson score and in ``--json`` (English here, translated there).
#: "In this lesson" and "What you can do" name the items only: the rules look for the headings'
#: English anchors (``quality.INTRO_HEADING``), whatever the language.
ITEMS = {
    "intro": QT_TRANSLATE_NOOP("content.quality_report", "In this lesson"),
    "actions": QT_TRANSLATE_NOOP("content.quality_report", "What you can do"),
    "words": QT_TRANSLATE_NOOP("content.quality_report", "section length"),
    "grade": QT_TRANSLATE_NOOP("content.quality_report", "section reading grade"),
    "box_grade": QT_TRANSLATE_NOOP("content.quality_report", "safety box reading grade"),
    "term": QT_TRANSLATE_NOOP("content.quality_report", "terms explained"),
    "alt": QT_TRANSLATE_NOOP("content.quality_report", "image alt text"),
    "caption": QT_TRANSLATE_NOOP("content.quality_report", "image captions"),
    "medicine": QT_TRANSLATE_NOOP("content.quality_report", "medicine reminder"),
    "crisis": QT_TRANSLATE_NOOP("content.quality_report", "crisis lines"),
    "quiz_link": QT_TRANSLATE_NOOP("content.quality_report", "quiz explanations link to sections"),
    "tiers": QT_TRANSLATE_NOOP("content.quality_report", "one urgency per sign"),
    "clinic": QT_TRANSLATE_NOOP("content.quality_report", "clinic settings"),
}
#: The name of the row for the whole content (lessons' rows are named by their ids).
ALL_CONTENT = QT_TRANSLATE_NOOP("content.quality_report", "(all content)")


def rule_message(key: str) -> Message:
    """The template of rule ``key`` in the current language; fill it with ``.format()``."""
    return translate_marked("content.quality_report", MESSAGES[key])


def item_name(key: str) -> str:
    """The name of quality item ``key`` in the current language."""
    return translate_marked("content.quality_report", ITEMS[key])


@dataclass
class Score:
    """One row of the table: quality items met out of the items that apply."""

    name: str
    path: Path | None
    applies: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The row's name as shown: a lesson's id, or "(all content)" in the current language."""
        if self.path is None and self.name == ALL_CONTENT:
            return translate_marked("content.quality_report", ALL_CONTENT)
        return self.name

    @property
    def met(self) -> int:
        return len(self.applies) - len(self.unmet)

    @property
    def percent(self) -> int:
        return round(100 * self.met / len(self.applies)) if self.applies else 100

    def item(self, key: str, problems: list[Problem]) -> list[Problem]:
        """Count item ``key`` as applying, unmet when ``problems`` is not empty; return them."""
        if key not in self.applies:
            self.applies.append(key)
        if problems and key not in self.unmet:
            self.unmet.append(key)
        return problems


@dataclass(frozen=True)
class QualityReport:
    problems: list[Problem]
    scores: list[Score]

    def table(self) -> list[str]:
        """``neurotransmitters  11/12  92%`` lines, one per lesson, then the whole content."""
        width = max((len(s.label) for s in self.scores), default=0)
        fraction = [f"{s.met}/{len(s.applies)}" for s in self.scores]
        fwidth = max((len(f) for f in fraction), default=0)
        return [
            f"{s.label:<{width}}  {f:>{fwidth}}  {s.percent:>3}%"
            for s, f in zip(self.scores, fraction, strict=True)
        ]

    def as_json(self) -> list[dict[str, object]]:
        return [
            {
                "name": s.label,
                "path": str(s.path) if s.path else None,
                "met": s.met,
                "applies": len(s.applies),
                "percent": s.percent,
                "unmet": [item_name(key) for key in s.unmet],
            }
            for s in self.scores
        ]
