"""The words figures are written with, besides number words (``core.lexicon``): units of time,
currencies, fractions, scales written as a suffix, and the words that make a month a date."""

from __future__ import annotations

from newsdiff.core.lexicon import CARDINALS, MONTHS, ORDINALS, TENS, WEEKDAYS, word_set

SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
"""Scales written straight after a numeral ("5k", "3bn")."""

FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}

YEAR_SECONDS = 365.25 * 86400
DURATIONS = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 7 * 86400.0,
    "fortnight": 14 * 86400.0,
    "month": YEAR_SECONDS / 12,
    "year": YEAR_SECONDS,
    "decade": 10 * YEAR_SECONDS,
    "century": 100 * YEAR_SECONDS,
}
"""Units of time in seconds: every duration is compared in seconds ("40 seconds" / "a minute")."""
DURATION_FORMS = {**{u: u for u in DURATIONS}, **{u + "s": u for u in DURATIONS}, "centuries": "century"}
"""Singular and plural of each unit of time, to the singular."""

CURRENCY_WORDS = {
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
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₩": "KRW"}

MONTH_NUMBERS = {form: n + 1 for n, forms in enumerate(MONTHS) for form in forms}
"""Every month name and abbreviation, to its number (1-12)."""
WEEKDAY_NUMBERS = {day: n for n, day in enumerate(WEEKDAYS)}
"""Weekday names to their index, Monday 0."""
MONTH_LEADS = word_set("in on since until by last next early late mid from through of")
"""Words before a month name that make it a date ("in March"), so "March"/"May" as verbs do not count."""
PERCENT_WORDS = word_set("percent pct")

TRIGGERS = frozenset(
    [
        *CARDINALS,
        *TENS,
        *ORDINALS,
        *FRACTIONS,
        *MONTH_NUMBERS,
        *WEEKDAY_NUMBERS,
        "dozen",
        "a",
        "an",
        "twice",
        "aged",
        "age",
    ]
)
"""Words a figure can start with, besides numerals: anything else is skipped at once."""
