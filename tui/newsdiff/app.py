"""The Textual application: app-wide keys, the command palette, and the first screen.

Kept small on purpose: screens live in ``newsdiff.screens``, widgets in ``newsdiff.widgets``,
and everything the app shows is computed by ``newsdiff.core``. What the app itself does:

- ``?`` opens the help of the current screen; ``ctrl+c`` quits from anywhere (status 130, as an
  interrupted command), as does SIGTERM (status 143) or SIGINT sent by ``kill``: each goes
  through Textual's normal exit, so the terminal is always restored.
- Below ``MIN_SIZE`` a message about the window size replaces the screens, until it grows again.
- ``,`` opens the settings from any screen. The app's ``settings`` reactive is the one source of the
  settings in effect: setting it applies the theme and keymap here, and the screens read it
  (``screens.app_settings``) or observe it (the open comparison re-wraps and re-diffs at once).
  The settings' keymap remaps any binding by its id; an id no binding has is reported once, as a
  notification.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import ModalScreen

from newsdiff.commands import KeyCommandsProvider
from newsdiff.core.loader import Source
from newsdiff.core.options import LoadOptions
from newsdiff.core.seeds import seeds_dir
from newsdiff.core.settings import Settings
from newsdiff.core.settings import config_path as settings_file
from newsdiff.core.worddiff import DiffOptions
from newsdiff.exit_codes import EXIT_INTERRUPTED, EXIT_TERMINATED
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.screens.too_small import TooSmallScreen, too_small

SignalHandler = Callable[[int, FrameType | None], object] | int | None


WARM_UP_DELAY = 0.5
"""Seconds after start-up before the comparison libraries are imported in the background."""


def warm_up_imports() -> None:
    """Import the comparison's heavy dependencies (numpy, scipy.sparse, csgraph, rapidfuzz) and load
    the paraphrase scorer's model and lemmatizer."""
    import scipy.sparse.csgraph  # noqa: F401

    import newsdiff.core.comparison.model  # noqa: F401
    from newsdiff.core.errors import InputError
    from newsdiff.core.paraphrase import warm_up
    from newsdiff.core.store.database import Store  # noqa: F401  (SQLAlchemy, 0.3 s: so F opens at once)

    with contextlib.suppress(InputError):  # a broken install: the comparison reports it, one line
        warm_up()


def binding_ids() -> set[str]:
    """Every binding id of newsdiff's screens and widgets (and Textual's own), to check a keymap.

    Imports every module of ``newsdiff.screens`` and ``newsdiff.widgets`` first, so a screen not
    yet opened still counts; only called when the settings remap keys.
    """
    import importlib
    import pkgutil

    import newsdiff.screens
    import newsdiff.widgets

    for package in (newsdiff.screens, newsdiff.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            try:
                importlib.import_module(f"{package.__name__}.{module.name}")
            except Exception:  # a module another change broke must not stop the app starting
                continue
    ids: set[str] = set()
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def unknown_binding_ids(keymap: Iterable[str]) -> list[str]:
    known = binding_ids()
    return sorted(binding_id for binding_id in keymap if binding_id not in known)


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
        Binding(
            "F",
            "stories",
            "stories",
            id="app.stories",
            show=False,
            tooltip="the stories your subscriptions formed across outlets (newsdiff subscribe, refresh)",
        ),
        Binding(
            "comma",
            "settings",
            "settings",
            id="app.settings",
            show=False,
            tooltip="settings: comparison options, threshold, width, theme, export folder",
        ),
    ]

    settings: reactive[Settings] = reactive(Settings, always_update=True, repaint=False, init=False)
    """The settings in effect, the one source the screens read and observe (``screens.app_settings``);
    every assignment applies them, even of equal settings (saving resets the comparison's ``T``)."""

    def __init__(
        self,
        paths: Sequence[Source] | None = None,
        *,
        settings: Settings | None = None,
        config_path: Path | None = None,
        config_warning: str | None = None,
        load_options: LoadOptions | None = None,
    ) -> None:
        """``paths``: files or folders of articles; none means the bundled example story.

        ``settings`` come from the config file and the command line (the CLI reads and merges
        them; by default nothing is read). ``config_path`` is where the settings screen saves (by
        default the usual config file), and ``config_warning`` a problem found while reading it,
        shown once the app is up. ``load_options`` say how sources are
        read (size limit, timeout, refresh): the defaults unless given, never the environment.
        """
        super().__init__()
        self.paths = list(paths) if paths else [seeds_dir()]
        settings = settings or Settings()
        self.set_reactive(NewsdiffApp.settings, settings)
        self.config_path = config_path
        self.load_options = load_options or LoadOptions()
        self._warnings = [config_warning] if config_warning else []
        self.export_format: str | None = None
        """The format last chosen in the export dialog, proposed by the next one (this session);
        None: the default format."""
        self._previous_handlers: dict[int, SignalHandler] = {}
        self._started = False
        self.set_keymap(dict(settings.keys))

    @property
    def threshold(self) -> float:
        """The settings' pairing threshold (read from ``settings``, never kept apart)."""
        return self.settings.threshold

    @property
    def options(self) -> DiffOptions:
        """The settings' word-diff options (read from ``settings``)."""
        return self.settings.diff_options()

    def on_mount(self) -> None:
        theme_problem = self._apply_look(self.settings)
        if theme_problem:
            self._warnings.append(theme_problem)
        if self.settings.keys:
            # Checking imports every screen (~0.1 s): after the first paint, not before it.
            self.call_after_refresh(self._check_keymap)
        for warning in self._warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10, markup=False)
        self.push_screen(StoryScreen(self.paths, self.load_options))
        # The aligner's libraries take ~0.3 s to import; do it while the reader picks sources,
        # so the first comparison opens without that wait, but after the first paint, so it does
        # not compete with start-up.
        self.set_timer(WARM_UP_DELAY, self._warm_up)
        self._started = True
        self._fit(self.size)
        if not self.is_headless:
            self.install_signal_handlers()

    def _check_keymap(self) -> None:
        unknown = unknown_binding_ids(self.settings.keys)
        if unknown:
            message = f"keys: no binding has the id {', '.join(map(repr, unknown))}; ignored"
            self.notify(message, title="Settings", severity="warning", timeout=10, markup=False)

    def _warm_up(self) -> None:
        # Not while the story's articles load: the warm-up holds the interpreter for about a
        # second (imports, the paraphrase model), which the table filling would wait for.
        # The timer can fire while the app is closing, when no screen is left on the stack.
        if not self.is_running or not self.screen_stack:
            return
        if isinstance(self.screen, StoryScreen) and not self.screen.loaded:
            self.set_timer(WARM_UP_DELAY, self._warm_up)
            return
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

    def action_stories(self) -> None:
        from newsdiff.screens.stories_screen import StoriesScreen

        if not isinstance(self.screen, StoriesScreen | ModalScreen):
            self.push_screen(StoriesScreen())

    def action_settings(self) -> None:
        from newsdiff.screens.settings_screen import SettingsScreen

        path = self.config_path or settings_file()
        self.push_screen(SettingsScreen(self.settings, path, sorted(self.available_themes)), self._saved)

    def _saved(self, settings: Settings | None) -> None:
        if settings is None:
            return
        self.settings = settings
        path = self.config_path or settings_file()
        self.notify(f"Saved to {path}", title="Settings", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small, only quitting is possible; settings open over a screen,
        not over a dialog."""
        if action == "settings" and isinstance(self.screen, ModalScreen):
            return False
        return action in ("interrupt", "quit") or not isinstance(self.screen, TooSmallScreen)

    # -- settings ---------------------------------------------------------------------------

    def watch_settings(self, previous: Settings, settings: Settings) -> None:
        """Put new settings into effect here: keys and look (the screens observe the rest)."""
        if settings.keys != previous.keys:
            self.set_keymap(dict(settings.keys))
        theme_problem = self._apply_look(settings)
        if theme_problem:
            self.notify(theme_problem, title="Settings", severity="warning", markup=False)

    def _apply_look(self, settings: Settings) -> str | None:
        """The theme (the comparison's columns are set by its screen); returns the problem with
        the theme's name, if any."""
        problem = None
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        else:
            problem = f"theme: no theme is called {settings.theme!r}; using {self.theme!r}"
        return problem

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
