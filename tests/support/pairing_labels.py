"""Hand labels of which seed paragraphs report the same thing, and how to score an alignment on them.

The labels (``tests/labels/AAA_vs_BBB.json``) were made by reading both articles of each of the
ten seed pairs in full and considering every paragraph pair, without running newsdiff: a *sure*
link is the same specific report (the same quote in any translation, the same event with the same
specifics), a *possible* one a defensible, looser link (one shared detail in passing). Scoring
follows Och and Ney: recall is measured over the sure links, precision over sure-or-possible, so
an aligner is not punished for a generous but defensible link, nor rewarded for finding it.

Only links an aligner can make count: body paragraph with body paragraph, boilerplate with
boilerplate (newsdiff never pairs one with the other).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

LABELS = Path(__file__).resolve().parents[1] / "labels"

Link = tuple[int, int]


@dataclass(frozen=True)
class PairLabels:
    """The labels of one seed pair: ``a`` and ``b`` are the seeds' number prefixes ("000")."""

    a: str
    b: str
    sure: frozenset[Link]
    possible: frozenset[Link]


@dataclass(frozen=True)
class Quality:
    found: int
    correct: int
    sure: int
    sure_found: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.sure_found / self.sure if self.sure else 1.0


def load_labels() -> list[PairLabels]:
    """Every labelled seed pair, in name order."""
    result = []
    for path in sorted(LABELS.glob("*_vs_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        result.append(
            PairLabels(
                data["a"],
                data["b"],
                frozenset((e["a"], e["b"]) for e in data["sure"]),
                frozenset((e["a"], e["b"]) for e in data["possible"]),
            )
        )
    return result


def links_of(pairs: list[dict[str, object]]) -> set[Link]:
    """Paragraph links of ``align --format json``'s pairs: every A paragraph of a row with every B one."""
    return {(i, j) for pair in pairs for i in pair["a"] for j in pair["b"]}  # type: ignore[attr-defined]


def quality(found: set[Link], labels: PairLabels) -> Quality:
    return Quality(
        found=len(found),
        correct=len(found & (labels.sure | labels.possible)),
        sure=len(labels.sure),
        sure_found=len(found & labels.sure),
    )
