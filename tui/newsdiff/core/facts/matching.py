"""Comparing two aligned paragraphs' figures and names, slot by slot along their word diff.

Two figures are compared only when they overlap the same changed stretch of the word diff and
measure the same thing (a duration, a date, a share, money in one currency, or a count of the
same noun). A figure that only one side has is not a discrepancy, nor is one whose value the other
side states elsewhere. A name discrepancy needs a replacement whose both sides are nothing but
names, and names that are not spellings of one another ("Kim Jong Un"/"Kim Jong-un",
"U.S."/"United States", "Adm."/"Admiral", "Putin"/"Vladimir Putin" are the same), nor a mere
reordering of names both sides mention.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from newsdiff.core.facts.atoms import split_atoms
from newsdiff.core.facts.figures import Figure, read_figures
from newsdiff.core.facts.names import (
    MAX_NAME_WORDS,
    Words,
    folded_name,
    known_names,
    name_fragment,
    whole_name,
)
from newsdiff.core.lexicon import FACT_STOPWORDS, count_stem
from newsdiff.core.text import one_line
from newsdiff.core.worddiff import DiffOptions, WordDiff, diff_words

DiscrepancyKind = Literal["number", "name"]

_SHORT_CHANGE = 8
"""Words at most on each side of a changed stretch in which any two like figures are compared."""
_CONTEXT_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A fact stated differently: ``a`` on side A where side B says ``b`` (both as written)."""

    kind: DiscrepancyKind
    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]

    @property
    def label(self) -> str:
        return "figures differ" if self.kind == "number" else "names differ"


def find_discrepancies(
    a: str,
    b: str,
    diff: WordDiff | None = None,
    *,
    options: DiffOptions | None = None,
    known: frozenset[str] | None = None,
) -> tuple[Discrepancy, ...]:
    """Figures and names that side A states differently from side B, in A's reading order.

    ``diff`` is the word diff of ``a`` and ``b`` when the caller has it; ``known`` the names used
    mid-sentence anywhere in the two articles (by default, in these two texts only), so a name
    that opens a sentence still counts as one.
    """
    diff = diff or diff_words(a, b, options)
    if not diff.changed:
        return ()
    found = _figure_discrepancies(diff)
    found += _name_discrepancies(diff, known if known is not None else known_names(a, b))
    return tuple(sorted(found, key=lambda d: d.a_span))


def _discrepancy(
    kind: DiscrepancyKind, diff: WordDiff, span_a: tuple[int, int], span_b: tuple[int, int]
) -> Discrepancy:
    return Discrepancy(
        kind, one_line(diff.a[slice(*span_a)]), one_line(diff.b[slice(*span_b)]), span_a, span_b
    )


# ---------------------------------------------------------------------------------------------
# Figures

_Changed = tuple[list[int], list[int], list[int]]


def _figure_discrepancies(diff: WordDiff) -> list[Discrepancy]:
    """Pair the changed figures of both sides: first those that agree (in the same changed stretch,
    then anywhere: a figure that moved or was reworded, "four hours" / "4 hours"), then, among
    the rest, those in the same changed stretch that measure the same thing. Those disagree."""
    table_a, table_b = _changed_ops(diff, "a"), _changed_ops(diff, "b")
    if not table_a[0] or not table_b[0]:
        return []
    changed_a = [
        (x, ops) for x in read_figures(split_atoms(diff.a, table_a[:2])) if (ops := _touched(x, table_a))
    ]
    changed_b = [
        (y, ops) for y in read_figures(split_atoms(diff.b, table_b[:2])) if (ops := _touched(y, table_b))
    ]
    if not changed_a or not changed_b:
        return []
    free_a = set(range(len(changed_a)))
    free_b = set(range(len(changed_b)))
    found: list[Discrepancy] = []
    for same_value, same_slot in ((True, True), (True, False), (False, True)):
        for i, (x, ops_x) in enumerate(changed_a):
            if i not in free_a:
                continue
            for k, (y, ops_y) in enumerate(changed_b):
                if k not in free_b or (same_slot and not ops_x & ops_y) or not _comparable(x, y):
                    continue
                if _same_value(x, y) != same_value:
                    continue
                if not same_value and not _same_subject(diff, x, y, ops_x & ops_y):
                    continue
                free_a.discard(i)
                free_b.discard(k)
                if not same_value:
                    found.append(_discrepancy("number", diff, (x.start, x.end), (y.start, y.end)))
                break
    return found


def _changed_ops(diff: WordDiff, side: Literal["a", "b"]) -> _Changed:
    """Starts, ends and op numbers of the changed stretches on one side, for overlap lookups.

    An insertion has no text on side A (nor a deletion on B): no figure there changed."""
    text = diff.a if side == "a" else diff.b
    starts: list[int] = []
    ends: list[int] = []
    numbers: list[int] = []
    for k, op in enumerate(diff.ops):
        start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        if op.kind == "equal" or not text[start:end].strip():
            continue
        starts.append(start)
        ends.append(end)
        numbers.append(k)
    return starts, ends, numbers


def _touched(figure: Figure, table: _Changed) -> frozenset[int]:
    """The changed ops a figure overlaps (empty for a figure in unchanged text)."""
    starts, ends, numbers = table
    hi = bisect_left(starts, figure.end)
    lo = bisect_right(ends, figure.start)
    return frozenset(numbers[k] for k in range(lo, hi) if starts[k] < figure.end and ends[k] > figure.start)


def _same_value(x: Figure, y: Figure) -> bool:
    if isinstance(x.value, tuple) and isinstance(y.value, tuple):  # dates: what one leaves out agrees
        return all(p is None or q is None or p == q for p, q in zip(x.value, y.value, strict=True))
    return math.isclose(x.value, y.value, rel_tol=1e-6)  # type: ignore[arg-type]


def _comparable(x: Figure, y: Figure) -> bool:
    if x.dimension != y.dimension:
        return False
    if x.dimension in ("count", "ordinal"):
        return bool(x.unit & y.unit) or (not x.unit and not y.unit)
    return True


def _same_subject(diff: WordDiff, x: Figure, y: Figure, shared: frozenset[int]) -> bool:
    """Whether two figures in one changed stretch speak of the same thing: the stretch is short
    (a figure put for a figure, "around 40 seconds" / "about a minute"), or a word around them is
    the same. A long reworded passage can hold two durations of different things."""
    for k in shared:
        op = diff.ops[k]
        words_a = len(diff.a[op.a_start : op.a_end].split())
        words_b = len(diff.b[op.b_start : op.b_end].split())
        if max(words_a, words_b) <= _SHORT_CHANGE:
            return True
    return bool(_context(diff.a, x) & _context(diff.b, y))


def _context(text: str, figure: Figure) -> frozenset[str]:
    """Up to three content words either side of a figure, stemmed."""
    before = _CONTEXT_WORD.findall(text[max(0, figure.start - 40) : figure.start])[-3:]
    after = _CONTEXT_WORD.findall(text[figure.end : figure.end + 40])[:3]
    return frozenset(count_stem(w.lower()) for w in (*before, *after) if w.lower() not in FACT_STOPWORDS)


# ---------------------------------------------------------------------------------------------
# Names


def _name_discrepancies(diff: WordDiff, known: frozenset[str]) -> list[Discrepancy]:
    words_a: Words | None = None
    words_b: Words | None = None
    found: list[Discrepancy] = []
    seen: set[tuple[str, str]] = set()
    for op in diff.ops:
        if op.kind != "replace":
            continue
        fragment_a, fragment_b = diff.a[op.a_start : op.a_end], diff.b[op.b_start : op.b_end]
        if not (any(ch.isupper() for ch in fragment_a) and any(ch.isupper() for ch in fragment_b)):
            continue
        if max(len(fragment_a.split()), len(fragment_b.split())) > 2 * MAX_NAME_WORDS:
            continue  # a reworded passage, not a name put for a name
        words_a = words_a or Words(diff.a, known)
        words_b = words_b or Words(diff.b, known)
        range_a = name_fragment(words_a, op.a_start, op.a_end)
        range_b = name_fragment(words_b, op.b_start, op.b_end)
        if range_a is None or range_b is None:
            continue
        changed_a, changed_b = folded_name(words_a, *range_a), folded_name(words_b, *range_b)
        if _same_entity(changed_a, changed_b):
            continue
        if set(changed_a) <= words_b.lowered and set(changed_b) <= words_a.lowered:
            continue  # both sides name both: reordered ("Kim and Putin" / "Putin and Kim")
        run_a, run_b = whole_name(words_a, *range_a), whole_name(words_b, *range_b)
        if _same_entity(folded_name(words_a, *run_a), folded_name(words_b, *run_b)):
            continue
        discrepancy = _discrepancy("name", diff, words_a.span(*run_a), words_b.span(*run_b))
        if (discrepancy.a, discrepancy.b) in seen:
            continue
        seen.add((discrepancy.a, discrepancy.b))
        found.append(discrepancy)
    return found


# A capital or a seat of power standing for its country ("Moscow's war", "Russia's war").
_SEATS = {
    "moscow": "russia",
    "kremlin": "russia",
    "pyongyang": "northkorea",
    "dprk": "northkorea",
    "washington": "unitedstates",
    "whitehouse": "unitedstates",
    "us": "unitedstates",
    "usa": "unitedstates",
    "america": "unitedstates",
    "beijing": "china",
    "seoul": "southkorea",
    "tokyo": "japan",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "london": "britain",
    "uk": "britain",
    "unitedkingdom": "britain",
    "paris": "france",
    "berlin": "germany",
    "tehran": "iran",
    "ottawa": "canada",
    "brussels": "europeanunion",
    "eu": "europeanunion",
    "taipei": "taiwan",
    "delhi": "india",
    "newdelhi": "india",
}


def _same_entity(x: list[str], y: list[str]) -> bool:
    """Whether two folded names could be one entity written two ways."""
    if not x or not y:
        return True  # only a title changed ("Adm." → "Admiral"), or a title was added
    joined_x, joined_y = "".join(x), "".join(y)
    if joined_x == joined_y or set(x) <= set(y) or set(y) <= set(x):
        return True
    if joined_x == _initials(y) or joined_y == _initials(x):
        return True  # "U.S." / "United States", "DPRK" / "Democratic People's Republic of Korea"
    place_x, place_y = _SEATS.get(joined_x, joined_x), _SEATS.get(joined_y, joined_y)
    if place_x == place_y:
        return True  # a country for its capital or seat of power ("Moscow", "the Kremlin": Russia)
    short, long = sorted((place_x, place_y), key=len)
    # "Russia"/"Russian", "China"/"Chinese", "North Korea"/"North Korean", "Gen"/"General".
    stem = short[:-1] if len(short) > 4 else short
    return len(short) >= 3 and len(long) - len(short) <= 4 and long.startswith(stem)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)
