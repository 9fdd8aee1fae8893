"""Articles of awkward shape: one paragraph, identical, unrelated, one endless line, thousands of
tiny paragraphs."""

from __future__ import annotations

import random
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from cli_support import run_newsdiff
from input_support import align_json, succeeds

from newsdiff.core.loader import load_article

_BORDER = re.compile(r"^[|+]|[|+]$")
_MARKERS = re.compile(r"\[-|-\]|\{\+|\+\}")


def test_single_paragraph(tmp_path: Path, other: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Kim met Putin at the cosmodrome on Wednesday, officials said.", encoding="utf-8")
    data = align_json(one, other)
    assert data["a"]["paragraphs"] == ["Kim met Putin at the cosmodrome on Wednesday, officials said."]
    assert len(data["pairs"]) + len(data["only_a"]) == 1
    assert "¶1 Kim met Putin" in succeeds("diff", one, other, "--width", 100).stdout
    assert "**A ¶1** — Kim met Putin" in succeeds("export", one, other).stdout


def test_identical_articles(tmp_path: Path, other: Path) -> None:
    """Every paragraph pairs with its twin at score 1.0; nothing is only in A or B, no change."""
    twin = tmp_path / "twin.txt"
    shutil.copyfile(other, twin)
    data = align_json(other, twin)
    count = len(data["a"]["paragraphs"])
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [([i], [i]) for i in range(count)]
    assert {p["score"] for p in data["pairs"]} == {1.0}
    assert data["only_a"] == data["only_b"] == []
    assert data["summary"]["coverage_a"] == data["summary"]["coverage_b"] == 1.0
    diff = succeeds("diff", other, twin, "--width", 100).stdout
    body = diff.split("\n\n", 1)[1]
    assert not _MARKERS.search(body) and "only in" not in body
    flat = " ".join(diff.split())  # the header wraps at the width
    assert "0 only in A · 0 only in B" in flat and "100% of A and 100% of B have a counterpart" in flat
    export = succeeds("export", other, twin).stdout
    assert "<del>" not in export.split("## Aligned")[1] and "<ins>" not in export.split("## Aligned")[1]
    assert export.count("· same wording") == len(data["pairs"])
    assert "Every paragraph of A has a counterpart." in export
    assert "Every paragraph of B has a counterpart." in export


def test_articles_with_nothing_in_common(tmp_path: Path) -> None:
    a, b = tmp_path / "summit.txt", tmp_path / "recipe.txt"
    a.write_text("Kim met Putin at the cosmodrome.\n\nThe talks lasted for hours.\n", encoding="utf-8")
    b.write_text("Boil the pasta in salted water.\n\nServe with grated cheese.\n", encoding="utf-8")
    data = align_json(a, b)
    assert data["pairs"] == [] and data["only_a"] == [0, 1] and data["only_b"] == [0, 1]
    diff = " ".join(succeeds("diff", a, b, "--width", 100).stdout.split())
    assert "0 pairs · 2 only in A · 2 only in B (body paragraphs) · mean similarity of pairs none" in diff
    assert "0% of A and 0% of B have a counterpart" in diff
    export = succeeds("export", a, b).stdout
    assert "No paragraph of A reports what a paragraph of B reports." in export
    assert "- Mean similarity of pairs: none" in export


def _column_text(output: str, column: int) -> str:
    """The text of one column of the side-by-side table, lines joined, white space removed."""
    cells = []
    for line in output.splitlines():
        if line.startswith("|") and not line.startswith("|-"):
            cells.append(line.split("|")[1 + column])
    return "".join("".join(cells).split())


def test_a_line_of_100000_characters_wraps_whole(tmp_path: Path) -> None:
    noise = random.Random(5)
    endless = "".join(noise.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(100_000))
    a, b = tmp_path / "endless_a.txt", tmp_path / "endless_b.txt"
    a.write_text(f"Kim met Putin at the cosmodrome.\n\n{endless}\n", encoding="utf-8")
    b.write_text("Kim met Putin at the cosmodrome on Wednesday.\n", encoding="utf-8")
    result = run_newsdiff("diff", a, b, "--width", 80)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert endless in _column_text(result.stdout, 0), "every character, in order, in A's column"
    inline = succeeds("diff", "--inline", a, b, "--width", 80).stdout
    assert max(len(line) for line in inline.splitlines()) <= 80
    assert endless in "".join(inline.split())


def test_ten_thousand_tiny_paragraphs(tmp_path: Path) -> None:
    noise = random.Random(7)
    words = [
        "Kim",
        "Putin",
        "met",
        "talks",
        "summit",
        "missiles",
        "launch",
        "Russia",
        "Korea",
        "army",
        "rocket",
        "deal",
        "arms",
        "aid",
    ]
    first = [f"{noise.choice(words)} {noise.choice(words)} {i}." for i in range(10_000)]
    second = [p if i % 3 else p.replace(".", " today.") for i, p in enumerate(first)]
    a, b = tmp_path / "tiny_a.txt", tmp_path / "tiny_b.txt"
    a.write_text("\n\n".join(first), encoding="utf-8")
    b.write_text("\n\n".join(second), encoding="utf-8")
    assert len(load_article(a).paragraphs) == 10_000
    data = align_json(a, b)
    assert len(data["a"]["paragraphs"]) == len(data["b"]["paragraphs"]) == 10_000
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [([i], [i]) for i in range(10_000)]


@pytest.mark.parametrize("width", [40, 100])
def test_hard_wrapped_text_is_rejoined(tmp_path: Path, other: Path, width: int) -> None:
    """A wire story wrapped at 72 columns: lines are joined back into its paragraphs."""
    paragraphs = [
        "Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome on Wednesday, and the two "
        "leaders talked for hours about rockets, ammunition and food aid for the North.",
        "Officials in Seoul said they were watching the summit closely for signs of an arms deal "
        "that would break the sanctions Russia itself once voted for at the United Nations.",
    ]
    text = "\n".join(line for p in paragraphs for line in textwrap.wrap(p, 72))
    wrapped = tmp_path / f"wrapped{width}.txt"
    wrapped.write_text(text + "\n", encoding="utf-8")
    assert align_json(wrapped, other)["a"]["paragraphs"] == paragraphs
    out = succeeds("diff", wrapped, other, "--width", width).stdout
    assert max(len(line) for line in out.splitlines()) <= width
