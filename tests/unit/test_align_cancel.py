"""Alignment can be stopped between its stages, and reports how far it got."""

from __future__ import annotations

import pytest

from newsdiff.core.align import align
from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.errors import Cancelled


def test_progress_rises_to_one_and_the_result_is_unchanged(seeds: dict[str, Article]) -> None:
    seen: list[float] = []
    with_progress = align(seeds["001"], seeds["004"], progress=seen.append, cancel=lambda: False)
    assert with_progress == align(seeds["001"], seeds["004"])
    assert seen == sorted(seen), "progress never goes back"
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 5


@pytest.mark.parametrize("after", [0, 1, 3, 6])
def test_cancel_stops_at_the_next_checkpoint(seeds: dict[str, Article], after: int) -> None:
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > after

    with pytest.raises(Cancelled):
        compare(seeds["001"], seeds["004"], cancel=cancel)
    assert asked == after + 1, "nothing more is asked once cancelled"


def test_cancel_works_from_either_side(seeds: dict[str, Article]) -> None:
    with pytest.raises(Cancelled):
        align(seeds["004"], seeds["001"], cancel=lambda: True)
