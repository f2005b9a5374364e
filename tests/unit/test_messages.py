"""The message table: English by default, an installed translator when there is one, never a crash."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content import messages
from serotonin_app.content.messages import (
    QT_TRANSLATE_NOOP,
    current_language,
    register_language,
    set_translator,
    translate,
    translate_in,
    translate_marked,
)
from serotonin_app.content.problems import capped, warning
from serotonin_app.content.settings import DEFAULT_DISCLAIMER, DEFAULT_EMERGENCY, ClinicSettings

TEMPLATE = "{count:,} more problems in this file are not shown"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    set_translator(None)
    for language in ("en", "es", "es_MX", "fr"):
        register_language(language, None)


def install(table: dict[str, str]) -> list[tuple[str, str]]:
    """Translate with ``table``; returns the (context, text) pairs asked for."""
    asked: list[tuple[str, str]] = []

    def lookup(context: str, text: str) -> str:
        asked.append((context, text))
        return table.get(text, text)

    set_translator(lookup)
    return asked


def test_english_by_default() -> None:
    message = translate("content.problems", TEMPLATE)
    assert message == TEMPLATE
    assert message.format(count=1234) == "1,234 more problems in this file are not shown"


def test_an_installed_translator_is_asked_with_the_context() -> None:
    asked = install({TEMPLATE: "{count:,} problèmes de plus ne sont pas montrés"})
    assert (
        translate("content.problems", TEMPLATE).format(count=3) == "3 problèmes de plus ne sont pas montrés"
    )
    assert asked == [("content.problems", TEMPLATE)]
    set_translator(None)
    assert translate("content.problems", TEMPLATE) == TEMPLATE


def test_an_empty_translation_means_not_translated() -> None:
    install({TEMPLATE: ""})
    assert (
        translate("content.problems", TEMPLATE).format(count=2)
        == "2 more problems in this file are not shown"
    )


@pytest.mark.parametrize(
    "translation",
    [
        "{cuenta:,} problemas más",  # a placeholder the English text does not have
        "problemas más",  # the number left out
        "{count:,} problemas {count",  # broken braces
        "{count:q} problemas",  # a format the number cannot take
        "{count[0]} problemas",  # an index into a number
        "{count} {} problemas",  # a positional placeholder
    ],
)
def test_a_broken_translation_falls_back_to_english(translation: str) -> None:
    install({TEMPLATE: translation})
    assert (
        translate("content.problems", TEMPLATE).format(count=5)
        == "5 more problems in this file are not shown"
    )


@given(st.text(max_size=40))
def test_no_translation_makes_filling_raise(translation: str) -> None:
    set_translator(lambda context, text: translation)
    try:
        filled = translate("content.problems", TEMPLATE).format(count=7)
    finally:
        set_translator(None)
    assert isinstance(filled, str)


def test_a_mistake_in_the_english_text_still_raises() -> None:
    with pytest.raises(KeyError):
        translate("content.problems", TEMPLATE).format(number=1)


def test_marked_text_is_english_until_shown() -> None:
    install({"your local emergency number": "su número de emergencias local"})
    assert (
        QT_TRANSLATE_NOOP("content.settings", "your local emergency number") == "your local emergency number"
    )
    assert translate_marked("content.settings", DEFAULT_EMERGENCY) == "su número de emergencias local"


def test_a_message_survives_copy_and_pickle() -> None:
    install({TEMPLATE: "{count} de plus"})
    message = translate("content.problems", TEMPLATE)
    for clone in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert (clone, clone.source) == (message, TEMPLATE)
        assert isinstance(clone, messages.Message)


def test_problems_and_settings_defaults_are_built_in_the_current_language() -> None:
    install(
        {
            TEMPLATE: "{count:,} problemas más no se muestran",
            DEFAULT_EMERGENCY: "su número de emergencias local",
            DEFAULT_DISCLAIMER: "Esta hoja es informativa.",
            "your clinic": "su clínica",
        }
    )
    many = [warning(Path("a.md"), line, "x") for line in range(1, 5)]
    assert capped(many, 2)[-1].message == "2 problemas más no se muestran"
    settings = ClinicSettings()
    assert settings.emergency_number == "su número de emergencias local"
    assert settings.disclaimer == "Esta hoja es informativa."
    assert settings.placeholders()["clinic_name"] == "su clínica"


def test_settings_defaults_stay_english_without_a_translator() -> None:
    settings = ClinicSettings()
    assert (settings.emergency_number, settings.disclaimer) == (DEFAULT_EMERGENCY, DEFAULT_DISCLAIMER)
    assert settings == ClinicSettings()


def test_content_problems_and_labels_are_built_in_the_current_language() -> None:
    """Front matter, quizzes, rendering limits, callouts and the quality report all ask the translator."""
    from serotonin_app.content.front_matter import parse_front_matter
    from serotonin_app.content.quality_report import ALL_CONTENT, QualityReport, Score
    from serotonin_app.content.quiz_parse import parse_quiz
    from serotonin_app.content.render import Renderer
    from serotonin_app.content.render_budget import render_budget_problem

    install(
        {
            "front matter is not closed: add a '---' line after it": "el encabezado no está cerrado",
            "question '{question}' has no answer list": "la pregunta '{question}' no tiene respuestas",
            "{count:,} '{mark}' in a row; the limit is {limit}": "{count:,} '{mark}' seguidos, máx. {limit}",
            "line {line}: {message}": "línea {line}: {message}",
            "Get help now": "Pida ayuda ya",
            "(all content)": "(todo el contenido)",
            "terms explained": "términos explicados",
        }
    )
    _, problems = parse_front_matter(Path("a.md"), "---\nid: a\n")
    assert [p.message for p in problems] == ["el encabezado no está cerrado"]
    quiz_source, _ = parse_front_matter(Path("q.md"), "---\nid: q\n---\n# Why?\n")
    assert quiz_source is not None
    _, problems = parse_quiz(quiz_source)
    assert [p.message for p in problems] == ["la pregunta 'Why?' no tiene respuestas"]
    budget = render_budget_problem("*" * 300 + "a", 4)
    assert budget is not None and str(budget) == "línea 4: 300 '*' seguidos, máx. 200"
    html = Renderer().markdown("!!! danger\n    Call now.\n").html
    assert '<p class="callout-title">Pida ayuda ya</p>' in html
    whole = Score(ALL_CONTENT, None, ["term"], ["term"])
    report = QualityReport([], [whole])
    assert report.table() == ["(todo el contenido)  0/1    0%"]
    assert report.as_json()[0]["unmet"] == ["términos explicados"]
    assert whole.name == ALL_CONTENT  # what the code matches stays English


def _table(table: dict[str, str]) -> messages.Translator:
    return lambda context, text: table.get(text, "")


def test_the_current_language_is_what_the_translator_speaks() -> None:
    assert current_language() == "en"
    set_translator(_table({}), "es")
    assert current_language() == "es"
    set_translator(None)
    assert current_language() == "en"
    set_translator(None, "fr")  # a language with no translation yet: its text stays English
    assert (current_language(), translate("content.problems", TEMPLATE)) == ("fr", TEMPLATE)


def test_translate_in_uses_the_current_translator_for_the_current_language() -> None:
    set_translator(_table({DEFAULT_EMERGENCY: "su número de emergencias local"}), "es")
    assert translate_in("es", "content.settings", DEFAULT_EMERGENCY) == "su número de emergencias local"
    # Another language without a translator of its own stays English, not Spanish.
    assert translate_in("en", "content.settings", DEFAULT_EMERGENCY) == DEFAULT_EMERGENCY
    assert translate_in("fr", "content.settings", DEFAULT_EMERGENCY) == DEFAULT_EMERGENCY


def test_translate_in_uses_a_registered_translator_for_another_language() -> None:
    register_language("es", _table({TEMPLATE: "{count:,} problemas más no se muestran"}))
    register_language("fr", _table({TEMPLATE: "{count:,} problèmes de plus ne sont pas montrés"}))
    assert (
        translate("content.problems", TEMPLATE).format(count=2)
        == "2 more problems in this file are not shown"
    )
    assert (
        translate_in("es", "content.problems", TEMPLATE).format(count=2) == "2 problemas más no se muestran"
    )
    assert translate_in("fr", "content.problems", TEMPLATE).format(count=2) == (
        "2 problèmes de plus ne sont pas montrés"
    )
    register_language("es", None)
    assert translate_in("es", "content.problems", TEMPLATE) == TEMPLATE


def test_the_current_translator_wins_over_a_registered_one() -> None:
    register_language("es", _table({TEMPLATE: "registrado"}))
    set_translator(_table({TEMPLATE: "actual"}), "es")
    assert translate_in("es", "content.problems", TEMPLATE) == "actual"


def test_a_region_without_its_own_translator_uses_its_language() -> None:
    register_language("es", _table({DEFAULT_EMERGENCY: "su número de emergencias local"}))
    assert translate_in("es_MX", "content.settings", DEFAULT_EMERGENCY) == "su número de emergencias local"
    register_language("es_MX", _table({DEFAULT_EMERGENCY: "el 911"}))
    assert translate_in("es_MX", "content.settings", DEFAULT_EMERGENCY) == "el 911"
    assert translate_in("es", "content.settings", DEFAULT_EMERGENCY) == "su número de emergencias local"


def test_a_broken_translation_in_another_language_falls_back_to_english() -> None:
    register_language("es", _table({TEMPLATE: "{cuenta} problemas"}))
    message = translate_in("es", "content.problems", TEMPLATE)
    assert message.source == TEMPLATE
    assert message.format(count=3) == "3 more problems in this file are not shown"
