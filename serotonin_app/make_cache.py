"""``make cache``: render the bundled lessons, in every language, into the start-up cache.

Run as ``python -m serotonin_app.make_cache [FOLDER]``. The installed languages'
translators are registered first, as the app does before loading content, so a
Spanish lesson is cached with its placeholders in Spanish and matches at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from serotonin_app.content.render_cache import write
from serotonin_app.i18n import register_content_languages
from serotonin_app.languages import ui_languages
from serotonin_app.resources import bundled_resources


def main(argv: list[str]) -> int:
    register_content_languages(ui_languages())
    print(write(Path(argv[0]) if argv else bundled_resources()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
