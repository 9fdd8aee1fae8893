"""The app's key bindings as data, for the help screen and the command palette.

Both read the *active* bindings of a screen (what the footer shows, after any keymap), so the
help, the palette and the keys themselves cannot disagree. A binding belongs to newsdiff when its
id is ``"<area>.<name>"`` (``"compare.next-difference"``); the palette names it
``"compare: next difference"``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

AREAS = (
    *("app", "story", "compare", "help", "export", "confirm", "reader", "picker", "search", "settings"),
    *("prompt", "feed", "coverage", "report", "lineage", "quotes", "quote"),
)
"""Every screen's id prefix: a binding whose id starts with another is not newsdiff's (a test
checks that every binding newsdiff defines has one of these)."""


@dataclass(frozen=True, slots=True)
class KeyCommand:
    """One binding with all its keys: what the help lists and the palette runs."""

    area: str
    name: str
    keys: tuple[str, ...]
    description: str
    tooltip: str
    node: DOMNode
    action: str
    enabled: bool

    @property
    def title(self) -> str:
        """The palette's name for it: ``"compare: next difference"``."""
        return f"{self.area}: {self.name}"

    async def run(self) -> None:
        await self.node.app.run_action(self.action, self.node)


def key_commands(screen: Screen[Any]) -> list[KeyCommand]:
    """newsdiff's bindings active on ``screen`` (focused widget, screen, app), in order."""
    found: dict[tuple[int, str], KeyCommand] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or binding.id.split(".", 1)[0] not in AREAS:
            continue
        area, _, name = binding.id.partition(".")
        slot = (id(active.node), binding.id)
        display = screen.app.get_key_display(binding)
        if slot in found:
            previous = found[slot]
            if display not in previous.keys:
                found[slot] = replace(previous, keys=(*previous.keys, display))
            continue
        found[slot] = KeyCommand(
            area=area,
            name=name.replace("-", " "),
            keys=(display,),
            description=binding.description,
            tooltip=binding.tooltip or binding.description,
            node=active.node,
            action=binding.action,
            enabled=active.enabled,
        )
    # App-wide keys (help, quit) after the screen's own, which are what the reader came for.
    return sorted(found.values(), key=lambda command: command.area == "app")


class KeyCommandsProvider(Provider):
    """Offers every newsdiff key of the current screen in the command palette."""

    def _commands(self) -> list[KeyCommand]:
        return [command for command in key_commands(self.screen) if command.enabled]

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, partial(command.run), help=_help(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), partial(command.run), help=_help(command))


def _help(command: KeyCommand) -> str:
    return f"{command.tooltip} ({', '.join(command.keys)})"
