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
from newsdiff.core.errors import Cancelled
from newsdiff.core.paraphrase import (
    PARAPHRASE_LIMIT,
    conflicting_names,
    cutoff,
    log_odds,
    paraphrase_applies,
)
from newsdiff.core.progress import CancelCheck, Progress
from newsdiff.core.similarity import DENSE_LIMIT, MIN_WORDS_FOR_RATIO, Scored, score_pairs
from newsdiff.core.tokens import sentence_units, terms

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
_TIE_BREAK = 1e-6
_DUMMY_WEIGHT = 1e-9
"""Weight of "leave unmatched": far below any real candidate (those score at least the threshold)."""


class _Steps:
    """Cancellation and progress at the checkpoints of one alignment, scaled into a sub-range, so
    the body and the boilerplate alignments report one progress from 0 to 1."""

    def __init__(
        self, cancel: CancelCheck | None, progress: Progress | None, low: float = 0.0, high: float = 1.0
    ) -> None:
        self.cancel = cancel
        self.progress = progress
        self.low = low
        self.high = high

    def at(self, done: float) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("alignment cancelled")
        if self.progress is not None:
            self.progress(self.low + (self.high - self.low) * min(max(done, 0.0), 1.0))

    def part(self, low: float, high: float) -> _Steps:
        span = self.high - self.low
        return _Steps(self.cancel, self.progress, self.low + span * low, self.low + span * high)


_NO_STEPS = _Steps(None, None)


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


def _linkable(units: list[str], owner: list[int]) -> list[bool]:
    """Whether a unit may tie its paragraph to another.

    Short asides ("There is time.") may not, unless their paragraph has nothing longer: then they
    are all it has to be recognised by.
    """
    long_units = [len(unit.split()) >= MIN_WORDS_FOR_RATIO for unit in units]
    has_long: set[int] = {owner[u] for u, is_long in enumerate(long_units) if is_long}
    return [is_long or owner[u] not in has_long for u, is_long in enumerate(long_units)]


def _paragraph_keys(texts: Sequence[str], unit_terms: list[list[str]], owner: list[int]) -> list[str]:
    """Paragraphs as the matcher compares them: normalised words, or the text where it has none."""
    words: list[list[str]] = [[] for _ in texts]
    for u, k in enumerate(owner):
        words[k].extend(unit_terms[u])
    return [" ".join(w) or " ".join(text.split()) for w, text in zip(words, texts, strict=True)]


def _units_by_owner(owner: list[int]) -> dict[int, list[int]]:
    by: dict[int, list[int]] = {}
    for u, k in enumerate(owner):
        by.setdefault(k, []).append(u)
    return by


def _exact_matches(norm_a: list[str], norm_b: list[str]) -> list[tuple[int, int]]:
    """Identical normalised units, paired in reading order: cheap, certain anchors.

    This also keeps self-alignment and heavily duplicated input linear instead of quadratic.
    """
    where_b: dict[str, list[int]] = {}
    for j, text in enumerate(norm_b):
        if text:
            where_b.setdefault(text, []).append(j)
    used: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for i, text in enumerate(norm_a):
        slots = where_b.get(text)
        if slots and used.get(text, 0) < len(slots):
            pairs.append((i, slots[used.get(text, 0)]))
            used[text] = used.get(text, 0) + 1
    return pairs


def _assign(scored: Scored, threshold: float, steps: _Steps = _NO_STEPS) -> list[tuple[int, int, float]]:
    """Maximum-weight one-to-one matching over candidate pairs, per connected component.

    Uses scipy's sparse LAPJVsp (``min_weight_full_bipartite_matching``) rather than the dense
    Hungarian solver: it works on the candidate edges only, and ``scipy.sparse.csgraph`` imports
    in a fraction of the time ``scipy.optimize`` takes, which matters for a command-line tool.
    Every row also gets a private dummy column of negligible weight, so a full matching always
    exists and "leave this unit unmatched" is a choice the solver can make.
    """
    from scipy.sparse import coo_matrix, csr_matrix, hstack
    from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

    keep = (scored.scores >= threshold) & (scored.scores > 0)
    rows, cols, scores = scored.rows[keep], scored.cols[keep], scored.scores[keep]
    if not len(rows):
        return []
    n, m = scored.shape
    # Prefer order-preserving matches among equal scores, so duplicates pair in order.
    weights = scores + _TIE_BREAK * (1.0 - np.abs((rows + 0.5) / n - (cols + 0.5) / m))
    graph = coo_matrix((np.ones(len(rows)), (rows, cols + n)), shape=(n + m, n + m))
    _, labels = connected_components(graph, directed=False)
    chosen: list[tuple[int, int, float]] = []
    edge_label = labels[rows].astype(np.int64)
    # Most components are a star: one unit with one or more candidates. Its best edge is the
    # optimum, so stars are settled at once, vectorised; only real tangles go to the solver.
    n_labels = int(labels.max()) + 1
    unique_rows = np.bincount(np.unique(edge_label * n + rows) // n, minlength=n_labels)
    unique_cols = np.bincount(np.unique(edge_label * m + cols) // m, minlength=n_labels)
    star = ((unique_rows == 1) | (unique_cols == 1))[edge_label]
    star_edges = np.flatnonzero(star)
    by_label = star_edges[np.lexsort((-weights[star_edges], edge_label[star_edges]))]
    first = np.ones(len(by_label), dtype=bool)
    first[1:] = edge_label[by_label][1:] != edge_label[by_label][:-1]
    best = by_label[first]
    chosen.extend(zip(rows[best].tolist(), cols[best].tolist(), scores[best].tolist(), strict=True))
    tangled = np.flatnonzero(~star)
    order = tangled[np.argsort(edge_label[tangled], kind="stable")]
    bounds = np.flatnonzero(np.diff(edge_label[order])) + 1
    components = np.split(order, bounds) if len(order) else []
    for done, edges in enumerate(components):
        if done % 64 == 0:
            steps.at(done / len(components))
        r_ids, r_pos = np.unique(rows[edges], return_inverse=True)
        c_ids, c_pos = np.unique(cols[edges], return_inverse=True)
        nr, nc = len(r_ids), len(c_ids)
        block = csr_matrix((weights[edges], (r_pos, c_pos)), shape=(nr, nc))
        dummy = csr_matrix((np.full(nr, _DUMMY_WEIGHT), (np.arange(nr), np.arange(nr))), shape=(nr, nr))
        matched_r, matched_c = min_weight_full_bipartite_matching(
            csr_matrix(hstack([block, dummy])), maximize=True
        )
        lookup = {(int(r), int(c)): float(s) for r, c, s in zip(r_pos, c_pos, scores[edges], strict=True)}
        chosen.extend(
            (int(r_ids[r]), int(c_ids[c]), lookup[(int(r), int(c))])
            for r, c in zip(matched_r, matched_c, strict=True)
            if c < nc
        )
    return chosen


def _match_units(
    units_a: list[str],
    units_b: list[str],
    unit_terms_a: list[list[str]],
    unit_terms_b: list[list[str]],
    link_a: list[bool],
    link_b: list[bool],
    threshold: float,
    dense_limit: int,
    steps: _Steps = _NO_STEPS,
) -> list[tuple[int, int, float]]:
    """Unit pairs (i, j, similarity): exact anchors first, then a global assignment of the rest."""
    ids_a = [i for i, ok in enumerate(link_a) if ok]
    ids_b = [j for j, ok in enumerate(link_b) if ok]
    terms_a = [unit_terms_a[i] for i in ids_a]
    terms_b = [unit_terms_b[j] for j in ids_b]
    # Text with no words ("🙂", "...") still matches itself exactly.
    keys_a = [" ".join(t) or " ".join(units_a[i].split()) for t, i in zip(terms_a, ids_a, strict=True)]
    keys_b = [" ".join(t) or " ".join(units_b[j].split()) for t, j in zip(terms_b, ids_b, strict=True)]
    exact = _exact_matches(keys_a, keys_b)
    done_a = {i for i, _ in exact}
    done_b = {j for _, j in exact}
    rest_a = [k for k in range(len(ids_a)) if k not in done_a]
    rest_b = [k for k in range(len(ids_b)) if k not in done_b]
    steps.at(0.15)
    scored = score_pairs([terms_a[k] for k in rest_a], [terms_b[k] for k in rest_b], dense_limit)
    steps.at(0.65)
    matches = [(ids_a[i], ids_b[j], 1.0) for i, j in exact]
    assigned = _assign(scored, threshold, steps.part(0.65, 0.9))
    matches += [(ids_a[rest_a[i]], ids_b[rest_b[j]], s) for i, j, s in assigned]
    return matches


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
    steps: _Steps = _NO_STEPS,
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
    link_a, link_b = _linkable(units_a, owner_a), _linkable(units_b, owner_b)
    # Identical paragraphs pair first, sentence by sentence, and their sentences take no part in
    # the matching: otherwise an exact copy's sentences can be claimed by an earlier paragraph
    # that merges them with others, and the copy is left unpaired.
    unit_terms_a = [terms(u) for u in units_a]
    steps.at(0.03)
    unit_terms_b = [terms(u) for u in units_b]
    copies = _exact_matches(
        _paragraph_keys(texts_a, unit_terms_a, owner_a), _paragraph_keys(texts_b, unit_terms_b, owner_b)
    )
    copy_matches: list[tuple[int, int, float]] = []
    free_a, free_b = list(link_a), list(link_b)
    units_of_a = _units_by_owner(owner_a)
    units_of_b = _units_by_owner(owner_b)
    for pa, pb in copies:
        for i, j in zip(units_of_a[pa], units_of_b[pb], strict=False):
            copy_matches.append((i, j, 1.0))
        for i in units_of_a[pa]:
            free_a[i] = False
        for j in units_of_b[pb]:
            free_b[j] = False
    steps.at(0.05)
    matches = copy_matches + _match_units(
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


def _align_subset(a: Article, b: Article, body: bool, threshold: float, steps: _Steps) -> Alignment:
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
    steps = _Steps(cancel, progress)
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
