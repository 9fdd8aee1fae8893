"""Bad and awkward inputs, each through the real command line (``main`` in process, or a real
process where only one shows it: a terminal, a pipe to the app) and the loader where it matters.
The helpers that run the command are the command-line tests' own (``tests/cli``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))

from cli_support import A


@pytest.fixture(scope="session")
def other() -> Path:
    """The well-formed article each bad input is compared with (seed 001)."""
    article: Path = A
    return article
