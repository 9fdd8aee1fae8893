"""Fixtures for the command-line tests (helpers live in ``cli_support``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import HOSTILE, Runner, run_newsdiff


@pytest.fixture(scope="session")
def newsdiff() -> Runner:
    """``newsdiff(*args, env={...}, cwd=...)``: the finished process (stdout/stderr as text)."""
    return run_newsdiff


@pytest.fixture(scope="session")
def hostile_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two versions of an article full of markup and escape sequences, with real differences."""
    folder = tmp_path_factory.mktemp("hostile")
    a = folder / "hostile_a.txt"
    b = folder / "hostile_b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(
        HOSTILE.replace("Wednesday", "Tuesday").replace("refill", "replenish").replace("two", "four"),
        encoding="utf-8",
    )
    return a, b
