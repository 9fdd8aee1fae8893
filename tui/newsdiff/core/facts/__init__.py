"""Numbers and names that disagree inside one aligned pair: what a fact-checker reads first.

Two outlets reporting the same event should agree on its figures and on who was there. A plain
word diff shows "four" → "five" among dozens of rewordings; this package picks out the changes
that are facts: a figure on one side whose counterpart on the other has another value ("four
hours" vs "five hours", "18-month" vs "two-year", "40 seconds" vs "a minute"), and a proper name
put where the other side names someone else ("Sergei Shoigu" vs "Sergei Lavrov").

Both checks lean on the word diff, so that only things in the same *slot* are compared. The
package is split by what it reads:

- ``figures``: figures read from text and normalised to a value and a dimension (``atoms``: the
  hyphen-split words they are read from; ``figure_words``: units, currencies, fractions);
- ``names``: which capitalised words are names (``known_names``), and the whole name around one;
- ``matching``: ``Discrepancy`` and ``find_discrepancies``, comparing the two sides slot by slot.

The shared word lists (number words, months, function words, titles) are ``core.lexicon``'s.
Everything here is plain Python over token lists, fast enough to run per row on demand (the
comparison screen asks for the rows it shows).
"""

from __future__ import annotations

from newsdiff.core.facts.matching import Discrepancy, find_discrepancies
from newsdiff.core.facts.names import known_names

__all__ = ["Discrepancy", "find_discrepancies", "known_names"]
