"""Inputs shaped to burn CPU (issue 16, item 10): each stage is bounded or near-linear. What is
asserted is the result (the right byline, the capped row, what rapidfuzz is given); the timings
are in ``tests/benchmarks/hostile_bench.py``, against the old code paths in the same run."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsdiff.core import similarity
from newsdiff.core.comparison.model import compare
from newsdiff.core.html_article import MAX_ROW_CELLS, extract_page
from newsdiff.core.loader import parse_article
from newsdiff.core.metadata import _BYLINE, read_text_metadata
from support.hang_guard import finishes

OLD_BYLINE = re.compile(
    r"^(?:By (?P<byline>[A-Z][\w.’' -]+(?:(?:,| and) [A-Z][\w.’' -]+)*)$|"
    r"[•*·-]?\s*(?P<contact>[A-Z][\w.’' -]{1,60}) can be (?:reached|contacted) at )"
)
"""The byline pattern before the fix: exponential on "By Ab and Ab and …,"."""


def test_the_byline_pattern_matches_what_it_did() -> None:
    rng = random.Random(16)
    atoms = ["A", "b", " ", " and ", ",", ", ", "B", ".", "-", "’", "x can be reached at "]
    for _ in range(20_000):
        line = "By " + "".join(rng.choice(atoms) for _ in range(rng.randint(0, 8)))
        old, new = OLD_BYLINE.match(line), _BYLINE.match(line)
        assert (old and old.groupdict()) == (new and new.groupdict()), line


def test_lines_made_to_backtrack_leave_no_byline() -> None:
    hostile = "By " + " and ".join(["Ab"] * 17) + ","  # 110 characters, under the 120 looked at
    found = []
    assert finishes(lambda: found.append(read_text_metadata([hostile] * 2_000)))  # 61 s before
    assert found[0].byline is None
    assert read_text_metadata(["By Ab and Cd, Ef Gh"]).byline == "Ab and Cd, Ef Gh"


def test_a_huge_word_is_not_given_to_the_character_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[int] = []
    real = similarity.process.cdist

    def recording(a: list[str], b: list[str], **options: object) -> object:
        given.extend(len(text) for text in [*a, *b])
        return real(a, b, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(similarity.process, "cdist", recording)
    word = "abcdefghij" * 5_000  # 50,000 characters, one "word"
    lead = "The council approved the new budget on Tuesday evening after a long debate."
    a = parse_article(f"{lead}\n\n{word}\n", "a.txt")
    b = parse_article(f"{lead}\n\n{word[:-1]}x\n", "b.txt")
    comparison = compare(a, b)
    assert given and max(given) <= similarity.MAX_RATIO_CHARS
    assert comparison.summary().pairs >= 1  # the lead still pairs


def test_a_table_row_is_capped(tmp_path: Path) -> None:
    lead = "<p>" + "The council approved the budget on Tuesday after a long debate, officials said. " * 3
    cells = "".join(f"<td>c{n}</td>" for n in range(5_000))
    page = f"<html><body><article>{lead}</p><table><tr>{cells}</tr></table>{lead}</p></article></body></html>"
    paragraphs, _ = extract_page(page.encode(), path=tmp_path / "t.html")
    row = next(p for p in paragraphs if p.startswith("c0 | "))
    assert row.split(" | ") == [f"c{n}" for n in range(MAX_ROW_CELLS)]


def test_a_narrow_table_is_unchanged(tmp_path: Path) -> None:
    lead = "<p>" + "The council approved the budget on Tuesday after a long debate, officials said. " * 3
    rows = "".join(f"<tr><td>r{n}</td><td>x</td><td>y</td></tr>" for n in range(600))  # 1,800 cells
    page = f"<html><body><article>{lead}</p><table>{rows}</table></article></body></html>"
    paragraphs, _ = extract_page(page.encode(), path=tmp_path / "t.html")
    assert [p for p in paragraphs if p.startswith("r")] == [f"r{n} | x | y" for n in range(600)]
