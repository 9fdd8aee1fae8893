"""A comparison as a Markdown document (the whole comparison, or one row for the clipboard).

Article text is untrusted: a scraped paragraph may hold ``# heading``, ``| table |``, ``<script>``,
``[a link](…)`` or a line that starts with ``1.``. ``escape_markdown`` is the one function through
which every piece of article-derived text (paragraphs, titles, outlets, paths, dates) reaches the
document, so that no such text can become an element; the notation around it (headings, labels,
``<del>``/``<ins>``) is ours alone.

Changes are marked with ``<del>``/``<ins>`` rather than ``~~…~~``/``**…**``: CommonMark's delimiter
rules refuse to open ``~~`` between a letter and punctuation (``said~~\\.~~``), so native emphasis
would silently fail on changes that start or end with punctuation, while inline HTML tags always
parse and GitHub, GitLab and pandoc all render them.
"""

from __future__ import annotations

import re

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison, ParagraphView
from newsdiff.core.comparison.summary import coverage_sentence, mean_similarity_text
from newsdiff.core.comparison.tags import FACTS_MARK, TagKey, discrepancy_words, pair_heading, shown_tags
from newsdiff.core.facts import Discrepancy
from newsdiff.core.render.sources import SOURCE_LABELS, source_details
from newsdiff.core.text import one_line
from newsdiff.core.wording import plural

# Only what CommonMark (with GFM's tables and strikethrough) could read as syntax where it stands
# gets a backslash, so dates, hyphenated names and newsdiff's own prose stay readable in the raw
# file ("2023-09-13", "Kim Jong-un"). Each piece is escaped on its own and then joined to others,
# so an edge of the piece counts as a line start and as a word edge (the cautious reading):
# - anywhere: the backslash, code (`), emphasis (*), links ([ ]), HTML and autolinks (< and, so
#   that no tag reads as one even in the raw file, >), tables (|) and strikethrough (~);
# - an underscore unless it sits between two letters or digits (there it can open no emphasis);
# - an ampersand that could start an entity (before a letter, digit or #, or at the piece's end);
# - at a line start: headings (#), list items and setext underlines (- + =), and
#   the "." or ")" of an ordered list's number; a run of # closing a line (an ATX closing sequence).
# GFM's bare autolinks (www., http:) are left alone: they link what the text itself says.
_ALWAYS = "\\`*[]<>|~"
_INLINE = re.compile("[" + re.escape(_ALWAYS) + r"]|(?<![^\W_])_|_(?![^\W_])|&(?=[A-Za-z0-9#]|$)")
_LINE_START = re.compile(r"(^|\n)( ?)([#+=-]|\d+[.)])")
_CLOSING_HASHES = re.compile(r"(?<!\S)(#+)(?=[ \t]*(?:\\?\n|$))")
# A line break inside a paragraph, with the white space around it: the next line must not start
# with indentation (an indented code block, or a lazy continuation of a list) or end with two spaces.
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# White space at either end of the text: one space keeps words apart when the text is a fragment of a
# line, and is harmless where it starts one (four spaces or a tab there would open a code block).
_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$")

DELETE_OPEN, DELETE_CLOSE = "<del>", "</del>"
INSERT_OPEN, INSERT_CLOSE = "<ins>", "</ins>"
NUMBER_MARK = "**"
PAIR_TAGS: tuple[TagKey, ...] = ("same", "numbers", "facts", "boilerplate")
"""The tags a pair's heading carries, in this order (``comparison.tags`` words them)."""
MARKUP_TAGS = frozenset([DELETE_OPEN, DELETE_CLOSE, INSERT_OPEN, INSERT_CLOSE])
"""The only inline HTML an export contains; tests check that nothing else appears."""


def escape_markdown(text: str) -> str:
    """Make ``text`` render literally in CommonMark/GFM, whatever it contains.

    A backslash goes before each character that could be syntax where it stands (see ``_INLINE``
    and ``_LINE_START``; CommonMark allows one before any ASCII punctuation), and nowhere else. A
    line break inside the text becomes a hard line break (backslash, newline) with the white space
    around it removed, so a following line can neither be indented into a code block nor end in two
    spaces; white space at either end shrinks to one space for the same reason.
    """
    escaped = _INLINE.sub(lambda m: "\\" + m.group(), text)
    escaped = _EDGE_SPACE.sub(" ", _LINE_BREAK.sub("\\\\\n", escaped))
    escaped = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    """``- item`` → ``\\- item``, ``1. item`` → ``1\\. item``."""
    start, space, mark = match.groups()
    if mark[0].isdigit():
        return f"{start}{space}{mark[:-1]}\\{mark[-1]}"
    return f"{start}{space}\\{mark}"


def _one_line(text: str) -> str:
    """Metadata shown in a heading or list item: one line, escaped."""
    return escape_markdown(one_line(text))


def _marked(text: str, open_tag: str, close_tag: str, numeric: bool) -> str:
    """A changed fragment in its tags, edge white space moved outside (tags never wrap only space)."""
    core = text.strip()
    if not core:
        return escape_markdown(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    body = escape_markdown(core)
    if numeric:
        # Always flanked correctly: the tag's ">"/"<" is punctuation and the body has no edge space.
        body = f"{NUMBER_MARK}{body}{NUMBER_MARK}"
    return f"{escape_markdown(lead)}{open_tag}{body}{close_tag}{escape_markdown(trail)}"


def paragraph_markdown(view: ParagraphView, side: str) -> str:
    """One paragraph's text with its changes marked: deletions on side A, insertions on side B."""
    open_tag, close_tag = (DELETE_OPEN, DELETE_CLOSE) if side == "a" else (INSERT_OPEN, INSERT_CLOSE)
    parts: list[str] = []
    for span in view.spans:
        fragment = view.text[span.start : span.end]
        if span.kind == "equal":
            parts.append(escape_markdown(fragment))
        else:
            parts.append(_marked(fragment, open_tag, close_tag, span.numeric))
    return "".join(parts)


def _source_lines(label: str, article: Article) -> list[str]:
    """The source's name, then its details; a detail that would repeat the name or another
    detail (a file name that is the name, a title that fell back to it) is left out."""
    lines = [f"- **{label}:** {_one_line(article.name)}"]
    details = source_details(article)
    for key, caption in SOURCE_LABELS.items():
        if key in details:
            lines.append(f"  - {caption}: {escape_markdown(details[key])}")
        elif key == "date" and not article.date:
            lines.append("  - Date: not known")
    return lines


def _paragraph_block(label: str, view: ParagraphView, side: str) -> str:
    note = f" *({escape_markdown(view.boilerplate)})*" if view.boilerplate else ""
    return f"**{label} ¶{view.index + 1}**{note} — {paragraph_markdown(view, side)}"


def discrepancy_markdown(discrepancy: Discrepancy) -> str:
    """``⚠ figures differ: four hours → five hours``, the quoted texts escaped."""
    return "".join(discrepancy_words(discrepancy, escape_markdown))


def _pair_section(comparison: Comparison, number: int, k: int) -> list[str]:
    view = comparison.row_view(k)
    tags = [escape_markdown(tag.words) for tag in shown_tags(comparison, k, PAIR_TAGS)]
    lines = [f"### Pair {number} · {' · '.join([*pair_heading(view), *tags])}", ""]
    # A paragraph each: article text must not be able to open a list.
    for discrepancy in comparison.discrepancies(k):
        lines += [discrepancy_markdown(discrepancy), ""]
    for paragraph in view.a:
        lines += [_paragraph_block("A", paragraph, "a"), ""]
    for paragraph in view.b:
        lines += [_paragraph_block("B", paragraph, "b"), ""]
    return lines


def _only_section(label: str, article: Article, views: list[ParagraphView]) -> list[str]:
    body = [v for v in views if not v.boilerplate]
    aside = [v for v in views if v.boilerplate]
    lines = [f"## Only in {label}: {_one_line(article.name)}", ""]
    if not views:
        lines += [f"Every paragraph of {label} has a counterpart.", ""]
    for view in body:
        lines += [_paragraph_block(label, view, "none"), ""]
    if aside:
        lines += [f"### Set aside as boilerplate, only in {label}", ""]
        for view in aside:
            lines += [_paragraph_block(label, view, "none"), ""]
    return lines


_LEGEND = [
    "## Legend",
    "",
    f"- {DELETE_OPEN}struck{DELETE_CLOSE}: wording of A that B does not have (deleted).",
    f"- {INSERT_OPEN}underlined{INSERT_CLOSE}: wording of B that A does not have (inserted).",
    f"- {DELETE_OPEN}{NUMBER_MARK}bold{NUMBER_MARK}{DELETE_CLOSE} or "
    f"{INSERT_OPEN}{NUMBER_MARK}bold{NUMBER_MARK}{INSERT_CLOSE}: the change involves a number.",
    f"- {FACTS_MARK}: a figure or a name that the two sides state differently (B's version after the →).",
    "- ¶N: the N-th paragraph of the source file, counted from 1 (newsdiff align counts from 0).",
    "- Similarity: from 0 to 1, how much of the two passages' text matches (1 is the same wording).",
    "- Boilerplate (credits, captions, copyright lines) is labelled in *italics* and set apart.",
    "- Article text is escaped: backslashes in the raw file are Markdown escapes, not part of the text.",
]


def to_markdown(comparison: Comparison) -> str:
    """The whole comparison as one Markdown document (CommonMark with GFM's ``<del>``/``<ins>``)."""
    a, b = comparison.a, comparison.b
    summary = comparison.summary()
    views = comparison.row_views()
    pairs = [k for k, v in enumerate(views) if v.kind == "pair"]
    lines = [f"# Comparison: {_one_line(a.name)} vs {_one_line(b.name)}", "", "## Sources", ""]
    lines += [*_source_lines("A", a), *_source_lines("B", b), ""]
    lines += [
        "## Summary",
        "",
        f"- Aligned pairs: {summary.pairs}",
        f"- Only in A: {plural(summary.only_a, 'paragraph')}",
        f"- Only in B: {plural(summary.only_b, 'paragraph')}",
        f"- Mean similarity of pairs: {mean_similarity_text(summary)} (paragraphs without a "
        "counterpart do not count)",
        f"- Coverage: {coverage_sentence(summary)} (share of body words)",
        f"- Pairs whose numbers or names disagree: {len(comparison.flagged_rows())}",
        "",
        "Counts are over body paragraphs; boilerplate is listed but not counted.",
        "",
        *_LEGEND,
        "",
        "## Aligned paragraphs",
        "",
    ]
    if not pairs:
        lines += ["No paragraph of A reports what a paragraph of B reports.", ""]
    for number, k in enumerate(pairs, start=1):
        lines += _pair_section(comparison, number, k)
    only_a = [p for v in views if v.kind == "only_a" for p in v.a]
    only_b = [p for v in views if v.kind == "only_b" for p in v.b]
    lines += _only_section("A", a, sorted(only_a, key=lambda p: p.index))
    lines += _only_section("B", b, sorted(only_b, key=lambda p: p.index))
    return "\n".join(lines).rstrip("\n") + "\n"


def row_markdown(comparison: Comparison, k: int) -> str:
    """Row ``k`` alone as Markdown, as the full export words it (for the clipboard): a pair's
    heading and both sides, or the unpaired paragraphs under "Only in A/B"."""
    view = comparison.row_view(k)
    a, b = _one_line(comparison.a.name), _one_line(comparison.b.name)
    intro = f"From the comparison of {a} (A) and {b} (B):"
    if view.kind == "pair":
        number = sum(1 for row in comparison.rows[: k + 1] if row.kind == "pair")
        lines = _pair_section(comparison, number, k)
    elif view.kind == "only_a":
        lines = _only_section("A", comparison.a, list(view.a))
    else:
        lines = _only_section("B", comparison.b, list(view.b))
    return "\n".join([intro, "", *lines]).rstrip("\n") + "\n"
