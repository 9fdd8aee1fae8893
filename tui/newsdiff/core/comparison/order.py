"""Which pairs B tells in another order than A: the fewest moves that explain the reordering."""

from __future__ import annotations

from collections.abc import Sequence


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
