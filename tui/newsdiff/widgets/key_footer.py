"""The footer of every newsdiff screen: Textual's, with ``? help`` always in sight.

Why: Textual's footer lists the keys in binding order, app keys last, and cuts what does not fit;
at 80 columns that cut ``? help``, the one key that lists all the others. Here the help key comes
first, so it stays whatever the width (``^p palette`` is docked right by Textual). Textual's
compact footer was tried for narrow windows and left stray characters by the palette key.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "app.help"


class KeyFooter(Footer):
    """A footer whose ``? help`` key comes first."""

    async def recompose(self) -> None:
        await super().recompose()
        for key in self.query_children(FooterKey):
            if key.action in (HELP_ACTION, "help") and self.children.index(key) > 0:
                self.move_child(key, before=0)
