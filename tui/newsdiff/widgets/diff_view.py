"""The side-by-side comparison: one scrollable list of rows with a current row.

Why one list of row widgets: each row holds both cells, so the columns share a single scroll
position and cannot desynchronise, and a long paragraph simply makes its row taller.

Why only a window of rows is mounted: a long document can have thousands of rows, and creating a
widget (plus its word diff) for each one would stall the screen. The list mounts a contiguous
window of rows, ``BATCH`` at a time: it grows at the bottom when the reader scrolls near its end
(dropping rows far above the view once it holds ``MAX_MOUNTED``), grows at the top when the reader
scrolls near its start, and is replaced by a fresh window around the target when the cursor is
sent far away (``G``, ``g``, ``]``). Word diffs are computed by the core per row, on first use, so
rows that are never shown never cost anything; the filters ask the core the cheap
``row_identical`` question instead of building diffs.

Why scrolling waits for a refresh: a row that was just mounted has no size until the screen has
laid it out, so scrolling it into view is deferred until after the next refresh (and done at once
when the row is already laid out).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar, Literal

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from newsdiff.core.compare import Comparison, RowView
from newsdiff.widgets.diff_row import DiffRow

Placement = Literal["present", "appended", "prepended", "replaced"]


class DiffView(VerticalScroll, can_focus=False):
    """Rows of a comparison, filtered, with a cursor; the screen drives it with its key bindings.

    It is not focusable so that the screen's bindings (``j``/``k``, ``g``/``G``...) are never
    shadowed by the scroll container's own; the mouse wheel still scrolls it.
    """

    BATCH: ClassVar[int] = 40
    """Rows mounted at a time."""
    MAX_MOUNTED: ClassVar[int] = 160
    """Scrolling down drops rows far above the view once this many are mounted."""

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
        self._start = 0
        """Position (in ``order``) of the first mounted row."""
        self._rows: list[DiffRow] = []
        self._growing = False
        self._pending = 0
        """Moves whose scrolling waits for a refresh; the window does not grow meanwhile."""
        self._generation = 0

    # -- what is shown ----------------------------------------------------------------------

    @property
    def order(self) -> list[int]:
        """Indices (into ``Comparison.rows``) of the rows that pass the filters, in order."""
        return self._order

    @property
    def mounted_rows(self) -> list[DiffRow]:
        """The mounted window of rows, top to bottom."""
        return self._rows

    @property
    def window(self) -> range:
        """Positions (in ``order``) of the mounted rows."""
        return range(self._start, self._start + len(self._rows))

    @property
    def current_row(self) -> int | None:
        """Index in ``Comparison.rows`` of the current row."""
        return self._order[self.cursor] if 0 <= self.cursor < len(self._order) else None

    @property
    def current_view(self) -> RowView | None:
        row = self.current_row
        return None if row is None or self.comparison is None else self.comparison.row_view(row)

    def row_at(self, position: int) -> DiffRow | None:
        """The mounted row widget at ``position`` in the visible list, if it is mounted."""
        return self._rows[position - self._start] if position in self.window else None

    def _boilerplate(self, comparison: Comparison, k: int) -> bool:
        row = comparison.rows[k]
        paragraphs = [comparison.a.paragraphs[i] for i in row.a]
        paragraphs += [comparison.b.paragraphs[j] for j in row.b]
        return any(not p.is_body for p in paragraphs)

    def _visible(self, comparison: Comparison, k: int) -> bool:
        """Whether row ``k`` passes the filters, without computing its word diff."""
        if self.hide_boilerplate and self._boilerplate(comparison, k):
            return False
        return not (self.hide_identical and comparison.row_identical(k))

    async def show(self, comparison: Comparison, keep: int | None = None) -> None:
        """Show ``comparison``, with the cursor on row ``keep`` (or the next visible one)."""
        self.comparison = comparison
        await self.rebuild(keep)

    async def rebuild(self, keep: int | None = None) -> None:
        """Re-filter and remount, keeping the cursor on row ``keep`` if given."""
        comparison = self.comparison
        if comparison is None:
            return
        self._order = [k for k in range(len(comparison.rows)) if self._visible(comparison, k)]
        await self._clear()
        if not self._order:
            message = "Nothing to show: every row is hidden (press i or b to show them again)."
            await self.mount(Static(Content(message), classes="empty", markup=False))
            self.post_message(self.CursorMoved(None))
            return
        target = 0
        if keep is not None:
            target = min(bisect_left(self._order, keep), len(self._order) - 1)
        await self.move_to(target)

    async def _clear(self) -> None:
        self._rows = []
        self._start = 0
        self.cursor = -1
        self._generation += 1
        await self.remove_children()
        self.scroll_to(y=0, animate=False, immediate=True)

    # -- the mounted window -----------------------------------------------------------------

    def _make_rows(self, start: int, end: int) -> list[DiffRow]:
        comparison = self.comparison
        assert comparison is not None
        rows = [
            DiffRow(position, comparison.row_view(self._order[position]), self.word_level)
            for position in range(start, end)
        ]
        for row in rows:
            row.set_class(row.position == self.cursor, "-current")
        return rows

    async def _append(self, end: int) -> None:
        """Mount the rows after the window, up to position ``end`` (exclusive)."""
        end = min(end, len(self._order))
        new = self._make_rows(self._start + len(self._rows), end)
        if new:
            self._rows.extend(new)
            await self.mount_all(new)

    async def _prepend(self, start: int) -> None:
        """Mount the rows before the window, from position ``start``, keeping the view still.

        Rows added above the view push it down; once they are laid out, the view is scrolled by
        as much, so the row that was at the top of the window stays where it was on screen.
        """
        start = max(0, start)
        if start >= self._start or not self._rows:
            return
        anchor = self._rows[0]
        before = anchor.virtual_region.y - self.scroll_y
        new = self._make_rows(start, self._start)
        self._rows[:0] = new
        self._start = start
        await self.mount_all(new, before=0)
        self.call_after_refresh(self._keep_in_place, anchor, before)

    async def _drop_below(self, keep: int) -> None:
        """Unmount the rows after the first ``keep`` of the window (they are below the view)."""
        if len(self._rows) > keep:
            dropped = self._rows[keep:]
            del self._rows[keep:]
            await self.remove_children(dropped)

    async def _drop_above(self) -> None:
        """Unmount rows far above the view once the window is too large, keeping the view still."""
        excess = len(self._rows) - self.MAX_MOUNTED
        limit = self.scroll_y - 2 * self.size.height
        cut = 0
        while cut < excess and self._rows[cut].virtual_region.bottom <= limit:
            cut += 1
        if cut == 0:
            return
        removed = self._rows[cut].virtual_region.y
        dropped = self._rows[:cut]
        del self._rows[:cut]
        self._start += cut
        await self.remove_children(dropped)
        self.scroll_to(y=self.scroll_y - removed, animate=False, immediate=True)

    async def _place(self, position: int) -> Placement:
        """Make sure the row at ``position`` is mounted; say how the window changed."""
        end = self._start + len(self._rows)
        if self._rows and self._start <= position < end:
            return "present"
        if self._rows and end <= position < end + self.BATCH:
            await self._append(max(position + 1, end + self.BATCH))
            return "appended"
        if self._rows and self._start - self.BATCH <= position < self._start:
            await self._prepend(self._start - self.BATCH)
            await self._drop_below(self.MAX_MOUNTED)
            return "prepended"
        await self._clear()
        start = max(0, min(position - self.BATCH // 2, len(self._order) - self.BATCH))
        self._start = start
        await self._append(start + self.BATCH)
        return "replaced"

    def _keep_in_place(self, anchor: DiffRow, before: float) -> None:
        if anchor.parent is self:
            self.scroll_to(y=anchor.virtual_region.y - before, animate=False, immediate=True)

    # -- growing as the reader scrolls ------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Grow the window when the reader scrolls into its first or last screenful."""
        super().watch_scroll_y(old_value, new_value)
        self._check_edges()

    def _check_edges(self) -> None:
        if self._growing or self._pending or not self._rows:
            return
        height = self.size.height
        if self.scroll_y >= self.max_scroll_y - height and self._start + len(self._rows) < len(self._order):
            self._growing = True
            self.call_later(self._grow_down)
        elif self.scroll_y <= height and self._start > 0:
            self._growing = True
            self.call_later(self._grow_up)

    async def _grow_down(self) -> None:
        try:
            await self._drop_above()
            await self._append(self._start + len(self._rows) + self.BATCH)
        finally:
            self._growing = False

    async def _grow_up(self) -> None:
        try:
            self._pending += 1
            await self._prepend(self._start - self.BATCH)
            await self._drop_below(self.MAX_MOUNTED)
            self.call_after_refresh(self._settled)
        finally:
            self._growing = False

    def _settled(self) -> None:
        self._pending = max(0, self._pending - 1)
        if not self._pending:
            self._check_edges()

    # -- cursor -----------------------------------------------------------------------------

    async def move_to(self, position: int) -> None:
        """Make the visible row at ``position`` current and scroll it into view.

        Rows just mounted are scrolled to after the next refresh, when they have a size; a row
        that replaced the whole window is centred, so the jump lands with context on both sides.
        """
        if not self._order:
            return
        position = max(0, min(position, len(self._order) - 1))
        placement = await self._place(position)
        self._set_cursor(position)
        row = self.row_at(position)
        assert row is not None
        if placement == "present" and row.size:
            self.scroll_to_widget(row, animate=False, immediate=True)
            return
        self._generation += 1
        self._pending += 1
        self.call_after_refresh(self._reveal, row, self._generation, placement == "replaced")

    def _reveal(self, row: DiffRow, generation: int, center: bool) -> None:
        """Deferred part of ``move_to``: the row has been laid out now."""
        if generation == self._generation and row.parent is self:
            self.scroll_to_widget(row, animate=False, immediate=True, center=center)
        self._settled()

    def _set_cursor(self, position: int) -> None:
        if position == self.cursor and (row := self.row_at(position)) and row.has_class("-current"):
            return
        if (old := self.row_at(self.cursor)) is not None:
            old.remove_class("-current")
        self.cursor = position
        if (row := self.row_at(position)) is not None:
            row.add_class("-current")
        self.post_message(self.CursorMoved(self.current_row))

    async def move_by(self, step: int) -> None:
        await self.move_to(self.cursor + step)

    async def page(self, step: int) -> None:
        """Scroll a page down (``step=1``) or up (``-1``) and put the cursor on the first row
        fully in view; at the end (or start) already, go to the last (or first) row."""
        if not self._rows:
            return
        height = self.scrollable_content_region.height
        if step > 0 and self.scroll_y + 2 * height > self.virtual_size.height:
            await self._append(self._start + len(self._rows) + self.BATCH)
            self._pending += 1
            self.call_after_refresh(self._page_now, step)
        elif step < 0 and self.scroll_y < height and self._start > 0:
            self._pending += 1
            await self._prepend(self._start - self.BATCH)
            await self._drop_below(self.MAX_MOUNTED)
            self.call_after_refresh(self._page_now, step)
        elif self._pending:
            self._pending += 1
            self.call_after_refresh(self._page_now, step)
        else:
            self._pending += 1
            await self._page_now(step)

    async def _page_now(self, step: int) -> None:
        try:
            height = self.scrollable_content_region.height
            top = self.scroll_y
            new_top = max(0, min(top + step * height, self.max_scroll_y))
            if new_top == top:
                await self.move_to(len(self._order) - 1 if step > 0 else 0)
                return
            self.scroll_to(y=new_top, animate=False, immediate=True)
            target = self._first_in_view(new_top, height)
            if step > 0 and self.cursor > target and self._wholly_in_view(self.cursor, new_top, height):
                target = self.cursor  # paging down never moves the cursor up
            self._set_cursor(target)
        finally:
            self._settled()

    def _wholly_in_view(self, position: int, top: float, height: int) -> bool:
        row = self.row_at(position)
        return row is not None and row.virtual_region.y >= top and row.virtual_region.bottom <= top + height

    def _first_in_view(self, top: float, height: int) -> int:
        """Position of the first row wholly between ``top`` and ``top + height`` (or, when one
        row is taller than the view, the row at ``top``)."""
        bottom = top + height
        covering = None
        for row in self._rows:
            region = row.virtual_region
            if region.y >= top and region.bottom <= bottom:
                return row.position
            if covering is None and region.bottom > top:
                covering = row.position
        return covering if covering is not None else self._start

    def find_change(self, step: int) -> int | None:
        """Position of the next (``step=1``) or previous (``-1``) difference, if any.

        A difference is a changed pair or an unpaired paragraph; boilerplate rows are skipped
        because a different copyright line is not a difference in the story. No word diff is
        computed for the rows passed over.
        """
        comparison = self.comparison
        if comparison is None:
            return None
        position = self.cursor + step
        while 0 <= position < len(self._order):
            k = self._order[position]
            if not comparison.row_identical(k) and not self._boilerplate(comparison, k):
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
