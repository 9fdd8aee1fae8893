"""Shared word lists (core.lexicon): extensions hold their base list; the two stems differ as documented."""

from __future__ import annotations

from newsdiff.core import lexicon


def test_every_stopword_list_extends_the_core_list() -> None:
    assert lexicon.CORE_STOPWORDS < lexicon.STOPWORDS
    assert lexicon.CORE_STOPWORDS < lexicon.FACT_STOPWORDS
    assert "said" in lexicon.FACT_STOPWORDS and "said" not in lexicon.STOPWORDS
    assert "him" in lexicon.STOPWORDS and "him" not in lexicon.FACT_STOPWORDS


def test_every_title_list_extends_the_base_titles() -> None:
    assert lexicon.TITLES < lexicon.ROLE_TITLES < lexicon.FACT_TITLES
    assert lexicon.ROLE_TITLES < lexicon.SPEAKER_TITLES
    assert lexicon.HONORIFICS < lexicon.SPEAKER_TITLES
    assert "mr." in lexicon.SPEAKER_TITLES and "mr." not in lexicon.FACT_TITLES  # facts folds periods away


def test_calendar_words_hold_weekdays_months_and_abbreviations() -> None:
    assert lexicon.WEEKDAYS[0] == "monday" and len(lexicon.WEEKDAYS) == 7
    assert [forms[0] for forms in lexicon.MONTHS][8] == "september"
    assert {"sunday", "may", "sept", "dec"} <= lexicon.CALENDAR_WORDS
    assert "sept" not in lexicon.MONTH_NAMES


def test_number_words() -> None:
    assert lexicon.CARDINALS["seventeen"] == 17 and lexicon.TENS["ninety"] == 90
    assert lexicon.ORDINALS["twentieth"] == 20 and lexicon.ORDINALS["hundredth"] == 100
    assert {"seventeen", "ninety", "trillion", "dozens", "tenth", "twice"} <= lexicon.NUMBER_WORDS
    assert "eleventh" not in lexicon.NUMBER_WORDS and "trillions" not in lexicon.NUMBER_WORDS


def test_light_stem_strips_plurals_and_possessives_only() -> None:
    assert lexicon.stem("missiles") == "missile"
    assert lexicon.stem("kim's") == "kim"
    assert lexicon.stem("boss") == "boss"
    assert lexicon.stem("cars") == "cars"  # four letters: kept
    assert lexicon.stem("cities") == "citie"


def test_count_stem_widens_the_light_stem_for_counted_nouns() -> None:
    assert lexicon.count_stem("cities") == "city"
    assert lexicon.count_stem("cars") == "car"
    assert lexicon.count_stem("kim’s") == "kim"
    assert lexicon.count_stem("missiles") == lexicon.stem("missiles")
