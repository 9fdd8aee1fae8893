"""The quote tracker: every direct quotation of a story, grouped by the utterance it renders.

``find_quote_clusters`` runs extraction (``quotes_extract``) and clustering (``quotes_cluster``)
and returns clusters ready to show: one variant per article and paragraph (pieces of one
utterance quoted in one paragraph are shown together, joined by " … "), the most complete
wording first, so every other variant's word differences are read against it
(``variant_segments``). ``quotes_json`` and ``quotes_markdown`` are the command's two formats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import fuzz

from newsdiff.core.article import Article
from newsdiff.core.quotes_cluster import CancelFn, ProgressFn, QuotesCancelledError, group_quotes
from newsdiff.core.quotes_extract import JOIN, Quote, extract_quotes
from newsdiff.core.quotes_names import key as speaker_key
from newsdiff.core.render.markdown import (
    DELETE_CLOSE,
    DELETE_OPEN,
    INSERT_CLOSE,
    INSERT_OPEN,
    escape_markdown,
)
from newsdiff.core.text import one_line
from newsdiff.core.worddiff import diff_words
from newsdiff.core.wording import plural

__all__ = [
    "Quote",
    "QuoteCluster",
    "QuoteVariant",
    "QuotesCancelledError",
    "find_quote_clusters",
    "quotes_json",
    "quotes_markdown",
    "variant_segments",
]

_EXTRACT_SHARE = 70
"""Progress is reported out of 100: extraction takes about this share of the time."""


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """How one article words the utterance, in one paragraph."""

    path: str
    outlet: str | None
    name: str
    article: int
    paragraph: int
    text: str
    speaker: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class QuoteCluster:
    """One utterance and each article's wording of it; ``variants[0]`` is the fullest."""

    speaker: str | None
    variants: tuple[QuoteVariant, ...]

    @property
    def articles(self) -> int:
        return len({v.article for v in self.variants})

    @property
    def single_outlet(self) -> bool:
        return self.articles == 1

    @property
    def first_words(self) -> str:
        return one_line(self.variants[0].text)


def _variants(group: list[Quote], articles: Sequence[Article]) -> list[QuoteVariant]:
    by_place: dict[tuple[int, int], list[Quote]] = {}
    for quote in sorted(group, key=lambda q: (q.article, q.paragraph, q.start)):
        by_place.setdefault((quote.article, quote.paragraph), []).append(quote)
    variants = []
    for (number, paragraph), quotes in by_place.items():
        article = articles[number]
        speakers = [q.speaker for q in quotes if q.speaker]
        variants.append(
            QuoteVariant(
                path=article.path,
                outlet=article.outlet,
                name=article.name,
                article=number,
                paragraph=paragraph,
                text=JOIN.join(q.text for q in quotes),
                speaker=speakers[0] if speakers else None,
                quotes=tuple(quotes),
            )
        )
    fullest = max(variants, key=lambda v: (len(v.text.split()), -v.article, -v.paragraph))
    return [fullest, *(v for v in variants if v is not fullest)]


def _speaker(variants: list[QuoteVariant], spelling: dict[str, str]) -> str | None:
    """The speaker most variants name (spelling-insensitive; ties go to the earliest article), in
    the story's most common spelling ("Kim Jong-un" over "Kim Jong Un" if more outlets write it so)."""
    named = [v.speaker for v in sorted(variants, key=lambda v: (v.article, v.paragraph)) if v.speaker]
    if not named:
        return None
    votes = Counter(speaker_key(s) for s in named)
    best = max(votes.values())
    chosen = next(s for s in named if votes[speaker_key(s)] == best)
    return spelling.get(speaker_key(chosen), chosen)


def _spellings(quotes: list[Quote]) -> dict[str, str]:
    counts = Counter(q.speaker for q in quotes if q.speaker)
    spelling: dict[str, str] = {}
    for name, _ in counts.most_common():
        spelling.setdefault(speaker_key(name), name)
    return spelling


def find_quote_clusters(
    articles: Sequence[Article],
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> list[QuoteCluster]:
    """Every quotation of ``articles``, clustered; widest-carried utterances first.

    ``progress(done, 100)`` is called as work advances; ``cancelled()`` returning True stops the
    work with ``QuotesCancelledError``, so a UI can run this in a worker thread.
    """
    quotes: list[Quote] = []
    for number, article in enumerate(articles):
        if cancelled is not None and cancelled():
            raise QuotesCancelledError
        quotes.extend(extract_quotes(article, number))
        if progress is not None:
            progress((number + 1) * _EXTRACT_SHARE // max(1, len(articles)), 100)

    def cluster_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(_EXTRACT_SHARE + done * (100 - _EXTRACT_SHARE) // max(1, total), 100)

    groups = group_quotes(quotes, cluster_progress, cancelled)
    spelling = _spellings(quotes)
    clusters = []
    for group in groups:
        variants = _variants([quotes[i] for i in group], articles)
        clusters.append(QuoteCluster(_speaker(variants, spelling), tuple(variants)))
    clusters.sort(key=lambda c: (-c.articles, min((v.article, v.paragraph) for v in c.variants)))
    if progress is not None:
        progress(100, 100)
    return clusters


Segment = tuple[str, Literal["equal", "insert", "delete"]]


_PARTIAL = 0.7
"""A variant shorter than this share of the reference is a partial quotation: it is compared with
the stretch of the reference it renders, not the whole."""


def _window(reference: str, text: str) -> str:
    """The stretch of ``reference`` a partial quotation renders, found by rapidfuzz's best
    character alignment and widened by half the quotation's length to whole words either side."""
    if len(text) >= _PARTIAL * len(reference):
        return reference
    found = fuzz.partial_ratio_alignment(text.lower(), reference.lower())
    if found is None:
        return reference
    slack = len(text) // 2 + 1
    start, end = max(0, found.dest_start - slack), min(len(reference), found.dest_end + slack)
    while start > 0 and not reference[start - 1].isspace():
        start -= 1
    while end < len(reference) and not reference[end].isspace():
        end += 1
    return reference[start:end]


def variant_segments(reference: str, text: str) -> list[Segment]:
    """``text`` as segments marked against ``reference``: words it has that the reference lacks
    are ``insert``; reference words it drops between words they share are ``delete``.

    A partial quotation is compared with the stretch of the reference it renders (``_window``),
    and reference words before its first shared word or after its last are not shown: a partial
    quotation leaves them out by design, and listing them would bury its own words.
    """
    if reference == text:
        return [(text, "equal")]
    reference = _window(reference, text)
    ops = diff_words(reference, text).ops
    shared = [
        k for k, op in enumerate(ops) if op.kind == "equal" and reference[op.a_start : op.a_end].strip()
    ]
    first, last = (shared[0], shared[-1]) if shared else (len(ops), -1)
    segments: list[Segment] = []
    for k, op in enumerate(ops):
        own = text[op.b_start : op.b_end]
        theirs = reference[op.a_start : op.a_end].strip()
        if op.kind != "equal" and first < k < last and theirs:
            segments.append((theirs, "delete"))
        if op.kind == "equal" or not own.strip():
            segments.append((own, "equal"))
            continue
        lead, trail = own[: len(own) - len(own.lstrip())], own[len(own.rstrip()) :]
        segments += [(lead, "equal"), (own.strip(), "insert"), (trail, "equal")]
    return _spaced([s for s in segments if s[0]])


def _spaced(segments: list[Segment]) -> list[Segment]:
    """A deletion carries the spaces that keep it apart from the words around it, so that the
    segments other than deletions still spell the variant exactly; renderers style only its words."""
    out: list[Segment] = []
    for k, (text, kind) in enumerate(segments):
        if kind == "delete":
            following = segments[k + 1][0] if k + 1 < len(segments) else ""
            if out and not out[-1][0][-1:].isspace():
                text = " " + text
            if following and not following[0].isspace() and following[0].isalnum():
                text = text + " "
        out.append((text, kind))
    return out


def split_edges(text: str) -> tuple[str, str, str]:
    """``text`` as leading white space, the rest, trailing white space: marks go on the middle."""
    core = text.strip()
    if not core:
        return text, "", ""
    lead = text[: len(text) - len(text.lstrip())]
    return lead, core, text[len(text.rstrip()) :]


def variant_credit(cluster: QuoteCluster, variant: QuoteVariant) -> str | None:
    """What to say when a variant's attribution differs from the cluster's speaker."""
    if variant.speaker and speaker_key(variant.speaker) != speaker_key(cluster.speaker or ""):
        return f"credited to {one_line(variant.speaker)}"
    if not variant.speaker and cluster.speaker:
        return "not attributed here"
    return None


def quotes_json(clusters: Sequence[QuoteCluster]) -> dict[str, Any]:
    """The documented shape: ``{"clusters": [{"speaker", "single_outlet", "variants": [{"path",
    "outlet", "paragraph", "text"}]}]}``; each variant also gives its own attribution."""
    return {
        "clusters": [
            {
                "speaker": cluster.speaker,
                "single_outlet": cluster.single_outlet,
                "variants": [
                    {
                        "path": v.path,
                        "outlet": v.outlet,
                        "paragraph": v.paragraph,
                        "text": v.text,
                        "speaker": v.speaker,
                    }
                    for v in cluster.variants
                ],
            }
            for cluster in clusters
        ]
    }


def _segments_markdown(segments: list[Segment]) -> str:
    parts = []
    for text, kind in segments:
        if kind == "equal":
            parts.append(escape_markdown(text))
        elif kind == "insert":
            parts.append(f"{INSERT_OPEN}{escape_markdown(text)}{INSERT_CLOSE}")
        else:
            lead, core, trail = split_edges(text)
            parts.append(f"{lead}{DELETE_OPEN}{escape_markdown(core)}{DELETE_CLOSE}{trail}")
    return "".join(parts)


def quotes_markdown(clusters: Sequence[QuoteCluster], articles: Sequence[Article]) -> str:
    """A readable report: one section per utterance, each outlet's wording marked against the
    first (fullest) one; utterances only one outlet carries are flagged. Article text, names and
    paths are escaped (``export.escape_markdown``)."""
    shared = [c for c in clusters if not c.single_outlet]
    lines = [
        "# Quotes",
        "",
        f"{plural(len(articles), 'article')}, {plural(sum(len(c.variants) for c in clusters), 'quotation')}, "
        f"{plural(len(clusters), 'utterance')}; {len(shared)} quoted by more than one outlet.",
        "",
        f"Each outlet's wording is compared with the first one listed: {INSERT_OPEN}underlined{INSERT_CLOSE} "
        f"words are its own, {DELETE_OPEN}struck{DELETE_CLOSE} words of the first it leaves out. ¶N counts "
        "paragraphs from 1 (the JSON counts from 0). Article text is escaped: backslashes are Markdown "
        "escapes, not part of the text.",
        "",
    ]
    if not clusters:
        lines += ["No direct quotation was found.", ""]
    for number, cluster in enumerate(clusters, start=1):
        speaker = escape_markdown(one_line(cluster.speaker)) if cluster.speaker else "unattributed"
        flag = " · **only one outlet**" if cluster.single_outlet else ""
        lines += [f"## {number}. {speaker} · {plural(cluster.articles, 'outlet')}{flag}", ""]
        reference = cluster.variants[0].text
        for variant in cluster.variants:
            wording = _segments_markdown(variant_segments(reference, variant.text))
            credit = variant_credit(cluster, variant)
            attribution = f" ({escape_markdown(credit)})" if credit else ""
            name = escape_markdown(one_line(variant.name))
            lines.append(f"- **{name}** ¶{variant.paragraph + 1}{attribution}: {wording}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
