"""One person's session at a shared PC: everything they did, in memory only, gone with :meth:`reset`.

Widgets show this state; they do not own it. New session and the idle reset
are one call to :meth:`ReaderSession.reset`, and a unit test proves that
nothing of the previous person remains after it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from serotonin_app.content.navigation import History, Place
from serotonin_app.content.quiz import Mode, Quiz, QuizSession

#: A checklist tick: (group index, item index).
Tick = tuple[int, int]


@dataclass
class ReaderSession:
    """Quiz answers, checklist ticks, Back/Forward, the search text and the seeds for answer order."""

    history: History = field(default_factory=History)
    #: The quiz under way, if any (one at a time, as on screen).
    quiz: QuizSession | None = None
    #: Ticks per checklist id.
    ticks: dict[str, set[Tick]] = field(default_factory=dict)
    search_text: str = ""
    find_text: str = ""
    glossary_filter: str = ""
    #: Seeds for the order of quiz answers; fixed in tests, random for people.
    seeds: random.Random = field(default_factory=random.Random)

    def start_quiz(self, quiz: Quiz, mode: Mode, seed: int | None = None) -> QuizSession:
        self.quiz = QuizSession(quiz, mode, self.seeds.randrange(1_000_000) if seed is None else seed)
        return self.quiz

    def ticked(self, checklist_id: str) -> set[Tick]:
        """The ticks of one checklist (a live set: changing it changes the session)."""
        return self.ticks.setdefault(checklist_id, set())

    def set_tick(self, checklist_id: str, tick: Tick, on: bool) -> None:
        ticked = self.ticked(checklist_id)
        if on:
            ticked.add(tick)
        else:
            ticked.discard(tick)

    def visit(self, place: Place) -> None:
        self.history.visit(place)

    @property
    def is_empty(self) -> bool:
        """True when nothing of a person is held: the state right after :meth:`reset`."""
        return (
            self.quiz is None
            and not any(self.ticks.values())
            and not (self.search_text or self.find_text or self.glossary_filter)
            and not self.history.can_go_back()
            and not self.history.can_go_forward()
        )

    def reset(self, first: Place | None = None) -> None:
        """Forget everything the last person did; the history starts again at ``first``."""
        self.quiz = None
        self.ticks.clear()
        self.search_text = self.find_text = self.glossary_filter = ""
        self.history.clear()
        # A new person must not be able to predict, or reproduce, the last one's answer order.
        self.seeds = random.Random()
        if first is not None:
            self.history.visit(first)
