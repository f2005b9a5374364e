"""A content pack adds interface languages with ``translations/serotonin_<lang>.qm``."""

from __future__ import annotations

from pathlib import Path

import pytest

from serotonin_app.cli_args import UsageError, requested_language
from serotonin_app.languages import translation_files, ui_languages

ARABIC_PACK = Path(__file__).resolve().parents[1] / "packs" / "arabic"


def test_a_packs_translation_adds_its_language_and_wins_over_ours() -> None:
    files = translation_files([ARABIC_PACK])
    assert files["ar"] == ARABIC_PACK / "translations" / "serotonin_ar.qm"
    assert "es" in files  # ours stay
    assert ui_languages([ARABIC_PACK]) == ["en", "ar", *[c for c in ui_languages() if c != "en"]]


def test_lang_accepts_a_packs_language_only_with_that_pack() -> None:
    assert requested_language("ar", [ARABIC_PACK]) == "ar"
    with pytest.raises(UsageError, match="'ar' is not installed"):
        requested_language("ar", [])


def test_a_translation_linked_from_outside_the_pack_is_ignored(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.qm"
    outside.write_bytes((ARABIC_PACK / "translations" / "serotonin_ar.qm").read_bytes())
    pack = tmp_path / "pack"
    (pack / "translations").mkdir(parents=True)
    (pack / "translations" / "serotonin_fa.qm").symlink_to(outside)
    (pack / "translations" / "serotonin_not-a-code.qm").write_bytes(outside.read_bytes())
    assert "fa" not in translation_files([pack])
    assert ui_languages([pack]) == ui_languages()
