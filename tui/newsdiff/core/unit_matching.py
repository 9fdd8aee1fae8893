"""Which sentences of one text match which of another: the sentence matcher under ``align``.

Exact copies are anchored first (cheap, certain, and linear on duplicated input); the rest are
scored (``similarity.score_pairs``) and chosen by a global maximum-weight assignment, so a strong
pair is never lost to an earlier, weaker first match.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsdiff.core.similarity import MIN_WORDS_FOR_RATIO, Scored, score_pairs
from newsdiff.core.steps import NO_STEPS, Steps

_TIE_BREAK = 1e-6
_DUMMY_WEIGHT = 1e-9
"""Weight of "leave unmatched": far below any real candidate (those score at least the threshold)."""


def linkable(units: list[str], owner: list[int]) -> list[bool]:
    """Whether a unit may tie its paragraph to another.

    Short asides ("There is time.") may not, unless their paragraph has nothing longer: then they
    are all it has to be recognised by.
    """
    long_units = [len(unit.split()) >= MIN_WORDS_FOR_RATIO for unit in units]
    has_long: set[int] = {owner[u] for u, is_long in enumerate(long_units) if is_long}
    return [is_long or owner[u] not in has_long for u, is_long in enumerate(long_units)]


def paragraph_keys(texts: Sequence[str], unit_terms: list[list[str]], owner: list[int]) -> list[str]:
    """Paragraphs as the matcher compares them: normalised words, or the text where it has none."""
    words: list[list[str]] = [[] for _ in texts]
    for u, k in enumerate(owner):
        words[k].extend(unit_terms[u])
    return [" ".join(w) or " ".join(text.split()) for w, text in zip(words, texts, strict=True)]


def units_by_owner(owner: list[int]) -> dict[int, list[int]]:
    by: dict[int, list[int]] = {}
    for u, k in enumerate(owner):
        by.setdefault(k, []).append(u)
    return by


def exact_matches(norm_a: list[str], norm_b: list[str]) -> list[tuple[int, int]]:
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


def assign(scored: Scored, threshold: float, steps: Steps = NO_STEPS) -> list[tuple[int, int, float]]:
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


def match_units(
    units_a: list[str],
    units_b: list[str],
    unit_terms_a: list[list[str]],
    unit_terms_b: list[list[str]],
    link_a: list[bool],
    link_b: list[bool],
    threshold: float,
    dense_limit: int,
    steps: Steps = NO_STEPS,
) -> list[tuple[int, int, float]]:
    """Unit pairs (i, j, similarity): exact anchors first, then a global assignment of the rest."""
    ids_a = [i for i, ok in enumerate(link_a) if ok]
    ids_b = [j for j, ok in enumerate(link_b) if ok]
    terms_a = [unit_terms_a[i] for i in ids_a]
    terms_b = [unit_terms_b[j] for j in ids_b]
    # Text with no words ("🙂", "...") still matches itself exactly.
    keys_a = [" ".join(t) or " ".join(units_a[i].split()) for t, i in zip(terms_a, ids_a, strict=True)]
    keys_b = [" ".join(t) or " ".join(units_b[j].split()) for t, j in zip(terms_b, ids_b, strict=True)]
    exact = exact_matches(keys_a, keys_b)
    done_a = {i for i, _ in exact}
    done_b = {j for _, j in exact}
    rest_a = [k for k in range(len(ids_a)) if k not in done_a]
    rest_b = [k for k in range(len(ids_b)) if k not in done_b]
    steps.at(0.15)
    scored = score_pairs([terms_a[k] for k in rest_a], [terms_b[k] for k in rest_b], dense_limit)
    steps.at(0.65)
    matches = [(ids_a[i], ids_b[j], 1.0) for i, j in exact]
    assigned = assign(scored, threshold, steps.part(0.65, 0.9))
    matches += [(ids_a[rest_a[i]], ids_b[rest_b[j]], s) for i, j, s in assigned]
    return matches
