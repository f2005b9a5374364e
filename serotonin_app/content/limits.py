"""How big content may be. A file over a limit is reported and skipped; the rest still loads.

Every limit is far above what a real lesson, quiz, checklist or glossary needs
(the shipped content is the yardstick), and far below what makes the window
freeze, the parsers recurse out of the stack, or a handout run to hundreds of
pages. ``resources/README.md`` ("Limits") explains them to clinic staff; keep
the two in step.
"""

from __future__ import annotations

from serotonin_app.content.messages import QT_TRANSLATE_NOOP, translate, translate_marked

_CONTEXT = "content.limits"

MAX_FILE_BYTES = 1_000_000
"""Bytes in one content file or ``clinic.toml`` (1 MB).

The largest shipped file, the "balancing" lesson, is 23 kB: a lesson forty
times longer would take hours to read in a waiting room. Checked with ``stat``
before anything is read, and at most this many bytes plus one are ever read,
so a 64 GB sparse file or an endless device costs nothing. It also bounds the
text after clinic placeholders are filled in, so ``{crisis_lines}`` written
many thousand times cannot grow a small file into a huge one.
"""

MAX_LINE_CHARS = 10_000
"""Characters on one line. The longest shipped line is 430.

A paragraph is one line in Markdown, and 10,000 characters is about four
printed pages of one unbroken paragraph. Long runs of one character are what
makes text matching slow, so this also caps the cost of every per-line step.
"""

MAX_NESTING = 50
"""Levels of nesting: lists and quotes in Markdown, lists and tables in front matter and ``clinic.toml``.

The shipped content never goes deeper than 3. Python-markdown nests lists by
recursion and needs about 20 seconds, then gives up, for a list 1,000 levels
deep; the YAML and TOML readers recurse the same way. In Markdown each ``>``,
each list marker and each four columns of indentation at the start of a line
count as one level (200 columns of indentation is 50 levels).
"""

MAX_GLOSSARY_TERMS = 2_000
"""Terms in one glossary file, and in all glossaries together. 25 ship.

A medical glossary for patients has tens to a few hundred terms. Every term
is looked for in every lesson section when it is shown, so thousands of terms
make every page slower to open.
"""

MAX_HEADINGS = 200
"""Headings of any level in one lesson, and groups in one checklist.

The longest shipped lesson has 26 headings, 10 of them ``##`` sections. Each
``##`` heading is a row in the list beside the lesson; every heading gets its
own link anchor, and making repeated headings unique costs time that grows
with the square of their number.
"""

MAX_QUESTIONS = 200
"""Questions in one quiz. The longest shipped quiz has 12.

A waiting-room quiz has 5 to 15 questions; 200 is already far more than
anyone answers in one sitting, and the printed worksheet stays under about
40 pages.
"""

MAX_ANSWERS = 20
"""Answers (or items to put in order) in one question. Shipped questions have at most 4.

Every answer is a button on the screen and a box on the worksheet; more than
20 no longer fits on one screen at the larger text sizes.
"""

MAX_CHECKLIST_ITEMS = 300
"""Items in one checklist. The longest shipped checklist has 23.

A printed checklist fits about 25 items on a page; 300 items is a twelve-page
form, longer than anyone fills in before an appointment.
"""

MAX_ID_CHARS = 64
"""Characters in an ``id``. Shipped ids have at most 18.

An id names the exported PDF (``checklist-ID.pdf``); 64 characters keep that
name under the 255-byte limit of common file systems even in scripts that
need three or four bytes a character.
"""

MAX_TITLE_CHARS = 200
"""Characters in a title. A title is a tab label, a window title and a printed heading."""

MAX_SETTING_CHARS = 200
"""Characters in a short clinic setting: name, phone, emergency number, a crisis line's name or number.

Each is printed on one line of every handout's header or emergency box.
"""

MAX_DISCLAIMER_CHARS = 1_000
"""Characters in the disclaimer, printed at the foot of every handout page (the default has 161)."""

MAX_CRISIS_LINES = 20
"""Crisis lines in ``clinic.toml``.

They are printed inside a checklist's emergency box, which is kept whole on
one page; clinics list two to five.
"""

MAX_PROBLEMS_PER_FILE = 100
"""Problems reported for one file; the rest are counted in one last line.

A generated file can have a mistake on every one of its lines. A hundred
lines already say what is wrong, and a flood of them would bury the
problems in other files and slow the problem list in the window.
"""

MIN_IDLE_RESET_MINUTES = 1
"""The shortest idle reset. 0 turns it off; anything between 0 and 1 minute is refused.

A shorter time clears the screen while someone is still reading, and a timer of
a few milliseconds (``1e-9`` minutes) would reset the app over and over.
"""

MAX_IDLE_RESET_MINUTES = 24 * 60
"""The longest idle reset, one day: beyond that the reset no longer protects the next person."""


#: What :func:`too_big` says is too big; callers pass one of these (marked here, translated there).
FILE = QT_TRANSLATE_NOOP("content.limits", "file")
FILLED_FILE = QT_TRANSLATE_NOOP("content.limits", "with the clinic's details filled in, the file")


def size_text(size: int) -> str:
    """A byte count as people write it: ``512 bytes``, ``23 kB``, ``52 MB``, ``64 GB``."""
    for scale in (10**9, 10**6, 10**3):
        if size >= scale:
            value = size / scale
            shown = f"{value:.3g}" if value < 100 else f"{value:,.0f}"
            if scale == 10**9:
                return translate("content.limits", "{size} GB").format(size=shown)
            if scale == 10**6:
                return translate("content.limits", "{size} MB").format(size=shown)
            return translate("content.limits", "{size} kB").format(size=shown)
    return translate("content.limits", "{size} bytes").format(size=size)


def too_big(what: str, found: int, limit: int) -> str:
    """``file is 52 MB; the limit is 1 MB``, with exact byte counts when both round to the same text.

    ``what`` is :data:`FILE`, :data:`FILLED_FILE` or another text marked with ``QT_TRANSLATE_NOOP``
    in the context ``content.limits``.
    """
    found_text, limit_text = size_text(found), size_text(limit)
    if found_text == limit_text:
        exact = translate("content.limits", "{size} bytes")
        found_text, limit_text = exact.format(size=f"{found:,}"), exact.format(size=f"{limit:,}")
    return translate("content.limits", "{what} is {found}; the limit is {limit}").format(
        what=translate_marked(_CONTEXT, what), found=found_text, limit=limit_text
    )
