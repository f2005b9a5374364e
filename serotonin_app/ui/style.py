"""The document style sheet shared by lesson views (and later printing)."""

LESSON_CSS = """
body { font-size: 11.5pt; }
h1.lesson-title { font-size: 20pt; margin-bottom: 6pt; }
h2 { font-size: 15pt; margin-top: 16pt; margin-bottom: 4pt; }
h3 { font-size: 12.5pt; margin-top: 10pt; }
p, li { line-height: 140%; }
sup.cite { font-size: 7pt; color: #555555; }
a { color: #1a4f8b; }
a.gloss { color: #22553a; text-decoration: none; }
table.callout { margin-top: 8pt; margin-bottom: 8pt; border-style: solid; color: #1b1b1b; }
table.note { border-color: #2f6f9f; background-color: #eef5fb; }
table.tip { border-color: #2f6f9f; background-color: #eef5fb; }
table.warning { border-color: #9a6700; background-color: #fff6dd; }
table.danger { border-color: #b3261e; background-color: #fdecea; }
p.callout-title { font-weight: bold; margin-top: 0; }
span.image-alt { color: #555555; font-style: italic; }
"""

GLOSSARY_CSS = (
    LESSON_CSS
    + """
h3 { margin-bottom: 2pt; }
h3.highlight { background-color: #fff2a8; color: #1b1b1b; }
"""
)
