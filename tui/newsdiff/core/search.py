"""Finding what the reader typed in article text: plain text, never a pattern.

A query is what a person types into a search box, so it is matched literally: ``[bold]``, ``.*``
or ``(`` mean those characters. Letters match in either case, curly and straight quotes and
apostrophes match each other (``Kim's`` finds ``Kim’s``: outlets disagree on typography, and the
reader cannot type a curly quote easily), and a run of spaces in the query matches any run of
white space (a paragraph may be hard-wrapped). The query is compiled into a regular expression
built from escaped characters, so spans are offsets into the original text, whatever case
folding would do to its length.

``Matches`` is the cursor a screen keeps over the hits ("3/11", ``n``/``N`` wrapping around); it
knows nothing about widgets, so every screen's search behaves the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from newsdiff.core.tokens import QUOTE_FOLD

Span = tuple[int, int]
L = TypeVar("L")

MAX_HITS = 10_000
"""A search stops counting here (the label then says ``"3/10000+"``, as vim says ``>99``): a
one-letter query in a long story would otherwise build hundreds of thousands of hits on every
keystroke, and nobody steps through more than this with ``n``."""


def _quote_classes() -> dict[str, str]:
    """Each quote character -> a character class of everything that folds to the same quote."""
    groups: dict[str, set[str]] = {}
    for code, straight in QUOTE_FOLD.items():
        target = str(straight)
        groups.setdefault(target, {target}).add(chr(code))
    classes: dict[str, str] = {}
    for members in groups.values():
        cls = "[" + "".join(re.escape(c) for c in sorted(members)) + "]"
        for member in members:
            classes[member] = cls
    return classes


_QUOTE_CLASSES = _quote_classes()


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern that finds ``query`` literally, or ``None`` when there is nothing to find
    (an empty or all-white-space query finds nothing rather than everything)."""
    if not query.strip():
        return None
    parts: list[str] = []
    previous_space = False
    for char in query:
        if char.isspace():
            if not previous_space:
                parts.append(r"\s+")
            previous_space = True
            continue
        previous_space = False
        parts.append(_QUOTE_CLASSES.get(char) or re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.UNICODE)


def find(text: str, query: str | re.Pattern[str] | None) -> list[Span]:
    """Character spans ``(start, end)`` of every match of ``query`` in ``text``, left to right.

    Matches do not overlap (as in less and vim's highlighting): ``"aa"`` in ``"aaaa"`` is found at
    0 and 2.
    """
    pattern = compile_query(query) if isinstance(query, str) else query
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text)]


@dataclass(frozen=True, slots=True)
class Hit(Generic[L]):
    """One match: where it is (a row, a paragraph, whatever the screen searched) and its span."""

    location: L
    start: int
    end: int


class Matches(Generic[L]):
    """The hits of one search in reading order, and which one is current.

    ``next``/``previous`` wrap around at the ends, as ``n``/``N`` do in less and vim (the screen
    may say so). With no hits there is no current hit and the label says so.
    """

    def __init__(self, hits: Sequence[Hit[L]], index: int = 0, truncated: bool = False) -> None:
        self.hits: list[Hit[L]] = list(hits)
        self.index: int | None = min(max(index, 0), len(self.hits) - 1) if self.hits else None
        self.truncated = truncated
        """True when the search stopped at its limit: there are more hits than ``hits``."""

    @classmethod
    def search(
        cls, texts: Iterable[tuple[L, str]], query: str | re.Pattern[str] | None, limit: int | None = MAX_HITS
    ) -> Matches[L]:
        """Search each ``(location, text)`` in order, keeping at most ``limit`` hits (``None``:
        all); the first hit is current."""
        pattern = compile_query(query) if isinstance(query, str) else query
        hits: list[Hit[L]] = []
        if pattern is None:
            return cls(hits)
        for location, text in texts:
            for match in pattern.finditer(text):
                if limit is not None and len(hits) >= limit:
                    return cls(hits, truncated=True)
                hits.append(Hit(location, match.start(), match.end()))
        return cls(hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __bool__(self) -> bool:
        return bool(self.hits)

    @property
    def current(self) -> Hit[L] | None:
        return None if self.index is None else self.hits[self.index]

    def next(self) -> Hit[L] | None:
        """Make the following hit current (after the last: the first) and return it."""
        if self.index is not None:
            self.index = (self.index + 1) % len(self.hits)
        return self.current

    def previous(self) -> Hit[L] | None:
        """Make the preceding hit current (before the first: the last) and return it."""
        if self.index is not None:
            self.index = (self.index - 1) % len(self.hits)
        return self.current

    def seek(self, at_or_after: Callable[[L], bool]) -> Hit[L] | None:
        """Make current the first hit whose location satisfies ``at_or_after`` (e.g. "at or below
        the cursor"), so a new search starts where the reader is; if none does, wrap to the first."""
        if self.index is not None:
            self.index = next((k for k, hit in enumerate(self.hits) if at_or_after(hit.location)), 0)
        return self.current

    def at(self, location: L) -> list[Hit[L]]:
        """The hits in one location (to highlight them all, the current one differently)."""
        return [hit for hit in self.hits if hit.location == location]

    def count_by(self, key: Callable[[L], object]) -> dict[object, int]:
        """How many hits each ``key(location)`` holds (e.g. per article)."""
        counts: dict[object, int] = {}
        for hit in self.hits:
            k = key(hit.location)
            counts[k] = counts.get(k, 0) + 1
        return counts

    @property
    def label(self) -> str:
        """``"3/11"``: the current hit's number from 1 and the total (``"3/10000+"`` when the
        search stopped at its limit); ``"no match"`` with none."""
        if self.index is None:
            return "no match"
        return f"{self.index + 1}/{len(self.hits)}{'+' if self.truncated else ''}"
