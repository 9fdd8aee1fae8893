"""The atomic writer (``core.files``): all of a file or nothing, never a half-written one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from newsdiff.core import files
from newsdiff.core.errors import InputError
from newsdiff.core.files import write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "hello ’ world\n")
    assert target.read_text(encoding="utf-8") == "hello ’ world\n"
    assert _leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_atomic(target, "new")
    message = str(info.value)
    assert "\n" not in message and "--force" in message and str(target) in message
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _leftovers(tmp_path) == []


def test_force_overwrites_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_file_appearing_during_the_write_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    temporary = tmp_path / ".out.md.x.tmp"
    temporary.write_text("ours", encoding="utf-8")
    target.write_text("someone else's", encoding="utf-8")
    with pytest.raises(InputError, match="--force"):
        files._publish(temporary, target, force=False)
    assert target.read_text(encoding="utf-8") == "someone else's"


def _full_disk(fd: int, data: bytes) -> None:
    os.write(fd, data[: len(data) // 2])
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_write_all", _full_disk)
    target = tmp_path / "out.md"
    with pytest.raises(InputError) as info:
        write_atomic(target, "x" * 100_000)
    assert str(info.value) == f"{target}: cannot write: No space left on device"
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_full_disk_with_force_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_write_all", _full_disk)
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(InputError, match="No space left"):
        write_atomic(target, "x" * 100_000, force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_failed_fsync_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    with pytest.raises(InputError, match="Input/output error"):
        write_atomic(tmp_path / "out.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_interrupt_during_the_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int, data: bytes) -> None:
        os.write(fd, data[:10])
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.md", "some text that is long enough")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    target = tmp_path / "out.md"
    with pytest.raises(InputError) as info:
        write_atomic(target, "text")
    assert str(info.value) == f"{target}: cannot write: Permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_really_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError, match="Permission denied"):
            write_atomic(folder / "out.md", "text")
    finally:
        folder.chmod(0o700)


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        write_atomic(tmp_path / "nope" / "out.md", "text")
    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, "text")
