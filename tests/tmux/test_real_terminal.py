"""Start the real ``newsdiff`` in tmux, drive it with keys, read the screen, quit cleanly."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

NEWSDIFF = Path(sys.executable).with_name("newsdiff")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (CI installs it)")
    assert NEWSDIFF.exists(), f"the newsdiff console script is missing beside {sys.executable}"
    name = f"newsdiff-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "stty"
    # Record the terminal settings before and after, then keep the pane open for inspection.
    script = (
        f"stty -g > {shlex.quote(str(marker))}.before; {shlex.quote(str(NEWSDIFF))}; "
        f"echo EXIT=$?; stty -g > {shlex.quote(str(marker))}.after; sleep 60"
    )
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "bash", "--norc", "-c", script)
    try:
        yield name
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_real_program_compares_two_seeds_and_quits_cleanly(session: str, tmp_path: Path) -> None:
    screen = _wait_for(session, "The Associated Press")
    assert "The Washington Times" in screen and "5 articles" in screen
    _tmux("send-keys", "-t", session, "o")
    screen = _wait_for(session, "mean similarity")
    assert "The Globe and Mail" in screen and "The Associated Press" in screen
    assert "sacred fight" in screen
    _tmux("send-keys", "-t", session, "q")
    _wait_for(session, "5 articles")
    _tmux("send-keys", "-t", session, "q")
    screen = _wait_for(session, "EXIT=0")
    assert "mean similarity" not in screen  # the alternate screen is gone
    deadline = time.monotonic() + 5
    after = tmp_path / "stty.after"
    while not after.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (tmp_path / "stty.before").read_text() == after.read_text(), "terminal modes not restored"
