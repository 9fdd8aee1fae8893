"""Feeds written to attack the command line (issue 16: items 7, 16, 17), read from files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli import main
from newsdiff.core.feeds import parse_feed, parse_picks
from support.hang_guard import finishes


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>{n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    channel = f"<channel><title>F</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def test_a_link_with_white_space_is_one_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    links = [f"http://127.0.0.1:9/story {secret}", "http://127.0.0.1:9/a\tb\u3000c"]
    links.append(" http://127.0.0.1:9/ok ")
    feed = parse_feed(rss(links), location="f.xml")
    assert [entry.link for entry in feed.entries] == [
        f"http://127.0.0.1:9/story%20{str(secret).replace(' ', '%20')}",
        "http://127.0.0.1:9/a%09b%E3%80%80c",
        "http://127.0.0.1:9/ok",
    ]
    path = tmp_path / "f.xml"
    path.write_bytes(rss(links))
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    assert main(["feed", str(path), "--pick", "1-3"]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 3 and all(word.startswith("http://127.0.0.1:9/") for word in printed)
    assert str(secret) not in printed


def test_picking_a_long_range_is_linear() -> None:
    picked: list[list[int]] = []
    # Quadratic before (78 s); a guard, not a timing: the benchmark measures it.
    assert finishes(lambda: picked.append(parse_picks("1-100000", 100_000)))
    assert picked == [list(range(100_000))]
    assert parse_picks("3,1-4,2", 5) == [2, 0, 1, 3]  # the order given, no repeats


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE is POSIX")
def test_a_listing_cut_by_head_exits_141(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(rss([f"http://127.0.0.1:9/story/{n}" for n in range(20_000)]))  # ~1 MB listed
    env = {**os.environ, "NEWSDIFF_CONFIG": os.devnull, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", "feed", str(path)], stdout=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    child.stdout.close()  # as head does after one line
    assert child.wait(timeout=60) == 141
    assert first.startswith(b"F (20000 entries)")
