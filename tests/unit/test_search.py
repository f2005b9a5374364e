"""The search index, without a window."""

from __future__ import annotations

import re

from serotonin_app.content.library import load_library
from serotonin_app.content.quiz import Question
from serotonin_app.content.readability import plain_text
from serotonin_app.content.search import SearchIndex, stem_words
from serotonin_app.content.text_fold import fold
from serotonin_app.content.text_fold import stem_english as stem
from tests.conftest import BUNDLED, WritePack, lesson_text


def _index() -> SearchIndex:
    library, _ = load_library([BUNDLED])
    return SearchIndex(library)


def test_fold_keeps_positions_and_drops_case_and_accents() -> None:
    assert fold("Café NAÏVE") == "cafe naive"
    assert len(fold("Blood–brain")) == len("Blood–brain")


def test_stems_join_word_forms() -> None:
    assert stem("cravings") == stem("craving") == stem("craved")
    assert stem("reuptake") == stem("reuptakes")


def test_a_word_only_in_the_glossary_is_found() -> None:
    # "jumpier" is used only in the definition of hyperreflexia.
    hits = _index().search("jumpier")
    assert [(hit.entry.kind, hit.entry.title) for hit in hits] == [("glossary", "Hyperreflexia")]


def test_stems_case_and_partial_words() -> None:
    index = _index()
    hits = index.search("CRAVING")
    assert any("cravings" in hit.match.casefold() for hit in hits)
    assert index.search("dopam")  # typed half a word


def test_results_say_where_and_highlight_the_match() -> None:
    hit = _index().search("serotonin syndrome")[0]
    assert (hit.entry.kind, hit.entry.id, hit.entry.anchor) == ("lesson", "balancing", "serotonin-syndrome")
    assert hit.entry.where == "What helps low mood › Serotonin syndrome"
    assert "<b>" in hit.snippet_html and hit.match.casefold() == "serotonin"


def test_quizzes_and_checklists_are_searched() -> None:
    kinds = {hit.entry.kind for hit in _index().search("goosebumps")}
    assert "checklist" in kinds
    quiz_hits = [hit for hit in _index().search("reuptake") if hit.entry.kind == "quiz"]
    assert [hit.entry.title for hit in quiz_hits] == ['What does "reuptake" mean?']


def _squash(text: str) -> str:
    return " ".join(fold(text).split())


def _asked(question: Question) -> str:
    return _squash(f"{question.title}\n{plain_text(question.body)}")


def _leaks(question: Question) -> list[str]:
    """What a quiz hit must never show (answers, comments, hint, explanation) unless the question says it."""
    texts = [answer.text for answer in question.answers]
    texts += [plain_text(answer.comment) for answer in question.answers]
    texts += [plain_text(question.hint), plain_text(question.explanation)]
    asked = _asked(question)
    return [leak for leak in map(_squash, texts) if leak and leak not in asked]


def _shipped_questions() -> list[tuple[str, Question]]:
    library, _ = load_library([BUNDLED])
    return [(quiz.id, question) for quiz in library.quizzes for question in quiz.questions]


def test_quiz_entries_hold_the_question_only() -> None:
    questions = _shipped_questions()
    entries = [entry for entry in _index().entries if entry.kind == "quiz"]
    assert len(entries) == len(questions) > 20
    for entry, (quiz_id, question) in zip(entries, questions, strict=True):
        assert (entry.id, entry.title) == (quiz_id, question.title)
        indexed = _squash(f"{entry.title}\n{entry.text}")
        assert indexed == _asked(question)
        for leak in _leaks(question):
            assert leak not in indexed, (question.title, leak)


def test_quiz_snippets_never_show_answers_hints_or_explanations() -> None:
    index = _index()
    questions = {(quiz_id, question.title): question for quiz_id, question in _shipped_questions()}
    words = {
        word
        for question in questions.values()
        for text in [*_leaks(question), question.title]
        for word in re.findall(r"\w+", text)
    }
    queries = sorted(words) + [leak for q in questions.values() for leak in _leaks(q)]
    seen = 0
    for query in queries:
        for hit in index.search(query, limit=1000):
            if hit.entry.kind != "quiz":
                continue
            seen += 1
            question = questions[(hit.entry.id, hit.entry.title)]
            shown = _squash(hit.snippet.replace("…", " "))
            assert shown in _asked(question), (query, hit.snippet)
            assert _squash(hit.match) in _asked(question)
            for leak in _leaks(question):
                assert leak not in shown, (query, question.title, leak)
    assert seen > len(questions)


def test_a_word_only_in_the_right_answer_finds_no_quiz() -> None:
    index = _index()
    for quiz_id, question in _shipped_questions():
        for answer in question.answers:
            if not answer.correct or stem_words(answer.text) <= stem_words(_asked(question)):
                continue
            found = {(hit.entry.id, hit.entry.title) for hit in index.search(answer.text, limit=1000)}
            assert (quiz_id, question.title) not in found, answer.text
    building_block = [hit for hit in index.search("tryptophan") if hit.entry.kind == "quiz"]
    assert "Which building block from food does the body use to make serotonin?" not in {
        hit.entry.title for hit in building_block
    }


def test_accents_in_content(write_pack: WritePack) -> None:
    pack = write_pack({"lessons/c.md": lesson_text("c", "Café", 1, {"Naïve readers": "Crème brûlée."})})
    library, _ = load_library([pack])
    hits = SearchIndex(library).search("creme brulee")
    assert hits and hits[0].match == "Crème"
    assert SearchIndex(library).search("naive")[0].entry.anchor == "naive-readers"


def test_nothing_for_empty_or_unknown() -> None:
    assert _index().search("   ") == []
    assert _index().search("xylophone") == []
