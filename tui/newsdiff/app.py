"""The Textual application: app-wide keys, the command palette, and the first screen.

Kept small on purpose: screens live in ``newsdiff.screens``, widgets in ``newsdiff.widgets``,
and everything the app shows is computed by ``newsdiff.core``. What the app itself does:

- ``?`` opens the help of the current screen; ``ctrl+c`` quits from anywhere (status 130, as an
  interrupted command), as does SIGTERM (status 143) or SIGINT sent by ``kill``: each goes
  through Textual's normal exit, so the terminal is always restored.
- Below ``MIN_SIZE`` a message about the window size replaces the screens, until it grows again.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size

from newsdiff.commands import KeyCommandsProvider
from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.core.seeds import seeds_dir
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.screens.too_small import TooSmallScreen, too_small

EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c or SIGINT (128 + SIGINT), as for any interrupted command."""
EXIT_TERMINATED = 143
"""Exit status after SIGTERM (128 + SIGTERM)."""

SignalHandler = Callable[[int, FrameType | None], object] | int | None


WARM_UP_DELAY = 0.5
"""Seconds after start-up before the comparison libraries are imported in the background."""


def warm_up_imports() -> None:
    """Import the comparison's heavy dependencies (numpy, scipy.sparse, csgraph, rapidfuzz)."""
    import scipy.sparse.csgraph  # noqa: F401

    import newsdiff.core.compare  # noqa: F401


class NewsdiffApp(App[None]):
    """newsdiff's terminal interface. The CLI builds it as ``NewsdiffApp(paths=..., ...)``."""

    TITLE = "newsdiff"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {KeyCommandsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "help", id="app.help", tooltip="show every key of this screen"),
        Binding(
            "ctrl+c", "interrupt", "quit", id="app.quit", show=False, priority=True, tooltip="quit newsdiff"
        ),
    ]

    def __init__(
        self,
        paths: Sequence[Path] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        options: DiffOptions | None = None,
    ) -> None:
        """``paths``: files or folders of articles; none means the bundled example story."""
        super().__init__()
        self.paths = list(paths) if paths else [seeds_dir()]
        self.threshold = threshold
        self.options = options or DiffOptions()
        self._previous_handlers: dict[int, SignalHandler] = {}
        self._started = False

    def on_mount(self) -> None:
        self.push_screen(StoryScreen(self.paths, self.threshold, self.options))
        # The aligner's libraries take ~0.3 s to import; do it while the reader picks sources,
        # so the first comparison opens without that wait, but after the first paint, so it does
        # not compete with start-up.
        self.set_timer(WARM_UP_DELAY, self._warm_up)
        self._started = True
        self._fit(self.size)
        if not self.is_headless:
            self.install_signal_handlers()

    def _warm_up(self) -> None:
        threading.Thread(target=warm_up_imports, name="newsdiff-warm-up", daemon=True).start()

    def on_unmount(self) -> None:
        self.remove_signal_handlers()

    # -- keys -------------------------------------------------------------------------------

    def action_help(self) -> None:
        """Open the help for the current screen (not on top of itself or a dialog)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_interrupt(self) -> None:
        self.exit(return_code=EXIT_INTERRUPTED)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small, only quitting is possible."""
        return action in ("interrupt", "quit") or not isinstance(self.screen, TooSmallScreen)

    # -- window size ------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Cover the screens with the size message below the minimum, uncover them above it."""
        if not self._started:
            return
        top = self.screen
        if too_small(size):
            if isinstance(top, TooSmallScreen):
                top.show(size)
            else:
                self.push_screen(TooSmallScreen(size))
        elif isinstance(top, TooSmallScreen):
            self.pop_screen()

    # -- signals ----------------------------------------------------------------------------

    def install_signal_handlers(self) -> None:
        """Exit through Textual (restoring the terminal) on SIGTERM, and on SIGINT from ``kill``.

        Done on the running event loop, so the handler runs between messages, never inside one.
        Only possible in the main thread of a platform with POSIX signals; elsewhere the defaults
        stay.
        """
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for signum, code in ((signal.SIGTERM, EXIT_TERMINATED), (signal.SIGINT, EXIT_INTERRUPTED)):
            previous = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, self.exit, None, code)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            self._previous_handlers[signum] = previous

    def remove_signal_handlers(self) -> None:
        """Put back whatever handled the signals before ``install_signal_handlers``."""
        if not self._previous_handlers:
            return
        loop = asyncio.get_running_loop()
        for signum, previous in self._previous_handlers.items():
            loop.remove_signal_handler(signum)
            if previous is not None:
                signal.signal(signum, previous)
        self._previous_handlers.clear()
