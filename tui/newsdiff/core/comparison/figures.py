"""Where a row's changed figures are: the changed spans cut at the figures that disagree.

The diff view, the terminal and the exports mark only the changed tokens of a figure the two sides
state differently (``core.facts``), not the whole changed stretch around it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from newsdiff.core.facts import Discrepancy
from newsdiff.core.worddiff import Span

Ranges = Sequence[tuple[int, int]]


def figure_ranges(found: Sequence[Discrepancy], side: str) -> list[tuple[int, int]]:
    """Where on ``side`` ("a" or "b") the figures that disagree are (names are not figures)."""
    return [d.a_span if side == "a" else d.b_span for d in found if d.kind == "number"]


def numeric_pieces(start: int, end: int, ranges: Ranges) -> list[tuple[int, int, bool]]:
    """``start:end`` cut where the ``ranges`` begin and end: (start, end, inside a range)."""
    cuts = sorted({start, end, *(p for r in ranges for p in r if start < p < end)})
    return [(s, e, any(r0 < e and r1 > s for r0, r1 in ranges)) for s, e in itertools.pairwise(cuts)]


def mark_figures(spans: Sequence[Span], ranges: Ranges) -> list[Span]:
    """The changed spans cut at the figures that disagree, the pieces inside one ``numeric``:
    only the changed tokens of a changed figure are marked, not the whole changed stretch."""
    marked: list[Span] = []
    for span in spans:
        if span.kind == "equal" or not ranges:
            marked.append(span)
            continue
        for start, end, numeric in numeric_pieces(span.start, span.end, ranges):
            marked.append(Span(start, end, span.kind, numeric))
    return marked
