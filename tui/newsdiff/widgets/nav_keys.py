"""The same moving keys on every screen: ``j``/``k`` (and the arrows), ``g``/``home``, ``G``/``end``.

Why one helper: the comparison and the reader had vim/less keys, the story-wide screens had only
the arrows (and ``home``/``end`` scrolled a table sideways), so a reader's habits broke from one
screen to the next. A screen or table binds ``nav_bindings(area)`` and has an ``action_nav`` that
calls ``navigate`` on what it moves: a table's cursor, or the scrolling panes.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable

MOVES = ("down", "up", "top", "bottom")


def nav_bindings(area: str, what: str = "row", *, priority: bool = False) -> list[Binding]:
    """``j`` ``↓`` / ``k`` ``↑`` / ``g`` ``home`` / ``G`` ``end``, with ids ``<area>.down`` etc.;
    ``what`` names the unit in the help ("row", "line").

    ``priority``: for a screen whose focused pane has its own (id-less) arrow keys, so the screen's
    win and the help lists the arrows with ``j``/``k``; only on screens without a text input."""
    keys = (
        ("j,down", "down", "down", f"next {what}"),
        ("k,up", "up", "up", f"previous {what}"),
        ("g,home", "top", "top", f"first {what}"),
        ("G,end", "bottom", "end", f"last {what}"),
    )
    return [
        Binding(key, f"nav('{move}')", label, id=f"{area}.{move}", show=False, tooltip=tip, priority=priority)
        for key, move, label, tip in keys
    ]


def navigate(targets: Iterable[Widget], move: str) -> None:
    """Move a table's cursor, or scroll a pane, by ``move`` (one of ``MOVES``).

    Several panes (a report's two columns) scroll together, so they stay side by side."""
    for target in targets:
        if isinstance(target, DataTable):
            if move == "down":
                target.action_cursor_down()
            elif move == "up":
                target.action_cursor_up()
            elif target.row_count:
                target.move_cursor(row=0 if move == "top" else target.row_count - 1)
        elif move in ("down", "up"):
            target.scroll_relative(y=1 if move == "down" else -1, animate=False)
        elif move == "top":
            target.scroll_home(animate=False)
        else:
            target.scroll_end(animate=False)
