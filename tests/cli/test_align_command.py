"""``newsdiff align``: the documented JSON shape, and the tab-separated text form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import A, B, C, Runner

from newsdiff.core.comparison.model import compare
from newsdiff.core.comparison.tags import boilerplate_reasons
from newsdiff.core.loader import load_article, parse_article
from newsdiff.core.render.alignment_text import alignment_text
from newsdiff.core.render.markdown import escape_markdown, to_markdown


def _check_side(side: dict[str, Any], path: Path) -> None:
    article = load_article(path)
    assert side["path"] == str(path)
    assert isinstance(side["title"], str) and side["title"]
    assert side["outlet"] is None or isinstance(side["outlet"], str)
    assert side["paragraphs"] == [p.text for p in article.paragraphs]
    assert side["boilerplate"] == [p.index for p in article.paragraphs if p.boilerplate]
    assert all(isinstance(i, int) for i in side["boilerplate"])


def _check_partition(data: dict[str, Any]) -> None:
    """Every paragraph index of each side appears exactly once across pairs, only_a and only_b."""
    for side, only in (("a", "only_a"), ("b", "only_b")):
        count = len(data[side]["paragraphs"])
        used = [i for pair in data["pairs"] for i in pair[side]] + data[only]
        assert all(isinstance(i, int) and not isinstance(i, bool) for i in used)
        assert sorted(used) == list(range(count))


@pytest.mark.parametrize(("a", "b"), [(A, B), (A, C)])
def test_json_shape_field_by_field(newsdiff: Runner, a: Path, b: Path) -> None:
    result = newsdiff("align", a, b, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert {"a", "b", "pairs", "only_a", "only_b"} <= set(data)
    _check_side(data["a"], a)
    _check_side(data["b"], b)
    assert isinstance(data["pairs"], list) and data["pairs"]
    for pair in data["pairs"]:
        assert {"a", "b", "score"} <= set(pair)
        assert isinstance(pair["a"], list) and pair["a"]
        assert isinstance(pair["b"], list) and pair["b"]
        assert isinstance(pair["score"], float) and 0.0 <= pair["score"] <= 1.0
    assert isinstance(data["only_a"], list) and isinstance(data["only_b"], list)
    _check_partition(data)


def test_json_is_utf8_and_indented(newsdiff: Runner) -> None:
    out = newsdiff("align", A, B, "--format", "json").stdout
    assert "’" in out and "\\u2019" not in out
    assert out.startswith('{\n  "a": {\n    "path": ')
    assert out.endswith("}\n")


def test_known_link_from_the_labels(newsdiff: Runner) -> None:
    data = json.loads(newsdiff("align", A, B, "--format", "json").stdout)
    refill = next(i for i, p in enumerate(data["a"]["paragraphs"]) if "refill ammunition" in p)
    replenish = next(i for i, p in enumerate(data["b"]["paragraphs"]) if "replenish ammunition" in p)
    assert any(refill in pair["a"] and replenish in pair["b"] for pair in data["pairs"])


def test_text_format(newsdiff: Runner) -> None:
    result = newsdiff("align", A, B)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# A: {A}" and lines[1] == f"# B: {B}"
    header = lines.index("kind\ta\tb\tscore\tboilerplate")
    rows = [line.split("\t") for line in lines[header + 1 :]]
    assert all(len(row) == 5 for row in rows)
    data = json.loads(newsdiff("align", A, B, "--format", "json").stdout)
    pairs = [row for row in rows if row[0] == "pair"]
    assert len(pairs) == len(data["pairs"])
    assert sorted(int(i) for row in rows if row[0] == "only_a" for i in row[1].split(",")) == data["only_a"]
    assert sorted(int(i) for row in rows if row[0] == "only_b" for i in row[2].split(",")) == data["only_b"]
    assert any(row[4] == "copyright" for row in rows)


def test_threshold_changes_the_alignment(newsdiff: Runner) -> None:
    loose = json.loads(newsdiff("align", A, C, "--format", "json", "--threshold", "0.1").stdout)
    strict = json.loads(newsdiff("align", A, C, "--format", "json", "--threshold", "0.9").stdout)
    assert len(strict["pairs"]) < len(loose["pairs"])
    _check_partition(strict)


def test_help_documents_the_text_format(newsdiff: Runner) -> None:
    out = newsdiff("align", "--help").stdout
    assert "text format (the default):" in out
    assert "Lines starting with '#' are comments" in out
    assert "'kind a b score boilerplate'" in out
    for cell in ("kind ", "a, b ", "score ", "boilerplate "):
        assert f"\n    {cell}" in out, cell
    assert "grep -v '^#'" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_text_rows_give_the_same_reasons_as_the_export() -> None:
    """One function, ``serialize.boilerplate_reasons``, serves the table and the export headings."""
    story = (
        "Kim met Putin at the cosmodrome on Wednesday, officials said.\n\n"
        "The two leaders talked for hours about rockets and ammunition.\n\n"
        "Copyright 2023 The Associated Press. All rights reserved."
    )
    a = parse_article(story + "\n\nPhoto: Vladimir Smirnov/AP", "a.txt")
    b = parse_article(story.replace("hours", "four hours"), "b.txt")
    comparison = compare(a, b)
    rows = [line.split("\t") for line in alignment_text(comparison).splitlines()[4:]]
    assert len(rows) == len(comparison.rows)
    markdown = to_markdown(comparison)
    seen: set[str] = set()
    for cells, row in zip(rows, comparison.rows, strict=True):
        reasons = boilerplate_reasons(comparison, row)
        assert cells[4] == (",".join(reasons) or "-")
        seen.update(reasons)
        if row.kind == "pair" and reasons:
            assert f"boilerplate ({escape_markdown(', '.join(reasons))})" in markdown
    assert {"copyright", "photo credit"} <= seen


def test_text_format_keeps_a_path_with_a_newline_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_text("Kim met Putin at the cosmodrome on Wednesday.\n", encoding="utf-8")
    comparison = compare(load_article(odd), load_article(odd))
    lines = alignment_text(comparison).splitlines()
    # A file name is shown with its control characters as escapes (issue 16), so it stays one
    # line and still names the file exactly.
    assert lines[0] == f"# A: {tmp_path}/two\\x0alines.txt"
    assert lines[4:] == ["pair\t0\t0\t1.0000\t-"]


def test_facts_are_added_to_the_json_only_when_asked(newsdiff: Runner, tmp_path: Path) -> None:
    """``--facts`` gives every pair its disagreeing figures; without it the JSON has no such key
    (the word diffs it needs cost more than the alignment on long documents)."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Title A\n\nThe talks lasted four hours at the cosmodrome in the far east.\n", "utf-8")
    b.write_text("Title B\n\nThe talks lasted five hours at the cosmodrome in the far east.\n", "utf-8")
    plain = json.loads(newsdiff("align", a, b, "--format", "json").stdout)
    assert plain["pairs"] and all("discrepancies" not in pair for pair in plain["pairs"])
    assert "pairs_with_discrepancies" not in plain["summary"]
    with_facts = json.loads(newsdiff("align", a, b, "--format", "json", "--facts").stdout)
    found = [d for pair in with_facts["pairs"] for d in pair["discrepancies"]]
    assert [(d["kind"], d["a"], d["b"]) for d in found] == [("number", "four hours", "five hours")]
    assert with_facts["summary"]["pairs_with_discrepancies"] == 1
    assert {k: v for k, v in with_facts.items() if k != "pairs" and k != "summary"} == {
        k: v for k, v in plain.items() if k != "pairs" and k != "summary"
    }
