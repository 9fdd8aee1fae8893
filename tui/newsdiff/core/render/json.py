"""A comparison as plain data for scripts: ``newsdiff align --format json`` and the JSON export.

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
"""

from __future__ import annotations

from typing import Any

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison
from newsdiff.core.facts import Discrepancy


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
