"""Plain-data forms of a comparison for scripts, and the facts every presentation words alike.

``comparison_json`` is the documented JSON shape (extra keys may be added, never removed)::

    {"a": {"path", "title", "outlet", "paragraphs": [str], "boilerplate": [int]},
     "b": {...same...},
     "pairs": [{"a": [int], "b": [int], "score": float,
                "discrepancies": [{"kind": "number" | "name", "a": str, "b": str}]}],
     "only_a": [int], "only_b": [int]}

A pair's ``discrepancies`` are the figures and names its two sides state differently
(``core.facts``), each as written on side A and on side B; empty when they agree. They need a
word diff of every pair, which costs more than the alignment itself on long documents (2,000
paragraphs: about 0.7 s aligning, 1.5 s more for the facts), so ``newsdiff align`` adds them only
when asked (``--facts``); the exports, which diff every pair anyway, always carry them.

``alignment_text`` is the tab-separated table of ``newsdiff align --format text``. The helpers
below them (a row's boilerplate reasons, a source's details without repetition, the coverage
sentence) are shared by that table, ``newsdiff diff`` and the Markdown export, so the three say
the same thing the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdiff.core.align import Row
from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison, Summary
from newsdiff.core.facts import Discrepancy
from newsdiff.core.seeds import seeds_dir
from newsdiff.core.text import one_line

ALIGNMENT_TEXT_COLUMNS = ("kind", "a", "b", "score", "boilerplate")
"""The header line of ``alignment_text``; every row has exactly these five tab-separated cells."""


def article_json(article: Article) -> dict[str, Any]:
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "byline": article.byline,
        "paragraphs": [p.text for p in article.paragraphs],
        "boilerplate": article.boilerplate_indices,
        "boilerplate_reasons": {str(p.index): p.boilerplate for p in article.paragraphs if p.boilerplate},
    }


def discrepancy_json(discrepancy: Discrepancy) -> dict[str, str]:
    return {"kind": discrepancy.kind, "a": discrepancy.a, "b": discrepancy.b}


def comparison_json(comparison: Comparison, *, facts: bool = True) -> dict[str, Any]:
    """The documented JSON shape for ``newsdiff align --format json``; without ``facts`` the pairs
    carry no ``discrepancies`` and the summary no ``pairs_with_discrepancies``."""
    summary = comparison.summary()
    row_of = {(row.a, row.b): k for k, row in enumerate(comparison.rows)}
    pairs: list[dict[str, Any]] = []
    for p in comparison.alignment.pairs:
        pair: dict[str, Any] = {"a": list(p.a), "b": list(p.b), "score": float(p.score)}
        if facts:
            found = comparison.discrepancies(row_of[(p.a, p.b)])
            pair["discrepancies"] = [discrepancy_json(d) for d in found]
        pairs.append(pair)
    data: dict[str, Any] = {
        "a": article_json(comparison.a),
        "b": article_json(comparison.b),
        "pairs": pairs,
        "only_a": list(comparison.alignment.only_a),
        "only_b": list(comparison.alignment.only_b),
        "summary": {
            "pairs": summary.pairs,
            "only_a": summary.only_a,
            "only_b": summary.only_b,
            "mean_similarity": round(summary.mean_similarity, 4),
            "coverage_a": round(summary.coverage_a, 4),
            "coverage_b": round(summary.coverage_b, 4),
        },
    }
    if facts:
        data["summary"]["pairs_with_discrepancies"] = sum(1 for p in pairs if p["discrepancies"])
    return data


def boilerplate_reasons(comparison: Comparison, row: Row) -> list[str]:
    """Why the row's paragraphs were set aside, each reason once, sorted (empty for body text).

    Takes the bare ``Row`` (indices), not a ``RowView``, so the alignment table can ask without
    computing any word diff.
    """
    sides = ((comparison.a, row.a), (comparison.b, row.b))
    return sorted(
        {
            reason
            for article, indices in sides
            for i in indices
            if (reason := article.paragraphs[i].boilerplate)
        }
    )


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


BUNDLED = "newsdiff's bundled example"


def shown_path(path: str) -> str:
    """A file of the bundled example story as ``newsdiff's bundled example (001_….txt)``, not
    the install folder's path (a virtualenv's site-packages says nothing to the reader); any other
    path as given."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate.resolve().relative_to(seeds_dir().resolve())
        except (ValueError, OSError):
            return path
        return f"{BUNDLED} ({candidate.name})"
    return path


def source_details(article: Article) -> dict[str, str]:
    """What to say about a source besides its name, each on one line, nothing said twice.

    Keys, in display order: ``title``, ``file``, ``date``, ``byline``, ``url``; a key is missing
    when the value is unknown or repeats the name or an earlier value. With no outlet known, the
    name is the file name, so the path is shown only when it adds a folder; and a title that fell
    back to the file name (an article with no body text) is not shown at all.
    """
    file_name = one_line(article.path.replace("\\", "/").rsplit("/", 1)[-1])
    seen = {one_line(article.name)}
    details: dict[str, str] = {}
    for key, value in (
        ("title", article.title),
        ("file", shown_path(article.path)),
        ("date", article.date),
        ("byline", article.byline),
        ("url", article.url),
    ):
        folded = one_line(value or "")
        if key == "title" and folded == file_name:
            continue  # the loader's stand-in for a missing title, not a title
        if folded and folded not in seen:
            details[key] = folded
            seen.add(folded)
    return details


def percent(share: float) -> str:
    """A share as a whole percentage that never rounds to a misleading 0% or 100%."""
    value = round(share * 100)
    if value == 100 and share < 1.0:
        value = 99
    elif value == 0 and share > 0.0:
        value = 1
    return f"{value}%"


def mean_similarity_text(summary: Summary) -> str:
    """The mean similarity of the pairs, two decimals, or ``none`` when nothing is paired (a mean
    of 0.00 would claim pairs that differ entirely)."""
    return f"{summary.mean_similarity:.2f}" if summary.pairs else "none"


def coverage_sentence(summary: Summary) -> str:
    """``62% of A and 91% of B have a counterpart``: shares of body words in a paired paragraph."""
    return f"{percent(summary.coverage_a)} of A and {percent(summary.coverage_b)} of B have a counterpart"


def plural(count: int, word: str) -> str:
    """``1 pair``, ``2 pairs``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
