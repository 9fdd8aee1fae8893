"""Which paragraphs of two articles report the same thing.

Paragraphs are compared through their sentences, because outlets regroup sentences freely: a
condensed rewrite merges two paragraphs into one, a wire update splits one. The steps:

1. split every body paragraph into sentences (units);
2. pair identical sentences at once, then score the plausible pairs of the rest
   (``similarity.score_pairs``: every pair for small inputs, indexed candidates for big ones);
3. choose unit pairs globally with a maximum-weight assignment (scipy's sparse LAPJVsp solver,
   ``min_weight_full_bipartite_matching``), run separately on each connected group of candidate
   pairs above the threshold, so a strong pair is never lost to an earlier, weaker first match;
4. paragraphs linked by a chosen unit pair form a group: one-to-one, one-to-many, many-to-one;
5. a group's score is the share of its text covered by matched sentences, weighted by their
   similarity: 1.0 for identical paragraphs, lower the more either side says that the other
   does not.

Boilerplate is aligned only with boilerplate, body only with body. The result does not depend on
argument order: ``align(b, a)`` is exactly ``align(a, b)`` mirrored.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.core.article import Article
from newsdiff.core.paraphrase import (
    PARAPHRASE_LIMIT,
    conflicting_names,
    cutoff,
    log_odds,
    paraphrase_applies,
)
from newsdiff.core.similarity import DENSE_LIMIT
from newsdiff.core.steps import NO_STEPS, CancelCheck, Progress, Steps
from newsdiff.core.tokens import sentence_units, terms
from newsdiff.core.unit_matching import exact_matches, linkable, match_units, paragraph_keys, units_by_owner

DEFAULT_THRESHOLD = 0.18
"""Unit pairs scoring below this are not evidence of shared content.

On the seeds, hand-labelled paraphrased sentence pairs score from 0.19 up, while the best-scoring
unrelated pair scores 0.07; tests/unit/test_align_quality.py guards this choice.
"""
LOOSER_THRESHOLD = 0.12
"""The looser setting the comparison screen offers in one key when little pairs (``pairs_little``)."""
LITTLE_COVERAGE = 0.6
"""A comparison in which even the better-covered side has less than this share of its body words
with a counterpart "pairs little" (a condensed rewrite, fully covered on its short side, does
not): the screen says so and offers ``LOOSER_THRESHOLD``."""


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
        """Rows in reading order.

        Pairs and A-only paragraphs follow A's order. A B-only paragraph follows the row that holds
        its nearest paired predecessor in B, or, before B's first pair, precedes the row of its
        nearest paired successor, so swapping sides keeps the story's shape.
        """
        keyed: list[tuple[tuple[float, int, int], Row]] = []
        b_row_key: dict[int, float] = {}
        for pair in self.pairs:
            key = float(min(pair.a))
            for j in pair.b:
                b_row_key[j] = key
            keyed.append(((key, 1, min(pair.b)), Row(pair.a, pair.b, pair.score)))
        for i in self.only_a:
            keyed.append(((float(i), 1, -1), Row((i,), (), None)))
        paired_b = sorted(b_row_key)
        for j in self.only_b:
            before = bisect.bisect_left(paired_b, j)
            row_key: tuple[float, int, int]
            if before > 0:
                row_key = (b_row_key[paired_b[before - 1]], 2, j)
            elif paired_b:
                row_key = (b_row_key[paired_b[0]], 0, j)
            else:
                row_key = (float("inf"), 0, j)
            keyed.append((row_key, Row((), (j,), None)))
        return [row for _, row in sorted(keyed, key=lambda item: item[0])]


def _star_groups(links: Sequence[tuple[int, int]]) -> list[tuple[set[int], set[int]]]:
    """Group paragraphs by their links, taken strongest first, keeping every group a star.

    A group is one paragraph facing one or more (a split or a merge), never many facing many: a
    link that would join two groups into a many-to-many tangle is weaker than the links that
    built them, and accepting it would let one repeated sentence chain whole articles together.
    """
    group_a: dict[int, int] = {}
    group_b: dict[int, int] = {}
    groups: list[tuple[set[int], set[int]]] = []
    for pa, pb in links:
        ga, gb = group_a.get(pa), group_b.get(pb)
        if ga is not None and ga == gb:
            continue
        members_a = set(groups[ga][0]) if ga is not None else {pa}
        members_b = set(groups[gb][1]) if gb is not None else {pb}
        if ga is not None:
            members_b |= groups[ga][1]
        if gb is not None:
            members_a |= groups[gb][0]
        if len(members_a) > 1 and len(members_b) > 1:
            continue
        new = len(groups)
        groups.append((members_a, members_b))
        for old in {ga, gb} - {None}:
            groups[old] = (set(), set())  # type: ignore[index]
        for k in members_a:
            group_a[k] = new
        for k in members_b:
            group_b[k] = new
    return [g for g in groups if g[0] and g[1]]


NEAR_COPY = 0.5
"""Links whose matched sentences cover at least this share of both paragraphs are copies or light
rewrites: they are grouped before any paraphrase link, so a copy never loses to a paraphrase."""


def _paragraph_weights(weights: list[int], owner: list[int], n: int) -> list[int]:
    totals = [0] * n
    for u, w in enumerate(weights):
        totals[owner[u]] += w
    return totals


def _with_paraphrases(
    links: list[tuple[int, int]],
    strength: dict[tuple[int, int], float],
    odds: np.ndarray,
    min_odds: float,
) -> list[tuple[int, int]]:
    """Sentence links and paraphrase links in the order the grouping takes them.

    Copies and light rewrites first (strength at least ``NEAR_COPY``), then every paragraph pair
    whose paraphrase log-odds reach ``min_odds``, most likely first. A looser sentence link joins
    only where the paraphrase model agrees: on its own, in text that shares a topic throughout,
    a sentence or two in common is what produced false pairs.
    """
    near = [key for key in links if strength[key] >= NEAR_COPY]
    taken = set(near)
    rows, cols = np.nonzero(odds >= min_odds)
    ranked = sorted(zip(rows.tolist(), cols.tolist(), strict=True), key=lambda k: (-odds[k], k))
    return near + [key for key in ranked if key not in taken]


def _not_templates(
    links: list[tuple[int, int]],
    strength: dict[tuple[int, int], float],
    texts_a: Sequence[str],
    texts_b: Sequence[str],
) -> list[tuple[int, int]]:
    """The links, less those that join one template telling of other people or places
    (``paraphrase.conflicting_names``), short of an exact copy."""
    return [
        (pa, pb)
        for pa, pb in links
        if strength.get((pa, pb), 0.0) >= 1.0 or not conflicting_names(texts_a[pa], texts_b[pb])
    ]


def align_texts(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    threshold: float = DEFAULT_THRESHOLD,
    dense_limit: int = DENSE_LIMIT,
    steps: Steps = NO_STEPS,
    paraphrase: bool = False,
) -> tuple[list[Pair], list[int], list[int]]:
    """Align two lists of paragraphs; indices in the result are positions in those lists.

    With ``paraphrase`` (body text), links of the paraphrase scorer join the sentence matcher's
    where ``paraphrase.paraphrase_applies`` (see ``_with_paraphrases``), and up to
    ``PARAPHRASE_LIMIT`` paragraph pairs no link joins two tellings of one template about other
    people or places (``_not_templates``).
    """
    steps.at(0.0)
    units_a, owner_a = sentence_units(texts_a)
    units_b, owner_b = sentence_units(texts_b)
    link_a, link_b = linkable(units_a, owner_a), linkable(units_b, owner_b)
    # Identical paragraphs pair first, sentence by sentence, and their sentences take no part in
    # the matching: otherwise an exact copy's sentences can be claimed by an earlier paragraph
    # that merges them with others, and the copy is left unpaired.
    unit_terms_a = [terms(u) for u in units_a]
    steps.at(0.03)
    unit_terms_b = [terms(u) for u in units_b]
    copies = exact_matches(
        paragraph_keys(texts_a, unit_terms_a, owner_a), paragraph_keys(texts_b, unit_terms_b, owner_b)
    )
    copy_matches: list[tuple[int, int, float]] = []
    free_a, free_b = list(link_a), list(link_b)
    units_of_a = units_by_owner(owner_a)
    units_of_b = units_by_owner(owner_b)
    for pa, pb in copies:
        for i, j in zip(units_of_a[pa], units_of_b[pb], strict=False):
            copy_matches.append((i, j, 1.0))
        for i in units_of_a[pa]:
            free_a[i] = False
        for j in units_of_b[pb]:
            free_b[j] = False
    steps.at(0.05)
    matches = copy_matches + match_units(
        units_a, units_b, unit_terms_a, unit_terms_b, free_a, free_b, threshold, dense_limit, steps
    )
    steps.at(0.9)

    # Short asides take no part in matching, so they weigh nothing in the coverage score either.
    weight_a = [(len(u.split()) or 1) if ok else 0 for u, ok in zip(units_a, link_a, strict=True)]
    weight_b = [(len(u.split()) or 1) if ok else 0 for u, ok in zip(units_b, link_b, strict=True)]
    evidence: dict[tuple[int, int], float] = {}
    for i, j, score in matches:
        key = (owner_a[i], owner_b[j])
        evidence[key] = evidence.get(key, 0.0) + score * (weight_a[i] + weight_b[j])
    words_a = _paragraph_weights(weight_a, owner_a, len(texts_a))
    words_b = _paragraph_weights(weight_b, owner_b, len(texts_b))
    for pa, pb in copies:  # identical words, however differently split into sentences
        evidence[(pa, pb)] = float(words_a[pa] + words_b[pb])
    # A link's strength: the share of both paragraphs' words its matched sentences cover, weighted
    # by their similarity. Normalised, so an exact copy (1.0) beats a longer, looser partner that
    # gathers more raw evidence, at any input size.
    strength = {(pa, pb): value / max(words_a[pa] + words_b[pb], 1) for (pa, pb), value in evidence.items()}
    links = sorted(strength, key=lambda key: (-strength[key], key))
    likeness = None
    if paraphrase and paraphrase_applies(len(texts_a), len(texts_b), len(units_a) * len(units_b)):
        stage = steps.part(0.9, 0.98)
        odds, likeness = log_odds(texts_a, texts_b, stage.at)
        links = _with_paraphrases(links, strength, odds, cutoff(threshold, DEFAULT_THRESHOLD))
    if paraphrase and len(texts_a) * len(texts_b) <= PARAPHRASE_LIMIT:
        links = _not_templates(links, strength, texts_a, texts_b)
    groups = _star_groups(links)
    group_of_a = {k: g for g, (members_a, _) in enumerate(groups) for k in members_a}
    group_of_b = {k: g for g, (_, members_b) in enumerate(groups) for k in members_b}
    covered = [0.0] * len(groups)
    for (pa, pb), weight in evidence.items():
        if pa in group_of_a and group_of_a[pa] == group_of_b.get(pb):
            covered[group_of_a[pa]] += weight
    total = [0] * len(groups)
    for u, w in enumerate(weight_a):
        if owner_a[u] in group_of_a:
            total[group_of_a[owner_a[u]]] += w
    for u, w in enumerate(weight_b):
        if owner_b[u] in group_of_b:
            total[group_of_b[owner_b[u]]] += w

    pairs: list[Pair] = []
    for g, (members_a, members_b) in enumerate(groups):
        score = min(1.0, covered[g] / total[g]) if total[g] else 0.0
        links_in_group = [(pa, pb) for pa in members_a for pb in members_b]
        if likeness is not None and all(strength.get(k, 0.0) < NEAR_COPY for k in links_in_group):
            # A paraphrase shares meaning more than words: its score is how alike the meaning
            # is, where that says more than the shared wording does. (A copy's score stays its
            # wording's, which shows a changed figure that the meaning hardly moves with.)
            score = max(score, max(float(likeness[k]) for k in links_in_group))
        pairs.append(Pair(tuple(sorted(members_a)), tuple(sorted(members_b)), round(score, 4)))
    only_a = [k for k in range(len(texts_a)) if k not in group_of_a]
    only_b = [k for k in range(len(texts_b)) if k not in group_of_b]
    pairs.sort(key=lambda p: (p.a, p.b))
    return pairs, only_a, only_b


def _align_subset(a: Article, b: Article, body: bool, threshold: float, steps: Steps) -> Alignment:
    ids_a = [p.index for p in a.paragraphs if p.is_body == body]
    ids_b = [p.index for p in b.paragraphs if p.is_body == body]
    pairs, only_a, only_b = align_texts(
        [a.paragraphs[i].text for i in ids_a],
        [b.paragraphs[j].text for j in ids_b],
        threshold,
        steps=steps,
        paraphrase=body,
    )
    return Alignment(
        tuple(Pair(tuple(ids_a[i] for i in p.a), tuple(ids_b[j] for j in p.b), p.score) for p in pairs),
        tuple(ids_a[i] for i in only_a),
        tuple(ids_b[j] for j in only_b),
    )


def align(
    a: Article,
    b: Article,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> Alignment:
    """Align two articles: body with body, boilerplate with boilerplate.

    ``cancel`` is asked between stages and every few matching components (the scoring of
    candidate pairs is one step, a few seconds for 20,000 paragraphs); when it answers True the
    alignment stops with ``Cancelled``. ``progress`` hears the share done at the same points.
    """
    key_a = tuple(p.text for p in a.paragraphs)
    key_b = tuple(p.text for p in b.paragraphs)
    if key_b < key_a:  # one canonical orientation makes align(b, a) the exact mirror
        return align(b, a, threshold, cancel=cancel, progress=progress).swapped()
    steps = Steps(cancel, progress)
    total = sum(len(p.text) for p in a.paragraphs) or 1
    body_share = sum(len(p.text) for p in a.paragraphs if p.is_body) / total
    body = _align_subset(a, b, True, threshold, steps.part(0.0, body_share))
    chrome = _align_subset(a, b, False, threshold, steps.part(body_share, 1.0))
    steps.at(1.0)
    return Alignment(
        tuple(sorted(body.pairs + chrome.pairs, key=lambda p: (p.a, p.b))),
        tuple(sorted(body.only_a + chrome.only_a)),
        tuple(sorted(body.only_b + chrome.only_b)),
    )
