"""Quitting: ctrl+c from any screen, SIGTERM and SIGINT all leave through Textual's normal exit
(which restores the terminal; tests/tmux checks that part in a real terminal)."""

from __future__ import annotations

import os
import signal

import pytest
from appdriver import SEEDS, SIZE, open_comparison, settle, story_ready, wait_for

from newsdiff.app import NewsdiffApp
from newsdiff.exit_codes import EXIT_INTERRUPTED, EXIT_TERMINATED
from newsdiff.screens.export_dialog import ExportDialog


async def test_ctrl_c_quits_from_the_story_screen() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app._exit and app.return_code == EXIT_INTERRUPTED == 130


async def test_ctrl_c_quits_from_the_comparison_and_from_a_text_field() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app._exit and app.return_code == EXIT_INTERRUPTED


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
async def test_a_signal_exits_through_textual_and_the_old_handler_comes_back(
    signum: signal.Signals, code: int
) -> None:
    before = signal.getsignal(signum)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        # Run headless, the app leaves the signals alone; the real program installs these.
        assert signal.getsignal(signum) == before
        app.install_signal_handlers()
        os.kill(os.getpid(), signum)
        await wait_for(pilot, lambda: app._exit, "the app to exit")
        await settle(pilot)
        assert app.return_code == code and code in (EXIT_INTERRUPTED, EXIT_TERMINATED)
    assert signal.getsignal(signum) == before


async def test_the_warm_up_timer_firing_while_the_app_closes_does_nothing() -> None:
    # CI caught it: a test that quit before the warm-up delay had the timer fire with no screen
    # on the stack, and `self.screen` raised ScreenStackError out of the timer callback.
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
    assert not app.screen_stack
    app._warm_up()
