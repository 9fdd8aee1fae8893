"""The side-by-side comparison: one scrollable list of rows with a current row.

Why one list of row widgets: each row holds both cells, so the columns share a single scroll
position and cannot desynchronise, and a long paragraph simply makes its row taller.

Why rows are mounted in batches: a long document can have thousands of rows, and creating a widget
(plus its word diff) for each one up front would stall the screen. Only the first ``BATCH`` rows
are mounted; more are mounted when the reader scrolls near the end of what exists, or when the
cursor is sent further down (``]``, ``G``). Word diffs are computed by the core per row, on first
use, so rows that are never reached never cost anything.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from newsdiff.core.compare import Comparison, RowView
from newsdiff.widgets.diff_row import DiffRow


class DiffView(VerticalScroll, can_focus=False):
    """Rows of a comparison, filtered, with a cursor; the screen drives it with its key bindings.

    It is not focusable so that the screen's bindings (``j``/``k``, ``g``/``G``...) are never
    shadowed by the scroll container's own; the mouse wheel still scrolls it.
    """

    BATCH: ClassVar[int] = 40
    """Rows mounted at a time."""

    class CursorMoved(Message):
        """The current row changed; ``row`` is its index in ``Comparison.rows`` (or None)."""

        def __init__(self, row: int | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.hide_identical = False
        self.hide_boilerplate = False
        self.word_level = True
        self.cursor = -1
        """Position of the current row in the visible list, -1 when nothing is shown."""
        self._order: list[int] = []
        self._rows: list[DiffRow] = []
        self._growing = False

    # -- what is shown ----------------------------------------------------------------------

    @property
    def order(self) -> list[int]:
        """Indices (into ``Comparison.rows``) of the rows that pass the filters, in order."""
        return self._order

    @property
    def mounted_rows(self) -> list[DiffRow]:
        return self._rows

    @property
    def current_row(self) -> int | None:
        """Index in ``Comparison.rows`` of the current row."""
        return self._order[self.cursor] if 0 <= self.cursor < len(self._order) else None

    @property
    def current_view(self) -> RowView | None:
        row = self.current_row
        return None if row is None or self.comparison is None else self.comparison.row_view(row)

    def _visible(self, comparison: Comparison, k: int) -> bool:
        """Whether row ``k`` passes the filters; word diffs are computed only when needed."""
        row = comparison.rows[k]
        if self.hide_boilerplate:
            paragraphs = [comparison.a.paragraphs[i] for i in row.a]
            paragraphs += [comparison.b.paragraphs[j] for j in row.b]
            if any(not p.is_body for p in paragraphs):
                return False
        return not (self.hide_identical and row.kind == "pair" and comparison.row_view(k).identical)

    async def show(self, comparison: Comparison, keep: int | None = None) -> None:
        """Show ``comparison``, with the cursor on row ``keep`` (or the next visible one)."""
        self.comparison = comparison
        await self.rebuild(keep)

    async def rebuild(self, keep: int | None = None) -> None:
        """Re-filter and remount from scratch, keeping the cursor on row ``keep`` if given."""
        comparison = self.comparison
        if comparison is None:
            return
        self._order = [k for k in range(len(comparison.rows)) if self._visible(comparison, k)]
        self._rows = []
        self.cursor = -1
        await self.remove_children()
        self.scroll_to(y=0, animate=False, immediate=True)
        if not self._order:
            message = "Nothing to show: every row is hidden (press i or b to show them again)."
            await self.mount(Static(Content(message), classes="empty", markup=False))
            self.post_message(self.CursorMoved(None))
            return
        target = 0
        if keep is not None:
            target = min(bisect_left(self._order, keep), len(self._order) - 1)
        await self.move_to(target)

    # -- laziness ---------------------------------------------------------------------------

    async def _grow(self, count: int) -> None:
        """Make sure the first ``count`` visible rows are mounted (rounded up to a batch)."""
        comparison = self.comparison
        if comparison is None:
            return
        if count <= len(self._rows):
            return
        count = min(max(count, len(self._rows) + self.BATCH), len(self._order))
        new = [
            DiffRow(position, comparison.row_view(self._order[position]), self.word_level)
            for position in range(len(self._rows), count)
        ]
        self._rows.extend(new)
        await self.mount_all(new)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Mount the next batch when the reader scrolls into the last screenful."""
        super().watch_scroll_y(old_value, new_value)
        near_end = new_value >= self.max_scroll_y - self.size.height
        if near_end and not self._growing and len(self._rows) < len(self._order):
            self._growing = True
            self.call_later(self._grow_more)

    async def _grow_more(self) -> None:
        try:
            await self._grow(len(self._rows) + self.BATCH)
        finally:
            self._growing = False

    # -- cursor -----------------------------------------------------------------------------

    async def move_to(self, position: int) -> None:
        """Make the visible row at ``position`` current and scroll it into view."""
        if not self._order:
            return
        position = max(0, min(position, len(self._order) - 1))
        await self._grow(position + 1)
        if 0 <= self.cursor < len(self._rows):
            self._rows[self.cursor].remove_class("-current")
        self.cursor = position
        row = self._rows[position]
        row.add_class("-current")
        self.scroll_to_widget(row, animate=False)
        self.post_message(self.CursorMoved(self.current_row))

    async def move_by(self, step: int) -> None:
        await self.move_to(self.cursor + step)

    def find_change(self, step: int) -> int | None:
        """Position of the next (``step=1``) or previous (``-1``) difference, if any.

        A difference is a changed pair or an unpaired paragraph; boilerplate rows are skipped
        because a different copyright line is not a difference in the story.
        """
        if self.comparison is None:
            return None
        position = self.cursor + step
        while 0 <= position < len(self._order):
            view = self.comparison.row_view(self._order[position])
            if view.changed and not view.boilerplate:
                return position
            position += step
        return None

    async def on_diff_row_clicked(self, event: DiffRow.Clicked) -> None:
        await self.move_to(event.row.position)

    # -- display options --------------------------------------------------------------------

    def set_word_level(self, word_level: bool) -> None:
        """Inline word highlights (True) or whole changed paragraphs tinted (False)."""
        self.word_level = word_level
        self.set_class(not word_level, "-paragraph-level")
        for row in self._rows:
            row.set_word_level(word_level)
