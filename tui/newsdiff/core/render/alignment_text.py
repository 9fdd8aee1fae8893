"""``newsdiff align --format text``: the alignment as a tab-separated table, no word diff needed."""

from __future__ import annotations

from newsdiff.core.comparison.model import Comparison
from newsdiff.core.comparison.tags import boilerplate_reasons
from newsdiff.core.text import one_line

ALIGNMENT_TEXT_COLUMNS = ("kind", "a", "b", "score", "boilerplate")
"""The header line of ``alignment_text``; every row has exactly these five tab-separated cells."""


def alignment_text(comparison: Comparison) -> str:
    """``newsdiff align --format text``: comment lines starting with ``#`` (the two paths, how to
    read indices), a header line, then one tab-separated line per row in reading order: kind,
    A's indices, B's indices (comma-separated, ``-`` for none), score (``-`` for an unpaired
    paragraph), boilerplate reasons (``-`` for body text)."""
    lines = [
        f"# A: {one_line(comparison.a.path)}",
        f"# B: {one_line(comparison.b.path)}",
        "# paragraph indices count from 0; '-' means none",
        "\t".join(ALIGNMENT_TEXT_COLUMNS),
    ]
    for row in comparison.rows:
        cells = [
            row.kind,
            ",".join(map(str, row.a)) or "-",
            ",".join(map(str, row.b)) or "-",
            "-" if row.score is None else f"{row.score:.4f}",
            # A reason is a fixed label from core.clean, never article text; folded all the same.
            ",".join(one_line(r) for r in boilerplate_reasons(comparison, row)) or "-",
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
