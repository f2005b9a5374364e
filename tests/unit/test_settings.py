"""Clinic settings per language: ``language =``, ``[es]`` tables, and defaults in the file's language."""

from __future__ import annotations

import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from serotonin_app.content.messages import register_language, set_translator
from serotonin_app.content.problems import Problem
from serotonin_app.content.settings import (
    ADVICE_WITH_LINE,
    DEFAULT_ADVICE,
    DEFAULT_CLINIC_NAME,
    DEFAULT_CLINIC_PHONE,
    DEFAULT_CRISIS_LINES,
    DEFAULT_DISCLAIMER,
    DEFAULT_EMERGENCY,
    ClinicSettings,
    ClinicTexts,
    load_settings,
)
from serotonin_app.content.settings_values import CrisisLine
from serotonin_app.content.toml_lines import table_key_lines

SPANISH = {
    DEFAULT_EMERGENCY: "el número de emergencias de su zona",
    DEFAULT_DISCLAIMER: "Esta hoja es solo informativa.",
    DEFAULT_CLINIC_NAME: "su clínica",
    DEFAULT_CLINIC_PHONE: "el teléfono de su clínica",
    DEFAULT_CRISIS_LINES: "pida a su clínica una línea de crisis, o marque {emergency_number}",
    DEFAULT_ADVICE: "quien le receta o su farmacéutico",
    ADVICE_WITH_LINE: "quien le receta, su farmacéutico o {name} al {number}",
}


def spanish(context: str, text: str) -> str:
    assert context == "content.settings"
    return SPANISH.get(text, "")


def english(context: str, text: str) -> str:
    return text


@pytest.fixture(autouse=True)
def no_translators() -> Iterator[None]:
    yield
    set_translator(None)
    for language in ("en", "es"):
        register_language(language, None)


def load(tmp_path: Path, *texts: str) -> tuple[ClinicSettings, list[Problem]]:
    """Apply each text as one folder's clinic.toml, in order, as the library does."""
    settings, problems = ClinicSettings(), []
    for number, text in enumerate(texts):
        path = tmp_path / f"pack{number}" / "clinic.toml"
        path.parent.mkdir()
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        settings, found = load_settings(path, settings)
        problems += found
    return settings, problems


def shown(problems: list[Problem]) -> list[tuple[int, bool, str]]:
    return [(p.line, p.is_error, p.message) for p in problems]


# -- defaults in the language asked for ----------------------------------------------------------


def test_spanish_defaults_while_the_interface_speaks_english() -> None:
    register_language("es", spanish)
    es = ClinicSettings().for_language("es")
    assert (es.emergency_number, es.disclaimer) == (
        "el número de emergencias de su zona",
        "Esta hoja es solo informativa.",
    )
    assert es.placeholders() == {
        "clinic_name": "su clínica",
        "clinic_phone": "el teléfono de su clínica",
        "emergency_number": "el número de emergencias de su zona",
        "crisis_lines": "pida a su clínica una línea de crisis, o marque el número de emergencias de su zona",
        "advice_line": "quien le receta o su farmacéutico",
        "disclaimer": "Esta hoja es solo informativa.",
    }
    # The interface's settings, and English ones, stay English.
    for settings in (ClinicSettings(), ClinicSettings().for_language("en")):
        assert (settings.emergency_number, settings.disclaimer) == (DEFAULT_EMERGENCY, DEFAULT_DISCLAIMER)
        assert settings.placeholders()["clinic_name"] == "your clinic"


def test_english_defaults_while_the_interface_speaks_spanish() -> None:
    """The bug this fixes: "Call el número de emergencias de su zona now" in an English lesson."""
    set_translator(spanish, "es")
    settings = ClinicSettings()
    assert settings.emergency_number == "el número de emergencias de su zona"  # the window's own text
    filled, unknown = settings.for_language("en").fill("Call {emergency_number} now. {crisis_lines}.")
    assert filled == (
        "Call your local emergency number now. "
        "ask your clinic for a crisis line, or call your local emergency number."
    )
    assert unknown == []
    assert settings.for_language("es").fill("Llame al {emergency_number}.")[0] == (
        "Llame al el número de emergencias de su zona."
    )


def test_an_english_translator_can_be_registered_too() -> None:
    set_translator(spanish, "es")
    register_language("en", english)
    assert ClinicSettings().for_language("en").disclaimer == DEFAULT_DISCLAIMER


def test_a_region_reads_its_language() -> None:
    register_language("es", spanish)
    assert ClinicSettings().for_language("es_MX").emergency_number == "el número de emergencias de su zona"


def test_a_language_without_a_translation_reads_english() -> None:
    register_language("es", spanish)
    assert ClinicSettings().for_language("fr").emergency_number == DEFAULT_EMERGENCY


def test_fill_in_a_language_reports_unknown_placeholders(tmp_path: Path) -> None:
    register_language("es", spanish)
    settings, problems = load(tmp_path, 'advice_line = { name = "Línea 24", number = "800 123" }\n')
    assert problems == []
    filled, unknown = settings.for_language("es").fill("Llame a {advice_line}.\n\n{clinic_nam}")
    assert filled == "Llame a quien le receta, su farmacéutico o Línea 24 al 800 123.\n\n{clinic_nam}"
    assert unknown == [(3, "clinic_nam")]


def test_the_clinics_values_are_never_translated(tmp_path: Path) -> None:
    register_language("es", spanish)
    settings, _ = load(tmp_path, 'emergency_number = "112"\ndisclaimer = "Only information."\n')
    es = settings.for_language("es")
    assert (es.emergency_number, es.disclaimer) == ("112", "Only information.")
    assert es.placeholders()["crisis_lines"] == "pida a su clínica una línea de crisis, o marque 112"


def test_an_empty_disclaimer_stays_empty(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, 'disclaimer = ""\n')
    assert problems == [] and settings.disclaimer == "" and settings.placeholders()["disclaimer"] == ""


# -- per-language tables ---------------------------------------------------------------------------


ES_TABLE = """
    name = "Riverside Clinic"
    emergency_number = "112"
    crisis_lines = [{ name = "Samaritans", number = "116 123" }]

    [es]
    name = "Clínica Riverside"
    disclaimer = "Solo información."
    crisis_lines = [{ name = "Teléfono de la Esperanza", number = "717 003 717" }]
    advice_line = { name = "Salud Responde", number = "955 545 060" }
    """


def test_a_language_table_applies_to_that_language_only(tmp_path: Path) -> None:
    register_language("es", spanish)
    settings, problems = load(tmp_path, ES_TABLE)
    assert problems == []
    es, en = settings.for_language("es"), settings.for_language("en")
    assert (es.name, es.emergency_number, es.disclaimer) == ("Clínica Riverside", "112", "Solo información.")
    assert es.crisis_lines == (CrisisLine("Teléfono de la Esperanza", "717 003 717"),)
    assert (
        es.placeholders()["advice_line"] == "quien le receta, su farmacéutico o Salud Responde al 955 545 060"
    )
    assert (en.name, en.emergency_number, en.disclaimer) == ("Riverside Clinic", "112", DEFAULT_DISCLAIMER)
    assert en.crisis_lines == (CrisisLine("Samaritans", "116 123"),)
    assert en.advice_line is None
    assert settings.for_language("es_MX").name == "Clínica Riverside"
    assert settings.for_language("fr").name == "Riverside Clinic"


def test_the_interfaces_settings_read_its_languages_table(tmp_path: Path) -> None:
    settings, _ = load(tmp_path, ES_TABLE)
    assert settings.name == "Riverside Clinic"
    set_translator(spanish, "es")
    assert (settings.name, settings.disclaimer) == ("Clínica Riverside", "Solo información.")
    assert settings.for_language("en").name == "Riverside Clinic"


def test_a_regional_table_refines_its_languages(tmp_path: Path) -> None:
    settings, problems = load(
        tmp_path,
        '[es]\nname = "Clínica"\nphone = "1"\n\n[es_MX]\nphone = "55 1234"\nemergency_number = "911"\n',
    )
    assert problems == []
    mx, es = settings.for_language("es_MX"), settings.for_language("es")
    assert (mx.name, mx.phone, mx.emergency_number) == ("Clínica", "55 1234", "911")
    assert (es.name, es.phone, es.emergency_number) == ("Clínica", "1", DEFAULT_EMERGENCY)


def test_later_files_override_per_key_and_per_language(tmp_path: Path) -> None:
    settings, problems = load(
        tmp_path,
        'name = "Bundled"\n[es]\nname = "Incluido"\nphone = "1"\n'
        'crisis_lines = [{ name = "A", number = "2" }]\n',
        'phone = "9"\n[es]\nphone = "3"\ncrisis_lines = []\n',
    )
    assert problems == []
    es, en = settings.for_language("es"), settings.for_language("en")
    assert (es.name, es.phone, es.crisis_lines) == ("Incluido", "3", ())
    assert (en.name, en.phone) == ("Bundled", "9")
    assert settings.translations == (("es", ClinicTexts(name="Incluido", phone="3", crisis_lines=())),)
    assert len(settings.files) == 2


def test_dotted_keys_and_inline_tables_are_language_tables_too(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, 'es.name = "A"\nfr = { name = "B" }\n')
    assert problems == []
    assert (settings.for_language("es").name, settings.for_language("fr").name) == ("A", "B")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            'name = "A"\n\n[es]\nname = "B"\nemergency_number = 112\n',
            5,
            "'emergency_number' must be text in quotes",
        ),
        ('[es]\nemergency_number = "  "\n', 2, "'emergency_number' must not be empty"),
        ('[es]\nname = "' + "x" * 201 + '"\n', 2, "'name' is 201 characters long; the limit is 200"),
        ('[es]\nname = "A"\ncrisis_lines = ["999"]\n', 3, "'crisis_lines' must be a list of"),
        ('[es]\n\nadvice_line = "111"\n', 3, "'advice_line' must be {"),
        ('name = "A"\nes.disclaimer = 3\n', 2, "'disclaimer' must be text in quotes"),
        ('name = "A"\nes = { phone = 3 }\n', 2, "'phone' must be text in quotes"),
        ('[es]\nname = "A"\n\n[[es.crisis_lines]]\nname = "Line"\n', 4, "'crisis_lines' must be a list of"),
    ],
)
def test_a_bad_value_in_a_language_table_is_an_error_on_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    settings, problems = load(tmp_path, text)
    assert [(p.line, p.is_error) for p in problems] == [(line, True)]
    assert problems[0].message.startswith(message)
    assert settings == ClinicSettings()  # the whole file is skipped, as for any error


def test_other_keys_in_a_language_table_are_warned_about_and_ignored(tmp_path: Path) -> None:
    settings, problems = load(
        tmp_path, 'name = "A"\n\n[es]\nname = "B"\nidle_reset_minutes = 5\nlanguage = "es"\nnombre = "C"\n'
    )
    cannot = "cannot be set per language; move it above the first [table] in the file (ignored)"
    assert shown(problems) == [
        (5, False, f"'idle_reset_minutes' {cannot}"),
        (6, False, f"'language' {cannot}"),
        (7, False, "unknown setting 'es.nombre' (ignored)"),
    ]
    assert (settings.idle_reset_minutes, settings.language) == (10, "")
    assert settings.for_language("es").name == "B"


def test_a_table_that_is_not_a_language_is_an_unknown_setting(tmp_path: Path) -> None:
    _, problems = load(tmp_path, 'name = "A"\n\n[spanish]\nname = "B"\n\n[ES]\nname = "C"\n')
    assert shown(problems) == [
        (3, False, "unknown setting 'spanish' (ignored)"),
        (6, False, "unknown setting 'ES' (ignored)"),
    ]


# -- the clinic's language ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["es", "pt_BR", "fil"])
def test_the_clinics_language(tmp_path: Path, code: str) -> None:
    settings, problems = load(tmp_path, f'name = "A"\nlanguage = "{code}"\n')
    assert problems == [] and settings.language == code


@pytest.mark.parametrize("value", ['"Spanish"', '"ES"', '"es-MX"', '""', "3", '["es"]'])
def test_a_bad_language_is_a_warning_and_ignored(tmp_path: Path, value: str) -> None:
    settings, problems = load(tmp_path, 'language = "fr"\n', f'name = "A"\n\nlanguage = {value}\n')
    assert shown(problems) == [
        (3, False, "'language' must be a language code such as 'es' or 'pt_BR' (ignored)")
    ]
    assert (settings.language, settings.name) == ("fr", "A")  # the rest of the file still applies


def test_a_later_file_changes_the_language(tmp_path: Path) -> None:
    settings, _ = load(tmp_path, 'language = "es"\n', 'language = "fr"\n', 'name = "A"\n')
    assert settings.language == "fr"


# -- where keys are ------------------------------------------------------------------------------------


def test_table_key_lines_finds_keys_by_table() -> None:
    text = (
        'name = "A"\n'  # 1
        'es.phone = "1"\n'  # 2
        "[[crisis_lines]]\n"  # 3
        'name = "Line"\n'  # 4
        "[es]\n"  # 5
        'name = "B"\n'  # 6
        '"disclaimer" = "C"\n'  # 7
        "[[es.crisis_lines]]\n"  # 8
        'name = "Línea"\n'  # 9
        "[fr]\n"  # 10
        'name = "D"\n'  # 11
    )
    assert table_key_lines(text) == {
        "": {"name": 1, "es": 2, "crisis_lines": 3, "fr": 10},
        "es": {"phone": 2, "name": 6, "disclaimer": 7, "crisis_lines": 8},
        "fr": {"name": 11},
    }


_lines = st.one_of(
    st.sampled_from(["[es]", "[fr_CA]", "[[es.crisis_lines]]", "[es.advice_line]", "[ES]", "[x.y.z]", ""]),
    st.builds(
        "{}{} = {}".format,
        st.sampled_from(["", "es.", "fr."]),
        st.sampled_from(
            ["name", "emergency_number", "crisis_lines", "advice_line", "language", "number", "x"]
        ),
        st.sampled_from(
            ['"A"', '"  "', "3", "[]", '[{ name = "L", number = "1" }]', '{ name = "L" }', '"es"']
        ),
    ),
)


@examples(max_examples=200)
@given(st.lists(_lines, max_size=10).map("\n".join))
def test_any_language_tables_give_settings_or_problems(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.toml"
        path.write_text(text, encoding="utf-8")
        result, problems = load_settings(path, ClinicSettings())
    assert all(1 <= p.line <= text.count("\n") + 1 for p in problems)
    if any(p.is_error for p in problems):
        assert result == ClinicSettings()
    for language in ("es", "fr_CA", "en"):
        values = result.for_language(language).placeholders()
        assert all(isinstance(value, str) and value for value in values.values())
