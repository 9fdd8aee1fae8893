"""Stories forming from real articles (``tests/grouping``), replayed into a store as refreshes would
store them: reports of one event link by their aligned sentences or by the people and places they
name, also when they are alone in their days; other reports of the same days stay apart."""

from __future__ import annotations

from newsdiff.core.paraphrase import names
from newsdiff.core.stories import CANDIDATES, MIN_COSINE, MIN_COVERAGE, link_score, story_candidates
from support.grouping_set import load_set, replay


def _stories(*ids: str) -> set[frozenset[str]]:
    return set(replay(load_set(ids)))


def test_two_angles_on_one_race_link_by_the_names_they_share() -> None:
    # The Brazilian Grand Prix's red flags (Evening Standard) and Verstappen's drive (Daily Mail):
    # hardly a sentence in common, but the same drivers, team principal and circuit.
    red_flags, drive = load_set(["816cef9a", "101ee22f"])
    assert link_score(red_flags.article, drive.article) < MIN_COVERAGE
    shared = names(" ".join(p.text for p in red_flags.article.body)) & names(
        " ".join(p.text for p in drive.article.body)
    )
    assert {"raikkonen", "vettel", "rosberg"} <= shared
    assert _stories("816cef9a", "101ee22f") == {frozenset({"816cef9a", "101ee22f"})}


def test_two_reports_alone_in_their_days_still_link() -> None:
    # China Daily and CNN on North Korea's February 2016 satellite launch, nothing else stored
    # within two days: the IDF over two texts alone made every shared word look common.
    assert _stories("273f0c0b", "30e4d7a1") == {frozenset({"273f0c0b", "30e4d7a1"})}


def test_reports_of_the_same_days_on_other_events_stay_apart() -> None:
    # New Year's Eve 2017: a fireworks barge on fire at an Australian beach (BBC), a report on two
    # plane crashes, one near Sydney (China Daily), a flight that landed in 2017 (NPR), and the
    # Costa Rica crash (The Washington Post), which the China Daily report is also about.
    found = _stories("399df657", "255862df", "566c53aa", "04d3d3b4")
    assert found == {
        frozenset({"399df657"}),
        frozenset({"566c53aa"}),
        frozenset({"255862df", "04d3d3b4"}),
    }


def test_candidates_are_the_most_alike_stories_not_articles() -> None:
    """Five retellings of one report in story 1 are the most alike articles; the story's other
    report (story 2) must still be looked at, and each story once, by its most alike article."""
    story_of = {10: 1, 11: 1, 12: 1, 13: 1, 14: 1, 20: 2, 30: 3}
    ranked = [(0.9, 10), (0.88, 11), (0.87, 12), (0.86, 13), (0.85, 14), (0.4, 20), (0.3, 30)]
    assert story_candidates(ranked, story_of) == [10, 20, 30]
    assert story_candidates([(0.5, 10), (MIN_COSINE / 2, 20)], story_of) == [10]
    many = {k: k for k in range(CANDIDATES + 3)}
    assert len(story_candidates([(1.0 - k / 100, k) for k in many], many)) == CANDIDATES
