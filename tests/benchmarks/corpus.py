"""Reproducible benchmark documents with planted correspondences, grown from the seeds.

Sentences are seed sentences with about 40% of their words replaced by other words of the seeds,
so every paragraph is distinct and, like real reporting, carries word pairs found nowhere else.
(Plain copies of the seeds would repeat the same 200 sentences thousands of times; text from a
word-bigram model would re-use the seeds' 4,000 word pairs across a million words, which no real
document does.) Document B is made from document A the way outlets rewrite wire copy: paragraphs shuffled,
most lightly reworded, some split in two, some pairs merged, some dropped, some new ones added.
The planted links (A paragraph, B paragraph) are known, so recall can be measured.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.loader import load_paths
from newsdiff.core.tokens import sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class Planted:
    a: list[str]
    b: list[str]
    links: set[tuple[int, int]]


def _seed_sentences() -> list[list[str]]:
    return [
        sentence.split()
        for article in load_paths([SEEDS]).articles
        for paragraph in article.body
        for sentence in sentences(paragraph.text)
        if len(sentence.split()) >= 6
    ]


class Writer:
    """Writes distinct, news-like sentences by mutating the seeds' sentences."""

    MUTATION = 0.4

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.templates = _seed_sentences()
        self.vocab = sorted({w.strip('.,“”"') for t in self.templates for w in t} - {""})

    def sentence(self) -> str:
        words = list(self.rng.choice(self.templates))
        for k in range(1, len(words) - 1):
            if self.rng.random() < self.MUTATION:
                words[k] = self.rng.choice(self.vocab)
        return " ".join(words)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def reword(self, text: str, share: float = 0.15) -> str:
        """Replace or drop about ``share`` of the words, as an editor would."""
        words = text.split()
        out: list[str] = []
        for word in words:
            roll = self.rng.random()
            if roll < share / 2:
                out.append(self.rng.choice(self.vocab))
            elif roll < share * 0.7:
                continue
            else:
                out.append(word)
        return " ".join(out) or text


def planted(n: int, seed: int = 7) -> Planted:
    """Document A with ``n`` paragraphs and its rewrite B, with the true links."""
    rng = random.Random(seed)
    writer = Writer(rng)
    a = [writer.paragraph() for _ in range(n)]
    pieces: list[tuple[list[int], str]] = []  # (A sources, B text)
    i = 0
    while i < n:
        roll = rng.random()
        if roll < 0.08:  # dropped: only in A
            i += 1
        elif roll < 0.16 and i + 1 < n:  # merged: two A paragraphs become one
            pieces.append(([i, i + 1], writer.reword(a[i] + " " + a[i + 1])))
            i += 2
        elif roll < 0.24:  # split: one A paragraph becomes two
            parts = sentences(a[i])
            half = max(1, len(parts) // 2)
            pieces.append(([i], writer.reword(" ".join(parts[:half]))))
            if parts[half:]:
                pieces.append(([i], writer.reword(" ".join(parts[half:]))))
            i += 1
        else:
            pieces.append(([i], writer.reword(a[i])))
            i += 1
    for _ in range(max(1, n // 12)):  # new: only in B
        pieces.append(([], writer.paragraph()))
    rng.shuffle(pieces)
    b = [text for _, text in pieces]
    links = {(src, j) for j, (sources, _) in enumerate(pieces) for src in sources}
    return Planted(a, b, links)


def write(doc: list[str], path: Path) -> Path:
    path.write_text("\n\n".join(doc) + "\n", encoding="utf-8")
    return path
