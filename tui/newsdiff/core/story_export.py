"""Coverage and lineage as JSON for scripts and as readable Markdown reports.

JSON shapes (more keys may be added, none removed)::

    coverage: {"articles": [{"path", "outlet", "title"}],
               "reports": [{"sources": int, "paragraphs": [{"path", "outlet", "paragraph", "text"}]}],
               "exclusive": {outlet: [report index]}}
    lineage:  {"articles": [...], "matrix": [[share]],
               "pairs": [{"a", "b", "a_reuses_b", "b_reuses_a", "direction", "sentence"}]}

``paragraph`` indices are as in ``newsdiff align``'s JSON (file order, boilerplate included);
``matrix[i][j]`` is the share of article i's body words reused from article j. In Markdown, every
piece of article text goes through ``escape_markdown``.
"""

from __future__ import annotations

from typing import Any

from newsdiff.core.article import Article
from newsdiff.core.coverage import Coverage, Report
from newsdiff.core.lineage import Lineage
from newsdiff.core.render.markdown import escape_markdown
from newsdiff.core.text import one_line
from newsdiff.core.wording import percent, plural

EXCERPT_CHARS = 160
"""Markdown tables show a report by the start of its first paragraph."""
TABLE_COLUMNS = 30
"""Above this many articles, the Markdown tables list sources by number instead of one column each."""


def articles_json(articles: tuple[Article, ...]) -> list[dict[str, Any]]:
    return [{"path": a.path, "outlet": a.outlet, "title": a.title} for a in articles]


def exclusive_by_outlet(coverage: Coverage) -> dict[str, list[int]]:
    """Report indices carried by one article only, under that article's name (outlet or file)."""
    result: dict[str, list[int]] = {}
    for k, article in enumerate(coverage.articles):
        only = coverage.exclusive(k)
        if only:
            result.setdefault(article.name, []).extend(only)
    return result


def coverage_json(coverage: Coverage) -> dict[str, Any]:
    arts = coverage.articles
    return {
        "articles": articles_json(arts),
        "reports": [
            {
                "sources": report.sources,
                "paragraphs": [
                    {
                        "path": arts[m.article].path,
                        "outlet": arts[m.article].outlet,
                        "paragraph": m.paragraph,
                        "text": arts[m.article].paragraphs[m.paragraph].text,
                    }
                    for m in report.members
                ],
            }
            for report in coverage.reports
        ],
        "exclusive": exclusive_by_outlet(coverage),
    }


def lineage_json(lineage: Lineage) -> dict[str, Any]:
    arts = lineage.articles
    return {
        "articles": articles_json(arts),
        "matrix": [[round(x, 4) for x in row] for row in lineage.matrix()],
        "pairs": [
            {
                "a": arts[p.a].path,
                "b": arts[p.b].path,
                "a_reuses_b": p.a_reuses_b,
                "b_reuses_a": p.b_reuses_a,
                "direction": p.direction,
                "sentence": lineage.sentence(p),
            }
            for p in lineage.pairs
        ],
    }


def report_excerpt(coverage: Coverage, report: Report, chars: int = EXCERPT_CHARS) -> str:
    """The start of a report's first paragraph, on one line."""
    first = report.members[0]
    text = one_line(coverage.articles[first.article].paragraphs[first.paragraph].text)
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _cell(text: str) -> str:
    """Article-derived text inside a table cell: escaped (``|`` included), on one line."""
    return escape_markdown(one_line(text))


def coverage_markdown(coverage: Coverage) -> str:
    arts = coverage.articles
    shared = sum(1 for r in coverage.reports if r.sources > 1)
    lines = [
        "# Coverage",
        "",
        f"{plural(len(arts), 'article')}, {plural(len(coverage.reports), 'report')} "
        f"({shared} carried by more than one source). ✓ marks the sources that carry a report.",
        "",
        "## Sources",
        "",
    ]
    lines += [f"{k + 1}. {_cell(a.name)} ({_cell(a.path)})" for k, a in enumerate(arts)]
    wide = len(arts) > TABLE_COLUMNS
    columns = ["carried by"] if wide else [str(k + 1) for k in range(len(arts))]
    lines += ["", "## Reports", "", "| # | sources | " + " | ".join(columns) + " | report |"]
    lines.append("|---|---|" + "---|" * len(columns) + "---|")
    for number, report in enumerate(coverage.reports, start=1):
        carried = set(report.articles)
        if wide:
            cells = [", ".join(str(k + 1) for k in report.articles)]
        else:
            cells = ["✓" if k in carried else " " for k in range(len(arts))]
        excerpt = _cell(report_excerpt(coverage, report))
        lines.append(f"| {number} | {report.sources} | " + " | ".join(cells) + f" | {excerpt} |")
    lines += ["", "## Exclusive content", ""]
    for k, article in enumerate(arts):
        only = coverage.exclusive(k)
        lines.append(f"### Only in {_cell(article.name)} ({plural(len(only), 'report')})")
        lines.append("")
        for index in only:
            member = coverage.reports[index].members[0]
            text = escape_markdown(one_line(arts[k].paragraphs[member.paragraph].text))
            lines.append(f"- ({index + 1}) {text}")
        if not only:
            lines.append("- nothing")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def lineage_markdown(lineage: Lineage) -> str:
    arts = lineage.articles
    lines = [
        "# Rewrite lineage",
        "",
        "Share of each row's body words reused from each column's article (word-level matching "
        "inside linked sentences; containment, not similarity, so the matrix is not symmetric).",
        "",
        "## Sources",
        "",
    ]
    lines += [f"{k + 1}. {_cell(a.name)} ({_cell(a.path)}, {a.word_count} words)" for k, a in enumerate(arts)]
    if len(arts) <= TABLE_COLUMNS:
        lines += [
            "",
            "## Matrix",
            "",
            "| reuses → | " + " | ".join(str(k + 1) for k in range(len(arts))) + " |",
        ]
        lines.append("|---|" + "---|" * len(arts))
        for i, row in enumerate(lineage.matrix()):
            cells = ["—" if i == j else (percent(x) if x else "") for j, x in enumerate(row)]
            lines.append(f"| {i + 1} | " + " | ".join(cells) + " |")
    else:
        lines += ["", f"(No matrix for {len(arts)} articles: the pairs that share text follow.)"]
    lines += ["", "## Directions", ""]
    lines += [f"- {escape_markdown(one_line(lineage.sentence(p)))}" for p in lineage.pairs]
    if not lineage.pairs:
        lines.append("- No two articles share enough text to say.")
    return "\n".join(lines) + "\n"
