"""Shared fixtures: the bundled seeds, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsdiff.core.article import Article
from newsdiff.core.loader import load_paths

# Property tests: 150 generated cases each by default; HYPOTHESIS_PROFILE=thorough for 2,000.
settings.register_profile("default", max_examples=150)
settings.register_profile("thorough", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
