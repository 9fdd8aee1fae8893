"""Stories across outlets: articles from different feeds grouped when they report the same thing.

Two articles are linked when the comparison itself says so: aligned with ``compare`` (the same
sentence matching and paraphrase scoring as the comparison screen), at least ``MIN_PAIRS`` body
pairs cover at least ``MIN_COVERAGE`` of one side's body words. Only articles of other feeds,
first seen within ``WINDOW_HOURS`` of each other, are candidates, and a cheap whole-article TF-IDF
cosine picks the ``CANDIDATES`` most alike to align (each alignment costs 20-100 ms), skipping a
candidate whose story the article already links to.

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
from newsdiff.core.store import ArticleRecord, Store

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
    from newsdiff.core.compare import compare

    summary = compare(a, b).summary()
    if summary.pairs < MIN_PAIRS:
        return 0.0
    return max(summary.coverage_a, summary.coverage_b)


def _cosines(article: Article, others: Sequence[Article]) -> list[float]:
    from newsdiff.core.similarity import tfidf_vectors
    from newsdiff.core.tokens import terms

    texts = [terms(" ".join(p.text for p in a.body)) for a in (article, *others)]
    mine, theirs = tfidf_vectors(texts[:1], texts[1:])
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
    from newsdiff.core.store import now_text
    from newsdiff.core.versions import version_article

    loaded: dict[int, Article] = {}

    def article_of(record: ArticleRecord) -> Article | None:
        if record.id not in loaded:
            version = store.latest_version(record.id)
            if version is None:
                return None
            loaded[record.id] = version_article(version, record.url)
        return loaded[record.id]

    done: list[Grouped] = []
    window = dt.timedelta(hours=window_hours)
    for record in store.ungrouped():
        article = article_of(record)
        if article is None:
            continue
        seen = _parse(record.first_seen)
        near = [
            (other, story)
            for other, story in store.grouped_between(_stamp(seen - window), _stamp(seen + window))
            if other.feed != record.feed or other.feed is None
        ]
        candidates = [
            (other, story, text) for other, story in near if (text := article_of(other)) is not None
        ]
        links: list[tuple[float, ArticleRecord, int]] = []
        if candidates:
            cosines = _cosines(article, [text for _, _, text in candidates])
            ranked = sorted(zip(cosines, candidates, strict=True), key=lambda item: -item[0])
            for cosine, (other, story, text) in ranked[:CANDIDATES]:
                if cosine < MIN_COSINE:
                    break
                if any(story == linked for _, _, linked in links):
                    continue  # already linked to that story: another alignment would add nothing
                score = link(article, text)
                if score >= MIN_COVERAGE:
                    links.append((score, other, story))
        created = now() if now is not None else now_text()
        if not links:
            done.append(Grouped(record, store.add_to_story(record.id, None, created=created), None, 0.0))
            continue
        # Linked to several stories: they tell one story, kept under the oldest one's id.
        linked = {story for _, _, story in links}
        score, best, _ = max(links, key=lambda link: link[0])
        story_id = store.add_to_story(record.id, min(linked), created=created, merge=linked)
        done.append(Grouped(record, story_id, best, score))
    return done
