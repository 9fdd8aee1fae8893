"""Helpers to run the real command line in a subprocess, as a user's shell would.

Each run costs about a second (Python plus numpy/scipy start-up), so identical invocations are
run once per session and shared between tests: a test that changes a file must give the changed
file a new name, or it will get the earlier run's result.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
A = SEEDS / "001_ee081a7865b12ef2.txt"
B = SEEDS / "004_0585261c54842d1b.txt"
C = SEEDS / "002_f8b77b186fc46e03.txt"

# Variables that would change what the program prints, removed so results do not depend on the
# developer's shell.
_SCRUBBED = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "NEWSDIFF_MAX_BYTES", "TTY_COMPATIBLE")


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env["PYTHONIOENCODING"] = "utf-8"
    env["NEWSDIFF_CONFIG"] = os.devnull  # an empty settings file: the developer's own is not read
    env.update(extra)
    return env


@cache
def _run(
    args: tuple[str, ...], extra_env: tuple[tuple[str, str], ...], cwd: str | None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(**dict(extra_env)),
        cwd=cwd,
        timeout=120,
        check=False,
    )


Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_newsdiff(
    *args: object, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``newsdiff *args`` with extra environment ``env`` in ``cwd``: the finished process."""
    return _run(tuple(str(a) for a in args), tuple(sorted((env or {}).items())), str(cwd) if cwd else None)


def assert_one_line_error(result: subprocess.CompletedProcess[str], status: int) -> str:
    """The failure contract: the given status, nothing on stdout, one ``newsdiff:`` line on stderr."""
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsdiff: ")
    assert result.stdout == ""
    return lines[0]


HOSTILE = """\
[bold]Kim[/] met Putin at the cosmodrome on Wednesday and the two leaders talked for hours.

\x1b[31mThe launch\x1b[0m came hours after North Korea fired two ballistic missiles toward the sea.

<script>alert(1)</script> Officials said the meeting was a chance to refill ammunition stores.

# heading Officials in Seoul said they were watching the summit closely for signs of a deal.

| table | cells | Russia denied any plan to buy weapons from the North, the Kremlin said.

[link](http://example.com) and :smile: and [/foo] stayed in the story until the very end.
"""
