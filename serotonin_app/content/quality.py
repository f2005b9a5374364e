"""``check --quality``: a psychoeducation linter for lessons, quizzes and checklists.

The rules follow what PEMAT-P (AHRQ's Patient Education Materials Assessment Tool)
and a clinical safety review ask of patient material. Each finding is a warning
(``path:line: warning: message``), and each lesson gets a score: the quality items
it meets out of the items that apply to it. The rules, their heuristics and their
limits are explained for authors in ``resources/README.md`` ("Quality check").

Everything works on the parsed library and the lessons' raw Markdown bodies, so
the section boundaries and anchors are the ones the app itself uses. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.glossary import Glossary
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.library import ContentLibrary
from serotonin_app.content.problems import Problem, reraise_unexpected, unexpected, warning
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.readability import MAX_LESSON_GRADE, grade, plain_text

# -- thresholds and word lists (documented in resources/README.md) -------------------

MAX_SECTION_WORDS = 200
MAX_SECTION_GRADE = MAX_LESSON_GRADE
MAX_SAFETY_BOX_GRADE = 6.0
INTRO_HEADING = "in-this-lesson"
ACTIONS_HEADING = "what-you-can-do"
SOURCES_HEADING = "sources"

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

#: Capitalised abbreviations every reader knows: never reported as unexplained terms.
COMMON_ABBREVIATIONS = frozenset({"US", "USA", "UK", "EU", "NHS", "GP", "TV", "OK", "AM", "PM", "ID"})

#: Endings of medical words (enzymes, inflammations, conditions). A lower-case word with
#: one of them is a technical term unless it is an everyday word listed below.
TECHNICAL_SUFFIXES = ("ase", "itis", "osis", "aemia", "emia", "ergic", "pathy", "ectomy")
EVERYDAY_WORDS = frozenset(
    {
        "base",
        "case",
        "cease",
        "chase",
        "crease",
        "database",
        "decrease",
        "disease",
        "ease",
        "erase",
        "increase",
        "lease",
        "phase",
        "please",
        "purchase",
        "release",
        "showcase",
        "staircase",
        "suitcase",
        "vase",
        "diagnosis",
        "prognosis",
        "academia",
        "apathy",
        "empathy",
        "sympathy",
        "telepathy",
        "energic",
    }
)

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

# -- patterns -------------------------------------------------------------------------

_CALLOUT = re.compile(r'^!!!\s+(\w+)(?:\s+"[^"]*")?\s*$')
_SAFETY_KINDS = frozenset({"danger", "warning"})
_IMAGE = re.compile(r'!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"([^"]*)"|\'([^\']*)\'))?\s*\)')
_CITATION = re.compile(r"\[S\d+\]")
_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary:[^)]*\)")
_SECTION_LINK = re.compile(r"\]\(\s*lesson:[^)#\s]+#[^)\s]+")
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
_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Just after the term: "(…)", ": …", "— …", ", a …", " is a …", " means …".
_EXPLAINED_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:\(|[:—–]|-\s"
    r"|,\s*(?:a|an|the|which|who|that|one|also|called|known|or)\b"
    r"|(?:is|are|was|were)\s+(?:a|an|the|one|called|short|what|when|where)\b"
    r"|(?:means|stands\s+for|refers\s+to)\b)",
    re.IGNORECASE,
)
# Just before the term: "called …", "known as …", "such as …", or "is …" / "or …" right before it.
_EXPLAINED_BEFORE = re.compile(
    r"(?:\b(?:called|named|known\s+as|short\s+for|such\s+as|include|includes|including)\s+"
    r"(?:[\w'’-]+\s+){0,4}"
    r"|\b(?:is|are|or|means)\s+(?:a\s+|an\s+|the\s+)?)[\"'“‘(]?$",
    re.IGNORECASE,
)
_NORMALISE = re.compile(r"[^\w\s]")


# -- results --------------------------------------------------------------------------


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


# -- the lesson as sections -----------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """A ``##`` section (or the text before the first one) as raw Markdown lines."""

    title: str
    anchor: str
    #: File line of the part's first line (the heading, or the body's first line).
    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _parts(lesson: Lesson) -> list[_Part]:
    """The introduction (if any text) and each ``##`` section but Sources, from ``lesson.sections``."""
    lines = lesson.body.split("\n")
    starts = [section.line - lesson.body_line for section in lesson.sections]
    parts: list[_Part] = []
    intro = lines[: starts[0]] if starts else lines
    if any(line.strip() for line in intro):
        parts.append(_Part("introduction", "", lesson.body_line, tuple(intro)))
    for number, section in enumerate(lesson.sections):
        if section.anchor == SOURCES_HEADING:
            continue
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        # The heading line is kept so that line numbers count from it; it is not reading text.
        parts.append(_Part(section.title, section.anchor, section.line, tuple(lines[starts[number] : end])))
    return parts


@dataclass(frozen=True)
class _Box:
    kind: str
    line: int
    markdown: str


def _boxes(part: _Part) -> Iterator[_Box]:
    """``!!! kind "Title"`` callouts: the title line and the indented lines under it."""
    index = 0
    lines = part.lines
    while index < len(lines):
        match = _CALLOUT.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(("    ", "\t"))):
            end += 1
        body = [line[4:] if line.startswith("    ") else line.lstrip("\t") for line in lines[index + 1 : end]]
        yield _Box(match.group(1).lower(), part.line + index, "\n".join([lines[index], *body]))
        index = end


def _without_images(markdown_text: str) -> str:
    return _IMAGE.sub("", markdown_text)


def _reading_text(markdown_text: str) -> str:
    """What ``readability`` reads: no headings, citations, link targets or markup; no images."""
    return plain_text(_without_images(markdown_text))


def count_words(markdown_text: str) -> int:
    """Words a reader reads: images, citation marks, link targets and markup are not counted."""
    return len(re.findall(r"[^\W_]+(?:['’.,-][^\W_]+)*", _reading_text(markdown_text)))


# -- lesson rules ---------------------------------------------------------------------


def _structure(lesson: Lesson, score: Score) -> list[Problem]:
    anchors = {section.anchor for section in lesson.sections}
    problems: list[Problem] = []
    for key, anchor in (("intro", INTRO_HEADING), ("actions", ACTIONS_HEADING)):
        found = [] if anchor in anchors else [warning(lesson.path, lesson.body_line, MESSAGES[key])]
        problems += score.item(key, found)
    return problems


def _length_and_grade(lesson: Lesson, parts: list[_Part], score: Score) -> list[Problem]:
    long: list[Problem] = []
    hard: list[Problem] = []
    boxes: list[Problem] = []
    any_box = False
    for part in parts:
        words = count_words(part.text)
        if words > MAX_SECTION_WORDS:
            message = MESSAGES["words"].format(section=part.title, words=words, limit=MAX_SECTION_WORDS)
            long.append(warning(lesson.path, part.line, message))
        section_grade = grade(_without_images(part.text))
        if section_grade > MAX_SECTION_GRADE:
            message = MESSAGES["grade"].format(
                section=part.title, grade=section_grade, limit=MAX_SECTION_GRADE
            )
            hard.append(warning(lesson.path, part.line, message))
        for box in _boxes(part):
            if box.kind not in _SAFETY_KINDS:
                continue
            any_box = True
            box_grade = grade(_without_images(box.markdown))
            if box_grade > MAX_SAFETY_BOX_GRADE:
                message = MESSAGES["box_grade"].format(
                    kind=box.kind, grade=box_grade, limit=MAX_SAFETY_BOX_GRADE
                )
                boxes.append(warning(lesson.path, box.line, message))
    problems = score.item("words", long) + score.item("grade", hard)
    if any_box:
        problems += score.item("box_grade", boxes)
    return problems


def _images(lesson: Lesson, parts: list[_Part], score: Score) -> list[Problem]:
    no_alt: list[Problem] = []
    no_caption: list[Problem] = []
    seen = False
    for part in parts:
        for offset, line in enumerate(part.lines):
            for match in _IMAGE.finditer(line):
                seen = True
                alt, src = match.group(1), match.group(2)
                caption = match.group(3) if match.group(3) is not None else match.group(4)
                if not alt.strip():
                    no_alt.append(warning(lesson.path, part.line + offset, MESSAGES["alt"].format(src=src)))
                if not (caption or "").strip():
                    no_caption.append(
                        warning(lesson.path, part.line + offset, MESSAGES["caption"].format(src=src))
                    )
    if not seen:
        return []
    return score.item("alt", no_alt) + score.item("caption", no_caption)


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


def _medicine(lesson: Lesson, parts: list[_Part], score: Score) -> list[Problem]:
    first: tuple[int, str] | None = None
    for part in parts:
        for offset, line in enumerate(part.lines[1:] if part.anchor else part.lines):
            match = _MEDICINE.search(_without_images(line))
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
        else [warning(lesson.path, first[0], MESSAGES["medicine"].format(name=first[1]))]
    )
    return score.item("medicine", found)


def _crisis(lesson: Lesson, parts: list[_Part], crisis_text: str, score: Score) -> list[Problem]:
    """``crisis_text`` is what ``{crisis_lines}`` became: lesson bodies are already filled in."""
    missing: list[Problem] = []
    applies = False
    for part in parts:
        body = "\n".join(part.lines[1:] if part.anchor else part.lines)
        if not _HARM.search(_reading_text(body)):
            continue
        applies = True
        if not any(crisis_text in box.markdown for box in _boxes(part)):
            missing.append(warning(lesson.path, part.line, MESSAGES["crisis"].format(section=part.title)))
    return score.item("crisis", missing) if applies else []


# -- terms ----------------------------------------------------------------------------


def is_candidate_term(token: str) -> bool:
    """Whether a word looks technical: two capitals (MAO-A, SSRI), a digit with a letter
    (5-HIAA, 5-HT2A), or a medical ending (-ase, -itis, -osis…) on a long word."""
    if token in COMMON_ABBREVIATIONS or token.rstrip("s") in COMMON_ABBREVIATIONS:
        return False
    has_letter = any(c.isalpha() for c in token)
    if not has_letter:
        return False
    if any(c.isdigit() for c in token):
        return True
    if sum(c.isupper() for c in token) >= 2:
        return True
    lower = token.lower()
    return len(lower) >= 6 and lower not in EVERYDAY_WORDS and lower.endswith(TECHNICAL_SUFFIXES)


def _in_glossary(glossary: Glossary, token: str, linked: set[str]) -> bool:
    forms = {token, token.rstrip("s") if token[-1:] == "s" and len(token) > 2 else token}
    return any(glossary.lookup(form) is not None or form.casefold() in linked for form in forms)


def is_explained(before: str, after: str) -> bool:
    """Whether a term between ``before`` and ``after`` (its sentence) is explained there."""
    if before.count("(") > before.count(")"):
        return True  # inside parentheses: it is itself the explanation of the words before it
    return bool(_EXPLAINED_AFTER.match(after) or _EXPLAINED_BEFORE.search(before))


def _sentences(part: _Part) -> Iterator[tuple[int, str]]:
    """``(file line, sentence)`` of the reading text, heading left out."""
    start = 1 if part.anchor else 0
    for offset, line in enumerate(part.lines[start:], start=start):
        if line.lstrip().startswith("#"):
            continue
        text = _reading_text(line)
        for sentence in _SENTENCE_END.split(text):
            if sentence.strip():
                yield part.line + offset, sentence


def _terms(
    lesson: Lesson, parts: list[_Part], glossary: Glossary, clinic_text: str, score: Score
) -> list[Problem]:
    """``clinic_text`` is every value the placeholders were filled with: the clinic's name
    and numbers are in the lesson body, but the author did not write them."""
    linked = {label.casefold() for label in _GLOSSARY_LINK.findall(lesson.body)}
    seen: set[str] = {token.casefold().rstrip("s") for token in _TOKEN.findall(clinic_text)}
    found: list[Problem] = []
    for part in parts:
        for line, sentence in _sentences(part):
            for match in _TOKEN.finditer(sentence):
                token = match.group(0)
                key = token.casefold().rstrip("s")
                if key in seen or not is_candidate_term(token):
                    continue
                seen.add(key)
                if _in_glossary(glossary, token, linked):
                    continue
                if not is_explained(sentence[: match.start()], sentence[match.end() :]):
                    found.append(warning(lesson.path, line, MESSAGES["term"].format(term=token)))
    return score.item("term", found)


# -- quizzes and checklists -----------------------------------------------------------


def _quiz_item(score: Score, quiz: Quiz) -> list[Problem]:
    return score.item("quiz_link", _quiz(quiz))


def _quiz(quiz: Quiz) -> list[Problem]:
    problems: list[Problem] = []
    for question in quiz.questions:
        if not _SECTION_LINK.search(question.explanation):
            line = question.explanation_line or question.line
            title = question.title if len(question.title) <= 60 else question.title[:57] + "…"
            problems.append(warning(quiz.path, line, MESSAGES["quiz_link"].format(question=title)))
    return problems


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
            place = f"line {where[1]}" if where[0] == path else f"{where[0].name}:{where[1]}"
            problems.append(
                warning(path, line, MESSAGES["tiers"].format(sign=text, other=f"urgent at {place}"))
            )
    return problems


# -- the whole check ------------------------------------------------------------------


def check_quality(library: ContentLibrary, branding: list[Problem] | None = None) -> QualityReport:
    """Every quality rule over the library.

    ``branding`` is what the normal ``check`` already reported about clinic settings
    left at their defaults: those warnings are printed once, by ``check``, and only
    counted here. When None they are worked out with ``check``'s own function.
    """
    if branding is None:
        from serotonin_app.content.check import _check_branding

        branding = _check_branding(library)
    problems: list[Problem] = []
    scores: list[Score] = []
    crisis_text = library.settings.placeholders()["crisis_lines"]
    for lesson in library.lessons:
        score = Score(lesson.id, lesson.path)
        scores.append(score)
        problems += _guarded(lesson.path, partial(_lesson, library, lesson, crisis_text, score))
    whole = Score(ALL_CONTENT, None)
    for quiz in library.quizzes:
        owner = next((s for s in scores if s.name == quiz.lesson), whole)
        problems += _guarded(quiz.path, partial(_quiz_item, owner, quiz))
    if any(group.urgent for checklist in library.checklists for group in checklist.groups):
        problems += whole.item("tiers", sign_tiers(library.checklists))
    whole.item("clinic", list(branding))
    scores.append(whole)
    return QualityReport(problems, scores)


def _guarded(path: Path, run: Callable[[], list[Problem]]) -> list[Problem]:
    """Anything unexpected while checking one file is a problem for that file; the rest go on."""
    try:
        return run()
    except Exception as exc:
        if reraise_unexpected():
            raise
        return [unexpected(path, exc, "check")]


def _lesson(library: ContentLibrary, lesson: Lesson, crisis_text: str, score: Score) -> list[Problem]:
    parts = _parts(lesson)
    clinic_text = " ".join(library.settings.placeholders().values())
    return [
        *_structure(lesson, score),
        *_length_and_grade(lesson, parts, score),
        *_terms(lesson, parts, library.glossary, clinic_text, score),
        *_images(lesson, parts, score),
        *_medicine(lesson, parts, score),
        *_crisis(lesson, parts, crisis_text, score),
    ]


__all__ = ["ITEMS", "MEDICINES", "MESSAGES", "QualityReport", "Score", "check_quality"]
