"""``check --lang CODE``: how complete and how current one language's translation is. No Qt.

For the language it counts the files translated against those in English, finds
translations made from an older English file (``translated_from`` against
:func:`source_hash` of the English file now), lists translations no clinician has
reviewed yet, counts interface strings still unfinished in ``serotonin_<lang>.ts``,
and scores each translated lesson's reading ease with a formula made for the
language. Its problems are errors where a translation would mislead (a quiz keyed
differently from the English one, a checklist whose urgent groups differ) and
warnings for stale files, missing hashes, hard reading and broken links.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from serotonin_app.content.checklist import Checklist
from serotonin_app.content.library import GLOSSARY_FILE, ContentLibrary
from serotonin_app.content.messages import translate
from serotonin_app.content.problems import Problem, error, warning
from serotonin_app.content.quiz import Quiz
from serotonin_app.content.readability import MAX_LESSON_GRADE, grade, inflesz
from serotonin_app.content.translations import SOURCE_LANGUAGE, Kind, Translation, source_hash
from serotonin_app.languages import PACK_TRANSLATIONS, TRANSLATIONS

# INFLESZ scale (Barrio-Cantalejo et al., 2008): 65 and above reads "bastante fácil" or easier.
MIN_INFLESZ = 65.0
# A ``.ts`` file larger than this is not read (a pack's file is treated as possibly hostile).
MAX_TS_BYTES = 5_000_000
KINDS: tuple[Kind, ...] = ("lesson", "quiz", "checklist", "glossary")


@dataclass(frozen=True)
class Readability:
    formula: str
    # Whether a higher score reads easier (reading ease) or harder (a school grade).
    higher_is_easier: bool
    score: Callable[[str], float]
    # The score a lesson must reach (or stay under, for a grade).
    target: float


READABILITY: dict[str, Readability] = {
    "en": Readability("Flesch-Kincaid grade", False, grade, MAX_LESSON_GRADE),
    "es": Readability("Szigriszt-Pazos (INFLESZ)", True, inflesz, MIN_INFLESZ),
}


@dataclass
class LanguageReport:
    language: str
    # Per kind: (translated files, files in English).
    present: dict[str, tuple[int, int]] = field(default_factory=dict)
    stale: list[Path] = field(default_factory=list)
    unreviewed: list[Path] = field(default_factory=list)
    # Interface strings not yet translated in the ``.ts`` file; None when there is no ``.ts``.
    ui_unfinished: int | None = None
    ui_file: Path | None = None
    formula: str = ""
    readability: dict[Path, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def table(self) -> list[str]:
        """Plain lines for the terminal."""
        labels = {
            "lesson": translate("content.check", "lessons"),
            "quiz": translate("content.check", "quizzes"),
            "checklist": translate("content.check", "checklists"),
            "glossary": translate("content.check", "glossary"),
        }
        lines = [
            translate("content.check", "language {code}: files translated / in English").format(
                code=self.language
            )
        ]
        lines += [f"  {labels[kind]}: {done} / {total}" for kind, (done, total) in self.present.items()]
        stale = translate("content.check", "stale (the English changed since): {count}")
        lines.append("  " + stale.format(count=len(self.stale)))
        unreviewed = translate("content.check", "not yet reviewed by a clinician: {count}")
        lines.append("  " + unreviewed.format(count=len(self.unreviewed)))
        if self.ui_unfinished is None:
            lines.append("  " + translate("content.check", "interface strings: no .ts file"))
        else:
            unfinished = translate("content.check", "interface strings not yet translated: {count}")
            lines.append("  " + unfinished.format(count=self.ui_unfinished))
        if self.formula:
            readability = translate("content.check", "readability ({formula}):")
            lines.append("  " + readability.format(formula=self.formula))
            lines += [f"    {path}: {score:.1f}" for path, score in self.readability.items()]
        return lines

    def as_json(self) -> dict[str, object]:
        return {
            "language": self.language,
            "present": {
                kind: {"translated": done, "english": total} for kind, (done, total) in self.present.items()
            },
            "stale": [str(path) for path in self.stale],
            "unreviewed": [str(path) for path in self.unreviewed],
            "ui_unfinished": self.ui_unfinished,
            "ui_file": str(self.ui_file) if self.ui_file else None,
            "readability": {
                "formula": self.formula,
                "scores": {str(p): s for p, s in self.readability.items()},
            },
        }


def check_language(
    library: ContentLibrary,
    language: str,
    *,
    check_links: Callable[[ContentLibrary], list[Problem]] | None = None,
) -> LanguageReport:
    """Everything ``check --lang`` reports for ``language``; ``check_links`` checks a library view."""
    english = library.original or library
    report = LanguageReport(language)
    view = english.in_language(language)
    report.ui_file, report.ui_unfinished = _ui_strings(english.roots, language)
    if language != SOURCE_LANGUAGE:
        _files(english, view, report)
    readability = READABILITY.get(language.split("_", maxsplit=1)[0])
    if readability is not None:
        report.formula = readability.formula
        for lesson in view.lessons:
            if language != SOURCE_LANGUAGE and view.translation("lesson", lesson.id) is None:
                continue
            score = round(readability.score(lesson.body), 1)
            report.readability[lesson.path] = score
            if language != SOURCE_LANGUAGE and _too_hard(readability, score):
                message = translate(
                    "content.check", "reads at {score:.1f} on {formula}; the target is {target:.0f} or more"
                ).format(score=score, formula=readability.formula, target=readability.target)
                report.problems.append(warning(lesson.path, 1, message))
    if check_links is not None and language != SOURCE_LANGUAGE:
        translated = {record.path for record in _records(english, language).values()}
        report.problems += [p for p in check_links(view) if p.path in translated]
    return report


def _too_hard(readability: Readability, score: float) -> bool:
    return score < readability.target if readability.higher_is_easier else score > readability.target


def _records(english: ContentLibrary, language: str) -> dict[tuple[Kind, str], Translation]:
    found = english.translated.get(language)
    return dict(found.files) if found is not None else {}


def _files(english: ContentLibrary, view: ContentLibrary, report: LanguageReport) -> None:
    records = _records(english, report.language)
    sources: dict[Kind, dict[str, Path]] = {
        "lesson": {item.id: item.path for item in english.lessons},
        "quiz": {item.id: item.path for item in english.quizzes},
        "checklist": {item.id: item.path for item in english.checklists},
        "glossary": _english_glossary(english),
    }
    for kind in KINDS:
        done = sum(1 for item_id in sources[kind] if (kind, item_id) in records)
        report.present[kind] = (done, len(sources[kind]))
    for (kind, item_id), record in sorted(records.items(), key=lambda pair: str(pair[1].path)):
        if not record.reviewed:
            report.unreviewed.append(record.path)
        # A translated glossary translates the glossary.md beside it.
        beside = record.path.with_name(GLOSSARY_FILE)
        source = beside if kind == "glossary" and beside.is_file() else sources[kind].get(item_id)
        if source is None:
            continue  # only in this language: nothing to be stale against
        report.problems += _freshness(record, source, report)
    for quiz in view.quizzes:
        original = english.quiz(quiz.id)
        if original is not None and view.translation("quiz", quiz.id) is not None:
            report.problems += quiz_differences(original, quiz)
    for checklist in view.checklists:
        english_checklist = english.checklist(checklist.id)
        if english_checklist is not None and view.translation("checklist", checklist.id) is not None:
            report.problems += checklist_differences(english_checklist, checklist)


def _english_glossary(english: ContentLibrary) -> dict[str, Path]:
    """The last English glossary file, if any."""
    files = [root / GLOSSARY_FILE for root in english.roots if (root / GLOSSARY_FILE).is_file()]
    return {"glossary": files[-1]} if files else {}


def _freshness(record: Translation, source: Path, report: LanguageReport) -> list[Problem]:
    try:
        now = source_hash(source.read_bytes())
    except OSError:
        return []
    if not record.translated_from:
        message = translate(
            "content.check",
            'no translated_from: add translated_from: "{hash}" if this translates the English '
            "file as it is now, so check can tell when the English changes",
        ).format(hash=now)
        return [warning(record.path, 1, message)]
    if record.translated_from != now:
        report.stale.append(record.path)
        message = translate(
            "content.check",
            "the English file changed after this was translated ({source} is {now}, "
            "translated_from is {then}): compare them, then update translated_from",
        ).format(source=source.name, now=now, then=record.translated_from)
        return [warning(record.path, record.translated_from_line, message)]
    return []


def _keyed(quiz: Quiz) -> list[tuple[int, ...]]:
    return [tuple(i for i, answer in enumerate(q.answers) if answer.correct) for q in quiz.questions]


def quiz_differences(english: Quiz, translated: Quiz) -> list[Problem]:
    """A translated quiz must ask as many questions and key the same answers as the English one."""
    if len(translated.questions) != len(english.questions):
        message = translate(
            "content.check", "this translation has {count} questions; the English quiz has {english}"
        ).format(count=len(translated.questions), english=len(english.questions))
        return [error(translated.path, 1, message)]
    problems = []
    for number, (ours, theirs, question) in enumerate(
        zip(_keyed(translated), _keyed(english), translated.questions, strict=True), 1
    ):
        if ours != theirs or len(question.answers) != len(english.questions[number - 1].answers):
            message = translate(
                "content.check",
                "question {number}: the answers or the correct ones differ from the English quiz "
                "(here {ours} of {count}, in English {theirs} of {english_count})",
            ).format(
                number=number,
                ours=_answer_numbers(ours),
                count=len(question.answers),
                theirs=_answer_numbers(theirs),
                english_count=len(english.questions[number - 1].answers),
            )
            problems.append(error(translated.path, question.line, message))
    return problems


def _answer_numbers(keyed: tuple[int, ...]) -> str:
    return ", ".join(str(index + 1) for index in keyed) or "-"


def _urgent(checklist: Checklist) -> list[tuple[int, int]]:
    """Each urgent group as (its place among the groups, its number of signs)."""
    return [(index, len(group.items)) for index, group in enumerate(checklist.groups) if group.urgent]


def checklist_differences(english: Checklist, translated: Checklist) -> list[Problem]:
    """A translated checklist must put the same signs under "get help now" as the English one."""
    if _urgent(translated) == _urgent(english):
        return []
    message = translate(
        "content.check",
        "the urgent groups differ from the English checklist (here groups {ours}, in English "
        "{theirs}, counted with their number of signs): a sign must be as urgent in every language",
    ).format(ours=_groups(_urgent(translated)), theirs=_groups(_urgent(english)))
    return [error(translated.path, 1, message)]


def _groups(urgent: list[tuple[int, int]]) -> str:
    return ", ".join(f"{index + 1} ({signs})" for index, signs in urgent) or "-"


def _ui_strings(roots: Sequence[Path], language: str) -> tuple[Path | None, int | None]:
    """The ``.ts`` file for ``language`` (a pack's wins, as its ``.qm`` does) and how many of the
    program's interface strings it does not translate yet.

    The program's strings are those of our own ``.ts`` files, which a test keeps in step
    with the code; a pack's file that translates ten of them leaves the rest unfinished.
    """
    if language == SOURCE_LANGUAGE:
        return None, 0
    name = f"serotonin_{language}.ts"
    candidates = [TRANSLATIONS / name, *(root / PACK_TRANSLATIONS / name for root in roots)]
    found = [path for path in candidates if path.is_file()]
    if not found:
        return None, None
    path = found[-1]
    finished = _finished(path)
    if finished is None:
        return path, None
    program: set[tuple[str, str]] = set()
    for ours in sorted(TRANSLATIONS.glob("serotonin_*.ts")):
        program |= _messages(ours)
    return path, len(program - finished)


def _finished(path: Path) -> set[tuple[str, str]] | None:
    """(context, source) of every message translated in ``path``; None when it cannot be read."""
    found = _messages(path, finished_only=True)
    return found if found or _readable(path) else None


def _readable(path: Path) -> bool:
    try:
        return path.stat().st_size <= MAX_TS_BYTES and ET.parse(path).getroot() is not None
    except (ET.ParseError, OSError):
        return False


def _messages(path: Path, *, finished_only: bool = False) -> set[tuple[str, str]]:
    if not _readable(path):
        return set()
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = (
                translation is not None
                and translation.get("type") not in {"unfinished", "obsolete", "vanished"}
                and bool((translation.text or "").strip() or translation.find("numerusform") is not None)
            )
            if done or not finished_only:
                found.add((context_name, message.findtext("source") or ""))
    return found
