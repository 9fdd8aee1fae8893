"""How alike the sentences of two articles are, as sparse scored candidate pairs.

Two signals, combined by taking the larger:
- TF-IDF cosine over stemmed word 1- and 2-grams (sparse products): robust to paraphrase and
  reordering, and the best top-match finder on the seeds (see MEASURED.md);
- rapidfuzz's vectorised ``fuzz.ratio`` (``process.cdist``, or ``process.cpdist`` on candidate
  pairs) on normalised text, rescaled so that its noise floor (about 0.5 for unrelated sentences)
  maps to 0: it rewards near-verbatim copies, the common case between wire versions, that TF-IDF
  undervalues when only a word or two changed.

Small inputs are scored densely (every pair). Above ``DENSE_LIMIT`` pairs, candidates come from an
inverted index over rare features (each unit keeps its ``CANDIDATES_PER_UNIT`` best partners by
shared rare words and bigrams, in both directions) and only those are scored exactly, so cost and
memory grow with the text, not with its square.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

if TYPE_CHECKING:  # scipy costs ~0.25 s to import: loaded only when a comparison is computed
    from scipy import sparse

RATIO_FLOOR = 0.6
"""Character similarity at or below this counts as no evidence (unrelated sentences reach ~0.5)."""
MIN_WORDS_FOR_RATIO = 4
"""Shorter units score by TF-IDF only: "He said." and "She said." are not the same report."""
MAX_RATIO_CHARS = 20_000
"""Longer units score by TF-IDF only: no sentence is this long, and the ratio's cost grows with the
product of the two lengths (two 5 MB units would take hours)."""
IDF_FLOOR = 0.1
"""Keeps terms shared by every unit from vanishing, so identical tiny documents still score 1."""
DENSE_LIMIT = 1_000_000
"""Up to this many unit pairs, score them all; beyond, score only indexed candidates."""
CANDIDATES_PER_UNIT = 8
RARE_DF = 8
"""A feature in at most this many units of each side is "rare" and enters the candidate index.

Two versions of one paragraph share many rare word pairs (names, figures, phrasing); common ones
would only make every unit a candidate of every other. On the benchmark's planted pairs, 8 keeps
recall at 0.998 while 20 costs 20-50% more time for no recall gained."""
_BATCH = 200_000


@dataclass(frozen=True, slots=True)
class Scored:
    """Candidate pairs ``(rows[k], cols[k])`` with similarity ``scores[k]`` in [0, 1]."""

    rows: np.ndarray
    cols: np.ndarray
    scores: np.ndarray
    shape: tuple[int, int]


def _features(tokens: list[str]) -> list[str]:
    return tokens + [f"{x} {y}" for x, y in pairwise(tokens)]


Terms = Sequence[str]
"""A unit's normalised words (``tokens.terms``), computed once by the caller."""


def tfidf_vectors(
    terms_a: Sequence[Terms], terms_b: Sequence[Terms]
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """L2-normalised TF-IDF rows of word 1- and 2-grams, IDF taken over both sides together.

    Words get integer ids in one dictionary pass; bigrams, counts and document frequencies are
    then computed on integer arrays, so the Python-level work is one lookup per word.
    """
    from scipy import sparse

    texts = [*terms_a, *terms_b]
    n_docs = len(texts)
    # Word ids in order of first appearance, with C-level loops only (dict.fromkeys, map).
    flat = list(chain.from_iterable(texts))
    vocab: dict[str, int] = {w: k for k, w in enumerate(dict.fromkeys(flat))}
    ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    v = max(len(vocab), 1)
    # A bigram joins two neighbours of the same document: code it as first * V + second.
    same_doc = doc[1:] == doc[:-1] if len(doc) > 1 else np.zeros(0, dtype=bool)
    bigram = (ids[:-1] * v + ids[1:])[same_doc]
    owners = np.concatenate([doc, doc[:-1][same_doc]])
    # Columns: the V words (every id occurs), then the distinct bigrams in code order. With a
    # small vocabulary the bigrams' ranks come from a table of all V² codes (linear), otherwise
    # from a (sorting) ``unique``.
    if v * v <= max(1 << 22, 2 * len(bigram)):
        present = np.zeros(v * v, dtype=bool)
        present[bigram] = True
        rank = np.cumsum(present, dtype=np.int64) - 1
        n_bigrams = int(rank[-1]) + 1
        bigram_columns = rank[bigram]
    else:
        bigram_codes, bigram_columns = np.unique(bigram, return_inverse=True)
        n_bigrams = len(bigram_codes)
    n_columns = len(vocab) + n_bigrams
    columns = np.concatenate([ids, bigram_columns.ravel() + len(vocab)])
    # Building the matrix sums repeated (document, feature) cells: those are the term counts.
    matrix = sparse.csr_matrix((np.ones(len(columns)), (owners, columns)), shape=(n_docs, max(n_columns, 1)))
    matrix.sum_duplicates()
    matrix.data = 1.0 + np.log(matrix.data)
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + IDF_FLOOR
    matrix.data *= idf[matrix.indices]
    squares = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
    na = len(terms_a)
    return matrix[:na], matrix[na:]


def rescale_ratio(raw: np.ndarray) -> np.ndarray:
    scaled: np.ndarray = np.clip((raw / 100.0 - RATIO_FLOOR) / (1.0 - RATIO_FLOOR), 0.0, 1.0)
    return scaled


def _no_ratio(norm: Sequence[str]) -> np.ndarray:
    """Units that score by TF-IDF only: too few words, or too long for a character ratio."""
    return np.array(
        [len(t) > MAX_RATIO_CHARS or len(t.split()) < MIN_WORDS_FOR_RATIO for t in norm], dtype=bool
    )


def _ratio_texts(norm: Sequence[str], skip: np.ndarray) -> list[str]:
    """The texts given to rapidfuzz: empty for a unit whose ratio is not used, so a 5 MB "word"
    costs nothing there (a ratio is quadratic in the lengths: it took ten minutes)."""
    return ["" if out else text for text, out in zip(norm, skip.tolist(), strict=True)]


def _dense(terms_a: Sequence[Terms], terms_b: Sequence[Terms]) -> Scored:
    vec_a, vec_b = tfidf_vectors(terms_a, terms_b)
    cosine = (vec_a @ vec_b.T).toarray()
    norm_a = [" ".join(t) for t in terms_a]
    norm_b = [" ".join(t) for t in terms_b]
    skip_a, skip_b = _no_ratio(norm_a), _no_ratio(norm_b)
    raw = process.cdist(
        _ratio_texts(norm_a, skip_a),
        _ratio_texts(norm_b, skip_b),
        scorer=fuzz.ratio,
        dtype=np.float32,
        workers=1,
    )
    ratio = rescale_ratio(raw)
    ratio[skip_a, :] = 0.0
    ratio[:, skip_b] = 0.0
    combined = np.clip(np.maximum(cosine, ratio), 0.0, 1.0)
    rows, cols = np.nonzero(combined > 0)
    return Scored(rows, cols, combined[rows, cols], combined.shape)


def _top_k_per_row(matrix: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` largest entries of every row, as (row, column) arrays; vectorised."""
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, row_of))
    rank = np.arange(len(order)) - matrix.indptr[row_of[order]]
    keep = order[rank < k]
    return row_of[keep], matrix.indices[keep]


def _indexed(terms_a: Sequence[Terms], terms_b: Sequence[Terms]) -> Scored:
    from scipy import sparse

    vec_a, vec_b = tfidf_vectors(terms_a, terms_b)
    # Rare features (in few units on the other side) make the inverted index; common words
    # would make every unit a candidate of every other.
    df_b = np.bincount(vec_b.indices, minlength=vec_b.shape[1])
    df_a = np.bincount(vec_a.indices, minlength=vec_a.shape[1])
    rare = sparse.diags(((df_a <= RARE_DF) & (df_b <= RARE_DF)).astype(np.float64))
    partial = sparse.csr_matrix((vec_a @ rare) @ vec_b.T)
    r1, c1 = _top_k_per_row(partial, CANDIDATES_PER_UNIT)
    c2, r2 = _top_k_per_row(sparse.csr_matrix(partial.T), CANDIDATES_PER_UNIT)
    pairs = np.unique(np.stack([np.concatenate([r1, r2]), np.concatenate([c1, c2])]), axis=1)
    rows, cols = pairs[0], pairs[1]
    cosine = np.empty(len(rows))
    for start in range(0, len(rows), _BATCH):
        sl = slice(start, start + _BATCH)
        cosine[sl] = np.asarray(vec_a[rows[sl]].multiply(vec_b[cols[sl]]).sum(axis=1)).ravel()
    norm_a = [" ".join(t) for t in terms_a]
    norm_b = [" ".join(t) for t in terms_b]
    skip_a, skip_b = _no_ratio(norm_a), _no_ratio(norm_b)
    text_a, text_b = _ratio_texts(norm_a, skip_a), _ratio_texts(norm_b, skip_b)
    raw = process.cpdist(
        [text_a[i] for i in rows], [text_b[j] for j in cols], scorer=fuzz.ratio, dtype=np.float32, workers=-1
    )
    ratio = rescale_ratio(np.asarray(raw))
    ratio[skip_a[rows] | skip_b[cols]] = 0.0
    return Scored(rows, cols, np.clip(np.maximum(cosine, ratio), 0.0, 1.0), (len(terms_a), len(terms_b)))


def score_pairs(terms_a: Sequence[Terms], terms_b: Sequence[Terms], dense_limit: int = DENSE_LIMIT) -> Scored:
    """Similarity of the plausible pairs between two lists of short texts."""
    shape = (len(terms_a), len(terms_b))
    if not terms_a or not terms_b:
        empty = np.zeros(0, dtype=np.int64)
        return Scored(empty, empty, np.zeros(0), shape)
    if shape[0] * shape[1] <= dense_limit:
        return _dense(terms_a, terms_b)
    return _indexed(terms_a, terms_b)
