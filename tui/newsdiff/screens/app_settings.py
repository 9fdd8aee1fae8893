"""The settings in effect, as the screens read them: the app's ``settings`` reactive is the one
source (the settings screen and the config file set it), never a copy kept by a screen.

A screen reads ``app_settings(self)`` when it needs a value (the threshold of the alignment it
starts, the export folder it proposes); a screen that must change at once when the settings do
(the open comparison) observes the reactive with ``observe_settings``. Kept out of ``app`` so the
screens never import the app that imports them.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode

from newsdiff.core.settings import Settings

SETTINGS = "settings"
"""The name of the app's reactive that holds the settings in effect."""


def app_settings(node: DOMNode) -> Settings:
    """The settings in effect; the defaults under an app without settings (a bare test app)."""
    settings = getattr(node.app, SETTINGS, None)
    return settings if isinstance(settings, Settings) else Settings()


def observe_settings(node: DOMNode, callback: Callable[[Settings], None]) -> None:
    """Call ``callback`` with the new settings each time the app's settings are set (not now);
    the watch ends when ``node`` is removed."""
    if isinstance(getattr(node.app, SETTINGS, None), Settings):
        node.watch(node.app, SETTINGS, callback, init=False)
