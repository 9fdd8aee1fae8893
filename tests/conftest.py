"""Shared fixtures: the bundled seeds, loaded once per session."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsdiff.core.article import Article
from newsdiff.core.loader import load_paths
from support.postgres import PostgresServer, PostgresUnavailableError, start_postgres, unavailable

# Property tests. By default ("ci") 150 cases each, the same cases on every run and machine
# (derandomize, no example database): a failure in CI is a failure on a developer's machine too,
# never luck. HYPOTHESIS_PROFILE=thorough draws 500 new random cases per test from a seed that
# is printed in the header and again on failure (rerun with --hypothesis-seed=N to reproduce).
# Neither has a deadline or a too-slow check: a loaded machine is not a bug (speed is measured
# by the benchmarks).
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=150, derandomize=True, database=None, **_UNTIMED)
settings.register_profile("thorough", max_examples=500, derandomize=False, print_blob=True, **_UNTIMED)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)
_SEED_VARIABLE = "NEWSDIFF_HYPOTHESIS_SEED"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """A randomised run gets one seed, chosen here unless --hypothesis-seed gives it, and shared
    with the xdist workers through the environment, so the printed seed reproduces the run."""
    if PROFILE == "ci" or config.getoption("hypothesis_seed", None) is not None:
        return
    seed = os.environ.setdefault(_SEED_VARIABLE, str(secrets.randbelow(2**32)))
    config.option.hypothesis_seed = seed


def _seed_line(config: pytest.Config) -> str | None:
    seed = config.getoption("hypothesis_seed", None)
    if seed is None:
        return None
    return f"Hypothesis profile {PROFILE!r}, seed {seed}: reproduce with --hypothesis-seed={seed}"


def pytest_report_header(config: pytest.Config) -> str | None:
    return _seed_line(config)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int) -> None:
    line = _seed_line(terminalreporter.config)
    if line and exitstatus != 0:
        terminalreporter.write_line(line, red=True)


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for this test process (``support/postgres.py``). Without one,
    the tests that need it skip, saying why; under CI (which installs PostgreSQL) they fail."""
    try:
        server = start_postgres()
    except PostgresUnavailableError as exc:
        unavailable(str(exc), os.environ)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store, once on each database: a SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'newsdiff.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()
