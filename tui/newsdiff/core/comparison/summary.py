"""The counts of a comparison, and the one way each of them is said.

Counts are over body paragraphs (boilerplate is not part of the story) and need no word diff, so
the app's summary bar shows them as soon as the alignment is done.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.core.align import LITTLE_COVERAGE, Alignment
from newsdiff.core.article import Article
from newsdiff.core.tokens import word_count
from newsdiff.core.wording import percent


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


def summarize(a: Article, b: Article, alignment: Alignment) -> Summary:
    """The counts of ``alignment`` between ``a`` and ``b``, over body paragraphs."""
    body_a = {p.index for p in a.body}
    body_b = {p.index for p in b.body}
    body_pairs = [p for p in alignment.pairs if set(p.a) & body_a]
    scores = [p.score for p in body_pairs]
    return Summary(
        pairs=len(scores),
        only_a=sum(1 for i in alignment.only_a if i in body_a),
        only_b=sum(1 for j in alignment.only_b if j in body_b),
        mean_similarity=sum(scores) / len(scores) if scores else 0.0,
        coverage_a=_share(a, {i for p in body_pairs for i in p.a}),
        coverage_b=_share(b, {j for p in body_pairs for j in p.b}),
    )


def _share(article: Article, indices: set[int]) -> float:
    """Share of the article's body words that lie in the given paragraphs."""
    total = sum(word_count(p.text) for p in article.body)
    paired = sum(word_count(p.text) for p in article.body if p.index in indices)
    return paired / total if total else 0.0


def mean_similarity_text(summary: Summary) -> str:
    """The mean similarity of the pairs, two decimals, or ``none`` when nothing is paired (a mean
    of 0.00 would claim pairs that differ entirely)."""
    return f"{summary.mean_similarity:.2f}" if summary.pairs else "none"


def coverage_sentence(summary: Summary) -> str:
    """``62% of A and 91% of B have a counterpart``: shares of body words in a paired paragraph."""
    return f"{percent(summary.coverage_a)} of A and {percent(summary.coverage_b)} of B have a counterpart"
