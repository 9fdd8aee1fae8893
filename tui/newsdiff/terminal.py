"""``newsdiff diff``: a comparison printed to the terminal, side by side or inline, always wrapped.

Two looks from the same rows. In colour (a terminal, ``NO_COLOR`` unset) deletions are red and
struck, insertions green and underlined, and changes involving a number are also bold and reversed.
In plain text (piped, ``NO_COLOR``, or ``--color never``) the same changes carry visible wdiff-style
markers, ``[-deleted-]`` and ``{+inserted+}``, so the output survives ``less``, ``grep`` and e-mail.

Every row, tag and count is read from the comparison model (``core.comparison``): the inline
view interleaves the edit script of the row's one cached word diff, never a diff of its own.

Article text is untrusted. It reaches Rich only as plain strings appended to ``rich.text.Text``
with explicit styles, and the console (``terminal_console``) has markup, emoji codes and
highlighting off, so ``[bold]`` or ``:smile:`` in an article prints as written. (The loader has
already removed control characters, so no escape sequence can reach the terminal either.)
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from newsdiff.core.article import Article
from newsdiff.core.comparison.figures import figure_ranges, numeric_pieces
from newsdiff.core.comparison.filters import RowFilter, is_boilerplate
from newsdiff.core.comparison.model import PARAGRAPH_JOINER, Comparison, ParagraphView, RowView
from newsdiff.core.comparison.summary import coverage_sentence, mean_similarity_text
from newsdiff.core.comparison.tags import (
    FACTS_MARK,
    TagKey,
    discrepancy_words,
    pair_heading,
    paragraph_numbers,
    score_text,
    shown_tags,
)
from newsdiff.core.facts import Discrepancy
from newsdiff.core.render.sources import source_details
from newsdiff.core.text import one_line
from newsdiff.core.worddiff import Span
from newsdiff.core.wording import plural
from newsdiff.terminal_console import make_console

DELETED = Style(color="red", strike=True)
INSERTED = Style(color="green", underline=True)
NUMBER = Style(bold=True, reverse=True)
DIM = Style(dim=True)
LABEL = Style(bold=True)
NOTE = Style(dim=True, italic=True)
FACTS = Style(bold=True)

DELETE_MARKERS = ("[-", "-]")
INSERT_MARKERS = ("{+", "+}")
NUMBER_FLAG = "#"
"""Plain text's mark of a pair whose numbers changed (colour reverses the figure instead)."""


def _merge_changes(spans: Sequence[Span]) -> list[Span]:
    """Adjacent changed spans (a change cut at a figure) as one: plain-text markers do not show
    figures, and ``[-said -][-40-]`` would read as two changes."""
    merged: list[Span] = []
    for span in spans:
        if merged and span.kind != "equal" and merged[-1].kind != "equal":
            merged[-1] = Span(merged[-1].start, span.end, merged[-1].kind)
        else:
            merged.append(span)
    return merged


class Painter:
    """Turns paragraph text and diff spans into ``Text``: styles in colour, markers in plain text."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def change(self, text: Text, fragment: str, side: str, numeric: bool) -> None:
        """Append one changed fragment (``side`` "a" is a deletion, "b" an insertion)."""
        if self.colour:
            style = DELETED if side == "a" else INSERTED
            text.append(fragment, style + NUMBER if numeric else style)
            return
        opening, closing = DELETE_MARKERS if side == "a" else INSERT_MARKERS
        text.append(f"{opening}{fragment}{closing}")

    def paragraph(self, view: ParagraphView, side: str) -> Text:
        """One paragraph with its changes marked; boilerplate is dimmed (in colour)."""
        text = Text()
        spans = view.spans if self.colour else _merge_changes(view.spans)
        for span in spans:
            fragment = view.text[span.start : span.end]
            if span.kind == "equal":
                text.append(fragment)
            else:
                self.change(text, fragment, side, span.numeric)
        if view.boilerplate and self.colour:
            text.stylize(DIM)
        return text

    def legend(self) -> Text:
        text = Text("legend: ", LABEL)
        self.change(text, "deleted from A", "a", False)
        text.append("  ")
        self.change(text, "inserted in B", "b", False)
        text.append("  ")
        if self.colour:
            text.append("changed number", NUMBER)
            text.append(f" ({NUMBER_FLAG} next to the score)  ")
        else:
            text.append(f"{NUMBER_FLAG} next to the score: numbers changed  ")
        text.append(f"{FACTS_MARK}: a figure or name the two sides state differently  ")
        text.append("¶N: N-th paragraph of the file  (reason): set aside as boilerplate")
        return text

    def facts(self, found: Sequence[Discrepancy]) -> Text:
        """One line per discrepancy, ``⚠ figures differ: four hours → five hours``."""
        style = FACTS if self.colour else ""
        return Text("\n").join(
            Text().append(head, style).append(said) for head, said in map(discrepancy_words, found)
        )


def _source_line(label: str, article: Article) -> Text:
    """``A  name · title · path · date``, on one line, without saying anything twice (a file
    name that is also the name, or a title that fell back to it, is not repeated)."""
    text = Text(f"{label}  ", LABEL)
    text.append(one_line(article.name), LABEL)
    details = source_details(article)
    for key in ("title", "file", "date"):
        if key in details:
            text.append(" · ")
            text.append(details[key])
    return text


def header(comparison: Comparison, painter: Painter) -> list[Text]:
    """Who is compared, the counts, and what the marks mean.

    The mean similarity averages the pairs only, so it is named so and followed by the coverage:
    two articles sharing one identical paragraph out of twenty have a mean of 1.00.
    """
    summary = comparison.summary()
    counts = Text(
        f"{plural(summary.pairs, 'pair')} · {summary.only_a} only in A · {summary.only_b} only in B "
        f"(body paragraphs) · mean similarity of pairs {mean_similarity_text(summary)} · "
        f"{coverage_sentence(summary)}"
    )
    return [_source_line("A", comparison.a), _source_line("B", comparison.b), counts, painter.legend()]


def _only_label(side: str, article: Article) -> str:
    return f"only in {side.upper()} ({one_line(article.name)})"


def _cell(views: Sequence[ParagraphView], side: str, painter: Painter, label: str | None) -> Text:
    """One side of a row: an optional label line, then each paragraph after its number."""
    cell = Text()
    if label:
        cell.append(label, LABEL)
        cell.append("\n")
    for k, view in enumerate(views):
        if k:
            cell.append("\n\n")
        cell.append(f"¶{view.index + 1} ", DIM)
        if view.boilerplate:
            cell.append(f"({view.boilerplate}) ", NOTE)
        cell.append_text(painter.paragraph(view, side))
    return cell


_FLAGS = {"numbers": NUMBER_FLAG, "facts": FACTS_MARK}
"""The tags the score cell flags, each by its mark."""


def _score_cell(comparison: Comparison, k: int) -> Text:
    row = comparison.row_view(k)
    if row.score is None:
        return Text()
    cell = Text(score_text(row))
    for tag in shown_tags(comparison, k, ("numbers", "facts")):
        cell.append(f"\n{_FLAGS[tag.key]}", LABEL)
    return cell


def _shown_rows(comparison: Comparison, hide_boilerplate: bool) -> list[tuple[int, RowView]]:
    """The rows to print: all, or (``--no-boilerplate``) those without a set-aside paragraph."""
    shown = RowFilter(hide_boilerplate=hide_boilerplate).rows(comparison)
    return [(k, comparison.row_view(k)) for k in shown]


def side_by_side(comparison: Comparison, painter: Painter, hide_boilerplate: bool = False) -> Table:
    """A table of rows: A's paragraphs, the pair's similarity, B's paragraphs; cells wrap, never crop."""
    table = Table(
        box=box.ROUNDED if painter.colour else box.ASCII,
        show_lines=True,
        expand=True,
        header_style=LABEL,
    )
    table.add_column(Text(f"A  {one_line(comparison.a.name)}"), ratio=1, overflow="fold")
    table.add_column(Text("sim"), width=4, justify="right", overflow="fold")
    table.add_column(Text(f"B  {one_line(comparison.b.name)}"), ratio=1, overflow="fold")
    for k, row in _shown_rows(comparison, hide_boilerplate):
        label_a = _only_label("a", comparison.a) if row.kind == "only_a" else None
        label_b = _only_label("b", comparison.b) if row.kind == "only_b" else None
        found = comparison.discrepancies(k)
        cell_a = _cell(row.a, "a", painter, label_a)
        if found:  # under the pair, in the first column: a table cell cannot span both
            cell_a.append("\n\n").append_text(painter.facts(found))
        table.add_row(cell_a, _score_cell(comparison, k), _cell(row.b, "b", painter, label_b))
    return table


def _edges(segment: str) -> tuple[str, str, str]:
    core = segment.strip()
    if not core:
        return segment, "", ""
    lead = segment[: len(segment) - len(segment.lstrip())]
    return lead, core, segment[len(segment.rstrip()) :]


class _Interleaver:
    """Appends to one ``Text`` while knowing whether it ends in white space, so the space that
    separates a change from its neighbours is written once, whichever side's text carried it."""

    def __init__(self) -> None:
        self.text = Text()
        self.spaced = True  # at the start nothing needs separating

    def plain(self, fragment: str) -> None:
        if fragment:
            self.text.append(fragment)
            self.spaced = fragment[-1].isspace()

    def space(self, *candidates: str) -> None:
        """Write the first non-empty white space among ``candidates``, unless one is already there."""
        gap = next((c for c in candidates if c), "")
        if gap and not self.spaced:
            self.plain(gap)

    def change(self, painter: Painter, fragment: str, side: str, numeric: bool) -> None:
        painter.change(self.text, fragment, side, numeric)
        self.spaced = False


def interleaved(comparison: Comparison, k: int, painter: Painter) -> Text:
    """Pair ``k`` as one text: A's wording, each change as the deletion then the insertion.

    The row's spans are per side and cannot be zipped back together (equal runs merge differently
    on each side), so this reads the edit script of the row's one word diff (``word_diff``), the
    same diff the side-by-side view's spans come from.

    White space at the edge of an equal run may sit on one side only ("cosmodrome" in A,
    "cosmodrome " in B before an insertion), so the edges of both sides are consulted: a change
    is never glued to the word before or after it. The figures that disagree are marked as in the
    side-by-side view (only their changed tokens).
    """
    row, diff = comparison.row_view(k), comparison.word_diff(k)
    assert diff is not None, "only a pair is interleaved"
    found = comparison.discrepancies(k)
    ranges = {side: figure_ranges(found, side) for side in ("a", "b")}
    a_text, b_text = diff.a, diff.b
    out = _Interleaver()
    for op in diff.ops:
        a_lead, a_core, a_trail = _edges(a_text[op.a_start : op.a_end])
        b_lead, b_core, b_trail = _edges(b_text[op.b_start : op.b_end])
        if op.kind == "equal":
            if not a_core:  # white space only
                out.space(a_lead, b_lead)
                continue
            out.space(a_lead, b_lead)
            out.plain(a_core)
            out.space(a_trail, b_trail)
            continue
        out.space(a_lead, b_lead)
        if a_core:
            start = op.a_start + len(a_lead)
            _changes(out, painter, a_text, start, start + len(a_core), "a", ranges["a"])
        if a_core and b_core:
            out.plain(" ")
        if b_core:
            start = op.b_start + len(b_lead)
            _changes(out, painter, b_text, start, start + len(b_core), "b", ranges["b"])
        out.space(a_trail, b_trail)
    text = out.text
    if row.boilerplate and painter.colour:
        text.stylize(DIM)
    return text


def _changes(
    out: _Interleaver,
    painter: Painter,
    text: str,
    start: int,
    end: int,
    side: str,
    ranges: Sequence[tuple[int, int]],
) -> None:
    """One side's changed text, cut where a figure that disagrees begins and ends (in colour;
    the plain-text markers do not show figures, so the change stays in one pair of them)."""
    if not painter.colour:
        out.change(painter, text[start:end], side, False)
        return
    for piece_start, piece_end, numeric in numeric_pieces(start, end, ranges):
        out.change(painter, text[piece_start:piece_end], side, numeric)


_TITLE_TAGS: tuple[TagKey, ...] = ("numbers", "facts", "boilerplate")
"""The tags a row's title line carries, in this order (``comparison.tags`` words them)."""


def _row_title(comparison: Comparison, k: int) -> Text:
    row = comparison.row_view(k)
    if row.kind == "pair":
        details = pair_heading(row)
    else:
        side, article, views = (
            ("a", comparison.a, row.a) if row.kind == "only_a" else ("b", comparison.b, row.b)
        )
        details = [_only_label(side, article), paragraph_numbers(v.index for v in views)]
    for tag in shown_tags(comparison, k, _TITLE_TAGS):
        details.append(f"{NUMBER_FLAG} {tag.words}" if tag.key == "numbers" else tag.words)
    return Text(" · ".join(details), LABEL)


def inline(
    comparison: Comparison, painter: Painter, console: Console, hide_boilerplate: bool = False
) -> None:
    """One column: a title line naming each row (wrapped, unlike a ``Rule``, which would crop
    a long name), then its text with changes interleaved."""
    for k, row in _shown_rows(comparison, hide_boilerplate):
        found = comparison.discrepancies(k)
        console.print(Text("── ", DIM).append_text(_row_title(comparison, k)), overflow="fold")
        if row.kind == "pair":
            body = interleaved(comparison, k, painter)
        else:
            body = Text(PARAGRAPH_JOINER).join(painter.paragraph(v, "none") for v in (*row.a, *row.b))
        console.print(body, overflow="fold")
        if found:
            console.print(painter.facts(found), overflow="fold")


def print_comparison(
    comparison: Comparison,
    console: Console,
    *,
    colour: bool,
    inline_view: bool,
    hide_boilerplate: bool = False,
) -> None:
    """Print the header, then every row of the comparison, boilerplate included unless
    ``hide_boilerplate`` (then the header says how many rows were left out)."""
    painter = Painter(colour)
    for line in header(comparison, painter):
        console.print(line, overflow="fold")
    if hide_boilerplate:
        hidden = sum(1 for k in range(len(comparison.rows)) if is_boilerplate(comparison, k))
        console.print(Text(f"{plural(hidden, 'row')} of boilerplate not shown (--no-boilerplate)", LABEL))
    console.print()
    if inline_view:
        inline(comparison, painter, console, hide_boilerplate)
    else:
        console.print(side_by_side(comparison, painter, hide_boilerplate))


def write_comparison(
    comparison: Comparison,
    stream: TextIO,
    *,
    colour: bool,
    inline_view: bool = False,
    width: int | None = None,
    hide_boilerplate: bool = False,
) -> None:
    """Render to ``stream``. Plain text is rendered whole first so that the trailing spaces Rich
    pads wrapped lines with can be dropped (they are noise in files, diffs and e-mail)."""
    options = {"inline_view": inline_view, "hide_boilerplate": hide_boilerplate}
    if colour:
        print_comparison(comparison, make_console(stream, True, width), colour=True, **options)
        return
    buffer = io.StringIO()
    console = make_console(buffer, False, width or make_console(stream, False).width)
    print_comparison(comparison, console, colour=False, **options)
    # split("\n"), not splitlines(): article text may hold U+2028 and the like, which must pass as is.
    for line in buffer.getvalue().rstrip("\n").split("\n"):
        stream.write(line.rstrip() + "\n")
