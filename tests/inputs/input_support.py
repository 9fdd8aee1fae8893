"""What every input test checks: the one-line error contract, or a result that is whole."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from cli_support import assert_one_line_error, run_in_process, run_newsdiff

COMMANDS = (("diff", "--width", "100"), ("export",), ("align", "--format", "json"))
"""The three commands a bad input is tried with."""


def refused_by_every_command(path: Path, other: Path, message: str, *, first: bool = True) -> str:
    """Each command exits 1 with one ``newsdiff: PATH: …message…`` line, and no output or traceback.

    Returns the line (the same for the three commands).
    """
    lines = set()
    for command, *options in COMMANDS:
        pair = (path, other) if first else (other, path)
        line = assert_one_line_error(run_newsdiff(command, *pair, *options), 1)
        assert line.startswith(f"newsdiff: {path}: "), line
        assert message in line, line
        lines.add(line)
    assert len(lines) == 1, lines
    return lines.pop()


def align_json(a: Path, b: Path, *options: str) -> dict[str, Any]:
    """``newsdiff align A B --format json``, checked to succeed quietly, with its partition valid."""
    result = run_newsdiff("align", a, b, "--format", "json", *options)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(result.stdout)
    for side, only in (("a", "only_a"), ("b", "only_b")):
        used = [i for pair in data["pairs"] for i in pair[side]] + data[only]
        assert sorted(used) == list(range(len(data[side]["paragraphs"])))
    return data


def succeeds(*args: object) -> subprocess.CompletedProcess[str]:
    """A run that must succeed quietly (exit 0, nothing on stderr)."""
    result = run_newsdiff(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    assert "Traceback" not in result.stdout
    return result


def run_uncached(*args: object) -> subprocess.CompletedProcess[str]:
    """``newsdiff *args`` run afresh (``run_newsdiff`` caches by arguments; a FIFO reads once)."""
    return run_in_process(*args)
