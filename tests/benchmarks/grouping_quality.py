"""How well stories form across outlets: the refresh's grouping replayed on real, labelled articles.

The set is ``tests/grouping`` (51 articles of 19 outlets, 29 stories; its README says where the
texts come from and how they were labelled). The articles are fed to a fresh store in publication
order, as a refresh that ran whenever an article was published would see them: each outlet is a
feed, each article an entry first seen at its publication time with its text as the first version,
and after each one ``core.stories.group_new`` runs, as ``Refresher`` runs it. The stories the store
then lists are scored against the labels:

- pairwise: precision and recall of "these two articles are in one story";
- B-cubed: per article, the share of its story-mates that are right (precision) and the share of
  its labelled story-mates that are found (recall), averaged over the articles.

Both are given against the labelled stories (one development of one event, reported within three
days) and against the source dataset's coarser event names. The baseline in the same run is the
whole-article TF-IDF cosine (``similarity.tfidf_vectors``, the grouping's candidate filter) with
single linkage at fixed cut-offs, under the same rules of other feeds only and a 48-hour window.

    python tests/benchmarks/grouping_quality.py            # print the table and the mistakes
    python tests/benchmarks/grouping_quality.py --write    # also (re)write its benchmarks.md section
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from story_bench import machine, write_section

from newsdiff.core.article import Article
from newsdiff.core.loader import parse_article
from newsdiff.core.store import Entry, Store
from newsdiff.core.stories import WINDOW_HOURS, group_new
from newsdiff.core.versions import snapshot

REPO = Path(__file__).resolve().parents[2]
SET = REPO / "tests" / "grouping"
SECTION = "## Grouping quality"
CUTOFFS = (0.1, 0.2, 0.3)
"""The baseline's cosine cut-offs, fixed in advance (not chosen on this set)."""

Clusters = list[frozenset[str]]


@dataclass(frozen=True, slots=True)
class Labelled:
    id: str
    story: str
    event: str
    outlet: str
    published: str
    title: str
    url: str
    article: Article


def load_set(folder: Path = SET) -> list[Labelled]:
    """The labelled articles, oldest first (ties by id)."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    items = []
    for key, label in labels.items():
        path = folder / "articles" / f"{key}.txt"
        meta = {"title": label["title"], "outlet": label["outlet"], "date": label["published"][:10]}
        article = parse_article(path.read_text(encoding="utf-8"), str(path), meta)
        items.append(
            Labelled(
                key,
                label["story"],
                label["dataset_event"],
                label["outlet"],
                label["published"],
                label["title"],
                label["url"],
                article,
            )
        )
    return sorted(items, key=lambda item: (item.published, item.id))


def replay(items: list[Labelled], group: Callable[[Store], object] = group_new) -> Clusters:
    """Feed the articles to a new store one by one, grouping after each as a refresh does; the
    stories the store lists at the end, as sets of article ids."""
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/store.db") as store:
        feeds: dict[str, int] = {}
        by_url = {item.url: item.id for item in items}
        for item in items:
            if item.outlet not in feeds:
                url = f"https://{len(feeds)}.feeds.example/rss"
                store.add_feed(url, item.outlet)
                found = store.feed(url)
                assert found is not None
                feeds[item.outlet] = found.id
            store.record_feed(
                feeds[item.outlet],
                checked_at=item.published,
                entries=[Entry(item.url, item.title, item.published)],
            )
            record = store.article(item.url)
            assert record is not None
            store.record_page(record.id, checked_at=item.published, snapshot=snapshot(item.article))
            group(store)
        return [frozenset(by_url[a.url] for a, _ in story.members) for story in store.story_listing()]


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")


def tfidf_baseline(items: list[Labelled], cutoff: float) -> Clusters:
    """Single linkage over whole-article TF-IDF cosines at ``cutoff``: other feeds, 48-hour window."""
    from newsdiff.core.similarity import tfidf_vectors
    from newsdiff.core.tokens import terms

    matrix, _ = tfidf_vectors([terms(" ".join(p.text for p in i.article.body)) for i in items], [])
    cosine = (matrix @ matrix.T).toarray()
    window = dt.timedelta(hours=WINDOW_HOURS)
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
    """Pairwise and B-cubed precision/recall of ``found`` against ``gold`` (article -> label).

    With no pair found (or none to find) the pairwise precision (recall) is 1: nothing claimed is
    wrong (nothing was missed)."""
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


def rows(items: list[Labelled], runs: list[tuple[str, Clusters]]) -> list[str]:
    stories = {i.id: i.story for i in items}
    events = {i.id: i.event for i in items}
    out = [
        "| grouping | labels | pairs found / true | pairwise P | pairwise R | pairwise F1 "
        "| B³ P | B³ R | B³ F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, found in runs:
        for label_name, gold in (("stories", stories), ("dataset events", events)):
            s = score(found, gold)
            out.append(
                f"| {name} | {label_name} | {s.found_pairs} / {s.true_pairs} | {s.pair_precision:.2f} | "
                f"{s.pair_recall:.2f} | {s.pair_f1:.2f} | {s.bcubed_precision:.2f} | "
                f"{s.bcubed_recall:.2f} | {s.bcubed_f1:.2f} |"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table into benchmarks.md")
    args = parser.parse_args()
    items = load_set()
    started = time.perf_counter()
    grouped = replay(items)
    seconds = time.perf_counter() - started
    runs = [("newsdiff (`group_new`, as refresh runs it)", grouped)]
    runs += [(f"baseline: TF-IDF cosine >= {c}, single linkage", tfidf_baseline(items, c)) for c in CUTOFFS]
    table = rows(items, runs)
    errors = mistakes(grouped, items)
    print("\n".join(table))
    print(f"\ngrouping {len(items)} articles took {seconds:.1f} s; its mistakes:")
    print("\n".join(f"- {line}" for line in errors) or "- none")
    if args.write:
        stories = len({i.story for i in items})
        outlets = len({i.outlet for i in items})
        body = "\n".join(
            [
                SECTION,
                "",
                f"Made by `python tests/benchmarks/grouping_quality.py --write` on {dt.date.today()} "
                f"({machine()}). The set: `tests/grouping`, {len(items)} real articles of {outlets} "
                f"outlets in {stories} labelled stories (its README says where the texts come from "
                "and how they were labelled), replayed into a fresh store in publication order with "
                "`group_new` after each article, as a refresh runs it. Pairwise: pairs of articles "
                "put in one story against pairs labelled one story; B³: per-article precision and "
                'recall of its story-mates, averaged. "stories" are the labels (one development, '
                'reported within three days); "dataset events" the source dataset\'s event names.',
                "",
                *table,
                "",
                f"Grouping the {len(items)} articles took {seconds:.1f} s. Its mistakes on this run:",
                "",
                *(f"- {line}" for line in errors or ["none"]),
            ]
        )
        write_section(body, SECTION)


if __name__ == "__main__":
    main()
