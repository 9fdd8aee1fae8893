"""Nothing lost on write, on a real file system that fills up: a 64 kB tmpfs.

Mounting needs privileges (we run as root in CI's container); elsewhere the test is skipped. The
simulated failures (ENOSPC midway, fsync, Ctrl-C, an unwritable folder) are in
tests/unit/test_export.py.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import assert_one_line_error
from input_support import run_uncached

SIZE = 64 * 1024


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 kB tmpfs mounted inside ``tmp_path``, unmounted afterwards."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount_point)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot run mount: {exc}")
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True, timeout=30, check=False)


@pytest.fixture(scope="module")
def big_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two articles whose export is several times the tmpfs."""
    folder = tmp_path_factory.mktemp("big")
    words = ["Kim", "Putin", "met", "talks", "summit", "missiles", "launch", "Russia", "Korea", "army"]
    paragraphs = [
        " ".join(words[(i + k) % len(words)] for k in range(40)) + f" item {i}." for i in range(120)
    ]
    a, b = folder / "big_a.txt", folder / "big_b.txt"
    a.write_text("\n\n".join(paragraphs), encoding="utf-8")
    b.write_text("\n\n".join(p.replace("Kim", "Kim Jong Un", 1) for p in paragraphs), encoding="utf-8")
    return a, b


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_export_to_a_full_disk_fails_cleanly(tiny_disk: Path, big_pair: tuple[Path, Path]) -> None:
    a, b = big_pair
    target = tiny_disk / "cmp.md"
    result = run_uncached("export", a, b, "-o", target)
    line = assert_one_line_error(result, 1)
    assert line == f"newsdiff: {target}: cannot write: No space left on device"
    assert _contents(tiny_disk) == {}, "no partial export, no temporary file"
    # The disk is usable afterwards: the temporary file's space was given back.
    (tiny_disk / "after.txt").write_bytes(b"x" * (SIZE // 2))


def test_forced_export_to_a_full_disk_keeps_the_old_file(
    tiny_disk: Path, big_pair: tuple[Path, Path]
) -> None:
    a, b = big_pair
    target = tiny_disk / "cmp.md"
    target.write_text("an earlier export\n", encoding="utf-8")
    result = run_uncached("export", a, b, "-o", target, "--force")
    line = assert_one_line_error(result, 1)
    assert "No space left on device" in line and str(target) in line
    assert _contents(tiny_disk) == {"cmp.md": b"an earlier export\n"}
