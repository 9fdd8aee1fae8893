"""A real HTTP server on 127.0.0.1 (pytest-httpserver) serving the seed pages in site chrome, feeds
that list them, and the ways a server goes wrong; every test gets its own empty cache folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))  # cli_support, the runner
from net_site import serve_site
from pytest_httpserver import HTTPServer

from newsdiff.core.store.database import Store


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """Loopback by number, not "localhost" (which may resolve to ::1 first)."""
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own cache, so no test is served another's page (and the user's is untouched)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(folder))
    monkeypatch.setenv("NEWSDIFF_DATA_DIR", str(tmp_path / "data"))  # the subscription store too
    return folder


@pytest.fixture
def store() -> Iterator[Store]:
    """The test's own subscription store (under its NEWSDIFF_DATA_DIR), open."""
    with Store.open() as opened:
        yield opened


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The session's loopback server with the site's routes (cleared after each test)."""
    serve_site(httpserver)
    return httpserver


@pytest.fixture
def own_server() -> Iterator[HTTPServer]:
    """A server of the test's own, which the test may stop (to prove the cache serves offline)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    serve_site(server)
    try:
        yield server
    finally:
        if server.is_running():
            server.stop()
