"""One index over the sentences of every article of a story: the links coverage and lineage share.

Running the pairwise aligner on every pair of articles costs n² alignments (two million for a
folder of 2,000 articles). Instead, every body sentence of every article goes into one TF-IDF
matrix, and candidate links come from an inverted index over its rarer features (word 1- and
2-grams found in at most ``RARE_DF`` sentences: names, figures, an outlet's phrasing; common words
would make every sentence a candidate of every other), plus exact duplicates found by hashing.
Each sentence keeps its ``CANDIDATES_PER_UNIT`` best partners from other articles; only those are
scored exactly, with the aligner's own scorers (TF-IDF cosine and rescaled ``fuzz.ratio``, the
larger wins), so cost grows with the text and the overlap, not with the square of the article count.

Like the pairwise aligner's one-to-one assignment, a sentence then keeps at most one partner in
each other article: a link survives only if it is the best of both its sentences towards the other's
article ("mutual best"), a cheap, vectorised stand-in for the assignment solver.

Work runs in stages that report progress and check for cancellation, so the app can run it in a
thread worker and stop it on escape.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.core.article import Article
from newsdiff.core.errors import Cancelled
from newsdiff.core.similarity import MIN_WORDS_FOR_RATIO, rescale_ratio, tfidf_vectors
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.tokens import sentence_units, terms
from newsdiff.core.unit_matching import linkable

RARE_DF = 48
"""A feature in at most this many sentences of the story enters the candidate index."""
CANDIDATES_PER_UNIT = 12
"""Partners per sentence kept from the index before exact scoring."""
ALL_FEATURES_BELOW = 3_000
"""Stories with fewer linkable sentences than this index every feature (the seeds have ~400)."""
EXACT_GROUP_LIMIT = 300
"""A sentence repeated verbatim in more articles than this is linked to its first occurrence
only, not to every copy (which would be quadratic in the copies)."""
MIN_SHARED = 0.05
"""Pairs whose shared indexed features weigh less than this (in the TF-IDF cosine) are not
candidates: on the benchmark story two thirds of the index's pairs fall below it, and of the
candidates that did, 3 in 220,000 reached the threshold."""
_FIRST_CODE = 0x100
_CODES = 0x110000 - _FIRST_CODE
"""Words are coded as characters from ``_FIRST_CODE`` on; past a million distinct words (no real
story has them) codes repeat, which can only overstate the words two sentences share."""
_ROW_BLOCK = 8_000
_SCORE_BATCH = 200_000


@dataclass(frozen=True, slots=True)
class StoryIndex:
    """Sentences (units) of all body paragraphs, and their links across articles.

    Per paragraph ``p`` (a story-wide id): ``para_article[p]`` and ``para_index[p]`` (its index in
    the article's paragraphs, boilerplate included). Per unit: its paragraph, its article, its word
    count, its words and whether it may link. Links ``(link_u[k], link_v[k])`` (every scored pair
    at or above the threshold) always join two articles, with ``link_u[k] < link_v[k]``, similarity
    ``link_score[k]``; ``link_mutual[k]`` marks the one-to-one "mutual best" links.
    """

    articles: tuple[Article, ...]
    para_article: np.ndarray
    para_index: np.ndarray
    unit_para: np.ndarray
    unit_words: np.ndarray
    unit_linkable: np.ndarray
    link_u: np.ndarray
    link_v: np.ndarray
    link_score: np.ndarray
    link_mutual: np.ndarray
    unit_terms: list[list[str]]

    @property
    def unit_article(self) -> np.ndarray:
        result: np.ndarray = self.para_article[self.unit_para]
        return result

    def word_strings(self) -> list[str]:
        """Each unit's words as a string of one character per distinct word.

        rapidfuzz compares strings several times faster than lists of words, and the longest
        common subsequence of two such strings is exactly that of the word sequences.
        """
        # Codes in order of first appearance; all units' characters are made in one string
        # (numpy, one UTF-32 decode), then cut into units.
        flat = list(itertools.chain.from_iterable(self.unit_terms))
        vocab = {w: k for k, w in enumerate(dict.fromkeys(flat))}
        ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        codes = (ids % _CODES + _FIRST_CODE).astype("<u4")
        text = codes.tobytes().decode("utf-32-le", "surrogatepass")
        ends = np.cumsum(self.unit_words)
        starts = ends - self.unit_words
        return [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]

    def link_common(self, strings: list[str] | None = None) -> np.ndarray:
        """Words each link's two sentences share, in order (their longest common word
        subsequence); computed on demand, since only lineage needs it."""
        return common_words(strings or self.word_strings(), self.link_u, self.link_v)

    def article_words(self) -> np.ndarray:
        """Body words of each article, counted as the index counts them (normalised terms)."""
        counts: np.ndarray = np.bincount(
            self.unit_article, weights=self.unit_words, minlength=len(self.articles)
        )
        return counts


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by sorting: numpy 2's hashing ``unique`` is up to 20 times slower on
    millions of int64 codes."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    result: np.ndarray = ordered[keep]
    return result


def _check(cancelled: CancelCheck | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("story index cancelled")


def _say(progress: Progress | None, share: float, what: str) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, share)), what)


def _exact_links(keys: list[str], article: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of identical sentences in different articles (capped per group, see EXACT_GROUP_LIMIT)."""
    groups: dict[str, list[int]] = {}
    for u, key in enumerate(keys):
        if key:
            groups.setdefault(key, []).append(u)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        ids = np.asarray(members)
        if len(ids) > EXACT_GROUP_LIMIT:
            r, c = np.full(len(ids) - 1, ids[0]), ids[1:]
        else:
            r, c = np.triu_indices(len(ids), 1)
            r, c = ids[r], ids[c]
        keep = article[r] != article[c]
        rows.append(r[keep])
        cols.append(c[keep])
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)


def _candidates(
    matrix: object,
    article: np.ndarray,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's best partners in other articles by shared rare features, as (u, v) with u < v."""
    from scipy import sparse

    assert isinstance(matrix, sparse.csr_matrix)
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    keep = (df >= 2) if n < ALL_FEATURES_BELOW else (df >= 2) & (df <= RARE_DF)
    index = sparse.csr_matrix(matrix @ sparse.diags(keep.astype(np.float64)))
    index.eliminate_zeros()
    index_t = sparse.csr_matrix(index.T)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, n, _ROW_BLOCK):
        _check(cancelled)
        stop = min(n, start + _ROW_BLOCK)
        block = sparse.csr_matrix(index[start:stop] @ index_t)
        row_of = np.repeat(np.arange(start, stop), np.diff(block.indptr))
        other = (article[block.indices] != article[row_of]) & (block.data >= MIN_SHARED)
        data, col, row = block.data[other], block.indices[other], row_of[other]
        # One float key sorts by row, then by falling score (scores are in [0, 1]): one argsort
        # instead of a lexsort over two keys, the slowest step here.
        order = np.argsort(row * 2.0 + (1.0 - np.clip(data, 0.0, 1.0)), kind="stable")
        row, col = row[order], col[order]
        first = np.searchsorted(row, row, side="left")
        rank = np.arange(len(row)) - first
        top = rank < CANDIDATES_PER_UNIT
        rows.append(row[top])
        cols.append(col[top])
        _say(progress, 0.2 + 0.4 * stop / n, "finding candidate links")
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    low, high = np.minimum(r, c), np.maximum(r, c)
    if not len(low):
        return low.astype(np.int64), high.astype(np.int64)
    pairs = sorted_unique(low.astype(np.int64) * n + high)
    return pairs // n, pairs % n


def _mutual_best(u: np.ndarray, v: np.ndarray, score: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Which links are the best of both their units towards the other unit's article."""
    n_articles = int(article.max()) + 1 if len(article) else 1
    ends = np.concatenate([u, v])
    toward = np.concatenate([article[v], article[u]])
    scores = np.concatenate([score, score])
    link = np.concatenate([np.arange(len(u)), np.arange(len(u))])
    key = ends.astype(np.int64) * n_articles + toward
    if not len(key):
        return np.zeros(0, dtype=bool)
    # Best within each (unit, other article); ties go to the earlier link, deterministically.
    # One sort by key, then each group's best score and, among the links reaching it, the first.
    order = np.argsort(key)
    key, scores, link = key[order], scores[order], link[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    top = np.repeat(np.maximum.reduceat(scores, starts), np.diff(np.r_[starts, len(key)]))
    winner = np.minimum.reduceat(np.where(scores == top, link, len(u)), starts)
    wins = np.bincount(winner, minlength=len(u))
    best: np.ndarray = wins == 2
    return best


def build_index(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> StoryIndex:
    """Split every article's body into sentences and link the sentences that say the same thing."""
    para_article: list[int] = []
    para_index: list[int] = []
    unit_texts: list[str] = []
    unit_para: list[int] = []
    for k, article in enumerate(articles):
        if k % 50 == 0:
            _check(cancelled)
            _say(progress, 0.1 * k / max(1, len(articles)), "splitting sentences")
        body = article.body
        texts, owner = sentence_units([p.text for p in body])
        base = len(para_index)
        unit_texts.extend(texts)
        unit_para.extend(base + o for o in owner)
        para_article.extend([k] * len(body))
        para_index.extend(p.index for p in body)
    unit_ok = np.asarray(linkable(unit_texts, unit_para), dtype=bool)
    _check(cancelled)
    _say(progress, 0.1, "reading words")
    # Sentences repeated verbatim (across a story's copies) are read once; their lists are shared.
    seen: dict[str, list[str]] = {}
    unit_terms = [seen[text] if text in seen else seen.setdefault(text, terms(text)) for text in unit_texts]
    del seen
    words = np.fromiter((len(t) for t in unit_terms), dtype=np.int64, count=len(unit_terms))
    paras = np.asarray(para_article, dtype=np.int64)
    units_para = np.asarray(unit_para, dtype=np.int64)
    unit_article = paras[units_para] if len(units_para) else np.zeros(0, dtype=np.int64)
    ids = np.flatnonzero(unit_ok)
    link_terms = [unit_terms[i] for i in ids]
    link_article = unit_article[ids]
    empty_i, empty_f = np.zeros(0, dtype=np.int64), np.zeros(0)
    u, v, score = empty_i, empty_i, empty_f
    mutual = np.zeros(0, dtype=bool)
    if len(ids) >= 2:
        _check(cancelled)
        _say(progress, 0.15, "weighing words")
        vectors, _ = tfidf_vectors(link_terms, [])
        keys = [" ".join(t) for t in link_terms]
        exact_u, exact_v = _exact_links(keys, link_article)
        cand_u, cand_v = _candidates(vectors, link_article, progress, cancelled)
        u, v, score = _score(vectors, keys, [len(t) for t in link_terms], cand_u, cand_v, progress, cancelled)
        if len(exact_u):
            both = np.concatenate([u * len(ids) + v, exact_u * len(ids) + exact_v])
            u = np.concatenate([u, exact_u])
            v = np.concatenate([v, exact_v])
            score = np.concatenate([score, np.ones(len(exact_u))])
            _, first = np.unique(both[::-1], return_index=True)  # exact (last) wins a duplicate
            keep = len(both) - 1 - first
            u, v, score = u[keep], v[keep], score[keep]
        above = score >= threshold
        u, v, score = u[above], v[above], score[above]
        mutual = _mutual_best(u, v, score, link_article)
        u, v = ids[u], ids[v]
    _say(progress, 0.95, "linking paragraphs")
    return StoryIndex(
        articles=tuple(articles),
        para_article=paras,
        para_index=np.asarray(para_index, dtype=np.int64),
        unit_para=units_para,
        unit_words=words,
        unit_linkable=unit_ok,
        link_u=u,
        link_v=v,
        link_score=score,
        link_mutual=mutual,
        unit_terms=unit_terms,
    )


def _score(
    vectors: object,
    keys: list[str],
    lengths: list[int],
    u: np.ndarray,
    v: np.ndarray,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact similarity of candidate pairs, as the pairwise aligner scores them."""
    from scipy import sparse

    assert isinstance(vectors, sparse.csr_matrix)
    short = np.array([n < MIN_WORDS_FOR_RATIO for n in lengths], dtype=bool)
    scores = np.empty(len(u))
    for start in range(0, len(u), _SCORE_BATCH):
        _check(cancelled)
        sl = slice(start, start + _SCORE_BATCH)
        bu, bv = u[sl], v[sl]
        cosine = np.asarray(vectors[bu].multiply(vectors[bv]).sum(axis=1)).ravel()
        left, right = _pick(keys, bu), _pick(keys, bv)
        ratio = rescale_ratio(np.asarray(process.cpdist(left, right, scorer=fuzz.ratio, workers=-1)))
        ratio[short[bu] | short[bv]] = 0.0
        scores[sl] = np.clip(np.maximum(cosine, ratio), 0.0, 1.0)
        _say(progress, 0.6 + 0.3 * min(1.0, (start + _SCORE_BATCH) / max(1, len(u))), "scoring links")
    return u, v, scores


def _pick(items: Sequence[str], at: np.ndarray) -> list[str]:
    """``[items[i] for i in at]``, the loop in C."""
    return list(map(items.__getitem__, at.tolist()))


def common_words(strings: Sequence[str], u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Length of the longest common subsequence of ``strings[u[k]]`` and ``strings[v[k]]``."""
    if not len(u):
        return np.zeros(0)
    left = _pick(strings, u)
    right = _pick(strings, v)
    distance = np.asarray(process.cpdist(left, right, scorer=Indel.distance, workers=-1), dtype=np.float64)
    lengths = np.fromiter(map(len, left), dtype=np.float64, count=len(left))
    lengths += np.fromiter(map(len, right), dtype=np.float64, count=len(right))
    common: np.ndarray = (lengths - distance) / 2.0
    return common


_last: list[tuple[tuple[int, ...], float, StoryIndex]] = []
_last_lock = threading.Lock()


def cached_index(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> StoryIndex:
    """``build_index``, remembering the last result: opening lineage after coverage on the same
    story (the same article objects, same threshold) reuses the index instead of rebuilding it.

    Only the last index is kept, so memory holds at most one story's index.
    """
    key = tuple(id(a) for a in articles)
    with _last_lock:
        if _last and _last[0][0] == key and _last[0][1] == threshold:
            index = _last[0][2]
            if all(a is b for a, b in zip(index.articles, articles, strict=True)):
                return index
    index = build_index(articles, threshold, progress, cancelled)
    with _last_lock:
        _last[:] = [(key, threshold, index)]
    return index
