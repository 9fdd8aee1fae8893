"""Start the real ``newsdiff`` in tmux, drive it with keys, read the screen, quit cleanly.

Each way out (q, ctrl+c on the story and on the comparison screen, SIGTERM) must give the shell
back: the exit status is printed, the terminal modes (``stty -g``) are the same as before, and
the alternate screen is gone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

NEWSDIFF = Path(sys.executable).with_name("newsdiff")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


@dataclass
class Session:
    """A tmux session running ``stty -g; newsdiff; echo EXIT=$?; stty -g`` in bash."""

    name: str
    folder: Path

    def screen(self) -> str:
        return _tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        _tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def newsdiff_pid(self) -> int:
        """The newsdiff process: the child of the pane's shell."""
        shell = _tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip()
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True, check=False
        ).stdout.split()
        assert len(children) == 1, f"expected one child of the shell, found {children}"
        return int(children[0])

    def assert_shell_back(self, status: int, gone: str) -> None:
        """The shell printed newsdiff's exit status, the modes are restored, the app's screen is gone."""
        screen = self.wait_for(f"EXIT={status}")
        assert gone not in screen, "the alternate screen is gone"
        after = self.folder / "stty.after"
        deadline = time.monotonic() + 5
        while not (after.exists() and after.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)  # the shell creates the file before stty has written to it
        before = (self.folder / "stty.before").read_text()
        assert before == after.read_text(), "terminal modes not restored"


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Session]]:
    """Start newsdiff with arguments in a new tmux session, 120x40 unless ``size`` says otherwise
    (killed after the test)."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (CI installs it)")
    assert NEWSDIFF.exists(), f"the newsdiff console script is missing beside {sys.executable}"
    names: list[str] = []

    def run(args: list[str], size: tuple[int, int] = (120, 40)) -> Session:
        name = f"newsdiff-{uuid.uuid4().hex[:8]}"
        names.append(name)
        marker = shlex.quote(str(tmp_path / "stty"))
        command = shlex.join([str(NEWSDIFF), *args])
        # Record the terminal settings before and after, then keep the pane open for inspection.
        script = f"stty -g > {marker}.before; {command}; echo EXIT=$?; stty -g > {marker}.after; sleep 60"
        width, height = (str(n) for n in size)
        _tmux("new-session", "-d", "-s", name, "-x", width, "-y", height, "bash", "--norc", "-c", script)
        return Session(name, tmp_path)

    yield run
    for name in names:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


@pytest.fixture
def session(start: Callable[..., Session]) -> Session:
    """newsdiff on the bundled seeds."""
    return start([])


def open_comparison(session: Session) -> None:
    screen = session.wait_for("5 articles")
    assert "The Washington Times" in screen and "The Associated Press" in screen
    session.keys("c")
    session.wait_for("mean similarity")
    screen = session.wait_for("sacred fight")  # then the rows (the summary may come a frame earlier)
    assert "The Globe and Mail" in screen and "The Associated Press" in screen
    assert "mean similarity" in screen


def test_real_program_compares_two_seeds_and_quits_cleanly(session: Session) -> None:
    open_comparison(session)
    session.keys("q")
    session.wait_for("5 articles")
    session.keys("q")
    session.assert_shell_back(0, gone="5 articles")


def test_ctrl_c_on_the_story_screen_quits_cleanly(session: Session) -> None:
    session.wait_for("5 articles")
    session.keys("C-c")
    session.assert_shell_back(130, gone="5 articles")


def test_ctrl_c_on_the_comparison_screen_quits_cleanly(session: Session) -> None:
    open_comparison(session)
    session.keys("C-c")
    session.assert_shell_back(130, gone="mean similarity")


def test_sigterm_quits_cleanly(session: Session) -> None:
    open_comparison(session)
    os.kill(session.newsdiff_pid(), signal.SIGTERM)
    session.assert_shell_back(143, gone="mean similarity")


def test_escape_sequences_in_articles_never_reach_the_terminal(
    start: Callable[..., Session], tmp_path: Path
) -> None:
    """An article that sets the window title, clears the screen and colours text, if its escape
    sequences reached the terminal: the title stays, the text shows literally."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (
        "Council \x1b]0;pwned\x07approves \x1b[31mred\x1b[0m budget\n\n"
        "The vote \x1b[2J was \x1b]52;c;SGVsbG8=\x07 close, [@click=app.quit]officials said.\n\n"
        # Enough plain prose that the few control bytes do not make the file look binary.
        + "The council met on Tuesday evening to debate the spending plan for the coming year, "
        "and members spoke for several hours about the river bridge and the school buildings.\n"
    )
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("close", "tight"), encoding="utf-8")
    session = start([str(folder)])
    session.wait_for("2 articles")
    title_before = _tmux("display-message", "-p", "-t", session.name, "#{pane_title}")
    session.keys("c")
    session.wait_for("mean similarity")
    screen = session.wait_for("[@click=app.quit]officials")  # the rows (a frame after the summary)
    assert "]0;pwned" in screen and "[31mred[0m" in screen and "[@click=app.quit]officials" in screen
    assert "]52;c;SGVsbG8=" in screen
    assert _tmux("display-message", "-p", "-t", session.name, "#{pane_title}") == title_before
    assert "pwned" not in title_before
    session.keys("q")
    session.wait_for("2 articles")
    session.keys("q")
    session.assert_shell_back(0, gone="2 articles")


def test_hostile_names_and_metadata_never_reach_the_terminal(
    start: Callable[[list[str]], Session], tmp_path: Path
) -> None:
    """Issue 16, items 4 and 5: a file name and a newsdiff.toml outlet that would set the window
    title if their escape sequences reached the terminal, in `diff --color always` and the app."""
    folder = tmp_path / "names"
    folder.mkdir()
    prose = (
        "The council met on Tuesday evening to debate the spending plan for the coming year, "
        "and members spoke for several hours about the river bridge and the school buildings.\n"
    )
    a = folder / "a\x1b]2;pwned-by-name\x07.txt"
    a.write_text(prose, encoding="utf-8")
    (folder / "b.txt").write_text(prose.replace("Tuesday", "Monday"), encoding="utf-8")
    (folder / "newsdiff.toml").write_text(
        '["b.txt"]\noutlet = "Evil \\u001b]2;pwned-by-toml\\u0007 News"\n', encoding="utf-8"
    )
    session = start(["diff", "--color", "always", str(a), str(folder / "b.txt")])
    screen = session.wait_for("EXIT=0")
    assert "Evil ]2;pwned-by-toml News" in screen
    title = _tmux("display-message", "-p", "-t", session.name, "#{pane_title}")
    assert "pwned" not in title
    app = start([str(folder)])
    app.wait_for("2 articles")
    assert "pwned" not in _tmux("display-message", "-p", "-t", app.name, "#{pane_title}")
    app.keys("q")
    app.assert_shell_back(0, gone="2 articles")


def test_a_config_file_saved_in_the_app_is_not_reported_missing_on_quit(
    start: Callable[..., Session], tmp_path: Path
) -> None:
    """A --config (or NEWSDIFF_CONFIG) file that does not exist yet is said in the app, once; it
    is not also written to the terminal under the app, where it showed after quitting, even
    though the settings had just been saved to that very file."""
    config = tmp_path / "new" / "config.toml"
    config.parent.mkdir()
    session = start(["--config", str(config)])
    screen = session.wait_for("5 articles")
    session.wait_for("no such file")  # the app's own notice
    session.keys(",")
    session.wait_for("Pairing threshold")
    session.keys("C-s")
    session.wait_for("Saved to")
    assert config.exists()
    session.keys("q")
    session.assert_shell_back(0, gone="5 articles")
    screen = session.screen()
    assert "no such file" not in screen, screen


def test_at_80x24_the_story_keeps_its_columns_and_every_screen_its_help_key(
    start: Callable[..., Session],
) -> None:
    """In a real 80x24 terminal: the story table's Date, Words and ¶ are on screen, and the story,
    comparison and coverage footers keep ``? help``."""
    session = start([], size=(80, 24))
    screen = session.wait_for("5 articles")
    screen = session.wait_for("2023-09-13")
    header = next(line for line in screen.splitlines() if "Source" in line)
    assert all(word in header for word in ("Title", "Date", "Words", "¶")), header
    assert "The Washingto…" in screen or "The Washington Times" in screen
    assert "? help" in screen.splitlines()[-1]
    session.keys("c")
    screen = session.wait_for("mean similarity")
    assert "? help" in screen.splitlines()[-1] and "e export" in screen.splitlines()[-1]
    session.keys("q")
    session.wait_for("5 articles")
    session.keys("C")
    screen = session.wait_for("North Korean leader Kim")  # the coverage table's report column
    assert "? help" in screen.splitlines()[-1]
    session.keys("q", "q")
    session.assert_shell_back(0, gone="5 articles")


def test_diff_on_a_terminal_pages_its_output(start: Callable[..., Session]) -> None:
    """``newsdiff diff`` on a terminal shows a long comparison in a pager (less), the first screen
    first; q ends it. ``--no-pager`` prints it all."""
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    a, b = str(seeds / "001_ee081a7865b12ef2.txt"), str(seeds / "004_0585261c54842d1b.txt")
    session = start(["diff", a, b], size=(80, 24))
    screen = session.wait_for("The Associated Press")
    time.sleep(0.5)
    screen = session.screen()
    assert "EXIT=" not in screen, "waits in the pager"
    assert screen.splitlines()[-1].startswith(":"), screen  # less's prompt
    session.keys("q")
    session.wait_for("EXIT=0")
    printed = start(["diff", "--no-pager", a, b], size=(80, 24))
    printed.wait_for("EXIT=0")
