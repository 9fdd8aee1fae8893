"""A comparison as one self-contained HTML page: both sources side by side, changes marked.

The page is meant to be mailed or attached, then opened by someone who never ran newsdiff, so it
carries everything inline (one ``<style>``) and loads nothing. Article text is untrusted: every
piece of it (paragraphs, titles, outlets, paths, dates) goes through ``_text`` (``html.escape``
with quotes), so no element or attribute can come from an article; the only tags are ours. A
Content-Security-Policy meta tag forbids scripts, frames and every external resource, so even a
bug in the escaping could not run code in the reader's browser.

The content mirrors the Markdown export (``render.markdown``): sources, summary, legend, then the
rows in reading order, each pair side by side and each unpaired paragraph facing a marked gap;
every tag is worded by the comparison model (``comparison.tags``).
"""

from __future__ import annotations

import html

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison, ParagraphView
from newsdiff.core.comparison.summary import coverage_sentence, mean_similarity_text
from newsdiff.core.comparison.tags import discrepancy_words, score_text, shown_tags
from newsdiff.core.facts import Discrepancy
from newsdiff.core.render.markdown import PAIR_TAGS
from newsdiff.core.render.sources import SOURCE_LABELS, source_details
from newsdiff.core.text import one_line
from newsdiff.core.wording import plural

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Nothing may load or run: no script, image, font, frame or fetch; only the inline stylesheet."""

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 1400px; padding: 0 1em;
       color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table.rows { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.rows th, table.rows td { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top;
       text-align: left; overflow-wrap: anywhere; }
table.rows th.score, table.rows td.score { width: 6em; color: #555; }
table.rows thead th { background: #f0f0f0; position: sticky; top: 0; }
td.gap { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #eee 6px, #eee 12px);
       color: #666; font-style: italic; }
tr.boilerplate td { opacity: .6; }
td p { margin: 0 0 .5em; } td p:last-child { margin-bottom: 0; }
.para { color: #666; font-size: .85em; margin-right: .4em; }
.note { color: #666; font-style: italic; }
p.facts { font-weight: bold; color: #8a5a00; }
del { color: #8b0000; background: #fde2e2; text-decoration: line-through; }
ins { color: #0b5d1e; background: #dcf5e0; text-decoration: underline; font-weight: bold; }
del.number, ins.number { outline: 2px solid currentColor; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #181818; }
  table.rows th, table.rows td { border-color: #444; }
  table.rows thead th { background: #262626; }
  td.gap { background: repeating-linear-gradient(45deg, #202020, #202020 6px, #2a2a2a 6px, #2a2a2a 12px);
           color: #aaa; }
  del { color: #ffb3b3; background: #4a1c1c; } ins { color: #b8f5c4; background: #173d20; }
}
"""


def _text(text: str) -> str:
    """Article-derived text as HTML text: ``<``, ``>``, ``&`` and both quotes escaped."""
    return html.escape(text, quote=True)


def _line(text: str) -> str:
    """Metadata on one line, escaped."""
    return _text(one_line(text))


def paragraph_html(view: ParagraphView, side: str) -> str:
    """One paragraph with its changes marked: ``<del>`` on side A, ``<ins>`` on side B."""
    tag = "del" if side == "a" else "ins"
    parts: list[str] = []
    for span in view.spans:
        fragment = _text(view.text[span.start : span.end])
        if span.kind == "equal" or side not in ("a", "b") or not fragment.strip():
            parts.append(fragment)
        else:
            number = ' class="number"' if span.numeric else ""
            parts.append(f"<{tag}{number}>{fragment}</{tag}>")
    return "".join(parts)


def _paragraphs(views: tuple[ParagraphView, ...], side: str) -> str:
    blocks = []
    for view in views:
        note = f' <span class="note">({_text(view.boilerplate)})</span>' if view.boilerplate else ""
        number = f'<span class="para">¶{view.index + 1}</span>'
        blocks.append(f"<p>{number}{paragraph_html(view, side)}{note}</p>")
    return "".join(blocks)


def discrepancy_html(discrepancy: Discrepancy) -> str:
    """``⚠ figures differ: four hours → five hours``, as the Markdown export words it, escaped."""
    head, said = discrepancy_words(discrepancy, _text)
    return f'<p class="facts">{_text(head)}{said}</p>'


def _row(comparison: Comparison, k: int) -> str:
    row = comparison.row_view(k)
    classes = [row.kind.replace("_", "-")]
    if row.boilerplate:
        classes.append("boilerplate")
    if row.kind == "pair":
        tags = [_text(tag.words) for tag in shown_tags(comparison, k, PAIR_TAGS)]
        score = "<br>".join([score_text(row), *tags])
        facts = "".join(discrepancy_html(d) for d in comparison.discrepancies(k))
        cells = (
            f'<td class="a">{facts}{_paragraphs(row.a, "a")}</td><td class="b">{_paragraphs(row.b, "b")}</td>'
        )
    elif row.kind == "only_a":
        score = "only A"
        cells = f'<td class="a">{_paragraphs(row.a, "none")}</td><td class="gap">only in A</td>'
    else:
        score = "only B"
        cells = f'<td class="gap">only in B</td><td class="b">{_paragraphs(row.b, "none")}</td>'
    return f'<tr class="{" ".join(classes)}"><td class="score">{score}</td>{cells}</tr>'


def _source(label: str, article: Article) -> str:
    details = source_details(article)
    items = [
        f"<li>{caption}: {_text(details[key])}</li>"
        for key, caption in SOURCE_LABELS.items()
        if key in details
    ]
    if not article.date:
        items.append("<li>Date: not known</li>")
    return f"<li><strong>{label}:</strong> {_line(article.name)}<ul>{''.join(items)}</ul></li>"


_LEGEND = """<h2>Legend</h2>
<ul>
<li><del>struck</del>: wording of A that B does not have (deleted).</li>
<li><ins>underlined</ins>: wording of B that A does not have (inserted).</li>
<li><del class="number">outlined</del> or <ins class="number">outlined</ins>:
the change involves a number.</li>
<li>⚠: a figure or a name that the two sides state differently (B's version after the →).</li>
<li>¶N: the N-th paragraph of the source file, counted from 1 (newsdiff align counts from 0).</li>
<li>Similarity: from 0 to 1, how much of the two passages' text matches (1 is the same wording).</li>
<li>Boilerplate (credits, captions, copyright lines) is dimmed and labelled.</li>
</ul>"""


def to_html(comparison: Comparison) -> str:
    """The whole comparison as one HTML5 document, with no script and no external resource."""
    a, b = comparison.a, comparison.b
    summary = comparison.summary()
    title = f"Comparison: {_line(a.name)} vs {_line(b.name)}"
    rows = "\n".join(_row(comparison, k) for k in range(len(comparison.rows)))
    if not rows:
        rows = '<tr><td class="score"></td><td colspan="2">Neither article has a paragraph.</td></tr>'
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="newsdiff">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        "<h2>Sources</h2>",
        f"<ul>{_source('A', a)}{_source('B', b)}</ul>",
        "<h2>Summary</h2>",
        "<ul>",
        f"<li>Aligned pairs: {summary.pairs}</li>",
        f"<li>Only in A: {plural(summary.only_a, 'paragraph')}</li>",
        f"<li>Only in B: {plural(summary.only_b, 'paragraph')}</li>",
        f"<li>Mean similarity of pairs: {mean_similarity_text(summary)} (paragraphs without a counterpart "
        "do not count)</li>",
        f"<li>Coverage: {coverage_sentence(summary)} (share of body words)</li>",
        f"<li>Pairs whose numbers or names disagree: {len(comparison.flagged_rows())}</li>",
        "</ul>",
        "<p>Counts are over body paragraphs; boilerplate is listed but not counted.</p>",
        _LEGEND,
        "<h2>Aligned paragraphs</h2>",
        '<table class="rows">',
        f'<thead><tr><th class="score">Similarity</th><th>A: {_line(a.name)}</th>'
        f"<th>B: {_line(b.name)}</th></tr></thead>",
        f"<tbody>\n{rows}\n</tbody>",
        "</table>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
