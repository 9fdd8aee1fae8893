"""The search every screen with a ``SearchBar`` shares: ``/`` opens it, typing searches from where the
reader is, enter keeps the matches, ``n``/``N`` step through them (wrapping), escape clears.

One implementation for the story, comparison and reader screens: a screen says what text it has
(``search_texts``), where a search starts (``search_start``), how to show the hits
(``show_matches``) and how to bring one into view (``go_to_match``); this class keeps the
``Matches`` cursor, the count in the bar, the bindings' availability and the notices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, Generic, TypeVar

from textual.screen import Screen
from textual.widgets import Input

from newsdiff.core.search import Hit, Matches
from newsdiff.widgets.search_bar import SearchBar

L = TypeVar("L")

SEARCH_ACTIONS = frozenset({"search", "next_match", "previous_match", "clear_search"})
"""The actions this class provides, whose availability ``search_allowed`` says."""


class SearchableScreen(Screen[None], Generic[L]):
    """A screen whose text ``/`` searches; ``L`` is where a hit is (a row, a paragraph...)."""

    SEARCH_NOTICES: ClassVar[bool] = True
    """Whether ``n``/``N`` say "No match." and "Search wrapped..." in a notification (the
    comparison shows only the count: its ``n`` also moves between differences)."""

    matches: Matches[L] | None = None
    """The current search's hits, ``None`` when no search is active."""
    search_query: str = ""
    """The query of ``matches`` (``""`` when no search is active)."""

    # -- what a screen supplies ---------------------------------------------------------------

    def search_texts(self) -> Iterable[tuple[L, str]]:
        """Every searchable text, in reading order, with where it is."""
        raise NotImplementedError

    def search_start(self) -> Callable[[L], bool]:
        """Whether a location is at or after where the reader is: the first match there is current."""
        raise NotImplementedError

    def searchable(self) -> bool:
        """False while there is nothing to search yet (a search then finds nothing, silently)."""
        return True

    def search_focus(self) -> None:
        """Where the keys go after enter or escape in the search bar."""
        self.set_focus(None)

    def show_matches(self, matches: Matches[L] | None) -> None:
        """Show (or with ``None``, drop) the highlights of a new search's hits."""

    def go_to_match(self, hit: Hit[L] | None, previous: Hit[L] | None) -> None:
        """Bring the current hit into view; ``previous`` is the hit ``n``/``N`` left (None after
        a new search)."""

    # -- the search ---------------------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    def search_allowed(self, action: str) -> bool:
        """For ``check_action``: ``/`` while not typing a query (it is a priority key, so in the
        input it must stay a character); the others only during a search."""
        if action == "search":
            return not isinstance(self.focused, Input)
        return self.matches is not None

    def action_search(self) -> None:
        self.search_bar.open()

    def action_clear_search(self) -> None:
        self.search_bar.clear()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        """Incremental: search as the reader types."""
        self.search(event.query)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.search(event.query)
        self.search_focus()

    def on_search_bar_cleared(self, _: SearchBar.Cleared) -> None:
        self.matches, self.search_query = None, ""
        self.show_matches(None)
        self.search_focus()
        self.refresh_bindings()

    def search(self, query: str) -> None:
        """Search for ``query`` (again), from where the reader is; an empty query ends the search."""
        if not query.strip() or not self.searchable():
            self.matches, self.search_query = None, ""
            self.show_matches(None)
            self.search_bar.show_count("", True)
            self.refresh_bindings()
            return
        matches: Matches[L] = Matches.search(self.search_texts(), query)
        matches.seek(self.search_start())
        self.matches, self.search_query = matches, query
        self.show_matches(matches)
        self.refresh_bindings()
        self._show_current(None)

    def _show_current(self, previous: Hit[L] | None) -> None:
        if self.matches is None:
            return
        self.search_bar.show_count(self.matches.label, bool(self.matches))
        self.go_to_match(self.matches.current, previous)

    def action_next_match(self) -> None:
        self._step(1)

    def action_previous_match(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        matches = self.matches
        if matches is None:
            return
        if not matches:
            if self.SEARCH_NOTICES:
                self.notify("No match.", timeout=2, markup=False)
            return
        before, previous = matches.index, matches.current
        hit = matches.next() if step > 0 else matches.previous()
        if self.SEARCH_NOTICES and hit is not None and before is not None and matches.index != before + step:
            where = "top" if step > 0 else "bottom"
            self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
        self._show_current(previous)
