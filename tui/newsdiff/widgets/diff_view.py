"""The side-by-side comparison, drawn line by line with Textual's Line API.

Why one widget that draws lines instead of a widget per row: mounting and laying out a few dozen
row widgets took most of a second, and thousands of them would stall the screen. This view owns
no children; ``render_line`` asks which row covers a screen line and returns that line of the
row, and a row is wrapped into lines (``Strip``s) only when it is first drawn, then cached per
row for the current width and options. Rows that are never on screen never cost anything, not
even their word diff.

Rows, their heights (estimated, then measured) and the cursor are ``diff_rows.DiffRows``'s;
where things go on a line is ``diff_layout``'s; this module draws.

Why both columns are one row: a row holds both cells, so the columns share one scroll position
and cannot drift apart, and a long paragraph simply makes its row taller.

Article text is untrusted: cells are ``Content`` objects built from the core's spans
(``diff_text``), never markup.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual

from newsdiff.core.comparison.model import RowView
from newsdiff.core.search import Matches
from newsdiff.widgets.diff_layout import HATCH, MARKER, UNPAIRED_EDGE, Cell, Columns, gutter_content
from newsdiff.widgets.diff_rows import DiffRows, SearchLocation
from newsdiff.widgets.diff_text import Side, cell_content, facts_content


class DiffView(DiffRows, can_focus=False):
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
        self._matches: Matches[SearchLocation] | None = None
        self._marks: dict[int, dict[Side, dict[int, list[tuple[int, int, bool]]]]] = {}
        self._look: tuple[object, ...] = ()

    def cursor_moved(self, row: int | None) -> None:
        self.post_message(self.CursorMoved(row))

    def columns_changed(self, columns: Columns) -> None:
        self.post_message(self.ColumnsChanged(columns))

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
