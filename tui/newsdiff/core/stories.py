"""Stories across outlets: articles from different feeds grouped when they report the same thing.

Two articles are linked when the comparison itself says so: aligned with ``compare`` (the same
sentence matching and paraphrase scoring as the comparison screen), at least ``MIN_PAIRS`` body
pairs cover at least ``MIN_COVERAGE`` of one side's body words. Or when they name the same people
and places: the rarity-weighted overlap of their proper names (``paraphrase.names``) reaches
``MIN_NAMES``; two angles on one event (a driver's farewell, a rival's drive, the red flags of
one race) share names more than sentences. Only articles of other feeds, first seen within
``WINDOW_HOURS`` of each other, are candidates, and a cheap whole-article TF-IDF cosine picks the
``CANDIDATES`` most alike stories to look at, by their most alike article (each alignment costs
20-100 ms). The TF-IDF rows and the names' rarities are computed once per
run, over every article the run may compare, and over at least ``MIN_DOCUMENTS`` documents.

Grouping is incremental, as feeds refresh: each article not yet in a story, oldest first, joins
the story it links to, or starts a story of its own. An article that links to several stories
shows they are one: they are merged under the oldest one's id (single linkage). Otherwise a
grouped article never moves, so a story's id and list stay stable while the reader looks at it.

Measured on ``tests/grouping`` (51 real articles of 19 outlets in 29 hand-labelled stories,
replayed by ``tests/benchmarks/grouping_quality.py``; numbers in benchmarks.md). ``MIN_COVERAGE``
and ``MIN_PAIRS`` were set on the seed story (five outlets' articles on one summit: every pair of
them links, lowest coverage 0.21 over 2 pairs) against unrelated reports (coverage 0);
``MIN_NAMES`` on the set's 2016 articles only, its 2017-2018 ones held out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdiff.core.article import Article
from newsdiff.core.stamps import now_stamp, parse_stamp, stamp
from newsdiff.core.store.database import Store
from newsdiff.core.store.records import ArticleRecord

WINDOW_HOURS = 48.0
MIN_COVERAGE = 0.2
MIN_PAIRS = 2
CANDIDATES = 5
MIN_COSINE = 0.02
"""Whole-article TF-IDF cosine below which two articles are not even compared: they share almost
no words (in tests/grouping, reports of one story score 0.13-1.0, other reports of the same 48
hours 0.08-0.19)."""
MIN_NAMES = 0.2
"""Rarity-weighted overlap of two articles' proper names from which they link without aligned
sentences: a round value under the lowest pair it had to link in tests/grouping's 2016 articles,
where it was chosen (reports of one Grand Prix overlapping 0.22 and 0.52, other reports of the
same days at most 0.07). In the held-out 2017-2018 articles other reports of the same days overlap
at most 0.17 (a New Year fireworks accident and a report on two plane crashes, one near Sydney)."""
MIN_DOCUMENTS = 100
"""The TF-IDF and the names' rarities count at least this many documents, the rest empty: a quiet
window's two or three articles would otherwise make every word and name they share look common
(two reports of one rocket launch, alone in their days, scored a TF-IDF cosine of 0.015)."""


@dataclass(frozen=True, slots=True)
class Grouped:
    article: ArticleRecord
    story: int
    joined: ArticleRecord | None
    """The article it was linked to, or None when it started the story."""
    score: float
    """The link's strength: the alignment's coverage, or the overlap of names when they linked it."""


def link_score(a: Article, b: Article) -> float:
    """The larger share of body words with a counterpart, if enough pairs: 0 means no link."""
    from newsdiff.core.comparison.model import compare

    summary = compare(a, b).summary()
    if summary.pairs < MIN_PAIRS:
        return 0.0
    return max(summary.coverage_a, summary.coverage_b)


class _Vectors:
    """Whole-article TF-IDF rows and proper names of every article a grouping run may compare,
    built once (IDF and rarities over them all, and over at least ``MIN_DOCUMENTS`` documents), so
    each new article's cosines and name overlaps are one sparse product instead of a new matrix."""

    def __init__(self, articles: dict[int, Article]) -> None:
        from newsdiff.core.paraphrase import RarityOverlap, names
        from newsdiff.core.similarity import tfidf_vectors
        from newsdiff.core.tokens import terms

        self.row = {article_id: n for n, article_id in enumerate(articles)}
        bodies = [" ".join(p.text for p in a.body) for a in articles.values()]
        empty: list[list[str]] = [[] for _ in range(MIN_DOCUMENTS - len(bodies))]
        matrix, _ = tfidf_vectors([terms(body) for body in bodies] + empty, [])
        self.matrix = matrix[: len(bodies)]
        self.names = RarityOverlap([names(body) for body in bodies], at_least=MIN_DOCUMENTS)

    def cosines(self, article_id: int, others: Sequence[int]) -> list[float]:
        mine = self.matrix[self.row[article_id]]
        theirs = self.matrix[[self.row[other] for other in others]]
        return [float(value) for value in (mine @ theirs.T).toarray().ravel()]

    def shared_names(self, article_id: int, other: int) -> float:
        return float(self.names.between([self.row[article_id]], [self.row[other]])[0, 0])


def story_candidates(ranked: Sequence[tuple[float, int]], story_of: dict[int, int]) -> list[int]:
    """The most alike article of each of the ``CANDIDATES`` most alike stories, by TF-IDF cosine
    (``ranked``: candidates, most alike first). Per story, not per article: in a busy story the
    five most alike articles are often all retellings of one report, and looking only at them
    never met the story's other reports (5,000 retellings of the five seed articles formed five
    stories, one per seed, instead of one)."""
    chosen: dict[int, int] = {}
    for cosine, other in ranked:
        if cosine < MIN_COSINE or len(chosen) == CANDIDATES:
            break
        chosen.setdefault(story_of[other], other)
    return list(chosen.values())


def group_new(
    store: Store,
    *,
    window_hours: float = WINDOW_HOURS,
    link: Callable[[Article, Article], float] = link_score,
    now: Callable[[], str] | None = None,
) -> list[Grouped]:
    """Put every stored article that is in no story yet into one (see the module docstring)."""
    from newsdiff.core.versions import version_article

    pending = store.ungrouped()
    if not pending:
        return []
    window = dt.timedelta(hours=window_hours)
    start = stamp(parse_stamp(min(r.first_seen for r in pending)) - window)
    end = stamp(parse_stamp(max(r.first_seen for r in pending)) + window)
    records: dict[int, ArticleRecord] = {}
    story_of: dict[int, int] = {}
    for record, story in store.grouped_between(start, end):
        records[record.id] = record
        story_of[record.id] = story
    records.update((record.id, record) for record in pending)
    texts: dict[int, Article] = {}
    for record in records.values():
        version = store.latest_version(record.id)
        if version is not None:
            texts[record.id] = version_article(version, record.url)
    if not texts:
        return []
    vectors = _Vectors(texts)

    done: list[Grouped] = []
    for record in pending:
        if record.id not in texts:
            continue
        seen = parse_stamp(record.first_seen)
        near = [
            other
            for other in story_of
            if other in texts
            and (records[other].feed != record.feed or record.feed is None)
            and abs(parse_stamp(records[other].first_seen) - seen) <= window
        ]
        links: list[tuple[float, ArticleRecord, int]] = []
        if near:
            ranked = sorted(
                zip(vectors.cosines(record.id, near), near, strict=True), key=lambda item: -item[0]
            )
            for other in story_candidates(ranked, story_of):
                score = vectors.shared_names(record.id, other)
                if score < MIN_NAMES:  # the names do not say it: ask the alignment
                    score = link(texts[record.id], texts[other])
                    if score < MIN_COVERAGE:
                        continue
                links.append((score, records[other], story_of[other]))
        created = now() if now is not None else now_stamp()
        if not links:
            story_id = store.add_to_story(record.id, None, created=created)
            story_of[record.id] = story_id
            done.append(Grouped(record, story_id, None, 0.0))
            continue
        # Linked to several stories: they tell one story, kept under the oldest one's id.
        linked = {story for _, _, story in links}
        score, best, _ = max(links, key=lambda item: item[0])
        story_id = store.add_to_story(record.id, min(linked), created=created, merge=linked)
        for other, story in story_of.items():
            if story in linked:
                story_of[other] = story_id
        story_of[record.id] = story_id
        done.append(Grouped(record, story_id, best, score))
    return done
