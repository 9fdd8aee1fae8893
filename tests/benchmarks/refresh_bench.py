"""How long a refresh takes: F feeds x E entries served on 127.0.0.1, into a fresh store.

    python tests/benchmarks/refresh_bench.py                  # 100 feeds x 50 entries, SQLite
    python tests/benchmarks/refresh_bench.py --feeds 20 --entries 10 --jobs 4
    python tests/benchmarks/refresh_bench.py --store postgresql://USER@HOST/EMPTY_DB [--json]

Three refreshes are timed: the first (every feed and page new: fetch, extract, store), the second
(nothing changed: every feed and page answers 304), and the third after 10% of the pages were
edited. Pages are the seed articles in site chrome (tests/support/seed_pages.py), each with its
own sentence added so no two are alike. The baseline fetches the same feeds and pages with plain
httpx GETs, as many at a time, nothing parsed, extracted or stored: the loopback server's own cost.
``--json`` prints the figures as one JSON object (``run.py`` reads it). Not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "net")]

from news_site import NewsSite  # noqa: E402
from pytest_httpserver import HTTPServer  # noqa: E402

from newsdiff.core.refresh import Refresher  # noqa: E402
from newsdiff.core.store.connection import DB_NAME  # noqa: E402
from newsdiff.core.store.database import Store  # noqa: E402
from support.seed_pages import expected_paragraphs, seed_names, seed_title  # noqa: E402


def build(server: HTTPServer, feeds: int, entries: int) -> NewsSite:
    """``feeds`` outlets' feeds of ``entries`` articles each (outlet paths f0, f1, ...)."""
    import news_site

    names = seed_names()
    site = NewsSite(server)
    for f in range(feeds):
        outlet = f"f{f}"
        news_site.OUTLETS[outlet] = names[f % len(names)]
        for e in range(entries):
            seed = names[(f + e) % len(names)]
            body = [*expected_paragraphs(seed), f"Report {f}-{e}: an added sentence makes this page unique."]
            site.add(outlet, f"a{e}", f"{seed_title(seed)} ({f}-{e})", body)
    site.serve()
    return site


def plain_fetch(site: NewsSite, jobs: int) -> float:
    """Seconds to GET every feed and page once, ``jobs`` at a time, doing nothing with them."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    urls = [site.feed_url(outlet) for outlet in site.stories]
    urls += [site.page_url(story) for stories in site.stories.values() for story in stories]
    started = time.perf_counter()
    with httpx.Client() as client, ThreadPoolExecutor(jobs) as pool:
        for response in pool.map(client.get, urls):
            response.raise_for_status()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--group", action="store_true", help="also group stories (slow: aligns candidates)")
    parser.add_argument("--store", metavar="URL", help="an empty store (default: a temporary SQLite file)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        site = build(server, args.feeds, args.entries)
        baseline = plain_fetch(site, args.jobs)
        with tempfile.TemporaryDirectory() as folder:
            url = args.store or f"sqlite:///{Path(folder) / DB_NAME}"
            with Store.open(url) as store:
                for outlet in site.stories:
                    store.add_feed(site.feed_url(outlet))
                rows = []
                for label in ("first (all new)", "unchanged (304s)", "10% edited"):
                    if label == "10% edited":
                        for stories in site.stories.values():
                            for story in stories[::10]:
                                story.body = [*story.body, "A correction was appended."]
                    started = time.perf_counter()
                    # Every feed is on one loopback host: the per-host limit is lifted to --jobs.
                    refresher = Refresher(
                        store, jobs=args.jobs, per_host=args.jobs, interval=0, group=args.group
                    )
                    report = refresher.run()
                    elapsed = time.perf_counter() - started
                    rows.append((label, elapsed, report))
                sqlite_file = Path(folder) / DB_NAME
                size = sqlite_file.stat().st_size if sqlite_file.exists() else 0
                counts = store.counts()
    finally:
        server.stop()
    pages = args.feeds * args.entries
    if args.json:
        seconds = [elapsed for _, elapsed, _ in rows]
        versions = [report.new_versions for _, _, report in rows]
        errors = sum(len(report.errors) for _, _, report in rows)
        print(
            json.dumps(
                {
                    "pages": pages,
                    "baseline": baseline,
                    "seconds": seconds,
                    "versions": versions,
                    "errors": errors,
                    "counts": counts,
                    "bytes": size,
                }
            )
        )
        return
    print(f"baseline: every feed and page fetched with plain httpx, {args.jobs} at a time: {baseline:.1f} s")
    print(f"{args.feeds} feeds x {args.entries} entries = {pages} pages, --jobs {args.jobs}")
    print("| refresh | seconds | pages/s | new versions | 304s (feeds, pages) | errors |")
    print("|---|---|---|---|---|---|")
    for label, elapsed, report in rows:
        print(
            f"| {label} | {elapsed:.1f} | {pages / elapsed:.0f} | {report.new_versions} | "
            f"{report.feeds_not_modified}, {report.pages_not_modified} | {len(report.errors)} |"
        )
    print(f"store: {counts}" + (f", {size / 1e6:.1f} MB" if size else ""))


if __name__ == "__main__":
    main()
