"""What ``check --quality`` reports: its messages, the items each lesson is scored on, and the table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from serotonin_app.content.problems import Problem

# -- what users see: every message in one place -----------------------------------

MESSAGES = {
    "intro": "lesson has no '## In this lesson' section: start with 3 to 5 short bullets",
    "actions": "lesson has no '## What you can do' section: end (before Sources) with concrete steps",
    "words": "section '{section}' has {words} words; keep each section to {limit} or fewer (split or cut it)",
    "grade": "section '{section}' reads at grade {grade:.1f}; aim for {limit:.0f} or below "
    "(shorter sentences, simpler words)",
    "box_grade": "'{kind}' box reads at grade {grade:.1f}; safety boxes should be grade {limit:.0f} or below",
    "term": "'{term}' is not in the glossary and is not explained where it is first used "
    "(explain it in the same sentence, or add it to the glossary)",
    "alt": "image '{src}' has no alt text: describe the picture inside ![…]",
    "caption": "image '{src}' has no caption: add one after the file name, ![…]({src} \"Caption\")",
    "medicine": "lesson names a medicine ('{name}') but never says not to stop or change it "
    "without the prescriber",
    "crisis": "section '{section}' mentions suicide or self-harm but has no box showing {{crisis_lines}}",
    "tiers": "sign '{sign}' is in an urgent group and also in a non-urgent group ({other}); "
    "give each sign one urgency",
    "quiz_link": "question '{question}' has no explanation linking to a lesson section (lesson:ID#anchor)",
}

#: Item names, as listed in the per-lesson score and in ``--json``.
ITEMS = {
    "intro": "In this lesson",
    "actions": "What you can do",
    "words": "section length",
    "grade": "section reading grade",
    "box_grade": "safety box reading grade",
    "term": "terms explained",
    "alt": "image alt text",
    "caption": "image captions",
    "medicine": "medicine reminder",
    "crisis": "crisis lines",
    "quiz_link": "quiz explanations link to sections",
    "tiers": "one urgency per sign",
    "clinic": "clinic settings",
}
ALL_CONTENT = "(all content)"


@dataclass
class Score:
    """One row of the table: quality items met out of the items that apply."""

    name: str
    path: Path | None
    applies: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)

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
        width = max((len(s.name) for s in self.scores), default=0)
        fraction = [f"{s.met}/{len(s.applies)}" for s in self.scores]
        fwidth = max((len(f) for f in fraction), default=0)
        return [
            f"{s.name:<{width}}  {f:>{fwidth}}  {s.percent:>3}%"
            for s, f in zip(self.scores, fraction, strict=True)
        ]

    def as_json(self) -> list[dict[str, object]]:
        return [
            {
                "name": s.name,
                "path": str(s.path) if s.path else None,
                "met": s.met,
                "applies": len(s.applies),
                "percent": s.percent,
                "unmet": [ITEMS[key] for key in s.unmet],
            }
            for s in self.scores
        ]
