"""Signals, closed standard streams and special export targets (issue 16: items 13, 14, 18).

Each runs the real program in a subprocess: a SIGTERM or a closed descriptor is a property of the
process, not of a function.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import A, B, environment

GIVE = "give a file name to export to"
SIGTERM_MID_WRITE = """
import os, signal, sys
import newsdiff.core.files as files

def write_then_die(fd, data):
    os.write(fd, data[:100])
    os.kill(os.getpid(), signal.SIGTERM)  # as `kill` would, halfway through the file
    os.write(fd, data[100:])

files._write_all = write_then_die
from newsdiff.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
        check=False,
        **options,  # type: ignore[call-overload]
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = run(["-c", SIGTERM_MID_WRITE, "export", str(A), str(B), "-o", str(out)])
    assert result.returncode == 143, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # neither the export nor its .out.md.XXXX.tmp


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_force_does_not_replace_a_fifo_or_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    for target in (fifo, Path(os.devnull)):
        result = run(["-m", "newsdiff", "export", str(A), str(B), "-o", str(target), "--force"])
        assert result.returncode == 1
        assert result.stderr == f"newsdiff: {target}: is not a regular file (a device or FIFO); {GIVE}\n"
    assert fifo.is_fifo() and Path(os.devnull).is_char_device()
    assert list(tmp_path.iterdir()) == [fifo]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
def test_a_closed_stdout_is_one_line(tmp_path: Path) -> None:
    result = run(
        ["-m", "newsdiff", "diff", str(A), str(B)],
        stdout=None,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert result.stderr == "newsdiff: standard output is closed\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
def test_a_closed_stderr_does_not_fail_a_good_export(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", "export", str(A), str(B), "-o", str(out)],
        stdout=subprocess.PIPE,
        env=environment(),
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(2),
    )
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Comparison: ")
