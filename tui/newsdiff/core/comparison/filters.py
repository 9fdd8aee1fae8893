"""Which rows a view shows, and what a difference is: decided here once, for the app and terminal.

Every predicate answers from the alignment alone where it can (boilerplate, unpaired) and from the
cheap comparison keys otherwise (identical wording), so filtering thousands of rows never computes
a word diff; only an extra filter given by the caller (the app's "facts disagree") may.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsdiff.core.comparison.model import Comparison

RowPredicate = Callable[[Comparison, int], bool]
"""A question about row ``k`` of a comparison."""


def is_boilerplate(comparison: Comparison, k: int) -> bool:
    """Row ``k`` holds a paragraph set aside as boilerplate (a credit, caption, copyright line)."""
    paragraphs_a, paragraphs_b = comparison.paragraphs(k)
    return any(not p.is_body for p in (*paragraphs_a, *paragraphs_b))


def is_difference(comparison: Comparison, k: int) -> bool:
    """A difference in the story: a changed pair or an unpaired paragraph, and not boilerplate (a
    different copyright line is not a difference in the story)."""
    return not comparison.row_identical(k) and not is_boilerplate(comparison, k)


def is_body_pair(comparison: Comparison, k: int) -> bool:
    """A pair of body paragraphs, identical or not: the story's shared reports."""
    return comparison.rows[k].kind == "pair" and not is_boilerplate(comparison, k)


def facts_disagree(comparison: Comparison, k: int) -> bool:
    """Row ``k`` is a pair whose numbers or names disagree (the app's ``f``; computes its diff)."""
    return bool(comparison.discrepancies(k))


@dataclass(frozen=True, slots=True)
class RowFilter:
    """The rows a reader asked to hide; ``only``: an extra test a shown row must pass."""

    hide_identical: bool = False
    hide_boilerplate: bool = False
    hide_unpaired: bool = False
    only: RowPredicate | None = None

    def shows(self, comparison: Comparison, k: int) -> bool:
        """Whether row ``k`` passes, without computing its word diff (unless ``only`` does)."""
        if self.hide_boilerplate and is_boilerplate(comparison, k):
            return False
        if self.hide_unpaired and comparison.rows[k].kind != "pair":
            return False
        if self.only is not None and not self.only(comparison, k):
            return False
        return not (self.hide_identical and comparison.row_identical(k))

    def rows(self, comparison: Comparison) -> list[int]:
        """Indices (into ``comparison.rows``) of the rows that pass, in reading order."""
        return [k for k in range(len(comparison.rows)) if self.shows(comparison, k)]
