"""Coverage: which outlets carry which report, across every article of a story at once.

A *report* is a set of body paragraphs, from different articles, that tell the same content.

For a story of up to ``PAIRWISE_ARTICLES`` articles, reports are built from the comparisons
themselves (``align`` of every pair of articles, the same pairing the comparison screen shows), so
the two views can never disagree: two reports merge only if every two of their paragraphs from
different articles are paired by their articles' comparison (a report is a clique of comparison
links; several paragraphs of one article only as the comparison's own split or merge). Chains (A's
paragraph paired with B's, B's with C's, but C's not with A's) stay apart.

Larger stories would need n² comparisons, so their reports come from one story-wide sentence
index instead (``Coverage.method`` says which), and may group what a comparison leaves apart:

1. sentence links across all articles come from ``story_index`` (one inverted index, mutual best
   links per pair of articles; never the n² pairwise aligner);
2. two paragraphs are linked with a strength like the aligner's pair score: the words of their
   linked sentences, weighted by similarity, over all their words (each paragraph keeps its
   ``LINKS_PER_PARAGRAPH`` strongest links);
3. strongest link first, the two paragraphs' reports merge, unless
   - an article would then have two paragraphs in the report that are not a genuine split (a split
     is accepted only when one paragraph of another article in the merged report is linked
     directly to every part, as a condensed paragraph faces the several it condenses), or
   - otherwise, the mean strength of all links between the two reports (average linkage over the
     pairs that could be linked) is below ``MIN_MEAN_LINK``: the check against chains, where one
     loose link would join two reports.

Reports are ordered by how many articles carry them, then by where they first appear (the earliest
article holding them, and its paragraph order). A report carried by one article only is that
outlet's exclusive content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.core.align import DEFAULT_THRESHOLD, align
from newsdiff.core.article import Article
from newsdiff.core.errors import Cancelled
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.story_index import StoryIndex, cached_index, sorted_unique

PAIRWISE_ARTICLES = 12
"""Up to this many articles (66 comparisons), coverage is built from the pairwise comparisons."""
LINKS_PER_PARAGRAPH = 12
MIN_MEAN_LINK = 0.05
"""Two reports merge only if the mean strength of the links between them (average linkage) reaches
this: versions of one report are linked many times over, two reports joined by one loose sentence
are not."""


@dataclass(frozen=True, slots=True)
class Member:
    """One paragraph of a report: which article, and its index among the article's paragraphs
    (boilerplate included, as in ``newsdiff align``'s JSON)."""

    article: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Report:
    """Paragraphs of different articles that report the same content (a split: several of one)."""

    members: tuple[Member, ...]

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(sorted({m.article for m in self.members}))

    @property
    def sources(self) -> int:
        return len(self.articles)

    def paragraphs_of(self, article: int) -> tuple[int, ...]:
        return tuple(m.paragraph for m in self.members if m.article == article)


@dataclass(frozen=True, slots=True)
class Coverage:
    """The story's reports, most widely carried first, and each article's exclusive reports."""

    articles: tuple[Article, ...]
    reports: tuple[Report, ...]
    method: str = "comparisons"
    """"comparisons" (every pair of articles aligned, as the comparison screen does) or "index"
    (the story-wide sentence index, for stories of more than ``PAIRWISE_ARTICLES`` articles)."""

    def exclusive(self, article: int) -> tuple[int, ...]:
        """Indices of the reports that only this article carries."""
        return tuple(k for k, r in enumerate(self.reports) if r.sources == 1 and r.articles[0] == article)


def _paragraph_links(index: StoryIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Linked paragraph pairs (p < q) and their strength, strongest first."""
    n_paras = len(index.para_article)
    if not index.link_mutual.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    weight = np.where(index.unit_linkable, np.maximum(index.unit_words, 1), 0).astype(np.float64)
    para_words = np.bincount(index.unit_para, weights=weight, minlength=n_paras)
    mutual = index.link_mutual
    lu, lv = index.link_u[mutual], index.link_v[mutual]
    pu, pv = index.unit_para[lu], index.unit_para[lv]
    low, high = np.minimum(pu, pv), np.maximum(pu, pv)
    evidence = index.link_score[mutual] * (weight[lu] + weight[lv])
    codes, where = np.unique(low * n_paras + high, return_inverse=True)
    total = np.bincount(where, weights=evidence)
    p, q = codes // n_paras, codes % n_paras
    strength = np.minimum(1.0, total / np.maximum(para_words[p] + para_words[q], 1.0))
    # Keep each paragraph's strongest links: enough to build reports, far fewer than all.
    ends = np.concatenate([p, q])
    link = np.concatenate([np.arange(len(p)), np.arange(len(p))])
    order = np.lexsort((link, -np.concatenate([strength, strength]), ends))
    sorted_ends = ends[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_ends, sorted_ends, side="left")
    kept = sorted_unique(link[order][rank < LINKS_PER_PARAGRAPH])
    p, q, strength = p[kept], q[kept], strength[kept]
    order = np.lexsort((q, p, -strength))
    return p[order], q[order], strength[order]


class _Reports:
    """Union-find over paragraphs, with each report's paragraphs grouped by article.

    ``root[p]`` is the report of paragraph ``p``, kept current for every paragraph: a merge
    relabels the smaller report's paragraphs (each paragraph is relabelled at most log n times),
    so finding a report is one list lookup in the hot loops below.
    """

    def __init__(self, para_article: list[int], adjacency: list[dict[int, float]]) -> None:
        self.root = list(range(len(para_article)))
        self.article = para_article
        self.adjacency = adjacency
        self.by_article: list[dict[int, list[int]]] = [{a: [p]} for p, a in enumerate(para_article)]
        self.size = [1] * len(para_article)

    def find(self, p: int) -> int:
        return self.root[p]

    def _genuine_split(self, parts: list[int], roots: tuple[int, int], article: int) -> bool:
        """Some paragraph of another article in the two reports is linked to every part."""
        adjacency, root = self.adjacency, self.root
        rest = parts[1:]
        for hub in adjacency[parts[0]]:
            linked = adjacency[hub]
            if all(part in linked for part in rest) and self.article[hub] != article and root[hub] in roots:
                return True
        return False

    def _mean_link(self, small: int, large: int) -> float:
        """Mean strength of the links between two reports, over the pairs that could be linked
        (each paragraph keeps at most ``LINKS_PER_PARAGRAPH`` links): average linkage."""
        adjacency, root = self.adjacency, self.root
        total = 0.0
        count = 0
        for ps in self.by_article[small].values():
            count += len(ps)
            for p in ps:
                for q, s in adjacency[p].items():
                    if root[q] == large:
                        total += s
        return total / (count * min(self.size[large], LINKS_PER_PARAGRAPH))

    def try_merge(self, p: int, q: int) -> bool:
        a, b = self.root[p], self.root[q]
        if a == b:
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        groups_a, groups_b = self.by_article[a], self.by_article[b]
        shared = [article for article in groups_b if article in groups_a]
        for article in shared:
            if not self._genuine_split(groups_a[article] + groups_b[article], (a, b), article):
                return False
        if not shared and self._mean_link(b, a) < MIN_MEAN_LINK:
            return False
        root = self.root
        for article, parts in groups_b.items():
            groups_a.setdefault(article, []).extend(parts)
            for part in parts:
                root[part] = a
        self.by_article[b] = {}
        self.size[a] += self.size[b]
        return True


def coverage_from_index(
    index: StoryIndex, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> Coverage:
    """Group the index's paragraphs into reports (see the module docstring)."""
    p, q, strength = _paragraph_links(index)
    n_paras = len(index.para_article)
    adjacency: list[dict[int, float]] = [{} for _ in range(n_paras)]
    for a, b, s in zip(p.tolist(), q.tolist(), strength.tolist(), strict=True):
        adjacency[a][b] = s
        adjacency[b][a] = s
    reports = _Reports(index.para_article.tolist(), adjacency)
    step = max(1, len(p) // 20)
    for k, (a, b) in enumerate(zip(p.tolist(), q.tolist(), strict=True)):
        if k % step == 0:
            if cancelled is not None and cancelled():
                raise Cancelled("coverage cancelled")
            if progress is not None:
                progress(k / max(1, len(p)), "grouping paragraphs into reports")
        reports.try_merge(a, b)
    para_index = index.para_index.tolist()
    found: list[tuple[tuple[int, int, int], Report]] = []
    for root in range(n_paras):
        groups = reports.by_article[root]
        if reports.root[root] != root or not groups:
            continue
        members = tuple(
            Member(article, para_index[pid]) for article in sorted(groups) for pid in sorted(groups[article])
        )
        first = members[0]
        found.append(((-len(groups), first.article, first.paragraph), Report(members)))
    found.sort(key=lambda item: item[0])
    return Coverage(index.articles, tuple(report for _, report in found), "index")


def coverage_from_comparisons(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Coverage:
    """Reports as cliques of the pairwise comparisons' links (see the module docstring)."""
    links: list[tuple[float, tuple[int, int], tuple[int, int]]] = []
    todo = [(x, y) for x in range(len(articles)) for y in range(x + 1, len(articles))]
    for done, (x, y) in enumerate(todo):
        if cancelled is not None and cancelled():
            raise Cancelled("coverage cancelled")
        if progress is not None:
            progress(0.9 * done / max(len(todo), 1), "comparing every pair of articles")
        body_x = {p.index for p in articles[x].paragraphs if p.is_body}
        for pair in align(articles[x], articles[y], threshold, cancel=cancelled).pairs:
            if pair.a[0] not in body_x:
                continue
            links.extend((pair.score, (x, i), (y, j)) for i in pair.a for j in pair.b)
    linked = {(m, n) for _, m, n in links} | {(n, m) for _, m, n in links}
    report_of: dict[tuple[int, int], int] = {}
    members: list[set[tuple[int, int]]] = []
    for _, m, n in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        rm, rn = report_of.get(m), report_of.get(n)
        if rm is not None and rm == rn:
            continue
        side_m = members[rm] if rm is not None else {m}
        side_n = members[rn] if rn is not None else {n}
        if not all((u, v) in linked for u in side_m for v in side_n if u[0] != v[0]):
            continue
        merged = side_m | side_n
        target = len(members)
        members.append(merged)
        for old in {rm, rn} - {None}:
            members[old] = set()  # type: ignore[index]
        for member in merged:
            report_of[member] = target
    for k, article in enumerate(articles):  # every body paragraph is in some report
        for p in article.paragraphs:
            if p.is_body and (k, p.index) not in report_of:
                report_of[(k, p.index)] = len(members)
                members.append({(k, p.index)})
    found = []
    for group in members:
        if not group:
            continue
        ordered = tuple(Member(a, p) for a, p in sorted(group))
        first = ordered[0]
        sources = len({m.article for m in ordered})
        found.append(((-sources, first.article, first.paragraph), Report(ordered)))
    found.sort(key=lambda item: item[0])
    if progress is not None:
        progress(1.0, "grouping paragraphs into reports")
    return Coverage(tuple(articles), tuple(report for _, report in found), "comparisons")


def coverage(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Coverage:
    """The story's reports: from the pairwise comparisons for a small story, else from the index."""
    if len(articles) <= PAIRWISE_ARTICLES:
        return coverage_from_comparisons(articles, threshold, progress, cancelled)

    def indexing(share: float, what: str = "") -> None:
        if progress is not None:
            progress(0.8 * share, what)

    def grouping(share: float, what: str = "") -> None:
        if progress is not None:
            progress(0.8 + 0.2 * share, what)

    index = cached_index(articles, threshold, indexing, cancelled)
    return coverage_from_index(index, grouping, cancelled)
