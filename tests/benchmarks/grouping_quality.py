"""How well stories form across outlets: the refresh's grouping replayed on real, labelled articles.

The set is ``tests/grouping`` (51 articles of 19 outlets, 29 stories; its README says where the
texts come from and how they were labelled). ``support.grouping_set.replay`` feeds the articles to
a fresh store in publication order, as refreshes would see them, running ``core.stories.group_new``
after each one as ``Refresher`` runs it; the stories the store then lists are scored:

- pairwise: precision and recall of "these two articles are in one story";
- B-cubed: per article, the share of its story-mates that are right (precision) and the share of
  its labelled story-mates that are found (recall), averaged over the articles.

Both against the labelled stories (one development of one event, reported within three days) and
against the source dataset's coarser event names. In the same run: the grouping as it was before
names and the IDF floor were added (``MIN_NAMES`` and ``MIN_DOCUMENTS`` switched off), each of the
two alone, and a baseline: whole-article TF-IDF cosine (``similarity.tfidf_vectors``, the
grouping's candidate filter) with single linkage at fixed cut-offs, under the same rules (other
feeds only, a 48-hour window). ``MIN_NAMES`` was chosen on the set's 2016 articles; the 2017-2018
ones are scored apart as held out.

    python tests/benchmarks/grouping_quality.py            # print the tables and the mistakes
    python tests/benchmarks/grouping_quality.py --write    # also (re)write its benchmarks.md section
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(Path(__file__).parent))

from story_bench import machine, write_section  # noqa: E402

from newsdiff.core import stories  # noqa: E402
from support.grouping_set import Labelled, load_set, replay  # noqa: E402

SECTION = "## Grouping quality"
CUTOFFS = (0.1, 0.2, 0.3)
"""The baseline's cosine cut-offs, fixed in advance (not chosen on this set)."""
HELD_OUT_FROM = "2017"
"""Articles published from this year on were not looked at when ``MIN_NAMES`` was chosen."""

Clusters = list[frozenset[str]]


@contextmanager
def settings(*, names: bool, floor: bool) -> Iterator[None]:
    """``group_new`` with the name links and the IDF floor on or off (module constants, restored)."""
    saved = stories.MIN_NAMES, stories.MIN_DOCUMENTS
    stories.MIN_NAMES = saved[0] if names else math.inf
    stories.MIN_DOCUMENTS = saved[1] if floor else 0
    try:
        yield
    finally:
        stories.MIN_NAMES, stories.MIN_DOCUMENTS = saved


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")


def tfidf_baseline(items: list[Labelled], cutoff: float) -> Clusters:
    """Single linkage over whole-article TF-IDF cosines at ``cutoff``: other feeds, 48-hour window."""
    from newsdiff.core.similarity import tfidf_vectors
    from newsdiff.core.tokens import terms

    matrix, _ = tfidf_vectors([terms(" ".join(p.text for p in i.article.body)) for i in items], [])
    cosine = (matrix @ matrix.T).toarray()
    window = dt.timedelta(hours=stories.WINDOW_HOURS)
    parent = list(range(len(items)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in combinations(range(len(items)), 2):
        a, b = items[i], items[j]
        near = abs(_parse(a.published) - _parse(b.published)) <= window
        if a.outlet != b.outlet and near and cosine[i, j] >= cutoff:
            parent[root(i)] = root(j)
    groups: dict[int, set[str]] = {}
    for k, item in enumerate(items):
        groups.setdefault(root(k), set()).add(item.id)
    return [frozenset(g) for g in groups.values()]


@dataclass(frozen=True, slots=True)
class Scores:
    pair_precision: float
    pair_recall: float
    bcubed_precision: float
    bcubed_recall: float
    true_pairs: int
    found_pairs: int

    @property
    def pair_f1(self) -> float:
        return _f1(self.pair_precision, self.pair_recall)

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(clusters: Iterable[frozenset[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for c in clusters for pair in combinations(sorted(c), 2)}


def score(found: Clusters, gold: Mapping[str, str]) -> Scores:
    """Pairwise and B-cubed precision/recall of ``found`` against ``gold`` (article -> label), over
    the articles of ``gold`` only (found stories are cut down to them).

    With no pair found (or none to find) the pairwise precision (recall) is 1: nothing claimed is
    wrong (nothing was missed)."""
    found = [c & gold.keys() for c in found if c & gold.keys()]
    truth: dict[str, set[str]] = {}
    for key, label in gold.items():
        truth.setdefault(label, set()).add(key)
    true_pairs, found_pairs = _pairs(frozenset(t) for t in truth.values()), _pairs(found)
    right = len(true_pairs & found_pairs)
    cluster_of = {key: c for c in found for key in c}
    precision = recall = 0.0
    for key, label in gold.items():
        mine, theirs = cluster_of[key], truth[label]
        precision += len(mine & theirs) / len(mine)
        recall += len(mine & theirs) / len(theirs)
    n = len(gold)
    return Scores(
        right / len(found_pairs) if found_pairs else 1.0,
        right / len(true_pairs) if true_pairs else 1.0,
        precision / n,
        recall / n,
        len(true_pairs),
        len(found_pairs),
    )


def mistakes(found: Clusters, items: list[Labelled]) -> list[str]:
    """Each found story mixing labelled stories, and each labelled story split, in words."""
    story = {i.id: i.story for i in items}
    outlet = {i.id: i.outlet for i in items}
    lines = []
    for c in found:
        if len({story[k] for k in c}) > 1:
            parts = ", ".join(f"{k} ({outlet[k]}, {story[k]})" for k in sorted(c))
            lines.append(f"merged: {parts}")
    labelled: dict[str, set[str]] = {}
    for i in items:
        labelled.setdefault(i.story, set()).add(i.id)
    for name, members in sorted(labelled.items()):
        pieces = [sorted(c & members) for c in found if c & members]
        if len(pieces) > 1:
            lines.append(f"split: {name} into {pieces}")
    return lines


def _row(name: str, labels: str, s: Scores) -> str:
    return (
        f"| {name} | {labels} | {s.found_pairs} / {s.true_pairs} | {s.pair_precision:.2f} | "
        f"{s.pair_recall:.2f} | {s.pair_f1:.2f} | {s.bcubed_precision:.2f} | {s.bcubed_recall:.2f} | "
        f"{s.bcubed_f1:.2f} |"
    )


HEADER = [
    "| grouping | scored on | pairs found / true | pairwise P | pairwise R | pairwise F1 "
    "| B³ P | B³ R | B³ F1 |",
    "|---|---|---|---|---|---|---|---|---|",
]


def whole_set_table(items: list[Labelled], runs: list[tuple[str, Clusters]]) -> list[str]:
    stories_of = {i.id: i.story for i in items}
    events = {i.id: i.event for i in items}
    out = list(HEADER)
    for name, found in runs:
        out.append(_row(name, "stories", score(found, stories_of)))
        out.append(_row(name, "dataset events", score(found, events)))
    return out


def halves_table(items: list[Labelled], runs: list[tuple[str, Clusters]]) -> list[str]:
    tuned = {i.id: i.story for i in items if i.published < HELD_OUT_FROM}
    held = {i.id: i.story for i in items if i.published >= HELD_OUT_FROM}
    out = list(HEADER)
    for name, found in runs:
        out.append(_row(name, f"2016 ({len(tuned)} articles, tuned on)", score(found, tuned)))
        out.append(_row(name, f"2017-2018 ({len(held)} articles, held out)", score(found, held)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the tables into benchmarks.md")
    args = parser.parse_args()
    items = load_set()
    started = time.perf_counter()
    grouped = replay(items)
    seconds = time.perf_counter() - started
    variants = []
    for name, names, floor in (
        ("before (alignment only, IDF over the run)", False, False),
        ("with the IDF floor only", False, True),
        ("with name links only", True, False),
    ):
        with settings(names=names, floor=floor):
            variants.append((name, replay(items)))
    now = ("newsdiff: `group_new`, as refresh runs it", grouped)
    baselines = [
        (f"baseline: TF-IDF cosine >= {c}, single linkage", tfidf_baseline(items, c)) for c in CUTOFFS
    ]
    main_table = whole_set_table(items, [now, variants[0], *baselines])
    ablation = halves_table(items, [now, *variants])
    errors = mistakes(grouped, items)
    print("\n".join(main_table), "", "\n".join(ablation), sep="\n")
    print(f"\ngrouping {len(items)} articles took {seconds:.1f} s; its mistakes:")
    print("\n".join(f"- {line}" for line in errors) or "- none")
    if args.write:
        n_stories = len({i.story for i in items})
        outlets = len({i.outlet for i in items})
        body = "\n".join(
            [
                SECTION,
                "",
                f"Made by `python tests/benchmarks/grouping_quality.py --write` on {dt.date.today()} "
                f"({machine()}). The set: `tests/grouping`, {len(items)} real articles of {outlets} "
                f"outlets in {n_stories} stories labelled by reading (its README says where the texts "
                "come from and how they were labelled), replayed into a fresh store in publication "
                "order with `group_new` after each article, as a refresh runs it. Pairwise: pairs of "
                "articles put in one story against pairs labelled one story; B³: per-article precision "
                'and recall of its story-mates, averaged. "stories" are the labels (one development, '
                'reported within three days), "dataset events" the source dataset\'s event names. '
                "The baseline's cut-offs were fixed beforehand, not chosen on the set.",
                "",
                *main_table,
                "",
                f"`MIN_NAMES` ({stories.MIN_NAMES}) was chosen on the 2016 articles; the 2017-2018 "
                f"ones were held out. `MIN_DOCUMENTS` ({stories.MIN_DOCUMENTS}) was not fitted: it "
                "is the article count below which a window counts as quiet. The same run, each "
                "change alone:",
                "",
                *ablation,
                "",
                f"Grouping the {len(items)} articles took {seconds:.1f} s. Its mistakes:",
                "",
                *(f"- {line}" for line in errors or ["none"]),
                "",
                "How far this goes: the set is small (30 labelled pairs, 9 of them in the held-out "
                "half), and its other reports of the same days share few words with each other, so "
                "it tests recall much more than precision (no grouping here merged two stories, and "
                "the TF-IDF baseline at a low cut-off beats the alignment alone). A "
                "split above is either a follow-up published more than `WINDOW_HOURS` after the "
                "other reports, or two angles on one event that share neither sentences nor many "
                "names.",
            ]
        )
        write_section(body, SECTION)


if __name__ == "__main__":
    main()
