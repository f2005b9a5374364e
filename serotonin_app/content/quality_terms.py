"""``check --quality``: technical terms must be in the glossary or explained where first used."""

from __future__ import annotations

import re
from collections.abc import Iterator

from serotonin_app.content.glossary import Glossary
from serotonin_app.content.lesson import Lesson
from serotonin_app.content.markdown_text import match_heading
from serotonin_app.content.problems import Problem, warning
from serotonin_app.content.quality_report import Score, rule_message
from serotonin_app.content.quality_text import Part, reading_text

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

_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary:[^)]*\)")
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


def _sentences(part: Part) -> Iterator[tuple[int, str]]:
    """``(file line, sentence)`` of the reading text, heading left out."""
    start = 1 if part.anchor else 0
    for offset, line in enumerate(part.lines[start:], start=start):
        if match_heading(line) is not None:
            continue
        text = reading_text(line)
        for sentence in _SENTENCE_END.split(text):
            if sentence.strip():
                yield part.line + offset, sentence


def terms_rule(
    lesson: Lesson, parts: list[Part], glossary: Glossary, clinic_text: str, score: Score
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
                    found.append(warning(lesson.path, line, rule_message("term").format(term=token)))
    return score.item("term", found)
