"""Which quotations, across outlets, render the same utterance.

Two quotations are linked when most content words of the shorter one are in the longer one
(containment, so a partial quotation "sacred fight" links to the full sentence that holds it),
with at least ``MIN_SHARED`` such words (a one-word quotation links to nothing). Words are
``tokens.terms`` (lower case, folded quotes, plural and possessive endings dropped) minus function
words. Speaker agreement is a strong signal: the same known speaker adds ``SAME_SPEAKER_BONUS``,
two different known speakers subtract ``OTHER_SPEAKER_PENALTY`` (an agency and its spokesman may
both be credited with one sentence, so it is not a veto). A link needs ``THRESHOLD``.

Translations that share no words ("sacred fight" / "sacred struggle") are joined through longer
renderings that share enough (“risen to a sacred fight to protect its sovereignty and security” /
“rising to the sacred struggle to defend its state sovereignty and protect its security”).

Links are merged strongest first. A merge that would put two quotations of one article together
is refused unless the article repeats itself (the two are linked directly), or they stand in the
same or adjacent paragraphs (one utterance quoted in pieces): a cluster is one utterance, not
everything a person said.

Scale: pairs come from a sparse quote × word matrix multiplied by its transpose (scipy), in
blocks of rows, so only pairs sharing a word are ever scored, all in numpy; each quotation keeps
its ``TOP_K`` best links. Imported lazily by callers: numpy and scipy load only when clustering runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newsdiff.core.errors import Cancelled
from newsdiff.core.lexicon import STOPWORDS
from newsdiff.core.quotes_extract import Quote
from newsdiff.core.quotes_names import key as speaker_key
from newsdiff.core.tokens import terms

if TYPE_CHECKING:
    import numpy as np

THRESHOLD = 0.6
SAME_SPEAKER_BONUS = 0.15
OTHER_SPEAKER_PENALTY = 0.2
MIN_SHARED = 2
TOP_K = 12
COMMON_SHARE, COMMON_MIN = 0.05, 50
_BLOCK_ROWS = 2048


class QuotesCancelledError(Cancelled):
    """The caller's cancel check said stop; nothing half-done is returned."""


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def quote_terms(text: str) -> frozenset[str]:
    """The content words a quotation is compared by."""
    return frozenset(t for t in terms(text) if t not in STOPWORDS)


_COUNT_UNIT = 1e4
"""Each shared word adds this plus its rarity (< 20) to a pair's product entry, so one sparse
product gives both the number of shared words (the quotient) and their weight (the remainder)."""


def _matrix(term_sets: list[frozenset[str]]) -> tuple[Any, Any, np.ndarray]:
    """The quote × word matrix with ones, the same with entries ``_COUNT_UNIT`` + the word's
    rarity, and each quote's total rarity. Words in more than ``COMMON_SHARE`` of a large story's
    quotes are left out: they say nothing about which utterance a quote is, and they alone would
    make most pairs candidates."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for words in term_sets:
        # Sorted: set order follows the per-process string hash, and float sums follow column order.
        indices.extend(vocabulary.setdefault(w, len(vocabulary)) for w in sorted(words))
        indptr.append(len(indices))
    columns = np.asarray(indices, dtype=np.int32)
    frequency = np.bincount(columns, minlength=len(vocabulary)).astype(np.float64)
    rarity = np.log((len(term_sets) + 1) / (frequency + 1)) + 1.0
    common = frequency > max(COMMON_MIN, COMMON_SHARE * len(term_sets))
    data = np.where(common[columns], 0.0, _COUNT_UNIT + rarity[columns])
    matrix = csr_matrix(
        (data, columns, np.asarray(indptr, dtype=np.int64)),
        shape=(len(term_sets), max(1, len(vocabulary))),
    )
    matrix.eliminate_zeros()
    weights = np.asarray(matrix.sum(axis=1)).ravel() % _COUNT_UNIT
    binary = matrix.copy()
    binary.data[:] = 1.0
    return binary, matrix, weights


def _speaker_ids(quotes: Sequence[Quote]) -> np.ndarray:
    import numpy as np

    ids: dict[str, int] = {}
    return np.asarray(
        [ids.setdefault(speaker_key(q.speaker), len(ids)) if q.speaker else -1 for q in quotes],
        dtype=np.int32,
    )


def scored_links(
    quotes: Sequence[Quote],
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> tuple[list[tuple[int, int, float]], set[tuple[int, int]]]:
    """Links at or above the threshold, each quotation's ``TOP_K`` best, strongest first; and every
    linked pair of quotations from one article (to tell a repeat from a second utterance)."""
    import numpy as np

    n = len(quotes)
    if n < 2:
        return [], set()
    binary, matrix, weights = _matrix([quote_terms(q.text) for q in quotes])
    transposed = matrix.T.tocsr()
    speakers = _speaker_ids(quotes)
    articles = np.asarray([q.article for q in quotes], dtype=np.int32)
    rows_out, cols_out, scores_out = [], [], []
    repeats: set[tuple[int, int]] = set()
    blocks = range(0, n, _BLOCK_ROWS)
    for done, start in enumerate(blocks):
        if cancelled is not None and cancelled():
            raise QuotesCancelledError
        product = binary[start : start + _BLOCK_ROWS] @ transposed
        # Few operations touch every entry of the product (most pairs share one common word):
        # select pairs sharing MIN_SHARED words first, then find their rows from the row pointers.
        kept = np.flatnonzero(product.data >= MIN_SHARED * _COUNT_UNIT)
        cols = product.indices[kept]
        rows = np.searchsorted(product.indptr, kept, side="right") - 1 + start
        score = (product.data[kept] % _COUNT_UNIT) / np.minimum(weights[rows], weights[cols])
        keep = (score >= THRESHOLD - SAME_SPEAKER_BONUS) & (cols != rows)
        rows, cols, score = rows[keep], cols[keep], score[keep]
        sa, sb = speakers[rows], speakers[cols]
        known = (sa >= 0) & (sb >= 0)
        score += np.where(known, np.where(sa == sb, SAME_SPEAKER_BONUS, -OTHER_SPEAKER_PENALTY), 0.0)
        keep = score >= THRESHOLD
        rows, cols, score = rows[keep], cols[keep], score[keep]
        same = articles[rows] == articles[cols]
        repeats.update(zip(rows[same].tolist(), cols[same].tolist(), strict=True))
        if len(rows):
            # Best first within each row (rows stay in order), then each row's first TOP_K.
            order = np.argsort((rows - start) * 4.0 - score, kind="stable")
            rows, cols, score = rows[order], cols[order], score[order]
            first = np.searchsorted(rows, rows, side="left")
            top = (np.arange(len(rows)) - first) < TOP_K
            rows_out.append(rows[top])
            cols_out.append(cols[top])
            scores_out.append(score[top])
        if progress is not None:
            progress(done + 1, len(blocks))
    if not rows_out:
        return [], repeats
    rows_all = np.concatenate(rows_out)
    cols_all = np.concatenate(cols_out)
    scores_all = np.concatenate(scores_out)
    order = np.lexsort((rows_all, -scores_all))
    links = list(
        zip(
            rows_all[order].tolist(),
            cols_all[order].tolist(),
            scores_all[order].round(4).tolist(),
            strict=True,
        )
    )
    return links, repeats


def group_quotes(
    quotes: Sequence[Quote],
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> list[list[int]]:
    """Quotations grouped by utterance (indices into ``quotes``), each group in reading order;
    every quotation is in exactly one group, alone when nothing else renders it."""
    links, repeats = scored_links(quotes, progress, cancelled)
    parent = list(range(len(quotes)))
    members: dict[int, dict[int, list[int]]] = {i: {q.article: [i]} for i, q in enumerate(quotes)}
    size = [1] * len(quotes)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def related(i: int, j: int) -> bool:
        return abs(quotes[i].paragraph - quotes[j].paragraph) <= 1 or (i, j) in repeats or (j, i) in repeats

    def compatible(a: dict[int, list[int]], b: dict[int, list[int]]) -> bool:
        for article in a.keys() & b.keys():
            if not any(related(i, j) for i in a[article] for j in b[article]):
                return False
        return True

    for step, (i, j, _) in enumerate(links):
        if cancelled is not None and step % 4096 == 0 and cancelled():
            raise QuotesCancelledError
        ri, rj = find(i), find(j)
        if ri == rj or not compatible(members[ri], members[rj]):
            continue
        if size[ri] < size[rj]:
            ri, rj = rj, ri
        parent[rj] = ri
        size[ri] += size[rj]
        for article, indices in members.pop(rj).items():
            members[ri].setdefault(article, []).extend(indices)
    groups: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
