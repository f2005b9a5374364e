"""The Glossary tab: every term with its definition, filtered as you type."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.ui.content_browser import ContentBrowser


class GlossaryPage(QWidget):
    """A search box over a list of terms; a linked term is scrolled to and highlighted."""

    def __init__(self, glossary: Glossary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glossary = glossary
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to find a word"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of glossary terms shown"))
        self.view = ContentBrowser()
        self.view.setAccessibleName(self.tr("Glossary"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self.highlighted = ""
        self.built = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Filled in when first shown, so start-up does not pay for it.
        if not self.built:
            self._show(self.glossary.search(self.search.text()))
        super().showEvent(event)

    def shown_terms(self) -> list[str]:
        return [t.term for t in self.glossary.search(self.search.text())]

    def show_term(self, anchor: str) -> bool:
        """Clear the search, then scroll to and highlight the term."""
        term = self.glossary.by_anchor(anchor)
        if term is None:
            return False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.highlighted = term.anchor
        self._show(self.glossary.terms)
        self.view.scrollToAnchor(term.anchor)
        return True

    def _on_search_changed(self, text: str) -> None:
        self.highlighted = ""
        self._show(self.glossary.search(text))

    def _show(self, terms: Sequence[GlossaryTerm]) -> None:
        self.built = True
        parts = []
        for term in terms:
            mark = ' class="highlight"' if term.anchor == self.highlighted else ""
            parts.append(
                f'<h3 id="{term.anchor}"{mark}>{html.escape(term.term)}</h3>'
                f"<p>{html.escape(term.definition)}</p>"
            )
        if not parts:
            parts.append(f"<p>{html.escape(self.tr('No glossary term matches what you typed.'))}</p>")
        self.view.setHtml(f"<h1>{html.escape(self.glossary.title)}</h1>" + "".join(parts))
        total = len(self.glossary.terms)
        self.count.setText(self.tr("%1 of %2 terms").replace("%1", str(len(terms))).replace("%2", str(total)))
