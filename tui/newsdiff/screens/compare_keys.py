"""The comparison screen's keys: every binding with its id and tooltip (the help and the command
palette list them from here), and the actions that need the comparison computed first.

A new key for the comparison is a ``Binding`` here with an id and a tooltip, an ``action_`` method
on ``CompareScreen``, and (if it needs the comparison) its name in ``NEEDS_COMPARISON``.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("move")
DIFF = Binding.Group("diff")
ENDS = Binding.Group("ends")
NEEDS_COMPARISON = frozenset(
    {
        "move",
        "next_diff",
        "previous_diff",
        "top",
        "bottom",
        "page",
        "swap",
        "toggle_identical",
        "toggle_boilerplate",
        "toggle_unpaired",
        "next_pair",
        "previous_pair",
        "toggle_facts",
        "toggle_word_level",
        "export",
        "copy_row",
        "copy_all",
        "search",
    }
)

COMPARE_BINDINGS: list[BindingType] = [
    Binding("j,down", "move(1)", "down", id="compare.down", group=MOVE, tooltip="next row"),
    Binding("k,up", "move(-1)", "up", id="compare.up", group=MOVE, tooltip="previous row"),
    Binding("n", "next_match", "next match", id="compare.next-match", tooltip="go to the next search match"),
    Binding(
        "N",
        "previous_match",
        "prev match",
        id="compare.previous-match",
        tooltip="go to the previous search match",
    ),
    Binding(
        "right_square_bracket,n",
        "next_diff",
        "next",
        id="compare.next-difference",
        group=DIFF,
        tooltip="jump to the next changed or unpaired row",
    ),
    Binding(
        "left_square_bracket,p",
        "previous_diff",
        "previous",
        id="compare.previous-difference",
        group=DIFF,
        tooltip="jump to the previous changed or unpaired row",
    ),
    Binding(
        "right_curly_bracket",
        "next_pair",
        "next pair",
        id="compare.next-pair",
        show=False,
        tooltip="jump to the next pair, past unpaired paragraphs",
    ),
    Binding(
        "left_curly_bracket",
        "previous_pair",
        "previous pair",
        id="compare.previous-pair",
        show=False,
        tooltip="jump to the previous pair, past unpaired paragraphs",
    ),
    Binding("g,home", "top", "top", id="compare.top", group=ENDS, tooltip="first row"),
    Binding("G,end", "bottom", "bottom", id="compare.bottom", group=ENDS, tooltip="last row"),
    Binding("pagedown,space", "page(1)", "page down", id="compare.page-down", show=False),
    Binding("pageup", "page(-1)", "page up", id="compare.page-up", show=False),
    # Before the view toggles: the footer shows keys in this order and cuts the last at 80 columns.
    Binding(
        "slash",
        "search",
        "search",
        id="compare.search",
        tooltip="search the text of both columns",
        priority=True,  # see SearchBar.open: keys typed right after "/" must reach the input
    ),
    Binding(
        "e",
        "export",
        "export",
        id="compare.export-markdown",
        tooltip="write the comparison as Markdown, HTML or JSON",
    ),
    Binding("s", "swap", "swap", id="compare.swap-sides", tooltip="exchange sides A and B"),
    Binding(
        "i",
        "toggle_identical",
        "same",
        id="compare.toggle-identical",
        tooltip="hide or show identical pairs",
    ),
    Binding(
        "b",
        "toggle_boilerplate",
        "boiler",
        id="compare.toggle-boilerplate",
        tooltip="hide or show boilerplate (captions, credits, copyright)",
    ),
    Binding(
        "u",
        "toggle_unpaired",
        "unpaired",
        id="compare.toggle-unpaired",
        show=False,
        tooltip="hide or show the paragraphs only one side has",
    ),
    Binding(
        "T",
        "toggle_looser",
        "looser",
        id="compare.looser-pairing",
        show=False,
        tooltip="pair more loosely (threshold 0.12) or back to the setting's threshold",
    ),
    Binding(
        "f",
        "toggle_facts",
        "facts",
        id="compare.facts-only",
        show=False,
        tooltip="show only pairs whose numbers or names disagree",
    ),
    Binding(
        "w",
        "toggle_word_level",
        "words/¶",
        id="compare.toggle-word-level",
        tooltip="word-level highlights or whole changed paragraphs tinted",
    ),
    Binding(
        "y",
        "copy_row",
        "copy",
        id="compare.copy-pair",
        show=False,
        tooltip="copy the current pair as Markdown",
    ),
    Binding(
        "Y",
        "copy_all",
        "copy all",
        id="compare.copy-comparison",
        show=False,
        tooltip="copy the whole comparison as Markdown",
    ),
    Binding("escape", "clear_search", "clear search", id="compare.clear-search", tooltip="clear the search"),
    Binding("o", "open_url('a')", "A's URL", id="compare.open-a-url", show=False, tooltip="open A's URL"),
    Binding("O", "open_url('b')", "B's URL", id="compare.open-b-url", show=False, tooltip="open B's URL"),
    Binding("q,escape", "back", "back", id="compare.back", tooltip="back to the list of articles"),
]
