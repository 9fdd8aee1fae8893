"""Hostile metadata files, file names and special files (issue 16: items 4, 5, 8, 9, 11, 12, 19).

Each test builds its own files; the commands run in-process through ``cli.main`` (what the console
script calls), so stdout and stderr are exactly what a terminal would receive.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import A, B

from newsdiff.cli import main
from newsdiff.core.errors import InputError
from newsdiff.core.loader import expand, load_article, load_paths, read_file_bytes
from newsdiff.core.metadata import METADATA_FILE, load_metadata_file
from newsdiff.core.reading import PIECE, read_at_most
from newsdiff.core.render.markdown import to_markdown
from newsdiff.core.settings import load_config
from support.hang_guard import finishes

ESCAPES = "\x1b]2;PWN\x07\x1b[2J\x1bc\x9b31m"
"""An OSC window title, clear screen, terminal reset and a C1 CSI: what an attacker would write."""
RAW = ("\x1b", "\x07", "\x9b")


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    monkeypatch.delenv("NEWSDIFF_MAX_BYTES", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def story(folder: Path, names: tuple[str, str] = ("a.txt", "b.txt")) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / names[0]).write_bytes(A.read_bytes())
    (folder / names[1]).write_bytes(B.read_bytes())
    return folder


# -- 4: newsdiff.toml metadata ----------------------------------------------------------------------


PLAIN = (
    "The council approved the budget on Tuesday after a long debate about bridges.\n\n"
    "Opponents said the library had lost too much of its money in the process.\n"
)


def hostile_metadata(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "b.txt").write_text(PLAIN.replace("Tuesday", "Monday"), encoding="utf-8")
    toml_escapes = ESCAPES.replace("\x1b", "\\u001b").replace("\x07", "\\u0007").replace("\x9b", "\\u009b")
    (folder / METADATA_FILE).write_text(
        f'["a.txt"]\noutlet = "Evil{toml_escapes} News"\ntitle = "Line one\\nline two{toml_escapes}"\n'
        f'["b.txt"]\noutlet = "Other{toml_escapes}"\nbyline = "By\\u009b Me"\n',
        encoding="utf-8",
    )
    return folder


def test_metadata_file_values_are_one_line_of_safe_text(tmp_path: Path) -> None:
    folder = hostile_metadata(tmp_path / "s")
    a, b = load_paths([folder]).articles
    for value in (a.outlet, a.title, b.outlet, b.byline):
        assert value and not any(ch in value for ch in (*RAW, "\n")), repr(value)
    assert a.title.startswith("Line one line two")  # the newline folded, as a reopened story has it
    assert a.outlet is not None and a.outlet.startswith("Evil]2;PWN")  # the printable rest is text


@pytest.mark.parametrize(
    "options",
    [
        ("diff", "--color", "never", "--width", "100"),
        ("diff", "--color", "always", "--width", "100"),
        ("export", "--format", "md"),
        ("export", "--format", "html"),
        ("export", "--format", "json"),
        ("align", "--format", "json"),
    ],
)
def test_metadata_escapes_reach_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...]
) -> None:
    folder = hostile_metadata(tmp_path / "s")
    code, out, err = run(capsys, options[0], folder / "a.txt", folder / "b.txt", *options[1:])
    assert code == 0, err
    assert "Evil" in out or "Other" in out
    for bad in ("\x1b]", "\x1b[2J", "\x1bc", "\x07", "\x9b"):
        assert bad not in out, (options, bad)
    if "always" not in options:
        assert "\x1b" not in out


# -- 5: file names -----------------------------------------------------------------------------------


def test_a_file_name_cannot_send_escapes_or_forge_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"x{ESCAPES}\nnewsdiff: forged.txt"
    bad.write_bytes(b"")
    code, _out, err = run(capsys, "diff", bad, A)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("newsdiff: ") and "the file is empty" in err
    assert not any(ch in err for ch in RAW)
    assert "\\x1b]2;PWN\\x07" in err  # shown, as escapes, so the file can still be recognised


def test_file_names_in_coverage_json_and_story_markdown_are_safe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = story(tmp_path / "s", (f"a{ESCAPES}.txt", "b\u202eevil.txt"))
    for command, fmt in (("coverage", "json"), ("coverage", "md"), ("lineage", "json"), ("lineage", "md")):
        code, out, err = run(capsys, command, folder, "--format", fmt)
        assert code == 0, err
        assert not any(ch in out for ch in (*RAW, "\u202e")), (command, fmt)
        if fmt == "json":
            assert any("a\\x1b]2;PWN" in article["path"] for article in json.loads(out)["articles"])


def test_undecodable_file_names_do_not_break_json_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / os.fsdecode(b"a\xff.txt")).write_bytes(A.read_bytes())  # a lone surrogate in Python
    (folder / "b.txt").write_bytes(B.read_bytes())
    code, out, err = run(capsys, "coverage", folder, "--format", "json")
    assert code == 0, err
    out.encode("utf-8")  # a raw surrogate would fail here, as it does on a real stdout
    assert any("a\\udcff.txt" in article["path"] for article in json.loads(out)["articles"])


# -- 8: deep nesting ---------------------------------------------------------------------------------


def test_deeply_nested_front_matter_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 1000 + "]" * 1000 + "\n---\n\nA body of words.\n", "utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_article(path)


def test_deeply_nested_toml_is_a_warning_or_one_error(tmp_path: Path) -> None:
    deep = "a = " + "[" * 5000 + "]" * 5000 + "\n"
    config = tmp_path / "config.toml"
    config.write_text(deep, encoding="utf-8")
    loaded = load_config(config)
    assert loaded.warning is not None and "nested too deeply" in loaded.warning
    (tmp_path / METADATA_FILE).write_text(f'["a.txt"]\n{deep}', encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_metadata_file(tmp_path)


# -- 9: lone surrogates ------------------------------------------------------------------------------


def test_a_lone_surrogate_in_front_matter_is_a_replacement_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.md"
    path.write_text('---\ntitle: "Bad \\uD800 title"\noutlet: "O\\uDFFF"\n---\n\nA body of words.\n', "utf-8")
    article = load_article(path)
    assert article.title == "Bad \ufffd title" and article.outlet == "O\ufffd"
    code, out, err = run(capsys, "export", path, A, "--format", "md")
    assert code == 0, err
    out.encode("utf-8")
    assert "Bad \ufffd title" in to_markdown_of(path)


def to_markdown_of(path: Path) -> str:
    from newsdiff.core.comparison.model import compare

    text = to_markdown(compare(load_article(path), load_article(A)))
    text.encode("utf-8")  # what the app's export writes: must encode
    return text


# -- 11: FIFOs in a story folder ---------------------------------------------------------------------


def unblock(fifo: Path) -> Callable[[], None]:
    """Frees a reader stuck opening ``fifo`` (by opening it for writing), so a failed test ends."""
    return lambda: os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_story_folder_is_skipped(tmp_path: Path) -> None:
    folder = story(tmp_path / "s")
    fifo = folder / "c.txt"
    os.mkfifo(fifo)
    assert expand([folder]) == [folder / "a.txt", folder / "b.txt"]
    results: list[int] = []
    assert finishes(lambda: results.append(len(load_paths([folder]).articles)), on_timeout=unblock(fifo))
    assert results == [2]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_nobody_writes_to_is_empty_not_a_hang(tmp_path: Path) -> None:
    """Named on the command line, a FIFO is read (as ``<(curl …)`` is), but one with no writer must
    not hold the program (nor the app's ``q``) in its open for ever."""
    fifo = tmp_path / "nobody.txt"
    os.mkfifo(fifo)
    errors: list[str] = []

    def load() -> None:
        try:
            load_article(fifo)
        except InputError as exc:
            errors.append(str(exc))

    assert finishes(load, on_timeout=unblock(fifo))
    assert errors == [f"{fifo}: the file is empty"]


# -- 12: huge size limits ----------------------------------------------------------------------------


class _Recorder:
    def __init__(self, data: bytes) -> None:
        self.data, self.asked = data, []

    def read(self, size: int) -> bytes:
        self.asked.append(size)
        piece, self.data = self.data[:size], self.data[size:]
        return piece


def test_a_huge_limit_allocates_nothing_up_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = _Recorder(b"x" * (3 * PIECE + 5))
    assert read_at_most(stream, 30_000_000_000) == b"x" * (3 * PIECE + 5)  # type: ignore[arg-type]
    assert max(stream.asked) <= PIECE
    assert read_at_most(_Recorder(b"x" * 100), 10) == b"x" * 11  # type: ignore[arg-type]
    monkeypatch.setenv("NEWSDIFF_MAX_BYTES", str(10**30))  # beyond what a read can even be asked
    assert read_file_bytes(A) == A.read_bytes()


def test_max_size_30g_reads_normally(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "align", A, B, "--max-size", "30G")
    assert code == 0, err
    code, _, err = run(capsys, "align", A, B, "--max-size", "9" * 30)
    assert code == 0, err


# -- 19: the settings file is a device or a FIFO -----------------------------------------------------


def test_dev_zero_as_settings_is_a_warning() -> None:
    loaded = load_config(Path("/dev/zero"))
    assert loaded.warning is not None and "too large" in loaded.warning
    assert load_config(Path(os.devnull)).warning is None  # /dev/null: an empty file, the defaults


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_settings_is_a_warning_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    warnings: list[str | None] = []
    assert finishes(lambda: warnings.append(load_config(fifo).warning), on_timeout=unblock(fifo))
    assert warnings[0] is not None and "not a regular file" in warnings[0]


# -- decided: a link in a story folder is followed, wherever it leads --------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_in_a_story_folder_leading_outside_is_followed(tmp_path: Path) -> None:
    """The README's decision: a story folder may be made of links to articles kept elsewhere; only
    article-named regular files are read, and a link to a FIFO or device is skipped like one."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(B.read_bytes())
    folder = story(tmp_path / "s", ("a.txt", "unused.txt"))
    (folder / "unused.txt").unlink()
    (folder / "b.txt").symlink_to(elsewhere)
    (folder / "c.txt").symlink_to(os.devnull)
    assert expand([folder]) == [folder / "a.txt", folder / "b.txt"]
    assert len(load_paths([folder]).articles) == 2
