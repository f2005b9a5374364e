"""The Glossary tab: every term with its definition, filtered as you type."""

from __future__ import annotations

import html

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from serotonin_app.content.glossary import Glossary, GlossaryTerm
from serotonin_app.content.search import GlossaryFilter
from serotonin_app.content.session import ReaderSession
from serotonin_app.ui.content_browser import ContentBrowser
from serotonin_app.ui.translation_note import note_label

#: Terms drawn at a time. Drawing costs time for every character, so a keystroke
#: that matches 2,000 long definitions draws the first of them, not all (1 MB of
#: text takes Qt a quarter of a second); the rest are a click or a few letters away.
PAGE_TERMS = 100
#: Characters of terms and definitions drawn at a time, for glossaries with long definitions.
PAGE_CHARS = 50_000


class GlossaryPage(QWidget):
    """A search box over a list of terms; a linked term is scrolled to and highlighted."""

    def __init__(
        self,
        glossary: Glossary,
        session: ReaderSession | None = None,
        parent: QWidget | None = None,
        *,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.glossary = glossary
        #: Holds what was typed in the search box; the box shows it.
        self.session = session if session is not None else ReaderSession()
        self.filter = GlossaryFilter(glossary, glossary.language)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to find a word"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of glossary terms shown"))
        self.count.setWordWrap(True)
        self.earlier = QPushButton(self.tr("Show earlier terms"))
        self.earlier.clicked.connect(self._on_earlier_clicked)
        self.view = ContentBrowser()
        self.view.setAccessibleName(self.tr("Glossary"))
        self.more = QPushButton()
        self.more.clicked.connect(self._on_more_clicked)
        layout = QVBoxLayout(self)
        if note:  # shown in English, or not yet checked by a clinician
            layout.addWidget(note_label(note))
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.earlier)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.highlighted = ""
        self.built = False
        #: Every term that matches the search box, in order.
        self.matching: tuple[GlossaryTerm, ...] = glossary.terms
        #: The part of ``matching`` that is drawn: ``matching[start:end]``.
        self.start = self.end = 0
        # Each term's HTML is made once; a keystroke only joins the ones it draws.
        self._html: dict[GlossaryTerm, str] = {}

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Filled in when first shown, so start-up does not pay for it.
        if not self.built:
            self._show(self.filter.search(self.search.text()))
        super().showEvent(event)

    def shown_terms(self) -> list[str]:
        """The terms that match what is typed, in order (the first of them are drawn)."""
        return [t.term for t in self.matching]

    def drawn_terms(self) -> list[str]:
        """The terms drawn in the view now."""
        return [t.term for t in self.matching[self.start : self.end]]

    def show_term(self, anchor: str) -> bool:
        """Clear the search, then scroll to and highlight the term."""
        term = self.glossary.by_anchor(anchor)
        if term is None:
            return False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.session.glossary_filter = ""
        self.highlighted = term.anchor
        index = next((i for i, t in enumerate(self.glossary.terms) if t.anchor == term.anchor), 0)
        # Draw from the page the term is on, and a few terms before it for context.
        self._show(self.glossary.terms, start=max(0, index - 5) if index >= PAGE_TERMS else 0)
        self.view.scrollToAnchor(term.anchor)
        return True

    def show_session(self) -> None:
        """Show the session's filter text (empty after New session)."""
        self.search.setText(self.session.glossary_filter)  # setText also forgets the undo history

    def _on_search_changed(self, text: str) -> None:
        self.session.glossary_filter = text
        self.highlighted = ""
        self._show(self.filter.search(text))

    def _on_more_clicked(self) -> None:
        self._draw(self.start, self._page_end(self.end))

    def _on_earlier_clicked(self) -> None:
        position = self.view.verticalScrollBar().value()
        first = self.matching[self.start].anchor if self.start < len(self.matching) else ""
        self._draw(max(0, self.start - PAGE_TERMS), self.end)
        # Keep the term that was at the top in view rather than jumping to the start.
        if first:
            self.view.scrollToAnchor(first)
        else:
            self.view.verticalScrollBar().setValue(position)

    def _show(self, terms: tuple[GlossaryTerm, ...], start: int = 0) -> None:
        self.matching = terms
        self._draw(start, self._page_end(start))

    def _page_end(self, start: int) -> int:
        """Where a page of terms from ``start`` ends: PAGE_TERMS terms or PAGE_CHARS characters."""
        end, size = start, 0
        while end < len(self.matching) and end - start < PAGE_TERMS and (size < PAGE_CHARS or end == start):
            size += len(self.matching[end].term) + len(self.matching[end].definition)
            end += 1
        return end

    def _term_html(self, term: GlossaryTerm) -> str:
        made = self._html.get(term)
        if made is None:
            made = (
                f'<h3 id="{html.escape(term.anchor)}">{html.escape(term.term)}</h3>'
                f"<p>{html.escape(term.definition)}</p>"
            )
            self._html[term] = made
        if term.anchor == self.highlighted:
            return made.replace("<h3 ", '<h3 class="highlight" ', 1)
        return made

    def _draw(self, start: int, end: int) -> None:
        self.built = True
        self.start, self.end = start, end
        parts = [self._term_html(term) for term in self.matching[start:end]]
        if not self.matching:
            parts.append(f"<p>{html.escape(self.tr('No glossary term matches what you typed.'))}</p>")
        self.view.setHtml(f"<h1>{html.escape(self.glossary.title)}</h1>" + "".join(parts))
        total, found = len(self.glossary.terms), len(self.matching)
        if start == 0 and end == found:
            text = self.tr("%1 of %2 terms").replace("%1", str(found)).replace("%2", str(total))
        elif not self.search.text().strip():
            text = (
                self.tr("%1 terms; %2 to %3 are shown. Type to find a word.")
                .replace("%1", str(total))
                .replace("%2", str(start + 1))
                .replace("%3", str(end))
            )
        else:
            text = (
                self.tr("%1 of %2 terms match; %3 to %4 are shown. Type more of the word to narrow the list.")
                .replace("%1", str(found))
                .replace("%2", str(total))
                .replace("%3", str(start + 1))
                .replace("%4", str(end))
            )
        self.count.setText(text)
        remaining = found - end
        self.more.setText(self.tr("Show more terms (%1 not shown)").replace("%1", str(remaining)))
        self.more.setVisible(remaining > 0)
        self.earlier.setVisible(start > 0)
