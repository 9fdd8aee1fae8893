"""Search is literal, case-insensitive and quote-blind; the match cursor wraps and counts."""

from __future__ import annotations

import pytest

from newsdiff.core.search import MAX_HITS, Hit, Matches, compile_query, find


def test_plain_text_any_case() -> None:
    text = "Putin met Kim. PUTIN smiled; putin left."
    assert find(text, "putin") == [(0, 5), (15, 20), (29, 34)]
    assert [text[s:e] for s, e in find(text, "KIM")] == ["Kim"]


def test_unicode_letters_and_case() -> None:
    text = "Élysée, ÉLYSÉE and élysée; Straße; Ωmega ωMEGA"
    assert len(find(text, "élysée")) == 3
    assert [text[s:e] for s, e in find(text, "STRASSE")] == [], "no multi-character folding"
    assert [text[s:e] for s, e in find(text, "straße")] == ["Straße"]
    assert len(find(text, "ωmega")) == 2


def test_spans_stay_offsets_into_the_original_when_case_folding_changes_length() -> None:
    text = "İstanbul and istanbul, then Kim"
    spans = find(text, "kim")
    assert [text[s:e] for s, e in spans] == ["Kim"]


def test_cjk_and_emoji() -> None:
    text = "金正恩与普京会面。👨‍👩‍👧 家庭 👨‍👩‍👧"
    assert [text[s:e] for s, e in find(text, "普京")] == ["普京"]
    assert len(find(text, "👨‍👩‍👧")) == 2


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Kim's", "Kim’s visit"),
        ("Kim’s", "Kim's visit"),
        ('"sacred fight"', "a “sacred fight” he said"),
        ("“sacred fight”", 'a "sacred fight" he said'),
        ("«officiel»", 'le "officiel" texte'),
    ],
)
def test_curly_and_straight_quotes_are_the_same(query: str, text: str) -> None:
    spans = find(text, query)
    assert len(spans) == 1
    start, end = spans[0]
    assert end - start == len(query)


def test_quotes_do_not_match_letters() -> None:
    assert find("Kims visit", "Kim's") == []


def test_markup_and_regex_characters_are_literal() -> None:
    text = "approved the [bold]x[/bold] budget (a.b) cost $5* [@click=app.quit]y"
    for query in ("[bold]", "[/bold]", "(a.b)", "$5*", "[@click=app.quit]"):
        spans = find(text, query)
        assert [text[s:e] for s, e in spans] == [query], query
    assert find("axb", "a.b") == [], "a dot is a dot, not any character"
    assert find("aaa", ".*") == []


def test_white_space_in_the_query_matches_any_run_of_white_space() -> None:
    text = "the summit\nin  Vladivostok"
    assert [text[s:e] for s, e in find(text, "summit in vladivostok")] == ["summit\nin  Vladivostok"]


def test_matches_do_not_overlap() -> None:
    assert find("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find("aaaaa", "aa") == [(0, 2), (2, 4)]


@pytest.mark.parametrize("query", ["", " ", "\t\n"])
def test_empty_query_finds_nothing(query: str) -> None:
    assert compile_query(query) is None
    assert find("some text", query) == []
    assert not Matches.search([(0, "some text")], query)


def test_no_match() -> None:
    assert find("some text", "absent") == []
    matches = Matches.search([(0, "some text")], "absent")
    assert matches.current is None and matches.next() is None and matches.previous() is None
    assert matches.label == "no match"


def test_matches_cursor_wraps_and_labels() -> None:
    matches = Matches.search([("a", "one two one"), ("b", "none"), ("c", "One")], "one")
    assert len(matches) == 4
    assert [(h.location, h.start) for h in matches.hits] == [("a", 0), ("a", 8), ("b", 1), ("c", 0)]
    assert matches.label == "1/4"
    assert matches.previous() == Hit("c", 0, 3)
    assert matches.label == "4/4"
    assert matches.next() == Hit("a", 0, 3), "after the last comes the first"
    assert matches.next() == Hit("a", 8, 11)
    assert matches.label == "2/4"
    assert matches.count_by(lambda loc: loc) == {"a": 2, "b": 1, "c": 1}
    assert [h.start for h in matches.at("a")] == [0, 8]


def test_seek_starts_from_a_location_and_wraps() -> None:
    matches = Matches.search([(0, "x"), (1, "y"), (2, "x"), (3, "x")], "x")
    assert matches.seek(lambda row: row >= 1) == Hit(2, 0, 1)
    assert matches.label == "2/3"
    assert matches.seek(lambda row: row >= 4) == Hit(0, 0, 1), "nothing below: wrap to the first"


def test_a_search_stops_at_its_limit_and_says_so() -> None:
    texts = [(k, "a a a") for k in range(10)]
    matches = Matches.search(texts, "a", limit=7)
    assert len(matches) == 7 and matches.truncated
    assert [(h.location, h.start) for h in matches.hits[-2:]] == [(1, 4), (2, 0)]
    assert matches.label == "1/7+"
    assert matches.previous() == Hit(2, 0, 1), "n/N wrap within what was kept"
    unlimited = Matches.search(texts, "a", limit=None)
    assert len(unlimited) == 30 and not unlimited.truncated and unlimited.label == "1/30"
    exact = Matches.search(texts, "a", limit=30)
    assert len(exact) == 30 and not exact.truncated, "exactly the limit is not cut"


def test_the_default_limit_keeps_a_one_letter_search_of_a_long_story_bounded() -> None:
    texts = [(k, "e " * 100) for k in range(MAX_HITS)]
    matches = Matches.search(texts, "e")
    assert len(matches) == MAX_HITS and matches.truncated
    assert matches.label.endswith(f"/{MAX_HITS}+")
