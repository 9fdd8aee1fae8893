"""A comparison of two articles: the alignment plus a word diff per row, computed once, lazily.

This is the one model every presentation reads (the app's diff view, ``newsdiff diff``, the
Markdown, HTML and JSON renderers). A row's word diff is computed at most once, on demand, and
kept: its spans, its figures and names that disagree (``discrepancies``) and the terminal's
interleaved text are all made from that one diff, so a view that shows only the visible rows of
a huge document never pays for the rest, and an export never diffs a row twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from newsdiff.core.align import DEFAULT_THRESHOLD, Alignment, Row, align
from newsdiff.core.article import Article, Paragraph
from newsdiff.core.comparison.figures import figure_ranges, mark_figures
from newsdiff.core.comparison.order import out_of_order
from newsdiff.core.comparison.summary import Summary, summarize
from newsdiff.core.facts import Discrepancy, find_discrepancies, known_names
from newsdiff.core.steps import CancelCheck, Progress
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
    diff: WordDiff | None = None
    """The pair's one word diff (``Comparison.word_diff``), None for an unpaired paragraph."""

    @property
    def kind(self) -> str:
        return self.row.kind

    @property
    def score(self) -> float | None:
        return self.row.score

    @property
    def boilerplate(self) -> bool:
        """A paragraph of the row is set aside (``filters.is_boilerplate`` asks without a view)."""
        return any(p.boilerplate for p in (*self.a, *self.b))

    @property
    def changed(self) -> bool:
        """A row worth jumping to: unpaired, or a pair whose wording differs."""
        return not self.identical


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


@dataclass
class Comparison:
    """Two articles, how they align, and how their aligned paragraphs differ."""

    a: Article
    b: Article
    alignment: Alignment
    options: DiffOptions = field(default_factory=DiffOptions)
    _cache: dict[int, RowView] = field(default_factory=dict, repr=False)
    _diffs: dict[int, WordDiff] = field(default_factory=dict, repr=False)
    _facts: dict[int, tuple[Discrepancy, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def rows(self) -> list[Row]:
        return self.alignment.rows()

    def paragraphs(self, k: int) -> tuple[list[Paragraph], list[Paragraph]]:
        """Row ``k``'s paragraphs on side A and on side B (one side empty for an unpaired row)."""
        row = self.rows[k]
        return [self.a.paragraphs[i] for i in row.a], [self.b.paragraphs[j] for j in row.b]

    def word_diff(self, k: int) -> WordDiff | None:
        """The word diff of pair ``k``'s joined texts, computed at most once (None: unpaired).

        Everything made from a pair's wording reads this one diff: its spans (``row_view``), its
        discrepancies, the terminal's interleaved text.
        """
        diff = self._diffs.get(k)
        if diff is None:
            paras_a, paras_b = self.paragraphs(k)
            if not (paras_a and paras_b):
                return None
            diff = self._diffs[k] = diff_words(
                PARAGRAPH_JOINER.join(p.text for p in paras_a),
                PARAGRAPH_JOINER.join(p.text for p in paras_b),
                self.options,
            )
        return diff

    def row_view(self, k: int) -> RowView:
        """The ``k``-th row with its word diff (computed once)."""
        if k not in self._cache:
            self._cache[k] = self._build(k)
        return self._cache[k]

    def row_identical(self, k: int) -> bool:
        """Whether row ``k`` is a pair with no wording difference, without building its spans.

        Filters ("hide identical") ask this of every row; a full word diff of each is not needed.
        """
        if k in self._diffs:
            return not self._diffs[k].changed
        paras_a, paras_b = self.paragraphs(k)
        if not (paras_a and paras_b):
            return False
        text_a = PARAGRAPH_JOINER.join(p.text for p in paras_a)
        text_b = PARAGRAPH_JOINER.join(p.text for p in paras_b)
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

    def discrepancies(self, k: int) -> tuple[Discrepancy, ...]:
        """Figures and names that row ``k``'s two sides state differently (``core.facts``),
        computed once on demand from the row's one word diff; none for an unpaired row or a pair
        of boilerplate."""
        if k not in self._facts:
            paras_a, paras_b = self.paragraphs(k)
            diff = self.word_diff(k) if not any(p.boilerplate for p in (*paras_a, *paras_b)) else None
            if diff is None:
                self._facts[k] = ()
            else:
                self._facts[k] = find_discrepancies(
                    diff.a, diff.b, diff, options=self.options, known=self.known_names
                )
        return self._facts[k]

    def flagged_rows(self) -> list[int]:
        """Rows whose numbers or names disagree (computes every pair's discrepancies)."""
        return [k for k in range(len(self.rows)) if self.discrepancies(k)]

    def row_views(self) -> list[RowView]:
        return [self.row_view(k) for k in range(len(self.rows))]

    def _build(self, k: int) -> RowView:
        row = self.rows[k]
        paras_a, paras_b = self.paragraphs(k)
        diff = self.word_diff(k)
        if diff is None:
            side = tuple(
                ParagraphView(p.index, p.text, (Span(0, len(p.text), "equal"),), p.boilerplate)
                for p in (paras_a or paras_b)
            )
            return RowView(row, side if paras_a else (), side if paras_b else (), False, False)
        found = self.discrepancies(k)
        ranges_a, ranges_b = figure_ranges(found, "a"), figure_ranges(found, "b")
        return RowView(
            row,
            _split_spans(paras_a, mark_figures(diff.spans("a"), ranges_a)),
            _split_spans(paras_b, mark_figures(diff.spans("b"), ranges_b)),
            identical=not diff.changed,
            numeric=bool(ranges_a or ranges_b),
            moved=k in self.moved_rows,
            diff=diff,
        )

    def summary(self) -> Summary:
        """The counts (``comparison.summary``): no word diff needed."""
        return summarize(self.a, self.b, self.alignment)

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
