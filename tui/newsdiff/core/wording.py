"""Counts and shares as a reader reads them, the same in every report (app, terminal, exports)."""

from __future__ import annotations


def percent(share: float) -> str:
    """A share as a whole percentage that never rounds to a misleading 0% or 100%."""
    value = round(share * 100)
    if value == 100 and share < 1.0:
        value = 99
    elif value == 0 and share > 0.0:
        value = 1
    return f"{value}%"


def plural(count: int, word: str) -> str:
    """``1 pair``, ``2 pairs``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
