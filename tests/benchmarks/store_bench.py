"""How fast the store answers with many articles: the story list, one story, the stories screen.

    python tests/benchmarks/store_bench.py                 # 10,000 articles in 100 feeds
    python tests/benchmarks/store_bench.py --articles 50000

The store is filled in bulk (one transaction) with ARTICLES articles of seed text, one version
each, grouped three to a story. Timed: ``story_listing(500)`` (what the stories screen lists),
``story(id)`` with its articles rebuilt from their versions (what enter opens), and the app's
stories screen from the F key to its rows on screen (headless Pilot). Not a pass/fail test.
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

from newsdiff.core import store as schema  # noqa: E402
from newsdiff.core.store.database import Store  # noqa: E402
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


def timed(label: str, work: object, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    print(f"| {label} | {best * 1000:.0f} ms |")
    return best


async def screen_open_seconds() -> tuple[float, float]:
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
    app = NewsdiffApp()
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEWSDIFF_DATA_DIR"] = folder
        with Store.open() as store:
            started = time.perf_counter()
            fill(store, args.articles)
            print(
                f"{args.articles} articles, {FEEDS} feeds, {store.counts()['stories']} stories "
                f"(filled in {time.perf_counter() - started:.1f} s)"
            )
            print("| step | best of 5 |")
            print("|---|---|")
            timed("story_listing(500)", lambda: store.story_listing(500))
            from newsdiff.screens.stories_screen import story_articles

            newest = store.story_listing(1)[0].id
            timed("one story's articles, rebuilt from their versions", lambda: story_articles(newest))
        drawn, overall = asyncio.run(screen_open_seconds())
        print(f"| stories screen: F handled to its rows drawn (headless app) | {drawn * 1000:.0f} ms |")
        print(f"| the same from Pilot's key press, its own waiting included | {overall * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
