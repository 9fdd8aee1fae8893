"""``newsdiff diff``: what a journalist sees in a terminal or a pipe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import A, B, C, Runner

from newsdiff.core.loader import load_article

_MARKERS = re.compile(r"\[-|-\]|\{\+|\+\}")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _words(path: Path) -> set[str]:
    return set(" ".join(p.text for p in load_article(path).paragraphs).split())


def _body(output: str) -> str:
    """The rows, without the header (sources, counts, legend) that ends at the first blank line."""
    return output.split("\n\n", 1)[1]


def _output_words(output: str) -> set[str]:
    """Words as printed, with the change markers and table borders taken away."""
    return set(_MARKERS.sub("", output).replace("|", " ").split())


def test_piped_output_is_plain_with_markers(newsdiff: Runner) -> None:
    result = newsdiff("diff", A, B, "--width", 100)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "\x1b" not in out
    assert "The Associated Press" in out and "004_0585261c54842d1b.txt" in out
    assert "[-refill-]" in out  # 001 says "refill" ...
    assert "{+replenish+}" in out  # ... where 004 says "replenish"
    assert "legend: [-deleted from A-]  {+inserted in B+}" in out
    assert "only in A (The Associated Press)" in out
    assert "only in B (004_0585261c54842d1b.txt)" in out
    assert re.search(r"^\|-+\+-+\+-+\|$", out, re.M), "rows are separated by rules"


def test_no_color_forces_plain_text(newsdiff: Runner) -> None:
    result = newsdiff("diff", A, B, "--width", 100, "--color", "always", env={"NO_COLOR": "1"})
    # An explicit --color always wins over NO_COLOR; auto respects it.
    assert "\x1b[" in result.stdout
    result = newsdiff("diff", A, B, "--width", 100, env={"NO_COLOR": "1"})
    assert "\x1b" not in result.stdout and "[-refill-]" in result.stdout


def _codes_before(word: str, output: str) -> set[str]:
    """The SGR parameters in effect where ``word`` is printed (Rich emits them right before it)."""
    match = re.search(r"\x1b\[([0-9;]*)m(?=" + re.escape(word) + ")", output)
    assert match is not None, word
    return set(match.group(1).split(";"))


def test_colour_styles_changes_without_markers(newsdiff: Runner) -> None:
    out = newsdiff("diff", A, B, "--width", 100, "--color", "always").stdout
    assert "[-" not in _body(out) and "{+" not in _body(out)
    assert {"9", "31"} <= _codes_before("refill", out)  # struck, red
    assert {"4", "32"} <= _codes_before("replenish", out)  # underlined, green
    plain = _SGR.sub("", out)
    assert "\x1b" not in plain


def test_changed_numbers_are_bold_and_reversed_in_colour(newsdiff: Runner, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("North Korea fired two ballistic missiles toward the sea on Wednesday.\n", encoding="utf-8")
    b.write_text("North Korea fired four ballistic missiles toward the sea on Wednesday.\n", encoding="utf-8")
    out = newsdiff("diff", a, b, "--width", 80, "--color", "always").stdout
    assert {"1", "7", "9", "31"} <= _codes_before("two", out)  # bold, reversed, struck, red
    assert {"1", "7", "4", "32"} <= _codes_before("four", out)
    plain = newsdiff("diff", a, b, "--width", 80).stdout
    assert "[-two-]" in plain and "{+four+}" in plain
    assert re.search(r"0\.\d\d\s*\|.*\n.*#", plain), "the score column flags the number change"


def test_inline_interleaves_changes_in_one_column(newsdiff: Runner) -> None:
    result = newsdiff("diff", "--inline", A, B, "--width", 100)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[-refill-] {+replenish+}" in out
    assert "── A ¶3, ¶10 ↔ B ¶3 · similarity" in out
    assert "── only in A (The Associated Press) · ¶2" in out
    assert not re.search(r"^\|", out, re.M), "no table"


@pytest.mark.parametrize("width", [72, 100, 160])
def test_side_by_side_wraps_to_width_and_keeps_every_word(newsdiff: Runner, width: int) -> None:
    """From 72 columns on, each column can hold the seeds' longest word (28 characters, an e-mail
    address), so every word must come out whole."""
    result = newsdiff("diff", A, C, "--width", width)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) > 50
    printed = _output_words(result.stdout)
    missing = (_words(A) | _words(C)) - printed
    assert not missing, sorted(missing)[:20]


@pytest.mark.parametrize("width", [40, 61])
def test_narrow_side_by_side_folds_long_words_never_crops(newsdiff: Runner, width: int) -> None:
    result = newsdiff("diff", A, C, "--width", width)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    # Nothing cropped: at least as many letters and digits come out as the articles hold.
    text = " ".join(p.text for path in (A, C) for p in load_article(path).paragraphs)
    assert len(re.findall(r"\w", _body(result.stdout))) >= len(re.findall(r"\w", text))


@pytest.mark.parametrize("width", [40, 100])
def test_inline_wraps_to_width_and_keeps_every_word(newsdiff: Runner, width: int) -> None:
    """One column: a word longer than the line is folded, so compare with white space removed.

    Interleaving glues a deletion to its insertion ("Russia-] {+space+}."), so words are compared
    as runs of letters and digits.
    """
    result = newsdiff("diff", "--inline", A, C, "--width", width)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    flat = "".join(_MARKERS.sub("", result.stdout).split())
    text = " ".join(p.text for path in (A, C) for p in load_article(path).paragraphs)
    missing = {word for word in re.findall(r"\w+", text) if word not in flat}
    assert not missing, sorted(missing)[:20]


def test_width_defaults_to_columns_when_piped(newsdiff: Runner) -> None:
    out = newsdiff("diff", A, B, env={"COLUMNS": "72"}).stdout
    assert max(len(line) for line in out.splitlines()) == 72


def test_hostile_text_prints_literally(newsdiff: Runner, hostile_pair: tuple[Path, Path]) -> None:
    a, b = hostile_pair
    for args in ((), ("--inline",)):
        result = newsdiff("diff", *args, a, b, "--width", 120)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "\x1b" not in out
        for literal in ("[bold]Kim[/]", "[31mThe launch[0m", "<script>alert(1)</script>", "# heading"):
            assert literal in out, literal
        assert "| table | cells |" in out
        assert ":smile:" in out and "[/foo]" in out and "[link](http://example.com)" in out
        assert "[-refill-]" in out and "{+replenish+}" in out


def test_hostile_text_in_colour_is_not_interpreted(newsdiff: Runner, hostile_pair: tuple[Path, Path]) -> None:
    a, b = hostile_pair
    result = newsdiff("diff", a, b, "--width", 120, "--color", "always")
    assert result.returncode == 0, result.stderr
    plain = _SGR.sub("", result.stdout)
    assert "\x1b" not in plain, "only Rich's own colour codes reach the terminal"
    for literal in ("[bold]Kim[/]", "[31mThe launch[0m", "<script>alert(1)</script>", ":smile:", "[/foo]"):
        assert literal in plain, literal
    assert "😄" not in plain


def test_wording_options_change_what_counts(newsdiff: Runner, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("KIM met Putin at the cosmodrome, officials said on Wednesday.\n", encoding="utf-8")
    b.write_text("Kim met Putin at the cosmodrome; officials said on Wednesday.\n", encoding="utf-8")
    out = newsdiff("diff", a, b, "--width", 80).stdout
    assert "[-KIM-]" in out and "[-,-]" in out
    out = _body(newsdiff("diff", a, b, "--width", 80, "--ignore-case", "--ignore-punctuation").stdout)
    assert "[-" not in out and "{+" not in out
    # New files: runs are cached by their arguments.
    a, b = tmp_path / "curly.txt", tmp_path / "straight.txt"
    a.write_text("He called it a “sacred fight” on Wednesday in the far east.\n", encoding="utf-8")
    b.write_text('He called it a "sacred fight" on Wednesday in the far east.\n', encoding="utf-8")
    assert "[-" not in _body(newsdiff("diff", a, b, "--width", 80).stdout)
    assert "[-“-]" in newsdiff("diff", a, b, "--width", 80, "--strict-quotes").stdout


def test_header_names_the_mean_of_pairs_and_the_coverage(newsdiff: Runner, tmp_path: Path) -> None:
    """One identical paragraph out of several: the mean of the pairs is 1.00, which alone would
    mislead, so the coverage of each side is printed next to it."""
    a, b = tmp_path / "mostly_a.txt", tmp_path / "mostly_b.txt"
    shared = "Kim met Putin at the cosmodrome on Wednesday, officials in Moscow said."
    a.write_text(
        f"{shared}\n\nThe weather in Vladivostok stayed cold and wet all week long.\n", encoding="utf-8"
    )
    b.write_text(f"{shared}\n", encoding="utf-8")
    out = newsdiff("diff", a, b, "--width", 200).stdout
    assert "1 pair · 1 only in A · 0 only in B (body paragraphs) · mean similarity of pairs 1.00 · " in out
    assert "52% of A and 100% of B have a counterpart" in out  # 12 of 23 words
    assert "pairs 1.00 (" not in out and "mean similarity 1.00" not in out


def test_header_does_not_repeat_the_file_name(newsdiff: Runner, tmp_path: Path) -> None:
    """No outlet known: the name is the file name. Run in its folder, the path would only repeat
    it; given with a folder, the path says where the file is."""
    (tmp_path / "kim.txt").write_text("Kim met Putin at the cosmodrome.\n", encoding="utf-8")
    (tmp_path / "putin.txt").write_text("Putin met Kim at the cosmodrome.\n", encoding="utf-8")
    lines = newsdiff(
        "diff", "kim.txt", tmp_path / "putin.txt", "--width", 200, cwd=tmp_path
    ).stdout.splitlines()
    assert lines[0] == "A  kim.txt · Kim met Putin at the cosmodrome."
    assert lines[1] == f"B  putin.txt · Putin met Kim at the cosmodrome. · {tmp_path / 'putin.txt'}"


def test_inline_never_glues_a_change_to_its_neighbour(newsdiff: Runner, tmp_path: Path) -> None:
    """The space before an insertion can sit on B's side only ("cosmodrome" / "cosmodrome ")."""
    a, b = tmp_path / "glue_a.txt", tmp_path / "glue_b.txt"
    a.write_text("Kim met Putin at the cosmodrome.\n", encoding="utf-8")
    b.write_text("Kim met Putin at the cosmodrome on Wednesday.\n", encoding="utf-8")
    out = newsdiff("diff", "--inline", a, b, "--width", 100).stdout
    assert "Kim met Putin at the cosmodrome {+on Wednesday+}.\n" in out
    out = newsdiff("diff", "--inline", b, a, "--width", 100).stdout
    assert "Kim met Putin at the cosmodrome [-on Wednesday-].\n" in out


@pytest.mark.parametrize(
    "command",
    [("diff", "--width", "100"), ("export", "--format", "md"), ("align", "--format", "json", "--facts")],
)
def test_figures_in_any_unicode_digits_are_compared_not_a_crash(
    newsdiff: Runner, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Superscript, fraction, circled and Arabic-Indic digits: str.isdigit() takes some, float() none."""
    a, b = tmp_path / "super_a.txt", tmp_path / "super_b.txt"
    a.write_text("The test of the Hwasong-² missile, ½ of ⑦ and ٣ launches.\n", encoding="utf-8")
    b.write_text("The test of the Hwasong-³ missile, ⅓ of ⑧ and ٤ launches.\n", encoding="utf-8")
    result = newsdiff(command[0], a, b, *command[1:])
    assert (result.returncode, result.stderr) == (0, "")
    shown = result.stdout.replace("\\-", "-")  # Markdown escapes the hyphen
    assert "Hwasong-²" in shown and "Hwasong-³" in shown


def test_no_boilerplate_leaves_out_the_set_aside_rows(newsdiff: Runner) -> None:
    caption = "Kremlin Pool Photo via AP"  # a photo credit of A, set aside as boilerplate
    full = newsdiff("diff", A, B, "--color", "never", "--width", "400")
    assert full.returncode == 0 and caption in full.stdout
    short = newsdiff("diff", A, B, "--color", "never", "--width", "400", "--no-boilerplate")
    assert short.returncode == 0, short.stderr
    assert caption not in short.stdout
    assert "of boilerplate not shown (--no-boilerplate)" in short.stdout
    assert "Putin" in short.stdout and len(short.stdout) < len(full.stdout)
    inline = newsdiff("diff", A, B, "--color", "never", "--width", "400", "--inline", "--no-boilerplate")
    assert inline.returncode == 0 and caption not in inline.stdout
