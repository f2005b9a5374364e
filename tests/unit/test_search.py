"""The search index, without a window."""

from __future__ import annotations

from serotonin_app.content.library import load_library
from serotonin_app.content.search import SearchIndex, fold, stem
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
    assert hit.entry.where == "Balancing serotonin › Serotonin syndrome"
    assert "<b>" in hit.snippet_html and hit.match.casefold() == "serotonin"


def test_quizzes_and_checklists_are_searched() -> None:
    kinds = {hit.entry.kind for hit in _index().search("goosebumps")}
    assert "checklist" in kinds
    assert any(hit.entry.kind == "quiz" for hit in _index().search("tryptophan"))


def test_accents_in_content(write_pack: WritePack) -> None:
    pack = write_pack({"lessons/c.md": lesson_text("c", "Café", 1, {"Naïve readers": "Crème brûlée."})})
    library, _ = load_library([pack])
    hits = SearchIndex(library).search("creme brulee")
    assert hits and hits[0].match == "Crème"
    assert SearchIndex(library).search("naive")[0].entry.anchor == "naive-readers"


def test_nothing_for_empty_or_unknown() -> None:
    assert _index().search("   ") == []
    assert _index().search("xylophone") == []
