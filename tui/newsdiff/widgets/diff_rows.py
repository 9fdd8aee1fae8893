"""The comparison's rows as the view lays them out: which rows pass the filters, their heights
(estimated, then measured when drawn), the cursor, and moving it. Drawing a row is the view's
(``diff_view.DiffView``); this class asks for a row's lines only to measure them.

Why heights are estimated and then measured: the scrollbar needs the height of every row, and
wrapping thousands of paragraphs up front would take seconds. Each row starts with a height
estimated from its length and gets its true height when it is drawn (or is within a screen of
the view). When a row above the top of the view changes height, the view is scrolled by as much,
so what the reader looks at never jumps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from textual import events
from textual.reactive import reactive
from textual.strip import Strip

from newsdiff.core.comparison.filters import RowFilter, RowPredicate, is_body_pair, is_difference
from newsdiff.core.comparison.model import Comparison, RowView
from newsdiff.widgets.diff_layout import Columns
from newsdiff.widgets.diff_text import Side
from newsdiff.widgets.line_view import LineView, estimate_lines

SearchLocation = tuple[int, Side, int]
"""Where a search hit is: row index in ``Comparison.rows``, side, paragraph index."""
EMPTY_MESSAGE = "Nothing to show: every row is hidden (press i, b, u or f to show them again)."


class DiffRows(LineView):
    """The rows, their layout and the cursor; ``DiffView`` draws them and says what moved."""

    wrap_width: reactive[int | None] = reactive(None)
    """The widest a text column gets (None: half the window each)."""
    show_scores: reactive[bool] = reactive(True)
    """Whether the gutter with each row's similarity and tags is shown."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.hide_identical = False
        self.hide_boilerplate = False
        self.hide_unpaired = False
        self.word_level = True
        self.row_filter: RowPredicate | None = None
        """An extra filter (row index -> shown?), e.g. "only rows whose facts disagree"."""
        self.empty_message = EMPTY_MESSAGE
        """What the view says when the filters hide every row."""
        self.cursor = -1
        """Position of the current row in the visible list, -1 when nothing is shown."""
        self._order: list[int] = []
        self._measured: list[bool] = []
        self._offsets_stale = False
        self._columns: Columns | None = None
        self._cache: dict[tuple[int, bool], list[Strip]] = {}
        self._preparing = False

    # -- what is shown ----------------------------------------------------------------------

    @property
    def order(self) -> list[int]:
        """Indices (into ``Comparison.rows``) of the rows that pass the filters, in order."""
        return self._order

    @property
    def current_row(self) -> int | None:
        """Index in ``Comparison.rows`` of the current row."""
        return self._order[self.cursor] if 0 <= self.cursor < len(self._order) else None

    @property
    def current_view(self) -> RowView | None:
        row = self.current_row
        return None if row is None or self.comparison is None else self.comparison.row_view(row)

    @property
    def columns(self) -> Columns:
        return self._columns or Columns.fit(self._width, self.show_scores, self.wrap_width)

    @property
    def rendered_rows(self) -> int:
        """How many rows have been wrapped into lines (and so word-diffed) for this layout."""
        return sum(self._measured)

    @property
    def filter(self) -> RowFilter:
        """The rows the reader asked to hide, as the comparison model's filter."""
        return RowFilter(self.hide_identical, self.hide_boilerplate, self.hide_unpaired, self.row_filter)

    def show(self, comparison: Comparison, keep: int | None = None) -> None:
        """Show ``comparison``, with the cursor on row ``keep`` (or the next visible one)."""
        self.comparison = comparison
        self.rebuild(keep)

    def rebuild(self, keep: int | None = None) -> None:
        """Re-filter, keeping the cursor on row ``keep`` if given (else on the first row)."""
        comparison = self.comparison
        if comparison is None:
            return
        self._order = self.filter.rows(comparison)
        self._reset_layout()
        self.cursor = -1
        self.set_scroll_y(0)
        if not self._order:
            self.refresh()
            self.cursor_moved(None)
            return
        target = 0 if keep is None else min(bisect_left(self._order, keep), len(self._order) - 1)
        self.move_to(target, center=keep is not None)

    # -- layout: row heights and offsets ----------------------------------------------------

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    @property
    def _view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _reset_layout(self) -> None:
        """Estimated heights for every visible row; nothing measured or drawn yet."""
        self._columns = Columns.fit(self._width, self.show_scores, self.wrap_width)
        self._heights = [self._estimate(k) for k in self._order]
        self._measured = [False] * len(self._order)
        self._cache.clear()
        self._update_offsets()
        self.columns_changed(self._columns)

    def _estimate(self, k: int) -> int:
        comparison = self.comparison
        assert comparison is not None and self._columns is not None
        row = comparison.rows[k]

        def lines(texts: Sequence[str], width: int) -> int:
            return estimate_lines(texts, width) + max(0, len(texts) - 1)  # a blank line between

        a = lines([comparison.a.paragraphs[i].text for i in row.a], self._columns.text_a)
        b = lines([comparison.b.paragraphs[j].text for j in row.b], self._columns.text_b)
        return max(a, b, 1) + 1

    def _update_offsets(self) -> None:
        self.update_offsets()
        self._offsets_stale = False

    def _measure(self, position: int) -> int:
        """Wrap row ``position`` (if not yet) and record its true height; the change in height."""
        if self._measured[position]:
            return 0
        height = len(self._row_strips(position))
        delta = height - self._heights[position]
        self._heights[position] = height
        self._measured[position] = True
        if delta:
            self._offsets_stale = True
        return delta

    def _measure_span(self, position: int, up: int, down: int) -> int:
        """Measure rows covering ``up`` lines above row ``position`` and ``down`` lines from its top.
        Returns how much the rows above ``position`` grew (negative: shrank)."""
        grown = 0
        covered, q = 0, position - 1
        while q >= 0 and covered < up:
            grown += self._measure(q)
            covered += self._heights[q]
            q -= 1
        covered, q = 0, position
        while q < len(self._order) and covered < down:
            self._measure(q)
            covered += self._heights[q]
            q += 1
        return grown

    def _check_geometry(self) -> None:
        """Re-wrap everything when the width or the column settings changed, keeping the top row."""
        columns = Columns.fit(self._width, self.show_scores, self.wrap_width)
        if columns == self._columns or not self._order or self.comparison is None:
            return
        top = self.block_at(int(self.scroll_y))
        self._reset_layout()
        self.set_scroll_y(self._offsets[top])

    def _prepare(self) -> None:
        """Make sure the rows in view (and a screen either side) are measured, keeping the row at
        the top of the view where it is on screen when rows above it change height."""
        if self._preparing or not self._order or self.comparison is None or self._width <= 0:
            return
        self._preparing = True
        try:
            self._check_geometry()
            height = self._view_height
            top = int(self.scroll_y)
            position = self.block_at(top)
            within = top - self._offsets[position]
            grown = self._measure_span(position, height, within + height)
            if self._offsets_stale:
                self._update_offsets()
            if grown:
                within = min(within, self._heights[position] - 1)
                self.set_scroll_y(self._offsets[position] + within)
        finally:
            self._preparing = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._prepare()

    def on_resize(self) -> None:
        """Rows re-wrap to the new width; the current row stays in view."""
        self._prepare()
        if self._order:
            self._reveal(self.cursor, center=False)
        self.refresh()

    def watch_wrap_width(self) -> None:
        self._relayout()

    def watch_show_scores(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        if self._order and self.comparison is not None:
            self._prepare()
            self._reveal(self.cursor, center=False)
        self.refresh()

    # -- what the view does: draw a row, and tell the screen ---------------------------------

    def _row_strips(self, position: int) -> list[Strip]:
        """The lines of the row at ``position`` for the current layout (the view draws them)."""
        raise NotImplementedError

    def cursor_moved(self, row: int | None) -> None:
        """The current row changed (the view posts a message)."""

    def columns_changed(self, columns: Columns) -> None:
        """The cells moved (the view posts a message)."""

    # -- cursor -----------------------------------------------------------------------------

    def move_to(self, position: int, center: bool | None = None) -> None:
        """Make the visible row at ``position`` current and scroll it into view.

        A far jump (``G``, ``]`` to a distant difference) centres the row, so it lands with
        context on both sides; a step scrolls as little as needed.
        """
        if not self._order:
            return
        position = max(0, min(position, len(self._order) - 1))
        self._set_cursor(position)
        self._reveal(position, center)

    def move_by(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def _set_cursor(self, position: int) -> None:
        if position == self.cursor:
            return
        for old in (self.cursor, position):
            if 0 <= old < len(self._order):
                self._cache.pop((self._order[old], True), None)
                self._cache.pop((self._order[old], False), None)
        self.cursor = position
        self.refresh()
        self.cursor_moved(self.current_row)

    def _reveal(self, position: int, center: bool | None = None, line: int = 0) -> None:
        """Scroll so the row at ``position`` is wholly in view (a row taller than the view: its
        ``line`` at the top). ``center=None`` centres only when the row is far from the view."""
        if not (0 <= position < len(self._order)) or self.comparison is None or self._width <= 0:
            return
        self._check_geometry()
        height = self._view_height
        self._measure_span(position, height, height)
        if self._offsets_stale:
            self._update_offsets()
        top, bottom = self._offsets[position], self._offsets[position + 1]
        view_top = int(self.scroll_y)
        if center is None:
            center = bottom < view_top - height or top > view_top + 2 * height
        if bottom - top > height:
            target = top + min(line, bottom - top - 1) if line else top
            if line and top <= target < view_top + height and target >= view_top:
                return
        elif center:
            target = top - (height - (bottom - top)) // 2
        elif top < view_top:
            target = top
        elif bottom > view_top + height:
            target = bottom - height
        else:
            return
        self.set_scroll_y(target)
        self.refresh()

    def page(self, step: int) -> None:
        """Scroll a page down (``step=1``) or up (``-1``) and put the cursor on the first row
        fully in view; at the end (or start) already, go to the last (or first) row."""
        if not self._order:
            return
        height = self._view_height
        top = int(self.scroll_y)
        new_top = max(0, min(top + step * height, self.max_scroll_y))
        if new_top == top:
            self.move_to(len(self._order) - 1 if step > 0 else 0)
            return
        self.set_scroll_y(new_top)
        new_top = int(self.scroll_y)
        target = self._first_in_view(new_top, height)
        if step > 0 and self.cursor > target and self._wholly_in_view(self.cursor, new_top, height):
            target = self.cursor  # paging down never moves the cursor up
        self._set_cursor(target)

    def _wholly_in_view(self, position: int, top: int, height: int) -> bool:
        return self._offsets[position] >= top and self._offsets[position + 1] <= top + height

    def _first_in_view(self, top: int, height: int) -> int:
        """Position of the first row wholly between ``top`` and ``top + height`` (or, when none
        is, the row at ``top``)."""
        covering = self.block_at(top)
        position = covering
        while position < len(self._order) and self._offsets[position] < top + height:
            if self._wholly_in_view(position, top, height):
                return position
            position += 1
        return covering

    def find_change(self, step: int) -> int | None:
        """Position of the next (``step=1``) or previous (``-1``) difference, if any
        (``filters.is_difference``). No word diff is computed for the rows passed over.
        """
        return self._find(step, is_difference)

    def find_pair(self, step: int) -> int | None:
        """Position of the next (``step=1``) or previous (``-1``) pair, identical or not, past any
        unpaired paragraphs and boilerplate (``}`` / ``{``: the story's shared reports)."""
        return self._find(step, is_body_pair)

    def _find(self, step: int, wanted: RowPredicate) -> int | None:
        """The next shown row from the cursor in direction ``step`` that is ``wanted``."""
        comparison = self.comparison
        if comparison is None:
            return None
        position = self.cursor + step
        while 0 <= position < len(self._order):
            k = self._order[position]
            if wanted(comparison, k):
                return position
            position += step
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._order:
            return
        line = int(self.scroll_y) + offset.y
        if line < self._offsets[-1]:
            self.move_to(self.block_at(line), center=False)
