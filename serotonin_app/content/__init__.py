"""The content model: parsing, validation and rendering of the bundled Markdown.

Nothing in this package imports Qt, so it can be tested and used headless
(``tests/unit/test_no_qt.py`` proves it). Heavy imports (python-markdown, nh3)
happen only inside :mod:`serotonin_app.content.render`, which start-up never
touches.
"""
