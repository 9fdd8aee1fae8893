"""Rewrite lineage: how much of each article is reused from each other one, and which way it went.

Reuse is *containment*, not similarity: if a 500-word rewrite takes 350 words from a 900-word wire
story, 70% of the rewrite reuses the wire story while only 39% of the wire story is in the rewrite.
The share of A reused from B is the words A's sentences have in common with their linked
sentences in B (word-level matching: the longest common word subsequence, so reworded words do not
count; a sentence that merges two of B's is matched against both), over all of A's body words.
Each of A's words is counted at most once per B.

Only pairs of articles that share a link are computed (a sparse matrix), never all n² pairs.

Direction: the article with the higher containment is the rewrite of the other. When the two are
close (within ``CLEAR_MARGIN``), an earlier known date names the source; otherwise the direction
is said to be unclear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.core.article import Article
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.story_index import StoryIndex, cached_index, common_words
from newsdiff.core.wording import percent

MIN_SHARE = 0.05
"""Pairs where neither article reuses at least this share of the other are not listed."""
CLEAR_MARGIN = 0.05
"""Containments closer than this do not decide a direction by themselves."""
CONDENSE_RATIO, EXPAND_RATIO = 0.8, 1.25
"""A rewrite this much shorter (longer) than its source "condenses" ("expands") it."""

Direction = Literal["a_from_b", "b_from_a", "unclear"]


@dataclass(frozen=True, slots=True)
class LineagePair:
    """Two articles (indices, ``a < b``) and the share of each reused from the other."""

    a: int
    b: int
    a_reuses_b: float
    b_reuses_a: float
    direction: Direction

    def rewrite_and_source(self) -> tuple[int, int] | None:
        if self.direction == "a_from_b":
            return self.a, self.b
        if self.direction == "b_from_a":
            return self.b, self.a
        return None


@dataclass(frozen=True, slots=True)
class Lineage:
    """Every listed pair, strongest reuse first, and the articles' body word counts."""

    articles: tuple[Article, ...]
    pairs: tuple[LineagePair, ...]
    words: tuple[int, ...]

    def matrix(self) -> list[list[float]]:
        """``matrix[i][j]``: share of article i's words reused from article j (0 on the diagonal)."""
        n = len(self.articles)
        rows = [[0.0] * n for _ in range(n)]
        for pair in self.pairs:
            rows[pair.a][pair.b] = pair.a_reuses_b
            rows[pair.b][pair.a] = pair.b_reuses_a
        return rows

    def share(self, i: int, j: int) -> float:
        """Share of article i reused from article j (a lookup; the full matrix is n²)."""
        for pair in self.pairs:
            if (pair.a, pair.b) == (i, j):
                return pair.a_reuses_b
            if (pair.a, pair.b) == (j, i):
                return pair.b_reuses_a
        return 0.0

    def sentence(self, pair: LineagePair) -> str:
        """``004 condenses 001: 70% of 004 reuses 001 (44% of 001 is in 004)``."""
        name_a, name_b = self.articles[pair.a].name, self.articles[pair.b].name
        roles = pair.rewrite_and_source()
        if roles is None:
            return (
                f"{name_a} and {name_b} share text, direction unclear: {percent(pair.a_reuses_b)} of "
                f"{name_a} reuses {name_b}, {percent(pair.b_reuses_a)} of {name_b} reuses {name_a}"
            )
        rewrite, source = roles
        ratio = self.words[rewrite] / max(1, self.words[source])
        verb = "condenses" if ratio < CONDENSE_RATIO else "expands" if ratio > EXPAND_RATIO else "rewrites"
        new, old = self.articles[rewrite].name, self.articles[source].name
        reused = pair.a_reuses_b if rewrite == pair.a else pair.b_reuses_a
        kept = pair.b_reuses_a if rewrite == pair.a else pair.a_reuses_b
        return (
            f"{new} {verb} {old}: {percent(reused)} of {new} reuses {old} "
            f"({percent(kept)} of {old} is in {new})"
        )


def _direction(a_reuses_b: float, b_reuses_a: float, date_a: str | None, date_b: str | None) -> Direction:
    if a_reuses_b - b_reuses_a >= CLEAR_MARGIN:
        return "a_from_b"
    if b_reuses_a - a_reuses_b >= CLEAR_MARGIN:
        return "b_from_a"
    # ISO dates (as the metadata file gives them) compare as text; anything else decides nothing.
    if date_a and date_b and date_a[:4].isdigit() and date_b[:4].isdigit() and date_a != date_b:
        return "a_from_b" if date_a > date_b else "b_from_a"
    return "unclear"


def _reused_words(index: StoryIndex) -> tuple[np.ndarray, np.ndarray]:
    """Words of each sentence found in its partners of each other article: ``(codes, words)`` with
    ``code = reusing article * n + source article``.

    A sentence's partners in one article are all its links there (a sentence that merges two of the
    other's counts both); with one partner, the words in common are the link's; with several, the
    longest common word subsequence against the partners joined in their order.
    """
    n = max(1, len(index.articles))
    if not len(index.link_u):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    ends = np.concatenate([index.link_u, index.link_v])
    others = np.concatenate([index.link_v, index.link_u])
    strings = index.word_strings()
    link_common = index.link_common(strings)
    common = np.concatenate([link_common, link_common])
    unit_article = index.unit_article
    toward = unit_article[others]
    key = ends.astype(np.int64) * n + toward
    # By sentence and article, then partner (as a lexsort would; one int64 key sorts faster). A
    # link joins two sentences once, so keys never tie.
    n_units = max(1, len(index.unit_para))
    if (int(key.max()) + 1) * n_units < 2**62:
        order = np.argsort(key * n_units + others)
    else:
        order = np.lexsort((others, key))
    key, others, common, ends = key[order], others[order], common[order], ends[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    words = common[starts].copy()
    multi = np.flatnonzero(sizes > 1)
    if len(multi):
        # Each sentence against its partners joined in order: one string per group, compared
        # with the sentence by the same longest-common-subsequence count.
        joined = [
            "".join([strings[o] for o in others[starts[g] : starts[g] + sizes[g]].tolist()]) for g in multi
        ]
        group_strings = [strings[int(ends[starts[g]])] for g in multi] + joined
        m = len(multi)
        words[multi] = common_words(group_strings, np.arange(m), np.arange(m, 2 * m))
    pair = unit_article[ends[starts]].astype(np.int64) * n + toward[order][starts]
    codes, where = np.unique(pair, return_inverse=True)
    return codes, np.bincount(where, weights=words, minlength=len(codes))


def lineage_from_index(index: StoryIndex) -> Lineage:
    """Containment of every linked pair of articles, from the index's sentence links."""
    n = max(1, len(index.articles))
    words = index.article_words()
    codes, reused = _reused_words(index)
    share: dict[tuple[int, int], float] = {}
    for code, count in zip(codes.tolist(), reused.tolist(), strict=True):
        reuser, source = divmod(int(code), n)
        share[(reuser, source)] = min(1.0, count / words[reuser]) if words[reuser] else 0.0
    pairs: list[LineagePair] = []
    for a, b in sorted({(min(k), max(k)) for k in share}):
        share_a, share_b = share.get((a, b), 0.0), share.get((b, a), 0.0)
        if max(share_a, share_b) < MIN_SHARE:
            continue
        direction = _direction(share_a, share_b, index.articles[a].date, index.articles[b].date)
        pairs.append(LineagePair(a, b, round(share_a, 4), round(share_b, 4), direction))
    pairs.sort(key=lambda p: (-max(p.a_reuses_b, p.b_reuses_a), p.a, p.b))
    return Lineage(index.articles, tuple(pairs), tuple(int(w) for w in words))


def lineage(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Lineage:
    """How much each article reuses each other one, for the pairs that share any text."""
    return lineage_from_index(cached_index(articles, threshold, progress, cancelled))
