"""Search, the glossary filter, glossary order and glossary links in the reader's language."""

from __future__ import annotations

import re

import pytest

from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.render import Renderer
from serotonin_app.content.search import GlossaryFilter, SearchIndex
from serotonin_app.content.text_fold import collation_key, fold, stem_spanish
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def spanish() -> ContentLibrary:
    library, _ = load_library([BUNDLED])
    return library.in_language("es")


def test_spanish_stems_join_plural_and_gender_forms() -> None:
    assert stem_spanish("serotoninas") == stem_spanish("serotonina") == "serotonin"
    assert stem_spanish("neurotransmisores") == stem_spanish("neurotransmisor")
    assert stem_spanish("luces") == "luz"
    assert stem_spanish("mes") == "mes"  # too short to cut
    assert stem_spanish("intereses") == "interes"


def test_spanish_order_ignores_accents_and_puts_n_tilde_after_n() -> None:
    words = ["ñu", "oído", "Ánimo", "nube", "bajo", "alcohol", "Célula", "Clonus"]
    assert sorted(words, key=lambda w: collation_key(w, "es")) == [
        "alcohol", "Ánimo", "bajo", "Célula", "Clonus", "nube", "ñu", "oído",
    ]  # fmt: skip


def test_the_spanish_glossary_is_in_spanish_dictionary_order(spanish: ContentLibrary) -> None:
    names = [term.term for term in spanish.glossary.terms]
    assert spanish.glossary.language == "es"
    assert names == sorted(names, key=lambda n: (fold(n), n))
    # Ordered by code point, "Célula" came after "Clonus".
    assert names.index("Célula enterocromafín") < names.index("Clonus")


@pytest.mark.parametrize("typed", ["animo", "ÁNIMO", "estado de animo", "estados de ánimo"])
def test_spanish_search_ignores_accents_and_case(spanish: ContentLibrary, typed: str) -> None:
    hits = SearchIndex(spanish).search(typed)
    assert hits, typed
    assert any("ánimo" in hit.snippet.casefold() for hit in hits)


def test_spanish_search_finds_the_singular_from_a_plural(spanish: ContentLibrary) -> None:
    hits = SearchIndex(spanish).search("recaptaciones")
    assert hits and any(
        "recaptación" in fold(hit.snippet) or "recaptacion" in fold(hit.snippet) for hit in hits
    )
    assert any(hit.entry.kind == "glossary" for hit in hits)
    # Only a Spanish rule joins "luces" and "luz" (an English one made them "luc" and "luz").
    assert any(hit.entry.title == "Terapia de luz" for hit in SearchIndex(spanish).search("luces"))


def test_the_spanish_glossary_filter_matches_plurals_without_accents(spanish: ContentLibrary) -> None:
    found = GlossaryFilter(spanish.glossary, spanish.glossary.language)
    assert found.search("neurotransmisores")[0].term == "Neurotransmisor"
    assert "Síndrome serotoninérgico" in [t.term for t in found.search("sindrome")]
    assert "Recaptación" in [t.term for t in found.search("RECAPTACION")]


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="gloss" href="glossary:([^"]+)"[^>]*>([^<]+)</a>', html)


def test_a_spanish_lesson_links_its_glossary_terms(spanish: ContentLibrary) -> None:
    lesson = spanish.lesson("neurotransmitters")
    assert lesson is not None
    html = Renderer(spanish.glossary, language="es").lesson(lesson).html
    linked = {anchor for anchor, _text in _links(html)}
    assert {"neurotransmisor", "serotonina", "dopamina", "sinapsis"} <= linked


def test_a_plural_links_its_term_and_accents_do_not_matter(spanish: ContentLibrary) -> None:
    from serotonin_app.content.glossary import Glossary, GlossaryTerm

    glossary = Glossary((GlossaryTerm("Recaptación", "Cuando la célula recoge…", 1),), language="es")
    html = Renderer(glossary, language="es").markdown("## Uno\n\nLas recaptaciones y la recaptacion.\n").html
    assert _links(html) == [("recaptacion", "recaptaciones")]
    html = Renderer(glossary, language="es").markdown("## Uno\n\nLa RECAPTACION.\n").html
    assert _links(html) == [("recaptacion", "RECAPTACION")]


def test_no_glossary_links_in_a_translated_sources_section(spanish: ContentLibrary) -> None:
    lesson = spanish.lesson("neurotransmitters")
    assert lesson is not None
    html = Renderer(spanish.glossary, language="es").lesson(lesson).html
    sources = html[html.index('id="sources"') :]
    assert 'class="gloss"' not in sources


def test_a_sources_section_is_known_by_its_anchor_in_any_language() -> None:
    from serotonin_app.content.glossary import Glossary, GlossaryTerm

    glossary = Glossary((GlossaryTerm("Sinapsis", "El espacio entre dos células.", 1),), language="es")
    text = "## Uno\n\nUna frase.\n\n## Referencias {: #sources }\n\n- La sinapsis, un libro.\n"
    assert _links(Renderer(glossary, language="es").markdown(text).html) == []
