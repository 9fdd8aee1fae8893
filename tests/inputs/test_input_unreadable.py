"""Paths that cannot be read as an article: missing, denied, a folder, too big, endless, a FIFO."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from cli_support import assert_one_line_error, run_newsdiff
from input_support import align_json, refused_by_every_command, run_uncached

from newsdiff import cli
from newsdiff.core.errors import InputError
from newsdiff.core.loader import load_article
from newsdiff.exit_codes import EXIT_INPUT

STORY = "Kim met Putin at the cosmodrome on Wednesday, officials said.\n\nThe talks lasted hours.\n"


def test_missing_path(tmp_path: Path, other: Path) -> None:
    missing = tmp_path / "nope.txt"
    line = refused_by_every_command(missing, other, "no such file")
    assert line == f"newsdiff: {missing}: no such file"
    refused_by_every_command(missing, other, "no such file", first=False)


def _deny(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Opening ``target`` fails as it would for a file of another user (we run as root, whom
    permissions do not stop)."""
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded)


@pytest.mark.parametrize("command", ["diff", "export", "align"])
def test_permission_denied(
    tmp_path: Path,
    other: Path,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY, encoding="utf-8")
    _deny(monkeypatch, secret)
    with pytest.raises(InputError, match="permission denied"):
        load_article(secret)
    assert cli.main([command, str(secret), str(other)]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"newsdiff: {secret}: permission denied\n"


def test_permission_denied_for_real(other: Path) -> None:
    """A file that even root may not read: a write-only /proc setting."""
    denied = Path("/proc/sys/vm/drop_caches")
    try:
        with denied.open("rb") as handle:
            handle.read(1)
    except PermissionError:
        pass
    except OSError:
        pytest.skip(f"{denied} is not available here")
    else:
        pytest.skip(f"{denied} is readable here")
    assert refused_by_every_command(denied, other, "") == f"newsdiff: {denied}: permission denied"


def test_folder_with_no_articles(tmp_path: Path, other: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("not an article file\n", encoding="utf-8")
    # The commands compare two files; the app opens folders, and checks them before it starts.
    assert refused_by_every_command(empty, other, "") == f"newsdiff: {empty}: is a folder, not a file"
    line = assert_one_line_error(run_newsdiff(empty), 1)
    assert (
        line
        == f"newsdiff: {empty}: no articles here (looked for .txt, .text, .md, .markdown, .html, .htm files)"
    )
    line = assert_one_line_error(run_newsdiff(other, empty), 1)
    assert line.startswith(f"newsdiff: {empty}: no articles here")


def test_twenty_megabytes_is_refused_with_the_way_to_raise_the_limit(tmp_path: Path, other: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = ("Kim met Putin at the cosmodrome on Wednesday. " * 20).encode() + b"\n\n"
    with big.open("wb") as handle:
        handle.write(paragraph * (20_000_000 // len(paragraph) + 1))
    assert big.stat().st_size > 20_000_000
    line = refused_by_every_command(big, other, "file is 20 MB, over the 10 MB limit")
    assert line.endswith("(raise it with --max-size or NEWSDIFF_MAX_BYTES)")


def test_a_raised_limit_accepts_the_file(tmp_path: Path, other: Path) -> None:
    """The same refusal and acceptance on a small file, to keep the test quick."""
    article = tmp_path / "article.txt"
    article.write_text(STORY * 100, encoding="utf-8")  # 8.7 kB
    line = assert_one_line_error(run_newsdiff("align", article, other, "--max-size", "5k"), 1)
    assert line == (
        f"newsdiff: {article}: file is 8.7 kB, over the 5 kB limit "
        "(raise it with --max-size or NEWSDIFF_MAX_BYTES)"
    )
    assert align_json(article, other, "--max-size", "30M")["a"]["paragraphs"]
    assert run_newsdiff("align", article, other, env={"NEWSDIFF_MAX_BYTES": "5000"}).returncode == 1
    assert run_newsdiff("align", article, other, env={"NEWSDIFF_MAX_BYTES": "30000000"}).returncode == 0


def test_endless_device_is_cut_at_the_limit(other: Path) -> None:
    """/dev/zero reports size 0; it is read only up to the limit, never into memory whole."""
    line = refused_by_every_command(Path("/dev/zero"), other, "more than the 10 MB limit")
    assert "--max-size" in line


def test_proc_file_of_size_zero_is_read(other: Path) -> None:
    """/proc files report size 0 but have text: read like any file."""
    version = Path("/proc/version")
    if not version.is_file():
        pytest.skip("no /proc/version here")
    data = align_json(version, other)
    assert data["a"]["paragraphs"] == [" ".join(version.read_text().split())]


def test_fifo_with_a_writer_is_read(tmp_path: Path, other: Path) -> None:
    """``newsdiff diff <(curl …) b.txt`` reads a pipe: the text arrives whole."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    # The text is in the pipe before newsdiff opens it: a read end held open (never read) lets
    # the write end open at once, and the written text waits in the pipe's buffer.
    # (A writer that connects only after newsdiff has opened the pipe may find it already read
    # as empty: a FIFO with no writer never makes newsdiff wait.)
    holder = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write(STORY)
        result = run_uncached("align", fifo, other, "--format", "json")
    finally:
        os.close(holder)
    assert result.returncode == 0, result.stderr
    assert '"Kim met Putin at the cosmodrome on Wednesday, officials said."' in result.stdout
