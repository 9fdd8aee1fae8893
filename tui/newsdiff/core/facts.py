"""Numbers and names that disagree inside one aligned pair: what a fact-checker reads first.

Two outlets reporting the same event should agree on its figures and on who was there. A plain
word diff shows "four" → "five" among dozens of rewordings; this module picks out the changes that
are facts: a figure on one side whose counterpart on the other has another value ("four hours" vs
"five hours", "18-month" vs "two-year", "40 seconds" vs "a minute"), and a proper name put where
the other side names someone else ("Sergei Shoigu" vs "Sergei Lavrov").

Both checks lean on the word diff, so that only things in the same *slot* are compared:

- Figures are read from the whole text and normalised to a value and a dimension ("four hours"
  and "4 hours" are both 14,400 seconds; "Sept. 13" and "September 13" both (month 9, day 13);
  "$1.5 million" and "1.5 million dollars" both 1,500,000 USD). Two figures are compared only
  when they overlap the same changed stretch of the word diff and measure the same thing (a
  duration, a date, a share, money in one currency, or a count of the same noun). A figure that
  only one side has is not a discrepancy, nor is one whose value the other side states elsewhere.
- Names are runs of capitalised words that are not merely starting a sentence. A name
  discrepancy needs a replacement whose both sides are nothing but names, and names that are not
  spellings of one another ("Kim Jong Un"/"Kim Jong-un", "U.S."/"United States", "Adm."/"Admiral",
  "Putin"/"Vladimir Putin" are the same), nor a mere reordering of names both sides mention.

Everything here is plain Python over token lists, fast enough to run per row on demand (the
comparison screen asks for the rows it shows).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from newsdiff.core.text import one_line
from newsdiff.core.tokens import token_table
from newsdiff.core.worddiff import DiffOptions, WordDiff, diff_words

DiscrepancyKind = Literal["number", "name"]
Value = float | tuple[int | None, int | None, int | None]


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


# ---------------------------------------------------------------------------------------------
# Vocabulary


def _wordlist(text: str) -> list[str]:
    """Words of a literal written as running text: long vocabularies stay readable."""
    return text.split()


_UNITS = {
    w: n
    for n, w in enumerate(
        _wordlist(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * (n + 2) for n, w in enumerate(_wordlist("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_ORDINAL_WORDS = {
    w: n + 1
    for n, w in enumerate(
        _wordlist(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        )
    )
}
_ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}

_YEAR_SECONDS = 365.25 * 86400
_DURATIONS = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 7 * 86400.0,
    "fortnight": 14 * 86400.0,
    "month": _YEAR_SECONDS / 12,
    "year": _YEAR_SECONDS,
    "decade": 10 * _YEAR_SECONDS,
    "century": 100 * _YEAR_SECONDS,
}
_DURATION_FORMS = {**{u: u for u in _DURATIONS}, **{u + "s": u for u in _DURATIONS}, "centuries": "century"}

_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "rupees": "INR",
}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₩": "KRW"}

_MONTHS = {
    name: n + 1
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
# Words before a month name that make it a date ("in March"), so "March"/"May" as verbs do not count.
_MONTH_LEADS = frozenset(_wordlist("in on since until by last next early late mid from through of"))
_WEEKDAYS = {
    w: n for n, w in enumerate(_wordlist("monday tuesday wednesday thursday friday saturday sunday"))
}
_PERCENT_WORDS = frozenset(["percent", "pct"])

# Words that end the noun phrase a count is about, and that never are a name on their own.
_FUNCTION_WORDS = frozenset(
    _wordlist("""a an the of to in on at by for with and or but as is was are were be been being it its
    that this these those he she they we you i his her their our your from has have had not no
    into onto toward towards after before since during about around over under than then there
    which who whom whose what when where while if so such per each every all some any more most
    less fewer also only just up down out off will would could should may might can must do
    does did said says told between among against across within without through via near like
    beyond today yesterday tomorrow tonight now ago later earlier again still""")
)

# Capitalised words that are a role, not who holds it: "Adm." and "Admiral" name nobody.
_TITLES = frozenset(
    _wordlist("""mr mrs ms miss dr prof sir dame gen general adm admiral lt col colonel sgt capt captain
    president premier prime minister secretary chief spokesman spokeswoman spokesperson governor
    gov sen senator rep representative ambassador chairman chairwoman chair director commander
    king queen prince princess pope leader deputy vice foreign defense defence state""")
)
# Lower-case words allowed inside a name ("Republic of Korea", "bin Salman", "van der Berg").
_NAME_JOINERS = frozenset(_wordlist("of de da del della der van von bin al la le du"))
_SENTENCE_ENDS = frozenset(".!?…:")
_OPENERS = frozenset("\"'“‘«([")

# Numerals: ``\d`` and ``str.isdecimal`` both mean a decimal digit of any script (Unicode Nd:
# "3", "٣", "३"), exactly what ``int`` and ``float`` read. ``str.isdigit`` also takes superscript
# and circled digits ("²", "⑦") that they refuse, so it is never the test here.
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_CLOCK = re.compile(r"^(?:a\.m\.|p\.m\.|am|pm)$")
_NAME_FOLD = re.compile(r"[\W_]+")
_POSSESSIVE = ("’s", "'s", "’", "'")

_MAX_NAME_WORDS = 6
_SHORT_CHANGE = 8
"""Words at most on each side of a changed stretch in which any two like figures are compared."""
_CONTEXT_WORD = re.compile(r"[^\W\d_]{2,}")
# How far from a changed stretch a figure touching it may begin or end ("Sept. 13, 2023" changed
# at "2023"; "two short-range ballistic missiles" changed at "two").
_REACH = 60
# Words a figure can start with, besides numerals: anything else is skipped at once.
_TRIGGERS = frozenset(
    [
        *_UNITS,
        *_TENS,
        *_ORDINAL_WORDS,
        *_FRACTIONS,
        *_MONTHS,
        *_WEEKDAYS,
        "dozen",
        "a",
        "an",
        "twice",
        "aged",
        "age",
    ]
)
_COUNT_CONTEXT = 4


# ---------------------------------------------------------------------------------------------
# Atoms: word tokens split at hyphens, so "18-month-old" reads like "18 month old".


@dataclass(frozen=True, slots=True)
class _Atom:
    text: str
    lower: str
    start: int
    end: int
    hyphen: bool  # joined to the previous atom by a hyphen


def _atoms(text: str, near: tuple[list[int], list[int]] | None = None) -> list[_Atom]:
    """The atoms of ``text``; with ``near`` (starts and ends of changed stretches) only those
    within ``_REACH`` characters of one, each window closed by a break atom that no figure spans."""
    keys, starts = token_table(text)
    windows = [(0, len(keys))] if near is None else _windows(starts, *near)
    atoms: list[_Atom] = []
    for lo, hi in windows:
        _add_atoms(atoms, keys[lo:hi], starts[lo:hi])
        if near is not None:
            atoms.append(_Atom("\n", "\n", starts[hi - 1], starts[hi - 1], False))
    return atoms


def _windows(starts: list[int], changed_starts: list[int], changed_ends: list[int]) -> list[tuple[int, int]]:
    """Token index ranges around the changed stretches, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for begin, end in zip(changed_starts, changed_ends, strict=True):
        lo = bisect_left(starts, begin - _REACH)
        hi = bisect_right(starts, end + _REACH)
        if lo >= hi:
            continue
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _add_atoms(atoms: list[_Atom], keys: list[str], starts: list[int]) -> None:
    for key, start in zip(keys, starts, strict=True):
        if "-" in key and key[0].isalnum():
            offset = start
            for k, part in enumerate(key.split("-")):
                if part:
                    atoms.append(_Atom(part, part.lower(), offset, offset + len(part), k > 0))
                offset += len(part) + 1
        else:
            atoms.append(_Atom(key, key.lower(), start, start + len(key), False))


def _number_at(atoms: list[_Atom], i: int) -> tuple[float, int] | None:
    """The cardinal number starting at atom ``i`` and the index after it, or None.

    Reads numerals ("1,000", "3.5"), number words ("twenty-five", "two hundred") and a scale
    after either ("1.5 million"). "tens", "dozens", "millions" alone are vague, not figures.
    """
    word = atoms[i].lower
    value: float
    if _DIGITS.match(word):
        value = float(word.replace(",", ""))
        j = i + 1
    elif word in _UNITS or word in _TENS:
        value = float(_UNITS.get(word, _TENS.get(word, 0)))
        j = i + 1
        if word in _TENS and j < len(atoms) and atoms[j].lower in _UNITS and 0 < _UNITS[atoms[j].lower] < 10:
            value += _UNITS[atoms[j].lower]
            j += 1
    elif word == "dozen" and i > 0 and atoms[i - 1].lower in ("a", "one"):
        return 12.0, i + 1
    else:
        return None
    while j < len(atoms) and atoms[j].lower in _SCALES:
        value *= _SCALES[atoms[j].lower]
        j += 1
    return value, j


def _unit_words(atoms: list[_Atom], j: int) -> tuple[frozenset[str], int]:
    """The content words a count is about ("two ballistic missiles") and the index after them."""
    if j < len(atoms) and atoms[j].lower == "of":  # "two of the missiles"
        j += 1
        if j < len(atoms) and atoms[j].lower in ("the", "its", "his", "her", "their", "these", "those"):
            j += 1
    words: list[str] = []
    end = j
    while end < len(atoms) and len(words) < _COUNT_CONTEXT:
        atom = atoms[end]
        if not atom.text[0].isalpha() or atom.lower in _FUNCTION_WORDS:
            break
        words.append(_stem(atom.lower))
        end += 1
    return frozenset(words), end


def _stem(word: str) -> str:
    for suffix in ("’s", "'s"):
        word = word.removesuffix(suffix)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _currency_before(atoms: list[_Atom], i: int) -> str | None:
    if i > 0 and atoms[i - 1].text in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[atoms[i - 1].text]
    return None


def _date_after_month(atoms: list[_Atom], i: int, month: int) -> tuple[Value, int]:
    """A date starting with month name atom ``i``: "Sept. 13, 2023", "September 13", "July 2023"."""
    j = i + 1
    if j < len(atoms) and atoms[j].text == ".":
        j += 1
    day: int | None = None
    year: int | None = None
    if j < len(atoms) and atoms[j].text.isdecimal() and 1 <= int(atoms[j].text) <= 31:
        day = int(atoms[j].text)
        j += 1
        if j + 1 < len(atoms) and atoms[j].text == "," and _is_year(atoms[j + 1].text):
            year = int(atoms[j + 1].text)
            j += 2
    elif j < len(atoms) and _is_year(atoms[j].text):
        year = int(atoms[j].text)
        j += 1
    else:
        j = i + 1
    return (year, month, day), j


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdecimal() and 1800 <= int(word) <= 2100


def _month_at(atoms: list[_Atom], i: int) -> int | None:
    """The month named at atom ``i`` when it is used as a date, else None."""
    atom = atoms[i]
    month = _MONTHS.get(atom.lower)
    if month is None or not atom.text[0].isupper():
        return None
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    if nxt is not None and nxt.text == "." and len(atom.text) <= 4:
        nxt = atoms[i + 2] if i + 2 < len(atoms) else None
    followed_by_number = nxt is not None and nxt.text.isdecimal()
    led = i > 0 and (atoms[i - 1].lower in _MONTH_LEADS or atoms[i - 1].text.isdecimal())
    if len(atom.text) <= 4 and atom.lower not in ("may", "june", "july"):
        return month if followed_by_number else None  # "Mar", "Dec" alone are too ambiguous
    return month if followed_by_number or led else None


def extract_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order, normalised so equal facts compare equal."""
    return _figures(_atoms(text))


def _figures(atoms: list[_Atom]) -> list[Figure]:
    figures: list[Figure] = []
    n = len(atoms)
    i = 0
    while i < n:
        atom = atoms[i]
        word = atom.lower
        first = word[0]
        if not first.isdecimal() and word not in _TRIGGERS and word[:-2] not in _WEEKDAYS:
            i += 1  # most words: nothing below can start with them
            continue
        start = atom.start
        # Dates led by a month name.
        if first.isalpha() and word in _MONTHS:
            month = _month_at(atoms, i)
            if month is not None:
                value, j = _date_after_month(atoms, i, month)
                figures.append(Figure(start, atoms[j - 1].end, "date", value))
                i = j
                continue
        if word in _WEEKDAYS or (word.endswith(("’s", "'s")) and word[:-2] in _WEEKDAYS):
            day = _WEEKDAYS.get(word, _WEEKDAYS.get(word[:-2], 0))
            figures.append(Figure(start, atom.end, "weekday", float(day)))
            i += 1
            continue
        # "Hwasong-15", "Soyuz-2": a model number belongs to the name before it.
        if atom.hyphen and word.isdecimal() and i > 0 and atoms[i - 1].text[0].isupper():
            figures.append(Figure(atoms[i - 1].start, atom.end, "model:" + atoms[i - 1].lower, float(word)))
            i += 1
            continue
        # Ordinals: "70th anniversary", "ninth-biggest exporter", "the second time".
        ordinal = _ORDINAL_WORDS.get(word)
        match = _ORDINAL_DIGITS.match(word) if first.isdecimal() else None
        if match:
            ordinal = int(match.group(1))
        if ordinal is not None and not (i > 0 and _number_at(atoms, i - 1) is not None):
            if word in ("second", "third", "quarter") and i > 0 and atoms[i - 1].lower in ("a", "one"):
                pass  # "a second" may be a moment; "a third" a fraction (below)
            else:
                unit, j = _unit_words(atoms, i + 1)
                if unit:
                    figures.append(Figure(start, atoms[j - 1].end, "ordinal", float(ordinal), unit))
                    i = j
                    continue
        # Fractions: "half", "a third", "two-thirds" (a share, as "50%" is).
        if word in _FRACTIONS:
            count = 1.0
            k = i
            if i > 0 and atoms[i - 1].lower in _UNITS and atoms[i - 1].lower not in ("zero", "one"):
                count = float(_UNITS[atoms[i - 1].lower])
                k = i - 1
            elif word != "half" and not (i > 0 and atoms[i - 1].lower in ("a", "one")):
                i += 1
                continue
            share = count * _FRACTIONS[word]
            if i + 2 < n and atoms[i + 1].lower in ("a", "an") and atoms[i + 2].lower in _DURATION_FORMS:
                unit_name = _DURATION_FORMS[atoms[i + 2].lower]
                figures.append(Figure(start, atoms[i + 2].end, "duration", share * _DURATIONS[unit_name]))
                i += 3
                continue
            figures.append(Figure(atoms[k].start, atom.end, "share", share))
            i += 1
            continue
        # "a minute", "an hour": one of a duration, said without a number.
        if word in ("a", "an") and i + 1 < n and atoms[i + 1].lower in _DURATIONS:
            unit_name = atoms[i + 1].lower
            figures.append(Figure(start, atoms[i + 1].end, "duration", _DURATIONS[unit_name]))
            i += 2
            continue
        if word == "twice":
            figures.append(Figure(start, atom.end, "count", 2.0, frozenset(["time"])))
            i += 1
            continue
        # Ages: "aged 39" (a "39-year-old" is read below as a duration, which an age is).
        if word in ("aged", "age") and i + 1 < n:
            number = _number_at(atoms, i + 1)
            if number is not None:
                figures.append(Figure(start, atoms[number[1] - 1].end, "duration", number[0] * _YEAR_SECONDS))
                i = number[1]
                continue
        scaled = _DIGITS_SCALED.match(word) if first.isdecimal() else None
        number = (
            (float(scaled.group(1)) * _SHORT_SCALES[scaled.group(2)], i + 1)
            if scaled
            else _number_at(atoms, i)
        )
        if number is None:
            i += 1
            continue
        value, j = number
        if word == "one" and (
            j >= n
            or not atoms[j].text[0].isalpha()
            or atoms[j].lower in _FUNCTION_WORDS
            or (atoms[j].lower.endswith("s") and not atoms[j].lower.endswith("ss"))
        ):
            i = j  # "one of the few", "one-on-one", "one analysts have seen": a pronoun, not a count
            continue
        nxt = atoms[j].lower if j < n else ""
        currency = _currency_before(atoms, i)
        if scaled and currency is None:
            i = j  # "200m" may be metres; "3bn" is read only as money ("$3bn")
            continue
        if currency is not None:
            begin = atoms[i - 1].start
            if i > 1 and atoms[i - 2].text in ("US", "U.S.") and atoms[i - 1].text == "$":
                begin = atoms[i - 2].start
            figures.append(Figure(begin, atoms[j - 1].end, "money:" + currency, value))
            i = j
            continue
        if nxt in _CURRENCY_WORDS:
            figures.append(Figure(start, atoms[j].end, "money:" + _CURRENCY_WORDS[nxt], value))
            i = j + 1
            continue
        if nxt == "%" or nxt in _PERCENT_WORDS:
            figures.append(Figure(start, atoms[j].end, "share", value / 100))
            i = j + 1
            continue
        if nxt == "per" and j + 1 < n and atoms[j + 1].lower == "cent":
            figures.append(Figure(start, atoms[j + 1].end, "share", value / 100))
            i = j + 2
            continue
        if nxt in _DURATION_FORMS and not (nxt == "second" and value != 1 and not atoms[j].hyphen):
            unit_name = _DURATION_FORMS[nxt]
            end = atoms[j].end
            if j + 1 < n and atoms[j + 1].lower in ("old", "long"):
                end = atoms[j + 1].end
            figures.append(Figure(start, end, "duration", value * _DURATIONS[unit_name]))
            i = j + 1
            continue
        if j < n and _CLOCK.match(nxt) and 0 < value <= 12:
            hours = value % 12 + (12 if nxt.startswith("p") else 0)
            figures.append(Figure(start, atoms[j].end, "time", hours * 60))
            i = j + 1
            continue
        if nxt == ":" and j + 1 < n and re.fullmatch(r"\d\d", atoms[j + 1].text) and value < 24:
            figures.append(Figure(start, atoms[j + 1].end, "time", value * 60 + int(atoms[j + 1].text)))
            i = j + 2
            continue
        if (
            j < n
            and _MONTHS.get(nxt)
            and atoms[j].text[0].isupper()
            and value.is_integer()
            and 1 <= value <= 31
        ):
            date, k = _date_after_month(atoms, j, _MONTHS[nxt])  # "13 September 2023"
            figures.append(Figure(start, atoms[k - 1].end, "date", (date[0], date[1], int(value))))  # type: ignore[index]
            i = k
            continue
        if _is_year(word) and j == i + 1:
            figures.append(Figure(start, atom.end, "date", (int(word), None, None)))
            i = j
            continue
        unit, k = _unit_words(atoms, j)
        end = atoms[k - 1].end if k > j else atoms[j - 1].end
        previous = atoms[i - 1] if i > 0 else None
        if not unit and previous and previous.text[0].isalpha() and previous.lower not in _FUNCTION_WORDS:
            unit, start = frozenset([_stem(previous.lower)]), previous.start  # "district 9", "Article 5"
        figures.append(Figure(start, end, "count", value, unit))
        i = max(j, i + 1)
    return figures


# ---------------------------------------------------------------------------------------------
# Comparing figures


def _same_value(x: Figure, y: Figure) -> bool:
    if x.dimension == "date":
        return all(p is None or q is None or p == q for p, q in zip(x.value, y.value, strict=True))  # type: ignore[arg-type]
    return math.isclose(x.value, y.value, rel_tol=1e-6)  # type: ignore[arg-type]


def _comparable(x: Figure, y: Figure) -> bool:
    if x.dimension != y.dimension:
        return False
    if x.dimension in ("count", "ordinal"):
        return bool(x.unit & y.unit) or (not x.unit and not y.unit)
    return True


def _side_text(diff: WordDiff, side: Literal["a", "b"]) -> str:
    return diff.a if side == "a" else diff.b


def _changed_ops(diff: WordDiff, side: Literal["a", "b"]) -> tuple[list[int], list[int], list[int]]:
    """Starts, ends and op numbers of the changed stretches on one side, for overlap lookups.

    An insertion has no text on side A (nor a deletion on B): no figure there changed."""
    starts: list[int] = []
    ends: list[int] = []
    numbers: list[int] = []
    for k, op in enumerate(diff.ops):
        start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        if op.kind == "equal" or not _side_text(diff, side)[start:end].strip():
            continue
        starts.append(start)
        ends.append(end)
        numbers.append(k)
    return starts, ends, numbers


def _touched(figure: Figure, table: tuple[list[int], list[int], list[int]]) -> frozenset[int]:
    """The changed ops a figure overlaps (empty for a figure in unchanged text)."""
    starts, ends, numbers = table
    hi = bisect_left(starts, figure.end)
    lo = bisect_right(ends, figure.start)
    return frozenset(numbers[k] for k in range(lo, hi) if starts[k] < figure.end and ends[k] > figure.start)


def _figure_discrepancies(diff: WordDiff) -> list[Discrepancy]:
    """Pair the changed figures of both sides: first those that agree (in the same changed stretch,
    then anywhere: a figure that moved or was reworded, "four hours" / "4 hours"), then, among
    the rest, those in the same changed stretch that measure the same thing. Those disagree."""
    table_a, table_b = _changed_ops(diff, "a"), _changed_ops(diff, "b")
    if not table_a[0] or not table_b[0]:
        return []
    changed_a = [(x, ops) for x in _figures(_atoms(diff.a, table_a[:2])) if (ops := _touched(x, table_a))]
    changed_b = [(y, ops) for y in _figures(_atoms(diff.b, table_b[:2])) if (ops := _touched(y, table_b))]
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
                    span_a, span_b = (x.start, x.end), (y.start, y.end)
                    text_a, text_b = one_line(diff.a[slice(*span_a)]), one_line(diff.b[slice(*span_b)])
                    found.append(Discrepancy("number", text_a, text_b, span_a, span_b))
                break
    return found


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
    return frozenset(_stem(w.lower()) for w in (*before, *after) if w.lower() not in _FUNCTION_WORDS)


# ---------------------------------------------------------------------------------------------
# Names


def _strip_possessive(word: str) -> str:
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _capitalised(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _FUNCTION_WORDS and word != "I"


def _not_a_name(lower: str) -> bool:
    """Months and weekdays are figures (dates), compared above, not names."""
    return lower in _MONTHS or lower in _WEEKDAYS


def _opens_sentence(keys: list[str], starts: list[int], text: str, k: int) -> bool:
    """Whether token ``k`` opens a sentence (after ., !, ?, a colon, a line break or an opening
    quote), where any word is capitalised and so proves nothing.

    After an opening quote a quoted sentence may start ("replied, “That’s why ..."); a closing
    straight quote is caught too, which only costs a name not yet known elsewhere.
    """
    if k == 0:
        return True
    previous = keys[k - 1]
    return (
        previous in _SENTENCE_ENDS
        or previous in _OPENERS
        or "\n" in text[starts[k - 1] + len(previous) : starts[k]]
    )


def known_names(*texts: str) -> frozenset[str]:
    """Words the texts show to be names even where a sentence opens with them.

    A capitalised word used mid-sentence is one ("Putin said ..." after "... with Putin"). So is a
    sentence's first word when a capitalised word follows it and the texts never write it in lower
    case ("Jo Chun Ryong travelled ..."), which keeps out "Earlier Kim said" when "earlier" is used.
    """
    names: set[str] = set()
    openers: list[tuple[str, str]] = []
    lower: set[str] = set()
    for text in texts:
        keys, starts = token_table(text)
        for k, key in enumerate(keys):
            if not key[0].isupper():
                lower.add(key)
            elif not _capitalised(key):
                continue
            elif not _opens_sentence(keys, starts, text, k):
                names.add(_strip_possessive(key))
            elif k + 1 < len(keys) and keys[k + 1][0].isupper():  # opens a sentence
                openers.append((key, keys[k + 1]))
    names.update(
        key for key, after in openers if key.lower() not in lower and _strip_possessive(after) in names
    )
    return frozenset(names)


class _Words:
    """One side's tokens. Whether a token is a name word is decided when first asked: only the
    tokens of short replacements and their neighbours ever are."""

    __slots__ = ("_lowered", "_name", "keys", "known", "starts", "text")

    def __init__(self, text: str, known: frozenset[str]) -> None:
        self.text = text
        self.keys, self.starts = token_table(text)
        self.known = known
        self._name: list[bool | None] = [None] * len(self.keys)
        self._lowered: frozenset[str] | None = None

    def name(self, k: int) -> bool:
        flag = self._name[k]
        if flag is None:
            key = self.keys[k]
            flag = (
                key[0].isalpha()
                and _capitalised(key)
                and not _not_a_name(key.lower())
                and (
                    not _opens_sentence(self.keys, self.starts, self.text, k)
                    or _strip_possessive(key) in self.known
                )
            )
            self._name[k] = flag
        return flag

    @property
    def lowered(self) -> frozenset[str]:
        """Every word of the text, lower case, split at punctuation: "is this name here at all"."""
        if self._lowered is None:
            self._lowered = frozenset(_NAME_FOLD.sub(" ", self.text.lower()).split())
        return self._lowered


def _name_fragment(words: _Words, start: int, end: int) -> tuple[int, int] | None:
    """Token range of a changed stretch that is nothing but a name (edge punctuation and function
    words aside), or None."""
    lo = bisect_left(words.starts, start)
    hi = bisect_left(words.starts, end)
    while lo < hi and not words.name(lo):
        if words.keys[lo][0].isalnum() and words.keys[lo].lower() not in _FUNCTION_WORDS:
            return None
        lo += 1
    while hi > lo and not words.name(hi - 1):
        if words.keys[hi - 1][0].isalnum() and words.keys[hi - 1].lower() not in _FUNCTION_WORDS:
            return None
        hi -= 1
    if lo >= hi or hi - lo > _MAX_NAME_WORDS:
        return None
    for k in range(lo, hi):
        if not (words.name(k) or words.keys[k].lower() in _NAME_JOINERS or words.keys[k] in ".’'-"):
            return None
    return lo, hi


def _run(words: _Words, lo: int, hi: int) -> tuple[int, int]:
    """Widen a name to the whole capitalised run around it ("Shoigu" → "Sergei Shoigu"), but not
    back past a title: "Russian Defense Minister Sergei Shoigu" is reported as "Sergei Shoigu"."""
    while lo > 0 and words.name(lo - 1) and not _is_title(words.keys[lo - 1]):
        lo -= 1
    while hi < len(words.keys) and words.name(hi):
        hi += 1
    return lo, hi


def _is_title(word: str) -> bool:
    return _NAME_FOLD.sub("", _strip_possessive(word).lower()) in _TITLES


def _fold(words: _Words, lo: int, hi: int) -> list[str]:
    """Name words without titles or possessives, lower case, punctuation removed."""
    folded: list[str] = []
    for k in range(lo, hi):
        if not words.name(k):
            continue
        word = _NAME_FOLD.sub("", _strip_possessive(words.keys[k]).lower())
        if word and word not in _TITLES:
            folded.append(word)
    return folded


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


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def _same_entity(x: list[str], y: list[str]) -> bool:
    """Whether two folded names could be one entity written two ways."""
    if not x or not y:
        return True  # only a title changed ("Adm." → "Admiral"), or a title was added
    joined_x, joined_y = "".join(x), "".join(y)
    if joined_x == joined_y or set(x) <= set(y) or set(y) <= set(x):
        return True
    if joined_x == _initials(y) or joined_y == _initials(x):
        return True  # "U.S." / "United States", "DPRK" / "Democratic People's Republic of Korea"
    place_x, place_y = _place(joined_x), _place(joined_y)
    if place_x == place_y:
        return True
    short, long = sorted((place_x, place_y), key=len)
    # "Russia"/"Russian", "China"/"Chinese", "North Korea"/"North Korean", "Gen"/"General".
    stem = short[:-1] if len(short) > 4 else short
    return len(short) >= 3 and len(long) - len(short) <= 4 and long.startswith(stem)


def _place(joined: str) -> str:
    """A country for its capital or seat of power ("Moscow" and "the Kremlin" for Russia)."""
    return _SEATS.get(joined, joined)


def _name_discrepancies(diff: WordDiff, known: frozenset[str]) -> list[Discrepancy]:
    words_a: _Words | None = None
    words_b: _Words | None = None
    found: list[Discrepancy] = []
    seen: set[tuple[str, str]] = set()
    for op in diff.ops:
        if op.kind != "replace":
            continue
        fragment_a, fragment_b = diff.a[op.a_start : op.a_end], diff.b[op.b_start : op.b_end]
        if not (any(ch.isupper() for ch in fragment_a) and any(ch.isupper() for ch in fragment_b)):
            continue
        if max(len(fragment_a.split()), len(fragment_b.split())) > 2 * _MAX_NAME_WORDS:
            continue  # a reworded passage, not a name put for a name
        words_a = words_a or _Words(diff.a, known)
        words_b = words_b or _Words(diff.b, known)
        range_a = _name_fragment(words_a, op.a_start, op.a_end)
        range_b = _name_fragment(words_b, op.b_start, op.b_end)
        if range_a is None or range_b is None:
            continue
        changed_a, changed_b = _fold(words_a, *range_a), _fold(words_b, *range_b)
        if _same_entity(changed_a, changed_b):
            continue
        if set(changed_a) <= words_b.lowered and set(changed_b) <= words_a.lowered:
            continue  # both sides name both: reordered ("Kim and Putin" / "Putin and Kim")
        run_a, run_b = _run(words_a, *range_a), _run(words_b, *range_b)
        if _same_entity(_fold(words_a, *run_a), _fold(words_b, *run_b)):
            continue
        span_a = (words_a.starts[run_a[0]], words_a.starts[run_a[1] - 1] + len(words_a.keys[run_a[1] - 1]))
        span_b = (words_b.starts[run_b[0]], words_b.starts[run_b[1] - 1] + len(words_b.keys[run_b[1] - 1]))
        text_a, text_b = one_line(diff.a[slice(*span_a)]), one_line(diff.b[slice(*span_b)])
        if (text_a, text_b) in seen:
            continue
        seen.add((text_a, text_b))
        found.append(Discrepancy("name", text_a, text_b, span_a, span_b))
    return found


# ---------------------------------------------------------------------------------------------


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
