"""How alike two lists of short texts are, as a matrix.

Two signals, combined by taking the larger:
- TF-IDF cosine over stemmed word 1- and 2-grams (a sparse product): robust to paraphrase and
  reordering, and the best top-match finder on the seeds (see MEASURED.md);
- rapidfuzz's ``process.cdist`` with ``fuzz.ratio`` on normalised text, rescaled so that its
  noise floor (about 0.5 for unrelated sentences) maps to 0: it rewards near-verbatim copies, the
  common case between wire versions, that TF-IDF undervalues when only a word or two changed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from newsdiff.core.tokens import terms

RATIO_FLOOR = 0.6
"""Character similarity at or below this counts as no evidence (unrelated sentences reach ~0.5)."""
MIN_WORDS_FOR_RATIO = 4
"""Shorter units score by TF-IDF only: "He said." and "She said." are not the same report."""
IDF_FLOOR = 0.1
"""Keeps terms shared by every unit from vanishing, so identical tiny documents still score 1."""


def _features(tokens: list[str]) -> list[str]:
    return tokens + [f"{x} {y}" for x, y in itertools.pairwise(tokens)]


def tfidf_cosine(texts_a: Sequence[str], texts_b: Sequence[str]) -> sparse.csr_matrix:
    """Sparse cosine similarity of TF-IDF vectors, IDF taken over both sides together."""
    docs = [_features(terms(t)) for t in [*texts_a, *texts_b]]
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, doc in enumerate(docs):
        counts: dict[int, int] = {}
        for feature in doc:
            col = vocab.setdefault(feature, len(vocab))
            counts[col] = counts.get(col, 0) + 1
        for col, count in counts.items():
            rows.append(r)
            cols.append(col)
            vals.append(1.0 + math.log(count))
    n_docs = len(docs)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n_docs, max(len(vocab), 1)))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + IDF_FLOOR
    matrix = matrix.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    na = len(texts_a)
    return (matrix[:na] @ matrix[na:].T).tocsr()


def normalised(text: str) -> str:
    """The form compared character by character: folded quotes, lower case, single spaces."""
    return " ".join(terms(text))


def ratio_similarity(texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """Rescaled ``fuzz.ratio`` matrix (vectorised, multi-threaded for large inputs)."""
    norm_a = [normalised(t) for t in texts_a]
    norm_b = [normalised(t) for t in texts_b]
    workers = -1 if len(norm_a) * len(norm_b) > 250_000 else 1
    raw = process.cdist(norm_a, norm_b, scorer=fuzz.ratio, dtype=np.float32, workers=workers)
    scaled = np.clip((raw / 100.0 - RATIO_FLOOR) / (1.0 - RATIO_FLOOR), 0.0, 1.0)
    short_a = np.array([len(t.split()) < MIN_WORDS_FOR_RATIO for t in norm_a], dtype=bool)
    short_b = np.array([len(t.split()) < MIN_WORDS_FOR_RATIO for t in norm_b], dtype=bool)
    if short_a.any():
        scaled[short_a, :] = 0.0
    if short_b.any():
        scaled[:, short_b] = 0.0
    for i, text in enumerate(norm_a):  # identical short units still match exactly
        if short_a[i]:
            scaled[i, [j for j, other in enumerate(norm_b) if other == text]] = 1.0
    return scaled


def similarity_matrix(texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """Dense matrix of similarity in [0, 1] between every text of A and every text of B."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)))
    cosine: np.ndarray = tfidf_cosine(texts_a, texts_b).toarray()
    combined: np.ndarray = np.clip(np.maximum(cosine, ratio_similarity(texts_a, texts_b)), 0.0, 1.0)
    return combined
