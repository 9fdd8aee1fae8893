"""``newsdiff export``: Markdown to standard output or to a file, never clobbering one."""

from __future__ import annotations

from pathlib import Path

from cli_support import A, B, Runner, assert_one_line_error
from markdown_it import MarkdownIt

from newsdiff.core.render.markdown import MARKUP_TAGS


def _tokens(markdown: str) -> list[str]:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    types: list[str] = []
    for token in parser.parse(markdown):
        types.append(token.type)
        types.extend(
            f"{c.type}:{c.content}" if c.type == "html_inline" else c.type for c in token.children or []
        )
    return types


def test_export_to_stdout(newsdiff: Runner) -> None:
    result = newsdiff("export", A, B)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("# Comparison: The Associated Press vs 004_0585261c54842d1b.txt\n")
    for section in (
        "## Sources",
        "## Summary",
        "## Legend",
        "## Aligned paragraphs",
        "## Only in A:",
        "## Only in B:",
    ):
        assert f"\n{section}" in out
    assert "<del>refill</del>" in out and "<ins>replenish</ins>" in out
    assert "Date: 2023-09-13" in out, "metadata from the seeds' newsdiff.toml (a date needs no escape)"


def test_export_to_file_matches_stdout(newsdiff: Runner, tmp_path: Path) -> None:
    target = tmp_path / "cmp.md"
    result = newsdiff("export", A, B, "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == newsdiff("export", A, B).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["cmp.md"], "no temporary file left behind"


def test_refuses_to_overwrite_without_force(newsdiff: Runner, tmp_path: Path) -> None:
    target = tmp_path / "taken.md"
    target.write_text("keep me\n", encoding="utf-8")
    line = assert_one_line_error(newsdiff("export", A, B, "-o", target), 1)
    assert str(target) in line and "--force" in line
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["taken.md"]


def test_force_overwrites(newsdiff: Runner, tmp_path: Path) -> None:
    target = tmp_path / "forced.md"
    target.write_text("old\n", encoding="utf-8")
    result = newsdiff("export", A, B, "--output", target, "--force")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Comparison:")


def test_never_overwrites_an_input_article(newsdiff: Runner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(A.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    line = assert_one_line_error(newsdiff("export", article, B, "-o", article, "--force"), 1)
    assert "one of the articles" in line
    assert article.read_bytes() == before


def test_missing_output_folder_is_one_line(newsdiff: Runner, tmp_path: Path) -> None:
    line = assert_one_line_error(newsdiff("export", A, B, "-o", tmp_path / "nope" / "x.md"), 1)
    assert "no such folder" in line


def test_hostile_text_is_escaped(newsdiff: Runner, hostile_pair: tuple[Path, Path]) -> None:
    a, b = hostile_pair
    result = newsdiff("export", a, b)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    for escaped in (
        "\\[bold\\]Kim\\[/\\]",
        "\\[31mThe launch\\[0m",
        "\\<script\\>alert(1)\\</script\\>",
        "— \\# heading",  # a paragraph's start counts as a line start
        "— \\| table \\| cells \\|",
        "\\[link\\](http://example.com)",
        ":smile:",  # not CommonMark syntax
    ):
        assert escaped in out, escaped
    types = _tokens(out)
    for forbidden in (
        "link_open",
        "image",
        "code_inline",
        "html_block",
        "table_open",
        "blockquote_open",
        "s_open",
    ):
        assert forbidden not in types
    assert {t.split(":", 1)[1] for t in types if t.startswith("html_inline:")} <= MARKUP_TAGS
    assert types.count("heading_open") == out.count("\n#") + 1
