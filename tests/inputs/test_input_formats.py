"""Every local input kind through the real commands: HTML pages, Markdown with front matter,
folders of mixed files, and ``-`` (standard input), plus pages that must be refused in one line."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cli_support import SEEDS, assert_one_line_error, environment, run_in_process
from input_support import align_json, refused_by_every_command, succeeds

from newsdiff.core.loader import load_article, load_paths
from newsdiff.core.markdown_article import dump_markdown_article
from support.seed_pages import CHROME_STRINGS, expected_paragraphs, page_meta, seed_page

SEED_004 = SEEDS / "004_0585261c54842d1b.txt"


def run_with_stdin(data: bytes, *args: object) -> subprocess.CompletedProcess[str]:
    """``newsdiff *args`` with ``data`` piped into its standard input."""
    return run_in_process(*args, stdin=data)


def stdin_json(data: bytes, *args: object) -> dict[str, Any]:
    result = run_with_stdin(data, "align", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "kim-putin.html"
    path.write_text(seed_page("001"), encoding="utf-8")
    return path


@pytest.fixture
def markdown(tmp_path: Path) -> Path:
    path = tmp_path / "summit.md"
    path.write_text(dump_markdown_article(load_article(SEED_004), fetched_at="2024-05-01"), encoding="utf-8")
    return path


def test_html_page_works_like_a_text_file_in_every_command(page: Path, other: Path) -> None:
    data = align_json(page, SEED_004)
    assert data["a"]["paragraphs"] == expected_paragraphs("001")
    assert data["a"]["outlet"] == page_meta("001").site_name
    assert data["a"]["date"] == page_meta("001").date
    assert data["a"]["byline"] == page_meta("001").author
    assert data["pairs"], "the page's article aligns with its rewrite"
    diff = succeeds("diff", page, SEED_004, "--width", 100).stdout
    export = succeeds("export", page, SEED_004).stdout
    assert "The Associated Press" in diff.split("\n", 1)[0]
    assert "- **A:** The Associated Press" in export
    for output in (diff, export):
        assert not [chrome for chrome in CHROME_STRINGS if chrome in output]


def test_markdown_article_works_in_every_command_and_keeps_the_paragraphs(
    markdown: Path, other: Path
) -> None:
    data = align_json(markdown, other)
    assert data["a"]["paragraphs"] == [p.text for p in load_article(SEED_004).paragraphs]
    succeeds("diff", markdown, other, "--width", 100)
    succeeds("export", markdown, other)


def test_a_page_without_an_extension_is_recognised_by_its_content(tmp_path: Path, other: Path) -> None:
    saved = tmp_path / "saved_page"
    saved.write_text("\n  <!-- saved by a browser -->\n" + seed_page("002"), encoding="utf-8")
    assert align_json(saved, other)["a"]["paragraphs"] == expected_paragraphs("002")


def test_a_folder_of_mixed_files_opens_in_natural_order(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "10-globe.html").write_text(seed_page("000"), encoding="utf-8")
    (story / "2-ap.md").write_text(dump_markdown_article(load_article(SEED_004)), encoding="utf-8")
    (story / "1-times.txt").write_bytes((SEEDS / "002_f8b77b186fc46e03.txt").read_bytes())
    (story / "B-notes.markdown").write_text("Kim met Putin, the notes say.\n", encoding="utf-8")
    (story / "a-page.htm").write_text(seed_page("003"), encoding="utf-8")
    (story / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (story / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (story / "sub.txt").mkdir()
    (story / "newsdiff.toml").write_text('["2-ap.md"]\ntitle = "From the toml"\n', encoding="utf-8")
    result = load_paths([story])
    assert result.errors == []
    names = [Path(a.path).name for a in result.articles]
    assert names == ["1-times.txt", "2-ap.md", "10-globe.html", "a-page.htm", "B-notes.markdown"]
    by_name = {Path(a.path).name: a for a in result.articles}
    assert by_name["2-ap.md"].title == "From the toml"
    assert by_name["10-globe.html"].outlet == "The Globe and Mail"
    assert [p.text for p in by_name["a-page.htm"].paragraphs] == expected_paragraphs("003")
    # The app accepts the folder (it then says it needs a terminal: the folder check passed).
    line = assert_one_line_error(run_with_stdin(b"", story), 2)
    assert "the app needs a terminal" in line


def test_a_folder_with_no_articles_names_every_kind_it_looked_for(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "data.csv").write_text("a,b\n", encoding="utf-8")
    line = assert_one_line_error(run_with_stdin(b"", empty), 1)
    assert (
        line
        == f"newsdiff: {empty}: no articles here (looked for .txt, .text, .md, .markdown, .html, .htm files)"
    )


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("text", SEED_004.read_bytes()),
        ("utf-16 text", SEED_004.read_text(encoding="utf-8").encode("utf-16")),
        ("markdown", dump_markdown_article(load_article(SEED_004)).encode("utf-8")),
    ],
    ids=["text", "utf-16 text", "markdown"],
)
def test_stdin_reads_one_article(kind: str, data: bytes, other: Path) -> None:
    parsed = stdin_json(data, "-", other)
    assert parsed["a"]["path"] == "-"
    assert parsed["a"]["paragraphs"] == [p.text for p in load_article(SEED_004).paragraphs], kind
    if kind != "markdown":  # from the same text, the same alignment as the file's
        from_file = align_json(SEED_004, other)
        for key in ("pairs", "only_a", "only_b", "summary"):
            assert parsed[key] == from_file[key]


def test_stdin_page_is_recognised_as_html(other: Path) -> None:
    parsed = stdin_json(seed_page("001").encode("utf-8"), other, "-")
    assert parsed["b"]["paragraphs"] == expected_paragraphs("001")
    assert parsed["b"]["outlet"] == "The Associated Press"


def test_stdin_in_diff_and_export(tmp_path: Path, other: Path) -> None:
    diff = run_with_stdin(SEED_004.read_bytes(), "diff", "-", other, "--width", "100")
    assert diff.returncode == 0 and diff.stderr == ""
    assert diff.stdout.startswith("A  - · North Korean leader Kim Jong Un arrived at a cosmodrome")
    out = tmp_path / "cmp.md"
    export = run_with_stdin(SEED_004.read_bytes(), "export", other, "-", "-o", out)
    assert export.returncode == 0, export.stderr
    assert "Kim arrived at the Russia" in out.read_text(encoding="utf-8")


def test_stdin_named_twice_is_the_same_article() -> None:
    parsed = stdin_json(SEED_004.read_bytes(), "-", "-")
    assert parsed["only_a"] == parsed["only_b"] == []
    assert {pair["score"] for pair in parsed["pairs"]} == {1.0}


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        (b"", (), "newsdiff: -: the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            (),
            "newsdiff: -: looks like a binary",
        ),
        (SEED_004.read_bytes(), ("--max-size", "1k"), "newsdiff: -: more than the 1 kB limit (raise it with"),
    ],
    ids=["empty", "binary", "over the limit"],
)
def test_bad_stdin_is_one_line(data: bytes, options: tuple[str, ...], message: str, other: Path) -> None:
    for command in ("diff", "export", "align"):
        line = assert_one_line_error(run_with_stdin(data, command, "-", other, *options), 1)
        assert line.startswith(message), line


def _chrome_only() -> bytes:
    return re.sub(r"<article.*?</article>", "", seed_page("001"), flags=re.S).encode("utf-8")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.html", b"", "the file is empty"),
        ("chrome.html", _chrome_only(), "no article text found in the page"),
        (
            "image.html",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            "looks like a binary file",
        ),
        ("empty.md", b"---\ntitle: nothing else\n---\n", "the file is empty"),
        (
            "evil.md",
            b"---\nx: !!python/object/apply:os.system ['true']\n---\nBody.\n",
            "front matter is not valid",
        ),
    ],
)
def test_bad_pages_and_markdown_are_refused_in_one_line(
    tmp_path: Path, other: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    refused_by_every_command(path, other, message)


def test_an_eleven_megabyte_page_is_refused(tmp_path: Path, other: Path) -> None:
    big = tmp_path / "big.html"
    paragraph = "<p>" + "Kim met Putin at the cosmodrome on Wednesday. " * 20 + "</p>\n"
    big.write_text("<html><body><article>" + paragraph * (11_000_000 // len(paragraph) + 1), encoding="utf-8")
    line = refused_by_every_command(big, other, "file is 11 MB, over the 10 MB limit")
    assert line.endswith("(raise it with --max-size or NEWSDIFF_MAX_BYTES)")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_app_reads_stdin_then_takes_keys_from_the_terminal(other: Path) -> None:
    """``cat a.txt | newsdiff - b.txt``: the article comes from the pipe, the keys from the terminal."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def controlling_terminal() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    env = environment(TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", "-", str(other)],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=controlling_terminal,
        pass_fds=(slave,),
    )
    os.close(slave)
    assert process.stdin is not None
    process.stdin.write(SEED_004.read_bytes())
    process.stdin.close()
    screen = b""
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline and b"2 articles" not in screen:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    screen += os.read(master, 65536)
                except OSError:
                    break
        assert b"2 articles" in screen, screen[-2000:]
        os.write(master, b"q")
        # Keep reading what the app draws while it quits: a terminal nobody reads fills up, and
        # the app's next write would wait for ever (seen on a loaded machine).
        deadline = time.monotonic() + 120  # a hang guard only
        while process.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_dash_in_the_app_with_nothing_piped_says_how_to_use_it(other: Path) -> None:
    """Standard input is the terminal itself: waiting for an article there would look like a hang."""
    import pty

    master, slave = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsdiff", "-", str(other)],
            stdin=slave,
            capture_output=True,
            text=True,
            env=environment(),
            timeout=60,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    line = assert_one_line_error(result, 2)
    assert line.startswith("newsdiff: '-' reads an article from standard input: pipe one in (cat a.txt |")
