"""How fast the store answers with many articles: the story list, one story, the stories screen.

    python tests/benchmarks/store_bench.py                 # 10,000 articles in 100 feeds, SQLite
    python tests/benchmarks/store_bench.py --articles 50000
    python tests/benchmarks/store_bench.py --store postgresql://USER@HOST/EMPTY_DB [--json]

The store is filled in bulk (one transaction) with ARTICLES articles of seed text, one version
each, grouped three to a story. Timed: ``story_listing(500)`` (what the stories screen lists),
``story(id)`` with its articles rebuilt from their versions (what enter opens), and the app's
stories screen from the F key to its rows on screen (headless Pilot). The baseline lists the same
500 stories the naive way, one query for the order and then one per story for its articles (N+1).
``--json`` prints the figures as one JSON object (``run.py`` reads it). Not a pass/fail test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

import sqlalchemy as sa  # noqa: E402

from newsdiff.core.fetch import human_time  # noqa: E402
from newsdiff.core.settings import Settings  # noqa: E402
from newsdiff.core.store import schema  # noqa: E402
from newsdiff.core.store.database import Store  # noqa: E402
from newsdiff.core.store.records import StoryRow  # noqa: E402
from newsdiff.screens.stories_screen import LISTED  # noqa: E402
from support.seed_pages import expected_paragraphs, seed_names, seed_title  # noqa: E402

FEEDS = 100


def fill(store: Store, count: int) -> None:
    names = seed_names()
    feeds = [
        {
            "url": f"https://outlet{f}.example/feed.xml",
            "title": f"Outlet {f}",
            "added_at": "2026-12-01T00:00:00Z",
        }
        for f in range(FEEDS)
    ]
    articles, versions, stories, members = [], [], [], []
    for n in range(count):
        seed = names[n % len(names)]
        seen = f"2026-12-{1 + n * 28 // count:02d}T{n % 24:02d}:{n % 60:02d}:00Z"
        articles.append(
            {
                "id": n + 1,
                "url": f"https://outlet{n % FEEDS}.example/a{n}",
                "feed": n % FEEDS + 1,
                "title": f"{seed_title(seed)} ({n})",
                "first_seen": seen,
            }
        )
        paragraphs = [*expected_paragraphs(seed), f"Report {n}."]
        versions.append(
            {
                "article": n + 1,
                "fetched_at": seen,
                "title": f"{seed_title(seed)} ({n})",
                "text_hash": f"{n:064x}",
                "paragraphs": json.dumps(paragraphs),
                "metadata": json.dumps({"outlet": f"Outlet {n % FEEDS}"}),
            }
        )
        if n % 3 == 0:
            stories.append({"id": n // 3 + 1, "created": seen})
        members.append({"article": n + 1, "story": n // 3 + 1})
    with store.engine.begin() as conn:
        for table, rows in (
            (schema.feeds, feeds),
            (schema.articles, articles),
            (schema.versions, versions),
            (schema.stories, stories),
            (schema.story_articles, members),
        ):
            conn.execute(sa.insert(table), rows)


def timed(label: str, work: object, repeat: int = 5, *, say: bool = True) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    if say:
        print(f"| {label} | {best * 1000:.0f} ms |")
    return best


def screen_rows(url: str) -> list[tuple[str, ...]]:
    """What the stories screen shows when it opens: its store query, then each row's cells."""
    with Store.open(url) as store:
        listing = store.story_listing(LISTED)
    return [cells(story) for story in listing]


def cells(story: StoryRow) -> tuple[str, ...]:
    headline = story.members[0][0].title if story.members else ""
    outlets = story.outlets
    unread = str(story.unread) if story.unread else ""
    return (
        human_time(story.newest),
        str(len(outlets)),
        str(len(story.members)),
        unread,
        ", ".join(outlets),
        headline,
    )


def naive_rows(url: str) -> list[tuple[str, ...]]:
    """The baseline: the same rows from one query for the order, then one query per story."""
    newest = sa.func.max(schema.articles.c.first_seen).label("newest")
    order = (
        sa.select(schema.story_articles.c.story, newest)
        .join(schema.articles, schema.articles.c.id == schema.story_articles.c.article)
        .group_by(schema.story_articles.c.story)
        .order_by(newest.desc(), schema.story_articles.c.story.desc())
        .limit(LISTED)
    )
    rows = []
    with Store.open(url) as store, store.engine.connect() as conn:
        for story_id, last in conn.execute(order).all():
            members = conn.execute(
                sa.select(
                    schema.articles.c.title, schema.feeds.c.title.label("outlet"), schema.reads.c.read_at
                )
                .join(schema.story_articles, schema.story_articles.c.article == schema.articles.c.id)
                .outerjoin(schema.feeds, schema.feeds.c.id == schema.articles.c.feed)
                .outerjoin(schema.reads, schema.reads.c.article == schema.articles.c.id)
                .where(schema.story_articles.c.story == story_id)
                .order_by(schema.articles.c.first_seen, schema.articles.c.id)
            ).all()
            outlets = list(dict.fromkeys(m.outlet or "(unknown feed)" for m in members))
            unread = sum(m.read_at is None for m in members)
            rows.append(
                (
                    human_time(last),
                    str(len(outlets)),
                    str(len(members)),
                    str(unread) if unread else "",
                    ", ".join(outlets),
                    members[0].title,
                )
            )
    return rows


async def screen_open_seconds(url: str) -> tuple[float, float]:
    """(from the F key handled to the rows drawn, from Pilot's key press to the rows listed)."""
    sys.path.insert(0, str(HERE.parent / "app"))
    from appdriver import story_ready

    from newsdiff.app import NewsdiffApp
    from newsdiff.screens import stories_screen
    from newsdiff.screens.stories_screen import StoriesScreen

    marks: dict[str, float] = {}
    handled = NewsdiffApp.action_stories
    shown = StoriesScreen._show

    def on_key(self: NewsdiffApp) -> None:
        marks["key"] = time.perf_counter()
        handled(self)

    def on_rows(self: StoriesScreen, listing: list[object]) -> None:
        shown(self, listing)  # type: ignore[arg-type]
        self.call_after_refresh(lambda: marks.setdefault("drawn", time.perf_counter()))

    NewsdiffApp.action_stories = on_key  # type: ignore[method-assign]
    stories_screen.StoriesScreen._show = on_rows  # type: ignore[method-assign]
    app = NewsdiffApp(settings=Settings(store_url=url))
    async with app.run_test(size=(120, 40)) as pilot:
        await story_ready(pilot)
        await asyncio.sleep(2)  # as a reader would: the app's warm-up imports are done by then
        started = time.perf_counter()
        await pilot.press("F")
        while "drawn" not in marks:
            await pilot.pause(0.005)
        return marks["drawn"] - marks["key"], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--store", metavar="URL", help="an empty store to fill (default: a temporary SQLite file)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    say = not args.json
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEWSDIFF_DATA_DIR"] = folder
        url = args.store or f"sqlite:///{Path(folder) / 'newsdiff.db'}"
        with Store.open(url) as store:
            started = time.perf_counter()
            fill(store, args.articles)
            filled = time.perf_counter() - started
            stories = store.counts()["stories"]
            if say:
                print(
                    f"{args.articles} articles, {FEEDS} feeds, {stories} stories (filled in {filled:.1f} s)"
                )
                print("| step | best of 5 |")
                print("|---|---|")
            figures = {
                "articles": args.articles,
                "stories": stories,
                "listing": timed(f"story_listing({LISTED})", lambda: store.story_listing(LISTED), say=say),
            }
            assert screen_rows(url) == naive_rows(url), "the baseline lists the same rows"
            figures["screen_data"] = timed(
                "the stories screen's data: open, query, cells", lambda: screen_rows(url), say=say
            )
            figures["naive"] = timed(
                "baseline: the same rows, one query per story (N+1)", lambda: naive_rows(url), say=say
            )
            from newsdiff.screens.stories_screen import story_articles

            newest = store.story_listing(1)[0].id
            figures["one_story"] = timed(
                "one story's articles, rebuilt from their versions",
                lambda: story_articles(newest, url),
                say=say,
            )
        figures["drawn"], figures["overall"] = asyncio.run(screen_open_seconds(url))
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"| stories screen: F handled to its rows drawn (headless app) | {figures['drawn'] * 1000:.0f} ms |"
    )
    print(
        f"| the same from Pilot's key press, its own waiting included | {figures['overall'] * 1000:.0f} ms |"
    )


if __name__ == "__main__":
    main()
