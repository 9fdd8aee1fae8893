"""Stories across outlets: articles from different feeds grouped when they report the same thing.

Two articles are linked when the comparison itself says so: aligned with ``compare`` (the same
sentence matching and paraphrase scoring as the comparison screen), at least ``MIN_PAIRS`` body
pairs cover at least ``MIN_COVERAGE`` of one side's body words. Only articles of other feeds,
first seen within ``WINDOW_HOURS`` of each other, are candidates, and a cheap whole-article TF-IDF
cosine picks the ``CANDIDATES`` most alike to align (each alignment costs 20-100 ms), skipping a
candidate whose story the article already links to. The TF-IDF rows are built once per run, over
every article the run may compare.

Grouping is incremental, as feeds refresh: each article not yet in a story, oldest first, joins
the story it links to, or starts a story of its own. An article that links to several stories
shows they are one: they are merged under the oldest one's id (single linkage). Otherwise a
grouped article never moves, so a story's id and list stay stable while the reader looks at it.

Thresholds were set on the seed story (five outlets' articles on one summit: every pair of them
links, lowest coverage 0.21 over 2 pairs) against unrelated reports (coverage 0); they are not
yet measured on a labelled set of real feeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdiff.core.article import Article
from newsdiff.core.store.database import Store
from newsdiff.core.store.records import ArticleRecord

WINDOW_HOURS = 48.0
MIN_COVERAGE = 0.2
MIN_PAIRS = 2
CANDIDATES = 5
MIN_COSINE = 0.02
"""Whole-article TF-IDF cosine below which two articles are not even aligned (same-story seed
pairs score 0.04-0.16, unrelated ones 0.00-0.01)."""


@dataclass(frozen=True, slots=True)
class Grouped:
    article: ArticleRecord
    story: int
    joined: ArticleRecord | None
    """The article it was linked to, or None when it started the story."""
    score: float


def link_score(a: Article, b: Article) -> float:
    """The larger share of body words with a counterpart, if enough pairs: 0 means no link."""
    from newsdiff.core.comparison.model import compare

    summary = compare(a, b).summary()
    if summary.pairs < MIN_PAIRS:
        return 0.0
    return max(summary.coverage_a, summary.coverage_b)


class _Vectors:
    """Whole-article TF-IDF rows of every article a grouping run may compare, built once (IDF over
    them all), so each new article's cosines are one sparse product instead of a new matrix."""

    def __init__(self, articles: dict[int, Article]) -> None:
        from newsdiff.core.similarity import tfidf_vectors
        from newsdiff.core.tokens import terms

        self.row = {article_id: n for n, article_id in enumerate(articles)}
        texts = [terms(" ".join(p.text for p in a.body)) for a in articles.values()]
        self.matrix, _ = tfidf_vectors(texts, [])

    def cosines(self, article_id: int, others: Sequence[int]) -> list[float]:
        mine = self.matrix[self.row[article_id]]
        theirs = self.matrix[[self.row[other] for other in others]]
        return [float(value) for value in (mine @ theirs.T).toarray().ravel()]


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def group_new(
    store: Store,
    *,
    window_hours: float = WINDOW_HOURS,
    link: Callable[[Article, Article], float] = link_score,
    now: Callable[[], str] | None = None,
) -> list[Grouped]:
    """Put every stored article that is in no story yet into one (see the module docstring)."""
    from newsdiff.core.store.schema import now_text
    from newsdiff.core.versions import version_article

    pending = store.ungrouped()
    if not pending:
        return []
    window = dt.timedelta(hours=window_hours)
    start = _stamp(_parse(min(r.first_seen for r in pending)) - window)
    end = _stamp(_parse(max(r.first_seen for r in pending)) + window)
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
        seen = _parse(record.first_seen)
        near = [
            other
            for other in story_of
            if other in texts
            and (records[other].feed != record.feed or record.feed is None)
            and abs(_parse(records[other].first_seen) - seen) <= window
        ]
        links: list[tuple[float, ArticleRecord, int]] = []
        if near:
            ranked = sorted(
                zip(vectors.cosines(record.id, near), near, strict=True), key=lambda item: -item[0]
            )
            for cosine, other in ranked[:CANDIDATES]:
                if cosine < MIN_COSINE:
                    break
                if any(story_of[other] == linked for _, _, linked in links):
                    continue  # already linked to that story: another alignment would add nothing
                score = link(texts[record.id], texts[other])
                if score >= MIN_COVERAGE:
                    links.append((score, records[other], story_of[other]))
        created = now() if now is not None else now_text()
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
