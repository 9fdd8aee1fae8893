"""Figures read from a text, normalised so equal facts compare equal.

"four hours" and "4 hours" are both 14,400 seconds; "Sept. 13" and "September 13" both (month 9,
day 13); "$1.5 million" and "1.5 million dollars" both 1,500,000 USD. The reader walks the atoms
(``facts.atoms``) once. At an atom that can start a figure it asks the word readers (dates,
weekdays, ordinals, fractions, ...) in turn, then reads a number and asks what follows it (a
currency, "%", a unit of time, a clock, a month) and, failing all, counts the noun after it. The
first reader that answers decides, so their order is the precedence between readings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsdiff.core.facts.atoms import Atom, split_atoms
from newsdiff.core.facts.figure_parts import Date, date_after_month, is_year, month_at, number_at, unit_words
from newsdiff.core.facts.figure_words import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DURATION_FORMS,
    DURATIONS,
    FRACTIONS,
    MONTH_NUMBERS,
    PERCENT_WORDS,
    SHORT_SCALES,
    TRIGGERS,
    WEEKDAY_NUMBERS,
    YEAR_SECONDS,
)
from newsdiff.core.lexicon import CARDINALS, FACT_STOPWORDS, ORDINALS, count_stem

Value = float | Date


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text: ``text[start:end]`` states ``value`` in ``dimension``.

    ``unit`` holds the (stemmed) words a count or ordinal is about ("missile", "ballistic"); two
    counts are comparable only when these overlap. Dates are ``(year, month, day)`` with ``None``
    for what the text leaves out.
    """

    start: int
    end: int
    dimension: str
    value: Value
    unit: frozenset[str] = frozenset()


Read = tuple[Figure | None, int]
"""What a reader made of the atoms from one index on: a figure, or ``None`` for words that only
looked like one's start, and the index of the atom after them."""

# Numerals are decimal digits of any script, as in ``figure_parts`` (never ``str.isdigit``).
_DIGITS_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_MINUTES = re.compile(r"\d\d")
_CLOCK = re.compile(r"^(?:a\.m\.|p\.m\.|am|pm)$")


def extract_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order, normalised so equal facts compare equal."""
    return read_figures(split_atoms(text))


def read_figures(atoms: list[Atom]) -> list[Figure]:
    """The figures among ``atoms``, in order."""
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        word = atoms[i].lower
        if not word[0].isdecimal() and word not in TRIGGERS and word[:-2] not in WEEKDAY_NUMBERS:
            i += 1  # most words: nothing below can start with them
            continue
        figure, i = _read_at(atoms, i)
        if figure is not None:
            figures.append(figure)
    return figures


def _read_at(atoms: list[Atom], i: int) -> Read:
    for reader in _WORD_READERS:
        read = reader(atoms, i)
        if read is not None:
            return read
    return _read_number(atoms, i)


# ---------------------------------------------------------------------------------------------
# Figures a word starts: dates and weekdays, model numbers, ordinals, fractions, "an hour"


def _month_date(atoms: list[Atom], i: int) -> Read | None:
    """A date led by a month name: "Sept. 13, 2023", "in March"."""
    if atoms[i].lower not in MONTH_NUMBERS:
        return None
    month = month_at(atoms, i)
    if month is None:
        return None
    value, j = date_after_month(atoms, i, month)
    return Figure(atoms[i].start, atoms[j - 1].end, "date", value), j


def _weekday(atoms: list[Atom], i: int) -> Read | None:
    """ "Tuesday", "Tuesday's": the day of the week, Monday 0."""
    atom = atoms[i]
    word = atom.lower
    if word in WEEKDAY_NUMBERS or (word.endswith(("’s", "'s")) and word[:-2] in WEEKDAY_NUMBERS):
        day = WEEKDAY_NUMBERS.get(word, WEEKDAY_NUMBERS.get(word[:-2], 0))
        return Figure(atom.start, atom.end, "weekday", float(day)), i + 1
    return None


def _model_number(atoms: list[Atom], i: int) -> Read | None:
    """ "Hwasong-15", "Soyuz-2": a model number belongs to the name before it."""
    atom = atoms[i]
    if atom.hyphen and atom.lower.isdecimal() and i > 0 and atoms[i - 1].text[0].isupper():
        name = atoms[i - 1]
        return Figure(name.start, atom.end, "model:" + name.lower, float(atom.lower)), i + 1
    return None


def _ordinal(atoms: list[Atom], i: int) -> Read | None:
    """ "70th anniversary", "ninth-biggest exporter", "the second time": an ordinal of a noun."""
    word = atoms[i].lower
    ordinal = ORDINALS.get(word)
    match = _ORDINAL_DIGITS.match(word) if word[0].isdecimal() else None
    if match:
        ordinal = int(match.group(1))
    if ordinal is None or (i > 0 and number_at(atoms, i - 1) is not None):
        return None
    if word in ("second", "third", "quarter") and i > 0 and atoms[i - 1].lower in ("a", "one"):
        return None  # "a second" may be a moment; "a third" a fraction (below)
    unit, j = unit_words(atoms, i + 1)
    if not unit:
        return None
    return Figure(atoms[i].start, atoms[j - 1].end, "ordinal", float(ordinal), unit), j


def _fraction(atoms: list[Atom], i: int) -> Read | None:
    """ "half", "a third", "two-thirds": a share, as "50%" is; "half an hour": a duration."""
    atom = atoms[i]
    word = atom.lower
    if word not in FRACTIONS:
        return None
    count = 1.0
    k = i
    if i > 0 and atoms[i - 1].lower in CARDINALS and atoms[i - 1].lower not in ("zero", "one"):
        count = float(CARDINALS[atoms[i - 1].lower])
        k = i - 1
    elif word != "half" and not (i > 0 and atoms[i - 1].lower in ("a", "one")):
        return None, i + 1
    share = count * FRACTIONS[word]
    if i + 2 < len(atoms) and atoms[i + 1].lower in ("a", "an") and atoms[i + 2].lower in DURATION_FORMS:
        unit_name = DURATION_FORMS[atoms[i + 2].lower]
        return Figure(atom.start, atoms[i + 2].end, "duration", share * DURATIONS[unit_name]), i + 3
    return Figure(atoms[k].start, atom.end, "share", share), i + 1


def _one_unit_of_time(atoms: list[Atom], i: int) -> Read | None:
    """ "a minute", "an hour": one of a duration, said without a number."""
    if atoms[i].lower in ("a", "an") and i + 1 < len(atoms) and atoms[i + 1].lower in DURATIONS:
        unit = atoms[i + 1]
        return Figure(atoms[i].start, unit.end, "duration", DURATIONS[unit.lower]), i + 2
    return None


def _twice(atoms: list[Atom], i: int) -> Read | None:
    atom = atoms[i]
    if atom.lower == "twice":
        return Figure(atom.start, atom.end, "count", 2.0, frozenset(["time"])), i + 1
    return None


def _age(atoms: list[Atom], i: int) -> Read | None:
    """ "aged 39" (a "39-year-old" is read after its number as a duration, which an age is)."""
    if atoms[i].lower in ("aged", "age") and i + 1 < len(atoms):
        number = number_at(atoms, i + 1)
        if number is not None:
            value, j = number
            return Figure(atoms[i].start, atoms[j - 1].end, "duration", value * YEAR_SECONDS), j
    return None


_WORD_READERS: tuple[Callable[[list[Atom], int], Read | None], ...] = (
    _month_date,
    _weekday,
    _model_number,
    _ordinal,
    _fraction,
    _one_unit_of_time,
    _twice,
    _age,
)


# ---------------------------------------------------------------------------------------------
# A number and what follows it: money, a share, a duration, a time of day, a date, a count


@dataclass(frozen=True, slots=True)
class _Number:
    """A number read at atom ``at`` up to ``after`` (exclusive), and the lower-case word after it."""

    at: int
    after: int
    value: float
    next_word: str


def _read_number(atoms: list[Atom], i: int) -> Read:
    word = atoms[i].lower
    scaled = _DIGITS_SCALED.match(word) if word[0].isdecimal() else None
    number = (
        (float(scaled.group(1)) * SHORT_SCALES[scaled.group(2)], i + 1) if scaled else number_at(atoms, i)
    )
    if number is None:
        return None, i + 1
    value, j = number
    if word == "one" and _pronoun_one(atoms, j):
        return None, j  # "one of the few", "one-on-one", "one analysts have seen": not a count
    currency = _currency_before(atoms, i)
    if currency is not None:
        return _money_after_sign(atoms, i, j, value, currency), j
    if scaled:
        return None, j  # "200m" may be metres; "3bn" is read only as money ("$3bn")
    stated = _Number(i, j, value, atoms[j].lower if j < len(atoms) else "")
    for reader in _NUMBER_READERS:
        read = reader(atoms, stated)
        if read is not None:
            return read
    return _count(atoms, stated)


def _pronoun_one(atoms: list[Atom], j: int) -> bool:
    """Whether a "one" followed by atom ``j`` is a pronoun: nothing, a function word or a plural after it."""
    return (
        j >= len(atoms)
        or not atoms[j].text[0].isalpha()
        or atoms[j].lower in FACT_STOPWORDS
        or (atoms[j].lower.endswith("s") and not atoms[j].lower.endswith("ss"))
    )


def _currency_before(atoms: list[Atom], i: int) -> str | None:
    if i > 0 and atoms[i - 1].text in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[atoms[i - 1].text]
    return None


def _money_after_sign(atoms: list[Atom], i: int, j: int, value: float, currency: str) -> Figure:
    """ "$1.5 million", "US$ 40": the figure begins at the sign (or the "US" before it)."""
    begin = atoms[i - 1].start
    if i > 1 and atoms[i - 2].text in ("US", "U.S.") and atoms[i - 1].text == "$":
        begin = atoms[i - 2].start
    return Figure(begin, atoms[j - 1].end, "money:" + currency, value)


def _money_word(atoms: list[Atom], number: _Number) -> Read | None:
    """ "1.5 million dollars"."""
    if number.next_word not in CURRENCY_WORDS:
        return None
    j = number.after
    figure = Figure(
        atoms[number.at].start, atoms[j].end, "money:" + CURRENCY_WORDS[number.next_word], number.value
    )
    return figure, j + 1


def _share(atoms: list[Atom], number: _Number) -> Read | None:
    """ "40%", "40 percent", "40 per cent"."""
    start, j = atoms[number.at].start, number.after
    if number.next_word == "%" or number.next_word in PERCENT_WORDS:
        return Figure(start, atoms[j].end, "share", number.value / 100), j + 1
    if number.next_word == "per" and j + 1 < len(atoms) and atoms[j + 1].lower == "cent":
        return Figure(start, atoms[j + 1].end, "share", number.value / 100), j + 2
    return None


def _duration(atoms: list[Atom], number: _Number) -> Read | None:
    """ "four hours", "18-month", "39-year-old"; "second" only after one or hyphened ("30-second")."""
    word, j, value = number.next_word, number.after, number.value
    if word not in DURATION_FORMS or (word == "second" and value != 1 and not atoms[j].hyphen):
        return None
    end = atoms[j].end
    if j + 1 < len(atoms) and atoms[j + 1].lower in ("old", "long"):
        end = atoms[j + 1].end
    return Figure(atoms[number.at].start, end, "duration", value * DURATIONS[DURATION_FORMS[word]]), j + 1


def _time_of_day(atoms: list[Atom], number: _Number) -> Read | None:
    """ "3 p.m.", "15:30": minutes after midnight."""
    start, j, value = atoms[number.at].start, number.after, number.value
    if j < len(atoms) and _CLOCK.match(number.next_word) and 0 < value <= 12:
        hours = value % 12 + (12 if number.next_word.startswith("p") else 0)
        return Figure(start, atoms[j].end, "time", hours * 60), j + 1
    if (
        number.next_word == ":"
        and j + 1 < len(atoms)
        and _MINUTES.fullmatch(atoms[j + 1].text)
        and value < 24
    ):
        return Figure(start, atoms[j + 1].end, "time", value * 60 + int(atoms[j + 1].text)), j + 2
    return None


def _day_before_month(atoms: list[Atom], number: _Number) -> Read | None:
    """ "13 September 2023"."""
    j, value = number.after, number.value
    if not (
        j < len(atoms)
        and number.next_word in MONTH_NUMBERS
        and atoms[j].text[0].isupper()
        and value.is_integer()
        and 1 <= value <= 31
    ):
        return None
    (year, month, _), k = date_after_month(atoms, j, MONTH_NUMBERS[number.next_word])
    return Figure(atoms[number.at].start, atoms[k - 1].end, "date", (year, month, int(value))), k


def _year(atoms: list[Atom], number: _Number) -> Read | None:
    atom = atoms[number.at]
    if is_year(atom.lower) and number.after == number.at + 1:
        return Figure(atom.start, atom.end, "date", (int(atom.lower), None, None)), number.after
    return None


def _count(atoms: list[Atom], number: _Number) -> Read:
    """A count of the noun after it ("two ballistic missiles") or, with none, of the word before
    it ("district 9", "Article 5")."""
    i, j = number.at, number.after
    unit, k = unit_words(atoms, j)
    start = atoms[i].start
    end = atoms[k - 1].end if k > j else atoms[j - 1].end
    previous = atoms[i - 1] if i > 0 else None
    if (
        not unit
        and previous is not None
        and previous.text[0].isalpha()
        and previous.lower not in FACT_STOPWORDS
    ):
        unit, start = frozenset([count_stem(previous.lower)]), previous.start
    return Figure(start, end, "count", number.value, unit), max(j, i + 1)


_NUMBER_READERS: tuple[Callable[[list[Atom], _Number], Read | None], ...] = (
    _money_word,
    _share,
    _duration,
    _time_of_day,
    _day_before_month,
    _year,
)
