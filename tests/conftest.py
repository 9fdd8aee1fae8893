"""Shared fixtures: the bundled seeds, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.article import Article
from newsdiff.core.loader import load_paths

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The five seed articles keyed by their number prefix ("000" ... "004")."""
    result = load_paths([SEEDS])
    assert not result.errors
    return {Path(a.path).name[:3]: a for a in result.articles}
