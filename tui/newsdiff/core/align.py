"""Which paragraphs of two articles report the same thing.

Paragraphs are compared through their sentences, because outlets regroup sentences freely: a
condensed rewrite merges two paragraphs into one, a wire update splits one. The steps:

1. split every body paragraph into sentences (units);
2. score every unit of A against every unit of B (``similarity.similarity_matrix``);
3. choose unit pairs globally with a maximum-weight assignment (Hungarian, scipy's
   ``linear_sum_assignment``), run separately on each connected group of candidate pairs above
   the threshold, so a strong pair is never lost to an earlier, weaker first match;
4. paragraphs linked by a chosen unit pair form a group: one-to-one, one-to-many, many-to-one;
5. a group's score is the share of its text covered by matched sentences, weighted by their
   similarity: 1.0 for identical paragraphs, lower the more either side says that the other
   does not.

Boilerplate is aligned only with boilerplate, body only with body. The result does not depend on
argument order: ``align(b, a)`` is exactly ``align(a, b)`` mirrored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.core.article import Article
from newsdiff.core.similarity import similarity_matrix
from newsdiff.core.tokens import sentence_spans

DEFAULT_THRESHOLD = 0.18
"""Unit pairs scoring below this are not evidence of shared content.

On the seeds, hand-labelled paraphrased sentence pairs score from 0.19 up, while the best-scoring
unrelated pair scores 0.07; tests/unit/test_align_quality.py guards this choice.
"""
_TIE_BREAK = 1e-6


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraph indices of A and of B that report the same content, and how alike they are."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a side-by-side view: a pair, or a paragraph with nothing opposite."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float | None

    @property
    def kind(self) -> str:
        if self.a and self.b:
            return "pair"
        return "only_a" if self.a else "only_b"


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every paragraph index of A and of B appears exactly once across pairs, only_a and only_b."""

    pairs: tuple[Pair, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]

    def swapped(self) -> Alignment:
        """The same alignment seen from B's side."""
        pairs = tuple(Pair(p.b, p.a, p.score) for p in self.pairs)
        return Alignment(tuple(sorted(pairs, key=lambda p: p.a)), self.only_b, self.only_a)

    def rows(self) -> list[Row]:
        """Rows in reading order: by A's order, each B-only paragraph after its B predecessor."""
        keyed: list[tuple[tuple[float, int, int], Row]] = []
        b_row_key: dict[int, float] = {}
        for pair in self.pairs:
            key = float(min(pair.a))
            for j in pair.b:
                b_row_key[j] = key
            keyed.append(((key, 0, min(pair.b)), Row(pair.a, pair.b, pair.score)))
        for i in self.only_a:
            keyed.append(((float(i), 0, -1), Row((i,), (), None)))
        for j in self.only_b:
            anchor = max((k for k in b_row_key if k < j), default=None)
            key = b_row_key[anchor] if anchor is not None else -1.0
            keyed.append(((key, 1, j), Row((), (j,), None)))
        return [row for _, row in sorted(keyed, key=lambda item: item[0])]


def _units(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """Sentences of all texts, and which text each came from."""
    units: list[str] = []
    owner: list[int] = []
    for k, text in enumerate(texts):
        spans = sentence_spans(text) or [(0, len(text))]
        for start, end in spans:
            units.append(text[start:end])
            owner.append(k)
    return units, owner


def _assign(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching over candidate pairs, per connected component."""
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    n, m = sim.shape
    candidates = sim >= threshold
    if not candidates.any():
        return []
    graph = csr_matrix((np.ones(int(candidates.sum())), np.nonzero(candidates)), shape=(n, m))
    bipartite = csr_matrix((n + m, n + m))
    bipartite = bipartite.tolil()
    bipartite[:n, n:] = graph
    _, labels = connected_components(bipartite.tocsr(), directed=False)
    # Prefer order-preserving matches among equal scores, so duplicates pair in order.
    pos_a = (np.arange(n) + 0.5) / n
    pos_b = (np.arange(m) + 0.5) / m
    tie = _TIE_BREAK * (1.0 - np.abs(pos_a[:, None] - pos_b[None, :]))
    chosen: list[tuple[int, int]] = []
    rows_with_edges = np.nonzero(candidates.any(axis=1))[0]
    for label in np.unique(labels[rows_with_edges]):
        rows = np.nonzero(labels[:n] == label)[0]
        cols = np.nonzero(labels[n:] == label)[0]
        weights = np.where(
            candidates[np.ix_(rows, cols)], sim[np.ix_(rows, cols)] + tie[np.ix_(rows, cols)], 0.0
        )
        r, c = linear_sum_assignment(weights, maximize=True)
        chosen.extend(
            (int(rows[i]), int(cols[j])) for i, j in zip(r, c, strict=True) if candidates[rows[i], cols[j]]
        )
    return chosen


def align_texts(
    texts_a: Sequence[str], texts_b: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[Pair], list[int], list[int]]:
    """Align two lists of paragraphs; indices in the result are positions in those lists."""
    units_a, owner_a = _units(texts_a)
    units_b, owner_b = _units(texts_b)
    sim = similarity_matrix(units_a, units_b)
    matches = _assign(sim, threshold) if sim.size else []

    parent = list(range(len(texts_a) + len(texts_b)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in matches:
        ra, rb = find(owner_a[i]), find(len(texts_a) + owner_b[j])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    weight_a = [len(u.split()) or 1 for u in units_a]
    weight_b = [len(u.split()) or 1 for u in units_b]
    groups: dict[int, tuple[set[int], set[int]]] = {}
    for k in range(len(texts_a)):
        groups.setdefault(find(k), (set(), set()))[0].add(k)
    for k in range(len(texts_b)):
        groups.setdefault(find(len(texts_a) + k), (set(), set()))[1].add(k)
    covered: dict[int, float] = {}
    for i, j in matches:
        root = find(owner_a[i])
        covered[root] = covered.get(root, 0.0) + float(sim[i, j]) * (weight_a[i] + weight_b[j])

    pairs: list[Pair] = []
    only_a: list[int] = []
    only_b: list[int] = []
    for root, (members_a, members_b) in groups.items():
        if members_a and members_b:
            total = sum(w for u, w in enumerate(weight_a) if owner_a[u] in members_a)
            total += sum(w for u, w in enumerate(weight_b) if owner_b[u] in members_b)
            score = min(1.0, covered.get(root, 0.0) / total) if total else 0.0
            pairs.append(Pair(tuple(sorted(members_a)), tuple(sorted(members_b)), round(score, 4)))
        else:
            only_a.extend(members_a)
            only_b.extend(members_b)
    pairs.sort(key=lambda p: (p.a, p.b))
    return pairs, sorted(only_a), sorted(only_b)


def _align_subset(a: Article, b: Article, body: bool, threshold: float) -> Alignment:
    ids_a = [p.index for p in a.paragraphs if p.is_body == body]
    ids_b = [p.index for p in b.paragraphs if p.is_body == body]
    pairs, only_a, only_b = align_texts(
        [a.paragraphs[i].text for i in ids_a], [b.paragraphs[j].text for j in ids_b], threshold
    )
    return Alignment(
        tuple(Pair(tuple(ids_a[i] for i in p.a), tuple(ids_b[j] for j in p.b), p.score) for p in pairs),
        tuple(ids_a[i] for i in only_a),
        tuple(ids_b[j] for j in only_b),
    )


def align(a: Article, b: Article, threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Align two articles: body with body, boilerplate with boilerplate."""
    key_a = tuple(p.text for p in a.paragraphs)
    key_b = tuple(p.text for p in b.paragraphs)
    if key_b < key_a:  # one canonical orientation makes align(b, a) the exact mirror
        return align(b, a, threshold).swapped()
    body = _align_subset(a, b, True, threshold)
    chrome = _align_subset(a, b, False, threshold)
    return Alignment(
        tuple(sorted(body.pairs + chrome.pairs, key=lambda p: (p.a, p.b))),
        tuple(sorted(body.only_a + chrome.only_a)),
        tuple(sorted(body.only_b + chrome.only_b)),
    )
