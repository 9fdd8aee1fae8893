"""Writing a file safely: the one atomic writer (exports, settings, saved stories, the fetch cache).

A file is written to a temporary file beside it, flushed to disk, then renamed into place, so a
reader (or a crash, or a full disk) never sees half of it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from newsdiff.core.errors import InputError


def _file_mode(path: Path) -> int:
    """Permissions for the new file: the old file's when replacing one, else the umask's default."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer); a seam for tests that simulate a full disk."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _publish(tmp: Path, path: Path, force: bool) -> None:
    """Move the finished temporary file to ``path``, refusing to clobber unless ``force``.

    Without ``force`` a hard link is the atomic "create only if absent" (no window in which another
    process's new file could be overwritten); on file systems without hard links we fall back to a
    check followed by ``os.replace``.
    """
    if force:
        tmp.replace(path)
        return
    try:
        path.hardlink_to(tmp)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists():
            raise _exists(path) from None
        tmp.replace(path)
        return
    with contextlib.suppress(OSError):  # the file is in place; a stray link is only clutter
        tmp.unlink()


def _exists(path: Path) -> InputError:
    return InputError(f"{path}: already exists (use --force to overwrite it)")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (some systems cannot open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _os_error(path: Path, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return InputError(f"{path}: cannot write: {reason}")


def write_atomic(path: Path, data: str | bytes, force: bool = False, mode: int | None = None) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically: all of it or nothing, never a
    half-written file.

    The data goes to a temporary file in the same folder (so the final rename stays on one file
    system), is flushed to disk, then renamed over ``path``. An existing file is kept unless
    ``force``. On any failure, KeyboardInterrupt included, the temporary file is removed and the
    destination is untouched; operating-system errors become a one-line ``InputError``.
    ``mode``: the new file's permissions (default: the old file's, else the umask's).
    """
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name to export to")
    if path.exists() and not path.is_file():
        # A device or FIFO (/dev/null, as root): --force must not replace it with a file.
        raise InputError(f"{path}: is not a regular file (a device or FIFO); give a file name to export to")
    if path.exists() and not force:
        raise _exists(path)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    mode = _file_mode(path) if mode is None else mode
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _os_error(path, exc) from None
    tmp = Path(tmp_name)
    try:
        try:
            if hasattr(os, "fchmod"):  # POSIX; Windows files have no mode bits to set
                os.fchmod(fd, mode)
            _write_all(fd, data.encode("utf-8") if isinstance(data, str) else data)
            os.fsync(fd)
        finally:
            os.close(fd)
        _publish(tmp, path, force)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _os_error(path, exc) from None
        raise
    _sync_folder(folder)
