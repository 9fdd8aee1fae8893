"""The JSON form of an alignment: a stable, documented shape for scripts.

Shape (extra keys may be added, never removed)::

    {"a": {"path", "title", "outlet", "paragraphs": [str], "boilerplate": [int]},
     "b": {...same...},
     "pairs": [{"a": [int], "b": [int], "score": float}],
     "only_a": [int], "only_b": [int]}
"""

from __future__ import annotations

from typing import Any

from newsdiff.core.article import Article
from newsdiff.core.compare import Comparison


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


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The documented JSON shape for ``newsdiff align --format json``."""
    summary = comparison.summary()
    return {
        "a": article_json(comparison.a),
        "b": article_json(comparison.b),
        "pairs": [
            {"a": list(p.a), "b": list(p.b), "score": float(p.score)} for p in comparison.alignment.pairs
        ],
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
