"""Help, version, and the failure contract: one ``newsdiff:`` line, exit 2 or 1, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import A, B, Runner, assert_one_line_error, environment, run_newsdiff, run_process

from newsdiff import __version__, cli
from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.exit_codes import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from newsdiff.subcommands import COMMANDS, OTHER_COMMANDS, PAIR_COMMANDS, align, diff


@pytest.mark.parametrize("command", [[], ["diff"], ["export"], ["align"]])
def test_help_on_every_command(newsdiff: Runner, command: list[str]) -> None:
    for flag in ("--help", "-h"):
        result = newsdiff(*command, flag)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: newsdiff")
        assert result.stderr == ""
        assert "--threshold" in result.stdout


def test_top_level_help_lists_the_commands(newsdiff: Runner) -> None:
    out = newsdiff("--help").stdout
    for command in PAIR_COMMANDS:
        assert f"\n  {command} A B" in out
    for command in OTHER_COMMANDS:  # each takes its own arguments
        assert f"\n  {command} " in out
    assert f"(default {DEFAULT_THRESHOLD})" in " ".join(out.split())


@pytest.mark.parametrize(
    "args",
    [("--version",), ("diff", A, B, "--width", "100"), ("align", A, "nope.txt"), ("export", A, B, "--bogus")],
)
def test_the_real_program_prints_what_main_does(args: tuple[object, ...]) -> None:
    """The other tests run ``main(argv)`` in process (``run_newsdiff``); it stands for the program:
    ``python -m newsdiff`` gives the same status and the same two streams."""
    real, in_process = run_process(*args), run_newsdiff(*args)
    assert (real.returncode, real.stdout, real.stderr) == (
        in_process.returncode,
        in_process.stdout,
        in_process.stderr,
    )
    assert real.stdout or real.stderr


def test_version(newsdiff: Runner) -> None:
    result = newsdiff("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"newsdiff {__version__}\n", "")


@pytest.mark.parametrize(
    "args",
    [
        ["diff", str(A)],
        ["diff", str(A), str(B), "--bogus"],
        ["diff", str(A), str(B), "--width", "5"],
        ["diff", str(A), str(B), "--width", "wide"],
        ["diff", str(A), str(B), "--width", "⁸⁰"],
        ["diff", str(A), str(B), "--color", "sometimes"],
        ["align", str(A), str(B), "--format", "xml"],
        ["align", str(A), str(B), "--threshold", "2"],
        ["export", str(A), str(B), "--max-size", "0"],
        ["export", str(A), str(B), "-o"],
        ["--bogus"],
        ["--threshold", "nan"],
        ["diff", str(A), str(B), str(B)],
    ],
)
def test_usage_mistakes_exit_2(newsdiff: Runner, args: list[str]) -> None:
    line = assert_one_line_error(newsdiff(*args), 2)
    assert "--help" in line


@pytest.mark.parametrize("command", ["diff", "export", "align"])
def test_missing_file_exits_1(newsdiff: Runner, command: str, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    line = assert_one_line_error(newsdiff(command, A, missing), 1)
    assert line == f"newsdiff: {missing}: no such file"


def test_app_checks_paths_before_starting(newsdiff: Runner, tmp_path: Path) -> None:
    line = assert_one_line_error(newsdiff(A, tmp_path / "nope"), 1)
    assert line == f"newsdiff: {tmp_path / 'nope'}: no such file or folder"


def test_a_path_named_like_a_command_gets_a_hint(newsdiff: Runner, tmp_path: Path) -> None:
    line = assert_one_line_error(newsdiff("--ignore-case", "diff", A, B, cwd=tmp_path), 1)
    assert "commands come first" in line


def test_app_needs_a_terminal(newsdiff: Runner) -> None:
    line = assert_one_line_error(newsdiff(A, B), 2)
    assert "needs a terminal" in line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00\x00\x00\x00" * 100, "looks like a binary file"),
        (b"", "the file is empty"),
        (b"   \n\n  \n", "the file is empty"),
    ],
)
def test_bad_files_exit_1(newsdiff: Runner, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / f"bad{len(content)}.txt"
    bad.write_bytes(content)
    for command in ("diff", "export", "align"):
        line = assert_one_line_error(newsdiff(command, bad, A), 1)
        assert message in line and str(bad) in line


def test_folder_instead_of_file(newsdiff: Runner, tmp_path: Path) -> None:
    line = assert_one_line_error(newsdiff("diff", tmp_path, A), 1)
    assert "is a folder" in line


def test_size_limit(newsdiff: Runner) -> None:
    line = assert_one_line_error(newsdiff("align", A, B, "--max-size", "1k"), 1)
    assert "over the" in line and "--max-size" in line
    assert newsdiff("align", A, B, "--max-size", "1M").returncode == 0
    assert_one_line_error(newsdiff("align", A, B, env={"NEWSDIFF_MAX_BYTES": "1000"}), 1)


def test_path_with_a_newline_still_gives_one_line(newsdiff: Runner, tmp_path: Path) -> None:
    assert_one_line_error(newsdiff("diff", tmp_path / "two\nlines.txt", A), 1)


def _big_pair(folder: Path) -> tuple[Path, Path]:
    """About 100 KB per article, so the output is far bigger than a pipe's buffer."""
    words = ["Kim", "Putin", "met", "talks", "summit", "missiles", "launch", "Russia", "Korea", "army"]
    paragraphs = [
        " ".join(words[(i + k) % len(words)] for k in range(60)) + f" item {i}." for i in range(250)
    ]
    a, b = folder / "big_a.txt", folder / "big_b.txt"
    a.write_text("\n\n".join(paragraphs), encoding="utf-8")
    b.write_text("\n\n".join(p.replace("Kim", "Kim Jong Un", 1) for p in paragraphs), encoding="utf-8")
    return a, b


@pytest.mark.parametrize(
    "args",
    [["diff", "--width", "80"], ["diff", "--color", "always"], ["export"], ["align", "--format", "json"]],
)
def test_reader_going_away_is_quiet(tmp_path: Path, args: list[str]) -> None:
    """Like ``newsdiff diff A B | head -1``: no traceback, no message, and the SIGPIPE status."""
    a, b = _big_pair(tmp_path)
    command = [sys.executable, "-m", "newsdiff", args[0], str(a), str(b), *args[1:]]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(), cwd=tmp_path
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    status = process.wait(timeout=120)
    assert first
    assert stderr == b""
    assert status == EXIT_BROKEN_PIPE


def test_diff_never_imports_textual_and_align_never_imports_rich(tmp_path: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from newsdiff.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    assert main(['align', {str(A)!r}, {str(B)!r}]) == 0\n"
        "    assert main(['export', {a!r}, {b!r}]) == 0\n"
        "assert 'rich' not in sys.modules and 'textual' not in sys.modules, 'align/export'\n"
        "with contextlib.redirect_stdout(out):\n"
        "    assert main(['diff', {a!r}, {b!r}]) == 0\n"
        "assert 'rich' in sys.modules and 'textual' not in sys.modules, 'diff'\n"
    ).format(a=str(A), b=str(B))
    subprocess.run([sys.executable, "-c", code], check=True, env=environment(), cwd=tmp_path)


def test_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(diff, "compare_pair", interrupted)
    assert cli.main(["diff", str(A), str(B)]) == EXIT_INTERRUPTED
    assert capsys.readouterr() == ("", "")


def test_os_error_while_printing_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*args: object) -> None:
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(align, "run", full)
    assert cli.main(["align", str(A), str(B)]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.err == "newsdiff: No space left on device\n"


def test_main_returns_instead_of_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert cli.main(["diff"]) == EXIT_USAGE
    assert capsys.readouterr().out == f"newsdiff {__version__}\n"


def test_top_level_help_lists_every_exit_status(newsdiff: Runner) -> None:
    out = newsdiff("--help").stdout
    for status in (EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE):
        assert f"\n  {status} " in out, status
    assert "| head" in out
    assert f"\n  {EXIT_TERMINATED} " in out and "SIGTERM" in out  # the app's exit on SIGTERM


def test_top_level_usage_names_every_command(newsdiff: Runner) -> None:
    usage = newsdiff("--help").stdout.split("\n\n", 1)[0]
    for command in COMMANDS:
        assert command in usage, command
