"""A comparison of two articles: the alignment plus word diffs, row by row.

This is what every presentation (app, terminal, Markdown, JSON) shows. Word diffs are computed
per row on demand and cached, so a view that shows only the visible rows of a huge document never
pays for the rest.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsdiff.core.align import (
    DEFAULT_THRESHOLD,
    LITTLE_COVERAGE,
    Alignment,
    Row,
    align,
)
from newsdiff.core.article import Article, Paragraph
from newsdiff.core.facts import Discrepancy, find_discrepancies, known_names
from newsdiff.core.progress import CancelCheck, Progress
from newsdiff.core.tokens import word_count
from newsdiff.core.worddiff import DiffOptions, Span, WordDiff, comparison_keys, diff_words

PARAGRAPH_JOINER = "\n\n"
"""Merged paragraphs are diffed as one text joined by this, then split back per paragraph."""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """One paragraph as shown in a row, with its diff spans (offsets into ``text``)."""

    index: int
    text: str
    spans: tuple[Span, ...]
    boilerplate: str | None


@dataclass(frozen=True, slots=True)
class RowView:
    """One row ready to show: the paragraphs on each side with their differences marked.

    ``numeric``: a figure the two sides state differently (the ``f`` filter's figure check), its
    changed tokens marked in the spans; a number word elsewhere in a changed stretch is not one."""

    row: Row
    a: tuple[ParagraphView, ...]
    b: tuple[ParagraphView, ...]
    identical: bool
    numeric: bool
    moved: bool = False
    """A pair that B tells in another place of the story than A (``Comparison.moved_rows``)."""

    @property
    def kind(self) -> str:
        return self.row.kind

    @property
    def score(self) -> float | None:
        return self.row.score

    @property
    def boilerplate(self) -> bool:
        return any(p.boilerplate for p in (*self.a, *self.b))

    @property
    def changed(self) -> bool:
        """A row worth jumping to: unpaired, or a pair whose wording differs."""
        return not self.identical


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over body paragraphs (boilerplate is not part of the story).

    ``mean_similarity`` averages the pairs only; ``coverage_a``/``coverage_b`` say how much of
    each side (share of its body words) has a counterpart at all, which the mean cannot show.
    """

    pairs: int
    only_a: int
    only_b: int
    mean_similarity: float
    coverage_a: float = 0.0
    coverage_b: float = 0.0

    @property
    def pairs_little(self) -> bool:
        """Neither side has most of its words paired (``align.LITTLE_COVERAGE``): two outlets in
        their own words, most often, where a looser threshold (``align.LOOSER_THRESHOLD``) pairs
        more."""
        return max(self.coverage_a, self.coverage_b) < LITTLE_COVERAGE


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


def _split_spans(paragraphs: list[Paragraph], spans: list[Span]) -> tuple[ParagraphView, ...]:
    """Cut spans over the joined text back into per-paragraph spans."""
    views: list[ParagraphView] = []
    offset = 0
    for paragraph in paragraphs:
        start, end = offset, offset + len(paragraph.text)
        own = tuple(
            Span(max(s.start, start) - start, min(s.end, end) - start, s.kind, s.numeric)
            for s in spans
            if s.end > start and s.start < end
        )
        views.append(ParagraphView(paragraph.index, paragraph.text, own, paragraph.boilerplate))
        offset = end + len(PARAGRAPH_JOINER)
    return tuple(views)


def out_of_order(positions: Sequence[int]) -> set[int]:
    """Indices of ``positions`` outside one longest increasing run of them (not necessarily
    contiguous): the items that moved, the fewest that explain the reordering (as git's
    ``--color-moved`` marks the moved lines, not the ones that stayed). O(n log n)."""
    tails: list[int] = []  # tails[m]: index of the smallest last item of a run of length m + 1
    previous = [-1] * len(positions)
    for k, value in enumerate(positions):
        m = _bisect(tails, positions, value)
        if m > 0:
            previous[k] = tails[m - 1]
        if m == len(tails):
            tails.append(k)
        else:
            tails[m] = k
    kept: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        kept.add(k)
        k = previous[k]
    return set(range(len(positions))) - kept


def _bisect(tails: list[int], positions: Sequence[int], value: int) -> int:
    """The first run length whose last item is not below ``value``."""
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if positions[tails[mid]] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _share(article: Article, indices: set[int]) -> float:
    """Share of the article's body words that lie in the given paragraphs."""
    total = sum(word_count(p.text) for p in article.body)
    paired = sum(word_count(p.text) for p in article.body if p.index in indices)
    return paired / total if total else 0.0


@dataclass
class Comparison:
    """Two articles, how they align, and how their aligned paragraphs differ."""

    a: Article
    b: Article
    alignment: Alignment
    options: DiffOptions = field(default_factory=DiffOptions)
    _cache: dict[int, RowView] = field(default_factory=dict, repr=False)
    _facts: dict[int, tuple[Discrepancy, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def rows(self) -> list[Row]:
        return self.alignment.rows()

    def row_view(self, k: int) -> RowView:
        """The ``k``-th row with its word diff (computed once)."""
        if k not in self._cache:
            self._cache[k] = self._build(k)
        return self._cache[k]

    def row_identical(self, k: int) -> bool:
        """Whether row ``k`` is a pair with no wording difference, without building its spans.

        Filters ("hide identical") ask this of every row; a full word diff of each is not needed.
        """
        if k in self._cache:
            return self._cache[k].identical
        row = self.rows[k]
        if not (row.a and row.b):
            return False
        text_a = PARAGRAPH_JOINER.join(self.a.paragraphs[i].text for i in row.a)
        text_b = PARAGRAPH_JOINER.join(self.b.paragraphs[j].text for j in row.b)
        return comparison_keys(text_a, self.options) == comparison_keys(text_b, self.options)

    @cached_property
    def moved_rows(self) -> frozenset[int]:
        """Rows of pairs that B tells in another order than A: in A's order, the pairs whose B
        paragraphs fall outside the longest run that keeps B's order too."""
        pairs = [k for k, row in enumerate(self.rows) if row.a and row.b]
        moved = out_of_order([min(self.rows[k].b) for k in pairs])
        return frozenset(pairs[m] for m in moved)

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Names either article uses mid-sentence, so a name opening a sentence is still one."""
        return known_names(*(p.text for p in (*self.a.paragraphs, *self.b.paragraphs)))

    def discrepancies(self, k: int, diff: WordDiff | None = None) -> tuple[Discrepancy, ...]:
        """Figures and names that row ``k``'s two sides state differently (``core.facts``),
        computed once on demand; none for an unpaired row or a pair of boilerplate. ``diff``:
        the row's word diff, when the caller has it."""
        if k not in self._facts:
            row = self.rows[k]
            paras_a = [self.a.paragraphs[i] for i in row.a]
            paras_b = [self.b.paragraphs[j] for j in row.b]
            if not (paras_a and paras_b) or any(p.boilerplate for p in (*paras_a, *paras_b)):
                self._facts[k] = ()
            else:
                self._facts[k] = find_discrepancies(
                    PARAGRAPH_JOINER.join(p.text for p in paras_a),
                    PARAGRAPH_JOINER.join(p.text for p in paras_b),
                    diff,
                    options=self.options,
                    known=self.known_names,
                )
        return self._facts[k]

    def flagged_rows(self) -> list[int]:
        """Rows whose numbers or names disagree (computes every pair's discrepancies)."""
        return [k for k in range(len(self.rows)) if self.discrepancies(k)]

    def row_views(self) -> list[RowView]:
        return [self.row_view(k) for k in range(len(self.rows))]

    def _build(self, k: int) -> RowView:
        row = self.rows[k]
        paras_a = [self.a.paragraphs[i] for i in row.a]
        paras_b = [self.b.paragraphs[j] for j in row.b]
        if not (paras_a and paras_b):
            side = tuple(
                ParagraphView(p.index, p.text, (Span(0, len(p.text), "equal"),), p.boilerplate)
                for p in (paras_a or paras_b)
            )
            return RowView(row, side if paras_a else (), side if paras_b else (), False, False)
        diff = diff_words(
            PARAGRAPH_JOINER.join(p.text for p in paras_a),
            PARAGRAPH_JOINER.join(p.text for p in paras_b),
            self.options,
        )
        found = self.discrepancies(k, diff)
        ranges_a, ranges_b = figure_ranges(found, "a"), figure_ranges(found, "b")
        return RowView(
            row,
            _split_spans(paras_a, mark_figures(diff.spans("a"), ranges_a)),
            _split_spans(paras_b, mark_figures(diff.spans("b"), ranges_b)),
            identical=not diff.changed,
            numeric=bool(ranges_a or ranges_b),
            moved=k in self.moved_rows,
        )

    def summary(self) -> Summary:
        body_a = {p.index for p in self.a.body}
        body_b = {p.index for p in self.b.body}
        body_pairs = [p for p in self.alignment.pairs if set(p.a) & body_a]
        scores = [p.score for p in body_pairs]
        return Summary(
            pairs=len(scores),
            only_a=sum(1 for i in self.alignment.only_a if i in body_a),
            only_b=sum(1 for j in self.alignment.only_b if j in body_b),
            mean_similarity=sum(scores) / len(scores) if scores else 0.0,
            coverage_a=_share(self.a, {i for p in body_pairs for i in p.a}),
            coverage_b=_share(self.b, {j for p in body_pairs for j in p.b}),
        )

    def swapped(self) -> Comparison:
        """The same comparison with the sides exchanged (no realignment needed)."""
        return Comparison(self.b, self.a, self.alignment.swapped(), self.options)

    def with_options(self, options: DiffOptions) -> Comparison:
        return Comparison(self.a, self.b, self.alignment, options)


def compare(
    a: Article,
    b: Article,
    threshold: float = DEFAULT_THRESHOLD,
    options: DiffOptions | None = None,
    *,
    cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Align two articles and prepare their row-by-row comparison.

    ``cancel`` and ``progress`` are passed to ``align`` (which raises ``Cancelled`` when asked to
    stop); word diffs are made later, row by row, so they need neither.
    """
    alignment = align(a, b, threshold, cancel=cancel, progress=progress)
    return Comparison(a, b, alignment, options or DiffOptions())
