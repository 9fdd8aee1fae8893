"""Helpers to run the command line as a user's shell would: ``newsdiff ARGS`` gives the exit
status, standard output and standard error.

``run_newsdiff`` calls ``newsdiff.cli.main(argv)`` in this process, with the environment, working
folder and standard streams (pipes, UTF-8, no terminal) that a child process would get: the tests
of what a command prints or refuses need no new interpreter (about a second each, for Python plus
numpy/scipy start-up). ``run_process`` starts the real program, for what only a process shows:
signals and pipes closing, imports at start-up, standard input, the console script. Identical
invocations are run once per session and shared between tests: a test that changes a file must
give the changed file a new name, or it will get the earlier run's result.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import newsdiff.core.loader as loader
from newsdiff.cli import main

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


class _Pipe(io.TextIOWrapper):
    """A standard stream as a child process has it when its output is captured: a pipe (no
    terminal, no file descriptor to size), in the encoding ``PYTHONIOENCODING`` names."""

    def __init__(self, encoding: str) -> None:
        name, _, errors = encoding.partition(":")
        super().__init__(io.BytesIO(), encoding=name or "utf-8", errors=errors or "strict", newline="\n")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")

    def text(self) -> str:
        """What was written, exactly (a stray carriage return stays visible)."""
        self.flush()
        return self.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined, no-any-return]


@contextlib.contextmanager
def _as_a_child(env: dict[str, str], cwd: str | None, stdin: bytes) -> Iterator[tuple[_Pipe, _Pipe]]:
    """This process's environment, folder and standard streams made a child's, then put back.
    Standard input holds ``stdin`` and has not been read yet (the loader reads it once)."""
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    out, err = _Pipe(env.get("PYTHONIOENCODING", "")), _Pipe(env.get("PYTHONIOENCODING", ""))
    os.environ.clear()
    os.environ.update(env)
    loader._stdin_data = None
    try:
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin, sys.stdout, sys.stderr = io.TextIOWrapper(io.BytesIO(stdin)), out, err
        yield out, err
    finally:
        loader._stdin_data = None
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def _in_process(
    args: tuple[str, ...], extra_env: tuple[tuple[str, str], ...], cwd: str | None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    with _as_a_child(environment(**dict(extra_env)), cwd, stdin) as (out, err):
        try:
            code = main(list(args))
        except Exception:  # what the interpreter would print for an uncaught error, exit 1
            err.write(traceback.format_exc())
            code = 1
        return subprocess.CompletedProcess(["newsdiff", *args], code, out.text(), err.text())


_run_in_process = cache(_in_process)


Runner = Callable[..., subprocess.CompletedProcess[str]]


def _key(args: tuple[object, ...], env: dict[str, str] | None, cwd: Path | None) -> tuple[object, ...]:
    return tuple(str(a) for a in args), tuple(sorted((env or {}).items())), str(cwd) if cwd else None


def run_newsdiff(
    *args: object, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``newsdiff *args`` with extra environment ``env`` in ``cwd``, run by ``main`` in this process:
    the exit status and the two streams, as a finished process gives them."""
    return _run_in_process(*_key(args, env, cwd))  # type: ignore[arg-type]


def run_in_process(
    *args: object, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    """``run_newsdiff`` run afresh, not shared: for a command whose result depends on more than its
    arguments (files it writes, a FIFO read once, a server's state) or that reads ``stdin``."""
    return _in_process(*_key(args, env, cwd), stdin)  # type: ignore[arg-type]


def run_process(
    *args: object, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``newsdiff *args`` as a real child process (``python -m newsdiff``): the finished process."""
    return _run(*_key(args, env, cwd))  # type: ignore[arg-type]


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
