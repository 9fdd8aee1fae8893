"""How likely two paragraphs of different outlets are to report the same thing in their own words.

Sentence matching (``align``) finds copies and light rewrites; two reporters telling the same event
share far fewer words ("greeted by a smiling Mr. Putin, who shook his hand" / "welcomed Kim ... with
a handshake that lasted around 40 seconds"). This scorer looks at whole paragraphs with three
signals and how each stands against the paragraph's other candidates:

- meaning: cosine of the paragraphs' static embeddings (``embeddings``: WordLlama);
- wording: TF-IDF cosine of the paragraphs, or of their closest pair of sentences;
- shared content words: the rarity-weighted overlap of their lemmas (``simplemma``), with
  hyphenated forms split so "Jong-un" meets "Jong Un" and "missiles" meets "missile";
- for meaning and shared words, the margin to the best other candidate in the paragraph's row and
  column: within one story every paragraph is "about" Kim and Putin, so what counts is being the
  clearly best counterpart.

The features are combined by a logistic model into log-odds that the link is a sure hand-labelled
one (``tests/labels``; fitted by ``tests/benchmarks/fit_paraphrase.py``, which prints the
leave-one-pair-out precision and recall). It scores every pair, so it is used up to
``PARAPHRASE_LIMIT`` paragraph pairs; beyond that (long reports, benchmark-sized inputs) the
sentence matcher's indexed candidates do the work alone.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Sequence

import numpy as np

from newsdiff.core.embeddings import embed
from newsdiff.core.lexicon import ABBREVIATIONS, CALENDAR_WORDS, DEMONYMS, STOPWORDS, TITLES
from newsdiff.core.tokens import sentence_spans, sentence_units, terms

PARAPHRASE_LIMIT = 160_000
"""Paragraph pairs scored densely, at most (400 x 400: about 2 s and 250 MB)."""
SENTENCE_PAIR_LIMIT = 1_000_000
"""Sentence pairs of the closest-sentence wording, at most (a dense matrix of 8 MB)."""
MIN_CANDIDATES = 3
"""Paragraphs each side needs: the margin features compare a pair with the paragraph's other
candidates, and with none (a one-paragraph text) every pair would look like the clearly best."""


def paraphrase_applies(paragraphs_a: int, paragraphs_b: int, sentence_pairs: int) -> bool:
    """Whether the paraphrase scorer runs for inputs of this size (see the limits above)."""
    return (
        min(paragraphs_a, paragraphs_b) >= MIN_CANDIDATES
        and paragraphs_a * paragraphs_b <= PARAPHRASE_LIMIT
        and sentence_pairs <= SENTENCE_PAIR_LIMIT
    )


FEATURES = (
    "meaning",
    "wording",
    "shared",
    "meaning_margin_best",
    "shared_margin_best",
    "meaning_margin_worst",
    "shared_margin_worst",
    "meaning_x_shared",
)
# Fitted by tests/benchmarks/fit_paraphrase.py (logistic regression on standardised features);
# the standardisation is folded in: log-odds = features @ WEIGHTS + BIAS.
WEIGHTS = np.array([1.4653, 7.0012, 8.9695, 2.2550, 3.5995, 2.2079, 1.5525, 7.9748])
BIAS = -5.9191
DEFAULT_CUTOFF = -0.5
"""Log-odds above which a paraphrase link is made, at the default threshold (see ``cutoff``)."""

_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_WORD = re.compile(r"\w+(?:['\-.]\w+)*", re.UNICODE)


@functools.lru_cache(maxsize=1 << 16)
def _lemma(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en"))


_ABBREVIATION = re.compile(
    "|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a in sorted(ABBREVIATIONS, key=len, reverse=True))
)


def lemmas(text: str) -> frozenset[str]:
    """Content lemmas of ``text``: lower case, hyphens and apostrophes split, function words dropped.

    Abbreviations are spelled out ("U.S." -> united states), so the same report in other words
    shares these lemmas. Nationality adjectives are left as they are: mapping them to their
    country ("Russian" -> Russia) was measured on the hand labels and cost recall (0.48 -> 0.46),
    as it makes the story's most common lemma more common still; ``names`` maps them.
    """
    lowered = _ABBREVIATION.sub(lambda m: f" {ABBREVIATIONS[m.group()]} ", text.lower())
    words = _WORD.findall(lowered.replace("’", " ").replace("'", " ").replace("-", " "))
    return frozenset(_lemma(w) for w in words if len(w) > 1 and w not in STOPWORDS)


TEMPLATE_OVERLAP = 0.35
"""Two paragraphs sharing this share (Jaccard) of their lemmas besides names are one template."""


def names(text: str) -> frozenset[str]:
    """Lower-cased capitalised words inside sentences (names, places), countries for nationalities."""
    found: set[str] = set()
    folded = text.replace("’", "'")
    for start, end in sentence_spans(folded) or [(0, len(folded))]:
        words = _NAME_WORD.findall(folded[start:end])
        for word in words[1:]:
            if not word[0].isupper():
                continue
            lower = word.lower().removesuffix("'s").rstrip("'")
            if lower in STOPWORDS or lower in TITLES or lower in CALENDAR_WORDS:
                continue
            found.add(DEMONYMS.get(lower, lower))
    return frozenset(found)


def conflicting_names(text_a: str, text_b: str) -> bool:
    """The same template telling of other people or places ("... in Russia plane crash near Moscow"
    / "... in Italy coach crash near Venice"): both name two or more people or places, they share
    none, yet most of their other words are the same. Such paragraphs are two reports, not one."""
    names_a, names_b = names(text_a), names(text_b)
    # One name changed is a discrepancy to show side by side (``facts`` flags it); every one of
    # two or more changed is another report.
    if len(names_a) < 2 or len(names_b) < 2 or names_a & names_b:
        return False
    rest_a, rest_b = lemmas(text_a) - names_a, lemmas(text_b) - names_b
    union = rest_a | rest_b
    return bool(union) and len(rest_a & rest_b) / len(union) >= TEMPLATE_OVERLAP


def _shared(sets_a: list[frozenset[str]], sets_b: list[frozenset[str]]) -> np.ndarray:
    """Rarity-weighted lemma overlap, normalised by both sides' weight (a cosine of weighted sets)."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    for s in (*sets_a, *sets_b):
        for w in s:
            vocab.setdefault(w, len(vocab))
    n_docs = len(sets_a) + len(sets_b)

    def incidence(sets: list[frozenset[str]]) -> sparse.csr_matrix:
        cols = [vocab[w] for s in sets for w in s]
        rows = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
        return sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(sets), max(len(vocab), 1)))

    ma, mb = incidence(sets_a), incidence(sets_b)
    df = np.asarray(ma.sum(axis=0)).ravel() + np.asarray(mb.sum(axis=0)).ravel()
    idf = np.log((n_docs + 1.0) / (df + 0.5))
    shared = (ma @ sparse.diags(idf) @ mb.T).toarray()
    wa, wb = ma @ idf, mb @ idf
    denominator = np.sqrt(np.maximum(np.outer(wa, wb), 1e-12))
    result: np.ndarray = shared / denominator
    return result


def _best_sentence_wording(texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """TF-IDF cosine of each paragraph pair's closest pair of sentences."""
    from newsdiff.core.similarity import tfidf_vectors

    units_a, owned_a = sentence_units(texts_a)
    units_b, owned_b = sentence_units(texts_b)
    owner_a, owner_b = np.asarray(owned_a), np.asarray(owned_b)
    va, vb = tfidf_vectors([terms(u) for u in units_a], [terms(u) for u in units_b])
    cosine = (va @ vb.T).toarray()
    # Units of one paragraph are consecutive: reduce row blocks, then column blocks, with max.
    starts_a = np.flatnonzero(np.r_[True, owner_a[1:] != owner_a[:-1]])
    starts_b = np.flatnonzero(np.r_[True, owner_b[1:] != owner_b[:-1]])
    by_row = np.maximum.reduceat(cosine, starts_a, axis=0)
    result: np.ndarray = np.maximum.reduceat(by_row, starts_b, axis=1)
    return result


Checkpoint = Callable[[float], None]
"""Told the share done between stages; may raise ``Cancelled`` (``steps.Steps.at``)."""


def _no_checkpoint(done: float) -> None:
    return None


def features(
    texts_a: Sequence[str], texts_b: Sequence[str], checkpoint: Checkpoint = _no_checkpoint
) -> np.ndarray:
    """The ``FEATURES`` of every paragraph pair, shape (len(a), len(b), len(FEATURES))."""
    from newsdiff.core.similarity import tfidf_vectors

    emb_a, emb_b = embed(texts_a), embed(texts_b)
    meaning = (emb_a @ emb_b.T).astype(np.float64)
    checkpoint(0.4)
    va, vb = tfidf_vectors([terms(t) for t in texts_a], [terms(t) for t in texts_b])
    wording = np.sqrt(np.maximum((va @ vb.T).toarray(), _best_sentence_wording(texts_a, texts_b)))
    checkpoint(0.7)
    shared = _shared([lemmas(t) for t in texts_a], [lemmas(t) for t in texts_b])
    checkpoint(0.9)

    def margins(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        to_row = x - x.max(axis=1, keepdims=True)
        to_col = x - x.max(axis=0, keepdims=True)
        return np.maximum(to_row, to_col), np.minimum(to_row, to_col)

    m_best, m_worst = margins(meaning)
    s_best, s_worst = margins(shared)
    return np.stack([meaning, wording, shared, m_best, s_best, m_worst, s_worst, meaning * shared], axis=-1)


MEANING_FLOOR = 0.45
"""Embedding cosine of unrelated paragraphs of one story reaches about this (median 0.34, 90th
percentile 0.52 on the seeds' unlabelled pairs): ``likeness`` counts only what is above it."""


def log_odds(
    texts_a: Sequence[str], texts_b: Sequence[str], checkpoint: Checkpoint = _no_checkpoint
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds that each paragraph pair is a sure link, and how alike in meaning the two are.

    Both of shape (len(a), len(b)); the likeness is the embedding cosine rescaled so that the
    noise floor of unrelated paragraphs (``MEANING_FLOOR``) is 0 and identical meaning 1.
    """
    if not texts_a or not texts_b:
        empty = np.zeros((len(texts_a), len(texts_b)))
        return empty, empty
    x = features(texts_a, texts_b, checkpoint)
    likeness = np.clip((x[..., 0] - MEANING_FLOOR) / (1.0 - MEANING_FLOOR), 0.0, 1.0)
    odds: np.ndarray = x @ WEIGHTS + BIAS
    return odds, likeness


WARMED = threading.Event()
"""Set once ``warm_up`` has loaded everything (benchmarks wait for it before timing a comparison)."""


def warm_up() -> None:
    """Load the embedding model and the lemmatizer's English dictionary (about 0.7 s together), so
    that the first comparison does not wait for them."""
    embed(["warm up"])
    _lemma("missiles")
    WARMED.set()


def cutoff(threshold: float, default_threshold: float) -> float:
    """The log-odds cut-off that goes with the sentence ``threshold``: one knob moves both.

    Each 0.01 below the default threshold admits links 0.1 lower in log-odds (at ``--threshold
    0.12``, -1.1: more pairs, a few more loose ones).
    """
    return DEFAULT_CUTOFF + 10.0 * (threshold - default_threshold)
