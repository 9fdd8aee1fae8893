"""Huge inputs stay responsive: 10,000 tiny paragraphs a side, or one 20,000-character line with
no space. Alignment runs in a worker behind a loading indicator while keys still work; only the
rows near the view are drawn; G reaches the end.

Responsiveness is checked by the order of events (a key is handled while the worker is held), not
by seconds: how fast is for the benchmarks (``tests/benchmarks/run.py``: the key's latency against
the alignment it does not wait for, and the 100,000-character line)."""

from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Any

import pytest
from appdriver import (
    assert_current_row_visible,
    diff_view,
    open_comparison,
    row_cells,
    settle,
    story_ready,
    view_lines,
    wait_for,
)
from textual import events
from textual.widgets import LoadingIndicator, Static

import newsdiff.screens.compare_screen as compare_screen
from newsdiff.app import NewsdiffApp
from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.help_screen import HelpScreen

SIZE = (120, 40)
WORDS = ["council", "budget", "mayor", "vote", "river", "bridge", "school", "tax", "rent", "court"]
PARAGRAPHS = 10_000
LINE = 20_000


@pytest.fixture
def ten_thousand(tmp_path: Path) -> Path:
    pick = random.Random(7).choice
    a = [f"Item {i} {pick(WORDS)} {pick(WORDS)}." for i in range(PARAGRAPHS)]
    b = [p.replace("river", "lake") for p in a]
    (tmp_path / "a.txt").write_text("\n\n".join(a), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(b), encoding="utf-8")
    return tmp_path


@pytest.fixture
def one_long_line(tmp_path: Path) -> Path:
    rng = random.Random(8)
    line = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(LINE))
    (tmp_path / "a.txt").write_text(line, encoding="utf-8")
    (tmp_path / "b.txt").write_text(line[: LINE // 2] + "XYZ" + line[LINE // 2 + 3 :], encoding="utf-8")
    return tmp_path


async def test_ten_thousand_paragraphs_open_lazily_and_g_reaches_the_end(
    ten_thousand: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    computing = threading.Event()
    gate = threading.Event()
    request.addfinalizer(gate.set)
    real_compare = compare_screen.compare

    def observed_compare(a: Article, b: Article, *args: Any, **kwargs: Any) -> Comparison:
        computing.set()
        comparison = real_compare(a, b, *args, **kwargs)
        gate.wait(timeout=60)  # hold the worker until the test has looked at the screen
        return comparison

    monkeypatch.setattr(compare_screen, "compare", observed_compare)
    app = NewsdiffApp(paths=[ten_thousand])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        app.post_message(events.Key("c", "c"))
        await wait_for(pilot, computing.is_set, "the alignment to start", workers=False)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.diff_view.loading and isinstance(screen.diff_view._cover_widget, LoadingIndicator)

        # A key pressed while the worker aligns is handled before the worker completes: the worker
        # is held (gate) until after the help has opened, so the key cannot have waited for it.
        # The key is posted the way the terminal driver posts it: Pilot's press() would wait for
        # the process to go idle, which it does not while a thread computes.
        app.post_message(events.Key("question_mark", "?"))
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help", workers=False)
        assert screen.comparison is None and screen.diff_view.loading, "the worker was still running"
        app.post_message(events.Key("escape", None))
        await wait_for(pilot, lambda: app.screen is screen, "the help to close", workers=False)

        gate.set()
        await wait_for(pilot, lambda: screen.comparison is not None and not screen.diff_view.loading, "rows")
        view = diff_view(app)
        near = 4 * view.scrollable_content_region.height
        assert len(view.order) == PARAGRAPHS
        assert "¶1 Item 0" in "".join(view_lines(app))
        assert screen.comparison is not None and len(screen.comparison._cache) <= near

        await pilot.press("G")
        await settle(pilot)
        assert view.cursor == PARAGRAPHS - 1
        assert_current_row_visible(app)
        assert f"¶{PARAGRAPHS} Item {PARAGRAPHS - 1}" in "".join(view_lines(app))
        assert f"row {PARAGRAPHS} of {PARAGRAPHS}" in str(app.screen.query_one("#state", Static).visual)
        await pilot.press("i")
        await settle(pilot)
        assert len(screen.comparison._cache) <= 3 * near, "hiding identical built no diffs"
        await pilot.press("g", "space", "j")
        await settle(pilot)
        assert_current_row_visible(app)


async def test_one_long_line_without_spaces_opens_and_scrolls(one_long_line: Path) -> None:
    app = NewsdiffApp(paths=[one_long_line])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        cell_a, cell_b = row_cells(app, 0)
        assert len(cell_a) > LINE // 60, "the line wraps, folded to the cell's width (under 60)"
        for cell in (cell_a, cell_b):
            shown = "".join(line.strip() for line in cell)
            assert len(shown) >= LINE, "the whole line is in the cell"
        await pilot.press("G")
        await settle(pilot)
        assert view.cursor == len(view.order) - 1
        assert_current_row_visible(app)
        await pilot.press("space", "pageup", "g")
        await settle(pilot)
        assert view.cursor == 0 and view.scroll_y == 0
