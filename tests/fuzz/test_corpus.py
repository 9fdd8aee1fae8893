"""Replay the fuzz corpus: every input ever found interesting must still pass the target."""

from __future__ import annotations

from pathlib import Path

import pytest

from .target import exercise

CORPUS = sorted((Path(__file__).parent / "corpus").iterdir())


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 10


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_input(path: Path) -> None:
    exercise(path.read_bytes())
