"""The parts figures are made of: a cardinal number, the noun a count is about, a date after a
month name. ``facts.figures`` puts them together."""

from __future__ import annotations

import re

from newsdiff.core.facts.atoms import Atom
from newsdiff.core.facts.figure_words import MONTH_LEADS, MONTH_NUMBERS
from newsdiff.core.lexicon import CARDINALS, FACT_STOPWORDS, SCALES, TENS, count_stem

Date = tuple[int | None, int | None, int | None]
"""``(year, month, day)``, ``None`` for what the text leaves out."""

# Numerals: ``\d`` and ``str.isdecimal`` both mean a decimal digit of any script (Unicode Nd:
# "3", "٣", "३"), exactly what ``int`` and ``float`` read. ``str.isdigit`` also takes superscript
# and circled digits ("²", "⑦") that they refuse, so it is never the test here.
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_COUNT_CONTEXT = 4
"""Content words at most after a count that say what it counts."""


def number_at(atoms: list[Atom], i: int) -> tuple[float, int] | None:
    """The cardinal number starting at atom ``i`` and the index after it, or None.

    Reads numerals ("1,000", "3.5"), number words ("twenty-five", "two hundred") and a scale
    after either ("1.5 million"). "tens", "dozens", "millions" alone are vague, not figures.
    """
    word = atoms[i].lower
    value: float
    if _DIGITS.match(word):
        value = float(word.replace(",", ""))
        j = i + 1
    elif word in CARDINALS or word in TENS:
        value = float(CARDINALS.get(word, TENS.get(word, 0)))
        j = i + 1
        if (
            word in TENS
            and j < len(atoms)
            and atoms[j].lower in CARDINALS
            and 0 < CARDINALS[atoms[j].lower] < 10
        ):
            value += CARDINALS[atoms[j].lower]
            j += 1
    elif word == "dozen" and i > 0 and atoms[i - 1].lower in ("a", "one"):
        return 12.0, i + 1
    else:
        return None
    while j < len(atoms) and atoms[j].lower in SCALES:
        value *= SCALES[atoms[j].lower]
        j += 1
    return value, j


def unit_words(atoms: list[Atom], j: int) -> tuple[frozenset[str], int]:
    """The content words a count is about ("two ballistic missiles") and the index after them."""
    if j < len(atoms) and atoms[j].lower == "of":  # "two of the missiles"
        j += 1
        if j < len(atoms) and atoms[j].lower in ("the", "its", "his", "her", "their", "these", "those"):
            j += 1
    words: list[str] = []
    end = j
    while end < len(atoms) and len(words) < _COUNT_CONTEXT:
        atom = atoms[end]
        if not atom.text[0].isalpha() or atom.lower in FACT_STOPWORDS:
            break
        words.append(count_stem(atom.lower))
        end += 1
    return frozenset(words), end


def month_at(atoms: list[Atom], i: int) -> int | None:
    """The month named at atom ``i`` when it is used as a date, else None."""
    atom = atoms[i]
    month = MONTH_NUMBERS.get(atom.lower)
    if month is None or not atom.text[0].isupper():
        return None
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    if nxt is not None and nxt.text == "." and len(atom.text) <= 4:
        nxt = atoms[i + 2] if i + 2 < len(atoms) else None
    followed_by_number = nxt is not None and nxt.text.isdecimal()
    led = i > 0 and (atoms[i - 1].lower in MONTH_LEADS or atoms[i - 1].text.isdecimal())
    if len(atom.text) <= 4 and atom.lower not in ("may", "june", "july"):
        return month if followed_by_number else None  # "Mar", "Dec" alone are too ambiguous
    return month if followed_by_number or led else None


def date_after_month(atoms: list[Atom], i: int, month: int) -> tuple[Date, int]:
    """A date starting with month name atom ``i``: "Sept. 13, 2023", "September 13", "July 2023"."""
    j = i + 1
    if j < len(atoms) and atoms[j].text == ".":
        j += 1
    day: int | None = None
    year: int | None = None
    if j < len(atoms) and atoms[j].text.isdecimal() and 1 <= int(atoms[j].text) <= 31:
        day = int(atoms[j].text)
        j += 1
        if j + 1 < len(atoms) and atoms[j].text == "," and is_year(atoms[j + 1].text):
            year = int(atoms[j + 1].text)
            j += 2
    elif j < len(atoms) and is_year(atoms[j].text):
        year = int(atoms[j].text)
        j += 1
    else:
        j = i + 1
    return (year, month, day), j


def is_year(word: str) -> bool:
    return len(word) == 4 and word.isdecimal() and 1800 <= int(word) <= 2100
