"""Size limit, timeout and refresh reach the loader, fetcher and app as an explicit object
(core.options.LoadOptions), never through os.environ: a library caller does not inherit them."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import pytest

import newsdiff.core.fetch as fetch_module
from newsdiff import cli
from newsdiff.app import NewsdiffApp
from newsdiff.core.fetch import Cache, Fetched, load_url
from newsdiff.core.loader import load_paths
from newsdiff.core.options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, LoadOptions
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.subcommands.options import load_options

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
A, B = SEEDS / "001_ee081a7865b12ef2.txt", SEEDS / "004_0585261c54842d1b.txt"
VARIABLES = ("NEWSDIFF_MAX_BYTES", "NEWSDIFF_FETCH_TIMEOUT", "NEWSDIFF_REFRESH")


@pytest.fixture
def hostile_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an earlier command (or the user's shell) might have left: a tiny limit, a timeout too
    short for any server, and refresh on."""
    monkeypatch.setenv("NEWSDIFF_MAX_BYTES", "10")
    monkeypatch.setenv("NEWSDIFF_FETCH_TIMEOUT", "0.001")
    monkeypatch.setenv("NEWSDIFF_REFRESH", "1")


@pytest.mark.usefixtures("hostile_environment")
def test_a_library_caller_does_not_inherit_the_variables() -> None:
    result = load_paths([SEEDS])
    assert result.errors == [] and len(result.articles) == 5  # no 10-byte limit
    assert NewsdiffApp(paths=[SEEDS]).load_options == LoadOptions()
    assert StoryScreen([SEEDS]).load_options == LoadOptions()


@pytest.mark.usefixtures("hostile_environment")
def test_the_fetcher_uses_the_options_given_not_the_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(tmp_path))
    url = "http://127.0.0.1:9/story.html"
    page = (
        b"<html><body><article><p>"
        + b"Kim met Putin at the cosmodrome for talks. " * 20
        + b"</p></article></body></html>"
    )
    Cache(tmp_path).put(Fetched(url, url, "text/html", page, "2026-01-01T00:00:00Z"))
    asked: list[dict[str, Any]] = []

    def download(address: str, **limits: Any) -> Fetched:
        asked.append(limits)
        return Fetched(address, address, "text/html", page, "2026-01-02T00:00:00Z")

    monkeypatch.setattr(fetch_module, "_download", download)
    assert load_url(url).extra["from-cache"] == "yes"  # NEWSDIFF_REFRESH=1 is not --refresh
    assert asked == []
    load_url(url, LoadOptions(max_bytes=5_000, timeout=2.5, refresh=True))
    assert (asked[-1]["timeout"], asked[-1]["max_bytes"]) == (2.5, 5_000)
    fetch_module.fetch(url)
    assert (asked[-1]["timeout"], asked[-1]["max_bytes"]) == (DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES)


def test_commands_leave_the_environment_as_they_found_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Flags used to be handed on by setting the variables, which then stayed set for whatever
    ran next in the process (a second app, a library call)."""
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    before = dict(os.environ)
    assert cli.main(["align", str(A), str(B), "--max-size", "30M", "--timeout", "3", "--refresh"]) == 0
    assert cli.main(["quotes", str(SEEDS), "--max-size", "2M", "--format", "json"]) == 0
    capsys.readouterr()
    assert dict(os.environ) == before
    assert load_paths([A]).errors == []


def _args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"max_size": None, "timeout": None, "refresh": False, **given})


def test_options_come_from_the_flags_then_the_documented_variables() -> None:
    assert load_options(_args(), env={}) == LoadOptions()
    env = {"NEWSDIFF_MAX_BYTES": "5000", "NEWSDIFF_FETCH_TIMEOUT": "0.5", "NEWSDIFF_REFRESH": "1"}
    assert load_options(_args(), env=env) == LoadOptions(max_bytes=5000, timeout=0.5)
    flags = _args(max_size=30_000_000, timeout=3.0, refresh=True)
    assert load_options(flags, env=env) == LoadOptions(max_bytes=30_000_000, timeout=3.0, refresh=True)
    for bad in ("", "0", "-5", "abc", "²", "nan", "inf", "20M"):
        odd = {"NEWSDIFF_MAX_BYTES": bad, "NEWSDIFF_FETCH_TIMEOUT": bad}
        assert load_options(_args(), env=odd) == LoadOptions(), bad
    # A command without network flags (quotes, coverage) still gets the size limit.
    assert load_options(argparse.Namespace(max_size=None), env=env).max_bytes == 5000
