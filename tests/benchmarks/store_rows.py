"""``run.py``'s rows for the subscription store: a refresh of 100 loopback feeds x 50 entries and the
stories screen over 10,000 stored articles, each on SQLite and on a throwaway PostgreSQL server.

Each figure comes from its own child process (``refresh_bench.py --json``, ``store_bench.py
--json``), so one store's caches and imports never help the other. PostgreSQL is started as the
tests start it (``tests/support/postgres.py``: a temporary cluster on a unix socket, fsync off,
so its numbers are the database's work, not the disk's); without one, its rows are left out and
the run says why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from support.postgres import PostgresUnavailableError, start_postgres  # noqa: E402


def _child(script: str, *args: str) -> dict[str, object]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE.parents[1] / "tui"), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args, "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed: {done.stderr[-800:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _rows(
    name: str, empty_store: Callable[[], list[str]], feeds: int, entries: int, articles: int
) -> list[dict[str, object]]:
    """``empty_store()``: the ``--store URL`` arguments naming a new empty store (none: SQLite)."""
    refresh = _child("refresh_bench.py", "--feeds", str(feeds), "--entries", str(entries), *empty_store())
    seconds = refresh["seconds"]
    assert isinstance(seconds, list) and isinstance(refresh["baseline"], float)
    pages = int(str(refresh["pages"]))
    listing = _child("store_bench.py", "--articles", str(articles), *empty_store())
    shown = float(str(listing["screen_data"]))
    naive = float(str(listing["naive"]))
    return [
        {
            "what": f"refresh {feeds} loopback feeds x {entries} entries into {name}: first (all new)",
            "newsdiff": seconds[0],
            "baseline": refresh["baseline"],
            "baseline_note": "the same feeds and pages fetched with plain httpx, 4 at a time, nothing kept",
            "ratio": refresh["baseline"] / seconds[0],
            "extra": f"{pages / seconds[0]:.0f} pages/s; then unchanged (304s) {seconds[1]:.1f} s, "
            f"10% edited {seconds[2]:.1f} s; {refresh['errors']} errors",
        },
        {
            "what": f"stories screen's data with {articles:,} stored articles ({name}): "
            "open the store, list 500 stories, their cells",
            "newsdiff": shown,
            "baseline": naive,
            "baseline_note": "the same rows with one query per story (N+1)",
            "ratio": naive / shown,
            "extra": f"story_listing(500) alone {float(str(listing['listing'])) * 1000:.0f} ms; "
            f"F to the rows drawn (headless app) {float(str(listing['drawn'])) * 1000:.0f} ms; "
            f"one story rebuilt {float(str(listing['one_story'])) * 1000:.0f} ms",
        },
    ]


def bench_store(quick: bool = False) -> list[dict[str, object]]:
    feeds, entries, articles = (10, 10, 1000) if quick else (100, 50, 10_000)
    results = _rows("SQLite", list, feeds, entries, articles)
    try:
        server = start_postgres()
    except PostgresUnavailableError as exc:
        print(f"store benchmarks on PostgreSQL left out: {exc}", file=sys.stderr)
        return results
    try:
        results += _rows("PostgreSQL", lambda: ["--store", server.new_database()], feeds, entries, articles)
    finally:
        server.stop()
    return results
