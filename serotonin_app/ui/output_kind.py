"""Where a handout goes. Its own module so the window knows the kinds without importing printing."""

from __future__ import annotations

import enum


class Output(enum.Enum):
    PRINT = "print"
    PREVIEW = "preview"
    PDF = "pdf"
