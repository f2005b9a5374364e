"""Section anchors, computed without python-markdown so start-up stays cheap.

The renderer passes :func:`slugify` to python-markdown's ``toc`` extension, so the
anchors the model knows and the ids in the rendered HTML are made by one function.
Which lines are headings is decided in :mod:`serotonin_app.content.markdown_text`.
"""

from __future__ import annotations

import re
import unicodedata


def slugify(value: str, separator: str = "-") -> str:
    """python-markdown's default ``toc`` slugify, or its ``slugify_unicode`` where that leaves nothing.

    The ASCII rule keeps English and Spanish anchors short and typeable ("que-es-un-
    neurotransmisor"); a heading in a script with no ASCII letters, such as Arabic,
    would get no anchor at all from it, so it keeps its own letters ("ما-هو-الناقل-العصبي").
    """
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = _slug(ascii_value, separator)
    return slug or _slug(unicodedata.normalize("NFKC", value), separator)


def _slug(value: str, separator: str) -> str:
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


_ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def unique(slug: str, used: set[str]) -> str:
    """Make ``slug`` unique the way ``toc`` does (``name``, ``name_1``, ``name_2``...; "" is ``_1``)."""
    if slug in used or not slug:
        match = _ID_COUNT.match(slug)
        base, count = (match.group(1), int(match.group(2))) if match else (slug, 0)
        count += 1
        while f"{base}_{count}" in used:
            count += 1
        slug = f"{base}_{count}"
    used.add(slug)
    return slug
