"""The side-by-side comparison, drawn line by line with Textual's Line API.

Why one widget that draws lines instead of a widget per row: mounting and laying out a few dozen
row widgets took most of a second, and thousands of them would stall the screen. This view owns
no children; ``render_line`` asks which row covers a screen line and returns that line of the
row, and a row is wrapped into lines (``Strip``s) only when it is first drawn, then cached per
row for the current width and options. Rows that are never on screen never cost anything, not
even their word diff.

Why heights are estimated and then measured: the scrollbar needs the height of every row, and
wrapping thousands of paragraphs up front would take seconds. Each row starts with a height
estimated from its length and gets its true height when it is drawn (or is within a screen of
the view). When a row above the top of the view changes height, the view is scrolled by as much,
so what the reader looks at never jumps.

Why both columns are one row: a row holds both cells, so the columns share one scroll position
and cannot drift apart, and a long paragraph simply makes its row taller.

Article text is untrusted: cells are ``Content`` objects built from the core's spans
(``diff_text``), never markup.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual

from newsdiff.core.comparison.filters import RowFilter, RowPredicate, is_body_pair, is_difference
from newsdiff.core.comparison.model import Comparison, RowView
from newsdiff.core.comparison.tags import TagKey, score_text, shown_tags
from newsdiff.core.search import Matches
from newsdiff.widgets.diff_text import FACTS_STYLE, LABEL_STYLE, Side, cell_content, facts_content
from newsdiff.widgets.line_view import LineView, estimate_lines

SearchLocation = tuple[int, Side, int]
"""Where a search hit is: row index in ``Comparison.rows``, side, paragraph index."""

GUTTER_WIDTH = 8
MARKER = "█"
HATCH = "╱"
UNPAIRED_EDGE = "▏"
EMPTY_MESSAGE = "Nothing to show: every row is hidden (press i, b, u or f to show them again)."


@dataclass(frozen=True, slots=True)
class Columns:
    """Where things go on a line: a cursor marker, the score gutter, then cell A and cell B.

    A cell is an edge column (a coloured bar for an unpaired paragraph), the text, and one column
    of padding; ``wrap_width`` caps the text width, leaving the rest of the line blank.
    """

    width: int
    gutter: int
    box_a: int
    box_b: int

    @classmethod
    def fit(cls, width: int, show_scores: bool, wrap_width: int | None) -> Columns:
        gutter = GUTTER_WIDTH if show_scores else 0
        rest = max(0, width - 1 - gutter)
        box_a, box_b = rest // 2, rest - rest // 2
        if wrap_width is not None:
            box_a, box_b = min(box_a, wrap_width + 2), min(box_b, wrap_width + 2)
        return cls(width, gutter, box_a, box_b)

    @property
    def text_a(self) -> int:
        return max(1, self.box_a - 2)

    @property
    def text_b(self) -> int:
        return max(1, self.box_b - 2)

    @property
    def rest(self) -> int:
        return max(0, self.width - 1 - self.gutter - self.box_a - self.box_b)


GUTTER_TAGS: tuple[TagKey, ...] = ("facts", "same", "moved", "boilerplate")
"""The tags the gutter shows under the score, in this order (``comparison.tags`` words them)."""


def gutter_content(comparison: Comparison, k: int) -> Content:
    """Row ``k``'s figure and tags, in words as well as colour: "0.72", "only A", "⚠ fact"
    (numbers or names disagree: the one flag for a changed figure, whose changed tokens are also
    reversed in the text), "same", "moved", "boiler"."""
    view = comparison.row_view(k)
    if view.kind == "pair":
        head = Content.styled(score_text(view), "bold")
    else:
        head = Content.styled("only A" if view.kind == "only_a" else "only B", "bold")
    tags = [
        Content.styled(tag.short, FACTS_STYLE if tag.key == "facts" else LABEL_STYLE)
        for tag in shown_tags(comparison, k, GUTTER_TAGS)
    ]
    return Content("\n").join([head, *tags])


class DiffView(LineView, can_focus=False):
    """Rows of a comparison, filtered, with a cursor; the screen drives it with its key bindings.

    It is not focusable so that the screen's bindings (``j``/``k``, ``g``/``G``...) are never
    shadowed by the scroll view's own; the mouse wheel still scrolls it and a click picks a row.
    Each row is a block of ``LineView``: its height estimated, then measured when it is drawn.
    """

    EMPTY_HEIGHT = 3
    """Room for the message that every row is hidden."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-view--current",
        "diff-view--marker",
        "diff-view--gutter",
        "diff-view--gutter-current",
        "diff-view--gap",
        "diff-view--gap-label",
        "diff-view--edge-a",
        "diff-view--edge-b",
        "diff-view--tint-changed",
        "diff-view--empty",
    }
    DEFAULT_CSS = """
    DiffView {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    DiffView > .diff-view--current { background: $boost; }
    DiffView > .diff-view--marker { color: $accent; }
    DiffView > .diff-view--gutter { color: $text-muted; }
    DiffView > .diff-view--gutter-current { color: $text; }
    DiffView > .diff-view--gap { color: $surface-lighten-1; }
    DiffView > .diff-view--gap-label { background: $background; color: $text-muted; text-style: italic; }
    DiffView > .diff-view--edge-a { color: $error; }
    DiffView > .diff-view--edge-b { color: $success; }
    DiffView > .diff-view--tint-changed { background: $warning-muted; }
    DiffView > .diff-view--empty { color: $text-warning; }
    """

    wrap_width: reactive[int | None] = reactive(None)
    """The widest a text column gets (None: half the window each)."""
    show_scores: reactive[bool] = reactive(True)
    """Whether the gutter with each row's similarity and tags is shown."""

    class CursorMoved(Message):
        """The current row changed; ``row`` is its index in ``Comparison.rows`` (or None)."""

        def __init__(self, row: int | None) -> None:
            self.row = row
            super().__init__()

    class ColumnsChanged(Message):
        """The cells moved (width, gutter, wrap width): headings above should follow."""

        def __init__(self, columns: Columns) -> None:
            self.columns = columns
            super().__init__()

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
        self._matches: Matches[SearchLocation] | None = None
        self._marks: dict[int, dict[Side, dict[int, list[tuple[int, int, bool]]]]] = {}
        self._preparing = False
        self._look: tuple[object, ...] = ()

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
            self.post_message(self.CursorMoved(None))
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
        self.post_message(self.ColumnsChanged(self._columns))

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

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self.comparison is None:
            return self.blank_line()
        if not self._order:
            if y != 1:
                return self.blank_line()
            style = self.get_component_rich_style("diff-view--empty")
            return Strip([Segment("  " + self.empty_message, style)]).adjust_cell_length(
                self._width, self.rich_style
            )
        if self._offsets_stale:
            self._update_offsets()
        return super().render_line(y)

    def render_block_line(self, index: int, line: int) -> Strip:
        strips = self._row_strips(index)
        return strips[line] if line < len(strips) else self.blank_line()

    def _row_strips(self, position: int) -> list[Strip]:
        """The lines of the row at ``position``, wrapped for the current layout (cached)."""
        look = (self.app.theme, self.app.ansi_color, self.app.no_color)
        if look != self._look:
            self._look = look  # a theme restyles every row: draw them again
            self._cache.clear()
        current = position == self.cursor
        key = (self._order[position], current)
        strips = self._cache.get(key)
        if strips is None:
            if len(self._cache) > 600:
                self._cache.clear()
            strips = self._cache[key] = self._draw_row(self._order[position], current)
        return strips

    def _draw_row(self, k: int, current: bool) -> list[Strip]:
        comparison = self.comparison
        assert comparison is not None
        columns = self._columns or Columns.fit(self._width, self.show_scores, self.wrap_width)
        view = comparison.row_view(k)
        found = comparison.discrepancies(k)
        row_classes = ("diff-view--current",) if current else ()
        row_style = self.get_visual_style(*row_classes).rich_style
        blocks: list[Cell] = []
        if columns.gutter:
            gutter_class = "diff-view--gutter-current" if current else "diff-view--gutter"
            blocks.append(
                self._text_block(gutter_content(comparison, k), columns.gutter, (*row_classes, gutter_class))
            )
        sides: tuple[tuple[Side, int], ...] = (("a", columns.box_a), ("b", columns.box_b))
        for side, box in sides:
            views = view.a if side == "a" else view.b
            if not views:
                blocks.append(self._gap_block(box, row_classes, "only in A" if side == "b" else "only in B"))
                continue
            tint = self._tint(view)
            content = self.cell_content(k, side)
            assert content is not None
            if found and side == "a":  # what disagrees, under A's text (a cell cannot span both)
                content = content + Content("\n\n") + facts_content(found)
            edge = f"diff-view--edge-{side}" if view.kind != "pair" else None
            blocks.append(self._text_block(content, box, (*row_classes, *tint), edge))
        # The gutter needs no blank line under it; cells get one, so rows stand apart.
        gutter = len(blocks[0].lines) if columns.gutter else 0
        height = max(gutter, *(len(block.lines) + 1 for block in blocks[1 if columns.gutter else 0 :]))
        marker = Segment(MARKER if current else " ", self.get_component_rich_style("diff-view--marker"))
        if not current:
            marker = Segment(" ", row_style)
        rest = [Segment(" " * columns.rest, row_style)] if columns.rest else []
        dim = Style(dim=True) if view.boilerplate else None
        lines: list[Strip] = []
        for y in range(height):
            segments = [marker]
            for block in blocks:
                segments += block.lines[y] if y < len(block.lines) else block.fill
            strip = Strip([*segments, *rest], columns.width)
            lines.append(strip.apply_style(dim) if dim else strip)
        return lines

    def cell_content(self, k: int, side: Side) -> Content | None:
        """What cell ``side`` of row ``k`` shows before wrapping (None for a gap): plain text
        with the diff and search styles as spans."""
        assert self.comparison is not None
        view = self.comparison.row_view(k)
        views = view.a if side == "a" else view.b
        if not views:
            return None
        return cell_content(views, side, self.word_level, self._marks.get(k, {}).get(side))

    def _tint(self, view: RowView) -> tuple[str, ...]:
        """Paragraph level (``w``): whole changed pairs tinted instead of inline highlights.

        Unpaired paragraphs are not tinted: their coloured edge and the hatched gap opposite
        already say so, and two outlets that share little made a solid wall of them."""
        if self.word_level or view.identical or view.kind != "pair":
            return ()
        return ("diff-view--tint-changed",)

    def _text_block(
        self, content: Content, box: int, classes: tuple[str, ...], edge: str | None = None
    ) -> Cell:
        """``content`` wrapped into a cell ``box`` wide: an edge column, the text, one padding column."""
        style = self.get_visual_style(*classes)
        rich = style.rich_style
        pad = Segment(" ", rich)
        left = [Segment(UNPAIRED_EDGE, rich + self.get_component_rich_style(edge)), pad] if edge else [pad]
        width = max(1, box - 1 - len(left))
        strips = Visual.to_strips(self, content, width, None, style, pad=True)
        lines = [[*left, *strip.crop(0, width), pad] for strip in strips]
        return Cell(lines, [*left, Segment(" " * width, rich), pad])

    def _gap_block(self, box: int, classes: tuple[str, ...], label: str) -> Cell:
        """A hatched gap with its label at the top: the paragraph opposite has no counterpart."""
        hatch = self.get_visual_style(*classes, "diff-view--gap").rich_style
        label_style = self.get_visual_style(*classes, "diff-view--gap-label").rich_style
        fill = [Segment(HATCH * box, hatch)]
        text = f" {label} "
        if box < len(text) + 2:
            return Cell([fill], fill)
        first = [
            Segment(HATCH, hatch),
            Segment(text, label_style),
            Segment(HATCH * (box - 1 - len(text)), hatch),
        ]
        return Cell([first], fill)

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
        self.post_message(self.CursorMoved(self.current_row))

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

    # -- display options --------------------------------------------------------------------

    def set_word_level(self, word_level: bool) -> None:
        """Inline word highlights (True) or whole changed paragraphs tinted (False)."""
        self.word_level = word_level
        self.set_class(not word_level, "-paragraph-level")
        self._cache.clear()
        self.refresh()

    # -- search -----------------------------------------------------------------------------

    def search_texts(self) -> list[tuple[SearchLocation, str]]:
        """Every shown paragraph in reading order (row by row, A before B): what ``/`` searches."""
        comparison = self.comparison
        if comparison is None:
            return []
        texts: list[tuple[SearchLocation, str]] = []
        for k in self._order:
            row = comparison.rows[k]
            texts += [((k, "a", i), comparison.a.paragraphs[i].text) for i in row.a]
            texts += [((k, "b", j), comparison.b.paragraphs[j].text) for j in row.b]
        return texts

    def show_matches(self, matches: Matches[SearchLocation] | None) -> None:
        """Highlight ``matches`` (the current one differently); None clears the highlights."""
        self._matches = matches
        marks: dict[int, dict[Side, dict[int, list[tuple[int, int, bool]]]]] = {}
        current = matches.current if matches else None
        for hit in matches.hits if matches else []:
            k, side, index = hit.location
            marks.setdefault(k, {}).setdefault(side, {}).setdefault(index, []).append(
                (hit.start, hit.end, hit is current)
            )
        self._marks = marks
        self._cache.clear()
        self.refresh()

    def reveal_match(self) -> None:
        """Move the cursor to the current match, scrolling its line into view in a tall row."""
        matches = self._matches
        hit = matches.current if matches else None
        if hit is None or self.comparison is None:
            return
        k, side, index = hit.location
        position = bisect_left(self._order, k)
        if position >= len(self._order) or self._order[position] != k:
            return
        self._set_cursor(position)
        self._reveal(position, None, self._line_of(k, side, index, hit.start))

    def _line_of(self, k: int, side: Side, index: int, start: int) -> int:
        """About which line of row ``k`` a match starts on (wrapping the text before it)."""
        assert self.comparison is not None
        view = self.comparison.row_view(k)
        views = view.a if side == "a" else view.b
        columns = self.columns
        before = [v for v in views if v.index < index]
        head = cell_content(before, side, False, None) if before else Content("")
        label = Content(f"¶{index + 1} ")
        text = next((v.text for v in views if v.index == index), "")
        prefix = (head + Content("\n\n") if before else head) + label + Content(text[:start])
        width = max(1, (columns.box_a if side == "a" else columns.box_b) - (2 if view.kind == "pair" else 3))
        return max(0, len(prefix.wrap(width)) - 1)


@dataclass(frozen=True, slots=True)
class Cell:
    """One column of a row, drawn: its lines, and what fills it below them (the row is as tall as
    its tallest column)."""

    lines: list[list[Segment]]
    fill: list[Segment]
