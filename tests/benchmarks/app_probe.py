"""Times the real app headless; run as a child process by run.py, prints one JSON line.

python app_probe.py start            # process start -> story table filled (seeds)
python app_probe.py compare          # press c -> comparison of two seeds drawn
python app_probe.py scroll A B       # ms per key press moving through a big comparison
python app_probe.py cancel A B       # 1 s into aligning A and B: escape -> worker stopped; quit -> exited
python app_probe.py huge FOLDER      # ? while aligning the folder's pair -> help shown; then G i g space j
python app_probe.py reader FOLDER    # enter on the first article -> laid out; -> all of it wrapped

"compare" posts the key the way the terminal driver does and stops the clock when the view draws
its first line of the comparison. Pilot's ``press`` is not used for it: it also waits until the
whole process is idle, which measures Pilot's idle detection (up to a second) rather than the
app. It starts once the app's background warm-up has imported the aligner's libraries, as it has
by the time a reader has picked two sources.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")  # measure work, not scroll animations

from textual import events  # noqa: E402

from newsdiff.app import NewsdiffApp  # noqa: E402
from newsdiff.screens.compare_screen import CompareScreen  # noqa: E402
from newsdiff.screens.help_screen import HelpScreen  # noqa: E402
from newsdiff.screens.reader_screen import ReaderScreen  # noqa: E402
from newsdiff.screens.story_screen import StoryScreen  # noqa: E402
from newsdiff.widgets.article_table import ArticleTable  # noqa: E402
from newsdiff.widgets.article_view import ArticleView  # noqa: E402
from newsdiff.widgets.diff_view import DiffView  # noqa: E402

DRAWN: list[float] = []
"""Times at which the comparison view drew a line of rows."""
_render_line = DiffView.render_line


def _recording_render_line(self: DiffView, y: int):  # type: ignore[no-untyped-def]
    if self.comparison is not None and self.order:
        DRAWN.append(time.perf_counter())
    return _render_line(self, y)


DiffView.render_line = _recording_render_line  # type: ignore[method-assign]


async def _until(pilot, condition, limit: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition never held")
        await pilot.pause(0.005)


def _story_loaded(app: NewsdiffApp) -> bool:
    screen = app.screen
    return isinstance(screen, StoryScreen) and screen.query_one(ArticleTable).row_count > 0


def _compare_shown(app: NewsdiffApp) -> bool:
    screen = app.screen
    return (
        isinstance(screen, CompareScreen) and screen.comparison is not None and not screen.diff_view.loading
    )


async def cancel(paths: list[Path]) -> dict[str, float]:
    """How soon leaving the screen stops the alignment's worker, and how soon quitting exits."""
    results: dict[str, float] = {}
    for how in ("leave", "quit"):
        app = NewsdiffApp(paths=paths)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda app=app: _story_loaded(app))  # type: ignore[misc]
            await pilot.press("a", "down", "b")
            app.post_message(events.Key("c", "c"))
            await asyncio.sleep(1.0)
            screen = app.screen
            assert isinstance(screen, CompareScreen) and screen.comparison is None, "still aligning"
            worker = next(w for w in app.workers if w.group == "align")
            t = time.perf_counter()
            if how == "leave":
                app.post_message(events.Key("escape", None))
                while not worker.is_finished:
                    await asyncio.sleep(0.001)
                results["leave_seconds"] = time.perf_counter() - t
            else:
                app.exit()
        if how == "quit":
            results["quit_seconds"] = time.perf_counter() - t
    return results


async def huge(paths: list[Path]) -> dict[str, float]:
    """A key while the alignment of a big pair runs (the tests check it is handled before the
    worker completes; this says how soon), the whole opening, then five moves through the rows."""
    app = NewsdiffApp(paths=paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: _story_loaded(app))
        await pilot.press("a", "down", "b")
        started = time.perf_counter()
        app.post_message(events.Key("c", "c"))
        while not isinstance(app.screen, CompareScreen):
            await asyncio.sleep(0.001)
        screen = app.screen
        t = time.perf_counter()
        app.post_message(events.Key("question_mark", "?"))
        while not isinstance(app.screen, HelpScreen):
            await asyncio.sleep(0.001)
        help_seconds = time.perf_counter() - t
        during = screen.comparison is None
        app.post_message(events.Key("escape", None))
        while not _compare_shown(app):
            await asyncio.sleep(0.001)
        opened = time.perf_counter() - started
        t = time.perf_counter()
        await pilot.press("G", "i", "g", "space", "j")
        keys = time.perf_counter() - t
    return {
        "help_seconds": help_seconds,
        "during": float(during),
        "open_seconds": opened,
        "keys_seconds": keys,
    }


def _laid_out(app: NewsdiffApp) -> bool:
    """The reader is up and its view has lines (the view is not mounted at once)."""
    views = app.screen.query(ArticleView) if isinstance(app.screen, ReaderScreen) else []
    return any(view.virtual_size.height > 0 for view in views)


async def reader(paths: list[Path]) -> dict[str, float]:
    """Opening the first article in the reader: until its first screens are laid out, and until
    the thread has wrapped all of it (what the reader would wait for if it wrapped everything first)."""
    app = NewsdiffApp(paths=paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: _story_loaded(app))
        t = time.perf_counter()
        app.post_message(events.Key("enter", "\r"))
        while not _laid_out(app):
            await asyncio.sleep(0.001)
        first = time.perf_counter() - t
        view = app.screen.query_one(ArticleView)
        while not view.fully_wrapped:
            await asyncio.sleep(0.001)
        whole = time.perf_counter() - t
    return {"first_seconds": first, "whole_seconds": whole}


async def main(mode: str, paths: list[Path]) -> dict[str, float]:
    if mode == "cancel":
        return await cancel(paths)
    if mode == "huge":
        return await huge(paths)
    if mode == "reader":
        return await reader(paths)
    app = NewsdiffApp(paths=paths or None)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: _story_loaded(app))
        started = time.perf_counter() - T0
        if mode == "start":
            # From the launch (the parent's clock, PROBE_LAUNCHED_AT) when given: interpreter start
            # included, the app's shutdown and the interpreter's exit not (they are not waited for).
            launched = os.environ.get("PROBE_LAUNCHED_AT")
            return {"seconds": time.time() - float(launched) if launched else started}
        # The app's warm-up (imports, the paraphrase model) done, as after a reader's first look.
        from newsdiff.core.paraphrase import WARMED

        await _until(pilot, WARMED.is_set, limit=30)
        await pilot.press("a", "down", "b")  # the first two seeds
        await pilot.pause(0.2)
        t = time.perf_counter()
        app.post_message(events.Key("c", "c"))
        while not DRAWN:
            await asyncio.sleep(0.001)
        opened = DRAWN[0] - t
        assert _compare_shown(app)
        if mode == "compare":
            return {"seconds": opened}
        presses = 200
        t = time.perf_counter()
        for _ in range(presses):
            await pilot.press("j")
        moved = (time.perf_counter() - t) / presses
        t = time.perf_counter()
        for _ in range(20):
            await pilot.press("pagedown")
        paged = (time.perf_counter() - t) / 20
        return {"open_seconds": opened, "ms_per_j": moved * 1000, "ms_per_page": paged * 1000}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], [Path(p) for p in sys.argv[2:]]))))
